//! The leads (招商线索), followed one to one until they close: each has exactly one officer, a
//! log of contacts (day, way, summary, next step), a next step whose day, once passed, flags it
//! overdue for its officer and the leaders; it ends as a project (linked, its history kept) or
//! closed with a reason. A lead comes from a promotion event, a delegation, a target firm, a
//! portal enquiry or a brochure.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many leads a page of the list shows.
pub const PER_PAGE: i64 = 50;

crate::codes!(LeadSource {
    Event = "event",
    Delegation = "delegation",
    TargetFirm = "target_firm",
    Portal = "portal",
    Brochure = "brochure",
    Other = "other",
});

crate::codes!(LeadStatus { Open = "open", BecameProject = "became_project", Closed = "closed" });

crate::codes!(ContactWay { Visit = "visit", Meeting = "meeting", Call = "call", Email = "email", Video = "video", Event = "event" });

/// A lead as the list and its page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    pub id: i64,
    /// What it is about ("Parrot: a drone assembly plant").
    pub title: String,
    /// Who would invest.
    pub investor: String,
    /// ISO 3166-1 alpha-2, empty when unknown.
    pub country: String,
    pub source: LeadSource,
    pub target_firm_id: Option<i64>,
    pub officer_id: i64,
    pub officer_name: String,
    pub status: LeadStatus,
    pub project_id: Option<i64>,
    pub closed_reason: String,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    /// Open, and its next step's day has passed.
    pub overdue: bool,
    pub version: i32,
    /// The promoted project it is about, when it came from one (a brochure, the portal).
    pub promoted_project_id: Option<i64>,
}

/// One contact with the investor, as the officer logged it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadContact {
    pub id: i64,
    pub contacted_on: NaiveDate,
    pub way: ContactWay,
    pub summary: String,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadView {
    pub lead: Lead,
    /// Latest first.
    pub contacts: Vec<LeadContact>,
    /// Whether the reader may log contacts and close it (its officer or an admin, while open).
    pub editable: bool,
    /// The expression of interest it came from, as the investor sent it from the portal.
    pub enquiry: Option<crate::promotion::promoted::Enquiry>,
    /// The promoted project it is about: its Chinese title.
    pub promoted_title: Option<String>,
    /// The delegation whose outcome it came from: (id, title).
    pub delegation: Option<(i64, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LeadFilter {
    pub status: Option<LeadStatus>,
    pub q: Option<String>,
    #[serde(default)]
    pub overdue: bool,
    #[serde(default)]
    pub mine: bool,
    #[serde(default)]
    pub page: i64,
}

impl LeadFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> LeadFilter {
        let text = |k: &str| get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        LeadFilter {
            status: text("status").and_then(|s| LeadStatus::parse(&s)),
            q: text("q"),
            overdue: text("overdue").is_some_and(|v| v == "1" || v == "true"),
            mine: text("mine").is_some_and(|v| v == "1" || v == "true"),
            page: text("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        }
    }

    pub fn to_query(&self, page: i64) -> String {
        crate::shell::query_string(&[
            ("status", self.status.map(|s| s.as_str().to_string())),
            ("q", self.q.clone()),
            ("overdue", self.overdue.then(|| "1".to_string())),
            ("mine", self.mine.then(|| "1".to_string())),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadPage {
    pub items: Vec<Lead>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    /// Open leads overdue, of all and of the reader's own.
    pub overdue: i64,
    pub mine_overdue: i64,
}

/// A new lead as its form sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LeadForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub investor: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub target_firm_id: String,
    /// The promoted project it is about (a brochure's, an event's), when one.
    #[serde(default)]
    pub promoted_project_id: String,
    /// The delegation's outcome it comes from, when one.
    #[serde(default)]
    pub delegation_outcome_id: String,
    /// Empty: the officer who opens it.
    #[serde(default)]
    pub officer_id: String,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub next_step_on: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    pub contacted_on: String,
    #[serde(default)]
    pub way: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub next_step_on: String,
}

/// How a lead ends: as the project it became (`project_id`) or closed for a reason.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub project_id: String,
    #[serde(default)]
    pub reason: String,
}
