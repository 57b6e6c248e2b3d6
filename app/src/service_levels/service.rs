//! Service-level rules (server only): the admin edits the table and the calendar; each case
//! carries a deadline clock that starts when it is opened, stops while the applicant is asked
//! for something, and follows calendar changes.

use crate::auth::Ctx;
use crate::db::{self, audit, Tx};
use crate::domain::{office_today, CaseStatus, CaseType, DayKind, WorkingCalendar};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::service_levels::db as data;
use crate::state::ServerState;
use chrono::{DateTime, NaiveDate, Utc};

fn parse_days(raw: &str, field: &str, v: &mut Validator) -> Option<i32> {
    match raw.trim().parse::<i32>() {
        Ok(n) if (1..=super::MAX_WORKING_DAYS).contains(&n) => Some(n),
        Ok(_) => {
            v.push(FieldError::new(field, FieldCode::DaysOutOfRange));
            None
        }
        Err(_) => {
            v.push(FieldError::new(field, FieldCode::InvalidNumber));
            None
        }
    }
}

/// Change a case type's deadlines. New cases get them; open cases keep the deadline they
/// were given.
pub async fn update_level(
    cx: &Ctx,
    case_type: &str,
    version: i32,
    working_days: &str,
    green_channel_days: &str,
) -> Result<(), AppError> {
    let mut v = Validator::default();
    let case_type = CaseType::parse(case_type);
    if case_type.is_none() {
        v.push(FieldError::new("case_type", FieldCode::UnknownCaseType));
    }
    let working = parse_days(working_days, "working_days", &mut v);
    let green = parse_days(green_channel_days, "green_channel_days", &mut v);
    if let (Some(w), Some(g)) = (working, green) {
        if g > w {
            v.push(FieldError::new("green_channel_days", FieldCode::GreenChannelTooLong));
        }
    }
    v.finish()?;
    let (Some(case_type), Some(working), Some(green)) = (case_type, working, green) else {
        return Err(AppError::Internal);
    };
    let mut tx = cx.state.db.begin().await?;
    let (before_working, before_green, current) =
        data::level_in(&mut tx, case_type).await?.ok_or(AppError::NotFound)?;
    if current != version {
        return Err(AppError::StaleVersion);
    }
    if !data::update(&mut tx, case_type, version, working, green, cx.user.id, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new().diff("working_days", before_working, working).diff(
        "green_channel_days",
        before_green,
        green,
    );
    let entry = cx.entry("service_level_changed", "service_level", 0, changes).with_key(case_type.as_str());
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

fn parse_day(raw: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| AppError::field("day", FieldCode::InvalidDate))
}

/// Mark a day as a holiday or a make-up working day (replacing what it was), and move the
/// deadlines of open cases that the change reaches.
pub async fn put_day(cx: &Ctx, day: &str, kind: &str, name: &str) -> Result<(), AppError> {
    let mut v = Validator::default();
    let parsed = parse_day(day);
    if parsed.is_err() {
        v.push(FieldError::new("day", FieldCode::InvalidDate));
    }
    let kind = DayKind::parse(kind);
    if kind.is_none() {
        v.push(FieldError::new("kind", FieldCode::UnknownDayKind));
    }
    let name = name.trim();
    if name.chars().count() > 100 {
        v.push(FieldError::new("name", FieldCode::TooLong));
    }
    v.finish()?;
    let (Ok(day), Some(kind)) = (parsed, kind) else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    let before = data::day_in(&mut tx, day).await?;
    let now = db::now();
    data::put_day(&mut tx, day, kind, name, cx.user.id, now).await?;
    let moved = recount_from(&mut tx, day).await?;
    let changes = audit::Changes::new()
        .diff("kind", before.as_ref().map(|b| b.0.clone()), Some(kind.as_str().to_string()))
        .diff("name", before.map(|b| b.1), Some(name.to_string()))
        .fact("deadlines_moved", moved);
    let entry = cx.entry("calendar_day_set", "calendar_day", 0, changes).with_key(&day.to_string());
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(())
}

/// Return a day to the Monday-to-Friday rule.
pub async fn remove_day(cx: &Ctx, day: &str) -> Result<(), AppError> {
    let day = parse_day(day)?;
    let mut tx = cx.state.db.begin().await?;
    let (kind, name) = data::day_in(&mut tx, day).await?.ok_or(AppError::NotFound)?;
    data::delete_day(&mut tx, day).await?;
    let moved = recount_from(&mut tx, day).await?;
    let changes = audit::Changes::new()
        .diff("kind", Some(kind), None::<String>)
        .diff("name", Some(name), None::<String>)
        .fact("deadlines_moved", moved);
    let entry = cx.entry("calendar_day_removed", "calendar_day", 0, changes).with_key(&day.to_string());
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(())
}

/// Recount the deadlines a calendar change on `day` can reach; returns how many moved.
async fn recount_from(tx: &mut Tx, day: NaiveDate) -> Result<usize, AppError> {
    let clocks = data::clocks_from_in(tx, day).await?;
    let Some(earliest) = clocks.iter().filter_map(|c| c.sla_start_on).min() else { return Ok(0) };
    let calendar = data::calendar_in(tx, earliest).await?;
    let mut moved = 0;
    for clock in clocks {
        let due = clock.due(&calendar);
        data::set_clock(tx, &clock, due).await?;
        moved += 1;
    }
    Ok(moved)
}

/// Start a new case's clock inside its creating transaction: today in the office, plus the
/// type's working days (the green channel's when it is one). Returns the deadline.
pub async fn start_clock(
    tx: &mut Tx,
    case_id: i64,
    case_type: CaseType,
    green_channel: bool,
    now: DateTime<Utc>,
) -> Result<Option<NaiveDate>, AppError> {
    let Some((working, green, _)) = data::level_in(tx, case_type).await? else { return Ok(None) };
    let days = if green_channel { green } else { working };
    let start = office_today(now);
    let calendar = data::calendar_in(tx, start).await?;
    let due = calendar.add_working_days(start, days.max(0) as u32);
    data::start_clock(tx, case_id, start, days, due).await?;
    Ok(Some(due))
}

/// Stop the clock when the case waits for the applicant; restart it (and push the deadline
/// back by the working days it waited) when it leaves that state.
pub async fn on_status_change(
    tx: &mut Tx,
    case_id: i64,
    from: CaseStatus,
    to: CaseStatus,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let waiting = CaseStatus::AwaitingApplicant;
    if (from == waiting) == (to == waiting) {
        return Ok(());
    }
    let Some(mut clock) = data::clock_in(tx, case_id).await? else { return Ok(()) };
    let Some(start) = clock.sla_start_on else { return Ok(()) };
    let today = office_today(now);
    let calendar = data::calendar_in(tx, start.min(clock.paused_on.unwrap_or(start))).await?;
    if to == waiting {
        clock.paused_on = Some(today);
    } else if let Some(paused) = clock.paused_on.take() {
        clock.paused_working_days += calendar.working_days_between(paused, today) as i32;
    }
    let due = clock.due(&calendar);
    data::set_clock(tx, &clock, due).await?;
    Ok(())
}

/// The working calendar from a week ago on (kept like other reference data).
pub async fn calendar(state: &ServerState) -> Result<std::sync::Arc<WorkingCalendar>, AppError> {
    let today = office_today(db::now());
    Ok(state
        .reference
        .get_or_load("calendar", || data::calendar_from(&state.db, today - chrono::Duration::days(7)))
        .await?)
}

/// Today in the office and the last day a case counts as "at risk" (the next working day).
pub async fn risk_window(state: &ServerState) -> Result<(NaiveDate, NaiveDate), AppError> {
    let today = office_today(db::now());
    let calendar = calendar(state).await?;
    Ok((today, calendar.next_working_day(today)))
}
