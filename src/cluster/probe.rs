//! The health probe `isolated_heartbeat` runs on a node: one POSIX shell script (the node needs
//! only `sh`, Python and ansible-core, never awxm) that prints `key=value` lines:
//! CPU count, total memory, the ansible-playbook it found (in the instance's `ansible_bin_dir`,
//! else on PATH) and its ansible-core version (by running `ansible-playbook --version`, which
//! proves it works), whether the work directory is writable (it is created, mode 0700, when
//! missing), its disk usage and the free space under it. Problems are `error=` lines.

use serde::Serialize;

/// The probe script; arguments: `$1` work dir, `$2` ansible bin dir (may be empty).
pub const SCRIPT: &str = r#"
work_dir=$1
bin_dir=$2
echo "probe=1"
cpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 0)
echo "cpu=$cpu"
mem_kb=$(awk '/^MemTotal:/ {print $2; exit}' /proc/meminfo 2>/dev/null)
echo "memory_kb=${mem_kb:-0}"
ap=
if [ -n "$bin_dir" ]; then
  if [ -x "$bin_dir/ansible-playbook" ]; then ap="$bin_dir/ansible-playbook"; else echo "error=no executable ansible-playbook in ansible_bin_dir $bin_dir"; fi
else
  ap=$(command -v ansible-playbook 2>/dev/null || true)
  [ -n "$ap" ] || echo "error=ansible-playbook not found on PATH ($PATH); install ansible-core or set the instance's ansible_bin_dir"
fi
if [ -n "$ap" ]; then
  echo "ansible_playbook=$ap"
  out=$("$ap" --version 2>&1)
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "error=$ap --version failed (exit $rc): $(printf '%s\n' "$out" | grep -v '^[[:space:]]*$' | tail -n 1)"
  else
    v=$(printf '%s\n' "$out" | sed -n '1s/.*\[core \([^]]*\)\].*/\1/p')
    [ -n "$v" ] || v=$(printf '%s\n' "$out" | sed -n '1s/^[^ ]* \([0-9][^ ]*\).*/\1/p')
    echo "ansible_version=$v"
  fi
fi
if [ -z "$work_dir" ]; then
  echo "error=no work directory configured"
else
  if [ ! -d "$work_dir" ]; then mkdir -p -m 700 "$work_dir" 2>/dev/null || echo "error=cannot create work directory $work_dir"; fi
  if [ -d "$work_dir" ]; then
    t="$work_dir/.awxm-probe.$$"
    if ( : > "$t" ) 2>/dev/null; then rm -f "$t"; echo "work_dir_writable=1"; else echo "error=work directory $work_dir is not writable"; fi
    echo "work_dir_usage_kb=$(du -sk "$work_dir" 2>/dev/null | awk '{print $1}')"
    echo "work_dir_free_kb=$(df -Pk "$work_dir" 2>/dev/null | awk 'NR==2 {print $4}')"
  fi
fi
"#;

/// What the probe found on a node.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    pub cpu: i64,
    pub memory: i64,
    pub ansible_playbook: Option<String>,
    pub ansible_version: Option<String>,
    pub work_dir_writable: bool,
    pub work_dir_usage: Option<i64>,
    pub work_dir_free: Option<i64>,
    pub errors: Vec<String>,
}

fn kb(v: &str) -> Option<i64> {
    v.trim().parse::<i64>().ok().map(|k| k * 1024)
}

/// Parse the probe's output. Missing essentials (no `probe=1` line, no CPU or memory figure)
/// are errors too.
pub fn parse(stdout: &str) -> Facts {
    let mut f = Facts::default();
    let mut seen = false;
    for line in stdout.lines() {
        let Some((k, v)) = line.split_once('=') else { continue };
        match k {
            "probe" => seen = true,
            "cpu" => f.cpu = v.trim().parse().unwrap_or(0),
            "memory_kb" => f.memory = kb(v).unwrap_or(0),
            "ansible_playbook" => f.ansible_playbook = Some(v.to_string()),
            "ansible_version" if !v.trim().is_empty() => f.ansible_version = Some(v.trim().to_string()),
            "work_dir_writable" => f.work_dir_writable = v.trim() == "1",
            "work_dir_usage_kb" => f.work_dir_usage = kb(v),
            "work_dir_free_kb" => f.work_dir_free = kb(v),
            "error" => f.errors.push(v.trim().to_string()),
            _ => {}
        }
    }
    if !seen {
        f.errors.push("the probe printed nothing (is /bin/sh a POSIX shell on the node?)".into());
        return f;
    }
    if f.cpu <= 0 {
        f.errors.push("could not count the node's CPUs".into());
    }
    if f.memory <= 0 {
        f.errors.push("could not read the node's memory size from /proc/meminfo".into());
    }
    if f.ansible_playbook.is_some() && f.ansible_version.is_none() && f.errors.is_empty() {
        f.errors.push("could not read the ansible-core version from ansible-playbook --version".into());
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_healthy_node() {
        let f = parse(
            "probe=1\ncpu=4\nmemory_kb=8048576\nansible_playbook=/opt/venv/bin/ansible-playbook\nansible_version=2.19.14\n\
             work_dir_writable=1\nwork_dir_usage_kb=12\nwork_dir_free_kb=1000\n",
        );
        assert_eq!(f.cpu, 4);
        assert_eq!(f.memory, 8048576 * 1024);
        assert_eq!(f.ansible_version.as_deref(), Some("2.19.14"));
        assert_eq!((f.work_dir_usage, f.work_dir_free), (Some(12 * 1024), Some(1000 * 1024)));
        assert!(f.work_dir_writable);
        assert!(f.errors.is_empty(), "{:?}", f.errors);
    }

    #[test]
    fn collects_errors() {
        let f = parse("probe=1\ncpu=2\nmemory_kb=100\nerror=ansible-playbook not found on PATH\nerror=work directory /x is not writable\n");
        assert_eq!(f.errors.len(), 2);
        assert!(parse("").errors[0].contains("printed nothing"));
        assert!(parse("probe=1\n").errors.iter().any(|e| e.contains("CPUs")));
    }

    #[test]
    fn script_runs_locally() {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().join("w/x");
        let out = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(SCRIPT)
            .arg("probe")
            .arg(&work)
            .arg(dir.path().join("nobin"))
            .output()
            .unwrap();
        let f = parse(&String::from_utf8_lossy(&out.stdout));
        assert!(f.cpu >= 1 && f.memory > 0, "{f:?}");
        assert!(f.work_dir_writable);
        assert!(work.is_dir());
        assert_eq!(f.errors.len(), 1, "{f:?}");
        assert!(f.errors[0].contains("no executable ansible-playbook"), "{f:?}");
    }
}
