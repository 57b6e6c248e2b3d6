//! What the e-mails about cases read: a case's facts, the cases whose deadline notice is
//! due, and an officer's open cases for the daily digest.

use super::{RiskWindow, SummaryRow, RUNNING, SUMMARY};
use crate::cases::{CaseSummary, CaseType};
use crate::db::{Db, Tx};
use crate::domain::Locale;
use crate::{on_db, on_tx};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct FactsRow {
    id: i64,
    reference: String,
    title: String,
    enterprise_name: String,
    case_type: String,
    due_on: Option<NaiveDate>,
    language: String,
    applicant_name: String,
    applicant_email: Option<String>,
    applicant_email_verified: bool,
}

/// What e-mails about a case say, read inside the transaction that sends them.
pub async fn facts_in(tx: &mut Tx, id: i64) -> Result<Option<crate::mail::compose::CaseFacts>, sqlx::Error> {
    let row: Option<FactsRow> = on_tx!(tx, |conn| {
        sqlx::query_as::<_, FactsRow>(
            "select c.id, c.reference, c.title, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
                    c.case_type, c.due_on, c.language, c.applicant_name, c.applicant_email, \
                    c.applicant_email_verified \
             from cases c left join enterprises e on e.id = c.enterprise_id where c.id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.map(|r| crate::mail::compose::CaseFacts {
        id: r.id,
        reference: r.reference,
        title: r.title,
        enterprise_name: r.enterprise_name,
        case_type: CaseType::parse(&r.case_type).unwrap_or(CaseType::Other),
        due_on: r.due_on,
        language: Locale::parse(&r.language).unwrap_or(Locale::En),
        applicant_name: r.applicant_name,
        applicant_email: r.applicant_email,
        applicant_email_verified: r.applicant_email_verified,
    }))
}

/// A running case due by some day, as the deadline notices need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueCase {
    pub id: i64,
    pub due_on: NaiveDate,
    pub owner_id: Option<i64>,
    pub leader_id: Option<i64>,
}

/// Running cases due between `since` and `until` (inclusive) whose notice has not gone yet
/// (`mail_notices` key `case:<id>:<overdue|at_risk>:<due date>`, overdue meaning due before
/// `today`), soonest first, at most `limit`.
pub async fn due_unnoticed(
    db: &Db,
    since: NaiveDate,
    until: NaiveDate,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<DueCase>, sqlx::Error> {
    let sql = format!(
        "select c.id, c.due_on, c.owner_id, e.responsible_leader_id as leader_id \
         from cases c left join enterprises e on e.id = c.enterprise_id \
         where {RUNNING} and c.due_on >= $1 and c.due_on <= $2 \
           and not exists (select 1 from mail_notices n where n.key = 'case:' || c.id || ':' \
                 || (case when c.due_on < $3 then 'overdue' else 'at_risk' end) || ':' || c.due_on) \
         order by c.due_on, c.id limit $4"
    );
    on_db!(db, |pool| {
        sqlx::query_as::<_, DueCase>(&sql).bind(since).bind(until).bind(today).bind(limit).fetch_all(pool).await
    })
}

/// An officer's open cases (those still being worked or waiting for the applicant), soonest
/// due first, for the daily digest.
pub async fn open_owned(db: &Db, owner_id: i64, w: RiskWindow, limit: i64) -> Result<Vec<CaseSummary>, sqlx::Error> {
    let sql = format!(
        "{SUMMARY} where c.owner_id = $1 and c.status in ('submitted', 'accepted', 'in_progress', 'awaiting_applicant') \
         order by coalesce(c.due_on, '9999-12-31'), c.id limit $2"
    );
    let rows: Vec<SummaryRow> =
        on_db!(db, |pool| sqlx::query_as::<_, SummaryRow>(&sql).bind(owner_id).bind(limit).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(|r| r.into_summary(w)).collect())
}
