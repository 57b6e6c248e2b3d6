//! Server functions for the brochure: staff who promote investment read its issues, those
//! who work promotion compose them. The printed brochure is a plain page the server writes
//! (`server/src/routes.rs`, `print`).

use super::{BrochureList, BrochureView, IssueForm};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "brochures")]
pub async fn list_brochures() -> Result<BrochureList, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::list(&cx.state).await
}

#[server(endpoint = "brochure")]
pub async fn get_brochure(id: i64) -> Result<BrochureView, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// Start an issue; its page follows.
#[server(endpoint = "create_brochure")]
pub async fn create_brochure(#[server(flatten)] form: IssueForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/promotion/brochures/{id}"));
    Ok(id)
}

/// Present a published project in the issue.
#[server(endpoint = "add_to_brochure")]
pub async fn add_to_brochure(id: i64, project_id: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::add(&cx, id, &project_id).await?;
    crate::auth::api::back_to_page(&format!("/promotion/brochures/{id}"));
    Ok(())
}

#[server(endpoint = "remove_from_brochure")]
pub async fn remove_from_brochure(id: i64, project_id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::remove(&cx, id, project_id).await?;
    crate::auth::api::back_to_page(&format!("/promotion/brochures/{id}"));
    Ok(())
}
