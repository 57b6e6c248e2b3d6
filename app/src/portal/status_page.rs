//! The investor's status page. It is rendered on the server alone, as a whole document
//! (`shell::standalone_document`), by its own route (`server/src/portal.rs`): every control
//! on it is a plain form post, so it has nothing to hydrate, and it is the portal's busiest
//! page.

use super::pages::PortalNav;
use super::{DepartmentProgress, PortalPost, PublicCase, PublicEvent, PublicEventKind, RatingForm, Refused, ReplyForm};
use crate::cases::inbox::task_status_name;
use crate::cases::pages::{status_name, type_name};
use crate::domain::{CaseStatus, Locale};
use crate::error::AppError;
use crate::i18n::{format_date, format_day, use_locale};
use crate::shell::{error_text, field_message, language_name, FormError};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// The investor's status page, as a whole document rendered on the server alone
/// (`shell::standalone_document`): every control on it is a plain form post, so it has
/// nothing to hydrate, and it is the portal's busiest page. `done` confirms the reply or
/// rating just sent; `refused` is a refused reply or rating, shown with what was typed.
pub fn status_page(
    locale: Locale,
    case: Result<PublicCase, AppError>,
    refused: Option<PortalPost>,
    done: Option<&str>,
) -> String {
    let done = done.map(str::to_string);
    crate::shell::standalone_document(
        locale,
        "/portal/case".to_string(),
        || tr!("portal-status-title"),
        move || {
            view! {
                <PortalNav current="/portal/status" />
                {done.map(|d| {
                    let text = if d == "rating" { tr!("portal-rating-thanks") } else { tr!("portal-reply-sent") };
                    view! { <div class="notice notice-ok" role="status"><p>{text}</p></div> }
                })}
                {match case {
                    Ok(c) => EitherOf3::A(status_view(c, refused)),
                    Err(AppError::NotAuthenticated) => EitherOf3::B(view! {
                        <h1>{tr!("portal-status-title")}</h1>
                        <div class="notice notice-info" role="status"><p>{tr!("portal-status-signed-out")}</p></div>
                        <p><a class="button-primary" href="/portal/status">{tr!("portal-nav-status")}</a></p>
                    }),
                    Err(e) => EitherOf3::C(view! {
                        <h1>{tr!("portal-status-title")}</h1>
                        <div class="notice notice-error" role="alert"><p>{error_text(&e)}</p></div>
                    }),
                }}
            }
        },
    )
}

/// The status in plain words: what it means and what happens next.
fn status_explanation(s: CaseStatus) -> (String, String) {
    match s {
        CaseStatus::Submitted => (tr!("portal-explain-submitted"), tr!("portal-next-submitted")),
        CaseStatus::Accepted => (tr!("portal-explain-accepted"), tr!("portal-next-accepted")),
        CaseStatus::InProgress => (tr!("portal-explain-in-progress"), tr!("portal-next-in-progress")),
        CaseStatus::AwaitingApplicant => (tr!("portal-explain-awaiting"), tr!("portal-next-awaiting")),
        CaseStatus::Resolved => (tr!("portal-explain-resolved"), tr!("portal-next-resolved")),
        CaseStatus::Closed => (tr!("portal-explain-closed"), tr!("portal-next-closed")),
        CaseStatus::Rejected => (tr!("portal-explain-rejected"), tr!("portal-next-rejected")),
    }
}

/// A status as the applicant reads it: the staff's words, except that the status waiting for
/// the applicant speaks to them ("Awaiting information from you").
fn applicant_status_name(s: CaseStatus) -> String {
    match s {
        CaseStatus::AwaitingApplicant => tr!("portal-status-awaiting-applicant"),
        s => status_name(s),
    }
}

/// The steps a request goes through, the current one marked.
fn steps(status: CaseStatus) -> impl IntoView {
    let order =
        [CaseStatus::Submitted, CaseStatus::Accepted, CaseStatus::InProgress, CaseStatus::Resolved, CaseStatus::Closed];
    let position = match status {
        CaseStatus::AwaitingApplicant => 2,
        CaseStatus::Rejected => 0,
        s => order.iter().position(|x| *x == s).unwrap_or(0),
    };
    view! {
        <ol class="progress-steps">
            {order.into_iter().enumerate().map(|(i, s)| {
                let class = if i < position { "step step-done" } else if i == position { "step step-current" } else { "step" };
                // The current step says where the case stands when that is off the usual path.
                let off_path = matches!(status, CaseStatus::AwaitingApplicant | CaseStatus::Rejected);
                let label = applicant_status_name(if i == position && off_path { status } else { s });
                view! { <li class=class aria-current=(i == position).then_some("step")>{label}</li> }
            }).collect_view()}
        </ol>
    }
}

