//! Server functions for the enterprise register. Each checks the permission table; record-
//! level rules (only an enterprise's own officer edits it, `auth::may_work_on`) are checked
//! in `service`.

use super::{
    ContactForm, Enterprise, EnterpriseFilter, EnterpriseForm, EnterprisePage, IndustryChain, Officer, PersonForm,
};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "industry_chains")]
pub async fn list_industry_chains() -> Result<Vec<IndustryChain>, AppError> {
    let cx = Ctx::signed_in()?;
    let chains =
        cx.state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(&cx.state.db));
    Ok(chains.await?.to_vec())
}

/// Liaison officers, for the assignment picker and the list filter.
#[server(endpoint = "liaison_officers")]
pub async fn list_officers() -> Result<Vec<Officer>, AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    let officers = cx
        .state
        .reference
        .get_or_load("officers", || crate::enterprises::db::active_users_with_role(&cx.state.db, "liaison_officer"));
    Ok(officers.await?.to_vec())
}

/// Leaders, for the pickers of an enterprise's responsible leader and of the leader at a
/// project or an event (which county officers record too).
#[server(endpoint = "leaders")]
pub async fn list_leaders() -> Result<Vec<Officer>, AppError> {
    let cx = Ctx::signed_in()?;
    if !crate::auth::allows(cx.user.role, Action::ManageProjects) {
        cx.permit(Action::ReadEnterprises)?;
    }
    let leaders = cx
        .state
        .reference
        .get_or_load("leaders", || crate::enterprises::db::active_users_with_role(&cx.state.db, "leader"));
    Ok(leaders.await?.to_vec())
}

#[server(endpoint = "set_responsible_leader")]
pub async fn set_responsible_leader(id: i64, #[server(default)] leader_id: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::AssignLiaison)?;
    super::service::set_leader(&cx, id, &leader_id).await?;
    back_to(id, "assigned");
    Ok(())
}

#[server(endpoint = "enterprises")]
pub async fn list_enterprises(#[server(default)] filter: EnterpriseFilter) -> Result<EnterprisePage, AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    const PER_PAGE: i64 = 50;
    crate::error::page_number(filter.page)?;
    let (items, total) =
        crate::enterprises::db::search(&cx.state.db, &filter, cx.user.id, super::service::cutoff(), PER_PAGE).await?;
    Ok(EnterprisePage {
        items: crate::codec::DrawnRows::new(items),
        total,
        page: filter.page.max(0),
        per_page: PER_PAGE,
    })
}

#[server(endpoint = "enterprise")]
pub async fn get_enterprise(id: i64) -> Result<Enterprise, AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// The enterprise's change history, for everyone who may read the enterprise.
#[server(endpoint = "enterprise_history")]
pub async fn enterprise_history(id: i64) -> Result<crate::domain::AuditPage, AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    let filter = crate::domain::AuditFilter {
        entity_type: Some("enterprise".into()),
        entity_id: Some(id.to_string()),
        ..crate::domain::AuditFilter::default()
    };
    let (entries, more) = crate::db::audit::list(&cx.state.db, &filter, 50).await?;
    Ok(crate::domain::AuditPage { entries, more })
}

#[server(endpoint = "register_enterprise")]
pub async fn register_enterprise(#[server(flatten)] form: EnterpriseForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::RegisterEnterprise)?;
    let id = super::service::register(&cx, &form).await?;
    leptos_axum::redirect(&format!("/enterprises/{id}?saved=created"));
    Ok(id)
}

#[server(endpoint = "update_enterprise")]
pub async fn update_enterprise(id: i64, version: i32, #[server(flatten)] form: EnterpriseForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    super::service::update(&cx, id, version, &form).await?;
    back_to(id, "updated");
    Ok(())
}

#[server(endpoint = "assign_liaison")]
pub async fn assign_liaison(
    id: i64,
    officer_id: String,
    #[server(default)] handover_note: String,
) -> Result<(), AppError> {
    let cx = Ctx::require(Action::AssignLiaison)?;
    super::service::assign(&cx, id, &officer_id, &handover_note).await?;
    back_to(id, "assigned");
    Ok(())
}

#[server(endpoint = "record_contact")]
pub async fn record_contact(id: i64, #[server(flatten)] form: ContactForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    super::service::record_contact(&cx, id, &form).await?;
    back_to(id, "contact");
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64, what: &str) {
    crate::auth::api::back_to_page(&format!("/enterprises/{id}?saved={what}"));
}

#[server(endpoint = "add_enterprise_person")]
pub async fn add_person(id: i64, #[server(flatten)] form: PersonForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    let person = super::service::add_person(&cx, id, &form).await?;
    back_to(id, "updated");
    Ok(person)
}

#[server(endpoint = "remove_enterprise_person")]
pub async fn remove_person(id: i64, person_id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadEnterprises)?;
    super::service::remove_person(&cx, id, person_id).await?;
    back_to(id, "updated");
    Ok(())
}
