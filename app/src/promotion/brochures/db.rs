//! The brochure's SQL: the issues with their funnels, and the projects each presents.

use super::{BrochureIssue, Funnel};
use crate::db::{Columns, Db, Record, Tx};
use crate::promotion::Written;
use chrono::{DateTime, NaiveDate, Utc};

/// Of the entries `e` (already narrowed), the projects with a lead, and with a lead that
/// became a project now signed.
const WITH_LEADS: &str = "count(distinct case when exists (select 1 from leads l \
         where l.promoted_project_id = e.promoted_project_id) then e.promoted_project_id end)";
const SIGNED: &str = "count(distinct case when exists (select 1 from leads l join projects pr on pr.id = l.project_id \
         where l.promoted_project_id = e.promoted_project_id and l.status = 'became_project' \
         and pr.stage in ('signed', 'started', 'completed')) then e.promoted_project_id end)";

impl Record for BrochureIssue {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(BrochureIssue {
            id: row.get("id")?,
            number: row.get("number")?,
            theme: Written { zh: row.get("theme_zh")?, en: row.get("theme_en")?, fr: row.get("theme_fr")? },
            issued_on: row.get("issued_on")?,
            funnel: Funnel {
                presented: row.get("presented")?,
                with_leads: row.get("with_leads")?,
                signed: row.get("signed")?,
            },
        })
    }
}

fn issue_select(filter: &str) -> String {
    format!(
        "select i.id, i.number, i.theme_zh, i.theme_en, i.theme_fr, i.issued_on, \
             count(e.promoted_project_id) as presented, {WITH_LEADS} as with_leads, {SIGNED} as signed \
         from brochure_issues i left join brochure_entries e on e.issue_id = i.id {filter} \
         group by i.id, i.number, i.theme_zh, i.theme_en, i.theme_fr, i.issued_on order by i.number desc"
    )
}

/// Every issue, the latest first.
pub async fn issues(db: &Db) -> Result<Vec<BrochureIssue>, sqlx::Error> {
    db.all(&issue_select(""), &[]).await
}

pub async fn issue(db: &Db, id: i64) -> Result<Option<BrochureIssue>, sqlx::Error> {
    db.optional(&issue_select("where i.id = $1"), &[id.into()]).await
}

/// The funnel of every project any issue presented, each counted once.
pub async fn total(db: &Db) -> Result<Funnel, sqlx::Error> {
    let (presented, with_leads, signed): (i64, i64, i64) = db
        .one(
            &format!("select count(distinct e.promoted_project_id), {WITH_LEADS}, {SIGNED} from brochure_entries e"),
            &[],
        )
        .await?;
    Ok(Funnel { presented, with_leads, signed })
}

/// The funnel of the projects the issues dated from one day to another presented, each
/// counted once, and how many issues there were.
pub async fn funnel_between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<(i64, Funnel), sqlx::Error> {
    let (issues, presented, with_leads, signed): (i64, i64, i64, i64) = db
        .one(
            &format!(
                "select (select count(*) from brochure_issues where issued_on >= $1 and issued_on <= $2), \
                        count(distinct e.promoted_project_id), {WITH_LEADS}, {SIGNED} \
                 from brochure_entries e join brochure_issues i on i.id = e.issue_id \
                 where i.issued_on >= $1 and i.issued_on <= $2"
            ),
            &[from.into(), to.into()],
        )
        .await?;
    Ok((issues, Funnel { presented, with_leads, signed }))
}

/// The projects an issue presents, in its order.
pub async fn entries(db: &Db, issue: i64) -> Result<Vec<i64>, sqlx::Error> {
    db.all(
        "select promoted_project_id from brochure_entries where issue_id = $1 order by position, promoted_project_id",
        &[issue.into()],
    )
    .await
}

pub async fn number_taken(tx: &mut Tx, number: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = tx.optional("select id from brochure_issues where number = $1", &[number.into()]).await?;
    Ok(found.is_some())
}

pub async fn insert(
    tx: &mut Tx,
    number: i64,
    theme: &Written,
    issued_on: NaiveDate,
    by: i64,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into brochure_issues (number, theme_zh, theme_en, theme_fr, issued_on, created_by, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7) returning id",
        &[
            number.into(),
            theme.zh.as_str().into(),
            theme.en.as_str().into(),
            theme.fr.as_str().into(),
            issued_on.into(),
            by.into(),
            at.into(),
        ],
    )
    .await
}

/// Whether the issue `id` exists (read in the transaction that changes it).
pub async fn exists_in(tx: &mut Tx, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = tx.optional("select id from brochure_issues where id = $1", &[id.into()]).await?;
    Ok(found.is_some())
}

/// Put a project at the end of an issue; false when it is in it already.
pub async fn add(tx: &mut Tx, issue: i64, project: i64) -> Result<bool, sqlx::Error> {
    let (count, present): (i64, i64) = tx
        .one(
            "select count(*), coalesce(sum(case when promoted_project_id = $2 then 1 else 0 end), 0) \
             from brochure_entries where issue_id = $1",
            &[issue.into(), project.into()],
        )
        .await?;
    if present > 0 {
        return Ok(false);
    }
    let _: i64 = tx
        .one(
            "insert into brochure_entries (issue_id, promoted_project_id, position) values ($1, $2, $3) \
             returning position",
            &[issue.into(), project.into(), (count + 1).into()],
        )
        .await?;
    Ok(true)
}

/// How many projects an issue presents.
pub async fn count_in(tx: &mut Tx, issue: i64) -> Result<i64, sqlx::Error> {
    tx.one("select count(*) from brochure_entries where issue_id = $1", &[issue.into()]).await
}

/// Take a project out of an issue; false when it was not in it.
pub async fn remove(tx: &mut Tx, issue: i64, project: i64) -> Result<bool, sqlx::Error> {
    let gone: Option<i64> = tx
        .optional(
            "delete from brochure_entries where issue_id = $1 and promoted_project_id = $2 returning position",
            &[issue.into(), project.into()],
        )
        .await?;
    Ok(gone.is_some())
}
