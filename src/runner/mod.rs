//! Running `ansible-playbook` for jobs, as AWX's `RunJob` does (see ARCHITECTURE.md).
//!
//! Three separable parts, so a remote flow (isolated nodes) can reuse them:
//! - (a) [`private_dir`]: build the private data directory (inventory from the database, extra
//!   vars, key material, the events callback plugin) and the command, environment and password
//!   prompts of the run — no database, no process;
//! - (b) [`process`]: start a command in its own session under a pty and supervise it (prompts,
//!   timeout, cancel, SIGTERM→SIGKILL of the process group, leftover descendants);
//! - (c) [`ingest`]: parse, redact and store events and stdout from byte streams with offsets,
//!   idempotently (`UNIQUE(job_id, counter)`), e.g. files tailed locally or copied back.
//!
//! - (d) [`remote`]: the same run on an isolated node over SSH: the directory copied there, a
//!   detached runner, output and events polled back by byte offset into (c).
//!
//! [`job`] ties them into a job's life; [`project`] syncs git projects; [`spec`] reads a job
//! and its credentials from the database; [`redact`] hides secrets; [`hooks`] is where
//! notifications and license checks plug in.

pub mod adhoc;
pub mod agent;
pub mod extravars;
pub mod facts;
pub mod ingest;
pub mod inventory;
pub mod job;
pub mod private_dir;
pub mod process;
pub mod project;
pub mod redact;
pub mod remote;
pub mod spec;
pub mod system;

use std::path::PathBuf;

/// A directory setting (`projects_root`, `job_output_dir`): the cluster setting when set,
/// else the config file's value (default under `data_dir`).
fn dir_setting(
    ctx: &crate::context::Ctx,
    tx: &mut crate::db::Tx<'_>,
    setting: &crate::settings::Setting<String>,
    fallback: &std::path::Path,
) -> crate::error::Result<PathBuf> {
    let v = crate::settings::get(tx, &ctx.secrets, setting)?;
    Ok(if v.trim().is_empty() { fallback.to_path_buf() } else { PathBuf::from(v.trim()) })
}

/// Where project checkouts live.
pub fn projects_root(ctx: &crate::context::Ctx, tx: &mut crate::db::Tx<'_>) -> crate::error::Result<PathBuf> {
    dir_setting(ctx, tx, &crate::settings::PROJECTS_ROOT, &ctx.config.projects_root)
}

/// Where downloaded job output is buffered (purged by cleanup_stdout).
pub fn job_output_dir(ctx: &crate::context::Ctx, tx: &mut crate::db::Tx<'_>) -> crate::error::Result<PathBuf> {
    dir_setting(ctx, tx, &crate::settings::JOB_OUTPUT_DIR, &ctx.config.job_output_dir)
}

/// Strips ANSI escape sequences from a byte stream (colour codes, cursor movement), across
/// chunk boundaries.
#[derive(Debug, Default, Clone)]
pub struct AnsiStripper {
    state: u8,
}

/// Where a foreground run's live output goes: stdout, with ansible's colour escapes removed
/// unless the output is coloured (`--color`, NO_COLOR, a terminal). A closed pipe is ignored.
pub fn live_sink(out: &crate::output::Output) -> impl FnMut(&[u8]) + use<> {
    let out = out.clone();
    let mut stripper = (!out.color).then(AnsiStripper::new);
    let mut buf = Vec::new();
    move |bytes: &[u8]| match &mut stripper {
        Some(s) => {
            buf.clear();
            s.push(bytes, &mut buf);
            let _ = out.raw(&buf);
        }
        None => {
            let _ = out.raw(bytes);
        }
    }
}

impl AnsiStripper {
    pub fn new() -> AnsiStripper {
        AnsiStripper::default()
    }

    pub fn push(&mut self, input: &[u8], out: &mut Vec<u8>) {
        // States: 0 text, 1 after ESC, 2 CSI (ESC [ … final byte), 3 OSC (ESC ] … BEL or ESC \),
        // 4 ESC inside OSC.
        for &b in input {
            match self.state {
                0 => {
                    if b == 0x1b {
                        self.state = 1;
                    } else {
                        out.push(b);
                    }
                }
                1 => {
                    self.state = match b {
                        b'[' => 2,
                        b']' => 3,
                        _ => 0,
                    }
                }
                2 => {
                    if (0x40..=0x7e).contains(&b) {
                        self.state = 0;
                    }
                }
                3 => {
                    if b == 0x07 {
                        self.state = 0;
                    } else if b == 0x1b {
                        self.state = 4;
                    }
                }
                _ => self.state = if b == b'\\' { 0 } else { 3 },
            }
        }
    }
}

/// Strip ANSI escape sequences from text.
pub fn strip_ansi(text: &str) -> String {
    if !text.contains('\x1b') {
        return text.to_string();
    }
    let mut out = Vec::with_capacity(text.len());
    AnsiStripper::new().push(text.as_bytes(), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ansi_is_stripped_across_chunks() {
        let text = b"\x1b[0;32mok: [h1]\x1b[0m\n\x1b]0;title\x07done";
        for split in 0..text.len() {
            let mut s = super::AnsiStripper::new();
            let mut out = Vec::new();
            s.push(&text[..split], &mut out);
            s.push(&text[split..], &mut out);
            assert_eq!(out, b"ok: [h1]\ndone", "split at {split}");
        }
    }
}
