//! Delegations, their members and outcomes, and the yearly figures' rows; what several
//! sub-areas read (how a resource is read and its columns, a booking's row) is here too. The
//! SQL of each sub-area is in its own file, re-exported here: `resources` (the bookable
//! resources and their booking lock), `itinerary` (items and their bookings), `gifts`, `rules`
//! (the mission rules) and `calendar` (the calendar and the personal feeds).

pub mod calendar;
pub mod gifts;
pub mod itinerary;
pub mod resources;
pub mod rules;

pub use self::calendar::*;
pub use self::gifts::*;
pub use self::itinerary::*;
pub use self::resources::*;
pub use self::rules::*;

use crate::db::{Db, Tx};
use crate::delegations::{
    split_list, Activity, Counted, DelegationFilter, DelegationStatus, DelegationSummary, Direction, GiftDirection,
    Outcome, OutcomeKind, Resource, ResourceKind,
};
use crate::domain::Locale;
use crate::on_tx;
use chrono::{DateTime, NaiveDate, Utc};

/// A line of the list; the countries are stored as one list of codes (`split_list`).
impl crate::db::Record for DelegationSummary {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DelegationSummary {
            id: row.get("id")?,
            direction: row.get("direction")?,
            title: row.get("title")?,
            countries: split_list(&row.get::<String>("countries")?),
            starts_on: row.get("starts_on")?,
            ends_on: row.get("ends_on")?,
            status: row.get("status")?,
            members: row.get("members")?,
            officer_name: row.get("officer_name")?,
        })
    }
}

crate::code_column!(Direction, DelegationStatus, ResourceKind, Activity, GiftDirection, OutcomeKind);

/// Delegations matching the filter, the latest first.
pub async fn list(db: &Db, f: &DelegationFilter) -> Result<Vec<DelegationSummary>, sqlx::Error> {
    let (from, to) = match f.year {
        Some(y) => (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31)),
        None => (None, None),
    };
    db.all::<DelegationSummary>(
        "select d.id, d.direction, d.title, d.countries, d.starts_on, d.ends_on, d.status, \
             (select count(*) from delegation_members m where m.delegation_id = d.id) as members, \
             u.display_name as officer_name \
         from delegations d left join users u on u.id = d.officer_id \
         where ($1 is null or d.direction = $1) and ($2 is null or d.status = $2) \
           and ($3 is null or d.starts_on <= $4) and ($3 is null or d.ends_on >= $3) \
         order by d.starts_on desc, d.id desc limit 500",
        &[(f.direction.as_deref()).into(), (f.status.as_deref()).into(), from.into(), to.into()],
    )
    .await
}

/// A delegation's own fields as stored: the page's `Delegation` adds its members, itinerary,
/// gifts, outcomes and what the reader may do, which are read and judged apart.
#[derive(Debug, Clone)]
pub struct DelegationRow {
    pub id: i64,
    pub direction: Direction,
    pub title: String,
    pub organisation: String,
    pub countries: Vec<String>,
    pub purpose: String,
    pub language: Locale,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: DelegationStatus,
    pub officer_id: Option<i64>,
    pub officer_name: Option<String>,
    pub override_reason: String,
    pub version: i32,
}

impl crate::db::Record for DelegationRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DelegationRow {
            id: row.get("id")?,
            direction: row.get("direction")?,
            title: row.get("title")?,
            organisation: row.get("organisation")?,
            countries: split_list(&row.get::<String>("countries")?),
            purpose: row.get("purpose")?,
            language: row.get("language")?,
            starts_on: row.get("starts_on")?,
            ends_on: row.get("ends_on")?,
            status: row.get("status")?,
            officer_id: row.get("officer_id")?,
            officer_name: row.get("officer_name")?,
            override_reason: row.get("override_reason")?,
            version: row.get("version")?,
        })
    }
}

const GET_SQL: &str = "select d.id, d.direction, d.title, d.organisation, d.countries, d.purpose, d.language, \
         d.starts_on, d.ends_on, d.status, d.officer_id, u.display_name as officer_name, d.override_reason, d.version \
     from delegations d left join users u on u.id = d.officer_id where d.id = $1";

