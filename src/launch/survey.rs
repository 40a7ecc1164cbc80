//! Surveys of job templates and workflow job templates, as AWX has them.
//!
//! A survey spec is `{}` (no survey) or a mapping with `name`, `description` and `spec`, a list
//! of questions. [`check_spec`] is AWX's check of a spec when it is saved (the `survey_spec`
//! endpoint), with AWX's messages; [`apply`] is what AWX does with the answers (extra vars)
//! given at launch: every question's rules (`'x' value missing`, types, lengths, bounds,
//! choices), then the variables the survey contributes — each answer, or for a question not
//! answered its default when that default itself passes the question's rules (so an empty
//! default of a choice question, or one shorter than `min`, is not applied).
//!
//! Everything here is pure: the caller decides whether the template's survey is enabled, merges
//! the result (template extra vars < survey < other answers, those only when the template asks
//! for variables on launch — see [`unknown_variables`]) and redacts [`password_variables`] in
//! what it stores for display.
//!
//! Where AWX's own behaviour is odd, it is kept, so that a spec AWX accepted applies here too:
//! a default of a choice question given as text must only be found *inside* the choices text;
//! a multiselect default (text, as AWX requires) never passes the launch rule (a list), so it is
//! never applied; a required question must be answered even when it has a default. Two
//! deliberate differences: a `password` answer is never repeated in a message (shown as
//! `$encrypted$`), and a password default may not be `$encrypted$` (awxm keeps no encrypted
//! default to stand for).

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::crypto::REDACTED;

/// The question types, in AWX's order (its message lists them so).
pub const TYPES: &[&str] = &["text", "textarea", "password", "multiplechoice", "multiselect", "integer", "float"];

/// A problem in a survey spec: AWX's message, and where it is inside the spec (mapping keys
/// and list indexes, for `file:line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub path: Vec<String>,
    pub message: String,
}

/// AWX's check of a survey spec when it is saved. `{}` (no survey) passes.
pub fn validate_spec(spec: &Value) -> Result<(), String> {
    check_spec(spec).map_err(|e| e.message)
}

/// As [`validate_spec`], with where the problem is.
pub fn check_spec(spec: &Value) -> Result<(), SpecError> {
    let Value::Object(top) = spec else {
        return Err(spec_err(&[], format!("The survey spec must be a mapping ({{}} for no survey), not {}.", py_type(spec))));
    };
    if top.is_empty() {
        return Ok(());
    }
    // AWX looks at the three fields in turn and reports the last problem it found.
    let mut schema = None;
    let fields = [
        ("name", "string", Value::is_string as Fits),
        ("description", "string", Value::is_string),
        ("spec", "list of items", Value::is_array),
    ];
    for (field, label, fits) in fields {
        match top.get(field) {
            None => schema = Some(spec_err(&[], format!("Field '{field}' is missing from survey spec."))),
            Some(v) if !fits(v) => {
                schema = Some(spec_err(&[field], format!("Expected {label} for field '{field}', received {} type.", py_type(v))))
            }
            Some(_) => {}
        }
    }
    let questions = match top.get("spec") {
        Some(Value::Array(q)) if q.is_empty() => return Err(spec_err(&["spec"], "'spec' doesn't contain any items.".into())),
        Some(Value::Array(q)) if schema.is_none() => q,
        _ => return Err(schema.unwrap_or_else(|| spec_err(&[], "Field 'spec' is missing from survey spec.".into()))),
    };
    let mut seen = HashSet::new();
    for (idx, q) in questions.iter().enumerate() {
        check_question(idx, q, &mut seen).map_err(|(key, message)| {
            let mut path = vec!["spec".to_string(), idx.to_string()];
            path.extend(key.map(str::to_string));
            SpecError { path, message }
        })?;
    }
    Ok(())
}

/// A check of a JSON value's type.
type Fits = fn(&Value) -> bool;

fn spec_err(path: &[&str], message: String) -> SpecError {
    SpecError { path: path.iter().map(|s| s.to_string()).collect(), message }
}

