//! One case: its yearly reference number, creating it, reading it whole (with its tasks and
//! messages), and changing its status, access code or owner.

use super::{tasks, RiskWindow, SummaryRow};
use crate::cases::{CaseSummary, CaseType, Priority};
use crate::db::{Columns, Db, Record, Tx};
use crate::domain::{CaseStatus, Locale};
use crate::on_tx;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::types::Json;

/// The next number of `year`, counted inside the caller's transaction: the counter row is
/// locked until commit (PostgreSQL row lock; SQLite's write lock), so concurrent creations
/// get distinct numbers.
pub async fn next_number(tx: &mut Tx, year: i32) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into case_counters (year, last_number) values ($1, 1) \
             on conflict (year) do update set last_number = case_counters.last_number + 1 \
             returning last_number",
        &[year.into()],
    )
    .await
}

pub struct NewCase<'a> {
    pub reference: &'a str,
    /// None for a portal request naming an enterprise the office does not know.
    pub enterprise_id: Option<i64>,
    pub case_type: CaseType,
    pub priority: Priority,
    pub green_channel: bool,
    pub full_agency: bool,
    pub title: &'a str,
    pub description: &'a str,
    pub language: Locale,
    pub applicant_name: &'a str,
    pub applicant_email: Option<&'a str>,
    pub owner_id: Option<i64>,
    pub access_code_hash: &'a str,
    /// None for a request submitted through the portal.
    pub created_by: Option<i64>,
    pub at: DateTime<Utc>,
    pub source: &'a str,
    pub applicant_phone: Option<&'a str>,
    pub enterprise_name_given: Option<&'a str>,
    pub credit_code_given: Option<&'a str>,
}

pub async fn insert(tx: &mut Tx, c: &NewCase<'_>) -> Result<i64, sqlx::Error> {
    tx.one::<i64>("insert into cases (reference, enterprise_id, case_type, priority, green_channel, full_agency, title, \
                 description, language, status, owner_id, access_code_hash, version, created_by, created_at, updated_at, \
                 applicant_name, applicant_email, source, applicant_phone, enterprise_name_given, credit_code_given, \
                 applicant_email_verified) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', $10, $11, 1, $12, $13, $13, $14, $15, $16, $17, \
                 $18, $19, $16 <> 'portal') returning id", &[c.reference.into(), c.enterprise_id.into(), (c.case_type.as_str()).into(), (c.priority.as_str()).into(), c.green_channel.into(), c.full_agency.into(), c.title.into(), c.description.into(), (c.language.tag()).into(), c.owner_id.into(), c.access_code_hash.into(), c.created_by.into(), c.at.into(), c.applicant_name.into(), c.applicant_email.into(), c.source.into(), c.applicant_phone.into(), c.enterprise_name_given.into(), c.credit_code_given.into()]).await
}

/// What the case page needs beyond the summary, as stored: the service makes `Case` of it
/// for one reader (editable, routable, the passport number masked or not).
pub struct CaseRow {
    pub description: String,
    pub language: Locale,
    pub full_agency: bool,
    pub version: i32,
    pub owner_id: Option<i64>,
    pub paused_on: Option<NaiveDate>,
    pub applicant_name: String,
    pub applicant_email: Option<String>,
    pub source: String,
    pub applicant_phone: Option<String>,
    pub enterprise_name_given: Option<String>,
    pub credit_code_given: Option<String>,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    pub foreign_staff: Option<ForeignStaffRow>,
    pub tasks: Vec<crate::cases::tasks::CaseTask>,
    pub messages: Vec<crate::domain::CaseMessage>,
}

/// A foreign employee's identity on a request (a one-stop request from the portal), as stored:
/// the passport number whole, which `ForeignStaff` shows only to the case's officer.
#[derive(Debug, Clone)]
pub struct ForeignStaffRow {
    pub passport_name: String,
    pub nationality: String,
    pub passport_number: String,
    pub position: String,
    pub arrival_date: Option<NaiveDate>,
}

impl Record for ForeignStaffRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ForeignStaffRow {
            passport_name: row.get("passport_name")?,
            nationality: row.get("nationality")?,
            passport_number: row.get("passport_number")?,
            position: row.get("position")?,
            arrival_date: row.get("arrival_date")?,
        })
    }
}

/// The case page's one statement: the summary, the rest of the case, its foreign employee's
/// columns and its tasks and messages as JSON, split into `CaseSummary` and `CaseRow`.
struct DetailRow {
    summary: SummaryRow,
    description: String,
    language: Locale,
    full_agency: bool,
    version: i32,
    owner_id: Option<i64>,
    paused_on: Option<NaiveDate>,
    applicant_name: String,
    applicant_email: Option<String>,
    source: String,
    applicant_phone: Option<String>,
    enterprise_name_given: Option<String>,
    credit_code_given: Option<String>,
    rating: Option<i32>,
    rating_comment: Option<String>,
    passport_name: Option<String>,
    nationality: Option<String>,
    passport_number: Option<String>,
    position: Option<String>,
    arrival_date: Option<NaiveDate>,
    tasks: Json<Vec<tasks::TaskJson>>,
    messages: Json<Vec<crate::db::outbox::MessageJson>>,
}

