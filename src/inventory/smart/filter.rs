//! AWX's `host_filter` language (its `SmartFilter`), parsed into an [`Expr`]; pure.
//!
//! - An *atom* is a run of characters other than whitespace, `(`, `)`, `=` and `"`; a quoted atom
//!   is `"…"` (no escapes, possibly empty).
//! - A term is `key=value`; terms are joined by `and` / `or` (lower case; `and` binds tighter,
//!   both left-associative) with parentheses. There is no `not`.
//! - Unquoted values are typed: `null`, `true`, `false`, integers (`^[-+]?[0-9]+$`), floats
//!   (`^[-+]?[0-9]+\.[0-9]+$`), else strings. Quoted values are strings (under `ansible_facts`
//!   a quoted `"null"` keeps its quotes, as AWX has it).
//! - Keys: `search` (name or description contains, case-insensitively), `inventory__search`,
//!   `ansible_facts…` (JSON containment on the host's facts: `ansible_facts__a__b=v` is
//!   `{"a": {"b": v}}`, a piece ending in `[]` a list: `ansible_facts__a[]=v` is `{"a": [v]}`),
//!   and Django field lookups on the host (`name__icontains`, `groups__name`,
//!   `inventory__organization__name`, `last_job__status`, `enabled`, …).
//!
//! Every error carries the 1-based character position of the problem.

use serde_json::{Map, Value as Json};

/// A parse error: what is wrong and where (1-based character position in the filter).
#[derive(Debug, Clone, PartialEq)]
pub struct FilterError {
    pub pos: usize,
    pub message: String,
}

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid host_filter at character {}: {}", self.pos, self.message)
    }
}

/// A typed value of a term.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
}

impl Value {
    /// The value as Django turns it into text for a text column (`str(v)` in Python).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Null => None,
            Value::Bool(true) => Some("True".into()),
            Value::Bool(false) => Some("False".into()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(crate::inventory::pyast::py_float_repr(*f)),
            Value::Str(s) => Some(s.clone()),
        }
    }

    fn to_json(&self) -> Json {
        match self {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => crate::pynum::int(*i < 0, 10, &i.unsigned_abs().to_string()).map(Json::Number).unwrap_or(Json::Null),
            Value::Float(f) => crate::pynum::float(*f).map(Json::Number).unwrap_or(Json::Null),
            Value::Str(s) => Json::String(s.clone()),
        }
    }
}

/// The host's own columns and those of the objects a lookup can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    HostId,
    HostName,
    HostDescription,
    HostEnabled,
    HostInstanceId,
    HostVariables,
    HostHasActiveFailures,
    HostCreated,
    HostModified,
    HostFactsModified,
    HostInventoryId,
    HostLastJobId,
    GroupId,
    GroupName,
    GroupDescription,
    GroupVariables,
    InventoryName,
    InventoryDescription,
    InventoryKind,
    InventoryVariables,
    InventoryOrganizationId,
    OrganizationName,
    OrganizationDescription,
    LastJobName,
    LastJobStatus,
    LastJobFailed,
}

/// The type of a field (how a term's value is converted for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Int,
    Text,
    Bool,
}

impl Field {
    pub fn ty(self) -> FieldType {
        use Field::*;
        match self {
            HostId | HostInventoryId | HostLastJobId | GroupId | InventoryOrganizationId => FieldType::Int,
            HostEnabled | HostHasActiveFailures | LastJobFailed => FieldType::Bool,
            _ => FieldType::Text,
        }
    }

    /// Which related objects the evaluator must load for this field.
    pub fn relation(self) -> Relation {
        use Field::*;
        match self {
            GroupId | GroupName | GroupDescription | GroupVariables => Relation::Groups,
            InventoryName | InventoryDescription | InventoryKind | InventoryVariables | InventoryOrganizationId => Relation::Inventory,
            OrganizationName | OrganizationDescription => Relation::Organization,
            LastJobName | LastJobStatus | LastJobFailed => Relation::LastJob,
            HostVariables => Relation::Variables,
            _ => Relation::Host,
        }
    }
}

/// What a filter needs beyond the host's plain columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Host,
    Variables,
    Facts,
    Groups,
    Inventory,
    Organization,
    LastJob,
}

