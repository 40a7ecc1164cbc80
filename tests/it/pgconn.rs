//! PostgreSQL connections as libpq users expect them, against throwaway servers started here
//! (one with TLS — a CA and certificates made with the `openssl` CLI — and one without):
//! every sslmode, host name checks, a wrong CA, client certificates (also with an encrypted key
//! and sslpassword), CRLs (sslcrl), scram passwords from each source, several hosts with
//! target_session_attrs (a standby too) and load_balance_hosts, a server restart and a
//! connection lost mid-transaction. Each server is stopped and its directory removed on drop, also on failure.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use awxm::db::{Backoff, Db, DbOptions, PgOptions};
use awxm::error::ErrorKind;

use crate::support::*;

fn pg_bin(name: &str) -> PathBuf {
    for dir in ["/usr/local/bin", "/usr/lib/postgresql/15/bin"] {
        let p = Path::new(dir).join(name);
        if p.exists() {
            return p;
        }
    }
    PathBuf::from(name)
}

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// Run a PostgreSQL server binary as the `postgres` OS user when we are root.
fn as_postgres(bin: &str) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(pg_bin(bin));
        c
    } else {
        Command::new(pg_bin(bin))
    }
}

fn run_ok(c: &mut Command, what: &str) {
    let out = c.stdin(Stdio::null()).output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(out.status.success(), "{what} failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// The passphrase of `client-enc.key` (the client key encrypted with AES-256).
const KEY_PASS: &str = "key-pass-31415";

/// Certificates made for one test: a CA, a server certificate for `localhost` only, a client
/// certificate for `certuser` (its key also encrypted: `client-enc.key`), an unrelated CA, and
/// CRLs: `empty.crl`, `expired.crl` (empty, its nextUpdate in 2020), `revoked.crl` (revokes the server certificate), `other.crl` (an unrelated
/// CA's) and `forged.crl` (names our CA as issuer, signed by another key).
struct Certs {
    dir: PathBuf,
}

impl Certs {
    fn make(dir: &Path) -> Certs {
        std::fs::create_dir_all(dir).expect("cert dir");
        let script = r#"
set -e
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out "$1" 2>/dev/null; }
key ca.key; openssl req -x509 -new -key ca.key -out ca.crt -days 2 -subj /CN=awxm-test-ca
key other-ca.key; openssl req -x509 -new -key other-ca.key -out other-ca.crt -days 2 -subj /CN=awxm-other-ca
key server.key; openssl req -new -key server.key -out server.csr -subj /CN=localhost
printf 'subjectAltName=DNS:localhost\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile server.ext 2>/dev/null
key client.key; openssl req -new -key client.key -out client.csr -subj /CN=certuser
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 2 2>/dev/null
openssl pkey -in client.key -aes256 -passout env:AWXM_TEST_KEY_PASS -out client-enc.key
chmod 600 *.key
# CRLs (openssl ca with an index file): empty, revoking the server's certificate, one of an
# unrelated CA, and one naming our CA but signed by another key with the same name.
cacnf() { printf '[ca]\ndefault_ca = d\n[d]\ndatabase = %s.idx\ncrlnumber = %s.crlnum\ndefault_md = sha256\ndefault_crl_days = 2\ncertificate = %s.crt\nprivate_key = %s.key\n' $1 $1 $1 $1 > $1.cnf; : > $1.idx; echo 01 > $1.crlnum; }
cacnf ca
openssl ca -config ca.cnf -gencrl -out empty.crl 2>/dev/null
openssl ca -config ca.cnf -gencrl -crl_lastupdate 20200101000000Z -crl_nextupdate 20200102000000Z -out expired.crl 2>/dev/null
openssl ca -config ca.cnf -revoke server.crt 2>/dev/null
openssl ca -config ca.cnf -gencrl -out revoked.crl 2>/dev/null
cacnf other-ca
openssl ca -config other-ca.cnf -revoke server.crt 2>/dev/null
openssl ca -config other-ca.cnf -gencrl -out other.crl 2>/dev/null
key fake-ca.key; openssl req -x509 -new -key fake-ca.key -out fake-ca.crt -days 2 -subj /CN=awxm-test-ca
cacnf fake-ca
openssl ca -config fake-ca.cnf -revoke server.crt 2>/dev/null
openssl ca -config fake-ca.cnf -gencrl -out forged.crl 2>/dev/null
"#;
        run_ok(Command::new("sh").arg("-c").arg(script).env("AWXM_TEST_KEY_PASS", KEY_PASS).current_dir(dir), "making certificates");
        Certs { dir: dir.to_path_buf() }
    }
    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

/// A throwaway PostgreSQL 15 on 127.0.0.1 and a kernel-chosen port; stopped on drop.
struct Server {
    dir: tempfile::TempDir,
    port: u16,
}

impl Server {
    /// `tls`: the server's certificate files (key, cert, CA for client certificates).
    fn start(hba: &str, tls: Option<&Certs>) -> Server {
        let dir = tempfile::Builder::new().prefix("awxm-pgconn-").tempdir().expect("tempdir");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let data = dir.path().join("data");
        let server = Server { port: free_port(), dir };
        if is_root() {
            run_ok(Command::new("chown").arg("postgres:postgres").arg(server.dir.path()), "chown");
        }
        run_ok(
            as_postgres("initdb")
                .arg("-D")
                .arg(&data)
                .args(["-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"])
                .stdout(Stdio::null()),
            "initdb",
        );
        std::fs::write(data.join("pg_hba.conf"), hba).expect("pg_hba.conf");
        let mut conf = String::from("fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n");
        if let Some(c) = tls {
            let sdir = server.dir.path().join("tls");
            std::fs::create_dir_all(&sdir).expect("tls dir");
            for f in ["server.crt", "server.key", "ca.crt"] {
                std::fs::copy(c.dir.join(f), sdir.join(f)).expect("copy cert");
            }
            std::fs::set_permissions(sdir.join("server.key"), std::fs::Permissions::from_mode(0o600)).expect("chmod key");
            if is_root() {
                run_ok(Command::new("chown").arg("-R").arg("postgres:postgres").arg(&sdir), "chown tls");
            }
            conf.push_str(&format!(
                "ssl = on\nssl_cert_file = '{0}/server.crt'\nssl_key_file = '{0}/server.key'\nssl_ca_file = '{0}/ca.crt'\n",
                sdir.display()
            ));
        }
        let mut pc = std::fs::read_to_string(data.join("postgresql.conf")).expect("postgresql.conf");
        pc.push_str(&conf);
        std::fs::write(data.join("postgresql.conf"), pc).expect("postgresql.conf");
        if is_root() {
            run_ok(Command::new("chown").arg("postgres:postgres").arg(data.join("pg_hba.conf")).arg(data.join("postgresql.conf")), "chown");
        }
        server.pg_ctl("start");
        server
    }

    fn pg_ctl(&self, action: &str) {
        let data = self.dir.path().join("data");
        let opts = format!("-c listen_addresses=127.0.0.1 -p {} -k {}", self.port, self.dir.path().display());
        let mut c = as_postgres("pg_ctl");
        c.arg("-D").arg(&data).arg("-l").arg(self.dir.path().join("server.log")).args(["-w", "-t", "30", "-m", "fast", "-o", &opts]);
        run_ok(c.arg(action).stdout(Stdio::null()), &format!("pg_ctl {action}"));
    }

    /// Run SQL as the superuser over the Unix socket (trust).
    fn sql(&self, sql: &str) -> String {
        self.sql_in("postgres", sql)
    }

    fn sql_in(&self, db: &str, sql: &str) -> String {
        let out = Command::new("psql")
            .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-U", "postgres", "-d", db, "-h"])
            .arg(self.dir.path())
            .arg("-p")
            .arg(self.port.to_string())
            .arg("-c")
            .arg(sql)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .output()
            .expect("psql");
        assert!(out.status.success(), "psql {sql}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let _ = as_postgres("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn env_of(pairs: &[(&str, &str)], home: &Path) -> BTreeMap<String, String> {
    let mut m: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    m.entry("HOME".into()).or_insert_with(|| home.display().to_string());
    m
}

/// Connect through the library; Ok((tls in use, application_name, server port)).
fn lib(url: &str, env: &BTreeMap<String, String>, password_file: Option<&Path>) -> Result<(bool, String, i64), awxm::error::Error> {
    let opts = DbOptions { pg: PgOptions { env: env.clone(), password_file: password_file.map(Path::to_path_buf) }, ..Default::default() };
    let mut db = Db::connect(url, opts)?;
    db.read(|tx| {
        let row = tx.query_one(
            "SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls,
                    current_setting('application_name') AS application_name, inet_server_port()::bigint AS port",
            &[],
        )?;
        Ok((row.col("tls")?, row.col("application_name")?, row.col("port")?))
    })
}

#[track_caller]
fn expect_err(r: Result<(bool, String, i64), awxm::error::Error>, kind: ErrorKind, text: &str) {
    match r {
        Ok(v) => panic!("expected a {kind:?} error containing {text:?}, connected: {v:?}"),
        Err(e) => {
            let all = format!("{} {}", e.message, e.details.join(" "));
            assert_eq!(e.kind, kind, "{all}");
            assert!(all.contains(text), "{text:?} not in: {all}");
        }
    }
}

/// Does psql (libpq) connect with the same URL and environment?
fn psql_connects(url: &str, env: &BTreeMap<String, String>) -> bool {
    let mut c = Command::new("psql");
    c.args(["-X", "-q", "-t", "-A", "-c", "SELECT 1"]).arg(url).env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c.envs(env);
    c.stdin(Stdio::null()).output().map(|o| o.status.success()).unwrap_or(false)
}

/// awxm with only the given environment (and the test's HOME, XDG dirs).
fn awxm(home: &Path, url: &str, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_awxm"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("AWXM_SECRET_KEY_FILE", home.join("secret.key"))
        .env("AWXM_DATABASE_URL", url)
        .env("LC_ALL", "C")
        .envs(env.iter().copied())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run awxm")
}

const TLS_HBA: &str = "\
local all all trust
hostssl all certuser 127.0.0.1/32 trust clientcert=verify-full
hostnossl all certuser 127.0.0.1/32 reject
hostnossl all sslonly 127.0.0.1/32 reject
hostssl all all 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
";

const PLAIN_HBA: &str = "\
local all all trust
host all all 127.0.0.1/32 scram-sha-256
";

fn make_users(s: &Server) {
    s.sql("CREATE ROLE awx LOGIN PASSWORD 'pw-awx'");
    s.sql("CREATE ROLE sslonly LOGIN PASSWORD 'pw-awx' IN ROLE awx");
    s.sql("CREATE ROLE certuser LOGIN IN ROLE awx");
    s.sql("CREATE DATABASE awx OWNER awx");
}

#[test]
fn tls_modes_passwords_and_hosts() {
    let work = tempfile::tempdir().expect("tempdir");
    let home = work.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let certs = Certs::make(&work.path().join("certs"));
    let tls = Server::start(TLS_HBA, Some(&certs));
    let plain = Server::start(PLAIN_HBA, None);
    make_users(&tls);
    make_users(&plain);
    let (ca, other_ca) = (certs.path("ca.crt"), certs.path("other-ca.crt"));
    let pw = [("PGPASSWORD", "pw-awx")];
    let e = env_of(&pw, &home);
    let at = |host: &str, port: u16, q: &str| format!("postgres://awx@{host}:{port}/awx{q}");
    let t = |q: &str| at("localhost", tls.port, q);

    // The default URL on a TLS server: connects encrypted without verifying (libpq's prefer),
    // application_name awxm. This also migrates the database.
    let (ssl, app, _) = lib(&t(""), &e, None).expect("default URL");
    assert!(ssl, "prefer must use TLS when the server offers it");
    assert_eq!(app, "awxm");
    assert!(psql_connects(&t(""), &e));
    // The binary too (the case that used to fail with "error performing TLS handshake").
    let out = awxm(&home, &t(""), &pw, &["list", "organization"]);
    assert_status(&out, 0, &["list (default URL, TLS server)"]);

    // Each sslmode against the TLS server.
    let cases: &[(&str, Option<bool>)] = &[
        ("?sslmode=disable", Some(false)),
        ("?sslmode=allow", Some(false)),
        ("?sslmode=prefer", Some(true)),
        ("?sslmode=require", Some(true)),
        (&format!("?sslmode=verify-ca&sslrootcert={ca}"), Some(true)),
        (&format!("?sslmode=verify-full&sslrootcert={ca}"), Some(true)),
        (&format!("?sslmode=verify-full&sslrootcert={other_ca}"), None),
        (&format!("?sslmode=verify-ca&sslrootcert={other_ca}"), None),
        // require with a root certificate verifies the chain, as libpq does
        (&format!("?sslmode=require&sslrootcert={other_ca}"), None),
        (&format!("?sslmode=require&sslrootcert={ca}"), Some(true)),
    ];
    for (q, want) in cases {
        let url = t(q);
        let got = lib(&url, &e, None);
        match want {
            Some(tls_used) => assert_eq!(got.as_ref().map(|g| g.0).map_err(|e| e.message.clone()), Ok(*tls_used), "{q}"),
            None => expect_err(got, ErrorKind::Permission, "could not be verified"),
        }
        assert_eq!(psql_connects(&url, &e), want.is_some(), "psql disagrees on {q}");
    }
    // Host names: the certificate names localhost only. verify-ca does not check the name,
    // verify-full does (a name that resolves to the server, and a hostaddr with a wrong name).
    let by_ip = at("127.0.0.1", tls.port, &format!("?sslmode=verify-ca&sslrootcert={ca}"));
    assert!(lib(&by_ip, &e, None).expect("verify-ca by IP").0);
    let by_ip = at("127.0.0.1", tls.port, &format!("?sslmode=verify-full&sslrootcert={ca}"));
    expect_err(lib(&by_ip, &e, None), ErrorKind::Permission, "mismatch");
    assert!(!psql_connects(&by_ip, &e));
    let wrong = at("db.wrong.example", tls.port, &format!("?sslmode=verify-full&sslrootcert={ca}&hostaddr=127.0.0.1"));
    expect_err(lib(&wrong, &e, None), ErrorKind::Permission, "mismatch");
    let right = at("localhost", tls.port, &format!("?sslmode=verify-full&sslrootcert={ca}&hostaddr=127.0.0.1"));
    assert!(lib(&right, &e, None).expect("hostaddr with the right name").0);
    // The binary's exit code for an untrusted certificate, and for a missing root certificate.
    let out = awxm(&home, &by_ip, &pw, &["list", "organization"]);
    assert_status(&out, 77, &["verify-full, wrong name"]);
    assert!(stderr(&out).contains("127.0.0.1"), "{}", stderr(&out));
    let out = awxm(&home, &t("?sslmode=verify-full"), &pw, &["list", "organization"]);
    assert_status(&out, 78, &["verify-full without a root certificate"]);
    assert!(stderr(&out).contains(".postgresql/root.crt"), "{}", stderr(&out));

    // The same from the environment, and from libpq's default files.
    let env_tls = env_of(&[("PGPASSWORD", "pw-awx"), ("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", &ca)], &home);
    assert!(lib(&t(""), &env_tls, None).expect("PGSSLMODE/PGSSLROOTCERT").0);
    let env_bad = env_of(&[("PGPASSWORD", "pw-awx"), ("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", &other_ca)], &home);
    expect_err(lib(&t(""), &env_bad, None), ErrorKind::Permission, "could not be verified");
    let home2 = work.path().join("home2");
    std::fs::create_dir_all(home2.join(".postgresql")).expect("~/.postgresql");
    std::fs::copy(&ca, home2.join(".postgresql/root.crt")).expect("root.crt");
    let e2 = env_of(&pw, &home2);
    assert!(lib(&t("?sslmode=verify-full"), &e2, None).expect("~/.postgresql/root.crt").0);
    assert!(psql_connects(&t("?sslmode=verify-full"), &e2));

    // allow: plain first, TLS when the server refuses plain (sslonly has hostnossl reject).
    let sslonly = |q: &str| format!("postgres://sslonly@localhost:{}/awx{q}", tls.port);
    assert!(lib(&sslonly("?sslmode=allow"), &e, None).expect("allow → TLS").0);
    assert!(psql_connects(&sslonly("?sslmode=allow"), &e));
    expect_err(lib(&sslonly("?sslmode=disable"), &e, None), ErrorKind::Permission, "pg_hba.conf");

    // Client certificates (hostssl … clientcert=verify-full): by parameters, by PGSSLCERT/
    // PGSSLKEY, by the default files; refused without one; key permissions checked.
    let cu = |q: &str| format!("postgres://certuser@localhost:{}/awx?sslmode=verify-full&sslrootcert={ca}{q}", tls.port);
    let (ccrt, ckey) = (certs.path("client.crt"), certs.path("client.key"));
    assert!(lib(&cu(&format!("&sslcert={ccrt}&sslkey={ckey}")), &e, None).expect("client certificate").0);
    assert!(psql_connects(&cu(&format!("&sslcert={ccrt}&sslkey={ckey}")), &e));
    let env_cert = env_of(&[("PGSSLCERT", ccrt.as_str()), ("PGSSLKEY", ckey.as_str())], &home);
    assert!(lib(&cu(""), &env_cert, None).expect("PGSSLCERT/PGSSLKEY").0);
    expect_err(lib(&cu(""), &e, None), ErrorKind::Permission, "certificate");
    assert!(!psql_connects(&cu(""), &e));
    std::fs::copy(&ccrt, home2.join(".postgresql/postgresql.crt")).expect("postgresql.crt");
    std::fs::copy(&ckey, home2.join(".postgresql/postgresql.key")).expect("postgresql.key");
    std::fs::set_permissions(home2.join(".postgresql/postgresql.key"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    assert!(lib(&cu(""), &e2, None).expect("~/.postgresql/postgresql.crt").0);
    std::fs::set_permissions(home2.join(".postgresql/postgresql.key"), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    expect_err(lib(&cu(""), &e2, None), ErrorKind::Config, "group or world access");
    assert!(!psql_connects(&cu(""), &e2));

    // A client key encrypted with a passphrase: sslpassword decrypts it; without it or with a
    // wrong one a clear configuration error (exit 78) that never shows the passphrase.
    let ckey_enc = certs.path("client-enc.key");
    let cu_enc = |q: &str| cu(&format!("&sslcert={ccrt}&sslkey={ckey_enc}{q}"));
    assert!(lib(&cu_enc(&format!("&sslpassword={KEY_PASS}")), &e, None).expect("encrypted key with sslpassword").0);
    assert!(psql_connects(&cu_enc(&format!("&sslpassword={KEY_PASS}")), &e));
    expect_err(lib(&cu_enc(""), &e, None), ErrorKind::Config, "is encrypted; give its passphrase in sslpassword");
    assert!(!psql_connects(&cu_enc(""), &e));
    expect_err(lib(&cu_enc("&sslpassword=wrong-pass-27"), &e, None), ErrorKind::Config, "(with sslpassword)");
    assert!(!psql_connects(&cu_enc("&sslpassword=wrong-pass-27"), &e));
    for (q, what) in [("", "encrypted key, no sslpassword"), ("&sslpassword=wrong-pass-27", "encrypted key, wrong sslpassword")] {
        let out = awxm(&home, &cu_enc(q), &[], &["list", "organization"]);
        assert_status(&out, 78, &[what]);
        assert!(stderr(&out).contains(&ckey_enc), "{}", stderr(&out));
        assert!(!stderr(&out).contains("wrong-pass-27"), "{}", stderr(&out));
    }
    let out = awxm(&home, &cu_enc(&format!("&sslpassword={KEY_PASS}")), &[], &["list", "organization"]);
    assert_status(&out, 0, &["encrypted key with sslpassword"]);

    // sslcrl (checked by hand in the verify callback): a CRL of our CA revoking the server's
    // certificate is refused (exit 77), also from PGSSLCRL and ~/.postgresql/root.crl; an empty
    // one is not.
    let crl = |f: &str| t(&format!("?sslmode=verify-full&sslrootcert={ca}&sslcrl={}", certs.path(f)));
    expect_err(lib(&crl("revoked.crl"), &e, None), ErrorKind::Permission, "certificate revoked (sslcrl)");
    assert!(!psql_connects(&crl("revoked.crl"), &e));
    let out = awxm(&home, &crl("revoked.crl"), &pw, &["list", "organization"]);
    assert_status(&out, 77, &["revoked server certificate"]);
    assert!(stderr(&out).contains("revoked"), "{}", stderr(&out));
    let crl_env = env_of(&[("PGPASSWORD", "pw-awx"), ("PGSSLCRL", &certs.path("revoked.crl"))], &home);
    expect_err(lib(&t(&format!("?sslmode=verify-full&sslrootcert={ca}")), &crl_env, None), ErrorKind::Permission, "revoked");
    assert!(lib(&crl("empty.crl"), &e, None).expect("a CRL not listing the server").0);
    assert!(psql_connects(&crl("empty.crl"), &e));
    std::fs::set_permissions(home2.join(".postgresql/postgresql.key"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    std::fs::copy(certs.path("revoked.crl"), home2.join(".postgresql/root.crl")).expect("root.crl");
    expect_err(lib(&t("?sslmode=verify-full"), &e2, None), ErrorKind::Permission, "revoked");
    std::fs::remove_file(home2.join(".postgresql/root.crl")).expect("rm root.crl");
    // Without verification (require, no root certificate) no CRL is consulted, as in libpq.
    let req_crl = t(&format!("?sslmode=require&sslcrl={}", certs.path("revoked.crl")));
    assert!(lib(&req_crl, &e, None).expect("require ignores sslcrl").0);
    assert!(psql_connects(&req_crl, &e));
    // As libpq (OpenSSL's CRL_CHECK_ALL), a CRL only of an unrelated CA, or one naming our CA
    // but not signed by it, or one no longer in force, is refused: no valid CRL from the
    // certificate's issuer.
    for (f, why) in [
        ("other.crl", "no certificate revocation list from the certificate's issuer"),
        ("forged.crl", "not signed by the certificate's issuer"),
        ("expired.crl", "has expired or is not yet valid"),
    ] {
        expect_err(lib(&crl(f), &e, None), ErrorKind::Permission, why);
        assert!(!psql_connects(&crl(f), &e), "psql refuses {f}");
    }
    // A file with several CRLs: the unrelated CA's first, then ours revoking the server.
    let both = work.path().join("both.crl");
    let mut pem = std::fs::read(certs.path("other.crl")).expect("other.crl");
    pem.extend(std::fs::read(certs.path("revoked.crl")).expect("revoked.crl"));
    std::fs::write(&both, pem).expect("both.crl");
    let crl_both = t(&format!("?sslmode=verify-full&sslrootcert={ca}&sslcrl={}", both.display()));
    expect_err(lib(&crl_both, &e, None), ErrorKind::Permission, "certificate revoked (sslcrl)");
    assert!(!psql_connects(&crl_both, &e));

    // The server without TLS: prefer/allow/disable connect in plain; require and verify-* fail.
    let p = |q: &str| at("localhost", plain.port, q);
    for q in ["", "?sslmode=prefer", "?sslmode=allow", "?sslmode=disable"] {
        assert!(!lib(&p(q), &e, None).unwrap_or_else(|err| panic!("{q}: {}", err.message)).0, "{q}");
        assert!(psql_connects(&p(q), &e));
    }
    for q in ["?sslmode=require".to_string(), format!("?sslmode=verify-full&sslrootcert={ca}")] {
        expect_err(lib(&p(&q), &e, None), ErrorKind::Unavailable, "does not accept TLS");
        assert!(!psql_connects(&p(&q), &e));
    }

    // Passwords (scram-sha-256): from the URL, PGPASSWORD, PGPASSFILE, ~/.pgpass,
    // database_password_file; none or a wrong one.
    let none = env_of(&[], &home);
    let url_pw = format!("postgres://awx:pw-awx@localhost:{}/awx", tls.port);
    assert!(lib(&url_pw, &none, None).is_ok());
    expect_err(lib(&t(""), &none, None), ErrorKind::Config, "PostgreSQL asked for a password for user awx at localhost:");
    let out = awxm(&home, &t(""), &[], &["list", "organization"]);
    assert_status(&out, 78, &["no password"]);
    assert!(
        stderr(&out).contains(&format!(
            "PostgreSQL asked for a password for user awx at localhost:{}; give it in ~/.pgpass, PGPASSFILE, PGPASSWORD or database_password_file",
            tls.port
        )),
        "{}",
        stderr(&out)
    );
    let wrong = env_of(&[("PGPASSWORD", "nope")], &home);
    expect_err(lib(&t(""), &wrong, None), ErrorKind::Permission, "password from PGPASSWORD");
    let passfile = work.path().join("pgpass");
    std::fs::write(&passfile, format!("# awxm\nother:*:*:*:nope\nlocalhost:{}:awx:awx:pw-awx\n", tls.port)).expect("pgpass");
    std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let pf = env_of(&[("PGPASSFILE", passfile.to_str().expect("utf-8"))], &home);
    assert!(lib(&t(""), &pf, None).is_ok(), "PGPASSFILE");
    assert!(psql_connects(&t(""), &pf));
    std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    expect_err(lib(&t(""), &pf, None), ErrorKind::Config, "group or world access");
    std::fs::copy(&passfile, home.join(".pgpass")).expect("~/.pgpass");
    std::fs::set_permissions(home.join(".pgpass"), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    assert!(lib(&t(""), &none, None).is_ok(), "~/.pgpass");
    std::fs::remove_file(home.join(".pgpass")).expect("rm ~/.pgpass");
    let pwfile = work.path().join("db-password");
    std::fs::write(&pwfile, "pw-awx\n").expect("password file");
    std::fs::set_permissions(&pwfile, std::fs::Permissions::from_mode(0o400)).expect("chmod");
    assert!(lib(&t(""), &none, Some(&pwfile)).is_ok(), "database_password_file");
    // … through the config file and the environment variable of the binary.
    let cfg = work.path().join("awxm.yaml");
    std::fs::write(&cfg, format!("database_password_file: {}\n", pwfile.display())).expect("config");
    let out = awxm(&home, &t(""), &[("AWXM_CONFIG", cfg.to_str().expect("utf-8"))], &["list", "organization"]);
    assert_status(&out, 0, &["database_password_file in the config file"]);
    let out = awxm(&home, &t(""), &[("AWXM_DATABASE_PASSWORD_FILE", pwfile.to_str().expect("utf-8"))], &["list", "organization"]);
    assert_status(&out, 0, &["AWXM_DATABASE_PASSWORD_FILE"]);

    // libpq's other variables: PGHOST, PGPORT, PGUSER, PGDATABASE, PGAPPNAME.
    let port = tls.port.to_string();
    let vars = env_of(
        &[
            ("PGHOST", "localhost"),
            ("PGPORT", &port),
            ("PGUSER", "awx"),
            ("PGDATABASE", "awx"),
            ("PGAPPNAME", "ops"),
            ("PGPASSWORD", "pw-awx"),
        ],
        &home,
    );
    let (_, app, srv_port) = lib("postgres://", &vars, None).expect("PG* variables");
    assert_eq!((app.as_str(), srv_port), ("ops", tls.port as i64));

    // Several hosts: a dead one, a read-only one, then the primary (target_session_attrs).
    plain.sql("ALTER ROLE awx SET default_transaction_read_only = on");
    let dead = free_port();
    let multi =
        format!("postgres://awx@127.0.0.1:{dead},127.0.0.1:{},localhost:{}/awx?target_session_attrs=read-write", plain.port, tls.port);
    let (_, _, srv_port) = lib(&multi, &e, None).expect("multi-host read-write");
    assert_eq!(srv_port, tls.port as i64, "must skip the dead and the read-only host");
    assert!(psql_connects(&multi, &e));
    let only_ro = format!("postgres://awx@127.0.0.1:{dead},127.0.0.1:{}/awx?target_session_attrs=read-write", plain.port);
    expect_err(lib(&only_ro, &e, None), ErrorKind::Unavailable, "read-only");
    let any = format!("postgres://awx@127.0.0.1:{dead},127.0.0.1:{}/awx", plain.port);
    assert_eq!(lib(&any, &e, None).expect("multi-host any").2, plain.port as i64);

    // load_balance_hosts=random over two equivalent hosts: 20 connections use both. Each picks
    // the first host with probability 1/2 independently, so all 20 on one host has probability
    // 2 * 2^-20 = 2^-19: this fails spuriously about once in half a million runs.
    let two = format!("postgres://awx@127.0.0.1:{},localhost:{}/awx?load_balance_hosts=random", plain.port, tls.port);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..20 {
        seen.insert(lib(&two, &e, None).expect("load_balance_hosts=random").2);
    }
    assert_eq!(seen, [plain.port as i64, tls.port as i64].into_iter().collect(), "both hosts used");
    let in_order = format!("postgres://awx@127.0.0.1:{},localhost:{}/awx?load_balance_hosts=disable", plain.port, tls.port);
    for _ in 0..3 {
        assert_eq!(lib(&in_order, &e, None).expect("load_balance_hosts=disable").2, plain.port as i64);
    }

    // target_session_attrs standby / prefer-standby / primary: the server without TLS restarted
    // as a standby (standby.signal without a primary: it stays in recovery, serving reads).
    plain.pg_ctl("stop");
    let signal = plain.dir.path().join("data/standby.signal");
    std::fs::write(&signal, b"").expect("standby.signal");
    if is_root() {
        run_ok(Command::new("chown").arg("postgres:postgres").arg(&signal), "chown standby.signal");
    }
    plain.pg_ctl("start");
    assert_eq!(plain.sql("SELECT pg_is_in_recovery()"), "t");
    let hosts = |q: &str, ports: &[u16]| {
        let list: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
        format!("postgres://awx@{}/awx?target_session_attrs={q}", list.join(","))
    };
    for (q, ports, want) in [
        ("standby", vec![dead, tls.port, plain.port], plain.port),
        ("prefer-standby", vec![tls.port, plain.port], plain.port),
        ("prefer-standby", vec![dead, tls.port], tls.port),
        ("primary", vec![plain.port, tls.port], tls.port),
        ("read-only", vec![tls.port, plain.port], plain.port),
    ] {
        let url = hosts(q, &ports);
        assert_eq!(lib(&url, &e, None).map(|r| r.2).map_err(|e| e.message), Ok(want as i64), "{url}");
        assert!(psql_connects(&url, &e), "psql: {url}");
    }
    let no_standby = hosts("standby", &[tls.port]);
    expect_err(lib(&no_standby, &e, None), ErrorKind::Unavailable, "is not a standby (target_session_attrs=standby)");
    assert!(!psql_connects(&no_standby, &e));
    let out = awxm(&home, &hosts("standby", &[dead, tls.port]), &pw, &["list", "organization"]);
    assert_status(&out, 69, &["no standby"]);
    assert!(stderr(&out).contains("is not a standby"), "{}", stderr(&out));
    let no_primary = hosts("primary", &[plain.port]);
    expect_err(lib(&no_primary, &e, None), ErrorKind::Unavailable, "is a standby (target_session_attrs=primary)");
}

#[test]
fn restart_and_lost_connection() {
    let work = tempfile::tempdir().expect("tempdir");
    let home = work.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let server = Server::start(PLAIN_HBA, None);
    make_users(&server);
    let e = env_of(&[("PGPASSWORD", "pw-awx")], &home);
    let url = format!("postgres://awx@127.0.0.1:{}/awx", server.port);
    let opts = DbOptions { pg: PgOptions { env: e.clone(), password_file: None }, ..Default::default() };
    let mut db = Db::connect(&url, opts.clone()).expect("connect");
    db.write(|tx| tx.batch("CREATE TABLE ticks (n BIGINT NOT NULL)")).expect("create");

    // A connection lost mid-transaction: exit 69 semantics (Unavailable), nothing written.
    let err = db
        .write(|tx| {
            tx.execute("INSERT INTO ticks (n) VALUES (1)", &[])?;
            let pid: i64 = tx.scalar("SELECT pg_backend_pid()::bigint", &[])?;
            server.sql(&format!("SELECT pg_terminate_backend({pid})"));
            tx.execute("INSERT INTO ticks (n) VALUES (2)", &[])?;
            Ok(())
        })
        .expect_err("the connection was terminated");
    assert_eq!(err.kind, ErrorKind::Unavailable, "{}", err.message);
    assert_eq!(server.sql_in("awx", "SELECT count(*) FROM ticks"), "0");

    // The reconnect primitive: the server restarts while a write is attempted.
    let cancel = AtomicBool::new(false);
    let backoff = Backoff { first: Duration::from_millis(200), max: Duration::from_secs(1), give_up_after: Some(Duration::from_secs(60)) };
    let n = db
        .with_reconnect(&backoff, &cancel, |db| db.write(|tx| tx.execute("INSERT INTO ticks (n) VALUES (3)", &[])))
        .expect("after reconnect");
    assert_eq!(n, 1);
    assert_eq!(db.reconnects(), 1, "the terminated connection was replaced");
    server.pg_ctl("stop");
    let restarted = std::thread::scope(|s| {
        let h = s.spawn(|| {
            std::thread::sleep(Duration::from_millis(1500));
            server.pg_ctl("start");
        });
        let started = Instant::now();
        let r = db.with_reconnect(&backoff, &cancel, |db| db.write(|tx| tx.execute("INSERT INTO ticks (n) VALUES (4)", &[])));
        h.join().expect("restart thread");
        (r, started.elapsed())
    });
    assert_eq!(restarted.0.expect("written after the restart"), 1);
    assert!(restarted.1 >= Duration::from_millis(1000), "it waited for the server: {:?}", restarted.1);
    assert_eq!(db.reconnects(), 2);
    assert_eq!(server.sql_in("awx", "SELECT string_agg(n::text, ',' ORDER BY n) FROM ticks"), "3,4");
    // Giving up: the server stays down.
    server.pg_ctl("stop");
    let quick =
        Backoff { first: Duration::from_millis(100), max: Duration::from_millis(200), give_up_after: Some(Duration::from_millis(800)) };
    let err = db.with_reconnect(&quick, &cancel, |db| db.read(|tx| tx.scalar::<i64>("SELECT 1", &[]))).expect_err("server is down");
    assert_eq!(err.kind, ErrorKind::Unavailable);
    assert!(err.message.contains("gave up reconnecting"), "{}", err.message);
    server.pg_ctl("start");

    // A command that loses its connection just before COMMIT: exit 69, nothing written.
    let awxm_url = format!("postgres://awx@127.0.0.1:{}/awx", server.port);
    let pw = [("PGPASSWORD", "pw-awx")];
    let out = awxm(&home, &awxm_url, &pw, &["list", "organization"]);
    assert_status(&out, 0, &["migrate"]);
    let file = work.path().join("orgs.yaml");
    std::fs::write(&file, "organizations:\n  - name: One\n  - name: Two\n").expect("yaml");
    let hooks = work.path().join("hooks");
    std::fs::create_dir_all(&hooks).expect("hooks");
    let mut child = Command::new(env!("CARGO_BIN_EXE_awxm"));
    child
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("AWXM_SECRET_KEY_FILE", home.join("secret.key"))
        .env("AWXM_DATABASE_URL", &awxm_url)
        .env("PGPASSWORD", "pw-awx")
        .env("AWXM_TEST_PAUSE_AT", "db.commit")
        .env("AWXM_TEST_PAUSE_DIR", &hooks)
        .args(["apply", "--file", file.to_str().expect("utf-8")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = child.spawn().expect("spawn awxm apply");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !hooks.join("db.commit.reached").exists() {
        if child.try_wait().expect("try_wait").is_some() {
            let out = child.wait_with_output().expect("wait");
            panic!("awxm apply ended before COMMIT: {}{}", stdout(&out), stderr(&out));
        }
        assert!(Instant::now() < deadline, "awxm apply never reached COMMIT");
        std::thread::sleep(Duration::from_millis(20));
    }
    server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'awxm'");
    std::fs::write(hooks.join("db.commit.go"), b"").expect("release");
    let out = child.wait_with_output().expect("wait");
    assert_status(&out, 69, &["apply, connection lost before COMMIT"]);
    assert!(stderr(&out).contains("lost the connection to PostgreSQL"), "{}", stderr(&out));
    assert_eq!(server.sql_in("awx", "SELECT count(*) FROM organization"), "0");
}
