//! The portal's pages: home, the two request forms, the confirmation, the status lookup and
//! the status page. Every form is a plain HTML form posted to the server.

use super::api::{portal_case, portal_confirmation, refused_post};
use super::{
    Confirmation, LookupForm, PortalPost, PublicCase, PublicEvent, PublicEventKind, RatingForm, Refused, ReplyForm,
    RequestForm, RequestKind,
};
use crate::cases::inbox::task_status_name;
use crate::cases::pages::{status_name, type_name};
use crate::domain::{CaseStatus, Country, Locale};
use crate::error::AppError;
use crate::i18n::{format_date, format_day, use_locale};
use crate::shell::{error_text, field_message, FormError};
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The portal's own navigation, above each of its pages.
#[component]
fn PortalNav(current: &'static str) -> impl IntoView {
    let links: [(&'static str, String); 4] = [
        ("/portal", tr!("portal-nav-home")),
        ("/portal/request", tr!("portal-nav-request")),
        ("/portal/foreign-staff", tr!("portal-nav-foreign-staff")),
        ("/portal/status", tr!("portal-nav-status")),
    ];
    view! {
        <nav class="portal-nav" aria-label=tr!("portal-nav-label")>
            <ul>
                {links.into_iter().map(|(href, label)| view! {
                    <li><a href=href aria-current=(href == current).then_some("page")>{label}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Shown instead of a form when this address sent too many requests (served with 429).
fn rate_limited_notice() -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert" id="rate-limited">
            <h2>{tr!("portal-rate-limited-title")}</h2>
            <p>{error_text(&AppError::RateLimited)}</p>
        </div>
    }
}

#[component]
pub fn PortalHomePage() -> impl IntoView {
    view! {
        <Title text=tr!("portal-home-title") />
        <PortalNav current="/portal" />
        <h1>{tr!("portal-home-title")}</h1>
        <p class="lead">{tr!("portal-home-intro")}</p>
        <div class="cards">
            <section class="card">
                <h2>{tr!("portal-service-liaison")}</h2>
                <p>{tr!("portal-service-liaison-text")}</p>
            </section>
            <section class="card">
                <h2>{tr!("portal-service-green-channel")}</h2>
                <p>{tr!("portal-service-green-channel-text")}</p>
            </section>
            <section class="card">
                <h2>{tr!("portal-service-agency")}</h2>
                <p>{tr!("portal-service-agency-text")}</p>
            </section>
            <section class="card">
                <h2>{tr!("portal-service-one-stop")}</h2>
                <p>{tr!("portal-service-one-stop-text")}</p>
            </section>
        </div>
        <section class="panel" aria-labelledby="how-submit">
            <h2 id="how-submit">{tr!("portal-how-submit")}</h2>
            <ol class="steps-text">
                <li>{tr!("portal-how-submit-1")}</li>
                <li>{tr!("portal-how-submit-2")}</li>
                <li>{tr!("portal-how-submit-3")}</li>
            </ol>
            <p class="actions">
                <a class="button-primary" href="/portal/request">{tr!("portal-nav-request")}</a>
                " "
                <a class="button-secondary" href="/portal/foreign-staff">{tr!("portal-nav-foreign-staff")}</a>
            </p>
        </section>
        <section class="panel" aria-labelledby="how-check">
            <h2 id="how-check">{tr!("portal-how-check")}</h2>
            <p>{tr!("portal-how-check-text")}</p>
            <p class="actions"><a class="button-primary" href="/portal/status">{tr!("portal-nav-status")}</a></p>
        </section>
    }
}

/// One text field with its label, hint and message.
#[allow(clippy::too_many_arguments)]
fn text_field(
    name: &'static str,
    label: String,
    hint: Option<String>,
    value: String,
    error: Option<AppError>,
    input_type: &'static str,
    autocomplete: &'static str,
    required: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let described = if hint.is_some() { format!("{name}-hint {name}-error") } else { format!("{name}-error") };
    let invalid = error.as_ref().is_some_and(|e| e.field_errors().iter().any(|f| f.field == name));
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=name>{label}{(!required).then(|| view! { " " <span class="muted">{tr!("portal-optional")}</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <input id=name name=name type=input_type value=value autocomplete=autocomplete
                aria-describedby=described aria-invalid=invalid.then_some("true") />
            {field_message(error, name)}
        </div>
    }
}

#[component]
pub fn EnterpriseRequestPage() -> impl IntoView {
    view! { <RequestPage kind=RequestKind::Enterprise /> }
}

#[component]
pub fn ForeignStaffRequestPage() -> impl IntoView {
    view! { <RequestPage kind=RequestKind::ForeignStaff /> }
}

#[component]
fn RequestPage(kind: RequestKind) -> impl IntoView {
    let post = Resource::new(|| (), |_| refused_post());
    let (title, intro) = match kind {
        RequestKind::Enterprise => (tr!("portal-request-title"), tr!("portal-request-intro")),
        RequestKind::ForeignStaff => (tr!("portal-staff-title"), tr!("portal-staff-intro")),
    };
    view! {
        <Title text=title.clone() />
        <PortalNav current=kind.path() />
        <h1>{title}</h1>
        <p class="lead">{intro}</p>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match post.await.ok().flatten() {
                    Some(PortalPost::RateLimited) => rate_limited_notice().into_any(),
                    Some(PortalPost::Request(r)) => request_form(kind, Some(*r)).into_any(),
                    _ => request_form(kind, None).into_any(),
                }
            })}
        </Transition>
    }
}

fn request_form(kind: RequestKind, refused: Option<Refused<RequestForm>>) -> impl IntoView {
    let locale = use_locale();
    let (f, error) = match refused {
        Some(r) => (r.form, Some(r.error)),
        None => (RequestForm::default(), None),
    };
    let error_signal = Signal::stored(error.clone());
    let err = move || error.clone();
    let staff = kind == RequestKind::ForeignStaff;
    let language = if f.language.is_empty() { locale.tag().to_string() } else { f.language.clone() };
    let request_type = f.request_type.clone();
    let nationality = f.nationality.clone();
    let description_label = if staff { tr!("portal-field-details") } else { tr!("portal-field-description") };
    view! {
        <FormError error=error_signal />
        <form method="post" action=kind.path() class="form portal-form" novalidate="">
            <div class="field honeypot" aria-hidden="true">
                <label for="website">{tr!("portal-field-website")}</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
            </div>
            <div class="field">
                <label for="request_type">{tr!("portal-field-request-type")}</label>
                <select id="request_type" name="request_type" aria-describedby="request_type-error">
                    <option value="" selected=request_type.is_empty()>{tr!("portal-choose")}</option>
                    {kind.types().iter().map(|t| {
                        let selected = request_type == t.as_str();
                        view! { <option value=t.as_str() selected=selected>{type_name(*t)}</option> }
                    }).collect_view()}
                </select>
                {field_message(err(), "request_type")}
            </div>
            {staff.then(|| view! {
                <fieldset class="fieldset">
                    <legend>{tr!("portal-staff-identity")}</legend>
                    {text_field("contact_name", tr!("portal-field-passport-name"), Some(tr!("portal-hint-passport-name")),
                        f.contact_name.clone(), err(), "text", "name", true)}
                    <div class="field">
                        <label for="nationality">{tr!("portal-field-nationality")}</label>
                        <select id="nationality" name="nationality" aria-describedby="nationality-error">
                            <option value="" selected=nationality.is_empty()>{tr!("portal-choose")}</option>
                            {Country::all_sorted(locale).iter().map(|&c| {
                                let selected = nationality == c.code();
                                view! { <option value=c.code() selected=selected>{c.name(locale)}</option> }
                            }).collect_view()}
                        </select>
                        {field_message(err(), "nationality")}
                    </div>
                    {text_field("passport_number", tr!("portal-field-passport-number"), Some(tr!("portal-hint-passport-number")),
                        f.passport_number.clone(), err(), "text", "off", true)}
                    {text_field("position", tr!("portal-field-position"), None, f.position.clone(), err(), "text",
                        "organization-title", true)}
                    {text_field("arrival_date", tr!("portal-field-arrival-date"), Some(tr!("portal-hint-arrival-date")),
                        f.arrival_date.clone(), err(), "date", "off", true)}
                </fieldset>
            })}
            <fieldset class="fieldset">
                <legend>{if staff { tr!("portal-staff-employer") } else { tr!("portal-enterprise") }}</legend>
                {text_field("enterprise_name",
                    if staff { tr!("portal-field-employer") } else { tr!("portal-field-enterprise-name") },
                    Some(tr!("portal-hint-enterprise-name")), f.enterprise_name.clone(), err(), "text", "organization", true)}
                {text_field("credit_code", tr!("portal-field-credit-code"), Some(tr!("portal-hint-credit-code")),
                    f.credit_code.clone(), err(), "text", "off", false)}
            </fieldset>
            <fieldset class="fieldset">
                <legend>{tr!("portal-contact")}</legend>
                {(!staff).then(|| text_field("contact_name", tr!("portal-field-contact-name"), None,
                    f.contact_name.clone(), err(), "text", "name", true))}
                {text_field("email", tr!("portal-field-email"), Some(tr!("portal-hint-email")), f.email.clone(), err(),
                    "email", "email", true)}
                {text_field("phone", tr!("portal-field-phone"), Some(tr!("portal-hint-phone")), f.phone.clone(), err(),
                    "tel", "tel", true)}
                <div class="field">
                    <label for="language">{tr!("portal-field-language")}</label>
                    <p class="hint" id="language-hint">{tr!("portal-hint-language")}</p>
                    <select id="language" name="language" aria-describedby="language-hint language-error">
                        {Locale::ALL.into_iter().map(|l| {
                            let selected = language == l.tag();
                            view! { <option value=l.tag() selected=selected>{l.endonym()}</option> }
                        }).collect_view()}
                    </select>
                    {field_message(err(), "language")}
                </div>
            </fieldset>
            <div class="field">
                <label for="description">
                    {description_label}
                    {staff.then(|| view! { " " <span class="muted">{tr!("portal-optional")}</span> })}
                </label>
                <p class="hint" id="description-hint">{tr!("portal-hint-description", { "max" => super::DESCRIPTION_MAX })}</p>
                <textarea id="description" name="description" rows="8" maxlength=super::DESCRIPTION_MAX
                    aria-describedby="description-hint description-error">{f.description.clone()}</textarea>
                {field_message(err(), "description")}
            </div>
            <p class="muted">{tr!("portal-privacy")}</p>
            <button type="submit" class="button-primary">{tr!("portal-submit")}</button>
        </form>
    }
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let confirmation = Resource::new(|| (), |_| portal_confirmation());
    view! {
        <Title text=tr!("portal-confirmation-title") />
        <PortalNav current="" />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match confirmation.await {
                    Ok(Some(c)) => confirmation_view(c).into_any(),
                    Ok(None) => view! {
                        <h1>{tr!("portal-confirmation-gone-title")}</h1>
                        <p>{tr!("portal-confirmation-gone")}</p>
                        <p><a class="button-primary" href="/portal/status">{tr!("portal-nav-status")}</a></p>
                    }.into_any(),
                    Err(e) => crate::shell::page_error(e),
                }
            })}
        </Transition>
    }
}

