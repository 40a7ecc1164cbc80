//! Extra variables: parsing `--extra-vars` the way `ansible-playbook -e` reads it, merging
//! (template < launch), and writing the `env/extravars` file as AWX does (§7.5): YAML whose
//! strings are tagged `!unsafe` so Ansible never templates them, except — in the default
//! `template` mode — top-level entries identical to the job template's own extra vars.

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};

/// `ALLOW_JINJA_IN_EXTRA_VARS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JinjaPolicy {
    Always,
    Never,
    Template,
}

impl JinjaPolicy {
    pub fn parse(s: &str) -> Result<JinjaPolicy> {
        match s {
            "always" => Ok(JinjaPolicy::Always),
            "never" => Ok(JinjaPolicy::Never),
            "template" | "" => Ok(JinjaPolicy::Template),
            other => Err(Error::config(format!("allow_jinja_in_extra_vars must be always, never or template, not {other:?}"))),
        }
    }
}

/// Parse one `--extra-vars` argument: `@FILE` (YAML or JSON), a YAML/JSON mapping, or
/// `key=value key2="quoted value"` pairs (values are strings, as with `ansible-playbook -e`).
pub fn parse_arg(arg: &str) -> Result<Map<String, Json>> {
    let arg = arg.trim();
    if let Some(path) = arg.strip_prefix('@') {
        let text = crate::yaml::utf8_text(fs_err::read(path)?, path)?;
        return as_mapping(crate::yaml::parse_one(&text, path)?, path);
    }
    if arg.is_empty() {
        return Ok(Map::new());
    }
    if arg.starts_with('{') || arg.starts_with("---") || (!arg.contains('=') && arg.contains(':')) {
        return as_mapping(crate::yaml::parse_one(arg, "--extra-vars")?, "--extra-vars");
    }
    parse_kv(arg)
}

fn as_mapping(v: Json, what: &str) -> Result<Map<String, Json>> {
    match v {
        Json::Object(m) => Ok(m),
        Json::Null => Ok(Map::new()),
        other => Err(Error::data(format!("{what}: extra vars must be a mapping, not {}", kind(&other)))),
    }
}

fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "a mapping",
    }
}

/// `a=1 b="two words" c='x'` → strings.
pub fn parse_kv(s: &str) -> Result<Map<String, Json>> {
    let mut out = Map::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut token = String::new();
        let mut quote: Option<char> = None;
        while let Some(&c) = chars.peek() {
            match quote {
                Some(q) if c == q => {
                    quote = None;
                    chars.next();
                }
                Some(_) => {
                    if c == '\\' {
                        chars.next();
                        if let Some(n) = chars.next() {
                            token.push(n);
                        }
                        continue;
                    }
                    token.push(c);
                    chars.next();
                }
                None if c == '"' || c == '\'' => {
                    quote = Some(c);
                    chars.next();
                }
                None if c.is_whitespace() => break,
                None => {
                    token.push(c);
                    chars.next();
                }
            }
        }
        if quote.is_some() {
            return Err(Error::data(format!("--extra-vars: unterminated quote in {s:?}")));
        }
        let Some((k, v)) = token.split_once('=') else {
            return Err(Error::data(format!("--extra-vars: {token:?} is not key=value (give JSON, YAML, key=value pairs or @FILE)")));
        };
        if k.is_empty() {
            return Err(Error::data(format!("--extra-vars: empty variable name in {token:?}")));
        }
        out.insert(k.to_string(), Json::String(v.to_string()));
    }
    Ok(out)
}

fn push_str(out: &mut String, s: &str) {
    crate::yaml::push_double_quoted(out, s);
}

