//! Ed25519 signatures on license documents.
//!
//! A signed license carries `"signature": "<base64 of the 64-byte Ed25519 signature>"`. The
//! signature covers the document's *canonical form*: the JSON document without its `signature`
//! member, every object's keys sorted (byte order), no insignificant whitespace (serde_json's
//! compact form), UTF-8. So re-indenting or reordering a signed file keeps it valid, while any
//! change to a value breaks it.
//!
//! Keys are accepted as raw base64 (32 bytes), hex (64 digits) or PEM as written by
//! `openssl genpkey -algorithm ed25519` (`PUBLIC KEY` = SubjectPublicKeyInfo, `PRIVATE KEY` =
//! PKCS#8), so operators can keep their signing key wherever they keep other keys.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde_json::{Map, Value as Json};

/// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 key bytes.
const SPKI_PREFIX: [u8; 12] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
/// DER prefix of an Ed25519 PKCS#8 private key (RFC 8410) before the 32 seed bytes.
const PKCS8_PREFIX: [u8; 16] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/// The member holding the signature.
pub const FIELD: &str = "signature";

fn sorted(v: &Json) -> Json {
    match v {
        Json::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let mut out = Map::new();
            for k in keys {
                out.insert(k.clone(), sorted(&m[k]));
            }
            Json::Object(out)
        }
        Json::Array(a) => Json::Array(a.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// The bytes a signature covers (see the module documentation).
pub fn canonical_bytes(doc: &Map<String, Json>) -> Vec<u8> {
    let mut m = doc.clone();
    m.remove(FIELD);
    // `sorted` builds maps in key order; with serde_json's preserve_order that order is kept.
    serde_json::to_vec(&sorted(&Json::Object(m))).unwrap_or_default()
}

/// Decode key material: PEM, base64 or hex. `der_prefix` is the DER header expected in PEM.
fn decode_key(text: &str, pem_label: &str, der_prefix: &[u8]) -> Result<[u8; 32], String> {
    let t = text.trim();
    let raw: Vec<u8> = if t.starts_with("-----BEGIN") {
        // Tolerant of newlines folded into spaces (a PEM block given as a YAML scalar).
        let begin = format!("-----BEGIN {pem_label}-----");
        let end = format!("-----END {pem_label}-----");
        let Some(body) = t.strip_prefix(&begin).and_then(|rest| rest.split(&end).next()) else {
            let found: String = t.chars().take_while(|c| *c != '\n').take(40).collect();
            return Err(format!("expected a PEM block `{begin}`, found `{found}`"));
        };
        let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        let der = B64.decode(body).map_err(|e| format!("bad base64 in the PEM block: {e}"))?;
        match der.strip_prefix(der_prefix) {
            Some(k) => k.to_vec(),
            None => return Err(format!("the PEM block is not an Ed25519 {}", pem_label.to_lowercase())),
        }
    } else if t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()) {
        hex::decode(t).map_err(|e| format!("bad hex: {e}"))?
    } else {
        let b = B64.decode(t).map_err(|e| format!("not base64, hex or PEM: {e}"))?;
        // Accept base64 of the DER form as well.
        match b.strip_prefix(der_prefix) {
            Some(k) => k.to_vec(),
            None => b,
        }
    };
    <[u8; 32]>::try_from(raw.as_slice()).map_err(|_| format!("an Ed25519 key has 32 bytes, this one has {}", raw.len()))
}

pub fn parse_public_key(text: &str) -> Result<VerifyingKey, String> {
    let bytes = decode_key(text, "PUBLIC KEY", &SPKI_PREFIX)?;
    VerifyingKey::from_bytes(&bytes).map_err(|e| format!("not a valid Ed25519 public key: {e}"))
}

pub fn parse_private_key(text: &str) -> Result<SigningKey, String> {
    let bytes = decode_key(text, "PRIVATE KEY", &PKCS8_PREFIX)?;
    Ok(SigningKey::from_bytes(&bytes))
}

/// A new signing key from the operating system's random source.
pub fn generate() -> SigningKey {
    let mut seed = [0u8; 32];
    crate::crypto::random_bytes(&mut seed);
    SigningKey::from_bytes(&seed)
}

/// PEM forms (interoperable with OpenSSL).
pub fn private_key_pem(k: &SigningKey) -> String {
    let mut der = PKCS8_PREFIX.to_vec();
    der.extend_from_slice(k.as_bytes());
    format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", B64.encode(der))
}

pub fn public_key_pem(k: &VerifyingKey) -> String {
    let mut der = SPKI_PREFIX.to_vec();
    der.extend_from_slice(k.as_bytes());
    format!("-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n", B64.encode(der))
}

/// The raw base64 form used in the `license_public_key` setting.
pub fn public_key_b64(k: &VerifyingKey) -> String {
    B64.encode(k.as_bytes())
}

/// Sign `doc` in place (any old signature is replaced).
pub fn sign(doc: &mut Map<String, Json>, key: &SigningKey) {
    let sig = key.sign(&canonical_bytes(doc));
    doc.insert(FIELD.into(), Json::String(B64.encode(sig.to_bytes())));
}

/// Outcome of checking a document's signature against the configured keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Verified by the key at this index of the configured list.
    Valid(usize),
    /// The document has no signature.
    Unsigned,
    /// A signature is present but does not verify (with the reason).
    Invalid(String),
}

