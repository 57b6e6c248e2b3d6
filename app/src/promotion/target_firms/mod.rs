//! The target firms (目标企业库): the firms the city wants to attract, each with the chain
//! segments it fits, its officer in charge and how far it has been approached (not contacted
//! → contacted → interested → negotiating → became a project, or declined with a reason), its
//! last contact and next step (overdue ones flagged). Most arrive from a spreadsheet
//! (`import`): read, checked row by row and shown before anything is saved; a firm imported
//! again is matched by its name and country and updated, not duplicated.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod import;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::error::FieldError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many firms a page of the register shows.
pub const PER_PAGE: i64 = 50;

/// The most rows one spreadsheet may bring (the city's library has some 800).
pub const MAX_ROWS: usize = 10_000;

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// How many of an import's good rows, and of its refused ones, its preview lists.
pub const PREVIEW_ROWS: usize = 200;

/// How far a firm has been approached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approach {
    NotContacted,
    Contacted,
    Interested,
    Negotiating,
    BecameProject,
    Declined,
}

impl Approach {
    pub const ALL: [Approach; 6] = [
        Approach::NotContacted,
        Approach::Contacted,
        Approach::Interested,
        Approach::Negotiating,
        Approach::BecameProject,
        Approach::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Approach::NotContacted => "not_contacted",
            Approach::Contacted => "contacted",
            Approach::Interested => "interested",
            Approach::Negotiating => "negotiating",
            Approach::BecameProject => "became_project",
            Approach::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Approach> {
        Approach::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }

    /// Still being approached: its next step can be overdue.
    pub fn is_open(self) -> bool {
        !matches!(self, Approach::BecameProject | Approach::Declined)
    }
}

/// A firm's size, as promotion offices class them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirmSize {
    /// Among the Fortune Global 500 (世界500强).
    #[serde(rename = "global_500")]
    Global500,
    Large,
    Medium,
    Small,
}

impl FirmSize {
    pub const ALL: [FirmSize; 4] = [FirmSize::Global500, FirmSize::Large, FirmSize::Medium, FirmSize::Small];

    pub fn as_str(self) -> &'static str {
        match self {
            FirmSize::Global500 => "global_500",
            FirmSize::Large => "large",
            FirmSize::Medium => "medium",
            FirmSize::Small => "small",
        }
    }

    pub fn parse(s: &str) -> Option<FirmSize> {
        FirmSize::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// A target firm as the register keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetFirm {
    pub id: i64,
    /// Its own name, as it writes it.
    pub name: String,
    /// Its Chinese name, empty when it has none yet.
    pub name_zh: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub size: Option<FirmSize>,
    pub website: String,
    pub contacts: String,
    pub officer_id: Option<i64>,
    pub officer_name: Option<String>,
    pub status: Approach,
    pub project_id: Option<i64>,
    pub declined_reason: String,
    pub last_contact_on: Option<NaiveDate>,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    /// Its next step's day has passed while it is still being approached.
    pub overdue: bool,
    pub version: i32,
}

/// A firm with the segments it fits (their ids and names) and whether the reader may change it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirmView {
    pub firm: TargetFirm,
    /// Each segment it fits: (id, its sub-chain's and its own Chinese, English, French names).
    pub segments: Vec<FirmSegment>,
    pub editable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirmSegment {
    pub id: i64,
    pub sub_chain_id: i64,
    pub names: [String; 3],
}

/// The register's filter, as its page's query writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FirmFilter {
    pub status: Option<Approach>,
    pub q: Option<String>,
    pub country: Option<String>,
    /// Only those whose next step is overdue.
    #[serde(default)]
    pub overdue: bool,
    /// Only the reader's own.
    #[serde(default)]
    pub mine: bool,
    #[serde(default)]
    pub page: i64,
}

impl FirmFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> FirmFilter {
        let text = |k: &str| get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        FirmFilter {
            status: text("status").and_then(|s| Approach::parse(&s)),
            q: text("q"),
            country: text("country").map(|c| c.to_ascii_uppercase()),
            overdue: text("overdue").is_some_and(|v| v == "1" || v == "true"),
            mine: text("mine").is_some_and(|v| v == "1" || v == "true"),
            page: text("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        }
    }

    pub fn to_query(&self, page: i64) -> String {
        crate::shell::query_string(&[
            ("status", self.status.map(|s| s.as_str().to_string())),
            ("q", self.q.clone()),
            ("country", self.country.clone()),
            ("overdue", self.overdue.then(|| "1".to_string())),
            ("mine", self.mine.then(|| "1".to_string())),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirmPage {
    pub items: Vec<TargetFirm>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    /// How many of all the firms are overdue.
    pub overdue: i64,
}

/// What the firm's page changes: its approach, next step and last contact.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApproachForm {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub project_id: String,
    #[serde(default)]
    pub declined_reason: String,
    #[serde(default)]
    pub last_contact_on: String,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub next_step_on: String,
}

/// One row of a spreadsheet as read: the line it was on, its values by column, what is wrong
/// with it, and the firm it updates when it names one already registered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub firm: FirmRow,
    pub errors: Vec<FieldError>,
    pub updates: Option<i64>,
}

/// A firm's values as a spreadsheet row gives them, checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FirmRow {
    pub name: String,
    pub name_zh: String,
    pub country: String,
    pub size: Option<FirmSize>,
    pub website: String,
    pub contacts: String,
    /// The officer in charge, by e-mail as written, and the account found for it.
    pub officer: String,
    pub officer_id: Option<i64>,
    /// The segments as written, and those found.
    pub segments: String,
    pub segment_ids: Vec<i64>,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
}

/// A spreadsheet read and waiting for its importer's confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub file_name: String,
    pub total: usize,
    /// Rows that would add a firm, and rows that would update one.
    pub new: usize,
    pub updates: usize,
    /// How many rows are refused, and the first of them (at most `PREVIEW_ROWS`).
    pub refused_count: usize,
    pub refused: Vec<ImportRow>,
    /// The first good rows (at most `PREVIEW_ROWS`).
    pub good: Vec<ImportRow>,
    /// Saved already (a preview is confirmed once).
    pub done: bool,
}
