//! Cases, their yearly reference counter and their timeline.

use super::{Db, Tx};
use crate::cases::{CaseEvent, CaseSummary, CaseType, EventKind, Priority};
use crate::domain::{CaseStatus, Locale};
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

/// The next number of `year`, counted inside the caller's transaction: the counter row is
/// locked until commit (PostgreSQL row lock; SQLite's write lock), so concurrent creations
/// get distinct numbers.
pub async fn next_number(tx: &mut Tx, year: i32) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into case_counters (year, last_number) values ($1, 1) \
             on conflict (year) do update set last_number = case_counters.last_number + 1 \
             returning last_number",
        )
        .bind(year)
        .fetch_one(conn)
        .await
    })
}

pub struct NewCase<'a> {
    pub reference: &'a str,
    pub enterprise_id: i64,
    pub case_type: CaseType,
    pub priority: Priority,
    pub green_channel: bool,
    pub full_agency: bool,
    pub title: &'a str,
    pub description: &'a str,
    pub language: Locale,
    pub owner_id: Option<i64>,
    pub access_code_hash: &'a str,
    pub created_by: i64,
    pub at: DateTime<Utc>,
}

pub async fn insert(tx: &mut Tx, c: &NewCase<'_>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into cases (reference, enterprise_id, case_type, priority, green_channel, full_agency, title, \
                 description, language, status, owner_id, access_code_hash, version, created_by, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', $10, $11, 1, $12, $13, $13) returning id",
        )
        .bind(c.reference)
        .bind(c.enterprise_id)
        .bind(c.case_type.as_str())
        .bind(c.priority.as_str())
        .bind(c.green_channel)
        .bind(c.full_agency)
        .bind(c.title)
        .bind(c.description)
        .bind(c.language.tag())
        .bind(c.owner_id)
        .bind(c.access_code_hash)
        .bind(c.created_by)
        .bind(c.at)
        .fetch_one(conn)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    reference: String,
    enterprise_id: i64,
    enterprise_name: String,
    case_type: String,
    priority: String,
    green_channel: bool,
    title: String,
    status: String,
    owner_name: Option<String>,
    created_at: DateTime<Utc>,
}

impl From<SummaryRow> for CaseSummary {
    fn from(r: SummaryRow) -> Self {
        CaseSummary {
            id: r.id,
            reference: r.reference,
            enterprise_id: r.enterprise_id,
            enterprise_name: r.enterprise_name,
            case_type: CaseType::parse(&r.case_type).unwrap_or(CaseType::Other),
            priority: Priority::parse(&r.priority).unwrap_or(Priority::Normal),
            green_channel: r.green_channel,
            title: r.title,
            status: CaseStatus::parse(&r.status).unwrap_or(CaseStatus::Submitted),
            owner_name: r.owner_name,
            created_at: r.created_at,
        }
    }
}

const SUMMARY: &str =
    "select c.id, c.reference, c.enterprise_id, e.name_zh as enterprise_name, c.case_type, c.priority, \
        c.green_channel, c.title, c.status, u.display_name as owner_name, c.created_at \
    from cases c join enterprises e on e.id = c.enterprise_id left join users u on u.id = c.owner_id";

