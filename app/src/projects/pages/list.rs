//! The register's list, which is also its three lists (reserve/signed, started, completed:
//! the stage filter): the filters, one page of projects in the chosen order with their count
//! and total investment, the pager and the CSV download of every match.

use super::{capital_kind_name, chain_name, source_name, stage_name, yi, RegisterLinks};
use crate::domain::Locale;
use crate::enterprises::api::{list_industry_chains, list_leaders, list_officers};
use crate::enterprises::{IndustryChain, Officer};
use crate::i18n::{format_day, use_locale};
use crate::projects::api::list_projects;
use crate::projects::counties::{county_name, list_counties, County};
use crate::projects::events::api::filter_events;
use crate::projects::{ProjectFilter, ProjectSort, ProjectSummary, Source, Stage};
use crate::shell::{page_error, with_query, Paging};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The list URL for a filter on another page.
fn list_href(f: &ProjectFilter, page: i64) -> String {
    with_query("/projects", &f.to_query(page))
}

/// What the filters choose from.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
struct Choices {
    chains: Vec<IndustryChain>,
    counties: Vec<County>,
    events: Vec<(i64, String)>,
    leaders: Vec<Officer>,
    officers: Vec<Officer>,
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || ProjectFilter::from_query(|k| query.read().get(k));
    let page = crate::codec::resource(filter, list_projects);
    // The events offered follow the year chosen (see `filter_events`).
    let choices = crate::codec::resource(
        move || (filter().year, filter().event_id),
        |(year, event)| async move {
            Ok::<_, crate::error::AppError>(Choices {
                chains: list_industry_chains().await?,
                counties: list_counties().await?,
                events: filter_events(year, event).await?,
                leaders: list_leaders().await?,
                officers: list_officers().await?,
            })
        },
    );
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
        <RegisterLinks />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let choices = choices.await.unwrap_or_default();
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        view! {
                            <FilterForm filter=f.clone() choices=choices.clone() />
                            <ResultsTable page=p filter=f choices />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// A select of `options` (value, label) with an "any" first.
fn select(id: &'static str, label: String, chosen: Option<String>, options: Vec<(String, String)>) -> impl IntoView {
    use crate::html::Esc;
    use std::fmt::Write as _;
    // The options as one string (the events alone are hundreds), as `pickers` writes them.
    let mut html = format!("<option value=\"\">{}</option>", Esc(&tr!("common-any")));
    for (value, text) in options {
        let chosen = if chosen.as_deref() == Some(value.as_str()) { " selected" } else { "" };
        let _ = write!(html, "<option value=\"{}\"{chosen}>{}</option>", Esc(&value), Esc(&text));
    }
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=id inner_html=html></select>
        </div>
    }
}

#[component]
fn FilterForm(filter: ProjectFilter, choices: Choices) -> impl IntoView {
    let locale = use_locale();
    let f = filter;
    let id = |v: Option<i64>| v.map(|v| v.to_string());
    let people = |list: &[Officer]| list.iter().map(|o| (o.id.to_string(), o.display_name.clone())).collect();
    let stages = Stage::ALL.into_iter().map(|s| (s.as_str().to_string(), stage_name(s))).collect();
    let sources = Source::ALL.into_iter().map(|s| (s.as_str().to_string(), source_name(s))).collect();
    let chains = choices.chains.iter().map(|c| (c.id.to_string(), c.name(locale).to_string())).collect();
    let counties = choices.counties.iter().map(|c| (c.id.to_string(), c.name(locale).to_string())).collect();
    let events = choices.events.iter().map(|(id, name)| (id.to_string(), name.clone())).collect();
    let sort = f.sort;
    view! {
        <form method="get" action="/projects" class="form-inline filters" role="search">
            {select("stage", tr!("project-field-stage"), f.stage.map(|s| s.as_str().to_string()), stages)}
            <div class="field">
                <label for="year">{tr!("field-year")}</label>
                <input id="year" name="year" type="number" min="2000" max="2100" value=f.year.map(|y| y.to_string())
                    aria-describedby="year-hint" />
                <p class="hint" id="year-hint">{tr!("projects-year-hint")}</p>
            </div>
            {select("industry_chain_id", tr!("field-industry-chain"), id(f.industry_chain_id), chains)}
            {select("county_id", tr!("project-field-county"), id(f.county_id), counties)}
            {select("source", tr!("project-field-source"), f.source.map(|s| s.as_str().to_string()), sources)}
            {select("event_id", tr!("project-field-event"), id(f.event_id), events)}
            {select("leader_id", tr!("project-field-leader"), id(f.leader_id), people(&choices.leaders))}
            {select("officer_id", tr!("field-liaison-officer"), id(f.officer_id), people(&choices.officers))}
            <div class="field">
                <label for="sort">{tr!("projects-sort")}</label>
                <select id="sort" name="sort">
                    {ProjectSort::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=s == sort>{sort_name(s)}</option>
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

fn sort_name(s: ProjectSort) -> String {
    match s {
        ProjectSort::Latest => tr!("projects-sort-latest"),
        ProjectSort::Investment => tr!("projects-sort-investment"),
        ProjectSort::Name => tr!("projects-sort-name"),
    }
}

#[component]
fn ResultsTable(page: crate::projects::ProjectPage, filter: ProjectFilter, choices: Choices) -> impl IntoView {
    let locale = use_locale();
    if page.items.is_empty() {
        return view! { <p class="muted">{tr!("projects-none")}</p> }.into_any();
    }
    let paging = Paging::of(page.page, page.per_page, page.items.len(), page.total);
    let prev = (page.page > 0).then(|| list_href(&filter, page.page - 1));
    let next = paging.has_next.then(|| list_href(&filter, page.page + 1));
    let count = if paging.capped {
        let cap = crate::i18n::format_number(crate::domain::COUNT_CAP as f64, 0, locale);
        tr!("projects-count-many", { "total" => cap })
    } else {
        tr!("projects-count", { "count" => page.total, "amount" => yi(page.total_investment, locale) })
    };
    let csv = with_query("/projects/export.csv", &filter.to_query(0));
    let (pages_label, csv_label) = (tr!("common-pages"), tr!("common-export-csv"));
    let (previous_label, next_label) = (tr!("common-previous"), tr!("common-next"));
    view! {
        <p class="muted" role="status">{count}" · "<a href=csv download>{csv_label}</a></p>
        {project_table(page.items.rows(), &choices.chains, &choices.counties, locale)}
        <nav class="pager" aria-label=pages_label>
            {prev.map(|href| view! { <a href=href rel="prev">{previous_label}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{next_label}</a> })}
        </nav>
    }
    .into_any()
}

/// Projects as a table, each name linked to its page (the register's page, an event's
/// projects).
pub fn project_table(
    items: &[ProjectSummary],
    chains: &[IndustryChain],
    counties: &[County],
    locale: Locale,
) -> impl IntoView {
    // The headings are read before the view: see `headings`.
    let headings = headings();
    let rows = rows_html(items, chains, counties, locale);
    view! {
        <div class="table-wrap">
            <table class="table projects">
                <thead><tr>{headings}</tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
    }
}

/// The table's column headings. Written outside any view with a `<tr>`: leptos-fluent's check
/// of the messages in use reads an element named `tr` as the start of a `tr!` call, and would
/// miss a message written right after one.
fn headings() -> impl IntoView {
    let labels = [
        tr!("project-field-name"),
        tr!("project-field-investor"),
        tr!("field-industry-chain"),
        tr!("project-field-county"),
        tr!("project-field-total-investment"),
        tr!("project-field-capital-kind"),
        tr!("project-field-stage"),
        tr!("project-since"),
        tr!("field-liaison-officer"),
    ];
    labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view()
}

/// The projects' rows as one escaped string, each name linked to its page: drawn element by
/// element, fifty rows were most of the register's cost (as the enterprises' were, see
/// `enterprises::pages::list`). Each stage's and kind's label is translated once.
fn rows_html(items: &[ProjectSummary], chains: &[IndustryChain], counties: &[County], locale: Locale) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let (mut stages, mut kinds) = (crate::i18n::Labels::new(), crate::i18n::Labels::new());
    let mut out = String::with_capacity(items.len() * 512);
    for p in items {
        let _ = write!(
            out,
            "<tr><td><a href=\"/projects/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td>{}</td><td><span class=\"status status-{}\">{}</span></td><td>{}</td><td>{}</td></tr>",
            p.id,
            Esc(&p.name),
            Esc(&p.investor),
            Esc(&chain_name(chains, p.industry_chain_id, locale)),
            Esc(&county_name(counties, p.county_id, locale)),
            Esc(&yi(p.total_investment, locale)),
            Esc(&kinds.get(p.capital_kind, capital_kind_name)),
            p.stage.as_str(),
            Esc(&stages.get(p.stage, stage_name)),
            Esc(&format_day(p.stage_on, locale)),
            Esc(&p.officer_name),
        );
    }
    out
}
