//! The data layer (server only): one `Db` over SQLite or PostgreSQL, chosen by the URL scheme,
//! and what every area shares: transactions, the `on_db!`/`on_tx!` macros, query helpers,
//! streams, and the tables no one area owns (the audit log, the outbox, sessions, sign-in
//! throttles, export leases, the installation's secrets). Each area's own SQL lives in its
//! `db` module (`<area>/db.rs`, or `<area>/db/` when it has several), which uses this one and
//! is never used by it. Both backends take the same SQL text (`$1…$n` placeholders,
//! `returning`); the macros expand one body per backend so each arm is type-checked against
//! its own driver. Branch only where SQL differs.

pub mod args;
pub mod audit;
pub mod counties;
pub mod exports;
pub mod outbox;
pub mod record;
pub mod secrets;
pub mod sessions;
pub mod sqlite;
pub mod throttle;

use crate::bind_args;
pub use args::{escape_like, marks, Arg, Null, Where};
pub use record::{Columns, Record};

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// How long a statement waits for a free connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// How many rows a stream (`Db::stream`) reads ahead of its reader…
const STREAM_ROWS: usize = 64;
/// …and how long it waits for the reader to take one before it gives up (a stalled download
/// must not hold a connection, an export slot and the user's lease).
const STALLED: Duration = Duration::from_secs(60);

/// What a stream keeps while it reads (an export's lease, see `export::Lease`): `keep` is
/// called as rows go out, `finish` after the last row is sent and before the stream ends;
/// dropped without `finish` when the stream stops early.
pub trait Holding: Send + 'static {
    fn keep(&mut self) -> impl std::future::Future<Output = ()> + Send;
    fn finish(self) -> impl std::future::Future<Output = ()> + Send;
}

impl Holding for () {
    async fn keep(&mut self) {}
    async fn finish(self) {}
}

