//! The investor portal's SQL: access-code credentials, the lock on a reference after wrong
//! codes, request counts per address, the public view of a case and foreign staff details.
//! Nothing here returns internal notes, task notes or audit data.

use crate::cases::db::ForeignStaffRow;
use crate::cases::tasks::TaskStatus;
use crate::cases::CaseType;
use crate::db::{Db, Tx};
use crate::domain::{CaseStatus, Locale};
use crate::{on_db, on_tx};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::types::Json;
use std::sync::LazyLock;

/// Count one request of `scope` from `ip` in the window starting at `window_start` (a Unix
/// time); returns the window's count so far, this one included.
pub async fn hit(db: &Db, scope: &str, ip: &str, window_start: i64) -> Result<i64, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, i32>(
            "insert into portal_hits (scope, ip, window_start, hits) values ($1, $2, $3, 1) \
             on conflict (scope, ip, window_start) do update set hits = portal_hits.hits + 1 returning hits",
        )
        .bind(scope)
        .bind(ip)
        .bind(window_start)
        .fetch_one(pool)
        .await
        .map(i64::from)
    })
}

/// Forget request counts of windows that started before `before`, and locks that ended.
pub async fn prune(
    db: &Db,
    before_window: i64,
    now: DateTime<Utc>,
    failures_since: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    on_db!(db, |pool| {
        let hits =
            sqlx::query("delete from portal_hits where window_start < $1").bind(before_window).execute(pool).await?;
        let locks = sqlx::query(
            "delete from portal_lockouts where (locked_until is null or locked_until < $1) and first_failure_at < $2",
        )
        .bind(now)
        .bind(failures_since)
        .execute(pool)
        .await?;
        Ok::<u64, sqlx::Error>(hits.rows_affected() + locks.rows_affected())
    })
}

/// Count one lookup of `reference` from `address` (a throttle key) and return its number
/// within the current run of wrong codes from there, with the lock in force. A run older than `window_start` with no lock in force starts
/// again at 1. One statement, so lookups sent at once each get their own number.
pub async fn count_attempt(
    db: &Db,
    reference: &str,
    address: &str,
    now: DateTime<Utc>,
    window_start: DateTime<Utc>,
) -> Result<(i64, Option<DateTime<Utc>>), sqlx::Error> {
    const FRESH: &str = "portal_lockouts.first_failure_at < $3 \
        and (portal_lockouts.locked_until is null or portal_lockouts.locked_until < $2)";
    let sql = format!(
        "insert into portal_lockouts (reference, address, failures, first_failure_at, locked_until) \
         values ($1, $4, 1, $2, null) \
         on conflict (reference, address) do update set \
             failures = case when {FRESH} then 1 else portal_lockouts.failures + 1 end, \
             first_failure_at = case when {FRESH} then $2 else portal_lockouts.first_failure_at end, \
             locked_until = case when {FRESH} then null else portal_lockouts.locked_until end \
         returning failures, locked_until"
    );
    on_db!(db, |pool| {
        sqlx::query_as::<_, (i32, Option<DateTime<Utc>>)>(&sql)
            .bind(reference)
            .bind(now)
            .bind(window_start)
            .bind(address)
            .fetch_one(pool)
            .await
            .map(|(n, until)| (i64::from(n), until))
    })
}

/// Lock a reference for one address until `until`.
pub async fn lock(db: &Db, reference: &str, address: &str, until: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("update portal_lockouts set locked_until = $1 where reference = $2 and address = $3")
            .bind(until)
            .bind(reference)
            .bind(address)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Is a run of wrong codes counted for a reference?
pub async fn has_failures(db: &Db, reference: &str) -> Result<bool, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(*) from portal_lockouts where reference = $1")
            .bind(reference)
            .fetch_one(pool)
            .await
            .map(|n| n > 0)
    })
}

