//! The SSH transport (`awxm::ssh`) against real sshd processes on loopback: authentication,
//! host-key policy, timeouts, command execution, detached processes and SFTP trees. The
//! commands built on it (`test_isolated_connection`, `isolated_heartbeat`) are tested through
//! the binary in `heartbeat.rs`.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use awxm::ssh::{Auth, Conn, HostKeyPolicy, Options, SshErrorKind, Target};

use crate::support::sshd::*;

fn opts(known_hosts: &Path, policy: HostKeyPolicy) -> Options {
    let mut o = Options::new(known_hosts.to_path_buf(), policy);
    o.connect_timeout = Duration::from_secs(5);
    o.io_timeout = Duration::from_secs(20);
    o
}

fn key_auth() -> Auth {
    Auth { private_key: Some(client_key_text()), ..Auth::default() }
}

fn target(s: &Sshd, user: &str, auth: Auth) -> Target {
    Target { name: format!("node-{}", s.port), host: s.addr.clone(), port: s.port, user: user.into(), auth }
}

fn known(dir: &Path, nodes: &[&Sshd]) -> std::path::PathBuf {
    let p = dir.join("known_hosts");
    std::fs::write(&p, nodes.iter().map(|s| s.known_hosts_line()).collect::<String>()).unwrap();
    p
}

#[test]
fn key_auth_exec_status_and_streams() {
    let s = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let mut c = Conn::connect(&target(&s, "root", key_auth()), &opts(&kh, HostKeyPolicy::Strict)).expect("connect");
    assert_eq!(c.host_key_fingerprint(), s.fingerprint());
    let r = c.exec("echo out; echo err >&2; exit 3").unwrap();
    // The remote login shell's startup files may write to stderr first (a root .bashrc with
    // `pyenv init` does, when another session rehashes at the same time): stderr ends with ours.
    assert_eq!((r.status, r.stdout_str().as_str()), (3, "out\n"));
    assert!(r.stderr_str().ends_with("err\n"), "{:?}", r.stderr_str());
    assert!(!r.timed_out);
    // Large output on both streams at once does not deadlock.
    let r = c.exec("head -c 3000000 /dev/zero | tr '\\0' a; head -c 2000000 /dev/zero | tr '\\0' b >&2").unwrap();
    assert_eq!(r.stdout.len(), 3_000_000);
    assert!(r.stderr.len() >= 2_000_000 && r.stderr[r.stderr.len() - 2_000_000..].iter().all(|&b| b == b'b'), "{}", r.stderr.len());
    // stdin is fed to the command.
    let r = c.exec_with("wc -c", Some(&vec![b'x'; 500_000]), None).unwrap();
    assert_eq!(r.stdout_str().trim(), "500000");
    // A timeout that does not expire leaves stdout/stderr clean.
    let r = c.exec_timeout("echo fine; echo warn >&2", Duration::from_secs(10)).unwrap();
    assert_eq!((r.status, r.stdout_str().as_str()), (0, "fine\n"));
    assert!(r.stderr_str().ends_with("warn\n"), "{:?}", r.stderr_str());
}

