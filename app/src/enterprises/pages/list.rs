//! The register's list: the filter form, one page of enterprises with its count, the pager
//! and the CSV export link.

use super::{chain_name, country_name, lifecycle_name};
use crate::domain::Locale;
use crate::enterprises::api::{list_enterprises, list_industry_chains, list_officers};
use crate::enterprises::{EnterpriseFilter, EnterpriseSummary, IndustryChain, Lifecycle, Officer};
use crate::i18n::{format_number, use_locale, Labels};
use crate::pickers::{country_options, options_html};
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn filter_from_query(q: &leptos_router::params::ParamsMap) -> EnterpriseFilter {
    EnterpriseFilter::from_query(|k| q.get(k))
}

/// The list URL for a filter on another page.
fn list_href(f: &EnterpriseFilter, page: i64) -> String {
    crate::shell::with_query("/enterprises", &f.to_query(page))
}

#[component]
pub fn EnterprisesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || filter_from_query(&query.read());
    // A page of fifty names: sent to the browser packed (see `codec`).
    let page = crate::codec::resource(filter, list_enterprises);
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let officers = crate::codec::resource(|| (), |_| list_officers());
    let me = crate::shell::use_me();
    let title = if filter().mine { tr!("nav-my-enterprises") } else { tr!("enterprises-title") };
    view! {
        <Title text=title.clone() />
        <div class="page-header">
            <h1>{title}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::RegisterEnterprise).await;
                    may.then(|| view! { <a class="button-primary" href="/enterprises/new">{tr!("enterprises-new")}</a> })
                })}
            </Transition>
        </div>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let chains = chains.await.unwrap_or_default();
                let officers = officers.await.unwrap_or_default();
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        view! {
                            <FilterForm filter=f.clone() chains=chains.clone() officers />
                            <ResultsTable page=p filter=f chains />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn FilterForm(filter: EnterpriseFilter, chains: Vec<IndustryChain>, officers: Vec<Officer>) -> impl IntoView {
    let locale = use_locale();
    let f = filter;
    view! {
        <form method="get" action="/enterprises" class="form-inline filters" role="search">
            {f.mine.then(|| view! { <input type="hidden" name="mine" value="true" /> })}
            <div class="field">
                <label for="q">{tr!("enterprises-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default()
                    aria-describedby="q-hint" />
                <p class="hint" id="q-hint">{tr!("enterprises-search-hint")}</p>
            </div>
            <div class="field">
                <label for="country">{tr!("field-country")}</label>
                <select id="country" name="country"
                    inner_html=country_options(locale, Some(&tr!("common-any")), &[f.country.as_deref().unwrap_or_default()])>
                </select>
            </div>
            <div class="field">
                <label for="industry_chain_id">{tr!("field-industry-chain")}</label>
                <select id="industry_chain_id" name="industry_chain_id">
                    <option value="">{tr!("common-any")}</option>
                    {chains.iter().map(|c| {
                        let selected = f.industry_chain_id == Some(c.id);
                        view! { <option value=c.id.to_string() selected=selected>{c.name(locale).to_string()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="lifecycle">{tr!("field-lifecycle")}</label>
                <select id="lifecycle" name="lifecycle">
                    <option value="">{tr!("common-any")}</option>
                    {Lifecycle::ALL.into_iter().map(|l| {
                        let selected = f.lifecycle.as_deref() == Some(l.as_str());
                        view! { <option value=l.as_str() selected=selected>{lifecycle_name(l)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="is_key">{tr!("field-key-enterprise")}</label>
                <select id="is_key" name="is_key">
                    <option value="">{tr!("common-any")}</option>
                    <option value="true" selected=f.is_key == Some(true)>{tr!("common-yes")}</option>
                    <option value="false" selected=f.is_key == Some(false)>{tr!("common-no")}</option>
                </select>
            </div>
            {(!f.mine).then(|| view! {
                <div class="field">
                    <label for="liaison_id">{tr!("field-liaison-officer")}</label>
                    <select id="liaison_id" name="liaison_id"
                        inner_html=options_html(Some(&tr!("common-any")), officers.iter().map(|o| (o.id, o.display_name.as_str())), f.liaison_id)>
                    </select>
                </div>
            })}
            <div class="field">
                <label for="sort">{tr!("enterprises-sort")}</label>
                <select id="sort" name="sort">
                    <option value="name" selected=f.sort.as_deref().unwrap_or("name") == "name">{tr!("enterprises-sort-name")}</option>
                    <option value="updated" selected=f.sort.as_deref() == Some("updated")>{tr!("enterprises-sort-updated")}</option>
                    <option value="last_contact" selected=f.sort.as_deref() == Some("last_contact")>{tr!("enterprises-sort-last-contact")}</option>
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="overdue" value="true" checked=f.overdue />" "{tr!("enterprises-overdue-only")}</label>
                <label><input type="checkbox" name="gap" value="true" checked=f.gap />" "{tr!("enterprises-gap-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn ResultsTable(
    page: crate::enterprises::EnterprisePage,
    filter: EnterpriseFilter,
    chains: Vec<IndustryChain>,
) -> impl IntoView {
    let locale = use_locale();
    let total = page.total;
    let paging = crate::shell::Paging::of(page.page, page.per_page, page.items.len(), total);
    let prev = (page.page > 0).then(|| list_href(&filter, page.page - 1));
    let next = paging.has_next.then(|| list_href(&filter, page.page + 1));
    let export = format!("/enterprises/export.csv?{}", filter.to_query(0));
    let (from, to) = (format_number(paging.from as f64, 0, locale), format_number(paging.to as f64, 0, locale));
    let count = if paging.capped {
        let cap = format_number(crate::domain::COUNT_CAP as f64, 0, locale);
        tr!("enterprises-count-many", { "from" => from, "to" => to, "total" => cap })
    } else {
        tr!("enterprises-count", { "from" => from, "to" => to, "total" => format_number(total as f64, 0, locale) })
    };
    if page.items.is_empty() {
        return view! { <p class="muted">{tr!("enterprises-none")}</p> }.into_any();
    }
    let rows = rows_html(page.items.rows(), &chains, locale);
    view! {
        <div class="page-header">
            <p class="muted" role="status">{count}</p>
            <a href=export download="enterprises.csv">{tr!("common-export-csv")}</a>
        </div>
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!("field-name-zh")}</th>
                    <th scope="col">{tr!("field-country")}</th>
                    <th scope="col">{tr!("field-industry-chain")}</th>
                    <th scope="col">{tr!("field-lifecycle")}</th>
                    <th scope="col">{tr!("field-liaison-officer")}</th>
                    <th scope="col">{tr!("enterprises-last-contact")}</th>
                </tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
        <nav class="pager" aria-label=tr!("common-pages")>
            {prev.map(|href| view! { <a href=href rel="prev">{tr!("common-previous")}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{tr!("common-next")}</a> })}
        </nav>
    }
    .into_any()
}

/// The labels the rows of one table share.
#[derive(Default)]
struct RowLabels {
    key: Labels<()>,
    gap: Labels<()>,
    overdue: Labels<()>,
    never: Labels<()>,
    lifecycles: Labels<Lifecycle>,
}

/// The table's rows as HTML. They hold only text and links, and drawn element by element they
/// were most of the page's cost on the server (docs/benchmark.md); written as one string, they
/// are given to the `<tbody>` as its inner HTML, which hydration leaves as the server sent it
/// (a page drawn in the browser sets it from the same text). Every text is escaped (`Esc`).
fn rows_html(items: &[EnterpriseSummary], chains: &[IndustryChain], locale: Locale) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let mut labels = RowLabels::default();
    let mut out = String::with_capacity(items.len() * 512);
    for e in items {
        let _ = write!(out, "<tr><td><a href=\"/enterprises/{}\">{}</a>", e.id, Esc(&e.name_zh));
        if e.is_key {
            let key = labels.key.get((), |_| tr!("enterprises-key-badge"));
            let _ = write!(out, "<span class=\"badge badge-key\">{}</span>", Esc(&key));
        }
        let _ = write!(
            out,
            "<br/><span class=\"muted small\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}",
            Esc(&e.name_original),
            Esc(&country_name(&e.country, locale)),
            Esc(&chain_name(chains, e.industry_chain_id, locale)),
            Esc(&labels.lifecycles.get(e.lifecycle, lifecycle_name)),
            Esc(e.liaison_name.as_deref().unwrap_or_default()),
        );
        if e.is_key && e.liaison_id.is_none() && e.lifecycle != Lifecycle::Exited {
            let gap = labels.gap.get((), |_| tr!("enterprises-gap-badge"));
            let _ = write!(out, "<span class=\"badge badge-warn\">{}</span>", Esc(&gap));
        }
        let last = match e.last_contact_on {
            Some(d) => crate::i18n::format_day(d, locale),
            None => labels.never.get((), |_| tr!("enterprises-never-contacted")),
        };
        let _ = write!(out, "</td><td>{}", Esc(&last));
        if e.overdue {
            let overdue = labels.overdue.get((), |_| tr!("enterprises-overdue-badge"));
            let _ = write!(out, "<span class=\"badge badge-warn\">{}</span>", Esc(&overdue));
        }
        out.push_str("</td></tr>");
    }
    out
}
