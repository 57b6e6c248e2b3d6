//! Promotion events and the figures counted from their projects.

use super::{EventDetails, EventKind, EventSummary, Produced};
use crate::db::{Columns, Db, Record, Tx};
use crate::projects::Wan;
use chrono::{DateTime, Utc};

crate::code_column!(EventKind);

impl Record for Produced {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Produced {
            signed: row.get("signed")?,
            investment: Wan(row.get("investment_wan")?),
            started: row.get("started")?,
            completed: row.get("completed")?,
            projects: row.get("projects")?,
        })
    }
}

impl Record for EventSummary {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(EventSummary {
            id: row.get("id")?,
            kind: row.get("kind")?,
            name: row.get("name")?,
            starts_on: row.get("starts_on")?,
            ends_on: row.get("ends_on")?,
            place: row.get("place")?,
            produced: Produced::read(row)?,
        })
    }
}

/// The events `scope` keeps (a `where`, an order, a limit on `e`), with what each produced
/// (kept on the event by `recount`).
fn select(scope: &str) -> String {
    format!(
        "select e.id, e.kind, e.name, e.starts_on, e.ends_on, e.place, e.projects, e.signed, \
                e.signed_wan as investment_wan, e.started, e.completed \
         from promotion_events e {scope}"
    )
}

/// Count again what the events `ids` produced, from their projects as this transaction sees
/// them (migration 0030). Called by every write that adds a project to an event, takes it
/// away or moves its stage, after `projects::db::touch`: that bump makes those writes wait
/// for each other, so the count sees every project committed before.
pub async fn recount(tx: &mut Tx, ids: &[i64]) -> Result<(), sqlx::Error> {
    for id in ids {
        let _: Option<i64> = tx.optional(&format!("{RECOUNT} where id = $1 returning id"), &[(*id).into()]).await?;
    }
    Ok(())
}

/// Every event's figures, counted from its projects.
const RECOUNT: &str = "update promotion_events set (projects, signed, signed_wan, started, completed) = ( \
         select count(*), \
                coalesce(sum(case when p.stage in ('signed', 'started', 'completed') then 1 else 0 end), 0), \
                coalesce(sum(case when p.stage in ('signed', 'started', 'completed') then p.total_investment_wan \
                                  else 0 end), 0), \
                coalesce(sum(case when p.stage in ('started', 'completed') then 1 else 0 end), 0), \
                coalesce(sum(case when p.stage = 'completed' then 1 else 0 end), 0) \
         from projects p where p.event_id = promotion_events.id)";

/// Count every event's figures again (for data written straight into the tables).
pub async fn recount_all(db: &Db) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    let _: Vec<i64> = tx.all(&format!("{RECOUNT} returning id"), &[]).await?;
    tx.commit().await
}

/// The events of a year (the latest `LATEST` of any year when None), the latest first, with
/// what each produced.
pub async fn list(db: &Db, year: Option<i32>) -> Result<Vec<EventSummary>, sqlx::Error> {
    match year {
        Some(y) => {
            let Some((from, to)) = crate::domain::year_bounds(y) else { return Ok(Vec::new()) };
            between(db, from, to).await
        }
        None => {
            let scope = format!("order by e.starts_on desc, e.id desc limit {}", super::LATEST);
            db.all(&select(&scope), &[]).await
        }
    }
}

/// The events that began from one day to another, the latest first, with what each produced.
pub async fn between(
    db: &Db,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<EventSummary>, sqlx::Error> {
    let sql = select("where e.starts_on >= $1 and e.starts_on <= $2 order by e.starts_on desc, e.id desc");
    db.all(&sql, &[from.into(), to.into()]).await
}

/// The events a project can name: every one (up to 500), the latest first, with the day each
/// began and without their figures.
pub async fn choices(db: &Db) -> Result<Vec<(i64, String, chrono::NaiveDate)>, sqlx::Error> {
    db.all("select id, name, starts_on from promotion_events order by starts_on desc, id desc limit 500", &[]).await
}

pub async fn exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    Ok(db.optional::<i64>("select id from promotion_events where id = $1", &[id.into()]).await?.is_some())
}

pub async fn exists_in(tx: &mut Tx, id: i64) -> Result<bool, sqlx::Error> {
    Ok(tx.optional::<i64>("select id from promotion_events where id = $1", &[id.into()]).await?.is_some())
}

impl Record for EventDetails {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(EventDetails {
            organiser: row.get("organiser")?,
            leader_id: row.get("leader_id")?,
            leader_name: row.get("leader_name")?,
            notes: row.get("notes")?,
            version: row.get("version")?,
        })
    }
}

/// An event as stored, without its projects.
pub async fn get(db: &Db, id: i64) -> Result<Option<(EventSummary, EventDetails)>, sqlx::Error> {
    let sql = format!(
        "select x.*, ev.organiser, ev.leader_id, u.display_name as leader_name, ev.notes, ev.version \
         from ({}) x join promotion_events ev on ev.id = x.id left join users u on u.id = ev.leader_id",
        select("where e.id = $1")
    );
    let row: Option<Both> = db.optional(&sql, &[id.into()]).await?;
    Ok(row.map(|b| (b.0, b.1)))
}

/// An event's line and details, read from one row.
struct Both(EventSummary, EventDetails);

impl Record for Both {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Both(EventSummary::read(row)?, EventDetails::read(row)?))
    }
}

/// The event's fields as its form sets them.
pub struct Fields<'a> {
    pub kind: EventKind,
    pub name: &'a str,
    pub starts_on: chrono::NaiveDate,
    pub ends_on: chrono::NaiveDate,
    pub place: &'a str,
    pub organiser: &'a str,
    pub leader_id: Option<i64>,
    pub notes: &'a str,
}

fn field_args(f: &Fields<'_>) -> Vec<crate::db::Arg> {
    vec![
        f.kind.as_str().into(),
        f.name.into(),
        f.starts_on.into(),
        f.ends_on.into(),
        f.place.into(),
        f.organiser.into(),
        f.leader_id.into(),
        f.notes.into(),
    ]
}

pub async fn insert(tx: &mut Tx, f: &Fields<'_>, by: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into promotion_events (kind, name, starts_on, ends_on, place, organiser, leader_id, notes, \
                 created_by, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id",
        &[field_args(f).as_slice(), &[by.into(), at.into()]].concat(),
    )
    .await
}

/// Save the fields if nobody saved since `version`; false otherwise.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i32,
    f: &Fields<'_>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update promotion_events set kind = $1, name = $2, starts_on = $3, ends_on = $4, place = $5, \
                     organiser = $6, leader_id = $7, notes = $8, updated_at = $9, version = version + 1 \
                 where id = $10 and version = $11 returning id",
            &[field_args(f).as_slice(), &[at.into(), id.into(), version.into()]].concat(),
        )
        .await?;
    Ok(done.is_some())
}
