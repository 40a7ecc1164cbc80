//! (d) Running a prepared job on an isolated node over SSH (AWX §7.11, without rsync or
//! ansible-runner: the node needs only Python and ansible-core).
//!
//! The controller builds the private data directory as for a local run ([`super::private_dir`]),
//! then [`relocate`]s the command to the node's copy, `<work dir>/awx_<id>_<random>` (same
//! name). [`launch`] copies the directory over SFTP (mode 0700), the project into `project/`
//! (without `.git`, `.svn`, `.hg`), the command, environment and password prompts as
//! `env/run.json` (0600, deleted by the runner once read) and the runner script
//! `awxm_isolated.py`, which it starts detached from the SSH session (`setsid`). The runner
//! loads a machine credential's key into an ssh-agent of the job's (deleting the key file),
//! runs ansible-playbook under a pseudo-terminal (answering the prompts) and writes
//! `artifacts/<id>/{pid,stdout,rc}` (and `error` when it could not start the job); the events callback writes `artifacts/<id>/job_events.jsonl`.
//!
//! The controller then polls over SFTP ([`Remote::check`], [`Remote::fetch`]): it reads only
//! the new bytes of stdout and events (byte offsets), and stops when `rc` appears; now and then
//! it checks that the runner is still alive ([`Remote::check_alive`]). Signals reach the
//! runner's and ansible-playbook's process groups over SSH ([`Remote::signal`]); the remote
//! directory is removed at the end ([`Remote::cleanup`]). If the node cannot be reached at the
//! end, the directory stays recorded in the job's `isolated_dir` and `isolated_heartbeat`
//! reaps it ([`reap_script`]) once the node answers again.

use std::path::Path;

use serde_json::{Map, Value as Json, json};

use super::private_dir::Prepared;
use crate::context::Ctx;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::ssh::{Conn, Options, SshErrorKind, SshResult, Target, shell_quote};

/// The runner script, shipped inside the binary and copied to the node with each job.
pub const RUNNER_SCRIPT: &str = include_str!("awxm_isolated.py");
pub const RUNNER_NAME: &str = "awxm_isolated.py";

/// Names left out when the project is copied to the node.
pub const PROJECT_EXCLUDE: &[&str] = &[".git", ".svn", ".hg"];

/// How to reach a job's node and where its work goes there.
#[derive(Debug, Clone)]
pub struct Node {
    pub hostname: String,
    pub target: Target,
    pub opts: Options,
    pub work_dir: String,
    pub ansible_bin_dir: String,
}

impl Node {
    pub fn load(ctx: &Ctx, tx: &mut Tx<'_>, hostname: &str) -> Result<Node> {
        let inst = crate::cluster::get_instance(tx, hostname)?;
        let target = crate::cluster::ssh_target(tx, &ctx.secrets, &inst)?;
        let opts = crate::cluster::ssh_options(ctx, tx, None)?;
        let work_dir = crate::cluster::work_dir(tx, &ctx.secrets, &inst)?;
        if !work_dir.starts_with('/') {
            return Err(Error::config(format!("instance {hostname:?}: the work directory must be an absolute path, not {work_dir:?}")));
        }
        Ok(Node { hostname: hostname.to_string(), target, opts, work_dir, ansible_bin_dir: inst.ansible_bin_dir })
    }
}

/// What the node offers for running a job.
#[derive(Debug, Clone)]
pub struct Preflight {
    /// The node's ansible-playbook.
    pub ansible_playbook: String,
    /// The Python that runs it (its `#!` line), as words.
    pub python: Vec<String>,
    /// The node's PATH and locale, the base of the job's environment there.
    pub base_env: Vec<(String, String)>,
    /// ssh-agent and ssh-add are there (a machine credential's key is loaded into an agent).
    pub has_agent: bool,
}

/// The job's ssh-agent socket, in its directory on the node.
pub const AGENT_SOCKET: &str = "agent.sock";

/// `$1` ansible bin dir (may be empty), `$2` work dir.
const PREFLIGHT: &str = r#"
bin_dir=$1
work_dir=$2
if [ -n "$bin_dir" ]; then
  ap="$bin_dir/ansible-playbook"
  [ -x "$ap" ] || { echo "error=no executable ansible-playbook in ansible_bin_dir $bin_dir"; exit 0; }
else
  ap=$(command -v ansible-playbook 2>/dev/null) || { echo "error=ansible-playbook not found on PATH ($PATH); install ansible-core or set the instance's ansible_bin_dir"; exit 0; }
