//! Backend-neutral parameter and column values.

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bool(bool),
    Blob(Vec<u8>),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// Convert to JSON (text stays text; callers parse JSON columns themselves).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Int(i) => (*i).into(),
            Value::Float(f) => serde_json::Number::from_f64(*f).map(serde_json::Value::Number).unwrap_or(serde_json::Value::Null),
            Value::Text(s) => s.clone().into(),
            Value::Bool(b) => (*b).into(),
            Value::Blob(b) => hex::encode(b).into(),
        }
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Value { Value::Int(v as i64) }
        }
    )*};
}
from_int!(i64, i32, i16, u32, u16, u8);

impl From<usize> for Value {
    fn from(v: usize) -> Value {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Value {
    fn from(v: u64) -> Value {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(v.clone())
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_string())
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Value {
        Value::Blob(v)
    }
}
impl From<&crate::time::Timestamp> for Value {
    fn from(v: &crate::time::Timestamp) -> Value {
        Value::Text(crate::time::fmt(v))
    }
}
impl From<crate::time::Timestamp> for Value {
    fn from(v: crate::time::Timestamp) -> Value {
        Value::Text(crate::time::fmt(&v))
    }
}
/// JSON documents are stored as text.
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Value {
        Value::Text(v.to_string())
    }
}
impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        Value::Text(v.to_string())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        match v {
            Some(v) => v.into(),
            None => Value::Null,
        }
    }
}
impl From<&Value> for Value {
    fn from(v: &Value) -> Value {
        v.clone()
    }
}

/// Conversion from a column value.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Result<Self>;
}

fn mismatch(v: &Value, want: &str) -> Error {
    Error::internal(format!("database column holds {v:?}, expected {want}"))
}

impl FromValue for Value {
    fn from_value(v: &Value) -> Result<Self> {
        Ok(v.clone())
    }
}
impl FromValue for i64 {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) if f.fract() == 0.0 => Ok(*f as i64),
            Value::Text(s) => s.parse().map_err(|_| mismatch(v, "an integer")),
            _ => Err(mismatch(v, "an integer")),
        }
    }
}
impl FromValue for i32 {
    fn from_value(v: &Value) -> Result<Self> {
        i64::from_value(v).and_then(|i| i32::try_from(i).map_err(|_| mismatch(v, "a 32-bit integer")))
    }
}
impl FromValue for u64 {
    fn from_value(v: &Value) -> Result<Self> {
        i64::from_value(v).map(|i| i.max(0) as u64)
    }
}
impl FromValue for usize {
    fn from_value(v: &Value) -> Result<Self> {
        i64::from_value(v).map(|i| i.max(0) as usize)
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Text(s) => s.parse().map_err(|_| mismatch(v, "a number")),
            _ => Err(mismatch(v, "a number")),
        }
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            _ => Err(mismatch(v, "a boolean")),
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Text(s) => Ok(s.clone()),
            Value::Int(i) => Ok(i.to_string()),
            Value::Float(f) => Ok(f.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            _ => Err(mismatch(v, "text")),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Blob(b) => Ok(b.clone()),
            Value::Text(s) => Ok(s.as_bytes().to_vec()),
            _ => Err(mismatch(v, "bytes")),
        }
    }
}
/// A JSON document stored as text (empty text reads as null).
impl FromValue for serde_json::Value {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Null => Ok(serde_json::Value::Null),
            Value::Text(s) if s.trim().is_empty() => Ok(serde_json::Value::Null),
            Value::Text(s) => serde_json::from_str(s).map_err(|e| Error::internal(format!("stored JSON is invalid: {e}"))),
            other => Ok(other.to_json()),
        }
    }
}
impl FromValue for crate::time::Timestamp {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Text(s) => crate::time::parse(s).ok_or_else(|| mismatch(v, "a timestamp")),
            _ => Err(mismatch(v, "a timestamp")),
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// The names of a result's columns, shared by all its rows.
pub type Columns = std::sync::Arc<[Box<str>]>;

/// One result row. Outside `db/` its values are read by column name ([`Row::col`]), never by
/// position: a column added to a SELECT cannot shift what another reads.
#[derive(Debug, Clone, Default)]
pub struct Row {
    values: Vec<Value>,
    columns: Columns,
}

impl Row {
    pub(in crate::db) fn new(values: Vec<Value>, columns: Columns) -> Row {
        Row { values, columns }
    }

