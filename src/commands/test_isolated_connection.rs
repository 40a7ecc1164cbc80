//! `awxm test_isolated_connection --hostname H`: connect to one node over SSH as the heartbeat
//! and jobs do, and run `ansible-playbook --version` there (AWX's command of that name).

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::cluster;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report};
use crate::ssh::{Conn, shell_quote};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Uses the instance's SSH settings and credential, the known_hosts file and --host-key-policy
exactly as isolated_heartbeat and jobs do, so it is the way to check a new node (and, with
--host-key-policy accept-new, to record its host key after checking the fingerprint shown).

EXAMPLES:
  awxm test_isolated_connection --hostname iso1.example.com
  awxm --host-key-policy accept-new test_isolated_connection --hostname iso1.example.com

EXIT STATUS:
  0 connected and ansible-playbook works; 1 connected but ansible-playbook failed;
  69 unreachable; 77 authentication failed or host key changed; 78 host key unknown (strict).

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"hostname\", \"address\", \"host_key_fingerprint\", \"host_key_added\": bool,
   \"command\", \"rc\", \"stdout\", \"stderr\", \"elapsed\" (seconds)}")]
pub struct Args {
    /// The instance to connect to
    #[arg(long, value_name = "HOSTNAME", add = clap_complete::ArgValueCompleter::new(crate::complete::instance))]
    pub hostname: String,
    /// Seconds to connect [default: setting awx_isolated_connection_timeout (10)]
    #[arg(long, value_name = "SECONDS", value_parser = crate::cli::seconds(0.1, 3600.0))]
    pub timeout: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ConnectionReport {
    pub hostname: String,
    pub address: String,
    pub host_key_fingerprint: String,
    pub host_key_added: bool,
    pub command: String,
    pub rc: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: f64,
}

impl Report for ConnectionReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        out.line(format!(
            "connected to {} ({}), host key {}{}",
            self.hostname,
            self.address,
            self.host_key_fingerprint,
            if self.host_key_added { " (recorded now)" } else { "" }
        ))?;
        out.line(format!("$ {}  (exit {})", self.command, self.rc))?;
        out.write_raw(self.stdout.as_bytes())?;
        out.write_raw(self.stderr.as_bytes())
    }
    fn exit_code(&self) -> u8 {
        if self.rc == 0 { 0 } else { 1 }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ConnectionReport> {
    let started = Instant::now();
    let mut db = ctx.db()?;
    let (inst, target, opts) = db.read(|tx| {
        let inst = cluster::get_instance(tx, &args.hostname)?;
        let target = cluster::ssh_target(tx, &ctx.secrets, &inst)?;
        let opts = cluster::ssh_options(ctx, tx, args.timeout)?;
        Ok((inst, target, opts))
    })?;
    let mut conn = Conn::connect(&target, &opts)?;
    let command = if inst.ansible_bin_dir.is_empty() {
        "ansible-playbook --version".to_string()
    } else {
        format!("{} --version", shell_quote(&format!("{}/ansible-playbook", inst.ansible_bin_dir.trim_end_matches('/'))))
    };
    let r = conn.exec_timeout(&command, Duration::from_secs(60)).map_err(Error::from)?;
    Ok(ConnectionReport {
        hostname: inst.hostname,
        address: format!("{}@{}:{}", target.user, target.host, target.port),
        host_key_fingerprint: conn.host_key_fingerprint().to_string(),
        host_key_added: conn.host_key_added(),
        command,
        rc: r.status,
        stdout: r.stdout_str(),
        stderr: r.stderr_str(),
        elapsed: started.elapsed().as_secs_f64(),
    })
}