fn status_view(c: PublicCase, refused: Option<PortalPost>) -> impl IntoView {
    let locale = use_locale();
    let due = c.due_on.map(|d| format_day(d, locale));
    let (reply_refused, rating_refused) = match refused {
        Some(PortalPost::Reply(r)) => (Some(r), None),
        Some(PortalPost::Rating(r)) => (None, Some(r)),
        _ => (None, None),
    };
    let awaits = c.awaits_reply();
    let may_rate = c.may_rate();
    // The case is taken apart rather than copied: its parts go to the view as they are.
    let PublicCase {
        reference,
        title,
        case_type,
        status,
        language: case_language,
        submitted_at,
        due_on: _,
        officer_name,
        officer_email,
        departments,
        events,
        request,
        rating,
    } = c;
    view! {
        <h1>{tr!("portal-status-title")}</h1>
        <p class="muted">
            {tr!("portal-status-reference")} " " <strong id="case-reference">{reference}</strong>
            " · " {type_name(case_type)} " · " {tr!("portal-status-submitted-on", { "date" => format_date(submitted_at, locale) })}
        </p>
        <p class="lead">{title}</p>
        {steps(status)}
        {status_panel(status, due, officer_name, officer_email)}
        {awaits.then(|| reply_box(request, reply_refused))}
        {(!departments.is_empty()).then(|| departments_panel(departments, locale))}
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">{tr!("portal-history")}</h2>
            <ol class="timeline" id="public-timeline" reversed="">
                {events.into_iter().rev().map(|e| event_view(e, locale, case_language)).collect_view()}
            </ol>
        </section>
        {may_rate.then(|| rating_form(rating_refused))}
        {rating.map(|(n, comment)| view! {
            <section class="panel" aria-labelledby="rated-heading">
                <h2 id="rated-heading">{tr!("portal-rating-title")}</h2>
                <p id="rating-given">{tr!("portal-rated", { "rating" => n })}</p>
                {(!comment.is_empty()).then(|| view! { <blockquote>{comment}</blockquote> })}
            </section>
        })}
        <form method="post" action="/portal/leave" class="inline-form">
            <button type="submit" class="button-secondary">{tr!("portal-leave")}</button>
        </form>
    }
}

/// Where the case stands: its status in plain words, what happens next, the expected date and
/// the officer.
fn status_panel(
    status: CaseStatus,
    due: Option<String>,
    officer_name: Option<String>,
    officer_email: Option<String>,
) -> impl IntoView {
    let (meaning, next) = status_explanation(status);
    view! {
        <section class="panel status-panel" aria-labelledby="status-heading">
            <h2 id="status-heading">
                {tr!("portal-status-now")} " " <span class="badge" id="case-status">{applicant_status_name(status)}</span>
            </h2>
            <p>{meaning}</p>
            <h3>{tr!("portal-what-next")}</h3>
            <p>{next}</p>
            <dl class="facts">
                <dt>{tr!("portal-expected-date")}</dt>
                <dd>{due.unwrap_or_else(|| tr!("portal-expected-none"))}</dd>
                <dt>{tr!("portal-officer")}</dt>
                <dd>{match (officer_name, officer_email) {
                    (Some(name), Some(email)) => {
                        let href = format!("mailto:{email}");
                        Either::Left(view! { <span id="officer-name">{name}</span> " · " <a href=href>{email}</a> })
                    }
                    _ => Either::Right(view! { <span>{tr!("portal-officer-pending")}</span> }),
                }}</dd>
            </dl>
        </section>
    }
}

