//! Server functions for administrators: staff accounts and the audit log. Every one checks
//! the permission table first, so hiding a button is never the only protection.

use super::{Department, UserForm, UserRecord};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::domain::{AuditFilter, AuditPage};
use crate::error::AppError;
use leptos::prelude::*;

/// Departments, for pickers (any signed-in staff member).
#[server(endpoint = "departments")]
pub async fn list_departments() -> Result<Vec<Department>, AppError> {
    let cx = Ctx::signed_in()?;
    let departments =
        cx.state.reference.get_or_load("departments", || crate::admin::db::departments::list(&cx.state.db));
    Ok(departments.await?.to_vec())
}

/// The counties a county officer may belong to, for the account forms.
#[server(endpoint = "account_counties")]
pub async fn list_account_counties() -> Result<Vec<crate::domain::County>, AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    Ok(crate::db::counties::all(&cx.state.db).await?)
}

#[server(endpoint = "users")]
pub async fn list_users() -> Result<Vec<UserRecord>, AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    Ok(crate::admin::db::users::list(&cx.state.db).await?)
}

#[server(endpoint = "user")]
pub async fn get_user(id: i64) -> Result<UserRecord, AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    crate::admin::db::users::get(&cx.state.db, id).await?.ok_or(AppError::NotFound)
}

#[server(endpoint = "create_user")]
pub async fn create_user(#[server(flatten)] form: UserForm, password: String) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    let id = super::service::create_user(&cx.state, super::service::Creator::Admin(&cx), &form, &password).await?;
    leptos_axum::redirect(&format!("/admin/users/{id}?saved=created"));
    Ok(id)
}

#[server(endpoint = "update_user")]
pub async fn update_user(id: i64, version: i32, #[server(flatten)] form: UserForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    super::service::update_user(&cx, id, version, &form).await?;
    saved_redirect(id, "updated");
    Ok(())
}

/// Disable (or enable again) an account; disabling ends its sessions.
#[server(endpoint = "set_user_active")]
pub async fn set_user_active(id: i64, version: i32, active: bool) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    super::service::set_active(&cx, id, version, active).await?;
    saved_redirect(id, if active { "enabled" } else { "disabled" });
    Ok(())
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(id: i64, password: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    super::service::reset_password(&cx, id, &password).await?;
    saved_redirect(id, "password");
    Ok(())
}

#[server(endpoint = "end_sessions")]
pub async fn end_sessions(id: i64) -> Result<u64, AppError> {
    let cx = Ctx::require(Action::ManageUsers)?;
    let n = super::service::end_sessions(&cx, id).await?;
    saved_redirect(id, "sessions");
    Ok(n)
}

#[server(endpoint = "audit")]
pub async fn list_audit(#[server(default)] filter: AuditFilter) -> Result<AuditPage, AppError> {
    let cx = Ctx::require(Action::ReadAuditLog)?;
    crate::error::page_number(filter.page)?;
    let (entries, more) = crate::db::audit::list(&cx.state.db, &filter, 50).await?;
    Ok(AuditPage { entries, more })
}

/// A plain form returns to the user's page with a note of what was saved; with JavaScript
/// the page updates in place.
#[cfg(feature = "ssr")]
fn saved_redirect(id: i64, what: &str) {
    if crate::auth::api::is_plain_form() {
        leptos_axum::redirect(&format!("/admin/users/{id}?saved={what}"));
    }
}