fi
mkdir -p -m 700 "$work_dir" 2>/dev/null
[ -d "$work_dir" ] && [ -w "$work_dir" ] || { echo "error=work directory $work_dir is not writable"; exit 0; }
echo "ansible_playbook=$ap"
py=$(sed -n '1s/^#![[:space:]]*//p' "$ap")
case "$py" in
  *python*) echo "python=$py";;
  # Not a Python script (a wrapper): its --version names the Python that runs Ansible.
  *) "$ap" --version 2>/dev/null | sed 's/^/version_out=/';;
esac
echo "env=PATH=$PATH"
command -v ssh-agent >/dev/null 2>&1 && command -v ssh-add >/dev/null 2>&1 && echo "agent=1"
for v in LANG LC_ALL LC_CTYPE; do eval "x=\${$v:-}"; [ -n "$x" ] && echo "env=$v=$x"; done
true
"#;

pub fn preflight(conn: &mut Conn, node: &Node) -> Result<Preflight> {
    let cmd = format!(
        "/bin/sh -c {} awxm-preflight {} {}",
        shell_quote(PREFLIGHT),
        shell_quote(&node.ansible_bin_dir),
        shell_quote(&node.work_dir)
    );
    let r = conn.exec_timeout(&cmd, node.opts.io_timeout)?;
    if !r.success() {
        return Err(Error::unavailable(format!("instance {}: checking the node failed: {}", node.hostname, r.last_line())));
    }
    let mut p = Preflight { ansible_playbook: String::new(), python: Vec::new(), base_env: Vec::new(), has_agent: false };
    let mut version_out = String::new();
    for line in r.stdout_str().lines() {
        let Some((k, v)) = line.split_once('=') else { continue };
        match k {
            "error" => return Err(Error::unavailable(format!("instance {}: {v}", node.hostname))),
            "ansible_playbook" => p.ansible_playbook = v.to_string(),
            "python" => p.python = v.split_whitespace().map(str::to_string).collect(),
            "agent" => p.has_agent = v == "1",
            "version_out" => {
                version_out.push_str(v);
                version_out.push('\n');
            }
            "env" => {
                if let Some((name, value)) = v.split_once('=') {
                    p.base_env.push((name.to_string(), value.to_string()));
                }
            }
            _ => {}
        }
    }
    if p.ansible_playbook.is_empty() {
        return Err(Error::unavailable(format!("instance {}: the node check printed nothing: {}", node.hostname, r.last_line())));
    }
    if p.python.is_empty() {
        p.python = vec![crate::cluster::probe::ansible_python(&version_out).unwrap_or_else(|| "python3".into())];
    }
    Ok(p)
}

/// The job's directory on the node: `<work dir>/<name of the local private data directory>`.
pub fn remote_root(work_dir: &str, local_root: &Path) -> String {
    let name = local_root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!("{}/{name}", work_dir.trim_end_matches('/'))
}

/// Point the prepared command (argv, environment, recorded copies) at the node's copy of the
/// private data directory, running in its `project/`.
pub fn relocate(prepared: &mut Prepared, remote_root: &str) {
    let local = prepared.dir.root.display().to_string();
    let fix = |s: &str| if s.contains(&local) { s.replace(&local, remote_root) } else { s.to_string() };
    prepared.job_args = prepared.job_args.iter().map(|a| fix(a)).collect();
    prepared.command.args = prepared.command.args.iter().map(|a| fix(a)).collect();
    prepared.command.env = prepared.command.env.iter().map(|(k, v)| (k.clone(), fix(v))).collect();
    for v in prepared.safe_env.values_mut() {
        if let Json::String(s) = v {
            *s = fix(s);
        }
    }
    prepared.command.cwd = format!("{remote_root}/project").into();
}

/// A job on a node: its directory, runner pid and the read offsets of its output.
#[derive(Debug, Clone)]
pub struct Remote {
    pub root: String,
    pub ident: String,
    /// The runner's pid (its process group).
    pub runner_pid: i64,
    pub stdout_offset: u64,
    pub events_offset: u64,
}

/// What a poll found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Running,
    /// ansible-playbook ended with this exit code.
    Finished(i32),
    /// The runner is gone without writing an exit code (killed, node rebooted).
    Vanished,
}

