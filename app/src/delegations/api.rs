//! Server functions for delegations, resources and itineraries. Each checks the permission
//! table; record-level rules (who approves a mission abroad, who reads passport numbers)
//! live in `service`.

use super::{Clash, Delegation, DelegationFilter, DelegationSummary, Resource};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[server(endpoint = "delegations")]
pub async fn list_delegations(#[server(default)] filter: DelegationFilter) -> Result<Vec<DelegationSummary>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    Ok(crate::delegations::db::list(&state.db, &filter).await?)
}

#[server(endpoint = "delegation")]
pub async fn get_delegation(id: i64) -> Result<Delegation, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    super::service::load(&state, &user, id, &server::client_ip()).await
}

/// The delegation's change history.
#[server(endpoint = "delegation_history")]
pub async fn delegation_history(id: i64) -> Result<crate::domain::AuditPage, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    let filter = crate::domain::AuditFilter {
        entity_type: Some("delegation".into()),
        entity_id: Some(id.to_string()),
        ..crate::domain::AuditFilter::default()
    };
    let (entries, more) = crate::db::audit::list(&state.db, &filter, 50).await?;
    Ok(crate::domain::AuditPage { entries, more })
}

#[server(endpoint = "resources")]
pub async fn list_resources() -> Result<Vec<Resource>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    let all = state.reference.get_or_load("resources", || crate::delegations::db::resources(&state.db));
    Ok(all.await?.to_vec())
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn form(
    direction: String,
    title: String,
    organisation: String,
    countries: Vec<String>,
    purpose: String,
    language: String,
    starts_on: String,
    ends_on: String,
) -> super::service::DelegationForm {
    super::service::DelegationForm { direction, title, organisation, countries, purpose, language, starts_on, ends_on }
}

/// Register a delegation (countries as checkboxes or a multiple select named `countries[]`).
#[server(endpoint = "create_delegation")]
#[allow(clippy::too_many_arguments)]
pub async fn create_delegation(
    direction: String,
    title: String,
    #[server(default)] organisation: String,
    #[server(default)] countries: Vec<String>,
    #[server(default)] purpose: String,
    language: String,
    starts_on: String,
    ends_on: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let f = form(direction, title, organisation, countries, purpose, language, starts_on, ends_on);
    let id = super::service::create(&state, &user, &f, &server::client_ip()).await?;
    leptos_axum::redirect(&format!("/delegations/{id}"));
    Ok(id)
}

#[server(endpoint = "update_delegation")]
#[allow(clippy::too_many_arguments)]
pub async fn update_delegation(
    id: i64,
    version: i32,
    direction: String,
    title: String,
    #[server(default)] organisation: String,
    #[server(default)] countries: Vec<String>,
    #[server(default)] purpose: String,
    language: String,
    starts_on: String,
    ends_on: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let f = form(direction, title, organisation, countries, purpose, language, starts_on, ends_on);
    super::service::update(&state, &user, id, version, &f, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64) {
    crate::auth::api::back_to_page(&format!("/delegations/{id}"));
}

#[server(endpoint = "add_delegation_member")]
#[allow(clippy::too_many_arguments)]
pub async fn add_member(
    id: i64,
    passport_name: String,
    #[server(default)] chinese_name: String,
    #[server(default)] member_title: String,
    #[server(default)] member_organisation: String,
    member_language: String,
    #[server(default)] dietary: String,
    #[server(default)] passport_number: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let f = super::service::MemberForm {
        passport_name,
        chinese_name,
        title: member_title,
        organisation: member_organisation,
        language: member_language,
        dietary,
        passport_number,
    };
    let member = super::service::add_member(&state, &user, id, &f, &server::client_ip()).await?;
    back_to(id);
    Ok(member)
}

