//! The project register's pages: the list with its filters, count and total investment
//! (`list`); registering a project as a lead or in negotiation (`form`); and each project's
//! page (`detail`) with its three-way review (`review`) and its stage moves and log
//! (`stages`). The names every page shows are here.

mod capital;
mod chains;
mod checks;
mod counties;
mod detail;
mod form;
mod list;
mod rates;
mod review;
mod stages;
mod tasks;

use crate::projects::events::pages::{EventPage, EventsPage, NewEventPage};
pub use chains::ChainsPage;
pub use checks::ChecksPage;
pub use counties::CountiesPage;
pub use detail::ProjectPage;
pub(crate) use form::sub_chain_options;
pub use form::{EditProjectPage, NewProjectPage};
pub use list::{project_table, ProjectsPage};
pub use rates::RatesPage;
pub use tasks::TasksPage;

crate::routes::pages! {
    "/projects" => ProjectsPage, Needs(ReadProjects);
    "/projects/new" => NewProjectPage, Needs(ManageProjects);
    "/projects/rates" => RatesPage, Needs(ReadProjects);
    "/projects/tasks" => TasksPage, Needs(ReadProjects);
    "/projects/checks" => ChecksPage, Needs(ReadProjects);
    "/projects/counties" => CountiesPage, Needs(ManageReference);
    "/projects/chains" => ChainsPage, Needs(ManageReference);
    "/projects/events" => EventsPage, Needs(ReadProjects);
    "/projects/events/new" => NewEventPage, Needs(ManageProjects);
    "/projects/events/:id" => EventPage, Needs(ReadProjects);
    "/projects/:id" => ProjectPage, Needs(ReadProjects);
    "/projects/:id/edit" => EditProjectPage, Needs(ManageProjects);
}

/// The register's own pages beside the list: the events, the rates and, for admins, the
/// counties.
#[component]
pub fn RegisterLinks() -> impl IntoView {
    let me = crate::shell::use_me();
    view! {
        <nav class="subnav" aria-label=move || tr!("projects-title")>
            <a href="/projects/events">{move || tr!("events-title")}</a>
            <a href="/projects/rates">{move || tr!("rates-title")}</a>
            <a href="/projects/tasks">{move || tr!("leader-tasks-title")}</a>
            <a href="/projects/checks">{move || tr!("checks-overdue-title")}</a>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::ManageReference).await;
                    may.then(|| view! {
                        <a href="/projects/counties">{tr!("counties-title")}</a>
                        <a href="/projects/chains">{tr!("chains-title")}</a>
                    })
                })}
            </Transition>
        </nav>
    }
}

use crate::domain::{Country, Locale};
use crate::enterprises::IndustryChain;
use crate::i18n::format_number;
use crate::projects::{Aspect, CapitalKind, Source, Stage, Wan};
use leptos::prelude::*;

pub fn stage_name(s: Stage) -> String {
    match s {
        Stage::Lead => tr!("project-stage-lead"),
        Stage::Negotiating => tr!("project-stage-negotiating"),
        Stage::Signed => tr!("project-stage-signed"),
        Stage::Started => tr!("project-stage-started"),
        Stage::Completed => tr!("project-stage-completed"),
        Stage::Dropped => tr!("project-stage-dropped"),
    }
}

pub fn aspect_name(a: Aspect) -> String {
    match a {
        Aspect::Authenticity => tr!("project-aspect-authenticity"),
        Aspect::Legality => tr!("project-aspect-legality"),
        Aspect::Feasibility => tr!("project-aspect-feasibility"),
    }
}

pub fn capital_kind_name(k: CapitalKind) -> String {
    match k {
        CapitalKind::Domestic => tr!("project-capital-domestic"),
        CapitalKind::Foreign => tr!("project-capital-foreign"),
        CapitalKind::Other => tr!("project-capital-other"),
    }
}

pub fn source_name(s: Source) -> String {
    match s {
        Source::Event => tr!("project-source-event"),
        Source::LeaderVisit => tr!("project-source-leader-visit"),
        Source::Delegation => tr!("project-source-delegation"),
        Source::Brochure => tr!("project-source-brochure"),
        Source::Portal => tr!("project-source-portal"),
        Source::Other => tr!("project-source-other"),
    }
}

/// What a review found: the aspect passed or failed.
fn verdict_name(passed: bool) -> String {
    if passed {
        tr!("project-review-passed")
    } else {
        tr!("project-review-failed")
    }
}

/// A rate in hundredths of a per cent (9 444) as the reader's language writes it ("94.44%",
/// "94,44 %"), or a dash for an empty cohort.
pub fn percent(basis_points: Option<u64>, locale: Locale) -> String {
    match basis_points {
        None => "—".into(),
        Some(bp) => {
            let (whole, hundredths) = (bp / 100, bp % 100);
            match locale {
                Locale::Fr => format!("{whole},{hundredths:02}\u{202F}%"),
                _ => format!("{whole}.{hundredths:02}%"),
            }
        }
    }
}

/// A whole per cent (a project's progress) as the reader's language writes it ("60%",
/// "60 %").
pub fn whole_percent(pct: i32, locale: Locale) -> String {
    match locale {
        Locale::Fr => format!("{pct}\u{202F}%"),
        _ => format!("{pct}%"),
    }
}

/// An amount in 亿元 as the reader's language writes numbers ("1,250.5"; "1 250,5" in French),
/// every decimal kept: the digits are those of `Wan::yi`, never rounded through a float.
pub fn yi(amount: Wan, locale: Locale) -> String {
    let text = amount.yi();
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let whole = match whole.parse::<i64>() {
        Ok(w) => format_number(w as f64, 0, locale),
        Err(_) => whole.to_string(),
    };
    match (fraction.is_empty(), locale) {
        (true, _) => whole,
        (false, Locale::Fr) => format!("{whole},{fraction}"),
        (false, _) => format!("{whole}.{fraction}"),
    }
}

fn country_name(code: &str, locale: Locale) -> String {
    Country::parse("country", code).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| code.to_string())
}

fn chain_name(chains: &[IndustryChain], id: Option<i64>, locale: Locale) -> String {
    id.and_then(|id| chains.iter().find(|c| c.id == id)).map(|c| c.name(locale).to_string()).unwrap_or_default()
}

/// A text, or a dash for an empty one.
fn or_dash(text: String) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        text
    }
}
