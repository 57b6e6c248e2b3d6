//! The mission rules: the office's one row of limits for a mission abroad.

use crate::db::{Db, Tx};
use crate::delegations::MissionRules;
use crate::on_tx;
use chrono::{DateTime, Utc};

impl crate::db::Record for MissionRules {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(MissionRules {
            max_days: row.get("max_days")?,
            max_countries: row.get("max_countries")?,
            max_members: row.get("max_members")?,
            version: row.get("version")?,
        })
    }
}

const RULES_SQL: &str = "select cast(max_days as bigint) as max_days, cast(max_countries as bigint) as max_countries, \
     cast(max_members as bigint) as max_members, version from mission_rules where id = 1";

pub async fn mission_rules(db: &Db) -> Result<MissionRules, sqlx::Error> {
    db.one::<MissionRules>(RULES_SQL, &[]).await
}

pub async fn mission_rules_in(tx: &mut Tx) -> Result<MissionRules, sqlx::Error> {
    tx.one::<MissionRules>(RULES_SQL, &[]).await
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
