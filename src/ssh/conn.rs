//! One SSH connection: connect, verify the host key, authenticate, run commands.

use std::io::{ErrorKind as IoKind, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use ssh2::{ErrorCode, MethodType, Session};

use super::known_hosts::{self, Check, KnownHosts};
use super::{HostKeyPolicy, Options, SshError, SshErrorKind as K, SshResult, Target, shell_quote};

const EAGAIN: i32 = -37;
const TIMEOUT: i32 = -9;

/// The result of a remote command.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ExecOutput {
    /// Exit status (-1 when the command was killed by a signal or timed out).
    pub status: i32,
    /// Signal name (without `SIG`) when the command died of a signal.
    pub signal: Option<String>,
    #[serde(skip)]
    pub stdout: Vec<u8>,
    #[serde(skip)]
    pub stderr: Vec<u8>,
    /// The timeout expired; the remote process group was killed.
    pub timed_out: bool,
    pub duration: Duration,
}

impl ExecOutput {
    pub fn success(&self) -> bool {
        self.status == 0 && self.signal.is_none() && !self.timed_out
    }
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
    /// The last non-empty line of stderr (or stdout), for one-line error messages.
    pub fn last_line(&self) -> String {
        let err = self.stderr_str();
        let out = self.stdout_str();
        let src = if err.trim().is_empty() { out } else { err };
        src.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string()
    }
}

/// An authenticated SSH connection to one node. Not shared between threads: each worker of a
/// fan-out opens its own.
pub struct Conn {
    pub(super) target: Target,
    pub(super) opts: Options,
    pub(super) sess: Session,
    tcp: TcpStream,
    pub(super) sftp: Option<ssh2::Sftp>,
    fingerprint: String,
    key_added: bool,
}

/// Restores blocking mode when dropped (non-blocking mode is used only inside `exec`).
struct Blocking<'a>(&'a Session);
impl Drop for Blocking<'_> {
    fn drop(&mut self) {
        self.0.set_blocking(true);
    }
}

fn is_eagain(e: &ssh2::Error) -> bool {
    e.code() == ErrorCode::Session(EAGAIN)
}

/// Classify a libssh2 error that happened while doing `what` on `who`.
pub(super) fn classify(e: &ssh2::Error, who: &str, what: &str) -> SshError {
    let msg = e.message();
    let kind = match e.code() {
        ErrorCode::Session(TIMEOUT) => K::Timeout,
        ErrorCode::Session(-18) | ErrorCode::Session(-19) => K::Auth,
        ErrorCode::SFTP(2) | ErrorCode::SFTP(10) => K::NotFound,
        ErrorCode::SFTP(3) => K::Permission,
        ErrorCode::SFTP(_) => K::Sftp,
        _ => K::Protocol,
    };
    let text = match kind {
        K::Timeout => format!("{who}: {what}: no answer (timed out)"),
        _ => format!("{who}: {what}: {msg}"),
    };
    SshError::new(kind, text)
}

fn io_error(e: &std::io::Error, who: &str, what: &str) -> SshError {
    let kind = match e.kind() {
        IoKind::TimedOut => K::Timeout,
        IoKind::NotFound => K::NotFound,
        IoKind::PermissionDenied => K::Permission,
        _ => K::Protocol,
    };
    SshError::new(kind, format!("{who}: {what}: {e}"))
}

fn millis(d: Duration) -> u32 {
    d.as_millis().clamp(1, u32::MAX as u128) as u32
}

/// libssh2 host-key method names for a known_hosts key type.
fn hostkey_methods(key_type: &str) -> &'static [&'static str] {
    match key_type {
        "ssh-ed25519" => &["ssh-ed25519"],
        "ecdsa-sha2-nistp256" => &["ecdsa-sha2-nistp256"],
        "ecdsa-sha2-nistp384" => &["ecdsa-sha2-nistp384"],
        "ecdsa-sha2-nistp521" => &["ecdsa-sha2-nistp521"],
        "ssh-rsa" => &["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
        "ssh-dss" => &["ssh-dss"],
        _ => &[],
    }
}

struct Prompter<'a>(&'a str);
impl ssh2::KeyboardInteractivePrompt for Prompter<'_> {
    fn prompt<'b>(&mut self, _user: &str, _instructions: &str, prompts: &[ssh2::Prompt<'b>]) -> Vec<String> {
        prompts.iter().map(|_| self.0.to_string()).collect()
    }
}

