//! `--jq EXPR`: a jq filter over a command's JSON output (the jaq crates), as `gh --jq` does.
//!
//! [`Jq::compile`] runs before the command (a bad filter is a usage error, exit 2, and the
//! command does nothing); [`Jq::run`] filters one JSON document into output lines: a string
//! result is written raw, any other value as compact JSON, one result per line. It never writes
//! to stdout itself: `output.rs` does.
//!
//! Bounds: each document is filtered on a worker thread with a large stack (deep but finite
//! recursion works); results come back through a small bounded channel, so a filter that yields
//! forever (`repeat(1)`) streams into the pipe without piling up in memory and stops when the
//! reader goes away; an error message quotes at most [`MAX_MESSAGE`] bytes of a value; a
//! signal recorded by `Ctx::cancel_on_signals` stops the wait for a filter that runs forever.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use jaq_core::data::JustLut;
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Native, Vars, compile};
use jaq_json::Val;

use crate::error::Error;

type Filter = compile::Filter<Native<JustLut<Val>>>;

/// jq's `@csv` and `@tsv`, which the jaq library crates leave to their command-line tool.
const EXTRA_DEFS: &str = r#"
def __awxm_cell(f): if type == "string" then f elif type == "null" then "" elif type == "boolean" or type == "number" then tojson
  else error("\(type) (\(tojson)) is not valid in a csv row") end;
def @csv: if type == "array" then map(__awxm_cell("\"" + (split("\"") | join("\"\"")) + "\"")) | join(",")
  else error("\(type) (\(tojson)) cannot be csv-formatted, only an array can be") end;
def @tsv: if type == "array"
  then map(__awxm_cell(split("\\") | join("\\\\") | split("\t") | join("\\t") | split("\n") | join("\\n") | split("\r") | join("\\r"))) | join("\t")
  else error("\(type) (\(tojson)) cannot be tsv-formatted, only an array can be") end;
"#;

/// The longest filter error message, in bytes (values quoted in it are cut).
pub const MAX_MESSAGE: usize = 500;
/// The stack of the thread that runs a filter.
const STACK: usize = 256 << 20;
/// Results waiting to be written (each one line).
const PENDING: usize = 64;
/// Runtime errors of streamed lines reported on stderr before the rest are only counted.
const MAX_REPORTED: u64 = 10;

/// A compiled `--jq` filter (shared by the threads that print: `Output` is cloned into them).
pub struct Jq {
    source: String,
    filter: Arc<Filter>,
    /// Runtime errors so far (streams go on after one; the exit code says so at the end).
    failures: AtomicU64,
}

impl std::fmt::Debug for Jq {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jq").field("source", &self.source).finish()
    }
}

/// What filtering one document gave: the lines to print went to the writer.
#[derive(Debug)]
pub enum Outcome {
    /// Every result was written.
    Done,
    /// The filter failed (message) after writing what it yielded before.
    Failed(String),
    /// The writer refused (closed pipe, I/O error): stop.
    WriteError(std::io::Error),
}