/// One question's checks; the error names the question's key it is about, if one.
fn check_question(idx: usize, q: &Value, seen: &mut HashSet<String>) -> Result<(), (Option<&'static str>, String)> {
    let Value::Object(q) = q else {
        return Err((None, format!("Survey question {idx} is not a json object.")));
    };
    for field in ["type", "question_name", "variable", "required"] {
        let Some(v) = q.get(field) else {
            return Err((None, format!("'{field}' missing from survey question {idx}")));
        };
        let (fits, label) = if field == "required" { (v.is_boolean(), "boolean") } else { (v.is_string(), "string") };
        if !fits {
            return Err((Some(field), format!("'{field}' in survey question {idx} expected to be {label}.")));
        }
    }
    let text = |key: &str| q.get(key).and_then(Value::as_str).unwrap_or_default();
    let (var, qtype) = (text("variable"), text("type"));
    if !seen.insert(var.to_string()) {
        return Err((Some("variable"), format!("'variable' '{var}' duplicated in survey question {idx}.")));
    }
    if !TYPES.contains(&qtype) {
        return Err((
            Some("type"),
            format!("'{qtype}' in survey question {idx} is not one of '{}' allowed question types.", TYPES.join(", ")),
        ));
    }
    let default = q.get("default");
    if let Some(d) = default
        && d.as_str() != Some("")
        && !default_fits(qtype, d)
    {
        let label = if matches!(qtype, "integer" | "float") { qtype } else { "string" };
        return Err((Some("default"), format!("Default value {} in survey question {idx} expected to be {label}.", py_str(d))));
    }
    for key in ["min", "max"] {
        if let Some(v) = q.get(key)
            && !v.is_null()
            && !is_py_int(v)
        {
            return Err((Some(key), format!("The {key} limit in survey question {idx} expected to be integer.")));
        }
    }
    if matches!(qtype, "multiplechoice" | "multiselect") {
        let Some(choices) = q.get("choices") else {
            return Err((None, format!("Survey question {idx} of type {qtype} must specify choices.")));
        };
        let choices = match choices {
            Value::String(s) => Choices::Text(non_blank_lines(s).join("\n")),
            Value::Array(list) => Choices::List(list),
            _ => {
                return Err((
                    Some("choices"),
                    format!("Survey question {idx} of type {qtype} must give its choices as a list or as lines of text."),
                ));
            }
        };
        // The type check above leaves only text defaults here.
        if let Some(Value::String(d)) = default {
            let defaults = non_blank_lines(d);
            if qtype == "multiplechoice" && defaults.len() > 1 {
                return Err((Some("default"), "Multiple Choice (Single Select) can only have one default value.".into()));
            }
            if defaults.iter().any(|d| !choices.admits(d)) {
                return Err((Some("default"), "Default choice must be answered from the choices listed.".into()));
            }
        }
    }
    if let Some(Value::String(d)) = default
        && d.starts_with(REDACTED)
    {
        return Err((
            Some("default"),
            if qtype == "password" {
                format!("$encrypted$ is a reserved keyword, may not be used for new default in position {idx}.")
            } else {
                format!("$encrypted$ is a reserved keyword for password question defaults, survey question {idx} is type {qtype}.")
            },
        ));
    }
    Ok(())
}

/// The choices of a question as AWX's spec check sees them.
enum Choices<'a> {
    /// Lines of text, blank ones dropped, joined again: a default is looked for *in* the text.
    Text(String),
    List(&'a [Value]),
}

impl Choices<'_> {
    fn admits(&self, default: &str) -> bool {
        match self {
            Choices::Text(t) => t.contains(default),
            Choices::List(list) => list.iter().any(|c| c.as_str() == Some(default)),
        }
    }
}

/// AWX's `isinstance(default, type)`: text for the text and choice types, an int (a bool is
/// one for Python) for `integer`, an int or float for `float`.
fn default_fits(qtype: &str, d: &Value) -> bool {
    match qtype {
        "integer" => is_py_int(d),
        "float" => d.is_number() || d.is_boolean(),
        _ => d.is_string(),
    }
}

fn is_py_int(v: &Value) -> bool {
    match v {
        Value::Bool(_) => true,
        Value::Number(n) => crate::pynum::is_int(n),
        _ => false,
    }
}

/// The variables of the spec's questions, in order.
pub fn survey_variables(spec: &Value) -> Vec<String> {
    questions(spec).filter_map(|q| variable(q).map(str::to_string)).collect()
}

/// awxm keeps no secret in a template: a `password` question with a default is refused (AWX
/// would store the default encrypted). The answer is given at launch and kept encrypted
/// (`job.start_args`).
pub fn no_password_defaults(spec: &Value) -> Result<(), SpecError> {
    for (idx, q) in questions(spec).enumerate() {
        if qtype(q) == "password" && q.get("default").and_then(Value::as_str).is_some_and(|d| !d.is_empty()) {
            let i = idx.to_string();
            return Err(spec_err(
                &["spec", i.as_str(), "default"],
                format!(
                    "survey question {idx} is a password with a default: awxm stores no secret in a template; \
                     leave the default empty and give the answer at launch (it is kept encrypted)"
                ),
            ));
        }
    }
    Ok(())
}

/// The variables of `password` questions: AWX stores them encrypted and shows them as
/// `$encrypted$`.
pub fn password_variables(spec: &Value) -> Vec<String> {
    questions(spec).filter(|q| qtype(q) == "password").filter_map(|q| variable(q).map(str::to_string)).collect()
}

/// The variables of required questions (AWX's `variables_needed_to_start`).
pub fn required_variables(spec: &Value) -> Vec<String> {
    questions(spec).filter(|q| q.get("required").is_some_and(truthy)).filter_map(|q| variable(q).map(str::to_string)).collect()
}

