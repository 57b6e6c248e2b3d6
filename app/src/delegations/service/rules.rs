//! The mission rules: an admin changes the office's limits for a mission abroad.

use crate::auth::Ctx;
use crate::db::{self, audit};
use crate::delegations::db as data;
use crate::delegations::MissionRules;
use crate::domain::Role;
use crate::error::{AppError, FieldCode, FieldError, Validator};

/// Change the mission rules (admins only).
pub async fn set_mission_rules(
    cx: &Ctx,
    version: i32,
    max_days: &str,
    max_countries: &str,
    max_members: &str,
) -> Result<(), AppError> {
    if cx.user.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let mut limit = |field: &str, raw: &str, max: i64| match raw.trim().parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => n,
        _ => {
            v.push(FieldError::new(field, FieldCode::LimitOutOfRange));
            0
        }
    };
    let rules = MissionRules {
        max_days: limit("max_days", max_days, 365),
        max_countries: limit("max_countries", max_countries, 50),
        max_members: limit("max_members", max_members, 200),
        version,
    };
    v.finish()?;
    let mut tx = cx.state.db.begin().await?;
    let before = data::mission_rules_in(&mut tx).await?;
    if before.version != version || !data::update_mission_rules(&mut tx, version, &rules, cx.user.id, db::now()).await?
    {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("max_days", before.max_days, rules.max_days)
        .diff("max_countries", before.max_countries, rules.max_countries)
        .diff("max_members", before.max_members, rules.max_members);
    audit::record(&mut tx, cx.entry("mission_rules_changed", "mission_rules", 1, changes)).await?;
    tx.commit().await?;
    Ok(())
}
