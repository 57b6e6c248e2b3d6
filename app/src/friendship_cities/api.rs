//! Server functions for the friendship-city register. Each checks the permission table.

use super::{City, CityFilter, CityForm, CitySummary, ContactForm, ExchangeForm};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "partner_cities")]
pub async fn list_cities(#[server(default)] filter: CityFilter) -> Result<Vec<CitySummary>, AppError> {
    let cx = Ctx::require(Action::ReadCities)?;
    super::service::list(&cx.state, &filter).await
}

#[server(endpoint = "partner_city")]
pub async fn get_city(id: i64) -> Result<City, AppError> {
    let cx = Ctx::require(Action::ReadCities)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// Register a partner city (cooperation areas as `areas[]`).
#[server(endpoint = "register_partner_city")]
pub async fn register_city(#[server(flatten)] form: CityForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManageCities)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/cities/{id}"));
    Ok(id)
}

#[server(endpoint = "update_partner_city")]
pub async fn update_city(id: i64, version: i32, #[server(flatten)] form: CityForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageCities)?;
    super::service::update(&cx, id, version, &form).await?;
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
pub async fn add_exchange(id: i64, #[server(flatten)] form: ExchangeForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManageCities)?;
    let e = super::service::add_exchange(&cx, id, &form).await?;
    back_to(id);
    Ok(e)
}

#[server(endpoint = "add_partner_city_contact")]
pub async fn add_contact(id: i64, #[server(flatten)] form: ContactForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManageCities)?;
    let c = super::service::add_contact(&cx, id, &form).await?;
    back_to(id);
    Ok(c)
}
