//! One enterprise's page: its facts, its sections (liaison officer, leader, people, cases,
//! contacts), the edit form and its history. The cases panel is drawn by `cases`, which
//! builds on the register (`cases::pages::enterprise`), and given to the page as a `Panel`.

use super::form::EnterpriseFields;
use super::sections::{ContactsSection, LeaderSection, LiaisonSection, PeopleSection};
use super::{chain_name, country_name, lifecycle_name};
use crate::enterprises::api::{
    get_enterprise, list_industry_chains, list_officers, AssignLiaison, RecordContact, UpdateEnterprise,
};
use crate::enterprises::{Enterprise, IndustryChain};
use crate::error::AppError;
use crate::i18n::{format_datetime, format_money, format_number, use_locale};
use crate::shell::{page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A panel that an area building on the register draws on an enterprise's page, once the
/// enterprise is read: given its id and whether the reader may edit it. Whatever it loads is
/// made with the page and awaited with the enterprise, so the page is still drawn whole.
#[derive(Clone)]
pub struct Panel(Arc<dyn Fn(i64, bool) -> Drawing + Send + Sync>);

type Drawing = Pin<Box<dyn Future<Output = AnyView> + Send>>;

impl Panel {
    pub fn new<Fut>(draw: impl Fn(i64, bool) -> Fut + Send + Sync + 'static) -> Panel
    where
        Fut: Future<Output = AnyView> + Send + 'static,
    {
        Panel(Arc::new(move |id: i64, editable: bool| -> Drawing { Box::pin(draw(id, editable)) }))
    }

    async fn draw(self, id: i64, editable: bool) -> AnyView {
        (self.0)(id, editable).await
    }
}

/// The enterprise's page, with its `cases` panel between the people and the contacts.
#[component]
pub fn EnterprisePage(cases: Panel) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateEnterprise>::new();
    let assign = ServerAction::<AssignLiaison>::new();
    let contact = ServerAction::<RecordContact>::new();
    let leader = ServerAction::<crate::enterprises::api::SetResponsibleLeader>::new();
    let add_person = ServerAction::<crate::enterprises::api::AddPerson>::new();
    let remove_person = ServerAction::<crate::enterprises::api::RemovePerson>::new();
    let versions = move || {
        let actions = [
            update.version(),
            assign.version(),
            contact.version(),
            leader.version(),
            add_person.version(),
            remove_person.version(),
        ];
        (id(), actions.map(|v| v.get()))
    };
    let leaders = crate::codec::resource(|| (), |_| crate::enterprises::api::list_leaders());
    let enterprise = crate::codec::resource(versions, |(id, ..)| get_enterprise(id));
    let history = crate::codec::resource(versions, |(id, ..)| crate::enterprises::api::enterprise_history(id));
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let officers = crate::codec::resource(|| (), |_| list_officers());
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let assign_error = Signal::derive(move || assign.value().get().and_then(Result::err));
    let contact_error = Signal::derive(move || contact.value().get().and_then(Result::err));
    let saved = Signal::derive(move || {
        matches!(update.value().get(), Some(Ok(())))
            || matches!(assign.value().get(), Some(Ok(())))
            || matches!(contact.value().get(), Some(Ok(())))
            || matches!(leader.value().get(), Some(Ok(())))
            || query.read().get("saved").is_some()
    });

    view! {
        <Title text=tr!("enterprises-title") />
        <p class="breadcrumb"><a href="/enterprises">{move || tr!("enterprises-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || {
                let cases = cases.clone();
                Suspend::new(async move {
                    let chains = chains.await.unwrap_or_default();
                    let officers = officers.await.unwrap_or_default();
                    let leaders = leaders.await.unwrap_or_default();
                    match enterprise.await {
                        Err(e) => page_error(e),
                        Ok(e) => view! {
                            <EnterpriseView e=e.clone() chains=chains.clone() />
                            <Saved show=saved />
                            <LiaisonSection e=e.clone() officers assign error=assign_error />
                            <LeaderSection e=e.clone() leaders action=leader />
                            <PeopleSection e=e.clone() add=add_person remove=remove_person />
                            {cases.draw(e.id, e.editable).await}
                            <ContactsSection e=e.clone() contact error=contact_error />
                            {edit_panel(e, chains, update, update_error)}
                        }.into_any(),
                    }
                })
            }}
        </Transition>
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || tr!("users-history")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(page) => view! { <crate::admin::pages::AuditTable entries=page.entries /> }.into_any(),
                        Err(e) => page_error(e),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The edit form, for a reader who may edit the enterprise.
fn edit_panel(
    e: Enterprise,
    chains: Vec<IndustryChain>,
    update: ServerAction<UpdateEnterprise>,
    update_error: Signal<Option<AppError>>,
) -> impl IntoView {
    e.editable.then(|| {
        view! {
            <section class="panel" aria-labelledby="edit-heading">
                <h2 id="edit-heading">{tr!("enterprises-edit")}</h2>
                <FormError error=update_error />
                <ActionForm action=update attr:class="form form-wide">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <input type="hidden" name="version" value=e.version.to_string() />
                    <EnterpriseFields current=Some(e.clone()) chains error=update_error />
                    <button type="submit" class="button-primary">{tr!("common-save")}</button>
                </ActionForm>
            </section>
        }
    })
}

#[component]
fn EnterpriseView(e: Enterprise, chains: Vec<IndustryChain>) -> impl IntoView {
    let locale = use_locale();
    let money = move |c: Option<i64>| c.map(|c| format_money(c, "USD", locale)).unwrap_or_else(|| "—".into());
    let count = move |n: Option<i32>| n.map(|n| format_number(n as f64, 0, locale)).unwrap_or_else(|| "—".into());
    let key = e.is_key.then(|| tr!("enterprises-key-badge"));
    let overdue = e.overdue.then(|| tr!("enterprises-overdue-badge"));
    let last = e
        .last_contact_on
        .map(|d| crate::i18n::format_day(d, locale))
        .unwrap_or_else(|| tr!("enterprises-never-contacted"));
    view! {
        <h1>
            {e.name_zh.clone()}
            {key.map(|k| view! { <span class="badge badge-key">{k}</span> })}
            {overdue.map(|o| view! { <span class="badge badge-warn">{o}</span> })}
        </h1>
        <p class="lead">{e.name_original.clone()}</p>
        <dl class="facts">
            <dt>{tr!("field-credit-code")}</dt><dd><code>{e.credit_code.clone().unwrap_or_else(|| "—".into())}</code></dd>
            <dt>{tr!("field-country")}</dt><dd>{country_name(&e.country, locale)}</dd>
            <dt>{tr!("field-industry-chain")}</dt><dd>{chain_name(&chains, e.industry_chain_id, locale)}</dd>
            <dt>{tr!("field-lifecycle")}</dt><dd>{lifecycle_name(e.lifecycle)}</dd>
            <dt>{tr!("field-registered-capital")}</dt><dd>{money(e.registered_capital_usd_cents)}</dd>
            <dt>{tr!("field-utilised-capital")}</dt><dd>{money(e.utilised_capital_usd_cents)}</dd>
            <dt>{tr!("field-employees")}</dt><dd>{count(e.employees)}</dd>
            <dt>{tr!("field-foreign-staff")}</dt><dd>{count(e.foreign_staff)}</dd>
            <dt>{tr!("field-address")}</dt><dd>{e.address.clone()}</dd>
            <dt>{tr!("enterprises-last-contact")}</dt><dd>{last}</dd>
            <dt>{tr!("enterprises-registered-on")}</dt><dd>{format_datetime(e.created_at, locale)}</dd>
        </dl>
        {(!e.notes.is_empty()).then(|| view! { <p class="notes">{e.notes.clone()}</p> })}
    }
}
