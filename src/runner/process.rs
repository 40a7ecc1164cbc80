//! Starting and supervising a process under a pseudo-terminal (AWX §7.7).
//!
//! The child runs in its own session and process group (`setsid`) with the pty slave as its
//! controlling terminal and as stdin/stdout/stderr, echo off (so answered passwords are never
//! echoed) and no `\n` → `\r\n` translation (so the output is byte-for-byte what Ansible wrote).
//! Password prompts are matched on the most recent output and answered through the pty, never
//! via argv or the environment. [`supervise`] runs the loop: output to an [`Observer`], prompt
//! answers, the job timeout, and cancellation (the observer's `tick`); stopping sends SIGTERM to
//! the whole process group, then SIGKILL after a grace period. If awxm dies, the child gets
//! SIGTERM (parent-death signal) and the session a hangup when the pty master closes.
//!
//! awxm registers itself as a child subreaper, so processes that escape the process group
//! (daemonised helpers such as an SSH ControlMaster) are re-parented to it and
//! [`kill_leftover_children`] can make sure nothing of a job is left running.

use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::{FcntlArg, FdFlag, OFlag, fcntl};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{Signal, kill, killpg};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

use crate::error::{Error, Result};

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct PtyCommand {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub cwd: PathBuf,
    /// The complete environment of the child (nothing is inherited implicitly).
    pub env: Vec<(String, String)>,
}

/// A running child on a pty.
pub struct PtyChild {
    pid: Pid,
    master: OwnedFd,
    status: Option<i32>,
}

fn set_cloexec(fd: &OwnedFd) -> Result<()> {
    fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC)).map_err(|e| Error::io(format!("fcntl: {e}")))?;
    Ok(())
}

/// Exit code from a wait status (128+n for a signal, as shells report it).
fn code_of(ws: WaitStatus) -> Option<i32> {
    match ws {
        WaitStatus::Exited(_, c) => Some(c),
        WaitStatus::Signaled(_, s, _) => Some(128 + s as i32),
        _ => None,
    }
}

