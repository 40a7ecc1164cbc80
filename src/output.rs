//! The only module that writes to stdout and stderr.
//!
//! Every command returns a [`Report`]: `--format json` prints it as exactly one JSON document
//! (with `"format_version": 1` first), `yaml` the same as YAML, `human` calls [`Report::human`],
//! which writes tables (comfy-table) or short text through [`Human`]; `--jq` filters the JSON
//! documents and lines (`crate::jq`), never the error object. Progress bars go to stderr
//! and only when stderr is a terminal and no `-q`/`-v`/`--no-progress`/`AWXM_LOG` is in force.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::jq::{Jq, Outcome};

pub const FORMAT_VERSION: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
    Yaml,
    /// JSON Lines (one document per line), for streams such as job events.
    Jsonl,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "human" => Some(Format::Human),
            "json" => Some(Format::Json),
            "yaml" => Some(Format::Yaml),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// `--color`: when to colour the output (and keep the ANSI escapes of stored job output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it).
    #[default]
    Auto,
    /// Always colour, even into a pipe or file.
    Always,
    /// Never colour: strip ANSI escapes from job output.
    Never,
}

/// The environment variables that decide colour in `auto` mode (read by `config.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` (no-color.org): set and not empty.
    pub no_color: Option<String>,
    /// `CLICOLOR_FORCE` (bixense.com/clicolors): set and not `0`.
    pub clicolor_force: Option<String>,
    /// `CLICOLOR`: `0` turns colour off.
    pub clicolor: Option<String>,
    /// `TERM`: `dumb` (or unset) is a terminal without colour.
    pub term: Option<String>,
}

impl ColorEnv {
    pub fn from_process() -> ColorEnv {
        use crate::config::env_var;
        ColorEnv {
            no_color: env_var("NO_COLOR"),
            clicolor_force: env_var("CLICOLOR_FORCE"),
            clicolor: env_var("CLICOLOR"),
            term: env_var("TERM"),
        }
    }
}

/// Whether to colour a stream: `--color always|never` decide alone; `auto` says no under
/// `NO_COLOR` (which wins over everything else in the environment), yes under `CLICOLOR_FORCE`
/// (not `0`), no under `CLICOLOR=0`, and otherwise yes only on a terminal whose `TERM` is set
/// and not `dumb`. Empty variables count as unset (`config::env_var`).
pub fn use_color(choice: ColorChoice, env: &ColorEnv, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env.no_color.is_some() {
                false
            } else if env.clicolor_force.as_deref().is_some_and(|v| v != "0") {
                true
            } else if env.clicolor.as_deref() == Some("0") {
                false
            } else {
                is_terminal && env.term.as_deref().is_some_and(|t| t != "dumb")
            }
        }
    }
}

/// JSON data of a report (blanket-implemented for every `Serialize` type).
pub trait ReportData {
    fn to_json(&self) -> Value;
}

impl<T: serde::Serialize> ReportData for T {
    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_else(|e| serde_json::json!({"serialization_error": e.to_string()}))
    }
}

/// What every command returns.
pub trait Report: ReportData {
    /// Render for a human on stdout.
    fn human(&self, out: &mut Human) -> io::Result<()>;
    /// Exit code for a run that completed (0, or 1 when the outcome is a failure).
    fn exit_code(&self) -> u8 {
        0
    }
}

/// A report that has already been written (streams) and only carries an exit code.
pub struct Streamed(pub u8);

impl serde::Serialize for Streamed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_none()
    }
}

impl Report for Streamed {
    fn human(&self, _: &mut Human) -> io::Result<()> {
        Ok(())
    }
    fn exit_code(&self) -> u8 {
        self.0
    }
}

/// Human-mode writer over stdout with table helpers.
pub struct Human {
    out: Box<dyn Write>,
    tty: bool,
}