/// Flow-style YAML of a JSON value; strings tagged `!unsafe` when `unsafe_strings`.
fn push_flow(out: &mut String, v: &Json, unsafe_strings: bool) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&crate::pynum::yaml_text(n)),
        Json::String(s) => {
            if unsafe_strings {
                out.push_str("!unsafe ");
            }
            push_str(out, s);
        }
        Json::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_flow(out, x, unsafe_strings);
            }
            out.push(']');
        }
        Json::Object(m) => {
            // Ansible's own `{"__ansible_unsafe": ...}` / `{"__ansible_vault": ...}` forms.
            if m.len() == 1
                && let Some(Json::String(s)) = m.get("__ansible_unsafe")
            {
                out.push_str("!unsafe ");
                push_str(out, s);
                return;
            }
            if m.len() == 1
                && let Some(Json::String(s)) = m.get("__ansible_vault")
            {
                out.push_str("!vault ");
                push_str(out, s);
                return;
            }
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if unsafe_strings {
                    out.push_str("!unsafe ");
                }
                push_str(out, k);
                out.push_str(": ");
                push_flow(out, x, unsafe_strings);
            }
            out.push('}');
        }
    }
}

/// The `env/extravars` document: one top-level entry per line.
pub fn to_yaml(vars: &Map<String, Json>, template_vars: &Map<String, Json>, policy: JinjaPolicy) -> String {
    let mut out = String::from("---\n");
    if vars.is_empty() {
        out.push_str("{}\n");
        return out;
    }
    for (k, v) in vars {
        let safe = match policy {
            JinjaPolicy::Always => true,
            JinjaPolicy::Never => false,
            JinjaPolicy::Template => template_vars.get(k) == Some(v),
        };
        push_str(&mut out, k);
        out.push_str(": ");
        push_flow(&mut out, v, !safe);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn kv_pairs() {
        let m = parse_kv("a=1 b=\"two words\" c='x y' d=").unwrap();
        assert_eq!(Json::Object(m), json!({"a": "1", "b": "two words", "c": "x y", "d": ""}));
        assert!(parse_kv("novalue").is_err());
        assert!(parse_kv("a='open").is_err());
    }

    #[test]
    fn json_and_yaml_args() {
        assert_eq!(Json::Object(parse_arg(r#"{"a": 1, "b": [true]}"#).unwrap()), json!({"a": 1, "b": [true]}));
        assert_eq!(Json::Object(parse_arg("a: yes").unwrap()), json!({"a": true}));
        assert!(parse_arg("[1, 2]").is_err());
    }

    #[test]
    fn yaml_marks_strings_unsafe_except_template_vars() {
        let vars = json!({"t": "{{ x }}", "l": "{{ y }}", "n": 1.5e20, "nested": {"k": ["v", 2]}});
        let tpl = json!({"t": "{{ x }}", "l": "other"});
        let y = to_yaml(vars.as_object().unwrap(), tpl.as_object().unwrap(), JinjaPolicy::Template);
        assert!(y.contains("\"t\": \"{{ x }}\"\n"), "{y}");
        assert!(y.contains("\"l\": !unsafe \"{{ y }}\"\n"), "{y}");
        assert!(y.contains("\"n\": 1.5e+20\n"), "{y}");
        assert!(y.contains("\"nested\": {!unsafe \"k\": [!unsafe \"v\", 2]}\n"), "{y}");
        let never = to_yaml(vars.as_object().unwrap(), tpl.as_object().unwrap(), JinjaPolicy::Never);
        assert!(never.contains("\"t\": !unsafe \"{{ x }}\""));
        let always = to_yaml(vars.as_object().unwrap(), tpl.as_object().unwrap(), JinjaPolicy::Always);
        assert!(!always.contains("!unsafe"));
        assert!(to_yaml(&Map::new(), &Map::new(), JinjaPolicy::Template).ends_with("{}\n"));
    }

    #[test]
    fn control_characters_are_escaped() {
        let mut s = String::new();
        push_str(&mut s, "a\u{7f}b\u{1}\"");
        assert_eq!(s, "\"a\\x7fb\\x01\\\"\"");
    }
}
