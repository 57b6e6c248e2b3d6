//! Delegation pages: the list and registering a delegation here, with the names and small
//! pieces every page of the area shows; each delegation's page in `delegation`, and one file
//! per sub-area: `itinerary` (the itinerary, its clashes and the form that books), `resources`,
//! `gifts` (a delegation's gifts and the year's register), `rules` (the mission rules),
//! `statistics` (the year's figures) and `calendar` (the calendar and the personal feed).

mod calendar;
mod delegation;
mod gifts;
mod itinerary;
mod resources;
mod rules;
mod statistics;

pub use self::calendar::{CalendarFeedPanel, CalendarPage};
pub use self::delegation::DelegationPage;
pub use self::gifts::GiftRegisterPage;
pub use self::resources::ResourcesPage;
pub use self::rules::RulesPage;
pub use self::statistics::StatisticsPage;

crate::routes::pages! {
    "/delegations" => DelegationsPage, Needs(ReadDelegations);
    "/delegations/new" => NewDelegationPage, Needs(PlanDelegations);
    "/delegations/resources" => ResourcesPage, Needs(PlanDelegations);
    "/delegations/calendar" => CalendarPage, Needs(ReadDelegations);
    "/delegations/statistics" => StatisticsPage, Needs(ReadDelegations);
    "/delegations/gifts" => GiftRegisterPage, Needs(ReadDelegations);
    "/delegations/rules" => RulesPage, Needs(ReadDelegations);
    "/delegations/:id" => DelegationPage, Needs(ReadDelegations);
}

use super::api::{list_delegations, CreateDelegation};
use super::{Delegation, DelegationFilter, DelegationStatus, DelegationSummary, Direction, ResourceKind};
use crate::domain::{office_time, Country, Locale};
use crate::error::AppError;
use crate::i18n::{format_day, use_locale};
use crate::pickers::country_options;
use crate::shell::{field_message, join_list, language_name, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub fn status_name(s: DelegationStatus) -> String {
    match s {
        DelegationStatus::Draft => tr!("delegation-status-draft"),
        DelegationStatus::Approved => tr!("delegation-status-approved"),
        DelegationStatus::Confirmed => tr!("delegation-status-confirmed"),
        DelegationStatus::InProgress => tr!("delegation-status-in-progress"),
        DelegationStatus::Completed => tr!("delegation-status-completed"),
        DelegationStatus::Cancelled => tr!("delegation-status-cancelled"),
    }
}

fn direction_name(d: Direction) -> String {
    match d {
        Direction::Incoming => tr!("delegation-direction-incoming"),
        Direction::Outgoing => tr!("delegation-direction-outgoing"),
    }
}

fn kind_name(k: ResourceKind) -> String {
    match k {
        ResourceKind::Venue => tr!("resource-kind-venue"),
        ResourceKind::Vehicle => tr!("resource-kind-vehicle"),
        ResourceKind::Interpreter => tr!("resource-kind-interpreter"),
        ResourceKind::Official => tr!("resource-kind-official"),
    }
}

fn countries_text(codes: &[String], locale: Locale) -> String {
    let names = codes
        .iter()
        .map(|c| Country::parse("c", c).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| c.clone()))
        .collect::<Vec<_>>();
    join_list(&names)
}

/// The languages an interpreter works in, named in the reader's language.
fn languages_text(languages: &[Locale]) -> String {
    join_list(&languages.iter().map(|l| language_name(*l)).collect::<Vec<_>>())
}

fn hhmm(at: chrono::DateTime<chrono::Utc>) -> String {
    office_time(at).format("%H:%M").to_string()
}

fn status_badge(s: DelegationStatus) -> impl IntoView {
    let class = format!("badge status-delegation-{}", s.as_str());
    view! { <span class=class>{status_name(s)}</span> }
}