impl Human {
    pub fn stdout() -> Human {
        Human { out: Box::new(io::stdout().lock()), tty: io::stdout().is_terminal() }
    }
    pub fn to_writer(out: Box<dyn Write>) -> Human {
        Human { out, tty: false }
    }
    pub fn line(&mut self, s: impl AsRef<str>) -> io::Result<()> {
        writeln!(self.out, "{}", s.as_ref())
    }
    pub fn write_raw(&mut self, s: &[u8]) -> io::Result<()> {
        self.out.write_all(s)
    }
    /// A table with a header row.
    pub fn table<R, C>(&mut self, headers: &[&str], rows: R) -> io::Result<()>
    where
        R: IntoIterator<Item = C>,
        C: IntoIterator<Item = String>,
    {
        let mut t = Table::new();
        if self.tty {
            t.load_style(presets::UTF8_HORIZONTAL_ONLY).set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            // Piped: plain aligned columns, easy for grep and awk.
            t.force_no_tty().load_style(presets::NOTHING).set_content_arrangement(ContentArrangement::Disabled);
        }
        t.set_header(headers.iter().map(|h| h.to_string()));
        for r in rows {
            t.add_row(r.into_iter().collect::<Vec<_>>());
        }
        writeln!(self.out, "{t}")
    }
    /// Key/value pairs aligned in two columns.
    pub fn pairs<I, K, V>(&mut self, pairs: I) -> io::Result<()>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let pairs: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.as_ref().to_string(), v.as_ref().to_string())).collect();
        let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (k, v) in pairs {
            let mut lines = v.lines();
            writeln!(self.out, "{k:width$}  {}", lines.next().unwrap_or(""))?;
            for l in lines {
                writeln!(self.out, "{:width$}  {l}", "")?;
            }
        }
        Ok(())
    }
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A byte count for people: `512 B`, `1.50 KiB`, `5.00 MiB` (IEC units; indicatif's
/// `HumanBytes`, as the progress bars show). The one byte formatter of the human output.
pub fn human_bytes(n: u64) -> String {
    indicatif::HumanBytes(n).to_string()
}

/// Render a JSON value as short human text (for table cells).
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// How a progress bar of known length draws: its label, the bar, the count and the time left.
pub const BAR_TEMPLATE: &str = "{msg:>12} [{bar:40}] {pos}/{len} ({eta})";
/// How a spinner (work of unknown length: reading an inventory) draws: its label and the time so far.
pub const SPINNER_TEMPLATE: &str = "{spinner} {msg} ({elapsed})";

/// The output settings of one run.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub quiet: bool,
    pub progress: bool,
    /// What `--color` asked for (`--no-color` is `never`).
    pub color_choice: ColorChoice,
    /// Whether stdout gets colour: [`use_color`] for stdout.
    pub color: bool,
    /// `--jq`: the filter every JSON document and JSON line goes through (only with `json` or
    /// `jsonl`; the error object of [`Output::error`] never does).
    pub jq: Option<Arc<Jq>>,
}

fn with_version(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out = serde_json::Map::new();
            out.insert("format_version".into(), Value::from(FORMAT_VERSION));
            for (k, v) in m {
                if k != "format_version" {
                    out.insert(k, v);
                }
            }
            Value::Object(out)
        }
        other => other,
    }
}

fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

impl Output {
    /// Output settings for a run that prints nothing coloured and draws no progress.
    pub fn plain(format: Format, quiet: bool) -> Output {
        Output { format, quiet, progress: false, color_choice: ColorChoice::Never, color: false, jq: None }
    }

    /// Print a report in the chosen format. A closed pipe on stdout is not an error.
    pub fn emit(&self, report: &dyn Report) -> Result<(), Error> {
        let res = match self.format {
            Format::Human => {
                let mut h = Human::stdout();
                report.human(&mut h).and_then(|_| h.flush())
            }
            Format::Json | Format::Jsonl => {
                let v = report.to_json();
                if v.is_null() {
                    return Ok(());
                }
                let mut out = io::stdout().lock();
                // A list in JSON Lines is its items, one per line: what `jq -c` or a log
                // shipper wants from `list` outputs. Anything else is one line.
                if self.format == Format::Jsonl
                    && let Some(items) = v.get("items").and_then(|i| i.as_array())
                {
                    let mut res = Ok(());
                    for item in items {
                        res = match &self.jq {
                            Some(jq) => filter_into(jq, item.to_string().as_bytes(), &mut out),
                            None => writeln!(out, "{item}"),
                        };
                        if res.is_err() {
                            break;
                        }
                    }
                    let res = res.and_then(|_| out.flush());
                    return match res {
                        Err(e) if is_broken_pipe(&e) => Ok(()),
                        Err(e) => Err(Error::io(format!("writing to stdout: {e}"))),
                        Ok(()) => Ok(()),
                    };
                }
                if let Some(jq) = &self.jq {
                    let text = serde_json::to_string(&with_version(v)).unwrap_or_default();
                    return match filter_into(jq, text.as_bytes(), &mut out).and_then(|_| out.flush()) {
                        Err(e) if is_broken_pipe(&e) => Ok(()),
                        Err(e) => Err(Error::io(format!("writing to stdout: {e}"))),
                        Ok(()) => Ok(()),
                    };
                }
                let text = if self.format == Format::Json {
                    serde_json::to_string_pretty(&with_version(v))
                } else {
                    serde_json::to_string(&with_version(v))
                };
                writeln!(out, "{}", text.unwrap_or_default()).and_then(|_| out.flush())
            }
            Format::Yaml => {
                let v = report.to_json();
                if v.is_null() {
                    return Ok(());
                }
                let text = crate::yaml::to_string(&with_version(v));
                let mut out = io::stdout().lock();
                out.write_all(text.as_bytes()).and_then(|_| out.flush())
            }
        };
        match res {
            Err(e) if is_broken_pipe(&e) => Ok(()),
            Err(e) => Err(Error::io(format!("writing to stdout: {e}"))),
            Ok(()) => Ok(()),
        }
    }