/// The keys of `answers` that are not survey variables: AWX takes them only when the template
/// asks for variables on launch, else refuses the launch ("Variables {keys} are not allowed on
/// launch.").
pub fn unknown_variables(spec: &Value, answers: &Map<String, Value>) -> Vec<String> {
    let known: HashSet<String> = survey_variables(spec).into_iter().collect();
    answers.keys().filter(|k| !known.contains(*k)).cloned().collect()
}

/// `vars` with the values of password questions replaced by `$encrypted$` (AWX's
/// `display_extra_vars`).
pub fn redact_passwords(spec: &Value, vars: &Map<String, Value>) -> Map<String, Value> {
    let mut out = vars.clone();
    for var in password_variables(spec) {
        if let Some(v) = out.get_mut(&var) {
            *v = Value::String(REDACTED.to_string());
        }
    }
    out
}

/// Check launch-time answers against an (enabled) survey and give the variables the survey
/// contributes: for each question its answer, or else its default if that passes the
/// question's rules. A password answer `$encrypted$` stands for the default. Every problem is
/// reported, in question order, with AWX's message. Answers to no question are not looked at
/// here (see [`unknown_variables`]).
pub fn apply(spec: &Value, answers: &Map<String, Value>) -> Result<Map<String, Value>, Vec<String>> {
    let mut out = Map::new();
    let mut errors = Vec::new();
    let Value::Object(top) = spec else { return Ok(out) };
    if top.is_empty() {
        return Ok(out);
    }
    for field in ["name", "description"] {
        if !top.contains_key(field) {
            errors.push(format!("'{field}' missing from survey spec."));
        }
    }
    for q in questions(spec) {
        let Some(var) = variable(q) else { continue };
        let answer = answers.get(var);
        let problems = question_errors(q, var, answer);
        if !problems.is_empty() {
            errors.extend(problems);
            continue;
        }
        let given = answer.filter(|a| !(qtype(q) == "password" && a.as_str() == Some(REDACTED)));
        if let Some(a) = given {
            out.insert(var.to_string(), a.clone());
        } else if let Some(d) = q.get("default").filter(|d| !d.is_null())
            && question_errors(q, var, Some(d)).is_empty()
        {
            out.insert(var.to_string(), d.clone());
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

fn questions(spec: &Value) -> impl Iterator<Item = &Map<String, Value>> {
    spec.get("spec").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object)
}

fn variable(q: &Map<String, Value>) -> Option<&str> {
    q.get("variable").and_then(Value::as_str)
}

fn qtype(q: &Map<String, Value>) -> &str {
    q.get("type").and_then(Value::as_str).unwrap_or_default()
}

/// AWX's rules for one question and its answer (`None`: not answered).
fn question_errors(q: &Map<String, Value>, var: &str, value: Option<&Value>) -> Vec<String> {
    let qtype = qtype(q);
    let required = q.get("required").is_some_and(truthy);
    let missing = || vec![format!("'{var}' value missing")];
    if qtype == "password" && value.and_then(Value::as_str) == Some(REDACTED) {
        let no_default = q.get("default").is_none_or(Value::is_null);
        return if no_default && required { missing() } else { Vec::new() };
    }
    let Some(v) = value else {
        return if required { missing() } else { Vec::new() };
    };
    let shown = if qtype == "password" { REDACTED.to_string() } else { py_str(v) };
    let mut errors = Vec::new();
    match qtype {
        "text" | "textarea" | "password" => {
            let Value::String(s) = v else {
                return vec![format!("Value {shown} for '{var}' expected to be a string.")];
            };
            let len = s.chars().count();
            if let Some((min, raw)) = int_bound(q, "min")
                && (len as i128) < min
            {
                errors.push(format!("'{var}' value {shown} is too small (length is {len} must be at least {raw})."));
            }
            if let Some((max, raw)) = int_bound(q, "max")
                && (len as i128) > max
            {
                errors.push(format!("'{var}' value {shown} is too large (must be no more than {raw})."));
            }
        }
        "integer" => {
            let Some(n) = v.as_number().filter(|n| crate::pynum::is_int(n)).map(big_int) else {
                return vec![format!("Value {shown} for '{var}' expected to be an integer.")];
            };
            if let Some((min, raw)) = int_bound(q, "min")
                && n < min
            {
                errors.push(format!("'{var}' value {shown} is too small (must be at least {raw})."));
            }
            if let Some((max, raw)) = int_bound(q, "max")
                && n > max
            {
                errors.push(format!("'{var}' value {shown} is too large (must be no more than {raw})."));
            }
        }
        "float" => {
            let Some(x) = v.as_number().map(crate::pynum::to_f64) else {
                return vec![format!("Value {shown} for '{var}' expected to be a numeric type.")];
            };
            if let Some((min, raw)) = float_bound(q, "min")
                && x < min
            {
                errors.push(format!("'{var}' value {shown} is too small (must be at least {raw})."));
            }
            if let Some((max, raw)) = float_bound(q, "max")
                && x > max
            {
                errors.push(format!("'{var}' value {shown} is too large (must be no more than {raw})."));
            }
        }
        "multiselect" => {
            let Value::Array(items) = v else {
                return vec![format!("'{var}' value is expected to be a list.")];
            };
            let choices = choice_list(q);
            for item in items {
                if !choices.iter().any(|c| py_eq(item, c)) {
                    errors.push(format!(
                        "Value {} for '{var}' expected to be one of {}.",
                        py_str(item),
                        py_str(&Value::Array(choices.clone()))
                    ));
                }
            }
        }
        "multiplechoice" => {
            let choices = choice_list(q);
            if !choices.iter().any(|c| py_eq(v, c)) {
                errors.push(format!("Value {shown} for '{var}' expected to be one of {}.", py_str(&Value::Array(choices))));
            }
        }
        _ => {}
    }
    errors
}

/// The choices a launch answer is checked against: the list, or the non-blank lines of text.
fn choice_list(q: &Map<String, Value>) -> Vec<Value> {
    match q.get("choices") {
        Some(Value::String(s)) => non_blank_lines(s).into_iter().map(|l| Value::String(l.to_string())).collect(),
        Some(Value::Array(list)) => list.clone(),
        _ => Vec::new(),
    }
}

/// A `min`/`max` the launch rules use (absent, null and `""` are none) as Python's `int()` of
/// it, with its text for messages.
fn int_bound(q: &Map<String, Value>, key: &str) -> Option<(i128, String)> {
    let v = q.get(key)?;
    let n = match v {
        Value::Bool(b) => i128::from(*b),
        Value::Number(n) if crate::pynum::is_int(n) => big_int(n),
        Value::Number(n) => crate::pynum::to_f64(n).trunc() as i128,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    Some((n, py_str(v)))
}

/// As [`int_bound`], as Python's `float()`.
fn float_bound(q: &Map<String, Value>, key: &str) -> Option<(f64, String)> {
    let v = q.get(key)?;
    let x = match v {
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Number(n) => crate::pynum::to_f64(n),
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    Some((x, py_str(v)))
}

/// An integer's value, saturated beyond `i128` (Python's are unbounded).
fn big_int(n: &serde_json::Number) -> i128 {
    let t = n.as_str();
    t.parse().unwrap_or(if t.starts_with('-') { i128::MIN } else { i128::MAX })
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => crate::pynum::to_f64(n) != 0.0,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// Python's `==` between JSON values (`1 == 1.0 == True`).
fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| py_eq(x, y)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w))),
        _ => match (py_number(a), py_number(b)) {
            (Some(PyNum::Int(x)), Some(PyNum::Int(y))) => x == y,
            (Some(x), Some(y)) => x.as_f64() == y.as_f64(),
            _ => false,
        },
    }
}

