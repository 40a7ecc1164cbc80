//! Purge of buffered job-output files (AWX's `purge_old_stdout_files`, with its defects fixed).
//!
//! The directory is opened once; everything after that is relative to its descriptor, so a
//! directory renamed or replaced by a symlink mid-run cannot redirect a delete. Two phases:
//!
//! 1. **scan**: `readdir` + `fstatat(AT_SYMLINK_NOFOLLOW)` of every entry. Regular files whose
//!    modification time is before the cutoff become candidates; newer ones are kept; symlinks,
//!    sub-directories and special files are ignored (counted, never touched).
//! 2. **delete**: each candidate is stat'ed again (still the same regular file, still old?)
//!    and removed with `unlinkat` without `AT_REMOVEDIR` (so even a race cannot remove a
//!    directory, and unlinking a symlink would only remove the link). A file that vanished or
//!    cannot be removed is reported as skipped with the reason; the run goes on.
//!
//! Fixed AWX defects: a missing directory is not an error (nothing to purge), a sub-directory
//! does not abort the loop, mtime (not ctime) decides the age, and a lock on the directory
//! keeps two purges apart.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, Flock, FlockArg, OFlag};
use nix::sys::stat::{FileStat, Mode, SFlag};
use nix::unistd::UnlinkatFlags;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::output::Output;
use crate::time::Timestamp;

/// The setting of this module (listed in [`crate::catalog`]).
pub static LOCAL_STDOUT_EXPIRE_TIME: crate::settings::Setting<i64> = crate::settings::Setting::new(
    "local_stdout_expire_time",
    "2592000",
    crate::settings::SECONDS,
    "Seconds before a buffered job-output file is removed by cleanup_stdout (AWX's LOCAL_STDOUT_EXPIRE_TIME)",
);

/// At most this many skipped files are listed by name (all are counted).
pub const MAX_LISTED: usize = 1000;

/// The file awxm writes into a job-output directory it creates: `cleanup_stdout` purges a
/// directory other than the configured one only when it holds this marker (or with `--force`).
/// The marker itself is never purged.
pub const MARKER: &str = ".awxm-job-output";

/// Create `dir` (and its parents) as a job-output directory, with the marker.
pub fn create_job_output_dir(dir: &Path) -> Result<()> {
    fs_err::create_dir_all(dir)?;
    let marker = dir.join(MARKER);
    if std::fs::symlink_metadata(&marker).is_err() {
        let text = "This directory holds job output buffered by awxm; awxm cleanup_stdout purges old files here.\n";
        if let Err(e) = std::fs::write(&marker, text) {
            tracing::warn!("could not write {}: {e}", marker.display());
        }
    }
    Ok(())
}

/// System directories (and, for those ending in `/`, everything below them) that are never
/// purged, whatever the options.
const SYSTEM_DIRS: &[&str] = &[
    "/",
    "/etc/",
    "/usr/",
    "/bin/",
    "/sbin/",
    "/boot/",
    "/dev/",
    "/proc/",
    "/sys/",
    "/run/",
    "/var",
    "/var/lib",
    "/var/log",
    "/var/tmp",
    "/var/cache",
    "/var/spool",
    "/var/mail",
    "/root",
    "/home",
    "/srv",
    "/opt",
    "/tmp",
    "/mnt",
    "/media",
];

/// Why `dir` is a system directory (None: it is not). `home`: the user's home directories.
pub fn system_dir(dir: &Path, homes: &[PathBuf]) -> Option<String> {
    let d = dir.to_string_lossy();
    for s in SYSTEM_DIRS {
        let hit = match s.strip_suffix('/') {
            Some("") => d == "/",
            Some(base) => d == base || d.starts_with(s),
            None => d == *s,
        };
        if hit {
            return Some(format!("{} is a system directory", dir.display()));
        }
    }
    // /lib, /lib32, /lib64, /libx32 and below.
    if let Some(top) = dir.components().nth(1).and_then(|c| c.as_os_str().to_str())
        && top.starts_with("lib")
    {
        return Some(format!("{} is a system directory", dir.display()));
    }
    if homes.iter().any(|h| h.as_path() == dir) {
        return Some(format!("{} is a home directory", dir.display()));
    }
    None
}