    /// Write one line of a stream (JSON Lines, live job output) to stdout; with `--jq` the
    /// line is a JSON document and what the filter makes of it is written instead.
    pub fn stream(&self, line: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        match &self.jq {
            Some(jq) => filter_into(jq, line.as_bytes(), &mut out)?,
            None => writeln!(out, "{line}")?,
        }
        out.flush()
    }

    /// Write a JSON document that a command rendered itself (`inventory_export`'s
    /// ansible-inventory JSON, newline-terminated) to stdout, through `--jq` when given.
    pub fn json_text(&self, text: &str) -> io::Result<()> {
        match &self.jq {
            Some(_) => self.stream(text.trim_end()),
            None => self.raw(text.as_bytes()),
        }
    }

    /// How many documents `--jq` failed on so far (each reported on stderr; a run with one
    /// exits 1 where it would have exited 0).
    pub fn jq_failures(&self) -> u64 {
        self.jq.as_ref().map_or(0, |jq| jq.failures())
    }

    /// Write raw bytes (live output) to stdout; a closed pipe is ignored.
    pub fn raw(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        match out.write_all(bytes).and_then(|_| out.flush()) {
            Err(e) if is_broken_pipe(&e) => Ok(()),
            r => r,
        }
    }

    /// A status line on stderr, for a person watching: only on a terminal (a successful run
    /// from cron or a pipe prints nothing there), and dropped by `-q` and in machine formats.
    pub fn status(&self, msg: impl AsRef<str>) {
        if !self.quiet && self.format == Format::Human && io::stderr().is_terminal() {
            eprintln!("{}", msg.as_ref());
        }
    }

    /// A warning on stderr (dropped only by `-q`).
    pub fn warn(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("awxm: warning: {}", msg.as_ref());
        }
    }

    /// A progress bar on stderr, hidden unless progress is enabled.
    pub fn progress(&self, len: u64, what: &str) -> indicatif::ProgressBar {
        if !self.progress {
            return indicatif::ProgressBar::hidden();
        }
        let pb = indicatif::ProgressBar::with_draw_target(Some(len), indicatif::ProgressDrawTarget::stderr());
        let style = indicatif::ProgressStyle::with_template(BAR_TEMPLATE)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> ");
        pb.set_style(style);
        pb.set_message(what.to_string());
        pb
    }

    /// A spinner on stderr for work of unknown length.
    pub fn spinner(&self, what: &str) -> indicatif::ProgressBar {
        if !self.progress {
            return indicatif::ProgressBar::hidden();
        }
        let pb = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        // Without a style of its own a bar of unknown length draws indicatif's default bar
        // (`░░░ 0/0`) and no label.
        pb.set_style(
            indicatif::ProgressStyle::with_template(SPINNER_TEMPLATE).unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.set_message(what.to_string());
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    }

    /// Print an error: one line on stderr plus details; in JSON mode also an object on stdout.
    pub fn error(&self, err: &Error) {
        eprintln!("awxm: error: {}", err.message);
        for d in &err.details {
            eprintln!("  {d}");
        }
        if matches!(self.format, Format::Json | Format::Jsonl) {
            let v = serde_json::json!({
                "format_version": FORMAT_VERSION,
                "error": {"kind": err.kind, "message": err.message, "details": err.details, "exit_code": err.exit_code()},
            });
            // Never through --jq: a script needs the error object as it is.
            let mut out = io::stdout().lock();
            let _ = writeln!(out, "{v}").and_then(|_| out.flush());
        }
    }
}

