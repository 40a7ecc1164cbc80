//! The health probe `isolated_heartbeat` runs on a node: one POSIX shell script (the node needs
//! only `sh`, Python and ansible-core, never awxm) that prints `key=value` lines:
//! CPU count, total memory, the ansible-playbook it found (in the instance's `ansible_bin_dir`,
//! else on PATH) and what `ansible-playbook --version` printed on stdout and on stderr, kept
//! apart (running it proves it works; the ansible-core version is the `[core X.Y.Z]` on any
//! stdout line, whatever warnings come before it), whether the work directory is writable (it is created, mode 0700, when
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
  # Its stdout and stderr apart (warnings may come first on either): every line, prefixed.
  err=$(mktemp 2>/dev/null) || err=/dev/null
  out=$("$ap" --version 2>"$err")
  echo "version_rc=$?"
  printf '%s\n' "$out" | sed 's/^/version_out=/'
  [ "$err" = /dev/null ] || { tail -n 20 "$err" | sed 's/^/version_err=/'; rm -f "$err"; }
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

/// The ansible-core version in what `ansible-playbook --version` (or another ansible command)
/// printed on stdout: the `[core X.Y.Z]` on any line (`ansible-playbook [core 2.19.14]`), else
/// a line `ansible-playbook X.Y` (Ansible before 2.10). Lines before it (warnings from Python,
/// the locale or Ansible itself) are skipped, never taken for the answer.
pub fn ansible_core_version(stdout: &str) -> Option<String> {
    let good = |v: &str| v.starts_with(|c: char| c.is_ascii_digit()) && v.chars().all(|c| c.is_ascii_alphanumeric() || ".+-_".contains(c));
    for line in stdout.lines() {
        let mut rest = line;
        while let Some(i) = rest.find("[core ") {
            rest = &rest[i + "[core ".len()..];
            if let Some(v) = rest.split(']').next().map(str::trim)
                && rest.contains(']')
                && good(v)
            {
                return Some(v.to_string());
            }
        }
    }
    stdout.lines().find_map(|l| {
        let v = l.trim().strip_prefix("ansible-playbook ")?.split_whitespace().next()?;
        good(v).then(|| v.to_string())
    })
}

/// The Python that runs Ansible, from what `ansible-playbook --version` printed on stdout: the
/// last parenthesised path of its `python version = …` line, on whichever line that comes.
pub fn ansible_python(stdout: &str) -> Option<String> {
    stdout.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("python version = ")?;
        let path = rest.strip_suffix(')')?.rsplit_once('(')?.1.trim();
        path.starts_with('/').then(|| path.to_string())
    })
}

/// Whether a line of a command's output is a warning (Python's `…Warning:`, Ansible's
/// `[WARNING]`/`[DEPRECATION WARNING]`, the C library's or a shell's locale complaints), not the
/// answer or the error itself.
pub fn is_warning(line: &str) -> bool {
    let l = line.trim();
    let lower = l.to_ascii_lowercase();
    l.starts_with("[WARNING]")
        || l.starts_with("[DEPRECATION WARNING]")
        || lower.contains("warning:")
        || lower.contains("setlocale")
        || lower.contains("locale failed")
        || lower.starts_with("locale:")
}

/// The non-blank lines of `text` that are not warnings, nor the indented source line Python
/// prints under a warning.
fn meaningful_lines(text: &str) -> Vec<&str> {
    let mut keep = Vec::new();
    let mut in_warning = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if is_warning(line) {
            in_warning = true;
        } else if !(in_warning && line.starts_with([' ', '\t'])) {
            in_warning = false;
            keep.push(line.trim());
        }
    }
    keep
}

/// The line that explains a failed command: the last non-blank line of `stderr` that is not a
/// warning, else of `stdout`, else the last non-blank line of either.
pub fn failure_line(stdout: &str, stderr: &str) -> String {
    let any = |t: &str| t.lines().rev().map(str::trim).find(|l| !l.is_empty()).map(str::to_string);
    let meaningful = |t: &str| meaningful_lines(t).last().map(|l| l.to_string());
    meaningful(stderr).or_else(|| meaningful(stdout)).or_else(|| any(stderr)).or_else(|| any(stdout)).unwrap_or_default()
}

fn kb(v: &str) -> Option<i64> {
    v.trim().parse::<i64>().ok().map(|k| k * 1024)
}

