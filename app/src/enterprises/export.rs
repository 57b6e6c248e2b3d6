//! The enterprise list as CSV (server only), with the list's current filters.

use super::{EnterpriseFilter, IndustryChain, Lifecycle};
use crate::auth::SessionUser;
use crate::domain::{Country, Locale};
use crate::error::AppError;
use crate::export::{CsvFile, Lease, MAX_ROWS};
use crate::state::ServerState;
use crate::translate::t;

fn lifecycle_id(l: Lifecycle) -> &'static str {
    match l {
        Lifecycle::Lead => "lifecycle-lead",
        Lifecycle::Established => "lifecycle-established",
        Lifecycle::Expanding => "lifecycle-expanding",
        Lifecycle::Exited => "lifecycle-exited",
    }
}

/// The enterprises the filter matches, at most `MAX_ROWS`, streamed from the database (one
/// export at a time per user: see `Lease`).
pub async fn enterprises_csv(
    state: &ServerState,
    user: &SessionUser,
    filter: &EnterpriseFilter,
    locale: Locale,
) -> Result<CsvFile, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadEnterprises)?;
    let lease = Lease::take(state, user.id).await?;
    let chains = state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(&state.db));
    let chains: Vec<IndustryChain> = chains.await?.to_vec();
    let headers = [
        "field-name-zh",
        "field-name-original",
        "field-credit-code",
        "field-country",
        "field-industry-chain",
        "field-lifecycle",
        "field-key-enterprise",
        "field-liaison-officer",
        "enterprises-last-contact",
        "enterprises-overdue-badge",
    ]
    .map(|id| t(locale, id));
    let yes = t(locale, "common-yes");
    let no = t(locale, "common-no");
    let rows =
        crate::enterprises::db::stream(&state.db, filter, user.id, super::service::cutoff(), MAX_ROWS, lease).await?;
    let record = move |e: super::EnterpriseSummary| {
        let chain = e
            .industry_chain_id
            .and_then(|id| chains.iter().find(|c| c.id == id))
            .map(|c| c.name(locale).to_string())
            .unwrap_or_default();
        let country = Country::parse("country", &e.country).map(|c| c.name(locale).to_string()).unwrap_or(e.country);
        vec![
            e.name_zh,
            e.name_original,
            e.credit_code.unwrap_or_default(),
            country,
            chain,
            t(locale, lifecycle_id(e.lifecycle)),
            if e.is_key { yes.clone() } else { no.clone() },
            e.liaison_name.unwrap_or_default(),
            e.last_contact_on.map(|d| d.to_string()).unwrap_or_default(),
            if e.overdue { yes.clone() } else { no.clone() },
        ]
    };
    CsvFile::stream("enterprises", headers.to_vec(), rows, record).await
}
