//! Errors in the reader's language: the message for each error and each refused field, the
//! not-found and forbidden pages, and an error in place of a page's content.

use crate::error::{AppError, FieldCode};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    // Captured here: the router may run the fallback's closures outside this component.
    let i18n = expect_context::<leptos_fluent::I18n>();
    view! {
        <Title text=leptos_fluent::tr!(i18n, "notfound-title") />
        <h1>{move || leptos_fluent::tr!(i18n, "notfound-title")}</h1>
        <p>{move || leptos_fluent::tr!(i18n, "notfound-text")}</p>
        <p><a href="/">{move || leptos_fluent::tr!(i18n, "nav-home")}</a></p>
    }
}

/// An error in place of a page's content, with its HTTP status when rendered on the server (a
/// page about a record that does not exist answers 404); a refused permission gets the full
/// explanation.
pub fn page_error(e: AppError) -> AnyView {
    answer_with(&e);
    match e {
        AppError::Forbidden => view! { <Forbidden /> }.into_any(),
        e => view! { <div class="notice notice-error" role="alert"><p>{error_text(&e)}</p></div> }.into_any(),
    }
}

/// Answer the page being rendered on the server with the error's status (a form refused as a
/// whole page, such as a period that cannot be read, answers 422); nothing in the browser.
pub fn answer_with(e: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(e.status()) {
            res.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = e;
}

/// Shown instead of a page the user's role may not open (the server also answers 403).
#[component]
pub fn Forbidden() -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <h1>{move || tr!("forbidden-title")}</h1>
            <p>{move || tr!("forbidden-text")}</p>
        </div>
    }
}

/// The reader's message for an error.
pub fn error_text(e: &AppError) -> String {
    match e {
        AppError::NotAuthenticated => tr!("error-not-authenticated"),
        AppError::Forbidden => tr!("error-forbidden"),
        AppError::NotFound => tr!("error-not-found"),
        AppError::InvalidCredentials => tr!("error-invalid-credentials"),
        AppError::TooManyAttempts => tr!("error-too-many-attempts"),
        AppError::StaleVersion => tr!("error-stale-version"),
        AppError::BookingClashes(_) => tr!("error-booking-clashes"),
        AppError::CannotChangeSelf => tr!("error-cannot-change-self"),
        AppError::Invalid(_) => tr!("error-invalid"),
        AppError::NotRecognised => tr!("error-not-recognised"),
        AppError::ReferenceLocked => tr!("error-reference-locked"),
        AppError::RateLimited => tr!("error-rate-limited"),
        AppError::Busy => tr!("error-busy"),
        AppError::ExportRunning => tr!("error-export-running"),
        AppError::MalformedForm => tr!("error-malformed-form"),
        AppError::Internal => tr!("error-internal"),
        AppError::Communication => tr!("error-communication"),
    }
}

