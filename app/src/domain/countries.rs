//! Countries for pickers and records: ISO 3166-1 alpha-2 codes with names in the three
//! languages, generated from a maintained source (see `countries_data.rs`).

use super::Locale;
use crate::error::{FieldCode, FieldError};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[path = "countries_data.rs"]
mod data;

/// A known country, by its ISO 3166-1 alpha-2 code (held as its row of the table, so its
/// names need no search: a list page names fifty, and its picker all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country(&'static Row);

/// A code and its names in Chinese, English and French.
type Row = (&'static str, &'static str, &'static str, &'static str);

impl Country {
    pub fn parse(field: &str, raw: &str) -> Result<Country, FieldError> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(FieldError::new(field, FieldCode::Required));
        }
        row_of(&code).map(Country).ok_or_else(|| FieldError::new(field, FieldCode::UnknownCountry))
    }

    /// A country as a person writes it in a spreadsheet: its code, or its name in Chinese,
    /// English or French (case and French accents aside).
    pub fn find(field: &str, raw: &str) -> Result<Country, FieldError> {
        if let Ok(c) = Country::parse(field, raw) {
            return Ok(c);
        }
        let wanted = fold(raw.trim());
        if wanted.is_empty() {
            return Err(FieldError::new(field, FieldCode::Required));
        }
        ROWS.iter()
            .find(|row| [row.1, row.2, row.3].iter().any(|name| fold(name) == wanted))
            .map(Country)
            .ok_or_else(|| FieldError::new(field, FieldCode::UnknownCountry))
    }

    pub fn code(self) -> &'static str {
        self.0 .0
    }

    pub fn name(self, locale: Locale) -> &'static str {
        let row = self.0;
        match locale {
            Locale::ZhCn => row.1,
            Locale::En => row.2,
            Locale::Fr => row.3,
        }
    }

    /// Every country, ordered for a picker in the reader's language: alphabetically ignoring
    /// accents in English and French; Chinese names follow the English order, as no pinyin
    /// collation is available here.
    /// Sorted once per process (every list and form page shows the picker).
    pub fn all_sorted(locale: Locale) -> &'static [Country] {
        static BY_ENGLISH: OnceLock<Vec<Country>> = OnceLock::new();
        static BY_FRENCH: OnceLock<Vec<Country>> = OnceLock::new();
        let (cell, by) = match locale {
            Locale::Fr => (&BY_FRENCH, Locale::Fr),
            _ => (&BY_ENGLISH, Locale::En),
        };
        cell.get_or_init(|| {
            let mut all: Vec<Country> = ROWS.iter().map(Country).collect();
            all.sort_by_cached_key(|c| fold(c.name(by)));
            all
        })
    }
}

/// The generated table, ordered by code (a test checks it).
static ROWS: &[Row] = &data::COUNTRIES;

/// A code's row, found by binary search.
fn row_of(code: &str) -> Option<&'static Row> {
    ROWS.binary_search_by(|row| row.0.cmp(code)).ok().map(|i| &ROWS[i])
}

/// Lower-case without the accents of French, for sorting.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Á' | 'Å' | 'å' => 'a',
            'ç' | 'Ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'í' | 'Î' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

impl TryFrom<String> for Country {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Country::parse("country", &s).map_err(|_| format!("unknown country code {s}"))
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.code().to_string()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_table_is_ordered_by_code_for_binary_search() {
        assert!(ROWS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(Country::parse("c", "fr").map(|c| c.name(Locale::ZhCn)), Ok("法国"));
        assert_eq!(Country::parse("c", "ZW").map(Country::code), Ok("ZW"));
    }

    use super::*;

    #[test]
    fn the_model_citys_partners_have_names_in_three_languages() {
        let fr = Country::parse("c", "fr").unwrap();
        assert_eq!((fr.name(Locale::ZhCn), fr.name(Locale::En), fr.name(Locale::Fr)), ("法国", "France", "France"));
        let uz = Country::parse("c", "UZ").unwrap();
        assert_eq!(uz.name(Locale::ZhCn), "乌兹别克斯坦");
        assert_eq!(uz.name(Locale::Fr), "Ouzbékistan");
        assert_eq!(Country::parse("c", "IT").unwrap().name(Locale::En), "Italy");
    }

    #[test]
    fn a_spreadsheet_names_a_country_by_code_or_by_name_in_any_language() {
        for raw in ["FR", " fr ", "France", "法国", "france"] {
            assert_eq!(Country::find("country", raw).map(Country::code), Ok("FR"), "{raw}");
        }
        assert_eq!(Country::find("country", "Corée du Sud").map(Country::code), Ok("KR"));
        assert_eq!(Country::find("country", "ITALIE").map(Country::code), Ok("IT"));
        assert_eq!(Country::find("country", "Atlantis").map_err(|e| e.code), Err(FieldCode::UnknownCountry));
        assert_eq!(Country::find("country", " ").map_err(|e| e.code), Err(FieldCode::Required));
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(Country::parse("c", "XX").unwrap_err().code, FieldCode::UnknownCountry);
        assert_eq!(Country::parse("c", " ").unwrap_err().code, FieldCode::Required);
        assert!(serde_json::from_str::<Country>("\"ZZ\"").is_err());
        assert_eq!(serde_json::from_str::<Country>("\"sg\"").unwrap().code(), "SG");
    }

    #[test]
    fn pickers_sort_in_the_readers_language() {
        let fr = Country::all_sorted(Locale::Fr);
        assert_eq!(fr.len(), 250);
        let pos = |code: &str| fr.iter().position(|c| c.code() == code).unwrap();
        // "Égypte" sorts among the E's in French, not after Z.
        assert!(pos("EG") > pos("DK") && pos("EG") < pos("FR"));
    }
}
