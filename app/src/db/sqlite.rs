//! SQLite's connections: sqlx's pool for write transactions and migrations, rusqlite
//! connections that read on the request's own thread, and a pool of sqlx reading connections
//! for the reads that are too long for that. Every read statement (`Db::all`, `optional`,
//! `one`) goes the same way and its rows are decoded once per type (`record::Record`):
//!
//! 1. On the request's thread (`read_here`), through rusqlite over the same SQLite library:
//!    no round trip to a connection's own thread, which sqlx's SQLite driver makes twice per
//!    statement. A read takes tens to hundreds of microseconds, about what rendering a row or
//!    two costs. At most `size` such connections are open, read-only.
//! 2. Through the reading pool, when the statement ran past a budget of steps on the
//!    request's thread (it is interrupted: a scan must not hold up the other requests of a
//!    serving thread), when the caller says it scans (`Db::scan`), or when every connection
//!    of the first kind is reading. sqlx's own pool pings every connection it takes back (a
//!    round trip to the connection's thread and a task); an embedded database's connection
//!    cannot drop, so these go back as soon as their statement has answered.

use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream, StreamExt};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteQueryResult, SqliteRow, SqliteStatement, SqliteTypeInfo,
};
use sqlx::{ConnectOptions, Connection, Either, Execute, Executor, Sqlite, SqlitePool};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// An SQLite database: reads through `readers`, transactions through `pool`.
#[derive(Clone, Debug)]
pub struct SqliteDb {
    pool: SqlitePool,
    /// `None` for a database in memory, which exists only on the pool's one connection.
    readers: Option<Arc<Readers>>,
    /// Connections for `read_here`; `None` for a database in memory.
    here: Option<Arc<Here>>,
    /// Connections for streamed exports (`reading`), as many as `readers`, that read the file
    /// rather than map it: an export reads each of its pages once, and sixteen at once mapped
    /// a hundred megabytes of the file into the server's resident memory.
    exporters: Option<Arc<Readers>>,
}

impl SqliteDb {
    /// Reads and writes both through `pool` (a database in memory, or a pool made elsewhere).
    pub fn new(pool: SqlitePool) -> SqliteDb {
        SqliteDb { pool, readers: None, here: None, exporters: None }
    }

    /// Writes through `pool`; reads through at most `readers` connections opened with `options`.
    pub fn with_readers(pool: SqlitePool, options: SqliteConnectOptions, readers: u32) -> SqliteDb {
        let here = Here {
            path: options.get_filename().to_path_buf(),
            idle: Mutex::new(Some(Vec::new())),
            size: readers,
            open: AtomicU32::new(0),
        };
        let exporters = Readers::new(options.clone().pragma("mmap_size", "0"), readers);
        let readers = Readers::new(options, readers);
        SqliteDb {
            pool,
            readers: Some(Arc::new(readers)),
            here: Some(Arc::new(here)),
            exporters: Some(Arc::new(exporters)),
        }
    }

    /// At most how many statements read at once.
    pub fn readers(&self) -> u32 {
        match &self.readers {
            Some(r) => r.size,
            None => self.pool.options().get_max_connections(),
        }
    }

