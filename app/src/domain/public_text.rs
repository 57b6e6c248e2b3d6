//! What the applicant is told about their case, in the languages the officer wrote it in.

use super::Locale;
use serde::{Deserialize, Serialize};

/// A public update's text in each language it was written in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PublicText {
    pub zh: Option<String>,
    pub en: Option<String>,
    pub fr: Option<String>,
}

impl PublicText {
    pub fn get(&self, locale: Locale) -> Option<&str> {
        match locale {
            Locale::ZhCn => self.zh.as_deref(),
            Locale::En => self.en.as_deref(),
            Locale::Fr => self.fr.as_deref(),
        }
    }

    /// The text for a `reader`: in their language, else in `next` (the case's language), else
    /// in English, French or Chinese; with the language it is written in.
    pub fn for_reader(&self, reader: Locale, next: Locale) -> Option<(&str, Locale)> {
        [reader, next, Locale::En, Locale::Fr, Locale::ZhCn].into_iter().find_map(|l| self.get(l).map(|t| (t, l)))
    }
}
