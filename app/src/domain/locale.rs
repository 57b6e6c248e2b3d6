//! The three languages Liaison speaks and how a request's language is chosen.

use serde::{Deserialize, Serialize};

/// A language the whole interface exists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "fr")]
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::En, Locale::Fr];

    /// The BCP 47 tag used in `<html lang>`, cookies and the database.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// The language's own name, shown in the language switcher whatever the page language.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::ZhCn => "中文",
            Locale::En => "English",
            Locale::Fr => "Français",
        }
    }

    /// Exact tags and their common variants (`zh`, `zh-Hans-CN`, `fr-CA`, `EN-gb`).
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "zh" => {
                // Traditional-script requests are not served Simplified Chinese by default.
                if tag.contains("hant") || tag.ends_with("-tw") || tag.ends_with("-hk") {
                    None
                } else {
                    Some(Locale::ZhCn)
                }
            }
            "en" => Some(Locale::En),
            "fr" => Some(Locale::Fr),
            _ => None,
        }
    }

    /// The best locale for an `Accept-Language` header, honouring q-values; `None` when no
    /// offered language matches.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (position, item) in accept_language.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(locale) = Locale::parse(tag) {
                let better = match best {
                    None => true,
                    Some((bq, bpos, _)) => q > bq || (q == bq && position < bpos),
                };
                if better {
                    best = Some((q, position, locale));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_and_variants() {
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("zh"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("zh-TW"), None);
        assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::parse("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn negotiates_accept_language_by_quality() {
        assert_eq!(Locale::negotiate("fr"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("en;q=0.5, zh-CN;q=0.9"), Some(Locale::ZhCn));
        assert_eq!(Locale::negotiate("en, fr"), Some(Locale::En));
        assert_eq!(Locale::negotiate("fr;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(Locale::negotiate("de, ja"), None);
        assert_eq!(Locale::negotiate(""), None);
    }

    #[test]
    fn tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Some(l));
        }
    }
}
