//! Delegations, their members, the bookable resources and the itinerary's bookings.

use crate::db::{is_unique_violation, Db, Tx};
use crate::delegations::{
    split_list, Activity, CalendarItem, Counted, DelegationFilter, DelegationStatus, DelegationSummary, Direction,
    Gift, GiftDirection, Item, MissionRules, Outcome, OutcomeKind, Resource, ResourceKind,
};
use crate::domain::Locale;
use crate::{on_db, on_tx};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    direction: String,
    title: String,
    countries: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    status: String,
    members: i64,
    officer_name: Option<String>,
}

fn direction(s: &str) -> Direction {
    Direction::parse(s).unwrap_or(Direction::Incoming)
}

fn status(s: &str) -> DelegationStatus {
    DelegationStatus::parse(s).unwrap_or(DelegationStatus::Draft)
}

fn locale(s: &str) -> Locale {
    Locale::parse(s).unwrap_or(Locale::En)
}

/// Delegations matching the filter, the latest first.
pub async fn list(db: &Db, f: &DelegationFilter) -> Result<Vec<DelegationSummary>, sqlx::Error> {
    let (from, to) = match f.year {
        Some(y) => (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31)),
        None => (None, None),
    };
    let rows = on_db!(db, |pool| {
        sqlx::query_as::<_, SummaryRow>(
            "select d.id, d.direction, d.title, d.countries, d.starts_on, d.ends_on, d.status, \
                 (select count(*) from delegation_members m where m.delegation_id = d.id) as members, \
                 u.display_name as officer_name \
             from delegations d left join users u on u.id = d.officer_id \
             where ($1 is null or d.direction = $1) and ($2 is null or d.status = $2) \
               and ($3 is null or d.starts_on <= $4) and ($3 is null or d.ends_on >= $3) \
             order by d.starts_on desc, d.id desc limit 500",
        )
        .bind(f.direction.as_deref())
        .bind(f.status.as_deref())
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| DelegationSummary {
            id: r.id,
            direction: direction(&r.direction),
            title: r.title,
            countries: split_list(&r.countries),
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            status: status(&r.status),
            members: r.members,
            officer_name: r.officer_name,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    direction: String,
    title: String,
    organisation: String,
    countries: String,
    purpose: String,
    language: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    status: String,
    officer_id: Option<i64>,
    officer_name: Option<String>,
    override_reason: String,
    version: i32,
}

/// A delegation's own fields as stored.
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

impl From<Row> for DelegationRow {
    fn from(r: Row) -> Self {
        DelegationRow {
            id: r.id,
            direction: direction(&r.direction),
            title: r.title,
            organisation: r.organisation,
            countries: split_list(&r.countries),
            purpose: r.purpose,
            language: locale(&r.language),
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            status: status(&r.status),
            officer_id: r.officer_id,
            officer_name: r.officer_name,
            override_reason: r.override_reason,
            version: r.version,
        }
    }
}

const GET_SQL: &str = "select d.id, d.direction, d.title, d.organisation, d.countries, d.purpose, d.language, \
         d.starts_on, d.ends_on, d.status, d.officer_id, u.display_name as officer_name, d.override_reason, d.version \
     from delegations d left join users u on u.id = d.officer_id where d.id = $1";

pub async fn get(db: &Db, id: i64) -> Result<Option<DelegationRow>, sqlx::Error> {
    let row = on_db!(db, |pool| sqlx::query_as::<_, Row>(GET_SQL).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(DelegationRow::from))
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<DelegationRow>, sqlx::Error> {
    let row = on_tx!(tx, |conn| sqlx::query_as::<_, Row>(GET_SQL).bind(id).fetch_optional(conn).await)?;
    Ok(row.map(DelegationRow::from))
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
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into delegations (direction, title, organisation, countries, purpose, language, starts_on, \
                 ends_on, officer_id, created_by, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10) returning id",
        )
        .bind(f.direction.as_str())
        .bind(f.title)
        .bind(f.organisation)
        .bind(f.countries)
        .bind(f.purpose)
        .bind(f.language.tag())
        .bind(f.starts_on)
        .bind(f.ends_on)
        .bind(officer_id)
        .bind(at)
        .fetch_one(conn)
        .await
    })
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

#[derive(sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub passport_name: String,
    pub chinese_name: String,
    pub title: String,
    pub organisation: String,
    pub language: String,
    pub dietary: String,
    pub passport_number: String,
}

