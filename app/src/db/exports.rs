//! Export leases: one running export per user, shared by every app server on the database.

use super::Tx;
use crate::on_tx;

/// Take the user's lease until `expires_ms` unless a running export holds it (one whose lease
/// has not lapsed at `now_ms`). `true` when taken.
pub async fn take(tx: &mut Tx, user_id: i64, token: &str, now_ms: i64, expires_ms: i64) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        let done = sqlx::query(
            "insert into export_leases (user_id, token, expires_ms) values ($1, $2, $3) \
             on conflict (user_id) do update set token = excluded.token, expires_ms = excluded.expires_ms \
             where export_leases.expires_ms < $4",
        )
        .bind(user_id)
        .bind(token)
        .bind(expires_ms)
        .bind(now_ms)
        .execute(&mut *conn)
        .await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Keep the lease `token` until `expires_ms`; `false` if it is no longer this export's.
pub async fn renew(tx: &mut Tx, user_id: i64, token: &str, expires_ms: i64) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        let done = sqlx::query("update export_leases set expires_ms = $3 where user_id = $1 and token = $2")
            .bind(user_id)
            .bind(token)
            .bind(expires_ms)
            .execute(&mut *conn)
            .await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Give the lease `token` back (a lease another export has taken since is left alone).
pub async fn give_back(tx: &mut Tx, user_id: i64, token: &str) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from export_leases where user_id = $1 and token = $2")
            .bind(user_id)
            .bind(token)
            .execute(&mut *conn)
            .await
            .map(|_| ())
    })
}
