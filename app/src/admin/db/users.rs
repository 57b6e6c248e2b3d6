//! Staff accounts.

use crate::admin::UserRecord;
use crate::db::{is_unique_violation, Columns, Db, Record, Tx};
use crate::domain::{Locale, Recipient, Role};
use crate::on_tx;
use chrono::{DateTime, Utc};

impl Record for UserRecord {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(UserRecord {
            id: row.get("id")?,
            email: row.get("email")?,
            display_name: row.get("display_name")?,
            role: row.get("role")?,
            department_id: row.get("department_id")?,
            county_id: row.get("county_id")?,
            locale: row.get("locale")?,
            active: row.get("active")?,
            version: row.get("version")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
            last_login_at: row.get("last_login_at")?,
            session_count: row.get("session_count")?,
        })
    }
}

const SELECT: &str = "select u.id, u.email, u.display_name, u.role, u.department_id, u.county_id, u.locale, u.active, \
        u.version, u.created_at, u.updated_at, \
        (select max(a.at) from audit_log a where a.actor_id = u.id and a.action = 'login') as last_login_at, \
        (select count(*) from sessions s where s.user_id = u.id) as session_count \
    from users u";

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    db.one::<i64>("select count(*) from users", &[]).await
}

pub async fn list(db: &Db) -> Result<Vec<UserRecord>, sqlx::Error> {
    db.all(&format!("{SELECT} order by u.active desc, u.display_name, u.id"), &[]).await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<UserRecord>, sqlx::Error> {
    db.optional(&format!("{SELECT} where u.id = $1"), &[id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<UserRecord>, sqlx::Error> {
    tx.optional(&format!("{SELECT} where u.id = $1"), &[id.into()]).await
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub department_id: Option<i64>,
    pub county_id: Option<i64>,
    pub locale: Locale,
    pub at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum InsertError {
    #[error("email taken")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn insert(tx: &mut Tx, u: NewUser<'_>) -> Result<i64, InsertError> {
    let r = tx
        .one::<i64>(
            "insert into users (email, display_name, password_hash, role, department_id, locale, active, \
                                version, created_at, updated_at, county_id) \
             values ($1, $2, $3, $4, $5, $6, true, 1, $7, $7, $8) returning id",
            &[
                u.email.into(),
                u.display_name.into(),
                u.password_hash.into(),
                (u.role.as_str()).into(),
                u.department_id.into(),
                (u.locale.tag()).into(),
                u.at.into(),
                u.county_id.into(),
            ],
        )
        .await;
    r.map_err(|e| if is_unique_violation(&e) { InsertError::EmailTaken } else { InsertError::Db(e) })
}

pub struct Update<'a> {
    pub id: i64,
    pub expected_version: i32,
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub department_id: Option<i64>,
    pub county_id: Option<i64>,
    pub locale: Locale,
    pub active: bool,
    pub at: DateTime<Utc>,
}

/// Save an edit only if nobody saved since `expected_version` was read; `Ok(false)` if they did.
pub async fn update(tx: &mut Tx, u: Update<'_>) -> Result<bool, InsertError> {
    let r = on_tx!(tx, |conn| {
        sqlx::query(
            "update users set email = $1, display_name = $2, role = $3, department_id = $4, locale = $5, \
                    active = $6, updated_at = $7, version = version + 1, county_id = $10 \
             where id = $8 and version = $9",
        )
        .bind(u.email)
        .bind(u.display_name)
        .bind(u.role.as_str())
        .bind(u.department_id)
        .bind(u.locale.tag())
        .bind(u.active)
        .bind(u.at)
        .bind(u.id)
        .bind(u.expected_version)
        .bind(u.county_id)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    });
    match r {
        Ok(n) => Ok(n == 1),
        Err(e) if is_unique_violation(&e) => Err(InsertError::EmailTaken),
        Err(e) => Err(InsertError::Db(e)),
    }
}

/// Active administrators other than `except`, so the last one cannot be disabled or demoted.
pub async fn count_other_active_admins(tx: &mut Tx, except: i64) -> Result<i64, sqlx::Error> {
    tx.one::<i64>("select count(*) from users where role = 'admin' and active = true and id <> $1", &[except.into()])
        .await
}

/// An account as the recipient of an e-mail (`email, display_name, locale`).
impl Record for Recipient {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Recipient { email: row.get("email")?, name: row.get("display_name")?, locale: row.get("locale")? })
    }
}

/// An active user as the recipient of an e-mail, in their own language.
pub async fn recipient_in(tx: &mut Tx, id: i64) -> Result<Option<Recipient>, sqlx::Error> {
    tx.optional::<Recipient>(
        "select email, display_name, locale from users where id = $1 and active = true",
        &[id.into()],
    )
    .await
}

/// The active liaisons of a department, who hear of its new tasks.
pub async fn department_liaisons_in(tx: &mut Tx, department_id: i64) -> Result<Vec<Recipient>, sqlx::Error> {
    tx.all::<Recipient>(
        "select email, display_name, locale from users \
         where role = 'department_liaison' and department_id = $1 and active = true order by id",
        &[department_id.into()],
    )
    .await
}

/// The liaison officers who take the daily digest: (user id, recipient).
pub async fn digest_readers(db: &Db) -> Result<Vec<(i64, Recipient)>, sqlx::Error> {
    let rows: Vec<DigestRow> = db
        .all::<DigestRow>(
            "select id, email, display_name, locale from users \
             where role = 'liaison_officer' and active = true and daily_digest = true order by id",
            &[],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.to)).collect())
}

/// A digest reader: the recipient with the user's id, which `Recipient` does not hold.
struct DigestRow {
    id: i64,
    to: Recipient,
}

impl Record for DigestRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DigestRow { id: row.get("id")?, to: Recipient::read(row)? })
    }
}

/// Switch a user's daily digest on or off.
pub async fn set_daily_digest(tx: &mut Tx, id: i64, on: bool) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, |conn| {
        sqlx::query("update users set daily_digest = $1 where id = $2")
            .bind(on)
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(n == 1)
}

pub async fn daily_digest(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    db.one::<bool>("select daily_digest from users where id = $1", &[id.into()]).await
}