/// Check the signature of `doc` against any of `keys`.
pub fn verify(doc: &Map<String, Json>, keys: &[VerifyingKey]) -> Check {
    let sig_text = match doc.get(FIELD) {
        None | Some(Json::Null) => return Check::Unsigned,
        Some(Json::String(s)) => s,
        Some(_) => return Check::Invalid("the signature must be a base64 string".into()),
    };
    let bytes = match B64.decode(sig_text.trim()) {
        Ok(b) => b,
        Err(e) => return Check::Invalid(format!("the signature is not base64: {e}")),
    };
    let Ok(sig) = Signature::from_slice(&bytes) else {
        return Check::Invalid(format!("an Ed25519 signature has 64 bytes, this one has {}", bytes.len()));
    };
    let msg = canonical_bytes(doc);
    for (i, k) in keys.iter().enumerate() {
        if k.verify(&msg, &sig).is_ok() {
            return Check::Valid(i);
        }
    }
    Check::Invalid("the signature does not match the document and the configured public key (altered, or signed with another key)".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(v: Json) -> Map<String, Json> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn canonical_form_ignores_order_whitespace_and_signature() {
        let a = doc(json!({"b": 1, "a": {"y": [1, {"d": 2, "c": 3}], "x": "é"}}));
        let b: Map<String, Json> =
            serde_json::from_str("{ \"a\" : {\"x\":\"é\",\"y\":[1,{\"c\":3,\"d\":2}]},\n \"b\":1, \"signature\": \"zz\"}").unwrap();
        assert_eq!(canonical_bytes(&a), canonical_bytes(&b));
        assert_eq!(String::from_utf8(canonical_bytes(&a)).unwrap(), r#"{"a":{"x":"é","y":[1,{"c":3,"d":2}]},"b":1}"#);
    }

    #[test]
    fn sign_verify_tamper() {
        let k = generate();
        let mut d = doc(json!({"license_type": "enterprise", "instance_count": 100, "license_date": 2000000000}));
        sign(&mut d, &k);
        let other = generate().verifying_key();
        assert_eq!(verify(&d, &[k.verifying_key()]), Check::Valid(0));
        assert_eq!(verify(&d, &[other, k.verifying_key()]), Check::Valid(1));
        assert!(matches!(verify(&d, &[other]), Check::Invalid(_)));
        d.insert("instance_count".into(), json!(1000));
        assert!(matches!(verify(&d, &[k.verifying_key()]), Check::Invalid(_)));
        d.remove(FIELD);
        assert_eq!(verify(&d, &[k.verifying_key()]), Check::Unsigned);
        d.insert(FIELD.into(), json!("not base64!"));
        assert!(matches!(verify(&d, &[k.verifying_key()]), Check::Invalid(m) if m.contains("base64")));
    }

    #[test]
    fn key_formats_round_trip() {
        let k = generate();
        let pk = k.verifying_key();
        assert_eq!(parse_public_key(&public_key_pem(&pk)).unwrap(), pk);
        assert_eq!(parse_public_key(&public_key_b64(&pk)).unwrap(), pk);
        assert_eq!(parse_public_key(&hex::encode(pk.as_bytes())).unwrap(), pk);
        assert_eq!(parse_private_key(&private_key_pem(&k)).unwrap().to_bytes(), k.to_bytes());
        assert!(parse_public_key(&private_key_pem(&k)).unwrap_err().contains("PUBLIC KEY"));
        assert!(parse_public_key("AAAA").unwrap_err().contains("32 bytes"));
        // Newlines folded into spaces (YAML) still parse.
        assert_eq!(parse_public_key(&public_key_pem(&pk).replace('\n', " ")).unwrap(), pk);
    }
}
