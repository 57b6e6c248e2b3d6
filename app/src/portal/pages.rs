//! The portal's pages: home, the two request forms, the confirmation and the status lookup
//! (the status page is `status_page`). Every form is a plain HTML form posted to the server.

use super::api::{portal_confirmation, refused_post};
use super::opportunities::{OpportunitiesPage, OpportunityPage};
use super::policies::PublicPoliciesPage;
use super::{Confirmation, LookupForm, PortalPost, Refused, RequestForm, RequestKind};
use crate::cases::pages::type_name;
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n::{format_day, use_locale};
use crate::pickers::country_options;
use crate::shell::{error_text, field_message, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

crate::routes::pages! {
    // The investor portal is public; its pages check the portal's own session.
    "/portal" => PortalHomePage, Public;
    "/portal/request" => EnterpriseRequestPage, Public;
    "/portal/foreign-staff" => ForeignStaffRequestPage, Public;
    "/portal/submitted" => ConfirmationPage, Public;
    "/portal/status" => LookupPage, Public;
    "/portal/policies" => PublicPoliciesPage, Public;
    "/portal/opportunities" => OpportunitiesPage, Public;
    "/portal/opportunities/:id" => OpportunityPage, Public;
}

/// The portal's own navigation, above each of its pages.
#[component]
pub(super) fn PortalNav(current: &'static str) -> impl IntoView {
    let links: [(&'static str, String); 6] = [
        ("/portal", tr!("portal-nav-home")),
        ("/portal/request", tr!("portal-nav-request")),
        ("/portal/foreign-staff", tr!("portal-nav-foreign-staff")),
        ("/portal/status", tr!("portal-nav-status")),
        ("/portal/opportunities", tr!("portal-nav-opportunities")),
        ("/portal/policies", tr!("portal-nav-policies")),
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
pub(super) fn rate_limited_notice() -> impl IntoView {
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
        <section class="panel" aria-labelledby="opportunities">
            <h2 id="opportunities">{tr!("portal-opportunities-title")}</h2>
            <p>{tr!("portal-opportunities-intro")}</p>
            <p class="actions"><a class="button-secondary" href="/portal/opportunities">{tr!("portal-opportunities-browse")}</a></p>
        </section>
        <section class="panel" aria-labelledby="how-check">
            <h2 id="how-check">{tr!("portal-how-check")}</h2>
            <p>{tr!("portal-how-check-text")}</p>
            <p class="actions"><a class="button-primary" href="/portal/status">{tr!("portal-nav-status")}</a></p>
        </section>
    }
}

/// One text field of a portal form.
pub(super) struct TextField {
    /// The field's name, and its element's id.
    pub(super) name: &'static str,
    pub(super) label: String,
    pub(super) hint: Option<String>,
    pub(super) value: String,
    /// The input's `type` (`text`, `email`, …).
    pub(super) input_type: &'static str,
    pub(super) autocomplete: &'static str,
    pub(super) required: bool,
}

/// One text field with its label, hint and message (from the form's `error`).
pub(super) fn text_field(field: TextField, error: Option<AppError>) -> impl IntoView {
    let TextField { name, label, hint, value, input_type, autocomplete, required } = field;
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
    let post = crate::codec::resource(|| (), |_| refused_post());
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
    let (f, error) = Refused::or_blank(refused);
    let error_signal = Signal::stored(error.clone());
    let err = move || error.clone();
    let staff = kind == RequestKind::ForeignStaff;
    let request_type = f.request_type.clone();
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
            {staff.then(|| staff_identity_fieldset(&f, err(), locale))}
            <fieldset class="fieldset">
                <legend>{if staff { tr!("portal-staff-employer") } else { tr!("portal-enterprise") }}</legend>
                {text_field(TextField {
                    name: "enterprise_name",
                    label: if staff { tr!("portal-field-employer") } else { tr!("portal-field-enterprise-name") },
                    hint: Some(tr!("portal-hint-enterprise-name")),
                    value: f.enterprise_name.clone(),
                    input_type: "text",
                    autocomplete: "organization",
                    required: true,
                }, err())}
                {text_field(TextField {
                    name: "credit_code",
                    label: tr!("portal-field-credit-code"),
                    hint: Some(tr!("portal-hint-credit-code")),
                    value: f.credit_code.clone(),
                    input_type: "text",
                    autocomplete: "off",
                    required: false,
                }, err())}
            </fieldset>
            {contact_fieldset(&f, err(), staff, locale)}
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

/// The foreign employee's identity, on the foreign-staff form.
fn staff_identity_fieldset(f: &RequestForm, error: Option<AppError>, locale: Locale) -> impl IntoView {
    let err = move || error.clone();
    let nationality = f.nationality.clone();
    view! {
        <fieldset class="fieldset">
            <legend>{tr!("portal-staff-identity")}</legend>
            {text_field(TextField {
                name: "contact_name",
                label: tr!("portal-field-passport-name"),
                hint: Some(tr!("portal-hint-passport-name")),
                value: f.contact_name.clone(),
                input_type: "text",
                autocomplete: "name",
                required: true,
            }, err())}
            <div class="field">
                <label for="nationality">{tr!("portal-field-nationality")}</label>
                <select id="nationality" name="nationality" aria-describedby="nationality-error"
                    inner_html=country_options(locale, Some(&tr!("portal-choose")), &[&nationality])>
                </select>
                {field_message(err(), "nationality")}
            </div>
            {text_field(TextField {
                name: "passport_number",
                label: tr!("portal-field-passport-number"),
                hint: Some(tr!("portal-hint-passport-number")),
                value: f.passport_number.clone(),
                input_type: "text",
                autocomplete: "off",
                required: true,
            }, err())}
            {text_field(TextField {
                name: "position",
                label: tr!("portal-field-position"),
                hint: None,
                value: f.position.clone(),
                input_type: "text",
                autocomplete: "organization-title",
                required: true,
            }, err())}
            {text_field(TextField {
                name: "arrival_date",
                label: tr!("portal-field-arrival-date"),
                hint: Some(tr!("portal-hint-arrival-date")),
                value: f.arrival_date.clone(),
                input_type: "date",
                autocomplete: "off",
                required: true,
            }, err())}
        </fieldset>
    }
}

/// The language a visitor wants the office's mail in: the one typed (kept on a refused
/// form), else the page's.
pub(super) fn language_field(
    label: String,
    hint: Option<String>,
    typed: &str,
    locale: Locale,
    error: Option<AppError>,
) -> impl IntoView {
    let chosen = if typed.is_empty() { locale.tag().to_string() } else { typed.to_string() };
    let described = if hint.is_some() { "language-hint language-error" } else { "language-error" };
    view! {
        <div class="field">
            <label for="language">{label}</label>
            {hint.map(|h| view! { <p class="hint" id="language-hint">{h}</p> })}
            <select id="language" name="language" aria-describedby=described>
                {Locale::ALL.into_iter().map(|l| {
                    let selected = chosen == l.tag();
                    view! { <option value=l.tag() selected=selected>{l.endonym()}</option> }
                }).collect_view()}
            </select>
            {field_message(error, "language")}
        </div>
    }
}

/// The contact fieldset: name (on the enterprise form), e-mail, phone and language.
fn contact_fieldset(f: &RequestForm, error: Option<AppError>, staff: bool, locale: Locale) -> impl IntoView {
    let err = move || error.clone();
    view! {
        <fieldset class="fieldset">
            <legend>{tr!("portal-contact")}</legend>
            {(!staff).then(|| text_field(TextField {
                name: "contact_name",
                label: tr!("portal-field-contact-name"),
                hint: None,
                value: f.contact_name.clone(),
                input_type: "text",
                autocomplete: "name",
                required: true,
            }, err()))}
            {text_field(TextField {
                name: "email",
                label: tr!("portal-field-email"),
                hint: Some(tr!("portal-hint-email")),
                value: f.email.clone(),
                input_type: "email",
                autocomplete: "email",
                required: true,
            }, err())}
            {text_field(TextField {
                name: "phone",
                label: tr!("portal-field-phone"),
                hint: Some(tr!("portal-hint-phone")),
                value: f.phone.clone(),
                input_type: "tel",
                autocomplete: "tel",
                required: true,
            }, err())}
            {language_field(tr!("portal-field-language"), Some(tr!("portal-hint-language")), &f.language, locale, err())}
        </fieldset>
    }
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let confirmation = crate::codec::resource(|| (), |_| portal_confirmation());
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
            <p><a class="button-primary" href="/portal/case" rel="external">{tr!("portal-confirmation-follow")}</a></p>
        </section>
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let post = crate::codec::resource(|| (), |_| refused_post());
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
    let (f, error) = Refused::or_blank(refused);
    let error_signal = Signal::stored(error.clone());
    view! {
        <FormError error=error_signal />
        <form method="post" action="/portal/status" class="form portal-form" novalidate="">
            {text_field(TextField {
                name: "reference",
                label: tr!("portal-field-reference"),
                hint: Some(tr!("portal-hint-reference")),
                value: f.reference,
                input_type: "text",
                autocomplete: "off",
                required: true,
            }, error.clone())}
            {text_field(TextField {
                name: "access_code",
                label: tr!("portal-field-access-code"),
                hint: Some(tr!("portal-hint-access-code")),
                value: String::new(),
                input_type: "password",
                autocomplete: "off",
                required: true,
            }, error)}
            <button type="submit" class="button-primary">{tr!("portal-lookup-submit")}</button>
        </form>
    }
}
