//! The gift register (礼品登记): one delegation's gifts and the year's.

use crate::db::{Db, Tx};
use crate::delegations::{Gift, GiftDirection};
use crate::{on_db, on_tx};
use chrono::{DateTime, NaiveDate, Utc};

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
