//! SFTP on a [`Conn`]: files, bytes and whole trees in both directions with their modes,
//! reading a remote file from a byte offset (for following growing output files), stat,
//! `mkdir -p`, removal.
//!
//! Symlinks inside trees are recreated as symlinks (never followed); other special files are
//! skipped. A directory's mode is applied after its contents are written, so read-only
//! directories round-trip too.

use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use ssh2::{FileStat, OpenFlags, OpenType};

use super::conn::{Conn, classify};
use super::{SshError, SshErrorKind as K, SshResult, shell_quote};

const CHUNK: usize = 256 * 1024;

/// What a tree transfer moved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TransferStats {
    pub files: u64,
    pub dirs: u64,
    pub symlinks: u64,
    pub bytes: u64,
    /// Special files (sockets, fifos, devices) left out.
    pub skipped: u64,
}

/// A remote file's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteStat {
    pub size: u64,
    /// Permission bits (`0o7777` part of the mode).
    pub mode: u32,
    pub is_dir: bool,
    pub is_file: bool,
    pub is_symlink: bool,
    pub mtime: Option<u64>,
}

impl RemoteStat {
    fn from(st: &FileStat) -> RemoteStat {
        let perm = st.perm.unwrap_or(0);
        let fmt = perm & 0o170000;
        RemoteStat {
            size: st.size.unwrap_or(0),
            mode: perm & 0o7777,
            is_dir: fmt == 0o040000,
            is_file: fmt == 0o100000,
            is_symlink: fmt == 0o120000,
            mtime: st.mtime,
        }
    }
}

fn local_err(path: &Path, what: &str, e: &std::io::Error) -> SshError {
    let kind = match e.kind() {
        std::io::ErrorKind::NotFound => K::NotFound,
        std::io::ErrorKind::PermissionDenied => K::Permission,
        _ => K::LocalIo,
    };
    SshError::new(kind, format!("{what} {}: {e}", path.display()))
}

fn perm_only(mode: u32) -> FileStat {
    FileStat { size: None, uid: None, gid: None, perm: Some(mode & 0o7777), atime: None, mtime: None }
}

impl Conn {
    /// Run `f` with the SFTP channel (opened on first use, then kept for the connection).
    fn with_sftp<T>(&mut self, f: impl FnOnce(&ssh2::Sftp, &str) -> SshResult<T>) -> SshResult<T> {
        let who = self.who();
        let sftp = match self.sftp.take() {
            Some(s) => s,
            None => self.sess.sftp().map_err(|e| classify(&e, &who, "starting SFTP"))?,
        };
        let r = f(&sftp, &who);
        self.sftp = Some(sftp);
        r
    }

    /// Metadata of a remote path (following symlinks); `None` when it does not exist.
    pub fn stat(&mut self, remote: &str) -> SshResult<Option<RemoteStat>> {
        self.with_sftp(|s, who| match s.stat(Path::new(remote)) {
            Ok(st) => Ok(Some(RemoteStat::from(&st))),
            Err(e) => {
                let c = classify(&e, who, &format!("stat {remote}"));
                if c.kind == K::NotFound { Ok(None) } else { Err(c) }
            }
        })
    }

    /// Create `remote` and its missing parents; directories created get `mode`.
    pub fn mkdir_p(&mut self, remote: &str, mode: u32) -> SshResult<()> {
        self.with_sftp(|s, who| mkdir_p(s, who, Path::new(remote), mode))
    }

    /// Write `data` to `remote` (created or truncated) with exactly `mode`.
    pub fn put_bytes(&mut self, data: &[u8], remote: &str, mode: u32) -> SshResult<()> {
        self.with_sftp(|s, who| put_reader(s, who, &mut std::io::Cursor::new(data), Path::new(remote), mode).map(|_| ()))
    }