/// Whether `dir` may be purged: never a system directory; otherwise the configured job-output
/// directory, a directory holding the [`MARKER`], or anything with `force`. `dir` and
/// `configured` are compared after resolving symbolic links. Err: the reason for refusing.
pub fn check_dir(dir: &Path, configured: Option<&Path>, force: bool, homes: &[PathBuf]) -> std::result::Result<(), String> {
    // A missing directory is handled (and reported) by the purge.
    let Ok(real) = std::fs::canonicalize(dir) else { return Ok(()) };
    let homes: Vec<PathBuf> = homes.iter().map(|h| std::fs::canonicalize(h).unwrap_or_else(|_| h.clone())).collect();
    if let Some(why) = system_dir(&real, &homes) {
        return Err(why);
    }
    if !real.is_dir() || force || configured.and_then(|c| std::fs::canonicalize(c).ok()).is_some_and(|c| c == real) {
        return Ok(());
    }
    if std::fs::symlink_metadata(real.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    Err(format!("{} is not the configured job output directory and holds no {MARKER} marker file", dir.display()))
}

#[derive(Debug, Clone)]
pub struct PurgeOptions {
    /// Files modified before `now - older_than` are removed.
    pub older_than: Duration,
    pub now: Timestamp,
    pub dry_run: bool,
    /// A missing directory is an error (the operator named it) rather than "nothing to do".
    pub must_exist: bool,
    pub lock_timeout: Duration,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub files: u64,
    pub bytes: u64,
}

impl Tally {
    fn add(&mut self, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedFile {
    pub name: String,
    pub reason: String,
    pub bytes: u64,
}

/// Entries that are not regular files: never touched.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ignored {
    pub directories: u64,
    pub symlinks: u64,
    pub other: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PurgeReport {
    pub directory: PathBuf,
    pub exists: bool,
    pub dry_run: bool,
    pub older_than_seconds: u64,
    pub cutoff: String,
    /// Removed (in a dry run: would be removed).
    pub removed: Tally,
    /// Regular files newer than the cutoff.
    pub kept: Tally,
    /// Old files that vanished or could not be removed.
    pub skipped: Tally,
    /// Skipped files per reason.
    pub skipped_reasons: BTreeMap<String, u64>,
    /// The skipped files (at most 1000; see `skipped_files_truncated`).
    pub skipped_files: Vec<SkippedFile>,
    pub skipped_files_truncated: bool,
    pub ignored: Ignored,
    pub elapsed: f64,
}

impl PurgeReport {
    fn new(dir: &Path, opts: &PurgeOptions, cutoff: &Timestamp) -> PurgeReport {
        PurgeReport {
            directory: dir.to_path_buf(),
            exists: true,
            dry_run: opts.dry_run,
            older_than_seconds: opts.older_than.as_secs(),
            cutoff: crate::time::fmt(cutoff),
            removed: Tally::default(),
            kept: Tally::default(),
            skipped: Tally::default(),
            skipped_reasons: BTreeMap::new(),
            skipped_files: Vec::new(),
            skipped_files_truncated: false,
            ignored: Ignored::default(),
            elapsed: 0.0,
        }
    }

    fn skip(&mut self, name: &CString, bytes: u64, reason: &str) {
        self.skipped.add(bytes);
        *self.skipped_reasons.entry(reason.to_string()).or_default() += 1;
        if self.skipped_files.len() < MAX_LISTED {
            self.skipped_files.push(SkippedFile { name: display_name(name), reason: reason.to_string(), bytes });
        } else {
            self.skipped_files_truncated = true;
        }
    }

    /// Skipped for a reason an operator must look at (not merely "vanished").
    pub fn problems(&self) -> u64 {
        self.skipped_reasons.iter().filter(|(r, _)| r.as_str() != REASON_VANISHED).map(|(_, n)| n).sum()
    }
}

pub const REASON_VANISHED: &str = "vanished";
const REASON_CHANGED: &str = "changed since the scan";

fn display_name(name: &CString) -> String {
    String::from_utf8_lossy(name.as_bytes()).into_owned()
}

/// Why an unlink failed, in words.
fn reason_of(e: Errno) -> String {
    match e {
        Errno::ENOENT => REASON_VANISHED.into(),
        Errno::EACCES | Errno::EPERM => "permission denied".into(),
        Errno::EROFS => "read-only file system".into(),
        Errno::EBUSY => "busy".into(),
        Errno::EISDIR => "is a directory".into(),
        other => other.desc().to_lowercase(),
    }
}

/// An old regular file found by the scan.
struct Candidate {
    name: CString,
    dev: u64,
    ino: u64,
    size: u64,
}

fn is_older(st: &FileStat, cutoff_secs: i64, cutoff_nsec: i64) -> bool {
    (st.st_mtime, st.st_mtime_nsec) < (cutoff_secs, cutoff_nsec)
}

fn kind_of(st: &FileStat) -> SFlag {
    SFlag::from_bits_truncate(st.st_mode & SFlag::S_IFMT.bits())
}

/// Open the directory (following a symlink only here, once, for the directory itself).
fn open_dir(dir: &Path) -> std::result::Result<OwnedFd, Errno> {
    nix::fcntl::open(dir, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
}

/// An exclusive lock on the directory itself (flock), so two purges of it never overlap.
fn lock_dir(fd: &OwnedFd, dir: &Path, timeout: Duration) -> Result<Flock<OwnedFd>> {
    let deadline = Instant::now() + timeout;
    loop {
        let dup = fd.try_clone().map_err(|e| Error::io_at(dir, &e))?;
        match Flock::lock(dup, FlockArg::LockExclusiveNonblock) {
            Ok(l) => return Ok(l),
            Err((_, Errno::EWOULDBLOCK)) => {}
            Err((_, e)) => return Err(Error::io(format!("{}: cannot lock the directory: {}", dir.display(), e.desc()))),
        }
        if Instant::now() >= deadline {
            return Err(Error::temp(format!(
                "another cleanup_stdout run is purging {}; gave up after {:.1}s (--lock-timeout); try again later",
                dir.display(),
                timeout.as_secs_f64()
            )));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Purge old regular files directly inside `dir`.
pub fn purge(dir: &Path, opts: &PurgeOptions, out: &Output) -> Result<PurgeReport> {
    let started = Instant::now();
    let cutoff = opts
        .now
        .checked_sub_signed(chrono::TimeDelta::from_std(opts.older_than).unwrap_or(chrono::TimeDelta::MAX))
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC);
    let mut report = PurgeReport::new(dir, opts, &cutoff);
    let (cutoff_secs, cutoff_nsec) = (cutoff.timestamp(), i64::from(cutoff.timestamp_subsec_nanos()));

    let dirfd = match open_dir(dir) {
        Ok(fd) => fd,
        Err(Errno::ENOENT) if !opts.must_exist => {
            report.exists = false;
            report.elapsed = started.elapsed().as_secs_f64();
            return Ok(report);
        }
        Err(Errno::ENOENT) => return Err(Error::not_found(format!("{}: no such directory", dir.display()))),
        Err(Errno::ENOTDIR) => return Err(Error::not_found(format!("{}: not a directory", dir.display()))),
        Err(e @ (Errno::EACCES | Errno::EPERM)) => {
            return Err(Error::permission(format!("{}: cannot open the directory: {}", dir.display(), e.desc())));
        }
        Err(e) => return Err(Error::io(format!("{}: cannot open the directory: {}", dir.display(), e.desc()))),
    };
    let _lock = lock_dir(&dirfd, dir, opts.lock_timeout)?;

    // Phase 1: scan.
    let spinner = out.spinner("scanning");
    let mut candidates = Vec::new();
    {
        let mut stream = nix::dir::Dir::openat(&dirfd, ".", OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
            .map_err(|e| Error::io(format!("{}: cannot read the directory: {}", dir.display(), e.desc())))?;
        for entry in stream.iter() {
            let entry = entry.map_err(|e| Error::io(format!("{}: reading the directory: {}", dir.display(), e.desc())))?;
            let name = entry.file_name();
            let bytes = name.to_bytes();
            if bytes == b"." || bytes == b".." || bytes == MARKER.as_bytes() {
                continue;
            }
            match entry.file_type() {
                Some(nix::dir::Type::Directory) => {
                    report.ignored.directories += 1;
                    continue;
                }
                Some(nix::dir::Type::Symlink) => {
                    report.ignored.symlinks += 1;
                    continue;
                }
                Some(nix::dir::Type::File) | None => {}
                Some(_) => {
                    report.ignored.other += 1;
                    continue;
                }
            }
            let name = name.to_owned();
            let st = match nix::sys::stat::fstatat(&dirfd, name.as_c_str(), AtFlags::AT_SYMLINK_NOFOLLOW) {
                Ok(st) => st,
                Err(e) => {
                    // Gone (or unreadable) between readdir and stat: report, go on.
                    report.skip(&name, 0, &reason_of(e));
                    continue;
                }
            };
            match kind_of(&st) {
                SFlag::S_IFREG => {}
                SFlag::S_IFDIR => {
                    report.ignored.directories += 1;
                    continue;
                }
                SFlag::S_IFLNK => {
                    report.ignored.symlinks += 1;
                    continue;
                }
                _ => {
                    report.ignored.other += 1;
                    continue;
                }
            }
            let size = u64::try_from(st.st_size).unwrap_or(0);
            if is_older(&st, cutoff_secs, cutoff_nsec) {
                candidates.push(Candidate { name, dev: st.st_dev, ino: st.st_ino, size });
            } else {
                report.kept.add(size);
            }
        }
    }
    spinner.finish_and_clear();
    super::test_pause("cleanup_stdout.scanned");

    // Phase 2: delete (or, in a dry run, count what would go).
    if opts.dry_run {
        for c in &candidates {
            report.removed.add(c.size);
        }
    } else {
        let bar = out.progress(candidates.len() as u64, "removing");
        // Unlinks run in parallel: on storage where freeing blocks waits for the device
        // (online discard, network file systems) one thread would mostly sleep. The threads
        // share the directory descriptor; results are merged in candidate order.
        let threads = (candidates.len() / 512).clamp(1, DELETE_THREADS);
        let per = candidates.len().div_ceil(threads).max(1);
        let parts: Vec<Deleted> = std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(per)
                .enumerate()
                .map(|(i, chunk)| {
                    let (dirfd, bar) = (&dirfd, &bar);
                    scope.spawn(move || delete_some(dirfd, dir, chunk, i * per, (cutoff_secs, cutoff_nsec), bar))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        for part in parts {
            report.removed.files += part.removed.files;
            report.removed.bytes += part.removed.bytes;
            report.kept.files += part.kept.files;
            report.kept.bytes += part.kept.bytes;
            for (idx, bytes, reason) in part.skipped {
                report.skip(&candidates[idx].name, bytes, &reason);
            }
        }
        bar.finish_and_clear();
    }
    report.elapsed = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Threads that unlink in parallel.
const DELETE_THREADS: usize = 8;

/// What one delete thread did; `skipped` holds (candidate index, bytes, reason).
#[derive(Default)]
struct Deleted {
    removed: Tally,
    kept: Tally,
    skipped: Vec<(usize, u64, String)>,
}

/// Phase 2 for a slice of the candidates (`first` is the index of its first element).
fn delete_some(
    dirfd: &OwnedFd,
    dir: &Path,
    chunk: &[Candidate],
    first: usize,
    (cutoff_secs, cutoff_nsec): (i64, i64),
    bar: &indicatif::ProgressBar,
) -> Deleted {
    let mut d = Deleted::default();
    for (i, c) in chunk.iter().enumerate() {
        bar.inc(1);
        let st = match nix::sys::stat::fstatat(dirfd, c.name.as_c_str(), AtFlags::AT_SYMLINK_NOFOLLOW) {
            Ok(st) => st,
            Err(e) => {
                d.skipped.push((first + i, c.size, reason_of(e)));
                continue;
            }
        };
        if kind_of(&st) != SFlag::S_IFREG || st.st_ino != c.ino || st.st_dev != c.dev {
            d.skipped.push((first + i, c.size, REASON_CHANGED.to_string()));
            continue;
        }
        let size = u64::try_from(st.st_size).unwrap_or(0);
        if !is_older(&st, cutoff_secs, cutoff_nsec) {
            // Written to since the scan (a download refreshing it): keep it.
            d.kept.add(size);
            continue;
        }
        match nix::unistd::unlinkat(dirfd, c.name.as_c_str(), UnlinkatFlags::NoRemoveDir) {
            Ok(()) => {
                tracing::debug!("removed {}", dir.join(display_name(&c.name)).display());
                d.removed.add(size);
            }
            Err(e) => d.skipped.push((first + i, size, reason_of(e))),
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::time::SystemTime;

    use super::*;
    use crate::output::Format;

    fn quiet() -> Output {
        Output::plain(Format::Json, true)
    }

    fn opts(dry_run: bool) -> PurgeOptions {
        PurgeOptions {
            older_than: Duration::from_secs(3600),
            now: crate::time::now(),
            dry_run,
            must_exist: false,
            lock_timeout: Duration::from_secs(0),
        }
    }

    fn age(path: &Path, secs: u64) {
        let f = fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(secs)).unwrap();
    }

    #[test]
    fn removes_only_old_regular_files() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("out");
        fs::create_dir(&d).unwrap();
        fs::write(d.join("job-1-a.out"), b"12345").unwrap();
        age(&d.join("job-1-a.out"), 7200);
        fs::write(d.join("job-2-b.out"), b"123").unwrap();
        fs::create_dir(d.join("sub")).unwrap();
        fs::write(d.join("sub/old"), b"x").unwrap();
        age(&d.join("sub/old"), 7200);
        let outside = tmp.path().join("precious");
        fs::write(&outside, b"keep").unwrap();
        age(&outside, 7200);
        std::os::unix::fs::symlink(&outside, d.join("link")).unwrap();

        let dry = purge(&d, &opts(true), &quiet()).unwrap();
        assert_eq!(dry.removed, Tally { files: 1, bytes: 5 });
        assert!(d.join("job-1-a.out").exists(), "dry run removed a file");

        let r = purge(&d, &opts(false), &quiet()).unwrap();
        assert_eq!(r.removed, Tally { files: 1, bytes: 5 });
        assert_eq!(r.kept, Tally { files: 1, bytes: 3 });
        assert_eq!(r.ignored, Ignored { directories: 1, symlinks: 1, other: 0 });
        assert_eq!(r.skipped.files, 0);
        assert!(!d.join("job-1-a.out").exists());
        assert!(d.join("job-2-b.out").exists());
        assert!(d.join("sub/old").exists());
        assert!(d.join("link").symlink_metadata().is_ok());
        assert_eq!(fs::read(&outside).unwrap(), b"keep");
    }

    #[test]
    fn many_files_are_removed_by_several_threads() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        for i in 0..3000 {
            let p = d.join(format!("job-{i}.out"));
            fs::write(&p, b"ab").unwrap();
            if i % 2 == 0 {
                age(&p, 7200);
            }
        }
        let r = purge(d, &opts(false), &quiet()).unwrap();
        assert_eq!(r.removed, Tally { files: 1500, bytes: 3000 });
        assert_eq!(r.kept, Tally { files: 1500, bytes: 3000 });
        assert_eq!(fs::read_dir(d).unwrap().count(), 1500);
        assert!(d.join("job-1.out").exists() && !d.join("job-0.out").exists());
    }

    #[test]
    fn a_missing_directory_is_nothing_to_do_unless_named() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("nope");
        let r = purge(&d, &opts(false), &quiet()).unwrap();
        assert!(!r.exists);
        let mut o = opts(false);
        o.must_exist = true;
        assert_eq!(purge(&d, &o, &quiet()).unwrap_err().exit_code(), 66);
        fs::write(&d, b"").unwrap();
        assert_eq!(purge(&d, &opts(false), &quiet()).unwrap_err().exit_code(), 66);
    }

    #[test]
    fn reasons_are_words() {
        assert_eq!(reason_of(Errno::ENOENT), "vanished");
        assert_eq!(reason_of(Errno::EPERM), "permission denied");
        assert_eq!(reason_of(Errno::EISDIR), "is a directory");
    }
}
