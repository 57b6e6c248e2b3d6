//! Health checks on a project's page (each check, when the next is due, and the form that
//! records one and may route its problem to a department), and the list of started projects
//! whose check is overdue, with their responsible leaders.

use super::or_dash;
use crate::admin::api::list_departments;
use crate::admin::Department;
use crate::domain::Locale;
use crate::enterprises::api::list_leaders;
use crate::i18n::{format_day, use_locale};
use crate::projects::checks::{overdue_checks, CheckKind, OverdueList, ProjectCheck, RecordCheck, SetCheckInterval};
use crate::projects::{Project, Stage};
use crate::shell::{field_message, page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub fn check_kind_name(k: CheckKind) -> String {
    match k {
        CheckKind::HealthCheck => tr!("check-kind-health-check"),
        CheckKind::SiteVisit => tr!("check-kind-site-visit"),
    }
}

#[component]
pub(super) fn ChecksSection(p: Project, action: ServerAction<RecordCheck>) -> impl IntoView {
    let locale = use_locale();
    let departments = crate::codec::resource(|| (), |_| list_departments());
    let due = p.next_check_on.map(|day| tr!("checks-next", { "day" => format_day(day, locale) }));
    let list = if p.checks.is_empty() {
        view! { <p class="muted">{tr!("checks-none")}</p> }.into_any()
    } else {
        checks_table(&p.checks, locale)
    };
    let open = p.editable && p.summary.stage == Stage::Started;
    let id = p.summary.id;
    view! {
        <section class="panel" aria-labelledby="checks-heading">
            <h2 id="checks-heading">{tr!("checks-heading")}</h2>
            {due.map(|text| view! { <p class="lead">{text}</p> })}
            {list}
            {open.then(|| view! {
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let departments = departments.await.unwrap_or_default();
                        check_form(id, departments, action)
                    })}
                </Transition>
            })}
        </section>
    }
}

