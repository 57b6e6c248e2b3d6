//! The one error type of Liaison. Every failure a user can cause is a stable code that crosses
//! the network intact; the UI turns the code into a Fluent message in the reader's language.
//! Causes (SQL errors, I/O) are logged on the server and never sent.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why one form field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    Required,
    TooLong,
    InvalidCharacters,
    InvalidEmail,
    PasswordTooShort,
    PasswordMismatch,
    WrongPassword,
    EmailTaken,
    UnknownRole,
    UnknownLocale,
    DepartmentRequired,
    UnknownDepartment,
    UnknownCountry,
    CreditCodeFormat,
    CreditCodeCheck,
    CreditCodeTaken,
    UnknownIndustryChain,
    InvalidNumber,
    InvalidAmount,
    MoreThanEmployees,
    UnknownLifecycle,
    UnknownOfficer,
    HandoverNoteRequired,
    UnknownContactKind,
    InvalidDate,
    DateInFuture,
    UnknownCaseType,
    UnknownPriority,
    TransitionNotAllowed,
    ReasonRequired,
    OpenTasksNeedOverride,
    UnknownTaskStatus,
    CaseNotOpen,
    DaysOutOfRange,
    GreenChannelTooLong,
    UnknownDayKind,
    PublicUpdateEmpty,
    InvalidReference,
    InvalidAccessCode,
    InvalidPhone,
    InvalidPassportNumber,
    RatingOutOfRange,
    AlreadyRated,
    NotRateableYet,
    NotAwaitingReply,
    EnterpriseNotFound,
    EnterpriseHasNoLiaison,
    NotInIntake,
    UnknownDirection,
    EndsBeforeStart,
    UnknownResourceKind,
    InterpreterNeedsLanguage,
    ResourceNameTaken,
    InvalidTime,
    UnknownActivity,
    UnknownResource,
    DayOutsideVisit,
    DelegationClosed,
    ClashesNeedOverride,
    UnknownGiftDirection,
    UnknownOutcomeKind,
    OutcomeTooEarly,
    MissionRulesBreached,
    LimitOutOfRange,
    InvalidYuanAmount,
    ProgrammeNotReady,
    NobodyToSendTo,
    IntentBeforeContact,
    FormalNeedsIntent,
    SisterNeedsAgreement,
    ProspectiveNeedsIntent,
    InvalidCoordinate,
    UnknownCityKind,
    UnknownArea,
    UnknownExchangeKind,
    UnknownDelegation,
    DelegationAlreadyLinked,
    PageOutOfRange,
    PasswordTooCommon,
    WrongCode,
    SamePassword,
    UnknownCapitalKind,
    UnknownSource,
    UnknownStage,
    UnknownAspect,
    ReviewsPending,
    InvalidYiAmount,
    StageNotAllowed,
    MoveNeedsReason,
    ReviewsClosed,
    NameTaken,
    UnknownCounty,
    UnknownEvent,
    EventRequired,
    /// The delegation's investment lead is not one (or no longer there).
    UnknownLead,
    /// Another project was registered from this investment lead.
    LeadTaken,
    /// A project from a delegation's lead has the delegation as its source.
    LeadNeedsDelegationSource,
    UnknownSubChain,
    /// The sub-chain belongs to another chain than the one chosen.
    SubChainOutsideChain,
    UnknownEventKind,
    InvalidShare,
    EnclaveNeedsBoth,
    UnknownCohort,
    NotSignedYet,
    UnknownCheckKind,
    NotStarted,
    /// A county officer's project must be built in their county.
    OutsideCounty,
    /// A county officer must belong to a county.
    CountyRequired,
    /// Another policy document has this document number.
    DocNumberTaken,
    /// A withdrawn policy document stays as it was withdrawn.
    PolicyWithdrawn,
    WithdrawnBeforeIssued,
    /// Not one of a chain's links (upstream, midstream, downstream).
    UnknownLink,
    /// The enterprise is already shown in this segment.
    AlreadyInSegment,
    /// An uploaded file: none, or no rows after its headers.
    EmptyFile,
    FileTooLarge,
    /// Not a spreadsheet or CSV that can be read.
    UnreadableFile,
    TooManyRows,
    /// A spreadsheet's first row does not name the columns it needs.
    MissingColumns,
    UnknownSize,
    UnknownSegment,
    /// The same firm (name and country) on an earlier row of the same file.
    DuplicateInFile,
    /// This import was saved already.
    ImportDone,
    /// A firm that became a project names it.
    UnknownProject,
    /// Not one of the stages of a firm's approach.
    UnknownApproach,
    UnknownLeadSource,
    UnknownTargetFirm,
    /// A lead that ended stays as it ended.
    LeadClosed,
    UnknownContactWay,
    /// A firm another officer is in charge of, which an import would change.
    NotYourFirm,
    UnknownPromotedProject,
    UnknownCooperation,
    /// The segment is on another sub-chain's map than the one chosen.
    SegmentOutsideSubChain,
    /// A brochure presents only published projects.
    NotPublished,
    /// Another brochure issue has this number.
    BrochureNumberTaken,
    /// The project is in this issue already.
    AlreadyInBrochure,
    /// An issue presents at most `brochures::MAX_ENTRIES` projects.
    BrochureFull,
    /// Neither draft nor published.
    UnknownPromotedStatus,
    QuarterOrMonth,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's name, so the UI can place the message beside it.
    pub field: String,
    pub code: FieldCode,
}

