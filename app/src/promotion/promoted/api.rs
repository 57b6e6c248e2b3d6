//! Server functions for the promoted projects: staff who promote investment read them, an
//! officer (or an admin) keeps and publishes their own, and the portal reads the published
//! ones without signing in. An investor's interest is a plain form posted to the server
//! (`server/src/portal.rs`), like the portal's requests.

use super::{PromotedFilter, PromotedForm, PromotedPage, PromotedProject, PromotedView};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use crate::promotion::chain_maps::Segment;
use leptos::prelude::*;

#[server(endpoint = "promoted_projects")]
pub async fn promoted_projects(#[server(default)] filter: PromotedFilter) -> Result<PromotedPage, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::list(&cx.state, &filter).await
}

#[server(endpoint = "promoted_project")]
pub async fn get_promoted(id: i64) -> Result<PromotedView, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// Every segment of every chain map, for the form's picker.
#[server(endpoint = "chain_segments")]
pub async fn chain_segments() -> Result<Vec<Segment>, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    Ok(crate::promotion::chain_maps::db::all(&cx.state.db).await?)
}

/// The published projects, for the portal's visitors (public).
#[server(endpoint = "public_opportunities")]
pub async fn public_opportunities(#[server(default)] filter: PromotedFilter) -> Result<PromotedPage, AppError> {
    let state = crate::auth::server::state()?;
    super::service::public_list(&state, &filter).await
}

/// One published project, for the portal's visitors (public); a draft is not found.
#[server(endpoint = "public_opportunity")]
pub async fn public_opportunity(id: i64) -> Result<PromotedProject, AppError> {
    let state = crate::auth::server::state()?;
    super::service::public_load(&state, id).await
}

/// The industry chains, for the portal's filter (public: their names are the city's own
/// presentation).
#[server(endpoint = "public_chains")]
pub async fn public_chains() -> Result<Vec<crate::enterprises::IndustryChain>, AppError> {
    let state = crate::auth::server::state()?;
    let db = &state.db;
    let chains = state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(db));
    Ok(chains.await?.to_vec())
}

/// Register a project, as a draft; its page follows.
#[server(endpoint = "register_promoted")]
pub async fn register_promoted(#[server(flatten)] form: PromotedForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/promotion/projects/{id}"));
    Ok(id)
}

#[server(endpoint = "update_promoted")]
pub async fn update_promoted(id: i64, version: i32, #[server(flatten)] form: PromotedForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::update(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/projects/{id}"));
    Ok(())
}

/// Publish a project (`status` "published") or take it back to a draft ("draft").
#[server(endpoint = "set_promoted_status")]
pub async fn set_promoted_status(id: i64, version: i32, status: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::set_status(&cx, id, version, &status).await?;
    crate::auth::api::back_to_page(&format!("/promotion/projects/{id}"));
    Ok(())
}

/// The published projects as (id, Chinese title), for the brochure's picker.
#[server(endpoint = "published_choices")]
pub async fn published_choices() -> Result<Vec<(i64, String)>, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    Ok(super::db::published_titles(&cx.state.db).await?)
}
