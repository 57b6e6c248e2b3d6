//! Delegations: a protocol officer registers a visit, its members and the office's resources,
//! builds the itinerary and is stopped before double-booking an interpreter (touching items
//! are fine, a change of venue needs the travel buffer); two officers booking the same
//! interpreter at the same moment cannot both succeed; confirming over a clash needs a
//! written reason; passport numbers stay with the delegation's officer; the calendar file
//! and the printed programme say the right things at the right times.

mod access;
mod calendar;
mod figures;
mod itinerary;
mod leads;
mod missions;

use crate::common::*;
use app::delegations::Clash;
use app::error::AppError;
use reqwest::StatusCode;
use serde_json::Value;

pub(crate) async fn create(
    who: &TestApp,
    title: &str,
    language: &str,
    countries: &[&str],
    from: &str,
    to: &str,
) -> i64 {
    let mut form = vec![
        ("direction", "incoming"),
        ("title", title),
        ("organisation", "Métropole Européenne de Lille"),
        ("language", language),
        ("starts_on", from),
        ("ends_on", to),
        ("purpose", "Lettre d’intention de ville amie"),
    ];
    form.extend(countries.iter().map(|c| ("countries[]", *c)));
    let r = who.call::<app::delegations::api::CreateDelegation>(&form).await;
    assert_eq!(r.status(), StatusCode::OK, "delegation {title} created");
    r.json().await.unwrap()
}

async fn resource(who: &TestApp, kind: &str, name: &str, languages: &[&str]) -> String {
    let mut form = vec![("kind", kind), ("name", name)];
    form.extend(languages.iter().map(|l| ("languages[]", *l)));
    let r = who.call::<app::delegations::api::AddResource>(&form).await;
    assert_eq!(r.status(), StatusCode::OK, "resource {name} added");
    r.json::<i64>().await.unwrap().to_string()
}

#[derive(Clone)]
struct Booking<'a> {
    day: &'a str,
    starts: &'a str,
    ends: &'a str,
    title: &'a str,
    venue: &'a str,
    resources: Vec<&'a str>,
}

async fn book(who: &TestApp, delegation: i64, b: &Booking<'_>, anyway: bool) -> reqwest::Response {
    let id = delegation.to_string();
    let mut form = vec![
        ("id", id.as_str()),
        ("day", b.day),
        ("starts", b.starts),
        ("ends", b.ends),
        ("activity", "meeting"),
        ("title_zh", b.title),
        ("title_foreign", "Entretien avec le maire"),
        ("venue_id", b.venue),
        ("item_notes", "INTERNAL-NOTE-MARKER"),
    ];
    form.extend(b.resources.iter().map(|r| ("resource_ids[]", *r)));
    if anyway {
        form.push(("accept_clashes", "true"));
    }
    who.call::<app::delegations::api::SaveItem>(&form).await
}

async fn delegation(who: &TestApp, id: i64) -> Value {
    let r = who.call::<app::delegations::api::GetDelegation>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn clashes_of(r: reqwest::Response) -> Vec<Clash> {
    match app_error(r).await {
        (StatusCode::CONFLICT, AppError::BookingClashes(c)) => c,
        other => panic!("expected booking clashes, got {other:?}"),
    }
}

pub(crate) async fn move_to(who: &TestApp, id: i64, to: &str, reason: &str) -> reqwest::Response {
    let d = delegation(who, id).await;
    let version = d["version"].to_string();
    who.call::<app::delegations::api::ChangeStatus>(&[
        ("id", &id.to_string()),
        ("version", &version),
        ("to_status", to),
        ("reason", reason),
    ])
    .await
}

pub(crate) async fn add_member(who: &TestApp, id: i64, name: &str) -> StatusCode {
    let id = id.to_string();
    who.call::<app::delegations::api::AddMember>(&[
        ("id", id.as_str()),
        ("passport_name", name),
        ("member_language", "fr"),
    ])
    .await
    .status()
}