/// End every portal session of a case made before `at_ms`.
pub async fn sign_out(db: &Db, id: i64, at_ms: i64) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("update cases set portal_signed_out_ms = $1 where id = $2")
            .bind(at_ms)
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// The applicant's address has proved itself (see migration 0017).
pub async fn mark_email_verified(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("update cases set applicant_email_verified = true where id = $1 and not applicant_email_verified")
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn clear_failures(db: &Db, reference: &str, address: &str) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("delete from portal_lockouts where reference = $1 and address = $2")
            .bind(reference)
            .bind(address)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// A case's id and access-code hash by its reference.
pub async fn credentials(db: &Db, reference: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    db.optional::<(i64, String)>("select id, access_code_hash from cases where reference = $1", &[reference.into()])
        .await
}

/// Replace an old-style (password-hashed) access code's hash by its keyed hash.
pub async fn upgrade_hash(db: &Db, id: i64, old: &str, new: &str) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("update cases set access_code_hash = $1 where id = $2 and access_code_hash = $3")
            .bind(new)
            .bind(id)
            .bind(old)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// What the public status page shows of a case, and the hash its portal session is bound to:
/// one statement, with the departments' progress and the readable events as JSON columns.
#[derive(Debug)]
pub struct PublicRow {
    pub id: i64,
    pub reference: String,
    pub access_code_hash: String,
    pub case_type: CaseType,
    pub title: String,
    pub status: CaseStatus,
    pub language: Locale,
    pub created_at: DateTime<Utc>,
    pub due_on: Option<NaiveDate>,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    pub officer_name: Option<String>,
    pub officer_email: Option<String>,
    pub tasks: Json<Vec<PublicTaskRow>>,
    pub events: Json<Vec<PublicEventRow>>,
    /// Sessions made before this moment (ms since 1970) were ended by leaving the portal.
    pub portal_signed_out_ms: Option<i64>,
}

/// Each department's progress on a case: its names and the task's status, nothing else.
#[derive(Debug, serde::Deserialize)]
pub struct PublicTaskRow {
    pub id: i64,
    pub sort_order: i64,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    /// Serde's spelling of a task status is its stored code; an unknown one fails the read.
    pub status: TaskStatus,
}

/// The events the applicant may read: public updates, their own replies and ratings, and
/// status changes, with a reason only where it is addressed to them (a request for
/// information, a rejection). Internal notes and code resets never leave the statement.
#[derive(Debug, serde::Deserialize)]
pub struct PublicEventRow {
    pub id: i64,
    pub kind: String,
    /// Serde's spelling of a case status is its stored code; an unknown one fails the read.
    pub to_status: Option<CaseStatus>,
    pub note: String,
    pub public_zh: Option<String>,
    pub public_en: Option<String>,
    pub public_fr: Option<String>,
    #[serde(deserialize_with = "rfc3339")]
    pub created_at: DateTime<Utc>,
}

/// A time inside the events' JSON, read as the columns are (`db::parse_time`): serde's own
/// reading of a `DateTime` uses chrono's general parser, which showed in the status page's
/// profile.
fn rfc3339<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    crate::db::parse_time(&text).ok_or_else(|| serde::de::Error::custom(format!("not a time: {text}")))
}

/// Only these notes are addressed to the applicant.
const PUBLIC_NOTE: &str = "case when ev.kind = 'applicant_reply' \
    or (ev.kind = 'status_changed' and ev.to_status in ('awaiting_applicant', 'rejected')) then ev.note else '' end";
/// Spelled as comparisons, not `in (…)`: SQLite checks a list of more than two constants
/// against a table of them that it builds anew at each run (`OpenEphemeral`), which cost the
/// status page, whose one statement this is, about a quarter of its SQLite time.
const PUBLIC_KINDS: &str = "(ev.kind = 'created' or ev.kind = 'status_changed' or ev.kind = 'public_update' \
    or ev.kind = 'applicant_reply' or ev.kind = 'rated')";

/// The status page's statement for `db`'s backend, written once.
pub fn public_sql(db: &Db) -> &'static str {
    static SQLITE: LazyLock<String> = LazyLock::new(|| public_sql_with("json_group_array", "json_object", ""));
    static POSTGRES: LazyLock<String> =
        LazyLock::new(|| public_sql_with("coalesce(json_agg", "json_build_object", ", '[]'::json)"));
    match db {
        Db::Sqlite(_) => &SQLITE,
        Db::Postgres(_) => &POSTGRES,
    }
}

fn public_sql_with(agg: &str, obj: &str, empty: &str) -> String {
    format!(
        "select c.id, c.reference, c.access_code_hash, c.case_type, c.title, c.status, c.language, c.created_at, \
                c.due_on, c.rating, c.rating_comment, u.display_name as officer_name, u.email as officer_email, \
                (select {agg}({obj}('id', d.id, 'sort_order', d.sort_order, 'name_zh', d.name_zh, \
                     'name_en', d.name_en, 'name_fr', d.name_fr, 'status', t.status)){empty} \
                 from case_tasks t join departments d on d.id = t.department_id where t.case_id = c.id) as tasks, \
                (select {agg}({obj}('id', ev.id, 'kind', ev.kind, 'to_status', ev.to_status, 'note', {PUBLIC_NOTE}, \
                     'public_zh', ev.public_zh, 'public_en', ev.public_en, 'public_fr', ev.public_fr, \
                     'created_at', ev.created_at)){empty} \
                 from case_events ev where ev.case_id = c.id and {PUBLIC_KINDS}) as events, \
                c.portal_signed_out_ms \
         from cases c left join users u on u.id = c.owner_id where c.id = $1"
    )
}

