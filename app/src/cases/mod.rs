//! Cases (service requests, 诉求/事项) of enterprises: opened by the enterprise's liaison
//! officer, moved through the status workflow, with a timeline of every event.

pub mod api;
pub mod inbox;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod tasks;

use crate::domain::{CaseStatus, Locale};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    BusinessRegistration,
    Customs,
    Tax,
    ForeignExchange,
    WorkPermit,
    ResidencePermit,
    Visa,
    LandUtilities,
    Financing,
    PolicyQuestion,
    Complaint,
    Other,
}

impl CaseType {
    pub const ALL: [CaseType; 12] = [
        CaseType::BusinessRegistration,
        CaseType::Customs,
        CaseType::Tax,
        CaseType::ForeignExchange,
        CaseType::WorkPermit,
        CaseType::ResidencePermit,
        CaseType::Visa,
        CaseType::LandUtilities,
        CaseType::Financing,
        CaseType::PolicyQuestion,
        CaseType::Complaint,
        CaseType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseType::BusinessRegistration => "business_registration",
            CaseType::Customs => "customs",
            CaseType::Tax => "tax",
            CaseType::ForeignExchange => "foreign_exchange",
            CaseType::WorkPermit => "work_permit",
            CaseType::ResidencePermit => "residence_permit",
            CaseType::Visa => "visa",
            CaseType::LandUtilities => "land_utilities",
            CaseType::Financing => "financing",
            CaseType::PolicyQuestion => "policy_question",
            CaseType::Complaint => "complaint",
            CaseType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<CaseType> {
        CaseType::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }
}

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    pub enterprise_id: i64,
    pub enterprise_name: String,
    pub case_type: CaseType,
    pub priority: Priority,
    pub green_channel: bool,
    pub title: String,
    pub status: CaseStatus,
    pub owner_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    StatusChanged,
    InternalNote,
    PublicUpdate,
    AccessCodeReset,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub id: i64,
    pub kind: EventKind,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: String,
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
}

/// The cookie that carries a new access code to the one page view that shows it.
pub fn fresh_code_cookie(case_id: i64) -> String {
    format!("liaison_new_code_{case_id}")
}