pub async fn members(db: &Db, delegation_id: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, MemberRow>(
            "select id, passport_name, chinese_name, title, organisation, language, dietary, passport_number \
             from delegation_members where delegation_id = $1 order by id",
        )
        .bind(delegation_id)
        .fetch_all(pool)
        .await
    })
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
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into delegation_members (delegation_id, passport_name, chinese_name, title, organisation, \
                 language, dietary, passport_number, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
        )
        .bind(m.delegation_id)
        .bind(m.passport_name)
        .bind(m.chinese_name)
        .bind(m.title)
        .bind(m.organisation)
        .bind(m.language.tag())
        .bind(m.dietary)
        .bind(m.passport_number)
        .bind(at)
        .fetch_one(conn)
        .await
    })
}

/// Remove a member; returns their passport name, or `None` when the delegation has no such member.
pub async fn delete_member(tx: &mut Tx, delegation_id: i64, member_id: i64) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, String>(
            "delete from delegation_members where id = $1 and delegation_id = $2 returning passport_name",
        )
        .bind(member_id)
        .bind(delegation_id)
        .fetch_optional(conn)
        .await
    })
}

#[derive(sqlx::FromRow, Clone)]
struct ResourceRow {
    id: i64,
    kind: String,
    name: String,
    languages: String,
    details: String,
    email: String,
    language: String,
    user_id: Option<i64>,
}

/// The columns of `ResourceRow`, from `resources r`.
const RESOURCE_COLUMNS: &str = "r.id, r.kind, r.name, r.languages, r.details, r.email, r.language, r.user_id";

impl From<ResourceRow> for Resource {
    fn from(r: ResourceRow) -> Self {
        Resource {
            id: r.id,
            kind: ResourceKind::parse(&r.kind).unwrap_or(ResourceKind::Venue),
            name: r.name,
            languages: split_list(&r.languages).iter().filter_map(|l| Locale::parse(l)).collect(),
            details: r.details,
            email: r.email,
            language: locale(&r.language),
            user_id: r.user_id,
        }
    }
}

/// The active resources, by kind and name.
pub async fn resources(db: &Db) -> Result<Vec<Resource>, sqlx::Error> {
    let sql = format!("select {RESOURCE_COLUMNS} from resources r where r.active = true order by r.kind, r.name, r.id");
    let rows = on_db!(db, |pool| sqlx::query_as::<_, ResourceRow>(&sql).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(Resource::from).collect())
}

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("a resource of this kind has this name")]
    NameTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub struct NewResource<'a> {
    pub kind: ResourceKind,
    pub name: &'a str,
    pub languages: &'a str,
    pub details: &'a str,
    pub email: &'a str,
    pub language: Locale,
    pub user_id: Option<i64>,
}

pub async fn insert_resource(tx: &mut Tx, r: &NewResource<'_>, at: DateTime<Utc>) -> Result<i64, ResourceError> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into resources (kind, name, languages, details, email, language, user_id, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        )
        .bind(r.kind.as_str())
        .bind(r.name)
        .bind(r.languages)
        .bind(r.details)
        .bind(r.email)
        .bind(r.language.tag())
        .bind(r.user_id)
        .bind(at)
        .fetch_one(conn)
        .await
    })
    .map_err(|e| if is_unique_violation(&e) { ResourceError::NameTaken } else { ResourceError::Db(e) })
}

/// Retire a resource: no longer offered or bookable; its past and planned bookings stay.
/// Returns its name, or `None` when there is no such active resource.
pub async fn retire_resource(tx: &mut Tx, id: i64) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, String>(
            "update resources set active = false, bookings = bookings + 1 where id = $1 and active = true returning name",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })
}

