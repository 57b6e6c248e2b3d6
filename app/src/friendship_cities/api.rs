//! Server functions for the friendship-city register. Each checks the permission table.

use super::{City, CityFilter, CitySummary};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "partner_cities")]
pub async fn list_cities(#[server(default)] filter: CityFilter) -> Result<Vec<CitySummary>, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ReadCities)?;
    let state = server::state()?;
    super::service::list(&state, &filter).await
}

#[server(endpoint = "partner_city")]
pub async fn get_city(id: i64) -> Result<City, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ReadCities)?;
    let state = server::state()?;
    super::service::load(&state, &user, id).await
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn form(
    name_original: String,
    name_zh: String,
    name_en: String,
    name_fr: String,
    country: String,
    latitude: String,
    longitude: String,
    kind: String,
    first_contact_on: String,
    letter_of_intent_on: String,
    agreement_on: String,
    stage_reason: String,
    areas: Vec<String>,
    notes: String,
) -> super::service::CityForm {
    super::service::CityForm {
        name_original,
        name_zh,
        name_en,
        name_fr,
        country,
        latitude,
        longitude,
        kind,
        first_contact_on,
        letter_of_intent_on,
        agreement_on,
        stage_reason,
        areas,
        notes,
    }
}

/// Register a partner city (cooperation areas as `areas[]`).
#[server(endpoint = "register_partner_city")]
#[allow(clippy::too_many_arguments)]
pub async fn register_city(
    name_original: String,
    name_zh: String,
    #[server(default)] name_en: String,
    #[server(default)] name_fr: String,
    country: String,
    latitude: String,
    longitude: String,
    kind: String,
    #[server(default)] first_contact_on: String,
    #[server(default)] letter_of_intent_on: String,
    #[server(default)] agreement_on: String,
    #[server(default)] stage_reason: String,
    #[server(default)] areas: Vec<String>,
    #[server(default)] notes: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ManageCities)?;
    let state = server::state()?;
    let f = form(
        name_original,
        name_zh,
        name_en,
        name_fr,
        country,
        latitude,
        longitude,
        kind,
        first_contact_on,
        letter_of_intent_on,
        agreement_on,
        stage_reason,
        areas,
        notes,
    );
    let id = super::service::create(&state, &user, &f, &server::client_ip()).await?;
    leptos_axum::redirect(&format!("/cities/{id}"));
    Ok(id)
}

#[server(endpoint = "update_partner_city")]
#[allow(clippy::too_many_arguments)]
pub async fn update_city(
    id: i64,
    version: i32,
    name_original: String,
    name_zh: String,
    #[server(default)] name_en: String,
    #[server(default)] name_fr: String,
    country: String,
    latitude: String,
    longitude: String,
    kind: String,
    #[server(default)] first_contact_on: String,
    #[server(default)] letter_of_intent_on: String,
    #[server(default)] agreement_on: String,
    #[server(default)] stage_reason: String,
    #[server(default)] areas: Vec<String>,
    #[server(default)] notes: String,
) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ManageCities)?;
    let state = server::state()?;
    let f = form(
        name_original,
        name_zh,
        name_en,
        name_fr,
        country,
        latitude,
        longitude,
        kind,
        first_contact_on,
        letter_of_intent_on,
        agreement_on,
        stage_reason,
        areas,
        notes,
    );
    super::service::update(&state, &user, id, version, &f, &server::client_ip()).await?;
    back_to(id);
    Ok(())
}

#[cfg(feature = "ssr")]
fn back_to(id: i64) {
    crate::auth::api::back_to_page(&format!("/cities/{id}"));
}

/// Add an exchange; a delegation is linked by `delegation_id` (its title and date then come
/// from the delegations register unless given).
#[server(endpoint = "add_partner_city_exchange")]
pub async fn add_exchange(
    id: i64,
    exchange_kind: String,
    #[server(default)] happened_on: String,
    #[server(default)] exchange_title: String,
    #[server(default)] exchange_notes: String,
    #[server(default)] delegation_id: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ManageCities)?;
    let state = server::state()?;
    let e = super::service::add_exchange(
        &state,
        &user,
        id,
        &exchange_kind,
        &happened_on,
        &exchange_title,
        &exchange_notes,
        &delegation_id,
        &server::client_ip(),
    )
    .await?;
    back_to(id);
    Ok(e)
}

#[server(endpoint = "add_partner_city_contact")]
pub async fn add_contact(
    id: i64,
    contact_name: String,
    #[server(default)] contact_title: String,
    #[server(default)] contact_email: String,
    #[server(default)] contact_phone: String,
    contact_language: String,
) -> Result<i64, AppError> {
    use crate::auth::{server, Action};
    let user = server::require(Action::ManageCities)?;
    let state = server::state()?;
    let c = super::service::add_contact(
        &state,
        &user,
        id,
        &contact_name,
        &contact_title,
        &contact_email,
        &contact_phone,
        &contact_language,
        &server::client_ip(),
    )
    .await?;
    back_to(id);
    Ok(c)
}
