//! The project register's pages: the list with its filters, count and total investment
//! (`list`); registering a project as a lead or in negotiation (`form`); and each project's
//! page (`detail`) with its three-way review (`review`) and its stage moves and log
//! (`stages`). The names every page shows are here.

mod detail;
mod form;
mod list;
mod review;
mod stages;

pub use detail::ProjectPage;
pub use form::NewProjectPage;
pub use list::ProjectsPage;

crate::routes::pages! {
    "/projects" => ProjectsPage, Needs(ReadProjects);
    "/projects/new" => NewProjectPage, Needs(ManageProjects);
    "/projects/:id" => ProjectPage, Needs(ReadProjects);
}

use crate::domain::{Country, Locale};
use crate::enterprises::IndustryChain;
use crate::i18n::format_number;
use crate::projects::{Aspect, CapitalKind, Source, Stage, Wan};

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
