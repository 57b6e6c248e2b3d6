//! Investment promotion (投资促进): what the city offers investors and how it approaches them:
//! the city's investment policy documents (`policies`) and the industry-chain maps with their
//! gaps (`chain_maps`), the target firms it approaches (`target_firms`) and the leads it
//! follows one to one (`leads`), the projects it promotes to investors (`promoted`) and the
//! issues of its project brochure (`brochures`).

pub mod brochures;
pub mod chain_maps;
#[cfg(feature = "ssr")]
pub mod figures;
pub mod leads;
pub mod policies;
pub mod promoted;
pub mod target_firms;

use crate::domain::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A text written in Chinese, with English and French beside it where written (empty where
/// not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub zh: String,
    pub en: String,
    pub fr: String,
}

impl Written {
    /// The text for a reader of `locale`: in their language where written, else the Chinese
    /// original; with the language it is in, so that a page can say so.
    pub fn for_reader(&self, locale: Locale) -> (&str, Locale) {
        let own = match locale {
            Locale::ZhCn => &self.zh,
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
        };
        if own.trim().is_empty() {
            (&self.zh, Locale::ZhCn)
        } else {
            (own, locale)
        }
    }
}

/// A text in each language written, side by side; a language not written is said so.
pub fn written_columns(w: &Written) -> impl IntoView + use<> {
    Locale::ALL
        .into_iter()
        .map(|l| {
            let text = match l {
                Locale::ZhCn => &w.zh,
                Locale::En => &w.en,
                Locale::Fr => &w.fr,
            };
            let body = if text.is_empty() {
                view! { <p class="muted">{tr!("policy-not-translated")}</p> }.into_any()
            } else {
                view! { <p class="notes" lang=l.tag()>{text.clone()}</p> }.into_any()
            };
            view! {
                <div class="public-text">
                    <p class="muted small">{l.endonym()}</p>
                    {body}
                </div>
            }
        })
        .collect_view()
}

/// The promotion area's own links, above each of its pages.
#[component]
pub fn PromotionLinks() -> impl IntoView {
    view! {
        <nav class="subnav" aria-label=move || tr!("nav-promotion")>
            <a href="/promotion/chains">{move || tr!("chain-maps-title")}</a>
            <a href="/promotion/firms">{move || tr!("firms-title")}</a>
            <a href="/promotion/leads">{move || tr!("leads-title")}</a>
            <a href="/promotion/projects">{move || tr!("promoted-title")}</a>
            <a href="/promotion/brochures">{move || tr!("brochures-title")}</a>
            <a href="/promotion/policies">{move || tr!("policies-title")}</a>
        </nav>
    }
}
