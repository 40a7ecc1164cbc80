//! `awxm schedule list|show|preview`: schedules and their occurrences.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report};
use crate::schedule::{self, resource, rule};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm schedule list                                   # every schedule with its next run
  awxm schedule show nightly                           # prompts, the next 10 runs, recent skips
  awxm schedule preview 'DTSTART;TZID=Europe/Berlin:20270101T023000 RRULE:FREQ=DAILY;INTERVAL=1'
  awxm schedule preview \"$RULE\" --count 20 --after 2027-03-27

Schedules are resources: define them in a resource file under `schedules` and `awxm apply` it
(see `awxm apply --help`); `awxm export schedules` writes them back; `awxm delete schedule
NAME_OR_ID` deletes one. The dispatcher launches due schedules (or `awxm scheduler --once` from
a timer or cron).

RULES:
  `DTSTART;TZID=Zone:YYYYMMDDTHHMMSS` (or `DTSTART:YYYYMMDDTHHMMSSZ` in UTC) followed by one or
  more `RRULE:` parts and optional `EXRULE:` parts (RFC 5545), as AWX accepts them: INTERVAL is
  required; SECONDLY, COUNT with UNTIL, COUNT above 999, a BYDAY with a leading number
  (`1MO`), RDATE and EXDATE are refused with AWX's messages. An UNTIL without Z is read in
  DTSTART's zone and stored in UTC. Occurrences follow the wall clock of DTSTART's zone (a
  daily 02:30 Europe/Berlin schedule stays at 02:30 local): on the spring-forward day a time
  that does not exist is skipped, and in the repeated autumn hour a time runs once (the first).

JSON OUTPUT (--format json):
  list:    {\"format_version\": 1, \"count\": N, \"items\": [{\"id\", \"name\", \"unified_job_template\": {\"type\",
            \"name\"}, \"enabled\", \"rrule\", \"timezone\", \"dtstart\", \"dtend\", \"next_run\", \"max_lateness\"}]}
  show:    one item as in list, plus \"description\", \"created\", \"modified\", the prompts (\"extra_data\", \"inventory\",
           \"credentials\", \"limit\", ...), \"until\", \"next\": {\"local\": [...], \"utc\": [...]} and
           \"skipped\": [{\"occurrence\", \"recorded\", \"reason\"}] (newest first)
  preview: {\"format_version\": 1, \"local\": [\"2027-01-01T02:30:00+01:00\", ...], \"utc\": [\"2027-01-01T01:30:00Z\", ...]}
  Times are RFC 3339: UTC with Z, local with the zone's offset.

EXIT STATUS:
  0 success; 65 an invalid rule (AWX's messages); 66 no such schedule; 2 an ambiguous name
  (schedules are named within their template: give the id).")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Action {
    /// Every schedule with its template and next run
    List,
    /// One schedule: prompts, its next runs and the occurrences it skipped
    Show {
        /// Name (when unique) or id
        #[arg(value_name = "NAME_OR_ID", add = clap_complete::ArgValueCompleter::new(crate::complete::schedule))]
        name: String,
        /// How many next runs to show
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = crate::cli::whole::<usize>(1, 1000))]
        count: usize,
    },
    /// The next occurrences of a rule (AWX's schedule preview)
    Preview {
        /// The rule: DTSTART…  RRULE:…
        #[arg(value_name = "RRULE")]
        rrule: String,
        /// How many occurrences
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = crate::cli::whole::<usize>(1, 1000))]
        count: usize,
        /// Occurrences strictly after this time (RFC 3339 or `YYYY-MM-DD[ HH:MM]`, UTC) [default: now]
        #[arg(long, value_name = "TIME")]
        after: Option<String>,
    },
}

/// Occurrences as AWX's preview gives them.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Occurrences {
    pub local: Vec<String>,
    pub utc: Vec<String>,
}

