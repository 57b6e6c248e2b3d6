//! Cases (service requests, 诉求/事项) of enterprises: opened by the enterprise's liaison
//! officer, moved through the status workflow, with a timeline of every event. `notices`
//! holds the background jobs that announce late cases and send each officer's digest.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod figures;
pub mod inbox;
#[cfg(feature = "ssr")]
pub mod notices;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod tasks;

pub use crate::domain::{CaseType, Deadline, PublicText};

use crate::domain::{CaseStatus, Locale};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }
}

/// A new case as a browser sends it (the enterprise it is for travels beside it); checked by
/// the service.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CaseForm {
    /// A `CaseType` code.
    pub case_type: String,
    /// A `Priority` code.
    pub priority: String,
    pub title: String,
    pub description: String,
    /// The applicant's language tag.
    pub language: String,
    /// The green-channel box: `true` (or a browser's `on`) when ticked, absent otherwise.
    #[serde(default)]
    pub green_channel: Option<String>,
    /// The full-agency box, like `green_channel`.
    #[serde(default)]
    pub full_agency: Option<String>,
    #[serde(default)]
    pub applicant_name: String,
    #[serde(default)]
    pub applicant_email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    /// None while a portal request waits in the intake queue for its enterprise.
    pub enterprise_id: Option<i64>,
    /// The enterprise's Chinese name (or, before routing, the name the applicant gave).
    pub enterprise_name: String,
    pub case_type: CaseType,
    pub priority: Priority,
    pub green_channel: bool,
    pub title: String,
    pub status: CaseStatus,
    pub owner_name: Option<String>,
    pub created_at: DateTime<Utc>,
    /// The service-level deadline (None for cases opened before deadlines existed).
    pub due_on: Option<NaiveDate>,
    pub deadline: Deadline,
}

/// The case list's search, filters and page, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseFilter {
    /// A reference, or part of the title or the enterprise's name.
    pub q: Option<String>,
    pub status: Option<String>,
    pub case_type: Option<String>,
    /// `overdue` or `at_risk`.
    pub due: Option<String>,
    pub enterprise_id: Option<i64>,
    /// Only the reader's own cases.
    pub mine: bool,
    /// Only cases of enterprises the reader is the responsible leader of.
    pub led: bool,
    pub green_channel: bool,
    /// Only the intake queue: open cases without an officer (portal requests).
    pub intake: bool,
    pub page: i64,
}

impl CaseFilter {
    /// The filter a query string describes; empty and malformed values count as absent.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> CaseFilter {
        let text = |k: &str| get(k).filter(|s| !s.trim().is_empty());
        CaseFilter {
            q: text("q"),
            status: text("status").filter(|s| CaseStatus::parse(s).is_some()),
            case_type: text("case_type").filter(|s| CaseType::parse(s).is_some()),
            due: text("due").filter(|s| s == "overdue" || s == "at_risk"),
            enterprise_id: text("enterprise_id").and_then(|s| s.parse().ok()),
            mine: text("mine").as_deref() == Some("true"),
            led: text("led").as_deref() == Some("true"),
            green_channel: text("green_channel").as_deref() == Some("true"),
            intake: text("intake").as_deref() == Some("true"),
            page: text("page").and_then(|s| s.parse().ok()).unwrap_or(0),
        }
    }

    /// The query string for this filter on `page` (without `?`).
    pub fn to_query(&self, page: i64) -> String {
        crate::shell::query_string(&[
            ("q", self.q.clone()),
            ("status", self.status.clone()),
            ("case_type", self.case_type.clone()),
            ("due", self.due.clone()),
            ("enterprise_id", self.enterprise_id.map(|v| v.to_string())),
            ("mine", self.mine.then(|| "true".into())),
            ("led", self.led.then(|| "true".into())),
            ("green_channel", self.green_channel.then(|| "true".into())),
            ("intake", self.intake.then(|| "true".into())),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasePage {
    /// Drawn as `inner_html` (see `codec`).
    pub items: crate::codec::DrawnRows<CaseSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The deadlines page: the first page of overdue and of at-risk cases, and for a leader the
/// overdue cases of the enterprises they are responsible for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineLists {
    pub overdue: CasePage,
    pub at_risk: CasePage,
    pub led: Option<crate::codec::DrawnRows<CaseSummary>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    StatusChanged,
    InternalNote,
    PublicUpdate,
    AccessCodeReset,
    /// The applicant answered a request for information (through the portal).
    ApplicantReply,
    /// The applicant rated the service.
    Rated,
    /// Staff gave a portal request its enterprise and officer.
    Routed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub id: i64,
    pub kind: EventKind,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: String,
    /// The texts of a public update.
    pub public: Option<PublicText>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub summary: CaseSummary,
    pub description: String,
    pub language: Locale,
    pub full_agency: bool,
    pub version: i32,
    pub events: Vec<CaseEvent>,
    pub tasks: Vec<tasks::CaseTask>,
    /// The statuses the reader may move it to now.
    pub next_statuses: Vec<CaseStatus>,
    /// May the reader work it (its owner, or an admin)?
    pub editable: bool,
    /// The access code, only on the first view after it was made.
    pub fresh_access_code: Option<String>,
    /// When the clock stopped for the applicant (while it waits).
    pub paused_on: Option<NaiveDate>,
    /// Who asked, and where the case's news goes by e-mail (in `language`).
    pub applicant_name: String,
    pub applicant_email: Option<String>,
    /// The e-mails the case has sent.
    pub messages: Vec<crate::domain::CaseMessage>,
    /// Submitted by the applicant through the portal.
    pub from_portal: bool,
    pub applicant_phone: Option<String>,
    /// What the applicant typed about the enterprise, while no enterprise is linked.
    pub enterprise_name_given: Option<String>,
    pub credit_code_given: Option<String>,
    /// A foreign employee's identity (one-stop requests).
    pub foreign_staff: Option<ForeignStaff>,
    pub rating: Option<(i32, String)>,
    /// May the reader give this intake case its enterprise?
    pub routable: bool,
}

/// A foreign employee's identity on a case. The passport number is whole only for the
/// case's officer (each such view is audited), masked for every other reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForeignStaff {
    pub passport_name: String,
    pub nationality: String,
    pub passport_number: String,
    pub passport_masked: bool,
    pub position: String,
    pub arrival_date: Option<NaiveDate>,
}

/// The cookie that carries a new access code to the one page view that shows it.
pub fn fresh_code_cookie(case_id: i64) -> String {
    format!("liaison_new_code_{case_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_filters_survive_the_query_string() {
        let f = CaseFilter {
            q: Some("LN-2026 & co".into()),
            status: Some("in_progress".into()),
            case_type: Some("tax".into()),
            due: Some("overdue".into()),
            enterprise_id: Some(7),
            mine: true,
            led: true,
            green_channel: true,
            intake: true,
            page: 0,
        };
        let query = f.to_query(3);
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), percent_encoding::percent_decode_str(v).decode_utf8().unwrap().into_owned())
            })
            .collect();
        let back = CaseFilter::from_query(|k| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
        assert_eq!(back, CaseFilter { page: 3, ..f });
        let junk = CaseFilter::from_query(|k| match k {
            "status" => Some("archived".into()),
            "due" => Some("someday".into()),
            "page" => Some("x".into()),
            _ => None,
        });
        assert_eq!(junk, CaseFilter::default());
    }
}
