//! OpenSSH `known_hosts` files: parsing, matching and appending.
//!
//! Supported: plain host patterns (comma lists, `*`/`?` wildcards, `!` negation, `[host]:port`
//! for non-standard ports), hashed names (`|1|salt|hmac-sha1`), `@revoked` lines (the key is
//! refused for the matching hosts) and comments. `@cert-authority` lines are skipped (awxm does not
//! verify host certificates). Host names are compared case-insensitively, as OpenSSH does.
//!
//! New entries are appended as plain `[host]:port type base64` lines under an exclusive file lock,
//! after re-reading the file, so concurrent runs (and threads) never write two different keys for
//! one host.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD as B64, STANDARD_NO_PAD as B64_NO_PAD};
use sha2::Digest;

/// How a key is recorded for a host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    None,
    Revoked,
    CertAuthority,
}

#[derive(Debug, Clone)]
enum HostSpec {
    /// `|1|salt|hash`
    Hashed { salt: Vec<u8>, hash: Vec<u8> },
    /// Comma-separated patterns, lower-cased.
    Patterns(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub line: usize,
    pub marker: Marker,
    hosts: HostSpec,
    pub key_type: String,
    pub key: Vec<u8>,
}

impl Entry {
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.key)
    }
}

/// The parsed file. Malformed lines are skipped (OpenSSH does the same), with their line numbers
/// kept in `skipped` for diagnostics.
#[derive(Debug, Clone, Default)]
pub struct KnownHosts {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
    pub skipped: Vec<usize>,
}

/// The outcome of checking a presented host key.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// A recorded key for this host equals the presented one.
    Match { line: usize },
    /// Keys are recorded for this host, none equal to the presented one:
    /// (key type, fingerprint, line) of each.
    Mismatch { known: Vec<(String, String, usize)> },
    /// The presented key is marked `@revoked` for this host.
    Revoked { line: usize },
    /// Nothing is recorded for this host.
    NotFound,
}

/// OpenSSH's name for a host and port in known_hosts: `host` on port 22, else `[host]:port`.
pub fn host_name(host: &str, port: u16) -> String {
    let h = host.to_ascii_lowercase();
    if port == 22 { h } else { format!("[{h}]:{port}") }
}

/// `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it.
pub fn fingerprint(key_blob: &[u8]) -> String {
    format!("SHA256:{}", B64_NO_PAD.encode(sha2::Sha256::digest(key_blob)))
}

/// The key type named inside an SSH public key blob (its first string).
pub fn blob_key_type(blob: &[u8]) -> Option<String> {
    let len = u32::from_be_bytes(blob.get(0..4)?.try_into().ok()?) as usize;
    let name = blob.get(4..4 + len)?;
    String::from_utf8(name.to_vec()).ok()
}

/// OpenSSH's wildcard match: `*` any run of characters, `?` exactly one.
fn wildcard(pattern: &[u8], s: &[u8]) -> bool {
    let (mut p, mut i) = (0usize, 0usize);
    let (mut star, mut mark) = (None::<usize>, 0usize);
    while i < s.len() {
        if p < pattern.len() && (pattern[p] == b'?' || pattern[p] == s[i]) {
            p += 1;
            i += 1;
        } else if p < pattern.len() && pattern[p] == b'*' {
            star = Some(p);
            mark = i;
            p += 1;
        } else if let Some(sp) = star {
            p = sp + 1;
            mark += 1;
            i = mark;
        } else {
            return false;
        }
    }
    while p < pattern.len() && pattern[p] == b'*' {
        p += 1;
    }
    p == pattern.len()
}

fn hmac_sha1(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let pkey = openssl::pkey::PKey::hmac(key).ok()?;
    let mut signer = openssl::sign::Signer::new(openssl::hash::MessageDigest::sha1(), &pkey).ok()?;
    signer.update(data).ok()?;
    signer.sign_to_vec().ok()
}

impl HostSpec {
    fn matches(&self, name: &str) -> bool {
        match self {
            HostSpec::Hashed { salt, hash } => hmac_sha1(salt, name.as_bytes()).is_some_and(|h| &h == hash),
            HostSpec::Patterns(list) => {
                let mut positive = false;
                for p in list {
                    if let Some(neg) = p.strip_prefix('!') {
                        if wildcard(neg.as_bytes(), name.as_bytes()) {
                            return false;
                        }
                    } else if wildcard(p.as_bytes(), name.as_bytes()) {
                        positive = true;
                    }
                }
                positive
            }
        }
    }
}

