//! Server functions for the project register. Each checks the permission table; changing a
//! project is also its own officer's or an admin's (`auth::may_work_on`, in the service).

use super::{Project, ProjectFilter, ProjectForm, ProjectPage};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "projects")]
pub async fn list_projects(#[server(default)] filter: ProjectFilter) -> Result<ProjectPage, AppError> {
    let cx = Ctx::require(Action::ReadProjects)?;
    super::service::list(&cx.state, &cx.user, &filter).await
}

#[server(endpoint = "project")]
pub async fn get_project(id: i64) -> Result<Project, AppError> {
    let cx = Ctx::require(Action::ReadProjects)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// The delegations' investment leads a project may be registered from: those no project came
/// from yet, and the project `keep`'s own.
#[server(endpoint = "project_leads")]
pub async fn open_leads(#[server(default)] keep: Option<i64>) -> Result<Vec<super::DelegationLead>, AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    Ok(super::db::open_leads(&cx.state.db, keep).await?)
}

/// Register a project; its page follows.
#[server(endpoint = "register_project")]
pub async fn register_project(#[server(flatten)] form: ProjectForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/projects/{id}"));
    Ok(id)
}

#[server(endpoint = "update_project")]
pub async fn update_project(id: i64, version: i32, #[server(flatten)] form: ProjectForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    super::service::update(&cx, id, version, &form).await?;
    // Its own page (`/projects/{id}/edit`) goes back to the project's.
    leptos_axum::redirect(&format!("/projects/{id}"));
    Ok(())
}

/// Move the project to `to_stage` on `moved_on` (today when empty), with a reason where the
/// move needs one.
#[server(endpoint = "move_project")]
pub async fn move_project(
    id: i64,
    version: i32,
    to_stage: String,
    #[server(default)] moved_on: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    super::service::move_stage(&cx, id, version, &to_stage, &moved_on, &reason).await?;
    back_to(id);
    Ok(())
}

/// Record a review of one aspect (`passed` is "true" or "false").
#[server(endpoint = "review_project")]
pub async fn review_project(
    id: i64,
    aspect: String,
    #[server(default)] passed: String,
    #[server(default)] finding: String,
    #[server(default)] reviewed_on: String,
) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    super::service::add_review(&cx, id, &aspect, &passed, &finding, &reviewed_on).await?;
    back_to(id);
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64) {
    crate::auth::api::back_to_page(&format!("/projects/{id}"));
}