impl Conn {
    /// Connect, verify the host key and authenticate, all within `opts.connect_timeout`.
    pub fn connect(target: &Target, opts: &Options) -> SshResult<Conn> {
        let who = target.describe();
        let deadline = Instant::now() + opts.connect_timeout;
        let addrs: Vec<SocketAddr> = (target.host.as_str(), target.port)
            .to_socket_addrs()
            .map_err(|e| SshError::new(K::Resolve, format!("{who}: cannot resolve {:?}: {e}", target.host)))?
            .collect();
        if addrs.is_empty() {
            return Err(SshError::new(K::Resolve, format!("{who}: {:?} has no address", target.host)));
        }
        let mut last: Option<std::io::Error> = None;
        let mut tcp = None;
        for a in &addrs {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match TcpStream::connect_timeout(a, left) {
                Ok(s) => {
                    tcp = Some(s);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let tcp = match (tcp, last) {
            (Some(t), _) => t,
            (None, Some(e)) if matches!(e.kind(), IoKind::TimedOut | IoKind::WouldBlock) => {
                return Err(SshError::new(
                    K::Timeout,
                    format!("{who}: connection timed out after {:.1}s", opts.connect_timeout.as_secs_f64()),
                ));
            }
            (None, Some(e)) => return Err(SshError::new(K::Connect, format!("{who}: cannot connect: {e}"))),
            (None, None) => {
                return Err(SshError::new(
                    K::Timeout,
                    format!("{who}: connection timed out after {:.1}s", opts.connect_timeout.as_secs_f64()),
                ));
            }
        };
        let _ = tcp.set_nodelay(true);
        let mut sess = Session::new().map_err(|e| classify(&e, &who, "creating a session"))?;
        let clone = tcp.try_clone().map_err(|e| io_error(&e, &who, "socket"))?;
        sess.set_tcp_stream(clone);
        let left = || deadline.saturating_duration_since(Instant::now());
        sess.set_timeout(millis(left()));

        let known = KnownHosts::load(&opts.known_hosts)
            .map_err(|e| SshError::new(K::LocalIo, format!("cannot read known_hosts file {}: {e}", opts.known_hosts.display())))?;
        // Prefer the key types recorded for this host (as OpenSSH does), then anything else, so
        // a host that lost its recorded key type is reported as a changed key, not a failed
        // negotiation.
        let types = known.key_types(&target.host, target.port);
        if !types.is_empty() {
            let mut prefs: Vec<&str> = types.iter().flat_map(|t| hostkey_methods(t).iter().copied()).collect();
            if let Ok(all) = sess.supported_algs(MethodType::HostKey) {
                for a in all {
                    if !prefs.contains(&a) {
                        prefs.push(a);
                    }
                }
            }
            let _ = sess.method_pref(MethodType::HostKey, &prefs.join(","));
        }
        sess.handshake().map_err(|e| {
            let mut err = classify(&e, &who, "SSH handshake");
            if err.kind == K::Timeout {
                err.message = format!("{who}: SSH handshake timed out after {:.1}s", opts.connect_timeout.as_secs_f64());
            }
            err
        })?;
        let (fingerprint, key_added) = verify_host_key(&sess, target, opts, &known, &who)?;
        sess.set_timeout(millis(left()));
        authenticate(&sess, target, &who)?;
        sess.set_timeout(millis(opts.io_timeout));
        if !opts.keepalive.is_zero() {
            sess.set_keepalive(false, opts.keepalive.as_secs().max(1) as u32);
        }
        Ok(Conn { target: target.clone(), opts: opts.clone(), sess, tcp, sftp: None, fingerprint, key_added })
    }

    /// Drop this connection and open a new one with the same target and options.
    pub fn reconnect(&mut self) -> SshResult<()> {
        let fresh = Conn::connect(&self.target, &self.opts)?;
        *self = fresh;
        Ok(())
    }

    /// Reconnect, retrying transient failures (node down, timeouts) with growing pauses
    /// (0.5 s doubling up to 8 s) until `give_up_after` has passed. Permanent failures (host
    /// key, authentication) are returned at once.
    pub fn reconnect_with_backoff(&mut self, give_up_after: Duration) -> SshResult<()> {
        let deadline = Instant::now() + give_up_after;
        let mut pause = Duration::from_millis(500);
        loop {
            match self.reconnect() {
                Ok(()) => return Ok(()),
                Err(e) if e.is_transient() && Instant::now() + pause < deadline => {
                    tracing::debug!("{e}; retrying in {:.1}s", pause.as_secs_f64());
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_secs(8));
                }
                Err(e) => return Err(e),
            }
        }
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// `SHA256:…` fingerprint of the host key the node presented.
    pub fn host_key_fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Whether this connection recorded the host key (policy accept-new, first contact).
    pub fn host_key_added(&self) -> bool {
        self.key_added
    }

    pub(super) fn who(&self) -> String {
        self.target.describe()
    }

    /// Send a keepalive if one is due (call it from long polling loops).
    pub fn keepalive(&self) {
        let _ = self.sess.keepalive_send();
    }

    /// Run `command` (through the remote user's shell) and collect its output.
    pub fn exec(&mut self, command: &str) -> SshResult<ExecOutput> {
        self.exec_with(command, None, None)
    }

    /// Run `command`; after `timeout` its process group is killed (TERM, then KILL after 2 s)
    /// and the result has `timed_out` set.
    pub fn exec_timeout(&mut self, command: &str, timeout: Duration) -> SshResult<ExecOutput> {
        self.exec_with(command, None, Some(timeout))
    }

    /// Run `command` with `stdin` fed to it and an optional timeout.
    pub fn exec_with(&mut self, command: &str, stdin: Option<&[u8]>, timeout: Option<Duration>) -> SshResult<ExecOutput> {
        self.sess.set_blocking(false);
        let _restore = Blocking(&self.sess);
        self.exec_nb(command, stdin.unwrap_or(&[]), timeout, true)
    }

    /// Retry a non-blocking libssh2 call until it stops saying EAGAIN or `deadline` passes.
    fn nb<T>(&self, deadline: Instant, what: &str, mut f: impl FnMut() -> Result<T, ssh2::Error>) -> SshResult<T> {
        loop {
            match f() {
                Ok(v) => return Ok(v),
                Err(e) if is_eagain(&e) => {
                    if Instant::now() >= deadline {
                        return Err(SshError::new(K::Timeout, format!("{}: {what}: no answer (timed out)", self.who())));
                    }
                    self.wait_socket(deadline);
                }
                Err(e) => return Err(classify(&e, &self.who(), what)),
            }
        }
    }

    /// Wait until the socket is ready in the direction libssh2 is blocked on (at most 1 s, so
    /// that keepalives and deadlines are looked after).
    fn wait_socket(&self, until: Instant) {
        let dirs = self.sess.block_directions();
        let mut events: libc::c_short = 0;
        if matches!(dirs, ssh2::BlockDirections::Inbound | ssh2::BlockDirections::Both | ssh2::BlockDirections::None) {
            events |= libc::POLLIN;
        }
        if matches!(dirs, ssh2::BlockDirections::Outbound | ssh2::BlockDirections::Both) {
            events |= libc::POLLOUT;
        }
        let wait = until.saturating_duration_since(Instant::now()).min(Duration::from_secs(1));
        let mut pfd = libc::pollfd { fd: self.tcp.as_raw_fd(), events, revents: 0 };
        // SAFETY: one valid pollfd for a socket we own, for the duration of the call.
        unsafe {
            libc::poll(&mut pfd, 1, wait.as_millis() as libc::c_int);
        }
    }

    fn exec_nb(&self, command: &str, stdin: &[u8], timeout: Option<Duration>, wrap: bool) -> SshResult<ExecOutput> {
        let who = self.who();
        let start = Instant::now();
        let setup = start + self.opts.io_timeout;
        let deadline = timeout.map(|t| start + t);
        let mut ch = self.nb(setup, "opening a channel", || self.sess.channel_session())?;
        // With a timeout, the remote shell first reports its pid (= its process group and
        // session, as sshd starts every session command with setsid) so the whole group can be
        // killed.
        let track_pid = wrap && deadline.is_some();
        let wrapped;
        let cmd = if track_pid {
            wrapped = format!("echo \"awxm-pgid:$$\" >&2; exec /bin/sh -c {}", shell_quote(command));
            wrapped.as_str()
        } else {
            command
        };
        self.nb(setup, "starting a command", || ch.exec(cmd))?;

        let mut out = ExecOutput::default();
        let mut pid: Option<i64> = None;
        let mut prefix: Option<Vec<u8>> = if track_pid { Some(Vec::new()) } else { None };
        let mut fed = 0usize;
        let mut eof_sent = false;
        let mut buf = vec![0u8; 32 * 1024];
        loop {
            let mut progress = false;
            if !eof_sent {
                if fed < stdin.len() {
                    match ch.write(&stdin[fed..]) {
                        Ok(n) => {
                            fed += n;
                            progress = true;
                        }
                        Err(e) if e.kind() == IoKind::WouldBlock => {}
                        // The command stopped reading its input: not our failure.
                        Err(_) => fed = stdin.len(),
                    }
                }
                if fed >= stdin.len() {
                    match ch.send_eof() {
                        Err(e) if is_eagain(&e) => {}
                        _ => eof_sent = true,
                    }
                }
            }
            match ch.read(&mut buf) {
                Ok(0) => {}
                Ok(n) => {
                    out.stdout.extend_from_slice(&buf[..n]);
                    progress = true;
                }
                Err(e) if e.kind() == IoKind::WouldBlock => {}
                Err(e) => return Err(io_error(&e, &who, "reading command output")),
            }
            match ch.stderr().read(&mut buf) {
                Ok(0) => {}
                Ok(n) => {
                    progress = true;
                    match prefix.as_mut() {
                        Some(p) => {
                            p.extend_from_slice(&buf[..n]);
                            // The login shell may print first (rc files, warnings): the tagged
                            // line is looked for on any line, and the others are kept as stderr.
                            match take_tagged_line(p, "awxm-pgid:") {
                                Tagged::Found(value, rest) => {
                                    pid = value.trim().parse().ok();
                                    out.stderr.extend_from_slice(&rest);
                                    prefix = None;
                                }
                                Tagged::NotYet if p.len() <= TAG_SEARCH_LIMIT => {}
                                Tagged::NotYet => {
                                    out.stderr.extend_from_slice(p);
                                    prefix = None;
                                }
                            }
                        }
                        None => out.stderr.extend_from_slice(&buf[..n]),
                    }
                }
                Err(e) if e.kind() == IoKind::WouldBlock => {}
                Err(e) => return Err(io_error(&e, &who, "reading command errors")),
            }
            if ch.eof() {
                break;
            }
            if !progress {
                if let Some(d) = deadline
                    && Instant::now() >= d
                {
                    out.timed_out = true;
                    break;
                }
                let _ = self.sess.keepalive_send();
                self.wait_socket(deadline.unwrap_or_else(|| Instant::now() + Duration::from_secs(1)));
            }
        }
        if let Some(p) = prefix {
            out.stderr.extend_from_slice(&p);
        }
        if out.timed_out {
            if let Some(pid) = pid {
                let _ = self.kill_nb(pid, "TERM");
                let grace = Instant::now() + Duration::from_secs(2);
                while !ch.eof() && Instant::now() < grace {
                    let a = ch.read(&mut buf);
                    let b = ch.stderr().read(&mut buf);
                    if matches!((&a, &b), (Err(x), Err(y)) if x.kind() == IoKind::WouldBlock && y.kind() == IoKind::WouldBlock) {
                        self.wait_socket(grace);
                    }
                }
                if !ch.eof() {
                    let _ = self.kill_nb(pid, "KILL");
                }
            }
            let close_by = Instant::now() + Duration::from_secs(2);
            let _ = self.nb(close_by, "closing a channel", || ch.close());
            out.status = -1;
            out.duration = start.elapsed();
            return Ok(out);
        }
        let close_by = Instant::now() + self.opts.io_timeout;
        self.nb(close_by, "closing a channel", || ch.close())?;
        self.nb(close_by, "closing a channel", || ch.wait_close())?;
        out.status = ch.exit_status().unwrap_or(-1);
        if let Ok(sig) = ch.exit_signal()
            && let Some(s) = sig.exit_signal
            && !s.is_empty()
        {
            out.signal = Some(s);
            out.status = -1;
        }
        out.duration = start.elapsed();
        Ok(out)
    }

    fn kill_nb(&self, pgid: i64, signal: &str) -> SshResult<bool> {
        let r = self.exec_nb(&format!("kill -{signal} -{pgid}"), &[], Some(Duration::from_secs(5)), false)?;
        Ok(r.success())
    }

    /// Start `command` detached from the SSH session (its own session via `setsid`, stdin from
    /// /dev/null, stdout+stderr appended to `log` or discarded), in `cwd` when given. It survives
    /// the connection closing. Returns its pid, which is also its process group id.
    pub fn start_detached(&mut self, command: &str, cwd: Option<&str>, log: Option<&str>) -> SshResult<i64> {
        let cd = cwd.map(|d| format!("cd {} && ", shell_quote(d))).unwrap_or_default();
        let log = log.map(shell_quote).unwrap_or_else(|| "/dev/null".to_string());
        let script = format!(
            "{cd}if ! command -v setsid >/dev/null 2>&1; then echo 'setsid is not installed on this node' >&2; exit 127; fi; \
             setsid /bin/sh -c {} </dev/null >>{log} 2>&1 & echo \"awxm-pid:$!\"",
            shell_quote(command)
        );
        let r = self.exec_timeout(&script, self.opts.io_timeout)?;
        if !r.success() {
            return Err(SshError::new(K::Protocol, format!("{}: starting a detached process failed: {}", self.who(), r.last_line())));
        }
        // Looked for on any line: a login shell may print before it (rc files, warnings).
        match take_tagged_line(r.stdout_str().as_bytes(), "awxm-pid:") {
            Tagged::Found(pid, _) => pid.trim().parse().ok(),
            Tagged::NotYet => None,
        }
        .ok_or_else(|| SshError::new(K::Protocol, format!("{}: no pid from the detached start: {:?}", self.who(), r.stdout_str())))
    }

    /// Send `signal` (e.g. `TERM`, `KILL`, `INT`) to the process group `pgid`. Returns false
    /// when no such group exists any more.
    pub fn signal_group(&mut self, pgid: i64, signal: &str) -> SshResult<bool> {
        if pgid <= 1 || !signal.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(SshError::new(K::Protocol, format!("refusing to signal process group {pgid} with {signal:?}")));
        }
        Ok(self.exec(&format!("kill -{signal} -{pgid} 2>/dev/null"))?.success())
    }

    /// Whether process `pid` still exists on the node.
    pub fn process_alive(&mut self, pid: i64) -> SshResult<bool> {
        if pid <= 1 {
            return Ok(false);
        }
        // A zombie (exited, not yet reaped) counts as gone.
        let script = format!(
            "kill -0 {pid} 2>/dev/null || exit 1; if [ -r /proc/{pid}/status ]; then ! grep -q '^State:[[:space:]]*Z' /proc/{pid}/status; fi"
        );
        Ok(self.exec(&script)?.success())
    }
}

/// How many bytes of a command's first output are searched for a tagged line before giving up.
const TAG_SEARCH_LIMIT: usize = 64 * 1024;

enum Tagged {
    /// The text after the tag on its line, and every other byte (the lines before and after).
    Found(String, Vec<u8>),
    /// No complete line with the tag (yet).
    NotYet,
}

/// Find the first complete line starting with `tag` anywhere in `bytes`.
fn take_tagged_line(bytes: &[u8], tag: &str) -> Tagged {
    let mut start = 0;
    while let Some(len) = bytes[start..].iter().position(|&b| b == b'\n') {
        let line = &bytes[start..start + len];
        if let Some(value) = line.strip_prefix(tag.as_bytes()) {
            let mut rest = bytes[..start].to_vec();
            rest.extend_from_slice(&bytes[start + len + 1..]);
            return Tagged::Found(String::from_utf8_lossy(value).into_owned(), rest);
        }
        start += len + 1;
    }
    Tagged::NotYet
}

impl Drop for Conn {
    fn drop(&mut self) {
        self.sftp = None;
        self.sess.set_blocking(true);
        self.sess.set_timeout(1000);
        let _ = self.sess.disconnect(None, "awxm done", None);
    }
}

fn verify_host_key(sess: &Session, t: &Target, opts: &Options, known: &KnownHosts, who: &str) -> SshResult<(String, bool)> {
    let (blob, _) = sess.host_key().ok_or_else(|| SshError::new(K::Protocol, format!("{who}: the server sent no host key")))?;
    let blob = blob.to_vec();
    let key_type = known_hosts::blob_key_type(&blob).unwrap_or_else(|| "unknown".into());
    let fp = known_hosts::fingerprint(&blob);
    let name = known_hosts::host_name(&t.host, t.port);
    let file = opts.known_hosts.display().to_string();
    let judge = |check: Check| -> SshResult<bool> {
        match check {
            Check::Match { .. } => Ok(false),
            Check::Revoked { line } => Err(SshError::new(
                K::HostKeyRevoked,
                format!("{who}: the host key of {name} ({key_type} {fp}) is marked @revoked in {file}:{line}; refusing to connect"),
            )),
            Check::Mismatch { known } => {
                let recorded: Vec<String> = known.iter().map(|(ty, f, line)| format!("{ty} {f} ({file}:{line})")).collect();
                Err(SshError::new(
                    K::HostKeyChanged,
                    format!(
                        "{who}: HOST KEY CHANGED for {name}: it presents {key_type} {fp}, but known_hosts records {}; refusing to connect",
                        recorded.join(", ")
                    ),
                )
                .detail("someone may be intercepting the connection, or the node was reinstalled")
                .detail(format!("if the change is expected, remove the old key: ssh-keygen -R '{name}' -f {file}")))
            }
            Check::NotFound => Err(SshError::new(
                K::HostKeyUnknown,
                format!("{who}: the host key of {name} is not known ({key_type} {fp}); refusing to connect (--host-key-policy strict)"),
            )
            .detail(format!("after checking the fingerprint, add it: ssh-keyscan -p {} {} >> {file}", t.port, t.host))
            .detail("or record first-seen keys with --host-key-policy accept-new")),
        }
    };
    let first = known.check(&t.host, t.port, &blob);
    let added = match (first, opts.host_key_policy) {
        (Check::NotFound, HostKeyPolicy::AcceptNew) => {
            let under_lock = known_hosts::append_if_absent(&opts.known_hosts, &t.host, t.port, &key_type, &blob)
                .map_err(|e| SshError::new(K::LocalIo, format!("cannot record the host key in {file}: {e}")))?;
            if under_lock == Check::NotFound {
                tracing::info!("{who}: recorded host key {key_type} {fp} in {file}");
                true
            } else {
                judge(under_lock)?
            }
        }
        (check, _) => judge(check)?,
    };
    Ok((fp, added))
}

fn authenticate(sess: &Session, t: &Target, who: &str) -> SshResult<()> {
    let user = t.user.as_str();
    let methods = match sess.auth_methods(user) {
        Ok(m) => m.to_string(),
        Err(_) if sess.authenticated() => return Ok(()),
        Err(e) => return Err(classify(&e, who, "asking for authentication methods")),
    };
    let offers = |m: &str| methods.split(',').any(|x| x == m);
    let mut tried: Vec<String> = Vec::new();
    // An error that ends the conversation (timeout, disconnect) stops here.
    let fatal = |e: &ssh2::Error| -> Option<SshError> {
        // timeout, socket send/disconnect/receive errors
        matches!(e.code(), ErrorCode::Session(TIMEOUT | -7 | -13 | -43)).then(|| classify(e, who, "authentication"))
    };

    if let Some(key) = &t.auth.private_key {
        if offers("publickey") {
            match sess.userauth_pubkey_memory(user, None, key, t.auth.passphrase.as_deref()) {
                Ok(()) if sess.authenticated() => return Ok(()),
                Ok(()) => tried.push("the credential's private key (refused)".into()),
                Err(e) => {
                    if let Some(f) = fatal(&e) {
                        return Err(f);
                    }
                    let why = if e.code() == ErrorCode::Session(-16) {
                        "could not be loaded: wrong passphrase or unsupported key format".to_string()
                    } else {
                        format!("refused: {}", e.message())
                    };
                    tried.push(format!("the credential's private key ({why})"));
                }
            }
        } else {
            tried.push("the credential's private key (the server does not accept public keys)".into());
        }
    }
    if let Some(pw) = &t.auth.password {
        let res = if offers("password") {
            Some(("password", sess.userauth_password(user, pw)))
        } else if offers("keyboard-interactive") {
            Some(("keyboard-interactive", sess.userauth_keyboard_interactive(user, &mut Prompter(pw))))
        } else {
            tried.push("the credential's password (the server accepts no passwords)".into());
            None
        };
        if let Some((how, r)) = res {
            match r {
                Ok(()) if sess.authenticated() => return Ok(()),
                Ok(()) => tried.push(format!("{how} (refused)")),
                Err(e) => {
                    if let Some(f) = fatal(&e) {
                        return Err(f);
                    }
                    tried.push(format!("{how} (refused)"));
                }
            }
        }
    }
    if !t.auth.has_secret() && offers("publickey") {
        if let Some(sock) = &t.auth.agent_socket {
            match try_agent(sess, user, sock) {
                Ok(true) => return Ok(()),
                Ok(false) => tried.push(format!("ssh-agent at {} (no key accepted)", sock.display())),
                Err(e) => tried.push(format!("ssh-agent at {} ({e})", sock.display())),
            }
        }
        for f in &t.auth.identity_files {
            match sess.userauth_pubkey_file(user, None, f, None) {
                Ok(()) if sess.authenticated() => return Ok(()),
                Err(e) if fatal(&e).is_some() => return Err(classify(&e, who, "authentication")),
                _ => tried.push(format!("key file {}", f.display())),
            }
        }
    }
    if tried.is_empty() {
        tried.push("nothing: no credential, no ssh-agent and no key file in ~/.ssh".into());
    }
    Err(SshError::new(K::Auth, format!("{who}: authentication failed (tried {}); the server accepts: {methods}", tried.join(", "))))
}

fn try_agent(sess: &Session, user: &str, sock: &std::path::Path) -> Result<bool, String> {
    let mut agent = sess.agent().map_err(|e| e.message().to_string())?;
    agent.set_identity_path(sock).map_err(|e| e.message().to_string())?;
    agent.connect().map_err(|e| format!("not reachable: {}", e.message()))?;
    agent.list_identities().map_err(|e| e.message().to_string())?;
    let ids = agent.identities().map_err(|e| e.message().to_string())?;
    for id in &ids {
        if agent.userauth(user, id).is_ok() && sess.authenticated() {
            let _ = agent.disconnect();
            return Ok(true);
        }
    }
    let _ = agent.disconnect();
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(bytes: &[u8], tag: &str) -> Option<(String, String)> {
        match take_tagged_line(bytes, tag) {
            Tagged::Found(v, rest) => Some((v, String::from_utf8(rest).unwrap())),
            Tagged::NotYet => None,
        }
    }

    #[test]
    fn the_tagged_line_is_found_on_any_line() {
        assert_eq!(found(b"awxm-pid:42\n", "awxm-pid:"), Some(("42".into(), String::new())));
        assert_eq!(
            found(b"Welcome\nwarning: locale\nawxm-pid:42\nafter\n", "awxm-pid:"),
            Some(("42".into(), "Welcome\nwarning: locale\nafter\n".into()))
        );
        // Only at the start of a line, and only complete lines.
        assert_eq!(found(b"say awxm-pid:1\n", "awxm-pid:"), None);
        assert_eq!(found(b"noise\nawxm-pid:4", "awxm-pid:"), None);
        assert_eq!(found(b"", "awxm-pid:"), None);
        // The first tagged line wins.
        assert_eq!(found(b"awxm-pgid:7\nawxm-pgid:8\n", "awxm-pgid:"), Some(("7".into(), "awxm-pgid:8\n".into())));
    }
}