fn confirmation_view(c: Confirmation) -> impl IntoView {
    let locale = use_locale();
    let due = c.due_on.map(|d| format_day(d, locale));
    view! {
        <div class="confirmation-panel" role="status">
            <h1>{tr!("portal-confirmation-title")}</h1>
            <p>{tr!("portal-confirmation-reference")}</p>
            <p class="reference"><strong id="reference">{c.reference.clone()}</strong></p>
        </div>
        <section class="panel access-code" aria-labelledby="code-heading">
            <h2 id="code-heading">{tr!("portal-confirmation-code")}</h2>
            <p class="code"><strong id="access-code">{c.access_code.clone()}</strong></p>
            <p>{tr!("portal-confirmation-code-once")}</p>
        </section>
        <section class="panel" aria-labelledby="next-heading">
            <h2 id="next-heading">{tr!("portal-what-next")}</h2>
            <ol class="steps-text">
                <li>{tr!("portal-next-officer")}</li>
                <li>{tr!("portal-next-email", { "email" => c.email.clone() })}</li>
                <li>{match due {
                    Some(d) => tr!("portal-next-expected", { "date" => d }),
                    None => tr!("portal-next-no-date"),
                }}</li>
            </ol>
            <p><a class="button-primary" href="/portal/case">{tr!("portal-confirmation-follow")}</a></p>
        </section>
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let post = Resource::new(|| (), |_| refused_post());
    let query = use_query_map();
    let ended = move || query.read().get("ended").is_some();
    view! {
        <Title text=tr!("portal-lookup-title") />
        <PortalNav current="/portal/status" />
        <h1>{tr!("portal-lookup-title")}</h1>
        <p class="lead">{tr!("portal-lookup-intro")}</p>
        {move || ended().then(|| view! {
            <div class="notice notice-info" role="status"><p>{tr!("portal-session-ended")}</p></div>
        })}
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match post.await.ok().flatten() {
                    Some(PortalPost::RateLimited) => rate_limited_notice().into_any(),
                    Some(PortalPost::Lookup(r)) => lookup_form(Some(r)).into_any(),
                    _ => lookup_form(None).into_any(),
                }
            })}
        </Transition>
    }
}

