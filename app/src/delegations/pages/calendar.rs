//! The calendar of itinerary items across delegations (a month or a week, for one resource
//! or one delegation), and the signed-in user's personal calendar feed.

use super::{hhmm, kind_name};
use crate::delegations::api::{
    calendar, calendar_feed, list_delegations, list_resources, EndCalendarFeed, NewCalendarFeed,
};
use crate::delegations::Resource as Bookable;
use crate::delegations::{CalendarFilter, CalendarItem, CalendarView, DelegationFilter, DelegationSummary};
use crate::domain::office_time;
use crate::i18n::{format_day, format_weekday, use_locale};
use crate::shell::{join_list, page_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let today = crate::shell::today();
    let filter = move || CalendarFilter::from_query(|k| query.read().get(k), today);
    let items = crate::codec::resource(filter, calendar);
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
    f: CalendarFilter,
    resources: Vec<Bookable>,
    delegations: Vec<DelegationSummary>,
) -> impl IntoView {
    let view_name = |v: CalendarView| match v {
        CalendarView::Month => tr!("agenda-month"),
        CalendarView::Week => tr!("agenda-week"),
    };
    view! {
        <form method="get" action="/delegations/calendar" class="form-inline filters" role="search">
            <div class="field">
                <label for="view">{tr!("agenda-view")}</label>
                <select id="view" name="view">
                    {CalendarView::ALL.iter().map(|v| view! { <option value=v.as_str() selected=*v == f.view>{view_name(*v)}</option> }).collect_view()}
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
fn CalendarGrid(f: CalendarFilter, items: Vec<CalendarItem>, today: chrono::NaiveDate) -> impl IntoView {
    use chrono::Datelike;
    let locale = use_locale();
    let (prev, next) = f.neighbours();
    let prev_href = format!("/delegations/calendar?{}", f.to_query(prev));
    let next_href = format!("/delegations/calendar?{}", f.to_query(next));
    let heading = match f.view {
        CalendarView::Month => tr!("agenda-month-of", { "month" => f.date.month(), "year" => f.date.year() }),
        CalendarView::Week => {
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
    let in_month = move |d: chrono::NaiveDate| f.view == CalendarView::Week || d.month() == month;
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
                    let label = if f.view == CalendarView::Month { d.day().to_string() } else { format_day(d, locale) };
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

/// The signed-in user's personal calendar feed: create it (its URL shown once), replace it,
/// or stop it.
#[component]
pub fn CalendarFeedPanel() -> impl IntoView {
    let create = ServerAction::<NewCalendarFeed>::new();
    let end = ServerAction::<EndCalendarFeed>::new();
    let has = crate::codec::resource(move || (create.version().get(), end.version().get()), |_| calendar_feed());
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