    /// sqlx's pool: for transactions and migrations.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Let the CHECK constraints of `users` and `roles_requiring_two_step` name the county
    /// officers' role, and make a county officer's county required (migration 0028), once.
    /// SQLite changes a check only by making the table again; as its documentation says, with
    /// the foreign keys off (outside any transaction: a migration's cannot), then a new table
    /// from the old one's definition, its rows copied, the old one dropped, the new one
    /// renamed, the keys checked, all in one transaction.
    pub async fn widen_role_checks(&self) -> Result<(), sqlx::Error> {
        const ROLES: &str = "'department_liaison', 'leader')";
        const WIDER: &str = "'department_liaison', 'leader', 'county_officer')";
        const COUNTY: &str = ",\n    constraint users_county_officer_has_county \
                              check (role <> 'county_officer' or county_id is not null)\n)";
        let mut conn = self.pool.acquire().await?;
        let narrow: Vec<(String, String)> = sqlx::query_as(
            "select name, sql from sqlite_schema \
             where type = 'table' and name in ('users', 'roles_requiring_two_step') and sql not like '%county_officer%'",
        )
        .fetch_all(&mut *conn)
        .await?;
        if narrow.is_empty() {
            return Ok(());
        }
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
        let remade = async {
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            for (name, sql) in &narrow {
                let (Some(open), Some(close)) = (sql.find('('), sql.rfind(')')) else {
                    return Err(sqlx::Error::Protocol(format!("the definition of {name} has no columns")));
                };
                let mut body = sql[open..close].replace(ROLES, WIDER);
                body.push(')');
                if name == "users" {
                    body = format!("{}{COUNTY}", &body[..body.len() - 1]);
                }
                let indexes: Vec<(String,)> = sqlx::query_as(
                    "select sql from sqlite_schema where type = 'index' and tbl_name = $1 and sql is not null",
                )
                .bind(name)
                .fetch_all(&mut *tx)
                .await?;
                let steps = [
                    format!("create table {name}_widened {body}"),
                    format!("insert into {name}_widened select * from {name}"),
                    format!("drop table {name}"),
                    format!("alter table {name}_widened rename to {name}"),
                ];
                for step in steps.iter().chain(indexes.iter().map(|(sql,)| sql)) {
                    sqlx::query(step).execute(&mut *tx).await?;
                }
            }
            let broken: Vec<SqliteRow> = sqlx::query("PRAGMA foreign_key_check").fetch_all(&mut *tx).await?;
            if !broken.is_empty() {
                return Err(sqlx::Error::Protocol(format!("{} rows lost their foreign key", broken.len())));
            }
            tx.commit().await
        }
        .await;
        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
        remade
    }

    /// Run the statement `sql` on a reading connection on this thread (no round trip to a
    /// connection's own thread), `read` taking its rows. Logged as sqlx logs its statements,
    /// so the query log holds every one. `None` when the caller should read through the pool
    /// instead: the database is in memory, every connection of this kind is reading, or the
    /// statement ran past its budget of steps and was interrupted (a long scan must not hold
    /// up the other requests of this thread).
    pub fn read_here<T>(
        &self,
        sql: &str,
        read: impl FnOnce(&mut rusqlite::Statement) -> rusqlite::Result<T>,
    ) -> Option<Result<T, sqlx::Error>> {
        let here = self.here.as_ref()?;
        let started = std::time::Instant::now();
        let result = here.read(|conn| {
            let mut statement = conn.prepare_cached(sql)?;
            read(&mut statement)
        });
        let elapsed = started.elapsed();
        if matches!(&result, Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted)) {
            tracing::debug!(?elapsed, "a read ran past its budget on this thread; it is read through the pool");
            return None;
        }
        if matches!(&result, Err(HereError::Full)) {
            return None;
        }
        tracing::event!(target: "sqlx::query", tracing::Level::DEBUG, db.statement = sql, ?elapsed, "read here");
        Some(result.map_err(from_rusqlite))
    }

    /// The rows of `sql` (its `$1…$n` bound to `args`), at most `limit`, each read as a `T`:
    /// on this thread when they come within the budget of steps (see `read_here`), otherwise
    /// through the reading connections.
    /// `here` false sends a statement known to scan (a text search) to the reading
    /// connections at once.
    pub async fn records<T: super::Record>(
        &self,
        sql: &str,
        args: &[super::Arg],
        limit: usize,
        here: bool,
    ) -> Result<Vec<T>, sqlx::Error> {
        let here = here.then(|| {
            self.read_here(sql, |statement| {
                for (i, arg) in args.iter().enumerate() {
                    match statement.parameter_index(&format!("${}", i + 1))? {
                        Some(at) => statement.raw_bind_parameter(at, arg)?,
                        None => return Err(rusqlite::Error::InvalidParameterName(format!("${}", i + 1))),
                    }
                }
                let names: Vec<String> = statement.column_names().into_iter().map(String::from).collect();
                let mut rows = statement.raw_query();
                let mut out = Vec::new();
                while out.len() < limit {
                    let Some(row) = rows.next()? else { break };
                    match T::read(&super::Columns::here(row, &names)) {
                        Ok(record) => out.push(record),
                        Err(e) => return Ok(Err(e)),
                    }
                }
                Ok(Ok(out))
            })
        });
        if let Some(result) = here.flatten() {
            return result?;
        }
        let query = crate::bind_args!(sqlx::query(sql), args);
        let rows = if limit == 1 {
            query.fetch_optional(self).await?.into_iter().collect()
        } else {
            query.fetch_all(self).await?
        };
        rows.iter().take(limit).map(|row| T::read(&super::Columns::sqlite(row))).collect()
    }

    /// A database in memory: one connection for reads and writes alike.
    pub fn in_memory(&self) -> bool {
        self.readers.is_none()
    }

    /// A reading connection of its own for as long as the caller keeps it (a streamed export):
    /// one of the exporters, or the pool's for a database in memory.
    pub async fn reading(&self) -> Result<ReadingConnection, sqlx::Error> {
        match &self.exporters {
            Some(exporters) => Ok(ReadingConnection::Reader(exporters.acquire().await?)),
            None => Ok(ReadingConnection::Pool(self.pool.acquire().await?)),
        }
    }

    pub async fn close(&self) {
        if let Some(h) = &self.here {
            h.close();
        }
        for r in self.readers.iter().chain(&self.exporters) {
            r.permits.close();
            let idle = std::mem::take(&mut *r.idle.lock().unwrap_or_else(|e| e.into_inner()));
            for conn in idle {
                let _ = conn.close().await;
            }
        }
        self.pool.close().await;
    }
}