/// Take the resource's booking lock for this transaction (a row lock on PostgreSQL; SQLite's
/// write transactions already run one at a time) and return it, or `None` when it is not an
/// active resource. Two bookings of one resource thus run one after the other, and the second
/// sees the first's item.
pub async fn lock_resource(tx: &mut Tx, id: i64) -> Result<Option<Resource>, sqlx::Error> {
    let row = on_tx!(tx, |conn| {
        sqlx::query_as::<_, ResourceRow>(
            "update resources set bookings = bookings + 1 where id = $1 and active = true \
             returning id, kind, name, languages, details, email, language, user_id",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.map(Resource::from))
}

#[derive(sqlx::FromRow)]
pub struct ItemRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub activity: String,
    pub title_zh: String,
    pub title_foreign: String,
    pub venue_id: Option<i64>,
    pub participants: String,
    pub notes: String,
}

impl ItemRow {
    pub fn activity(&self) -> Activity {
        Activity::parse(&self.activity).unwrap_or(Activity::Meeting)
    }
}

pub async fn items(db: &Db, delegation_id: i64) -> Result<Vec<ItemRow>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, ItemRow>(
            "select id, starts_at, ends_at, activity, title_zh, title_foreign, venue_id, participants, notes \
             from itinerary_items where delegation_id = $1 order by starts_at, id",
        )
        .bind(delegation_id)
        .fetch_all(pool)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct BookedRow {
    item_id: i64,
    #[sqlx(flatten)]
    resource: ResourceRow,
}

/// The resources each item of the delegation books: (item, resource).
pub async fn bookings(db: &Db, delegation_id: i64) -> Result<Vec<(i64, Resource)>, sqlx::Error> {
    let sql = format!(
        "select b.item_id, {RESOURCE_COLUMNS} \
         from item_bookings b join itinerary_items i on i.id = b.item_id join resources r on r.id = b.resource_id \
         where i.delegation_id = $1 order by r.kind, r.name"
    );
    let rows = on_db!(db, |pool| sqlx::query_as::<_, BookedRow>(&sql).bind(delegation_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(|r| (r.item_id, Resource::from(r.resource))).collect())
}

pub struct NewItem<'a> {
    pub delegation_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub activity: Activity,
    pub title_zh: &'a str,
    pub title_foreign: &'a str,
    pub venue_id: Option<i64>,
    pub participants: &'a str,
    pub notes: &'a str,
    pub created_by: i64,
}

pub async fn insert_item(tx: &mut Tx, i: &NewItem<'_>, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into itinerary_items (delegation_id, starts_at, ends_at, activity, title_zh, title_foreign, \
                 venue_id, participants, notes, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id",
        )
        .bind(i.delegation_id)
        .bind(i.starts_at)
        .bind(i.ends_at)
        .bind(i.activity.as_str())
        .bind(i.title_zh)
        .bind(i.title_foreign)
        .bind(i.venue_id)
        .bind(i.participants)
        .bind(i.notes)
        .bind(i.created_by)
        .bind(at)
        .fetch_one(conn)
        .await
    })
}

/// Is `item_id` an item of this delegation?
pub async fn item_in(tx: &mut Tx, delegation_id: i64, item_id: i64) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select count(*) from itinerary_items where id = $1 and delegation_id = $2")
            .bind(item_id)
            .bind(delegation_id)
            .fetch_one(conn)
            .await
            .map(|n| n > 0)
    })
}

pub async fn update_item(tx: &mut Tx, item_id: i64, i: &NewItem<'_>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update itinerary_items set starts_at = $1, ends_at = $2, activity = $3, title_zh = $4, \
                 title_foreign = $5, venue_id = $6, participants = $7, notes = $8 \
             where id = $9 and delegation_id = $10",
        )
        .bind(i.starts_at)
        .bind(i.ends_at)
        .bind(i.activity.as_str())
        .bind(i.title_zh)
        .bind(i.title_foreign)
        .bind(i.venue_id)
        .bind(i.participants)
        .bind(i.notes)
        .bind(item_id)
        .bind(i.delegation_id)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

/// Forget what an item books (before booking its new choice).
pub async fn delete_bookings(tx: &mut Tx, item_id: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from item_bookings where item_id = $1").bind(item_id).execute(conn).await.map(|_| ())
    })
}