enum PyNum {
    Int(i128),
    Float(f64),
}

impl PyNum {
    fn as_f64(&self) -> f64 {
        match self {
            PyNum::Int(i) => *i as f64,
            PyNum::Float(f) => *f,
        }
    }
}

fn py_number(v: &Value) -> Option<PyNum> {
    match v {
        Value::Bool(b) => Some(PyNum::Int(i128::from(*b))),
        Value::Number(n) if crate::pynum::is_int(n) => Some(PyNum::Int(big_int(n))),
        Value::Number(n) => Some(PyNum::Float(crate::pynum::to_f64(n))),
        _ => None,
    }
}

/// Python's `str.splitlines()` with the lines that are only whitespace dropped.
fn non_blank_lines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            lines.push(&s[start..i]);
            start = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                start += 1;
            }
        }
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines.retain(|l| !l.chars().all(|c| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)));
    lines
}

/// Python's type name of a JSON value.
fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if crate::pynum::is_int(n) => "int",
        Value::Number(_) => "float",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Python's `str()` of a JSON value.
fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Number(n) => crate::pynum::py_str(n),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => {
            let items: Vec<String> = m.iter().map(|(k, v)| format!("{}: {}", quote(k), py_repr(v))).collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

fn py_repr(v: &Value) -> String {
    match v {
        Value::String(s) => quote(s),
        other => py_str(other),
    }
}

/// Python's `repr()` of a string.
fn quote(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn survey(questions: Value) -> Value {
        json!({"name": "s", "description": "", "spec": questions})
    }

    /// A spec with one question: `q` over a required text question `x`.
    fn one(q: Value) -> Value {
        let mut base = json!({"type": "text", "question_name": "X", "variable": "x", "required": true});
        if let (Some(b), Value::Object(extra)) = (base.as_object_mut(), q) {
            b.extend(extra);
        }
        survey(json!([base]))
    }

    fn spec_error(spec: Value) -> String {
        validate_spec(&spec).expect_err("spec should be refused")
    }

    fn answers(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("answers mapping")
    }

    fn launch(spec: &Value, a: Value) -> Result<Value, Vec<String>> {
        apply(spec, &answers(a)).map(Value::Object)
    }

    #[test]
    fn valid_specs_pass() {
        assert_eq!(validate_spec(&json!({})), Ok(()));
        assert_eq!(validate_spec(&one(json!({}))), Ok(()));
        let all = survey(json!([
            {"type": "text", "question_name": "a", "variable": "a", "required": false, "default": "x", "min": 0, "max": 10},
            {"type": "textarea", "question_name": "b", "variable": "b", "required": false, "default": ""},
            {"type": "password", "question_name": "c", "variable": "c", "required": true, "default": "pw", "min": null},
            {"type": "integer", "question_name": "d", "variable": "d", "required": false, "default": 3, "min": 1, "max": 5},
            {"type": "float", "question_name": "e", "variable": "e", "required": false, "default": 2, "min": true},
            {"type": "float", "question_name": "f", "variable": "f", "required": false, "default": 2.5},
            {"type": "multiplechoice", "question_name": "g", "variable": "g", "required": false, "choices": "a\n\n  \nb", "default": "b"},
            {"type": "multiselect", "question_name": "h", "variable": "h", "required": false, "choices": ["a", "b"], "default": "a\nb\n"},
            {"type": "multiplechoice", "question_name": "i", "variable": "i", "required": false, "choices": ["a"], "default": ""},
        ]));
        assert_eq!(validate_spec(&all), Ok(()));
    }

    #[test]
    fn spec_top_level_messages() {
        assert!(spec_error(json!([])).contains("must be a mapping"));
        assert_eq!(spec_error(json!({"description": "", "spec": [1]})), "Field 'name' is missing from survey spec.");
        assert_eq!(spec_error(json!({"name": "s", "spec": [1]})), "Field 'description' is missing from survey spec.");
        assert_eq!(spec_error(json!({"name": "s", "description": ""})), "Field 'spec' is missing from survey spec.");
        // The last problem found is the one reported, as AWX does.
        assert_eq!(spec_error(json!({"name": 1})), "Field 'spec' is missing from survey spec.");
        assert_eq!(spec_error(json!({"description": "", "spec": 5})), "Expected list of items for field 'spec', received int type.");
        assert_eq!(spec_error(json!({"name": 1, "description": "", "spec": [{}]})), "Expected string for field 'name', received int type.");
        assert_eq!(
            spec_error(json!({"name": "s", "description": null, "spec": [{}]})),
            "Expected string for field 'description', received NoneType type."
        );
        assert_eq!(
            spec_error(json!({"name": "s", "description": "", "spec": {"a": 1}})),
            "Expected list of items for field 'spec', received dict type."
        );
        assert_eq!(spec_error(json!({"name": 1, "description": "", "spec": []})), "'spec' doesn't contain any items.");
    }

    #[test]
    fn question_shape_messages() {
        assert_eq!(spec_error(survey(json!([one(json!({}))["spec"][0], "q"]))), "Survey question 1 is not a json object.");
        for field in ["type", "question_name", "variable", "required"] {
            let mut q = one(json!({}));
            q["spec"][0].as_object_mut().unwrap().remove(field);
            assert_eq!(spec_error(q), format!("'{field}' missing from survey question 0"));
        }
        assert_eq!(spec_error(one(json!({"variable": 5}))), "'variable' in survey question 0 expected to be string.");
        assert_eq!(spec_error(one(json!({"question_name": null}))), "'question_name' in survey question 0 expected to be string.");
        assert_eq!(spec_error(one(json!({"required": "yes"}))), "'required' in survey question 0 expected to be boolean.");
        let q = one(json!({}))["spec"][0].clone();
        assert_eq!(spec_error(survey(json!([q, q]))), "'variable' 'x' duplicated in survey question 1.");
        assert_eq!(
            spec_error(one(json!({"type": "date"}))),
            "'date' in survey question 0 is not one of 'text, textarea, password, multiplechoice, multiselect, integer, float' allowed question types."
        );
    }

    #[test]
    fn defaults_are_typed_by_question_type() {
        assert_eq!(spec_error(one(json!({"default": 5}))), "Default value 5 in survey question 0 expected to be string.");
        assert_eq!(spec_error(one(json!({"default": null}))), "Default value None in survey question 0 expected to be string.");
        assert_eq!(
            spec_error(one(json!({"type": "password", "default": ["a"]}))),
            "Default value ['a'] in survey question 0 expected to be string."
        );
        assert_eq!(
            spec_error(one(json!({"type": "integer", "default": "5"}))),
            "Default value 5 in survey question 0 expected to be integer."
        );
        assert_eq!(
            spec_error(one(json!({"type": "integer", "default": 5.5}))),
            "Default value 5.5 in survey question 0 expected to be integer."
        );
        assert_eq!(spec_error(one(json!({"type": "float", "default": "x"}))), "Default value x in survey question 0 expected to be float.");
        assert_eq!(
            spec_error(one(json!({"type": "multiselect", "choices": ["a"], "default": ["a"]}))),
            "Default value ['a'] in survey question 0 expected to be string."
        );
        // An empty default is allowed for every type; a bool is an int for Python.
        assert_eq!(validate_spec(&one(json!({"type": "integer", "default": ""}))), Ok(()));
        assert_eq!(validate_spec(&one(json!({"type": "integer", "default": true}))), Ok(()));
    }

    #[test]
    fn limits_must_be_integers() {
        assert_eq!(spec_error(one(json!({"min": "1"}))), "The min limit in survey question 0 expected to be integer.");
        assert_eq!(spec_error(one(json!({"max": 1.5}))), "The max limit in survey question 0 expected to be integer.");
        assert_eq!(spec_error(one(json!({"min": ""}))), "The min limit in survey question 0 expected to be integer.");
        assert_eq!(validate_spec(&one(json!({"min": null, "max": 7}))), Ok(()));
    }

    #[test]
    fn choice_questions() {
        assert_eq!(spec_error(one(json!({"type": "multiselect"}))), "Survey question 0 of type multiselect must specify choices.");
        assert!(spec_error(one(json!({"type": "multiplechoice", "choices": 3}))).contains("as a list or as lines of text"));
        assert_eq!(
            spec_error(one(json!({"type": "multiplechoice", "choices": "a\nb", "default": "a\nb"}))),
            "Multiple Choice (Single Select) can only have one default value."
        );
        assert_eq!(validate_spec(&one(json!({"type": "multiselect", "choices": "a\nb", "default": "a\n\nb"}))), Ok(()));
        assert_eq!(
            spec_error(one(json!({"type": "multiselect", "choices": "a\nb", "default": "a\nc"}))),
            "Default choice must be answered from the choices listed."
        );
        assert_eq!(
            spec_error(one(json!({"type": "multiplechoice", "choices": ["apple"], "default": "app"}))),
            "Default choice must be answered from the choices listed."
        );
        // Text choices: AWX looks for the default inside the text.
        assert_eq!(validate_spec(&one(json!({"type": "multiplechoice", "choices": "apple\nbanana", "default": "app"}))), Ok(()));
    }

    #[test]
    fn encrypted_defaults_are_refused() {
        assert_eq!(
            spec_error(one(json!({"default": "$encrypted$"}))),
            "$encrypted$ is a reserved keyword for password question defaults, survey question 0 is type text."
        );
        assert_eq!(
            spec_error(one(json!({"type": "password", "default": "$encrypted$AESGCM$x"}))),
            "$encrypted$ is a reserved keyword, may not be used for new default in position 0."
        );
    }

    #[test]
    fn check_spec_locates_the_problem() {
        let spec = survey(
            json!([one(json!({}))["spec"][0], {"type": "integer", "question_name": "n", "variable": "n", "required": false, "default": "x"}]),
        );
        let e = check_spec(&spec).unwrap_err();
        assert_eq!(e.path, ["spec", "1", "default"]);
        assert_eq!(check_spec(&json!({"name": "s", "description": ""})).unwrap_err().path, Vec::<String>::new());
        assert_eq!(check_spec(&json!({"name": "s", "description": "", "spec": []})).unwrap_err().path, ["spec"]);
        let e = check_spec(&survey(json!([{"type": "text"}]))).unwrap_err();
        assert_eq!(e.path, ["spec", "0"]);
    }

    #[test]
    fn required_answers() {
        let spec = one(json!({"default": "d"}));
        // Required means answered at launch, even with a default.
        assert_eq!(launch(&spec, json!({})), Err(vec!["'x' value missing".to_string()]));
        assert_eq!(launch(&spec, json!({"x": "v"})), Ok(json!({"x": "v"})));
        let optional = one(json!({"required": false}));
        assert_eq!(launch(&optional, json!({})), Ok(json!({})));
        let no_name = json!({"spec": [one(json!({}))["spec"][0]]});
        assert_eq!(
            launch(&no_name, json!({"x": "v"})),
            Err(vec!["'name' missing from survey spec.".to_string(), "'description' missing from survey spec.".to_string()])
        );
    }

    #[test]
    fn text_rules() {
        let spec = one(json!({"min": 2, "max": 4}));
        assert_eq!(launch(&spec, json!({"x": 5})), Err(vec!["Value 5 for 'x' expected to be a string.".to_string()]));
        assert_eq!(launch(&spec, json!({"x": true})), Err(vec!["Value True for 'x' expected to be a string.".to_string()]));
        assert_eq!(launch(&spec, json!({"x": "é"})), Err(vec!["'x' value é is too small (length is 1 must be at least 2).".to_string()]));
        assert_eq!(launch(&spec, json!({"x": "ééé"})), Ok(json!({"x": "ééé"})));
        // The limits themselves are allowed.
        assert!(launch(&spec, json!({"x": "ab"})).is_ok() && launch(&spec, json!({"x": "abcd"})).is_ok());
        assert_eq!(launch(&spec, json!({"x": "abcde"})), Err(vec!["'x' value abcde is too large (must be no more than 4).".to_string()]));
        // Null and "" limits are none; a text limit is Python's int() of it.
        assert_eq!(launch(&one(json!({"min": null, "max": ""})), json!({"x": ""})), Ok(json!({"x": ""})));
        assert_eq!(
            launch(&one(json!({"max": "1"})), json!({"x": "ab"})),
            Err(vec!["'x' value ab is too large (must be no more than 1).".to_string()])
        );
        // A max of 0 is a limit.
        assert!(launch(&one(json!({"max": 0})), json!({"x": "a"})).is_err());
    }

    #[test]
    fn templates_keep_no_password_default() {
        assert!(no_password_defaults(&one(json!({"type": "password"}))).is_ok());
        assert!(no_password_defaults(&one(json!({"type": "password", "default": ""}))).is_ok());
        assert!(no_password_defaults(&one(json!({"type": "text", "default": "x"}))).is_ok());
        let e = no_password_defaults(&one(json!({"type": "password", "default": "s3cret"}))).unwrap_err();
        assert_eq!(e.path, ["spec", "0", "default"]);
        assert!(e.message.contains("stores no secret in a template") && !e.message.contains("s3cret"), "{}", e.message);
    }

    #[test]
    fn password_rules_and_redaction() {
        let spec = one(json!({"type": "password", "min": 3}));
        assert_eq!(
            launch(&spec, json!({"x": "pw"})),
            Err(vec!["'x' value $encrypted$ is too small (length is 2 must be at least 3).".to_string()])
        );
        assert_eq!(launch(&spec, json!({"x": 1234})), Err(vec!["Value $encrypted$ for 'x' expected to be a string.".to_string()]));
        // `$encrypted$` stands for the default: missing when there is none and it is required.
        assert_eq!(launch(&spec, json!({"x": "$encrypted$"})), Err(vec!["'x' value missing".to_string()]));
        let with_default = one(json!({"type": "password", "default": "s3cret", "max": 10}));
        assert_eq!(launch(&with_default, json!({"x": "$encrypted$"})), Ok(json!({"x": "s3cret"})));
        let optional = one(json!({"type": "password", "required": false}));
        assert_eq!(launch(&optional, json!({"x": "$encrypted$"})), Ok(json!({})));
        assert_eq!(password_variables(&survey(json!([with_default["spec"][0], {"type": "text", "variable": "t"}]))), ["x"]);
        let shown = redact_passwords(&with_default, &answers(json!({"x": "s3cret", "y": "kept"})));
        assert_eq!(Value::Object(shown), json!({"x": "$encrypted$", "y": "kept"}));
    }

    #[test]
    fn integer_rules() {
        let spec = one(json!({"type": "integer", "min": 1, "max": 10}));
        assert_eq!(launch(&spec, json!({"x": 5})), Ok(json!({"x": 5})));
        assert!(launch(&spec, json!({"x": 1})).is_ok() && launch(&spec, json!({"x": 10})).is_ok());
        for bad in [json!("5"), json!(5.0), json!(true)] {
            let shown = py_str(&bad);
            assert_eq!(launch(&spec, json!({"x": bad})), Err(vec![format!("Value {shown} for 'x' expected to be an integer.")]));
        }
        assert_eq!(launch(&spec, json!({"x": 0})), Err(vec!["'x' value 0 is too small (must be at least 1).".to_string()]));
        assert_eq!(launch(&spec, json!({"x": 11})), Err(vec!["'x' value 11 is too large (must be no more than 10).".to_string()]));
        let huge: Value = serde_json::from_str("{\"x\": 123456789012345678901234567890123456789012}").unwrap();
        assert_eq!(
            launch(&spec, huge),
            Err(vec!["'x' value 123456789012345678901234567890123456789012 is too large (must be no more than 10).".to_string()])
        );
        assert_eq!(launch(&one(json!({"type": "integer", "min": true})), json!({"x": 0})).unwrap_err().len(), 1);
    }

    #[test]
    fn float_rules() {
        let spec = one(json!({"type": "float", "min": 1, "max": 2}));
        assert_eq!(launch(&spec, json!({"x": 1.5})), Ok(json!({"x": 1.5})));
        assert_eq!(launch(&spec, json!({"x": 2})), Ok(json!({"x": 2})));
        assert_eq!(launch(&spec, json!({"x": 1.0})), Ok(json!({"x": 1.0})));
        assert_eq!(launch(&spec, json!({"x": "1.5"})), Err(vec!["Value 1.5 for 'x' expected to be a numeric type.".to_string()]));
        assert_eq!(launch(&spec, json!({"x": false})), Err(vec!["Value False for 'x' expected to be a numeric type.".to_string()]));
        assert_eq!(launch(&spec, json!({"x": 0.5})), Err(vec!["'x' value 0.5 is too small (must be at least 1).".to_string()]));
        assert_eq!(launch(&spec, json!({"x": 2.25})), Err(vec!["'x' value 2.25 is too large (must be no more than 2).".to_string()]));
    }

    #[test]
    fn choice_rules() {
        let mc = one(json!({"type": "multiplechoice", "choices": "a\n \nb\r\nc"}));
        assert_eq!(launch(&mc, json!({"x": "c"})), Ok(json!({"x": "c"})));
        assert_eq!(launch(&mc, json!({"x": "d"})), Err(vec!["Value d for 'x' expected to be one of ['a', 'b', 'c'].".to_string()]));
        // Membership is Python's ==: 1 is 1.0 is True, and "1" is none of them.
        let nums = one(json!({"type": "multiplechoice", "choices": [1, "it's"]}));
        assert!(launch(&nums, json!({"x": 1.0})).is_ok());
        assert!(launch(&nums, json!({"x": true})).is_ok());
        assert_eq!(launch(&nums, json!({"x": "1"})), Err(vec!["Value 1 for 'x' expected to be one of [1, \"it's\"].".to_string()]));
        let ms = one(json!({"type": "multiselect", "choices": ["a", "b"]}));
        assert_eq!(launch(&ms, json!({"x": ["b", "a"]})), Ok(json!({"x": ["b", "a"]})));
        assert_eq!(launch(&ms, json!({"x": "a"})), Err(vec!["'x' value is expected to be a list.".to_string()]));
        assert_eq!(
            launch(&ms, json!({"x": ["a", "z", "y"]})),
            Err(vec![
                "Value z for 'x' expected to be one of ['a', 'b'].".to_string(),
                "Value y for 'x' expected to be one of ['a', 'b'].".to_string()
            ])
        );
    }

    /// AWX's table of optional questions' defaults (`test_optional_survey_question_defaults`).
    #[test]
    fn defaults_apply_only_when_they_pass_the_rules() {
        let cases = [
            ("text", json!(""), 0, true),
            ("text", json!(""), 1, false),
            ("password", json!(""), 1, false),
            ("multiplechoice", json!(""), 0, false),
            ("multiplechoice", json!("zeb"), 0, false),
            ("multiplechoice", json!("coffee"), 0, true),
            ("multiselect", Value::Null, 0, false),
            ("multiselect", json!(""), 0, false),
            ("multiselect", json!(["zeb"]), 0, false),
            ("multiselect", json!(["milk"]), 0, true),
            ("multiselect", json!(["orange\nmilk"]), 0, false),
        ];
        for (qtype, default, min, used) in cases {
            let spec = one(json!({
                "type": qtype, "required": false, "default": default, "min": min, "max": 0,
                "choices": "orange\nmilk\nchocolate\ncoffee",
            }));
            let out = launch(&spec, json!({})).expect("optional question");
            let want = if used { json!({"x": default}) } else { json!({}) };
            assert_eq!(out, want, "{qtype} {default}");
        }
        // An invalid default is not applied; an answer wins over a default.
        let spec = one(json!({"type": "integer", "required": false, "default": 1, "min": 3}));
        assert_eq!(launch(&spec, json!({})), Ok(json!({})));
        let spec = one(json!({"type": "integer", "required": false, "default": 4, "min": 3}));
        assert_eq!(launch(&spec, json!({})), Ok(json!({"x": 4})));
        assert_eq!(launch(&spec, json!({"x": 7})), Ok(json!({"x": 7})));
        // A text default fails the multiselect launch rule: never applied.
        let spec = one(json!({"type": "multiselect", "required": false, "choices": "a\nb", "default": "a"}));
        assert_eq!(validate_spec(&spec), Ok(()));
        assert_eq!(launch(&spec, json!({})), Ok(json!({})));
    }

    #[test]
    fn every_problem_is_reported_and_other_answers_are_left_alone() {
        let spec = survey(json!([
            {"type": "text", "question_name": "a", "variable": "a", "required": true},
            {"type": "integer", "question_name": "b", "variable": "b", "required": false},
            {"type": "text", "question_name": "c", "variable": "c", "required": false, "default": "dc"},
        ]));
        assert_eq!(
            launch(&spec, json!({"b": "x", "other": 1})),
            Err(vec!["'a' value missing".to_string(), "Value x for 'b' expected to be an integer.".to_string()])
        );
        assert_eq!(launch(&spec, json!({"a": "va", "other": 1})), Ok(json!({"a": "va", "c": "dc"})));
        assert_eq!(survey_variables(&spec), ["a", "b", "c"]);
        assert_eq!(required_variables(&spec), ["a"]);
        assert_eq!(unknown_variables(&spec, &answers(json!({"a": 1, "other": 2, "z": 3}))), ["other", "z"]);
        assert_eq!(launch(&json!({}), json!({"a": 1})), Ok(json!({})));
    }

    #[test]
    fn python_text_forms() {
        assert_eq!(py_str(&json!({"k": [1, 2.5, null, "it's"]})), "{'k': [1, 2.5, None, \"it's\"]}");
        assert_eq!(quote("a'b\"c\n"), "'a\\'b\"c\\n'");
        assert_eq!(non_blank_lines("a\r\nb\rc\u{2028}d\n\n \t\n"), ["a", "b", "c", "d"]);
        assert_eq!(py_type(&json!(1.0)), "float");
    }
}
