//! The counties and districts of the city (区县): where projects are built and where a county
//! officer works, named in the three languages (kept by the admins, see `projects::counties`).

use super::Locale;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct County {
    pub id: i64,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    pub sort_order: i64,
}

impl County {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.name_zh,
            Locale::En => &self.name_en,
            Locale::Fr => &self.name_fr,
        }
    }
}

/// A county's name among `counties`, in the reader's language (empty when there is none).
pub fn county_name(counties: &[County], id: Option<i64>, locale: Locale) -> String {
    id.and_then(|id| counties.iter().find(|c| c.id == id)).map(|c| c.name(locale).to_string()).unwrap_or_default()
}
