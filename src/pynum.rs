//! Numbers the way Python (and so Ansible) has them, in `serde_json` values.
//!
//! Python's ints are unbounded and its floats print as `repr(float)`. serde_json is built with
//! `arbitrary_precision`, so a [`Number`] keeps its text: an integer of any size is stored,
//! compared and written digit for digit, and a float is kept as Python's repr of it (so the text
//! of equal values is equal). A float beyond a double's range (`1e999`, YAML `.inf`) is
//! infinity for Python; it is kept as the number `1e+999` — valid JSON that Python, and every
//! other JSON reader, read back as infinity (Python's own `json.dumps` writes `Infinity`, which
//! is not JSON).

use serde_json::{Number, Value};

/// The text kept for positive infinity.
pub const INFINITY: &str = "1e+999";

fn number(text: &str) -> Option<Number> {
    serde_json::from_str::<Number>(text).ok()
}

/// True when the number is an integer (its text has no fraction or exponent).
pub fn is_int(n: &Number) -> bool {
    !n.as_str().contains(['.', 'e', 'E'])
}

/// The number as a double (infinity beyond its range, where `Number::as_f64` gives `None`).
pub fn to_f64(n: &Number) -> f64 {
    n.as_str().parse().unwrap_or(f64::NAN)
}

/// A float as Python keeps it; `None` for NaN (JSON has no NaN).
pub fn float(f: f64) -> Option<Number> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return number(if f > 0.0 { INFINITY } else { "-1e+999" });
    }
    number(&crate::inventory::pyast::py_float_repr(f))
}

/// An integer of any size: `digits` (ASCII digits of `radix`, no separators) with a sign.
pub fn int(neg: bool, radix: u32, digits: &str) -> Option<Number> {
    let mut big = BigUint::default();
    if digits.is_empty() {
        return None;
    }
    for c in digits.chars() {
        big.mul_add(radix, c.to_digit(radix)?);
    }
    Some(big.into_number(neg))
}

/// An unbounded unsigned integer, enough to build integer literals digit by digit.
#[derive(Debug, Default, Clone)]
pub struct BigUint {
    /// Base 10⁹ limbs, least significant first.
    limbs: Vec<u32>,
}

const BASE: u64 = 1_000_000_000;

impl BigUint {
    /// `self = self * m + a`.
    pub fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = a as u64;
        for l in &mut self.limbs {
            let v = *l as u64 * m as u64 + carry;
            *l = (v % BASE) as u32;
            carry = v / BASE;
        }
        while carry > 0 {
            self.limbs.push((carry % BASE) as u32);
            carry /= BASE;
        }
    }

    fn decimal(&self) -> String {
        let mut limbs = self.limbs.iter().rev().skip_while(|l| **l == 0);
        let Some(first) = limbs.next() else { return "0".into() };
        let mut s = first.to_string();
        for l in limbs {
            s.push_str(&format!("{l:09}"));
        }
        s
    }

    /// The number with a sign (`-0` is 0, as for Python).
    pub fn into_number(self, neg: bool) -> Number {
        let d = self.decimal();
        let text = if neg && d != "0" { format!("-{d}") } else { d };
        // Decimal digits always parse; the fallback is unreachable.
        number(&text).unwrap_or_else(|| Number::from(0))
    }
}

/// Python's `str()` of a number: an int's digits, a float's repr (`inf` for infinity).
pub fn py_str(n: &Number) -> String {
    if is_int(n) {
        return n.as_str().to_string();
    }
    crate::inventory::pyast::py_float_repr(to_f64(n))
}

/// A number as JSON text the way Python writes it: an int's digits, a float's repr
/// (infinity as `1e+999`, NaN — never stored, JSON has none — as Python's `NaN`).
pub fn json_text(n: &Number) -> String {
    if is_int(n) {
        return n.as_str().to_string();
    }
    float(to_f64(n)).map_or_else(|| "NaN".to_string(), |f| f.as_str().to_string())
}

/// Rewrite the numbers of a value parsed from JSON the way Python's `json.loads` reads them:
/// floats as Python's repr of the double (`1e3` is `1000.0`), ints exactly (`-0` is `0`).
pub fn normalize(v: &mut Value) {
    match v {
        Value::Number(n) => {
            let fixed = if is_int(n) { (n.as_str() == "-0").then(|| Number::from(0)) } else { float(to_f64(n)) };
            if let Some(f) = fixed {
                *n = f;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(normalize),
        Value::Object(m) => m.values_mut().for_each(normalize),
        _ => {}
    }
}

/// A number as a YAML 1.1 plain scalar that reads back as the same number: an int's digits, a
/// float with the dot and signed exponent YAML 1.1 needs (`1.0e+16`), `.inf`/`-.inf`.
pub fn yaml_text(n: &Number) -> String {
    if is_int(n) {
        return n.as_str().to_string();
    }
    let f = to_f64(n);
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf".into() } else { "-.inf".into() };
    }
    let s = crate::inventory::pyast::py_float_repr(f);
    match s.split_once('e') {
        Some((m, e)) => {
            let m = if m.contains('.') { m.to_string() } else { format!("{m}.0") };
            let e = if e.starts_with(['-', '+']) { e.to_string() } else { format!("+{e}") };
            format!("{m}e{e}")
        }
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_ints_are_exact() {
        let n = int(false, 10, "99999999999999999999999999999999").unwrap();
        assert_eq!(n.to_string(), "99999999999999999999999999999999");
        assert_eq!(int(true, 16, "1ffffffffffffffffffffff").unwrap().to_string(), "-618970019642690137449562111");
        assert_eq!(int(true, 10, "000").unwrap().to_string(), "0");
        assert_eq!(
            int(false, 2, "1000000000000000000000000000000000000000000000000000000000000000000").unwrap().to_string(),
            "73786976294838206464"
        );
        assert!(int(false, 8, "9").is_none());
    }

    #[test]
    fn floats_as_python_writes_them() {
        assert_eq!(float(1e16).unwrap().to_string(), "1e+16");
        assert_eq!(float(1000.0).unwrap().to_string(), "1000.0");
        assert_eq!(float(f64::INFINITY).unwrap().to_string(), "1e+999");
        assert_eq!(to_f64(&float(f64::INFINITY).unwrap()), f64::INFINITY);
        assert!(float(f64::NAN).is_none());
        let mut v: Value = serde_json::from_str(r#"{"a": 1e3, "b": [-0, 1E400, 12345678901234567890123]}"#).unwrap();
        normalize(&mut v);
        assert_eq!(v.to_string(), r#"{"a":1000.0,"b":[0,1e+999,12345678901234567890123]}"#);
    }

    #[test]
    fn yaml_numbers_keep_their_type() {
        let t = |s: &str| yaml_text(&serde_json::from_str::<Number>(s).unwrap());
        assert_eq!(t("1e16"), "1.0e+16");
        assert_eq!(t("1.5e-7"), "1.5e-07");
        assert_eq!(t("2.5"), "2.5");
        assert_eq!(t("-1e999"), "-.inf");
        assert_eq!(t("123456789012345678901234567890123456789012"), "123456789012345678901234567890123456789012");
    }
}
