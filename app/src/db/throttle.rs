//! Failed logins, counted per account and per address over a sliding window. Kept in the
//! database so that several app servers share one count.

use super::{Db, Tx};
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

/// Count one sign-in attempt before its password is checked: its row is written first (on
/// its own, committed), then the totals for the account and the address are read, its own row
/// included. Attempts sent at once are thereby ordered: the n-th to be written sees at least
/// n, so no more than the limit are ever checked however many arrive together. The row stays
/// as the failure it will most likely be; `forget_attempt` removes it otherwise.
pub async fn count_attempt(
    db: &Db,
    email: &str,
    ip: &str,
    at: DateTime<Utc>,
    since: DateTime<Utc>,
) -> Result<(i64, i64, i64), sqlx::Error> {
    on_db!(db, |pool| {
        let id =
            sqlx::query_scalar::<_, i64>("insert into login_failures (email, ip, at) values ($1, $2, $3) returning id")
                .bind(email)
                .bind(ip)
                .bind(at)
                .fetch_one(pool)
                .await?;
        let (by_account, by_address) = sqlx::query_as::<_, (i64, i64)>(
            "select (select count(*) from login_failures where email = $1 and at >= $3), \
                    (select count(*) from login_failures where ip = $2 and at >= $3)",
        )
        .bind(email)
        .bind(ip)
        .bind(since)
        .fetch_one(pool)
        .await?;
        Ok::<_, sqlx::Error>((id, by_account, by_address))
    })
}

/// An attempt that was not a failure of the person's (a refused one over the limit, or a
/// success) leaves no count behind.
pub async fn forget_attempt(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from login_failures where id = $1").bind(id).execute(conn).await.map(|_| ())
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