/// The rows of a stream (`Db::stream`), as they are read.
pub struct Rows<T> {
    receiver: tokio::sync::mpsc::Receiver<Result<T, sqlx::Error>>,
    /// Set once every row has been sent.
    complete: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl<T> Rows<T> {
    /// No rows at all.
    pub fn none() -> Rows<T> {
        Rows { receiver: tokio::sync::mpsc::channel(1).1, complete: std::sync::Arc::new(true.into()) }
    }

    /// The rows `rows`, in a channel closed after them; `whole` if they are the whole result
    /// (for tests of what reads them).
    #[cfg(test)]
    pub(crate) fn from_parts(rows: Vec<Result<T, sqlx::Error>>, whole: bool) -> Rows<T> {
        let (sender, receiver) = tokio::sync::mpsc::channel(rows.len().max(1));
        for row in rows {
            let _ = sender.try_send(row);
        }
        Rows { receiver, complete: std::sync::Arc::new(whole.into()) }
    }

    /// The next row; `None` after the last. Rows that stop before the last (the reading gave
    /// up) end with an error, so that nobody takes part of a result for the whole.
    pub async fn next(&mut self) -> Option<Result<T, sqlx::Error>> {
        match self.receiver.recv().await {
            Some(row) => Some(row),
            None if self.complete.load(std::sync::atomic::Ordering::Acquire) => None,
            None => Some(Err(sqlx::Error::Io(std::io::Error::other("the rows stopped before the last")))),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(sqlite::SqliteDb),
    Postgres(PgPool),
}

/// A write transaction on either backend.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// `on_db!(db, |pool| body)`: run `body` with `pool` bound to the backend's pool.
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// `on_tx!(tx, |conn| body)`: run `body` with `conn` bound to the transaction's connection.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::db::Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("the URL scheme must be sqlite: or postgres://")]
    UnknownScheme,
    #[error("{0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("cannot create the database folder: {0}")]
    Folder(#[from] std::io::Error),
}

impl Db {
    /// The SQLite database, whose reads run on the request's thread (`SqliteDb::read_here`);
    /// `None` on PostgreSQL.
    pub fn sqlite(&self) -> Option<&sqlite::SqliteDb> {
        match self {
            Db::Sqlite(lite) => Some(lite),
            Db::Postgres(_) => None,
        }
    }

    /// Which backend a URL selects, without connecting; `None` for any other scheme.
    pub fn backend_of(url: &str) -> Option<&'static str> {
        if url.starts_with("sqlite:") {
            Some("sqlite")
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some("postgres")
        } else {
            None
        }
    }

    pub async fn connect(url: &str) -> Result<Db, ConnectError> {
        Db::connect_sized(url, None).await
    }

    /// Connect with at most `connections` connections (by default 8 on SQLite, whose
    /// statements each run on their connection's own thread, and 16 on PostgreSQL). SQLite has
    /// that many for reading, as many for streamed exports and as many for write transactions
    /// (see `sqlite`); an in-memory SQLite database has one for all.
    pub async fn connect_sized(url: &str, connections: Option<u32>) -> Result<Db, ConnectError> {
        match Db::backend_of(url) {
            Some("sqlite") => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
                    // Read pages straight from the file's memory map rather than copying each
                    // into every connection's own cache; sorts and temporary indexes in memory.
                    .pragma("mmap_size", "268435456")
                    .pragma("temp_store", "memory");
                let in_memory = url.contains(":memory:") || url.contains("mode=memory");
                if !in_memory {
                    if let Some(parent) = options.get_filename().parent() {
                        if !parent.as_os_str().is_empty() {
                            std::fs::create_dir_all(parent)?;
                        }
                    }
                }
                // An embedded database's connection cannot drop: no ping before each use (it
                // costs a round trip to the connection's thread on every statement).
                let connections = if in_memory { 1 } else { connections.unwrap_or(8) };
                let pool = SqlitePoolOptions::new()
                    .max_connections(connections)
                    .test_before_acquire(false)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options.clone())
                    .await?;
                Ok(Db::Sqlite(if in_memory {
                    sqlite::SqliteDb::new(pool)
                } else {
                    sqlite::SqliteDb::with_readers(pool, options, connections)
                }))
            }
            Some(_) => {
                let options = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(connections.unwrap_or(16))
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await?;
                Ok(Db::Postgres(pool))
            }
            None => Err(ConnectError::UnknownScheme),
        }
    }

