//! Server functions for administrators: staff accounts and the audit log. Every one checks
//! the permission table first, so hiding a button is never the only protection.

use super::{Department, UserRecord};
use crate::domain::{AuditFilter, AuditPage};
use crate::error::AppError;
use leptos::prelude::*;

/// Departments, for pickers (any signed-in staff member).
#[server(endpoint = "departments")]
pub async fn list_departments() -> Result<Vec<Department>, AppError> {
    crate::auth::server::require_user()?;
    let state = crate::auth::server::state()?;
    let departments = state.reference.get_or_load("departments", || crate::admin::db::departments::list(&state.db));
    Ok(departments.await?.to_vec())
}

#[server(endpoint = "users")]
pub async fn list_users() -> Result<Vec<UserRecord>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ManageUsers)?;
    let state = server::state()?;
    Ok(crate::admin::db::users::list(&state.db).await?)
}

#[server(endpoint = "user")]
pub async fn get_user(id: i64) -> Result<UserRecord, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ManageUsers)?;
    let state = server::state()?;
    crate::admin::db::users::get(&state.db, id).await?.ok_or(AppError::NotFound)
}

#[server(endpoint = "create_user")]
pub async fn create_user(
    email: String,
    display_name: String,
    role: String,
    department_id: String,
    locale: String,
    password: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let admin = server::require(Action::ManageUsers)?;
    let state = server::state()?;
    let form = super::service::UserForm { email, display_name, role, department_id, locale };
    let ip = server::client_ip();
    let creator = super::service::Creator::Admin { user: &admin, ip: &ip };
    let id = super::service::create_user(&state, creator, &form, &password).await?;
    leptos_axum::redirect(&format!("/admin/users/{id}?saved=created"));
    Ok(id)
}

#[server(endpoint = "update_user")]
pub async fn update_user(
    id: i64,
    version: i32,
    email: String,
    display_name: String,
    role: String,
    department_id: String,
    locale: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let admin = server::require(Action::ManageUsers)?;
    let state = server::state()?;
    let form = super::service::UserForm { email, display_name, role, department_id, locale };
    super::service::update_user(&state, &admin, id, version, &form, &server::client_ip()).await?;
    saved_redirect(id, "updated");
    Ok(())
}

/// Disable (or enable again) an account; disabling ends its sessions.
#[server(endpoint = "set_user_active")]
pub async fn set_user_active(id: i64, version: i32, active: bool) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let admin = server::require(Action::ManageUsers)?;
    let state = server::state()?;
    super::service::set_active(&state, &admin, id, version, active, &server::client_ip()).await?;
    saved_redirect(id, if active { "enabled" } else { "disabled" });
    Ok(())
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(id: i64, password: String) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let admin = server::require(Action::ManageUsers)?;
    let state = server::state()?;
    super::service::reset_password(&state, &admin, id, &password, &server::client_ip()).await?;
    saved_redirect(id, "password");
    Ok(())
}

#[server(endpoint = "end_sessions")]
pub async fn end_sessions(id: i64) -> Result<u64, AppError> {
    use crate::auth::{server, Action};
    let admin = server::require(Action::ManageUsers)?;
    let state = server::state()?;
    let n = super::service::end_sessions(&state, &admin, id, &server::client_ip()).await?;
    saved_redirect(id, "sessions");
    Ok(n)
}

#[server(endpoint = "audit")]
pub async fn list_audit(#[server(default)] filter: AuditFilter) -> Result<AuditPage, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadAuditLog)?;
    let state = server::state()?;
    crate::error::page_number(filter.page)?;
    let (entries, more) = crate::db::audit::list(&state.db, &filter, 50).await?;
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