/// The next `n` existing occurrences of `r` after `after` (AWX drops times that do not exist).
pub fn occurrences(r: &rule::Rule, after: chrono::DateTime<chrono::Utc>, n: usize) -> Occurrences {
    let mut o = Occurrences::default();
    for occ in r.after(after, n.saturating_mul(2).max(20)).into_iter().filter(|o| o.exists).take(n) {
        o.local.push(occ.local.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        o.utc.push(occ.utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    }
    o
}

impl Report for Occurrences {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.utc.is_empty() {
            return out.line("no occurrences");
        }
        out.table(&["LOCAL", "UTC"], self.local.iter().zip(&self.utc).map(|(l, u)| vec![l.clone(), u.clone()]))
    }
}

#[derive(Debug, Serialize)]
pub struct ListReport {
    pub count: usize,
    pub items: Vec<Json>,
}

impl Report for ListReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.items.is_empty() {
            return out.line("no schedules");
        }
        let s = |v: &Json, k: &str| match v.get(k) {
            Some(Json::String(s)) => s.clone(),
            Some(Json::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        out.table(
            &["ID", "NAME", "TEMPLATE", "ENABLED", "TIMEZONE", "NEXT RUN"],
            self.items.iter().map(|i| {
                let t = i.get("unified_job_template").cloned().unwrap_or(Json::Null);
                vec![
                    s(i, "id"),
                    s(i, "name"),
                    format!("{} {}", s(&t, "type").replace('_', " "), s(&t, "name")),
                    s(i, "enabled"),
                    s(i, "timezone"),
                    s(i, "next_run"),
                ]
            }),
        )
    }
}

pub struct ShowReport(pub Map<String, Json>);

impl Serialize for ShowReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Report for ShowReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        out.write_raw(crate::yaml::to_string(&Json::Object(self.0.clone())).as_bytes())
    }
}

/// A schedule as list and show give it (the file shape plus id and computed fields).
pub fn item(tx: &mut crate::db::Tx<'_>, s: &schedule::Schedule, all: bool) -> Result<Map<String, Json>> {
    let mut m = Map::new();
    m.insert("id".into(), Json::from(s.id));
    let doc = resource::document(tx, s, all)?;
    for (k, v) in doc {
        m.insert(k, v);
    }
    m.insert("enabled".into(), Json::Bool(s.enabled));
    m.insert("timezone".into(), Json::String(s.timezone.clone()));
    for (k, v) in [("dtstart", &s.dtstart), ("dtend", &s.dtend), ("next_run", &s.next_run)] {
        m.insert(k.into(), v.clone().map(Json::String).unwrap_or(Json::Null));
    }
    m.insert("max_lateness".into(), Json::from(s.max_lateness));
    m.insert("created".into(), Json::String(s.created.clone()));
    m.insert("modified".into(), Json::String(s.modified.clone()));
    Ok(m)
}

/// The human message of a rule's refusal.
pub fn rule_error(errors: Vec<String>) -> Error {
    Error::data(format!("invalid rule: {}", errors.join("; ")))
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Box<dyn Report>> {
    match args.action {
        Action::Preview { rrule, count, after } => {
            let after = match after {
                Some(t) => crate::time::parse(&t).ok_or_else(|| Error::usage(format!("--after: not a time: {t:?}")))?,
                None => crate::time::now(),
            };
            let r = rule::parse(&rrule).map_err(rule_error)?;
            Ok(Box::new(occurrences(&r, after, count)))
        }
        Action::List => {
            let mut db = ctx.db()?;
            let items = db.read(|tx| {
                let all = resource::all(tx)?;
                all.iter().map(|s| item(tx, s, false).map(Json::Object)).collect::<Result<Vec<_>>>()
            })?;
            Ok(Box::new(ListReport { count: items.len(), items }))
        }
        Action::Show { name, count } => {
            let mut db = ctx.db()?;
            let m = db.read(|tx| {
                let s = schedule::resolve(tx, &name)?;
                let mut m = item(tx, &s, true)?;
                let (until, next) = match rule::parse(&s.rrule) {
                    Ok(r) => (r.until(), if s.enabled { occurrences(&r, crate::time::now(), count) } else { Occurrences::default() }),
                    Err(_) => (String::new(), Occurrences::default()),
                };
                m.insert("until".into(), Json::String(until));
                m.insert("next".into(), serde_json::to_value(next).unwrap_or(Json::Null));
                m.insert("skipped".into(), Json::Array(schedule::skips(tx, s.id)?));
                Ok(m)
            })?;
            Ok(Box::new(ShowReport(m)))
        }
    }
}
