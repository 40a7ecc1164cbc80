//! Secret redaction for everything a job stores or prints (AWX §7.9, stricter): every known
//! secret value (credential passwords, key material, vault passwords, URL passwords) is replaced
//! by `$encrypted$` in stdout, events, the stored environment and command line, before anything
//! is written or printed.
//!
//! [`Redactor`] matches all secrets at once (Aho-Corasick, leftmost-longest), including the forms
//! a secret takes inside JSON text (escaped quotes, backslashes, control characters), so event
//! JSON can be redacted as raw text without being parsed. [`StreamRedactor`] does the same over a
//! byte stream that arrives in arbitrary chunks (the pty): it holds back only as many trailing
//! bytes as could still be the beginning of a secret.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub use crate::crypto::REDACTED;

/// The value AWX's `build_safe_env` puts in place of sensitive environment values.
pub const SAFE_ENV_MASK: &str = "**********";

/// Secrets shorter than this are not searched for (they would redact ordinary text).
pub const MIN_SECRET_LEN: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct Redactor {
    ac: Option<AhoCorasick>,
    max_len: usize,
}

/// The JSON-string-escaped form of `s` (without the quotes), as serde_json and Python's
/// `json.dumps(ensure_ascii=False)` write it.
fn json_escaped(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    quoted[1..quoted.len().saturating_sub(1)].to_string()
}

/// Python's `json.dumps` default (`ensure_ascii=True`) form of `s`.
fn json_ascii_escaped(s: &str) -> String {
    let mut out = String::new();
    for c in json_escaped(s).chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out
}

impl Redactor {
    /// A redactor for these secret values. Multi-line secrets (private keys) are also matched
    /// line by line, so a key printed partially is still hidden.
    pub fn new<I, S>(secrets: I) -> Redactor
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut patterns: Vec<String> = Vec::new();
        let mut add = |p: String| {
            if p.len() >= MIN_SECRET_LEN && !patterns.contains(&p) {
                patterns.push(p);
            }
        };
        for s in secrets {
            let s = s.as_ref();
            let trimmed = s.trim();
            if trimmed.len() < MIN_SECRET_LEN {
                continue;
            }
            for form in [s, trimmed] {
                add(form.to_string());
                add(json_escaped(form));
                add(json_ascii_escaped(form));
            }
            if trimmed.contains('\n') {
                for line in trimmed.lines().map(str::trim) {
                    if line.len() >= 16 && !line.starts_with("-----") {
                        add(line.to_string());
                    }
                }
            }
        }
        if patterns.is_empty() {
            return Redactor::default();
        }
        let max_len = patterns.iter().map(String::len).max().unwrap_or(0);
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        Redactor { ac, max_len }
    }

    pub fn is_empty(&self) -> bool {
        self.ac.is_none()
    }

    /// Length of the longest pattern.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Redact text; borrows when nothing matched (the common case: no allocation).
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(ac) = &self.ac else { return Cow::Borrowed(text) };
        if !ac.is_match(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in ac.find_iter(text) {
            out.push_str(&text[last..m.start()]);
            out.push_str(REDACTED);
            last = m.end();
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }

    /// Redact bytes (lossless for non-UTF-8 input).
    pub fn redact_bytes<'a>(&self, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        let Some(ac) = &self.ac else { return Cow::Borrowed(bytes) };
        if !ac.is_match(bytes) {
            return Cow::Borrowed(bytes);
        }
        let mut out = Vec::with_capacity(bytes.len());
        let mut last = 0;
        for m in ac.find_iter(bytes) {
            out.extend_from_slice(&bytes[last..m.start()]);
            out.extend_from_slice(REDACTED.as_bytes());
            last = m.end();
        }
        out.extend_from_slice(&bytes[last..]);
        Cow::Owned(out)
    }

    /// Redact a string in place (for JSON values).
    pub fn redact_string(&self, s: &mut String) {
        if let Cow::Owned(o) = self.redact(s) {
            *s = o;
        }
    }
}