fn cut(mut s: String) -> String {
    if s.len() > MAX_MESSAGE {
        let mut end = MAX_MESSAGE;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    s
}

/// 1-based column of `part` (a slice of `code`) in `code`, by characters.
fn column(code: &str, part: &str) -> usize {
    let start = (part.as_ptr() as usize).saturating_sub(code.as_ptr() as usize).min(code.len());
    let start = (0..=start).rev().find(|i| code.is_char_boundary(*i)).unwrap_or(0);
    code[..start].chars().count() + 1
}

fn describe_found(found: &str) -> String {
    if found.is_empty() { "the end of the filter".to_string() } else { format!("{:?}", cut(found.to_string())) }
}

impl Jq {
    /// Parse and compile `source`; a bad filter is a usage error that names the problem and
    /// where it is.
    pub fn compile(source: &str) -> Result<Jq, Error> {
        let bad = |what: String| Error::usage(format!("--jq: {what}")).detail(format!("in the filter {:?}", cut(source.to_string())));
        let code = source;
        let extra = jaq_core::load::parse(EXTRA_DEFS, |p| p.defs()).unwrap_or_default();
        let defs = jaq_core::defs().chain(jaq_std::defs()).chain(jaq_json::defs()).chain(extra);
        let funs = jaq_core::funs().chain(jaq_std::funs()).chain(jaq_json::funs());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let modules = match loader.load(&arena, File { code, path: () }) {
            Ok(m) => m,
            Err(errs) => {
                let mut msgs = Vec::new();
                for (_, e) in errs {
                    match e {
                        jaq_core::load::Error::Io(v) => msgs.extend(v.into_iter().map(|(path, e)| format!("cannot import {path:?}: {e}"))),
                        jaq_core::load::Error::Lex(v) => msgs.extend(v.into_iter().map(|(expect, at)| {
                            use jaq_core::load::lex::Expect;
                            let what = match expect {
                                Expect::Digit => "a digit".to_string(),
                                Expect::Ident => "an identifier".to_string(),
                                Expect::Delim(open) => {
                                    let close = match open {
                                        "(" => ")",
                                        "[" => "]",
                                        "{" => "}",
                                        other => other,
                                    };
                                    format!("{close:?} to close {open:?}")
                                }
                                Expect::Escape => "a string escape sequence".to_string(),
                                Expect::Unicode => "a 4-digit hexadecimal code point".to_string(),
                                Expect::Token => "a token".to_string(),
                                _ => "something else".to_string(),
                            };
                            format!("expected {what} at column {}", column(code, at))
                        })),
                        jaq_core::load::Error::Parse(v) => msgs.extend(v.into_iter().map(|(expect, found)| {
                            format!("expected {} but found {} at column {}", expect.as_str(), describe_found(found), column(code, found))
                        })),
                    }
                }
                return Err(bad(msgs.first().cloned().unwrap_or_else(|| "the filter does not parse".to_string())));
            }
        };
        let filter = Compiler::default().with_funs(funs).compile(modules).map_err(|errs| {
            let msg = errs
                .into_iter()
                .flat_map(|(_, v)| v)
                .map(|(name, undefined)| match undefined {
                    compile::Undefined::Filter(arity) => format!("undefined filter {name}/{arity}"),
                    other => format!("undefined {} {name}", other.as_str()),
                })
                .next()
                .unwrap_or_else(|| "the filter does not compile".to_string());
            bad(msg)
        })?;
        Ok(Jq { source: source.to_string(), filter: Arc::new(filter), failures: AtomicU64::new(0) })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// How many documents the filter failed on.
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::Relaxed)
    }

    /// Record a runtime failure and say what to print about it: its message for the first
    /// few, then once that the rest are not shown, then nothing.
    pub fn record_failure(&self, msg: &str) -> Option<String> {
        match self.failures.fetch_add(1, Ordering::Relaxed) {
            n if n < MAX_REPORTED => Some(msg.to_string()),
            MAX_REPORTED => Some("more filter errors follow, not shown".to_string()),
            _ => None,
        }
    }

    /// Filter one JSON document (`input`, its text), handing each result line (without its
    /// newline) to `write`.
    pub fn run(&self, input: &[u8], write: &mut dyn FnMut(&[u8]) -> std::io::Result<()>) -> Outcome {
        let input = input.to_vec();
        let (tx, rx) = mpsc::sync_channel::<Result<Vec<u8>, String>>(PENDING);
        let filter = Arc::clone(&self.filter);
        overflow::install();
        let worker = std::thread::Builder::new().name("jq".into()).stack_size(STACK).spawn(move || {
            overflow::mark_this_thread();
            let value = match jaq_json::read::parse_single(&input) {
                Ok(v) => v,
                Err(e) => {
                    let _ = tx.send(Err(cut(format!("the output is not JSON: {e}"))));
                    return;
                }
            };
            let ctx = Ctx::<JustLut<Val>>::new(&filter.lut, Vars::new([]));
            for r in filter.id.run((ctx, value)) {
                let item = match jaq_core::unwrap_valr(r) {
                    Ok(v) => Ok(render(&v)),
                    Err(e) => Err(cut(e.to_string())),
                };
                let stop = item.is_err();
                if tx.send(item).is_err() || stop {
                    return;
                }
            }
        });
        if let Err(e) = worker {
            return Outcome::Failed(format!("cannot start the filter: {e}"));
        }
        // The worker is never joined: it ends when its results are taken or dropped (a send
        // to a dropped receiver fails), or with the process (a filter that runs forever).
        loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(Ok(line)) => {
                    if let Err(e) = write(&line) {
                        return Outcome::WriteError(e);
                    }
                }
                Ok(Err(msg)) => return Outcome::Failed(msg),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Outcome::Done,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if crate::signals::received().is_some() {
                        return Outcome::Failed("interrupted".to_string());
                    }
                }
            }
        }
    }
}

