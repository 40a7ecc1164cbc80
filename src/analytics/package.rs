//! Tarballs in AWX HEAD's format: `<system_uuid>-<until %Y-%m-%d-%H%M%S%z>-<index>.tar.gz`
//! (index = how many files with that base name the directory already holds), gzip'd tar with
//! members named `./<file>`, every member's mtime = `until`, and a `./manifest.json` mapping
//! each member to its collector version. Headers are deterministic (owner 0, mode 0644, no
//! user names) so the same data gives the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::time::Timestamp;

/// What goes into a member.
pub enum Source {
    File(PathBuf),
    Bytes(Vec<u8>),
}

pub struct Member {
    pub name: String,
    pub version: String,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberInfo {
    pub name: String,
    pub version: String,
    pub size: u64,
}

#[derive(Debug, Clone)]
pub struct Built {
    pub path: PathBuf,
    pub size: u64,
    pub members: Vec<MemberInfo>,
}

/// `<system_uuid>-<until as %Y-%m-%d-%H%M%S%z>`.
pub fn base_name(system_uuid: &str, until: &Timestamp) -> String {
    format!("{system_uuid}-{}", until.format("%Y-%m-%d-%H%M%S%z"))
}

/// The next free `<base>-<index>.tar.gz` in `dir`.
fn next_path(dir: &Path, base: &str) -> Result<PathBuf> {
    let prefix = format!("{base}-");
    let mut index = 0usize;
    for entry in fs_err::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            index += 1;
        }
    }
    loop {
        let p = dir.join(format!("{base}-{index}.tar.gz"));
        if !p.exists() {
            return Ok(p);
        }
        index += 1;
    }
}

/// Write a tarball of `members` plus `./manifest.json` into `dir`, built in `stage` first and
/// moved into place only when complete.
pub fn build(dir: &Path, stage: &Path, base: &str, until: &Timestamp, members: &[Member], level: u32) -> Result<Built> {
    let path = next_path(dir, base)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = stage.join(format!("{file_name}.partial"));
    let mtime = until.timestamp().max(0) as u64;
    let mut infos = Vec::new();
    {
        let f = create_private(&tmp)?;
        let gz = flate2::GzBuilder::new().write(std::io::BufWriter::with_capacity(256 * 1024, f), flate2::Compression::new(level));
        let mut tar = tar::Builder::new(gz);
        tar.mode(tar::HeaderMode::Deterministic);
        let mut manifest = serde_json::Map::new();
        for m in members {
            let member = format!("./{}", m.name);
            let size = match &m.source {
                Source::Bytes(b) => {
                    let h = header(&member, b.len() as u64, mtime)?;
                    tar.append(&h, b.as_slice()).map_err(|e| Error::io_at(&tmp, &e))?;
                    b.len() as u64
                }
                Source::File(p) => {
                    let f = fs_err::File::open(p)?;
                    let len = f.metadata()?.len();
                    let h = header(&member, len, mtime)?;
                    tar.append(&h, std::io::BufReader::with_capacity(256 * 1024, f)).map_err(|e| Error::io_at(&tmp, &e))?;
                    len
                }
            };
            manifest.insert(m.name.clone(), serde_json::Value::String(m.version.clone()));
            infos.push(MemberInfo { name: m.name.clone(), version: m.version.clone(), size });
        }
        let text = python_json(&serde_json::Value::Object(manifest));
        let h = header("./manifest.json", text.len() as u64, mtime)?;
        tar.append(&h, text.as_bytes()).map_err(|e| Error::io_at(&tmp, &e))?;
        infos.push(MemberInfo { name: "manifest.json".into(), version: String::new(), size: text.len() as u64 });
        let gz = tar.into_inner().map_err(|e| Error::io_at(&tmp, &e))?;
        let mut w = gz.finish().map_err(|e| Error::io_at(&tmp, &e))?;
        w.flush().map_err(|e| Error::io_at(&tmp, &e))?;
        let f = w.into_inner().map_err(|e| Error::io_at(&tmp, e.error()))?;
        f.sync_all()?;
    }
    fs_err::rename(&tmp, &path)?;
    let size = fs_err::metadata(&path)?.len();
    Ok(Built { path, size, members: infos })
}

