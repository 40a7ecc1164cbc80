//! Ingesting a job's events and stdout from byte streams (AWX §7.8), used for local runs (the
//! events file is tailed while ansible runs) and for any other source of the same files (a
//! remote node's artifacts copied back, a replay).
//!
//! Events are JSON lines written by the `awxm_display` callback plugin. [`EventIngester::feed`]
//! takes bytes in any chunking, parses complete lines (borrowing, with `event_data` kept as raw
//! JSON text — never re-serialised), redacts, and buffers rows; [`EventIngester::flush`] inserts
//! them in multi-row `INSERT … ON CONFLICT (job_id, counter) DO NOTHING` statements, so feeding
//! the same bytes twice stores nothing twice. The consumed byte offset is kept, so a caller can
//! resume tailing a file where it stopped. [`EventIngester::finish`] turns the `playbook_on_stats`
//! event into job host summaries, updates the hosts, and flags parents of changed/failed events.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::redact::{Redactor, StreamRedactor};
use crate::db::{Tx, Value};
use crate::error::{Error, Result};

/// Rows per bulk insert call (on PostgreSQL each call is a few round trips and two plans: the
/// fewer, the better; ~5 MB of event text at most).
const CHUNK: usize = 5000;
/// AWX truncates these fields to 1024 characters.
const MAX_NAME: usize = 1024;

#[derive(Deserialize)]
struct Line<'a> {
    #[serde(borrow)]
    event: Cow<'a, str>,
    counter: i64,
    #[serde(default, borrow)]
    uuid: Cow<'a, str>,
    #[serde(default, borrow)]
    parent_uuid: Cow<'a, str>,
    #[serde(default, borrow)]
    stdout: Cow<'a, str>,
    #[serde(default)]
    start_line: i64,
    #[serde(default)]
    end_line: i64,
    #[serde(default, borrow)]
    created: Cow<'a, str>,
    #[serde(default)]
    verbosity: i64,
    #[serde(default, borrow)]
    host: Cow<'a, str>,
    #[serde(default, borrow)]
    task: Cow<'a, str>,
    #[serde(default, borrow)]
    play: Cow<'a, str>,
    #[serde(default, borrow)]
    role: Cow<'a, str>,
    #[serde(default, borrow)]
    playbook: Cow<'a, str>,
    #[serde(default)]
    failed: bool,
    #[serde(default)]
    changed: bool,
    #[serde(borrow)]
    event_data: Option<&'a RawValue>,
}

/// The events that are parents of others (playbook, play, task): the ones whose `changed` and
/// `failed` follow their descendants'.
const ANCESTOR_EVENTS: [&str; 3] = ["playbook_on_start", "playbook_on_play_start", "playbook_on_task_start"];
/// [`ANCESTOR_EVENTS`] as SQL, written exactly as the predicate of the partial index
/// `job_event_uuid` (migration 1052): a query uses that index only when it says the same.
const ANCESTOR_EVENTS_SQL: &str = "event IN ('playbook_on_start', 'playbook_on_play_start', 'playbook_on_task_start')";

/// One event ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub counter: i64,
    pub uuid: String,
    pub parent_uuid: String,
    pub event: String,
    pub event_data: String,
    pub failed: bool,
    pub changed: bool,
    pub host_name: String,
    pub playbook: String,
    pub play: String,
    pub role: String,
    pub task: String,
    pub stdout: String,
    pub verbosity: i64,
    pub start_line: i64,
    pub end_line: i64,
    pub created: String,
}

/// The `playbook_on_stats` counters, host → count.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct Stats {
    #[serde(default)]
    pub changed: HashMap<String, i64>,
    #[serde(default)]
    pub dark: HashMap<String, i64>,
    #[serde(default)]
    pub failures: HashMap<String, i64>,
    #[serde(default)]
    pub ignored: HashMap<String, i64>,
    #[serde(default)]
    pub ok: HashMap<String, i64>,
    #[serde(default)]
    pub processed: HashMap<String, i64>,
    #[serde(default)]
    pub rescued: HashMap<String, i64>,
    #[serde(default)]
    pub skipped: HashMap<String, i64>,
    #[serde(default)]
    pub artifact_data: serde_json::Value,
}