#[derive(Debug)]
struct Readers {
    options: SqliteConnectOptions,
    size: u32,
    idle: Mutex<Vec<SqliteConnection>>,
    /// One per connection, open or not: at most this many statements read at once.
    permits: Arc<Semaphore>,
}

impl Readers {
    fn new(options: SqliteConnectOptions, size: u32) -> Readers {
        Readers { options, size, idle: Mutex::new(Vec::new()), permits: Arc::new(Semaphore::new(size as usize)) }
    }

    async fn acquire(self: &Arc<Self>) -> Result<Reader, sqlx::Error> {
        let permit = match tokio::time::timeout(super::ACQUIRE_TIMEOUT, self.permits.clone().acquire_owned()).await {
            Err(_) => return Err(sqlx::Error::PoolTimedOut),
            Ok(Err(_)) => return Err(sqlx::Error::PoolClosed),
            Ok(Ok(p)) => p,
        };
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match idle {
            Some(c) => c,
            None => self.options.connect().await?,
        };
        Ok(Reader { conn: Some(conn), readers: self.clone(), _permit: permit })
    }
}

/// A reading connection, back to its pool when dropped (before its permit is released).
pub struct Reader {
    conn: Option<SqliteConnection>,
    readers: Arc<Readers>,
    _permit: OwnedSemaphorePermit,
}

impl Reader {
    /// The connection; `WorkerCrashed` if an earlier statement found its thread stopped.
    fn conn(&mut self) -> Result<&mut SqliteConnection, sqlx::Error> {
        self.conn.as_mut().ok_or(sqlx::Error::WorkerCrashed)
    }

    /// A connection whose thread has stopped does not go back to the pool.
    fn settle<T>(&mut self, result: Result<T, sqlx::Error>) -> Result<T, sqlx::Error> {
        if matches!(result, Err(sqlx::Error::WorkerCrashed)) {
            self.conn = None;
        }
        result
    }
}

/// A connection from `SqliteDb::reading`, back to its pool when dropped.
pub enum ReadingConnection {
    Reader(Reader),
    Pool(sqlx::pool::PoolConnection<Sqlite>),
}

