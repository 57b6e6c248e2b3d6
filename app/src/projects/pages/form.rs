//! Registering a project: who invests, and what, where it stands and who leads it; and the
//! same fields, filled in, to change it on its page.

use super::{capital_kind_name, source_name, stage_name};
use crate::enterprises::api::{list_industry_chains, list_leaders};
use crate::enterprises::{IndustryChain, Officer};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::pickers::country_options;
use crate::projects::api::{get_project, open_leads, RegisterProject, UpdateProject};
use crate::projects::chains::{list_sub_chains, SubChain};
use crate::projects::counties::{list_counties, County};
use crate::projects::events::api::event_choices;
use crate::projects::{CapitalKind, DelegationLead, ProjectForm, Source, Stage};
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn NewProjectPage() -> impl IntoView {
    let register = ServerAction::<RegisterProject>::new();
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let counties = crate::codec::resource(|| (), |_| list_counties());
    let events = crate::codec::resource(|| (), |_| event_choices());
    let subs = crate::codec::resource(|| (), |_| list_sub_chains());
    let leads = crate::codec::resource(|| (), |_| open_leads(None));
    // `?lead=ID`: registered from a delegation's investment lead (its page links here).
    let query = use_query_map();
    let lead = move || query.read().get("lead").and_then(|s| s.parse::<i64>().ok());
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
                let (counties, only_own) = choosable(me, counties.await.unwrap_or_default()).await;
                let events = events.await.unwrap_or_default();
                let leads = leads.await.unwrap_or_default();
                let subs = subs.await.unwrap_or_default();
                let blank = lead().and_then(|id| leads.iter().find(|l| l.outcome_id == id)).map(from_lead).unwrap_or_default();
                match chains.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(chains) => view! {
                        <FormError error />
                        <ActionForm action=register attr:class="form form-wide">
                            <div class="form-grid">
                                {investor_fields(&blank, error)}
                                {project_fields(&blank, chains, subs, events, error)}
                                {lead_field(&blank, &leads, error)}
                                {first_stage_fields(error)}
                                {place_fields(&blank, counties, only_own, error)}
                                {follow_up_fields(&blank, leaders, error)}
                            </div>
                            <button type="submit" class="button-primary">{tr!("projects-register")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A new project's form filled in from a delegation's investment lead: its description as the
/// name (to be shortened), the delegation as its source, the enterprise it names.
fn from_lead(lead: &DelegationLead) -> ProjectForm {
    ProjectForm {
        name: lead.description.chars().take(200).collect(),
        source: Source::Delegation.as_str().to_string(),
        credit_code: lead.credit_code.clone().unwrap_or_default(),
        delegation_outcome_id: lead.outcome_id.to_string(),
        ..ProjectForm::default()
    }
}

/// The delegation's investment lead the project came from: the open ones (and its own), each
/// named by its delegation and what was agreed.
fn lead_field(f: &ProjectForm, leads: &[DelegationLead], error: Signal<Option<AppError>>) -> impl IntoView {
    let separator = tr!("label-separator");
    let labels: Vec<(i64, String)> = leads
        .iter()
        .map(|l| {
            let mut text: String = l.description.chars().take(80).collect();
            if l.description.chars().count() > 80 {
                text.push('…');
            }
            (l.outcome_id, format!("{}{separator}{text}", l.delegation_title))
        })
        .collect();
    let options = crate::pickers::options_html(
        Some(&tr!("common-none")),
        labels.iter().map(|(id, label)| (*id, label.as_str())),
        f.delegation_outcome_id.parse::<i64>().ok(),
    );
    view! {
        <div class="field wide">
            <label for="delegation_outcome_id">{tr!("project-field-lead")}</label>
            <select id="delegation_outcome_id" name="delegation_outcome_id" aria-describedby="lead-hint"
                inner_html=options></select>
            <p class="hint" id="lead-hint">{tr!("project-field-lead-hint")}</p>
            {move || field_message(error.get(), "delegation_outcome_id")}
        </div>
    }
}

/// The counties the reader may build a project in: a county officer's own alone (and true),
/// every one for the others.
async fn choosable(me: crate::shell::Me, mut counties: Vec<County>) -> (Vec<County>, bool) {
    let own = match me.0.await {
        Ok(Some(u)) => crate::auth::project_scope(&u),
        _ => None,
    };
    if let Some(own) = own {
        counties.retain(|c| c.id == own);
    }
    (counties, own.is_some())
}

/// The project's name and who invests: the investor, and the country or province the money
/// comes from.
fn investor_fields(f: &ProjectForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    let countries = country_options(locale, Some(&tr!("common-none")), &[f.investor_country.as_str()]);
    view! {
        <div class="field wide">
            <label for="name">{tr!("project-field-name")}</label>
            <input id="name" name="name" type="text" maxlength="200" required value=f.name.clone() />
            {move || field_message(error.get(), "name")}
        </div>
        <div class="field wide">
            <label for="investor">{tr!("project-field-investor")}</label>
            <input id="investor" name="investor" type="text" maxlength="200" required value=f.investor.clone() />
            {move || field_message(error.get(), "investor")}
        </div>
        <div class="field">
            <label for="investor_country">{tr!("project-field-investor-country")}</label>
            <select id="investor_country" name="investor_country" aria-describedby="investor_country-hint"
                inner_html=countries>
            </select>
            <p class="hint" id="investor_country-hint">{tr!("project-field-investor-country-hint")}</p>
            {move || field_message(error.get(), "investor_country")}
        </div>
        <div class="field">
            <label for="investor_province">{tr!("project-field-investor-province")}</label>
            <input id="investor_province" name="investor_province" type="text" maxlength="50" lang="zh-CN"
                value=f.investor_province.clone() />
            {move || field_message(error.get(), "investor_province")}
        </div>
    }
}

/// What is invested: the industry chain, the amount, the kind of capital, how the project came
/// to the office and where it stands.
fn project_fields(
    f: &ProjectForm,
    chains: Vec<IndustryChain>,
    subs: Vec<SubChain>,
    events: Vec<(i64, String)>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let sub_options = sub_chain_options(&chains, &subs, f.sub_chain_id.parse::<i64>().ok(), locale);
    // The events are hundreds: their options as one string.
    let chosen = f.event_id.parse::<i64>().ok();
    let event_options = crate::pickers::options_html(
        Some(&tr!("common-none")),
        events.iter().map(|(id, name)| (*id, name.as_str())),
        chosen,
    );
    view! {
        <div class="field">
            <label for="industry_chain_id">{tr!("field-industry-chain")}</label>
            <select id="industry_chain_id" name="industry_chain_id">
                <option value="">{tr!("common-none")}</option>
                {chains.into_iter().map(|c| {
                    let id = c.id.to_string();
                    view! { <option selected=f.industry_chain_id == id value=id.clone()>{c.name(locale).to_string()}</option> }
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "industry_chain_id")}
        </div>
        <div class="field">
            <label for="sub_chain_id">{tr!("project-field-sub-chain")}</label>
            <select id="sub_chain_id" name="sub_chain_id" aria-describedby="sub_chain_id-hint" inner_html=sub_options></select>
            <p class="hint" id="sub_chain_id-hint">{tr!("project-field-sub-chain-hint")}</p>
            {move || field_message(error.get(), "sub_chain_id")}
        </div>
        <div class="field">
            <label for="total_investment">{tr!("project-field-total-investment")}</label>
            <input id="total_investment" name="total_investment" type="text" inputmode="decimal" required
                aria-describedby="total_investment-hint" value=f.total_investment.clone() />
            <p class="hint" id="total_investment-hint">{tr!("project-field-total-investment-hint")}</p>
            {move || field_message(error.get(), "total_investment")}
        </div>
        <div class="field">
            <label for="capital_kind">{tr!("project-field-capital-kind")}</label>
            <select id="capital_kind" name="capital_kind">
                {CapitalKind::ALL.into_iter().map(|k| view! {
                    <option selected=f.capital_kind == k.as_str() value=k.as_str()>{capital_kind_name(k)}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "capital_kind")}
        </div>
        <div class="field">
            <label for="source">{tr!("project-field-source")}</label>
            <select id="source" name="source">
                {Source::ALL.into_iter().map(|s| view! {
                    <option selected=f.source == s.as_str() value=s.as_str()>{source_name(s)}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "source")}
        </div>
        <div class="field">
            <label for="event_id">{tr!("project-field-event")}</label>
            <select id="event_id" name="event_id" aria-describedby="event_id-hint" inner_html=event_options></select>
            <p class="hint" id="event_id-hint">{tr!("project-field-event-hint")}</p>
            {move || field_message(error.get(), "event_id")}
        </div>
    }
}

/// The sub-chains as options, each chain's under its name (`<optgroup>`), "none" first.
pub(crate) fn sub_chain_options(
    chains: &[IndustryChain],
    subs: &[SubChain],
    chosen: Option<i64>,
    locale: crate::domain::Locale,
) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let mut html = format!("<option value=\"\">{}</option>", Esc(&tr!("common-none")));
    for chain in chains {
        let mut group = subs.iter().filter(|s| s.chain_id == chain.id).peekable();
        if group.peek().is_none() {
            continue;
        }
        let _ = write!(html, "<optgroup label=\"{}\">", Esc(chain.name(locale)));
        for s in group {
            let selected = if chosen == Some(s.id) { " selected" } else { "" };
            let _ = write!(html, "<option value=\"{}\"{selected}>{}</option>", s.id, Esc(s.name(locale)));
        }
        html.push_str("</optgroup>");
    }
    html
}

/// The stage a project is registered at and its day (a change moves it on its page instead).
fn first_stage_fields(error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
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
/// `only_own`: the counties are the reader's one (a county officer's), with no "none".
fn place_fields(
    f: &ProjectForm,
    counties: Vec<County>,
    only_own: bool,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field">
            <label for="county_id">{tr!("project-field-county")}</label>
            <select id="county_id" name="county_id">
                {(!only_own).then(|| view! { <option value="">{tr!("common-none")}</option> })}
                {counties.into_iter().map(|c| {
                    let id = c.id.to_string();
                    view! { <option selected=f.county_id == id value=id.clone()>{c.name(locale).to_string()}</option> }
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "county_id")}
        </div>
        <div class="field">
            <label for="credit_code">{tr!("project-field-credit-code")}</label>
            <input id="credit_code" name="credit_code" type="text" maxlength="18" autocomplete="off"
                aria-describedby="credit_code-hint" value=f.credit_code.clone() />
            <p class="hint" id="credit_code-hint">{tr!("project-field-credit-code-hint")}</p>
            {move || field_message(error.get(), "credit_code")}
        </div>
        <div class="field">
            <label for="park">{tr!("project-field-park")}</label>
            <input id="park" name="park" type="text" maxlength="100" value=f.park.clone() />
            {move || field_message(error.get(), "park")}
        </div>
        <div class="field">
            <label for="enclave_partner">{tr!("project-field-enclave-partner")}</label>
            <input id="enclave_partner" name="enclave_partner" type="text" maxlength="100" aria-describedby="enclave-hint"
                value=f.enclave_partner.clone() />
            <p class="hint" id="enclave-hint">{tr!("project-field-enclave-hint")}</p>
            {move || field_message(error.get(), "enclave_partner")}
        </div>
        <div class="field">
            <label for="enclave_share_pct">{tr!("project-field-enclave-share")}</label>
            <input id="enclave_share_pct" name="enclave_share_pct" type="number" min="0" max="100" step="1"
                value=f.enclave_share_pct.clone() />
            {move || field_message(error.get(), "enclave_share_pct")}
        </div>
    }
}

/// Who leads the project for the city (包抓领导), and the notes.
fn follow_up_fields(f: &ProjectForm, leaders: Vec<Officer>, error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="leader_id">{tr!("project-field-leader")}</label>
            <select id="leader_id" name="leader_id">
                <option value="">{tr!("project-no-leader")}</option>
                {leaders.into_iter().map(|l| {
                    let id = l.id.to_string();
                    view! { <option selected=f.leader_id == id value=id.clone()>{l.display_name.clone()}</option> }
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "leader_id")}
        </div>
        <div class="field wide">
            <label for="notes">{tr!("field-notes")}</label>
            <textarea id="notes" name="notes" rows="3">{f.notes.clone()}</textarea>
            {move || field_message(error.get(), "notes")}
        </div>
    }
}

/// The project's own fields, filled in, for whoever may work on it (`/projects/{id}/edit`);
/// the stage moves on its page. The enterprise's code is left empty: the link stays unless
/// another code is given.
#[component]
pub fn EditProjectPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let action = ServerAction::<UpdateProject>::new();
    let project = crate::codec::resource(id, get_project);
    let leads = crate::codec::resource(id, |id| open_leads(Some(id)));
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let counties = crate::codec::resource(|| (), |_| list_counties());
    let events = crate::codec::resource(|| (), |_| event_choices());
    let subs = crate::codec::resource(|| (), |_| list_sub_chains());
    let me = crate::shell::use_me();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("project-edit") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let (counties, only_own) = choosable(me, counties.await.unwrap_or_default()).await;
                let (chains, leaders) = (chains.await.unwrap_or_default(), leaders.await.unwrap_or_default());
                let (events, leads) = (events.await.unwrap_or_default(), leads.await.unwrap_or_default());
                let subs = subs.await.unwrap_or_default();
                match project.await {
                    Err(e) => page_error(e),
                    Ok(p) if !p.editable => page_error(AppError::Forbidden),
                    Ok(p) => {
                        let current = ProjectForm::of(&p);
                        let back = format!("/projects/{}", p.summary.id);
                        view! {
                            <h1>{tr!("project-edit")}{tr!("label-separator")}<a href=back>{p.summary.name.clone()}</a></h1>
                            <FormError error />
                            <ActionForm action attr:class="form form-wide">
                                <input type="hidden" name="id" value=p.summary.id.to_string() />
                                <input type="hidden" name="version" value=p.details.version.to_string() />
                                <div class="form-grid">
                                    {investor_fields(&current, error)}
                                    {project_fields(&current, chains, subs, events, error)}
                                    {lead_field(&current, &leads, error)}
                                    {place_fields(&current, counties, only_own, error)}
                                    {follow_up_fields(&current, leaders, error)}
                                </div>
                                <button type="submit" class="button-primary">{tr!("common-save")}</button>
                            </ActionForm>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
