//! Login sessions, stored in the database so any app server can check any session.
//! The cookie holds a random token; only its SHA-256 is stored.

use super::{Db, Tx};
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

/// A session and its user as stored, the role as text: `auth::server` makes a `SessionUser`
/// of it only for a role it knows.
#[derive(Debug)]
pub struct SessionRow {
    pub user_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub department_id: Option<i64>,
    pub county_id: Option<i64>,
    pub locale: crate::domain::Locale,
    pub active: bool,
    /// The sign-in step this session still waits for (`auth::db::set_pending`).
    pub pending: Option<String>,
}

pub async fn create(
    tx: &mut Tx,
    id: &str,
    user_id: i64,
    at: DateTime<Utc>,
    ip: Option<&str>,
    user_agent: Option<&str>,
    pending: Option<&str>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into sessions (id, user_id, created_at, last_seen_at, ip, user_agent, pending) \
             values ($1, $2, $3, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(user_id)
        .bind(at)
        .bind(ip)
        .bind(user_agent)
        .bind(pending)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

const FIND: &str = "select s.user_id, s.created_at, s.last_seen_at, u.email, u.display_name, u.role, \
        u.department_id, u.county_id, u.locale, u.active, s.pending \
     from sessions s join users u on u.id = s.user_id where s.id = $1";

/// The session and its user. Every signed-in request asks (on SQLite it is read on the
/// request's thread, see `Db::optional`).
pub async fn find(db: &Db, id: &str) -> Result<Option<SessionRow>, sqlx::Error> {
    db.optional(FIND, &[id.into()]).await
}

impl super::Record for SessionRow {
    fn read(row: &super::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(SessionRow {
            user_id: row.get("user_id")?,
            created_at: row.get("created_at")?,
            last_seen_at: row.get("last_seen_at")?,
            email: row.get("email")?,
            display_name: row.get("display_name")?,
            // Kept as text: an unknown role must deny access (`auth::server`), not fail the read.
            role: row.get("role")?,
            department_id: row.get("department_id")?,
            county_id: row.get("county_id")?,
            locale: row.get("locale")?,
            active: row.get("active")?,
            pending: row.get("pending")?,
        })
    }
}

pub async fn touch(db: &Db, id: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("update sessions set last_seen_at = $1 where id = $2")
            .bind(at)
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn delete(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| sqlx::query("delete from sessions where id = $1").bind(id).execute(pool).await.map(|_| ()))
}

pub async fn delete_in(tx: &mut Tx, id: &str) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| sqlx::query("delete from sessions where id = $1").bind(id).execute(conn).await.map(|_| ()))
}

/// End every session of a user (or all but `keep`); returns how many ended.
pub async fn delete_for_user(tx: &mut Tx, user_id: i64, keep: Option<&str>) -> Result<u64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from sessions where user_id = $1 and ($2 is null or id <> $2)")
            .bind(user_id)
            .bind(keep)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })
}

/// Remove sessions idle since before `idle_cutoff` or created before `absolute_cutoff`.
pub async fn delete_expired(
    db: &Db,
    idle_cutoff: DateTime<Utc>,
    absolute_cutoff: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("delete from sessions where last_seen_at < $1 or created_at < $2")
            .bind(idle_cutoff)
            .bind(absolute_cutoff)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}