#[test]
fn exec_timeout_kills_the_remote_process_group() {
    let s = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let mut c = Conn::connect(&target(&s, "root", key_auth()), &opts(&kh, HostKeyPolicy::Strict)).unwrap();
    let marker = format!("{}.{}", 300 + s.port % 100, s.port);
    let started = Instant::now();
    let r = c.exec_timeout(&format!("sleep {marker} & sleep {marker}; echo never"), Duration::from_secs(1)).unwrap();
    assert!(r.timed_out, "{r:?}");
    assert!(!r.success());
    assert!(started.elapsed() < Duration::from_secs(6), "took {:?}", started.elapsed());
    assert!(!r.stdout_str().contains("never"));
    // Both sleeps (the foreground one and the background child) are gone.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left = c.exec(&format!("pgrep -f 'slee[p] {marker}' || true")).unwrap().stdout_str();
        if left.trim().is_empty() {
            break;
        }
        assert!(Instant::now() < deadline, "processes left behind: {left}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The connection is still usable.
    assert_eq!(c.exec("echo ok").unwrap().stdout_str(), "ok\n");
}

#[test]
fn password_and_passphrase_and_agent_auth() {
    let (user, password) = password_user();
    let s = Sshd::start_with(true);
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let o = opts(&kh, HostKeyPolicy::Strict);

    let pw = Auth { password: Some(password.into()), ..Auth::default() };
    let mut c = Conn::connect(&target(&s, user, pw), &o).expect("password auth");
    assert_eq!(c.exec("id -un").unwrap().stdout_str().trim(), user);

    let bad = Auth { password: Some("wrong".into()), ..Auth::default() };
    let e = Conn::connect(&target(&s, user, bad), &o).err().expect("wrong password refused");
    assert_eq!(e.kind, SshErrorKind::Auth, "{e}");
    assert!(!e.message.contains("wrong"), "password leaked into: {e}");

    // A key with a passphrase.
    let k = new_key(tmp.path(), "locked", "open sesame");
    let pubkey = std::fs::read_to_string(format!("{}.pub", k.display())).unwrap();
    let mut ak = std::fs::OpenOptions::new().append(true).open(s.dir.join("authorized_keys")).unwrap();
    std::io::Write::write_all(&mut ak, pubkey.as_bytes()).unwrap();
    let key = std::fs::read_to_string(&k).unwrap();
    let good = Auth { private_key: Some(key.clone()), passphrase: Some("open sesame".into()), ..Auth::default() };
    Conn::connect(&target(&s, "root", good), &o).expect("key with passphrase");
    let wrong = Auth { private_key: Some(key), passphrase: Some("nope".into()), ..Auth::default() };
    let e = Conn::connect(&target(&s, "root", wrong), &o).err().expect("wrong passphrase");
    assert_eq!(e.kind, SshErrorKind::Auth);
    assert!(e.message.contains("passphrase"), "{e}");

    // ssh-agent holding the client key, no credential.
    let sock = tmp.path().join("agent.sock");
    let mut agent =
        std::process::Command::new("ssh-agent").arg("-D").arg("-a").arg(&sock).stdout(std::process::Stdio::null()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while !sock.exists() {
        assert!(Instant::now() < deadline, "ssh-agent did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    let st = std::process::Command::new("ssh-add")
        .arg(client_key())
        .env("SSH_AUTH_SOCK", &sock)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let via_agent = Auth { agent_socket: Some(sock.clone()), ..Auth::default() };
    let r = Conn::connect(&target(&s, "root", via_agent), &o);
    let _ = agent.kill();
    let _ = agent.wait();
    let mut c = r.expect("agent auth");
    assert_eq!(c.exec("id -un").unwrap().stdout_str().trim(), "root");
}

#[test]
fn wrong_key_is_refused_naming_what_was_tried() {
    let s = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let other = std::fs::read_to_string(new_key(tmp.path(), "other", "")).unwrap();
    let t = target(&s, "root", Auth { private_key: Some(other), ..Auth::default() });
    let e = Conn::connect(&t, &opts(&kh, HostKeyPolicy::Strict)).err().expect("refused");
    assert_eq!(e.kind, SshErrorKind::Auth);
    assert!(e.message.contains("authentication failed") && e.message.contains("private key"), "{e}");
    assert!(e.message.contains(&format!("{}:{}", s.addr, s.port)), "{e}");
}

#[test]
fn host_key_policies() {
    let mut s = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let kh = tmp.path().join("state/known_hosts");
    let t = target(&s, "root", key_auth());

    // Unknown host, strict: refused, nothing written.
    let e = Conn::connect(&t, &opts(&kh, HostKeyPolicy::Strict)).err().expect("unknown host refused");
    assert_eq!(e.kind, SshErrorKind::HostKeyUnknown, "{e}");
    assert!(e.message.contains(&s.fingerprint()), "{e}");
    assert!(!kh.exists());

    // accept-new records the key once, as [host]:port.
    let c = Conn::connect(&t, &opts(&kh, HostKeyPolicy::AcceptNew)).expect("accept-new");
    assert!(c.host_key_added());
    drop(c);
    assert_eq!(std::fs::read_to_string(&kh).unwrap(), s.known_hosts_line());
    let c = Conn::connect(&t, &opts(&kh, HostKeyPolicy::Strict)).expect("now known");
    assert!(!c.host_key_added());
    drop(c);

    // Hashed entries (ssh-keygen -H) match too.
    let st = std::process::Command::new("ssh-keygen").arg("-H").arg("-f").arg(&kh).output().unwrap();
    assert!(st.status.success());
    assert!(std::fs::read_to_string(&kh).unwrap().starts_with("|1|"));
    Conn::connect(&t, &opts(&kh, HostKeyPolicy::Strict)).expect("hashed entry matches");

    // A changed key is refused under every policy, naming the host and both fingerprints.
    let old_fp = s.fingerprint();
    s.change_host_key();
    let t = target(&s, "root", key_auth());
    for policy in [HostKeyPolicy::Strict, HostKeyPolicy::AcceptNew] {
        let e = Conn::connect(&t, &opts(&kh, policy)).err().expect("changed key refused");
        assert_eq!(e.kind, SshErrorKind::HostKeyChanged, "{e}");
        assert!(e.message.contains(&format!("[{}]:{}", s.addr, s.port)), "{e}");
        assert!(e.message.contains(&old_fp) && e.message.contains(&s.fingerprint()), "{e}");
    }
    assert!(std::fs::read_to_string(&kh).unwrap().lines().count() == 1, "known_hosts must not change");
}

#[test]
fn connect_timeouts_and_refusals() {
    let tmp = tempfile::tempdir().unwrap();
    let kh = tmp.path().join("known_hosts");
    let mut o = opts(&kh, HostKeyPolicy::AcceptNew);
    o.connect_timeout = Duration::from_millis(1500);
    let hole = BlackHole::start();
    let t = Target { name: "hung".into(), host: hole.addr.clone(), port: hole.port, user: "root".into(), auth: key_auth() };
    let started = Instant::now();
    let e = Conn::connect(&t, &o).err().expect("handshake times out");
    let took = started.elapsed();
    assert_eq!(e.kind, SshErrorKind::Timeout, "{e}");
    assert!(took >= Duration::from_millis(1400) && took < Duration::from_secs(4), "took {took:?}");

    let (addr, port) = refused_port();
    let t = Target { name: "down".into(), host: addr, port, user: "root".into(), auth: key_auth() };
    let started = Instant::now();
    let e = Conn::connect(&t, &o).err().expect("refused");
    assert_eq!(e.kind, SshErrorKind::Connect, "{e}");
    assert!(e.message.contains("refused"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o7777
}

#[test]
fn sftp_tree_round_trip_preserves_content_and_modes() {
    let s = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let src = tmp.path().join("src");
    std::fs::create_dir_all(src.join("a/b/c")).unwrap();
    std::fs::create_dir_all(src.join("empty")).unwrap();
    std::fs::create_dir_all(src.join("locked")).unwrap();
    let files: &[(&str, usize, u32)] = &[
        ("top.txt", 11, 0o644),
        ("run.sh", 40, 0o755),
        ("a/secret", 5, 0o600),
        ("a/b/big.bin", 3_500_001, 0o640),
        ("a/b/c/zero", 0, 0o444),
        ("locked/x", 3, 0o600),
    ];
    for (name, len, m) in files {
        let p = src.join(name);
        let data: Vec<u8> = (0..*len).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&p, data).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(*m)).unwrap();
    }
    std::os::unix::fs::symlink("../top.txt", src.join("a/link")).unwrap();
    std::fs::set_permissions(src.join("a/b"), std::fs::Permissions::from_mode(0o750)).unwrap();
    std::fs::set_permissions(src.join("locked"), std::fs::Permissions::from_mode(0o500)).unwrap();
    std::fs::set_permissions(&src, std::fs::Permissions::from_mode(0o700)).unwrap();

    let mut c = Conn::connect(&target(&s, "root", key_auth()), &opts(&kh, HostKeyPolicy::Strict)).unwrap();
    let remote = format!("{}/remote/tree", tmp.path().display());
    let up = c.put_tree(&src, &remote).expect("upload");
    assert_eq!((up.files, up.symlinks, up.bytes), (6, 1, 3_500_060));
    // The remote side, as the shell there sees it.
    let listing = c.exec(&format!("cd {remote} && find . -printf '%p %m %s %y\\n' | sort")).unwrap().stdout_str();
    assert!(listing.contains("./a/b/big.bin 640 3500001 f"), "{listing}");
    assert!(listing.contains("./run.sh 755 40 f"), "{listing}");
    assert!(listing.contains("./a/b 750 "), "{listing}");
    assert!(listing.contains("./locked 500 "), "{listing}");
    assert_eq!(c.exec(&format!("readlink {remote}/a/link")).unwrap().stdout_str(), "../top.txt\n");
    // Uploading again overwrites in place.
    c.put_tree(&src, &remote).expect("second upload");

    let back = tmp.path().join("back");
    let down = c.get_tree(&remote, &back).expect("download");
    assert_eq!((down.files, down.symlinks, down.bytes), (6, 1, 3_500_060));
    for (name, _, m) in files {
        assert_eq!(std::fs::read(src.join(name)).unwrap(), std::fs::read(back.join(name)).unwrap(), "{name}");
        assert_eq!(mode(&back.join(name)), *m, "{name}");
    }
    for d in ["", "a", "a/b", "a/b/c", "empty", "locked"] {
        assert_eq!(mode(&back.join(d)), mode(&src.join(d)), "dir {d:?}");
    }
    assert_eq!(std::fs::read_link(back.join("a/link")).unwrap(), Path::new("../top.txt"));

    // Reading from an offset, as a follower of a growing file does.
    c.put_bytes(b"line1\nline2\n", &format!("{remote}/log"), 0o600).unwrap();
    assert_eq!(c.read_from(&format!("{remote}/log"), 6, 1 << 20).unwrap(), b"line2\n");
    assert_eq!(c.read_from(&format!("{remote}/log"), 12, 1 << 20).unwrap(), b"");
    assert_eq!(c.read_from(&format!("{remote}/log"), 0, 3).unwrap(), b"lin");
    let st = c.stat(&format!("{remote}/log")).unwrap().expect("exists");
    assert_eq!((st.size, st.mode, st.is_file), (12, 0o600, true));
    assert_eq!(c.stat(&format!("{remote}/nope")).unwrap(), None);
    let e = c.read_file(&format!("{remote}/nope")).expect_err("missing");
    assert_eq!(e.kind, SshErrorKind::NotFound);
    // Restore write permission so the temp dir can be removed.
    std::fs::set_permissions(back.join("locked"), std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(src.join("locked"), std::fs::Permissions::from_mode(0o700)).unwrap();
    c.remove_tree(&remote).unwrap();
    assert_eq!(c.stat(&remote).unwrap(), None);
}

#[test]
fn answers_are_read_past_what_the_login_prints_first() {
    // The node's login prints on stdout and stderr before each command (a chatty .bashrc, locale
    // warnings), and runs commands with dash: the process group of a timed-out command and the
    // pid of a detached one are still read, from awxm's tagged lines, and signalled.
    let s = Sshd::start_chatty();
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let dir = tmp.path().join("work");
    std::fs::create_dir_all(&dir).unwrap();
    let d = dir.display().to_string();
    let mut c = Conn::connect(&target(&s, "root", key_auth()), &opts(&kh, HostKeyPolicy::Strict)).unwrap();

    let r = c.exec("echo answer").unwrap();
    assert!(r.stdout_str().ends_with("answer\n"), "{:?}", r.stdout_str());

    let pid = c.start_detached("sleep 60", Some(&d), None).unwrap();
    assert!(pid > 1 && c.process_alive(pid).unwrap(), "pid {pid}");
    let cmdline = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    assert!(cmdline.contains("sleep 60"), "pid {pid} is not the detached command: {cmdline:?}");
    // The node's shell is a POSIX sh (dash), whose kill knows no `--`.
    assert!(c.signal_group(pid, "KILL").unwrap(), "the detached group could not be signalled");

    // A timeout kills the remote command's process group (found past the noise), so the
    // command's own child does not outlive it.
    let marker = format!("sleep 61.{}", std::process::id() % 1000);
    let started = Instant::now();
    let e = c.exec_timeout(&format!("{marker}; true"), Duration::from_secs(1));
    assert!(e.is_err() || !e.as_ref().unwrap().success(), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
    let deadline = Instant::now() + Duration::from_secs(5);
    while !crate::support::procs_with(&marker).is_empty() {
        assert!(Instant::now() < deadline, "the timed-out command's process group was not killed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn detached_process_survives_the_connection_and_reconnect() {
    let mut s = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let kh = known(tmp.path(), &[&s]);
    let dir = tmp.path().join("work");
    std::fs::create_dir_all(&dir).unwrap();
    let d = dir.display().to_string();
    let mut c = Conn::connect(&target(&s, "root", key_auth()), &opts(&kh, HostKeyPolicy::Strict)).unwrap();
    let pid = c.start_detached("echo started; sleep 2; echo $$ > done", Some(&d), Some(&format!("{d}/out.log"))).unwrap();
    assert!(c.process_alive(pid).unwrap());
    // The node's sshd goes away and comes back: the process keeps running.
    drop(c);
    s.restart();
    let t = target(&s, "root", key_auth());
    let mut c = Conn::connect(&t, &opts(&kh, HostKeyPolicy::Strict)).unwrap();
    c.reconnect_with_backoff(Duration::from_secs(10)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while c.stat(&format!("{d}/done")).unwrap().is_none() {
        assert!(Instant::now() < deadline, "detached process did not finish");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(c.read_file(&format!("{d}/done")).unwrap(), format!("{pid}\n").as_bytes());
    assert_eq!(c.read_file(&format!("{d}/out.log")).unwrap(), b"started\n");
    assert!(!c.process_alive(pid).unwrap());

    // A detached group can be signalled.
    let pid = c.start_detached("sleep 60", Some(&d), None).unwrap();
    assert!(c.signal_group(pid, "TERM").unwrap());
    let deadline = Instant::now() + Duration::from_secs(5);
    while c.process_alive(pid).unwrap() {
        assert!(Instant::now() < deadline, "still alive after TERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!c.signal_group(4_000_000, "TERM").unwrap(), "no such group");

    // Reconnecting to a node that stays down gives up with a transient error.
    s.stop();
    let started = Instant::now();
    let e = c.reconnect_with_backoff(Duration::from_secs(2)).expect_err("node down");
    assert!(e.is_transient(), "{e}");
    assert!(started.elapsed() < Duration::from_secs(4));
}