/// AWX's per-host summary counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct HostCounts {
    pub ok: i64,
    pub changed: i64,
    pub failures: i64,
    pub dark: i64,
    pub skipped: i64,
    pub rescued: i64,
    pub ignored: i64,
}

impl Stats {
    pub fn hosts(&self) -> Vec<String> {
        let mut h: Vec<String> = self
            .processed
            .keys()
            .chain(self.ok.keys())
            .chain(self.failures.keys())
            .chain(self.dark.keys())
            .chain(self.skipped.keys())
            .cloned()
            .collect();
        h.sort();
        h.dedup();
        h
    }

    pub fn counts(&self, host: &str) -> HostCounts {
        let g = |m: &HashMap<String, i64>| m.get(host).copied().unwrap_or(0);
        HostCounts {
            ok: g(&self.ok),
            changed: g(&self.changed),
            failures: g(&self.failures),
            dark: g(&self.dark),
            skipped: g(&self.skipped),
            rescued: g(&self.rescued),
            ignored: g(&self.ignored),
        }
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Parses, redacts, buffers and stores a job's events.
pub struct EventIngester {
    job_id: i64,
    host_ids: HashMap<String, i64>,
    redactor: Redactor,
    partial: Vec<u8>,
    pending: Vec<EventRow>,
    /// Bytes of the stream consumed so far (complete lines only).
    pub offset: u64,
    /// Events parsed (stored or pending).
    pub parsed: u64,
    /// Highest counter seen.
    pub max_counter: i64,
    /// Lines that were not valid events (skipped).
    pub bad_lines: u64,
    pub stats: Option<Stats>,
    /// Playbook/play/task events: uuid → parent uuid (to flag ancestors).
    ancestors: HashMap<String, String>,
    flag_changed: std::collections::HashSet<String>,
    flag_failed: std::collections::HashSet<String>,
    /// Feeding started at a non-zero offset: earlier events are not in memory.
    resumed: bool,
    scratch: Vec<u8>,
}

/// The key the awxm_display plugin writes last; see [`EventIngester::line`].
const EVENT_DATA_KEY: &[u8] = b",\"event_data\":";

const COLUMNS: &[&str] = &[
    "job_id",
    "counter",
    "uuid",
    "parent_uuid",
    "event",
    "event_data",
    "failed",
    "changed",
    "host_id",
    "host_name",
    "playbook",
    "play",
    "role",
    "task",
    "stdout",
    "verbosity",
    "start_line",
    "end_line",
    "created",
    "modified",
];

impl EventIngester {
    pub fn new(job_id: i64, host_ids: HashMap<String, i64>, redactor: Redactor) -> EventIngester {
        EventIngester {
            job_id,
            host_ids,
            redactor,
            partial: Vec::new(),
            pending: Vec::new(),
            offset: 0,
            parsed: 0,
            max_counter: 0,
            bad_lines: 0,
            stats: None,
            ancestors: HashMap::new(),
            flag_changed: Default::default(),
            flag_failed: Default::default(),
            resumed: false,
            scratch: Vec::new(),
        }
    }

    /// Events waiting for [`flush`](Self::flush).
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Feed bytes of the events stream (any chunking).
    pub fn feed(&mut self, bytes: &[u8]) {
        if self.offset > 0 && self.parsed == 0 && self.bad_lines == 0 && self.partial.is_empty() {
            self.resumed = true;
        }
        let mut rest = bytes;
        if !self.partial.is_empty() {
            match memchr::memchr(b'\n', rest) {
                None => {
                    self.partial.extend_from_slice(rest);
                    return;
                }
                Some(i) => {
                    let mut line = std::mem::take(&mut self.partial);
                    line.extend_from_slice(&rest[..i]);
                    self.line(&line);
                    self.offset += line.len() as u64 + 1;
                    rest = &rest[i + 1..];
                }
            }
        }
        while let Some(i) = memchr::memchr(b'\n', rest) {
            self.line(&rest[..i]);
            self.offset += i as u64 + 1;
            rest = &rest[i + 1..];
        }
        self.partial.extend_from_slice(rest);
    }

    /// Parse one event line. Fast path for the awxm_display plugin's lines, whose last key is
    /// `event_data` and whose other values are scalars: the first `,"event_data":` outside a
    /// string is that key (an unescaped quote cannot occur inside a JSON string), so only the
    /// small prefix is parsed and the event data is stored as the raw text it is (UTF-8
    /// checked, not re-parsed). Any other shape goes through the full parse.
    fn line(&mut self, line: &[u8]) {
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let line = line.trim_ascii();
        let mut fast: Option<&str> = None;
        if line.last() == Some(&b'}')
            && let Some(pos) = memchr::memmem::find(line, EVENT_DATA_KEY)
        {
            let body = line[pos + EVENT_DATA_KEY.len()..line.len() - 1].trim_ascii();
            if body.first() == Some(&b'{')
                && body.last() == Some(&b'}')
                && let Ok(text) = std::str::from_utf8(body)
            {
                self.scratch.clear();
                self.scratch.extend_from_slice(&line[..pos]);
                self.scratch.push(b'}');
                fast = Some(text);
            }
        }
        let scratch = std::mem::take(&mut self.scratch);
        let parsed: std::result::Result<Line<'_>, _> =
            if fast.is_some() { serde_json::from_slice(&scratch) } else { serde_json::from_slice(line) };
        let (parsed, data) = match parsed {
            Ok(l) if l.event_data.is_none() && fast.is_some() => (l, fast.unwrap_or("{}")),
            Ok(l) => {
                let d = l.event_data.map(RawValue::get).unwrap_or("{}");
                (l, d)
            }
            Err(_) if fast.is_some() => match serde_json::from_slice::<Line<'_>>(line) {
                Ok(l) => {
                    let d = l.event_data.map(RawValue::get).unwrap_or("{}");
                    (l, d)
                }
                Err(e) => {
                    self.bad_line(&e);
                    self.scratch = scratch;
                    return;
                }
            },
            Err(e) => {
                self.bad_line(&e);
                self.scratch = scratch;
                return;
            }
        };
        self.record(parsed, data);
        self.scratch = scratch;
    }

    fn bad_line(&mut self, e: &serde_json::Error) {
        self.bad_lines += 1;
        tracing::warn!("job {}: skipping an event line that is not valid JSON: {e}", self.job_id);
    }

    fn record(&mut self, parsed: Line<'_>, data: &str) {
        if parsed.event == "playbook_on_stats" {
            match serde_json::from_str::<Stats>(data) {
                Ok(s) => self.stats = Some(s),
                Err(e) => tracing::warn!("job {}: unreadable stats event: {e}", self.job_id),
            }
        }
        if ANCESTOR_EVENTS.contains(&&*parsed.event) && !parsed.uuid.is_empty() {
            self.ancestors.insert(parsed.uuid.to_string(), parsed.parent_uuid.to_string());
        }
        for (flag, set) in [(parsed.changed, &mut self.flag_changed), (parsed.failed, &mut self.flag_failed)] {
            if !flag {
                continue;
            }
            let mut p: &str = &parsed.parent_uuid;
            while !p.is_empty() && !set.contains(p) {
                set.insert(p.to_string());
                p = self.ancestors.get(p).map(String::as_str).unwrap_or("");
            }
        }
        let r = &self.redactor;
        let created = if parsed.created.is_empty() { crate::time::now_str() } else { parsed.created.into_owned() };
        self.max_counter = self.max_counter.max(parsed.counter);
        self.parsed += 1;
        self.pending.push(EventRow {
            counter: parsed.counter,
            uuid: parsed.uuid.into_owned(),
            parent_uuid: parsed.parent_uuid.into_owned(),
            event: parsed.event.into_owned(),
            event_data: r.redact(data).into_owned(),
            failed: parsed.failed,
            changed: parsed.changed,
            host_name: truncate(&parsed.host, MAX_NAME).to_string(),
            playbook: r.redact(truncate(&parsed.playbook, MAX_NAME)).into_owned(),
            play: r.redact(truncate(&parsed.play, MAX_NAME)).into_owned(),
            role: truncate(&parsed.role, MAX_NAME).to_string(),
            task: r.redact(truncate(&parsed.task, MAX_NAME)).into_owned(),
            stdout: r.redact(&parsed.stdout).into_owned(),
            verbosity: parsed.verbosity,
            start_line: parsed.start_line,
            end_line: parsed.end_line,
            created,
        });
    }

    /// Store the buffered events. Returns how many rows were inserted (events already stored
    /// are skipped).
    pub fn flush(&mut self, tx: &mut Tx<'_>) -> Result<u64> {
        let rows = self.take_pending();
        store(tx, self.job_id, &self.host_ids, rows)
    }

    /// Take the buffered rows, to [`store`] them elsewhere (another thread).
    pub fn take_pending(&mut self) -> Vec<EventRow> {
        std::mem::take(&mut self.pending)
    }

    /// After the last event: job host summaries from the stats event (AWX's rules), hosts'
    /// last job and failure flags, parents of changed/failed events flagged. Idempotent.
    pub fn finish(&mut self, tx: &mut Tx<'_>) -> Result<HashMap<String, HostCounts>> {
        self.flush(tx)?;
        // Ancestors of changed/failed events become changed/failed (AWX), known from the
        // stream; when feeding resumed mid-stream, ask the database instead.
        for (col, set) in [("changed", &self.flag_changed), ("failed", &self.flag_failed)] {
            if self.resumed {
                for _ in 0..6 {
                    let n = tx.execute(
                        &format!(
                            "UPDATE job_event SET {col} = TRUE WHERE job_id = $1 AND {ANCESTOR_EVENTS_SQL} AND NOT {col} AND uuid <> '' AND uuid IN
                               (SELECT parent_uuid FROM job_event WHERE job_id = $1 AND {col} AND parent_uuid <> '')"
                        ),
                        crate::params![self.job_id],
                    )?;
                    if n == 0 {
                        break;
                    }
                }
            } else {
                let sql =
                    format!("UPDATE job_event SET {col} = TRUE WHERE job_id = $1 AND {ANCESTOR_EVENTS_SQL} AND uuid = $2 AND NOT {col}");
                for uuid in set {
                    tx.execute(&sql, crate::params![self.job_id, uuid.as_str()])?;
                }
            }
        }
        let mut out = HashMap::new();
        let Some(stats) = self.stats.clone() else { return Ok(out) };
        let now = crate::time::now_str();
        let mut inventories = std::collections::BTreeSet::new();
        for host in stats.hosts() {
            let c = stats.counts(&host);
            let processed = stats.processed.get(&host).copied().unwrap_or(0);
            let failed = c.dark > 0 || c.failures > 0;
            let host_id = self.host_ids.get(&host).copied();
            let sid: i64 = tx.insert(
                "INSERT INTO job_host_summary (job_id, host_id, host_name, changed, dark, failures, ignored, ok, processed, rescued, skipped, failed, created, modified)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
                 ON CONFLICT (job_id, host_name) DO UPDATE SET changed = excluded.changed, dark = excluded.dark, failures = excluded.failures,
                   ignored = excluded.ignored, ok = excluded.ok, processed = excluded.processed, rescued = excluded.rescued,
                   skipped = excluded.skipped, failed = excluded.failed, modified = excluded.modified
                 RETURNING id",
                crate::params![self.job_id, host_id, host.as_str(), c.changed, c.dark, c.failures, c.ignored, c.ok, processed, c.rescued, c.skipped, failed, now.as_str()],
            )?;
            if let Some(hid) = host_id {
                tx.execute(
                    "UPDATE host SET last_job_id = $1, last_job_host_summary_id = $2, has_active_failures = $3, modified = $4 WHERE id = $5",
                    crate::params![self.job_id, sid, failed, now.as_str(), hid],
                )?;
                if let Some(inv) = tx.scalar_opt::<i64>("SELECT inventory_id FROM host WHERE id = $1", crate::params![hid])? {
                    inventories.insert(inv);
                }
                // And the smart inventories it is a member of (their failing-host counts).
                for r in tx.query("SELECT inventory_id FROM smart_inventory_membership WHERE host_id = $1", crate::params![hid])? {
                    inventories.insert(r.col("inventory_id")?);
                }
            }
            out.insert(host, c);
        }
        for inv in inventories {
            crate::inventory::counts::refresh(tx, inv)?;
        }
        Ok(out)
    }
}

/// Store event rows of job `job_id`; rows already stored (same counter) are skipped.
pub fn store(tx: &mut Tx<'_>, job_id: i64, host_ids: &HashMap<String, i64>, rows: Vec<EventRow>) -> Result<u64> {
    if rows.is_empty() {
        return Ok(0);
    }
    let now = crate::time::now_str();
    let mut inserted = 0;
    let mut params: Vec<Value> = Vec::with_capacity(CHUNK.min(rows.len()) * COLUMNS.len());
    let mut it = rows.into_iter().peekable();
    while it.peek().is_some() {
        params.clear();
        for e in it.by_ref().take(CHUNK) {
            let host_id = host_ids.get(&e.host_name).copied();
            params.extend([
                Value::Int(job_id),
                Value::Int(e.counter),
                Value::Text(e.uuid),
                Value::Text(e.parent_uuid),
                Value::Text(e.event),
                Value::Text(e.event_data),
                Value::Bool(e.failed),
                Value::Bool(e.changed),
                host_id.map_or(Value::Null, Value::Int),
                Value::Text(e.host_name),
                Value::Text(e.playbook),
                Value::Text(e.play),
                Value::Text(e.role),
                Value::Text(e.task),
                Value::Text(e.stdout),
                Value::Int(e.verbosity),
                Value::Int(e.start_line),
                Value::Int(e.end_line),
                Value::Text(e.created),
                Value::Text(now.clone()),
            ]);
        }
        inserted += tx.insert_many_ignore("job_event", COLUMNS, &["job_id", "counter"], &params)?;
    }
    Ok(inserted)
}

/// Ingest a whole events file from `offset` (a replay, or artifacts copied back from a node):
/// one thread reads and parses while this one stores, so the two overlap. With `complete`, a
/// last line without its newline is taken too (the file is finished). Returns rows inserted.
pub fn ingest_file(tx: &mut Tx<'_>, ing: &mut EventIngester, path: &Path, offset: &mut u64, complete: bool) -> Result<u64> {
    const BATCH: usize = CHUNK;
    let (job_id, host_ids) = (ing.job_id, ing.host_ids.clone());
    let (send, recv) = std::sync::mpsc::sync_channel::<Vec<EventRow>>(4);
    std::thread::scope(|s| {
        let reader = s.spawn(move || -> Result<u64> {
            let read = tail_file(path, offset, |b| {
                ing.feed(b);
                if ing.pending() >= BATCH {
                    let _ = send.send(ing.take_pending());
                }
            })?;
            if complete {
                ing.feed(b"\n");
            }
            let rest = ing.take_pending();
            if !rest.is_empty() {
                let _ = send.send(rest);
            }
            Ok(read)
        });
        let mut inserted = 0;
        let mut err = None;
        for rows in recv {
            if err.is_none() {
                match store(tx, job_id, &host_ids, rows) {
                    Ok(n) => inserted += n,
                    Err(e) => err = Some(e),
                }
            }
        }
        reader.join().map_err(|_| Error::internal("the event reader thread panicked"))??;
        match err {
            Some(e) => Err(e),
            None => Ok(inserted),
        }
    })
}

/// Read a file from `offset` to its current end, feeding `f`; advances `offset`. A missing
/// file reads as empty (it may not have been created yet).
pub fn tail_file(path: &Path, offset: &mut u64, mut f: impl FnMut(&[u8])) -> Result<u64> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(Error::io_at(path, &e)),
    };
    let len = file.metadata().map_err(|e| Error::io_at(path, &e))?.len();
    if len <= *offset {
        return Ok(0);
    }
    file.seek(SeekFrom::Start(*offset)).map_err(|e| Error::io_at(path, &e))?;
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    let mut remaining = len - *offset;
    while remaining > 0 {
        let want = buf.len().min(remaining as usize);
        let n = file.read(&mut buf[..want]).map_err(|e| Error::io_at(path, &e))?;
        if n == 0 {
            break;
        }
        f(&buf[..n]);
        total += n as u64;
        remaining -= n as u64;
    }
    *offset += total;
    Ok(total)
}

