//! Server functions for promotion events: every reader of the project register reads them;
//! those who manage projects record and correct them.

use super::{EventForm, EventSummary, PromotionEvent};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

/// The events of a year (the latest 500 of every year when None), with what each produced.
#[server(endpoint = "events")]
pub async fn list_events(#[server(default)] year: Option<i32>) -> Result<Vec<EventSummary>, AppError> {
    let cx = Ctx::require(Action::ReadProjects)?;
    super::service::list(&cx.state, year).await
}

/// The events a project may name, for the project form: id and name, the latest first.
#[server(endpoint = "event_choices")]
pub async fn event_choices() -> Result<Vec<(i64, String)>, AppError> {
    let cx = Ctx::require(Action::ReadProjects)?;
    // Read on every page of the register: kept a few seconds (see `Reference`).
    let choices = cx.state.reference.get_or_load("event_choices", || super::db::choices(&cx.state.db));
    Ok(choices.await?.iter().map(|(id, name, _)| (*id, name.clone())).collect())
}

/// The events the register's filter offers: a year's when one is chosen, the latest `LATEST`
/// otherwise (as the events list), and the one chosen whatever it is.
#[server(endpoint = "filter_events")]
pub async fn filter_events(year: Option<i32>, chosen: Option<i64>) -> Result<Vec<(i64, String)>, AppError> {
    use chrono::Datelike as _;
    let cx = Ctx::require(Action::ReadProjects)?;
    let choices = cx.state.reference.get_or_load("event_choices", || super::db::choices(&cx.state.db)).await?;
    let mut kept = 0;
    let offered = choices
        .iter()
        .filter(|(id, _, starts_on)| {
            let keep = match year {
                Some(year) => starts_on.year() == year,
                None => kept < super::LATEST,
            };
            kept += usize::from(keep);
            keep || Some(*id) == chosen
        })
        .map(|(id, name, _)| (*id, name.clone()))
        .collect();
    Ok(offered)
}

#[server(endpoint = "event")]
pub async fn get_event(id: i64) -> Result<PromotionEvent, AppError> {
    let cx = Ctx::require(Action::ReadProjects)?;
    super::service::load(&cx.state, &cx.user, id).await
}

/// Record an event; its page follows.
#[server(endpoint = "record_event")]
pub async fn record_event(#[server(flatten)] form: EventForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    let id = super::service::create(&cx, &form).await?;
    leptos_axum::redirect(&format!("/projects/events/{id}"));
    Ok(id)
}

#[server(endpoint = "update_event")]
pub async fn update_event(id: i64, version: i32, #[server(flatten)] form: EventForm) -> Result<(), AppError> {
    let cx = Ctx::require(Action::ManageProjects)?;
    super::service::update(&cx, id, version, &form).await?;
    crate::auth::api::back_to_page(&format!("/projects/events/{id}"));
    Ok(())
}
