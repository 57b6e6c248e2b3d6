//! Sections of a case's page: the public update in three languages, the department tasks
//! and routing, and taking a portal request from the intake queue.

use crate::cases::api::{AddPublicUpdate, RouteCase, TakeFromIntake};
use crate::cases::inbox::task_status_name;
use crate::cases::Case;
use crate::domain::{CaseStatus, Locale};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::shell::{field_message, language_name, FormError};
use leptos::prelude::*;

/// The form for a public update: zh-CN, en and fr side by side, the investor's language
/// marked; at least one is needed.
#[component]
pub(super) fn PublicUpdateSection(c: Case, update: ServerAction<AddPublicUpdate>) -> impl IntoView {
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let investor = c.language;
    let may = c.editable && !matches!(c.summary.status, CaseStatus::Closed | CaseStatus::Rejected);
    may.then(|| {
        let fields = Locale::ALL.into_iter().map(|l| public_field(l, l == investor, error)).collect_view();
        view! {
            <section class="panel" aria-labelledby="public-heading">
                <h2 id="public-heading">{tr!("public-update-title")}</h2>
                <p class="hint">{tr!("public-update-hint", { "language" => language_name(investor) })}</p>
                <FormError error />
                <ActionForm action=update attr:class="form form-wide">
                    <input type="hidden" name="id" value=c.summary.id.to_string() />
                    <div class="public-texts">{fields}</div>
                    <button type="submit" class="button-primary">{tr!("public-update-post")}</button>
                </ActionForm>
            </section>
        }
    })
}

fn public_field(l: Locale, is_investors: bool, error: Signal<Option<AppError>>) -> impl IntoView {
    let name: &'static str = match l {
        Locale::ZhCn => "public_zh",
        Locale::En => "public_en",
        Locale::Fr => "public_fr",
    };
    let mark = is_investors
        .then(|| view! { " "<span class="badge badge-muted">{tr!("public-update-investor-language")}</span> });
    view! {
        <div class="field public-text">
            <label for=name>{l.endonym()}{mark}</label>
            <textarea id=name name=name rows="4" lang=l.tag()></textarea>
            {move || field_message(error.get(), name)}
        </div>
    }
}

#[component]
pub(super) fn TasksSection(
    c: Case,
    departments: Vec<crate::admin::Department>,
    route: ServerAction<RouteCase>,
) -> impl IntoView {
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

/// A portal request in the intake queue: staff give it its enterprise by credit code.
#[component]
pub(super) fn IntakeSection(c: Case, take: ServerAction<TakeFromIntake>) -> impl IntoView {
    let error = Signal::derive(move || take.value().get().and_then(Result::err));
    c.routable.then(|| {
        let given = c.credit_code_given.clone().unwrap_or_default();
        view! {
            <section class="panel notice-info" aria-labelledby="intake-heading">
                <h2 id="intake-heading">{tr!("case-intake-title")}</h2>
                <p>{tr!("case-intake-text")}</p>
                <FormError error />
                <ActionForm action=take attr:class="form form-inline">
                    <input type="hidden" name="id" value=c.summary.id.to_string() />
                    <input type="hidden" name="version" value=c.version.to_string() />
                    <div class="field">
                        <label for="credit_code">{tr!("field-credit-code")}</label>
                        <input id="credit_code" name="credit_code" type="text" value=given maxlength="18" />
                        {move || field_message(error.get(), "credit_code")}
                    </div>
                    <button type="submit" class="button-primary">{tr!("case-intake-take")}</button>
                </ActionForm>
            </section>
        }
    })
}
