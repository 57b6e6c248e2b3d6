//! Delegation pages: the list, registering a delegation, each delegation's page (its
//! itinerary with the clashes and language gaps found, members, status and history) and the
//! bookable resources.

use super::api::{
    delegation_history, delegation_statistics, get_delegation, gift_register, list_delegations, list_resources,
    mission_rules, AddGift, AddMember, AddOutcome, AddResource, ChangeStatus, CreateDelegation, RemoveItem,
    RemoveMember, SaveItem, SetMissionRules, UpdateDelegation,
};
use super::Resource as Bookable;
use super::{
    Activity, Clash, Count, Delegation, DelegationFilter, DelegationStatus, DelegationSummary, Direction, Gift,
    GiftDirection, Item, Member, OutcomeKind, ResourceKind, Rule, RuleBreach,
};
use crate::domain::{office_time, Country, Locale};
use crate::error::AppError;
use crate::i18n::{format_day, format_money, format_number, format_weekday, use_locale};
use crate::pickers::country_options;
use crate::shell::{field_message, join_list, language_name, page_error, reset_when, with_aside, FormError};
use leptos::prelude::*;
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

#[component]
pub fn DelegationPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateDelegation>::new();
    let add_item = ServerAction::<SaveItem>::new();
    let remove_item = ServerAction::<RemoveItem>::new();
    let add_member = ServerAction::<AddMember>::new();
    let remove_member = ServerAction::<RemoveMember>::new();
    let change = ServerAction::<ChangeStatus>::new();
    let add_gift = ServerAction::<AddGift>::new();
    let add_outcome = ServerAction::<AddOutcome>::new();
    let send = ServerAction::<super::api::SendProgramme>::new();
    let versions = move || {
        let v = [
            update.version().get(),
            add_item.version().get(),
            remove_item.version().get(),
            add_member.version().get(),
            remove_member.version().get(),
            change.version().get(),
            add_gift.version().get(),
            add_outcome.version().get(),
            send.version().get(),
        ];
        // Opening an item for a change reloads the page's data with it.
        let editing = query.read().get("edit");
        (id(), v, editing)
    };
    let delegation = crate::codec::resource(versions, |(id, ..)| get_delegation(id));
    let history = crate::codec::resource(versions, |(id, ..)| delegation_history(id));
    // A change saved: leave the edit form for the plain page.
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(_)) = add_item.value().get() {
            if query.read_untracked().get("edit").is_some() {
                navigate(&format!("/delegations/{}", id()), Default::default());
            }
        }
    });
    let resources = crate::codec::resource(|| (), |_| list_resources());
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
                        <BreachesPanel breaches=d.breaches.clone() />
                        <StatusPanel d=d.clone() change />
                        <ItineraryPanel d=d.clone() remove=remove_item />
                        {d.editable.then(|| {
                            // `?edit=<item>` opens that item in the form instead of a blank one.
                            let editing = query.read_untracked().get("edit").and_then(|e| e.parse::<i64>().ok())
                                .and_then(|e| d.items.iter().find(|i| i.id == e).cloned());
                            view! { <ItemPanel d=d.clone() resources=resources.clone() save=add_item editing /> }
                        })}
                        <MembersPanel d=d.clone() add=add_member remove=remove_member />
                        {d.editable.then(|| view! { <SendPanel d=d.clone() send /> })}
                        <GiftsPanel d=d.clone() add=add_gift />
                        <OutcomesPanel d=d.clone() add=add_outcome />
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
            <dt>{tr!("delegation-field-language")}</dt><dd>{language_name(d.language)}</dd>
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
            <strong>{kind_name(c.resource_kind)}" "{c.resource_name.clone()}</strong>{tr!("label-separator")}
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
                view! { <li>{tr!("delegation-language-gap", { "language" => language_name(g.language), "item" => what })}</li> }
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
                                <td>{editable.then(|| {
                                    let edit = format!("/delegations/{did}?edit={item_id}#add-item-heading");
                                    view! {
                                        <div class="actions">
                                            <a href=edit>{tr!("common-edit")}</a>
                                            <ActionForm action=remove attr:class="inline-form">
                                                <input type="hidden" name="id" value=did.to_string() />
                                                <input type="hidden" name="item_id" value=item_id.to_string() />
                                                <button type="submit" class="button-link">{tr!("common-remove")}</button>
                                            </ActionForm>
                                        </div>
                                    }
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
fn ItemPanel(
    d: Delegation,
    resources: Vec<Bookable>,
    save: ServerAction<SaveItem>,
    editing: Option<Item>,
) -> impl IntoView {
    let add = save;
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
                        let langs = languages_text(&r.languages);
                        let label = if langs.is_empty() { r.name.clone() } else { with_aside(&r.name, &langs) };
                        let checked = editing.as_ref().is_some_and(|i| i.resources.iter().any(|x| x.id == r.id));
                        view! { <label><input type="checkbox" name="resource_ids[]" value=r.id.to_string() checked=checked />" "{label}</label> }
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
    let e = editing.as_ref();
    let day = e.map(|i| office_time(i.starts_at).date_naive()).unwrap_or(d.starts_on).to_string();
    let starts = e.map(|i| hhmm(i.starts_at)).unwrap_or_default();
    let ends = e.map(|i| hhmm(i.ends_at)).unwrap_or_default();
    let activity = e.map(|i| i.activity).unwrap_or(Activity::Meeting);
    let title_zh = e.map(|i| i.title_zh.clone()).unwrap_or_default();
    let title_foreign = e.map(|i| i.title_foreign.clone()).unwrap_or_default();
    let venue_id = e.and_then(|i| i.venue_id);
    let participants = e.map(|i| i.participants.clone()).unwrap_or_default();
    let notes = e.map(|i| i.notes.clone()).unwrap_or_default();
    let item_id = e.map(|i| i.id);
    let heading = if editing.is_some() { tr!("itinerary-edit") } else { tr!("itinerary-add") };
    let button = if editing.is_some() { tr!("common-save") } else { tr!("itinerary-add-button") };
    let cancel = editing.is_some().then(|| {
        let href = format!("/delegations/{}", d.id);
        view! { <a href=href>{tr!("itinerary-edit-cancel")}</a> }
    });
    view! {
        <section class="panel" aria-labelledby="add-item-heading">
            <h2 id="add-item-heading">{heading}</h2>
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
                {item_id.map(|i| view! { <input type="hidden" name="item_id" value=i.to_string() /> })}
                <div class="form-grid">
                    <div class="field">
                        <label for="day">{tr!("item-field-day")}</label>
                        <input id="day" name="day" type="date" min=d.starts_on.to_string() max=d.ends_on.to_string()
                            value=day required />
                        {move || field_message(error.get(), "day")}
                    </div>
                    <div class="field">
                        <label for="starts">{tr!("item-field-starts")}</label>
                        <input id="starts" name="starts" type="time" value=starts required />
                        {move || field_message(error.get(), "starts")}
                    </div>
                    <div class="field">
                        <label for="ends">{tr!("item-field-ends")}</label>
                        <input id="ends" name="ends" type="time" value=ends required />
                        {move || field_message(error.get(), "ends")}
                    </div>
                    <div class="field">
                        <label for="activity">{tr!("item-field-activity")}</label>
                        <select id="activity" name="activity">
                            {Activity::ALL.iter().map(|a| view! { <option value=a.as_str() selected=*a == activity>{activity_name(*a)}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "activity")}
                    </div>
                    <div class="field">
                        <label for="title_zh">{tr!("item-field-title-zh")}</label>
                        <input id="title_zh" name="title_zh" type="text" maxlength="200" lang="zh-CN" value=title_zh required />
                        {move || field_message(error.get(), "title_zh")}
                    </div>
                    <div class="field">
                        <label for="title_foreign">{tr!("item-field-title-foreign", { "language" => language_name(d.language) })}</label>
                        <input id="title_foreign" name="title_foreign" type="text" maxlength="200" lang=d.language.tag() value=title_foreign />
                        {move || field_message(error.get(), "title_foreign")}
                    </div>
                    <div class="field">
                        <label for="venue_id">{tr!("item-field-venue")}</label>
                        <select id="venue_id" name="venue_id">
                            <option value="">{tr!("common-none")}</option>
                            {venues.into_iter().map(|v| view! { <option value=v.id.to_string() selected=venue_id == Some(v.id)>{v.name.clone()}</option> }).collect_view()}
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
                        <input id="participants" name="participants" type="text" maxlength="1000" value=participants />
                    </div>
                    <div class="field wide">
                        <label for="item_notes">{tr!("item-field-notes")}</label>
                        <textarea id="item_notes" name="item_notes" rows="2">{notes}</textarea>
                    </div>
                    {move || (!refused.get().is_empty()).then(|| view! {
                        <div class="field checkbox wide">
                            <label><input type="checkbox" id="accept_clashes" name="accept_clashes" value="true" />" "{tr!("itinerary-book-anyway")}</label>
                        </div>
                    })}
                </div>
                <div class="actions">
                    <button type="submit" class="button-primary">{button}</button>
                    {cancel}
                </div>
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
            <td>{language_name(m.language)}</td>
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
            <h2 id="members-heading">{with_aside(&tr!("delegation-members"), &d.members.len().to_string())}</h2>
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
                                {Locale::ALL.iter().map(|l| view! { <option value=l.tag() selected=*l == d.language>{language_name(*l)}</option> }).collect_view()}
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
    let retire = ServerAction::<super::api::RetireResource>::new();
    let resources = crate::codec::resource(move || (add.version().get(), retire.version().get()), |_| list_resources());
    let staff = crate::codec::resource(|| (), |_| super::api::staff_accounts());
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
                    Ok(list) => view! { <ResourceTable list retire /> }.into_any(),
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
                        <label><input type="checkbox" name="languages[]" value=l.tag() />" "{language_name(l)}</label>
                    }).collect_view()}
                    <p class="hint" id="languages-hint">{move || tr!("resource-field-languages-hint")}</p>
                    {move || field_message(error.get(), "languages")}
                </fieldset>
                <div class="field">
                    <label for="details">{move || tr!("resource-field-details")}</label>
                    <input id="details" name="details" type="text" maxlength="1000" />
                </div>
                <div class="field">
                    <label for="email">{move || tr!("resource-field-email")}</label>
                    <input id="email" name="email" type="email" maxlength="254" aria-describedby="email-hint" />
                    <p class="hint" id="email-hint">{move || tr!("resource-field-email-hint")}</p>
                    {move || field_message(error.get(), "email")}
                </div>
                <div class="field">
                    <label for="language">{move || tr!("resource-field-language")}</label>
                    <select id="language" name="language">
                        {Locale::ALL.iter().map(|l| view! { <option value=l.tag()>{language_name(*l)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="user_id">{move || tr!("resource-field-user")}</label>
                    <select id="user_id" name="user_id" aria-describedby="user_id-hint">
                        <option value="">{move || tr!("common-none")}</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                staff.await.unwrap_or_default().into_iter().map(|u| view! {
                                    <option value=u.id.to_string()>{u.display_name.clone()}</option>
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                    <p class="hint" id="user_id-hint">{move || tr!("resource-field-user-hint")}</p>
                    {move || field_message(error.get(), "user_id")}
                </div>
                <button type="submit" class="button-primary">{move || tr!("resources-add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ResourceTable(list: Vec<Bookable>, retire: ServerAction<super::api::RetireResource>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{tr!("resources-none")}</p> }.into_any();
    }
    let kind_label = tr!("resource-field-kind");
    let rows = list
        .into_iter()
        .map(|r| {
            let langs = languages_text(&r.languages);
            let contact =
                if r.email.is_empty() { String::new() } else { with_aside(&r.email, &language_name(r.language)) };
            view! {
                <tr>
                    <td>{kind_name(r.kind)}</td>
                    <td>{r.name.clone()}</td>
                    <td>{langs}</td>
                    <td>{r.details.clone()}</td>
                    <td>{contact}</td>
                    <td>
                        <ActionForm action=retire attr:class="inline-form">
                            <input type="hidden" name="resource_id" value=r.id.to_string() />
                            <button type="submit" class="button-link">{tr!("resource-retire")}</button>
                        </ActionForm>
                    </td>
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
                    <th scope="col">{tr!("resource-field-email")}</th>
                    <th scope="col"><span class="visually-hidden">{tr!("common-actions")}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn rule_text(b: &RuleBreach) -> String {
    let (limit, planned) = (b.limit, b.planned);
    match b.rule {
        Rule::Days => tr!("rule-breach-days", { "limit" => limit, "planned" => planned }),
        Rule::Countries => tr!("rule-breach-countries", { "limit" => limit, "planned" => planned }),
        Rule::Members => tr!("rule-breach-members", { "limit" => limit, "planned" => planned }),
    }
}

/// A mission abroad that breaks the office's rules: what it breaks, before a leader approves.
#[component]
fn BreachesPanel(breaches: Vec<RuleBreach>) -> impl IntoView {
    (!breaches.is_empty()).then(|| {
        view! {
            <div class="notice notice-warn" role="note" id="rule-breaches">
                <p><strong>{tr!("rule-breaches")}</strong></p>
                <ul>{breaches.iter().map(|b| view! { <li>{rule_text(b)}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

fn gift_direction_name(d: GiftDirection) -> String {
    match d {
        GiftDirection::Given => tr!("gift-direction-given"),
        GiftDirection::Received => tr!("gift-direction-received"),
    }
}

fn outcome_kind_name(k: OutcomeKind) -> String {
    match k {
        OutcomeKind::Agreement => tr!("outcome-kind-agreement"),
        OutcomeKind::Lead => tr!("outcome-kind-lead"),
        OutcomeKind::Other => tr!("outcome-kind-other"),
    }
}

#[component]
fn GiftTable(gifts: Vec<Gift>, #[prop(optional)] with_delegation: bool) -> impl IntoView {
    let locale = use_locale();
    let day_label = tr!("gift-field-given-on");
    let rows = gifts
        .into_iter()
        .map(|g| {
            let value = g.value_cny_cents.map(|v| format_money(v, "CNY", locale)).unwrap_or_default();
            let href = format!("/delegations/{}", g.delegation_id);
            view! {
                <tr>
                    <td>{format_day(g.given_on, locale)}</td>
                    <td>{gift_direction_name(g.direction)}</td>
                    <td>{g.description.clone()}</td>
                    <td class="num">{value}</td>
                    <td>{g.giver.clone()}</td>
                    <td>{g.receiver.clone()}</td>
                    <td>{g.disposition.clone()}</td>
                    {with_delegation.then(|| view! { <td><a href=href>{g.delegation_title.clone()}</a></td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table gifts">
                <thead><tr>
                    <th scope="col">{day_label}</th>
                    <th scope="col">{tr!("gift-field-direction")}</th>
                    <th scope="col">{tr!("gift-field-description")}</th>
                    <th scope="col">{tr!("gift-field-value")}</th>
                    <th scope="col">{tr!("gift-field-giver")}</th>
                    <th scope="col">{tr!("gift-field-receiver")}</th>
                    <th scope="col">{tr!("gift-field-disposition")}</th>
                    {with_delegation.then(|| view! { <th scope="col">{tr!("delegation-field-title")}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn GiftsPanel(d: Delegation, add: ServerAction<AddGift>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let list = if d.gifts.is_empty() {
        view! { <p class="muted">{tr!("gifts-none")}</p> }.into_any()
    } else {
        view! { <GiftTable gifts=d.gifts.clone() /> }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="gifts-heading">
            <h2 id="gifts-heading">{tr!("gifts-title")}</h2>
            {list}
            {d.editable.then(|| view! {
                <h3>{tr!("gifts-add")}</h3>
                <FormError error />
                <ActionForm action=add node_ref=form attr:class="form form-wide">
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="gift_direction">{tr!("gift-field-direction")}</label>
                            <select id="gift_direction" name="gift_direction">
                                {GiftDirection::ALL.iter().map(|g| view! { <option value=g.as_str()>{gift_direction_name(*g)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="given_on">{tr!("gift-field-given-on")}</label>
                            <input id="given_on" name="given_on" type="date" value=d.starts_on.to_string() required />
                            {move || field_message(error.get(), "given_on")}
                        </div>
                        <div class="field wide">
                            <label for="gift_description">{tr!("gift-field-description")}</label>
                            <input id="gift_description" name="gift_description" type="text" maxlength="500" required />
                            {move || field_message(error.get(), "gift_description")}
                        </div>
                        <div class="field">
                            <label for="value_cny">{tr!("gift-field-value")}</label>
                            <input id="value_cny" name="value_cny" type="text" inputmode="decimal" />
                            {move || field_message(error.get(), "value_cny")}
                        </div>
                        <div class="field">
                            <label for="giver">{tr!("gift-field-giver")}</label>
                            <input id="giver" name="giver" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="receiver">{tr!("gift-field-receiver")}</label>
                            <input id="receiver" name="receiver" type="text" maxlength="200" />
                        </div>
                        <div class="field wide">
                            <label for="disposition">{tr!("gift-field-disposition")}</label>
                            <input id="disposition" name="disposition" type="text" maxlength="500" aria-describedby="disposition-hint" />
                            <p class="hint" id="disposition-hint">{tr!("gift-field-disposition-hint")}</p>
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("gifts-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn OutcomesPanel(d: Delegation, add: ServerAction<AddOutcome>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let open = matches!(d.status, DelegationStatus::InProgress | DelegationStatus::Completed);
    (open || !d.outcomes.is_empty()).then(|| {
        let items = d
            .outcomes
            .iter()
            .map(|o| {
                let enterprise = o.enterprise_id.map(|e| {
                    let href = format!("/enterprises/{e}");
                    view! { " · "<a href=href>{o.enterprise_name.clone().unwrap_or_default()}</a> }
                });
                view! { <li><strong>{outcome_kind_name(o.kind)}</strong>" "{o.description.clone()}{enterprise}</li> }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">{tr!("outcomes-title")}</h2>
                <ul class="history outcomes">{items}</ul>
                {(open && d.editable).then(|| view! {
                    <FormError error />
                    <ActionForm action=add node_ref=form attr:class="form">
                        <input type="hidden" name="id" value=d.id.to_string() />
                        <div class="field">
                            <label for="outcome_kind">{tr!("outcome-field-kind")}</label>
                            <select id="outcome_kind" name="outcome_kind">
                                {OutcomeKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{outcome_kind_name(*k)}</option> }).collect_view()}
                            </select>
                            {move || field_message(error.get(), "outcome_kind")}
                        </div>
                        <div class="field">
                            <label for="outcome_description">{tr!("outcome-field-description")}</label>
                            <textarea id="outcome_description" name="outcome_description" rows="2" required></textarea>
                            {move || field_message(error.get(), "outcome_description")}
                        </div>
                        <div class="field">
                            <label for="credit_code">{tr!("outcome-field-credit-code")}</label>
                            <input id="credit_code" name="credit_code" type="text" maxlength="24" autocomplete="off" spellcheck="false" aria-describedby="credit_code-hint" />
                            <p class="hint" id="credit_code-hint">{tr!("outcome-field-credit-code-hint")}</p>
                            {move || field_message(error.get(), "credit_code")}
                        </div>
                        <button type="submit" class="button-secondary">{tr!("outcomes-add")}</button>
                    </ActionForm>
                })}
            </section>
        }
    })
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

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let year = year_from_query();
    let stats = crate::codec::resource(year, delegation_statistics);
    view! {
        <Title text=tr!("statistics-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("statistics-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match stats.await {
                    Err(e) => page_error(e),
                    Ok(s) => view! { <YearForm action="/delegations/statistics" year=s.year /> <StatisticsView s /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn StatisticsView(s: super::Statistics) -> impl IntoView {
    let locale = use_locale();
    let n = move |v: i64| format_number(v as f64, 0, locale);
    let headline_in =
        tr!("statistics-incoming", { "delegations" => s.incoming.delegations, "people" => s.incoming.people });
    let headline_out =
        tr!("statistics-outgoing", { "delegations" => s.outgoing.delegations, "people" => s.outgoing.people });
    let cells = move |c: Count| view! { <td class="num">{n(c.delegations)}</td><td class="num">{n(c.people)}</td> };
    let month_label = tr!("statistics-month");
    let months = s
        .months
        .iter()
        .enumerate()
        .map(|(i, (inc, out))| {
            let label = tr!("statistics-month-name", { "month" => i as i64 + 1 });
            view! { <tr><th scope="row">{label}</th>{cells(*inc)}{cells(*out)}</tr> }
        })
        .collect_view();
    let country_label = tr!("delegation-field-countries");
    let countries = s
        .countries
        .iter()
        .map(|(code, inc, out)| {
            let name = countries_text(std::slice::from_ref(code), locale);
            view! { <tr><th scope="row">{name}</th>{cells(*inc)}{cells(*out)}</tr> }
        })
        .collect_view();
    let head = move |first: String| {
        view! {
            <thead>
                <tr>
                    <th scope="col" rowspan="2">{first}</th>
                    <th scope="colgroup" colspan="2">{tr!("delegation-direction-incoming")}</th>
                    <th scope="colgroup" colspan="2">{tr!("delegation-direction-outgoing")}</th>
                </tr>
                <tr>
                    <th scope="col">{tr!("statistics-delegations")}</th>
                    <th scope="col">{tr!("statistics-people")}</th>
                    <th scope="col">{tr!("statistics-delegations")}</th>
                    <th scope="col">{tr!("statistics-people")}</th>
                </tr>
            </thead>
        }
    };
    view! {
        <div class="figures">
            <p class="figure" id="incoming-figure">{headline_in}</p>
            <p class="figure" id="outgoing-figure">{headline_out}</p>
        </div>
        <p class="hint">{tr!("statistics-hint")}</p>
        <h2>{tr!("statistics-by-month")}</h2>
        <div class="table-wrap"><table class="table statistics">{head(month_label)}<tbody>{months}</tbody></table></div>
        <h2>{tr!("statistics-by-country")}</h2>
        <div class="table-wrap"><table class="table statistics">{head(country_label)}<tbody>{countries}</tbody></table></div>
    }
}

#[component]
pub fn GiftRegisterPage() -> impl IntoView {
    let year = year_from_query();
    let gifts = crate::codec::resource(year, gift_register);
    view! {
        <Title text=tr!("gifts-register-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <div class="page-header">
            <h1>{move || tr!("gifts-register-title")}</h1>
            {move || {
                let href = format!("/delegations/gifts.csv?year={}", year());
                view! { <a href=href download="gifts.csv" rel="external">{tr!("common-export-csv")}</a> }
            }}
        </div>
        <YearForm action="/delegations/gifts" year=year() />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match gifts.await {
                    Err(e) => page_error(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{tr!("gifts-none")}</p> }.into_any(),
                    Ok(list) => view! { <GiftTable gifts=list with_delegation=true /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn RulesPage() -> impl IntoView {
    let save = ServerAction::<SetMissionRules>::new();
    let rules = crate::codec::resource(move || save.version().get(), |_| mission_rules());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let me = crate::shell::use_me().0;
    view! {
        <Title text=tr!("rules-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("rules-title")}</h1>
        <p class="hint">{move || tr!("rules-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let admin = matches!(me.await, Ok(Some(u)) if u.role == crate::domain::Role::Admin);
                match rules.await {
                    Err(e) => page_error(e),
                    Ok(r) if !admin => view! {
                        <dl class="facts">
                            <dt>{tr!("rules-max-days")}</dt><dd>{r.max_days}</dd>
                            <dt>{tr!("rules-max-countries")}</dt><dd>{r.max_countries}</dd>
                            <dt>{tr!("rules-max-members")}</dt><dd>{r.max_members}</dd>
                        </dl>
                    }.into_any(),
                    Ok(r) => view! {
                        <FormError error />
                        <ActionForm action=save attr:class="form">
                            <input type="hidden" name="version" value=r.version.to_string() />
                            <div class="field">
                                <label for="max_days">{tr!("rules-max-days")}</label>
                                <input id="max_days" name="max_days" type="number" min="1" max="365" value=r.max_days.to_string() required />
                                {move || field_message(error.get(), "max_days")}
                            </div>
                            <div class="field">
                                <label for="max_countries">{tr!("rules-max-countries")}</label>
                                <input id="max_countries" name="max_countries" type="number" min="1" max="50" value=r.max_countries.to_string() required />
                                {move || field_message(error.get(), "max_countries")}
                            </div>
                            <div class="field">
                                <label for="max_members">{tr!("rules-max-members")}</label>
                                <input id="max_members" name="max_members" type="number" min="1" max="200" value=r.max_members.to_string() required />
                                {move || field_message(error.get(), "max_members")}
                            </div>
                            <button type="submit" class="button-primary">{tr!("common-save")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let today = crate::shell::today();
    let filter = move || super::CalendarFilter::from_query(|k| query.read().get(k), today);
    let items = crate::codec::resource(filter, super::api::calendar);
    let resources = crate::codec::resource(|| (), |_| list_resources());
    let delegations = crate::codec::resource(|| (), |_| list_delegations(DelegationFilter::default()));
    view! {
        <Title text=tr!("agenda-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("agenda-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let resources = resources.await.unwrap_or_default();
                let delegations = delegations.await.unwrap_or_default();
                match items.await {
                    Err(e) => page_error(e),
                    Ok(items) => {
                        let f = filter();
                        view! {
                            <CalendarFilterForm f=f.clone() resources delegations />
                            <CalendarGrid f items today />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn CalendarFilterForm(
    f: super::CalendarFilter,
    resources: Vec<Bookable>,
    delegations: Vec<DelegationSummary>,
) -> impl IntoView {
    let view_name = |v: super::CalendarView| match v {
        super::CalendarView::Month => tr!("agenda-month"),
        super::CalendarView::Week => tr!("agenda-week"),
    };
    view! {
        <form method="get" action="/delegations/calendar" class="form-inline filters" role="search">
            <div class="field">
                <label for="view">{tr!("agenda-view")}</label>
                <select id="view" name="view">
                    {super::CalendarView::ALL.iter().map(|v| view! { <option value=v.as_str() selected=*v == f.view>{view_name(*v)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="date">{tr!("agenda-date")}</label>
                <input id="date" name="date" type="date" value=f.date.to_string() />
            </div>
            <div class="field">
                <label for="resource">{tr!("agenda-resource")}</label>
                <select id="resource" name="resource">
                    <option value="">{tr!("common-any")}</option>
                    {resources.into_iter().map(|r| {
                        let selected = f.resource_id == Some(r.id);
                        let label = format!("{} · {}", kind_name(r.kind), r.name);
                        view! { <option value=r.id.to_string() selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="delegation">{tr!("agenda-delegation")}</label>
                <select id="delegation" name="delegation">
                    <option value="">{tr!("common-any")}</option>
                    {delegations.into_iter().map(|d| {
                        let selected = f.delegation_id == Some(d.id);
                        view! { <option value=d.id.to_string() selected=selected>{d.title.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn CalendarGrid(f: super::CalendarFilter, items: Vec<super::CalendarItem>, today: chrono::NaiveDate) -> impl IntoView {
    use chrono::Datelike;
    let locale = use_locale();
    let (prev, next) = f.neighbours();
    let prev_href = format!("/delegations/calendar?{}", f.to_query(prev));
    let next_href = format!("/delegations/calendar?{}", f.to_query(next));
    let heading = match f.view {
        super::CalendarView::Month => tr!("agenda-month-of", { "month" => f.date.month(), "year" => f.date.year() }),
        super::CalendarView::Week => {
            let days = f.weeks();
            let (a, b) = (days[0][0], days[0][6]);
            format!("{} – {}", format_day(a, locale), format_day(b, locale))
        }
    };
    let monday = f.weeks()[0][0];
    let weekday_label = format_weekday(monday, locale).to_string();
    let other_weekdays = (1..7)
        .map(|i| view! { <th scope="col">{format_weekday(monday + chrono::Duration::days(i), locale)}</th> })
        .collect_view();
    let month = f.date.month();
    let in_month = move |d: chrono::NaiveDate| f.view == super::CalendarView::Week || d.month() == month;
    let rows = f
        .weeks()
        .into_iter()
        .map(|week| {
            let cells = week
                .into_iter()
                .map(|d| {
                    let day_items = items.iter().filter(|i| {
                        let start = office_time(i.starts_at).date_naive();
                        let end = office_time(i.ends_at - chrono::Duration::seconds(1)).date_naive();
                        start <= d && d <= end
                    });
                    let list = day_items
                        .map(|i| {
                            let href = format!("/delegations/{}", i.delegation_id);
                            let class = format!("calendar-item activity-{}", i.activity.as_str());
                            let title = format!("{} · {}", i.delegation_title, join_list(&i.resources));
                            view! {
                                <li class=class>
                                    <a href=href title=title>
                                        <span class="time">{hhmm(i.starts_at)}"–"{hhmm(i.ends_at)}</span>" "
                                        <span lang="zh-CN">{i.title_zh.clone()}</span>
                                    </a>
                                    <span class="muted">{i.delegation_title.clone()}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    let label =
                        if f.view == super::CalendarView::Month { d.day().to_string() } else { format_day(d, locale) };
                    view! {
                        <td class:outside=!in_month(d) class:today=d == today>
                            <span class="day-number">{label}</span>
                            <ul class="calendar-items">{list}</ul>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let class = format!("calendar calendar-{}", f.view.as_str());
    view! {
        <div class="page-header calendar-nav">
            <a href=prev_href rel="prev">{tr!("agenda-previous")}</a>
            <h2 id="calendar-heading">{heading}</h2>
            <a href=next_href rel="next">{tr!("agenda-next")}</a>
        </div>
        <div class="table-wrap">
            <table class=class aria-labelledby="calendar-heading">
                <thead><tr><th scope="col">{weekday_label}</th>{other_weekdays}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Send the officials, interpreters and drivers their part of the programme.
#[component]
fn SendPanel(d: Delegation, send: ServerAction<super::api::SendProgramme>) -> impl IntoView {
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    let sent = Signal::derive(move || match send.value().get() {
        Some(Ok(n)) => n,
        _ => 0,
    });
    view! {
        <section class="panel" aria-labelledby="send-heading">
            <h2 id="send-heading">{tr!("programme-send-title")}</h2>
            <p class="hint">{tr!("programme-send-hint")}</p>
            <FormError error />
            {move || (sent.get() > 0).then(|| view! {
                <div class="notice notice-ok" role="status" id="programme-sent"><p>{tr!("programme-sent", { "count" => sent.get() })}</p></div>
            })}
            <ActionForm action=send attr:class="form">
                <input type="hidden" name="id" value=d.id.to_string() />
                <button type="submit" class="button-secondary">{tr!("programme-send")}</button>
            </ActionForm>
        </section>
    }
}

/// The signed-in user's personal calendar feed: create it (its URL shown once), replace it,
/// or stop it.
#[component]
pub fn CalendarFeedPanel() -> impl IntoView {
    let create = ServerAction::<super::api::NewCalendarFeed>::new();
    let end = ServerAction::<super::api::EndCalendarFeed>::new();
    let has =
        crate::codec::resource(move || (create.version().get(), end.version().get()), |_| super::api::calendar_feed());
    let url = Signal::derive(move || create.value().get().and_then(Result::ok));
    view! {
        <section class="panel" aria-labelledby="feed-heading">
            <h2 id="feed-heading">{move || tr!("feed-title")}</h2>
            <p class="hint">{move || tr!("feed-hint")}</p>
            {move || url.get().map(|u| view! {
                <div class="notice notice-ok" role="status">
                    <p>{tr!("feed-created")}</p>
                    <p><code id="feed-url">{u}</code></p>
                </div>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let active = matches!(has.await, Ok(true));
                    view! {
                        <div class="actions">
                            <ActionForm action=create attr:class="inline-form">
                                <button type="submit" class="button-secondary">
                                    {if active { tr!("feed-replace") } else { tr!("feed-create") }}
                                </button>
                            </ActionForm>
                            {active.then(|| view! {
                                <ActionForm action=end attr:class="inline-form">
                                    <button type="submit" class="button-link">{tr!("feed-end")}</button>
                                </ActionForm>
                            })}
                        </div>
                    }
                })}
            </Transition>
        </section>
    }
}
