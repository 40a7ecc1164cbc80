//! CSV output in the shape AWX's collectors produce with PostgreSQL's
//! `COPY (...) TO STDOUT WITH CSV HEADER`: comma separated, a header row, RFC 4180 quoting,
//! NULL as an empty field and the empty string as `""`, booleans as `t`/`f`, timestamps in
//! PostgreSQL's text form (`2026-01-02 03:04:05.5+00`), arrays as `{1,2}`.
//!
//! [`Splitter`] streams rows into `<name>_split<N>` parts in a staging directory and starts a
//! new part (header repeated) before a row would take the current part past the size limit, so
//! no part exceeds it unless one row alone does. An empty dump leaves no file; a single part is
//! renamed to the plain name (AWX's `FileSplitter`, with a hard upper bound instead of "split
//! after passing the limit").

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::db::Value;
use crate::error::{Error, Result};

/// How a column is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Int,
    Bool,
    Text,
    /// A timestamp in storage form, written in PostgreSQL's text form.
    Time,
    /// A number of seconds with three decimals (AWX's `elapsed` is `numeric(12,3)`).
    Elapsed,
    /// A JSON document stored as text, written as it is.
    Json,
}

/// One finished part file.
#[derive(Debug, Clone)]
pub struct Part {
    pub path: PathBuf,
    pub rows: u64,
    pub bytes: u64,
}

pub struct Splitter {
    dir: PathBuf,
    name: String,
    max: u64,
    header: String,
    parts: Vec<Part>,
    cur: Option<std::io::BufWriter<fs_err::File>>,
    cur_size: u64,
    cur_rows: u64,
    row: String,
    fields: usize,
}

impl Splitter {
    /// Rows go to `dir/<name>_split<N>`; `max` is the part size limit in bytes.
    pub fn new(dir: &Path, name: &str, columns: &[&str], max: u64) -> Splitter {
        let mut header = columns.join(",");
        header.push('\n');
        Splitter {
            dir: dir.to_path_buf(),
            name: name.to_string(),
            max: max.max(1),
            header,
            parts: Vec::new(),
            cur: None,
            cur_size: 0,
            cur_rows: 0,
            row: String::with_capacity(4096),
            fields: 0,
        }
    }

    fn sep(&mut self) {
        if self.fields > 0 {
            self.row.push(',');
        }
        self.fields += 1;
    }

    pub fn null(&mut self) {
        self.sep();
    }

    /// A text field, quoted when needed (always when empty, so it differs from NULL).
    pub fn text(&mut self, s: &str) {
        self.sep();
        push_quoted(&mut self.row, s);
    }

    /// A field that never needs quoting (numbers, `t`/`f`).
    pub fn bare(&mut self, s: &str) {
        self.sep();
        self.row.push_str(s);
    }

    pub fn int(&mut self, i: i64) {
        self.sep();
        push_int(&mut self.row, i);
    }

    pub fn opt_int(&mut self, i: Option<i64>) {
        match i {
            Some(i) => self.int(i),
            None => self.null(),
        }
    }

    pub fn bool(&mut self, b: bool) {
        self.bare(if b { "t" } else { "f" });
    }

    /// A timestamp given in any form `time::parse` reads (or storage form), as PostgreSQL text.
    pub fn time(&mut self, s: &str) {
        self.sep();
        push_pg_time(&mut self.row, s);
    }

    /// A column value written as `col` says.
    pub fn value(&mut self, v: &Value, col: Col) {
        match (v, col) {
            (Value::Null, _) => self.null(),
            (Value::Int(i), Col::Bool) => self.bool(*i != 0),
            (Value::Bool(b), Col::Bool) => self.bool(*b),
            (Value::Int(i), Col::Int) => self.int(*i),
            (Value::Float(f), Col::Int) => self.int(*f as i64),
            (Value::Int(i), Col::Elapsed) => self.bare(&format!("{i}.000")),
            (Value::Float(f), Col::Elapsed) => self.bare(&format!("{f:.3}")),
            (Value::Text(s), Col::Time) => self.time(s),
            (Value::Text(s), _) => self.text(s),
            (Value::Int(i), _) => self.int(*i),
            (Value::Float(f), _) => self.bare(&f.to_string()),
            (Value::Bool(b), _) => self.bool(*b),
            (Value::Blob(b), _) => self.text(&String::from_utf8_lossy(b)),
        }
    }