fn parse_line(n: usize, line: &str) -> Result<Option<Entry>, ()> {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return Ok(None);
    }
    let mut fields = t.split_ascii_whitespace();
    let mut first = fields.next().ok_or(())?;
    let marker = match first {
        "@revoked" => Marker::Revoked,
        "@cert-authority" => Marker::CertAuthority,
        m if m.starts_with('@') => return Err(()),
        _ => Marker::None,
    };
    if marker != Marker::None {
        first = fields.next().ok_or(())?;
    }
    let hosts = if let Some(rest) = first.strip_prefix("|1|") {
        let (salt, hash) = rest.split_once('|').ok_or(())?;
        HostSpec::Hashed { salt: B64.decode(salt).map_err(|_| ())?, hash: B64.decode(hash).map_err(|_| ())? }
    } else {
        HostSpec::Patterns(first.split(',').filter(|p| !p.is_empty()).map(|p| p.to_ascii_lowercase()).collect())
    };
    let key_type = fields.next().ok_or(())?.to_string();
    let key = B64.decode(fields.next().ok_or(())?).map_err(|_| ())?;
    Ok(Some(Entry { line: n, marker, hosts, key_type, key }))
}

impl KnownHosts {
    pub fn parse(path: &Path, text: &str) -> KnownHosts {
        let mut kh = KnownHosts { path: path.to_path_buf(), ..Default::default() };
        for (i, line) in text.lines().enumerate() {
            match parse_line(i + 1, line) {
                Ok(Some(e)) => kh.entries.push(e),
                Ok(None) => {}
                Err(()) => kh.skipped.push(i + 1),
            }
        }
        kh
    }

