//! The portal's list of the city's investment policy documents in force (kept by the
//! promotion area's register), each with its title and summary in the visitor's language
//! where one was written, and the Chinese original, said so, where not.

use super::pages::PortalNav;
use crate::domain::Locale;
use crate::i18n::{format_day, use_locale};
use crate::promotion::policies::api::public_policies;
use crate::promotion::policies::Policy;
use crate::shell::{language_name, page_error};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PublicPoliciesPage() -> impl IntoView {
    let policies = crate::codec::resource(|| (), |_| public_policies());
    view! {
        <Title text=tr!("portal-policies-title") />
        <PortalNav current="/portal/policies" />
        <h1>{move || tr!("portal-policies-title")}</h1>
        <p class="lead">{move || tr!("portal-policies-intro")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                match policies.await {
                    Err(e) => page_error(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{tr!("portal-policies-none")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="policy-list">{list.iter().map(|p| policy_item(p, locale)).collect_view()}</ul>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

fn policy_item(p: &Policy, locale: Locale) -> impl IntoView {
    let (title, title_lang) = p.title.for_reader(locale);
    let (summary, summary_lang) = p.summary.for_reader(locale);
    // Either text only in Chinese: said once, above both.
    let fallback = (title_lang != locale || summary_lang != locale).then(|| {
        view! {
            <p class="fallback-note muted">
                {tr!("portal-policy-not-translated", { "language" => language_name(locale) })}
            </p>
        }
    });
    let number = (!p.doc_number.is_empty()).then(|| format!(" · {}", p.doc_number));
    view! {
        <li class="card policy">
            <h2 lang=title_lang.tag()>{title.to_string()}</h2>
            <p class="muted small">{p.issuer.clone()}{number}" · "{format_day(p.issued_on, locale)}</p>
            {fallback}
            <p lang=summary_lang.tag()>{summary.to_string()}</p>
        </li>
    }
}