#[component]
pub fn DelegationsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || DelegationFilter::from_query(|k| query.read().get(k));
    let list = crate::codec::resource(filter, list_delegations);
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("delegations-title") />
        <div class="page-header">
            <h1>{move || tr!("delegations-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::PlanDelegations).await;
                    may.then(|| view! {
                        <div class="actions">
                            <a class="button-secondary" href="/delegations/resources">{tr!("resources-title")}</a>
                            <a class="button-primary" href="/delegations/new">{tr!("delegations-new")}</a>
                        </div>
                    })
                })}
            </Transition>
        </div>
        <nav class="subnav" aria-label=move || tr!("delegations-more")>
            <a href="/delegations/calendar">{move || tr!("agenda-title")}</a>
            <a href="/delegations/statistics">{move || tr!("statistics-title")}</a>
            <a href="/delegations/gifts">{move || tr!("gifts-register-title")}</a>
            <a href="/delegations/rules">{move || tr!("rules-title")}</a>
        </nav>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => page_error(e),
                    Ok(items) => view! {
                        <FilterForm filter=filter() />
                        <DelegationTable items />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn FilterForm(filter: DelegationFilter) -> impl IntoView {
    let year = filter.year.map(|y| y.to_string()).unwrap_or_default();
    view! {
        <form method="get" action="/delegations" class="form-inline filters" role="search">
            <div class="field">
                <label for="direction">{tr!("delegation-field-direction")}</label>
                <select id="direction" name="direction">
                    <option value="">{tr!("common-any")}</option>
                    {Direction::ALL.iter().map(|d| {
                        let selected = filter.direction.as_deref() == Some(d.as_str());
                        view! { <option value=d.as_str() selected=selected>{direction_name(*d)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="status">{tr!("delegation-field-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {DelegationStatus::ALL.iter().map(|s| {
                        let selected = filter.status.as_deref() == Some(s.as_str());
                        view! { <option value=s.as_str() selected=selected>{status_name(*s)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="year">{tr!("delegation-field-year")}</label>
                <input id="year" name="year" type="number" min="2000" max="2100" inputmode="numeric" value=year />
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn DelegationTable(items: Vec<DelegationSummary>) -> impl IntoView {
    let locale = use_locale();
    if items.is_empty() {
        return view! { <p class="muted">{tr!("delegations-none")}</p> }.into_any();
    }
    let title = tr!("delegation-field-title");
    let rows = items
        .into_iter()
        .map(|d| {
            let href = format!("/delegations/{}", d.id);
            let dates = format!("{} – {}", format_day(d.starts_on, locale), format_day(d.ends_on, locale));
            view! {
                <tr>
                    <td><a href=href>{d.title.clone()}</a></td>
                    <td>{direction_name(d.direction)}</td>
                    <td>{countries_text(&d.countries, locale)}</td>
                    <td>{dates}</td>
                    <td class="num">{d.members}</td>
                    <td>{status_badge(d.status)}</td>
                    <td>{d.officer_name.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{title}</th>
                    <th scope="col">{tr!("delegation-field-direction")}</th>
                    <th scope="col">{tr!("delegation-field-countries")}</th>
                    <th scope="col">{tr!("delegation-field-dates")}</th>
                    <th scope="col">{tr!("delegation-members")}</th>
                    <th scope="col">{tr!("delegation-field-status")}</th>
                    <th scope="col">{tr!("delegation-field-officer")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The delegation's own fields, empty for a new one.
#[component]
fn DelegationFields(current: Option<Delegation>, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    let d = current;
    let direction = d.as_ref().map(|d| d.direction).unwrap_or(Direction::Incoming);
    let title = d.as_ref().map(|d| d.title.clone()).unwrap_or_default();
    let organisation = d.as_ref().map(|d| d.organisation.clone()).unwrap_or_default();
    let countries = d.as_ref().map(|d| d.countries.clone()).unwrap_or_default();
    let purpose = d.as_ref().map(|d| d.purpose.clone()).unwrap_or_default();
    let language = d.as_ref().map(|d| d.language).unwrap_or(Locale::En);
    let starts_on = d.as_ref().map(|d| d.starts_on.to_string()).unwrap_or_default();
    let ends_on = d.as_ref().map(|d| d.ends_on.to_string()).unwrap_or_default();
    view! {
        <div class="form-grid">
            <div class="field">
                <label for="direction">{tr!("delegation-field-direction")}</label>
                <select id="direction" name="direction">
                    {Direction::ALL.iter().map(|x| view! {
                        <option value=x.as_str() selected=*x == direction>{direction_name(*x)}</option>
                    }).collect_view()}
                </select>
                {move || field_message(error.get(), "direction")}
            </div>
            <div class="field">
                <label for="title">{tr!("delegation-field-title")}</label>
                <input id="title" name="title" type="text" maxlength="200" value=title required />
                {move || field_message(error.get(), "title")}
            </div>
            <div class="field">
                <label for="organisation">{tr!("delegation-field-organisation")}</label>
                <input id="organisation" name="organisation" type="text" maxlength="200" value=organisation />
                {move || field_message(error.get(), "organisation")}
            </div>
            <div class="field">
                <label for="countries">{tr!("delegation-field-countries")}</label>
                <select id="countries" name="countries[]" multiple size="5" aria-describedby="countries-hint"
                    inner_html=country_options(locale, None, &countries.iter().map(String::as_str).collect::<Vec<_>>())>
                </select>
                <p class="hint" id="countries-hint">{tr!("delegation-field-countries-hint")}</p>
                {move || field_message(error.get(), "countries")}
            </div>
            <div class="field">
                <label for="language">{tr!("delegation-field-language")}</label>
                <select id="language" name="language" aria-describedby="language-hint">
                    {Locale::ALL.iter().map(|l| view! {
                        <option value=l.tag() selected=*l == language>{language_name(*l)}</option>
                    }).collect_view()}
                </select>
                <p class="hint" id="language-hint">{tr!("delegation-field-language-hint")}</p>
                {move || field_message(error.get(), "language")}
            </div>
            <div class="field">
                <label for="starts_on">{tr!("delegation-field-starts-on")}</label>
                <input id="starts_on" name="starts_on" type="date" value=starts_on required />
                {move || field_message(error.get(), "starts_on")}
            </div>
            <div class="field">
                <label for="ends_on">{tr!("delegation-field-ends-on")}</label>
                <input id="ends_on" name="ends_on" type="date" value=ends_on required />
                {move || field_message(error.get(), "ends_on")}
            </div>
            <div class="field wide">
                <label for="purpose">{tr!("delegation-field-purpose")}</label>
                <textarea id="purpose" name="purpose" rows="3">{purpose}</textarea>
                {move || field_message(error.get(), "purpose")}
            </div>
        </div>
    }
}

#[component]
pub fn NewDelegationPage() -> impl IntoView {
    let create = ServerAction::<CreateDelegation>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("delegations-new") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("delegations-new")}</h1>
        <FormError error />
        <ActionForm action=create attr:class="form form-wide">
            <DelegationFields current=None error />
            <button type="submit" class="button-primary">{move || tr!("delegations-create")}</button>
        </ActionForm>
    }
}

fn year_from_query() -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
    use chrono::Datelike;
    let query = use_query_map();
    let this_year = crate::shell::today().year();
    move || {
        query
            .read()
            .get("year")
            .and_then(|y| y.trim().parse().ok())
            .filter(|y| (2000..=2100).contains(y))
            .unwrap_or(this_year)
    }
}

#[component]
fn YearForm(action: &'static str, year: i32) -> impl IntoView {
    view! {
        <form method="get" action=action class="form-inline filters" role="search">
            <div class="field">
                <label for="year">{tr!("delegation-field-year")}</label>
                <input id="year" name="year" type="number" min="2000" max="2100" inputmode="numeric" value=year.to_string() />
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}
