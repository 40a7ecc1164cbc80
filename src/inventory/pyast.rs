//! The two pieces of Python that Ansible's INI plugin leans on, reimplemented: `shlex.split`
//! (POSIX mode, `#` comments) for host lines, and `ast.literal_eval` for every value, with the
//! plugin's post-processing (tuples and sets become lists, bytes become text, complex numbers
//! and `...` become their text). A value that is not a Python literal stays the original text,
//! as in Ansible.

use serde_json::{Map, Value as Json};

/// `shlex.split(line, comments=True)` (POSIX mode, whitespace splitting).
pub fn shlex_split(s: &str) -> Result<Vec<String>, String> {
    #[derive(PartialEq, Clone, Copy)]
    enum St {
        Ws,
        Word,
        Quote(char),
        Escape(char),
    }
    let mut out = Vec::new();
    let mut token = String::new();
    let mut quoted = false;
    let mut state = St::Ws;
    let mut chars = s.chars();
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    loop {
        let next = chars.next();
        match state {
            St::Ws => match next {
                None => break,
                Some(c) if is_ws(c) => {
                    if !token.is_empty() || quoted {
                        out.push(std::mem::take(&mut token));
                        quoted = false;
                    }
                }
                Some('#') => {
                    // Comment: skip to the end of the line.
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('\\') => state = St::Escape('a'),
                Some(c @ ('\'' | '"')) => state = St::Quote(c),
                Some(c) => {
                    token.push(c);
                    state = St::Word;
                }
            },
            St::Quote(q) => {
                quoted = true;
                match next {
                    None => return Err("No closing quotation".into()),
                    Some(c) if c == q => state = St::Word,
                    Some('\\') if q == '"' => state = St::Escape(q),
                    Some(c) => token.push(c),
                }
            }
            St::Escape(from) => match next {
                None => return Err("No escaped character".into()),
                Some(c) => {
                    if from != 'a' && c != from && c != '\\' {
                        token.push('\\');
                    }
                    token.push(c);
                    state = if from == 'a' { St::Word } else { St::Quote(from) };
                }
            },
            St::Word => match next {
                None => break,
                Some(c) if is_ws(c) => {
                    state = St::Ws;
                    if !token.is_empty() || quoted {
                        out.push(std::mem::take(&mut token));
                        quoted = false;
                    }
                }
                Some('#') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                    state = St::Ws;
                    if !token.is_empty() || quoted {
                        out.push(std::mem::take(&mut token));
                        quoted = false;
                    }
                }
                Some(c @ ('\'' | '"')) => state = St::Quote(c),
                Some('\\') => state = St::Escape('a'),
                Some(c) => token.push(c),
            },
        }
    }
    if !token.is_empty() || quoted {
        out.push(token);
    }
    Ok(out)
}

/// Why a value could not be evaluated.
#[derive(Debug, PartialEq)]
pub enum EvalError {
    /// Not a Python literal (SyntaxError or ValueError): the text is kept as a string.
    NotLiteral,
    /// A literal Python rejects at run time (unhashable key, ...): the inventory fails.
    Fatal(String),
}

/// `ast.literal_eval` followed by the INI plugin's coercion; non-literals stay text.
pub fn ini_value(text: &str) -> Result<Json, String> {
    match literal_eval(text) {
        Ok(v) => Ok(v),
        Err(EvalError::NotLiteral) => Ok(Json::String(text.to_string())),
        Err(EvalError::Fatal(m)) => Err(m),
    }
}