/// The status page's case: the portal's busiest page, and this is its one statement.
pub async fn public_case(db: &Db, id: i64) -> Result<Option<PublicRow>, sqlx::Error> {
    let row: Option<PublicRow> = db.optional(public_sql(db), &[id.into()]).await?;
    Ok(row.map(|mut r| {
        r.tasks.0.sort_by_key(|t| (t.sort_order, t.id));
        r.events.0.sort_by_key(|e| e.id);
        r
    }))
}

impl crate::db::Record for PublicRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(PublicRow {
            id: row.get("id")?,
            reference: row.get("reference")?,
            access_code_hash: row.get("access_code_hash")?,
            case_type: row.get("case_type")?,
            title: row.get("title")?,
            status: row.get("status")?,
            language: row.get("language")?,
            created_at: row.get("created_at")?,
            due_on: row.get("due_on")?,
            rating: row.get("rating")?,
            rating_comment: row.get("rating_comment")?,
            officer_name: row.get("officer_name")?,
            officer_email: row.get("officer_email")?,
            tasks: row.get("tasks")?,
            events: row.get("events")?,
            portal_signed_out_ms: row.get("portal_signed_out_ms")?,
        })
    }
}

/// Record the applicant's rating unless there is one; `Ok(false)` if there was.
pub async fn rate(tx: &mut Tx, id: i64, rating: i32, comment: &str, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update cases set rating = $1, rating_comment = $2, rated_at = $3, updated_at = $3 \
             where id = $4 and rating is null",
        )
        .bind(rating)
        .bind(comment)
        .bind(at)
        .bind(id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

pub async fn insert_foreign_staff(tx: &mut Tx, case_id: i64, f: &ForeignStaffRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into case_foreign_staff (case_id, passport_name, nationality, passport_number, position, arrival_date) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case_id)
        .bind(&f.passport_name)
        .bind(&f.nationality)
        .bind(&f.passport_number)
        .bind(&f.position)
        .bind(f.arrival_date)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

pub async fn applicant_email(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, Option<String>>("select applicant_email from cases where id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
            .map(Option::flatten)
    })
}

/// A case's code hash, status and version, read inside a write transaction.
/// What a portal session is checked against, with the case's status and version.
pub async fn session_state_in(tx: &mut Tx, id: i64) -> Result<Option<(String, Option<i64>, String, i32)>, sqlx::Error> {
    tx.optional::<(String, Option<i64>, String, i32)>(
        "select access_code_hash, portal_signed_out_ms, status, version from cases where id = $1",
        &[id.into()],
    )
    .await
}

pub async fn owner_in(tx: &mut Tx, id: i64) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, Option<i64>>("select owner_id from cases where id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await
            .map(Option::flatten)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event_at(time: &str) -> Result<DateTime<Utc>, serde_json::Error> {
        let json = format!(
            r#"{{"id": 1, "kind": "created", "to_status": null, "note": "", "public_zh": null,
                "public_en": null, "public_fr": null, "created_at": "{time}"}}"#
        );
        serde_json::from_str::<PublicEventRow>(&json).map(|e| e.created_at)
    }

    #[test]
    fn event_times_read_as_either_database_writes_them() {
        let at = Utc.with_ymd_and_hms(2024, 10, 2, 6, 53, 57).unwrap();
        // SQLite (as sqlx writes it), PostgreSQL's JSON, another offset, a space for the T.
        assert_eq!(
            event_at("2024-10-02T06:53:57.312693916+00:00").unwrap(),
            at + chrono::Duration::nanoseconds(312_693_916)
        );
        assert_eq!(event_at("2024-10-02T06:53:57.312693+00:00").unwrap(), at + chrono::Duration::microseconds(312_693));
        assert_eq!(event_at("2024-10-02T14:53:57+08:00").unwrap(), at);
        assert_eq!(event_at("2024-10-02 06:53:57+00:00").unwrap(), at);
        assert!(event_at("2 October 2024").is_err());
    }
}