impl FieldError {
    pub fn new(field: &str, code: FieldCode) -> Self {
        FieldError { field: field.to_string(), code }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum AppError {
    #[error("not_authenticated")]
    NotAuthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not_found")]
    NotFound,
    #[error("invalid_credentials")]
    InvalidCredentials,
    #[error("too_many_attempts")]
    TooManyAttempts,
    /// Somebody else saved the record since it was loaded; nothing was overwritten.
    #[error("stale_version")]
    StaleVersion,
    /// An admin may not lock themselves out (disable or demote their own account).
    #[error("cannot_change_self")]
    CannotChangeSelf,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    /// The portal: no request with this reference and access code (the same answer whether
    /// the reference exists or not).
    #[error("not_recognised")]
    NotRecognised,
    /// The portal: too many wrong access codes for this reference; it is locked for a while.
    #[error("reference_locked")]
    ReferenceLocked,
    /// The portal: too many requests from this address.
    #[error("rate_limited")]
    RateLimited,
    /// A booking would double-book resources: the clashes, each with the other item, so the
    /// officer can choose another resource or book anyway. Nothing was saved.
    #[error("booking_clashes")]
    BookingClashes(Vec<crate::domain::Clash>),
    /// Too many sign-ins are being checked at this moment; nothing was checked.
    #[error("busy")]
    Busy,
    /// An export of this user's is still running (one at a time); nothing was started.
    #[error("export_running")]
    ExportRunning,
    /// A form post whose body could not be read as a form (not what a browser sends);
    /// nothing was done.
    #[error("malformed_form")]
    MalformedForm,
    /// Something failed on the server; the cause is in the server log under the request id.
    #[error("internal")]
    Internal,
    /// The request did not reach the server or its answer could not be read.
    #[error("communication")]
    Communication,
}

/// A list's page number as a request gives it: from 0 to `domain::MAX_PAGE`, anything else a
/// clear refusal (a huge number would overflow the offset).
pub fn page_number(page: i64) -> Result<i64, AppError> {
    if (0..=crate::domain::MAX_PAGE).contains(&page) {
        Ok(page)
    } else {
        Err(AppError::field("page", FieldCode::PageOutOfRange))
    }
}

impl AppError {
    pub fn field(field: &str, code: FieldCode) -> Self {
        AppError::Invalid(vec![FieldError::new(field, code)])
    }

    /// The field errors of an `Invalid` error, or none.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(errors) => errors,
            _ => &[],
        }
    }