/// Python's `ast.literal_eval` (with Ansible's INI coercion of the result).
pub fn literal_eval(text: &str) -> Result<Json, EvalError> {
    let src = text.trim_start_matches([' ', '\t']);
    let toks = tokenize(src).ok_or(EvalError::NotLiteral)?;
    let mut p = Parser { toks: &toks, pos: 0 };
    let mut node = p.expr()?;
    // An unparenthesised tuple at the top: `1, 2`.
    if p.eat(",") {
        let mut items = vec![node];
        while p.pos < toks.len() {
            items.push(p.expr()?);
            if !p.eat(",") {
                break;
            }
        }
        node = Node::Tuple(items);
    }
    if p.pos != toks.len() {
        return Err(EvalError::NotLiteral);
    }
    to_json(node)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Int(i128),
    BigInt(String),
    Float(f64),
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    Name(String),
    Op(&'static str),
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}
fn is_id_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Digits with single underscores between them (`1_000`); returns the cleaned digits.
fn digit_part(chars: &[char], i: &mut usize, ok: fn(char) -> bool) -> Option<String> {
    let mut out = String::new();
    if *i >= chars.len() || !ok(chars[*i]) {
        return None;
    }
    while *i < chars.len() {
        let c = chars[*i];
        if ok(c) {
            out.push(c);
            *i += 1;
        } else if c == '_' && *i + 1 < chars.len() && ok(chars[*i + 1]) {
            *i += 1;
        } else {
            break;
        }
    }
    Some(out)
}

fn tokenize(src: &str) -> Option<Vec<Tok>> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let dec = |c: char| c.is_ascii_digit();
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\x0c' | '\r' | '\n' => i += 1,
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\\' if chars.get(i + 1) == Some(&'\n') => i += 2,
            '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '+' | '-' => {
                toks.push(Tok::Op(match c {
                    '(' => "(",
                    ')' => ")",
                    '[' => "[",
                    ']' => "]",
                    '{' => "{",
                    '}' => "}",
                    ',' => ",",
                    ':' => ":",
                    '+' => "+",
                    _ => "-",
                }));
                i += 1;
            }
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                toks.push(Tok::Op("..."));
                i += 3;
            }
            '.' | '0'..='9' => {
                let start = i;
                // Radix prefixes.
                if c == '0' && matches!(chars.get(i + 1), Some('x' | 'X' | 'o' | 'O' | 'b' | 'B')) {
                    let (radix, ok): (u32, fn(char) -> bool) = match chars[i + 1] {
                        'x' | 'X' => (16, |c| c.is_ascii_hexdigit()),
                        'o' | 'O' => (8, |c| ('0'..='7').contains(&c)),
                        _ => (2, |c| c == '0' || c == '1'),
                    };
                    i += 2;
                    if chars.get(i) == Some(&'_') {
                        i += 1;
                    }
                    let d = digit_part(&chars, &mut i, ok)?;
                    if chars.get(i).is_some_and(|c| is_id_char(*c) || *c == '.') {
                        return None;
                    }
                    toks.push(match i128::from_str_radix(&d, radix) {
                        Ok(v) => Tok::Int(v),
                        Err(_) => Tok::BigInt(format!("{radix}:{d}")),
                    });
                    continue;
                }
                let int_part = if c == '.' { String::new() } else { digit_part(&chars, &mut i, dec)? };
                let mut is_float = false;
                let mut text = int_part.clone();
                if chars.get(i) == Some(&'.') {
                    if c == '.' && !chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
                        return None;
                    }
                    is_float = true;
                    i += 1;
                    text.push('.');
                    if chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                        text.push_str(&digit_part(&chars, &mut i, dec)?);
                    }
                }
                if matches!(chars.get(i), Some('e' | 'E')) {
                    i += 1;
                    let mut exp = String::from("e");
                    if matches!(chars.get(i), Some('+' | '-')) {
                        exp.push(chars[i]);
                        i += 1;
                    }
                    match digit_part(&chars, &mut i, dec) {
                        Some(d) => {
                            exp.push_str(&d);
                            text.push_str(&exp);
                            is_float = true;
                        }
                        None => return None,
                    }
                }
                if matches!(chars.get(i), Some('j' | 'J')) {
                    i += 1;
                    if chars.get(i).is_some_and(|c| is_id_char(*c)) {
                        return None;
                    }
                    toks.push(Tok::Imag(text.parse().ok()?));
                    continue;
                }
                if chars.get(i).is_some_and(|c| is_id_char(*c) || *c == '.') {
                    return None;
                }
                if is_float {
                    toks.push(Tok::Float(text.parse().ok()?));
                } else {
                    // Leading zeros are only allowed for zero itself.
                    if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                        return None;
                    }
                    let _ = start;
                    toks.push(match text.parse::<i128>() {
                        Ok(v) => Tok::Int(v),
                        Err(_) => Tok::BigInt(format!("10:{text}")),
                    });
                }
            }
            c if is_id_start(c) || c == '\'' || c == '"' => {
                // A string with an optional prefix, or a name.
                let mut j = i;
                while j < chars.len() && is_id_char(chars[j]) {
                    j += 1;
                }
                let word: String = chars[i..j].iter().collect();
                let quote_next = chars.get(j).is_some_and(|c| *c == '\'' || *c == '"');
                let lower = word.to_ascii_lowercase();
                let is_prefix = matches!(lower.as_str(), "" | "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf");
                if quote_next && is_prefix {
                    let raw = lower.contains('r');
                    let bytes = lower.contains('b');
                    if lower.contains('f') {
                        // f-strings are never literals.
                        return None;
                    }
                    let (s, end) = read_string(&chars, j, raw, bytes)?;
                    i = end;
                    toks.push(if bytes { Tok::Bytes(s.into_iter().collect::<Vec<u8>>()) } else { Tok::Str(bytes_to_string(s)?) });
                } else if word.is_empty() {
                    return None;
                } else {
                    toks.push(Tok::Name(word));
                    i = j;
                }
            }
            _ => return None,
        }
    }
    Some(toks)
}

