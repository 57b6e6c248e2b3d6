//! What a statement is given: the values bound to it (`Arg`, in the order of its `$1…$n`),
//! the conditions a list's filters add (`Where`), and text made safe for `like`.

use chrono::{DateTime, NaiveDate, Utc};

/// The placeholders of `n` values bound from `$first` on: `$1, $2, $3`.
pub fn marks(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// A value bound to a statement: a generated condition's (see `Where`) or a record's read
/// (`Db::all`).
#[derive(Clone, Debug)]
pub enum Arg {
    Int(i64),
    Text(String),
    Real(f64),
    Bool(bool),
    Date(NaiveDate),
    Time(DateTime<Utc>),
    /// A null of the type of the variant named, so PostgreSQL knows what it compares with.
    Null(Null),
}

/// What a null `Arg` would have been.
#[derive(Clone, Copy, Debug)]
pub enum Null {
    Int,
    Text,
    Date,
    Time,
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(v)
    }
}

impl From<i32> for Arg {
    fn from(v: i32) -> Arg {
        Arg::Int(v.into())
    }
}

impl From<f64> for Arg {
    fn from(v: f64) -> Arg {
        Arg::Real(v)
    }
}

impl From<Option<i32>> for Arg {
    fn from(v: Option<i32>) -> Arg {
        v.map_or(Arg::Null(Null::Int), Arg::from)
    }
}

impl From<Option<String>> for Arg {
    fn from(v: Option<String>) -> Arg {
        v.map_or(Arg::Null(Null::Text), Arg::Text)
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(v.clone())
    }
}

impl From<bool> for Arg {
    fn from(v: bool) -> Arg {
        Arg::Bool(v)
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}

impl From<NaiveDate> for Arg {
    fn from(v: NaiveDate) -> Arg {
        Arg::Date(v)
    }
}

impl From<DateTime<Utc>> for Arg {
    fn from(v: DateTime<Utc>) -> Arg {
        Arg::Time(v)
    }
}

impl From<Option<i64>> for Arg {
    fn from(v: Option<i64>) -> Arg {
        v.map_or(Arg::Null(Null::Int), Arg::Int)
    }
}

impl From<Option<&str>> for Arg {
    fn from(v: Option<&str>) -> Arg {
        v.map_or(Arg::Null(Null::Text), Arg::from)
    }
}

impl From<Option<NaiveDate>> for Arg {
    fn from(v: Option<NaiveDate>) -> Arg {
        v.map_or(Arg::Null(Null::Date), Arg::Date)
    }
}

impl From<Option<DateTime<Utc>>> for Arg {
    fn from(v: Option<DateTime<Utc>>) -> Arg {
        v.map_or(Arg::Null(Null::Time), Arg::Time)
    }
}

/// As sqlx binds them, for the statements read with rusqlite (`sqlite::SqliteDb::records`).
impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(match self {
            Arg::Int(v) => (*v).into(),
            Arg::Text(v) => v.as_str().into(),
            Arg::Real(v) => (*v).into(),
            Arg::Bool(v) => i64::from(*v).into(),
            Arg::Null(_) => rusqlite::types::Null.into(),
            Arg::Date(v) => v.format("%F").to_string().into(),
            Arg::Time(v) => v.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false).into(),
        })
    }
}

/// `bind_args!(query, args)`: bind each argument of a `Where` in order.
#[macro_export]
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for a in $args {
            q = match a {
                $crate::db::Arg::Int(v) => q.bind(*v),
                $crate::db::Arg::Text(v) => q.bind(v.clone()),
                $crate::db::Arg::Real(v) => q.bind(*v),
                $crate::db::Arg::Bool(v) => q.bind(*v),
                $crate::db::Arg::Date(v) => q.bind(*v),
                $crate::db::Arg::Time(v) => q.bind(*v),
                $crate::db::Arg::Null($crate::db::Null::Int) => q.bind(None::<i64>),
                $crate::db::Arg::Null($crate::db::Null::Text) => q.bind(None::<String>),
                $crate::db::Arg::Null($crate::db::Null::Date) => q.bind(None::<chrono::NaiveDate>),
                $crate::db::Arg::Null($crate::db::Null::Time) => q.bind(None::<chrono::DateTime<chrono::Utc>>),
            };
        }
        q
    }};
}

/// The conditions a list filter sets, and only those, so each query can use its indexes.
/// Clauses write `?` for their values, numbered `$n` in order as they are added.
#[derive(Default)]
pub struct Where {
    clauses: Vec<String>,
    pub args: Vec<Arg>,
    /// Placeholders already used by another condition of the same statement.
    offset: usize,
}

impl Where {
    /// A condition for the same statement as `before`: its placeholders continue after
    /// `before`'s, and its arguments are bound after them.
    pub fn after(before: &Where) -> Where {
        Where { clauses: Vec::new(), args: Vec::new(), offset: before.offset + before.args.len() }
    }

    pub fn push(&mut self, clause: &str, values: Vec<Arg>) {
        let mut clause = clause.to_string();
        for v in values {
            self.args.push(v);
            clause = clause.replacen('?', &format!("${}", self.offset + self.args.len()), 1);
        }
        self.clauses.push(clause);
    }

    /// How many conditions there are.
    pub fn len(&self) -> usize {
        self.clauses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// ` where a and b`, or nothing.
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" where {}", self.clauses.join(" and "))
        }
    }
}

/// A text to find inside a column with `like … escape '\'`: its own `%`, `_` and `\` match
/// themselves.
pub fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