impl ReadingConnection {
    /// Do not give this connection back to the pool (its thread may have stopped).
    pub fn forget(&mut self) {
        if let ReadingConnection::Reader(r) = self {
            r.conn = None;
        }
    }
}

// A reader handed out always has its connection (`conn` is emptied only after a statement
// found its thread stopped, on a reader that is then dropped): an invariant, not an input.
#[allow(clippy::expect_used)]
impl std::ops::Deref for ReadingConnection {
    type Target = SqliteConnection;

    fn deref(&self) -> &SqliteConnection {
        match self {
            ReadingConnection::Reader(r) => r.conn.as_ref().expect("a reader handed out has its connection"),
            ReadingConnection::Pool(c) => c,
        }
    }
}

#[allow(clippy::expect_used)]
impl std::ops::DerefMut for ReadingConnection {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        match self {
            ReadingConnection::Reader(r) => r.conn.as_mut().expect("a reader handed out has its connection"),
            ReadingConnection::Pool(c) => c,
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        // After `close`, the connection is dropped (which ends its thread) instead.
        if let Some(conn) = self.conn.take().filter(|_| !self.readers.permits.is_closed()) {
            self.readers.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        }
    }
}

/// A statement read on a request's thread that runs more than `HERE_LOOKS` times
/// `STEPS_PER_LOOK` of SQLite's virtual-machine steps (a few milliseconds) is interrupted and
/// read through the pool instead. The reads sent here take a few thousand steps; a count over
/// a list's filters takes about 8 000, a search's page with its count about 6 500.
const STEPS_PER_LOOK: i32 = 1000;
const HERE_LOOKS: u32 = 100;

/// rusqlite connections for `read_here`, opened read-only on demand and kept for the next read.
#[derive(Debug)]
struct Here {
    path: std::path::PathBuf,
    /// `None` once the database is closed.
    idle: Mutex<Option<Vec<HereConnection>>>,
    /// At most this many connections are open…
    size: u32,
    /// …and this many are (idle or reading).
    open: AtomicU32,
}

/// A connection being read, given back to `Here` when dropped.
struct Back<'h> {
    here: &'h Here,
    conn: Option<HereConnection>,
}

impl Drop for Back<'_> {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else { return };
        match self.here.idle.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            Some(idle) => idle.push(conn),
            None => {
                self.here.open.fetch_sub(1, Ordering::AcqRel);
            }
        }
    }
}

/// A connection, and how many times its current statement has reached `STEPS_PER_LOOK`.
#[derive(Debug)]
struct HereConnection {
    conn: rusqlite::Connection,
    looks: Arc<AtomicU32>,
}

