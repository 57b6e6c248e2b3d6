//! A city's page: its facts, the timeline of exchanges with the form to add one, its
//! counterparts, and the edit form.

use super::form::CityFields;
use super::{area_name, country_name, day_or_dash, exchange_kind_name, kind_name, stage_name};
use crate::domain::Locale;
use crate::friendship_cities::api::{get_city, AddContact, AddExchange, UpdateCity};
use crate::friendship_cities::{City, ExchangeKind};
use crate::i18n::{format_day, format_number, use_locale};
use crate::shell::{field_message, join_list, language_name, page_error, reset_when, with_aside, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

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
