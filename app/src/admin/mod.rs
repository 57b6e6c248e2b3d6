//! Administration: staff accounts, departments and the audit log.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::{Locale, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The editable fields of an account as a form sends them (validated by the service).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UserForm {
    pub email: String,
    pub display_name: String,
    /// A `Role` code.
    pub role: String,
    /// A department's id, or empty for none.
    pub department_id: String,
    /// A county's id (a county officer's), or empty for none.
    #[serde(default)]
    pub county_id: String,
    /// A language tag.
    pub locale: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
}

#[cfg(feature = "ssr")]
impl crate::db::Record for Department {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Department {
            id: row.get("id")?,
            code: row.get("code")?,
            name_zh: row.get("name_zh")?,
            name_en: row.get("name_en")?,
            name_fr: row.get("name_fr")?,
        })
    }
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
    pub county_id: Option<i64>,
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
