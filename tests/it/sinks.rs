//! Real services on loopback for the mail and webhook tests: an SMTP server (aiosmtpd,
//! tests/scripts/smtp_sink.py) and an HTTP server (tests/scripts/webhook_sink.py), each started
//! by the test and killed when dropped. Plus a few helpers to reach the database through the
//! library (for the functions other commands call).

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{TestEnv, repo, test_python};

/// A port nobody listens on (bound, then released).
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

fn wait_listening(port: u16, child: &mut Child, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(st)) = child.try_wait() {
            panic!("{what} exited early: {st}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} did not listen on 127.0.0.1:{port}");
}

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl SmtpSink {
    pub fn start(dir: &Path) -> SmtpSink {
        Self::start_with(dir, &[])
    }

    /// Extra arguments: `--user U --password P`, `--tls-cert C --tls-key K`.
    pub fn start_with(dir: &Path, extra: &[&str]) -> SmtpSink {
        // The sink prints "smtp sink on HOST:PORT" once it holds the port. A port that another
        // process took between closed_port() and the sink's bind makes the sink exit instead
        // (and a connect test would then reach that other process): try another port.
        for _ in 0..5 {
            let port = closed_port();
            let mut child = Command::new(test_python())
                .arg(repo().join("tests/scripts/smtp_sink.py"))
                .args(["--host", "127.0.0.1", "--port", &port.to_string(), "--dir"])
                .arg(dir)
                .args(extra)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("start smtp_sink.py");
            let mut line = String::new();
            let read = BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line);
            if matches!(read, Ok(n) if n > 0) && line.starts_with("smtp sink on") {
                return SmtpSink { child, port, dir: dir.to_path_buf() };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("smtp_sink.py could not bind a port in 5 tries");
    }

    /// One entry per message received: {file, from, to, auth_user, tls}.
    pub fn index(&self) -> Vec<Value> {
        match std::fs::read_to_string(self.dir.join("index.jsonl")) {
            Ok(t) => t.lines().map(|l| serde_json::from_str(l).expect("index line")).collect(),
            Err(_) => vec![],
        }
    }

    /// The raw text of the message described by an index entry.
    pub fn text(&self, entry: &Value) -> String {
        std::fs::read_to_string(self.dir.join(entry["file"].as_str().expect("file"))).expect("message file")
    }

    /// The decoded Subject header of a message.
    pub fn subject(&self, entry: &Value) -> String {
        header(&self.text(entry), "Subject")
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An (unfolded) header of a message.
pub fn header(msg: &str, name: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in msg.lines() {
        if line.is_empty() {
            break;
        }
        if inside && (line.starts_with(' ') || line.starts_with('\t')) {
            out.push_str(line.trim_start_matches(['\t']));
            continue;
        }
        inside = false;
        if let Some(v) = line.strip_prefix(&format!("{name}: ")) {
            out = v.to_string();
            inside = true;
        }
    }
    out
}

/// The body of a message (after the blank line), with quoted-printable soft breaks undone.
pub fn body(msg: &str) -> String {
    let b = msg.split_once("\r\n\r\n").or_else(|| msg.split_once("\n\n")).map(|(_, b)| b).unwrap_or("");
    b.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=")
}

pub struct HttpSink {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl HttpSink {
    pub fn start(dir: &Path) -> HttpSink {
        let mut child = Command::new(test_python())
            .arg(repo().join("tests/scripts/webhook_sink.py"))
            .args(["--host", "127.0.0.1", "--dir"])
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start webhook_sink.py");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("read the port");
        let port: u16 = line.trim().rsplit(':').next().and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("bad line {line:?}"));
        wait_listening(port, &mut child, "webhook_sink.py");
        HttpSink { child, port, dir: dir.to_path_buf() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Requests received: {method, path, headers, body, status}.
    pub fn requests(&self) -> Vec<Value> {
        match std::fs::read_to_string(self.dir.join("requests.jsonl")) {
            Ok(t) => t.lines().map(|l| serde_json::from_str(l).expect("request line")).collect(),
            Err(_) => vec![],
        }
    }
}

impl Drop for HttpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The test's database opened through the library (for the functions other commands call).
pub fn lib_db(env: &TestEnv) -> awxm::db::Db {
    awxm::db::Db::connect(&env.url, awxm::db::DbOptions::default()).expect("open the test database")
}

pub fn lib_secrets(env: &TestEnv) -> awxm::crypto::Secrets {
    awxm::crypto::Secrets::new(env.secret_key())
}

/// A resource file with one inventory holding `n` hosts named `<prefix><i>`.
pub fn inventory_yaml(name: &str, prefix: &str, n: usize) -> String {
    let mut s = format!("inventories:\n  - name: {name}\n    hosts:\n");
    if n == 0 {
        s = format!("inventories:\n  - name: {name}\n    hosts: []\n");
    }
    for i in 0..n {
        s.push_str(&format!("      - name: {prefix}{i}\n"));
    }
    s
}

/// Point the admin-mail settings at a local SMTP port.
pub fn use_smtp(env: &TestEnv, port: u16) {
    env.ok(&["settings", "set", "email_host", "127.0.0.1"]);
    env.ok(&["settings", "set", "email_port", &port.to_string()]);
    env.ok(&["settings", "set", "email_timeout", "5"]);
    env.ok(&["settings", "set", "default_from_email", "awxm@example.test"]);
}
