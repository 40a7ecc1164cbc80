//! Rows for PostgreSQL's `COPY … FROM STDIN` in its binary format.
//!
//! Binary saves the server from parsing every field as text (and the client from escaping
//! it): a tenth of a bulk insert's server time for hosts. The column types come from the
//! server (a `SELECT … LIMIT 0` prepared, never run), so a value is sent in exactly the width
//! its column has; a value of another kind is converted as the text format's input function
//! would read it (an integer into a text column is its digits), or refused. The schema uses
//! only the types [`Wire`] writes (TEXT, BIGINT, BOOLEAN, DOUBLE PRECISION and a few more);
//! a column of another type is refused as an internal error.

use postgres::types::Type;

use super::value::Value;

/// How one column travels in binary `COPY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wire {
    Int2,
    Int4,
    Int8,
    Bool,
    Float4,
    Float8,
    Text,
    Bytea,
}

impl Wire {
    fn of(t: &Type) -> Option<Wire> {
        Some(match *t {
            Type::INT2 => Wire::Int2,
            Type::INT4 => Wire::Int4,
            Type::INT8 => Wire::Int8,
            Type::BOOL => Wire::Bool,
            Type::FLOAT4 => Wire::Float4,
            Type::FLOAT8 => Wire::Float8,
            Type::TEXT | Type::VARCHAR => Wire::Text,
            Type::BYTEA => Wire::Bytea,
            _ => return None,
        })
    }
}

/// Why [`wire_types`] failed.
pub(super) enum TypesError {
    Db(postgres::Error),
    /// A column whose type binary `COPY` here does not write.
    Unsupported(String),
}

/// The wire types of `columns` of `table`.
pub(super) fn wire_types(t: &mut postgres::Transaction<'_>, table: &str, columns: &[&str]) -> Result<Vec<Wire>, TypesError> {
    // Prepared only, never executed: the server reports the result columns' types.
    let stmt = t.prepare(&format!("SELECT {} FROM {table} LIMIT 0", columns.join(", "))).map_err(TypesError::Db)?;
    stmt.columns()
        .iter()
        .map(|c| {
            Wire::of(c.type_())
                .ok_or_else(|| TypesError::Unsupported(format!("column {} has type {}, which is not written", c.name(), c.type_())))
        })
        .collect()
}

/// The 19-byte header of a binary `COPY` stream: signature, flags, no extension.
pub(super) const BINARY_HEADER: &[u8] = b"PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0";
/// The trailer that ends a binary `COPY` stream (a field count of -1).
pub(super) const BINARY_TRAILER: &[u8] = &[0xff, 0xff];

/// One row in binary `COPY` format into `buf` (cleared first). Errors name the column (by
/// index) and why its value cannot travel as that type.
pub(super) fn binary_row(buf: &mut Vec<u8>, row: &[Value], types: &[Wire]) -> Result<(), String> {
    buf.clear();
    if row.len() != types.len() {
        return Err(format!("{} values for {} columns", row.len(), types.len()));
    }
    buf.extend_from_slice(&(row.len() as i16).to_be_bytes());
    for (i, (v, w)) in row.iter().zip(types).enumerate() {
        binary_field(buf, v, *w).map_err(|e| format!("column {}: {e}", i + 1))?;
    }
    Ok(())
}

fn field(buf: &mut Vec<u8>, bytes: &[u8]) -> Result<(), String> {
    let len = i32::try_from(bytes.len()).map_err(|_| format!("a value of {} bytes is too long", bytes.len()))?;
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(bytes);
    Ok(())
}

fn binary_field(buf: &mut Vec<u8>, v: &Value, w: Wire) -> Result<(), String> {
    if let Value::Null = v {
        buf.extend_from_slice(&(-1i32).to_be_bytes());
        return Ok(());
    }
    match w {
        Wire::Int2 => field(buf, &i16::try_from(integer(v)?).map_err(|_| "out of range for smallint")?.to_be_bytes()),
        Wire::Int4 => field(buf, &i32::try_from(integer(v)?).map_err(|_| "out of range for integer")?.to_be_bytes()),
        Wire::Int8 => field(buf, &integer(v)?.to_be_bytes()),
        Wire::Bool => field(buf, &[u8::from(boolean(v)?)]),
        Wire::Float4 => field(buf, &(float(v)? as f32).to_be_bytes()),
        Wire::Float8 => field(buf, &float(v)?.to_be_bytes()),
        Wire::Text => match v {
            Value::Text(s) => field(buf, s.as_bytes()),
            other => field(buf, as_text(other).as_bytes()),
        },
        Wire::Bytea => match v {
            Value::Blob(b) => field(buf, b),
            _ => Err("not bytes for a bytea column".into()),
        },
    }
}

