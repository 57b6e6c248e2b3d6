//! Case pages: the list, opening a case for an enterprise, and the case with its workflow
//! and timeline.

use super::api::{get_case, list_cases, AddCaseNote, ChangeCaseStatus, OpenCase, ResetAccessCode, RouteCase};
use super::inbox::task_status_name;
use super::{Case, CaseEvent, CaseSummary, CaseType, EventKind, Priority};
use crate::domain::{CaseStatus, Locale};
use crate::error::AppError;
use crate::i18n::{format_datetime, use_locale};
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub fn status_name(s: CaseStatus) -> String {
    match s {
        CaseStatus::Submitted => tr!("case-status-submitted"),
        CaseStatus::Accepted => tr!("case-status-accepted"),
        CaseStatus::InProgress => tr!("case-status-in-progress"),
        CaseStatus::AwaitingApplicant => tr!("case-status-awaiting-applicant"),
        CaseStatus::Resolved => tr!("case-status-resolved"),
        CaseStatus::Closed => tr!("case-status-closed"),
        CaseStatus::Rejected => tr!("case-status-rejected"),
    }
}

pub fn type_name(t: CaseType) -> String {
    match t {
        CaseType::BusinessRegistration => tr!("case-type-business-registration"),
        CaseType::Customs => tr!("case-type-customs"),
        CaseType::Tax => tr!("case-type-tax"),
        CaseType::ForeignExchange => tr!("case-type-foreign-exchange"),
        CaseType::WorkPermit => tr!("case-type-work-permit"),
        CaseType::ResidencePermit => tr!("case-type-residence-permit"),
        CaseType::Visa => tr!("case-type-visa"),
        CaseType::LandUtilities => tr!("case-type-land-utilities"),
        CaseType::Financing => tr!("case-type-financing"),
        CaseType::PolicyQuestion => tr!("case-type-policy-question"),
        CaseType::Complaint => tr!("case-type-complaint"),
        CaseType::Other => tr!("case-type-other"),
    }
}

fn priority_name(p: Priority) -> String {
    match p {
        Priority::Low => tr!("priority-low"),
        Priority::Normal => tr!("priority-normal"),
        Priority::High => tr!("priority-high"),
        Priority::Urgent => tr!("priority-urgent"),
    }
}