    /// An array of ids in PostgreSQL's text form (`{3,5}`), or NULL when empty (what
    /// `ARRAY_AGG` over a LEFT JOIN without matches gives).
    pub fn id_array(&mut self, ids: &[i64]) {
        if ids.is_empty() {
            return self.null();
        }
        self.sep();
        let quote = ids.len() > 1; // "{3,5}" holds a comma
        if quote {
            self.row.push('"');
        }
        self.row.push('{');
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.row.push(',');
            }
            push_int(&mut self.row, *id);
        }
        self.row.push('}');
        if quote {
            self.row.push('"');
        }
    }

    /// Finish the current row and write it, starting a new part first when the row would take
    /// the current one past the limit.
    pub fn end_row(&mut self) -> Result<()> {
        self.row.push('\n');
        let len = self.row.len() as u64;
        if self.cur.is_some() && self.cur_rows > 0 && self.cur_size + len > self.max {
            self.close_part()?;
        }
        if self.cur.is_none() {
            self.open_part()?;
        }
        let n = self.parts.len();
        let w = self.cur.as_mut().ok_or_else(|| Error::internal("CSV part not open"))?;
        if let Err(e) = w.write_all(self.row.as_bytes()) {
            return Err(Error::io_at(self.part_path(n), &e));
        }
        self.cur_size += len;
        self.cur_rows += 1;
        self.row.clear();
        self.fields = 0;
        Ok(())
    }

    fn part_path(&self, n: usize) -> PathBuf {
        self.dir.join(format!("{}_split{n}", self.name))
    }

    fn open_part(&mut self) -> Result<()> {
        let path = self.part_path(self.parts.len());
        let f = fs_err::File::create(&path)?;
        let mut w = std::io::BufWriter::with_capacity(256 * 1024, f);
        w.write_all(self.header.as_bytes()).map_err(|e| Error::io_at(&path, &e))?;
        self.cur = Some(w);
        self.cur_size = self.header.len() as u64;
        self.cur_rows = 0;
        Ok(())
    }

    fn close_part(&mut self) -> Result<()> {
        if let Some(w) = self.cur.take() {
            let path = self.part_path(self.parts.len());
            w.into_inner().map_err(|e| Error::io_at(&path, e.error()))?;
            self.parts.push(Part { path, rows: self.cur_rows, bytes: self.cur_size });
        }
        Ok(())
    }

    /// Close the last part; a single part gets the plain name. No rows: no files.
    pub fn finish(mut self) -> Result<Vec<Part>> {
        self.close_part()?;
        if self.parts.len() == 1 {
            let plain = self.dir.join(&self.name);
            fs_err::rename(&self.parts[0].path, &plain)?;
            self.parts[0].path = plain;
        }
        Ok(self.parts)
    }

    /// Rows written so far (all parts).
    pub fn rows(&self) -> u64 {
        self.parts.iter().map(|p| p.rows).sum::<u64>() + self.cur_rows
    }
}

fn push_int(buf: &mut String, i: i64) {
    use std::fmt::Write as _;
    let _ = write!(buf, "{i}");
}

fn push_quoted(buf: &mut String, s: &str) {
    let needs = s.is_empty() || s == "\\." || s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if !needs {
        buf.push_str(s);
        return;
    }
    buf.push('"');
    for c in s.chars() {
        if c == '"' {
            buf.push('"');
        }
        buf.push(c);
    }
    buf.push('"');
}

/// PostgreSQL's text form of a `timestamptz` in UTC: `YYYY-MM-DD HH:MM:SS[.ffffff]+00`, the
/// fraction without trailing zeros. Text that is not a timestamp is written as text.
pub fn push_pg_time(buf: &mut String, s: &str) {
    // Fast path (once per event for start and end): `YYYY-MM-DD[T ]HH:MM:SS[.f+][Z|+00:00]`,
    // which covers the storage form and what Ansible's callback writes.
    if let Some((date, clock, frac)) = split_utc(s) {
        buf.push_str(date);
        buf.push(' ');
        buf.push_str(clock);
        let frac = frac.get(..6).unwrap_or(frac).trim_end_matches('0');
        if !frac.is_empty() {
            buf.push('.');
            buf.push_str(frac);
        }
        buf.push_str("+00");
        return;
    }
    match crate::time::parse(s) {
        Some(t) => push_pg_time(buf, &crate::time::fmt(&t)),
        None => push_quoted(buf, s),
    }
}

/// Whether `s` reads as a time (what PostgreSQL's cast would accept, roughly).
pub fn is_time(s: &str) -> bool {
    split_utc(s).is_some() || crate::time::parse(s).is_some()
}

/// Split a UTC time without parsing it into (date, time of day, fraction digits).
fn split_utc(s: &str) -> Option<(&str, &str, &str)> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shape = digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (b[10] == b'T' || b[10] == b' ')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return None;
    }
    let mut rest = &s[19..];
    let mut frac = "";
    if let Some(r) = rest.strip_prefix('.') {
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        frac = &r[..n];
        rest = &r[n..];
    }
    if matches!(rest, "" | "Z" | "z" | "+00:00" | "+00" | "+0000") { Some((&s[..10], &s[11..19], frac)) } else { None }
}

