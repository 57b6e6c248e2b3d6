//! Server functions for the enterprise register. Each checks the permission table; record-
//! level rules (only an enterprise's own officer edits it) live in `service`.

use super::{Enterprise, EnterpriseFilter, EnterprisePage, IndustryChain, Officer};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "industry_chains")]
pub async fn list_industry_chains() -> Result<Vec<IndustryChain>, AppError> {
    crate::auth::server::require_user()?;
    let state = crate::auth::server::state()?;
    let chains = state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(&state.db));
    Ok(chains.await?.to_vec())
}

/// Liaison officers, for the assignment picker and the list filter.
#[server(endpoint = "liaison_officers")]
pub async fn list_officers() -> Result<Vec<Officer>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    let officers = state
        .reference
        .get_or_load("officers", || crate::enterprises::db::active_users_with_role(&state.db, "liaison_officer"));
    Ok(officers.await?.to_vec())
}

/// Leaders, for the responsible-leader picker.
#[server(endpoint = "leaders")]
pub async fn list_leaders() -> Result<Vec<Officer>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    let leaders =
        state.reference.get_or_load("leaders", || crate::enterprises::db::active_users_with_role(&state.db, "leader"));
    Ok(leaders.await?.to_vec())
}

#[server(endpoint = "set_responsible_leader")]
pub async fn set_responsible_leader(id: i64, #[server(default)] leader_id: String) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::AssignLiaison)?;
    let state = server::state()?;
    super::service::set_leader(&state, &user, id, &leader_id, &server::client_ip()).await?;
    back_to(id, "assigned");
    Ok(())
}

#[server(endpoint = "enterprises")]
pub async fn list_enterprises(#[server(default)] filter: EnterpriseFilter) -> Result<EnterprisePage, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    const PER_PAGE: i64 = 50;
    crate::error::page_number(filter.page)?;
    let (items, total) =
        crate::enterprises::db::search(&state.db, &filter, user.id, super::service::cutoff(), PER_PAGE).await?;
    Ok(EnterprisePage { items, total, page: filter.page.max(0), per_page: PER_PAGE })
}

#[server(endpoint = "enterprise")]
pub async fn get_enterprise(id: i64) -> Result<Enterprise, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    super::service::load(&state, &user, id).await
}

/// The enterprise's change history, for everyone who may read the enterprise.
#[server(endpoint = "enterprise_history")]
pub async fn enterprise_history(id: i64) -> Result<crate::domain::AuditPage, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    let filter = crate::domain::AuditFilter {
        entity_type: Some("enterprise".into()),
        entity_id: Some(id.to_string()),
        ..crate::domain::AuditFilter::default()
    };
    let (entries, more) = crate::db::audit::list(&state.db, &filter, 50).await?;
    Ok(crate::domain::AuditPage { entries, more })
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn form(
    name_zh: String,
    name_original: String,
    credit_code: String,
    country: String,
    industry_chain_id: String,
    registered_capital_usd: String,
    utilised_capital_usd: String,
    employees: String,
    foreign_staff: String,
    lifecycle: String,
    is_key: Option<String>,
    address: String,
    notes: String,
) -> super::service::EnterpriseForm {
    super::service::EnterpriseForm {
        name_zh,
        name_original,
        credit_code,
        country,
        industry_chain_id,
        registered_capital_usd,
        utilised_capital_usd,
        employees,
        foreign_staff,
        lifecycle,
        is_key: is_key.is_some_and(|v| v == "true" || v == "on"),
        address,
        notes,
    }
}

#[server(endpoint = "register_enterprise")]
#[allow(clippy::too_many_arguments)]
pub async fn register_enterprise(
    name_zh: String,
    name_original: String,
    #[server(default)] credit_code: String,
    country: String,
    #[server(default)] industry_chain_id: String,
    #[server(default)] registered_capital_usd: String,
    #[server(default)] utilised_capital_usd: String,
    #[server(default)] employees: String,
    #[server(default)] foreign_staff: String,
    lifecycle: String,
    #[server(default)] is_key: Option<String>,
    #[server(default)] address: String,
    #[server(default)] notes: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::RegisterEnterprise)?;
    let state = server::state()?;
    let f = form(
        name_zh,
        name_original,
        credit_code,
        country,
        industry_chain_id,
        registered_capital_usd,
        utilised_capital_usd,
        employees,
        foreign_staff,
        lifecycle,
        is_key,
        address,
        notes,
    );
    let id = super::service::register(&state, &user, &f, &server::client_ip()).await?;
    leptos_axum::redirect(&format!("/enterprises/{id}?saved=created"));
    Ok(id)
}

#[server(endpoint = "update_enterprise")]
#[allow(clippy::too_many_arguments)]
pub async fn update_enterprise(
    id: i64,
    version: i32,
    name_zh: String,
    name_original: String,
    #[server(default)] credit_code: String,
    country: String,
    #[server(default)] industry_chain_id: String,
    #[server(default)] registered_capital_usd: String,
    #[server(default)] utilised_capital_usd: String,
    #[server(default)] employees: String,
    #[server(default)] foreign_staff: String,
    lifecycle: String,
    #[server(default)] is_key: Option<String>,
    #[server(default)] address: String,
    #[server(default)] notes: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    let f = form(
        name_zh,
        name_original,
        credit_code,
        country,
        industry_chain_id,
        registered_capital_usd,
        utilised_capital_usd,
        employees,
        foreign_staff,
        lifecycle,
        is_key,
        address,
        notes,
    );
    super::service::update(&state, &user, id, version, &f, &server::client_ip()).await?;
    back_to(id, "updated");
    Ok(())
}

#[server(endpoint = "assign_liaison")]
pub async fn assign_liaison(
    id: i64,
    officer_id: String,
    #[server(default)] handover_note: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::AssignLiaison)?;
    let state = server::state()?;
    super::service::assign(&state, &user, id, &officer_id, &handover_note, &server::client_ip()).await?;
    back_to(id, "assigned");
    Ok(())
}

#[server(endpoint = "record_contact")]
pub async fn record_contact(
    id: i64,
    kind: String,
    contacted_on: String,
    #[server(default)] participants: String,
    notes: String,
    #[server(default)] follow_ups: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    super::service::record_contact(
        &state,
        &user,
        id,
        &kind,
        &contacted_on,
        &participants,
        &notes,
        &follow_ups,
        &server::client_ip(),
    )
    .await?;
    back_to(id, "contact");
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64, what: &str) {
    crate::auth::api::back_to_page(&format!("/enterprises/{id}?saved={what}"));
}

#[server(endpoint = "add_enterprise_person")]
pub async fn add_person(
    id: i64,
    person_name: String,
    #[server(default)] person_title: String,
    #[server(default)] person_email: String,
    #[server(default)] person_phone: String,
    person_language: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    let form = super::service::PersonForm {
        name: person_name,
        title: person_title,
        email: person_email,
        phone: person_phone,
        language: person_language,
    };
    let person = super::service::add_person(&state, &user, id, &form, &server::client_ip()).await?;
    back_to(id, "updated");
    Ok(person)
}

#[server(endpoint = "remove_enterprise_person")]
pub async fn remove_person(id: i64, person_id: i64) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadEnterprises)?;
    let state = server::state()?;
    super::service::remove_person(&state, &user, id, person_id, &server::client_ip()).await?;
    back_to(id, "updated");
    Ok(())
}
