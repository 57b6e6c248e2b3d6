//! The project register as CSV (server only), with the list's current filters and order,
//! headers in the reader's language and amounts in 亿元 exactly as the register holds them.

use super::{ProjectFilter, Stage};
use crate::auth::SessionUser;
use crate::domain::{Country, Locale};
use crate::error::AppError;
use crate::export::{CsvFile, Lease, MAX_ROWS};
use crate::state::ServerState;
use crate::translate::t;

pub fn stage_id(s: Stage) -> &'static str {
    match s {
        Stage::Lead => "project-stage-lead",
        Stage::Negotiating => "project-stage-negotiating",
        Stage::Signed => "project-stage-signed",
        Stage::Started => "project-stage-started",
        Stage::Completed => "project-stage-completed",
        Stage::Dropped => "project-stage-dropped",
    }
}

fn capital_id(k: super::CapitalKind) -> &'static str {
    match k {
        super::CapitalKind::Domestic => "project-capital-domestic",
        super::CapitalKind::Foreign => "project-capital-foreign",
        super::CapitalKind::Other => "project-capital-other",
    }
}

fn source_id(s: super::Source) -> &'static str {
    match s {
        super::Source::Event => "project-source-event",
        super::Source::LeaderVisit => "project-source-leader-visit",
        super::Source::Delegation => "project-source-delegation",
        super::Source::Brochure => "project-source-brochure",
        super::Source::Portal => "project-source-portal",
        super::Source::Other => "project-source-other",
    }
}

/// The projects the filter finds, at most `MAX_ROWS`, streamed from the database (one export
/// at a time per user: see `Lease`).
pub async fn projects_csv(
    state: &ServerState,
    user: &SessionUser,
    filter: &ProjectFilter,
    locale: Locale,
) -> Result<CsvFile, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadProjects)?;
    let lease = Lease::take(state, user.id).await?;
    let chains = state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(&state.db));
    let chains = chains.await?.to_vec();
    let subs = super::chains::data::all(&state.db).await?;
    let counties = super::counties::data::all(&state.db).await?;
    let headers = [
        "project-field-name",
        "project-field-investor",
        "project-field-investor-country",
        "project-field-investor-province",
        "field-industry-chain",
        "project-field-sub-chain",
        "project-field-county",
        "project-field-park",
        "project-field-total-investment",
        "project-field-capital-kind",
        "project-field-source",
        "project-field-event",
        "project-field-stage",
        "project-since",
        "field-liaison-officer",
        "project-field-leader",
        "project-field-enclave-partner",
        "project-field-enclave-share",
    ]
    .map(|id| t(locale, id));
    let rows = super::db::stream(&state.db, filter, user, MAX_ROWS, lease).await?;
    let record = move |p: super::db::ProjectRow| {
        let (s, d) = (p.summary, p.details);
        let chain = s.industry_chain_id.and_then(|id| chains.iter().find(|c| c.id == id));
        let country = match d.investor_country.as_str() {
            "" => String::new(),
            code => Country::parse("country", code).map(|c| c.name(locale).to_string()).unwrap_or(code.to_string()),
        };
        vec![
            s.name,
            s.investor,
            country,
            d.investor_province,
            chain.map(|c| c.name(locale).to_string()).unwrap_or_default(),
            super::chains::sub_chain_name(&subs, d.sub_chain_id, locale),
            super::counties::county_name(&counties, s.county_id, locale),
            d.park,
            s.total_investment.yi(),
            t(locale, capital_id(s.capital_kind)),
            t(locale, source_id(d.source)),
            d.event_name.unwrap_or_default(),
            t(locale, stage_id(s.stage)),
            s.stage_on.to_string(),
            s.officer_name,
            d.leader_name.unwrap_or_default(),
            d.enclave_partner,
            d.enclave_share_pct.map(|p| p.to_string()).unwrap_or_default(),
        ]
    };
    CsvFile::stream("projects", headers.to_vec(), rows, record).await
}