/// Python's `str(datetime)` of an aware UTC time (`2026-01-02 03:04:05.123456+00:00`, the
/// fraction only when non-zero), as AWX's query_info shows it.
pub fn python_str(t: &crate::time::Timestamp) -> String {
    use chrono::Timelike;
    if t.nanosecond() / 1000 == 0 {
        t.format("%Y-%m-%d %H:%M:%S+00:00").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S%.6f+00:00").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(f: impl FnOnce(&mut Splitter)) -> String {
        let dir = std::env::temp_dir();
        let mut s = Splitter::new(&dir, "x", &["a"], 1000);
        f(&mut s);
        s.row.clone()
    }

    #[test]
    fn quoting_follows_postgres_csv() {
        assert_eq!(row(|s| s.text("plain")), "plain");
        assert_eq!(row(|s| s.text("")), "\"\"");
        assert_eq!(row(|s| s.null()), "");
        assert_eq!(row(|s| s.text("a,b")), "\"a,b\"");
        assert_eq!(row(|s| s.text("say \"hi\"\n")), "\"say \"\"hi\"\"\n\"");
        assert_eq!(
            row(|s| {
                s.int(1);
                s.null();
                s.bool(true);
                s.value(&Value::Int(0), Col::Bool);
                s.value(&Value::Float(1.5), Col::Elapsed)
            }),
            "1,,t,f,1.500"
        );
        assert_eq!(row(|s| s.id_array(&[3, 5])), "\"{3,5}\"");
        assert_eq!(row(|s| s.id_array(&[3])), "{3}");
        assert_eq!(row(|s| s.id_array(&[])), "");
    }

    #[test]
    fn times_in_postgres_text_form() {
        let mut b = String::new();
        push_pg_time(&mut b, "2026-01-02T03:04:05.120000Z");
        assert_eq!(b, "2026-01-02 03:04:05.12+00");
        b.clear();
        push_pg_time(&mut b, "2026-01-02T03:04:05.000000Z");
        assert_eq!(b, "2026-01-02 03:04:05+00");
        b.clear();
        push_pg_time(&mut b, "2026-01-02T04:04:05.5+01:00");
        assert_eq!(b, "2026-01-02 03:04:05.5+00");
        b.clear();
        push_pg_time(&mut b, "2026-01-02T04:04:05.1234567");
        assert_eq!(b, "2026-01-02 04:04:05.123456+00");
        b.clear();
        push_pg_time(&mut b, "2026-01-02 04:04:05");
        assert_eq!(b, "2026-01-02 04:04:05+00");
        b.clear();
        push_pg_time(&mut b, "yesterday");
        assert_eq!(b, "yesterday");
        let t = crate::time::parse("2026-01-02T03:04:05Z").unwrap();
        assert_eq!(python_str(&t), "2026-01-02 03:04:05+00:00");
    }

    #[test]
    fn splits_before_the_limit_and_repeats_the_header() {
        let dir = tempfile::tempdir().unwrap();
        // header "id\n" = 3 bytes; each row "NN\n" = 3 bytes; limit 9 → 2 rows per part.
        let mut s = Splitter::new(dir.path(), "t.csv", &["id"], 9);
        for i in 10..15 {
            s.int(i);
            s.end_row().unwrap();
        }
        let parts = s.finish().unwrap();
        assert_eq!(parts.len(), 3);
        let texts: Vec<String> = parts.iter().map(|p| std::fs::read_to_string(&p.path).unwrap()).collect();
        assert_eq!(texts, vec!["id\n10\n11\n", "id\n12\n13\n", "id\n14\n"]);
        assert!(parts.iter().all(|p| p.bytes <= 9));
        assert_eq!(parts.iter().map(|p| p.rows).sum::<u64>(), 5);
        assert!(parts[0].path.ends_with("t.csv_split0"));
    }

    #[test]
    fn single_part_gets_plain_name_and_empty_dump_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Splitter::new(dir.path(), "t.csv", &["id", "name"], 1 << 20);
        s.int(1);
        s.text("a");
        s.end_row().unwrap();
        let parts = s.finish().unwrap();
        assert_eq!(parts.len(), 1);
        assert!(parts[0].path.ends_with("t.csv"));
        assert_eq!(std::fs::read_to_string(&parts[0].path).unwrap(), "id,name\n1,a\n");
        let s = Splitter::new(dir.path(), "e.csv", &["id"], 100);
        assert!(s.finish().unwrap().is_empty());
        assert!(!dir.path().join("e.csv").exists());
    }
}