/// Django lookups awxm supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Exact,
    IExact,
    Contains,
    IContains,
    StartsWith,
    IStartsWith,
    EndsWith,
    IEndsWith,
    Regex,
    IRegex,
    Gt,
    Gte,
    Lt,
    Lte,
    IsNull,
}

const LOOKUPS: &[(&str, Lookup)] = &[
    ("exact", Lookup::Exact),
    ("iexact", Lookup::IExact),
    ("contains", Lookup::Contains),
    ("icontains", Lookup::IContains),
    ("startswith", Lookup::StartsWith),
    ("istartswith", Lookup::IStartsWith),
    ("endswith", Lookup::EndsWith),
    ("iendswith", Lookup::IEndsWith),
    ("regex", Lookup::Regex),
    ("iregex", Lookup::IRegex),
    ("gt", Lookup::Gt),
    ("gte", Lookup::Gte),
    ("lt", Lookup::Lt),
    ("lte", Lookup::Lte),
    ("isnull", Lookup::IsNull),
];

/// Django lookups awxm does not support (named in the error instead of "unknown field").
const UNSUPPORTED_LOOKUPS: &[&str] = &["in", "range", "year", "month", "day", "date", "search", "has_key", "has_keys", "has_any_keys"];

/// A compared value, converted for its field at parse time.
#[derive(Debug, Clone)]
pub enum Operand {
    Int(i128),
    Bool(bool),
    Text(String),
    Regex(std::sync::Arc<regex::Regex>),
}

impl PartialEq for Operand {
    fn eq(&self, other: &Operand) -> bool {
        match (self, other) {
            (Operand::Int(a), Operand::Int(b)) => a == b,
            (Operand::Bool(a), Operand::Bool(b)) => a == b,
            (Operand::Text(a), Operand::Text(b)) => a == b,
            (Operand::Regex(a), Operand::Regex(b)) => a.as_str() == b.as_str(),
            _ => false,
        }
    }
}

/// One `key=value` term, resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// `search=v` (host name/description) or `inventory__search=v`: contains, case-insensitively.
    Search { inventory: bool, needle: String },
    /// JSON containment on the host's facts.
    Facts(FactsQuery),
    /// A field lookup.
    Field { field: Field, lookup: Lookup, operand: Operand },
}

/// A containment query on facts, with the texts any matching document must contain (its keys
/// and string values as JSON strings), which rule out most hosts without parsing their facts.
#[derive(Debug, Clone)]
pub struct FactsQuery {
    pub doc: Json,
    pub needles: Vec<String>,
}

impl PartialEq for FactsQuery {
    fn eq(&self, other: &FactsQuery) -> bool {
        self.doc == other.doc
    }
}

/// A string whose JSON form is `"` + itself + `"` for every writer: printable ASCII without
/// the characters some writers escape.
fn plain(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b) && !matches!(b, b'"' | b'\\' | b'/'))
}

fn needles(doc: &Json, out: &mut Vec<String>) {
    match doc {
        Json::Object(m) => {
            for (k, v) in m {
                if plain(k) {
                    out.push(format!("\"{k}\""));
                }
                needles(v, out);
            }
        }
        Json::Array(a) => a.iter().for_each(|v| needles(v, out)),
        Json::String(s) if plain(s) => out.push(format!("\"{s}\"")),
        _ => {}
    }
}

impl From<Json> for FactsQuery {
    fn from(doc: Json) -> FactsQuery {
        let mut n = Vec::new();
        needles(&doc, &mut n);
        // The longest first: the most selective test runs first.
        n.sort_by_key(|s| std::cmp::Reverse(s.len()));
        n.dedup();
        FactsQuery { doc, needles: n }
    }
}