/// Run `--jq` over one JSON document and write its results to `out`, one per line. A runtime
/// error of the filter is counted and reported on stderr (the first few: a stream may fail on
/// every line), not returned: the output goes on with the next document.
fn filter_into(jq: &Jq, doc: &[u8], out: &mut dyn Write) -> io::Result<()> {
    let outcome = jq.run(doc, &mut |line| {
        out.write_all(line)?;
        out.write_all(b"\n")
    });
    match outcome {
        Outcome::Done => Ok(()),
        Outcome::WriteError(e) => Err(e),
        Outcome::Failed(msg) => {
            if let Some(msg) = jq.record_failure(&msg) {
                eprintln!("awxm: error: --jq: {msg}");
            }
            Ok(())
        }
    }
}

/// Whether stdin and stderr are both terminals (we may prompt).
pub fn can_prompt() -> bool {
    io::stdin().is_terminal() && io::stderr().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Ask a yes/no question on the terminal; refuses (usage error) when not interactive.
pub fn confirm(question: &str) -> Result<bool, Error> {
    if !can_prompt() {
        return Err(Error::usage(format!("{question}: refusing to ask without a terminal; pass --yes to confirm")));
    }
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| Error::new(ErrorKind::Interrupted, format!("prompt aborted: {e}")))
}

#[cfg(test)]
mod tests {
    use super::{ColorChoice, ColorEnv, human_bytes, use_color};

    fn env(vars: &[(&str, &str)]) -> ColorEnv {
        let get = |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string());
        ColorEnv { no_color: get("NO_COLOR"), clicolor_force: get("CLICOLOR_FORCE"), clicolor: get("CLICOLOR"), term: get("TERM") }
    }

    #[test]
    fn progress_templates_are_valid_and_labelled() {
        for t in [super::BAR_TEMPLATE, super::SPINNER_TEMPLATE] {
            assert!(indicatif::ProgressStyle::with_template(t).is_ok(), "{t}");
            assert!(t.contains("{msg"), "{t} shows no label");
        }
    }

    #[test]
    fn colour_decisions() {
        use ColorChoice::{Always, Auto, Never};
        let xterm = [("TERM", "xterm-256color")];
        // (choice, environment, stream is a terminal) -> colour
        type Vars<'a> = &'a [(&'a str, &'a str)];
        let cases: &[(ColorChoice, Vars, bool, bool)] = &[
            (Auto, &xterm, true, true),
            (Auto, &xterm, false, false),
            (Auto, &[("TERM", "dumb")], true, false),
            (Auto, &[], true, false),
            (Auto, &[("TERM", "xterm"), ("NO_COLOR", "1")], true, false),
            (Auto, &[("TERM", "xterm"), ("CLICOLOR_FORCE", "1")], false, true),
            (Auto, &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")], false, true),
            (Auto, &[("CLICOLOR_FORCE", "0")], false, false),
            (Auto, &[("TERM", "xterm"), ("CLICOLOR_FORCE", "0")], true, true),
            (Auto, &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], false, false),
            (Auto, &[("TERM", "xterm"), ("CLICOLOR", "0")], true, false),
            (Auto, &[("TERM", "xterm"), ("CLICOLOR", "1")], true, true),
            (Always, &[("NO_COLOR", "1"), ("TERM", "dumb")], false, true),
            (Never, &[("CLICOLOR_FORCE", "1"), ("TERM", "xterm")], true, false),
        ];
        for (choice, vars, tty, want) in cases {
            assert_eq!(use_color(*choice, &env(vars), *tty), *want, "{choice:?} {vars:?} terminal={tty}");
        }
    }

    #[test]
    fn bytes_read_well() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1536), "1.50 KiB");
        assert_eq!(human_bytes(5 * 1024 * 1024), "5.00 MiB");
        assert_eq!(human_bytes(3 << 30), "3.00 GiB");
    }
}