pub async fn insert_booking(tx: &mut Tx, item_id: i64, resource_id: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("insert into item_bookings (item_id, resource_id) values ($1, $2)")
            .bind(item_id)
            .bind(resource_id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

/// Remove an item and its bookings; returns its Chinese title, or `None` when the delegation
/// has no such item.
pub async fn delete_item(tx: &mut Tx, delegation_id: i64, item_id: i64) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "delete from item_bookings where item_id = $1 and item_id in \
                     (select id from itinerary_items where delegation_id = $2)",
        )
        .bind(item_id)
        .bind(delegation_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query_scalar::<_, String>(
            "delete from itinerary_items where id = $1 and delegation_id = $2 returning title_zh",
        )
        .bind(item_id)
        .bind(delegation_id)
        .fetch_optional(&mut *conn)
        .await
    })
}

/// Another booking of a resource, with what the clash rule and the officer need to know.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Booking {
    /// The item of the delegation asked about (for `clash_candidates`), or 0.
    pub own_item_id: i64,
    pub resource_id: i64,
    pub item_id: i64,
    pub delegation_id: i64,
    pub delegation_title: String,
    pub title_zh: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue_id: Option<i64>,
}

const BOOKINGS_OF_SQL: &str =
    "select cast(0 as bigint) as own_item_id, b.resource_id, i.id as item_id, i.delegation_id, \
         d.title as delegation_title, i.title_zh, i.starts_at, i.ends_at, i.venue_id \
     from item_bookings b join itinerary_items i on i.id = b.item_id join delegations d on d.id = i.delegation_id \
     where b.resource_id = $1 and d.status <> 'cancelled' and i.starts_at < $2 and i.ends_at > $3 \
     order by i.starts_at";

/// The bookings of a resource by items that overlap `[from, to)`, in delegations that are
/// not cancelled. Callers widen the window by the travel buffer and apply the exact rule.
pub async fn bookings_of(
    tx: &mut Tx,
    resource_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Booking>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_as::<_, Booking>(BOOKINGS_OF_SQL).bind(resource_id).bind(to).bind(from).fetch_all(conn).await
    })
}

/// Every other booking of the resources this delegation's items book, by items overlapping
/// `[from, to)` (the delegation's items' span, widened by the caller).
pub async fn clash_candidates(
    db: &Db,
    delegation_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Booking>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, Booking>(
            "select own.item_id as own_item_id, b.resource_id, i.id as item_id, i.delegation_id, \
                 d.title as delegation_title, i.title_zh, i.starts_at, i.ends_at, i.venue_id \
             from item_bookings own join itinerary_items mine on mine.id = own.item_id \
             join item_bookings b on b.resource_id = own.resource_id and b.item_id <> own.item_id \
             join itinerary_items i on i.id = b.item_id join delegations d on d.id = i.delegation_id \
             where mine.delegation_id = $1 and d.status <> 'cancelled' and i.starts_at < $2 and i.ends_at > $3 \
             order by i.starts_at",
        )
        .bind(delegation_id)
        .bind(to)
        .bind(from)
        .fetch_all(pool)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct GiftRow {
    id: i64,
    delegation_id: i64,
    delegation_title: String,
    direction: String,
    given_on: NaiveDate,
    description: String,
    value_cny_cents: Option<i64>,
    giver: String,
    receiver: String,
    disposition: String,
}

impl From<GiftRow> for Gift {
    fn from(r: GiftRow) -> Self {
        Gift {
            id: r.id,
            delegation_id: r.delegation_id,
            delegation_title: r.delegation_title,
            direction: GiftDirection::parse(&r.direction).unwrap_or(GiftDirection::Received),
            given_on: r.given_on,
            description: r.description,
            value_cny_cents: r.value_cny_cents,
            giver: r.giver,
            receiver: r.receiver,
            disposition: r.disposition,
        }
    }
}

const GIFTS_SQL: &str = "select g.id, g.delegation_id, d.title as delegation_title, g.direction, g.given_on, \
         g.description, g.value_cny_cents, g.giver, g.receiver, g.disposition \
     from delegation_gifts g join delegations d on d.id = g.delegation_id";

/// The gifts of one delegation, in the order they were given.
pub async fn gifts(db: &Db, delegation_id: i64) -> Result<Vec<Gift>, sqlx::Error> {
    let sql = format!("{GIFTS_SQL} where g.delegation_id = $1 order by g.given_on, g.id");
    let rows = on_db!(db, |pool| sqlx::query_as::<_, GiftRow>(&sql).bind(delegation_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(Gift::from).collect())
}

/// The year's register: every gift given or received between 1 January and 31 December.
pub async fn gifts_of_year(db: &Db, year: i32) -> Result<Vec<Gift>, sqlx::Error> {
    let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Ok(Vec::new());
    };
    let sql = format!("{GIFTS_SQL} where g.given_on >= $1 and g.given_on <= $2 order by g.given_on, g.id");
    let rows = on_db!(db, |pool| sqlx::query_as::<_, GiftRow>(&sql).bind(from).bind(to).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(Gift::from).collect())
}

pub struct NewGift<'a> {
    pub delegation_id: i64,
    pub direction: GiftDirection,
    pub given_on: NaiveDate,
    pub description: &'a str,
    pub value_cny_cents: Option<i64>,
    pub giver: &'a str,
    pub receiver: &'a str,
    pub disposition: &'a str,
    pub created_by: i64,
}

