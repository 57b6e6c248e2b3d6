//! The promotion events' pages: the list with what each event produced, recording an event,
//! and each event's page with its figures, its projects and, for those who manage projects,
//! the form that corrects it.

use super::api::{get_event, list_events, RecordEvent, UpdateEvent};
use super::{EventKind, EventSummary, Produced, PromotionEvent};
use crate::domain::Locale;
use crate::enterprises::api::{list_industry_chains, list_leaders};
use crate::enterprises::Officer;
use crate::error::AppError;
use crate::i18n::{format_day, use_locale};
use crate::projects::counties::list_counties;
use crate::projects::pages::{project_table, yi};
use crate::shell::{field_message, page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub fn kind_name(k: EventKind) -> String {
    match k {
        EventKind::TradeFair => tr!("event-kind-trade-fair"),
        EventKind::Campaign => tr!("event-kind-campaign"),
        EventKind::Roadshow => tr!("event-kind-roadshow"),
        EventKind::Forum => tr!("event-kind-forum"),
        EventKind::LeaderVisit => tr!("event-kind-leader-visit"),
    }
}

/// The event's days: one day, or the first and the last.
fn days(e: &EventSummary, locale: Locale) -> String {
    if e.starts_on == e.ends_on {
        format_day(e.starts_on, locale)
    } else {
        format!("{} – {}", format_day(e.starts_on, locale), format_day(e.ends_on, locale))
    }
}

#[component]
pub fn EventsPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.trim().parse::<i32>().ok());
    let events = crate::codec::resource(year, list_events);
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("events-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <div class="page-header">
            <h1>{move || tr!("events-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::ManageProjects).await;
                    may.then(|| view! { <a class="button-primary" href="/projects/events/new">{tr!("events-new")}</a> })
                })}
            </Transition>
        </div>
        <p class="hint">{move || tr!("events-produced-hint")}</p>
        <form method="get" action="/projects/events" class="form-inline filters" role="search">
            <div class="field">
                <label for="year">{move || tr!("field-year")}</label>
                <input id="year" name="year" type="number" min="2000" max="2100" value=move || year().map(|y| y.to_string()) />
            </div>
            <button type="submit" class="button-secondary">{move || tr!("audit-filter")}</button>
        </form>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match events.await {
                    Err(e) => page_error(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{tr!("events-none")}</p> }.into_any(),
                    Ok(list) => {
                        // Without a year, the latest only: say so when there may be more.
                        let more = (year().is_none() && list.len() == super::LATEST)
                            .then(|| view! { <p class="hint">{tr!("events-latest-only", { "count" => super::LATEST })}</p> });
                        view! { {events_table(&list, use_locale())} {more} }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn events_table(list: &[EventSummary], locale: Locale) -> AnyView {
    // Read before the view: see `projects::pages::list::headings`.
    let labels = [
        tr!("event-field-name"),
        tr!("event-field-kind"),
        tr!("event-field-days"),
        tr!("event-field-place"),
        tr!("events-signed"),
        tr!("project-field-total-investment"),
        tr!("events-started"),
        tr!("events-completed"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let mut kinds = crate::i18n::Labels::new();
    let rows = list
        .iter()
        .map(|e| {
            let p = e.produced;
            let kind = kinds.get(e.kind, kind_name);
            view! {
                <tr>
                    <td><a href=format!("/projects/events/{}", e.id)>{e.name.clone()}</a></td>
                    <td>{kind}</td>
                    <td>{days(e, locale)}</td>
                    <td>{e.place.clone()}</td>
                    <td class="num">{p.signed}</td>
                    <td class="num">{yi(p.investment, locale)}</td>
                    <td class="num">{p.started}</td>
                    <td class="num">{p.completed}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table events">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn NewEventPage() -> impl IntoView {
    let record = ServerAction::<RecordEvent>::new();
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let me = crate::shell::use_me();
    let error = Signal::derive(move || record.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("events-new") />
        <p class="breadcrumb"><a href="/projects/events">{move || tr!("events-title")}</a></p>
        <h1>{move || tr!("events-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::ManageProjects).await;
                match leaders.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(leaders) => view! {
                        <FormError error />
                        <ActionForm action=record attr:class="form form-wide">
                            <div class="form-grid">{event_fields(None, leaders, error)}</div>
                            <button type="submit" class="button-primary">{tr!("events-record")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The event's fields, empty or as `e` has them.
fn event_fields(e: Option<&PromotionEvent>, leaders: Vec<Officer>, error: Signal<Option<AppError>>) -> impl IntoView {
    let kind = e.map(|e| e.summary.kind);
    let text = |f: fn(&PromotionEvent) -> String| e.map(f).unwrap_or_default();
    let leader = e.and_then(|e| e.details.leader_id);
    view! {
        <div class="field">
            <label for="kind">{tr!("event-field-kind")}</label>
            <select id="kind" name="kind">
                {EventKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str() selected=kind == Some(k)>{kind_name(k)}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "kind")}
        </div>
        <div class="field wide">
            <label for="name">{tr!("event-field-name")}</label>
            <input id="name" name="name" type="text" maxlength="200" required value=text(|e| e.summary.name.clone()) />
            {move || field_message(error.get(), "name")}
        </div>
        <div class="field">
            <label for="starts_on">{tr!("event-field-starts-on")}</label>
            <input id="starts_on" name="starts_on" type="date" required value=text(|e| e.summary.starts_on.to_string()) />
            {move || field_message(error.get(), "starts_on")}
        </div>
        <div class="field">
            <label for="ends_on">{tr!("event-field-ends-on")}</label>
            <input id="ends_on" name="ends_on" type="date" aria-describedby="ends_on-hint" value=text(|e| e.summary.ends_on.to_string()) />
            <p class="hint" id="ends_on-hint">{tr!("event-field-ends-on-hint")}</p>
            {move || field_message(error.get(), "ends_on")}
        </div>
        <div class="field">
            <label for="place">{tr!("event-field-place")}</label>
            <input id="place" name="place" type="text" maxlength="200" value=text(|e| e.summary.place.clone()) />
            {move || field_message(error.get(), "place")}
        </div>
        <div class="field">
            <label for="organiser">{tr!("event-field-organiser")}</label>
            <input id="organiser" name="organiser" type="text" maxlength="200" value=text(|e| e.details.organiser.clone()) />
            {move || field_message(error.get(), "organiser")}
        </div>
        <div class="field">
            <label for="leader_id">{tr!("event-field-leader")}</label>
            <select id="leader_id" name="leader_id">
                <option value="">{tr!("project-no-leader")}</option>
                {leaders.into_iter().map(|l| view! {
                    <option value=l.id.to_string() selected=leader == Some(l.id)>{l.display_name.clone()}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "leader_id")}
        </div>
        <div class="field wide">
            <label for="notes">{tr!("field-notes")}</label>
            <textarea id="notes" name="notes" rows="3">{text(|e| e.details.notes.clone())}</textarea>
            {move || field_message(error.get(), "notes")}
        </div>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateEvent>::new();
    let event = crate::codec::resource(move || (id(), update.version().get()), |(id, _)| get_event(id));
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let counties = crate::codec::resource(|| (), |_| list_counties());
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let saved = Signal::derive(move || matches!(update.value().get(), Some(Ok(()))));
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("events-title") />
        <p class="breadcrumb"><a href="/projects/events">{move || tr!("events-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let chains = chains.await.unwrap_or_default();
                let counties = counties.await.unwrap_or_default();
                let leaders = leaders.await.unwrap_or_default();
                match event.await {
                    Err(e) => page_error(e),
                    Ok(e) => view! {
                        {event_view(&e, locale)}
                        <Saved show=saved />
                        <section class="panel" aria-labelledby="event-projects">
                            <h2 id="event-projects">{tr!("event-projects-heading")}</h2>
                            {if e.projects.is_empty() {
                                view! { <p class="muted">{tr!("projects-none")}</p> }.into_any()
                            } else {
                                project_table(&e.projects, &chains, &counties, locale).into_any()
                            }}
                        </section>
                        {e.editable.then(|| view! {
                            <details class="panel">
                                <summary>{tr!("events-correct")}</summary>
                                <FormError error />
                                <ActionForm action=update attr:class="form form-wide">
                                    <input type="hidden" name="id" value=e.summary.id.to_string() />
                                    <input type="hidden" name="version" value=e.details.version.to_string() />
                                    <div class="form-grid">{event_fields(Some(&e), leaders, error)}</div>
                                    <button type="submit" class="button-primary">{tr!("common-save")}</button>
                                </ActionForm>
                            </details>
                        })}
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What the event produced, as a sentence: its signings, their investment, and how many
/// started and completed.
pub fn produced_text(p: Produced, locale: Locale) -> String {
    tr!("event-produced", {
        "signed" => p.signed,
        "amount" => yi(p.investment, locale),
        "started" => p.started,
        "completed" => p.completed,
    })
}

fn event_view(e: &PromotionEvent, locale: Locale) -> impl IntoView {
    let s = &e.summary;
    let leader = e.details.leader_name.clone().unwrap_or_else(|| "—".into());
    view! {
        <h1>{s.name.clone()}</h1>
        <dl class="facts">
            <dt>{tr!("event-field-kind")}</dt><dd>{kind_name(s.kind)}</dd>
            <dt>{tr!("event-field-days")}</dt><dd>{days(s, locale)}</dd>
            <dt>{tr!("event-field-place")}</dt><dd>{s.place.clone()}</dd>
            <dt>{tr!("event-field-organiser")}</dt><dd>{e.details.organiser.clone()}</dd>
            <dt>{tr!("event-field-leader")}</dt><dd>{leader}</dd>
        </dl>
        {(!e.details.notes.is_empty()).then(|| view! { <p class="notes">{e.details.notes.clone()}</p> })}
        <div class="notice" role="status">
            <p class="figure">{produced_text(s.produced, locale)}</p>
            <p class="hint">{tr!("events-produced-hint")}</p>
        </div>
    }
}
