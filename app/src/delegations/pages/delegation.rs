//! A delegation's page: its facts, status, itinerary (from `itinerary`), members, gifts,
//! outcomes, the form that changes it, and its history.

use super::gifts::GiftsPanel;
use super::itinerary::{ClashesPanel, ItemPanel, ItineraryPanel, SendPanel};
use super::rules::BreachesPanel;
use super::{countries_text, direction_name, status_badge, status_name, DelegationFields};
use crate::delegations::api::{
    delegation_history, get_delegation, list_resources, AddGift, AddMember, AddOutcome, ChangeStatus, RemoveItem,
    RemoveMember, SaveItem, SendProgramme, UpdateDelegation,
};
use crate::delegations::{Delegation, DelegationStatus, Member, OutcomeKind};
use crate::domain::Locale;
use crate::i18n::{format_day, use_locale};
use crate::shell::{field_message, language_name, page_error, reset_when, with_aside, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn DelegationPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateDelegation>::new();
    let add_item = ServerAction::<SaveItem>::new();
    let remove_item = ServerAction::<RemoveItem>::new();
    let add_member = ServerAction::<AddMember>::new();
    let remove_member = ServerAction::<RemoveMember>::new();
    let change = ServerAction::<ChangeStatus>::new();
    let add_gift = ServerAction::<AddGift>::new();
    let add_outcome = ServerAction::<AddOutcome>::new();
    let send = ServerAction::<SendProgramme>::new();
    let versions = move || {
        let v = [
            update.version().get(),
            add_item.version().get(),
            remove_item.version().get(),
            add_member.version().get(),
            remove_member.version().get(),
            change.version().get(),
            add_gift.version().get(),
            add_outcome.version().get(),
            send.version().get(),
        ];
        // Opening an item for a change reloads the page's data with it.
        let editing = query.read().get("edit");
        (id(), v, editing)
    };
    let delegation = crate::codec::resource(versions, |(id, ..)| get_delegation(id));
    let history = crate::codec::resource(versions, |(id, ..)| delegation_history(id));
    leave_edit_form_when_saved(add_item, query, id);
    let resources = crate::codec::resource(|| (), |_| list_resources());
    view! {
        <Title text=tr!("delegations-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let resources = resources.await.unwrap_or_default();
                match delegation.await {
                    Err(e) => page_error(e),
                    Ok(d) => view! {
                        <DelegationView d=d.clone() />
                        <ClashesPanel d=d.clone() />
                        <BreachesPanel breaches=d.breaches.clone() />
                        <StatusPanel d=d.clone() change />
                        <ItineraryPanel d=d.clone() remove=remove_item />
                        {d.editable.then(|| {
                            // `?edit=<item>` opens that item in the form instead of a blank one.
                            let editing = query.read_untracked().get("edit").and_then(|e| e.parse::<i64>().ok())
                                .and_then(|e| d.items.iter().find(|i| i.id == e).cloned());
                            view! { <ItemPanel d=d.clone() resources=resources.clone() save=add_item editing /> }
                        })}
                        <MembersPanel d=d.clone() add=add_member remove=remove_member />
                        {d.editable.then(|| view! { <SendPanel d=d.clone() send /> })}
                        <GiftsPanel d=d.clone() add=add_gift />
                        <OutcomesPanel d=d.clone() add=add_outcome />
                        {d.editable.then(|| view! { <EditPanel d=d.clone() update /> })}
                    }.into_any(),
                }
            })}
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

/// A change to an item saved: leave the edit form (`?edit=<item>`) for the plain page.
fn leave_edit_form_when_saved(
    saved: ServerAction<SaveItem>,
    query: Memo<leptos_router::params::ParamsMap>,
    id: impl Fn() -> i64 + 'static,
) {
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(_)) = saved.value().get() {
            if query.read_untracked().get("edit").is_some() {
                navigate(&format!("/delegations/{}", id()), Default::default());
            }
        }
    });
}

