//! Server functions for the service-level table and the working calendar (admins).

use super::{CalendarYear, ServiceLevel};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "service_levels")]
pub async fn service_levels() -> Result<Vec<ServiceLevel>, AppError> {
    let cx = Ctx::require(Action::ManageServiceLevels)?;
    Ok(crate::service_levels::db::list(&cx.state.db).await?)
}

#[server(endpoint = "update_service_level")]
pub async fn update_service_level(
    case_type: String,
    version: i32,
    working_days: String,
    green_channel_days: String,
) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageServiceLevels)?;
    super::service::update_level(&cx, &case_type, version, &working_days, &green_channel_days).await?;
    crate::auth::api::back_to_page("/admin/service-levels");
    Ok(())
}

/// One year of the calendar (this year when none is given).
#[server(endpoint = "calendar")]
pub async fn calendar(#[server(default)] year: Option<i32>) -> Result<CalendarYear, AppError> {
    use chrono::{Datelike, NaiveDate};
    let cx = Ctx::require(Action::ManageServiceLevels)?;
    let year = year.unwrap_or_else(|| crate::domain::office_today(crate::db::now()).year()).clamp(2000, 2100);
    let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Err(AppError::NotFound);
    };
    let days = crate::service_levels::db::days_between(&cx.state.db, first, last).await?;
    let calendar = crate::domain::WorkingCalendar::new(days.iter().map(|d| (d.day, d.kind)));
    let working_days = first.iter_days().take_while(|d| *d <= last).filter(|d| calendar.is_working_day(*d)).count();
    Ok(CalendarYear { year, days, working_days: working_days as u32 })
}

#[server(endpoint = "set_calendar_day")]
pub async fn set_calendar_day(day: String, kind: String, #[server(default)] name: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageServiceLevels)?;
    super::service::put_day(&cx, &day, &kind, &name).await?;
    crate::auth::api::back_to_page(&format!("/admin/calendar?year={}", day.get(..4).unwrap_or_default()));
    Ok(())
}

#[server(endpoint = "remove_calendar_day")]
pub async fn remove_calendar_day(day: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageServiceLevels)?;
    super::service::remove_day(&cx, &day).await?;
    crate::auth::api::back_to_page(&format!("/admin/calendar?year={}", day.get(..4).unwrap_or_default()));
    Ok(())
}
