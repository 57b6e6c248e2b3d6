//! The case list with its filters, count and pager, and the deadlines page.

use super::table::CasesTable;
use super::{status_name, type_name};
use crate::cases::api::list_cases;
use crate::cases::{CaseFilter, CasePage, CaseType};
use crate::domain::CaseStatus;
use crate::i18n::{format_number, use_locale};
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The list URL for a filter on another page.
fn list_href(f: &CaseFilter, page: i64) -> String {
    crate::shell::with_query("/cases", &f.to_query(page))
}

#[component]
pub fn CasesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || CaseFilter::from_query(|k| query.read().get(k));
    // A page of fifty cases: sent to the browser packed (see `codec`).
    let cases = crate::codec::resource(filter, list_cases);
    view! {
        <Title text=tr!("cases-title") />
        <h1>{move || tr!("cases-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match cases.await {
                    Ok(page) => {
                        let f = filter();
                        view! {
                            <CaseFilterForm filter=f.clone() />
                            <CaseResults page filter=f />
                        }.into_any()
                    }
                    Err(e) => page_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn CaseFilterForm(filter: CaseFilter) -> impl IntoView {
    let f = filter;
    view! {
        <form method="get" action="/cases" class="form-inline filters" role="search">
            {f.enterprise_id.map(|id| view! { <input type="hidden" name="enterprise_id" value=id.to_string() /> })}
            <div class="field">
                <label for="q">{tr!("cases-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default() aria-describedby="q-hint" />
                <p class="hint" id="q-hint">{tr!("cases-search-hint")}</p>
            </div>
            <div class="field">
                <label for="status">{tr!("case-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {CaseStatus::ALL.into_iter().map(|s| {
                        let selected = f.status.as_deref() == Some(s.as_str());
                        view! { <option value=s.as_str() selected=selected>{status_name(s)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="case_type">{tr!("case-type")}</label>
                <select id="case_type" name="case_type">
                    <option value="">{tr!("common-any")}</option>
                    {CaseType::ALL.into_iter().map(|t| {
                        let selected = f.case_type.as_deref() == Some(t.as_str());
                        view! { <option value=t.as_str() selected=selected>{type_name(t)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="due">{tr!("case-deadline")}</label>
                <select id="due" name="due">
                    <option value="">{tr!("common-any")}</option>
                    <option value="at_risk" selected=f.due.as_deref() == Some("at_risk")>{tr!("deadline-at-risk")}</option>
                    <option value="overdue" selected=f.due.as_deref() == Some("overdue")>{tr!("deadline-overdue")}</option>
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="mine" value="true" checked=f.mine />" "{tr!("cases-mine-only")}</label>
                <label><input type="checkbox" name="green_channel" value="true" checked=f.green_channel />" "{tr!("case-green-channel")}</label>
                <label><input type="checkbox" name="intake" value="true" checked=f.intake />" "{tr!("cases-filter-intake")}</label>
                <label><input type="checkbox" name="led" value="true" checked=f.led />" "{tr!("cases-led-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn CaseResults(page: CasePage, filter: CaseFilter) -> impl IntoView {
    let locale = use_locale();
    let total = page.total;
    let paging = crate::shell::Paging::of(page.page, page.per_page, page.items.len(), total);
    let prev = (page.page > 0).then(|| list_href(&filter, page.page - 1));
    let next = paging.has_next.then(|| list_href(&filter, page.page + 1));
    let export = format!("/cases/export.csv?{}", filter.to_query(0));
    let (from, to) = (format_number(paging.from as f64, 0, locale), format_number(paging.to as f64, 0, locale));
    let count = if paging.capped {
        let cap = format_number(crate::domain::COUNT_CAP as f64, 0, locale);
        tr!("cases-count-many", { "from" => from, "to" => to, "total" => cap })
    } else {
        tr!("cases-count", { "from" => from, "to" => to, "total" => format_number(total as f64, 0, locale) })
    };
    view! {
        <div class="page-header">
            <p class="muted" role="status">{count}</p>
            <a href=export download="cases.csv">{tr!("common-export-csv")}</a>
        </div>
        <CasesTable cases=page.items />
        <nav class="pager" aria-label=tr!("common-pages")>
            {prev.map(|href| view! { <a href=href rel="prev">{tr!("common-previous")}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{tr!("common-next")}</a> })}
        </nav>
    }
}

/// Cases at risk and overdue; a leader sees first the overdue cases of the enterprises they
/// are responsible for.
#[component]
pub fn DeadlinesPage() -> impl IntoView {
    let lists = crate::codec::resource(|| (), |_| crate::cases::api::read_deadlines());
    view! {
        <Title text=tr!("deadlines-title") />
        <h1>{move || tr!("deadlines-title")}</h1>
        <p class="hint">{move || tr!("deadlines-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match lists.await {
                    Ok(lists) => view! {
                        {lists.led.map(|led| view! {
                            <section class="panel panel-alert" aria-labelledby="led-heading">
                                <h2 id="led-heading">{tr!("deadlines-led")}</h2>
                                <CasesTable cases=led />
                            </section>
                        })}
                        <DeadlineSection id="overdue" page=lists.overdue />
                        <DeadlineSection id="at_risk" page=lists.at_risk />
                    }.into_any(),
                    Err(e) => page_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn DeadlineSection(id: &'static str, page: CasePage) -> impl IntoView {
    let heading = if id == "overdue" { tr!("deadlines-overdue") } else { tr!("deadlines-at-risk") };
    let count = tr!("deadlines-count", { "total" => page.total });
    let all = format!("/cases?due={id}");
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <div class="page-header">
                <h2 id=heading_id>{heading}</h2>
                <a href=all>{count}</a>
            </div>
            <CasesTable cases=page.items />
        </section>
    }
}
