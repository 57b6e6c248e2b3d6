//! Case pages: the list, opening a case for an enterprise, and the case with its workflow
//! and timeline.

use super::api::{
    get_case, list_cases, AddCaseNote, AddPublicUpdate, ChangeCaseStatus, OpenCase, ResetAccessCode, RouteCase,
    TakeFromIntake,
};
use super::inbox::task_status_name;
use super::{Case, CaseEvent, CaseFilter, CasePage, CaseSummary, CaseType, Deadline, EventKind, Priority, PublicText};
use crate::domain::{CaseStatus, Locale};
use crate::error::AppError;
use crate::i18n::{format_datetime, format_number, use_locale, Labels};
use crate::shell::{field_message, language_name, page_error, FormError};
use leptos::prelude::*;
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

pub fn deadline_badge(d: Deadline) -> Option<impl IntoView> {
    deadline_badge_with(d, &mut Labels::new())
}

/// The deadline's badge, its text from a table's `labels`.
fn deadline_badge_with(d: Deadline, labels: &mut Labels<Deadline>) -> Option<impl IntoView> {
    let class = match d {
        Deadline::Overdue => "badge badge-danger",
        Deadline::AtRisk => "badge badge-warn",
        Deadline::Stopped => "badge badge-muted",
        Deadline::OnTrack => "badge badge-ok",
        Deadline::None | Deadline::Finished => return None,
    };
    let text = labels.get(d, |d| match d {
        Deadline::Overdue => tr!("deadline-overdue"),
        Deadline::AtRisk => tr!("deadline-at-risk"),
        Deadline::Stopped => tr!("deadline-stopped"),
        _ => tr!("deadline-on-track"),
    });
    Some(view! { <span class=class>{text}</span> })
}