/// String contents are gathered as UTF-8 bytes (for `\x` in bytes) then decoded.
fn bytes_to_string(b: Vec<u8>) -> Option<String> {
    String::from_utf8(b).ok()
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Read a quoted string starting at `start` (the quote). Returns bytes and the end index.
fn read_string(chars: &[char], start: usize, raw: bool, bytes: bool) -> Option<(Vec<u8>, usize)> {
    let q = chars[start];
    let triple = chars.get(start + 1) == Some(&q) && chars.get(start + 2) == Some(&q);
    let mut i = start + if triple { 3 } else { 1 };
    let mut out = Vec::new();
    loop {
        let c = *chars.get(i)?;
        if c == q {
            if !triple {
                return Some((out, i + 1));
            }
            if chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q) {
                return Some((out, i + 3));
            }
            push_char(&mut out, c);
            i += 1;
            continue;
        }
        if c == '\n' && !triple {
            return None;
        }
        if bytes && !c.is_ascii() {
            return None;
        }
        if c != '\\' {
            push_char(&mut out, c);
            i += 1;
            continue;
        }
        let n = *chars.get(i + 1)?;
        if raw {
            // The backslash stays; it only protects the next character from ending the string.
            push_char(&mut out, '\\');
            push_char(&mut out, n);
            i += 2;
            continue;
        }
        i += 2;
        match n {
            '\n' => {}
            '\\' => out.push(b'\\'),
            '\'' => out.push(b'\''),
            '"' => out.push(b'"'),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = n.to_digit(8)?;
                for _ in 0..2 {
                    match chars.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                if bytes {
                    out.push((v & 0xff) as u8);
                } else {
                    push_char(&mut out, char::from_u32(v)?);
                }
            }
            'x' => {
                let h: String = chars.get(i..i + 2)?.iter().collect();
                let v = u32::from_str_radix(&h, 16).ok()?;
                i += 2;
                if bytes {
                    out.push(v as u8);
                } else {
                    push_char(&mut out, char::from_u32(v)?);
                }
            }
            'u' | 'U' if !bytes => {
                let len = if n == 'u' { 4 } else { 8 };
                let h: String = chars.get(i..i + len)?.iter().collect();
                let v = u32::from_str_radix(&h, 16).ok()?;
                i += len;
                push_char(&mut out, char::from_u32(v)?);
            }
            'N' if !bytes => return None, // named escapes: not supported, kept as text
            other => {
                out.push(b'\\');
                push_char(&mut out, other);
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Node {
    Int(i128),
    BigInt(String),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Bool(bool),
    None,
    Ellipsis,
    List(Vec<Node>),
    Tuple(Vec<Node>),
    Set(Vec<Node>),
    Dict(Vec<(Node, Node)>),
}

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Op(o)) if *o == op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// expr := term (('+'|'-') term)*   — only `real ± imag` survives evaluation.
    fn expr(&mut self) -> Result<Node, EvalError> {
        let mut left = self.unary()?;
        loop {
            let op = if self.eat("+") {
                1.0
            } else if self.eat("-") {
                -1.0
            } else {
                return Ok(left);
            };
            let right = self.unary()?;
            let re = match left {
                Node::Int(i) => i as f64,
                Node::Float(f) => f,
                _ => return Err(EvalError::NotLiteral),
            };
            left = match right {
                Node::Complex(r, im) if r == 0.0 && !r.is_sign_negative() => Node::Complex(re, op * im),
                _ => return Err(EvalError::NotLiteral),
            };
            // A second `+` would need a complex on the left: not a literal.
        }
    }

    fn unary(&mut self) -> Result<Node, EvalError> {
        if self.eat("-") {
            let operand = self.atom()?;
            return match operand {
                Node::Int(i) => Ok(Node::Int(-i)),
                Node::BigInt(s) => Ok(Node::BigInt(format!("-{s}"))),
                Node::Float(f) => Ok(Node::Float(-f)),
                Node::Complex(r, i) => Ok(Node::Complex(-r, -i)),
                _ => Err(EvalError::NotLiteral),
            };
        }
        if self.eat("+") {
            let operand = self.atom()?;
            return match operand {
                n @ (Node::Int(_) | Node::BigInt(_) | Node::Float(_) | Node::Complex(..)) => Ok(n),
                _ => Err(EvalError::NotLiteral),
            };
        }
        self.atom()
    }

    /// A comma-separated list until `close`; returns items and whether a comma was seen.
    fn items(&mut self, close: &str) -> Result<(Vec<Node>, bool), EvalError> {
        let mut items = Vec::new();
        let mut comma = false;
        loop {
            if self.eat(close) {
                return Ok((items, comma));
            }
            items.push(self.expr()?);
            if self.eat(",") {
                comma = true;
                continue;
            }
            if self.eat(close) {
                return Ok((items, comma));
            }
            return Err(EvalError::NotLiteral);
        }
    }

    fn atom(&mut self) -> Result<Node, EvalError> {
        let tok = self.peek().cloned().ok_or(EvalError::NotLiteral)?;
        self.pos += 1;
        match tok {
            Tok::Int(i) => Ok(Node::Int(i)),
            Tok::BigInt(s) => Ok(Node::BigInt(s)),
            Tok::Float(f) => Ok(Node::Float(f)),
            Tok::Imag(f) => Ok(Node::Complex(0.0, f)),
            Tok::Str(mut s) => {
                // Adjacent strings concatenate; mixing str and bytes is a syntax error.
                while let Some(Tok::Str(t)) = self.peek() {
                    s.push_str(t);
                    self.pos += 1;
                }
                if matches!(self.peek(), Some(Tok::Bytes(_))) {
                    return Err(EvalError::NotLiteral);
                }
                Ok(Node::Str(s))
            }
            Tok::Bytes(mut b) => {
                while let Some(Tok::Bytes(t)) = self.peek() {
                    b.extend_from_slice(t);
                    self.pos += 1;
                }
                if matches!(self.peek(), Some(Tok::Str(_))) {
                    return Err(EvalError::NotLiteral);
                }
                Ok(Node::Bytes(b))
            }
            Tok::Name(n) => match n.as_str() {
                "True" => Ok(Node::Bool(true)),
                "False" => Ok(Node::Bool(false)),
                "None" => Ok(Node::None),
                "set" => {
                    if self.eat("(") && self.eat(")") {
                        Ok(Node::Set(Vec::new()))
                    } else {
                        Err(EvalError::NotLiteral)
                    }
                }
                _ => Err(EvalError::NotLiteral),
            },
            Tok::Op("...") => Ok(Node::Ellipsis),
            Tok::Op("(") => {
                if self.eat(")") {
                    return Ok(Node::Tuple(Vec::new()));
                }
                let first = self.expr()?;
                if self.eat(")") {
                    return Ok(first);
                }
                if !self.eat(",") {
                    return Err(EvalError::NotLiteral);
                }
                let (mut rest, _) = self.items(")")?;
                rest.insert(0, first);
                Ok(Node::Tuple(rest))
            }
            Tok::Op("[") => Ok(Node::List(self.items("]")?.0)),
            Tok::Op("{") => {
                if self.eat("}") {
                    return Ok(Node::Dict(Vec::new()));
                }
                let first = self.expr()?;
                if self.eat(":") {
                    let v = self.expr()?;
                    let mut pairs = vec![(first, v)];
                    loop {
                        if self.eat("}") {
                            break;
                        }
                        if !self.eat(",") {
                            return Err(EvalError::NotLiteral);
                        }
                        if self.eat("}") {
                            break;
                        }
                        let k = self.expr()?;
                        if !self.eat(":") {
                            return Err(EvalError::NotLiteral);
                        }
                        let v = self.expr()?;
                        pairs.push((k, v));
                    }
                    Ok(Node::Dict(pairs))
                } else {
                    let mut items = vec![first];
                    if self.eat(",") {
                        let (rest, _) = self.items("}")?;
                        items.extend(rest);
                    } else if !self.eat("}") {
                        return Err(EvalError::NotLiteral);
                    }
                    Ok(Node::Set(items))
                }
            }
            _ => Err(EvalError::NotLiteral),
        }
    }
}

fn is_hashable(n: &Node) -> bool {
    match n {
        Node::List(_) | Node::Dict(_) | Node::Set(_) => false,
        Node::Tuple(items) => items.iter().all(is_hashable),
        _ => true,
    }
}

fn type_name(n: &Node) -> &'static str {
    match n {
        Node::List(_) => "list",
        Node::Dict(_) => "dict",
        Node::Set(_) => "set",
        _ => "tuple",
    }
}

/// Python's `repr(float)`.
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Shortest round-trip digits, then Python's layout rules.
    let e = format!("{f:e}");
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        let s = if exp >= 0 {
            let int_len = exp + 1;
            if n <= int_len {
                format!("{digits}{}.0", "0".repeat((int_len - n) as usize))
            } else {
                format!("{}.{}", &digits[..int_len as usize], &digits[int_len as usize..])
            }
        } else {
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        };
        format!("{sign}{s}")
    } else {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        let es = if exp < 0 { format!("-{:02}", -exp) } else { format!("+{exp:02}") };
        format!("{sign}{m}e{es}")
    }
}

