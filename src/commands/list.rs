//! `awxm list TYPE`: the objects of one type.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report, cell};
use crate::resources::{self, types};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm list inventories
  awxm list job_template --format json | jq '.items[].name'
  awxm list job_templates --filter project=app --filter inventory=web
  awxm list instances --order-by -capacity --limit 5     # the five largest nodes

TYPE is a type name, singular or plural (a typo gets a suggestion); jobs are listed by
`awxm job list`. --filter FIELD=VALUE keeps the objects whose field (as shown, e.g. a
reference by name) equals VALUE (repeatable: all must hold); --order-by FIELD sorts by it
(-FIELD descending; numbers as numbers); --limit N keeps the first N.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"type\": \"inventory\", \"count\": 1, \"items\": [{\"id\": 1, \"name\": \"web\", ...}]}
  Each item holds the object's fields as `export` writes them plus id, created, modified and
  computed fields (e.g. total_hosts, capacity); count is the number of items.")]
pub struct Args {
    /// Type (singular or plural)
    #[arg(value_name = "TYPE", value_parser = type_names())]
    pub kind: String,
    /// Only objects whose FIELD equals VALUE (repeatable)
    #[arg(long = "filter", value_name = "FIELD=VALUE", value_parser = filter_arg)]
    pub filters: Vec<(String, String)>,
    /// Sort by this field (-FIELD: descending) [default: name]
    #[arg(long, value_name = "FIELD", allow_hyphen_values = true)]
    pub order_by: Option<String>,
    /// At most this many objects
    #[arg(long, value_name = "N", value_parser = crate::cli::whole::<usize>(0, i64::MAX))]
    pub limit: Option<usize>,
}

/// Every listable type, singular, with its plural as an alias (for suggestions and completion).
fn type_names() -> clap::builder::PossibleValuesParser {
    let mut v: Vec<clap::builder::PossibleValue> =
        types::ALL.iter().map(|t| clap::builder::PossibleValue::new(t.singular).alias(t.plural)).collect();
    v.push(clap::builder::PossibleValue::new("schedule").alias("schedules"));
    v.push(clap::builder::PossibleValue::new("role").alias("roles"));
    // Jobs have their own command: accepted here only to point there.
    v.push(clap::builder::PossibleValue::new("job").alias("jobs").hide(true));
    clap::builder::PossibleValuesParser::new(v)
}

fn filter_arg(s: &str) -> std::result::Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("{s:?} is not FIELD=VALUE")),
    }
}

/// A field's value as the filter compares it: text as is, anything else as JSON.
fn as_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

/// Apply --filter, --order-by and --limit to the items.
fn select(mut items: Vec<Json>, a: &Args) -> Vec<Json> {
    items.retain(|i| a.filters.iter().all(|(k, v)| as_text(i.get(k).unwrap_or(&Json::Null)) == *v));
    if let Some(order) = &a.order_by {
        let (field, desc) = match order.strip_prefix('-') {
            Some(f) => (f, true),
            None => (order.as_str(), false),
        };
        items.sort_by(|x, y| {
            let (a, b) = (x.get(field).unwrap_or(&Json::Null), y.get(field).unwrap_or(&Json::Null));
            let o = match (a.as_f64(), b.as_f64()) {
                (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(std::cmp::Ordering::Equal),
                _ => as_text(a).cmp(&as_text(b)),
            };
            if desc { o.reverse() } else { o }
        });
    }
    if let Some(n) = a.limit {
        items.truncate(n);
    }
    items
}

#[derive(Debug, Serialize)]
pub struct ListReport {
    #[serde(rename = "type")]
    pub kind: String,
    pub count: usize,
    pub items: Vec<Json>,
    #[serde(skip)]
    pub columns: Vec<String>,
}

impl Report for ListReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.items.is_empty() {
            return out.line(format!("no {} objects", self.kind.replace('_', " ")));
        }
        let headers: Vec<String> = self.columns.iter().map(|c| c.to_uppercase()).collect();
        let hdr: Vec<&str> = headers.iter().map(|s| s.as_str()).collect();
        out.table(&hdr, self.items.iter().map(|it| self.columns.iter().map(|c| cell(it.get(c).unwrap_or(&Json::Null))).collect::<Vec<_>>()))
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ListReport> {
    let mut r = list(ctx, &args)?;
    r.items = select(std::mem::take(&mut r.items), &args);
    r.count = r.items.len();
    Ok(r)
}

fn list(ctx: &Ctx, args: &Args) -> Result<ListReport> {
    if args.kind == "job" || args.kind == "jobs" {
        return Err(Error::usage("jobs are listed by `awxm job list` (with --status, --template, --limit)"));
    }
    let mut db = ctx.db()?;
    if args.kind == "role" || args.kind == "roles" {
        let items = db.read(resources::roles::export)?;
        let columns = ["user", "team", "role", "organization", "team", "credential", "project", "inventory", "job_template"];
        let mut cols: Vec<String> = Vec::new();
        for c in columns {
            if !cols.iter().any(|x| x == c) && items.iter().any(|i| i.get(c).is_some()) {
                cols.push(c.to_string());
            }
        }
        return Ok(ListReport { kind: "role".into(), count: 0, items, columns: cols });
    }
    if args.kind == "schedule" || args.kind == "schedules" {
        let items = db.read(|tx| {
            let all = crate::schedule::resource::all(tx)?;
            all.iter().map(|s| crate::commands::schedule::item(tx, s, false).map(Json::Object)).collect::<Result<Vec<_>>>()
        })?;
        let columns = ["id", "name", "enabled", "timezone", "next_run"].map(String::from).to_vec();
        return Ok(ListReport { kind: "schedule".into(), count: 0, items, columns });
    }
    let rt = types::find(&args.kind).ok_or_else(|| {
        Error::usage(format!("unknown type {:?} (expected one of: {}, schedule, role)", args.kind, types::names().join(", ")))
    })?;
    let items = db.read(|tx| {
        let mut out = Vec::new();
        for (id, doc) in resources::export_with(tx, rt, None, true, false)? {
            let mut m: Map<String, Json> = resources::computed(tx, rt, id)?;
            m.extend(doc);
            out.push(Json::Object(m));
        }
        Ok(out)
    })?;
    let mut columns = vec!["id".to_string(), rt.key_field.to_string()];
    columns.extend(rt.list.iter().map(|s| s.to_string()));
    Ok(ListReport { kind: rt.singular.to_string(), count: 0, items, columns })
}
