//! Server functions for the target firms: staff who promote investment read the register;
//! liaison officers and admins import firms and move their approach on. The spreadsheet
//! itself arrives by a plain form post (`/promotion/firms/import`, see the server's routes),
//! which keeps it for the preview these functions show and confirm.

use super::{ApproachForm, FirmFilter, FirmPage, FirmView, ImportPreview};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "target_firms")]
pub async fn list_target_firms(#[server(default)] filter: FirmFilter) -> Result<FirmPage, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::list(&cx.state, &cx.user, &filter).await
}

#[server(endpoint = "target_firm")]
pub async fn get_target_firm(id: i64) -> Result<FirmView, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// A spreadsheet read and checked, as its importer sees it before saving.
#[server(endpoint = "firm_import")]
pub async fn get_firm_import(id: i64) -> Result<ImportPreview, AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::preview(&cx, id).await
}

/// Save the good rows of a checked spreadsheet; the register follows.
#[server(endpoint = "confirm_firm_import")]
pub async fn confirm_firm_import(id: i64) -> Result<(usize, usize), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    let done = super::service::confirm(&cx, id).await?;
    leptos_axum::redirect(&format!("/promotion/firms?imported={id}"));
    Ok(done)
}

#[server(endpoint = "set_firm_approach")]
pub async fn set_firm_approach(id: i64, version: i32, #[server(flatten)] form: ApproachForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::set_approach(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/firms/{id}"));
    Ok(())
}