    /// How many statements may run at once: on SQLite, reads (write transactions have as
    /// many connections again, and queue for SQLite's one writer).
    pub fn connections(&self) -> u32 {
        match self {
            Db::Sqlite(db) => db.readers(),
            Db::Postgres(pool) => pool.options().get_max_connections(),
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Apply the migrations (on SQLite with the checks a migration cannot change, see
    /// `SqliteDb::widen_role_checks`), and nothing else: `Db::migrate` (in the crate root,
    /// where the areas meet) then derives what SQL cannot.
    pub async fn apply_migrations(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite(db) => {
                sqlx::migrate!("../migrations/sqlite").run(db.pool()).await?;
                db.widen_role_checks().await?;
            }
            Db::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Begin a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`) so that two writers queue on the busy timeout instead of one failing
    /// when it upgrades from reading to writing.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(db) => Tx::Sqlite(db.pool().begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// The rows of `sql` (its `$1…$n` bound to `args`), each `map`ped, sent as they are read
    /// into a channel of a few rows: what is in memory does not grow with the number of rows.
    /// A task of its own reads them on one connection, calling `hold.keep()` as they go and
    /// `hold.finish()` after the last, before the stream ends. It stops reading (and gives the
    /// connection back) when the receiver is dropped or takes no row for `STALLED`; the
    /// receiver then sees the rows end early (`Rows::next`), not a whole result.
    pub fn stream<R, T, H>(
        &self,
        sql: String,
        args: Vec<Arg>,
        mut map: impl FnMut(R) -> T + Send + 'static,
        mut hold: H,
    ) -> Rows<T>
    where
        R: Record + Send + 'static,
        T: Send + 'static,
        H: Holding,
    {
        use futures_util::StreamExt;
        let (sender, receiver) = tokio::sync::mpsc::channel(STREAM_ROWS);
        let complete = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let rows = Rows { receiver, complete: complete.clone() };
        let db = self.clone();
        tokio::spawn(async move {
            // Whether every row was read and taken.
            macro_rules! send_rows {
                ($rows:expr, $columns:path) => {{
                    let mut rows = $rows;
                    loop {
                        let Some(row) = rows.next().await else { break true };
                        let row = row.and_then(|row| R::read(&$columns(&row)));
                        let failed = row.as_ref().err().map(|e| matches!(e, sqlx::Error::WorkerCrashed));
                        let sent = tokio::time::timeout(STALLED, sender.send(row.map(&mut map))).await;
                        if !matches!(sent, Ok(Ok(()))) || failed.is_some() {
                            break false;
                        }
                        hold.keep().await;
                    }
                }};
            }
            let read = match &db {
                // A database in memory has one connection: read the rows first, then send them.
                Db::Sqlite(lite) if lite.in_memory() => {
                    match bind_args!(sqlx::query(&sql), &args).fetch_all(lite.pool()).await {
                        Ok(all) => Ok(send_rows!(futures_util::stream::iter(all.into_iter().map(Ok)), Columns::sqlite)),
                        Err(e) => Err(e),
                    }
                }
                Db::Sqlite(lite) => match lite.reading().await {
                    Ok(mut conn) => {
                        let whole = send_rows!(bind_args!(sqlx::query(&sql), &args).fetch(&mut *conn), Columns::sqlite);
                        if !whole {
                            // Its thread may have stopped: it does not go back to the pool.
                            conn.forget();
                        }
                        Ok(whole)
                    }
                    Err(e) => Err(e),
                },
                Db::Postgres(pool) => match pool.acquire().await {
                    Ok(mut conn) => {
                        Ok(send_rows!(bind_args!(sqlx::query(&sql), &args).fetch(&mut *conn), Columns::postgres))
                    }
                    Err(e) => Err(e),
                },
            };
            match read {
                Ok(true) => {
                    hold.finish().await;
                    complete.store(true, std::sync::atomic::Ordering::Release);
                }
                Ok(false) => {}
                Err(e) => {
                    let _ = tokio::time::timeout(STALLED, sender.send(Err(e))).await;
                }
            }
        });
        rows
    }

    /// Every row of the read statement `sql` (its `$1…$n` bound to `args`), each read as a
    /// `T`. On SQLite the statement runs on the request's thread when it comes within a budget
    /// of steps (see `sqlite`); it cannot write (writes go through a transaction, `begin`).
    pub async fn all<T: Record>(&self, sql: &str, args: &[Arg]) -> Result<Vec<T>, sqlx::Error> {
        match self {
            Db::Sqlite(lite) => lite.records(sql, args, usize::MAX, true).await,
            Db::Postgres(pool) => {
                let rows = bind_args!(sqlx::query(sql), args).fetch_all(pool).await?;
                rows.iter().map(|row| T::read(&Columns::postgres(row))).collect()
            }
        }
    }

    /// Every row of a statement known to scan many rows (a search in text), read as `all`
    /// does but never on the request's thread.
    pub async fn scan<T: Record>(&self, sql: &str, args: &[Arg]) -> Result<Vec<T>, sqlx::Error> {
        match self {
            Db::Sqlite(lite) => lite.records(sql, args, usize::MAX, false).await,
            Db::Postgres(_) => self.all(sql, args).await,
        }
    }

    /// The first row of `sql`, if any, read as a `T` (see `all`).
    pub async fn optional<T: Record>(&self, sql: &str, args: &[Arg]) -> Result<Option<T>, sqlx::Error> {
        match self {
            Db::Sqlite(lite) => Ok(lite.records(sql, args, 1, true).await?.into_iter().next()),
            Db::Postgres(pool) => match bind_args!(sqlx::query(sql), args).fetch_optional(pool).await? {
                Some(row) => T::read(&Columns::postgres(&row)).map(Some),
                None => Ok(None),
            },
        }
    }

    /// The first row of `sql`, read as a `T`; `RowNotFound` if it has none (see `all`).
    pub async fn one<T: Record>(&self, sql: &str, args: &[Arg]) -> Result<T, sqlx::Error> {
        self.optional(sql, args).await?.ok_or(sqlx::Error::RowNotFound)
    }

    /// A cheap round trip, for health checks.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_db!(self, |pool| sqlx::query("select 1").execute(pool).await.map(|_| ()))
    }

    /// A consistent copy of a live SQLite database into a new file (`VACUUM INTO`), taken
    /// while the app keeps serving. `None` on PostgreSQL, which has pg_dump for this.
    pub async fn backup_sqlite(&self, path: &str) -> Option<Result<(), sqlx::Error>> {
        match self {
            Db::Sqlite(pool) => Some(sqlx::query("vacuum into $1").bind(path).execute(pool).await.map(|_| ())),
            Db::Postgres(_) => None,
        }
    }

    pub async fn close(&self) {
        on_db!(self, |pool| pool.close().await)
    }
}

impl Tx {
    /// Every row of `sql` read as a `T`, inside the transaction (see `Db::all`).
    pub async fn all<T: Record>(&mut self, sql: &str, args: &[Arg]) -> Result<Vec<T>, sqlx::Error> {
        match self {
            Tx::Sqlite(t) => {
                let rows = bind_args!(sqlx::query(sql), args).fetch_all(&mut **t).await?;
                rows.iter().map(|row| T::read(&Columns::sqlite(row))).collect()
            }
            Tx::Postgres(t) => {
                let rows = bind_args!(sqlx::query(sql), args).fetch_all(&mut **t).await?;
                rows.iter().map(|row| T::read(&Columns::postgres(row))).collect()
            }
        }
    }

    /// The first row of `sql`, if any, read as a `T`, inside the transaction.
    pub async fn optional<T: Record>(&mut self, sql: &str, args: &[Arg]) -> Result<Option<T>, sqlx::Error> {
        match self {
            Tx::Sqlite(t) => match bind_args!(sqlx::query(sql), args).fetch_optional(&mut **t).await? {
                Some(row) => T::read(&Columns::sqlite(&row)).map(Some),
                None => Ok(None),
            },
            Tx::Postgres(t) => match bind_args!(sqlx::query(sql), args).fetch_optional(&mut **t).await? {
                Some(row) => T::read(&Columns::postgres(&row)).map(Some),
                None => Ok(None),
            },
        }
    }

    /// The first row of `sql`, read as a `T`, inside the transaction; `RowNotFound` if none.
    pub async fn one<T: Record>(&mut self, sql: &str, args: &[Arg]) -> Result<T, sqlx::Error> {
        self.optional(sql, args).await?.ok_or(sqlx::Error::RowNotFound)
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }
}

/// A date and time as the databases write it: RFC 3339 (sqlx on SQLite, PostgreSQL's JSON),
/// with a space for the T, or without an offset as SQLite's own functions write it (UTC).
/// chrono's RFC 3339 parser is tried first: it is much quicker than its general one.
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text).or_else(|_| DateTime::parse_from_str(text, "%F %T%.f%:z")) {
        return Some(t.with_timezone(&Utc));
    }
    ["%F %T%.f", "%FT%T%.f", "%F %R"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(text, f).ok())
        .map(|t| t.and_utc())
}

/// The current time as stored: UTC, whole microseconds (PostgreSQL's precision), so a value
/// read back equals the value written on both backends.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// The server's "now" for the rules that wait (a session's idle and absolute lifetimes):
/// the wall clock (`now`), which tests move forward (`advance`) instead of waiting for it.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    ahead_us: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        now() + chrono::Duration::microseconds(self.ahead_us.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Move this clock `by` ahead of the wall clock, for good.
    pub fn advance(&self, by: Duration) {
        let us = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
        self.ahead_us.fetch_add(us, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Is this error a unique-constraint violation (on either backend)?
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}