impl PtyChild {
    pub fn spawn(cmd: &PtyCommand) -> Result<PtyChild> {
        let ws = nix::pty::Winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = nix::pty::openpty(Some(&ws), None).map_err(|e| Error::io(format!("cannot open a pseudo-terminal: {e}")))?;
        set_cloexec(&pty.master)?;
        set_cloexec(&pty.slave)?;
        {
            use nix::sys::termios::{LocalFlags, OutputFlags, SetArg, tcgetattr, tcsetattr};
            let mut t = tcgetattr(&pty.slave).map_err(|e| Error::io(format!("tcgetattr: {e}")))?;
            t.local_flags.remove(LocalFlags::ECHO | LocalFlags::ECHONL);
            t.output_flags.remove(OutputFlags::ONLCR);
            tcsetattr(&pty.slave, SetArg::TCSANOW, &t).map_err(|e| Error::io(format!("tcsetattr: {e}")))?;
        }
        let dup = |fd: &OwnedFd| fd.try_clone().map(Stdio::from).map_err(|e| Error::io(format!("dup: {e}")));
        let mut c = Command::new(&cmd.program);
        c.args(&cmd.args).current_dir(&cmd.cwd).env_clear().envs(cmd.env.iter().map(|(k, v)| (k, v)));
        c.stdin(dup(&pty.slave)?).stdout(dup(&pty.slave)?).stderr(dup(&pty.slave)?);
        // SAFETY: only async-signal-safe calls (setsid, ioctl, prctl) between fork and exec.
        unsafe {
            c.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let child = c.spawn().map_err(|e| {
            let kind =
                if e.kind() == std::io::ErrorKind::NotFound { crate::error::ErrorKind::Unavailable } else { crate::error::ErrorKind::Io };
            Error::new(kind, format!("cannot run {}: {e}", cmd.program.display()))
        })?;
        drop(pty.slave);
        let flags = fcntl(&pty.master, FcntlArg::F_GETFL).map_err(|e| Error::io(format!("fcntl: {e}")))?;
        fcntl(&pty.master, FcntlArg::F_SETFL(OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK))
            .map_err(|e| Error::io(format!("fcntl: {e}")))?;
        let pid = Pid::from_raw(child.id() as i32);
        // We reap with waitpid ourselves; the std handle is not needed (dropping it does not kill).
        drop(child);
        Ok(PtyChild { pid, master: pty.master, status: None })
    }

    pub fn pid(&self) -> i32 {
        self.pid.as_raw()
    }

    /// Wait up to `timeout` for output and read what is available into `buf`.
    pub fn read(&mut self, buf: &mut [u8], timeout: Duration) -> Result<Read> {
        let ms = timeout.as_millis().min(60_000) as u16;
        let mut fds = [PollFd::new(self.master.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(ms)) {
            Ok(0) => return Ok(Read::Timeout),
            Ok(_) => {}
            Err(Errno::EINTR) => return Ok(Read::Timeout),
            Err(e) => return Err(Error::io(format!("poll: {e}"))),
        }
        match nix::unistd::read(&self.master, buf) {
            Ok(0) => Ok(Read::Eof),
            Ok(n) => Ok(Read::Data(n)),
            Err(Errno::EAGAIN) | Err(Errno::EINTR) => Ok(Read::Timeout),
            // EIO: every slave descriptor is closed.
            Err(Errno::EIO) => Ok(Read::Eof),
            Err(e) => Err(Error::io(format!("reading the pty: {e}"))),
        }
    }

    /// Write to the child's terminal (prompt answers).
    pub fn write_all(&mut self, mut bytes: &[u8]) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(5);
        while !bytes.is_empty() {
            match nix::unistd::write(&self.master, bytes) {
                Ok(n) => bytes = &bytes[n..],
                Err(Errno::EAGAIN) | Err(Errno::EINTR) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => return Err(Error::io(format!("writing to the pty: {e}"))),
            }
        }
        Ok(())
    }

    /// The exit code once the child has exited (128+n when killed by signal n).
    pub fn try_wait(&mut self) -> Result<Option<i32>> {
        if self.status.is_some() {
            return Ok(self.status);
        }
        match waitpid(self.pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) => Ok(None),
            Ok(ws) => {
                self.status = code_of(ws);
                Ok(self.status)
            }
            Err(Errno::ECHILD) => {
                self.status = Some(-1);
                Ok(self.status)
            }
            Err(e) => Err(Error::io(format!("waitpid: {e}"))),
        }
    }

    /// Signal the child's whole process group.
    pub fn signal_group(&self, sig: Signal) {
        let _ = killpg(self.pid, sig);
        let _ = kill(self.pid, sig);
    }

    pub fn raw_master(&self) -> i32 {
        self.master.as_raw_fd()
    }
}

