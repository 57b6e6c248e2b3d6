//! A project's page: its facts, its three-way review and its stages, each with the form that
//! moves it on for a reader who may work on it.

use super::capital::CapitalSection;
use super::checks::ChecksSection;
use super::review::ReviewSection;
use super::stages::StageSection;
use super::{capital_kind_name, chain_name, country_name, or_dash, source_name, stage_name, yi};
use crate::enterprises::api::list_industry_chains;
use crate::enterprises::IndustryChain;
use crate::i18n::{format_day, use_locale};
use crate::projects::api::{get_project, MoveProject, ReviewProject};
use crate::projects::capital::RecordCapital;
use crate::projects::chains::{list_sub_chains, sub_chain_name, SubChain};
use crate::projects::checks::RecordCheck;
use crate::projects::counties::{county_name, list_counties, County};
use crate::projects::{Project, Stage};
use crate::shell::{page_error, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProjectPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let review = ServerAction::<ReviewProject>::new();
    let stage_move = ServerAction::<MoveProject>::new();
    let capital = ServerAction::<RecordCapital>::new();
    let check = ServerAction::<RecordCheck>::new();
    let versions = move || {
        let done = (review.version().get(), stage_move.version().get(), capital.version().get(), check.version().get());
        (id(), done)
    };
    let project = crate::codec::resource(versions, |(id, ..)| get_project(id));
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let counties = crate::codec::resource(|| (), |_| list_counties());
    let subs = crate::codec::resource(|| (), |_| list_sub_chains());
    let saved = Signal::derive(move || {
        [review.value().get(), stage_move.value().get(), capital.value().get(), check.value().get()]
            .iter()
            .any(|done| matches!(done, Some(Ok(()))))
    });
    view! {
        <Title text=tr!("projects-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let chains = chains.await.unwrap_or_default();
                let counties = counties.await.unwrap_or_default();
                let subs = subs.await.unwrap_or_default();
                match project.await {
                    Err(e) => page_error(e),
                    Ok(p) => view! {
                        <ProjectView p=p.clone() chains subs counties />
                        <Saved show=saved />
                        <ReviewSection p=p.clone() action=review />
                        <StageSection p=p.clone() action=stage_move />
                        <ChecksSection p=p.clone() action=check />
                        <CapitalSection p action=capital />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ProjectView(p: Project, chains: Vec<IndustryChain>, subs: Vec<SubChain>, counties: Vec<County>) -> impl IntoView {
    let locale = use_locale();
    let s = p.summary.clone();
    let badge = format!("status status-{}", s.stage.as_str());
    let country = if p.details.investor_country.is_empty() {
        String::new()
    } else {
        country_name(&p.details.investor_country, locale)
    };
    let leader = p.details.leader_name.clone().unwrap_or_else(|| tr!("project-no-leader"));
    let event = p.details.event_id.map(|id| {
        let name = p.details.event_name.clone().unwrap_or_default();
        view! { <dt>{tr!("project-field-event")}</dt><dd><a href=format!("/projects/events/{id}")>{name}</a></dd> }
    });
    let lead = p.details.lead.clone().map(|l| {
        let delegation = if p.reads_delegations {
            view! { <a href=format!("/delegations/{}", l.delegation_id)>{l.delegation_title}</a> }.into_any()
        } else {
            l.delegation_title.into_any()
        };
        view! { <dt>{tr!("project-field-lead")}</dt><dd>{delegation}{tr!("label-separator")}{l.description}</dd> }
    });
    let edit = p.editable.then(|| {
        view! { <p><a class="button-secondary" href=format!("/projects/{}/edit", s.id)>{tr!("project-edit")}</a></p> }
    });
    let enterprise = p.details.enterprise_id.map(|id| {
        let name = p.details.enterprise_name.clone().unwrap_or_default();
        view! { <dt>{tr!("project-field-enterprise")}</dt><dd><a href=format!("/enterprises/{id}")>{name}</a></dd> }
    });
    let enclave = (!p.details.enclave_partner.is_empty()).then(|| {
        let text = tr!("project-enclave", {
            "partner" => p.details.enclave_partner.clone(),
            "share" => p.details.enclave_share_pct.unwrap_or(0),
        });
        view! { <dt>{tr!("project-field-enclave-partner")}</dt><dd>{text}</dd> }
    });
    let dropped_from = p.details.dropped_from.filter(|_| s.stage == Stage::Dropped).map(|from| {
        view! { <dt>{tr!("project-dropped-from")}</dt><dd>{stage_name(from)}</dd> }
    });
    view! {
        <h1>{s.name.clone()}" "<span class=badge>{stage_name(s.stage)}</span></h1>
        <p class="lead">{s.investor.clone()}</p>
        <dl class="facts">
            {enterprise}
            <dt>{tr!("project-field-investor-country")}</dt><dd>{or_dash(country)}</dd>
            <dt>{tr!("project-field-investor-province")}</dt><dd>{or_dash(p.details.investor_province.clone())}</dd>
            <dt>{tr!("field-industry-chain")}</dt><dd>{or_dash(chain_name(&chains, s.industry_chain_id, locale))}</dd>
            <dt>{tr!("project-field-sub-chain")}</dt><dd>{or_dash(sub_chain_name(&subs, p.details.sub_chain_id, locale))}</dd>
            <dt>{tr!("project-field-county")}</dt><dd>{or_dash(county_name(&counties, s.county_id, locale))}</dd>
            <dt>{tr!("project-field-park")}</dt><dd>{or_dash(p.details.park.clone())}</dd>
            {enclave}
            <dt>{tr!("project-field-total-investment")}</dt><dd>{yi(s.total_investment, locale)}</dd>
            <dt>{tr!("project-field-capital-kind")}</dt><dd>{capital_kind_name(s.capital_kind)}</dd>
            <dt>{tr!("project-field-source")}</dt><dd>{source_name(p.details.source)}</dd>
            {event}
            {lead}
            <dt>{tr!("project-field-stage")}</dt><dd>{stage_name(s.stage)}</dd>
            <dt>{tr!("project-since")}</dt><dd>{format_day(s.stage_on, locale)}</dd>
            {dropped_from}
            <dt>{tr!("field-liaison-officer")}</dt><dd>{s.officer_name.clone()}</dd>
            <dt>{tr!("project-field-leader")}</dt><dd>{leader}</dd>
        </dl>
        {(!p.details.notes.is_empty()).then(|| view! { <p class="notes">{p.details.notes.clone()}</p> })}
        {edit}
    }
}
