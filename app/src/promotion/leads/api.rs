//! Server functions for the leads: staff who promote investment read them; liaison officers
//! and admins open them; a lead's officer (or an admin) logs its contacts and ends it.

use super::{CloseForm, ContactForm, LeadFilter, LeadForm, LeadPage, LeadView};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "leads")]
pub async fn list_leads(#[server(default)] filter: LeadFilter) -> Result<LeadPage, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::list(&cx.state, &cx.user, &filter).await
}

#[server(endpoint = "lead")]
pub async fn get_lead(id: i64) -> Result<LeadView, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// Open a lead; its page follows.
#[server(endpoint = "open_lead")]
pub async fn open_lead(#[server(flatten)] form: LeadForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/promotion/leads/{id}"));
    Ok(id)
}

#[server(endpoint = "log_lead_contact")]
pub async fn log_lead_contact(id: i64, version: i32, #[server(flatten)] form: ContactForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::add_contact(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/leads/{id}"));
    Ok(())
}

#[server(endpoint = "close_lead")]
pub async fn close_lead(id: i64, version: i32, #[server(flatten)] form: CloseForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::close(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/leads/{id}"));
    Ok(())
}
