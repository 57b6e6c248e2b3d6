//! An enterprise's page with its cases. The register draws the page and leaves a place for
//! the panel of cases, drawn here: a case belongs to an enterprise, so cases build on the
//! register and not the other way round.

use super::table::CasesTable;
use crate::cases::api::list_cases;
use crate::cases::{CaseFilter, CaseSummary};
use crate::enterprises::pages::{EnterprisePage, Panel};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/enterprises/:id`: the enterprise's page, with its cases.
#[component]
pub fn EnterpriseWithCases() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    // Whole rows: the panel is drawn again whenever the enterprise's page is (see `DrawnRows`).
    let cases = crate::codec::resource(id, |id| async move {
        list_cases(CaseFilter { enterprise_id: Some(id), ..Default::default() }).await.map(|p| p.items.into_rows())
    });
    let panel = Panel::new(move |id, editable| async move { cases_panel(id, editable, cases.await) });
    view! { <EnterprisePage cases=panel /> }
}

/// The enterprise's cases, with a link to open one for a reader who may.
fn cases_panel(enterprise_id: i64, editable: bool, cases: Result<Vec<CaseSummary>, AppError>) -> AnyView {
    view! {
        <section class="panel" aria-labelledby="cases-heading">
            <div class="page-header">
                <h2 id="cases-heading">{tr!("cases-title")}</h2>
                {editable.then(|| {
                    let href = format!("/cases/new?enterprise={enterprise_id}");
                    view! { <a class="button-secondary" href=href>{tr!("cases-new")}</a> }
                })}
            </div>
            {match cases {
                Ok(list) => view! { <CasesTable cases=crate::codec::DrawnRows::new(list) /> }.into_any(),
                Err(_) => ().into_any(),
            }}
        </section>
    }
    .into_any()
}
