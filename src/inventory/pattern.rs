//! Host patterns as Ansible reads them: `parse_address` (`host:port`, `[ipv6]:port`, with
//! `[a:b]` ranges allowed) and `expand_hostname_range` (`web[01:50].x`, `db-[a:f]`, strides,
//! several ranges multiplying). Patterns Ansible cannot parse as an address are kept verbatim,
//! as it does.

use std::sync::OnceLock;

use regex::Regex;

/// Refuse to expand a single pattern into more hosts than this (Ansible would try and take
/// minutes or exhaust memory: `10.[0:255].[0:255].[0:255]`).
pub const MAX_EXPANSION: usize = 2_000_000;

struct Patterns {
    bracketed_hostport: Regex,
    hostport: Regex,
    ipv4: Regex,
    ipv6: Regex,
    hostname: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let numeric_range = r"\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]";
        let hex_range = r"\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]";
        let alnum_range = r"\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]";
        let i6 = format!(r"(?:[0-9a-f]{{1,4}}|{hex_range})");
        let i4 = format!(r"(?:[01]?[0-9]{{1,2}}|2[0-4][0-9]|25[0-5]|{numeric_range})");
        // Python's label: (\w|R)(\w|-|R)* not ending in _ or - (a look-behind there; spelled
        // out here as "one element, or first ... last where last is alnum or a range").
        let first = format!(r"(?:\w|{alnum_range})");
        let mid = format!(r"(?:[\w-]|{alnum_range})");
        let last = format!(r"(?:[^\W_]|{alnum_range})");
        let label = format!(r"(?:{first}{mid}*{last}|{last})");
        let build = |s: String| Regex::new(&s).expect("static host pattern regex");
        Patterns {
            bracketed_hostport: build(r"^\[(.+)\]:([0-9]+)$".into()),
            hostport: build(r"^((?:[^:\[\]]|\[[^\]]*\])*):([0-9]+)$".into()),
            ipv4: build(format!(r"(?i)^(?:{i4}\.){{3}}{i4}$")),
            ipv6: build(format!(
                r"(?i)^(?:(?:{0}:){{7}}{0}|(?:{0}:){{1,6}}:|(?:{0}:)(?::{0}){{1,6}}|(?:{0}:){{2}}(?::{0}){{1,5}}|(?:{0}:){{3}}(?::{0}){{1,4}}|(?:{0}:){{4}}(?::{0}){{1,3}}|(?:{0}:){{5}}(?::{0}){{1,2}}|(?:{0}:){{6}}(?::{0})|:(?::{0}){{1,6}}|{0}?::|(?:0:){{6}}(?:{0}\.){{3}}{0}|::(?:ffff:)?(?:{0}\.){{3}}{0}|(?:0:){{5}}ffff:(?:{0}\.){{3}}{0})$",
                i6
            )),
            hostname: build(format!(r"(?i)^{label}(?:\.{label})*$")),
        }
    })
}

/// `parse_address(address, allow_ranges=True)`: the host part and the port, or `None` when
/// the text is not a recognisable address (Ansible then keeps the pattern as it is).
pub fn parse_address(address: &str) -> Option<(String, Option<i64>)> {
    let p = patterns();
    let mut addr = address.to_string();
    let mut port = None;
    for re in [&p.bracketed_hostport, &p.hostport] {
        if let Some(c) = re.captures(&addr) {
            let host = c.get(1).map(|m| m.as_str().to_string()).unwrap_or_default();
            // A port beyond i64 is not a port anyone means; treat as unparseable.
            port = Some(c.get(2)?.as_str().parse::<i64>().ok()?);
            addr = host;
        }
    }
    if p.ipv4.is_match(&addr) || p.ipv6.is_match(&addr) || p.hostname.is_match(&addr) { Some((addr, port)) } else { None }
}

/// `_expand_hostpattern`: the host names and the port of one pattern.
pub fn expand_hostpattern(pattern: &str) -> Result<(Vec<String>, Option<i64>), String> {
    let (host, port) = match parse_address(pattern) {
        Some((h, p)) => (h, p),
        None => (pattern.to_string(), None),
    };
    if host.contains('[') {
        let mut out = Vec::new();
        expand_range(&host, &mut out)?;
        Ok((out, port))
    } else {
        Ok((vec![host], port))
    }
}

const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Python's `int()` on a range bound (whitespace, sign and underscores allowed).
fn py_int(s: &str) -> Option<i64> {
    crate::inventory::model::py_int(&serde_json::Value::String(s.to_string()))
}