/// Redact a file in place, streaming (a secret across two read chunks is still found): the
/// redacted copy is written next to it with the same permissions and renamed over it.
pub fn redact_file(path: &std::path::Path, r: &Redactor) -> crate::error::Result<()> {
    use std::io::{Read, Write};
    use std::os::unix::fs::OpenOptionsExt;
    if r.is_empty() {
        return Ok(());
    }
    let io = |p: &std::path::Path, e: std::io::Error| crate::error::Error::io_at(p, &e);
    let meta = std::fs::symlink_metadata(path).map_err(|e| io(path, e))?;
    let mut src = std::fs::File::open(path).map_err(|e| io(path, e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.redacting"));
    let mut dst = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp).map_err(|e| io(&tmp, e))?;
    let res = (|| {
        let mut stream = StreamRedactor::new(r.clone());
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = src.read(&mut buf).map_err(|e| io(path, e))?;
            if n == 0 {
                break;
            }
            dst.write_all(&stream.push(&buf[..n])).map_err(|e| io(&tmp, e))?;
        }
        dst.write_all(&stream.flush()).map_err(|e| io(&tmp, e))?;
        dst.sync_all().map_err(|e| io(&tmp, e))?;
        std::fs::set_permissions(&tmp, meta.permissions()).map_err(|e| io(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| io(path, e))
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

/// Redaction over a stream arriving in chunks: no secret split across two chunks escapes.
#[derive(Debug)]
pub struct StreamRedactor {
    r: Redactor,
    carry: Vec<u8>,
}

impl StreamRedactor {
    pub fn new(r: Redactor) -> StreamRedactor {
        StreamRedactor { r, carry: Vec::new() }
    }

    /// Feed a chunk; returns the bytes that are safe to emit now.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        let Some(ac) = self.r.ac.clone() else { return chunk.to_vec() };
        self.carry.extend_from_slice(chunk);
        let buf = std::mem::take(&mut self.carry);
        // A match that could still grow starts within the last max_len-1 bytes.
        let mut cut = buf.len().saturating_sub(self.r.max_len.saturating_sub(1));
        let mut out = Vec::with_capacity(buf.len());
        let mut last = 0;
        for m in ac.find_iter(&buf) {
            if m.start() >= cut {
                break;
            }
            out.extend_from_slice(&buf[last..m.start()]);
            out.extend_from_slice(REDACTED.as_bytes());
            last = m.end();
            cut = cut.max(m.end());
        }
        out.extend_from_slice(&buf[last..cut.max(last)]);
        self.carry = buf[cut.max(last)..].to_vec();
        out
    }

    /// Emit everything held back (at the end of the stream, or when it has been idle).
    pub fn flush(&mut self) -> Vec<u8> {
        let buf = std::mem::take(&mut self.carry);
        self.r.redact_bytes(&buf).into_owned()
    }

    pub fn pending(&self) -> usize {
        self.carry.len()
    }
}

/// Whether an environment variable name is sensitive (AWX's `build_safe_env` rule).
pub fn sensitive_env_key(key: &str) -> bool {
    let k = key.to_ascii_uppercase();
    if k == "AWS_ACCESS_KEY_ID" {
        return false;
    }
    if k.starts_with("ANSIBLE_") && !k.starts_with("ANSIBLE_NET_") && !k.starts_with("ANSIBLE_GALAXY_SERVER_") {
        return false;
    }
    ["API", "TOKEN", "KEY", "SECRET", "PASS"].iter().any(|w| k.contains(w))
}

/// Replace the password of every `scheme://user:password@host` in `text` with `mask`.
pub fn redact_url_passwords(text: &str, mask: &str) -> String {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = RE.get_or_init(|| regex::Regex::new(r"(\b[A-Za-z][A-Za-z0-9+.-]{0,19}://[^\s:/@]+:)([^\s@/]+)@").ok()) else {
        return text.to_string();
    };
    re.replace_all(text, |c: &regex::Captures<'_>| format!("{}{mask}@", &c[1])).into_owned()
}

/// The password part of a URL's userinfo, percent-decoded, if any.
pub fn url_password(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, pw) = userinfo.split_once(':')?;
    if pw.is_empty() {
        return None;
    }
    Some(percent_decode(pw))
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex_val(b[i + 1]), hex_val(b[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// The environment as stored with a job: sensitive keys masked, URL passwords masked, known
/// secret values redacted.
pub fn safe_env<'a, I>(env: I, redactor: &Redactor) -> serde_json::Map<String, serde_json::Value>
where
    I: IntoIterator<Item = (&'a String, &'a String)>,
{
    let mut out = serde_json::Map::new();
    for (k, v) in env {
        let v = if sensitive_env_key(k) {
            SAFE_ENV_MASK.to_string()
        } else {
            redactor.redact(&redact_url_passwords(v, SAFE_ENV_MASK)).into_owned()
        };
        out.insert(k.clone(), serde_json::Value::String(v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_all_forms_and_longest_first() {
        let r = Redactor::new(["hunter2", "hunter2-long", "q\"uote"]);
        assert_eq!(r.redact("a hunter2-long b hunter2"), "a $encrypted$ b $encrypted$");
        assert_eq!(r.redact(r#"{"x":"q\"uote"}"#), r#"{"x":"$encrypted$"}"#);
        assert!(matches!(r.redact("nothing here"), Cow::Borrowed(_)));
        assert!(Redactor::new(["ab", ""]).is_empty());
    }

    #[test]
    fn key_lines_are_redacted_individually() {
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n";
        let r = Redactor::new([key]);
        assert_eq!(r.redact("x b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ y"), "x $encrypted$ y");
        assert!(r.redact(key).find("b3Blbn").is_none());
    }

    #[test]
    fn stream_redaction_catches_secrets_split_across_chunks() {
        let r = Redactor::new(["s3cr3t-value"]);
        let text = b"before s3cr3t-value middle s3cr3t-value after";
        for split in 0..text.len() {
            let mut s = StreamRedactor::new(r.clone());
            let mut out = s.push(&text[..split]);
            out.extend(s.push(&text[split..]));
            out.extend(s.flush());
            assert_eq!(String::from_utf8(out).unwrap(), "before $encrypted$ middle $encrypted$ after", "split at {split}");
        }
        // Without secrets everything passes through at once.
        let mut s = StreamRedactor::new(Redactor::default());
        assert_eq!(s.push(b"abc"), b"abc");
    }

    #[test]
    fn env_is_made_safe() {
        let env: Vec<(String, String)> = vec![
            ("MY_PASSWORD".into(), "x".into()),
            ("ANSIBLE_FORCE_COLOR".into(), "True".into()),
            ("ANSIBLE_NET_PASSWORD".into(), "y".into()),
            ("REPO".into(), "https://bob:pw@git.example.com/r.git".into()),
            ("OTHER".into(), "has hunter2 inside".into()),
        ];
        let r = Redactor::new(["hunter2"]);
        let safe = safe_env(env.iter().map(|(k, v)| (k, v)), &r);
        assert_eq!(safe["MY_PASSWORD"], SAFE_ENV_MASK);
        assert_eq!(safe["ANSIBLE_FORCE_COLOR"], "True");
        assert_eq!(safe["ANSIBLE_NET_PASSWORD"], SAFE_ENV_MASK);
        assert_eq!(safe["REPO"], "https://bob:**********@git.example.com/r.git");
        assert_eq!(safe["OTHER"], "has $encrypted$ inside");
    }

    #[test]
    fn non_ascii_secrets_are_found_in_python_ascii_json() {
        // json.dumps(ensure_ascii=True): \u escapes in lower-case hex, surrogate pairs above
        // the BMP.
        let r = Redactor::new(["pässwort", "🔑key"]);
        assert_eq!(r.redact(r#"{"a":"p\u00e4sswort"}"#), r#"{"a":"$encrypted$"}"#);
        assert_eq!(r.redact(r#"{"b":"\ud83d\udd11key"}"#), r#"{"b":"$encrypted$"}"#);
        assert_eq!(r.redact("raw pässwort"), "raw $encrypted$");
        assert_eq!(json_ascii_escaped("a\"ä🔑"), r#"a\"\u00e4\ud83d\udd11"#);
    }

    #[test]
    fn minimum_lengths_are_inclusive() {
        // A secret of exactly MIN_SECRET_LEN characters is searched for; shorter ones are not,
        // also when only surrounding whitespace made them long enough.
        let r = Redactor::new(["abc", " xy "]);
        assert_eq!(r.redact("abc xy"), "$encrypted$ xy");
        assert_eq!(r.max_len(), 3);
        // A key line of exactly 16 characters is matched on its own; a 15-character one and the
        // BEGIN/END lines are not.
        let key = "-----BEGIN KEY-----\n0123456789abcdef\n0123456789ABCDE\n-----END KEY-----";
        let r = Redactor::new([key]);
        assert_eq!(r.max_len(), key.len() + 3);
        assert_eq!(r.redact("x 0123456789abcdef y"), "x $encrypted$ y");
        assert_eq!(r.redact("x 0123456789ABCDE y"), "x 0123456789ABCDE y");
        assert_eq!(r.redact("-----BEGIN KEY----- -----END KEY-----"), "-----BEGIN KEY----- -----END KEY-----");
    }

    #[test]
    fn bytes_and_strings_in_place() {
        let r = Redactor::new(["hunter2"]);
        assert_eq!(&*r.redact_bytes(b"\xff hunter2 \xfe"), b"\xff $encrypted$ \xfe");
        assert!(matches!(r.redact_bytes(b"\xff nothing"), Cow::Borrowed(b"\xff nothing")));
        assert!(matches!(Redactor::default().redact_bytes(b"hunter2"), Cow::Borrowed(b"hunter2")));
        let mut s = String::from("a hunter2 b hunter2");
        r.redact_string(&mut s);
        assert_eq!(s, "a $encrypted$ b $encrypted$");
        let mut s = String::from("unchanged");
        r.redact_string(&mut s);
        assert_eq!(s, "unchanged");
    }

    #[test]
    fn stream_holds_back_only_a_possible_secret_prefix() {
        let r = Redactor::new(["s3cr3t"]);
        let mut s = StreamRedactor::new(r);
        // "s3cr" could still become the secret: held back; the text before it is emitted.
        assert_eq!(s.push(b"hello s3cr"), b"hello");
        assert_eq!(s.pending(), 5);
        assert_eq!(s.push(b"3t and more"), b" $encrypted$ and");
        assert_eq!(s.pending(), 5);
        assert_eq!(s.flush(), b" more");
        assert_eq!(s.pending(), 0);
    }

    #[test]
    fn files_are_redacted_in_place_across_chunks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stdout.txt");
        // The secret straddles the 256 KiB read boundary.
        let mut text = "x".repeat(256 * 1024 - 3);
        text.push_str("hunter2 end");
        std::fs::write(&path, &text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        redact_file(&path, &Redactor::new(["hunter2"])).unwrap();
        let got = std::fs::read_to_string(&path).unwrap();
        assert_eq!(got, format!("{}$encrypted$ end", "x".repeat(256 * 1024 - 3)));
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["stdout.txt"]);
        // Nothing to redact: the file is not rewritten (its inode stays).
        use std::os::unix::fs::MetadataExt;
        let ino = std::fs::metadata(&path).unwrap().ino();
        redact_file(&path, &Redactor::default()).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().ino(), ino);
        // A missing file is an error naming it, and leaves no temporary file behind.
        let err = redact_file(&dir.path().join("gone"), &Redactor::new(["hunter2"])).unwrap_err();
        assert!(err.to_string().contains("gone"), "{err}");
    }

    #[test]
    fn sensitive_env_keys_like_awx() {
        for k in ["MY_PASSWORD", "api_url", "GITHUB_TOKEN", "SSH_KEY", "X_SECRET", "ANSIBLE_NET_PASSWORD", "ANSIBLE_GALAXY_SERVER_X_TOKEN"]
        {
            assert!(sensitive_env_key(k), "{k}");
        }
        for k in ["AWS_ACCESS_KEY_ID", "aws_access_key_id", "ANSIBLE_VAULT_PASSWORD_FILE", "HOME", "PATH"] {
            assert!(!sensitive_env_key(k), "{k}");
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("p%40ss%2f%41"), "p@ss/A");
        // A '%' without two hex digits after it stays as it is.
        assert_eq!(percent_decode("a%4"), "a%4");
        assert_eq!(percent_decode("%zz%"), "%zz%");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
        assert_eq!(url_password("https://bob:@h/r"), None);
        assert_eq!(url_password("https://bob:a:b@h:1/r?x=@y"), Some("a:b".into()));
        assert_eq!(url_password("no-scheme:pw@h"), None);
    }

    #[test]
    fn url_passwords() {
        assert_eq!(url_password("https://bob:p%40ss@h/r"), Some("p@ss".into()));
        assert_eq!(url_password("https://bob@h/r"), None);
        assert_eq!(redact_url_passwords("clone https://bob:pw@h/r.git done", "$encrypted$"), "clone https://bob:$encrypted$@h/r.git done");
    }
}
