//! The leaders' investment tasks of a year: each leader's targets and how far the projects
//! have come towards them, and for admins the form that sets a target.

use super::{percent, yi};
use crate::domain::Locale;
use crate::enterprises::api::list_leaders;
use crate::enterprises::Officer;
use crate::i18n::use_locale;
use crate::projects::tasks::{leader_tasks, LeaderTask, SetLeaderTarget, TaskList};
use crate::shell::{field_message, page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TasksPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.trim().parse::<i32>().ok());
    let set = ServerAction::<SetLeaderTarget>::new();
    let tasks = crate::codec::resource(move || (year(), set.version().get()), |(year, _)| leader_tasks(year));
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let saved = Signal::derive(move || matches!(set.value().get(), Some(Ok(()))));
    view! {
        <Title text=tr!("leader-tasks-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <h1>{move || tr!("leader-tasks-title")}</h1>
        <p class="hint">{move || tr!("leader-tasks-hint")}</p>
        <Saved show=saved />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let leaders = leaders.await.unwrap_or_default();
                match tasks.await {
                    Err(e) => page_error(e),
                    Ok(list) => view! {
                        <form method="get" action="/projects/tasks" class="form-inline filters" role="search">
                            <div class="field">
                                <label for="year">{tr!("field-year")}</label>
                                <input id="year" name="year" type="number" min="2000" max="2100" value=list.year.to_string() />
                            </div>
                            <button type="submit" class="button-secondary">{tr!("rates-show")}</button>
                        </form>
                        {tasks_table(&list, locale)}
                        {list.editable.then(|| target_form(list.year, leaders, set))}
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Progress as a share of a target, or a dash when there is no target.
fn progress(done: i64, target: i64, locale: Locale) -> String {
    // In i128: amounts in 万元 times 10 000 leave i64 behind for the largest investments.
    let (done, target) = (i128::from(done), i128::from(target));
    let basis_points = (target > 0).then(|| u64::try_from((done * 10_000 + target / 2) / target).unwrap_or(u64::MAX));
    percent(basis_points, locale)
}

fn tasks_table(list: &TaskList, locale: Locale) -> AnyView {
    if list.tasks.is_empty() {
        return view! { <p class="muted">{tr!("leader-tasks-none")}</p> }.into_any();
    }
    // Read before the view: see `list::headings`.
    let labels = [
        tr!("project-field-leader"),
        tr!("leader-tasks-target-projects"),
        tr!("leader-tasks-signed"),
        tr!("leader-tasks-progress"),
        tr!("leader-tasks-target-investment"),
        tr!("leader-tasks-investment"),
        tr!("leader-tasks-progress"),
    ];
    let headings = labels.into_iter().map(|l| view! { <th scope="col">{l}</th> }).collect_view();
    let rows = list.tasks.iter().map(|t| task_row(t, t.leader_id == list.reader_id, locale)).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table rates tasks">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn task_row(t: &LeaderTask, mine: bool, locale: Locale) -> impl IntoView {
    let href = format!("/projects?leader_id={}", t.leader_id);
    view! {
        <tr class:mine=mine>
            <th scope="row"><a href=href>{t.leader_name.clone()}</a></th>
            <td class="num">{t.target_projects}</td>
            <td class="num">{t.signed}</td>
            <td class="num">{progress(t.signed, t.target_projects, locale)}</td>
            <td class="num">{yi(t.target_investment, locale)}</td>
            <td class="num">{yi(t.investment, locale)}</td>
            <td class="num">{progress(t.investment.0, t.target_investment.0, locale)}</td>
        </tr>
    }
}

fn target_form(year: i32, leaders: Vec<Officer>, set: ServerAction<SetLeaderTarget>) -> impl IntoView {
    let error = Signal::derive(move || set.value().get().and_then(Result::err));
    view! {
        <section class="panel" aria-labelledby="set-target">
            <h2 id="set-target">{tr!("leader-tasks-set")}</h2>
            <FormError error />
            <ActionForm action=set attr:class="form form-inline">
                <div class="field">
                    <label for="leader_id">{tr!("project-field-leader")}</label>
                    <select id="leader_id" name="leader_id">
                        {leaders.into_iter().map(|l| view! { <option value=l.id.to_string()>{l.display_name.clone()}</option> }).collect_view()}
                    </select>
                    {move || field_message(error.get(), "leader_id")}
                </div>
                <div class="field">
                    <label for="target_year">{tr!("field-year")}</label>
                    <input id="target_year" name="year" type="number" min="2000" max="2100" required value=year.to_string() />
                    {move || field_message(error.get(), "year")}
                </div>
                <div class="field">
                    <label for="target_projects">{tr!("leader-tasks-target-projects")}</label>
                    <input id="target_projects" name="target_projects" type="number" min="0" required />
                    {move || field_message(error.get(), "target_projects")}
                </div>
                <div class="field">
                    <label for="target_investment">{tr!("leader-tasks-target-investment")}</label>
                    <input id="target_investment" name="target_investment" type="text" inputmode="decimal" required />
                    {move || field_message(error.get(), "target_investment")}
                </div>
                <button type="submit" class="button-primary">{tr!("leader-tasks-set")}</button>
            </ActionForm>
        </section>
    }
}