/// Copy the job to the node and start it; returns the remote job (offsets at 0).
pub fn launch(conn: &mut Conn, prepared: &Prepared, project_dir: &Path, root: &str, python: &[String]) -> Result<Remote> {
    let ident = prepared.dir.artifacts.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    conn.put_tree(&prepared.dir.root, root)?;
    conn.put_tree_excluding(project_dir, &format!("{root}/project"), PROJECT_EXCLUDE)?;
    let mut argv = vec![prepared.command.program.display().to_string()];
    argv.extend(prepared.command.args.iter().cloned());
    let env: Map<String, Json> = prepared.command.env.iter().map(|(k, v)| (k.clone(), Json::String(v.clone()))).collect();
    let prompts: Vec<Json> = prepared.prompts.entries().into_iter().map(|(p, a)| json!([p, a])).collect();
    let mut run = json!({"argv": argv, "cwd": prepared.command.cwd.display().to_string(), "env": env, "prompts": prompts});
    // The key file (already copied with the directory) is loaded into the job's ssh-agent and
    // deleted by the runner before ansible-playbook starts.
    if let Some((key, passphrase)) = &prepared.ssh_key
        && let Ok(rel) = key.strip_prefix(&prepared.dir.root)
    {
        run["ssh_key"] = json!({"path": format!("{root}/{}", rel.display()), "passphrase": passphrase});
    }
    conn.put_bytes(run.to_string().as_bytes(), &format!("{root}/env/run.json"), 0o600)?;
    conn.put_bytes(RUNNER_SCRIPT.as_bytes(), &format!("{root}/{RUNNER_NAME}"), 0o600)?;
    let py: Vec<String> = python.iter().map(|w| shell_quote(w)).collect();
    let cmd = format!("exec {} {RUNNER_NAME} {} {}", py.join(" "), shell_quote(root), shell_quote(&ident));
    let pid = conn.start_detached(&cmd, Some(root), Some(&format!("{root}/daemon.log")))?;
    Ok(Remote { root: root.to_string(), ident, runner_pid: pid, stdout_offset: 0, events_offset: 0 })
}

/// Most bytes fetched by one read request.
const FETCH_MAX: usize = 4 * 1024 * 1024;

impl Remote {
    pub fn artifact(&self, name: &str) -> String {
        format!("{}/artifacts/{}/{name}", self.root, self.ident)
    }

    /// Whether the job has finished (checked before fetching, so that a finished job's output
    /// is complete once fetched). Over SFTP only: no shell is started on the node.
    pub fn check(&self, conn: &mut Conn) -> SshResult<Option<i32>> {
        match conn.read_file(&self.artifact("rc")) {
            Ok(b) => Ok(Some(String::from_utf8_lossy(&b).trim().parse().unwrap_or(1))),
            Err(e) if e.kind == SshErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// [`check`](Self::check), and when the job has not finished, whether its runner is still
    /// there (a shell command on the node, so done only now and then).
    pub fn check_alive(&self, conn: &mut Conn) -> SshResult<State> {
        if let Some(rc) = self.check(conn)? {
            return Ok(State::Finished(rc));
        }
        if conn.process_alive(self.runner_pid)? {
            return Ok(State::Running);
        }
        // It may have written the exit code just before it left.
        Ok(match self.check(conn)? {
            Some(rc) => State::Finished(rc),
            None => State::Vanished,
        })
    }

    /// Read what is new in the file at `path` from `*offset` and advance the offset by what
    /// arrived. A missing file reads as empty.
    pub fn fetch(conn: &mut Conn, path: &str, offset: &mut u64) -> SshResult<Vec<u8>> {
        // The offset moves only when everything asked for has arrived: a failed read loses nothing.
        let mut out = Vec::new();
        loop {
            let chunk = match conn.read_from(path, *offset + out.len() as u64, FETCH_MAX) {
                Ok(c) => c,
                Err(e) if e.kind == SshErrorKind::NotFound => break,
                Err(e) => return Err(e),
            };
            let n = chunk.len();
            out.extend_from_slice(&chunk);
            if n < FETCH_MAX {
                break;
            }
        }
        *offset += out.len() as u64;
        Ok(out)
    }

    /// Send `signal` (TERM, INT) to the job: the runner passes it on to ansible-playbook's
    /// process group. KILL stops every process of the job, the runner included.
    pub fn signal(&self, conn: &mut Conn, signal: &str) -> SshResult<()> {
        if signal == "KILL" {
            return run_reap(conn, &self.root, "stop").map(|_| ());
        }
        let pidfile = shell_quote(&self.artifact("pid"));
        let runner = self.runner_pid;
        let script = format!(
            "kill -{signal} -{runner} 2>/dev/null || {{ p=$(cat {pidfile} 2>/dev/null) && kill -{signal} -\"$p\"; }} 2>/dev/null; true"
        );
        conn.exec(&script).map(|_| ())
    }

    /// Remove the job's directory from the node (after stopping anything left of the job).
    pub fn cleanup(&self, conn: &mut Conn) -> Result<()> {
        reap(conn, &self.root)
    }
}

/// Stops every process of the job in the directory read from stdin: those whose command line
/// mentions the directory (the runner, ansible-playbook, its workers) and every process in the
/// sessions they lead or in the session recorded in `artifacts/*/pid` (modules and their
/// children, which name no path of ours; ansible's workers each lead a session of their own). With the
/// argument `remove`, the directory is removed afterwards. The directory comes on stdin so that
/// this script's own command line does not mention it.
pub const REAP_SCRIPT: &str = r#"mode=$1
IFS= read -r d || exit 2
case "$d" in /*/awx_*) ;; *) echo "refusing to touch $d" >&2; exit 2;; esac
sids=
for f in "$d"/artifacts/*/pid; do
  [ -f "$f" ] && s=$(cat "$f" 2>/dev/null) && case "$s" in ''|*[!0-9]*) ;; *) [ "$s" -gt 1 ] && sids="$sids $s";; esac