    /// Upload a local file; the remote file gets `mode`, or the local file's mode.
    pub fn put_file(&mut self, local: &Path, remote: &str, mode: Option<u32>) -> SshResult<u64> {
        let mut f = fs_err::File::open(local).map_err(|e| local_err(local, "reading", &e))?;
        let m = match mode {
            Some(m) => m,
            None => f.metadata().map_err(|e| local_err(local, "reading", &e))?.permissions().mode(),
        };
        self.with_sftp(|s, who| put_reader(s, who, &mut f, Path::new(remote), m))
    }

    /// Download a remote file to `local` (created or truncated) with the remote file's mode.
    pub fn get_file(&mut self, remote: &str, local: &Path) -> SshResult<u64> {
        self.with_sftp(|s, who| get_file(s, who, Path::new(remote), local))
    }

    /// The whole content of a remote file.
    pub fn read_file(&mut self, remote: &str) -> SshResult<Vec<u8>> {
        self.read_from(remote, 0, usize::MAX)
    }

    /// Up to `max` bytes of a remote file starting at byte `offset` (fewer at its end; empty
    /// when the file is not longer than `offset`). For following files that grow: keep the
    /// offset, add the length of what came back, ask again.
    pub fn read_from(&mut self, remote: &str, offset: u64, max: usize) -> SshResult<Vec<u8>> {
        self.with_sftp(|s, who| {
            let what = format!("reading {remote}");
            let mut f = s.open(Path::new(remote)).map_err(|e| classify(&e, who, &what))?;
            if offset > 0 {
                f.seek(SeekFrom::Start(offset)).map_err(|e| SshError::new(K::Sftp, format!("{who}: {what}: {e}")))?;
            }
            let mut out = Vec::new();
            let mut buf = vec![0u8; CHUNK.min(max.max(1))];
            while out.len() < max {
                let want = buf.len().min(max - out.len());
                match f.read(&mut buf[..want]) {
                    Ok(0) => break,
                    Ok(n) => out.extend_from_slice(&buf[..n]),
                    Err(e) => return Err(SshError::new(K::Sftp, format!("{who}: {what}: {e}"))),
                }
            }
            Ok(out)
        })
    }

    /// Copy the local directory `local` to `remote` (created if missing), recursively, with
    /// every file's and directory's mode. Existing remote files are overwritten.
    pub fn put_tree(&mut self, local: &Path, remote: &str) -> SshResult<TransferStats> {
        self.put_tree_excluding(local, remote, &[])
    }

    /// [`put_tree`](Self::put_tree), leaving out entries with one of the names in `exclude`
    /// (at any depth, e.g. `.git`).
    pub fn put_tree_excluding(&mut self, local: &Path, remote: &str, exclude: &[&str]) -> SshResult<TransferStats> {
        let meta = fs_err::symlink_metadata(local).map_err(|e| local_err(local, "reading", &e))?;
        if !meta.is_dir() {
            return Err(SshError::new(K::LocalIo, format!("{} is not a directory", local.display())));
        }
        self.with_sftp(|s, who| {
            let mut stats = TransferStats::default();
            let root = Path::new(remote);
            mkdir_p(s, who, root, 0o700)?;
            put_dir(s, who, local, root, exclude, &mut stats)?;
            s.setstat(root, perm_only(meta.permissions().mode())).map_err(|e| classify(&e, who, &format!("chmod {remote}")))?;
            stats.dirs += 1;
            Ok(stats)
        })
    }

    /// Copy the remote directory `remote` to `local` (created if missing), recursively, with
    /// modes.
    pub fn get_tree(&mut self, remote: &str, local: &Path) -> SshResult<TransferStats> {
        self.with_sftp(|s, who| {
            let st = s.stat(Path::new(remote)).map_err(|e| classify(&e, who, &format!("stat {remote}")))?;
            let rs = RemoteStat::from(&st);
            if !rs.is_dir {
                return Err(SshError::new(K::Sftp, format!("{who}: {remote} is not a directory")));
            }
            fs_err::create_dir_all(local).map_err(|e| local_err(local, "creating", &e))?;
            let mut stats = TransferStats::default();
            get_dir(s, who, Path::new(remote), local, &mut stats)?;
            fs_err::set_permissions(local, std::fs::Permissions::from_mode(rs.mode)).map_err(|e| local_err(local, "chmod", &e))?;
            stats.dirs += 1;
            Ok(stats)
        })
    }

