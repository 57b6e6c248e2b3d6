//! The dashboard's own table: the year's targets (预期目标), one per figure.

use crate::db::{Db, Tx};
use chrono::{DateTime, Utc};

/// A year's targets: (figure code, value in the figure's unit).
pub async fn targets(db: &Db, year: i32) -> Result<Vec<(String, i64)>, sqlx::Error> {
    db.all("select figure, target from figure_targets where year = $1 order by figure", &[year.into()]).await
}

/// The targets as the transaction sees them, before it changes them.
pub async fn targets_in(tx: &mut Tx, year: i32) -> Result<Vec<(String, i64)>, sqlx::Error> {
    tx.all("select figure, target from figure_targets where year = $1 order by figure", &[year.into()]).await
}

/// Set a figure's target for the year, or take it away (`None`).
pub async fn set(
    tx: &mut Tx,
    year: i32,
    figure: &str,
    target: Option<i64>,
    by: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    match target {
        Some(value) => {
            let _: i64 = tx
                .one(
                    "insert into figure_targets (year, figure, target, set_by, updated_at) values ($1, $2, $3, $4, $5) \
                     on conflict (year, figure) do update set target = excluded.target, set_by = excluded.set_by, \
                         updated_at = excluded.updated_at \
                     returning id",
                    &[year.into(), figure.into(), value.into(), by.into(), at.into()],
                )
                .await?;
        }
        None => {
            let _: Vec<i64> = tx
                .all(
                    "delete from figure_targets where year = $1 and figure = $2 returning id",
                    &[year.into(), figure.into()],
                )
                .await?;
        }
    }
    Ok(())
}