pub async fn insert_gift(tx: &mut Tx, g: &NewGift<'_>, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into delegation_gifts (delegation_id, direction, given_on, description, value_cny_cents, giver, \
                 receiver, disposition, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id",
        )
        .bind(g.delegation_id)
        .bind(g.direction.as_str())
        .bind(g.given_on)
        .bind(g.description)
        .bind(g.value_cny_cents)
        .bind(g.giver)
        .bind(g.receiver)
        .bind(g.disposition)
        .bind(g.created_by)
        .bind(at)
        .fetch_one(conn)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct OutcomeRow {
    id: i64,
    kind: String,
    description: String,
    enterprise_id: Option<i64>,
    enterprise_name: Option<String>,
}

/// A delegation's outcomes, each with its enterprise's Chinese name, in one statement.
pub async fn outcomes(db: &Db, delegation_id: i64) -> Result<Vec<Outcome>, sqlx::Error> {
    let rows = on_db!(db, |pool| {
        sqlx::query_as::<_, OutcomeRow>(
            "select o.id, o.kind, o.description, o.enterprise_id, e.name_zh as enterprise_name \
             from delegation_outcomes o left join enterprises e on e.id = o.enterprise_id \
             where o.delegation_id = $1 order by o.id",
        )
        .bind(delegation_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| Outcome {
            id: r.id,
            kind: OutcomeKind::parse(&r.kind).unwrap_or(OutcomeKind::Other),
            description: r.description,
            enterprise_id: r.enterprise_id,
            enterprise_name: r.enterprise_name,
        })
        .collect())
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
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into delegation_outcomes (delegation_id, kind, description, enterprise_id, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(delegation_id)
        .bind(kind.as_str())
        .bind(description)
        .bind(enterprise_id)
        .bind(created_by)
        .bind(at)
        .fetch_one(conn)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct RulesRow {
    max_days: i64,
    max_countries: i64,
    max_members: i64,
    version: i32,
}

const RULES_SQL: &str = "select cast(max_days as bigint) as max_days, cast(max_countries as bigint) as max_countries, \
     cast(max_members as bigint) as max_members, version from mission_rules where id = 1";

fn rules(r: RulesRow) -> MissionRules {
    MissionRules {
        max_days: r.max_days,
        max_countries: r.max_countries,
        max_members: r.max_members,
        version: r.version,
    }
}

pub async fn mission_rules(db: &Db) -> Result<MissionRules, sqlx::Error> {
    on_db!(db, |pool| sqlx::query_as::<_, RulesRow>(RULES_SQL).fetch_one(pool).await).map(rules)
}

pub async fn mission_rules_in(tx: &mut Tx) -> Result<MissionRules, sqlx::Error> {
    on_tx!(tx, |conn| sqlx::query_as::<_, RulesRow>(RULES_SQL).fetch_one(conn).await).map(rules)
}

/// Save new limits if nobody saved since `version`; false otherwise.
pub async fn update_mission_rules(
    tx: &mut Tx,
    version: i32,
    r: &MissionRules,
    by: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update mission_rules set max_days = $1, max_countries = $2, max_members = $3, updated_by = $4, \
                 updated_at = $5, version = version + 1 where id = 1 and version = $6",
        )
        .bind(r.max_days)
        .bind(r.max_countries)
        .bind(r.max_members)
        .bind(by)
        .bind(at)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

pub async fn member_count_in(tx: &mut Tx, delegation_id: i64) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select count(*) from delegation_members where delegation_id = $1")
            .bind(delegation_id)
            .fetch_one(conn)
            .await
    })
}

