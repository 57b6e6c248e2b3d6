//! The register's list: the filter form, one page of projects with their count and total
//! investment, and the pager.

use super::{capital_kind_name, chain_name, stage_name, yi};
use crate::domain::Locale;
use crate::enterprises::api::list_industry_chains;
use crate::enterprises::IndustryChain;
use crate::i18n::{format_day, use_locale};
use crate::projects::api::list_projects;
use crate::projects::{ProjectFilter, ProjectSummary, Stage};
use crate::shell::{page_error, with_query, Paging};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The list URL for a filter on another page.
fn list_href(f: &ProjectFilter, page: i64) -> String {
    with_query("/projects", &f.to_query(page))
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || ProjectFilter::from_query(|k| query.read().get(k));
    let page = crate::codec::resource(filter, list_projects);
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("projects-title") />
        <div class="page-header">
            <h1>{move || tr!("projects-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::ManageProjects).await;
                    may.then(|| view! { <a class="button-primary" href="/projects/new">{tr!("projects-new")}</a> })
                })}
            </Transition>
        </div>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let chains = chains.await.unwrap_or_default();
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        view! {
                            <FilterForm filter=f.clone() chains=chains.clone() />
                            <ResultsTable page=p filter=f chains />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn FilterForm(filter: ProjectFilter, chains: Vec<IndustryChain>) -> impl IntoView {
    let locale = use_locale();
    let f = filter;
    view! {
        <form method="get" action="/projects" class="form-inline filters" role="search">
            <div class="field">
                <label for="stage">{tr!("project-field-stage")}</label>
                <select id="stage" name="stage">
                    <option value="">{tr!("common-any")}</option>
                    {Stage::ALL.into_iter().map(|s| {
                        let selected = f.stage.as_deref() == Some(s.as_str());
                        view! { <option value=s.as_str() selected=selected>{stage_name(s)}</option> }
                    }).collect_view()}
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
            <div class="field checkbox">
                <label><input type="checkbox" name="mine" value="true" checked=f.mine />" "{tr!("projects-mine-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn ResultsTable(
    page: crate::projects::ProjectPage,
    filter: ProjectFilter,
    chains: Vec<IndustryChain>,
) -> impl IntoView {
    let locale = use_locale();
    if page.items.is_empty() {
        return view! { <p class="muted">{tr!("projects-none")}</p> }.into_any();
    }
    let paging = Paging::of(page.page, page.per_page, page.items.len(), page.total);
    let prev = (page.page > 0).then(|| list_href(&filter, page.page - 1));
    let next = paging.has_next.then(|| list_href(&filter, page.page + 1));
    let count = tr!("projects-count", { "count" => page.total, "amount" => yi(page.total_investment, locale) });
    // The headings are read before the view: see `headings`.
    let headings = headings();
    let pages_label = tr!("common-pages");
    let (previous_label, next_label) = (tr!("common-previous"), tr!("common-next"));
    let rows = page.items.iter().map(|p| row(p, &chains, locale)).collect_view();
    view! {
        <p class="muted" role="status">{count}</p>
        <div class="table-wrap">
            <table class="table projects">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label=pages_label>
            {prev.map(|href| view! { <a href=href rel="prev">{previous_label}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{next_label}</a> })}
        </nav>
    }
    .into_any()
}

/// The table's column headings. Written outside any view with a `<tr>`: leptos-fluent's check
/// of the messages in use reads an element named `tr` as the start of a `tr!` call, and would
/// miss a message written right after one.
fn headings() -> impl IntoView {
    let labels = [
        tr!("project-field-name"),
        tr!("project-field-investor"),
        tr!("field-industry-chain"),
        tr!("project-field-total-investment"),
        tr!("project-field-capital-kind"),
        tr!("project-field-stage"),
        tr!("project-since"),
        tr!("field-liaison-officer"),
    ];
    labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view()
}

/// One project's row: its name linked to its page.
fn row(p: &ProjectSummary, chains: &[IndustryChain], locale: Locale) -> impl IntoView {
    let href = format!("/projects/{}", p.id);
    let badge = format!("status status-{}", p.stage.as_str());
    view! {
        <tr>
            <td><a href=href>{p.name.clone()}</a></td>
            <td>{p.investor.clone()}</td>
            <td>{chain_name(chains, p.industry_chain_id, locale)}</td>
            <td class="num">{yi(p.total_investment, locale)}</td>
            <td>{capital_kind_name(p.capital_kind)}</td>
            <td><span class=badge>{stage_name(p.stage)}</span></td>
            <td>{format_day(p.stage_on, locale)}</td>
            <td>{p.officer_name.clone()}</td>
        </tr>
    }
}
