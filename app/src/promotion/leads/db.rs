//! The leads' SQL: the leads, their contact log, and how each ends.

use super::{ContactWay, Lead, LeadContact, LeadFilter, LeadSource, LeadStatus};
use crate::db::{Arg, Columns, Db, Record, Tx, Where};
use chrono::{DateTime, NaiveDate, Utc};

crate::code_column!(LeadSource, LeadStatus, ContactWay);

/// A lead's columns, read with the day its next step counts as overdue from (`$1`).
const COLUMNS: &str = "l.id, l.title, l.investor, l.country, l.source, l.target_firm_id, l.officer_id, \
                       u.display_name as officer_name, l.status, l.project_id, l.closed_reason, l.next_step, \
                       l.next_step_on, l.version, l.promoted_project_id, \
                       coalesce(l.next_step_on < $1 and l.status = 'open', false) as overdue";

const FROM: &str = "leads l join users u on u.id = l.officer_id";

impl Record for Lead {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Lead {
            id: row.get("id")?,
            title: row.get("title")?,
            investor: row.get("investor")?,
            country: row.get("country")?,
            source: row.get("source")?,
            target_firm_id: row.get("target_firm_id")?,
            officer_id: row.get("officer_id")?,
            officer_name: row.get("officer_name")?,
            status: row.get("status")?,
            project_id: row.get("project_id")?,
            closed_reason: row.get("closed_reason")?,
            next_step: row.get("next_step")?,
            next_step_on: row.get("next_step_on")?,
            overdue: row.get("overdue")?,
            version: row.get("version")?,
            promoted_project_id: row.get("promoted_project_id")?,
        })
    }
}

impl Record for LeadContact {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(LeadContact {
            id: row.get("id")?,
            contacted_on: row.get("contacted_on")?,
            way: row.get("way")?,
            summary: row.get("summary")?,
            next_step: row.get("next_step")?,
            next_step_on: row.get("next_step_on")?,
            recorded_by: row.get("recorded_by")?,
        })
    }
}

/// The filter's conditions, their placeholders after the first `after` ones.
fn conditions(f: &LeadFilter, today: NaiveDate, reader: i64, after: usize) -> Where {
    let mut before = Where::default();
    before.args.extend((0..after).map(|_| Arg::from(today)));
    let mut cond = Where::after(&before);
    if let Some(status) = f.status {
        cond.push("l.status = ?", vec![status.as_str().into()]);
    }
    if f.overdue {
        cond.push("l.next_step_on < ? and l.status = 'open'", vec![today.into()]);
    }
    if f.mine {
        cond.push("l.officer_id = ?", vec![reader.into()]);
    }
    if let Some(q) = &f.q {
        let like = format!("%{}%", crate::db::escape_like(&q.to_lowercase()));
        cond.push(
            "(lower(l.title) like ? escape '\\' or lower(l.investor) like ? escape '\\')",
            vec![like.clone().into(), like.into()],
        );
    }
    cond
}

/// One page of leads (the overdue first, then by their next step) and how many the filter finds.
pub async fn page(
    db: &Db,
    f: &LeadFilter,
    today: NaiveDate,
    reader: i64,
    per_page: i64,
) -> Result<(Vec<Lead>, i64), sqlx::Error> {
    let cond = conditions(f, today, reader, 1);
    let mut args = vec![Arg::from(today)];
    args.extend(cond.args.iter().cloned());
    let offset = f.page.clamp(0, crate::domain::MAX_PAGE) * per_page;
    let items = db
        .all(
            &format!(
                "select {COLUMNS} from {FROM}{} \
                 order by overdue desc, l.status <> 'open', l.next_step_on is null, l.next_step_on, l.id desc \
                 limit {per_page} offset {offset}",
                cond.sql()
            ),
            &args,
        )
        .await?;
    let cond = conditions(f, today, reader, 0);
    let total = db.one(&format!("select count(*) from leads l{}", cond.sql()), &cond.args).await?;
    Ok((items, total))
}

/// How many open leads are overdue: of all, and of `officer`.
pub async fn overdue(db: &Db, today: NaiveDate, officer: i64) -> Result<(i64, i64), sqlx::Error> {
    db.one(
        "select count(*), coalesce(sum(case when officer_id = $2 then 1 else 0 end), 0) from leads \
         where status = 'open' and next_step_on < $1",
        &[today.into(), officer.into()],
    )
    .await
}

