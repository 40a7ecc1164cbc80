//! A per-job `ssh-agent`: the machine credential's key is loaded with `ssh-add` (its passphrase
//! answered through a pty) from a 0600 file that is deleted right after, so the key rests on
//! disk only for that moment and never appears in argv or the environment. The agent's socket
//! lives in the job's private data directory; the agent is killed when the job ends.
//!
//! The agent runs under a job guard (`awxm job-guard`) that gets SIGTERM when awxm dies (the
//! parent-death signal; ssh-agent itself is set-group-id on most systems, which clears that
//! signal at exec), so the agent and its loaded identity never outlive the supervising awxm.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use super::process::{Prompts, PtyCommand, run_with_prompts};
use super::redact::Redactor;
use crate::error::{Error, Result};

pub struct Agent {
    child: Child,
    pub sock: PathBuf,
}

impl Agent {
    /// Start `ssh-agent -D -a <dir>/agent.sock` under `awxm job-guard` (when this binary's path
    /// is known). `cleanup`: the guard removes `dir` too if awxm dies (not for kept directories).
    pub fn start(ssh_agent: &Path, dir: &Path, cleanup: bool) -> Result<Agent> {
        let sock = dir.join("agent.sock");
        let mut cmd = super::process::guarded(ssh_agent, 2, cleanup.then_some(dir));
        let child = cmd
            .arg("-D")
            .arg("-a")
            .arg(&sock)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Error::unavailable(format!("cannot start {}: {e}", ssh_agent.display())))?;
        let mut agent = Agent { child, sock };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !agent.sock.exists() {
            if let Ok(Some(st)) = agent.child.try_wait() {
                return Err(Error::unavailable(format!("ssh-agent exited at start ({st})")));
            }
            if Instant::now() > deadline {
                return Err(Error::unavailable("ssh-agent did not create its socket within 10s"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(agent)
    }

    /// `ssh-add KEYFILE`, answering a passphrase prompt; the key file is removed afterwards
    /// whatever happens.
    pub fn add_key(&self, ssh_add: &Path, key: &Path, passphrase: &str, credential: &str, redactor: &Redactor) -> Result<()> {
        let mut prompts = Prompts::new();
        if !passphrase.is_empty() {
            prompts.add(r"Enter passphrase for .*:[ \t]*$", passphrase)?;
        }
        // A wrong passphrase: answer the retry with an empty line, which makes ssh-add give up.
        prompts.add(r"Bad passphrase, try again for .*:[ \t]*$", "")?;
        if passphrase.is_empty() {
            prompts.add(r"Enter passphrase for .*:[ \t]*$", "")?;
        }
        let cmd = PtyCommand {
            program: ssh_add.to_path_buf(),
            args: vec![key.display().to_string()],
            cwd: key.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("/")),
            env: vec![
                ("SSH_AUTH_SOCK".into(), self.sock.display().to_string()),
                ("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into()),
                ("LC_ALL".into(), "C".into()),
            ],
        };
        let res = run_with_prompts(&cmd, &mut prompts, Duration::from_secs(30));
        let _ = std::fs::remove_file(key);
        let (rc, out) = res?;
        if rc != 0 {
            let text = String::from_utf8_lossy(&out);
            let text = redactor.redact(text.trim());
            return Err(Error::data(format!(
                "credential {credential:?}: its SSH key could not be loaded into ssh-agent: {}",
                text.replace('\n', " ")
            )));
        }
        Ok(())
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        // SIGTERM lets the guard end the agent itself; SIGKILL only if it does not exit.
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.pid()), nix::sys::signal::Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.sock);
    }
}
