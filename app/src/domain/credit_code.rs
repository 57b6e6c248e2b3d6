//! The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
//! 31-character alphabet (digits and capitals without I, O, S, V, Z), the last one a check
//! character over the first 17.

use crate::error::{FieldCode, FieldError};
use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// 3^(i-1) mod 31 for positions 1…17.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CreditCode(String);

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first 17 characters, if they are all in the alphabet.
pub fn check_character(first17: &[u8]) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in first17.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    Some(ALPHABET[check as usize] as char)
}

impl CreditCode {
    /// Accepts lower case and surrounding or inner spaces, as people copy codes from
    /// licences; stores the canonical upper-case form.
    pub fn parse(field: &str, raw: &str) -> Result<CreditCode, FieldError> {
        let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if code.is_empty() {
            return Err(FieldError::new(field, FieldCode::Required));
        }
        let bytes = code.as_bytes();
        if bytes.len() != 18 || !bytes.iter().all(|b| value(*b).is_some()) {
            return Err(FieldError::new(field, FieldCode::CreditCodeFormat));
        }
        // Positions 3–8 are the administrative division code: digits only.
        if !bytes[2..8].iter().all(u8::is_ascii_digit) {
            return Err(FieldError::new(field, FieldCode::CreditCodeFormat));
        }
        match check_character(&bytes[..17]) {
            Some(c) if c as u8 == bytes[17] => Ok(CreditCode(code)),
            _ => Err(FieldError::new(field, FieldCode::CreditCodeCheck)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CreditCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        CreditCode::parse("credit_code", &s).map_err(|e| format!("{:?}", e.code))
    }
}

impl From<CreditCode> for String {
    fn from(c: CreditCode) -> String {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Codes printed on real business licences.
    const REAL: [&str; 3] = ["91350100M000100Y43", "91110000100006485K", "91440300708461136T"];

    #[test]
    fn real_codes_pass() {
        for code in REAL {
            assert_eq!(CreditCode::parse("c", code).map(|c| c.0), Ok(code.to_string()), "{code}");
        }
        assert_eq!(CreditCode::parse("c", " 91350100m000100y43 ").map(|c| c.0), Ok("91350100M000100Y43".into()));
    }

    #[test]
    fn a_changed_character_is_caught() {
        for code in REAL {
            let bytes = code.as_bytes();
            for i in 0..17 {
                for &replacement in ALPHABET {
                    if replacement == bytes[i] {
                        continue;
                    }
                    let mut b = bytes.to_vec();
                    b[i] = replacement;
                    let changed = String::from_utf8(b).unwrap();
                    assert!(CreditCode::parse("c", &changed).is_err(), "{changed} accepted");
                }
            }
        }
    }

    #[test]
    fn format_errors_are_told_apart_from_check_errors() {
        assert_eq!(CreditCode::parse("c", "").unwrap_err().code, FieldCode::Required);
        assert_eq!(CreditCode::parse("c", "9135010").unwrap_err().code, FieldCode::CreditCodeFormat);
        assert_eq!(CreditCode::parse("c", "91350100M000100I43").unwrap_err().code, FieldCode::CreditCodeFormat);
        assert_eq!(CreditCode::parse("c", "913A0100M000100Y43").unwrap_err().code, FieldCode::CreditCodeFormat);
        assert_eq!(CreditCode::parse("c", "91350100M000100Y44").unwrap_err().code, FieldCode::CreditCodeCheck);
    }

    #[test]
    fn every_17_character_prefix_has_exactly_one_check_character() {
        let prefix = b"91350100M000100Y4";
        let accepted: Vec<u8> = ALPHABET
            .iter()
            .filter(|&&c| {
                let mut code = prefix.to_vec();
                code.push(c);
                CreditCode::parse("c", std::str::from_utf8(&code).unwrap()).is_ok()
            })
            .copied()
            .collect();
        assert_eq!(accepted, vec![b'3']);
    }
}