pub async fn get(db: &Db, id: i64, today: NaiveDate) -> Result<Option<Lead>, sqlx::Error> {
    db.optional(&format!("select {COLUMNS} from {FROM} where l.id = $2"), &[today.into(), id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64, today: NaiveDate) -> Result<Option<Lead>, sqlx::Error> {
    tx.optional(&format!("select {COLUMNS} from {FROM} where l.id = $2"), &[today.into(), id.into()]).await
}

/// A lead's contacts, the latest first.
pub async fn contacts(db: &Db, lead: i64) -> Result<Vec<LeadContact>, sqlx::Error> {
    db.all(
        "select c.id, c.contacted_on, c.way, c.summary, c.next_step, c.next_step_on, u.display_name as recorded_by \
         from lead_contacts c join users u on u.id = c.recorded_by where c.lead_id = $1 \
         order by c.contacted_on desc, c.id desc",
        &[lead.into()],
    )
    .await
}

/// A new lead's fields.
pub struct NewLead<'a> {
    pub title: &'a str,
    pub investor: &'a str,
    pub country: &'a str,
    pub source: LeadSource,
    pub target_firm_id: Option<i64>,
    pub officer_id: i64,
    pub next_step: &'a str,
    pub next_step_on: Option<NaiveDate>,
    pub promoted_project_id: Option<i64>,
    pub delegation_outcome_id: Option<i64>,
}

pub async fn insert(tx: &mut Tx, l: &NewLead<'_>, by: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into leads (title, investor, country, source, target_firm_id, officer_id, next_step, next_step_on, \
             promoted_project_id, delegation_outcome_id, created_by, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) returning id",
        &[
            l.title.into(),
            l.investor.into(),
            l.country.into(),
            l.source.as_str().into(),
            l.target_firm_id.into(),
            l.officer_id.into(),
            l.next_step.into(),
            l.next_step_on.into(),
            l.promoted_project_id.into(),
            l.delegation_outcome_id.into(),
            by.into(),
            at.into(),
        ],
    )
    .await
}

/// A contact's fields.
pub struct NewContact<'a> {
    pub contacted_on: NaiveDate,
    pub way: ContactWay,
    pub summary: &'a str,
    pub next_step: &'a str,
    pub next_step_on: Option<NaiveDate>,
}

/// Log a contact with an open lead at `version`, which takes its next step; false when the lead
/// is at another version or no longer open.
pub async fn add_contact(
    tx: &mut Tx,
    lead: i64,
    version: i32,
    c: &NewContact<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update leads set next_step = $1, next_step_on = $2, updated_at = $3, version = version + 1 \
             where id = $4 and version = $5 and status = 'open' returning id",
            &[c.next_step.into(), c.next_step_on.into(), at.into(), lead.into(), version.into()],
        )
        .await?;
    if done.is_none() {
        return Ok(false);
    }
    let _: i64 = tx
        .one(
            "insert into lead_contacts (lead_id, contacted_on, way, summary, next_step, next_step_on, recorded_by, \
                 recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
            &[
                lead.into(),
                c.contacted_on.into(),
                c.way.as_str().into(),
                c.summary.into(),
                c.next_step.into(),
                c.next_step_on.into(),
                by.into(),
                at.into(),
            ],
        )
        .await?;
    Ok(true)
}

/// End an open lead at `version`: as the project `project` or closed for `reason`; false when
/// it is at another version or no longer open.
pub async fn close(
    tx: &mut Tx,
    lead: i64,
    version: i32,
    status: LeadStatus,
    project: Option<i64>,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update leads set status = $1, project_id = $2, closed_reason = $3, updated_at = $4, \
                 version = version + 1 \
             where id = $5 and version = $6 and status = 'open' returning id",
            &[status.as_str().into(), project.into(), reason.into(), at.into(), lead.into(), version.into()],
        )
        .await?;
    Ok(done.is_some())
}

/// Whether `id` is a delegation's outcome of the kind "investment lead".
pub async fn is_delegation_lead(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        db.optional("select id from delegation_outcomes where id = $1 and kind = 'lead'", &[id.into()]).await?;
    Ok(found.is_some())
}

/// The delegation whose outcome the lead `id` came from: (id, title).
pub async fn delegation_of(db: &Db, id: i64) -> Result<Option<(i64, String)>, sqlx::Error> {
    db.optional(
        "select d.id, d.title from leads l join delegation_outcomes o on o.id = l.delegation_outcome_id \
         join delegations d on d.id = o.delegation_id where l.id = $1",
        &[id.into()],
    )
    .await
}
