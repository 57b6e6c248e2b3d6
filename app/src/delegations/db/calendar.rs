//! The calendar across delegations, and the personal calendar feeds: their tokens and the
//! items each person takes part in.

use super::{BookedRow, RESOURCE_COLUMNS};
use crate::db::{Db, Tx};
use crate::delegations::{Activity, CalendarItem, DelegationStatus, Item};
use crate::domain::Locale;
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

/// An item in the calendar before its bookings are named: it keeps the venue's id, which
/// `CalendarItem` does not, to put the venue first, and also makes the feeds' `Item`s.
struct CalendarRow {
    id: i64,
    delegation_id: i64,
    delegation_title: String,
    status: DelegationStatus,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    activity: Activity,
    title_zh: String,
    venue_id: Option<i64>,
}

impl crate::db::Record for CalendarRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(CalendarRow {
            id: row.get("id")?,
            delegation_id: row.get("delegation_id")?,
            delegation_title: row.get("delegation_title")?,
            status: row.get("status")?,
            starts_at: row.get("starts_at")?,
            ends_at: row.get("ends_at")?,
            activity: row.get("activity")?,
            title_zh: row.get("title_zh")?,
            venue_id: row.get("venue_id")?,
        })
    }
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
    let args = [from.into(), to.into(), delegation_id.into(), resource_id.into()];
    let rows: Vec<CalendarRow> = db.all(&items_sql, &args).await?;
    let booked: Vec<BookedRow> = db.all(&booked_sql, &args).await?;
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
                status: r.status,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                activity: r.activity,
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
    db.optional::<(i64, Locale)>(
        "select u.id, u.locale from calendar_feeds f join users u on u.id = f.user_id \
             where f.token_hash = $1 and u.active = true",
        &[token_hash.into()],
    )
    .await
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
    let args = [from.into(), to.into(), user_id.into()];
    let rows: Vec<CalendarRow> = db.all(&items_sql, &args).await?;
    let extra: Vec<(i64, String, String)> = db.all(&extra_sql, &args).await?;
    let booked: Vec<BookedRow> = db.all(&booked_sql, &args).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (title_foreign, participants) =
                extra.iter().find(|(id, ..)| *id == r.id).map(|(_, t, p)| (t.clone(), p.clone())).unwrap_or_default();
            let item = Item {
                id: r.id,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                activity: r.activity,
                title_zh: r.title_zh,
                title_foreign,
                venue_id: r.venue_id,
                participants,
                notes: String::new(),
                resources: booked.iter().filter(|b| b.item_id == r.id).map(|b| b.resource.clone()).collect(),
            };
            (r.delegation_id, r.delegation_title, r.status, item)
        })
        .collect())
}
