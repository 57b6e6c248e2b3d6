//! The mission rules: the limits of a mission abroad (an admin changes them), and what a
//! planned mission breaks, shown on its page before a leader approves it.

use crate::delegations::api::{mission_rules, SetMissionRules};
use crate::delegations::{Rule, RuleBreach};
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

fn rule_text(b: &RuleBreach) -> String {
    let (limit, planned) = (b.limit, b.planned);
    match b.rule {
        Rule::Days => tr!("rule-breach-days", { "limit" => limit, "planned" => planned }),
        Rule::Countries => tr!("rule-breach-countries", { "limit" => limit, "planned" => planned }),
        Rule::Members => tr!("rule-breach-members", { "limit" => limit, "planned" => planned }),
    }
}

/// A mission abroad that breaks the office's rules: what it breaks, before a leader approves.
#[component]
pub(super) fn BreachesPanel(breaches: Vec<RuleBreach>) -> impl IntoView {
    (!breaches.is_empty()).then(|| {
        view! {
            <div class="notice notice-warn" role="note" id="rule-breaches">
                <p><strong>{tr!("rule-breaches")}</strong></p>
                <ul>{breaches.iter().map(|b| view! { <li>{rule_text(b)}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

#[component]
pub fn RulesPage() -> impl IntoView {
    let save = ServerAction::<SetMissionRules>::new();
    let rules = crate::codec::resource(move || save.version().get(), |_| mission_rules());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let me = crate::shell::use_me().0;
    view! {
        <Title text=tr!("rules-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("rules-title")}</h1>
        <p class="hint">{move || tr!("rules-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let admin = matches!(me.await, Ok(Some(u)) if u.role == crate::domain::Role::Admin);
                match rules.await {
                    Err(e) => page_error(e),
                    Ok(r) if !admin => view! {
                        <dl class="facts">
                            <dt>{tr!("rules-max-days")}</dt><dd>{r.max_days}</dd>
                            <dt>{tr!("rules-max-countries")}</dt><dd>{r.max_countries}</dd>
                            <dt>{tr!("rules-max-members")}</dt><dd>{r.max_members}</dd>
                        </dl>
                    }.into_any(),
                    Ok(r) => view! {
                        <FormError error />
                        <ActionForm action=save attr:class="form">
                            <input type="hidden" name="version" value=r.version.to_string() />
                            <div class="field">
                                <label for="max_days">{tr!("rules-max-days")}</label>
                                <input id="max_days" name="max_days" type="number" min="1" max="365" value=r.max_days.to_string() required />
                                {move || field_message(error.get(), "max_days")}
                            </div>
                            <div class="field">
                                <label for="max_countries">{tr!("rules-max-countries")}</label>
                                <input id="max_countries" name="max_countries" type="number" min="1" max="50" value=r.max_countries.to_string() required />
                                {move || field_message(error.get(), "max_countries")}
                            </div>
                            <div class="field">
                                <label for="max_members">{tr!("rules-max-members")}</label>
                                <input id="max_members" name="max_members" type="number" min="1" max="200" value=r.max_members.to_string() required />
                                {move || field_message(error.get(), "max_members")}
                            </div>
                            <button type="submit" class="button-primary">{tr!("common-save")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