/// Parse the probe's output. Missing essentials (no `probe=1` line, no CPU or memory figure)
/// are errors too.
pub fn parse(stdout: &str) -> Facts {
    let mut f = Facts::default();
    let mut seen = false;
    let (mut rc, mut out, mut err) = (None::<String>, String::new(), String::new());
    for line in stdout.lines() {
        let Some((k, v)) = line.split_once('=') else { continue };
        match k {
            "probe" => seen = true,
            "cpu" => f.cpu = v.trim().parse().unwrap_or(0),
            "memory_kb" => f.memory = kb(v).unwrap_or(0),
            "ansible_playbook" => f.ansible_playbook = Some(v.to_string()),
            "version_rc" => rc = Some(v.trim().to_string()),
            "version_out" => {
                out.push_str(v);
                out.push('\n');
            }
            "version_err" => {
                err.push_str(v);
                err.push('\n');
            }
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
    if let Some(ap) = &f.ansible_playbook {
        match rc.as_deref() {
            Some("0") => {
                f.ansible_version = ansible_core_version(&out);
                if f.ansible_version.is_none() {
                    let said = meaningful_lines(&out).first().copied().unwrap_or("nothing");
                    f.errors.push(format!("could not read the ansible-core version from {ap} --version (it printed: {said})"));
                }
            }
            Some(code) => f.errors.push(format!("{ap} --version failed (exit {code}): {}", failure_line(&out, &err))),
            None => f.errors.push(format!("{ap} --version did not report its exit status")),
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_healthy_node() {
        let f = parse(
            "probe=1\ncpu=4\nmemory_kb=8048576\nansible_playbook=/opt/venv/bin/ansible-playbook\nversion_rc=0\n\
             version_out=ansible-playbook [core 2.19.14]\nversion_out=  config file = None\n\
             work_dir_writable=1\nwork_dir_usage_kb=12\nwork_dir_free_kb=1000\n",
        );
        assert_eq!(f.cpu, 4);
        assert_eq!(f.memory, 8048576 * 1024);
        assert_eq!(f.ansible_version.as_deref(), Some("2.19.14"));
        assert_eq!((f.work_dir_usage, f.work_dir_free), (Some(12 * 1024), Some(1000 * 1024)));
        assert!(f.work_dir_writable);
        assert!(f.errors.is_empty(), "{:?}", f.errors);
    }

    /// The probe's lines for an ansible-playbook at /v/ansible-playbook that printed `out` and
    /// `err` and exited with `rc`.
    fn probed(rc: i32, out: &str, err: &str) -> Facts {
        let mut text = format!("probe=1\ncpu=2\nmemory_kb=100\nansible_playbook=/v/ansible-playbook\nversion_rc={rc}\n");
        for l in out.lines() {
            text.push_str(&format!("version_out={l}\n"));
        }
        for l in err.lines() {
            text.push_str(&format!("version_err={l}\n"));
        }
        parse(&text)
    }

    const VERSION: &str =
        "ansible-playbook [core 2.19.14]\n  config file = None\n  python version = 3.11.2 (main) [GCC 12.2.0] (/v/python3)\n";

    #[test]
    fn version_after_warnings_on_stdout() {
        let out = format!(
            "[DEPRECATION WARNING]: something is deprecated (2.0). This feature will be removed in version 2.99.\n\
             [WARNING]: 1.2.3 is not what you think\n{VERSION}"
        );
        let f = probed(0, &out, "");
        assert_eq!(f.ansible_version.as_deref(), Some("2.19.14"), "{f:?}");
        assert!(f.errors.is_empty(), "{:?}", f.errors);
    }

    #[test]
    fn version_with_warnings_on_stderr_which_are_never_read_for_it() {
        let err = "/v/lib/python3.11/site-packages/ansible/_internal/_ssh/_ssh_agent.py:18: CryptographyDeprecationWarning: DSA is deprecated [core 0.0.1]\n  from cryptography.hazmat.primitives.asymmetric.dsa import (\n";
        let f = probed(0, VERSION, err);
        assert_eq!(f.ansible_version.as_deref(), Some("2.19.14"), "{f:?}");
        assert!(f.errors.is_empty(), "{:?}", f.errors);
        // The version is read from stdout only: on stderr alone it is not an answer.
        let f = probed(0, "", &format!("{err}{VERSION}"));
        assert_eq!(f.ansible_version, None);
        assert!(f.errors[0].contains("could not read the ansible-core version") && f.errors[0].contains("printed: nothing"), "{f:?}");
    }

    #[test]
    fn version_after_locale_warnings() {
        let out = format!(
            "perl: warning: Setting locale failed.\nbash: warning: setlocale: LC_ALL: cannot change locale (xx_XX.UTF-8)\n{VERSION}"
        );
        let err =
            "/bin/sh: warning: setlocale: LC_ALL: cannot change locale (de_DE.UTF-8)\nlocale: Cannot set LC_CTYPE to default locale\n";
        assert_eq!(probed(0, &out, err).ansible_version.as_deref(), Some("2.19.14"));
    }

    #[test]
    fn core_version_anywhere_on_any_line() {
        assert_eq!(ansible_core_version("ansible-playbook [core 2.19.14]").as_deref(), Some("2.19.14"));
        assert_eq!(ansible_core_version("noise\n  x ansible-playbook [core 2.19.14] (extra)\n").as_deref(), Some("2.19.14"));
        assert_eq!(ansible_core_version("ansible-playbook [core 2.20.0rc1]\n").as_deref(), Some("2.20.0rc1"));
        assert_eq!(ansible_core_version("[core ]\n[core x]\nansible-playbook [core 2.18.1]").as_deref(), Some("2.18.1"));
        assert_eq!(ansible_core_version("warning: 1.2\nansible-playbook 2.9.27\n  config file = None\n").as_deref(), Some("2.9.27"));
        assert_eq!(ansible_core_version("[WARNING]: ansible 1.2 is old\nnothing here\n"), None);
        assert_eq!(ansible_core_version(""), None);
    }

    #[test]
    fn python_of_ansible_after_warnings() {
        let out = format!(
            "[WARNING]: python version = 2.7 (/usr/bin/python2)?\nperl: warning: Setting locale failed.\n{VERSION}  jinja version = 3.1.6\n"
        );
        assert_eq!(ansible_python(&out).as_deref(), Some("/v/python3"));
        assert_eq!(
            ansible_python("  python version = 3.11.2 (main, Apr 28 2025) [GCC 12.2.0] (/opt/v env/bin/python3)\n").as_deref(),
            Some("/opt/v env/bin/python3")
        );
        assert_eq!(ansible_python("ansible-playbook [core 2.19.14]\n"), None);
        assert_eq!(ansible_python("  python version = 3.11.2\n"), None);
    }

    #[test]
    fn failed_version_names_the_error_not_a_warning() {
        let err = "x.py:1: DeprecationWarning: old\n  import y\nERROR: ansible-core requires a minimum of Python version 3.11\n[WARNING]: trailing warning\n";
        let f = probed(1, "", err);
        assert_eq!(f.ansible_version, None);
        assert_eq!(
            f.errors,
            vec!["/v/ansible-playbook --version failed (exit 1): ERROR: ansible-core requires a minimum of Python version 3.11"]
        );
        // Only warnings: one of them rather than nothing.
        assert!(probed(127, "", "perl: warning: Setting locale failed.\n").errors[0].ends_with("Setting locale failed."));
        // A version line without `[core …]` is reported with what it said.
        let f = probed(0, "[WARNING]: w\nsomething else 1.0\n", "");
        assert!(f.errors[0].contains("printed: something else 1.0"), "{f:?}");
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

    #[test]
    fn script_reads_the_version_past_warnings_on_both_streams() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ap = dir.path().join("ansible-playbook");
        std::fs::write(
            &ap,
            "#!/bin/sh\necho '[WARNING]: first on stdout 9.9'\necho 'x.py:1: DeprecationWarning: [core 0.0.0]' >&2\n\
             echo 'ansible-playbook [core 2.19.14]'\necho '  config file = None'\n",
        )
        .unwrap();
        std::fs::set_permissions(&ap, std::fs::Permissions::from_mode(0o755)).unwrap();
        let out = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(SCRIPT)
            .arg("probe")
            .arg(dir.path().join("w"))
            .arg(dir.path())
            .output()
            .unwrap();
        let f = parse(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(f.ansible_version.as_deref(), Some("2.19.14"), "{f:?}");
        assert!(f.errors.is_empty(), "{f:?}");
    }
}