/// A filter that recurses without end (`def f: 1 + f; f`) exhausts even the worker's large
/// stack, and jaq has no depth limit. The runtime would abort the process (134) with a bare
/// "stack overflow"; instead, a fault on a filter thread ends awxm with a clear message and
/// exit 1, like any other filter error. Faults elsewhere go to the handler that was there
/// before (the runtime's), unchanged.
mod overflow {
    use std::cell::Cell;
    use std::sync::Once;
    use std::sync::atomic::{AtomicUsize, Ordering};

    thread_local! {
        static FILTER_THREAD: Cell<bool> = const { Cell::new(false) };
    }
    /// The previous SIGSEGV and SIGBUS actions (`sigaction` structs, leaked once).
    static PREVIOUS: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];
    static INSTALL: Once = Once::new();
    const MESSAGE: &[u8] = b"awxm: error: --jq: the filter recursed too deep (it ran out of stack)\n";

    pub fn mark_this_thread() {
        FILTER_THREAD.with(|f| f.set(true));
    }

    pub fn install() {
        INSTALL.call_once(|| {
            for (i, sig) in [libc::SIGSEGV, libc::SIGBUS].into_iter().enumerate() {
                // SAFETY: sigaction with a zeroed struct filled as the man page says; the old
                // action is kept (leaked, it lives as long as the process) for chaining.
                unsafe {
                    let mut new: libc::sigaction = std::mem::zeroed();
                    new.sa_sigaction = handler as *const () as usize;
                    new.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                    libc::sigemptyset(&mut new.sa_mask);
                    let old: &'static mut libc::sigaction = Box::leak(Box::new(std::mem::zeroed()));
                    if libc::sigaction(sig, &new, old) == 0 {
                        PREVIOUS[i].store(old as *mut libc::sigaction as usize, Ordering::SeqCst);
                    }
                }
            }
        });
    }

    extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        if FILTER_THREAD.with(|f| f.get()) {
            // SAFETY: write(2) and _exit(2) are async-signal-safe.
            unsafe {
                libc::write(2, MESSAGE.as_ptr().cast(), MESSAGE.len());
                libc::_exit(1);
            }
        }
        let slot = if sig == libc::SIGBUS { 1 } else { 0 };
        let prev = PREVIOUS[slot].load(Ordering::SeqCst) as *const libc::sigaction;
        // SAFETY: `prev` is the action saved by `install` (never freed). A handler is called the
        // way it was registered; a default or ignored action is restored and the fault repeats
        // when this handler returns, now with that action.
        unsafe {
            if prev.is_null() {
                libc::signal(sig, libc::SIG_DFL);
                return;
            }
            let a = (*prev).sa_sigaction;
            if a == libc::SIG_DFL || a == libc::SIG_IGN {
                libc::sigaction(sig, prev, std::ptr::null_mut());
            } else if (*prev).sa_flags & libc::SA_SIGINFO != 0 {
                let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) = std::mem::transmute(a);
                f(sig, info, ctx);
            } else {
                let f: extern "C" fn(libc::c_int) = std::mem::transmute(a);
                f(sig);
            }
        }
    }
}

