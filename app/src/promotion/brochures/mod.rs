//! The project brochure (招商项目活页): numbered issues, each on a theme ("现代医药", "健康食品",
//! "航空装备"…) and a day, presenting published promoted projects in an order; printed as an
//! A4 brochure with Chinese beside English or French. Each issue says how far its projects
//! went: how many brought a lead and how many were since signed ("95 presented, 17 signed").

pub mod api;
pub mod pages;

/// `tr!(locale, "id")`: a message in a language the caller chooses, for the printed brochure
/// (two languages on one page). The shape of leptos-fluent's `tr!`, so that its translation
/// check covers these messages too; only the modules declared after it see it.
#[cfg(feature = "ssr")]
macro_rules! tr {
    ($locale:expr, $id:literal) => {
        $crate::translate::t($locale, $id)
    };
    ($locale:expr, $id:literal, { $($name:literal => $value:expr),* $(,)? }) => {
        $crate::translate::t_args($locale, $id, &[$(($name, $crate::translate::FluentValue::from($value))),*])
    };
}

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod print;
#[cfg(feature = "ssr")]
pub mod service;

use super::promoted::{Conversion, PromotedProject};
use super::Written;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most projects one issue presents.
pub const MAX_ENTRIES: i64 = 60;

/// How far the projects of an issue (or of all issues) went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    /// Projects presented.
    pub presented: i64,
    /// Of them, those that brought at least one lead.
    pub with_leads: i64,
    /// Of them, those with a lead that became a project now signed (signed, started or
    /// completed).
    pub signed: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrochureIssue {
    pub id: i64,
    pub number: i64,
    pub theme: Written,
    pub issued_on: NaiveDate,
    pub funnel: Funnel,
}

/// The issues, the latest first, and the funnel of every project any of them presented
/// (each counted once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrochureList {
    pub issues: Vec<BrochureIssue>,
    pub total: Funnel,
}

/// One project of an issue, with how far it went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub project: PromotedProject,
    pub conversion: Conversion,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrochureView {
    pub issue: BrochureIssue,
    /// In the issue's order.
    pub entries: Vec<Entry>,
    /// Whether the reader may compose it.
    pub editable: bool,
}

/// A new issue as its form sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IssueForm {
    pub number: String,
    pub theme_zh: String,
    pub theme_en: String,
    pub theme_fr: String,
    pub issued_on: String,
}
