//! Rows read into the types the areas use, with one decoder per type for every way a row is
//! read: rusqlite on the request's thread (SQLite's reads), sqlx's SQLite rows (transactions,
//! reads that ran past their budget) and sqlx's PostgreSQL rows.
//!
//! A type says once how it is read (`Record::read`), column by column and by name; each
//! column's value becomes the field's type through `Column`, and a value that does not fit
//! (an unknown status code, text where a number belongs) is an error that names the column,
//! never a silent default.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, TypeInfo, ValueRef};

/// A type read from one row of a statement.
pub trait Record: Sized {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error>;
}

/// One column's value as the backends give it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'r> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'r str),
    Bytes(&'r [u8]),
    Bool(bool),
    Date(NaiveDate),
    Time(DateTime<Utc>),
}

/// A field's type, made from one column's value. `Err` says why it does not fit.
pub trait Column: Sized {
    fn from_value(value: Value<'_>) -> Result<Self, String>;
}

/// A row being read, whichever backend and driver it came from.
pub struct Columns<'r> {
    row: Source<'r>,
}

enum Source<'r> {
    /// A rusqlite row, with its statement's column names (read once per statement: rusqlite
    /// reads and checks a name from SQLite at each lookup).
    Here(&'r rusqlite::Row<'r>, &'r [String]),
    Sqlite(&'r SqliteRow),
    Postgres(&'r PgRow),
}

impl<'r> Columns<'r> {
    pub fn here(row: &'r rusqlite::Row<'r>, names: &'r [String]) -> Columns<'r> {
        Columns { row: Source::Here(row, names) }
    }

    pub fn sqlite(row: &'r SqliteRow) -> Columns<'r> {
        Columns { row: Source::Sqlite(row) }
    }

    pub fn postgres(row: &'r PgRow) -> Columns<'r> {
        Columns { row: Source::Postgres(row) }
    }

    /// The column named `name` as a `T`.
    pub fn get<T: Column>(&self, name: &str) -> Result<T, sqlx::Error> {
        let index = match self.row {
            // As SQLite matches names: ignoring ASCII case.
            Source::Here(_, names) => {
                names.iter().position(|n| n.eq_ignore_ascii_case(name)).ok_or_else(|| missing(name))?
            }
            Source::Sqlite(row) => sqlx::Column::ordinal(row.try_column(name)?),
            Source::Postgres(row) => sqlx::Column::ordinal(row.try_column(name)?),
        };
        self.at(index).map_err(|e| match e {
            sqlx::Error::ColumnDecode { source, .. } => sqlx::Error::ColumnDecode { index: name.to_string(), source },
            e => e,
        })
    }

    /// How many columns the row has.
    pub fn len(&self) -> usize {
        match self.row {
            Source::Here(_, names) => names.len(),
            Source::Sqlite(row) => row.len(),
            Source::Postgres(row) => row.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The column at `index` (from 0) as a `T`: for statements that read one value.
    pub fn at<T: Column>(&self, index: usize) -> Result<T, sqlx::Error> {
        let value = self.value(index)?;
        T::from_value(value).map_err(|why| sqlx::Error::ColumnDecode { index: index.to_string(), source: why.into() })
    }

    fn value(&self, index: usize) -> Result<Value<'_>, sqlx::Error> {
        let undecodable =
            |source: sqlx::error::BoxDynError| sqlx::Error::ColumnDecode { index: index.to_string(), source };
        match self.row {
            Source::Here(row, _) => {
                use rusqlite::types::ValueRef as V;
                Ok(match row.get_ref(index).map_err(|e| undecodable(e.into()))? {
                    V::Null => Value::Null,
                    V::Integer(v) => Value::Int(v),
                    V::Real(v) => Value::Real(v),
                    V::Text(v) => Value::Text(std::str::from_utf8(v).map_err(|e| undecodable(e.into()))?),
                    V::Blob(v) => Value::Bytes(v),
                })
            }
            Source::Sqlite(row) => {
                let raw = row.try_get_raw(index)?;
                if raw.is_null() {
                    return Ok(Value::Null);
                }
                let kind = raw.type_info().name().to_string();
                Ok(match kind.as_str() {
                    "INTEGER" | "BOOLEAN" => Value::Int(row.try_get_unchecked(index)?),
                    "REAL" => Value::Real(row.try_get_unchecked(index)?),
                    "TEXT" | "DATE" | "TIME" | "DATETIME" => Value::Text(row.try_get_unchecked(index)?),
                    "BLOB" => Value::Bytes(row.try_get_unchecked(index)?),
                    other => return Err(undecodable(format!("a value of type {other}").into())),
                })
            }
            Source::Postgres(row) => {
                let raw = row.try_get_raw(index)?;
                if raw.is_null() {
                    return Ok(Value::Null);
                }
                let kind = raw.type_info().name().to_string();
                Ok(match kind.as_str() {
                    "INT8" => Value::Int(row.try_get(index)?),
                    "INT4" => Value::Int(row.try_get::<i32, _>(index)?.into()),
                    "INT2" => Value::Int(row.try_get::<i16, _>(index)?.into()),
                    "FLOAT8" => Value::Real(row.try_get(index)?),
                    "FLOAT4" => Value::Real(row.try_get::<f32, _>(index)?.into()),
                    "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => Value::Text(row.try_get(index)?),
                    "BOOL" => Value::Bool(row.try_get(index)?),
                    "BYTEA" => Value::Bytes(row.try_get(index)?),
                    "DATE" => Value::Date(row.try_get(index)?),
                    "TIMESTAMPTZ" => Value::Time(row.try_get(index)?),
                    "JSON" => Value::Text(row.try_get_unchecked(index)?),
                    "JSONB" => {
                        // Binary JSONB is a version byte, 1, before the text.
                        let bytes: &[u8] = row.try_get_unchecked(index)?;
                        match bytes.split_first() {
                            Some((1, text)) => {
                                Value::Text(std::str::from_utf8(text).map_err(|e| undecodable(e.into()))?)
                            }
                            _ => return Err(undecodable("JSONB of an unknown version".into())),
                        }
                    }
                    other => return Err(undecodable(format!("a value of type {other}").into())),
                })
            }
        }
    }
}

fn missing(name: &str) -> sqlx::Error {
    sqlx::Error::ColumnNotFound(name.to_string())
}

fn unexpected<T>(value: Value<'_>, wanted: &str) -> Result<T, String> {
    Err(format!("{value:?} where {wanted} was expected"))
}

impl Column for i64 {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Int(v) => Ok(v),
            v => unexpected(v, "an integer"),
        }
    }
}

impl Column for i32 {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        let v = i64::from_value(value)?;
        i32::try_from(v).map_err(|_| format!("{v} is out of range"))
    }
}

impl Column for f64 {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Real(v) => Ok(v),
            // SQLite keeps a real with no fraction as an integer.
            Value::Int(v) => Ok(v as f64),
            v => unexpected(v, "a number"),
        }
    }
}

impl Column for bool {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Bool(v) => Ok(v),
            // SQLite has no booleans: 0 and 1.
            Value::Int(0) => Ok(false),
            Value::Int(1) => Ok(true),
            v => unexpected(v, "a boolean"),
        }
    }
}

