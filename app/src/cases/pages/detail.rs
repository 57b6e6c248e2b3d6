//! A case's page: its facts, the applicant, the foreign employee's identity, the rating, the
//! status and note forms, and the timeline with public updates in each language.

use super::sections::{IntakeSection, PublicUpdateSection, TasksSection};
use super::table::{deadline_badge, enterprise_link};
use super::{priority_name, status_name, type_name};
use crate::cases::api::{
    get_case, AddCaseNote, AddPublicUpdate, ChangeCaseStatus, ResetAccessCode, RouteCase, TakeFromIntake,
};
use crate::cases::{Case, CaseEvent, EventKind, ForeignStaff, PublicText};
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n::{format_datetime, use_locale, Labels};
use crate::shell::{field_message, language_name, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

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
    let applicant = applicant_line(&c);
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
        {staff.map(|f| foreign_staff_panel(f, locale))}
        <section class="panel"><h2>{tr!("case-description")}</h2><p class="notes">{c.description.clone()}</p></section>
        {rating.map(rating_panel)}
        {status_form(&c, change, change_error)}
        {note_form(c.editable, s.id, note, note_error, reset)}
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{tr!("case-timeline")}</h2>
            <ol class="history timeline">
                {events.into_iter().map(|e| event_item(e, locale, investor)).collect_view()}
            </ol>
        </section>
    }
}

/// Who asked: "name <email>", or whichever of the two is known.
fn applicant_line(c: &Case) -> Option<String> {
    match (c.applicant_name.trim(), c.applicant_email.as_deref()) {
        ("", None) => None,
        (name, None) => Some(name.to_string()),
        ("", Some(email)) => Some(email.to_string()),
        (name, Some(email)) => Some(format!("{name} <{email}>")),
    }
}

/// A foreign employee's identity; the passport number whole only for the case's officer.
fn foreign_staff_panel(f: ForeignStaff, locale: Locale) -> impl IntoView {
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
}

/// The applicant's rating of the case, with their comment.
fn rating_panel((n, comment): (i32, String)) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{tr!("portal-rating-title")}</h2>
            <p id="case-rating">{tr!("case-rating", { "rating" => n })}</p>
            {(!comment.is_empty()).then(|| view! { <blockquote>{comment}</blockquote> })}
        </section>
    }
}

/// Moving the case along the workflow, for a reader who may work it.
fn status_form(
    c: &Case,
    change: ServerAction<ChangeCaseStatus>,
    change_error: Signal<Option<AppError>>,
) -> impl IntoView {
    (c.editable && !c.next_statuses.is_empty()).then(|| {
        let next = c.next_statuses.clone();
        let (id, version) = (c.summary.id, c.version);
        view! {
            <section class="panel" aria-labelledby="status-heading">
                <h2 id="status-heading">{tr!("case-change-status")}</h2>
                <FormError error=change_error />
                <ActionForm action=change attr:class="form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="version" value=version.to_string() />
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
    })
}

/// An internal note, and a new access code, for a reader who may work the case.
fn note_form(
    editable: bool,
    id: i64,
    note: ServerAction<AddCaseNote>,
    note_error: Signal<Option<AppError>>,
    reset: ServerAction<ResetAccessCode>,
) -> impl IntoView {
    editable.then(|| {
        view! {
            <section class="panel" aria-labelledby="note-heading">
                <h2 id="note-heading">{tr!("case-internal-note")}</h2>
                <p class="hint">{tr!("case-internal-note-hint")}</p>
                <FormError error=note_error />
                <ActionForm action=note attr:class="form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <div class="field">
                        <label for="note">{tr!("case-internal-note")}</label>
                        <textarea id="note" name="note" rows="3"></textarea>
                        {move || field_message(note_error.get(), "note")}
                    </div>
                    <button type="submit" class="button-secondary">{tr!("case-add-note")}</button>
                </ActionForm>
                <ActionForm action=reset attr:class="form-inline">
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button-secondary">{tr!("case-reset-access-code")}</button>
                </ActionForm>
            </section>
        }
    })
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