pub async fn get(db: &Db, id: i64) -> Result<Option<DelegationRow>, sqlx::Error> {
    db.optional::<DelegationRow>(GET_SQL, &[id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<DelegationRow>, sqlx::Error> {
    tx.optional::<DelegationRow>(GET_SQL, &[id.into()]).await
}

/// A delegation's fields as a form sets them.
pub struct Fields<'a> {
    pub direction: Direction,
    pub title: &'a str,
    pub organisation: &'a str,
    pub countries: &'a str,
    pub purpose: &'a str,
    pub language: Locale,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

pub async fn insert(tx: &mut Tx, f: &Fields<'_>, officer_id: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into delegations (direction, title, organisation, countries, purpose, language, starts_on, \
                 ends_on, officer_id, created_by, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10) returning id",
        &[
            (f.direction.as_str()).into(),
            f.title.into(),
            f.organisation.into(),
            f.countries.into(),
            f.purpose.into(),
            (f.language.tag()).into(),
            f.starts_on.into(),
            f.ends_on.into(),
            officer_id.into(),
            at.into(),
        ],
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
    on_tx!(tx, |conn| {
        sqlx::query(
            "update delegations set direction = $1, title = $2, organisation = $3, countries = $4, purpose = $5, \
                 language = $6, starts_on = $7, ends_on = $8, updated_at = $9, version = version + 1 \
             where id = $10 and version = $11",
        )
        .bind(f.direction.as_str())
        .bind(f.title)
        .bind(f.organisation)
        .bind(f.countries)
        .bind(f.purpose)
        .bind(f.language.tag())
        .bind(f.starts_on)
        .bind(f.ends_on)
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

/// Move to `to` if nobody saved since `version`; false otherwise.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    version: i32,
    to: DelegationStatus,
    override_reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update delegations set status = $1, override_reason = $2, updated_at = $3, version = version + 1 \
             where id = $4 and version = $5",
        )
        .bind(to.as_str())
        .bind(override_reason)
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

/// Record a change to a delegation's parts (members, items): bumps its version, so a status
/// change decided on the page before it is refused as stale.
pub async fn touch(tx: &mut Tx, id: i64, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update delegations set updated_at = $1, version = version + 1 where id = $2")
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected() == 1)
    })
}

/// A member as stored, the passport number whole: the service makes `Member` of it for one
/// reader, masking the number for all but the delegation's officer.
pub struct MemberRow {
    pub id: i64,
    pub passport_name: String,
    pub chinese_name: String,
    pub title: String,
    pub organisation: String,
    pub language: Locale,
    pub dietary: String,
    pub passport_number: String,
}

impl crate::db::Record for MemberRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(MemberRow {
            id: row.get("id")?,
            passport_name: row.get("passport_name")?,
            chinese_name: row.get("chinese_name")?,
            title: row.get("title")?,
            organisation: row.get("organisation")?,
            language: row.get("language")?,
            dietary: row.get("dietary")?,
            passport_number: row.get("passport_number")?,
        })
    }
}

pub async fn members(db: &Db, delegation_id: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    db.all::<MemberRow>(
        "select id, passport_name, chinese_name, title, organisation, language, dietary, passport_number \
             from delegation_members where delegation_id = $1 order by id",
        &[delegation_id.into()],
    )
    .await
}

pub struct NewMember<'a> {
    pub delegation_id: i64,
    pub passport_name: &'a str,
    pub chinese_name: &'a str,
    pub title: &'a str,
    pub organisation: &'a str,
    pub language: Locale,
    pub dietary: &'a str,
    pub passport_number: &'a str,
}

pub async fn insert_member(tx: &mut Tx, m: &NewMember<'_>, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into delegation_members (delegation_id, passport_name, chinese_name, title, organisation, \
                 language, dietary, passport_number, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
        &[
            m.delegation_id.into(),
            m.passport_name.into(),
            m.chinese_name.into(),
            m.title.into(),
            m.organisation.into(),
            (m.language.tag()).into(),
            m.dietary.into(),
            m.passport_number.into(),
            at.into(),
        ],
    )
    .await
}