fn complex_part(f: f64) -> String {
    let s = py_float_repr(f);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Python's `str(complex)`.
fn complex_str(re: f64, im: f64) -> String {
    let imag = complex_part(im);
    if re == 0.0 && !re.is_sign_negative() {
        return format!("{imag}j");
    }
    let sign = if im.is_sign_negative() || im.is_nan() && imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", complex_part(re))
}

fn float_json(f: f64) -> Json {
    match crate::pynum::float(f) {
        Some(n) => Json::Number(n),
        None => Json::String(py_float_repr(f)),
    }
}

fn int_json(i: i128) -> Json {
    big_json(&i.to_string())
}

/// An int of any size, `[-][RADIX:]DIGITS`, with its exact digits (Python ints are unbounded).
fn big_json(s: &str) -> Json {
    let (neg, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (radix, digits) = rest.split_once(':').unwrap_or(("10", rest));
    let radix: u32 = radix.parse().unwrap_or(10);
    match crate::pynum::int(neg, radix, digits) {
        Some(n) => Json::Number(n),
        None => Json::String(s.to_string()),
    }
}

/// The key text Python's json module writes for a dict key.
fn key_text(n: &Node) -> Result<String, EvalError> {
    Ok(match n {
        Node::Str(s) => s.clone(),
        Node::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Node::Int(i) => i.to_string(),
        Node::BigInt(s) => big_json(s).to_string(),
        Node::Float(f) => py_float_repr(*f),
        Node::Bool(b) => b.to_string(),
        Node::None => "null".into(),
        Node::Complex(r, i) => complex_str(*r, *i),
        Node::Ellipsis => "...".into(),
        other => return Err(EvalError::Fatal(format!("dictionary keys must be str, int, float, bool or None, not {}", type_name(other)))),
    })
}

/// Python equality of hashable values, as a string (numbers compare by value across types).
fn identity(n: &Node) -> String {
    match n {
        Node::Bool(b) => format!("n:{}", *b as i64),
        Node::Int(i) => format!("n:{i}"),
        Node::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => format!("n:{}", *f as i128),
        Node::Float(f) => format!("f:{f:?}"),
        Node::Complex(r, i) if *i == 0.0 => identity(&Node::Float(*r)),
        Node::Complex(r, i) => format!("c:{r:?}:{i:?}"),
        Node::BigInt(s) => format!("b:{s}"),
        Node::Str(s) => format!("s:{s}"),
        Node::Bytes(b) => format!("y:{b:?}"),
        Node::None => "none".into(),
        Node::Ellipsis => "...".into(),
        Node::Tuple(items) => format!("t:[{}]", items.iter().map(identity).collect::<Vec<_>>().join(",")),
        _ => String::new(),
    }
}

fn to_json(n: Node) -> Result<Json, EvalError> {
    Ok(match n {
        Node::Int(i) => int_json(i),
        Node::BigInt(s) => big_json(&s),
        Node::Float(f) => float_json(f),
        Node::Complex(r, i) => Json::String(complex_str(r, i)),
        Node::Str(s) => Json::String(s),
        // Text from a bytes literal is not trusted as a template: Ansible exports it wrapped.
        Node::Bytes(b) => {
            let text = String::from_utf8(b).map_err(|_| EvalError::Fatal("bytes value is not valid UTF-8".into()))?;
            let mut m = Map::new();
            m.insert("__ansible_unsafe".into(), Json::String(text));
            Json::Object(m)
        }
        Node::Bool(b) => Json::Bool(b),
        Node::None => Json::Null,
        Node::Ellipsis => Json::String("...".into()),
        Node::List(items) | Node::Tuple(items) => Json::Array(items.into_iter().map(to_json).collect::<Result<_, _>>()?),
        Node::Set(items) => {
            let mut out: Vec<Json> = Vec::new();
            let mut seen: Vec<String> = Vec::new();
            for it in items {
                if !is_hashable(&it) {
                    return Err(EvalError::Fatal(format!("unhashable type: '{}'", type_name(&it))));
                }
                let id = identity(&it);
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                out.push(to_json(it)?);
            }
            Json::Array(out)
        }
        Node::Dict(pairs) => {
            // Python dict semantics: equal keys (1, 1.0 and True are equal) keep the first
            // key's spelling and position, and the last value.
            let mut keys: Vec<(String, String)> = Vec::new(); // (identity, json key)
            let mut m = Map::new();
            for (k, v) in pairs {
                if !is_hashable(&k) {
                    return Err(EvalError::Fatal(format!("unhashable type: '{}'", type_name(&k))));
                }
                let id = identity(&k);
                let key = match keys.iter().find(|(i, _)| *i == id) {
                    Some((_, key)) => key.clone(),
                    None => {
                        let key = key_text(&k)?;
                        keys.push((id, key.clone()));
                        key
                    }
                };
                m.insert(key, to_json(v)?);
            }
            Json::Object(m)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ev(s: &str) -> Json {
        ini_value(s).unwrap()
    }

    #[test]
    fn shlex_like_python() {
        assert_eq!(shlex_split("h1 a=1 b='x y' c=\"q\\\"r\"").unwrap(), ["h1", "a=1", "b=x y", "c=q\"r"]);
        assert_eq!(shlex_split("h1 y=a#b z=1").unwrap(), ["h1", "y=a"]);
        assert_eq!(shlex_split("h q=\"a#b\" # c").unwrap(), ["h", "q=a#b"]);
        assert_eq!(shlex_split("x='it''s' e=''").unwrap(), ["x=its", "e="]);
        assert_eq!(shlex_split("a\\ b \"x\\ny\"").unwrap(), ["a b", "x\\ny"]);
        assert_eq!(shlex_split("''").unwrap(), [""]);
        assert!(shlex_split("a='b").is_err());
    }

    #[test]
    fn literals_like_python() {
        assert_eq!(ev("1"), json!(1));
        assert_eq!(ev("0x1F"), json!(31));
        assert_eq!(ev("0o17"), json!(15));
        assert_eq!(ev("1_000"), json!(1000));
        assert_eq!(ev("1e3"), json!(1000.0));
        assert_eq!(ev("-5"), json!(-5));
        assert_eq!(ev("+3"), json!(3));
        assert_eq!(ev("--4"), json!("--4"));
        assert_eq!(ev("0755"), json!("0755"));
        assert_eq!(ev("00"), json!(0));
        assert_eq!(ev("True"), json!(true));
        assert_eq!(ev("None"), json!(null));
        assert_eq!(ev("yes"), json!("yes"));
        assert_eq!(ev("[1, 'a', None]"), json!([1, "a", null]));
        assert_eq!(ev("(1,2)"), json!([1, 2]));
        assert_eq!(ev("(1)"), json!(1));
        assert_eq!(ev("{'k': 1}"), json!({"k": 1}));
        assert_eq!(ev("{1: 'a', True: 2}"), json!({"1": 2}));
        assert_eq!(ev("{True: 1, 'x': 2}"), json!({"true": 1, "x": 2}));
        assert_eq!(ev("set()"), json!([]));
        assert_eq!(ev("{1, 2, 1}"), json!([1, 2]));
        assert_eq!(ev("..."), json!("..."));
        assert_eq!(ev("1j"), json!("1j"));
        assert_eq!(ev("1+2j"), json!("(1+2j)"));
        assert_eq!(ev("1+2"), json!("1+2"));
        assert_eq!(ev("'a' 'b'"), json!("ab"));
        assert_eq!(ev("b'xx'"), json!({"__ansible_unsafe": "xx"}), "bytes are not trusted as templates");
        assert_eq!(ev("'\\x41\\n'"), json!("A\n"));
        assert_eq!(ev("r'\\n'"), json!("\\n"));
        assert_eq!(ev("5 # comment"), json!(5));
        assert_eq!(ev("two words # c"), json!("two words # c"));
        assert_eq!(ev("host-01.internal"), json!("host-01.internal"));
        assert_eq!(ev("1.5.2"), json!("1.5.2"));
        assert_eq!(ev("1abc"), json!("1abc"));
        assert_eq!(ev("-True"), json!("-True"));
        assert_eq!(ev("f'x'"), json!("f'x'"));
        assert_eq!(ev("  7"), json!(7));
        assert_eq!(ev(""), json!(""));
        assert_eq!(ev("[1,]"), json!([1]));
        assert!(ini_value("{[1]: 2}").is_err());
    }

    #[test]
    fn float_repr_like_python() {
        assert_eq!(py_float_repr(1000.0), "1000.0");
        assert_eq!(py_float_repr(1e16), "1e+16");
        assert_eq!(py_float_repr(1.5e-5), "1.5e-05");
        assert_eq!(py_float_repr(0.0001), "0.0001");
        assert_eq!(py_float_repr(123456789.125), "123456789.125");
        assert_eq!(py_float_repr(-2.5), "-2.5");
        assert_eq!(complex_str(-0.0, -1.0), "(-0-1j)");
    }
}