pub fn field_error_text(code: FieldCode) -> String {
    match code {
        FieldCode::Required => tr!("field-required"),
        FieldCode::TooLong => tr!("field-too-long"),
        FieldCode::InvalidCharacters => tr!("field-invalid-characters"),
        FieldCode::InvalidEmail => tr!("field-invalid-email"),
        FieldCode::PasswordTooShort => {
            tr!("field-password-too-short", { "min" => crate::domain::NewPassword::MIN })
        }
        FieldCode::PasswordMismatch => tr!("field-password-mismatch"),
        FieldCode::WrongPassword => tr!("field-wrong-password"),
        FieldCode::EmailTaken => tr!("field-email-taken"),
        FieldCode::UnknownRole => tr!("field-unknown-role"),
        FieldCode::UnknownLocale => tr!("field-unknown-locale"),
        FieldCode::DepartmentRequired => tr!("field-department-required"),
        FieldCode::UnknownDepartment => tr!("field-unknown-department"),
        FieldCode::UnknownCountry => tr!("field-unknown-country"),
        FieldCode::CreditCodeFormat => tr!("field-credit-code-format"),
        FieldCode::CreditCodeCheck => tr!("field-credit-code-check"),
        FieldCode::CreditCodeTaken => tr!("field-credit-code-taken"),
        FieldCode::UnknownIndustryChain => tr!("field-unknown-industry-chain"),
        FieldCode::InvalidNumber => tr!("field-invalid-number"),
        FieldCode::InvalidAmount => tr!("field-invalid-amount"),
        FieldCode::MoreThanEmployees => tr!("field-more-than-employees"),
        FieldCode::UnknownLifecycle => tr!("field-unknown-lifecycle"),
        FieldCode::UnknownOfficer => tr!("field-unknown-officer"),
        FieldCode::HandoverNoteRequired => tr!("field-handover-note-required"),
        FieldCode::UnknownContactKind => tr!("field-unknown-contact-kind"),
        FieldCode::InvalidDate => tr!("field-invalid-date"),
        FieldCode::DateInFuture => tr!("field-date-in-future"),
        FieldCode::UnknownCaseType => tr!("field-unknown-case-type"),
        FieldCode::UnknownPriority => tr!("field-unknown-priority"),
        FieldCode::TransitionNotAllowed => tr!("field-transition-not-allowed"),
        FieldCode::ReasonRequired => tr!("field-reason-required"),
        FieldCode::OpenTasksNeedOverride => tr!("field-open-tasks-need-override"),
        FieldCode::UnknownTaskStatus => tr!("field-unknown-task-status"),
        FieldCode::CaseNotOpen => tr!("field-case-not-open"),
        FieldCode::DaysOutOfRange => tr!("field-days-out-of-range"),
        FieldCode::GreenChannelTooLong => tr!("field-green-channel-too-long"),
        FieldCode::UnknownDayKind => tr!("field-unknown-day-kind"),
        FieldCode::PublicUpdateEmpty => tr!("field-public-update-empty"),
        FieldCode::InvalidReference => tr!("field-invalid-reference"),
        FieldCode::InvalidAccessCode => tr!("field-invalid-access-code"),
        FieldCode::InvalidPhone => tr!("field-invalid-phone"),
        FieldCode::InvalidPassportNumber => tr!("field-invalid-passport-number"),
        FieldCode::RatingOutOfRange => tr!("field-rating-out-of-range"),
        FieldCode::AlreadyRated => tr!("field-already-rated"),
        FieldCode::NotRateableYet => tr!("field-not-rateable-yet"),
        FieldCode::NotAwaitingReply => tr!("field-not-awaiting-reply"),
        FieldCode::EnterpriseNotFound => tr!("field-enterprise-not-found"),
        FieldCode::EnterpriseHasNoLiaison => tr!("field-enterprise-has-no-liaison"),
        FieldCode::NotInIntake => tr!("field-not-in-intake"),
        FieldCode::UnknownDirection => tr!("field-unknown-direction"),
        FieldCode::EndsBeforeStart => tr!("field-ends-before-start"),
        FieldCode::UnknownResourceKind => tr!("field-unknown-resource-kind"),
        FieldCode::InterpreterNeedsLanguage => tr!("field-interpreter-needs-language"),
        FieldCode::ResourceNameTaken => tr!("field-resource-name-taken"),
        FieldCode::InvalidTime => tr!("field-invalid-time"),
        FieldCode::UnknownActivity => tr!("field-unknown-activity"),
        FieldCode::UnknownResource => tr!("field-unknown-resource"),
        FieldCode::DayOutsideVisit => tr!("field-day-outside-visit"),
        FieldCode::DelegationClosed => tr!("field-delegation-closed"),
        FieldCode::ClashesNeedOverride => tr!("field-clashes-need-override"),
        FieldCode::UnknownGiftDirection => tr!("field-unknown-gift-direction"),
        FieldCode::UnknownOutcomeKind => tr!("field-unknown-outcome-kind"),
        FieldCode::OutcomeTooEarly => tr!("field-outcome-too-early"),
        FieldCode::MissionRulesBreached => tr!("field-mission-rules-breached"),
        FieldCode::LimitOutOfRange => tr!("field-limit-out-of-range"),
        FieldCode::InvalidYuanAmount => tr!("field-invalid-yuan-amount"),
        FieldCode::ProgrammeNotReady => tr!("field-programme-not-ready"),
        FieldCode::NobodyToSendTo => tr!("field-nobody-to-send-to"),
        FieldCode::IntentBeforeContact => tr!("field-intent-before-contact"),
        FieldCode::FormalNeedsIntent => tr!("field-formal-needs-intent"),
        FieldCode::SisterNeedsAgreement => tr!("field-sister-needs-agreement"),
        FieldCode::ProspectiveNeedsIntent => tr!("field-prospective-needs-intent"),
        FieldCode::InvalidCoordinate => tr!("field-invalid-coordinate"),
        FieldCode::UnknownCityKind => tr!("field-unknown-city-kind"),
        FieldCode::UnknownArea => tr!("field-unknown-area"),
        FieldCode::UnknownExchangeKind => tr!("field-unknown-exchange-kind"),
        FieldCode::UnknownDelegation => tr!("field-unknown-delegation"),
        FieldCode::DelegationAlreadyLinked => tr!("field-delegation-already-linked"),
        FieldCode::PageOutOfRange => tr!("field-page-out-of-range"),
        FieldCode::PasswordTooCommon => tr!("field-password-too-common"),
        FieldCode::WrongCode => tr!("field-wrong-code"),
        FieldCode::SamePassword => tr!("field-same-password"),
        FieldCode::UnknownCapitalKind => tr!("field-unknown-capital-kind"),
        FieldCode::UnknownSource => tr!("field-unknown-source"),
        FieldCode::UnknownStage => tr!("field-unknown-stage"),
        FieldCode::UnknownAspect => tr!("field-unknown-aspect"),
        FieldCode::ReviewsPending => tr!("field-reviews-pending"),
        FieldCode::InvalidYiAmount => tr!("field-invalid-yi-amount"),
        FieldCode::StageNotAllowed => tr!("field-stage-not-allowed"),
        FieldCode::MoveNeedsReason => tr!("field-move-needs-reason"),
        FieldCode::ReviewsClosed => tr!("field-reviews-closed"),
        FieldCode::NameTaken => tr!("field-name-taken"),
        FieldCode::UnknownCounty => tr!("field-unknown-county"),
        FieldCode::OutsideCounty => tr!("field-outside-county"),
        FieldCode::CountyRequired => tr!("field-county-required"),
        FieldCode::DocNumberTaken => tr!("field-doc-number-taken"),
        FieldCode::PolicyWithdrawn => tr!("field-policy-withdrawn"),
        FieldCode::WithdrawnBeforeIssued => tr!("field-withdrawn-before-issued"),
        FieldCode::UnknownLink => tr!("field-unknown-link"),
        FieldCode::AlreadyInSegment => tr!("field-already-in-segment"),
        FieldCode::EmptyFile => tr!("field-empty-file"),
        FieldCode::FileTooLarge => tr!("field-file-too-large"),
        FieldCode::UnreadableFile => tr!("field-unreadable-file"),
        FieldCode::TooManyRows => tr!("field-too-many-rows"),
        FieldCode::MissingColumns => tr!("field-missing-columns"),
        FieldCode::UnknownSize => tr!("field-unknown-size"),
        FieldCode::UnknownSegment => tr!("field-unknown-segment"),
        FieldCode::DuplicateInFile => tr!("field-duplicate-in-file"),
        FieldCode::ImportDone => tr!("field-import-done"),
        FieldCode::UnknownProject => tr!("field-unknown-project"),
        FieldCode::UnknownApproach => tr!("field-unknown-approach"),
        FieldCode::UnknownLeadSource => tr!("field-unknown-lead-source"),
        FieldCode::UnknownTargetFirm => tr!("field-unknown-target-firm"),
        FieldCode::LeadClosed => tr!("field-lead-closed"),
        FieldCode::UnknownContactWay => tr!("field-unknown-contact-way"),
        FieldCode::NotYourFirm => tr!("field-not-your-firm"),
        FieldCode::UnknownPromotedProject => tr!("field-unknown-promoted-project"),
        FieldCode::UnknownCooperation => tr!("field-unknown-cooperation"),
        FieldCode::SegmentOutsideSubChain => tr!("field-segment-outside-sub-chain"),
        FieldCode::NotPublished => tr!("field-not-published"),
        FieldCode::BrochureNumberTaken => tr!("field-brochure-number-taken"),
        FieldCode::AlreadyInBrochure => tr!("field-already-in-brochure"),
        FieldCode::BrochureFull => tr!("field-brochure-full"),
        FieldCode::UnknownPromotedStatus => tr!("field-unknown-promoted-status"),
        FieldCode::QuarterOrMonth => tr!("field-quarter-or-month"),
        FieldCode::UnknownEvent => tr!("field-unknown-event"),
        FieldCode::EventRequired => tr!("field-event-required"),
        FieldCode::UnknownLead => tr!("field-unknown-lead"),
        FieldCode::LeadTaken => tr!("field-lead-taken"),
        FieldCode::LeadNeedsDelegationSource => tr!("field-lead-needs-delegation-source"),
        FieldCode::UnknownSubChain => tr!("field-unknown-sub-chain"),
        FieldCode::SubChainOutsideChain => tr!("field-sub-chain-outside-chain"),
        FieldCode::UnknownEventKind => tr!("field-unknown-event-kind"),
        FieldCode::InvalidShare => tr!("field-invalid-share"),
        FieldCode::EnclaveNeedsBoth => tr!("field-enclave-needs-both"),
        FieldCode::UnknownCohort => tr!("field-unknown-cohort"),
        FieldCode::NotSignedYet => tr!("field-not-signed-yet"),
        FieldCode::UnknownCheckKind => tr!("field-unknown-check-kind"),
        FieldCode::NotStarted => tr!("field-not-started"),
    }
}
