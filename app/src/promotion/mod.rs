//! Investment promotion (投资促进): what the city offers investors and how it approaches them:
//! the city's investment policy documents (`policies`) and the industry-chain maps with their
//! gaps (`chain_maps`), the target firms it approaches (`target_firms`) and the leads it
//! follows one to one (`leads`); the promoted projects of issue 25 join them.

pub mod chain_maps;
pub mod leads;
pub mod policies;
pub mod target_firms;

use leptos::prelude::*;

/// The promotion area's own links, above each of its pages.
#[component]
pub fn PromotionLinks() -> impl IntoView {
    view! {
        <nav class="subnav" aria-label=move || tr!("nav-promotion")>
            <a href="/promotion/chains">{move || tr!("chain-maps-title")}</a>
            <a href="/promotion/firms">{move || tr!("firms-title")}</a>
            <a href="/promotion/leads">{move || tr!("leads-title")}</a>
            <a href="/promotion/policies">{move || tr!("policies-title")}</a>
        </nav>
    }
}
