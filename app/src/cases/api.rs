//! Server functions for cases. Record-level rules (only the owner works a case) are in
//! `service`; reading needs the `ReadCases` permission.

use super::{Case, CaseFilter, CasePage, DeadlineLists};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn fresh_code_cookie_value(id: i64, code: &str, secure: bool) -> String {
    // Lives for five minutes, for the one page view that shows the code.
    format!(
        "{}={code}; Path=/; Max-Age=300; HttpOnly; SameSite=Strict{}",
        super::fresh_code_cookie(id),
        if secure { "; Secure" } else { "" }
    )
}

/// Cases shown per page of the list.
pub const PER_PAGE: i64 = 50;

#[server(endpoint = "cases")]
pub async fn list_cases(#[server(default)] filter: CaseFilter) -> Result<CasePage, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    crate::error::page_number(filter.page)?;
    let (items, total) = super::service::search(&state, &user, &filter, PER_PAGE).await?;
    Ok(CasePage { items, total, page: filter.page.max(0), per_page: PER_PAGE })
}

/// The deadlines page is an overview: each list's most urgent cases, the whole list a link
/// away (`/cases?due=…`, paged like the others).
pub const DEADLINES_PER_LIST: i64 = 20;

/// The deadlines page's lists.
#[server(endpoint = "deadlines")]
pub async fn read_deadlines() -> Result<DeadlineLists, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    super::service::deadlines(&state, &user, DEADLINES_PER_LIST).await
}

/// Post a public update in one or more languages (empty ones are left out).
#[server(endpoint = "add_public_update")]
pub async fn add_public_update(
    id: i64,
    #[server(default)] public_zh: String,
    #[server(default)] public_en: String,
    #[server(default)] public_fr: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    let text = super::PublicText { zh: Some(public_zh), en: Some(public_en), fr: Some(public_fr) };
    super::service::add_public_update(&state, &user, id, &text, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

#[server(endpoint = "case")]
pub async fn get_case(id: i64) -> Result<Case, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    let name = super::fresh_code_cookie(id);
    let fresh = use_context::<http::request::Parts>()
        .and_then(|p| crate::auth::server::cookie(&p.headers, &name).map(str::to_string));
    if fresh.is_some() {
        crate::auth::api::set_cookie(&format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"));
    }
    super::service::load(&state, &user, id, fresh, &server::client_ip()).await
}

#[server(endpoint = "open_case")]
#[allow(clippy::too_many_arguments)]
pub async fn open_case(
    enterprise_id: i64,
    case_type: String,
    priority: String,
    title: String,
    description: String,
    language: String,
    #[server(default)] green_channel: Option<String>,
    #[server(default)] full_agency: Option<String>,
    #[server(default)] applicant_name: String,
    #[server(default)] applicant_email: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    let form = super::service::CaseForm {
        enterprise_id,
        case_type,
        priority,
        title,
        description,
        language,
        green_channel: green_channel.is_some_and(|v| v == "true" || v == "on"),
        full_agency: full_agency.is_some_and(|v| v == "true" || v == "on"),
        applicant_name,
        applicant_email,
    };
    let (id, code) = super::service::open(&state, &user, &form, &server::client_ip()).await?;
    crate::auth::api::set_cookie(&fresh_code_cookie_value(id, &code, state.settings.secure_cookies));
    leptos_axum::redirect(&format!("/cases/{id}"));
    Ok(id)
}

#[server(endpoint = "change_case_status")]
pub async fn change_case_status(
    id: i64,
    version: i32,
    to_status: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    super::service::change_status(&state, &user, id, version, &to_status, &reason, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

#[server(endpoint = "add_case_note")]
pub async fn add_case_note(id: i64, note: String) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    super::service::add_note(&state, &user, id, &note, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

#[server(endpoint = "reset_access_code")]
pub async fn reset_access_code(id: i64) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    let code = super::service::reset_access_code(&state, &user, id, &server::client_ip()).await?;
    crate::auth::api::set_cookie(&fresh_code_cookie_value(id, &code, state.settings.secure_cookies));
    back_to(id);
    Ok(())
}

/// Give a portal request from the intake queue its enterprise, by credit code.
#[server(endpoint = "take_from_intake")]
pub async fn take_from_intake(id: i64, version: i32, credit_code: String) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    super::service::take_from_intake(&state, &user, id, version, &credit_code, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64) {
    crate::auth::api::back_to_page(&format!("/cases/{id}"));
}

/// Route the case to departments (checkboxes named `department_ids[]`).
#[server(endpoint = "route_case")]
pub async fn route_case(
    id: i64,
    #[server(default)] department_ids: Vec<String>,
    #[server(default)] due_on: String,
    #[server(default)] instructions: String,
) -> Result<usize, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCases)?;
    let state = server::state()?;
    let n =
        super::service::route(&state, &user, id, &department_ids, &due_on, &instructions, &server::client_ip()).await?;
    back_to(id);
    Ok(n)
}

/// The signed-in department liaison's inbox.
#[server(endpoint = "my_tasks")]
pub async fn my_tasks() -> Result<Vec<super::tasks::InboxTask>, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::WorkDepartmentTasks)?;
    let state = server::state()?;
    match user.department_id {
        Some(d) => Ok(crate::cases::db::tasks::inbox(&state.db, d).await?),
        None => Ok(Vec::new()),
    }
}

#[server(endpoint = "update_task")]
pub async fn update_task(
    id: i64,
    version: i32,
    status: String,
    #[server(default)] department_note: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::WorkDepartmentTasks)?;
    let state = server::state()?;
    super::service::update_task(&state, &user, id, version, &status, &department_note, &server::client_ip()).await?;
    if crate::auth::api::is_plain_form() {
        leptos_axum::redirect("/tasks");
    }
    Ok(())
}
