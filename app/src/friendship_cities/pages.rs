//! The friendship-city register: the list with its filters, coming anniversaries and dormant
//! relations; registering a city; each city's page with its stages, counterparts and the
//! timeline of exchanges (delegations linked from the delegations register).

use super::api::{get_city, list_cities, AddContact, AddExchange, RegisterCity, UpdateCity};
use super::{City, CityFilter, CityKind, CitySummary, ExchangeKind, Stage, AREAS};
use crate::domain::{Country, Locale};
use crate::error::AppError;
use crate::i18n::{format_day, format_number, use_locale};
use crate::pickers::country_options;
use crate::shell::{field_message, join_list, language_name, page_error, reset_when, with_aside, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

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

#[component]
pub fn CitiesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || CityFilter::from_query(|k| query.read().get(k));
    let cities = crate::codec::resource(filter, list_cities);
    let all = crate::codec::resource(|| (), |_| list_cities(CityFilter::default()));
    let me = crate::shell::use_me().0;
    view! {
        <Title text=tr!("cities-title") />
        <div class="page-header">
            <h1>{move || tr!("cities-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = matches!(me.await, Ok(Some(u)) if crate::auth::allows(u.role, crate::auth::Action::ManageCities));
                    may.then(|| view! { <a class="button-primary" href="/cities/new">{tr!("cities-new")}</a> })
                })}
            </Transition>
        </div>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let everyone = all.await.unwrap_or_default();
                match cities.await {
                    Err(e) => page_error(e),
                    Ok(list) => {
                        let f = filter();
                        view! {
                            <Anniversaries cities=everyone.clone() />
                            <CityFilterForm f=f.clone() cities=everyone />
                            <WorldMap cities=list.clone() />
                            <CityTable cities=list f />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The round anniversaries of formal agreements in the coming year.
#[component]
fn Anniversaries(cities: Vec<CitySummary>) -> impl IntoView {
    let locale = use_locale();
    let mut coming: Vec<(CitySummary, i32, chrono::NaiveDate)> =
        cities.into_iter().filter_map(|c| c.anniversary.map(|(y, d)| (c, y, d))).collect();
    coming.sort_by_key(|(_, _, d)| *d);
    (!coming.is_empty()).then(|| {
        let items = coming
            .into_iter()
            .map(|(c, years, day)| {
                let href = format!("/cities/{}", c.id);
                let text = tr!("cities-anniversary", { "years" => years, "date" => format_day(day, locale) });
                view! { <li><a href=href>{c.name(locale).to_string()}</a>" — "{text}</li> }
            })
            .collect_view();
        view! {
            <section class="notice notice-info" aria-labelledby="anniversaries-heading" id="anniversaries">
                <h2 id="anniversaries-heading">{tr!("cities-anniversaries")}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

#[component]
fn CityFilterForm(f: CityFilter, cities: Vec<CitySummary>) -> impl IntoView {
    let locale = use_locale();
    let mut countries: Vec<String> = cities.iter().map(|c| c.country.clone()).collect();
    countries.sort();
    countries.dedup();
    view! {
        <form method="get" action="/cities" class="form-inline filters" role="search">
            <div class="field">
                <label for="country">{tr!("field-country")}</label>
                <select id="country" name="country">
                    <option value="">{tr!("common-any")}</option>
                    {countries.into_iter().map(|c| {
                        let selected = f.country.as_deref() == Some(c.as_str());
                        let name = country_name(&c, locale);
                        view! { <option value=c selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="kind">{tr!("city-field-kind")}</label>
                <select id="kind" name="kind">
                    <option value="">{tr!("common-any")}</option>
                    {CityKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=f.kind.as_deref() == Some(k.as_str())>{kind_name(k)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="stage">{tr!("city-field-stage")}</label>
                <select id="stage" name="stage">
                    <option value="">{tr!("common-any")}</option>
                    {Stage::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=f.stage.as_deref() == Some(s.as_str())>{stage_name(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="dormant" value="true" checked=f.dormant />" "{tr!("cities-dormant-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn CityTable(cities: Vec<CitySummary>, f: CityFilter) -> impl IntoView {
    let locale = use_locale();
    let export = crate::shell::with_query("/cities/export.csv", &f.to_query());
    if cities.is_empty() {
        return view! { <p class="muted">{tr!("cities-none")}</p> }.into_any();
    }
    let name_label = tr!("city-field-name");
    let rows = cities
        .into_iter()
        .map(|c| {
            let href = format!("/cities/{}", c.id);
            let dormant = c.dormant.then(|| view! { <span class="badge badge-warn">{tr!("city-dormant")}</span> });
            view! {
                <tr>
                    <td><a href=href>{c.name(locale).to_string()}</a><br /><span class="muted">{c.name_original.clone()}</span></td>
                    <td>{country_name(&c.country, locale)}</td>
                    <td>{kind_name(c.kind)}</td>
                    <td>{stage_name(c.stage)}</td>
                    <td>{day_or_dash(c.letter_of_intent_on, locale)}</td>
                    <td>{day_or_dash(c.agreement_on, locale)}</td>
                    <td>{day_or_dash(c.last_activity_on, locale)}" "{dormant}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="page-header">
            <span></span>
            <a href=export download="partner-cities.csv" rel="external">{tr!("common-export-csv")}</a>
        </div>
        <div class="table-wrap">
            <table class="table cities">
                <thead><tr>
                    <th scope="col">{name_label}</th>
                    <th scope="col">{tr!("field-country")}</th>
                    <th scope="col">{tr!("city-field-kind")}</th>
                    <th scope="col">{tr!("city-field-stage")}</th>
                    <th scope="col">{tr!("city-field-letter-of-intent-on")}</th>
                    <th scope="col">{tr!("city-field-agreement-on")}</th>
                    <th scope="col">{tr!("city-last-activity")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn CityFields(current: Option<City>, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    let c = current.as_ref();
    let s = c.map(|c| &c.summary);
    let val = |f: &dyn Fn(&CitySummary) -> String| s.map(f).unwrap_or_default();
    let name_original = val(&|s| s.name_original.clone());
    let name_zh = val(&|s| s.name_zh.clone());
    let name_en = val(&|s| s.name_en.clone());
    let name_fr = val(&|s| s.name_fr.clone());
    let country = val(&|s| s.country.clone());
    let latitude = val(&|s| s.latitude.to_string());
    let longitude = val(&|s| s.longitude.to_string());
    let kind = s.map(|s| s.kind).unwrap_or(CityKind::Prospective);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let first = date(s.and_then(|s| s.first_contact_on));
    let loi = date(s.and_then(|s| s.letter_of_intent_on));
    let agreement = date(s.and_then(|s| s.agreement_on));
    let reason = c.map(|c| c.stage_reason.clone()).unwrap_or_default();
    let areas = c.map(|c| c.areas.clone()).unwrap_or_default();
    let notes = c.map(|c| c.notes.clone()).unwrap_or_default();
    view! {
        <div class="form-grid">
            <div class="field">
                <label for="name_zh">{tr!("city-field-name-zh")}</label>
                <input id="name_zh" name="name_zh" type="text" maxlength="200" lang="zh-CN" value=name_zh required />
                {move || field_message(error.get(), "name_zh")}
            </div>
            <div class="field">
                <label for="name_original">{tr!("city-field-name-original")}</label>
                <input id="name_original" name="name_original" type="text" maxlength="200" value=name_original required />
                {move || field_message(error.get(), "name_original")}
            </div>
            <div class="field">
                <label for="name_en">{tr!("city-field-name-en")}</label>
                <input id="name_en" name="name_en" type="text" maxlength="200" lang="en" value=name_en />
            </div>
            <div class="field">
                <label for="name_fr">{tr!("city-field-name-fr")}</label>
                <input id="name_fr" name="name_fr" type="text" maxlength="200" lang="fr" value=name_fr />
            </div>
            <div class="field">
                <label for="country">{tr!("field-country")}</label>
                <select id="country" name="country" required
                    inner_html=country_options(locale, Some(&tr!("common-choose")), &[&country])>
                </select>
                {move || field_message(error.get(), "country")}
            </div>
            <div class="field">
                <label for="kind">{tr!("city-field-kind")}</label>
                <select id="kind" name="kind">
                    {CityKind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=k == kind>{kind_name(k)}</option> }).collect_view()}
                </select>
                {move || field_message(error.get(), "kind")}
            </div>
            <div class="field">
                <label for="latitude">{tr!("city-field-latitude")}</label>
                <input id="latitude" name="latitude" type="text" inputmode="decimal" value=latitude required aria-describedby="latitude-hint" />
                <p class="hint" id="latitude-hint">{tr!("city-field-latitude-hint")}</p>
                {move || field_message(error.get(), "latitude")}
            </div>
            <div class="field">
                <label for="longitude">{tr!("city-field-longitude")}</label>
                <input id="longitude" name="longitude" type="text" inputmode="decimal" value=longitude required />
                {move || field_message(error.get(), "longitude")}
            </div>
            <div class="field">
                <label for="first_contact_on">{tr!("city-field-first-contact-on")}</label>
                <input id="first_contact_on" name="first_contact_on" type="date" value=first />
                {move || field_message(error.get(), "first_contact_on")}
            </div>
            <div class="field">
                <label for="letter_of_intent_on">{tr!("city-field-letter-of-intent-on")}</label>
                <input id="letter_of_intent_on" name="letter_of_intent_on" type="date" value=loi />
                {move || field_message(error.get(), "letter_of_intent_on")}
            </div>
            <div class="field">
                <label for="agreement_on">{tr!("city-field-agreement-on")}</label>
                <input id="agreement_on" name="agreement_on" type="date" value=agreement />
                {move || field_message(error.get(), "agreement_on")}
            </div>
            <div class="field wide">
                <label for="stage_reason">{tr!("city-field-stage-reason")}</label>
                <textarea id="stage_reason" name="stage_reason" rows="2" aria-describedby="stage_reason-hint">{reason}</textarea>
                <p class="hint" id="stage_reason-hint">{tr!("city-field-stage-reason-hint")}</p>
                {move || field_message(error.get(), "stage_reason")}
            </div>
            <fieldset class="field checkbox wide">
                <legend>{tr!("city-field-areas")}</legend>
                {AREAS.into_iter().map(|a| {
                    let checked = areas.iter().any(|x| x == a);
                    view! { <label><input type="checkbox" name="areas[]" value=a checked=checked />" "{area_name(a)}</label> }
                }).collect_view()}
                {move || field_message(error.get(), "areas")}
            </fieldset>
            <div class="field wide">
                <label for="notes">{tr!("field-notes")}</label>
                <textarea id="notes" name="notes" rows="3">{notes}</textarea>
            </div>
        </div>
    }
}

#[component]
pub fn NewCityPage() -> impl IntoView {
    let register = ServerAction::<RegisterCity>::new();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("cities-new") />
        <p class="breadcrumb"><a href="/cities">{move || tr!("cities-title")}</a></p>
        <h1>{move || tr!("cities-new")}</h1>
        <FormError error />
        <ActionForm action=register attr:class="form form-wide">
            <CityFields current=None error />
            <button type="submit" class="button-primary">{move || tr!("cities-register")}</button>
        </ActionForm>
    }
}

#[component]
pub fn CityPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateCity>::new();
    let exchange = ServerAction::<AddExchange>::new();
    let contact = ServerAction::<AddContact>::new();
    let versions = move || (id(), update.version().get(), exchange.version().get(), contact.version().get());
    let city = crate::codec::resource(versions, |(id, ..)| get_city(id));
    let delegations = crate::codec::resource(
        || (),
        |_| crate::delegations::api::list_delegations(crate::delegations::DelegationFilter::default()),
    );
    view! {
        <Title text=tr!("cities-title") />
        <p class="breadcrumb"><a href="/cities">{move || tr!("cities-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let delegations = delegations.await.unwrap_or_default();
                match city.await {
                    Err(e) => page_error(e),
                    Ok(c) => view! {
                        <CityView c=c.clone() />
                        <Timeline c=c.clone() delegations add=exchange />
                        <Contacts c=c.clone() add=contact />
                        {c.editable.then(|| {
                            let error = Signal::derive(move || update.value().get().and_then(Result::err));
                            view! {
                                <section class="panel" aria-labelledby="edit-heading">
                                    <details>
                                        <summary><h2 id="edit-heading">{tr!("cities-edit")}</h2></summary>
                                        <FormError error />
                                        <ActionForm action=update attr:class="form form-wide">
                                            <input type="hidden" name="id" value=c.summary.id.to_string() />
                                            <input type="hidden" name="version" value=c.version.to_string() />
                                            <CityFields current=Some(c.clone()) error />
                                            <button type="submit" class="button-primary">{tr!("common-save")}</button>
                                        </ActionForm>
                                    </details>
                                </section>
                            }
                        })}
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CityView(c: City) -> impl IntoView {
    let locale = use_locale();
    let s = c.summary.clone();
    let dormant = s.dormant.then(|| view! { <span class="badge badge-warn">{tr!("city-dormant")}</span> });
    let anniversary = s.anniversary.map(|(years, day)| {
        view! { <p class="notice notice-info">{tr!("cities-anniversary", { "years" => years, "date" => format_day(day, locale) })}</p> }
    });
    let names = [s.name_original.clone(), s.name_en.clone(), s.name_fr.clone()]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let areas = join_list(&c.areas.iter().map(|a| area_name(a)).collect::<Vec<_>>());
    view! {
        <h1>{s.name_zh.clone()}" "<span class="badge">{kind_name(s.kind)}</span>" "{dormant}</h1>
        <p class="lead">{names}</p>
        {anniversary}
        <dl class="facts">
            <dt>{tr!("field-country")}</dt><dd>{country_name(&s.country, locale)}</dd>
            <dt>{tr!("city-field-stage")}</dt><dd>{stage_name(s.stage)}</dd>
            <dt>{tr!("city-field-first-contact-on")}</dt><dd>{day_or_dash(s.first_contact_on, locale)}</dd>
            <dt>{tr!("city-field-letter-of-intent-on")}</dt><dd>{day_or_dash(s.letter_of_intent_on, locale)}</dd>
            <dt>{tr!("city-field-agreement-on")}</dt><dd>{day_or_dash(s.agreement_on, locale)}</dd>
            <dt>{tr!("city-last-activity")}</dt><dd>{day_or_dash(s.last_activity_on, locale)}</dd>
            <dt>{tr!("city-field-areas")}</dt><dd>{areas}</dd>
            <dt>{tr!("city-coordinates-label")}</dt><dd>{tr!("city-coordinates", {
                "latitude" => format_number(s.latitude, 4, locale),
                "longitude" => format_number(s.longitude, 4, locale),
            })}</dd>
        </dl>
        {(!c.stage_reason.is_empty()).then(|| view! { <p class="notes"><strong>{tr!("city-field-stage-reason")}{tr!("label-separator")}</strong>{c.stage_reason.clone()}</p> })}
        {(!c.notes.is_empty()).then(|| view! { <p class="notes">{c.notes.clone()}</p> })}
    }
}

#[component]
fn Timeline(
    c: City,
    delegations: Vec<crate::delegations::DelegationSummary>,
    add: ServerAction<AddExchange>,
) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let items = c
        .exchanges
        .iter()
        .map(|e| {
            let link = e.delegation_id.map(|d| {
                let href = format!("/delegations/{d}");
                view! { " · "<a href=href>{tr!("exchange-open-delegation")}</a> }
            });
            view! {
                <li class=format!("exchange exchange-{}", e.kind.as_str())>
                    <strong>{format_day(e.happened_on, locale)}" · "{exchange_kind_name(e.kind)}</strong>" "{e.title.clone()}{link}
                    {(!e.notes.is_empty()).then(|| view! { <br /><span class="notes">{e.notes.clone()}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{tr!("cities-timeline")}</h2>
            {if c.exchanges.is_empty() {
                view! { <p class="muted">{tr!("cities-no-exchanges")}</p> }.into_any()
            } else {
                view! { <ul class="history timeline">{items}</ul> }.into_any()
            }}
            {c.editable.then(|| view! {
                <h3>{tr!("cities-add-exchange")}</h3>
                <FormError error />
                <ActionForm action=add node_ref=form attr:class="form form-wide">
                    <input type="hidden" name="id" value=c.summary.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="exchange_kind">{tr!("exchange-field-kind")}</label>
                            <select id="exchange_kind" name="exchange_kind">
                                {ExchangeKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{exchange_kind_name(k)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="delegation_id">{tr!("exchange-field-delegation")}</label>
                            <select id="delegation_id" name="delegation_id" aria-describedby="delegation_id-hint">
                                <option value="">{tr!("common-none")}</option>
                                {delegations.into_iter().map(|d| view! { <option value=d.id.to_string()>{d.title.clone()}</option> }).collect_view()}
                            </select>
                            <p class="hint" id="delegation_id-hint">{tr!("exchange-field-delegation-hint")}</p>
                            {move || field_message(error.get(), "delegation_id")}
                        </div>
                        <div class="field">
                            <label for="happened_on">{tr!("exchange-field-date")}</label>
                            <input id="happened_on" name="happened_on" type="date" />
                            {move || field_message(error.get(), "happened_on")}
                        </div>
                        <div class="field wide">
                            <label for="exchange_title">{tr!("exchange-field-title")}</label>
                            <input id="exchange_title" name="exchange_title" type="text" maxlength="200" />
                            {move || field_message(error.get(), "exchange_title")}
                        </div>
                        <div class="field wide">
                            <label for="exchange_notes">{tr!("exchange-field-notes")}</label>
                            <textarea id="exchange_notes" name="exchange_notes" rows="2"></textarea>
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("cities-add-exchange")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Contacts(c: City, add: ServerAction<AddContact>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let items = c
        .contacts
        .iter()
        .map(|p| {
            let details = [p.title.as_str(), p.email.as_str(), p.phone.as_str()]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            view! { <li><strong>{p.name.clone()}</strong>" "{with_aside(&details, &language_name(p.language))}</li> }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{tr!("cities-contacts")}</h2>
            <ul class="history">{items}</ul>
            {c.editable.then(|| view! {
                <FormError error />
                <ActionForm action=add node_ref=form attr:class="form form-wide">
                    <input type="hidden" name="id" value=c.summary.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="contact_name">{tr!("city-contact-name")}</label>
                            <input id="contact_name" name="contact_name" type="text" maxlength="200" required />
                            {move || field_message(error.get(), "contact_name")}
                        </div>
                        <div class="field">
                            <label for="contact_title">{tr!("city-contact-title")}</label>
                            <input id="contact_title" name="contact_title" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="contact_email">{tr!("field-email")}</label>
                            <input id="contact_email" name="contact_email" type="email" maxlength="254" />
                            {move || field_message(error.get(), "contact_email")}
                        </div>
                        <div class="field">
                            <label for="contact_phone">{tr!("city-contact-phone")}</label>
                            <input id="contact_phone" name="contact_phone" type="tel" maxlength="40" />
                        </div>
                        <div class="field">
                            <label for="contact_language">{tr!("city-contact-language")}</label>
                            <select id="contact_language" name="contact_language">
                                {Locale::ALL.iter().map(|l| view! { <option value=l.tag()>{language_name(*l)}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("cities-add-contact")}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The partner cities on a world map drawn on the server: Natural Earth's land outline
/// (`world::LAND`) and each city a dot at its coordinates, coloured by relation and linked to
/// its page. Plain SVG: it needs no JavaScript and no map server.
#[component]
fn WorldMap(cities: Vec<CitySummary>) -> impl IntoView {
    let locale = use_locale();
    let view_box = format!("0 0 {} {}", super::world::WIDTH, super::world::HEIGHT);
    let dots = cities
        .into_iter()
        .map(|c| {
            let (x, y) = super::map_point(c.latitude, c.longitude);
            let href = format!("/cities/{}", c.id);
            let class = format!("city-dot city-{}", c.kind.as_str());
            let label = with_aside(c.name(locale), &kind_name(c.kind));
            let (cx, cy) = (format!("{x:.1}"), format!("{y:.1}"));
            let (tx, ty) = (format!("{:.1}", x + 7.0), format!("{:.1}", y + 4.0));
            view! {
                <a href=href aria-label=label.clone()>
                    <title>{label.clone()}</title>
                    <circle class=class cx=cx cy=cy r="5" />
                    <text x=tx y=ty class="city-label">{c.name(locale).to_string()}</text>
                </a>
            }
        })
        .collect_view();
    let legend = CityKind::ALL
        .into_iter()
        .map(|k| {
            let class = format!("legend-dot city-{}", k.as_str());
            view! { <li><span class=class aria-hidden="true"></span>" "{kind_name(k)}</li> }
        })
        .collect_view();
    view! {
        <figure class="world-map" aria-labelledby="map-caption">
            <svg viewBox=view_box role="group" aria-labelledby="map-caption" preserveAspectRatio="xMidYMid meet">
                <rect class="sea" x="0" y="0" width="1000" height="500" />
                <path class="land" d=super::world::LAND />
                {dots}
            </svg>
            <figcaption id="map-caption">
                {tr!("cities-map")}
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
