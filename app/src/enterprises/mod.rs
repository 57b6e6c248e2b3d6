//! Foreign-invested enterprises under the one-to-one model: the register, the liaison officer
//! assignment with its history, and the aftercare contact log.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Days without contact after which an enterprise is overdue for a visit.
pub const OVERDUE_AFTER_DAYS: i64 = 90;

/// The enterprise form as a browser sends it (validated by the service).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EnterpriseForm {
    pub name_zh: String,
    pub name_original: String,
    #[serde(default)]
    pub credit_code: String,
    pub country: String,
    #[serde(default)]
    pub industry_chain_id: String,
    #[serde(default)]
    pub registered_capital_usd: String,
    #[serde(default)]
    pub utilised_capital_usd: String,
    #[serde(default)]
    pub employees: String,
    #[serde(default)]
    pub foreign_staff: String,
    pub lifecycle: String,
    /// The key-enterprise box: `true` (or a browser's `on`) when ticked, absent otherwise.
    #[serde(default)]
    pub is_key: Option<String>,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub notes: String,
}

/// An aftercare contact as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ContactForm {
    /// A `ContactKind` code.
    pub kind: String,
    pub contacted_on: String,
    #[serde(default)]
    pub participants: String,
    pub notes: String,
    #[serde(default)]
    pub follow_ups: String,
}

/// A person at the enterprise as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PersonForm {
    pub person_name: String,
    #[serde(default)]
    pub person_title: String,
    #[serde(default)]
    pub person_email: String,
    #[serde(default)]
    pub person_phone: String,
    pub person_language: String,
}

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
pub struct IndustryChain {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    /// Its place in the lists (the admins set it, see `projects::chains`).
    #[serde(default)]
    pub sort_order: i64,
}

#[cfg(feature = "ssr")]
impl crate::db::Record for IndustryChain {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(IndustryChain {
            id: row.get("id")?,
            code: row.get("code")?,
            name_zh: row.get("name_zh")?,
            name_en: row.get("name_en")?,
            name_fr: row.get("name_fr")?,
            sort_order: row.get("sort_order")?,
        })
    }
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
    /// The people at the enterprise, with the language each reads.
    pub people: Vec<ContactPerson>,
    /// May the reader edit it (its liaison officer, or an admin)?
    pub editable: bool,
    /// May the reader assign its liaison officer?
    pub assignable: bool,
}

/// Someone at the enterprise the office deals with (联系人).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactPerson {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub email: Option<String>,
    pub phone: String,
    pub language: crate::domain::Locale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiaisonAssignment {
    pub officer_id: i64,
    pub officer_name: String,
    pub assigned_at: DateTime<Utc>,
    pub assigned_by_name: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
    pub handover_note: String,
}

#[cfg(feature = "ssr")]
impl crate::db::Record for LiaisonAssignment {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(LiaisonAssignment {
            officer_id: row.get("officer_id")?,
            officer_name: row.get("officer_name")?,
            assigned_at: row.get("assigned_at")?,
            assigned_by_name: row.get("assigned_by_name")?,
            ended_at: row.get("ended_at")?,
            handover_note: row.get("handover_note")?,
        })
    }
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

impl EnterpriseFilter {
    /// The filter a query string describes (`get` returns a parameter's value); empty and
    /// malformed values count as absent.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> EnterpriseFilter {
        let text = |k: &str| get(k).filter(|s| !s.trim().is_empty());
        EnterpriseFilter {
            q: text("q"),
            country: text("country"),
            industry_chain_id: text("industry_chain_id").and_then(|s| s.parse().ok()),
            is_key: text("is_key").and_then(|s| s.parse().ok()),
            lifecycle: text("lifecycle"),
            liaison_id: text("liaison_id").and_then(|s| s.parse().ok()),
            mine: text("mine").as_deref() == Some("true"),
            overdue: text("overdue").as_deref() == Some("true"),
            gap: text("gap").as_deref() == Some("true"),
            sort: text("sort"),
            page: text("page").and_then(|s| s.parse().ok()).unwrap_or(0),
        }
    }

    /// The query string for this filter on `page` (without `?`).
    pub fn to_query(&self, page: i64) -> String {
        crate::shell::query_string(&[
            ("q", self.q.clone()),
            ("country", self.country.clone()),
            ("industry_chain_id", self.industry_chain_id.map(|v| v.to_string())),
            ("is_key", self.is_key.map(|v| v.to_string())),
            ("lifecycle", self.lifecycle.clone()),
            ("liaison_id", self.liaison_id.map(|v| v.to_string())),
            ("mine", self.mine.then(|| "true".into())),
            ("overdue", self.overdue.then(|| "true".into())),
            ("gap", self.gap.then(|| "true".into())),
            ("sort", self.sort.clone()),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterprisePage {
    /// Drawn as `inner_html` (see `codec`).
    pub items: crate::codec::DrawnRows<EnterpriseSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// A liaison officer, for the assignment picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Officer {
    pub id: i64,
    pub display_name: String,
}

#[cfg(feature = "ssr")]
impl crate::db::Record for Officer {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Officer { id: row.get("id")?, display_name: row.get("display_name")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_survive_the_query_string() {
        let f = EnterpriseFilter {
            q: Some("光华 & co".into()),
            country: Some("FR".into()),
            is_key: Some(true),
            overdue: true,
            page: 2,
            ..EnterpriseFilter::default()
        };
        let q = f.to_query(f.page);
        let pairs: Vec<(String, String)> = q
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), percent_encoding::percent_decode_str(v).decode_utf8().unwrap().into_owned())
            })
            .collect();
        let back = EnterpriseFilter::from_query(|k| pairs.iter().find(|(pk, _)| pk == k).map(|(_, v)| v.clone()));
        assert_eq!(back, f);
        assert_eq!(
            EnterpriseFilter::from_query(|k| (k == "industry_chain_id").then(|| "abc".into())),
            EnterpriseFilter::default()
        );
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