impl Drop for PtyChild {
    fn drop(&mut self) {
        if self.status.is_none() {
            self.signal_group(Signal::SIGKILL);
            let _ = waitpid(self.pid, None);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    Data(usize),
    Timeout,
    Eof,
}

/// Password prompts answered through the pty: (regex, answer) in priority order.
#[derive(Debug, Clone, Default)]
pub struct Prompts {
    entries: Vec<(regex::Regex, String)>,
    window: Vec<u8>,
}

/// AWX's search window is 100 characters; a little more tolerates colour codes.
const PROMPT_WINDOW: usize = 256;

impl Prompts {
    pub fn new() -> Prompts {
        Prompts::default()
    }

    /// Answer output that ends with a match of `pattern` (a regex; `$` is the end of output).
    /// AWX's patterns end in `\s*?$`; awxm's end in `[ \t]*$`, so text that merely ends a line
    /// with "Password:" is not mistaken for a prompt (a prompt never ends with a newline).
    pub fn add(&mut self, pattern: &str, answer: &str) -> Result<()> {
        let re = regex::Regex::new(pattern).map_err(|e| Error::internal(format!("bad prompt pattern {pattern:?}: {e}")))?;
        self.entries.push((re, answer.to_string()));
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The (pattern, answer) pairs, for a runner elsewhere (an isolated node) to answer them.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.entries.iter().map(|(re, a)| (re.as_str().to_string(), a.clone())).collect()
    }

    /// Feed output; returns the answer (with its newline) when the output now ends in a prompt.
    pub fn check(&mut self, output: &[u8]) -> Option<String> {
        if self.entries.is_empty() {
            return None;
        }
        self.window.extend_from_slice(output);
        if self.window.len() > PROMPT_WINDOW {
            let cut = self.window.len() - PROMPT_WINDOW;
            self.window.drain(..cut);
        }
        let text = String::from_utf8_lossy(&self.window);
        for (re, answer) in &self.entries {
            if re.is_match(&text) {
                self.window.clear();
                return Some(format!("{answer}\n"));
            }
        }
        None
    }
}

/// Why supervision stopped the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Canceled,
    TimedOut,
}

/// How the process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Exit code (128+n when killed by signal n).
    pub rc: i32,
    /// Set when supervision stopped it.
    pub stopped: Option<Stop>,
}

/// Receives the child's output and decides whether to stop it.
pub trait Observer {
    /// Raw output (not yet redacted).
    fn output(&mut self, bytes: &[u8]) -> Result<()>;
    /// Called about every `tick` (and when output has been idle); `Some` stops the child.
    fn tick(&mut self, idle: bool) -> Result<Option<Stop>>;
}

/// Supervision parameters.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Wall-clock limit (None: unlimited).
    pub timeout: Option<Duration>,
    /// Time between SIGTERM and SIGKILL.
    pub grace: Duration,
    /// How often `Observer::tick` runs.
    pub tick: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { timeout: None, grace: Duration::from_secs(5), tick: Duration::from_millis(100) }
    }
}

/// Run the loop until the child exits (or is stopped and has exited).
pub fn supervise(child: &mut PtyChild, prompts: &mut Prompts, limits: &Limits, obs: &mut dyn Observer) -> Result<Outcome> {
    let started = Instant::now();
    let mut buf = vec![0u8; 64 * 1024];
    let mut last_tick = Instant::now();
    let mut stopped: Option<Stop> = None;
    let mut term_sent: Option<Instant> = None;
    let mut eof = false;
    loop {
        let mut wait = limits.tick.saturating_sub(last_tick.elapsed());
        if let Some(t) = limits.timeout
            && stopped.is_none()
        {
            wait = wait.min(t.saturating_sub(started.elapsed()));
        }
        let mut idle = false;
        if eof {
            std::thread::sleep(wait.min(Duration::from_millis(20)));
        } else {
            match child.read(&mut buf, wait)? {
                Read::Data(n) => {
                    obs.output(&buf[..n])?;
                    if let Some(answer) = prompts.check(&buf[..n]) {
                        child.write_all(answer.as_bytes())?;
                    }
                }
                Read::Timeout => idle = true,
                Read::Eof => eof = true,
            }
        }
        if let Some(rc) = child.try_wait()? {
            // The child is gone: collect what is still buffered in the pty (helpers that
            // inherited the terminal may keep it open, so do not wait for EOF for long).
            let drain_until = Instant::now() + Duration::from_millis(200);
            while !eof && Instant::now() < drain_until {
                match child.read(&mut buf, Duration::from_millis(20))? {
                    Read::Data(n) => obs.output(&buf[..n])?,
                    Read::Timeout => break,
                    Read::Eof => eof = true,
                }
            }
            obs.tick(true)?;
            return Ok(Outcome { rc, stopped });
        }
        if stopped.is_none()
            && let Some(t) = limits.timeout
            && started.elapsed() >= t
        {
            stopped = Some(Stop::TimedOut);
        }
        if idle || last_tick.elapsed() >= limits.tick {
            last_tick = Instant::now();
            if let Some(s) = obs.tick(idle)?
                && stopped.is_none()
            {
                stopped = Some(s);
            }
        }
        if stopped.is_some() {
            match term_sent {
                None => {
                    child.signal_group(Signal::SIGTERM);
                    term_sent = Some(Instant::now());
                }
                Some(t) if t.elapsed() >= limits.grace => {
                    child.signal_group(Signal::SIGKILL);
                    term_sent = Some(Instant::now() + Duration::from_secs(3600));
                }
                Some(_) => {}
            }
        }
    }
}