/// A table of cases, shared by the case list and the enterprise page.
#[component]
pub fn CasesTable(cases: Vec<CaseSummary>) -> impl IntoView {
    let locale = use_locale();
    if cases.is_empty() {
        return view! { <p class="muted">{tr!("cases-none")}</p> }.into_any();
    }
    let rows = cases.into_iter().map(|c| case_row(c, locale)).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!("case-reference")}</th>
                    <th scope="col">{tr!("case-title")}</th>
                    <th scope="col">{tr!("case-enterprise")}</th>
                    <th scope="col">{tr!("case-type")}</th>
                    <th scope="col">{tr!("case-status")}</th>
                    <th scope="col">{tr!("case-opened")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn case_row(c: CaseSummary, locale: Locale) -> impl IntoView {
    let href = format!("/cases/{}", c.id);
    let green = c.green_channel.then(|| tr!("case-green-channel"));
    view! {
        <tr>
            <td><a href=href><code>{c.reference.clone()}</code></a></td>
            <td>{c.title.clone()}{green.map(|g| view! { <span class="badge badge-green">{g}</span> })}</td>
            <td>{c.enterprise_name.clone()}</td>
            <td>{type_name(c.case_type)}</td>
            <td><span class=format!("status status-{}", c.status.as_str())>{status_name(c.status)}</span></td>
            <td>{format_datetime(c.created_at, locale)}</td>
        </tr>
    }
}

#[component]
pub fn CasesPage() -> impl IntoView {
    let query = use_query_map();
    let mine = move || query.read().get("mine").as_deref() == Some("true");
    let status = move || query.read().get("status").filter(|s| !s.is_empty());
    let cases = Resource::new(move || (mine(), status()), |(mine, status)| list_cases(None, mine, status));
    view! {
        <Title text=tr!("cases-title") />
        <h1>{move || tr!("cases-title")}</h1>
        <form method="get" action="/cases" class="form-inline filters" role="search">
            <div class="field">
                <label for="status">{move || tr!("case-status")}</label>
                <select id="status" name="status">
                    <option value="">{move || tr!("common-any")}</option>
                    {CaseStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || status().as_deref() == Some(s.as_str())>{move || status_name(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="mine" value="true" checked=mine />" "{move || tr!("cases-mine-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{move || tr!("audit-filter")}</button>
        </form>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match cases.await {
                    Ok(list) => view! { <CasesTable cases=list /> }.into_any(),
                    Err(e) => page_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn NewCasePage() -> impl IntoView {
    let query = use_query_map();
    let enterprise_id = move || query.read().get("enterprise").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let open = ServerAction::<OpenCase>::new();
    let enterprise = Resource::new(enterprise_id, crate::enterprises::api::get_enterprise);
    let error = Signal::derive(move || open.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("cases-new") />
        <h1>{move || tr!("cases-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match enterprise.await {
                    Err(e) => page_error(e),
                    Ok(e) if !e.editable => page_error(AppError::Forbidden),
                    Ok(e) => {
                        let back = format!("/enterprises/{}", e.id);
                        view! {
                            <p class="breadcrumb"><a href=back>{e.name_zh.clone()}</a></p>
                            <FormError error />
                            <ActionForm action=open attr:class="form form-wide">
                                <input type="hidden" name="enterprise_id" value=e.id.to_string() />
                                <div class="form-grid">
                                    <div class="field">
                                        <label for="case_type">{tr!("case-type")}</label>
                                        <select id="case_type" name="case_type">
                                            {CaseType::ALL.into_iter().map(|t| view! { <option value=t.as_str()>{type_name(t)}</option> }).collect_view()}
                                        </select>
                                        {move || field_message(error.get(), "case_type")}
                                    </div>
                                    <div class="field">
                                        <label for="priority">{tr!("case-priority")}</label>
                                        <select id="priority" name="priority">
                                            {Priority::ALL.into_iter().map(|p| view! {
                                                <option value=p.as_str() selected=p == Priority::Normal>{priority_name(p)}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="language">{tr!("case-language")}</label>
                                        <select id="language" name="language">
                                            {Locale::ALL.into_iter().map(|l| view! { <option value=l.tag()>{l.endonym()}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field wide">
                                        <label for="title">{tr!("case-title")}</label>
                                        <input id="title" name="title" type="text" maxlength="200" required />
                                        {move || field_message(error.get(), "title")}
                                    </div>
                                    <div class="field wide">
                                        <label for="description">{tr!("case-description")}</label>
                                        <textarea id="description" name="description" rows="5" required></textarea>
                                        {move || field_message(error.get(), "description")}
                                    </div>
                                    <div class="field checkbox wide">
                                        <label><input type="checkbox" id="green_channel" name="green_channel" value="true" />" "{tr!("case-green-channel-long")}</label>
                                        <label><input type="checkbox" id="full_agency" name="full_agency" value="true" />" "{tr!("case-full-agency-long")}</label>
                                    </div>
                                </div>
                                <button type="submit" class="button-primary">{tr!("cases-open")}</button>
                            </ActionForm>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let change = ServerAction::<ChangeCaseStatus>::new();
    let note = ServerAction::<AddCaseNote>::new();
    let reset = ServerAction::<ResetAccessCode>::new();
    let route = ServerAction::<RouteCase>::new();
    let departments = Resource::new(|| (), |_| crate::admin::api::list_departments());
    let case = Resource::new(
        move || (id(), change.version().get(), note.version().get(), reset.version().get(), route.version().get()),
        |(id, ..)| get_case(id),
    );
    let change_error = Signal::derive(move || change.value().get().and_then(Result::err));
    let note_error = Signal::derive(move || note.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("cases-title") />
        <p class="breadcrumb"><a href="/cases">{move || tr!("cases-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let departments = departments.await.unwrap_or_default();
                match case.await {
                    Err(e) => page_error(e),
                    Ok(c) => view! {
                        <CaseView c=c.clone() change change_error note note_error reset />
                        <TasksSection c departments route />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CaseView(
    c: Case,
    change: ServerAction<ChangeCaseStatus>,
    #[prop(into)] change_error: Signal<Option<AppError>>,
    note: ServerAction<AddCaseNote>,
    #[prop(into)] note_error: Signal<Option<AppError>>,
    reset: ServerAction<ResetAccessCode>,
) -> impl IntoView {
    let locale = use_locale();
    let s = c.summary.clone();
    let enterprise_href = format!("/enterprises/{}", s.enterprise_id);
    let flags = [s.green_channel.then(|| tr!("case-green-channel")), c.full_agency.then(|| tr!("case-full-agency"))];
    let code = c.fresh_access_code.clone();
    let events = c.events.clone();
    view! {
        <h1><code>{s.reference.clone()}</code>" "{s.title.clone()}</h1>
        <p>
            <span class=format!("status status-{}", s.status.as_str())>{status_name(s.status)}</span>
            {flags.into_iter().flatten().map(|f| view! { <span class="badge badge-green">{f}</span> }).collect_view()}
        </p>
        {code.map(|code| view! {
            <div class="notice notice-info access-code" role="status">
                <p>{tr!("case-access-code-once")}</p>
                <p class="code"><strong id="access-code">{code}</strong></p>
            </div>
        })}
        <dl class="facts">
            <dt>{tr!("case-enterprise")}</dt><dd><a href=enterprise_href>{s.enterprise_name.clone()}</a></dd>
            <dt>{tr!("case-type")}</dt><dd>{type_name(s.case_type)}</dd>
            <dt>{tr!("case-priority")}</dt><dd>{priority_name(s.priority)}</dd>
            <dt>{tr!("case-language")}</dt><dd>{c.language.endonym()}</dd>
            <dt>{tr!("case-owner")}</dt><dd>{s.owner_name.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{tr!("case-opened")}</dt><dd>{format_datetime(s.created_at, locale)}</dd>
        </dl>
        <section class="panel"><h2>{tr!("case-description")}</h2><p class="notes">{c.description.clone()}</p></section>
        {(c.editable && !c.next_statuses.is_empty()).then(|| {
            let next = c.next_statuses.clone();
            view! {
                <section class="panel" aria-labelledby="status-heading">
                    <h2 id="status-heading">{tr!("case-change-status")}</h2>
                    <FormError error=change_error />
                    <ActionForm action=change attr:class="form">
                        <input type="hidden" name="id" value=s.id.to_string() />
                        <input type="hidden" name="version" value=c.version.to_string() />
                        <div class="field">
                            <label for="to_status">{tr!("case-new-status")}</label>
                            <select id="to_status" name="to_status">
                                {next.into_iter().map(|n| view! { <option value=n.as_str()>{status_name(n)}</option> }).collect_view()}
                            </select>
                            {move || field_message(change_error.get(), "to_status")}
                        </div>
                        <div class="field">
                            <label for="reason">{tr!("case-reason")}</label>
                            <textarea id="reason" name="reason" rows="2" aria-describedby="reason-hint"></textarea>
                            <p class="hint" id="reason-hint">{tr!("case-reason-hint")}</p>
                            {move || field_message(change_error.get(), "reason")}
                        </div>
                        <button type="submit" class="button-primary">{tr!("case-change-status")}</button>
                    </ActionForm>
                </section>
            }
        })}
        {c.editable.then(|| view! {
            <section class="panel" aria-labelledby="note-heading">
                <h2 id="note-heading">{tr!("case-internal-note")}</h2>
                <p class="hint">{tr!("case-internal-note-hint")}</p>
                <FormError error=note_error />
                <ActionForm action=note attr:class="form">
                    <input type="hidden" name="id" value=s.id.to_string() />
                    <div class="field">
                        <label for="note">{tr!("case-internal-note")}</label>
                        <textarea id="note" name="note" rows="3"></textarea>
                        {move || field_message(note_error.get(), "note")}
                    </div>
                    <button type="submit" class="button-secondary">{tr!("case-add-note")}</button>
                </ActionForm>
                <ActionForm action=reset attr:class="form-inline">
                    <input type="hidden" name="id" value=s.id.to_string() />
                    <button type="submit" class="button-secondary">{tr!("case-reset-access-code")}</button>
                </ActionForm>
            </section>
        })}
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{tr!("case-timeline")}</h2>
            <ol class="history timeline">
                {events.into_iter().map(|e| event_item(e, locale)).collect_view()}
            </ol>
        </section>
    }
}

fn event_item(e: CaseEvent, locale: Locale) -> impl IntoView {
    let what = match e.kind {
        EventKind::Created => tr!("case-event-created"),
        EventKind::StatusChanged => {
            let from = e.from_status.map(status_name).unwrap_or_default();
            let to = e.to_status.map(status_name).unwrap_or_default();
            tr!("case-event-status", { "from" => from, "to" => to })
        }
        EventKind::InternalNote => tr!("case-event-internal-note"),
        EventKind::PublicUpdate => tr!("case-event-public-update"),
        EventKind::AccessCodeReset => tr!("case-event-access-code-reset"),
    };
    let internal = e.kind == EventKind::InternalNote;
    view! {
        <li class:internal=internal>
            <strong>{what}</strong>" · "{format_datetime(e.created_at, locale)}" · "{e.author_name.clone().unwrap_or_default()}
            {(!e.note.is_empty()).then(|| view! { <br /><span class="notes">{e.note.clone()}</span> })}
        </li>
    }
}

#[component]
fn TasksSection(c: Case, departments: Vec<crate::admin::Department>, route: ServerAction<RouteCase>) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || route.value().get().and_then(Result::err));
    let routed: Vec<i64> = c.tasks.iter().map(|t| t.department_id).collect();
    let rows = c
        .tasks
        .iter()
        .map(|t| {
            let name = match locale {
                Locale::ZhCn => t.department_name_zh.clone(),
                Locale::En => t.department_name_en.clone(),
                Locale::Fr => t.department_name_fr.clone(),
            };
            let due = t.due_on.map(|d| crate::i18n::format_day(d, locale));
            view! {
                <tr>
                    <td>{name}</td>
                    <td><span class=format!("status status-task-{}", t.status.as_str())>{task_status_name(t.status)}</span></td>
                    <td>{due.unwrap_or_default()}</td>
                    <td class="notes">{t.department_note.clone()}</td>
                    <td>{t.updated_by_name.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let may_route = c.editable && c.summary.status.is_open();
    let choices: Vec<_> = departments.into_iter().filter(|d| !routed.contains(&d.id)).collect();
    view! {
        <section class="panel" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">{tr!("case-tasks")}</h2>
            {if c.tasks.is_empty() {
                view! { <p class="muted">{tr!("case-no-tasks")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table">
                        <thead><tr>
                            <th scope="col">{tr!("field-department")}</th>
                            <th scope="col">{tr!("task-status")}</th>
                            <th scope="col">{tr!("task-due")}</th>
                            <th scope="col">{tr!("task-note")}</th>
                            <th scope="col">{tr!("task-updated-by")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                }.into_any()
            }}
            {(may_route && !choices.is_empty()).then(|| view! {
                <h3>{tr!("case-route")}</h3>
                <FormError error />
                <ActionForm action=route attr:class="form">
                    <input type="hidden" name="id" value=c.summary.id.to_string() />
                    <fieldset class="field checkbox">
                        <legend>{tr!("case-route-departments")}</legend>
                        {choices.into_iter().map(|d| {
                            let label = d.name(locale).to_string();
                            view! { <label><input type="checkbox" name="department_ids[]" value=d.id.to_string() />" "{label}</label> }
                        }).collect_view()}
                        {move || field_message(error.get(), "department_ids")}
                    </fieldset>
                    <div class="field">
                        <label for="due_on">{tr!("task-due")}</label>
                        <input id="due_on" name="due_on" type="date" />
                        {move || field_message(error.get(), "due_on")}
                    </div>
                    <div class="field">
                        <label for="instructions">{tr!("task-instructions")}</label>
                        <textarea id="instructions" name="instructions" rows="2"></textarea>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("case-route")}</button>
                </ActionForm>
            })}
        </section>
    }
}
