//! Evaluating a parsed `host_filter` against one host and what it relates to; pure.
//!
//! Django's semantics: a term on a multi-valued relation (`groups__name=x`) holds when some
//! related row satisfies it (each term on its own, as AWX combines one queryset per term);
//! `__isnull=true` holds when there is no related row or its value is null; `ansible_facts`
//! terms are JSON containment (PostgreSQL's `@>`: every key of an object, every element of a
//! list found in some element, scalars equal, numbers by value).

use std::cell::OnceCell;
use std::collections::HashMap;

use serde_json::Value as Json;
use serde_json::value::RawValue;

use super::filter::{Expr, Field, Lookup, Operand, Term};

/// A host's own columns.
#[derive(Debug, Clone, Default)]
pub struct HostData {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub enabled: bool,
    pub instance_id: String,
    pub variables: String,
    pub has_active_failures: bool,
    pub created: String,
    pub modified: String,
    pub facts_modified: Option<String>,
    pub inventory_id: i64,
    pub last_job_id: Option<i64>,
    /// The stored `ansible_facts` document (parsed only when a term needs it).
    pub facts: String,
}

#[derive(Debug, Clone, Default)]
pub struct GroupData {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub variables: String,
}

#[derive(Debug, Clone, Default)]
pub struct InventoryData {
    pub name: String,
    pub description: String,
    pub kind: String,
    pub variables: String,
    pub organization_id: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct OrganizationData {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub struct JobData {
    pub name: String,
    pub status: String,
    pub failed: bool,
}

/// One host as a filter sees it.
pub struct Candidate<'a> {
    pub host: &'a HostData,
    pub groups: &'a [GroupData],
    pub inventory: Option<&'a InventoryData>,
    pub organization: Option<&'a OrganizationData>,
    pub last_job: Option<&'a JobData>,
    facts: OnceCell<Json>,
    /// The facts' top level, values unparsed (None when the document is not a plain object).
    top: OnceCell<Option<HashMap<&'a str, &'a RawValue>>>,
}

impl<'a> Candidate<'a> {
    pub fn new(host: &'a HostData) -> Candidate<'a> {
        Candidate { host, groups: &[], inventory: None, organization: None, last_job: None, facts: OnceCell::new(), top: OnceCell::new() }
    }

    fn facts(&self) -> &Json {
        self.facts.get_or_init(|| serde_json::from_str(&self.host.facts).unwrap_or(Json::Null))
    }

    /// Containment of `query` in the facts. An object query parses only the top-level values
    /// it names (a facts document is large, a query small); anything else, or a document whose
    /// keys cannot be borrowed (escapes), takes the whole parse.
    fn facts_contain(&self, query: &Json) -> bool {
        let host: &'a HostData = self.host;
        let top = self.top.get_or_init(|| serde_json::from_str::<HashMap<&'a str, &'a RawValue>>(&host.facts).ok());
        match (top, query) {
            (Some(top), Json::Object(q)) => q.iter().all(|(k, qv)| {
                top.get(k.as_str()).is_some_and(|raw| serde_json::from_str::<Json>(raw.get()).is_ok_and(|v| contains(&v, qv)))
            }),
            _ => contains(self.facts(), query),
        }
    }

    fn values(&self, f: Field) -> Vec<FieldValue<'_>> {
        use Field::*;
        use FieldValue::{Bool, Int, Null, Text};
        let h = self.host;
        let opt_text = |o: Option<&'a String>| o.map_or(Null, |s| Text(s.as_str()));
        match f {
            HostId => vec![Int(i128::from(h.id))],
            HostName => vec![Text(&h.name)],
            HostDescription => vec![Text(&h.description)],
            HostEnabled => vec![Bool(h.enabled)],
            HostInstanceId => vec![Text(&h.instance_id)],
            HostVariables => vec![Text(&h.variables)],
            HostHasActiveFailures => vec![Bool(h.has_active_failures)],
            HostCreated => vec![Text(&h.created)],
            HostModified => vec![Text(&h.modified)],
            HostFactsModified => vec![opt_text(h.facts_modified.as_ref())],
            HostInventoryId => vec![Int(i128::from(h.inventory_id))],
            HostLastJobId => vec![h.last_job_id.map_or(Null, |i| Int(i128::from(i)))],
            GroupId => self.groups.iter().map(|g| Int(i128::from(g.id))).collect(),
            GroupName => self.groups.iter().map(|g| Text(&g.name)).collect(),
            GroupDescription => self.groups.iter().map(|g| Text(&g.description)).collect(),
            GroupVariables => self.groups.iter().map(|g| Text(&g.variables)).collect(),
            InventoryName => self.inventory.map(|i| Text(&i.name)).into_iter().collect(),
            InventoryDescription => self.inventory.map(|i| Text(&i.description)).into_iter().collect(),
            InventoryKind => self.inventory.map(|i| Text(&i.kind)).into_iter().collect(),
            InventoryVariables => self.inventory.map(|i| Text(&i.variables)).into_iter().collect(),
            InventoryOrganizationId => self.inventory.map(|i| i.organization_id.map_or(Null, |o| Int(i128::from(o)))).into_iter().collect(),
            OrganizationName => self.organization.map(|o| Text(&o.name)).into_iter().collect(),
            OrganizationDescription => self.organization.map(|o| Text(&o.description)).into_iter().collect(),
            LastJobName => self.last_job.map(|j| Text(&j.name)).into_iter().collect(),
            LastJobStatus => self.last_job.map(|j| Text(&j.status)).into_iter().collect(),
            LastJobFailed => self.last_job.map(|j| Bool(j.failed)).into_iter().collect(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum FieldValue<'a> {
    Null,
    Int(i128),
    Bool(bool),
    Text(&'a str),
}

impl FieldValue<'_> {
    fn text(&self) -> String {
        match self {
            FieldValue::Null => String::new(),
            FieldValue::Int(i) => i.to_string(),
            FieldValue::Bool(true) => "True".into(),
            FieldValue::Bool(false) => "False".into(),
            FieldValue::Text(s) => s.to_string(),
        }
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn compare_text(v: &str, lookup: Lookup, t: &str) -> bool {
    match lookup {
        Lookup::Exact => v == t,
        Lookup::IExact => lower(v) == lower(t),
        Lookup::Contains => v.contains(t),
        Lookup::IContains => lower(v).contains(&lower(t)),
        Lookup::StartsWith => v.starts_with(t),
        Lookup::IStartsWith => lower(v).starts_with(&lower(t)),
        Lookup::EndsWith => v.ends_with(t),
        Lookup::IEndsWith => lower(v).ends_with(&lower(t)),
        Lookup::Gt => v > t,
        Lookup::Gte => v >= t,
        Lookup::Lt => v < t,
        Lookup::Lte => v <= t,
        Lookup::Regex | Lookup::IRegex | Lookup::IsNull => false,
    }
}

fn compare_ord(o: std::cmp::Ordering, lookup: Lookup) -> bool {
    use std::cmp::Ordering::*;
    match lookup {
        Lookup::Exact | Lookup::IExact => o == Equal,
        Lookup::Gt => o == Greater,
        Lookup::Gte => o != Less,
        Lookup::Lt => o == Less,
        Lookup::Lte => o != Greater,
        _ => false,
    }
}

fn matches_value(v: FieldValue<'_>, lookup: Lookup, operand: &Operand) -> bool {
    match (v, operand) {
        (FieldValue::Null, _) => false,
        (_, Operand::Regex(re)) => re.is_match(&v.text()),
        (FieldValue::Int(a), Operand::Int(b)) => compare_ord(a.cmp(b), lookup),
        (FieldValue::Bool(a), Operand::Bool(b)) => compare_ord(a.cmp(b), lookup),
        (FieldValue::Text(a), Operand::Text(t)) => compare_text(a, lookup, t),
        (v, Operand::Text(t)) => compare_text(&v.text(), lookup, t),
        (FieldValue::Int(a), Operand::Bool(b)) => compare_ord(a.cmp(&i128::from(*b)), lookup),
        (FieldValue::Bool(a), Operand::Int(b)) => compare_ord(i128::from(a).cmp(b), lookup),
        (FieldValue::Text(a), Operand::Int(b)) => compare_text(a, lookup, &b.to_string()),
        (FieldValue::Text(a), Operand::Bool(b)) => compare_text(a, lookup, if *b { "True" } else { "False" }),
    }
}

fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    if crate::pynum::is_int(a) && crate::pynum::is_int(b) {
        let norm = |n: &serde_json::Number| {
            let s = n.as_str();
            let (neg, d) = match s.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, s),
            };
            let d = d.trim_start_matches('0');
            (neg && !d.is_empty(), d.to_string())
        };
        return norm(a) == norm(b);
    }
    crate::pynum::to_f64(a) == crate::pynum::to_f64(b)
}

/// JSON containment, as PostgreSQL's `jsonb @> jsonb`.
pub fn contains(target: &Json, query: &Json) -> bool {
    match (target, query) {
        (Json::Object(t), Json::Object(q)) => q.iter().all(|(k, qv)| t.get(k).is_some_and(|tv| contains(tv, qv))),
        (Json::Array(t), Json::Array(q)) => q.iter().all(|qe| t.iter().any(|te| contains(te, qe))),
        (Json::Number(a), Json::Number(b)) => numbers_equal(a, b),
        (Json::String(a), Json::String(b)) => a == b,
        (Json::Bool(a), Json::Bool(b)) => a == b,
        (Json::Null, Json::Null) => true,
        _ => false,
    }
}

fn term(c: &Candidate<'_>, t: &Term) -> bool {
    match t {
        Term::Search { inventory: false, needle } => {
            let n = lower(needle);
            lower(&c.host.name).contains(&n) || lower(&c.host.description).contains(&n)
        }
        Term::Search { inventory: true, needle } => {
            let n = lower(needle);
            c.inventory.is_some_and(|i| lower(&i.name).contains(&n) || lower(&i.description).contains(&n))
        }
        Term::Facts(q) => q.needles.iter().all(|n| c.host.facts.contains(n.as_str())) && c.facts_contain(&q.doc),
        Term::Field { field, lookup: Lookup::IsNull, operand } => {
            let vals = c.values(*field);
            let null = vals.is_empty() || vals.iter().any(|v| matches!(v, FieldValue::Null));
            match operand {
                Operand::Bool(true) => null,
                _ => vals.iter().any(|v| !matches!(v, FieldValue::Null)),
            }
        }
        Term::Field { field, lookup, operand } => c.values(*field).into_iter().any(|v| matches_value(v, *lookup, operand)),
    }
}

/// Whether the host satisfies the filter.
pub fn matches(c: &Candidate<'_>, e: &Expr) -> bool {
    match e {
        Expr::Term(t) => term(c, t),
        Expr::And(a, b) => matches(c, a) && matches(c, b),
        Expr::Or(a, b) => matches(c, a) || matches(c, b),
    }
}
