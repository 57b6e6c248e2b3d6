//! The dashboard's server function: any signed-in staff member; the sections follow the role.

use super::{Dashboard, PeriodQuery};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "dashboard")]
pub async fn read_dashboard(#[server(default)] period: PeriodQuery) -> Result<Dashboard, AppError> {
    let cx = crate::auth::Ctx::signed_in()?;
    let today = crate::domain::office_today(crate::db::now());
    let period = super::Period::read(&period, today).map_err(AppError::Invalid)?;
    super::service::read(&cx.state, &cx.user, period, today).await
}

/// A year's targets, for the administrators' form (this year when none is given).
#[server(endpoint = "figure_targets")]
pub async fn figure_targets(#[server(default)] year: Option<i32>) -> Result<super::TargetsView, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&crate::domain::office_today(crate::db::now())));
    if !super::YEARS.contains(&year) {
        return Err(AppError::field("year", crate::error::FieldCode::InvalidNumber));
    }
    super::service::targets(&cx.state, year).await
}

/// Set a year's targets: `targets[code]` per figure, an empty one taking its target away.
#[server(endpoint = "set_figure_targets")]
pub async fn set_figure_targets(
    year: String,
    #[server(default)] targets: std::collections::HashMap<String, String>,
) -> Result<(), AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let year = super::service::set_targets(&cx, &year, &targets).await?;
    crate::auth::api::back_to_page(&format!("/dashboard?year={year}"));
    Ok(())
}
