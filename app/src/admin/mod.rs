//! Administration: staff accounts, departments and the audit log.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::{Locale, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Department {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
}

impl Department {
    /// The department's name in the reader's language.
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.name_zh,
            Locale::En => &self.name_en,
            Locale::Fr => &self.name_fr,
        }
    }
}

/// A staff account as administrators see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub department_id: Option<i64>,
    pub locale: Locale,
    pub active: bool,
    pub version: i32,
    #[serde(with = "crate::domain::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::instant")]
    pub updated_at: DateTime<Utc>,
    #[serde(with = "crate::domain::instant::option")]
    pub last_login_at: Option<DateTime<Utc>>,
    pub session_count: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub entity_type: Option<String>,
    /// Part of the actor's e-mail or name.
    pub actor: Option<String>,
    /// One record's history: the entity's id (with `entity_type`).
    pub entity_id: Option<String>,
    pub page: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    /// The JSON of what changed, as stored.
    pub changes: String,
    pub ip: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub more: bool,
}

/// The actions the audit log records, for its filter.
pub const AUDIT_ACTIONS: [&str; 9] = [
    "login",
    "login_failed",
    "logout",
    "user_created",
    "user_updated",
    "password_reset",
    "password_changed",
    "sessions_ended",
    "language_changed",
];
