//! Real OpenSSH servers for tests (Debian's openssh-server, run as root): one `sshd -D` per
//! loopback address and ephemeral port, with its own host key, killed when dropped. All nodes
//! accept one shared client key ([`client_key`]). Traffic stays on 127.0.0.x.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

static NEXT: AtomicU32 = AtomicU32::new(0);

fn keygen(path: &Path, passphrase: &str, comment: &str) {
    let st = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f"])
        .arg(path)
        .stdin(Stdio::null())
        .status()
        .expect("run ssh-keygen");
    assert!(st.success(), "ssh-keygen failed for {}", path.display());
}

/// Directory for keys shared by all tests of this run (under target/tmp).
fn shared_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("awxm-ssh-keys-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("key dir");
        d
    })
}

/// The client key every test sshd accepts (ed25519, no passphrase).
pub fn client_key() -> &'static Path {
    static KEY: OnceLock<PathBuf> = OnceLock::new();
    KEY.get_or_init(|| {
        let k = shared_dir().join("client_key");
        keygen(&k, "", "awxm-test-client");
        k
    })
}

pub fn client_key_text() -> String {
    std::fs::read_to_string(client_key()).expect("client key")
}

/// A fresh key pair (for wrong-key and passphrase tests): returns the private key path.
pub fn new_key(dir: &Path, name: &str, passphrase: &str) -> PathBuf {
    let k = dir.join(name);
    keygen(&k, passphrase, name);
    k
}

pub struct Sshd {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
    pub addr: String,
    pub port: u16,
    password_auth: bool,
    /// The login prints noise on stdout and stderr before every command, as rc files and
    /// deprecation or locale warnings do on real nodes.
    chatty: bool,
    child: Option<Child>,
}

fn free_port(addr: &str) -> u16 {
    TcpListener::bind((addr, 0)).expect("bind an ephemeral port").local_addr().expect("addr").port()
}

/// The next loopback address (127.0.0.10 … 127.0.0.249), spread by process id so parallel
/// test runs rarely share one.
pub fn next_addr() -> String {
    let n = NEXT.fetch_add(1, Ordering::Relaxed) + std::process::id() % 97;
    format!("127.0.0.{}", 10 + n % 240)
}

impl Sshd {
    /// Public-key authentication only.
    pub fn start() -> Sshd {
        Sshd::start_with(false)
    }

    /// With `password_auth`, passwords are accepted too (needs a local user with a password).
    pub fn start_with(password_auth: bool) -> Sshd {
        let tmp = tempfile::Builder::new().prefix("awxm-sshd-").tempdir().expect("tempdir");
        let dir = tmp.path().to_path_buf();
        keygen(&dir.join("host_ed25519"), "", "host");
        let pubkey = std::fs::read_to_string(format!("{}.pub", client_key().display())).expect("client pub");
        std::fs::write(dir.join("authorized_keys"), pubkey).expect("authorized_keys");
        std::fs::create_dir_all("/run/sshd").expect("/run/sshd (tests run as root)");
        let addr = next_addr();
        let mut s = Sshd { _tmp: tmp, dir, addr, port: 0, password_auth, chatty: false, child: None };
        s.write_config();
        s.spawn();
        s
    }