/// The departments working on the case, and how far each has got.
fn departments_panel(departments: Vec<DepartmentProgress>, locale: Locale) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="departments-heading">
            <h2 id="departments-heading">{tr!("portal-departments")}</h2>
            <p class="muted">{tr!("portal-departments-hint")}</p>
            <ul class="department-progress">
                {departments.into_iter().map(|d| {
                    let name = d.name.get(locale).unwrap_or_default().to_string();
                    let status = task_status_name(d.status);
                    view! { <li><span>{name}</span>{tr!("label-separator")}<strong>{status}</strong></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

fn event_view(e: PublicEvent, locale: Locale, case_language: Locale) -> impl IntoView {
    let at = format_date(e.at, locale);
    let (heading, body, fallback): (String, Option<String>, Option<Locale>) = match e.kind {
        PublicEventKind::Submitted => (tr!("portal-event-submitted"), None, None),
        PublicEventKind::StatusChanged => (
            tr!("portal-event-status", { "status" => e.to_status.map(applicant_status_name).unwrap_or_default() }),
            (!e.note.is_empty()).then(|| e.note.clone()),
            None,
        ),
        PublicEventKind::Update => match e.texts.as_ref().and_then(|t| t.for_reader(locale, case_language)) {
            Some((text, written_in)) => {
                (tr!("portal-event-update"), Some(text.to_string()), (written_in != locale).then_some(written_in))
            }
            None => (tr!("portal-event-update"), None, None),
        },
        PublicEventKind::Reply => (tr!("portal-event-reply"), Some(e.note.clone()), None),
        PublicEventKind::Rated => (tr!("portal-event-rated"), None, None),
    };
    let lang = fallback.map(|l| l.tag());
    view! {
        <li class="timeline-item">
            <p class="timeline-meta"><strong>{heading}</strong> " · " <time>{at}</time></p>
            {fallback.map(|l| view! {
                <p class="fallback-note muted">{tr!("portal-update-other-language", { "language" => language_name(l) })}</p>
            })}
            {body.map(|b| view! { <p class="timeline-text" lang=lang>{b}</p> })}
        </li>
    }
}

fn reply_box(request: Option<String>, refused: Option<Refused<ReplyForm>>) -> impl IntoView {
    let (f, error) = Refused::or_blank(refused);
    let error_signal = Signal::stored(error.clone());
    view! {
        <section class="panel action-needed" aria-labelledby="action-heading" id="action-needed">
            <h2 id="action-heading">{tr!("portal-action-needed")}</h2>
            <p>{tr!("portal-action-needed-text")}</p>
            {request.filter(|r| !r.is_empty()).map(|r| view! { <blockquote id="officer-request">{r}</blockquote> })}
            <FormError error=error_signal />
            <form method="post" action="/portal/case/reply" class="form" novalidate="">
                <div class="field">
                    <label for="reply">{tr!("portal-field-reply")}</label>
                    <textarea id="reply" name="reply" rows="6" maxlength=super::DESCRIPTION_MAX
                        aria-describedby="reply-error">{f.reply}</textarea>
                    {field_message(error, "reply")}
                </div>
                <button type="submit" class="button-primary">{tr!("portal-reply-submit")}</button>
            </form>
        </section>
    }
}

fn rating_form(refused: Option<Refused<RatingForm>>) -> impl IntoView {
    let (f, error) = Refused::or_blank(refused);
    let error_signal = Signal::stored(error.clone());
    let chosen = f.rating.clone();
    view! {
        <section class="panel" aria-labelledby="rating-heading" id="rating">
            <h2 id="rating-heading">{tr!("portal-rating-title")}</h2>
            <p>{tr!("portal-rating-intro")}</p>
            <FormError error=error_signal />
            <form method="post" action="/portal/case/rating" class="form" novalidate="">
                <fieldset class="fieldset rating-scale" id="rating-field">
                    <legend>{tr!("portal-field-rating")}</legend>
                    {(1..=5).map(|n| {
                        let id = format!("rating-{n}");
                        let label = match n {
                            1 => tr!("portal-rating-1"),
                            2 => tr!("portal-rating-2"),
                            3 => tr!("portal-rating-3"),
                            4 => tr!("portal-rating-4"),
                            _ => tr!("portal-rating-5"),
                        };
                        let checked = chosen == n.to_string();
                        view! {
                            <label for=id.clone() class="radio">
                                <input type="radio" id=id.clone() name="rating" value=n.to_string() checked=checked />
                                " " {format!("{n} · {label}")}
                            </label>
                        }
                    }).collect_view()}
                    {field_message(error.clone(), "rating")}
                </fieldset>
                <div class="field">
                    <label for="comment">{tr!("portal-field-comment")} " " <span class="muted">{tr!("portal-optional")}</span></label>
                    <textarea id="comment" name="comment" rows="4" maxlength="2000" aria-describedby="comment-error">{f.comment}</textarea>
                    {field_message(error, "comment")}
                </div>
                <button type="submit" class="button-primary">{tr!("portal-rating-submit")}</button>
            </form>
        </section>
    }
}
