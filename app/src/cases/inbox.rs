//! A department liaison's inbox: their department's tasks and the few case facts they need.

use super::api::{my_tasks, UpdateTask};
use super::pages::type_name;
use super::tasks::{InboxTask, TaskStatus};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

pub fn task_status_name(s: TaskStatus) -> String {
    match s {
        TaskStatus::Pending => tr!("task-status-pending"),
        TaskStatus::InProgress => tr!("task-status-in-progress"),
        TaskStatus::Done => tr!("task-status-done"),
        TaskStatus::Blocked => tr!("task-status-blocked"),
    }
}

#[component]
pub fn TasksPage() -> impl IntoView {
    let update = ServerAction::<UpdateTask>::new();
    let tasks = crate::codec::resource(move || update.version().get(), |_| my_tasks());
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("tasks-title") />
        <h1>{move || tr!("tasks-title")}</h1>
        <p class="muted">{move || tr!("tasks-intro")}</p>
        <FormError error />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match tasks.await {
                    Err(e) => page_error(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{tr!("tasks-none")}</p> }.into_any(),
                    Ok(list) => list.into_iter().map(|t| view! { <TaskCard t update error /> }).collect_view().into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TaskCard(
    t: InboxTask,
    update: ServerAction<UpdateTask>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let due = t.due_on.map(|d| crate::i18n::format_day(d, locale));
    let form_id = format!("task-{}", t.id);
    let status_id = format!("status-{}", t.id);
    let note_id = format!("department_note-{}", t.id);
    view! {
        <section class="panel task" id=form_id aria-label=t.case_reference.clone()>
            <h2><code>{t.case_reference.clone()}</code>" "{t.case_title.clone()}</h2>
            <p>
                <span class=format!("status status-task-{}", t.status.as_str())>{task_status_name(t.status)}</span>
                " "{type_name(t.case_type)}" · "{t.enterprise_name.clone()}
                {t.enterprise_credit_code.clone().map(|c| view! { " · "<code>{c}</code> })}
            </p>
            {due.map(|d| view! { <p>{tr!("task-due")}{tr!("label-separator")}{d}</p> })}
            {(!t.instructions.is_empty()).then(|| view! { <p class="notes"><strong>{tr!("task-instructions")}{tr!("label-separator")}</strong>{t.instructions.clone()}</p> })}
            <ActionForm action=update attr:class="form">
                <input type="hidden" name="id" value=t.id.to_string() />
                <input type="hidden" name="version" value=t.version.to_string() />
                <div class="field">
                    <label for=status_id.clone()>{tr!("task-status")}</label>
                    <select id=status_id name="status">
                        {TaskStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=s == t.status>{task_status_name(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=note_id.clone()>{tr!("task-note")}</label>
                    <textarea id=note_id name="department_note" rows="2">{t.department_note.clone()}</textarea>
                    <p class="hint">{tr!("task-note-hint")}</p>
                    {move || field_message(error.get(), "department_note")}
                </div>
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}