/// Remove a member; returns their passport name, or `None` when the delegation has no such member.
pub async fn delete_member(tx: &mut Tx, delegation_id: i64, member_id: i64) -> Result<Option<String>, sqlx::Error> {
    tx.optional::<String>(
        "delete from delegation_members where id = $1 and delegation_id = $2 returning passport_name",
        &[member_id.into(), delegation_id.into()],
    )
    .await
}

/// A resource as stored: its languages one list of tags (`split_list`), unknown ones left out.
impl crate::db::Record for Resource {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Resource {
            id: row.get("id")?,
            kind: row.get("kind")?,
            name: row.get("name")?,
            languages: split_list(&row.get::<String>("languages")?).iter().filter_map(|l| Locale::parse(l)).collect(),
            details: row.get("details")?,
            email: row.get("email")?,
            language: row.get("language")?,
            user_id: row.get("user_id")?,
        })
    }
}

/// The columns of a `Resource`, from `resources r`.
const RESOURCE_COLUMNS: &str = "r.id, r.kind, r.name, r.languages, r.details, r.email, r.language, r.user_id";

/// A resource with the item that books it (`item_id`), which `Resource` does not hold.
struct BookedRow {
    item_id: i64,
    resource: Resource,
}

impl crate::db::Record for BookedRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(BookedRow { item_id: row.get("item_id")?, resource: Resource::read(row)? })
    }
}

impl crate::db::Record for Outcome {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Outcome {
            id: row.get("id")?,
            kind: row.get("kind")?,
            description: row.get("description")?,
            enterprise_id: row.get("enterprise_id")?,
            enterprise_name: row.get("enterprise_name")?,
            project_id: row.get("project_id")?,
            project_name: row.get("project_name")?,
        })
    }
}

/// A delegation's outcomes, each with its enterprise's Chinese name and the project a lead
/// became, in one statement.
pub async fn outcomes(db: &Db, delegation_id: i64) -> Result<Vec<Outcome>, sqlx::Error> {
    db.all::<Outcome>(
        "select o.id, o.kind, o.description, o.enterprise_id, e.name_zh as enterprise_name, \
                p.id as project_id, p.name as project_name \
         from delegation_outcomes o left join enterprises e on e.id = o.enterprise_id \
              left join projects p on p.delegation_outcome_id = o.id \
         where o.delegation_id = $1 order by o.id",
        &[delegation_id.into()],
    )
    .await
}

pub async fn insert_outcome(
    tx: &mut Tx,
    delegation_id: i64,
    kind: OutcomeKind,
    description: &str,
    enterprise_id: Option<i64>,
    created_by: i64,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into delegation_outcomes (delegation_id, kind, description, enterprise_id, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        &[
            delegation_id.into(),
            (kind.as_str()).into(),
            description.into(),
            enterprise_id.into(),
            created_by.into(),
            at.into(),
        ],
    )
    .await
}

pub async fn member_count_in(tx: &mut Tx, delegation_id: i64) -> Result<i64, sqlx::Error> {
    tx.one::<i64>("select count(*) from delegation_members where delegation_id = $1", &[delegation_id.into()]).await
}

/// A delegation as the figures count it; the countries are stored as one list of codes.
impl crate::db::Record for Counted {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Counted {
            direction: row.get("direction")?,
            starts_on: row.get("starts_on")?,
            countries: split_list(&row.get::<String>("countries")?),
            members: row.get("members")?,
        })
    }
}

/// The delegations that count in `year`'s figures: not cancelled, first day in the year.
pub async fn counted(db: &Db, year: i32) -> Result<Vec<Counted>, sqlx::Error> {
    let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Ok(Vec::new());
    };
    counted_between(db, from, to).await
}

/// The delegations that count in a period's figures: not cancelled, first day in it.
pub async fn counted_between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<Counted>, sqlx::Error> {
    db.all::<Counted>(
        "select d.direction, d.starts_on, d.countries, \
             (select count(*) from delegation_members m where m.delegation_id = d.id) as members \
         from delegations d where d.status <> 'cancelled' and d.starts_on >= $1 and d.starts_on <= $2",
        &[from.into(), to.into()],
    )
    .await
}
