//! SQLite's connections: sqlx's pool for write transactions and migrations, and a pool of
//! reading connections of our own.
//!
//! sqlx's pool pings every connection it takes back (`return_to_pool`, in a task of its own).
//! On SQLite a ping is a round trip to the connection's own thread, so a read cost two round
//! trips and a task; an embedded database's connection cannot drop, so the readers here go
//! back to their pool as soon as their statement has answered.

use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream, StreamExt};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteQueryResult, SqliteRow, SqliteStatement, SqliteTypeInfo,
};
use sqlx::{ConnectOptions, Connection, Either, Execute, Executor, Sqlite, SqlitePool};
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// An SQLite database: reads through `readers`, transactions through `pool`.
#[derive(Clone, Debug)]
pub struct SqliteDb {
    pool: SqlitePool,
    /// `None` for a database in memory, which exists only on the pool's one connection.
    readers: Option<Arc<Readers>>,
}

impl SqliteDb {
    /// Reads and writes both through `pool` (a database in memory, or a pool made elsewhere).
    pub fn new(pool: SqlitePool) -> SqliteDb {
        SqliteDb { pool, readers: None }
    }

    /// Writes through `pool`; reads through at most `readers` connections opened with `options`.
    pub fn with_readers(pool: SqlitePool, options: SqliteConnectOptions, readers: u32) -> SqliteDb {
        let readers = Readers {
            options,
            size: readers,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(readers as usize)),
        };
        SqliteDb { pool, readers: Some(Arc::new(readers)) }
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

    pub async fn close(&self) {
        if let Some(r) = &self.readers {
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
struct Reader {
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

impl Drop for Reader {
    fn drop(&mut self) {
        // After `close`, the connection is dropped (which ends its thread) instead.
        if let Some(conn) = self.conn.take().filter(|_| !self.readers.permits.is_closed()) {
            self.readers.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        }
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