#[server(endpoint = "remove_delegation_member")]
pub async fn remove_member(id: i64, member_id: i64) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    super::service::remove_member(&state, &user, id, member_id, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

/// A saved itinerary item and the clashes the officer booked it over (none unless they
/// chose to book anyway).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSaved {
    pub id: i64,
    pub clashes: Vec<Clash>,
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn item_form(
    day: String,
    starts: String,
    ends: String,
    activity: String,
    title_zh: String,
    title_foreign: String,
    venue_id: String,
    resource_ids: Vec<String>,
    participants: String,
    item_notes: String,
    accept_clashes: Option<String>,
) -> super::service::ItemForm {
    super::service::ItemForm {
        day,
        starts,
        ends,
        activity,
        title_zh,
        title_foreign,
        venue_id,
        resource_ids,
        participants,
        notes: item_notes,
        accept_clashes: accept_clashes.is_some_and(|v| v == "true" || v == "on"),
    }
}

/// Add an itinerary item, or change the one `item_id` names (vehicles, interpreters and
/// officials as `resource_ids[]`). A booking that clashes is refused with the clashes, unless
/// `accept_clashes` is set.
#[server(endpoint = "save_itinerary_item")]
#[allow(clippy::too_many_arguments)]
pub async fn save_item(
    id: i64,
    #[server(default)] item_id: Option<i64>,
    day: String,
    starts: String,
    ends: String,
    activity: String,
    title_zh: String,
    #[server(default)] title_foreign: String,
    #[server(default)] venue_id: String,
    #[server(default)] resource_ids: Vec<String>,
    #[server(default)] participants: String,
    #[server(default)] item_notes: String,
    #[server(default)] accept_clashes: Option<String>,
) -> Result<ItemSaved, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let f = item_form(
        day,
        starts,
        ends,
        activity,
        title_zh,
        title_foreign,
        venue_id,
        resource_ids,
        participants,
        item_notes,
        accept_clashes,
    );
    let ip = server::client_ip();
    let (item, clashes) = match item_id {
        Some(item_id) => super::service::update_item(&state, &user, id, item_id, &f, &ip).await?,
        None => super::service::add_item(&state, &user, id, &f, &ip).await?,
    };
    back_to(id);
    Ok(ItemSaved { id: item, clashes })
}

#[server(endpoint = "remove_itinerary_item")]
pub async fn remove_item(id: i64, item_id: i64) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    super::service::remove_item(&state, &user, id, item_id, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

/// Move a delegation on; a leader approves missions abroad.
#[server(endpoint = "change_delegation_status")]
pub async fn change_status(
    id: i64,
    version: i32,
    to_status: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    super::service::change_status(&state, &user, id, version, &to_status, &reason, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

/// Add a bookable resource (an interpreter's languages as `languages[]`); `email`, `language`
/// and `user_id` say who receives its programme and whose calendar feed shows it.
#[server(endpoint = "add_resource")]
#[allow(clippy::too_many_arguments)]
pub async fn add_resource(
    kind: String,
    name: String,
    #[server(default)] languages: Vec<String>,
    #[server(default)] details: String,
    #[server(default)] email: String,
    #[server(default)] language: String,
    #[server(default)] user_id: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let f = super::service::ResourceForm { kind, name, languages, details, email, language, user_id };
    let id = super::service::add_resource(&state, &user, &f, &server::client_ip()).await?;
    crate::auth::api::back_to_page("/delegations/resources");
    Ok(id)
}

/// Retire a resource: no longer offered; bookings already made stay.
#[server(endpoint = "retire_resource")]
pub async fn retire_resource(resource_id: i64) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    super::service::retire_resource(&state, &user, resource_id, &server::client_ip()).await?;
    crate::auth::api::back_to_page("/delegations/resources");
    Ok(())
}

/// Active staff accounts, for tying a resource to the person's calendar feed.
#[server(endpoint = "staff_accounts")]
pub async fn staff_accounts() -> Result<Vec<crate::enterprises::Officer>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let users = crate::admin::db::users::list(&state.db).await?;
    Ok(users
        .into_iter()
        .filter(|u| u.active)
        .map(|u| crate::enterprises::Officer { id: u.id, display_name: u.display_name })
        .collect())
}

/// E-mail each official, interpreter and driver their part of the programme; returns how
/// many messages were queued.
#[server(endpoint = "send_delegation_programme")]
pub async fn send_programme(id: i64) -> Result<usize, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let n = super::service::send_programme(&state, &user, id, &server::client_ip()).await?;
    back_to(id);
    Ok(n)
}