fn lookup_form(refused: Option<Refused<LookupForm>>) -> impl IntoView {
    let (f, error) = match refused {
        Some(r) => (r.form, Some(r.error)),
        None => (LookupForm::default(), None),
    };
    let error_signal = Signal::stored(error.clone());
    view! {
        <FormError error=error_signal />
        <form method="post" action="/portal/status" class="form portal-form" novalidate="">
            {text_field("reference", tr!("portal-field-reference"), Some(tr!("portal-hint-reference")), f.reference,
                error.clone(), "text", "off", true)}
            {text_field("access_code", tr!("portal-field-access-code"), Some(tr!("portal-hint-access-code")), String::new(),
                error, "password", "off", true)}
            <button type="submit" class="button-primary">{tr!("portal-lookup-submit")}</button>
        </form>
    }
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let case = Resource::new(|| (), |_| portal_case());
    let post = Resource::new(|| (), |_| refused_post());
    let query = use_query_map();
    let done = move || query.read().get("done");
    view! {
        <Title text=tr!("portal-status-title") />
        <PortalNav current="/portal/status" />
        {move || done().map(|d| {
            let text = if d == "rating" { tr!("portal-rating-thanks") } else { tr!("portal-reply-sent") };
            view! { <div class="notice notice-ok" role="status"><p>{text}</p></div> }
        })}
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let refused = post.await.ok().flatten();
                match case.await {
                    Ok(c) => status_view(c, refused).into_any(),
                    Err(_) => view! {
                        <h1>{tr!("portal-status-title")}</h1>
                        <div class="notice notice-info" role="status"><p>{tr!("portal-status-signed-out")}</p></div>
                        <p><a class="button-primary" href="/portal/status">{tr!("portal-nav-status")}</a></p>
                    }.into_any(),
                }
            })}
        </Transition>
    }
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

