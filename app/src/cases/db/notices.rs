//! What the e-mails about cases read: a case's facts, the cases whose deadline notice is
//! due, and an officer's open cases for the daily digest.

use super::{RiskWindow, SummaryRow, RUNNING, SUMMARY};
use crate::cases::CaseSummary;
use crate::db::{Db, Tx};
use crate::mail::compose::CaseFacts;
use chrono::NaiveDate;

impl crate::db::Record for CaseFacts {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(CaseFacts {
            id: row.get("id")?,
            reference: row.get("reference")?,
            title: row.get("title")?,
            enterprise_name: row.get("enterprise_name")?,
            case_type: row.get("case_type")?,
            due_on: row.get("due_on")?,
            language: row.get("language")?,
            applicant_name: row.get("applicant_name")?,
            applicant_email: row.get("applicant_email")?,
            applicant_email_verified: row.get("applicant_email_verified")?,
        })
    }
}

/// What e-mails about a case say, read inside the transaction that sends them.
pub async fn facts_in(tx: &mut Tx, id: i64) -> Result<Option<CaseFacts>, sqlx::Error> {
    tx.optional::<CaseFacts>(
        "select c.id, c.reference, c.title, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
                c.case_type, c.due_on, c.language, c.applicant_name, c.applicant_email, \
                c.applicant_email_verified \
         from cases c left join enterprises e on e.id = c.enterprise_id where c.id = $1",
        &[id.into()],
    )
    .await
}

/// A running case due by some day, as the deadline notices need it.
#[derive(Debug, Clone)]
pub struct DueCase {
    pub id: i64,
    pub due_on: NaiveDate,
    pub owner_id: Option<i64>,
    pub leader_id: Option<i64>,
}

impl crate::db::Record for DueCase {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DueCase {
            id: row.get("id")?,
            due_on: row.get("due_on")?,
            owner_id: row.get("owner_id")?,
            leader_id: row.get("leader_id")?,
        })
    }
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
    db.all::<DueCase>(&sql, &[since.into(), until.into(), today.into(), limit.into()]).await
}

/// An officer's open cases (those still being worked or waiting for the applicant), soonest
/// due first, for the daily digest.
pub async fn open_owned(db: &Db, owner_id: i64, w: RiskWindow, limit: i64) -> Result<Vec<CaseSummary>, sqlx::Error> {
    let sql = format!(
        "{SUMMARY} where c.owner_id = $1 and c.status in ('submitted', 'accepted', 'in_progress', 'awaiting_applicant') \
         order by coalesce(c.due_on, '9999-12-31'), c.id limit $2"
    );
    let rows: Vec<SummaryRow> = db.all(&sql, &[owner_id.into(), limit.into()]).await?;
    Ok(rows.into_iter().map(|r| r.into_summary(w)).collect())
}