/// Make this process a child subreaper: orphaned descendants are re-parented to it.
pub fn become_subreaper() {
    // SAFETY: prctl with integer arguments has no memory-safety implications.
    unsafe {
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    }
}

/// Pids of this process's direct children (from /proc).
pub fn children_of(parent: i32) -> Vec<i32> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc") else { return out };
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // "pid (comm) state ppid ..." — comm may contain spaces and parentheses.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else { continue };
        let mut f = rest.split_whitespace();
        let _state = f.next();
        if f.next().and_then(|p| p.parse::<i32>().ok()) == Some(parent) {
            out.push(pid);
        }
    }
    out
}

/// Terminate and reap every remaining child of this process except `keep` (SIGTERM, then
/// SIGKILL after `grace`). Returns how many were found.
pub fn kill_leftover_children(keep: &[i32], grace: Duration) -> usize {
    let me = std::process::id() as i32;
    let list: Vec<i32> = children_of(me).into_iter().filter(|p| !keep.contains(p)).collect();
    if list.is_empty() {
        reap_zombies(keep);
        return 0;
    }
    for p in &list {
        let _ = kill(Pid::from_raw(*p), Signal::SIGTERM);
    }
    let deadline = Instant::now() + grace;
    loop {
        reap_zombies(keep);
        let alive: Vec<i32> = children_of(me).into_iter().filter(|p| !keep.contains(p)).collect();
        if alive.is_empty() {
            break;
        }
        if Instant::now() >= deadline {
            for p in &alive {
                let _ = kill(Pid::from_raw(*p), Signal::SIGKILL);
            }
            std::thread::sleep(Duration::from_millis(20));
            reap_zombies(keep);
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    list.len()
}

fn reap_zombies(keep: &[i32]) {
    for p in children_of(std::process::id() as i32) {
        if !keep.contains(&p) {
            let _ = waitpid(Pid::from_raw(p), Some(WaitPidFlag::WNOHANG));
        }
    }
}

/// Live processes (not this one) with an argument that is `dir` or a path inside it, from
/// /proc (e.g. a dead job's ssh-agent: `ssh-agent -D -a DIR/agent.sock`).
pub fn procs_naming(dir: &std::path::Path) -> Vec<i32> {
    let me = std::process::id() as i32;
    let dir = dir.as_os_str().as_encoded_bytes();
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else { return out };
    for e in entries.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
        if pid == me {
            continue;
        }
        let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else { continue };
        let names = cmd.split(|b| *b == 0).any(|a| a == dir || (a.starts_with(dir) && a.get(dir.len()) == Some(&b'/')));
        if names && crate::jobs::pid_alive(i64::from(pid)) {
            out.push(pid);
        }
    }
    out
}

/// Every descendant of `root` (children, grandchildren, …), from /proc.
pub fn descendants(root: i32) -> Vec<i32> {
    let mut children: std::collections::HashMap<i32, Vec<i32>> = std::collections::HashMap::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
            let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else { continue };
            let mut f = rest.split_whitespace();
            let state = f.next().unwrap_or("");
            if state == "Z" {
                continue;
            }
            if let Some(ppid) = f.next().and_then(|p| p.parse::<i32>().ok()) {
                children.entry(ppid).or_default().push(pid);
            }
        }
    }
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(p) = stack.pop() {
        if let Some(c) = children.get(&p) {
            for &k in c {
                out.push(k);
                stack.push(k);
            }
        }
    }
    out
}

