//! Secrets at rest: AES-256-GCM under a key file created with mode 0600 on first use.
//!
//! A stored secret is `$encrypted$AESGCM$<base64(nonce ‖ ciphertext ‖ tag)>`; the field name is
//! bound as associated data so a value cannot be moved to another field unnoticed. Exports and
//! reports show secrets as [`REDACTED`] (`$encrypted$`), and applying `$encrypted$` keeps the
//! stored value, as AWX does.

use std::cell::{Cell, OnceCell};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use aes_gcm::aead::{Aead, KeyInit, OsRng, Payload};
use aes_gcm::{AeadCore, Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use crate::error::{Error, Result};

/// What secrets look like in exports and reports.
pub const REDACTED: &str = "$encrypted$";
const PREFIX: &str = "$encrypted$AESGCM$";

/// Fill `buf` from the operating system's random source (the one RNG awxm uses: the same
/// `OsRng` that makes keys and nonces).
pub fn random_bytes(buf: &mut [u8]) {
    use aes_gcm::aead::rand_core::RngCore;
    OsRng.fill_bytes(buf);
}

/// Shuffle `items` (Fisher–Yates) with the operating system's random source.
pub fn shuffle<T>(items: &mut [T]) {
    use aes_gcm::aead::rand_core::RngCore;
    for i in (1..items.len()).rev() {
        let j = (OsRng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

pub fn is_encrypted(s: &str) -> bool {
    s.starts_with(PREFIX)
}

/// Every place a value encrypted under the key file is stored: (table, column). A key may be
/// created only while none of them holds an encrypted value (see [`holds_secrets`]); a unit
/// test checks that every secret field of the resource model is listed.
pub const ENCRYPTED_COLUMNS: &[(&str, &str)] = &[
    // Credential inputs (password, ssh_key_data, vault_password, …).
    ("credential", "inputs"),
    // Notification template secrets (SMTP password, webhook password and headers, tokens).
    ("notification_template", "notification_configuration"),
    // Secret settings (email_host_password, redhat_password, …).
    ("setting", "value"),
    // Survey password answers of a job (AWX's start_args).
    ("job", "start_args"),
    // A password inside a project's SCM URL (crypto::url).
    ("project", "scm_url"),
];

/// Whether the database holds any value encrypted under some key. Run at the start of every
/// writing command while the key file is missing, so it reads no table whole: `job`, the one
/// that grows without bound, is read through its partial index `job_start_args_set` (which
/// holds only jobs with a `start_args`); `ORDER BY id` lets PostgreSQL prefer that index on a
/// large table even before autovacuum has analyzed it.
pub fn holds_secrets(tx: &mut crate::db::Tx<'_>) -> Result<bool> {
    let pattern = format!("%{PREFIX}%");
    for (table, column) in ENCRYPTED_COLUMNS {
        let order = if *table == "job" { " ORDER BY id" } else { "" };
        let sql = format!("SELECT 1 FROM {table} WHERE {column} <> '' AND {column} LIKE $1{order} LIMIT 1");
        let found = tx.query_opt(&sql, crate::params![pattern.as_str()])?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The error when the configured key file is missing but the database holds secrets: creating
/// a new key would leave the database with secrets under two keys.
pub fn missing_key_error(path: &Path) -> Error {
    Error::config(format!(
        "secret key file {} does not exist, but the database holds secrets encrypted with a key: \
         refusing to create a new key (the stored secrets could never be decrypted with it)",
        path.display()
    ))
    .detail(
        "point secret_key_file (config file) or AWXM_SECRET_KEY_FILE at the key file these secrets were encrypted with; \
         `awxm config` shows the configured paths",
    )
}

/// When a missing key file may be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateKey {
    /// Create it on first use (the library default).
    Allowed,
    /// Not yet: the command has not checked that the database holds no secrets
    /// (`Ctx::db` does, then allows it).
    Unchecked,
    /// Never: a read-only command.
    Never,
}

/// The secret key, loaded (or created) on first use.
pub struct Secrets {
    path: PathBuf,
    key: OnceCell<Key<Aes256Gcm>>,
    create: Cell<CreateKey>,
}

impl Secrets {
    pub fn new(path: impl Into<PathBuf>) -> Secrets {
        Secrets { path: path.into(), key: OnceCell::new(), create: Cell::new(CreateKey::Allowed) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Decide whether a missing key file may be created (see [`CreateKey`]).
    pub fn set_create(&self, policy: CreateKey) {
        self.create.set(policy);
    }

    /// Whether the key file exists (a broken or unreadable one counts as existing: reading
    /// it reports the problem).
    pub fn key_file_exists(&self) -> bool {
        !matches!(std::fs::symlink_metadata(&self.path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    fn key(&self) -> Result<&Key<Aes256Gcm>> {
        if let Some(k) = self.key.get() {
            return Ok(k);
        }
        let key = load_or_create(&self.path, self.create.get())?;
        Ok(self.key.get_or_init(|| key))
    }

    /// Encrypt `plain` for `field`. An already-encrypted value is returned unchanged.
    pub fn encrypt(&self, plain: &str, field: &str) -> Result<String> {
        if is_encrypted(plain) {
            return Ok(plain.to_string());
        }
        let cipher = Aes256Gcm::new(self.key()?);
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let ct = cipher
            .encrypt(&nonce, Payload { msg: plain.as_bytes(), aad: field.as_bytes() })
            .map_err(|_| Error::internal("encryption failed"))?;
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ct);
        Ok(format!("{PREFIX}{}", B64.encode(blob)))
    }

    /// Decrypt a stored value for `field`. A value that is not encrypted is returned as is.
    pub fn decrypt(&self, stored: &str, field: &str) -> Result<String> {
        let Some(b64) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_string());
        };
        let blob = B64.decode(b64).map_err(|_| Error::data(format!("stored secret {field:?} is corrupt (bad base64)")))?;
        if blob.len() < 12 + 16 {
            return Err(Error::data(format!("stored secret {field:?} is corrupt (too short)")));
        }
        let (nonce, ct) = blob.split_at(12);
        let cipher = Aes256Gcm::new(self.key()?);
        let plain = cipher.decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad: field.as_bytes() }).map_err(|_| {
            Error::config(format!(
                "cannot decrypt secret {field:?}: the key in {} is not the key it was encrypted with",
                self.path.display()
            ))
        })?;
        String::from_utf8(plain).map_err(|_| Error::data(format!("stored secret {field:?} is not UTF-8")))
    }
}

fn load_or_create(path: &Path, create: CreateKey) -> Result<Key<Aes256Gcm>> {
    match fs_err::read_to_string(path) {
        Ok(text) => {
            let raw = B64.decode(text.trim()).map_err(|_| Error::config(format!("secret key file {} is not base64", path.display())))?;
            if raw.len() != 32 {
                return Err(Error::config(format!("secret key file {} must hold 32 bytes, not {}", path.display(), raw.len())));
            }
            if let Ok(meta) = std::fs::metadata(path)
                && meta.permissions().mode() & 0o077 != 0
            {
                tracing::warn!("secret key file {} is readable by others (mode {:o})", path.display(), meta.permissions().mode() & 0o777);
            }
            Ok(*Key::<Aes256Gcm>::from_slice(&raw))
        }
        // A read-only command needs the key only to decrypt a stored secret.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create == CreateKey::Never => Err(missing_key_error(path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create == CreateKey::Unchecked => Err(Error::internal(format!(
            "the secret key file {} would be created before the database was checked for secrets",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent()
                && !dir.exists()
            {
                fs_err::create_dir_all(dir).map_err(|e| Error::config(format!("cannot create {}: {e}", dir.display())))?;
                let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
            }
            let key = Aes256Gcm::generate_key(&mut OsRng);
            let mut f = match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
                Ok(f) => f,
                // Another process created it at the same moment: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return load_or_create(path, create),
                Err(e) => return Err(Error::config(format!("cannot create secret key file {}: {e}", path.display()))),
            };
            f.write_all(B64.encode(key).as_bytes())
                .and_then(|_| f.write_all(b"\n"))
                .and_then(|_| f.sync_all())
                .map_err(|e| Error::config(format!("cannot write secret key file {}: {e}", path.display())))?;
            tracing::info!("created secret key file {}", path.display());
            Ok(key)
        }
        Err(e) => Err(Error::config(format!("cannot read secret key file: {e}"))),
    }
}

/// Replace every occurrence of the given secret values in `text` with `$encrypted$`.
/// Longer secrets are replaced first so a secret containing another is fully hidden.
pub fn redact(text: &str, secrets: &[String]) -> String {
    let mut sorted: Vec<&String> = secrets.iter().filter(|s| s.len() >= 3).collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = text.to_string();
    for s in sorted {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), REDACTED);
        }
    }
    out
}

