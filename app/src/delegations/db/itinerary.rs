//! The itinerary: its items, the resources each books, and the other bookings the clash rule
//! compares them with.

use super::{BookedRow, RESOURCE_COLUMNS};
use crate::db::{Db, Tx};
use crate::delegations::{Activity, Resource};
use crate::on_tx;
use chrono::{DateTime, Utc};

/// An item without what it books: `Item` holds its bookings too, read apart (`bookings`) and
/// joined by the service, and an empty list would say it books nothing.
pub struct ItemRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub activity: Activity,
    pub title_zh: String,
    pub title_foreign: String,
    pub venue_id: Option<i64>,
    pub participants: String,
    pub notes: String,
}

impl crate::db::Record for ItemRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ItemRow {
            id: row.get("id")?,
            starts_at: row.get("starts_at")?,
            ends_at: row.get("ends_at")?,
            activity: row.get("activity")?,
            title_zh: row.get("title_zh")?,
            title_foreign: row.get("title_foreign")?,
            venue_id: row.get("venue_id")?,
            participants: row.get("participants")?,
            notes: row.get("notes")?,
        })
    }
}

pub async fn items(db: &Db, delegation_id: i64) -> Result<Vec<ItemRow>, sqlx::Error> {
    db.all::<ItemRow>(
        "select id, starts_at, ends_at, activity, title_zh, title_foreign, venue_id, participants, notes \
             from itinerary_items where delegation_id = $1 order by starts_at, id",
        &[delegation_id.into()],
    )
    .await
}

/// The resources each item of the delegation books: (item, resource).
pub async fn bookings(db: &Db, delegation_id: i64) -> Result<Vec<(i64, Resource)>, sqlx::Error> {
    let sql = format!(
        "select b.item_id, {RESOURCE_COLUMNS} \
         from item_bookings b join itinerary_items i on i.id = b.item_id join resources r on r.id = b.resource_id \
         where i.delegation_id = $1 order by r.kind, r.name"
    );
    let rows = db.all::<BookedRow>(&sql, &[delegation_id.into()]).await?;
    Ok(rows.into_iter().map(|r| (r.item_id, r.resource)).collect())
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
    tx.one::<i64>(
        "insert into itinerary_items (delegation_id, starts_at, ends_at, activity, title_zh, title_foreign, \
                 venue_id, participants, notes, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id",
        &[
            i.delegation_id.into(),
            i.starts_at.into(),
            i.ends_at.into(),
            (i.activity.as_str()).into(),
            i.title_zh.into(),
            i.title_foreign.into(),
            i.venue_id.into(),
            i.participants.into(),
            i.notes.into(),
            i.created_by.into(),
            at.into(),
        ],
    )
    .await
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
#[derive(Debug, Clone)]
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

impl crate::db::Record for Booking {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Booking {
            own_item_id: row.get("own_item_id")?,
            resource_id: row.get("resource_id")?,
            item_id: row.get("item_id")?,
            delegation_id: row.get("delegation_id")?,
            delegation_title: row.get("delegation_title")?,
            title_zh: row.get("title_zh")?,
            starts_at: row.get("starts_at")?,
            ends_at: row.get("ends_at")?,
            venue_id: row.get("venue_id")?,
        })
    }
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
    tx.all::<Booking>(BOOKINGS_OF_SQL, &[resource_id.into(), to.into(), from.into()]).await
}

/// Every other booking of the resources this delegation's items book, by items overlapping
/// `[from, to)` (the delegation's items' span, widened by the caller).
pub async fn clash_candidates(
    db: &Db,
    delegation_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Booking>, sqlx::Error> {
    db.all::<Booking>(
        "select own.item_id as own_item_id, b.resource_id, i.id as item_id, i.delegation_id, \
                 d.title as delegation_title, i.title_zh, i.starts_at, i.ends_at, i.venue_id \
             from item_bookings own join itinerary_items mine on mine.id = own.item_id \
             join item_bookings b on b.resource_id = own.resource_id and b.item_id <> own.item_id \
             join itinerary_items i on i.id = b.item_id join delegations d on d.id = i.delegation_id \
             where mine.delegation_id = $1 and d.status <> 'cancelled' and i.starts_at < $2 and i.ends_at > $3 \
             order by i.starts_at",
        &[delegation_id.into(), to.into(), from.into()],
    )
    .await
}