impl Here {
    fn read<T>(&self, read: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>) -> Result<T, HereError> {
        let idle = match self.idle.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            None => return Err(HereError::Closed),
            Some(idle) => idle.pop(),
        };
        let here = match idle {
            Some(c) => c,
            None => {
                // Every connection is reading (one per serving thread at most): the caller
                // reads through the pool instead.
                let opened =
                    self.open.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < self.size).then_some(n + 1));
                if opened.is_err() {
                    return Err(HereError::Full);
                }
                Self::open(&self.path).inspect_err(|_| {
                    self.open.fetch_sub(1, Ordering::AcqRel);
                })?
            }
        };
        here.looks.store(0, Ordering::Relaxed);
        // Back to the idle list however `read` ends (a panic included), so the count of open
        // connections stays true.
        let back = Back { here: self, conn: Some(here) };
        let conn = back.conn.as_ref().map(|c| &c.conn).ok_or(HereError::Closed)?;
        read(conn).map_err(HereError::from)
    }

    fn open(path: &std::path::Path) -> rusqlite::Result<HereConnection> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = rusqlite::Connection::open_with_flags(path, flags)?;
        // In WAL mode a reader waits only while another connection recovers the log.
        conn.busy_timeout(Duration::from_secs(1))?;
        conn.pragma_update(None, "mmap_size", 268_435_456)?;
        // Sorts and temporary indexes in memory, as on the pool's connections.
        conn.pragma_update(None, "temp_store", "memory")?;
        // A statement with `like ?` would otherwise be prepared anew at each run: SQLite plans
        // LIKE from the pattern bound, and binding one expires the statement. The name search's
        // page statement has one, and SQLite's parser and planner showed in a search's profile.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        let looks = Arc::new(AtomicU32::new(0));
        let counted = looks.clone();
        conn.progress_handler(STEPS_PER_LOOK, Some(move || counted.fetch_add(1, Ordering::Relaxed) >= HERE_LOOKS));
        Ok(HereConnection { conn, looks })
    }

    fn close(&self) {
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// Why a read here failed.
#[derive(Debug)]
enum HereError {
    Closed,
    /// Every connection is in use.
    Full,
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for HereError {
    fn from(e: rusqlite::Error) -> Self {
        HereError::Sqlite(e)
    }
}

impl HereError {
    fn sqlite_error_code(&self) -> Option<rusqlite::ErrorCode> {
        match self {
            HereError::Sqlite(e) => e.sqlite_error_code(),
            HereError::Closed | HereError::Full => None,
        }
    }
}

/// rusqlite's errors as sqlx's, so the data layer has one error type.
fn from_rusqlite(e: HereError) -> sqlx::Error {
    let e = match e {
        HereError::Closed => return sqlx::Error::PoolClosed,
        HereError::Full => return sqlx::Error::PoolTimedOut,
        HereError::Sqlite(e) => e,
    };
    match e {
        rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) => {
            sqlx::Error::Decode(Box::new(e))
        }
        e => sqlx::Error::Io(std::io::Error::other(e)),
    }
}

type Item = Result<Either<SqliteQueryResult, SqliteRow>, sqlx::Error>;

impl<'c> Executor<'c> for &'c SqliteDb {
    type Database = Sqlite;

    /// The statement's results, read to the end before the connection goes back.
    fn fetch_many<'e, 'q: 'e, E>(self, query: E) -> BoxStream<'e, Item>
    where
        'c: 'e,
        E: 'q + Execute<'q, Sqlite>,
    {
        let Some(readers) = self.readers.clone() else { return self.pool.fetch_many(query) };
        Box::pin(
            stream::once(async move {
                let mut reader = match readers.acquire().await {
                    Ok(r) => r,
                    Err(e) => return vec![Err(e)],
                };
                let items: Vec<Item> = match reader.conn() {
                    Ok(conn) => conn.fetch_many(query).collect().await,
                    Err(e) => vec![Err(e)],
                };
                if items.iter().any(|i| matches!(i, Err(sqlx::Error::WorkerCrashed))) {
                    reader.conn = None;
                }
                items
            })
            .flat_map(stream::iter),
        )
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, Result<Option<SqliteRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Sqlite>,
    {
        let Some(readers) = self.readers.clone() else { return self.pool.fetch_optional(query) };
        Box::pin(async move {
            let mut reader = readers.acquire().await?;
            let result = reader.conn()?.fetch_optional(query).await;
            reader.settle(result)
        })
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [SqliteTypeInfo],
    ) -> BoxFuture<'e, Result<SqliteStatement<'q>, sqlx::Error>>
    where
        'c: 'e,
    {
        let Some(readers) = self.readers.clone() else { return self.pool.prepare_with(sql, parameters) };
        Box::pin(async move {
            let mut reader = readers.acquire().await?;
            let result = reader.conn()?.prepare_with(sql, parameters).await;
            reader.settle(result)
        })
    }

    fn describe<'e, 'q: 'e>(self, sql: &'q str) -> BoxFuture<'e, Result<sqlx::Describe<Sqlite>, sqlx::Error>>
    where
        'c: 'e,
    {
        let Some(readers) = self.readers.clone() else { return self.pool.describe(sql) };
        Box::pin(async move {
            let mut reader = readers.acquire().await?;
            let result = reader.conn()?.describe(sql).await;
            reader.settle(result)
        })
    }
}