/// A command for `program` run under the job guard (`awxm job-guard`, this same binary) with
/// `grace` seconds from SIGTERM to SIGKILL, `cleanup` a private directory the guard removes if
/// awxm dies. The guard gets SIGTERM when awxm dies (the parent-death signal), and then ends
/// the program and everything it started; to stop it, send it SIGTERM ([`stop_guarded`]).
/// Without a known path to this binary, the program runs directly (with the same signal).
pub fn guarded(program: &std::path::Path, grace: u32, cleanup: Option<&std::path::Path>) -> Command {
    use std::os::unix::process::CommandExt;
    let mut cmd = match std::env::current_exe() {
        Ok(exe) => {
            let mut c = Command::new(exe);
            c.args(["job-guard", "--grace", &grace.to_string()]);
            if let Some(dir) = cleanup {
                c.arg("--cleanup").arg(dir);
            }
            c.arg("--").arg(program);
            c
        }
        Err(_) => Command::new(program),
    };
    let parent = std::process::id() as i32;
    // SAFETY: only async-signal-safe calls (prctl, getppid, _exit) between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            // awxm died before the death signal was armed.
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
    cmd
}

/// Stop a command started by [`guarded`] and wait for it: SIGTERM, on which the guard ends
/// every process the program started (SIGKILL after its grace).
pub fn stop_guarded(child: &mut std::process::Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        let _ = nix::sys::signal::kill(Pid::from_raw(pid), nix::sys::signal::Signal::SIGTERM);
    }
    let _ = child.wait();
}

/// The job guard (`awxm job-guard`): runs between the supervising awxm and ansible-playbook,
/// in the job's session. It is a child subreaper, so every process of the job stays its
/// descendant even after `setsid` (Ansible's workers do that) or double forks; it ends them
/// all when ansible-playbook exits, and when it is told to stop (SIGTERM/SIGINT/SIGHUP, also
/// sent by the kernel when the supervisor dies): SIGTERM to every descendant, SIGKILL after
/// `grace`. Returns ansible-playbook's exit code (128+n for signal n).
pub fn guard(program: &std::path::Path, args: &[String], grace: Duration) -> Result<i32> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    become_subreaper();
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop)).map_err(|e| Error::internal(format!("signal handler: {e}")))?;
    }
    // The supervisor may already be gone (we would have missed its death signal).
    if nix::unistd::getppid().as_raw() == 1 {
        stop.store(true, Ordering::Relaxed);
    }
    let me = std::process::id() as i32;
    let child =
        Command::new(program).args(args).spawn().map_err(|e| Error::unavailable(format!("cannot run {}: {e}", program.display())))?;
    let main = Pid::from_raw(child.id() as i32);
    drop(child);
    let mut rc: Option<i32> = None;
    let mut kill_at: Option<Instant> = None;
    let mut killed = false;
    loop {
        loop {
            match waitpid(None, Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::StillAlive) => break,
                Ok(ws) => {
                    if ws.pid() == Some(main) {
                        rc = code_of(ws);
                    }
                }
                Err(Errno::EINTR) => continue,
                Err(_) => break,
            }
        }
        let stopping = stop.load(Ordering::Relaxed);
        if rc.is_none() && !stopping {
            // Running normally: only watch for the exit (scanning /proc is for the end).
            std::thread::sleep(Duration::from_millis(25));
            continue;
        }
        if kill_at.is_none() {
            for p in descendants(me) {
                let _ = kill(Pid::from_raw(p), Signal::SIGTERM);
            }
            kill_at = Some(Instant::now() + if rc.is_some() && !stopping { Duration::from_secs(2) } else { grace });
        }
        let left = descendants(me);
        if rc.is_some() && left.is_empty() {
            break;
        }
        if rc.is_none() && left.is_empty() && kill_at.is_some() {
            // The main process vanished without being reaped by us (should not happen).
            rc = Some(128 + libc::SIGKILL);
            break;
        }
        if let Some(t) = kill_at
            && Instant::now() >= t
            && !killed
        {
            for p in &left {
                let _ = kill(Pid::from_raw(*p), Signal::SIGKILL);
            }
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(rc.unwrap_or(128 + libc::SIGKILL))
}