impl Column for String {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Text(v) => Ok(v.to_string()),
            v => unexpected(v, "text"),
        }
    }
}

impl Column for Vec<u8> {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Bytes(v) => Ok(v.to_vec()),
            v => unexpected(v, "bytes"),
        }
    }
}

impl Column for NaiveDate {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Date(v) => Ok(v),
            Value::Text(v) => v.parse().map_err(|_| format!("{v:?} is not a date")),
            v => unexpected(v, "a date"),
        }
    }
}

impl Column for DateTime<Utc> {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Time(v) => Ok(v),
            Value::Text(v) => super::parse_time(v).ok_or_else(|| format!("{v:?} is not a time")),
            v => unexpected(v, "a time"),
        }
    }
}

/// JSON text (SQLite's `json_object`, PostgreSQL's `json`), decoded.
impl<T: serde::de::DeserializeOwned> Column for sqlx::types::Json<T> {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Text(v) => serde_json::from_str(v).map(sqlx::types::Json).map_err(|e| e.to_string()),
            v => unexpected(v, "JSON"),
        }
    }
}

impl<T: Column> Column for Option<T> {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// `code_column!(Type, …)`: each type, stored as the code its `parse` reads, is a `Column`;
/// an unknown code is an error.
#[macro_export]
macro_rules! code_column {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::db::record::Column for $t {
            fn from_value(value: $crate::db::record::Value<'_>) -> Result<Self, String> {
                match value {
                    $crate::db::record::Value::Text(code) => {
                        <$t>::parse(code).ok_or_else(|| format!("{code:?} is not a code of {}", stringify!($t)))
                    }
                    v => Err(format!("{v:?} where a code of {} was expected", stringify!($t))),
                }
            }
        }
    )+};
}