/// Passwords inside URLs (`https://user:PASSWORD@host/…`, a project's `scm_url`), encrypted at
/// rest in place: the password component holds the ciphertext (its `/` percent-encoded), so
/// the stored text is still a URL that splits the same way. Shown and exported as
/// `https://user:$encrypted$@host/…`; a URL applied with `$encrypted$` as its password keeps
/// the stored one (and encrypts it if it was stored before this existed).
pub mod url {
    use std::ops::Range;

    use super::{REDACTED, Secrets, is_encrypted};
    use crate::error::Result;

    /// Bytes of the (non-empty) password component of `url`.
    fn password_range(url: &str) -> Option<Range<usize>> {
        let start = url.find("://")? + 3;
        let rest = &url[start..];
        let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
        let at = authority.rfind('@')?;
        let colon = authority[..at].find(':')?;
        (colon + 1 < at).then(|| start + colon + 1..start + at)
    }

    fn splice(url: &str, r: Range<usize>, password: &str) -> String {
        format!("{}{password}{}", &url[..r.start], &url[r.end..])
    }

    /// A ciphertext as a URL's password: `/` (of base64) percent-encoded.
    fn encode(cipher: &str) -> String {
        cipher.replace('/', "%2F")
    }

    /// The stored form of `given` (`field` names the column): its password encrypted. The
    /// inner error is the user's (`$encrypted$` with nothing stored to keep).
    pub fn store(secrets: &Secrets, field: &str, given: &str, stored: Option<&str>) -> Result<std::result::Result<String, String>> {
        let Some(r) = password_range(given) else { return Ok(Ok(given.to_string())) };
        let plain = crate::runner::redact::percent_decode(&given[r.clone()]);
        let kept = stored.and_then(|s| password_range(s).map(|sr| s[sr].to_string()));
        if plain == REDACTED {
            let Some(kept) = kept else {
                return Ok(Err("has $encrypted$ as its password, but no password is stored to keep".into()));
            };
            let decoded = crate::runner::redact::percent_decode(&kept);
            let kept = if is_encrypted(&decoded) { kept } else { encode(&secrets.encrypt(&decoded, field)?) };
            return Ok(Ok(splice(given, r, &kept)));
        }
        // The same password again keeps its ciphertext, so the row does not change.
        if let Some(k) = kept
            && secrets.decrypt(&crate::runner::redact::percent_decode(&k), field).ok().as_deref() == Some(plain.as_str())
        {
            return Ok(Ok(splice(given, r, &k)));
        }
        Ok(Ok(splice(given, r, &encode(&secrets.encrypt(&plain, field)?))))
    }