/// Cases, newest first, optionally of one enterprise, one owner and/or one status.
pub async fn list(
    db: &Db,
    enterprise_id: Option<i64>,
    owner_id: Option<i64>,
    status: Option<&str>,
    limit: i64,
) -> Result<Vec<CaseSummary>, sqlx::Error> {
    let sql = format!(
        "{SUMMARY} where ($1 is null or c.enterprise_id = $1) and ($2 is null or c.owner_id = $2) \
         and ($3 is null or c.status = $3) order by c.id desc limit $4"
    );
    let rows: Vec<SummaryRow> = on_db!(db, |pool| {
        sqlx::query_as::<_, SummaryRow>(&sql)
            .bind(enterprise_id)
            .bind(owner_id)
            .bind(status)
            .bind(limit)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().map(CaseSummary::from).collect())
}

#[derive(sqlx::FromRow)]
pub struct CaseRow {
    pub description: String,
    pub language: String,
    pub full_agency: bool,
    pub version: i32,
    pub owner_id: Option<i64>,
}

pub async fn get(db: &Db, id: i64) -> Result<Option<(CaseSummary, CaseRow)>, sqlx::Error> {
    let sql = format!("{SUMMARY} where c.id = $1");
    let summary: Option<SummaryRow> =
        on_db!(db, |pool| sqlx::query_as::<_, SummaryRow>(&sql).bind(id).fetch_optional(pool).await)?;
    let Some(summary) = summary else { return Ok(None) };
    let row: CaseRow = on_db!(db, |pool| {
        sqlx::query_as::<_, CaseRow>(
            "select description, language, full_agency, version, owner_id from cases where id = $1",
        )
        .bind(id)
        .fetch_one(pool)
        .await
    })?;
    Ok(Some((summary.into(), row)))
}

/// Status, version and owner, read inside a write transaction.
pub async fn state_in(tx: &mut Tx, id: i64) -> Result<Option<(String, i32, Option<i64>)>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_as::<_, (String, i32, Option<i64>)>("select status, version, owner_id from cases where id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await
    })
}

/// Move a case to `to` if it is still at `version`; `Ok(false)` if someone moved it first.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    version: i32,
    to: CaseStatus,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update cases set status = $1, updated_at = $2, version = version + 1 where id = $3 and version = $4",
        )
        .bind(to.as_str())
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

pub async fn set_access_code_hash(tx: &mut Tx, id: i64, hash: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update cases set access_code_hash = $1, updated_at = $2 where id = $3")
            .bind(hash)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

pub struct NewEvent<'a> {
    pub case_id: i64,
    pub kind: EventKind,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: &'a str,
    pub author_id: i64,
    pub at: DateTime<Utc>,
}

fn kind_str(k: EventKind) -> &'static str {
    match k {
        EventKind::Created => "created",
        EventKind::StatusChanged => "status_changed",
        EventKind::InternalNote => "internal_note",
        EventKind::PublicUpdate => "public_update",
        EventKind::AccessCodeReset => "access_code_reset",
    }
}

pub async fn add_event(tx: &mut Tx, e: &NewEvent<'_>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into case_events (case_id, kind, from_status, to_status, note, author_id, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(e.case_id)
        .bind(kind_str(e.kind))
        .bind(e.from_status.map(|s| s.as_str()))
        .bind(e.to_status.map(|s| s.as_str()))
        .bind(e.note)
        .bind(e.author_id)
        .bind(e.at)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    kind: String,
    from_status: Option<String>,
    to_status: Option<String>,
    note: String,
    author_name: Option<String>,
    created_at: DateTime<Utc>,
}

pub async fn events(db: &Db, case_id: i64) -> Result<Vec<CaseEvent>, sqlx::Error> {
    let rows: Vec<EventRow> = on_db!(db, |pool| {
        sqlx::query_as::<_, EventRow>(
            "select ev.id, ev.kind, ev.from_status, ev.to_status, ev.note, u.display_name as author_name, ev.created_at \
             from case_events ev left join users u on u.id = ev.author_id where ev.case_id = $1 order by ev.id",
        )
        .bind(case_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| CaseEvent {
            id: r.id,
            kind: match r.kind.as_str() {
                "created" => EventKind::Created,
                "status_changed" => EventKind::StatusChanged,
                "public_update" => EventKind::PublicUpdate,
                "access_code_reset" => EventKind::AccessCodeReset,
                _ => EventKind::InternalNote,
            },
            from_status: r.from_status.as_deref().and_then(CaseStatus::parse),
            to_status: r.to_status.as_deref().and_then(CaseStatus::parse),
            note: r.note,
            author_name: r.author_name,
            created_at: r.created_at,
        })
        .collect())
}
