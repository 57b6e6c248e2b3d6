//! The investment policy documents (招商政策): the city's register of the documents it issued
//! to attract investment, each in force until withdrawn with a day and a reason. Staff who
//! promote investment read the register; admins keep it; the portal lists the documents in
//! force, with their title and summary in the visitor's language where one was written.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many documents a page of the register shows.
pub const PER_PAGE: i64 = 50;

/// How many documents in force the portal lists at most (a city has dozens).
pub const PUBLIC_LIMIT: i64 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyStatus {
    InForce,
    Withdrawn,
}

impl PolicyStatus {
    pub const ALL: [PolicyStatus; 2] = [PolicyStatus::InForce, PolicyStatus::Withdrawn];

    pub fn as_str(self) -> &'static str {
        match self {
            PolicyStatus::InForce => "in_force",
            PolicyStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<PolicyStatus> {
        PolicyStatus::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

pub use crate::promotion::Written;

/// A policy document as the register keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    pub id: i64,
    pub title: Written,
    pub issuer: String,
    /// The document number (文号), empty when it has none.
    pub doc_number: String,
    pub issued_on: NaiveDate,
    pub summary: Written,
    pub status: PolicyStatus,
    pub withdrawn_on: Option<NaiveDate>,
    pub withdrawn_reason: String,
    pub version: i32,
}

/// A document with what its page offers the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyView {
    pub policy: Policy,
    /// Whether the reader keeps the register (corrects and withdraws documents).
    pub editable: bool,
}

/// The register's filter, as the list's URL carries it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyFilter {
    #[serde(default)]
    pub status: Option<PolicyStatus>,
    /// Words of a title (in any language) or of the document number.
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub page: i64,
}

impl PolicyFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> PolicyFilter {
        PolicyFilter {
            status: get("status").and_then(|s| PolicyStatus::parse(&s)),
            q: get("q").map(|q| q.trim().to_string()).filter(|q| !q.is_empty()),
            page: get("page").and_then(|p| p.trim().parse().ok()).unwrap_or(0),
        }
    }

    /// The filter as a query string, for the page `page`.
    pub fn to_query(&self, page: i64) -> String {
        crate::shell::query_string(&[
            ("status", self.status.map(|s| s.as_str().to_string())),
            ("q", self.q.clone()),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

/// One page of the register, with how many documents the filter finds and how many are in
/// force and withdrawn in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyPage {
    pub items: Vec<Policy>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub in_force: i64,
    pub withdrawn: i64,
}

/// The document form as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    pub title_zh: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub title_fr: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub doc_number: String,
    #[serde(default)]
    pub issued_on: String,
    #[serde(default)]
    pub summary_zh: String,
    #[serde(default)]
    pub summary_en: String,
    #[serde(default)]
    pub summary_fr: String,
}

/// The withdrawal form: the day and the reason, both required.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    pub withdrawn_on: String,
    #[serde(default)]
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn a_reader_gets_their_language_where_written_and_the_chinese_otherwise() {
        let w = Written { zh: "外资奖励".into(), en: "Rewards for foreign investment".into(), fr: " ".into() };
        assert_eq!(w.for_reader(Locale::En), ("Rewards for foreign investment", Locale::En));
        assert_eq!(w.for_reader(Locale::Fr), ("外资奖励", Locale::ZhCn));
        assert_eq!(w.for_reader(Locale::ZhCn), ("外资奖励", Locale::ZhCn));
    }

    #[test]
    fn the_filter_goes_through_its_url_unchanged() {
        let f = PolicyFilter { status: Some(PolicyStatus::Withdrawn), q: Some("外资".into()), page: 2 };
        let query = f.to_query(2);
        assert_eq!(query, "status=withdrawn&q=%E5%A4%96%E8%B5%84&page=2");
        let back = PolicyFilter { status: Some(PolicyStatus::Withdrawn), q: Some("外资".into()), page: 2 };
        assert_eq!(back, f);
        assert_eq!(PolicyFilter::from_query(|k| (k == "status").then(|| "nonsense".to_string())).status, None);
    }
}
