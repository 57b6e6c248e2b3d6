//! Public case references (`LN-2026-000123`) and the investor's access code.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CaseReference(String);

impl CaseReference {
    /// The reference of the `n`-th case of `year`.
    pub fn new(year: i32, n: i64) -> CaseReference {
        CaseReference(format!("LN-{year}-{n:06}"))
    }

    /// Accepts lower case and surrounding spaces, as people type references.
    pub fn parse(raw: &str) -> Option<CaseReference> {
        let s = raw.trim().to_ascii_uppercase();
        let mut parts = s.split('-');
        let ok = parts.next() == Some("LN")
            && parts.next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            && parts.next().is_some_and(|n| (6..=9).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
            && parts.next().is_none();
        ok.then_some(CaseReference(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters of access codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes.
pub const ACCESS_CODE_ALPHABET: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
pub const ACCESS_CODE_LEN: usize = 12;

/// Normalise a typed access code: upper case, spaces and dashes removed.
pub fn normalise_access_code(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_six_digits_and_parse_back() {
        let r = CaseReference::new(2026, 123);
        assert_eq!(r.as_str(), "LN-2026-000123");
        assert_eq!(CaseReference::parse(" ln-2026-000123 "), Some(r));
        assert_eq!(CaseReference::new(2026, 1_234_567).as_str(), "LN-2026-1234567");
        for bad in ["LN-26-000123", "XX-2026-000123", "LN-2026-12", "LN-2026-000123-1", "LN-2026-0000001234", ""] {
            assert_eq!(CaseReference::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn access_codes_avoid_look_alikes() {
        for c in b"0O1IL2Z5S8B" {
            assert!(!ACCESS_CODE_ALPHABET.contains(c), "{}", *c as char);
        }
        assert_eq!(normalise_access_code("abcd-efgh 3479"), "ABCDEFGH3479");
    }
}
