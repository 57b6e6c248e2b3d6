//! Server functions for delegations, resources and itineraries. Each checks the permission
//! table; record-level rules (who approves a mission abroad, who reads passport numbers)
//! live in `service`.

use super::{
    Clash, Delegation, DelegationFilter, DelegationForm, DelegationSummary, GiftForm, ItemForm, MemberForm, Resource,
    ResourceForm,
};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[server(endpoint = "delegations")]
pub async fn list_delegations(#[server(default)] filter: DelegationFilter) -> Result<Vec<DelegationSummary>, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    Ok(crate::delegations::db::list(&cx.state.db, &filter).await?)
}

#[server(endpoint = "delegation")]
pub async fn get_delegation(id: i64) -> Result<Delegation, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    super::service::load(&cx, id).await
}

/// The delegation's change history.
#[server(endpoint = "delegation_history")]
pub async fn delegation_history(id: i64) -> Result<crate::domain::AuditPage, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    let filter = crate::domain::AuditFilter {
        entity_type: Some("delegation".into()),
        entity_id: Some(id.to_string()),
        ..crate::domain::AuditFilter::default()
    };
    let (entries, more) = crate::db::audit::list(&cx.state.db, &filter, 50).await?;
    Ok(crate::domain::AuditPage { entries, more })
}

#[server(endpoint = "resources")]
pub async fn list_resources() -> Result<Vec<Resource>, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    let all = cx.state.reference.get_or_load("resources", || crate::delegations::db::resources(&cx.state.db));
    Ok(all.await?.to_vec())
}

/// Register a delegation (countries as checkboxes or a multiple select named `countries[]`).
#[server(endpoint = "create_delegation")]
pub async fn create_delegation(#[server(flatten)] form: DelegationForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/delegations/{id}"));
    Ok(id)
}

#[server(endpoint = "update_delegation")]
pub async fn update_delegation(id: i64, version: i32, #[server(flatten)] form: DelegationForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    super::service::update(&cx, id, version, &form).await?;
    back_to(id);
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64) {
    crate::auth::api::back_to_page(&format!("/delegations/{id}"));
}

#[server(endpoint = "add_delegation_member")]
pub async fn add_member(id: i64, #[server(flatten)] form: MemberForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    let member = super::service::add_member(&cx, id, &form).await?;
    back_to(id);
    Ok(member)
}

#[server(endpoint = "remove_delegation_member")]
pub async fn remove_member(id: i64, member_id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    super::service::remove_member(&cx, id, member_id).await?;
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

/// Add an itinerary item, or change the one `item_id` names (vehicles, interpreters and
/// officials as `resource_ids[]`). A booking that clashes is refused with the clashes, unless
/// `accept_clashes` is set.
#[server(endpoint = "save_itinerary_item")]
pub async fn save_item(
    id: i64,
    #[server(default)] item_id: Option<i64>,
    #[server(flatten)] form: ItemForm,
) -> Result<ItemSaved, AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    let (item, clashes) = match item_id {
        Some(item_id) => super::service::update_item(&cx, id, item_id, &form).await?,
        None => super::service::add_item(&cx, id, &form).await?,
    };
    back_to(id);
    Ok(ItemSaved { id: item, clashes })
}

#[server(endpoint = "remove_itinerary_item")]
pub async fn remove_item(id: i64, item_id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    super::service::remove_item(&cx, id, item_id).await?;
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
    let cx = Ctx::require(Action::ReadDelegations)?;
    super::service::change_status(&cx, id, version, &to_status, &reason).await?;
    back_to(id);
    Ok(())
}

/// Add a bookable resource (an interpreter's languages as `languages[]`); `email`, `language`
/// and `user_id` say who receives its programme and whose calendar feed shows it.
#[server(endpoint = "add_resource")]
pub async fn add_resource(#[server(flatten)] form: ResourceForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    let id = super::service::add_resource(&cx, &form).await?;
    crate::auth::api::back_to_page("/delegations/resources");
    Ok(id)
}

/// Retire a resource: no longer offered; bookings already made stay.
#[server(endpoint = "retire_resource")]
pub async fn retire_resource(resource_id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    super::service::retire_resource(&cx, resource_id).await?;
    crate::auth::api::back_to_page("/delegations/resources");
    Ok(())
}

/// Active staff accounts, for tying a resource to the person's calendar feed.
#[server(endpoint = "staff_accounts")]
pub async fn staff_accounts() -> Result<Vec<crate::enterprises::Officer>, AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    let users = crate::admin::db::users::list(&cx.state.db).await?;
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
    let cx = Ctx::require(Action::PlanDelegations)?;
    let n = super::service::send_programme(&cx, id).await?;
    back_to(id);
    Ok(n)
}

/// Does the signed-in user have a calendar feed?
#[server(endpoint = "calendar_feed")]
pub async fn calendar_feed() -> Result<bool, AppError> {
    let cx = Ctx::signed_in()?;
    Ok(crate::delegations::db::has_feed(&cx.state.db, cx.user.id).await?)
}

/// A new personal calendar feed (the old URL stops working); returns its URL, shown once.
#[server(endpoint = "new_calendar_feed")]
pub async fn new_calendar_feed() -> Result<String, AppError> {
    let cx = Ctx::signed_in()?;
    let token = super::service::new_feed(&cx).await?;
    Ok(format!("{}/feeds/{token}.ics", cx.state.settings.public_url))
}

/// Stop the signed-in user's calendar feed.
#[server(endpoint = "end_calendar_feed")]
pub async fn end_calendar_feed() -> Result<(), AppError> {
    let cx = Ctx::signed_in()?;
    super::service::end_feed(&cx).await?;
    crate::auth::api::back_to_page("/account");
    Ok(())
}

#[server(endpoint = "add_delegation_gift")]
pub async fn add_gift(id: i64, #[server(flatten)] form: GiftForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::PlanDelegations)?;
    let gift = super::service::add_gift(&cx, id, &form).await?;
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
    let cx = Ctx::require(Action::PlanDelegations)?;
    let outcome = super::service::add_outcome(&cx, id, &outcome_kind, &outcome_description, &credit_code).await?;
    back_to(id);
    Ok(outcome)
}

/// The year's gift register.
#[server(endpoint = "gift_register")]
pub async fn gift_register(year: i32) -> Result<Vec<super::Gift>, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    Ok(crate::delegations::db::gifts_of_year(&cx.state.db, year).await?)
}

/// The year's delegations and people ("15 delegations, 110 visitors").
#[server(endpoint = "delegation_statistics")]
pub async fn delegation_statistics(year: i32) -> Result<super::Statistics, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    super::service::statistics(&cx.state, year).await
}

#[server(endpoint = "mission_rules")]
pub async fn mission_rules() -> Result<super::MissionRules, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    Ok(crate::delegations::db::mission_rules(&cx.state.db).await?)
}

/// Change the limits of a mission abroad (admins).
#[server(endpoint = "set_mission_rules")]
pub async fn set_mission_rules(
    version: i32,
    max_days: String,
    max_countries: String,
    max_members: String,
) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    super::service::set_mission_rules(&cx, version, &max_days, &max_countries, &max_members).await?;
    crate::auth::api::back_to_page("/delegations/rules");
    Ok(())
}

/// The items of the month or week the filter shows.
#[server(endpoint = "delegation_calendar")]
pub async fn calendar(filter: super::CalendarFilter) -> Result<Vec<super::CalendarItem>, AppError> {
    let cx = Ctx::require(Action::ReadDelegations)?;
    super::service::calendar(&cx.state, &filter).await
}
