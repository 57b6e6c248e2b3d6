//! The friendship-city register: the list with its filters, coming anniversaries and dormant
//! relations (`list`, with the world map in `map`); registering a city (`form`); each city's
//! page with its stages, counterparts and the timeline of exchanges (`detail`; delegations
//! linked from the delegations register). The names every page shows are here.

mod detail;
mod form;
mod list;
mod map;

pub use detail::CityPage;
pub use form::NewCityPage;
pub use list::CitiesPage;

crate::routes::pages! {
    "/cities" => CitiesPage, Needs(ReadCities);
    "/cities/new" => NewCityPage, Needs(ManageCities);
    "/cities/:id" => CityPage, Needs(ReadCities);
}

use crate::domain::{Country, Locale};
use crate::friendship_cities::{CityKind, ExchangeKind, Stage};
use crate::i18n::format_day;

pub fn kind_name(k: CityKind) -> String {
    match k {
        CityKind::Sister => tr!("city-kind-sister"),
        CityKind::Prospective => tr!("city-kind-prospective"),
        CityKind::Exchange => tr!("city-kind-exchange"),
    }
}

fn stage_name(s: Stage) -> String {
    match s {
        Stage::Contact => tr!("city-stage-contact"),
        Stage::Intent => tr!("city-stage-intent"),
        Stage::Formal => tr!("city-stage-formal"),
    }
}

fn exchange_kind_name(k: ExchangeKind) -> String {
    match k {
        ExchangeKind::Delegation => tr!("exchange-kind-delegation"),
        ExchangeKind::Agreement => tr!("exchange-kind-agreement"),
        ExchangeKind::Event => tr!("exchange-kind-event"),
        ExchangeKind::Note => tr!("exchange-kind-note"),
    }
}

fn area_name(a: &str) -> String {
    match a {
        "trade" => tr!("area-trade"),
        "investment" => tr!("area-investment"),
        "tourism" => tr!("area-tourism"),
        "education" => tr!("area-education"),
        "culture" => tr!("area-culture"),
        "health" => tr!("area-health"),
        "science" => tr!("area-science"),
        "sport" => tr!("area-sport"),
        "youth" => tr!("area-youth"),
        "agriculture" => tr!("area-agriculture"),
        other => other.to_string(),
    }
}

fn country_name(code: &str, locale: Locale) -> String {
    Country::parse("country", code).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| code.to_string())
}

fn day_or_dash(d: Option<chrono::NaiveDate>, locale: Locale) -> String {
    d.map(|d| format_day(d, locale)).unwrap_or_else(|| "—".into())
}