/// Run a short command under a pty (e.g. `ssh-add`), answering prompts; returns (rc, output).
pub fn run_with_prompts(cmd: &PtyCommand, prompts: &mut Prompts, timeout: Duration) -> Result<(i32, Vec<u8>)> {
    struct Collect(Vec<u8>);
    impl Observer for Collect {
        fn output(&mut self, bytes: &[u8]) -> Result<()> {
            self.0.extend_from_slice(bytes);
            Ok(())
        }
        fn tick(&mut self, _: bool) -> Result<Option<Stop>> {
            Ok(None)
        }
    }
    let mut child = PtyChild::spawn(cmd)?;
    let mut c = Collect(Vec::new());
    let limits = Limits { timeout: Some(timeout), grace: Duration::from_secs(1), tick: Duration::from_millis(100) };
    let out = supervise(&mut child, prompts, &limits, &mut c)?;
    if out.stopped == Some(Stop::TimedOut) {
        return Err(Error::failure(format!("{} did not finish within {}s", cmd.program.display(), timeout.as_secs())));
    }
    Ok((out.rc, c.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> PtyCommand {
        PtyCommand {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            cwd: std::env::temp_dir(),
            env: vec![("PATH".into(), "/usr/bin:/bin".into())],
        }
    }

    #[test]
    fn prompts_are_answered_without_echo() {
        let mut p = Prompts::new();
        p.add(r"Secret:\s*$", "hunter2").unwrap();
        let (rc, out) =
            run_with_prompts(&sh("printf 'Secret: '; read x; echo \"got ${#x} chars\"; tty"), &mut p, Duration::from_secs(10)).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(rc, 0, "{text}");
        assert!(text.contains("got 7 chars"), "{text}");
        assert!(!text.contains("hunter2"), "echo must be off: {text}");
        assert!(text.contains("/dev/pts/"), "the pty is the controlling terminal: {text}");
        assert!(!text.contains('\r'), "no CRLF translation: {text:?}");
    }

    #[test]
    fn timeout_kills_the_process_group() {
        let mut child = PtyChild::spawn(&sh("sleep 30 & sleep 30; echo never")).unwrap();
        struct Nop;
        impl Observer for Nop {
            fn output(&mut self, _: &[u8]) -> Result<()> {
                Ok(())
            }
            fn tick(&mut self, _: bool) -> Result<Option<Stop>> {
                Ok(None)
            }
        }
        let limits = Limits { timeout: Some(Duration::from_millis(300)), grace: Duration::from_secs(2), tick: Duration::from_millis(50) };
        let t = Instant::now();
        let out = supervise(&mut child, &mut Prompts::new(), &limits, &mut Nop).unwrap();
        assert_eq!(out.stopped, Some(Stop::TimedOut));
        assert_eq!(out.rc, 128 + 15);
        assert!(t.elapsed() < Duration::from_secs(5));
        // The background sleep was in the same group: gone too (zombies aside).
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(live_in_group(child.pid()), Vec::<i32>::new());
    }

    fn live_in_group(pgrp: i32) -> Vec<i32> {
        let mut out = Vec::new();
        for e in std::fs::read_dir("/proc").unwrap().flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
            let rest: Vec<&str> = stat[stat.rfind(')').unwrap() + 1..].split_whitespace().collect();
            if rest[0] != "Z" && rest[2].parse::<i32>().ok() == Some(pgrp) {
                out.push(pid);
            }
        }
        out
    }

    #[test]
    fn prompt_must_be_at_the_end_of_output() {
        let mut p = Prompts::new();
        p.add(r"Password:[ \t]*$", "x").unwrap();
        assert_eq!(p.check(b"Password:\nmore output\n"), None);
        assert_eq!(p.check(b"a line ending in Password:\n"), None);
        assert_eq!(p.check(b"Password: "), Some("x\n".into()));
    }
}
