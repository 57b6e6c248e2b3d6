//! Registering a project: who invests, and what, where it stands and who leads it.

use super::{capital_kind_name, source_name, stage_name};
use crate::enterprises::api::{list_industry_chains, list_leaders};
use crate::enterprises::{IndustryChain, Officer};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::pickers::country_options;
use crate::projects::api::RegisterProject;
use crate::projects::counties::{list_counties, County};
use crate::projects::events::api::event_choices;
use crate::projects::{CapitalKind, Source, Stage};
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewProjectPage() -> impl IntoView {
    let register = ServerAction::<RegisterProject>::new();
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let counties = crate::codec::resource(|| (), |_| list_counties());
    let events = crate::codec::resource(|| (), |_| event_choices());
    let me = crate::shell::use_me();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("projects-new") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <h1>{move || tr!("projects-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::ManageProjects).await;
                let leaders = leaders.await.unwrap_or_default();
                let counties = counties.await.unwrap_or_default();
                let events = events.await.unwrap_or_default();
                match chains.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(chains) => view! {
                        <FormError error />
                        <ActionForm action=register attr:class="form form-wide">
                            <div class="form-grid">
                                {investor_fields(error)}
                                {project_fields(chains, events, error)}
                                {place_fields(counties, error)}
                                {follow_up_fields(leaders, error)}
                            </div>
                            <button type="submit" class="button-primary">{tr!("projects-register")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The project's name and who invests: the investor, and the country or province the money
/// comes from.
fn investor_fields(error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field wide">
            <label for="name">{tr!("project-field-name")}</label>
            <input id="name" name="name" type="text" maxlength="200" required />
            {move || field_message(error.get(), "name")}
        </div>
        <div class="field wide">
            <label for="investor">{tr!("project-field-investor")}</label>
            <input id="investor" name="investor" type="text" maxlength="200" required />
            {move || field_message(error.get(), "investor")}
        </div>
        <div class="field">
            <label for="investor_country">{tr!("project-field-investor-country")}</label>
            <select id="investor_country" name="investor_country" aria-describedby="investor_country-hint"
                inner_html=country_options(locale, Some(&tr!("common-none")), &[])>
            </select>
            <p class="hint" id="investor_country-hint">{tr!("project-field-investor-country-hint")}</p>
            {move || field_message(error.get(), "investor_country")}
        </div>
        <div class="field">
            <label for="investor_province">{tr!("project-field-investor-province")}</label>
            <input id="investor_province" name="investor_province" type="text" maxlength="50" lang="zh-CN" />
            {move || field_message(error.get(), "investor_province")}
        </div>
    }
}

/// What is invested: the industry chain, the amount, the kind of capital, how the project came
/// to the office and where it stands.
fn project_fields(
    chains: Vec<IndustryChain>,
    events: Vec<(i64, String)>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field">
            <label for="industry_chain_id">{tr!("field-industry-chain")}</label>
            <select id="industry_chain_id" name="industry_chain_id">
                <option value="">{tr!("common-none")}</option>
                {chains.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.name(locale).to_string()}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "industry_chain_id")}
        </div>
        <div class="field">
            <label for="total_investment">{tr!("project-field-total-investment")}</label>
            <input id="total_investment" name="total_investment" type="text" inputmode="decimal" required
                aria-describedby="total_investment-hint" />
            <p class="hint" id="total_investment-hint">{tr!("project-field-total-investment-hint")}</p>
            {move || field_message(error.get(), "total_investment")}
        </div>
        <div class="field">
            <label for="capital_kind">{tr!("project-field-capital-kind")}</label>
            <select id="capital_kind" name="capital_kind">
                {CapitalKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{capital_kind_name(k)}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "capital_kind")}
        </div>
        <div class="field">
            <label for="source">{tr!("project-field-source")}</label>
            <select id="source" name="source">
                {Source::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{source_name(s)}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "source")}
        </div>
        <div class="field">
            <label for="event_id">{tr!("project-field-event")}</label>
            <select id="event_id" name="event_id" aria-describedby="event_id-hint">
                <option value="">{tr!("common-none")}</option>
                {events.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            <p class="hint" id="event_id-hint">{tr!("project-field-event-hint")}</p>
            {move || field_message(error.get(), "event_id")}
        </div>
        <div class="field">
            <label for="stage">{tr!("project-field-stage")}</label>
            <select id="stage" name="stage" aria-describedby="stage-hint">
                {[Stage::Lead, Stage::Negotiating].into_iter().map(|s| view! { <option value=s.as_str()>{stage_name(s)}</option> }).collect_view()}
            </select>
            <p class="hint" id="stage-hint">{tr!("project-field-stage-hint")}</p>
            {move || field_message(error.get(), "stage")}
        </div>
        <div class="field">
            <label for="since">{tr!("project-field-since")}</label>
            <input id="since" name="since" type="date" aria-describedby="since-hint" />
            <p class="hint" id="since-hint">{tr!("project-field-since-hint")}</p>
            {move || field_message(error.get(), "since")}
        </div>
    }
}

/// Where the project is built, and for a flying-enclave project (飞地) the county it is hosted
/// for and that county's share of the revenue.
fn place_fields(counties: Vec<County>, error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field">
            <label for="county_id">{tr!("project-field-county")}</label>
            <select id="county_id" name="county_id">
                <option value="">{tr!("common-none")}</option>
                {counties.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.name(locale).to_string()}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "county_id")}
        </div>
        <div class="field">
            <label for="credit_code">{tr!("project-field-credit-code")}</label>
            <input id="credit_code" name="credit_code" type="text" maxlength="18" autocomplete="off"
                aria-describedby="credit_code-hint" />
            <p class="hint" id="credit_code-hint">{tr!("project-field-credit-code-hint")}</p>
            {move || field_message(error.get(), "credit_code")}
        </div>
        <div class="field">
            <label for="park">{tr!("project-field-park")}</label>
            <input id="park" name="park" type="text" maxlength="100" />
            {move || field_message(error.get(), "park")}
        </div>
        <div class="field">
            <label for="enclave_partner">{tr!("project-field-enclave-partner")}</label>
            <input id="enclave_partner" name="enclave_partner" type="text" maxlength="100" aria-describedby="enclave-hint" />
            <p class="hint" id="enclave-hint">{tr!("project-field-enclave-hint")}</p>
            {move || field_message(error.get(), "enclave_partner")}
        </div>
        <div class="field">
            <label for="enclave_share_pct">{tr!("project-field-enclave-share")}</label>
            <input id="enclave_share_pct" name="enclave_share_pct" type="number" min="0" max="100" step="1" />
            {move || field_message(error.get(), "enclave_share_pct")}
        </div>
    }
}

/// Who leads the project for the city (包抓领导), and the notes.
fn follow_up_fields(leaders: Vec<Officer>, error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="leader_id">{tr!("project-field-leader")}</label>
            <select id="leader_id" name="leader_id">
                <option value="">{tr!("project-no-leader")}</option>
                {leaders.into_iter().map(|l| view! { <option value=l.id.to_string()>{l.display_name.clone()}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "leader_id")}
        </div>
        <div class="field wide">
            <label for="notes">{tr!("field-notes")}</label>
            <textarea id="notes" name="notes" rows="3"></textarea>
            {move || field_message(error.get(), "notes")}
        </div>
    }
}