/// A language's name in the reader's language.
fn language_name(l: Locale) -> String {
    match l {
        Locale::ZhCn => tr!("portal-language-zh"),
        Locale::En => tr!("portal-language-en"),
        Locale::Fr => tr!("portal-language-fr"),
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
                let label = if i == position && status == CaseStatus::AwaitingApplicant {
                    status_name(CaseStatus::AwaitingApplicant)
                } else if i == position && status == CaseStatus::Rejected {
                    status_name(CaseStatus::Rejected)
                } else {
                    status_name(s)
                };
                view! { <li class=class aria-current=(i == position).then_some("step")>{label}</li> }
            }).collect_view()}
        </ol>
    }
}

fn status_view(c: PublicCase, refused: Option<PortalPost>) -> impl IntoView {
    let locale = use_locale();
    let (meaning, next) = status_explanation(c.status);
    let due = c.due_on.map(|d| format_day(d, locale));
    let (reply_refused, rating_refused) = match refused {
        Some(PortalPost::Reply(r)) => (Some(r), None),
        Some(PortalPost::Rating(r)) => (None, Some(r)),
        _ => (None, None),
    };
    let awaits = c.awaits_reply();
    let may_rate = c.may_rate();
    let request = c.request.clone();
    let case_language = c.language;
    let rating = c.rating.clone();
    let departments = c.departments.clone();
    let events = c.events.clone();
    view! {
        <h1>{tr!("portal-status-title")}</h1>
        <p class="muted">
            {tr!("portal-status-reference")} " " <strong id="case-reference">{c.reference.clone()}</strong>
            " · " {type_name(c.case_type)} " · " {tr!("portal-status-submitted-on", { "date" => format_date(c.submitted_at, locale) })}
        </p>
        <p class="lead">{c.title.clone()}</p>
        {steps(c.status)}
        <section class="panel status-panel" aria-labelledby="status-heading">
            <h2 id="status-heading">
                {tr!("portal-status-now")} " " <span class="badge" id="case-status">{status_name(c.status)}</span>
            </h2>
            <p>{meaning}</p>
            <h3>{tr!("portal-what-next")}</h3>
            <p>{next}</p>
            <dl class="facts">
                <dt>{tr!("portal-expected-date")}</dt>
                <dd>{due.unwrap_or_else(|| tr!("portal-expected-none"))}</dd>
                <dt>{tr!("portal-officer")}</dt>
                <dd>{match (c.officer_name.clone(), c.officer_email.clone()) {
                    (Some(name), Some(email)) => {
                        let href = format!("mailto:{email}");
                        view! { <span id="officer-name">{name}</span> " · " <a href=href>{email}</a> }.into_any()
                    }
                    _ => view! { <span>{tr!("portal-officer-pending")}</span> }.into_any(),
                }}</dd>
            </dl>
        </section>
        {awaits.then(|| reply_box(request.clone(), reply_refused))}
        {(!departments.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="departments-heading">
                <h2 id="departments-heading">{tr!("portal-departments")}</h2>
                <p class="muted">{tr!("portal-departments-hint")}</p>
                <ul class="department-progress">
                    {departments.into_iter().map(|d| {
                        let name = d.name.get(locale).unwrap_or_default().to_string();
                        let status = task_status_name(d.status);
                        view! { <li><span>{name}</span> ": " <strong>{status}</strong></li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
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

fn event_view(e: PublicEvent, locale: Locale, case_language: Locale) -> impl IntoView {
    let at = format_date(e.at, locale);
    let (heading, body, fallback): (String, Option<String>, Option<Locale>) = match e.kind {
        PublicEventKind::Submitted => (tr!("portal-event-submitted"), None, None),
        PublicEventKind::StatusChanged => (
            tr!("portal-event-status", { "status" => e.to_status.map(status_name).unwrap_or_default() }),
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
    let (f, error) = match refused {
        Some(r) => (r.form, Some(r.error)),
        None => (ReplyForm::default(), None),
    };
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
    let (f, error) = match refused {
        Some(r) => (r.form, Some(r.error)),
        None => (RatingForm::default(), None),
    };
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
