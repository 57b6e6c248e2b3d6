//! What foreign applicants give about themselves: a telephone number and a passport number
//! (personal data: shown masked wherever the reader is not one of the case's officers).

use crate::error::{FieldCode, FieldError};
use serde::{Deserialize, Serialize};

/// A telephone number as people write it: digits with `+`, spaces, dashes, dots and
/// brackets; 6 to 20 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(field: &str, raw: &str) -> Result<Phone, FieldError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldError::new(field, FieldCode::Required));
        }
        let allowed = s.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c));
        let digits = s.chars().filter(char::is_ascii_digit).count();
        let plus_first = s.find('+').is_none_or(|i| i == 0) && s.matches('+').count() <= 1;
        if allowed && plus_first && (6..=20).contains(&digits) && s.len() <= 40 {
            Ok(Phone(s.to_string()))
        } else {
            Err(FieldError::new(field, FieldCode::InvalidPhone))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A passport number: 5 to 20 letters and digits (ICAO 9303 allows up to 9 in the machine
/// readable zone, but national numbers vary), stored upper case without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassportNumber(String);

impl PassportNumber {
    pub fn parse(field: &str, raw: &str) -> Result<PassportNumber, FieldError> {
        let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if s.is_empty() {
            return Err(FieldError::new(field, FieldCode::Required));
        }
        if (5..=20).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()) {
            Ok(PassportNumber(s))
        } else {
            Err(FieldError::new(field, FieldCode::InvalidPassportNumber))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A passport number as lists show it: the first and the last two characters, the rest
/// hidden (`E1•••••67`); short numbers show only their last character.
pub fn mask_passport(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let n = chars.len();
    if n <= 5 {
        let last = chars.last().map(|c| c.to_string()).unwrap_or_default();
        return format!("{}{last}", "•".repeat(n.saturating_sub(1)));
    }
    let head: String = chars[..1].iter().collect();
    let tail: String = chars[n - 2..].iter().collect();
    format!("{head}{}{tail}", "•".repeat(n - 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_as_people_write_them() {
        for ok in ["+33 6 12 34 56 78", "(0551) 6512-3456", "138.0013.8000", "+86-551-65123456"] {
            assert!(Phone::parse("phone", ok).is_ok(), "{ok}");
        }
        assert_eq!(Phone::parse("phone", " ").unwrap_err().code, FieldCode::Required);
        for bad in ["12345", "call me", "+33 6 12+34", "6+33612345678", "1234567890123456789012"] {
            assert_eq!(Phone::parse("phone", bad).unwrap_err().code, FieldCode::InvalidPhone, "{bad}");
        }
    }

    #[test]
    fn passport_numbers_are_normalised_and_masked() {
        let p = PassportNumber::parse("passport_number", " 18ab 12345 ").unwrap();
        assert_eq!(p.as_str(), "18AB12345");
        assert_eq!(mask_passport(p.as_str()), "1••••••45");
        assert_eq!(mask_passport("AB123"), "••••3");
        assert!(!mask_passport("18AB12345").contains("AB123"));
        assert_eq!(PassportNumber::parse("p", "AB-123456").unwrap_err().code, FieldCode::InvalidPassportNumber);
        assert_eq!(PassportNumber::parse("p", "AB12").unwrap_err().code, FieldCode::InvalidPassportNumber);
    }
}