/// A header for member `name`, written verbatim: the tar crate would drop the leading `./`
/// that AWX's member names carry.
fn header(name: &str, size: u64, mtime: u64) -> Result<tar::Header> {
    let mut h = tar::Header::new_gnu();
    let bytes = name.as_bytes();
    let field = &mut h.as_old_mut().name;
    if bytes.len() >= field.len() {
        return Err(Error::internal(format!("tar member name too long: {name}")));
    }
    field[..bytes.len()].copy_from_slice(bytes);
    h.set_size(size);
    h.set_mode(0o644);
    h.set_mtime(mtime);
    h.set_uid(0);
    h.set_gid(0);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_cksum();
    Ok(h)
}

/// Create a file readable by its owner only (tarballs hold inventory and job data).
pub fn create_private(path: &Path) -> Result<fs_err::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let f =
        std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path).map_err(|e| Error::io_at(path, &e))?;
    Ok(fs_err::File::from_parts(f, path))
}

/// JSON as Python's `json.dumps` writes it by default (what AWX's collectors produce):
/// `", "` and `": "` separators and non-ASCII escaped as `\uXXXX`.
pub fn python_json(v: &serde_json::Value) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PyFormatter);
    // Serialising a Value into memory cannot fail.
    let _ = serde::Serialize::serialize(v, &mut ser);
    String::from_utf8(out).unwrap_or_default()
}

struct PyFormatter;

impl serde_json::ser::Formatter for PyFormatter {
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        if fragment.is_ascii() {
            return w.write_all(fragment.as_bytes());
        }
        let mut buf = [0u16; 2];
        for c in fragment.chars() {
            if c.is_ascii() {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut buf) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_style_json() {
        let v = serde_json::json!({"a": [1, 2], "b": "é", "c": {"d": null}});
        assert_eq!(python_json(&v), r#"{"a": [1, 2], "b": "\u00e9", "c": {"d": null}}"#);
    }

    #[test]
    fn names_count_existing_files_and_members_are_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let stage = dir.path().join("stage");
        std::fs::create_dir(&stage).unwrap();
        let until = crate::time::parse("2026-03-04T05:06:07Z").unwrap();
        let base = base_name("uuid", &until);
        assert_eq!(base, "uuid-2026-03-04-050607+0000");
        let members = || vec![Member { name: "config.json".into(), version: "1.6".into(), source: Source::Bytes(b"{}".to_vec()) }];
        let a = build(dir.path(), &stage, &base, &until, &members(), 6).unwrap();
        let b = build(dir.path(), &stage, &base, &until, &members(), 6).unwrap();
        assert!(a.path.ends_with("uuid-2026-03-04-050607+0000-0.tar.gz"));
        assert!(b.path.ends_with("uuid-2026-03-04-050607+0000-1.tar.gz"));
        assert_eq!(std::fs::read(&a.path).unwrap(), std::fs::read(&b.path).unwrap());
        let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(std::fs::File::open(&a.path).unwrap()));
        let mut names = Vec::new();
        for e in ar.entries().unwrap() {
            let mut e = e.unwrap();
            assert_eq!(e.header().mtime().unwrap(), until.timestamp() as u64);
            let mut s = String::new();
            std::io::Read::read_to_string(&mut e, &mut s).unwrap();
            names.push((e.path().unwrap().to_string_lossy().into_owned(), s));
        }
        assert_eq!(
            names,
            vec![("./config.json".to_string(), "{}".to_string()), ("./manifest.json".to_string(), r#"{"config.json": "1.6"}"#.to_string())]
        );
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&a.path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
