//! Foreign-invested enterprises under the one-to-one model: the register, the liaison officer
//! assignment with its history, and the aftercare contact log.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Days without contact after which an enterprise is overdue for a visit.
pub const OVERDUE_AFTER_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Lead,
    Established,
    Expanding,
    Exited,
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 4] = [Lifecycle::Lead, Lifecycle::Established, Lifecycle::Expanding, Lifecycle::Exited];

    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Lead => "lead",
            Lifecycle::Established => "established",
            Lifecycle::Expanding => "expanding",
            Lifecycle::Exited => "exited",
        }
    }

    pub fn parse(s: &str) -> Option<Lifecycle> {
        Lifecycle::ALL.into_iter().find(|l| l.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Visit,
    Call,
    Meeting,
}

impl ContactKind {
    pub const ALL: [ContactKind; 3] = [ContactKind::Visit, ContactKind::Call, ContactKind::Meeting];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Visit => "visit",
            ContactKind::Call => "call",
            ContactKind::Meeting => "meeting",
        }
    }

    pub fn parse(s: &str) -> Option<ContactKind> {
        ContactKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct IndustryChain {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
}

impl IndustryChain {
    pub fn name(&self, locale: crate::domain::Locale) -> &str {
        match locale {
            crate::domain::Locale::ZhCn => &self.name_zh,
            crate::domain::Locale::En => &self.name_en,
            crate::domain::Locale::Fr => &self.name_fr,
        }
    }
}

/// One line of the enterprise list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseSummary {
    pub id: i64,
    pub name_zh: String,
    pub name_original: String,
    pub credit_code: Option<String>,
    pub country: String,
    pub industry_chain_id: Option<i64>,
    pub lifecycle: Lifecycle,
    pub is_key: bool,
    pub liaison_id: Option<i64>,
    pub liaison_name: Option<String>,
    pub last_contact_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// An enterprise with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enterprise {
    pub id: i64,
    pub name_zh: String,
    pub name_original: String,
    pub credit_code: Option<String>,
    pub country: String,
    pub industry_chain_id: Option<i64>,
    pub registered_capital_usd_cents: Option<i64>,
    pub utilised_capital_usd_cents: Option<i64>,
    pub employees: Option<i32>,
    pub foreign_staff: Option<i32>,
    pub lifecycle: Lifecycle,
    pub is_key: bool,
    pub responsible_leader_id: Option<i64>,
    pub address: String,
    pub notes: String,
    pub last_contact_on: Option<NaiveDate>,
    pub overdue: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Assignments, the active one (no end) first.
    pub liaisons: Vec<LiaisonAssignment>,
    pub contacts: Vec<AftercareContact>,
    /// May the reader edit it (its liaison officer, or an admin)?
    pub editable: bool,
    /// May the reader assign its liaison officer?
    pub assignable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct LiaisonAssignment {
    pub officer_id: i64,
    pub officer_name: String,
    pub assigned_at: DateTime<Utc>,
    pub assigned_by_name: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
    pub handover_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AftercareContact {
    pub id: i64,
    pub kind: ContactKind,
    pub contacted_on: NaiveDate,
    pub participants: String,
    pub notes: String,
    pub follow_ups: String,
    pub recorded_by_name: Option<String>,
}

/// The list's search, filters, sort and page, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EnterpriseFilter {
    /// Part of either name, or a credit code.
    pub q: Option<String>,
    pub country: Option<String>,
    pub industry_chain_id: Option<i64>,
    pub is_key: Option<bool>,
    pub lifecycle: Option<String>,
    pub liaison_id: Option<i64>,
    /// Only the reader's own enterprises.
    pub mine: bool,
    pub overdue: bool,
    /// Key enterprises without a liaison officer.
    pub gap: bool,
    /// `name`, `updated` or `last_contact`.
    pub sort: Option<String>,
    pub page: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterprisePage {
    pub items: Vec<EnterpriseSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// A liaison officer, for the assignment picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Officer {
    pub id: i64,
    pub display_name: String,
}

/// Is an enterprise last contacted on `last` (or never, registered on `created`) overdue on
/// `today`?
pub fn is_overdue(last: Option<NaiveDate>, created: NaiveDate, today: NaiveDate, after_days: i64) -> bool {
    (today - last.unwrap_or(created)).num_days() > after_days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_after_ninety_days_without_contact() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = d("2026-11-25");
        assert!(!is_overdue(Some(d("2026-08-27")), d("2020-01-01"), today, 90));
        assert!(is_overdue(Some(d("2026-08-26")), d("2020-01-01"), today, 90));
        assert!(!is_overdue(None, d("2026-10-01"), today, 90), "newly registered");
        assert!(is_overdue(None, d("2026-01-01"), today, 90), "never visited");
    }

    #[test]
    fn codes_round_trip() {
        for l in Lifecycle::ALL {
            assert_eq!(Lifecycle::parse(l.as_str()), Some(l));
        }
        for k in ContactKind::ALL {
            assert_eq!(ContactKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Lifecycle::parse("bankrupt"), None);
    }
}
