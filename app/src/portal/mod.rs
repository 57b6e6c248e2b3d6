//! The investor portal: the public part of Liaison, for foreign investors and the foreign
//! staff of their enterprises, who have no staff account. They submit requests and check
//! them with the reference and the access code, in English, French or Chinese.
//!
//! Its forms are plain HTML forms posted to the server (see `server/src/portal.rs`): they
//! work the same with and without JavaScript, and a refused form is rendered again with
//! what was typed and an error summary.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod opportunities;
pub mod pages;
pub mod policies;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod status_page;

use crate::cases::tasks::TaskStatus;
use crate::cases::{CaseType, PublicText};
use crate::domain::{CaseStatus, Locale};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The two request forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// An enterprise's service request.
    Enterprise,
    /// One-stop service for a foreign employee: permits and visas.
    ForeignStaff,
}

impl RequestKind {
    /// The request types each form offers.
    pub fn types(self) -> &'static [CaseType] {
        match self {
            RequestKind::Enterprise => &CaseType::ALL,
            RequestKind::ForeignStaff => {
                &[CaseType::WorkPermit, CaseType::ResidencePermit, CaseType::Visa, CaseType::Other]
            }
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            RequestKind::Enterprise => "/portal/request",
            RequestKind::ForeignStaff => "/portal/foreign-staff",
        }
    }
}

/// A request form as typed (every field a string, so a refused form shows it back).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    pub request_type: String,
    /// The enterprise (for foreign staff: the employer).
    pub enterprise_name: String,
    pub credit_code: String,
    /// The contact person (for foreign staff: the name as in the passport).
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub description: String,
    pub nationality: String,
    pub passport_number: String,
    pub position: String,
    pub arrival_date: String,
    /// A field people do not see and robots fill in.
    pub website: String,
}

/// The longest description a request may carry (characters).
pub const DESCRIPTION_MAX: usize = 5_000;

/// A refused portal form, rendered again: what was typed and why it was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refused<T> {
    pub form: T,
    pub error: AppError,
}

impl<T: Default> Refused<T> {
    /// What a form shows: what was typed and its error after a refused post, or a blank form.
    pub fn or_blank(refused: Option<Refused<T>>) -> (T, Option<AppError>) {
        match refused {
            Some(r) => (r.form, Some(r.error)),
            None => (T::default(), None),
        }
    }
}

/// The status lookup form as typed (the access code is never sent back).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LookupForm {
    pub reference: String,
    pub access_code: String,
}

/// The reply and rating forms of the status page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    pub reply: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RatingForm {
    pub rating: String,
    pub comment: String,
}

/// What a portal page rendered after a refused post shows (set by the server's form handler).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PortalPost {
    Request(Box<Refused<RequestForm>>),
    Lookup(Refused<LookupForm>),
    Reply(Refused<ReplyForm>),
    Rating(Refused<RatingForm>),
    /// An expression of interest in a promoted project.
    Interest(Box<Refused<crate::promotion::promoted::InterestForm>>),
    /// Too many requests from this address (the page is served with status 429).
    RateLimited,
}

/// A department's progress on a case, as the applicant sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartmentProgress {
    pub name: PublicText,
    pub status: TaskStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicEventKind {
    Submitted,
    StatusChanged,
    Update,
    Reply,
    Rated,
}

/// One entry of the public timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicEvent {
    pub kind: PublicEventKind,
    pub to_status: Option<CaseStatus>,
    /// A reason addressed to the applicant, or their own reply.
    pub note: String,
    /// A public update's texts.
    pub texts: Option<PublicText>,
    pub at: DateTime<Utc>,
}

/// The status page's case: only what the applicant may read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicCase {
    pub reference: String,
    pub title: String,
    pub case_type: CaseType,
    pub status: CaseStatus,
    pub language: Locale,
    pub submitted_at: DateTime<Utc>,
    /// The service-level deadline.
    pub due_on: Option<NaiveDate>,
    pub officer_name: Option<String>,
    pub officer_email: Option<String>,
    pub departments: Vec<DepartmentProgress>,
    pub events: Vec<PublicEvent>,
    /// What the officer asked for, while the case waits for the applicant.
    pub request: Option<String>,
    pub rating: Option<(i32, String)>,
}

impl PublicCase {
    pub fn awaits_reply(&self) -> bool {
        self.status == CaseStatus::AwaitingApplicant
    }

    pub fn may_rate(&self) -> bool {
        matches!(self.status, CaseStatus::Resolved | CaseStatus::Closed) && self.rating.is_none()
    }
}

/// What the confirmation page shows once after a submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    pub reference: String,
    pub access_code: String,
    pub due_on: Option<NaiveDate>,
    pub email: String,
}

/// Cookies of the portal: the signed-in case (a signed token, never the code itself) and
/// the one view of a new request's reference and code.
pub const CASE_COOKIE: &str = "liaison_portal";

/// The portal session cookie's name: `__Host-` on https (see `auth::server::session_cookie_name`).
pub fn case_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-liaison_portal"
    } else {
        CASE_COOKIE
    }
}
pub const CONFIRMATION_COOKIE: &str = "liaison_portal_new";