    /// The value of column `name` (as the SELECT names it: the column, or its `AS` alias).
    pub fn col<T: FromValue>(&self, name: &str) -> Result<T> {
        T::from_value(self.col_value(name)?).map_err(|e| Error::internal(format!("column {name}: {}", e.message)))
    }

    /// The raw value of column `name`.
    pub fn col_value(&self, name: &str) -> Result<&Value> {
        self.columns
            .iter()
            .position(|c| &**c == name)
            .and_then(|i| self.values.get(i))
            .ok_or_else(|| Error::internal(format!("no column {name} in the row (columns: {})", self.columns.join(", "))))
    }

    /// (column name, value) in the SELECT's order, for code that handles any row (dumps, CSV).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.columns.iter().map(|c| &**c).zip(self.values.iter())
    }

    /// Positional access, for the database layer itself (`scalar`, `insert`); everything else
    /// reads by name.
    pub(in crate::db) fn get<T: FromValue>(&self, idx: usize) -> Result<T> {
        let v = self.values.get(idx).ok_or_else(|| Error::internal(format!("no column {idx} in the row")))?;
        T::from_value(v)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// A type built from a row by column names: `tx.query_as::<T>(sql, params)`.
pub trait FromRow: Sized {
    fn from_row(row: &Row) -> Result<Self>;
}

/// Build a parameter slice: `params![id, "name", Some(3)]`.
#[macro_export]
macro_rules! params {
    () => { &[] as &[$crate::db::Value] };
    ($($v:expr),+ $(,)?) => { &[$($crate::db::Value::from($v)),+] as &[$crate::db::Value] };
}

// ---- rusqlite glue ----

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Float(f) => ToSqlOutput::Borrowed(ValueRef::Real(*f)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(*b as i64)),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

pub(crate) fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Float(f),
        // `from_utf8` is much faster than the lossy path on valid text (the common case).
        ValueRef::Text(t) => Value::Text(match std::str::from_utf8(t) {
            Ok(s) => s.to_owned(),
            Err(_) => String::from_utf8_lossy(t).into_owned(),
        }),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

// ---- postgres glue ----

type PgErr = Box<dyn std::error::Error + Sync + Send>;

impl postgres::types::ToSql for Value {
    fn to_sql(&self, ty: &postgres::types::Type, out: &mut bytes::BytesMut) -> Result<postgres::types::IsNull, PgErr> {
        use postgres::types::{IsNull, Type};
        let text = |s: &str, out: &mut bytes::BytesMut| -> Result<IsNull, PgErr> { s.to_sql(&Type::TEXT, out) };
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::NUMERIC => Err("NUMERIC parameters are not supported; cast the parameter".into()),
                _ => text(&i.to_string(), out),
            },
            Value::Float(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::INT8 if f.fract() == 0.0 => (*f as i64).to_sql(ty, out),
                Type::INT4 if f.fract() == 0.0 => (*f as i32).to_sql(ty, out),
                _ => text(&f.to_string(), out),
            },
            Value::Text(s) => match *ty {
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => s.parse::<i32>()?.to_sql(ty, out),
                Type::FLOAT8 => s.parse::<f64>()?.to_sql(ty, out),
                Type::BOOL => matches!(s.as_str(), "true" | "t" | "1").to_sql(ty, out),
                Type::BYTEA => s.as_bytes().to_sql(ty, out),
                _ => text(s, out),
            },
            Value::Bool(b) => match *ty {
                Type::BOOL => b.to_sql(ty, out),
                Type::INT8 => (*b as i64).to_sql(ty, out),
                Type::INT4 => (*b as i32).to_sql(ty, out),
                Type::INT2 => (*b as i16).to_sql(ty, out),
                _ => text(if *b { "true" } else { "false" }, out),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => text(&String::from_utf8_lossy(b), out),
            },
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A NUMERIC column, decoded from PostgreSQL's binary form (SUM() and AVG() return it).
struct Numeric(Value);

impl<'a> postgres::types::FromSql<'a> for Numeric {
    fn from_sql(_: &postgres::types::Type, raw: &'a [u8]) -> Result<Self, PgErr> {
        let rd = |i: usize| -> Result<i16, PgErr> {
            raw.get(i..i + 2).map(|b| i16::from_be_bytes([b[0], b[1]])).ok_or_else(|| "short NUMERIC".into())
        };
        let ndigits = rd(0)? as usize;
        let weight = rd(2)? as i32;
        let sign = rd(4)? as u16;
        let dscale = rd(6)?;
        if sign == 0xC000 {
            return Ok(Numeric(Value::Float(f64::NAN)));
        }
        let mut int: i128 = 0;
        let mut val: f64 = 0.0;
        let mut exact = true;
        for i in 0..ndigits {
            let d = rd(8 + 2 * i)? as i128;
            let power = weight - i as i32;
            val += d as f64 * 10000f64.powi(power);
            if power >= 0 {
                int = int.checked_mul(10000).and_then(|x| x.checked_add(d)).ok_or("NUMERIC overflow")?;
            } else if d != 0 {
                exact = false;
            }
        }
        // Remaining integer positions (trailing zero groups not stored).
        let last_power = weight - ndigits as i32 + 1;
        if ndigits > 0 && last_power > 0 {
            for _ in 0..last_power {
                int = int.checked_mul(10000).ok_or("NUMERIC overflow")?;
            }
        }
        let neg = sign == 0x4000;
        if dscale == 0 && exact {
            let v = if neg { -int } else { int };
            return Ok(Numeric(Value::Int(i64::try_from(v)?)));
        }
        Ok(Numeric(Value::Float(if neg { -val } else { val })))
    }
    fn accepts(ty: &postgres::types::Type) -> bool {
        *ty == postgres::types::Type::NUMERIC
    }
}

pub(crate) fn from_pg(row: &postgres::Row, idx: usize) -> Result<Value> {
    use postgres::types::Type;
    let ty = row.columns()[idx].type_();
    let conv = |e: postgres::Error| Error::internal(format!("reading column {}: {e}", row.columns()[idx].name()));
    Ok(match *ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(idx).map_err(conv)?.map_or(Value::Null, Value::Int),
        Type::INT4 => row.try_get::<_, Option<i32>>(idx).map_err(conv)?.map_or(Value::Null, |v| Value::Int(v.into())),
        Type::INT2 => row.try_get::<_, Option<i16>>(idx).map_err(conv)?.map_or(Value::Null, |v| Value::Int(v.into())),
        Type::BOOL => row.try_get::<_, Option<bool>>(idx).map_err(conv)?.map_or(Value::Null, Value::Bool),
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(idx).map_err(conv)?.map_or(Value::Null, Value::Float),
        Type::FLOAT4 => row.try_get::<_, Option<f32>>(idx).map_err(conv)?.map_or(Value::Null, |v| Value::Float(v.into())),
        Type::BYTEA => row.try_get::<_, Option<Vec<u8>>>(idx).map_err(conv)?.map_or(Value::Null, Value::Blob),
        Type::NUMERIC => row.try_get::<_, Option<Numeric>>(idx).map_err(conv)?.map_or(Value::Null, |n| n.0),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
            row.try_get::<_, Option<String>>(idx).map_err(conv)?.map_or(Value::Null, Value::Text)
        }
        ref other => {
            return Err(Error::internal(format!(
                "column {} has type {other}, which awxm does not read; cast it in the query",
                row.columns()[idx].name()
            )));
        }
    })
}