    /// The HTTP status this error maps to when it ends a request.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotAuthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::InvalidCredentials => 401,
            AppError::TooManyAttempts
            | AppError::ReferenceLocked
            | AppError::RateLimited
            | AppError::Busy
            | AppError::ExportRunning => 429,
            AppError::NotRecognised => 401,
            AppError::StaleVersion | AppError::BookingClashes(_) => 409,
            AppError::CannotChangeSelf | AppError::Invalid(_) => 422,
            AppError::MalformedForm => 400,
            AppError::Internal => 500,
            AppError::Communication => 502,
        }
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Invalid(vec![e])
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Bad arguments are the caller's fault, not an outage: say so without detail.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::Invalid(Vec::new()),
            ServerFnErrorErr::ServerError(_) | ServerFnErrorErr::MiddlewareError(_) => AppError::Internal,
            _ => AppError::Communication,
        }
    }
}

/// Collects field errors so a form reports every problem at once, not one per submit.
#[derive(Default)]
pub struct Validator(Vec<FieldError>);

impl Validator {
    pub fn check<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }

    /// A text field, trimmed: required when `required`, at most `max` characters.
    pub fn text(&mut self, field: &str, raw: &str, required: bool, max: usize) -> String {
        let s = raw.trim();
        if required && s.is_empty() {
            self.push(FieldError::new(field, FieldCode::Required));
        } else if s.chars().count() > max {
            self.push(FieldError::new(field, FieldCode::TooLong));
        }
        s.to_string()
    }

    /// A required date, as a date field sends it (`2026-05-04`).
    pub fn day(&mut self, field: &str, raw: &str) -> Option<chrono::NaiveDate> {
        if raw.trim().is_empty() {
            self.push(FieldError::new(field, FieldCode::Required));
            return None;
        }
        self.optional_day(field, raw)
    }

    /// A date that may be left empty. A year outside 1900–2200 is refused as not a date
    /// (`%Y` reads `+12345` and `-5000`, which no office means and PostgreSQL cannot hold).
    pub fn optional_day(&mut self, field: &str, raw: &str) -> Option<chrono::NaiveDate> {
        match raw.trim() {
            "" => None,
            s => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(day) if (1900..=2200).contains(&chrono::Datelike::year(&day)) => Some(day),
                _ => {
                    self.push(FieldError::new(field, FieldCode::InvalidDate));
                    None
                }
            },
        }
    }

    /// An id from a form that must name a row `exists` finds: None when left empty, `code` on
    /// `field` when it names none.
    #[cfg(feature = "ssr")]
    pub async fn existing_id<F>(
        &mut self,
        field: &str,
        raw: &str,
        code: FieldCode,
        exists: F,
    ) -> Result<Option<i64>, sqlx::Error>
    where
        F: AsyncFnOnce(i64) -> Result<bool, sqlx::Error>,
    {
        match raw.trim() {
            "" => Ok(None),
            raw => match raw.parse::<i64>() {
                Ok(id) if exists(id).await? => Ok(Some(id)),
                _ => {
                    self.push(FieldError::new(field, code));
                    Ok(None)
                }
            },
        }
    }

    /// `Err` with every collected error, or `Ok` when there were none.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_survive_the_network_hop() {
        let e = AppError::Invalid(vec![FieldError::new("email", FieldCode::EmailTaken)]);
        let bytes = e.ser();
        assert_eq!(AppError::de(bytes), e);
        assert_eq!(AppError::de(AppError::TooManyAttempts.ser()), AppError::TooManyAttempts);
    }

    #[test]
    fn validator_reports_every_field() {
        let mut v = Validator::default();
        assert_eq!(v.check(Ok::<_, FieldError>(1)), Some(1));
        v.check::<()>(Err(FieldError::new("a", FieldCode::Required)));
        v.check::<()>(Err(FieldError::new("b", FieldCode::TooLong)));
        let e = v.finish().unwrap_err();
        assert_eq!(e.field_errors().len(), 2);
        assert_eq!(e.status(), 422);
    }
}