#[derive(sqlx::FromRow)]
struct CountedRow {
    direction: String,
    starts_on: NaiveDate,
    countries: String,
    members: i64,
}

/// The delegations that count in `year`'s figures: not cancelled, first day in the year.
pub async fn counted(db: &Db, year: i32) -> Result<Vec<Counted>, sqlx::Error> {
    let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Ok(Vec::new());
    };
    let rows = on_db!(db, |pool| {
        sqlx::query_as::<_, CountedRow>(
            "select d.direction, d.starts_on, d.countries, \
                 (select count(*) from delegation_members m where m.delegation_id = d.id) as members \
             from delegations d where d.status <> 'cancelled' and d.starts_on >= $1 and d.starts_on <= $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| Counted {
            direction: direction(&r.direction),
            starts_on: r.starts_on,
            countries: split_list(&r.countries),
            members: r.members,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct CalendarRow {
    id: i64,
    delegation_id: i64,
    delegation_title: String,
    status: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    activity: String,
    title_zh: String,
    venue_id: Option<i64>,
}

/// The items between `from` and `to` of delegations that are not cancelled, perhaps only
/// one delegation's or only those booking one resource, with the names of what they book.
pub async fn calendar(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    delegation_id: Option<i64>,
    resource_id: Option<i64>,
) -> Result<Vec<CalendarItem>, sqlx::Error> {
    const WHERE: &str = "from itinerary_items i join delegations d on d.id = i.delegation_id \
         where i.starts_at < $2 and i.ends_at > $1 and d.status <> 'cancelled' \
           and ($3 is null or i.delegation_id = $3) \
           and ($4 is null or exists (select 1 from item_bookings f where f.item_id = i.id and f.resource_id = $4))";
    let items_sql = format!(
        "select i.id, i.delegation_id, d.title as delegation_title, d.status, i.starts_at, i.ends_at, i.activity, \
             i.title_zh, i.venue_id {WHERE} order by i.starts_at, i.id limit 2000"
    );
    let booked_sql = format!(
        "select b.item_id, {RESOURCE_COLUMNS} from item_bookings b \
         join resources r on r.id = b.resource_id where b.item_id in (select i.id {WHERE}) order by r.name"
    );
    let (rows, booked) = on_db!(db, |pool| {
        let rows = sqlx::query_as::<_, CalendarRow>(&items_sql)
            .bind(from)
            .bind(to)
            .bind(delegation_id)
            .bind(resource_id)
            .fetch_all(pool)
            .await?;
        let booked = sqlx::query_as::<_, BookedRow>(&booked_sql)
            .bind(from)
            .bind(to)
            .bind(delegation_id)
            .bind(resource_id)
            .fetch_all(pool)
            .await?;
        Ok::<_, sqlx::Error>((rows, booked))
    })?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mine = booked.iter().filter(|b| b.item_id == r.id).map(|b| &b.resource);
            let venue = mine.clone().filter(|b| Some(b.id) == r.venue_id).map(|b| b.name.clone());
            let others = mine.filter(|b| Some(b.id) != r.venue_id).map(|b| b.name.clone());
            CalendarItem {
                id: r.id,
                delegation_id: r.delegation_id,
                delegation_title: r.delegation_title,
                status: status(&r.status),
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                activity: Activity::parse(&r.activity).unwrap_or(Activity::Meeting),
                title_zh: r.title_zh,
                resources: venue.chain(others).collect(),
            }
        })
        .collect())
}