/// Does the signed-in user have a calendar feed?
#[server(endpoint = "calendar_feed")]
pub async fn calendar_feed() -> Result<bool, AppError> {
    use crate::auth::server;
    let user = server::require_user()?;
    let state = server::state()?;
    Ok(crate::delegations::db::has_feed(&state.db, user.id).await?)
}

/// A new personal calendar feed (the old URL stops working); returns its URL, shown once.
#[server(endpoint = "new_calendar_feed")]
pub async fn new_calendar_feed() -> Result<String, AppError> {
    use crate::auth::server;
    let user = server::require_user()?;
    let state = server::state()?;
    let token = super::service::new_feed(&state, &user, &server::client_ip()).await?;
    Ok(format!("{}/feeds/{token}.ics", state.settings.public_url))
}

/// Stop the signed-in user's calendar feed.
#[server(endpoint = "end_calendar_feed")]
pub async fn end_calendar_feed() -> Result<(), AppError> {
    use crate::auth::server;
    let user = server::require_user()?;
    let state = server::state()?;
    super::service::end_feed(&state, &user, &server::client_ip()).await?;
    crate::auth::api::back_to_page("/account");
    Ok(())
}

#[server(endpoint = "add_delegation_gift")]
#[allow(clippy::too_many_arguments)]
pub async fn add_gift(
    id: i64,
    gift_direction: String,
    given_on: String,
    gift_description: String,
    #[server(default)] value_cny: String,
    #[server(default)] giver: String,
    #[server(default)] receiver: String,
    #[server(default)] disposition: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let f = super::service::GiftForm {
        direction: gift_direction,
        given_on,
        description: gift_description,
        value_cny,
        giver,
        receiver,
        disposition,
    };
    let gift = super::service::add_gift(&state, &user, id, &f, &server::client_ip()).await?;
    back_to(id);
    Ok(gift)
}

/// Record an outcome; `credit_code` links it to a registered enterprise.
#[server(endpoint = "add_delegation_outcome")]
pub async fn add_outcome(
    id: i64,
    outcome_kind: String,
    outcome_description: String,
    #[server(default)] credit_code: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::PlanDelegations)?;
    let state = server::state()?;
    let outcome = super::service::add_outcome(
        &state,
        &user,
        id,
        &outcome_kind,
        &outcome_description,
        &credit_code,
        &server::client_ip(),
    )
    .await?;
    back_to(id);
    Ok(outcome)
}

/// The year's gift register.
#[server(endpoint = "gift_register")]
pub async fn gift_register(year: i32) -> Result<Vec<super::Gift>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    Ok(crate::delegations::db::gifts_of_year(&state.db, year).await?)
}

/// The year's delegations and people ("15 delegations, 110 visitors").
#[server(endpoint = "delegation_statistics")]
pub async fn delegation_statistics(year: i32) -> Result<super::Statistics, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    super::service::statistics(&state, year).await
}

#[server(endpoint = "mission_rules")]
pub async fn mission_rules() -> Result<super::MissionRules, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    Ok(crate::delegations::db::mission_rules(&state.db).await?)
}

/// Change the limits of a mission abroad (admins).
#[server(endpoint = "set_mission_rules")]
pub async fn set_mission_rules(
    version: i32,
    max_days: String,
    max_countries: String,
    max_members: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    super::service::set_mission_rules(
        &state,
        &user,
        version,
        &max_days,
        &max_countries,
        &max_members,
        &server::client_ip(),
    )
    .await?;
    crate::auth::api::back_to_page("/delegations/rules");
    Ok(())
}

/// The items of the month or week the filter shows.
#[server(endpoint = "delegation_calendar")]
pub async fn calendar(filter: super::CalendarFilter) -> Result<Vec<super::CalendarItem>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadDelegations)?;
    let state = server::state()?;
    super::service::calendar(&state, &filter).await
}