/// `expand_hostname_range`, appending to `out`.
pub fn expand_range(line: &str, out: &mut Vec<String>) -> Result<(), String> {
    // head [ nrange ] tail — only the first '[' and the first ']' are split on, and any other
    // '|' in the name makes Python's unpacking fail.
    let replaced = line.replacen('[', "|", 1).replacen(']', "|", 1);
    let parts: Vec<&str> = replaced.split('|').collect();
    if parts.len() != 3 {
        return Err(format!("not enough values to unpack in host range {line:?}"));
    }
    let (head, nrange, tail) = (parts[0], parts[1], parts[2]);
    let bounds: Vec<&str> = nrange.split(':').collect();
    if bounds.len() != 2 && bounds.len() != 3 {
        return Err("host range must be begin:end or begin:end:step".into());
    }
    let beg = if bounds[0].is_empty() { "0" } else { bounds[0] };
    let end = bounds[1];
    let step = if bounds.len() == 3 { bounds[2] } else { "1" };
    if end.is_empty() {
        return Err("host range must specify end value".into());
    }
    let width = if beg.starts_with('0') && beg.len() > 1 {
        if beg.chars().count() != end.chars().count() {
            return Err("host range must specify equal-length begin and end formats".into());
        }
        Some(beg.chars().count())
    } else {
        None
    };
    let fill = |s: String| -> String {
        match width {
            // str.zfill: pad with zeros after any sign.
            Some(w) if s.chars().count() < w => {
                let pad = "0".repeat(w - s.chars().count());
                match s.strip_prefix(['-', '+']) {
                    Some(rest) => format!("{}{pad}{rest}", &s[..1]),
                    None => format!("{pad}{s}"),
                }
            }
            _ => s,
        }
    };
    let mut seq: Vec<String> = Vec::new();
    let letters = match (LETTERS.find(beg), LETTERS.find(end)) {
        (Some(b), Some(e)) => {
            if b > e {
                return Err("host range must have begin <= end".into());
            }
            match py_int(step) {
                Some(s) if s > 0 => {
                    seq = LETTERS[b..=e].chars().step_by(s as usize).map(|c| c.to_string()).collect();
                    true
                }
                Some(s) if s < 0 => {
                    // A negative slice step walks backwards from an empty start: nothing.
                    true
                }
                _ => false,
            }
        }
        _ => false,
    };
    if !letters {
        let b = py_int(beg).ok_or_else(|| format!("invalid literal for int() with base 10: {beg:?}"))?;
        let e = py_int(end).ok_or_else(|| format!("invalid literal for int() with base 10: {end:?}"))?;
        let s = py_int(step).ok_or_else(|| format!("invalid literal for int() with base 10: {step:?}"))?;
        if s == 0 {
            return Err("range() arg 3 must not be zero".into());
        }
        let count = if s > 0 {
            if e + 1 > b { ((e + 1 - b) + s - 1) / s } else { 0 }
        } else if b > e + 1 {
            ((b - (e + 1)) + (-s) - 1) / (-s)
        } else {
            0
        };
        if count as usize > MAX_EXPANSION {
            return Err(format!("host range [{nrange}] expands to {count} hosts (more than {MAX_EXPANSION})"));
        }
        let mut v = b;
        for _ in 0..count {
            seq.push(v.to_string());
            v += s;
        }
    }
    for r in seq {
        let name = format!("{head}{}{tail}", fill(r));
        if name.contains('[') {
            expand_range(&name, out)?;
        } else {
            out.push(name);
        }
        if out.len() > MAX_EXPANSION {
            return Err(format!("host pattern {line:?} expands to more than {MAX_EXPANSION} hosts"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(p: &str) -> Vec<String> {
        expand_hostpattern(p).unwrap().0
    }

    #[test]
    fn addresses() {
        assert_eq!(parse_address("host:2222"), Some(("host".into(), Some(2222))));
        assert_eq!(parse_address("[::1]:2200"), Some(("::1".into(), Some(2200))));
        assert_eq!(parse_address("2001:db8::5"), Some(("2001:db8::5".into(), None)));
        assert_eq!(parse_address("10.0.0.1:22"), Some(("10.0.0.1".into(), Some(22))));
        assert_eq!(parse_address("web[01:03].example.com"), Some(("web[01:03].example.com".into(), None)));
        assert_eq!(parse_address("foo_"), None);
        assert_eq!(parse_address("host:abc"), None);
        assert_eq!(parse_address("_a"), Some(("_a".into(), None)));
        assert_eq!(parse_address("a-b"), Some(("a-b".into(), None)));
    }

    #[test]
    fn ranges() {
        assert_eq!(names("web[01:03].x"), ["web01.x", "web02.x", "web03.x"]);
        assert_eq!(names("h[1:03]"), ["h1", "h2", "h3"]);
        assert_eq!(names("h[09:11]"), ["h09", "h10", "h11"]);
        assert_eq!(names("x[a:c]"), ["xa", "xb", "xc"]);
        assert_eq!(names("s[0:10:5]"), ["s0", "s5", "s10"]);
        assert_eq!(names("h[:2]"), ["h0", "h1", "h2"]);
        assert_eq!(names("h[10:1]"), Vec::<String>::new());
        assert_eq!(names("a[1:2]b[x:y]"), ["a1bx", "a1by", "a2bx", "a2by"]);
        assert_eq!(expand_hostpattern("web[1:2]:2222").unwrap(), (vec!["web1".to_string(), "web2".to_string()], Some(2222)));
        assert!(expand_hostpattern("h[0:10:0]").is_err());
        assert!(expand_hostpattern("h[A:c]").is_err());
        assert_eq!(names("h[y:B]"), ["hy", "hz", "hA", "hB"]);
        assert!(expand_hostpattern("h[01:100]").is_err());
        assert!(expand_hostpattern("10.[0:255].[0:255].[0:255]").is_err());
    }

    fn err(p: &str) -> String {
        expand_hostpattern(p).unwrap_err()
    }

    #[test]
    fn range_syntax_errors_like_python() {
        assert_eq!(err("h[1:2"), "not enough values to unpack in host range \"h[1:2\"");
        assert_eq!(err("h[1]"), "host range must be begin:end or begin:end:step");
        assert_eq!(err("h[1:2:3:4]"), "host range must be begin:end or begin:end:step");
        assert_eq!(err("h[1:]"), "host range must specify end value");
        assert_eq!(err("h[1:x]"), "invalid literal for int() with base 10: \"x\"");
        assert_eq!(err("h[x:1]"), "invalid literal for int() with base 10: \"x\"");
        assert_eq!(err("h[1:2:x]"), "invalid literal for int() with base 10: \"x\"");
        assert_eq!(err("h[1:5:0]"), "range() arg 3 must not be zero");
        assert_eq!(err("h[c:a]"), "host range must have begin <= end");
        // A zero letter step is not a slice step: Python then tries int("a").
        assert_eq!(err("x[a:c:0]"), "invalid literal for int() with base 10: \"a\"");
        // A port beyond i64 is not an address.
        assert_eq!(parse_address("host:99999999999999999999"), None);
    }

    #[test]
    fn expansion_limit_is_inclusive() {
        // Exactly MAX_EXPANSION hosts expand (about 100 MB for a moment); one more is refused,
        // by the range's count before anything is built.
        let (hosts, _) = expand_hostpattern("h[1:2000000]").unwrap();
        assert_eq!((hosts.len(), hosts[0].as_str(), hosts[MAX_EXPANSION - 1].as_str()), (MAX_EXPANSION, "h1", "h2000000"));
        drop(hosts);
        assert_eq!(err("h[1:3000000]"), "host range [1:3000000] expands to 3000000 hosts (more than 2000000)");
        // Nested ranges: counted as the hosts pile up (here while expanding the last one).
        assert_eq!(err("a[1:2001]b[1:1000]"), "host pattern \"a2001b[1:1000]\" expands to more than 2000000 hosts");
    }

    #[test]
    fn widths_steps_and_signs_like_python() {
        // Zero padding only when begin has a leading zero and more than one digit.
        assert_eq!(names("h[10:100:45]"), ["h10", "h55", "h100"]);
        assert_eq!(names("h[0:10:5]"), ["h0", "h5", "h10"]);
        assert_eq!(err("h[00:100]"), "host range must specify equal-length begin and end formats");
        // str.zfill pads after the sign.
        assert_eq!(names("h[000:-10:-6]"), ["h000", "h-06"]);
        assert_eq!(names("h[5:1:-2]"), ["h5", "h3"]);
        assert_eq!(names("h[5:0:-2]"), ["h5", "h3"]);
        assert_eq!(names("h[6:0:-3]"), ["h6", "h3"]);
        assert_eq!(names("h[1:5:-1]"), Vec::<String>::new());
        assert_eq!(names("h[3:3]"), ["h3"]);
        assert_eq!(names("h[3:3:-1]"), Vec::<String>::new());
        assert_eq!(names("h[1:4:2]"), ["h1", "h3"]);
        assert_eq!(names("x[a:a]"), ["xa"]);
        assert_eq!(names("x[a:e:2]"), ["xa", "xc", "xe"]);
        // A negative slice step walks backwards from an empty start: nothing.
        assert_eq!(names("x[a:c:-1]"), Vec::<String>::new());
    }
}