/// A table of cases, shared by the case list, the deadlines page and the enterprise page.
#[component]
pub fn CasesTable(cases: Vec<CaseSummary>) -> impl IntoView {
    let locale = use_locale();
    if cases.is_empty() {
        return view! { <p class="muted">{tr!("cases-none")}</p> }.into_any();
    }
    let mut labels = RowLabels::default();
    let rows = cases.into_iter().map(|c| case_row(c, locale, &mut labels)).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!("case-reference")}</th>
                    <th scope="col">{tr!("case-title")}</th>
                    <th scope="col">{tr!("case-enterprise")}</th>
                    <th scope="col">{tr!("case-type")}</th>
                    <th scope="col">{tr!("case-status")}</th>
                    <th scope="col">{tr!("case-owner")}</th>
                    <th scope="col">{tr!("case-due")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The enterprise of a case, linked; a portal request not yet routed shows the name the
/// applicant gave, marked as such.
fn enterprise_link(id: Option<i64>, name: String, intake: &mut Labels<()>) -> AnyView {
    match id {
        Some(id) => view! { <a href=format!("/enterprises/{id}")>{name}</a> }.into_any(),
        None => {
            let badge = intake.get((), |_| tr!("case-intake-badge"));
            view! { {name}" "<span class="badge badge-warn">{badge}</span> }.into_any()
        }
    }
}

/// The labels the rows of one table share.
#[derive(Default)]
struct RowLabels {
    intake: Labels<()>,
    green: Labels<()>,
    types: Labels<CaseType>,
    statuses: Labels<CaseStatus>,
    deadlines: Labels<Deadline>,
}

fn case_row(c: CaseSummary, locale: Locale, labels: &mut RowLabels) -> impl IntoView {
    let href = format!("/cases/{}", c.id);
    let enterprise = enterprise_link(c.enterprise_id, c.enterprise_name.clone(), &mut labels.intake);
    let green = c.green_channel.then(|| labels.green.get((), |_| tr!("case-green-channel")));
    let due = c.due_on.map(|d| crate::i18n::format_day(d, locale)).unwrap_or_default();
    let case_type = labels.types.get(c.case_type, type_name);
    let status = labels.statuses.get(c.status, status_name);
    let deadline = deadline_badge_with(c.deadline, &mut labels.deadlines);
    view! {
        <tr>
            <td><a href=href><code>{c.reference.clone()}</code></a></td>
            <td>{c.title.clone()}{green.map(|g| view! { <span class="badge badge-green">{g}</span> })}</td>
            <td>{enterprise}</td>
            <td>{case_type}</td>
            <td><span class=format!("status status-{}", c.status.as_str())>{status}</span></td>
            <td>{c.owner_name.clone().unwrap_or_default()}</td>
            <td>{due}" "{deadline}</td>
        </tr>
    }
}

/// The list URL for a filter on another page.
fn list_href(f: &CaseFilter, page: i64) -> String {
    crate::shell::with_query("/cases", &f.to_query(page))
}

#[component]
pub fn CasesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || CaseFilter::from_query(|k| query.read().get(k));
    // A page of fifty cases: sent to the browser packed (see `codec`).
    let cases = crate::codec::resource(filter, list_cases);
    view! {
        <Title text=tr!("cases-title") />
        <h1>{move || tr!("cases-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match cases.await {
                    Ok(page) => {
                        let f = filter();
                        view! {
                            <CaseFilterForm filter=f.clone() />
                            <CaseResults page filter=f />
                        }.into_any()
                    }
                    Err(e) => page_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn CaseFilterForm(filter: CaseFilter) -> impl IntoView {
    let f = filter;
    view! {
        <form method="get" action="/cases" class="form-inline filters" role="search">
            {f.enterprise_id.map(|id| view! { <input type="hidden" name="enterprise_id" value=id.to_string() /> })}
            <div class="field">
                <label for="q">{tr!("cases-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default() aria-describedby="q-hint" />
                <p class="hint" id="q-hint">{tr!("cases-search-hint")}</p>
            </div>
            <div class="field">
                <label for="status">{tr!("case-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {CaseStatus::ALL.into_iter().map(|s| {
                        let selected = f.status.as_deref() == Some(s.as_str());
                        view! { <option value=s.as_str() selected=selected>{status_name(s)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="case_type">{tr!("case-type")}</label>
                <select id="case_type" name="case_type">
                    <option value="">{tr!("common-any")}</option>
                    {CaseType::ALL.into_iter().map(|t| {
                        let selected = f.case_type.as_deref() == Some(t.as_str());
                        view! { <option value=t.as_str() selected=selected>{type_name(t)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="due">{tr!("case-deadline")}</label>
                <select id="due" name="due">
                    <option value="">{tr!("common-any")}</option>
                    <option value="at_risk" selected=f.due.as_deref() == Some("at_risk")>{tr!("deadline-at-risk")}</option>
                    <option value="overdue" selected=f.due.as_deref() == Some("overdue")>{tr!("deadline-overdue")}</option>
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="mine" value="true" checked=f.mine />" "{tr!("cases-mine-only")}</label>
                <label><input type="checkbox" name="green_channel" value="true" checked=f.green_channel />" "{tr!("case-green-channel")}</label>
                <label><input type="checkbox" name="intake" value="true" checked=f.intake />" "{tr!("cases-filter-intake")}</label>
                <label><input type="checkbox" name="led" value="true" checked=f.led />" "{tr!("cases-led-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn CaseResults(page: CasePage, filter: CaseFilter) -> impl IntoView {
    let locale = use_locale();
    let total = page.total;
    let paging = crate::shell::Paging::of(page.page, page.per_page, page.items.len(), total);
    let prev = (page.page > 0).then(|| list_href(&filter, page.page - 1));
    let next = paging.has_next.then(|| list_href(&filter, page.page + 1));
    let export = format!("/cases/export.csv?{}", filter.to_query(0));
    let (from, to) = (format_number(paging.from as f64, 0, locale), format_number(paging.to as f64, 0, locale));
    let count = if paging.capped {
        let cap = format_number(crate::domain::COUNT_CAP as f64, 0, locale);
        tr!("cases-count-many", { "from" => from, "to" => to, "total" => cap })
    } else {
        tr!("cases-count", { "from" => from, "to" => to, "total" => format_number(total as f64, 0, locale) })
    };
    view! {
        <div class="page-header">
            <p class="muted" role="status">{count}</p>
            <a href=export download="cases.csv">{tr!("common-export-csv")}</a>
        </div>
        <CasesTable cases=page.items />
        <nav class="pager" aria-label=tr!("common-pages")>
            {prev.map(|href| view! { <a href=href rel="prev">{tr!("common-previous")}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{tr!("common-next")}</a> })}
        </nav>
    }
}

/// Cases at risk and overdue; a leader sees first the overdue cases of the enterprises they
/// are responsible for.
#[component]
pub fn DeadlinesPage() -> impl IntoView {
    let lists = crate::codec::resource(|| (), |_| super::api::read_deadlines());
    view! {
        <Title text=tr!("deadlines-title") />
        <h1>{move || tr!("deadlines-title")}</h1>
        <p class="hint">{move || tr!("deadlines-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match lists.await {
                    Ok(lists) => view! {
                        {lists.led.map(|led| view! {
                            <section class="panel panel-alert" aria-labelledby="led-heading">
                                <h2 id="led-heading">{tr!("deadlines-led")}</h2>
                                <CasesTable cases=led />
                            </section>
                        })}
                        <DeadlineSection id="overdue" page=lists.overdue />
                        <DeadlineSection id="at_risk" page=lists.at_risk />
                    }.into_any(),
                    Err(e) => page_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn DeadlineSection(id: &'static str, page: CasePage) -> impl IntoView {
    let heading = if id == "overdue" { tr!("deadlines-overdue") } else { tr!("deadlines-at-risk") };
    let count = tr!("deadlines-count", { "total" => page.total });
    let all = format!("/cases?due={id}");
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <div class="page-header">
                <h2 id=heading_id>{heading}</h2>
                <a href=all>{count}</a>
            </div>
            <CasesTable cases=page.items />
        </section>
    }
}

#[component]
pub fn NewCasePage() -> impl IntoView {
    let query = use_query_map();
    let enterprise_id = move || query.read().get("enterprise").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let open = ServerAction::<OpenCase>::new();
    let enterprise = crate::codec::resource(enterprise_id, crate::enterprises::api::get_enterprise);
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
                                            {Locale::ALL.into_iter().map(|l| view! { <option value=l.tag()>{language_name(l)}</option> }).collect_view()}
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
                                    <div class="field">
                                        <label for="applicant_name">{tr!("case-applicant-name")}</label>
                                        <input id="applicant_name" name="applicant_name" type="text" maxlength="200" autocomplete="off" />
                                        {move || field_message(error.get(), "applicant_name")}
                                    </div>
                                    <div class="field">
                                        <label for="applicant_email">{tr!("case-applicant-email")}</label>
                                        <input id="applicant_email" name="applicant_email" type="email" maxlength="254"
                                            autocomplete="off" aria-describedby="applicant-email-hint" />
                                        <p class="hint" id="applicant-email-hint">{tr!("case-applicant-email-hint")}</p>
                                        {move || field_message(error.get(), "applicant_email")}
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
    let update = ServerAction::<AddPublicUpdate>::new();
    let take = ServerAction::<TakeFromIntake>::new();
    let departments = crate::codec::resource(|| (), |_| crate::admin::api::list_departments());
    let case = crate::codec::resource(
        move || {
            let versions =
                [change.version(), note.version(), reset.version(), route.version(), update.version(), take.version()];
            (id(), versions.map(|v| v.get()))
        },
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
                        <IntakeSection c=c.clone() take />
                        <CaseView c=c.clone() change change_error note note_error reset />
                        <PublicUpdateSection c=c.clone() update />
                        <TasksSection c=c.clone() departments route />
                        <crate::mail::pages::CaseMessages messages=c.messages />
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
    let enterprise = enterprise_link(s.enterprise_id, s.enterprise_name.clone(), &mut Labels::new());
    let flags = [
        s.green_channel.then(|| tr!("case-green-channel")),
        c.full_agency.then(|| tr!("case-full-agency")),
        c.from_portal.then(|| tr!("case-from-portal")),
    ];
    let staff = c.foreign_staff.clone();
    let rating = c.rating.clone();
    let phone = c.applicant_phone.clone();
    let code_given = c.credit_code_given.clone().filter(|_| s.enterprise_id.is_none());
    let code = c.fresh_access_code.clone();
    let events = c.events.clone();
    let due = s.due_on.map(|d| crate::i18n::format_day(d, locale)).unwrap_or_else(|| "—".into());
    let paused = c.paused_on.map(|d| {
        let since = crate::i18n::format_day(d, locale);
        view! { <br /><span class="muted small">{tr!("case-clock-stopped", { "since" => since })}</span> }
    });
    let investor = c.language;
    let applicant = match (c.applicant_name.trim(), c.applicant_email.as_deref()) {
        ("", None) => None,
        (name, None) => Some(name.to_string()),
        ("", Some(email)) => Some(email.to_string()),
        (name, Some(email)) => Some(format!("{name} <{email}>")),
    };
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
            <dt>{tr!("case-enterprise")}</dt><dd>{enterprise}</dd>
            {code_given.map(|code| view! { <dt>{tr!("case-credit-code-given")}</dt><dd><code>{code}</code></dd> })}
            <dt>{tr!("case-type")}</dt><dd>{type_name(s.case_type)}</dd>
            <dt>{tr!("case-priority")}</dt><dd>{priority_name(s.priority)}</dd>
            <dt>{tr!("case-language")}</dt><dd>{language_name(c.language)}</dd>
            {applicant.map(|a| view! { <dt>{tr!("case-applicant")}</dt><dd>{a}</dd> })}
            {phone.map(|p| view! { <dt>{tr!("case-applicant-phone")}</dt><dd>{p}</dd> })}
            <dt>{tr!("case-owner")}</dt><dd>{s.owner_name.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{tr!("case-opened")}</dt><dd>{format_datetime(s.created_at, locale)}</dd>
            <dt>{tr!("case-due")}</dt>
            <dd>{due}" "{deadline_badge(s.deadline)}{paused}</dd>
        </dl>
        {staff.map(|f| {
            let nationality = crate::domain::Country::parse("nationality", &f.nationality)
                .map(|c| c.name(locale).to_string())
                .unwrap_or(f.nationality.clone());
            let arrival = f.arrival_date.map(|d| crate::i18n::format_day(d, locale)).unwrap_or_default();
            let masked = f.passport_masked;
            view! {
                <section class="panel" aria-labelledby="staff-heading">
                    <h2 id="staff-heading">{tr!("case-foreign-staff")}</h2>
                    <dl class="facts">
                        <dt>{tr!("portal-field-passport-name")}</dt><dd>{f.passport_name.clone()}</dd>
                        <dt>{tr!("portal-field-nationality")}</dt><dd>{nationality}</dd>
                        <dt>{tr!("portal-field-passport-number")}</dt>
                        <dd><code id="passport-number">{f.passport_number.clone()}</code>
                            {masked.then(|| view! { " "<span class="muted small">{tr!("case-passport-masked")}</span> })}
                            {(!masked).then(|| view! { " "<span class="muted small">{tr!("case-passport-audited")}</span> })}
                        </dd>
                        <dt>{tr!("portal-field-position")}</dt><dd>{f.position.clone()}</dd>
                        <dt>{tr!("portal-field-arrival-date")}</dt><dd>{arrival}</dd>
                    </dl>
                </section>
            }
        })}
        <section class="panel"><h2>{tr!("case-description")}</h2><p class="notes">{c.description.clone()}</p></section>
        {rating.map(|(n, comment)| view! {
            <section class="panel" aria-labelledby="rating-heading">
                <h2 id="rating-heading">{tr!("portal-rating-title")}</h2>
                <p id="case-rating">{tr!("case-rating", { "rating" => n })}</p>
                {(!comment.is_empty()).then(|| view! { <blockquote>{comment}</blockquote> })}
            </section>
        })}
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
                {events.into_iter().map(|e| event_item(e, locale, investor)).collect_view()}
            </ol>
        </section>
    }
}

fn event_item(e: CaseEvent, locale: Locale, investor: Locale) -> impl IntoView {
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
        EventKind::ApplicantReply => tr!("case-event-applicant-reply"),
        EventKind::Rated => tr!("case-event-rated"),
        EventKind::Routed => tr!("case-event-routed"),
    };
    let author = e.author_name.clone().unwrap_or_else(|| tr!("case-author-applicant"));
    let internal = e.kind == EventKind::InternalNote;
    view! {
        <li class:internal=internal>
            <strong>{what}</strong>" · "{format_datetime(e.created_at, locale)}" · "{author}
            {(!e.note.is_empty()).then(|| view! { <br /><span class="notes">{e.note.clone()}</span> })}
            {e.public.map(|p| public_texts(p, investor))}
        </li>
    }
}

/// A public update's texts side by side, with the investor's language marked, or flagged
/// when it is missing.
fn public_texts(p: PublicText, investor: Locale) -> impl IntoView {
    let missing = p.get(investor).is_none().then(|| {
        view! { <p class="field-error">{tr!("public-update-missing-language", { "language" => language_name(investor) })}</p> }
    });
    let columns = Locale::ALL
        .into_iter()
        .filter_map(|l| p.get(l).map(|t| (l, t.to_string())))
        .map(|(l, text)| public_column(l, text, l == investor))
        .collect_view();
    view! {
        <div class="public-texts">{columns}</div>
        {missing}
    }
}

fn public_column(l: Locale, text: String, is_investors: bool) -> impl IntoView {
    let mark = is_investors
        .then(|| view! { " "<span class="badge badge-muted">{tr!("public-update-investor-language")}</span> });
    view! {
        <div class="public-text" lang=l.tag()>
            <p class="muted small">{l.endonym()}{mark}</p>
            <p class="notes">{text}</p>
        </div>
    }
}

/// The form for a public update: zh-CN, en and fr side by side, the investor's language
/// marked; at least one is needed.
#[component]
fn PublicUpdateSection(c: Case, update: ServerAction<AddPublicUpdate>) -> impl IntoView {
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

/// A portal request in the intake queue: staff give it its enterprise by credit code.
#[component]
fn IntakeSection(c: Case, take: ServerAction<TakeFromIntake>) -> impl IntoView {
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
