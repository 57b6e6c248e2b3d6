//! Server functions for the policy register: staff who promote investment read it, admins
//! keep it, and the portal reads the documents in force without signing in.

use super::{Policy, PolicyFilter, PolicyForm, PolicyPage, PolicyView, WithdrawForm};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "policies")]
pub async fn list_policies(#[server(default)] filter: PolicyFilter) -> Result<PolicyPage, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::list(&cx.state, &filter).await
}

#[server(endpoint = "policy")]
pub async fn get_policy(id: i64) -> Result<PolicyView, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// The documents in force, for the portal's visitors (public).
#[server(endpoint = "public_policies")]
pub async fn public_policies() -> Result<Vec<Policy>, AppError> {
    let state = crate::auth::server::state()?;
    super::service::in_force(&state).await
}

/// Register a document; its page follows.
#[server(endpoint = "register_policy")]
pub async fn register_policy(#[server(flatten)] form: PolicyForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManagePolicies)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/promotion/policies/{id}"));
    Ok(id)
}

#[server(endpoint = "update_policy")]
pub async fn update_policy(id: i64, version: i32, #[server(flatten)] form: PolicyForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManagePolicies)?;
    super::service::update(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/policies/{id}"));
    Ok(())
}

#[server(endpoint = "withdraw_policy")]
pub async fn withdraw_policy(id: i64, version: i32, #[server(flatten)] form: WithdrawForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManagePolicies)?;
    super::service::withdraw(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/policies/{id}"));
    Ok(())
}