/// A parsed filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Term(Term),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Every relation the filter reads.
    pub fn relations(&self, out: &mut Vec<Relation>) {
        let mut add = |r: Relation| {
            if !out.contains(&r) {
                out.push(r);
            }
        };
        match self {
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.relations(out);
                b.relations(out);
            }
            Expr::Term(Term::Search { inventory: true, .. }) => add(Relation::Inventory),
            Expr::Term(Term::Search { .. }) => add(Relation::Host),
            Expr::Term(Term::Facts(_)) => add(Relation::Facts),
            Expr::Term(Term::Field { field, .. }) => {
                add(field.relation());
                if field.relation() == Relation::Organization {
                    add(Relation::Inventory);
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    Eq,
    Atom(String),
    Quoted(String),
}

/// Tokens with their 1-based character positions.
fn tokenize(s: &str) -> Result<Vec<(Tok, usize)>, FilterError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let pos = i + 1;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push((Tok::LParen, pos));
                i += 1;
            }
            ')' => {
                out.push((Tok::RParen, pos));
                i += 1;
            }
            '=' => {
                out.push((Tok::Eq, pos));
                i += 1;
            }
            '"' => {
                let start = i + 1;
                let mut j = start;
                while j < chars.len() && chars[j] != '"' {
                    j += 1;
                }
                if j >= chars.len() {
                    return Err(FilterError { pos, message: "unterminated quoted string".into() });
                }
                out.push((Tok::Quoted(chars[start..j].iter().collect()), pos));
                i = j + 1;
            }
            _ => {
                let start = i;
                while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '(' | ')' | '=' | '"') {
                    i += 1;
                }
                out.push((Tok::Atom(chars[start..i].iter().collect()), pos));
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    i: usize,
    /// Position just past the end (for "expected … at the end").
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&(Tok, usize)> {
        self.toks.get(self.i)
    }

    fn pos(&self) -> usize {
        self.peek().map(|t| t.1).unwrap_or(self.end)
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, FilterError> {
        Err(FilterError { pos: self.pos(), message: message.into() })
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Some((Tok::Atom(a), _)) if a == op)
    }

    fn or_expr(&mut self) -> Result<Expr, FilterError> {
        let mut left = self.and_expr()?;
        while self.is_op("or") {
            self.i += 1;
            let right = self.and_expr()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and_expr(&mut self) -> Result<Expr, FilterError> {
        let mut left = self.operand()?;
        while self.is_op("and") {
            self.i += 1;
            let right = self.operand()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn operand(&mut self) -> Result<Expr, FilterError> {
        match self.peek().cloned() {
            Some((Tok::LParen, open)) => {
                self.i += 1;
                let e = self.or_expr()?;
                match self.peek() {
                    Some((Tok::RParen, _)) => {
                        self.i += 1;
                        Ok(e)
                    }
                    Some(_) => self.err("expected \"and\", \"or\" or \")\""),
                    None => Err(FilterError { pos: open, message: "unclosed \"(\"".into() }),
                }
            }
            Some((Tok::Atom(k), kpos)) | Some((Tok::Quoted(k), kpos)) => {
                let quoted_key = matches!(self.peek(), Some((Tok::Quoted(_), _)));
                self.i += 1;
                if !matches!(self.peek(), Some((Tok::Eq, _))) {
                    let what = if quoted_key { format!("\"{k}\"") } else { k.clone() };
                    return self.err(format!("expected \"=\" after {what}"));
                }
                let eq = self.pos();
                self.i += 1;
                let (raw, vpos) = match self.peek().cloned() {
                    Some((Tok::Atom(v), p)) => (RawValue::Plain(v), p),
                    Some((Tok::Quoted(v), p)) => (RawValue::Quoted(v), p),
                    _ => return Err(FilterError { pos: eq + 1, message: format!("expected a value after {k}=") }),
                };
                self.i += 1;
                let term = resolve(&k, kpos, raw, vpos)?;
                Ok(Expr::Term(term))
            }
            Some((Tok::RParen, _)) => self.err("unexpected \")\""),
            Some((Tok::Eq, _)) => self.err("unexpected \"=\" (a term is key=value)"),
            None => self.err("expected a term (key=value)"),
        }
    }
}

#[derive(Debug, Clone)]
enum RawValue {
    Plain(String),
    Quoted(String),
}

fn is_int(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
}

fn is_float(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    match d.split_once('.') {
        Some((a, b)) => !a.is_empty() && !b.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// AWX's `convert_value` for unquoted values.
fn typed(s: &str, pos: usize) -> Result<Value, FilterError> {
    Ok(match s {
        "null" => Value::Null,
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ if is_int(s) => Value::Int(s.parse::<i128>().map_err(|_| FilterError { pos, message: format!("integer {s} is out of range") })?),
        _ if is_float(s) => Value::Float(s.parse::<f64>().map_err(|_| FilterError { pos, message: format!("bad number {s}") })?),
        _ => Value::Str(s.to_string()),
    })
}

/// Django field paths on Host that awxm knows.
fn field_path(path: &[&str]) -> Option<Field> {
    use Field::*;
    Some(match path {
        ["id"] | ["pk"] => HostId,
        ["name"] => HostName,
        ["description"] => HostDescription,
        ["enabled"] => HostEnabled,
        ["instance_id"] => HostInstanceId,
        ["variables"] => HostVariables,
        ["has_active_failures"] => HostHasActiveFailures,
        ["created"] => HostCreated,
        ["modified"] => HostModified,
        ["ansible_facts_modified"] => HostFactsModified,
        ["inventory"] | ["inventory_id"] | ["inventory", "id" | "pk"] => HostInventoryId,
        ["last_job"] | ["last_job_id"] | ["last_job", "id" | "pk"] => HostLastJobId,
        ["groups"] | ["groups", "id" | "pk"] => GroupId,
        ["groups", "name"] => GroupName,
        ["groups", "description"] => GroupDescription,
        ["groups", "variables"] => GroupVariables,
        ["inventory", "name"] => InventoryName,
        ["inventory", "description"] => InventoryDescription,
        ["inventory", "kind"] => InventoryKind,
        ["inventory", "variables"] => InventoryVariables,
        ["inventory", "organization"] | ["inventory", "organization_id"] | ["inventory", "organization", "id" | "pk"] => {
            InventoryOrganizationId
        }
        ["inventory", "organization", "name"] => OrganizationName,
        ["inventory", "organization", "description"] => OrganizationDescription,
        ["last_job", "name"] => LastJobName,
        ["last_job", "status"] => LastJobStatus,
        ["last_job", "failed"] => LastJobFailed,
        _ => return None,
    })
}

/// A Django boolean (`BooleanField.to_python`).
fn to_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Int(1) => Some(true),
        Value::Int(0) => Some(false),
        Value::Str(s) => match s.as_str() {
            "t" | "True" | "1" | "true" => Some(true),
            "f" | "False" | "0" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

fn to_int(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Float(f) if f.is_finite() => Some(f.trunc() as i128),
        Value::Str(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Turn `key=value` into a [`Term`] (AWX's `BoolOperand`).
fn resolve(key: &str, kpos: usize, raw: RawValue, vpos: usize) -> Result<Term, FilterError> {
    let kerr = |m: String| FilterError { pos: kpos, message: m };
    let verr = |m: String| FilterError { pos: vpos, message: m };

    // ansible_facts: JSON containment. (AWX takes every key starting with "ansible_facts",
    // so its own ansible_facts_modified column could not be filtered; awxm treats that one as
    // the column.)
    let modified_column = key == "ansible_facts_modified" || key.starts_with("ansible_facts_modified__");
    if let Some(rest) = key.strip_prefix("ansible_facts")
        && !modified_column
    {
        let path = rest.strip_prefix("__").unwrap_or(rest);
        let mut pieces: Vec<&str> = path.split("__").collect();
        if pieces.len() > 1 && pieces.last() == Some(&"exact") {
            pieces.pop();
        }
        if pieces.len() > 1
            && let Some(last) = pieces.last()
            && (LOOKUPS.iter().any(|(n, _)| n == last) || UNSUPPORTED_LOOKUPS.contains(last))
        {
            return Err(kerr(format!("ansible_facts does not support searching with __{last}")));
        }
        let value = match raw {
            RawValue::Quoted(s) if s == "null" => Json::String("\"null\"".into()),
            RawValue::Quoted(s) => Json::String(s),
            RawValue::Plain(s) => typed(&s, vpos)?.to_json(),
        };
        // Build from the innermost level out.
        let mut doc = value;
        for piece in pieces.iter().rev() {
            let (name, list) = match piece.strip_suffix("[]") {
                Some(n) => (n, true),
                None => (*piece, false),
            };
            if list {
                doc = Json::Array(vec![doc]);
            }
            let mut m = Map::new();
            m.insert(name.to_string(), doc);
            doc = Json::Object(m);
        }
        return Ok(Term::Facts(doc.into()));
    }

    let value = match raw {
        RawValue::Quoted(s) => Value::Str(s),
        RawValue::Plain(s) => typed(&s, vpos)?,
    };

    // search / {relation}__search.
    if key == "search" || key.ends_with("__search") {
        let inventory = match key {
            "search" => false,
            "inventory__search" => true,
            _ => {
                let rel = key.split("__").next().unwrap_or_default();
                return Err(kerr(format!("No related field named {rel}")));
            }
        };
        let needle = value.as_text().unwrap_or_else(|| "None".into());
        return Ok(Term::Search { inventory, needle });
    }

    // A Django field lookup.
    let parts: Vec<&str> = key.split("__").collect();
    let (path, lookup) = match parts.last().and_then(|l| LOOKUPS.iter().find(|(n, _)| n == l)) {
        Some((_, lk)) if parts.len() > 1 => (&parts[..parts.len() - 1], *lk),
        _ => {
            if let Some(l) = parts.last()
                && parts.len() > 1
                && UNSUPPORTED_LOOKUPS.contains(l)
            {
                return Err(kerr(format!("the lookup __{l} is not supported")));
            }
            (&parts[..], Lookup::Exact)
        }
    };
    let field = field_path(path).ok_or_else(|| kerr(format!("unknown field {}", path.join("__"))))?;
    let ty = field.ty();
    if value == Value::Null && lookup == Lookup::Exact {
        return Ok(Term::Field { field, lookup: Lookup::IsNull, operand: Operand::Bool(true) });
    }
    if lookup == Lookup::IsNull {
        let b = to_bool(&value).ok_or_else(|| verr("__isnull takes true or false".into()))?;
        return Ok(Term::Field { field, lookup, operand: Operand::Bool(b) });
    }
    if value == Value::Null {
        return Err(verr(format!("null cannot be used with __{}", lookup_name(lookup))));
    }
    let text_only = matches!(
        lookup,
        Lookup::IExact
            | Lookup::Contains
            | Lookup::IContains
            | Lookup::StartsWith
            | Lookup::IStartsWith
            | Lookup::EndsWith
            | Lookup::IEndsWith
            | Lookup::Regex
            | Lookup::IRegex
    );
    let operand = if matches!(lookup, Lookup::Regex | Lookup::IRegex) {
        let pat = value.as_text().unwrap_or_default();
        let pat = if lookup == Lookup::IRegex { format!("(?i){pat}") } else { pat };
        let re = regex::Regex::new(&pat).map_err(|e| verr(format!("bad regular expression: {e}")))?;
        Operand::Regex(std::sync::Arc::new(re))
    } else if text_only || ty == FieldType::Text {
        Operand::Text(value.as_text().unwrap_or_default())
    } else if ty == FieldType::Bool {
        Operand::Bool(to_bool(&value).ok_or_else(|| verr(format!("{} must be true or false", path.join("__"))))?)
    } else {
        Operand::Int(to_int(&value).ok_or_else(|| verr(format!("{} must be a number", path.join("__"))))?)
    };
    Ok(Term::Field { field, lookup, operand })
}

fn lookup_name(l: Lookup) -> &'static str {
    LOOKUPS.iter().find(|(_, x)| *x == l).map(|(n, _)| *n).unwrap_or("exact")
}

/// Parse a `host_filter`.
pub fn parse(filter: &str) -> Result<Expr, FilterError> {
    let toks = tokenize(filter)?;
    let end = filter.chars().count() + 1;
    if toks.is_empty() {
        return Err(FilterError { pos: 1, message: "the filter is empty".into() });
    }
    let mut p = Parser { toks, i: 0, end };
    let e = p.or_expr()?;
    match p.peek() {
        None => Ok(e),
        Some((Tok::RParen, _)) => p.err("unmatched \")\""),
        Some(_) => p.err("expected \"and\" or \"or\""),
    }
}