/// The delegation's own fields for a change, folded away until the officer opens them.
#[component]
fn EditPanel(d: Delegation, update: ServerAction<UpdateDelegation>) -> impl IntoView {
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <section class="panel" aria-labelledby="edit-heading">
            <details>
                <summary><h2 id="edit-heading">{tr!("delegation-edit")}</h2></summary>
                <FormError error />
                <ActionForm action=update attr:class="form form-wide">
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <input type="hidden" name="version" value=d.version.to_string() />
                    <DelegationFields current=Some(d.clone()) error />
                    <button type="submit" class="button-primary">{tr!("common-save")}</button>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn DelegationView(d: Delegation) -> impl IntoView {
    let locale = use_locale();
    let dates = format!("{} – {}", format_day(d.starts_on, locale), format_day(d.ends_on, locale));
    let programme = format!("/delegations/{}/programme", d.id);
    let ics = format!("/delegations/{}/itinerary.ics", d.id);
    let ics_name = format!("delegation-{}.ics", d.id);
    view! {
        <div class="page-header">
            <h1>{d.title.clone()}" "{status_badge(d.status)}</h1>
            <div class="actions">
                <a class="button-secondary" href=programme rel="external">{tr!("delegation-print-programme")}</a>
                <a class="button-secondary" href=ics download=ics_name rel="external">{tr!("delegation-download-ics")}</a>
            </div>
        </div>
        <dl class="facts">
            <dt>{tr!("delegation-field-direction")}</dt><dd>{direction_name(d.direction)}</dd>
            <dt>{tr!("delegation-field-countries")}</dt><dd>{countries_text(&d.countries, locale)}</dd>
            <dt>{tr!("delegation-field-organisation")}</dt><dd>{d.organisation.clone()}</dd>
            <dt>{tr!("delegation-field-dates")}</dt><dd>{dates}</dd>
            <dt>{tr!("delegation-field-language")}</dt><dd>{language_name(d.language)}</dd>
            <dt>{tr!("delegation-field-officer")}</dt><dd>{d.officer_name.clone().unwrap_or_default()}</dd>
        </dl>
        {(!d.purpose.is_empty()).then(|| view! { <p class="notes">{d.purpose.clone()}</p> })}
        {(!d.override_reason.is_empty()).then(|| view! {
            <div class="notice notice-warn" role="note">
                <p><strong>{tr!("delegation-confirmed-over-clashes")}</strong>" "{d.override_reason.clone()}</p>
            </div>
        })}
    }
}

#[component]
fn StatusPanel(d: Delegation, change: ServerAction<ChangeStatus>) -> impl IntoView {
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    (!d.next_statuses.is_empty()).then(|| {
        let next = d.next_statuses.clone();
        view! {
            <section class="panel" aria-labelledby="status-heading">
                <h2 id="status-heading">{tr!("delegation-change-status")}</h2>
                <FormError error />
                <ActionForm action=change attr:class="form">
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <input type="hidden" name="version" value=d.version.to_string() />
                    <div class="field">
                        <label for="to_status">{tr!("delegation-new-status")}</label>
                        <select id="to_status" name="to_status">
                            {next.into_iter().map(|n| view! { <option value=n.as_str()>{status_name(n)}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "to_status")}
                    </div>
                    <div class="field">
                        <label for="reason">{tr!("delegation-reason")}</label>
                        <textarea id="reason" name="reason" rows="2" aria-describedby="reason-hint"></textarea>
                        <p class="hint" id="reason-hint">{tr!("delegation-reason-hint")}</p>
                        {move || field_message(error.get(), "reason")}
                    </div>
                    <button type="submit" class="button-primary">{tr!("delegation-change-status")}</button>
                </ActionForm>
            </section>
        }
    })
}

fn member_row(m: Member, did: i64, editable: bool, remove: ServerAction<RemoveMember>) -> impl IntoView {
    let masked = m.passport_masked;
    view! {
        <tr>
            <td>{m.passport_name.clone()}</td>
            <td lang="zh-CN">{m.chinese_name.clone()}</td>
            <td>{m.title.clone()}{(!m.organisation.is_empty()).then(|| format!(", {}", m.organisation))}</td>
            <td>{language_name(m.language)}</td>
            <td>{m.dietary.clone()}</td>
            <td><code class:masked=masked>{m.passport_number.clone()}</code></td>
            <td>{editable.then(|| view! {
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="id" value=did.to_string() />
                    <input type="hidden" name="member_id" value=m.id.to_string() />
                    <button type="submit" class="button-link">{tr!("common-remove")}</button>
                </ActionForm>
            })}</td>
        </tr>
    }
}

#[component]
fn MembersPanel(d: Delegation, add: ServerAction<AddMember>, remove: ServerAction<RemoveMember>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let editable = d.editable;
    let did = d.id;
    let name_label = tr!("member-field-passport-name");
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let table = (!d.members.is_empty()).then(|| {
        let rows = d.members.clone().into_iter().map(|m| member_row(m, did, editable, remove)).collect_view();
        view! {
            <div class="table-wrap">
                <table class="table members">
                    <thead><tr>
                        <th scope="col">{name_label}</th>
                        <th scope="col">{tr!("member-field-chinese-name")}</th>
                        <th scope="col">{tr!("member-field-title")}</th>
                        <th scope="col">{tr!("member-field-language")}</th>
                        <th scope="col">{tr!("member-field-dietary")}</th>
                        <th scope="col">{tr!("member-field-passport-number")}</th>
                        <th scope="col"><span class="visually-hidden">{tr!("common-actions")}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section class="panel" aria-labelledby="members-heading">
            <h2 id="members-heading">{with_aside(&tr!("delegation-members"), &d.members.len().to_string())}</h2>
            {table}
            {editable.then(|| view! {
                <h3>{tr!("member-add")}</h3>
                <FormError error />
                <ActionForm action=add node_ref=form attr:class="form form-wide">
                    <input type="hidden" name="id" value=did.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="passport_name">{tr!("member-field-passport-name")}</label>
                            <input id="passport_name" name="passport_name" type="text" maxlength="200" required autocomplete="off" />
                            {move || field_message(error.get(), "passport_name")}
                        </div>
                        <div class="field">
                            <label for="chinese_name">{tr!("member-field-chinese-name")}</label>
                            <input id="chinese_name" name="chinese_name" type="text" maxlength="100" lang="zh-CN" />
                            {move || field_message(error.get(), "chinese_name")}
                        </div>
                        <div class="field">
                            <label for="member_title">{tr!("member-field-title")}</label>
                            <input id="member_title" name="member_title" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="member_organisation">{tr!("member-field-organisation")}</label>
                            <input id="member_organisation" name="member_organisation" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="member_language">{tr!("member-field-language")}</label>
                            <select id="member_language" name="member_language">
                                {Locale::ALL.iter().map(|l| view! { <option value=l.tag() selected=*l == d.language>{language_name(*l)}</option> }).collect_view()}
                            </select>
                            {move || field_message(error.get(), "member_language")}
                        </div>
                        <div class="field">
                            <label for="dietary">{tr!("member-field-dietary")}</label>
                            <input id="dietary" name="dietary" type="text" maxlength="300" />
                        </div>
                        <div class="field">
                            <label for="passport_number">{tr!("member-field-passport-number")}</label>
                            <input id="passport_number" name="passport_number" type="text" maxlength="24" autocomplete="off" spellcheck="false" />
                            {move || field_message(error.get(), "passport_number")}
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("member-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}

fn outcome_kind_name(k: OutcomeKind) -> String {
    match k {
        OutcomeKind::Agreement => tr!("outcome-kind-agreement"),
        OutcomeKind::Lead => tr!("outcome-kind-lead"),
        OutcomeKind::Other => tr!("outcome-kind-other"),
    }
}

/// The project an investment lead became (linked for a reader of the register), or for one who
/// registers projects, the link that registers it, and for one who follows leads, the link that
/// opens a lead from it.
fn outcome_project(o: &crate::delegations::Outcome, reads: bool, registers: bool, leads: bool) -> Option<AnyView> {
    match (o.project_id, o.kind) {
        (Some(id), _) => {
            let name = o.project_name.clone().unwrap_or_default();
            let project =
                if reads { view! { <a href=format!("/projects/{id}")>{name}</a> }.into_any() } else { name.into_any() };
            Some(view! { " · "{tr!("outcome-became-project")}" "{project} }.into_any())
        }
        (None, OutcomeKind::Lead) if registers || leads => {
            let register = registers.then(|| {
                let href = format!("/projects/new?lead={}", o.id);
                view! { " · "<a href=href>{tr!("outcome-register-project")}</a> }
            });
            let follow = leads.then(|| {
                let href = format!("/promotion/leads/new?outcome={}", o.id);
                view! { " · "<a href=href>{tr!("outcome-open-lead")}</a> }
            });
            Some(view! { {register} {follow} }.into_any())
        }
        _ => None,
    }
}

#[component]
fn OutcomesPanel(d: Delegation, add: ServerAction<AddOutcome>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let open = matches!(d.status, DelegationStatus::InProgress | DelegationStatus::Completed);
    (open || !d.outcomes.is_empty()).then(|| {
        let items = d
            .outcomes
            .iter()
            .map(|o| {
                let enterprise = o.enterprise_id.map(|e| {
                    let href = format!("/enterprises/{e}");
                    view! { " · "<a href=href>{o.enterprise_name.clone().unwrap_or_default()}</a> }
                });
                let project = outcome_project(o, d.reads_projects, d.registers_projects, d.opens_leads);
                view! { <li><strong>{outcome_kind_name(o.kind)}</strong>" "{o.description.clone()}{enterprise}{project}</li> }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">{tr!("outcomes-title")}</h2>
                <ul class="history outcomes">{items}</ul>
                {(open && d.editable).then(|| view! {
                    <FormError error />
                    <ActionForm action=add node_ref=form attr:class="form">
                        <input type="hidden" name="id" value=d.id.to_string() />
                        <div class="field">
                            <label for="outcome_kind">{tr!("outcome-field-kind")}</label>
                            <select id="outcome_kind" name="outcome_kind">
                                {OutcomeKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{outcome_kind_name(*k)}</option> }).collect_view()}
                            </select>
                            {move || field_message(error.get(), "outcome_kind")}
                        </div>
                        <div class="field">
                            <label for="outcome_description">{tr!("outcome-field-description")}</label>
                            <textarea id="outcome_description" name="outcome_description" rows="2" required></textarea>
                            {move || field_message(error.get(), "outcome_description")}
                        </div>
                        <div class="field">
                            <label for="credit_code">{tr!("outcome-field-credit-code")}</label>
                            <input id="credit_code" name="credit_code" type="text" maxlength="24" autocomplete="off" spellcheck="false" aria-describedby="credit_code-hint" />
                            <p class="hint" id="credit_code-hint">{tr!("outcome-field-credit-code-hint")}</p>
                            {move || field_message(error.get(), "credit_code")}
                        </div>
                        <button type="submit" class="button-secondary">{tr!("outcomes-add")}</button>
                    </ActionForm>
                })}
            </section>
        }
    })
}
