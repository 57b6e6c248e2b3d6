//! Delegation pages: the list, registering a delegation, each delegation's page (its
//! itinerary with the clashes and language gaps found, members, status and history) and the
//! bookable resources.

use super::api::{
    delegation_history, get_delegation, list_delegations, list_resources, AddItem, AddMember, AddResource,
    ChangeStatus, CreateDelegation, RemoveItem, RemoveMember, UpdateDelegation,
};
use super::Resource as Bookable;
use super::{
    Activity, Clash, Delegation, DelegationFilter, DelegationStatus, DelegationSummary, Direction, Item, Member,
    ResourceKind,
};
use crate::domain::{office_time, Country, Locale};
use crate::error::AppError;
use crate::i18n::{format_day, format_weekday, use_locale};
use crate::shell::{field_message, page_error, reset_when, FormError};
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

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

fn activity_name(a: Activity) -> String {
    match a {
        Activity::Meeting => tr!("activity-meeting"),
        Activity::Banquet => tr!("activity-banquet"),
        Activity::SiteVisit => tr!("activity-site-visit"),
        Activity::Signing => tr!("activity-signing"),
        Activity::Transfer => tr!("activity-transfer"),
        Activity::FreeTime => tr!("activity-free-time"),
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
    codes
        .iter()
        .map(|c| Country::parse("c", c).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| c.clone()))
        .collect::<Vec<_>>()
        .join(", ")
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
    let list = Resource::new(filter, list_delegations);
    let me = crate::shell::use_me().0;
    view! {
        <Title text=tr!("delegations-title") />
        <div class="page-header">
            <h1>{move || tr!("delegations-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = matches!(me.await, Ok(Some(u)) if crate::auth::allows(u.role, crate::auth::Action::PlanDelegations));
                    may.then(|| view! {
                        <div class="actions">
                            <a class="button-secondary" href="/delegations/resources">{tr!("resources-title")}</a>
                            <a class="button-primary" href="/delegations/new">{tr!("delegations-new")}</a>
                        </div>
                    })
                })}
            </Transition>
        </div>
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
                <select id="countries" name="countries[]" multiple size="5" aria-describedby="countries-hint">
                    {Country::all_sorted(locale).iter().map(|&c| {
                        let selected = countries.iter().any(|x| x == c.code());
                        view! { <option value=c.code() selected=selected>{c.name(locale)}</option> }
                    }).collect_view()}
                </select>
                <p class="hint" id="countries-hint">{tr!("delegation-field-countries-hint")}</p>
                {move || field_message(error.get(), "countries")}
            </div>
            <div class="field">
                <label for="language">{tr!("delegation-field-language")}</label>
                <select id="language" name="language" aria-describedby="language-hint">
                    {Locale::ALL.iter().map(|l| view! {
                        <option value=l.tag() selected=*l == language>{l.endonym()}</option>
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

#[component]
pub fn DelegationPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateDelegation>::new();
    let add_item = ServerAction::<AddItem>::new();
    let remove_item = ServerAction::<RemoveItem>::new();
    let add_member = ServerAction::<AddMember>::new();
    let remove_member = ServerAction::<RemoveMember>::new();
    let change = ServerAction::<ChangeStatus>::new();
    let versions = move || {
        let v = [
            update.version().get(),
            add_item.version().get(),
            remove_item.version().get(),
            add_member.version().get(),
            remove_member.version().get(),
            change.version().get(),
        ];
        (id(), v)
    };
    let delegation = Resource::new(versions, |(id, _)| get_delegation(id));
    let history = Resource::new(versions, |(id, _)| delegation_history(id));
    let resources = Resource::new(|| (), |_| list_resources());
    view! {
        <Title text=tr!("delegations-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let resources = resources.await.unwrap_or_default();
                match delegation.await {
                    Err(e) => page_error(e),
                    Ok(d) => view! {
                        <DelegationView d=d.clone() />
                        <ClashesPanel d=d.clone() />
                        <StatusPanel d=d.clone() change />
                        <ItineraryPanel d=d.clone() remove=remove_item />
                        {d.editable.then(|| view! { <AddItemPanel d=d.clone() resources=resources.clone() add=add_item /> })}
                        <MembersPanel d=d.clone() add=add_member remove=remove_member />
                        {d.editable.then(|| {
                            let error = Signal::derive(move || update.value().get().and_then(Result::err));
                            view! {
                                <section class="panel" aria-labelledby="edit-heading">
                                    <details>
                                        <summary><h2 id="edit-heading">{tr!("delegation-edit")}</h2></summary>
                                        <FormError error />
                                        <ActionForm action=update attr:class="form form-wide">
                                            <input type="hidden" name="id" value=d.id.to_string() />
                                            <input type="hidden" name="version" value=d.version.to_string() />
                                            <DelegationFields current=Some(d.clone()) error />
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
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || tr!("users-history")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(page) => view! { <crate::admin::pages::AuditTable entries=page.entries /> }.into_any(),
                        Err(e) => page_error(e),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn DelegationView(d: Delegation) -> impl IntoView {
    let locale = use_locale();
    let dates = format!("{} – {}", format_day(d.starts_on, locale), format_day(d.ends_on, locale));
    let programme = format!("/delegations/{}/programme", d.id);
    let ics = format!("/delegations/{}/itinerary.ics", d.id);
    let ics_name = format!("delegation-{}.ics", d.id);
    view! {
        <div class="page-header">
            <h1>{d.title.clone()}" "{status_badge(d.status)}</h1>
            <div class="actions">
                <a class="button-secondary" href=programme rel="external">{tr!("delegation-print-programme")}</a>
                <a class="button-secondary" href=ics download=ics_name rel="external">{tr!("delegation-download-ics")}</a>
            </div>
        </div>
        <dl class="facts">
            <dt>{tr!("delegation-field-direction")}</dt><dd>{direction_name(d.direction)}</dd>
            <dt>{tr!("delegation-field-countries")}</dt><dd>{countries_text(&d.countries, locale)}</dd>
            <dt>{tr!("delegation-field-organisation")}</dt><dd>{d.organisation.clone()}</dd>
            <dt>{tr!("delegation-field-dates")}</dt><dd>{dates}</dd>
            <dt>{tr!("delegation-field-language")}</dt><dd>{d.language.endonym()}</dd>
            <dt>{tr!("delegation-field-officer")}</dt><dd>{d.officer_name.clone().unwrap_or_default()}</dd>
        </dl>
        {(!d.purpose.is_empty()).then(|| view! { <p class="notes">{d.purpose.clone()}</p> })}
        {(!d.override_reason.is_empty()).then(|| view! {
            <div class="notice notice-warn" role="note">
                <p><strong>{tr!("delegation-confirmed-over-clashes")}</strong>" "{d.override_reason.clone()}</p>
            </div>
        })}
    }
}

/// One clash as the officer reads it: the resource, this item, and the other item.
fn clash_line(c: &Clash, items: &[Item], locale: Locale) -> impl IntoView {
    let own = items
        .iter()
        .find(|i| i.id == c.item_id)
        .map(|i| format!("{} {}–{}", i.title_zh, hhmm(i.starts_at), hhmm(i.ends_at)));
    let other_when = format!(
        "{} {}–{}",
        format_day(office_time(c.other_starts_at).date_naive(), locale),
        hhmm(c.other_starts_at),
        hhmm(c.other_ends_at)
    );
    let href = format!("/delegations/{}", c.other_delegation_id);
    view! {
        <li>
            <strong>{kind_name(c.resource_kind)}" "{c.resource_name.clone()}</strong>": "
            {own.map(|o| view! { <span>{o}</span>" ↔ " })}
            <a href=href>{c.other_delegation_title.clone()}</a>" · "{c.other_title.clone()}" · "{other_when}
        </li>
    }
}

#[component]
fn ClashesPanel(d: Delegation) -> impl IntoView {
    let locale = use_locale();
    let gaps = d.language_gaps.clone();
    (!d.clashes.is_empty() || !gaps.is_empty()).then(|| {
        let clashes = d.clashes.iter().map(|c| clash_line(c, &d.items, locale)).collect_view();
        let gap_lines = gaps
            .iter()
            .map(|g| {
                let item = d.items.iter().find(|i| i.id == g.item_id);
                let what = item.map(|i| format!("{} {}–{}", i.title_zh, hhmm(i.starts_at), hhmm(i.ends_at))).unwrap_or_default();
                view! { <li>{tr!("delegation-language-gap", { "language" => g.language.endonym(), "item" => what })}</li> }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="clashes-heading" id="clashes">
                {(!d.clashes.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert">
                        <h2 id="clashes-heading">{tr!("delegation-clashes", { "count" => d.clashes.len() })}</h2>
                        <ul class="clashes">{clashes}</ul>
                    </div>
                })}
                {(!gaps.is_empty()).then(|| view! {
                    <div class="notice notice-warn" role="note">
                        <p><strong>{tr!("delegation-language-gaps")}</strong></p>
                        <ul class="language-gaps">{gap_lines}</ul>
                    </div>
                })}
            </section>
        }
    })
}

#[component]
fn StatusPanel(d: Delegation, change: ServerAction<ChangeStatus>) -> impl IntoView {
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    (!d.next_statuses.is_empty()).then(|| {
        let next = d.next_statuses.clone();
        view! {
            <section class="panel" aria-labelledby="status-heading">
                <h2 id="status-heading">{tr!("delegation-change-status")}</h2>
                <FormError error />
                <ActionForm action=change attr:class="form">
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <input type="hidden" name="version" value=d.version.to_string() />
                    <div class="field">
                        <label for="to_status">{tr!("delegation-new-status")}</label>
                        <select id="to_status" name="to_status">
                            {next.into_iter().map(|n| view! { <option value=n.as_str()>{status_name(n)}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "to_status")}
                    </div>
                    <div class="field">
                        <label for="reason">{tr!("delegation-reason")}</label>
                        <textarea id="reason" name="reason" rows="2" aria-describedby="reason-hint"></textarea>
                        <p class="hint" id="reason-hint">{tr!("delegation-reason-hint")}</p>
                        {move || field_message(error.get(), "reason")}
                    </div>
                    <button type="submit" class="button-primary">{tr!("delegation-change-status")}</button>
                </ActionForm>
            </section>
        }
    })
}

#[component]
fn ItineraryPanel(d: Delegation, remove: ServerAction<RemoveItem>) -> impl IntoView {
    let locale = use_locale();
    let mut days: Vec<chrono::NaiveDate> = d.items.iter().map(|i| office_time(i.starts_at).date_naive()).collect();
    days.dedup();
    let clashing: Vec<i64> = d.clashes.iter().map(|c| c.item_id).collect();
    let editable = d.editable;
    let did = d.id;
    let body = if d.items.is_empty() {
        view! { <p class="muted">{tr!("itinerary-none")}</p> }.into_any()
    } else {
        days.into_iter()
            .map(|day| {
                let heading = format!("{} {}", format_day(day, locale), format_weekday(day, locale));
                let time_label = tr!("item-field-time");
                let rows = d
                    .items
                    .iter()
                    .filter(|i| office_time(i.starts_at).date_naive() == day)
                    .map(|i| {
                        let venue = i.venue().map(|v| v.name.clone()).unwrap_or_default();
                        let others = i
                            .resources
                            .iter()
                            .filter(|r| r.kind != ResourceKind::Venue)
                            .map(|r| format!("{} {}", kind_name(r.kind), r.name))
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let clash = clashing.contains(&i.id);
                        let item_id = i.id;
                        view! {
                            <tr class:clash=clash>
                                <td class="time">{hhmm(i.starts_at)}"–"{hhmm(i.ends_at)}</td>
                                <td>{activity_name(i.activity)}</td>
                                <td><span lang="zh-CN">{i.title_zh.clone()}</span>
                                    {(!i.title_foreign.is_empty()).then(|| view! { <br /><span class="muted">{i.title_foreign.clone()}</span> })}</td>
                                <td>{venue}</td>
                                <td>{others}</td>
                                <td>{editable.then(|| view! {
                                    <ActionForm action=remove attr:class="inline-form">
                                        <input type="hidden" name="id" value=did.to_string() />
                                        <input type="hidden" name="item_id" value=item_id.to_string() />
                                        <button type="submit" class="button-link">{tr!("common-remove")}</button>
                                    </ActionForm>
                                })}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <h3>{heading}</h3>
                    <div class="table-wrap">
                        <table class="table itinerary">
                            <thead><tr>
                                <th scope="col">{time_label}</th>
                                <th scope="col">{tr!("item-field-activity")}</th>
                                <th scope="col">{tr!("item-field-title")}</th>
                                <th scope="col">{tr!("item-field-venue")}</th>
                                <th scope="col">{tr!("item-field-resources")}</th>
                                <th scope="col"><span class="visually-hidden">{tr!("common-actions")}</span></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="itinerary-heading">
            <h2 id="itinerary-heading">{tr!("itinerary-title")}</h2>
            {body}
        </section>
    }
}

#[component]
fn AddItemPanel(d: Delegation, resources: Vec<Bookable>, add: ServerAction<AddItem>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let refused: Signal<Vec<Clash>> = Signal::derive(move || match add.value().get() {
        Some(Err(AppError::BookingClashes(c))) => c,
        _ => Vec::new(),
    });
    let booked_over = Signal::derive(move || match add.value().get() {
        Some(Ok(saved)) => saved.clashes.len(),
        _ => 0,
    });
    let locale = use_locale();
    let venues: Vec<Bookable> =
        resources.iter().filter(|r| r.kind == ResourceKind::Venue).cloned().collect::<Vec<Bookable>>();
    let group = |kind: ResourceKind| {
        let list: Vec<Bookable> = resources.iter().filter(|r| r.kind == kind).cloned().collect();
        (!list.is_empty()).then(|| {
            view! {
                <fieldset class="field checkbox">
                    <legend>{kind_name(kind)}</legend>
                    {list.into_iter().map(|r| {
                        let langs = r.languages.iter().map(|l| l.endonym()).collect::<Vec<_>>().join(", ");
                        let label = if langs.is_empty() { r.name.clone() } else { format!("{} ({langs})", r.name) };
                        view! { <label><input type="checkbox" name="resource_ids[]" value=r.id.to_string() />" "{label}</label> }
                    }).collect_view()}
                </fieldset>
            }
        })
    };
    let (interpreters, officials, vehicles) =
        (group(ResourceKind::Interpreter), group(ResourceKind::Official), group(ResourceKind::Vehicle));
    let items = d.items.clone();
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    view! {
        <section class="panel" aria-labelledby="add-item-heading">
            <h2 id="add-item-heading">{tr!("itinerary-add")}</h2>
            <FormError error />
            {move || {
                let c = refused.get();
                (!c.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert" id="refused-clashes">
                        <p>{tr!("itinerary-clash-refused")}</p>
                        <ul class="clashes">{c.iter().map(|c| clash_line(c, &items, locale)).collect_view()}</ul>
                    </div>
                })
            }}
            {move || (booked_over.get() > 0).then(|| view! {
                <div class="notice notice-warn" role="status"><p>{tr!("itinerary-booked-over-clashes", { "count" => booked_over.get() })}</p></div>
            })}
            <ActionForm action=add node_ref=form attr:class="form form-wide">
                <input type="hidden" name="id" value=d.id.to_string() />
                <div class="form-grid">
                    <div class="field">
                        <label for="day">{tr!("item-field-day")}</label>
                        <input id="day" name="day" type="date" min=d.starts_on.to_string() max=d.ends_on.to_string()
                            value=d.starts_on.to_string() required />
                        {move || field_message(error.get(), "day")}
                    </div>
                    <div class="field">
                        <label for="starts">{tr!("item-field-starts")}</label>
                        <input id="starts" name="starts" type="time" required />
                        {move || field_message(error.get(), "starts")}
                    </div>
                    <div class="field">
                        <label for="ends">{tr!("item-field-ends")}</label>
                        <input id="ends" name="ends" type="time" required />
                        {move || field_message(error.get(), "ends")}
                    </div>
                    <div class="field">
                        <label for="activity">{tr!("item-field-activity")}</label>
                        <select id="activity" name="activity">
                            {Activity::ALL.iter().map(|a| view! { <option value=a.as_str()>{activity_name(*a)}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "activity")}
                    </div>
                    <div class="field">
                        <label for="title_zh">{tr!("item-field-title-zh")}</label>
                        <input id="title_zh" name="title_zh" type="text" maxlength="200" lang="zh-CN" required />
                        {move || field_message(error.get(), "title_zh")}
                    </div>
                    <div class="field">
                        <label for="title_foreign">{tr!("item-field-title-foreign", { "language" => d.language.endonym() })}</label>
                        <input id="title_foreign" name="title_foreign" type="text" maxlength="200" lang=d.language.tag() />
                        {move || field_message(error.get(), "title_foreign")}
                    </div>
                    <div class="field">
                        <label for="venue_id">{tr!("item-field-venue")}</label>
                        <select id="venue_id" name="venue_id">
                            <option value="">{tr!("common-none")}</option>
                            {venues.into_iter().map(|v| view! { <option value=v.id.to_string()>{v.name.clone()}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "venue_id")}
                    </div>
                    <div class="field wide">
                        {interpreters}
                        {officials}
                        {vehicles}
                        {move || field_message(error.get(), "resource_ids")}
                    </div>
                    <div class="field wide">
                        <label for="participants">{tr!("item-field-participants")}</label>
                        <input id="participants" name="participants" type="text" maxlength="1000" />
                    </div>
                    <div class="field wide">
                        <label for="item_notes">{tr!("item-field-notes")}</label>
                        <textarea id="item_notes" name="item_notes" rows="2"></textarea>
                    </div>
                    {move || (!refused.get().is_empty()).then(|| view! {
                        <div class="field checkbox wide">
                            <label><input type="checkbox" id="accept_clashes" name="accept_clashes" value="true" />" "{tr!("itinerary-book-anyway")}</label>
                        </div>
                    })}
                </div>
                <button type="submit" class="button-primary">{tr!("itinerary-add-button")}</button>
            </ActionForm>
        </section>
    }
}

fn member_row(m: Member, did: i64, editable: bool, remove: ServerAction<RemoveMember>) -> impl IntoView {
    let masked = m.passport_masked;
    view! {
        <tr>
            <td>{m.passport_name.clone()}</td>
            <td lang="zh-CN">{m.chinese_name.clone()}</td>
            <td>{m.title.clone()}{(!m.organisation.is_empty()).then(|| format!(", {}", m.organisation))}</td>
            <td>{m.language.endonym()}</td>
            <td>{m.dietary.clone()}</td>
            <td><code class:masked=masked>{m.passport_number.clone()}</code></td>
            <td>{editable.then(|| view! {
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="id" value=did.to_string() />
                    <input type="hidden" name="member_id" value=m.id.to_string() />
                    <button type="submit" class="button-link">{tr!("common-remove")}</button>
                </ActionForm>
            })}</td>
        </tr>
    }
}

#[component]
fn MembersPanel(d: Delegation, add: ServerAction<AddMember>, remove: ServerAction<RemoveMember>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let editable = d.editable;
    let did = d.id;
    let name_label = tr!("member-field-passport-name");
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let table = (!d.members.is_empty()).then(|| {
        let rows = d.members.clone().into_iter().map(|m| member_row(m, did, editable, remove)).collect_view();
        view! {
            <div class="table-wrap">
                <table class="table members">
                    <thead><tr>
                        <th scope="col">{name_label}</th>
                        <th scope="col">{tr!("member-field-chinese-name")}</th>
                        <th scope="col">{tr!("member-field-title")}</th>
                        <th scope="col">{tr!("member-field-language")}</th>
                        <th scope="col">{tr!("member-field-dietary")}</th>
                        <th scope="col">{tr!("member-field-passport-number")}</th>
                        <th scope="col"><span class="visually-hidden">{tr!("common-actions")}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section class="panel" aria-labelledby="members-heading">
            <h2 id="members-heading">{tr!("delegation-members")}" ("{d.members.len()}")"</h2>
            {table}
            {editable.then(|| view! {
                <h3>{tr!("member-add")}</h3>
                <FormError error />
                <ActionForm action=add node_ref=form attr:class="form form-wide">
                    <input type="hidden" name="id" value=did.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="passport_name">{tr!("member-field-passport-name")}</label>
                            <input id="passport_name" name="passport_name" type="text" maxlength="200" required autocomplete="off" />
                            {move || field_message(error.get(), "passport_name")}
                        </div>
                        <div class="field">
                            <label for="chinese_name">{tr!("member-field-chinese-name")}</label>
                            <input id="chinese_name" name="chinese_name" type="text" maxlength="100" lang="zh-CN" />
                            {move || field_message(error.get(), "chinese_name")}
                        </div>
                        <div class="field">
                            <label for="member_title">{tr!("member-field-title")}</label>
                            <input id="member_title" name="member_title" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="member_organisation">{tr!("member-field-organisation")}</label>
                            <input id="member_organisation" name="member_organisation" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="member_language">{tr!("member-field-language")}</label>
                            <select id="member_language" name="member_language">
                                {Locale::ALL.iter().map(|l| view! { <option value=l.tag() selected=*l == d.language>{l.endonym()}</option> }).collect_view()}
                            </select>
                            {move || field_message(error.get(), "member_language")}
                        </div>
                        <div class="field">
                            <label for="dietary">{tr!("member-field-dietary")}</label>
                            <input id="dietary" name="dietary" type="text" maxlength="300" />
                        </div>
                        <div class="field">
                            <label for="passport_number">{tr!("member-field-passport-number")}</label>
                            <input id="passport_number" name="passport_number" type="text" maxlength="24" autocomplete="off" spellcheck="false" />
                            {move || field_message(error.get(), "passport_number")}
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("member-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn ResourcesPage() -> impl IntoView {
    let add = ServerAction::<AddResource>::new();
    let resources = Resource::new(move || add.version().get(), |_| list_resources());
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    view! {
        <Title text=tr!("resources-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("resources-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match resources.await {
                    Err(e) => page_error(e),
                    Ok(list) => view! { <ResourceTable list /> }.into_any(),
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="add-resource-heading">
            <h2 id="add-resource-heading">{move || tr!("resources-add")}</h2>
            <FormError error />
            <ActionForm action=add node_ref=form attr:class="form">
                <div class="field">
                    <label for="kind">{move || tr!("resource-field-kind")}</label>
                    <select id="kind" name="kind">
                        {ResourceKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{move || kind_name(*k)}</option> }).collect_view()}
                    </select>
                    {move || field_message(error.get(), "kind")}
                </div>
                <div class="field">
                    <label for="name">{move || tr!("resource-field-name")}</label>
                    <input id="name" name="name" type="text" maxlength="200" required />
                    {move || field_message(error.get(), "name")}
                </div>
                <fieldset class="field checkbox" aria-describedby="languages-hint">
                    <legend>{move || tr!("resource-field-languages")}</legend>
                    {[Locale::En, Locale::Fr].into_iter().map(|l| view! {
                        <label><input type="checkbox" name="languages[]" value=l.tag() />" "{l.endonym()}</label>
                    }).collect_view()}
                    <p class="hint" id="languages-hint">{move || tr!("resource-field-languages-hint")}</p>
                    {move || field_message(error.get(), "languages")}
                </fieldset>
                <div class="field">
                    <label for="details">{move || tr!("resource-field-details")}</label>
                    <input id="details" name="details" type="text" maxlength="1000" />
                </div>
                <button type="submit" class="button-primary">{move || tr!("resources-add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ResourceTable(list: Vec<Bookable>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{tr!("resources-none")}</p> }.into_any();
    }
    let kind_label = tr!("resource-field-kind");
    let rows = list
        .into_iter()
        .map(|r| {
            let langs = r.languages.iter().map(|l| l.endonym()).collect::<Vec<_>>().join(", ");
            view! {
                <tr>
                    <td>{kind_name(r.kind)}</td>
                    <td>{r.name.clone()}</td>
                    <td>{langs}</td>
                    <td>{r.details.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{kind_label}</th>
                    <th scope="col">{tr!("resource-field-name")}</th>
                    <th scope="col">{tr!("resource-field-languages")}</th>
                    <th scope="col">{tr!("resource-field-details")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
