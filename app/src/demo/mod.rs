//! The model city's year as demo data (`liaison demo`): the figures of `DOMAIN.md` for the
//! calendar year before the one it is loaded in, and open work around the day it is loaded.
//! Deterministic (the same records each time, only the access codes are drawn), loaded in one
//! transaction through the areas' own writes, and only into a database that holds no records
//! yet: staff accounts that exist are kept.

mod casework;
mod foreign;
mod people;
mod projects;
mod promotion;

use crate::db::{audit, Tx};
use crate::domain::office_day_start;
use crate::state::ServerState;
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

pub use people::PASSWORD;

/// What was loaded, for the operator: the year the figures fall in, the accounts to sign in
/// with (all with `PASSWORD`), and one request an investor can follow on the portal.
#[derive(Debug)]
pub struct Loaded {
    pub year: i32,
    pub accounts: Vec<(String, String, crate::domain::Role)>,
    pub portal_case: (String, String),
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the database already holds records ({0}); demo data is loaded only into one that holds none")]
    NotEmpty(String),
    #[error("a demo account's e-mail address is taken: {0}")]
    EmailTaken(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("the demo data could not be written: {0}")]
    App(String),
}

impl From<crate::error::AppError> for DemoError {
    fn from(e: crate::error::AppError) -> Self {
        DemoError::App(format!("{e:?}"))
    }
}

/// The tables whose rows are records: any row in one of them and the demo is refused.
const RECORDS: [&str; 13] = [
    "enterprises",
    "cases",
    "delegations",
    "partner_cities",
    "projects",
    "promotion_events",
    "target_firms",
    "promoted_projects",
    "policy_documents",
    "leads",
    "brochure_issues",
    "counties",
    "industry_sub_chains",
];

/// The tables of `RECORDS` that hold rows.
async fn holding(tx: &mut Tx) -> Result<Vec<&'static str>, sqlx::Error> {
    let mut found = Vec::new();
    for table in RECORDS {
        let any: Option<i64> = tx.optional(&format!("select 1 from {table} limit 1"), &[]).await?;
        if any.is_some() {
            found.push(table);
        }
    }
    Ok(found)
}

/// Whether the database holds no records yet (staff accounts aside): the demo may be loaded.
pub async fn is_empty(db: &crate::db::Db) -> Result<bool, sqlx::Error> {
    for table in RECORDS {
        let any: Option<i64> = db.optional(&format!("select 1 from {table} limit 1"), &[]).await?;
        if any.is_some() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The instant a day's office hours start at, plus `hour` hours (9:00 is 0).
pub(crate) fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    office_day_start(day) + chrono::Duration::hours(9 + i64::from(hour))
}

/// A day of the model year.
pub(crate) fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap_or_default()
}

pub(crate) fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d + Days::new(days as u64)
    } else {
        d - Days::new(days.unsigned_abs())
    }
}

/// `total` split into `n` unequal whole parts that add up to it exactly.
pub(crate) fn split(total: i64, n: usize, salt: usize) -> Vec<i64> {
    let weights: Vec<i64> = (0..n).map(|i| 3 + ((i * 7 + salt) % 10) as i64).collect();
    let sum: i64 = weights.iter().sum();
    let mut parts: Vec<i64> = weights.iter().map(|w| total * w / sum).collect();
    let rest = total - parts.iter().sum::<i64>();
    if let Some(first) = parts.first_mut() {
        *first += rest;
    }
    parts
}

/// Load the demo into the database `state` serves, its year the one before `today`'s.
pub async fn load(state: &ServerState, today: NaiveDate) -> Result<Loaded, DemoError> {
    let year = today.year() - 1;
    // Before the transaction: the password's hash and the installation's key (which a
    // transaction on SQLite would wait for).
    let hash = crate::auth::server::hash_password(PASSWORD.to_string()).await?;
    let keys = state.access_keys().await?;
    let departments = crate::admin::db::departments::list(&state.db).await?;
    let chains = crate::enterprises::db::industry_chains(&state.db).await?;
    let mut tx = state.db.begin().await?;
    let held = holding(&mut tx).await?;
    if !held.is_empty() {
        return Err(DemoError::NotEmpty(held.join(", ")));
    }
    let places = projects::places(&mut tx, &chains).await?;
    let staff = people::load(&mut tx, &hash, &departments, places.counties[0], year).await?;
    let register = projects::load(&mut tx, &staff, &places, year, today).await?;
    let leads_from = foreign::load(&mut tx, &staff, year, today).await?;
    promotion::load(&mut tx, &staff, &places, &register, leads_from, year, today).await?;
    let portal_case = casework::load(&mut tx, &staff, &departments, &chains, keys, year, today).await?;
    let changes = audit::Changes::new().fact("year", year);
    audit::record(
        &mut tx,
        audit::Entry {
            actor_id: Some(staff.admin),
            action: "demo_loaded",
            entity_type: "demo",
            entity_id: Some(year.to_string()),
            changes,
            ip: None,
            at: crate::db::now(),
        },
    )
    .await?;
    tx.commit().await?;
    state.reference.clear();
    Ok(Loaded { year, accounts: staff.accounts, portal_case })
}