/// A job's stdout: redacted as it streams in, kept whole for the job record, with the byte
/// offset of the raw stream consumed.
pub struct StdoutCapture {
    redactor: StreamRedactor,
    text: Vec<u8>,
    pub offset: u64,
}

impl StdoutCapture {
    pub fn new(r: Redactor) -> StdoutCapture {
        StdoutCapture { redactor: StreamRedactor::new(r), text: Vec::new(), offset: 0 }
    }

    /// Feed raw bytes; returns the redacted bytes safe to show now.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.offset += bytes.len() as u64;
        let safe = self.redactor.push(bytes);
        self.text.extend_from_slice(&safe);
        safe
    }

    /// Release what is held back (stream idle or ended).
    pub fn flush(&mut self) -> Vec<u8> {
        let safe = self.redactor.flush();
        self.text.extend_from_slice(&safe);
        safe
    }

    /// Bytes held back waiting to see whether they start a secret.
    pub fn held(&self) -> usize {
        self.redactor.pending()
    }

    /// The whole (redacted) output so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(counter: i64, event: &str, stdout: &str) -> String {
        serde_json::json!({"event": event, "counter": counter, "uuid": format!("u{counter}"), "parent_uuid": "", "stdout": stdout,
            "start_line": counter, "end_line": counter + 1, "created": "2026-01-01T00:00:00.000000Z", "host": "h1", "task": "t",
            "failed": false, "changed": false, "event_data": {"res": {"msg": stdout}}})
        .to_string()
    }

    #[test]
    fn lines_split_anywhere_parse_the_same() {
        let text = format!("{}\n{}\n{}\n", line(1, "a", "x"), line(2, "b", "sec-ret-1"), line(3, "playbook_on_stats", ""));
        for split in [1, 10, 57, text.len() - 1] {
            let mut ing = EventIngester::new(1, HashMap::new(), Redactor::new(["sec-ret-1"]));
            ing.feed(&text.as_bytes()[..split]);
            ing.feed(&text.as_bytes()[split..]);
            assert_eq!(ing.parsed, 3);
            assert_eq!(ing.offset as usize, text.len());
            assert_eq!(ing.pending[1].stdout, "$encrypted$");
            assert!(!ing.pending[1].event_data.contains("sec-ret-1"));
            assert!(ing.stats.is_some());
        }
    }

    #[test]
    fn partial_line_is_not_consumed() {
        let mut ing = EventIngester::new(1, HashMap::new(), Redactor::default());
        let l = line(1, "a", "x");
        ing.feed(l.as_bytes());
        assert_eq!((ing.parsed, ing.offset), (0, 0));
        ing.feed(b"\nnot json\n");
        assert_eq!((ing.parsed, ing.bad_lines), (1, 1));
    }

    #[test]
    fn stats_counts() {
        let s: Stats = serde_json::from_str(r#"{"ok": {"a": 2}, "dark": {"b": 1}, "processed": {"a": 1, "b": 1}}"#).unwrap();
        assert_eq!(s.hosts(), vec!["a", "b"]);
        assert_eq!(s.counts("b").dark, 1);
        assert_eq!(s.counts("a").ok, 2);
    }
}
