//! Enterprises, their liaison assignments and aftercare contacts: the lookups the forms
//! pick from and when an enterprise counts as overdue, here; the list and its name search in
//! `list` and `name_search`, one enterprise read and written in `record`, its liaison
//! officers in `assignments`, its contacts and people in `aftercare`.

mod aftercare;
mod assignments;
mod list;
mod name_search;
mod record;

pub use aftercare::{contacts, delete_person, insert_contact, insert_person, people, NewContact, NewPerson};
pub use assignments::{end_assignment, liaisons, start_assignment, AssignError};
pub use list::{search, stream};
pub use name_search::{index_missing, index_names, term_counts};
pub use record::{
    by_credit_code_in, find_for_request, get, get_in, id_by_credit_code, insert, names, set_leader, update,
    EnterpriseRow, Fields, WriteError,
};

use crate::db::Db;
use crate::enterprises::{IndustryChain, Officer};
use crate::on_db;
use chrono::{DateTime, NaiveDate, Utc};

pub async fn industry_chains(db: &Db) -> Result<Vec<IndustryChain>, sqlx::Error> {
    db.all::<IndustryChain>(
        "select id, code, name_zh, name_en, name_fr, sort_order from industry_chains order by sort_order, id",
        &[],
    )
    .await
}

pub async fn industry_chain_exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(*) from industry_chains where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .map(|n| n > 0)
    })
}

/// Active staff with a given role, for pickers.
pub async fn active_users_with_role(db: &Db, role: &str) -> Result<Vec<Officer>, sqlx::Error> {
    db.all::<Officer>(
        "select id, display_name from users where role = $1 and active = true order by display_name, id",
        &[role.into()],
    )
    .await
}

/// The active liaison officers and admins by their e-mail (lower case): who may be put in
/// charge of a promotion record named in a spreadsheet.
pub async fn officers_by_email(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    db.all(
        "select id, lower(email) from users where role in ('liaison_officer', 'admin') and active = true order by id",
        &[],
    )
    .await
}

/// When an enterprise counts as overdue: last contact before `date`, or never contacted
/// and registered before `at`.
#[derive(Clone, Copy)]
pub struct OverdueCutoff {
    pub date: NaiveDate,
    pub at: DateTime<Utc>,
}

const OVERDUE_SQL: &str = "(e.last_contact_on < $1 or (e.last_contact_on is null and e.created_at < $2))";

impl OverdueCutoff {
    /// The rule of `OVERDUE_SQL`, for rows already read.
    fn is_overdue(&self, last_contact_on: Option<NaiveDate>, created_at: DateTime<Utc>) -> bool {
        match last_contact_on {
            Some(d) => d < self.date,
            None => created_at < self.at,
        }
    }
}

/// How many enterprises were registered in the office days `from..=to` (the dashboard's year
/// before, where the register's other figures of today are not shown; running totals).
pub async fn registered_in(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<i64, sqlx::Error> {
    db.one(
        "select cast(coalesce(sum(n), 0) as bigint) from enterprise_days \
         where kind = 'registered' and day >= $1 and day <= $2",
        &[from.into(), to.into()],
    )
    .await
}

/// The enterprises of each country (ISO code), most first.
pub async fn by_country(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    // The running totals of migration 0039, kept by trigger.
    db.all(
        "select country, cast(sum(n) as bigint) as total from enterprise_countries \
         group by country having sum(n) > 0 order by total desc, country",
        &[],
    )
    .await
}

/// The register's figures for the dashboard: enterprises, key ones, those registered in the
/// office days `from..=to`, and those whose visit is overdue at `cutoff`. From the running
/// totals of migration 0039 (by country; by day registered and last contacted), and, for the
/// enterprises never contacted registered on the cutoff's own day, through the index.
pub async fn figures(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    cutoff: OverdueCutoff,
) -> Result<(i64, i64, i64, i64), sqlx::Error> {
    let day = cutoff.at.date_naive();
    let midnight = day.and_time(chrono::NaiveTime::MIN).and_utc();
    db.one(
        "select (select cast(coalesce(sum(n), 0) as bigint) from enterprise_countries), \
                (select cast(coalesce(sum(n), 0) as bigint) from enterprise_countries where is_key = true), \
                (select cast(coalesce(sum(n), 0) as bigint) from enterprise_days \
                 where kind = 'registered' and day >= $1 and day <= $2), \
                (select cast(coalesce(sum(n), 0) as bigint) from enterprise_days where kind = 'contacted' and day < $3) \
                + (select cast(coalesce(sum(n), 0) as bigint) from enterprise_days where kind = 'never' and day < $4) \
                + (select count(*) from enterprises where last_contact_on is null \
                   and created_at >= $5 and created_at < $6)",
        &[from.into(), to.into(), cutoff.date.into(), day.into(), midnight.into(), cutoff.at.into()],
    )
    .await
}