/// One result as printed: a string raw, anything else as compact JSON.
fn render(v: &Val) -> Vec<u8> {
    match v {
        Val::TStr(b) | Val::BStr(b) => b.to_vec(),
        other => {
            let mut buf = Vec::new();
            if jaq_json::write::write(&mut buf, &jaq_json::write::Pp::default(), 0, other).is_err() {
                buf = other.to_string().into_bytes();
            }
            buf
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(filter: &str, input: &str) -> (Vec<String>, Outcome) {
        let jq = Jq::compile(filter).unwrap();
        let mut out = Vec::new();
        let outcome = jq.run(input.as_bytes(), &mut |l| {
            out.push(String::from_utf8_lossy(l).into_owned());
            Ok(())
        });
        (out, outcome)
    }

    #[test]
    fn strings_raw_other_values_compact() {
        let (out, o) = lines(".items[] | .name, .id, {n: .name}", r#"{"items":[{"name":"a b","id":1},{"name":"é\"","id":2}]}"#);
        assert!(matches!(o, Outcome::Done), "{o:?}");
        assert_eq!(out, ["a b", "1", r#"{"n":"a b"}"#, "é\"", "2", r#"{"n":"é\""}"#]);
        let (out, _) = lines("[.[] | . * 2]", "[1, 2.5, 123456789012345678901234567890]");
        assert_eq!(out.len(), 1);
        assert!(out[0].starts_with("[2,5"), "{out:?}");
    }

    #[test]
    fn csv_and_tsv_as_jq() {
        assert!(jaq_core::load::parse(EXTRA_DEFS, |p| p.defs()).is_some());
        let (out, o) = lines("@csv, @tsv", r#"[1, "a,\"b\"", null, true, "t\tn\nb\\"]"#);
        assert!(matches!(o, Outcome::Done), "{o:?}");
        assert_eq!(out, ["1,\"a,\"\"b\"\"\",,true,\"t\tn\nb\\\"", "1\ta,\"b\"\t\ttrue\tt\\tn\\nb\\\\"]);
        let (_, o) = lines("@csv", "[[1]]");
        assert!(matches!(o, Outcome::Failed(ref m) if m.contains("not valid in a csv row")), "{o:?}");
        let (_, o) = lines("@tsv", "{}");
        assert!(matches!(o, Outcome::Failed(ref m) if m.contains("only an array")), "{o:?}");
    }

    #[test]
    fn big_numbers_keep_their_digits() {
        let (out, _) = lines(".n", r#"{"n": 123456789012345678901234567890}"#);
        assert_eq!(out, ["123456789012345678901234567890"]);
    }

    #[test]
    fn bad_filters_are_usage_errors_that_say_why() {
        for (f, want) in [
            (".items[", "expected"),
            ("foo", "undefined filter foo/0"),
            ("$x", "undefined variable"),
            ("if . then 1", "else or end"),
            ("\"\\q\"", "escape"),
            ("", "expected"),
            ("import \"x\" as y; .", "cannot import"),
            ("(((", "expected"),
        ] {
            let e = Jq::compile(f).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{f}");
            assert!(e.message.starts_with("--jq: ") && e.message.contains(want), "{f}: {}", e.message);
        }
    }

    #[test]
    fn runtime_errors_are_reported_after_earlier_results() {
        let (out, o) = lines(".[] | ascii_downcase", r#"["A", 1]"#);
        assert_eq!(out, ["a"]);
        match o {
            Outcome::Failed(m) => assert!(m.contains("cannot use") || m.contains("number"), "{m}"),
            other => panic!("{other:?}"),
        }
        let big = format!("[\"{}\"]", "x".repeat(100_000));
        let (_, o) = lines(".[0] | .foo", &big);
        match o {
            Outcome::Failed(m) => assert!(m.len() <= MAX_MESSAGE + 4, "{}", m.len()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn endless_output_stops_when_the_reader_goes() {
        let jq = Jq::compile("repeat(1)").unwrap();
        let mut n = 0;
        let o = jq.run(b"null", &mut |_| {
            n += 1;
            if n == 1000 { Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe)) } else { Ok(()) }
        });
        assert!(matches!(o, Outcome::WriteError(_)), "{o:?}");
        assert_eq!(n, 1000);
    }

    #[test]
    fn deep_recursion_works() {
        let (out, o) = lines("def f: if . == 0 then 0 else (. - 1 | f) + 1 end; f", "2000");
        assert!(matches!(o, Outcome::Done), "{o:?}");
        assert_eq!(out, ["2000"]);
    }
}