done
IFS= read -r st < /proc/$$/stat && set -- ${st##*) } && mine=$4
for p in /proc/[0-9]*; do
  n=${p#/proc/}
  [ "$n" = "$$" ] && continue
  c=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null) || continue
  case "$c" in *"$d"*)
    # A session leader naming the directory: the runner, ansible-playbook, a worker.
    if IFS= read -r st < "$p/stat" 2>/dev/null; then set -- ${st##*) }; [ "$4" = "$n" ] && sids="$sids $4"; fi;;
  esac
done
# Never this script's own session.
set --; for s in $sids; do [ "$s" != "$mine" ] && set -- "$@" "$s"; done; sids="$*"
for round in 1 2; do
  for p in /proc/[0-9]*; do
    n=${p#/proc/}
    [ "$n" = "$$" ] && continue
    k=
    c=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null) || continue
    case "$c" in *"$d"*) k=1;; esac
    if [ -z "$k" ] && [ -n "$sids" ] && IFS= read -r st < "$p/stat" 2>/dev/null; then
      set -- ${st##*) }
      for s in $sids; do [ "$4" = "$s" ] && k=1; done
    fi
    [ -n "$k" ] && kill -KILL "$n" 2>/dev/null
  done
done
if [ "$mode" = remove ]; then rm -rf -- "$d"; fi
true"#;

fn run_reap(conn: &mut Conn, dir: &str, mode: &str) -> SshResult<crate::ssh::ExecOutput> {
    let cmd = format!("/bin/sh -c {} awxm-reap {mode}", shell_quote(REAP_SCRIPT));
    conn.exec_with(&cmd, Some(format!("{dir}\n").as_bytes()), Some(std::time::Duration::from_secs(60)))
}

/// Stop what is left of a job in `dir` on the node and remove the directory.
pub fn reap(conn: &mut Conn, dir: &str) -> Result<()> {
    let r = run_reap(conn, dir, "remove")?;
    if !r.success() {
        return Err(Error::io(format!("removing {dir} on {} failed: {}", conn.target().name, r.last_line())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_root_keeps_the_local_name() {
        assert_eq!(remote_root("/var/lib/awxm/", Path::new("/tmp/awx_7_ab12cd34")), "/var/lib/awxm/awx_7_ab12cd34");
    }

    #[test]
    fn reap_script_stops_and_removes() {
        use std::os::unix::process::CommandExt;
        let base = tempfile::tempdir().unwrap();
        let dir = base.path().join("awx_1_reaptest");
        std::fs::create_dir_all(dir.join("artifacts/1")).unwrap();
        // `sh -c SCRIPT NAME`: NAME (the dir) is in the shell's command line.
        let mut named = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg("while :; do sleep 0.1; done")
            .arg(dir.display().to_string())
            .spawn()
            .unwrap();
        // A process that does not name the dir, in the session recorded as the job's.
        let mut member = std::process::Command::new("sleep");
        member.arg("30");
        // SAFETY: setsid is async-signal-safe.
        unsafe {
            member.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let mut member = member.spawn().unwrap();
        std::fs::write(dir.join("artifacts/1/pid"), member.id().to_string()).unwrap();
        let out = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(REAP_SCRIPT)
            .arg("awxm-reap")
            .arg("remove")
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(format!("{}\n", dir.display()).as_bytes())?;
                c.wait()
            })
            .unwrap();
        assert!(out.success());
        assert!(!dir.exists());
        assert!(!named.wait().unwrap().success(), "the process naming the dir was killed");
        assert!(!member.wait().unwrap().success(), "the session member was killed");
    }
}
