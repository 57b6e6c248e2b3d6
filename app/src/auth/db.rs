//! What a staff sign-in checks: an account's password (its hash) and language, one-time code
//! secrets and the last step used, recovery codes (stored hashed), a password an
//! administrator set that must be changed, the roles that must use one-time codes, and the
//! step a session's sign-in waits for.

use crate::db::{Db, Tx};
use crate::domain::Locale;
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

/// A user's sign-in factors.
#[derive(Debug, Clone)]
pub struct Factors {
    pub role: String,
    pub email: String,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    pub totp_last_step: Option<i64>,
    pub must_change_password: bool,
}

impl crate::db::Record for Factors {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Factors {
            role: row.get("role")?,
            email: row.get("email")?,
            totp_secret: row.get("totp_secret")?,
            totp_enabled: row.get("totp_enabled")?,
            totp_last_step: row.get("totp_last_step")?,
            must_change_password: row.get("must_change_password")?,
        })
    }
}

pub async fn of_user(db: &Db, user_id: i64) -> Result<Option<Factors>, sqlx::Error> {
    db.optional::<Factors>(
        "select role, email, totp_secret, totp_enabled, totp_last_step, must_change_password \
             from users where id = $1",
        &[user_id.into()],
    )
    .await
}

/// What login needs to know about an account.
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
    pub active: bool,
}

impl crate::db::Record for Credentials {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Credentials { id: row.get("id")?, password_hash: row.get("password_hash")?, active: row.get("active")? })
    }
}

pub async fn credentials_by_email(db: &Db, email: &str) -> Result<Option<Credentials>, sqlx::Error> {
    db.optional::<Credentials>("select id, password_hash, active from users where email = $1", &[email.into()]).await
}

pub async fn password_hash(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
    db.optional::<String>("select password_hash from users where id = $1", &[id.into()]).await
}

pub async fn set_password_hash(tx: &mut Tx, id: i64, hash: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update users set password_hash = $1, updated_at = $2, version = version + 1 where id = $3")
            .bind(hash)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

pub async fn set_locale(tx: &mut Tx, id: i64, locale: Locale, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update users set locale = $1, updated_at = $2, version = version + 1 where id = $3")
            .bind(locale.tag())
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

/// An account's own language (`None`: no such account).
pub async fn locale_of(db: &Db, id: i64) -> Result<Option<Locale>, sqlx::Error> {
    db.optional::<Option<Locale>>("select locale from users where id = $1", &[id.into()]).await.map(Option::flatten)
}

/// Keep a secret for an enrolment in progress (not yet turned on).
pub async fn set_secret(db: &Db, user_id: i64, secret: &str) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("update users set totp_secret = $1 where id = $2 and not totp_enabled")
            .bind(secret)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Turn one-time codes on, the first code's step used.
pub async fn enable(tx: &mut Tx, user_id: i64, step: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update users set totp_enabled = true, totp_last_step = $1, version = version + 1 where id = $2")
            .bind(step)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

pub async fn disable(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update users set totp_enabled = false, totp_secret = null, totp_last_step = null, \
             version = version + 1 where id = $1",
        )
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query("delete from recovery_codes where user_id = $1").bind(user_id).execute(conn).await.map(|_| ())
    })
}

/// Use a code's step: `false` when that step or a later one was used already (by a request
/// sent at the same moment, say). One statement, so a code is accepted once.
pub async fn use_step(tx: &mut Tx, user_id: i64, step: i64) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update users set totp_last_step = $1 where id = $2 and (totp_last_step is null or totp_last_step < $1)",
        )
        .bind(step)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

/// Replace a user's recovery codes with these (their hashes).
pub async fn replace_recovery_codes(tx: &mut Tx, user_id: i64, hashes: &[String]) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from recovery_codes where user_id = $1").bind(user_id).execute(&mut *conn).await?;
        for h in hashes {
            sqlx::query("insert into recovery_codes (user_id, code_hash) values ($1, $2)")
                .bind(user_id)
                .bind(h)
                .execute(&mut *conn)
                .await?;
        }
        Ok::<(), sqlx::Error>(())
    })
}

/// Use a recovery code once: `false` when it is not one of the user's unused codes.
pub async fn use_recovery_code(tx: &mut Tx, user_id: i64, hash: &str, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update recovery_codes set used_at = $1 where user_id = $2 and code_hash = $3 and used_at is null")
            .bind(at)
            .bind(user_id)
            .bind(hash)
            .execute(conn)
            .await
            .map(|r| r.rows_affected() == 1)
    })
}

pub async fn set_must_change_password(tx: &mut Tx, user_id: i64, must: bool) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update users set must_change_password = $1 where id = $2")
            .bind(must)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

/// The roles whose members must use one-time codes.
pub async fn required_roles(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    db.all::<String>("select role from roles_requiring_two_step order by role", &[]).await
}

pub async fn set_required_roles(tx: &mut Tx, roles: &[&str]) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from roles_requiring_two_step").execute(&mut *conn).await?;
        for r in roles {
            sqlx::query("insert into roles_requiring_two_step (role) values ($1)").bind(*r).execute(&mut *conn).await?;
        }
        Ok::<(), sqlx::Error>(())
    })
}

/// Active administrators who sign in with a password alone.
pub async fn admins_without_codes(db: &Db) -> Result<i64, sqlx::Error> {
    db.one::<i64>("select count(*) from users where role = 'admin' and active and not totp_enabled", &[]).await
}

/// The step a session's sign-in now waits for (`None`: signed in).
pub async fn set_pending(tx: &mut Tx, session_id: &str, step: Option<&str>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update sessions set pending = $1 where id = $2")
            .bind(step)
            .bind(session_id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}