fn checks_table(checks: &[ProjectCheck], locale: Locale) -> AnyView {
    // Read before the view: see `list::headings`.
    let labels = [
        tr!("check-field-checked-on"),
        tr!("check-field-kind"),
        tr!("check-field-progress"),
        tr!("check-field-findings"),
        tr!("check-field-problem"),
        tr!("checks-case"),
        tr!("checks-checked-by"),
    ];
    let headings = labels.into_iter().map(|l| view! { <th scope="col">{l}</th> }).collect_view();
    let rows = checks
        .iter()
        .map(|c| {
            let case = c.case_id.map(|id| {
                let reference = c.case_reference.clone().unwrap_or_default();
                view! { <a href=format!("/cases/{id}")>{reference}</a> }
            });
            view! {
                <tr>
                    <td>{format_day(c.checked_on, locale)}</td>
                    <td>{check_kind_name(c.kind)}</td>
                    <td class="num">{super::whole_percent(c.progress_pct, locale)}</td>
                    <td>{or_dash(c.findings.clone())}</td>
                    <td>{or_dash(c.problem.clone())}</td>
                    <td>{case}</td>
                    <td>{c.checked_by.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table checks">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn check_form(id: i64, departments: Vec<Department>, action: ServerAction<RecordCheck>) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <h3>{tr!("checks-record")}</h3>
        <FormError error />
        <ActionForm action attr:class="form form-wide">
            <input type="hidden" name="id" value=id.to_string() />
            <div class="form-grid">
                <div class="field">
                    <label for="check_kind">{tr!("check-field-kind")}</label>
                    <select id="check_kind" name="kind">
                        {CheckKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{check_kind_name(k)}</option> }).collect_view()}
                    </select>
                    {move || field_message(error.get(), "kind")}
                </div>
                <div class="field">
                    <label for="checked_on">{tr!("check-field-checked-on")}</label>
                    <input id="checked_on" name="checked_on" type="date" aria-describedby="checked_on-hint" />
                    <p class="hint" id="checked_on-hint">{tr!("project-date-hint")}</p>
                    {move || field_message(error.get(), "checked_on")}
                </div>
                <div class="field">
                    <label for="progress_pct">{tr!("check-field-progress")}</label>
                    <input id="progress_pct" name="progress_pct" type="number" min="0" max="100" step="1" required />
                    {move || field_message(error.get(), "progress_pct")}
                </div>
                <div class="field wide">
                    <label for="findings">{tr!("check-field-findings")}</label>
                    <textarea id="findings" name="findings" rows="2"></textarea>
                    {move || field_message(error.get(), "findings")}
                </div>
                <div class="field wide">
                    <label for="problem">{tr!("check-field-problem")}</label>
                    <textarea id="problem" name="problem" rows="2"></textarea>
                    {move || field_message(error.get(), "problem")}
                </div>
                <div class="field">
                    <label for="department_id">{tr!("check-field-department")}</label>
                    <select id="department_id" name="department_id" aria-describedby="department_id-hint">
                        <option value="">{tr!("checks-no-department")}</option>
                        {departments.into_iter().map(|d| view! { <option value=d.id.to_string()>{d.name(locale).to_string()}</option> }).collect_view()}
                    </select>
                    <p class="hint" id="department_id-hint">{tr!("check-field-department-hint")}</p>
                    {move || field_message(error.get(), "department_id")}
                </div>
            </div>
            <button type="submit" class="button-primary">{tr!("checks-record")}</button>
        </ActionForm>
    }
}

#[component]
pub fn ChecksPage() -> impl IntoView {
    let query = use_query_map();
    let leader = move || query.read().get("leader_id").and_then(|s| s.trim().parse::<i64>().ok());
    let set = ServerAction::<SetCheckInterval>::new();
    let list = crate::codec::resource(move || (leader(), set.version().get()), |(leader, _)| overdue_checks(leader));
    let leaders = crate::codec::resource(|| (), |_| list_leaders());
    let saved = Signal::derive(move || matches!(set.value().get(), Some(Ok(()))));
    let error = Signal::derive(move || set.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("checks-overdue-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <h1>{move || tr!("checks-overdue-title")}</h1>
        <Saved show=saved />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let leaders = leaders.await.unwrap_or_default();
                match list.await {
                    Err(e) => page_error(e),
                    Ok(list) => {
                        let chosen = leader();
                        view! {
                            <p class="hint">{tr!("checks-overdue-hint", { "days" => list.interval_days })}</p>
                            <form method="get" action="/projects/checks" class="form-inline filters" role="search">
                                <div class="field">
                                    <label for="leader_id">{tr!("project-field-leader")}</label>
                                    <select id="leader_id" name="leader_id">
                                        <option value="">{tr!("common-any")}</option>
                                        {leaders.into_iter().map(|l| view! {
                                            <option value=l.id.to_string() selected=chosen == Some(l.id)>{l.display_name.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
                            </form>
                            {overdue_table(&list, locale)}
                            {list.editable.then(|| interval_form(list.interval_days, set, error))}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn overdue_table(list: &OverdueList, locale: Locale) -> AnyView {
    if list.items.is_empty() {
        return view! { <p class="muted">{tr!("checks-overdue-none")}</p> }.into_any();
    }
    // Read before the view: see `list::headings`.
    let labels = [
        tr!("project-field-name"),
        tr!("field-liaison-officer"),
        tr!("project-field-leader"),
        tr!("checks-last"),
        tr!("checks-due"),
    ];
    let headings = labels.into_iter().map(|l| view! { <th scope="col">{l}</th> }).collect_view();
    let rows = overdue_rows(list, locale);
    let shown = crate::projects::checks::OVERDUE_SHOWN;
    let more = (list.items.len() == shown)
        .then(|| view! { <p class="hint">{tr!("checks-longest-only", { "count" => shown })}</p> });
    view! {
        <div class="table-wrap">
            <table class="table checks-overdue">
                <thead><tr>{headings}</tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
        {more}
    }
    .into_any()
}

/// The overdue projects' rows as one escaped string (a hundred rows drawn element by element
/// were most of the page's cost, as the register's were); the reader's own marked.
fn overdue_rows(list: &OverdueList, locale: Locale) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let yours = tr!("checks-yours");
    let mut out = String::with_capacity(list.items.len() * 320);
    for o in &list.items {
        let own = list.own_leader.is_some() && o.leader_id == list.own_leader;
        let _ = write!(
            out,
            "<tr><td><a href=\"/projects/{}\">{}</a>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td><span class=\"badge badge-danger\">{}</span></td></tr>",
            o.project_id,
            Esc(&o.name),
            if own { format!(" <span class=\"badge\">{}</span>", Esc(&yours)) } else { String::new() },
            Esc(&o.officer_name),
            Esc(&or_dash(o.leader_name.clone().unwrap_or_default())),
            Esc(&format_day(o.last_on, locale)),
            Esc(&format_day(o.due_on, locale)),
        );
    }
    out
}

fn interval_form(
    days: i64,
    set: ServerAction<SetCheckInterval>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="interval-heading">
            <h2 id="interval-heading">{tr!("checks-interval")}</h2>
            <FormError error />
            <ActionForm action=set attr:class="form form-inline">
                <div class="field">
                    <label for="days">{tr!("checks-interval-days")}</label>
                    <input id="days" name="days" type="number" min="1" max="366" required value=days.to_string() />
                    {move || field_message(error.get(), "days")}
                </div>
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}
