//! The gift register (礼品登记): one delegation's gifts and the year's.

use crate::db::{Db, Tx};
use crate::delegations::{Gift, GiftDirection};
use chrono::{DateTime, NaiveDate, Utc};

impl crate::db::Record for Gift {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Gift {
            id: row.get("id")?,
            delegation_id: row.get("delegation_id")?,
            delegation_title: row.get("delegation_title")?,
            direction: row.get("direction")?,
            given_on: row.get("given_on")?,
            description: row.get("description")?,
            value_cny_cents: row.get("value_cny_cents")?,
            giver: row.get("giver")?,
            receiver: row.get("receiver")?,
            disposition: row.get("disposition")?,
        })
    }
}

const GIFTS_SQL: &str = "select g.id, g.delegation_id, d.title as delegation_title, g.direction, g.given_on, \
         g.description, g.value_cny_cents, g.giver, g.receiver, g.disposition \
     from delegation_gifts g join delegations d on d.id = g.delegation_id";

/// The gifts of one delegation, in the order they were given.
pub async fn gifts(db: &Db, delegation_id: i64) -> Result<Vec<Gift>, sqlx::Error> {
    let sql = format!("{GIFTS_SQL} where g.delegation_id = $1 order by g.given_on, g.id");
    db.all::<Gift>(&sql, &[delegation_id.into()]).await
}

/// The year's register: every gift given or received between 1 January and 31 December.
pub async fn gifts_of_year(db: &Db, year: i32) -> Result<Vec<Gift>, sqlx::Error> {
    let Some((from, to)) = crate::domain::year_bounds(year) else {
        return Ok(Vec::new());
    };
    let sql = format!("{GIFTS_SQL} where g.given_on >= $1 and g.given_on <= $2 order by g.given_on, g.id");
    db.all::<Gift>(&sql, &[from.into(), to.into()]).await
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
    tx.one::<i64>(
        "insert into delegation_gifts (delegation_id, direction, given_on, description, value_cny_cents, giver, \
                 receiver, disposition, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id",
        &[
            g.delegation_id.into(),
            (g.direction.as_str()).into(),
            g.given_on.into(),
            g.description.into(),
            g.value_cny_cents.into(),
            g.giver.into(),
            g.receiver.into(),
            g.disposition.into(),
            g.created_by.into(),
            at.into(),
        ],
    )
    .await
}
