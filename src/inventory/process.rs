//! Running inventory scripts and `ansible-inventory`: output captured in full up to a cap
//! (setting `inventory_source_max_output`), a deadline, and cancellation (SIGINT/SIGTERM of
//! awxm); a child that overstays is killed with its whole process group (SIGTERM, then SIGKILL),
//! one whose output exceeds the cap at once (SIGKILL).

use std::io::Read;
use std::os::fd::AsFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind};

/// How child processes run.
#[derive(Clone, Default)]
pub struct RunOpts {
    /// Overall deadline for the load (None: no limit).
    pub deadline: Option<Instant>,
    pub cancel: Option<Arc<AtomicBool>>,
    /// Extra environment (the source's `source_vars`, AWX's ansible variables).
    pub env: Vec<(String, String)>,
    /// Most bytes read from one child's stdout (and, separately, its stderr); None: the default
    /// [`DEFAULT_MAX_OUTPUT`].
    pub max_output: Option<u64>,
}

/// The default of setting `inventory_source_max_output`: 1 GiB.
pub const DEFAULT_MAX_OUTPUT: u64 = 1 << 30;

impl RunOpts {
    pub fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
    }

    pub fn check(&self) -> Result<(), Error> {
        if self.cancelled() {
            return Err(Error::new(ErrorKind::Interrupted, "interrupted"));
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(Error::failure("the inventory source timed out (--timeout)"));
        }
        Ok(())
    }
}

pub struct Captured {
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

fn kill_group(pid: i32, sig: nix::sys::signal::Signal) {
    let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pid), sig);
}

/// Run `program args...`, capturing stdout and stderr, honouring the deadline and cancel flag.
pub fn run(program: &Path, args: &[&str], cwd: Option<&Path>, opts: &RunOpts) -> Result<Captured, Error> {
    opts.check()?;
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    if let Some(d) = cwd {
        cmd.current_dir(d);
    }
    for (k, v) in &opts.env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().map_err(|e| {
        let kind = match e.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied => ErrorKind::Permission,
            _ => ErrorKind::Data,
        };
        Error::new(kind, format!("cannot execute {}: {e}", program.display()))
    })?;
    let pid = child.id() as i32;
    let out = child.stdout.take().ok_or_else(|| Error::internal("no stdout pipe"))?;
    let err = child.stderr.take().ok_or_else(|| Error::internal("no stderr pipe"))?;
    let max = opts.max_output.filter(|m| *m > 0).unwrap_or(DEFAULT_MAX_OUTPUT);
    let over = Arc::new(AtomicBool::new(false));
    let t_out = reader(out, max, Arc::clone(&over));
    let t_err = reader(err, max, Arc::clone(&over));
    let mut stop: Option<Error> = None;
    let status = loop {
        if over.load(Ordering::Relaxed) {
            kill_group(pid, nix::sys::signal::Signal::SIGKILL);
        }
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) => {}
            Err(e) => return Err(Error::io(format!("waiting for {}: {e}", program.display()))),
        }
        if stop.is_none()
            && let Err(e) = opts.check()
        {
            stop = Some(e);
            kill_group(pid, nix::sys::signal::Signal::SIGTERM);
            let grace = Instant::now() + Duration::from_secs(3);
            loop {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                if Instant::now() >= grace {
                    kill_group(pid, nix::sys::signal::Signal::SIGKILL);
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Children of the child may keep the pipes open: make sure the group is gone.
    kill_group(pid, nix::sys::signal::Signal::SIGKILL);
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
    if over.load(Ordering::Relaxed) {
        let mut shown = program.display().to_string();
        for a in args {
            shown.push(' ');
            shown.push_str(a);
        }
        return Err(Error::data(format!("output of {shown} exceeds {max} bytes"))
            .detail("the setting inventory_source_max_output sets the limit; the source's process group was killed"));
    }
    if let Some(e) = stop {
        return Err(e);
    }
    use std::os::unix::process::ExitStatusExt;
    let code = status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0));
    Ok(Captured { status: code, stdout, stderr })
}

/// Read `pipe` to its end, keeping at most `max` bytes; more sets `over` and stops reading.
fn reader(mut pipe: impl Read + Send + 'static, max: u64, over: Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut b = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    if b.len() as u64 + n as u64 > max {
                        over.store(true, Ordering::Relaxed);
                        break;
                    }
                    b.extend_from_slice(&chunk[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        b
    })
}

/// The last lines of a child's stderr, for error details.
pub fn stderr_tail(stderr: &[u8], lines: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(stderr);
    let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = all.len().saturating_sub(lines);
    all[start..].iter().map(|l| format!("stderr: {l}")).collect()
}

/// Whether `path` looks like something the kernel can execute itself (a `#!` script or an
/// ELF binary) — never hand a text file to a shell's ENOEXEC fallback.
pub fn is_runnable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else { return false };
    if !meta.is_file() || meta.permissions().mode() & 0o111 == 0 {
        return false;
    }
    if nix::unistd::access(path, nix::unistd::AccessFlags::X_OK).is_err() {
        return false;
    }
    let mut head = [0u8; 4];
    match std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) {
        Ok(n) if n >= 2 => head.starts_with(b"#!") || (n == 4 && head == *b"\x7fELF"),
        _ => false,
    }
}

/// Where [`read_source`] reads from.
pub enum Input<'a> {
    Stdin,
    File(&'a Path),
}

/// All bytes of an inventory file or of stdin, at most the setting
/// `inventory_source_max_output` (as a source's output). A regular file is read directly; a
/// FIFO, a device or a terminal's stdin may block for ever, so it is read on a helper thread
/// while this one watches the cancel flag and the deadline: Ctrl-C, SIGTERM, `awxm job cancel`
/// and `--timeout` stop the wait (the helper dies with the process).
pub fn read_source(input: Input<'_>, opts: &RunOpts) -> Result<Vec<u8>, Error> {
    let max = opts.max_output.filter(|m| *m > 0).unwrap_or(DEFAULT_MAX_OUTPUT);
    let path = match input {
        Input::Stdin => None,
        Input::File(p) => Some(p.to_path_buf()),
    };
    let (what, regular, size) = match &path {
        None => {
            let meta = nix::sys::stat::fstat(std::io::stdin().as_fd()).ok();
            ("stdin".to_string(), meta.is_some_and(|m| m.st_mode & nix::libc::S_IFMT == nix::libc::S_IFREG), 0)
        }
        Some(p) => {
            let meta = fs_err::metadata(p).map_err(Error::from)?;
            (p.display().to_string(), meta.is_file(), meta.len())
        }
    };
    let too_big =
        || Error::data(format!("{what} is larger than {max} bytes")).detail("the setting inventory_source_max_output sets the limit");
    // A regular file too big is refused before it is read.
    if size > max {
        return Err(too_big());
    }
    let read = move |path: Option<&Path>| -> std::io::Result<Vec<u8>> {
        let r: Box<dyn Read> = match path {
            None => Box::new(std::io::stdin()),
            Some(p) => Box::new(fs_err::File::open(p)?),
        };
        let mut bytes = Vec::new();
        r.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    let bytes = if regular {
        read(path.as_deref()).map_err(|e| Error::io(format!("reading {what}: {e}")))?
    } else {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(read(path.as_deref()));
        });
        loop {
            opts.check()?;
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(r) => break r.map_err(|e| Error::io(format!("reading {what}: {e}")))?,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(Error::internal(format!("the reader of {what} stopped")));
                }
            }
        }
    };
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}
