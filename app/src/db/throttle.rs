//! Failed logins, counted per account and per address over a sliding window. Kept in the
//! database so that several app servers share one count.

use super::{Db, Tx};
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

pub async fn record_failure(tx: &mut Tx, email: &str, ip: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("insert into login_failures (email, ip, at) values ($1, $2, $3)")
            .bind(email)
            .bind(ip)
            .bind(at)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

/// Failures since `since` for this account and for this address.
pub async fn recent_failures(db: &Db, email: &str, ip: &str, since: DateTime<Utc>) -> Result<(i64, i64), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, (i64, i64)>(
            "select (select count(*) from login_failures where email = $1 and at >= $3), \
                    (select count(*) from login_failures where ip = $2 and at >= $3)",
        )
        .bind(email)
        .bind(ip)
        .bind(since)
        .fetch_one(pool)
        .await
    })
}

/// A successful login forgives the account's earlier failures (not the address's).
pub async fn clear_account(tx: &mut Tx, email: &str) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from login_failures where email = $1").bind(email).execute(conn).await.map(|_| ())
    })
}

pub async fn prune(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("delete from login_failures where at < $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}
