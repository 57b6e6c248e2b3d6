//! Server functions for cases. Record-level rules (only the owner works a case,
//! `auth::may_work_on`) are checked in `service`; reading needs the `ReadCases` permission.

use super::{Case, CaseFilter, CaseForm, CasePage, DeadlineLists};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
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
    let cx = Ctx::require(Action::ReadCases)?;
    crate::error::page_number(filter.page)?;
    let (items, total) = super::service::search(&cx.state, &cx.user, &filter, PER_PAGE).await?;
    Ok(CasePage { items: crate::codec::DrawnRows::new(items), total, page: filter.page.max(0), per_page: PER_PAGE })
}

/// The deadlines page is an overview: each list's most urgent cases, the whole list a link
/// away (`/cases?due=…`, paged like the others).
pub const DEADLINES_PER_LIST: i64 = 20;

/// The deadlines page's lists.
#[server(endpoint = "deadlines")]
pub async fn read_deadlines() -> Result<DeadlineLists, AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    super::service::deadlines(&cx.state, &cx.user, DEADLINES_PER_LIST).await
}

/// Post a public update in one or more languages (empty ones are left out).
#[server(endpoint = "add_public_update")]
pub async fn add_public_update(
    id: i64,
    #[server(default)] public_zh: String,
    #[server(default)] public_en: String,
    #[server(default)] public_fr: String,
) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    let text = super::PublicText { zh: Some(public_zh), en: Some(public_en), fr: Some(public_fr) };
    super::service::add_public_update(&cx, id, &text).await?;
    back_to(id);
    Ok(())
}

#[server(endpoint = "case")]
pub async fn get_case(id: i64) -> Result<Case, AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    let name = super::fresh_code_cookie(id);
    let fresh = use_context::<http::request::Parts>()
        .and_then(|p| crate::auth::server::cookie(&p.headers, &name).map(str::to_string));
    if fresh.is_some() {
        crate::auth::api::set_cookie(&format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"));
    }
    super::service::load(&cx, id, fresh).await
}

#[server(endpoint = "open_case")]
pub async fn open_case(enterprise_id: i64, #[server(flatten)] form: CaseForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    let (id, code) = super::service::open(&cx, enterprise_id, &form).await?;
    crate::auth::api::set_cookie(&fresh_code_cookie_value(id, &code, cx.state.settings.secure_cookies));
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
    let cx = Ctx::require(Action::ReadCases)?;
    super::service::change_status(&cx, id, version, &to_status, &reason).await?;
    back_to(id);
    Ok(())
}

#[server(endpoint = "add_case_note")]
pub async fn add_case_note(id: i64, note: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    super::service::add_note(&cx, id, &note).await?;
    back_to(id);
    Ok(())
}

#[server(endpoint = "reset_access_code")]
pub async fn reset_access_code(id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    let code = super::service::reset_access_code(&cx, id).await?;
    crate::auth::api::set_cookie(&fresh_code_cookie_value(id, &code, cx.state.settings.secure_cookies));
    back_to(id);
    Ok(())
}

/// Give a portal request from the intake queue its enterprise, by credit code.
#[server(endpoint = "take_from_intake")]
pub async fn take_from_intake(id: i64, version: i32, credit_code: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadCases)?;
    super::service::take_from_intake(&cx, id, version, &credit_code).await?;
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
    let cx = Ctx::require(Action::ReadCases)?;
    let n = super::service::route(&cx, id, &department_ids, &due_on, &instructions).await?;
    back_to(id);
    Ok(n)
}

/// The signed-in department liaison's inbox.
#[server(endpoint = "my_tasks")]
pub async fn my_tasks() -> Result<Vec<super::tasks::InboxTask>, AppError> {
    let cx = Ctx::require(Action::WorkDepartmentTasks)?;
    match cx.user.department_id {
        Some(d) => Ok(crate::cases::db::tasks::inbox(&cx.state.db, d).await?),
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
    let cx = Ctx::require(Action::WorkDepartmentTasks)?;
    super::service::update_task(&cx, id, version, &status, &department_note).await?;
    if crate::auth::api::is_plain_form() {
        leptos_axum::redirect("/tasks");
    }
    Ok(())
}