    /// Remove a remote file; false when it did not exist.
    pub fn remove_file(&mut self, remote: &str) -> SshResult<bool> {
        self.with_sftp(|s, who| match s.unlink(Path::new(remote)) {
            Ok(()) => Ok(true),
            Err(e) => {
                let c = classify(&e, who, &format!("removing {remote}"));
                if c.kind == K::NotFound { Ok(false) } else { Err(c) }
            }
        })
    }

    /// `rm -rf` a remote path (refuses `/`, empty paths and the home directory itself).
    pub fn remove_tree(&mut self, remote: &str) -> SshResult<()> {
        let trimmed = remote.trim_end_matches('/');
        if trimmed.is_empty() || trimmed == "." || trimmed == "~" || trimmed == ".." {
            return Err(SshError::new(K::Protocol, format!("{}: refusing to remove {remote:?}", self.who())));
        }
        let r = self.exec(&format!("rm -rf -- {}", shell_quote(trimmed)))?;
        if r.success() {
            Ok(())
        } else {
            Err(SshError::new(K::Sftp, format!("{}: removing {remote} failed: {}", self.who(), r.last_line())))
        }
    }
}

fn mkdir_p(s: &ssh2::Sftp, who: &str, path: &Path, mode: u32) -> SshResult<()> {
    let mut cur = PathBuf::new();
    for comp in path.components() {
        cur.push(comp);
        if matches!(comp, std::path::Component::RootDir | std::path::Component::CurDir) {
            continue;
        }
        match s.stat(&cur) {
            Ok(st) if RemoteStat::from(&st).is_dir => continue,
            Ok(_) => return Err(SshError::new(K::Sftp, format!("{who}: {} exists and is not a directory", cur.display()))),
            Err(_) => {}
        }
        if let Err(e) = s.mkdir(&cur, (mode & 0o7777) as i32) {
            // Someone else may have created it meanwhile.
            match s.stat(&cur) {
                Ok(st) if RemoteStat::from(&st).is_dir => {}
                _ => return Err(classify(&e, who, &format!("mkdir {}", cur.display()))),
            }
        }
    }
    Ok(())
}

fn put_reader(s: &ssh2::Sftp, who: &str, src: &mut dyn Read, remote: &Path, mode: u32) -> SshResult<u64> {
    let what = format!("writing {}", remote.display());
    let mut f = s
        .open_mode(remote, OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE, (mode & 0o7777) as i32, OpenType::File)
        .map_err(|e| classify(&e, who, &what))?;
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = src.read(&mut buf).map_err(|e| SshError::new(K::LocalIo, format!("{what}: reading the source: {e}")))?;
        if n == 0 {
            break;
        }
        f.write_all(&buf[..n]).map_err(|e| SshError::new(K::Sftp, format!("{who}: {what}: {e}")))?;
        total += n as u64;
    }
    // The umask may have narrowed the mode given at creation; an existing file kept its own.
    f.setstat(perm_only(mode)).map_err(|e| classify(&e, who, &format!("chmod {}", remote.display())))?;
    f.close().map_err(|e| classify(&e, who, &what))?;
    Ok(total)
}

fn get_file(s: &ssh2::Sftp, who: &str, remote: &Path, local: &Path) -> SshResult<u64> {
    let what = format!("reading {}", remote.display());
    let mut f = s.open(remote).map_err(|e| classify(&e, who, &what))?;
    let mode = f.stat().map(|st| RemoteStat::from(&st).mode).unwrap_or(0o600);
    let mut out = fs_err::File::create(local).map_err(|e| local_err(local, "creating", &e))?;
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(|e| SshError::new(K::Sftp, format!("{who}: {what}: {e}")))?;
        if n == 0 {
            break;
        }
        out.write_all(&buf[..n]).map_err(|e| local_err(local, "writing", &e))?;
        total += n as u64;
    }
    out.set_permissions(std::fs::Permissions::from_mode(mode)).map_err(|e| local_err(local, "chmod", &e))?;
    Ok(total)
}