fn integer(v: &Value) -> Result<i64, String> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Text(s) => s.trim().parse().map_err(|_| format!("{s:?} is not an integer")),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Ok(*f as i64),
        other => Err(format!("{other:?} is not an integer")),
    }
}

fn boolean(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Int(0) => Ok(false),
        Value::Int(1) => Ok(true),
        Value::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "t" | "true" | "y" | "yes" | "on" | "1" => Ok(true),
            "f" | "false" | "n" | "no" | "off" | "0" => Ok(false),
            _ => Err(format!("{s:?} is not a boolean")),
        },
        other => Err(format!("{other:?} is not a boolean")),
    }
}

fn float(v: &Value) -> Result<f64, String> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Text(s) => s.trim().parse().map_err(|_| format!("{s:?} is not a number")),
        other => Err(format!("{other:?} is not a number")),
    }
}

/// A non-text value as a text column receives it from the text format: an integer's digits,
/// `t`/`f`, bytes as `\x` and hex.
fn as_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => (if *b { "t" } else { "f" }).to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("\\x{}", hex::encode(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_text_values_read_as_the_text_format_would() {
        assert_eq!(as_text(&Value::Int(-3)), "-3");
        assert_eq!(as_text(&Value::Float(1.5)), "1.5");
        assert_eq!(as_text(&Value::Bool(true)), "t");
        assert_eq!(as_text(&Value::Blob(vec![0xab, 1])), "\\xab01");
    }

    #[test]
    fn binary_rows_have_each_columns_width() {
        let mut b = Vec::new();
        binary_row(
            &mut b,
            &[Value::Int(7), Value::Int(-2), Value::Null, Value::Bool(true), Value::Text("é".into())],
            &[Wire::Int8, Wire::Int4, Wire::Text, Wire::Bool, Wire::Text],
        )
        .unwrap();
        let want: Vec<u8> = [
            &5i16.to_be_bytes()[..],
            &8i32.to_be_bytes(),
            &7i64.to_be_bytes(),
            &4i32.to_be_bytes(),
            &(-2i32).to_be_bytes(),
            &(-1i32).to_be_bytes(),
            &1i32.to_be_bytes(),
            &[1],
            &2i32.to_be_bytes(),
            "é".as_bytes(),
        ]
        .concat();
        assert_eq!(b, want);
    }

    #[test]
    fn values_of_another_kind_travel_as_text_input_would_read_them() {
        let mut b = Vec::new();
        binary_row(
            &mut b,
            &[Value::Int(12), Value::Text(" 5 ".into()), Value::Int(1), Value::Bool(false)],
            &[Wire::Text, Wire::Int8, Wire::Bool, Wire::Text],
        )
        .unwrap();
        let want: Vec<u8> = [
            &4i16.to_be_bytes()[..],
            &2i32.to_be_bytes(),
            b"12",
            &8i32.to_be_bytes(),
            &5i64.to_be_bytes(),
            &1i32.to_be_bytes(),
            &[1],
            &1i32.to_be_bytes(),
            b"f",
        ]
        .concat();
        assert_eq!(b, want);
    }

    #[test]
    fn values_that_do_not_fit_are_refused_naming_the_column() {
        let mut b = Vec::new();
        let e = binary_row(&mut b, &[Value::Int(1), Value::Int(1 << 40)], &[Wire::Int8, Wire::Int4]).unwrap_err();
        assert_eq!(e, "column 2: out of range for integer");
        let e = binary_row(&mut b, &[Value::Text("x".into())], &[Wire::Bool]).unwrap_err();
        assert_eq!(e, "column 1: \"x\" is not a boolean");
        let e = binary_row(&mut b, &[Value::Int(1)], &[Wire::Int8, Wire::Int8]).unwrap_err();
        assert_eq!(e, "1 values for 2 columns");
    }
}