/// One value read as a record: `db.all::<i64>(…)` for statements that read one column.
macro_rules! scalar_record {
    ($($t:ty),+) => {$(
        impl Record for $t {
            fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
                row.at(0)
            }
        }
    )+};
}

scalar_record!(i64, i32, f64, bool, String, NaiveDate, DateTime<Utc>);

crate::code_column!(
    crate::domain::Role,
    crate::domain::CaseType,
    crate::domain::CaseStatus,
    crate::domain::MessageState,
    crate::domain::DayKind
);

/// A language is stored as its tag (`zh-CN`).
impl Column for crate::domain::Locale {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        match value {
            Value::Text(tag) => crate::domain::Locale::parse(tag).ok_or_else(|| format!("{tag:?} is not a language")),
            v => unexpected(v, "a language"),
        }
    }
}

/// A few columns in the statement's order: `db.all::<(i64, String)>(…)`.
macro_rules! tuple_record {
    ($(($($t:ident $i:tt),+)),+) => {$(
        impl<$($t: Column),+> Record for ($($t,)+) {
            fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
                Ok(($(row.at::<$t>($i)?,)+))
            }
        }
    )+};
}

tuple_record!(
    (A 0, B 1),
    (A 0, B 1, C 2),
    (A 0, B 1, C 2, D 3),
    (A 0, B 1, C 2, D 3, E 4),
    (A 0, B 1, C 2, D 3, E 4, F 5),
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
);

/// Every column of the row, each a `T`.
impl<T: Column> Record for Vec<T> {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        (0..row.len()).map(|i| row.at(i)).collect()
    }
}

impl<T: Column> Record for Option<T> {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        row.at(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_integers_are_booleans_and_nothing_else_is() {
        assert_eq!(bool::from_value(Value::Int(1)), Ok(true));
        assert_eq!(bool::from_value(Value::Int(0)), Ok(false));
        assert!(bool::from_value(Value::Int(2)).is_err());
        assert!(bool::from_value(Value::Text("true")).is_err());
    }

    #[test]
    fn dates_and_times_are_read_from_text_as_sqlite_keeps_them() {
        assert_eq!(NaiveDate::from_value(Value::Text("2026-12-04")), Ok(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()));
        assert!(NaiveDate::from_value(Value::Text("4 Dec")).is_err());
        let t = DateTime::<Utc>::from_value(Value::Text("2026-12-04 20:25:00")).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-04T20:25:00+00:00");
    }

    #[test]
    fn a_null_is_none_only_where_none_is_allowed() {
        assert_eq!(Option::<i64>::from_value(Value::Null), Ok(None));
        assert_eq!(Option::<i64>::from_value(Value::Int(7)), Ok(Some(7)));
        assert!(i64::from_value(Value::Null).is_err());
        assert!(i32::from_value(Value::Int(i64::MAX)).is_err());
    }
}