fn put_dir(s: &ssh2::Sftp, who: &str, local: &Path, remote: &Path, exclude: &[&str], stats: &mut TransferStats) -> SshResult<()> {
    let mut entries: Vec<_> = fs_err::read_dir(local)
        .map_err(|e| local_err(local, "reading", &e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| local_err(local, "reading", &e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_str().is_some_and(|n| exclude.contains(&n)) {
            continue;
        }
        let lp = entry.path();
        let rp = remote.join(entry.file_name());
        let meta = fs_err::symlink_metadata(&lp).map_err(|e| local_err(&lp, "reading", &e))?;
        let ft = meta.file_type();
        if ft.is_dir() {
            mkdir_p(s, who, &rp, 0o700)?;
            put_dir(s, who, &lp, &rp, exclude, stats)?;
            s.setstat(&rp, perm_only(meta.permissions().mode())).map_err(|e| classify(&e, who, &format!("chmod {}", rp.display())))?;
            stats.dirs += 1;
        } else if ft.is_file() {
            let mut f = fs_err::File::open(&lp).map_err(|e| local_err(&lp, "reading", &e))?;
            stats.bytes += put_reader(s, who, &mut f, &rp, meta.permissions().mode())?;
            stats.files += 1;
        } else if ft.is_symlink() {
            let target = fs_err::read_link(&lp).map_err(|e| local_err(&lp, "reading", &e))?;
            let _ = s.unlink(&rp);
            // OpenSSH's server takes the link target first and the new link's path second.
            s.symlink(&target, &rp).map_err(|e| classify(&e, who, &format!("symlink {}", rp.display())))?;
            stats.symlinks += 1;
        } else {
            tracing::warn!("{who}: not copying special file {}", lp.display());
            stats.skipped += 1;
        }
    }
    Ok(())
}

fn get_dir(s: &ssh2::Sftp, who: &str, remote: &Path, local: &Path, stats: &mut TransferStats) -> SshResult<()> {
    let mut entries = s.readdir(remote).map_err(|e| classify(&e, who, &format!("listing {}", remote.display())))?;
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (rp, st) in entries {
        let Some(name) = rp.file_name() else { continue };
        if name == "." || name == ".." {
            continue;
        }
        let lp = local.join(name);
        // readdir attributes describe the entry itself (lstat); check links explicitly.
        let lst = s.lstat(&rp).map(|x| RemoteStat::from(&x)).unwrap_or_else(|_| RemoteStat::from(&st));
        if lst.is_symlink {
            let target = s.readlink(&rp).map_err(|e| classify(&e, who, &format!("readlink {}", rp.display())))?;
            let _ = std::fs::remove_file(&lp);
            std::os::unix::fs::symlink(&target, &lp).map_err(|e| local_err(&lp, "creating symlink", &e))?;
            stats.symlinks += 1;
        } else if lst.is_dir {
            fs_err::create_dir_all(&lp).map_err(|e| local_err(&lp, "creating", &e))?;
            get_dir(s, who, &rp, &lp, stats)?;
            fs_err::set_permissions(&lp, std::fs::Permissions::from_mode(lst.mode)).map_err(|e| local_err(&lp, "chmod", &e))?;
            stats.dirs += 1;
        } else if lst.is_file {
            stats.bytes += get_file(s, who, &rp, &lp)?;
            stats.files += 1;
        } else {
            tracing::warn!("{who}: not copying special file {}", rp.display());
            stats.skipped += 1;
        }
    }
    Ok(())
}