    /// A node whose login prints lines on stdout and on stderr before running each command
    /// (exec only: SFTP does not work through it, as on real nodes with chatty rc files).
    pub fn start_chatty() -> Sshd {
        let mut s = Sshd::start();
        let wrapper = s.dir.join("chatty-login.sh");
        std::fs::write(
            &wrapper,
            "#!/bin/sh\necho 'Welcome to node (from .bashrc)'\necho 'bash: warning: setlocale: LC_CTYPE: cannot change locale (en_US.UTF-8)' >&2\n\
             echo 'warning: setlocale: LC_ALL: cannot change locale' >&2\nexec /bin/sh -c \"$SSH_ORIGINAL_COMMAND\"\n",
        )
        .expect("wrapper");
        std::fs::set_permissions(&wrapper, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
        s.chatty = true;
        s.stop();
        s.write_config();
        s.spawn();
        s
    }

    fn write_config(&mut self) {
        self.port = free_port(&self.addr);
        let d = self.dir.display();
        let pw = if self.password_auth { "yes" } else { "no" };
        let cfg = format!(
            "Port {port}\nListenAddress {addr}\nHostKey {d}/host_ed25519\nPidFile {d}/sshd.pid\nAuthorizedKeysFile {d}/authorized_keys\n\
             PermitRootLogin yes\nPasswordAuthentication {pw}\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             UsePAM no\nStrictModes no\nPrintMotd no\nUseDNS no\nMaxStartups 100\nMaxSessions 50\n\
             Subsystem sftp internal-sftp\nLogLevel VERBOSE\n{force}",
            port = self.port,
            addr = self.addr,
            force = if self.chatty { format!("ForceCommand {d}/chatty-login.sh\n") } else { String::new() },
        );
        std::fs::write(self.dir.join("sshd_config"), cfg).expect("sshd_config");
    }

    fn spawn(&mut self) {
        for attempt in 0..5 {
            let log = std::fs::File::create(self.dir.join("sshd.log")).expect("log");
            let mut child = Command::new("/usr/sbin/sshd")
                .args(["-D", "-e", "-f"])
                .arg(self.dir.join("sshd_config"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("start /usr/sbin/sshd (apt-get install openssh-server)");
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                if TcpStream::connect((self.addr.as_str(), self.port)).is_ok() {
                    self.child = Some(child);
                    return;
                }
                if let Ok(Some(_)) = child.try_wait() {
                    break; // e.g. the port was taken meanwhile: pick another
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    panic!("sshd on {}:{} did not start:\n{}", self.addr, self.port, self.log());
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.wait();
            if attempt < 4 {
                self.write_config();
            }
        }
        panic!("sshd on {} would not start:\n{}", self.addr, self.log());
    }

    /// Stop the server (the node goes down: connections are refused).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Start it again on the same address, port and host key (the node comes back).
    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }

    /// Give the server a new host key and restart it (as a reinstalled node would).
    pub fn change_host_key(&mut self) {
        self.stop();
        let _ = std::fs::remove_file(self.dir.join("host_ed25519"));
        let _ = std::fs::remove_file(self.dir.join("host_ed25519.pub"));
        keygen(&self.dir.join("host_ed25519"), "", "host");
        self.spawn();
    }

    /// The host public key as `type base64`.
    pub fn host_key(&self) -> String {
        let text = std::fs::read_to_string(self.dir.join("host_ed25519.pub")).expect("host key");
        text.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
    }

    /// The host key's `SHA256:` fingerprint as `ssh-keygen -l` prints it.
    pub fn fingerprint(&self) -> String {
        let out = Command::new("ssh-keygen").arg("-lf").arg(self.dir.join("host_ed25519.pub")).output().expect("ssh-keygen -l");
        String::from_utf8_lossy(&out.stdout).split_whitespace().nth(1).expect("fingerprint").to_string()
    }

    /// A known_hosts line for this server.
    pub fn known_hosts_line(&self) -> String {
        format!("[{}]:{} {}\n", self.addr, self.port, self.host_key())
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("sshd.log")).unwrap_or_default()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A TCP port that accepts connections and never says anything (a hung node): SSH handshakes
/// to it time out.
pub struct BlackHole {
    pub addr: String,
    pub port: u16,
}

impl BlackHole {
    pub fn start() -> BlackHole {
        let addr = next_addr();
        let l = TcpListener::bind((addr.as_str(), 0)).expect("bind");
        let port = l.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for s in l.incoming().flatten() {
                held.push(s);
            }
        });
        BlackHole { addr, port }
    }
}

/// A loopback port with nothing listening (connections are refused).
pub fn refused_port() -> (String, u16) {
    let addr = next_addr();
    let port = free_port(&addr);
    (addr, port)
}

/// A local user with a password, for password authentication (created once; root only).
pub fn password_user() -> (&'static str, &'static str) {
    const USER: &str = "awxm-sshpw";
    const PASSWORD: &str = "Pw-for-awxm-tests-7";
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let exists = Command::new("id").arg(USER).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
        if !exists {
            let st = Command::new("useradd")
                .args(["--system", "--no-create-home", "--home-dir", "/tmp", "--shell", "/bin/sh", USER])
                .status()
                .expect("useradd");
            // 9: created meanwhile by a parallel run
            assert!(st.success() || st.code() == Some(9), "useradd {USER} failed");
        }
        let mut c = Command::new("chpasswd").stdin(Stdio::piped()).spawn().expect("chpasswd");
        use std::io::Write;
        c.stdin.take().expect("stdin").write_all(format!("{USER}:{PASSWORD}\n").as_bytes()).expect("write");
        assert!(c.wait().expect("chpasswd").success(), "chpasswd failed");
    });
    (USER, PASSWORD)
}