    /// `url` as shown and exported: its password as `$encrypted$`.
    pub fn shown(url: &str) -> String {
        match password_range(url) {
            Some(r) => splice(url, r, REDACTED),
            None => url.to_string(),
        }
    }

    /// A stored `url` as it is used: its password decrypted (percent-encoded again).
    pub fn revealed(secrets: &Secrets, field: &str, url: &str) -> Result<String> {
        let Some(r) = password_range(url) else { return Ok(url.to_string()) };
        let plain = secrets.decrypt(&crate::runner::redact::percent_decode(&url[r.clone()]), field)?;
        let mut encoded = String::with_capacity(plain.len());
        for b in plain.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=".contains(&b) {
                encoded.push(char::from(b));
            } else {
                encoded.push_str(&format!("%{b:02X}"));
            }
        }
        Ok(splice(url, r, &encoded))
    }

    /// Whether a key of a configuration mapping holds a URL (`url`, `grafana_url`, …).
    pub fn is_url_key(key: &str) -> bool {
        key == "url" || key.ends_with("_url")
    }

    /// Whether `url` carries a (non-empty) password.
    pub fn has_password(url: &str) -> bool {
        password_range(url).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_are_permutations_and_vary() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..64 {
            let mut v: Vec<u32> = (0..6).collect();
            shuffle(&mut v);
            let mut sorted = v.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..6).collect::<Vec<_>>());
            seen.insert(v);
        }
        // 720 orders, 64 draws: a shuffle that never moves anything would give 1.
        assert!(seen.len() > 20, "{}", seen.len());
        let (mut a, mut b) = ([0u8; 32], [0u8; 32]);
        random_bytes(&mut a);
        random_bytes(&mut b);
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 32]);
    }

    #[test]
    fn round_trip_and_field_binding() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k/secret.key");
        let s = Secrets::new(&path);
        let enc = s.encrypt("hunter2", "password").unwrap();
        assert!(enc.starts_with(PREFIX));
        assert!(!enc.contains("hunter2"));
        assert_eq!(s.decrypt(&enc, "password").unwrap(), "hunter2");
        assert!(s.decrypt(&enc, "become_password").is_err());
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        // A second handle reads the same key.
        assert_eq!(Secrets::new(&path).decrypt(&enc, "password").unwrap(), "hunter2");
        // Encrypting twice gives different ciphertexts.
        assert_ne!(enc, s.encrypt("hunter2", "password").unwrap());
    }

    #[test]
    fn url_passwords_are_encrypted_in_place_and_kept_by_encrypted() {
        let dir = tempfile::tempdir().unwrap();
        let s = Secrets::new(dir.path().join("k"));
        let given = "https://bob:p%2Fw@git.example.com/r.git";
        let stored = url::store(&s, "scm_url", given, None).unwrap().unwrap();
        assert!(stored.starts_with("https://bob:$encrypted$AESGCM$") && stored.ends_with("@git.example.com/r.git"), "{stored}");
        let password = &stored["https://bob:".len()..stored.rfind('@').unwrap()];
        assert!(!password.contains('/') && !password.contains("p%2Fw"), "a URL still: {stored}");
        assert_eq!(url::shown(&stored), "https://bob:$encrypted$@git.example.com/r.git");
        assert!(url::has_password(&stored) && url::has_password(given));
        // The same password, or $encrypted$, keeps the ciphertext; another one replaces it.
        assert_eq!(url::store(&s, "scm_url", given, Some(&stored)).unwrap().unwrap(), stored);
        assert_eq!(url::store(&s, "scm_url", &url::shown(&stored), Some(&stored)).unwrap().unwrap(), stored);
        assert_eq!(url::revealed(&s, "scm_url", &stored).unwrap(), given);
        let other = url::store(&s, "scm_url", "https://bob:new@git.example.com/r.git", Some(&stored)).unwrap().unwrap();
        assert_eq!(url::revealed(&s, "scm_url", &other).unwrap(), "https://bob:new@git.example.com/r.git");
        // Nothing to keep: the user's error. No password, an empty one, no userinfo: unchanged.
        assert!(url::store(&s, "scm_url", "https://bob:$encrypted$@h/r", Some("https://h/r")).unwrap().is_err());
        for plain in ["https://h/r.git", "https://bob@h/r.git", "https://bob:@h/r.git", "git@github.com:o/r.git", "/srv/repo"] {
            assert_eq!(url::store(&s, "scm_url", plain, None).unwrap().unwrap(), plain);
            assert_eq!(url::shown(plain), plain);
            assert!(!url::has_password(plain), "{plain}");
        }
        // A password stored in clear before this existed: shown masked, used, and encrypted
        // when an export is applied back.
        let legacy = "https://bob:old@h/r.git";
        assert_eq!(url::shown(legacy), "https://bob:$encrypted$@h/r.git");
        assert_eq!(url::revealed(&s, "scm_url", legacy).unwrap(), legacy);
        let upgraded = url::store(&s, "scm_url", &url::shown(legacy), Some(legacy)).unwrap().unwrap();
        assert_eq!(url::revealed(&s, "scm_url", &upgraded).unwrap(), legacy);
        assert!(!upgraded.contains(":old@"));
    }

    #[test]
    fn wrong_key_is_a_config_error() {
        let dir = tempfile::tempdir().unwrap();
        let enc = Secrets::new(dir.path().join("a")).encrypt("x", "f").unwrap();
        let e = Secrets::new(dir.path().join("b")).decrypt(&enc, "f").unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Config);
    }

    #[test]
    fn every_secret_column_is_checked_before_a_key_is_created() {
        for rt in crate::resources::types::ALL {
            for f in rt
                .fields
                .iter()
                .filter(|f| matches!(f.kind, crate::resources::types::Kind::Secret | crate::resources::types::Kind::SecretUrl))
            {
                assert!(ENCRYPTED_COLUMNS.contains(&(rt.table, f.column)), "{}.{} is not in ENCRYPTED_COLUMNS", rt.table, f.column);
            }
        }
        assert!(ENCRYPTED_COLUMNS.contains(&("setting", "value")));
    }

    #[test]
    fn a_missing_key_is_created_only_when_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        for policy in [CreateKey::Never, CreateKey::Unchecked] {
            let s = Secrets::new(&path);
            s.set_create(policy);
            assert!(s.encrypt("x", "password").is_err(), "{policy:?}");
            assert!(!path.exists(), "{policy:?} created the key");
        }
        let e = Secrets::new(&path);
        e.set_create(CreateKey::Never);
        assert_eq!(e.key().unwrap_err().kind, crate::error::ErrorKind::Config);
        Secrets::new(&path).encrypt("x", "password").unwrap();
        assert!(path.exists());
    }

    #[test]
    fn redaction_prefers_longer_secrets() {
        assert_eq!(redact("pw=abcdef and abc", &["abc".into(), "abcdef".into()]), "pw=$encrypted$ and $encrypted$");
    }
}