impl Record for DetailRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DetailRow {
            summary: SummaryRow::read(row)?,
            description: row.get("description")?,
            language: row.get("language")?,
            full_agency: row.get("full_agency")?,
            version: row.get("version")?,
            owner_id: row.get("owner_id")?,
            paused_on: row.get("paused_on")?,
            applicant_name: row.get("applicant_name")?,
            applicant_email: row.get("applicant_email")?,
            source: row.get("source")?,
            applicant_phone: row.get("applicant_phone")?,
            enterprise_name_given: row.get("enterprise_name_given")?,
            credit_code_given: row.get("credit_code_given")?,
            rating: row.get("rating")?,
            rating_comment: row.get("rating_comment")?,
            passport_name: row.get("passport_name")?,
            nationality: row.get("nationality")?,
            passport_number: row.get("passport_number")?,
            position: row.get("position")?,
            arrival_date: row.get("arrival_date")?,
            tasks: row.get("tasks")?,
            messages: row.get("messages")?,
        })
    }
}

/// A case with its department tasks, in one query.
pub async fn get(db: &Db, id: i64, w: RiskWindow) -> Result<Option<(CaseSummary, CaseRow)>, sqlx::Error> {
    let sql = format!(
        "select c.id, c.reference, c.enterprise_id, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
            c.case_type, c.priority, \
            c.green_channel, c.title, c.status, u.display_name as owner_name, c.created_at, c.due_on, \
            c.description, c.language, c.full_agency, c.version, c.owner_id, c.paused_on, \
            c.applicant_name, c.applicant_email, c.source, c.applicant_phone, c.enterprise_name_given, \
            c.credit_code_given, c.rating, c.rating_comment, fs.passport_name, fs.nationality, fs.passport_number, \
            fs.position, fs.arrival_date, {}, {} \
         from cases c left join enterprises e on e.id = c.enterprise_id left join users u on u.id = c.owner_id \
         left join case_foreign_staff fs on fs.case_id = c.id \
         where c.id = $1",
        tasks::json_column(db),
        crate::db::outbox::json_column(db)
    );
    let row: Option<DetailRow> = db.optional(&sql, &[id.into()]).await?;
    Ok(row.map(|r| {
        let detail = CaseRow {
            description: r.description,
            language: r.language,
            full_agency: r.full_agency,
            version: r.version,
            owner_id: r.owner_id,
            paused_on: r.paused_on,
            applicant_name: r.applicant_name,
            applicant_email: r.applicant_email,
            source: r.source,
            applicant_phone: r.applicant_phone,
            enterprise_name_given: r.enterprise_name_given,
            credit_code_given: r.credit_code_given,
            rating: r.rating,
            rating_comment: r.rating_comment,
            foreign_staff: match (r.passport_name, r.nationality, r.passport_number) {
                (Some(passport_name), Some(nationality), Some(passport_number)) => Some(ForeignStaffRow {
                    passport_name,
                    nationality,
                    passport_number,
                    position: r.position.unwrap_or_default(),
                    arrival_date: r.arrival_date,
                }),
                _ => None,
            },
            tasks: tasks::from_json(r.tasks.0),
            messages: crate::db::outbox::from_json(r.messages.0),
        };
        (r.summary.into_summary(w), detail)
    }))
}

/// Status, version and owner, read inside a write transaction.
pub async fn state_in(tx: &mut Tx, id: i64) -> Result<Option<(String, i32, Option<i64>)>, sqlx::Error> {
    tx.optional::<(String, i32, Option<i64>)>("select status, version, owner_id from cases where id = $1", &[id.into()])
        .await
}

/// Move a case to `to` if it is still at `version`; `Ok(false)` if someone moved it first.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    version: i32,
    to: CaseStatus,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    // The day it was resolved and the working days it took stay with the case until it is
    // reopened (migrations 0038 and 0039: the dashboard's totals follow them by trigger).
    let resolved_on = crate::domain::office_today(at);
    let days = match to {
        CaseStatus::Resolved => crate::cases::figures::resolution_days_in(tx, id, resolved_on).await?,
        _ => None,
    };
    on_tx!(tx, |conn| {
        sqlx::query(
            "update cases set status = $1, updated_at = $2, version = version + 1, \
                 resolved_on = case $1 when 'resolved' then $5 when 'in_progress' then null else resolved_on end, \
                 resolution_days = case $1 when 'resolved' then $6 when 'in_progress' then null \
                     else resolution_days end \
             where id = $3 and version = $4",
        )
        .bind(to.as_str())
        .bind(at)
        .bind(id)
        .bind(version)
        .bind(resolved_on)
        .bind(days)
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

/// Give a case from the intake queue its enterprise and officer, if it is still at `version`
/// and still has no officer; `Ok(false)` otherwise.
pub async fn route(
    tx: &mut Tx,
    id: i64,
    version: i32,
    enterprise_id: i64,
    owner_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update cases set enterprise_id = $1, owner_id = $2, updated_at = $3, version = version + 1 \
             where id = $4 and version = $5 and owner_id is null and source = 'portal'",
        )
        .bind(enterprise_id)
        .bind(owner_id)
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}