    /// Read the file; a missing file is an empty list.
    pub fn load(path: &Path) -> std::io::Result<KnownHosts> {
        match fs_err::read_to_string(path) {
            Ok(text) => Ok(KnownHosts::parse(path, &text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(KnownHosts { path: path.to_path_buf(), ..Default::default() }),
            Err(e) => Err(e),
        }
    }

    /// Entries (not certificate authorities) whose host part matches `host`/`port`.
    pub fn for_host(&self, host: &str, port: u16) -> Vec<&Entry> {
        let name = host_name(host, port);
        self.entries.iter().filter(|e| e.marker != Marker::CertAuthority && e.hosts.matches(&name)).collect()
    }

    /// The key types recorded for a host (to prefer them when negotiating).
    pub fn key_types(&self, host: &str, port: u16) -> Vec<String> {
        let mut v: Vec<String> =
            self.for_host(host, port).into_iter().filter(|e| e.marker == Marker::None).map(|e| e.key_type.clone()).collect();
        v.dedup();
        v
    }

    pub fn check(&self, host: &str, port: u16, key: &[u8]) -> Check {
        let matching = self.for_host(host, port);
        if let Some(e) = matching.iter().find(|e| e.marker == Marker::Revoked && e.key == key) {
            return Check::Revoked { line: e.line };
        }
        let known: Vec<&&Entry> = matching.iter().filter(|e| e.marker == Marker::None).collect();
        if let Some(e) = known.iter().find(|e| e.key == key) {
            return Check::Match { line: e.line };
        }
        if known.is_empty() {
            return Check::NotFound;
        }
        Check::Mismatch { known: known.iter().map(|e| (e.key_type.clone(), e.fingerprint(), e.line)).collect() }
    }
}

/// Append `host`'s key unless the file (re-read under an exclusive lock) already has an entry
/// for it. Returns the check against the file as it was under the lock: `NotFound` means the key
/// was added; anything else means nothing was written and the caller must judge the result.
pub fn append_if_absent(path: &Path, host: &str, port: u16, key_type: &str, key: &[u8]) -> std::io::Result<Check> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
        && !dir.exists()
    {
        fs_err::create_dir_all(dir)?;
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let mut file = fs_err::OpenOptions::new().create(true).append(true).read(true).open(path)?;
    file.file().lock()?;
    let text = fs_err::read_to_string(path)?;
    let check = KnownHosts::parse(path, &text).check(host, port, key);
    if check == Check::NotFound {
        let mut line = String::new();
        if !text.is_empty() && !text.ends_with('\n') {
            line.push('\n');
        }
        line.push_str(&format!("{} {} {}\n", host_name(host, port), key_type, B64.encode(key)));
        file.write_all(line.as_bytes())?;
        file.sync_all()?;
    }
    // The lock is released when the file is closed.
    Ok(check)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIKCX6Qs4b34UNZKKFL1ry8w0lLjl7ZIG0n1ESt1wcn7h";
    const ED2: &str = "AAAAC3NzaC1lZDI1NTE5AAAAICwuCl6WK5XXLDJaQbc0VTcppCOXggQUgorlAGYTmT9C";

    fn blob(b: &str) -> Vec<u8> {
        B64.decode(b).unwrap()
    }

    #[test]
    fn plain_and_bracketed_names() {
        let kh = KnownHosts::parse(
            Path::new("kh"),
            &format!("# comment\n\nnode1,10.0.0.1 ssh-ed25519 {ED}\n[127.0.0.2]:2222 ssh-ed25519 {ED2} c\nbroken line\n"),
        );
        assert_eq!(kh.skipped, vec![5]);
        assert_eq!(kh.check("node1", 22, &blob(ED)), Check::Match { line: 3 });
        assert_eq!(kh.check("NODE1", 22, &blob(ED)), Check::Match { line: 3 });
        assert_eq!(kh.check("10.0.0.1", 22, &blob(ED)), Check::Match { line: 3 });
        // Port matters: node1 on 2222 is unknown.
        assert_eq!(kh.check("node1", 2222, &blob(ED)), Check::NotFound);
        assert_eq!(kh.check("127.0.0.2", 2222, &blob(ED2)), Check::Match { line: 4 });
        match kh.check("127.0.0.2", 2222, &blob(ED)) {
            Check::Mismatch { known } => {
                assert_eq!(known.len(), 1);
                assert_eq!(known[0].0, "ssh-ed25519");
                assert_eq!(known[0].1, fingerprint(&blob(ED2)));
                assert_eq!(known[0].2, 4);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wildcards_and_negation() {
        let kh =
            KnownHosts::parse(Path::new("kh"), &format!("*.example.test,!bad.example.test ssh-ed25519 {ED}\nnode? ssh-ed25519 {ED}\n"));
        assert!(matches!(kh.check("web.example.test", 22, &blob(ED)), Check::Match { .. }));
        assert_eq!(kh.check("bad.example.test", 22, &blob(ED)), Check::NotFound);
        assert!(matches!(kh.check("node7", 22, &blob(ED)), Check::Match { .. }));
        assert_eq!(kh.check("node17", 22, &blob(ED)), Check::NotFound);
        assert!(wildcard(b"a*b*c", b"aXXbYc"));
        assert!(!wildcard(b"a*b*c", b"aXXbY"));
        assert!(wildcard(b"*", b""));
    }

    #[test]
    fn hashed_names() {
        // `ssh-keygen -H` form of "[127.0.0.2]:2222": HMAC-SHA1 keyed by the salt.
        let salt = b"0123456789abcdefghij";
        let name = host_name("127.0.0.2", 2222);
        let hash = hmac_sha1(salt, name.as_bytes()).unwrap();
        let line = format!("|1|{}|{} ssh-ed25519 {ED}\n", B64.encode(salt), B64.encode(hash));
        let kh = KnownHosts::parse(Path::new("kh"), &line);
        assert_eq!(kh.check("127.0.0.2", 2222, &blob(ED)), Check::Match { line: 1 });
        assert_eq!(kh.check("127.0.0.3", 2222, &blob(ED)), Check::NotFound);
        assert!(matches!(kh.check("127.0.0.2", 2222, &blob(ED2)), Check::Mismatch { .. }));
    }

    #[test]
    fn revoked_and_cert_authority() {
        let kh = KnownHosts::parse(Path::new("kh"), &format!("@revoked * ssh-ed25519 {ED}\n@cert-authority * ssh-ed25519 {ED2}\n"));
        assert_eq!(kh.check("any", 22, &blob(ED)), Check::Revoked { line: 1 });
        // A CA line is not a host key.
        assert_eq!(kh.check("any", 22, &blob(ED2)), Check::NotFound);
    }

    #[test]
    fn known_fingerprint_format() {
        // `ssh-keygen -lf` of the ED key above prints this fingerprint.
        assert_eq!(fingerprint(&blob(ED)), "SHA256:GXzo48hkT6+aAhnwKxBHL0qKmWOmddaMjnxwYePIa3I");
        assert_eq!(blob_key_type(&blob(ED)).as_deref(), Some("ssh-ed25519"));
    }

    #[test]
    fn append_writes_once_and_keeps_existing_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/known_hosts");
        assert_eq!(append_if_absent(&path, "n1", 2200, "ssh-ed25519", &blob(ED)).unwrap(), Check::NotFound);
        assert!(matches!(append_if_absent(&path, "n1", 2200, "ssh-ed25519", &blob(ED)).unwrap(), Check::Match { .. }));
        assert!(matches!(append_if_absent(&path, "n1", 2200, "ssh-ed25519", &blob(ED2)).unwrap(), Check::Mismatch { .. }));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("[n1]:2200 ssh-ed25519 {ED}\n"));
    }
}