/// Give `user_id` a feed with this token hash, replacing any earlier one.
pub async fn set_feed(tx: &mut Tx, user_id: i64, token_hash: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into calendar_feeds (user_id, token_hash, created_at) values ($1, $2, $3) \
             on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

/// End `user_id`'s feed; false when there was none.
pub async fn delete_feed(tx: &mut Tx, user_id: i64) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from calendar_feeds where user_id = $1")
            .bind(user_id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected() > 0)
    })
}

/// Does `user_id` have a feed?
pub async fn has_feed(db: &Db, user_id: i64) -> Result<bool, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(*) from calendar_feeds where user_id = $1")
            .bind(user_id)
            .fetch_one(pool)
            .await
            .map(|n| n > 0)
    })
}

/// The active account (and its language) whose feed has this token hash.
pub async fn feed_owner(db: &Db, token_hash: &str) -> Result<Option<(i64, Locale)>, sqlx::Error> {
    let row = on_db!(db, |pool| {
        sqlx::query_as::<_, (i64, String)>(
            "select u.id, u.locale from calendar_feeds f join users u on u.id = f.user_id \
             where f.token_hash = $1 and u.active = true",
        )
        .bind(token_hash)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(id, l)| (id, locale(&l))))
}

/// The items between `from` and `to` of delegations not cancelled that `user_id` takes part
/// in: as the delegation's officer, or through a resource tied to their account; each with
/// its delegation's id, title and status.
pub async fn items_of_person(
    db: &Db,
    user_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(i64, String, DelegationStatus, Item)>, sqlx::Error> {
    const WHERE: &str = "from itinerary_items i join delegations d on d.id = i.delegation_id \
         where i.starts_at < $2 and i.ends_at > $1 and d.status <> 'cancelled' \
           and (d.officer_id = $3 or exists (select 1 from item_bookings f join resources fr on fr.id = f.resource_id \
                where f.item_id = i.id and fr.user_id = $3))";
    let items_sql = format!(
        "select i.id, i.delegation_id, d.title as delegation_title, d.status, i.starts_at, i.ends_at, i.activity, \
             i.title_zh, i.venue_id {WHERE} order by i.starts_at, i.id limit 2000"
    );
    let extra_sql = format!("select i.id, i.title_foreign, i.participants {WHERE}");
    let booked_sql = format!(
        "select b.item_id, {RESOURCE_COLUMNS} from item_bookings b \
         join resources r on r.id = b.resource_id where b.item_id in (select i.id {WHERE}) order by r.name"
    );
    let (rows, extra, booked) = on_db!(db, |pool| {
        let rows =
            sqlx::query_as::<_, CalendarRow>(&items_sql).bind(from).bind(to).bind(user_id).fetch_all(pool).await?;
        let extra = sqlx::query_as::<_, (i64, String, String)>(&extra_sql)
            .bind(from)
            .bind(to)
            .bind(user_id)
            .fetch_all(pool)
            .await?;
        let booked =
            sqlx::query_as::<_, BookedRow>(&booked_sql).bind(from).bind(to).bind(user_id).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((rows, extra, booked))
    })?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (title_foreign, participants) =
                extra.iter().find(|(id, ..)| *id == r.id).map(|(_, t, p)| (t.clone(), p.clone())).unwrap_or_default();
            let item = Item {
                id: r.id,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                activity: Activity::parse(&r.activity).unwrap_or(Activity::Meeting),
                title_zh: r.title_zh,
                title_foreign,
                venue_id: r.venue_id,
                participants,
                notes: String::new(),
                resources: booked
                    .iter()
                    .filter(|b| b.item_id == r.id)
                    .map(|b| Resource::from(b.resource.clone()))
                    .collect(),
            };
            (r.delegation_id, r.delegation_title, status(&r.status), item)
        })
        .collect())
}
