//! Staff accounts: roles, e-mail addresses, display names and passwords.

use crate::error::{FieldCode, FieldError};
use serde::{Deserialize, Serialize};

/// What a staff member does in the office; the permission table in `auth` is keyed on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    ProtocolOfficer,
    LiaisonOfficer,
    DepartmentLiaison,
    Leader,
    /// 区县招商专员: works the investment projects of one county or district, and only those.
    CountyOfficer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::ProtocolOfficer,
        Role::LiaisonOfficer,
        Role::DepartmentLiaison,
        Role::Leader,
        Role::CountyOfficer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::ProtocolOfficer => "protocol_officer",
            Role::LiaisonOfficer => "liaison_officer",
            Role::DepartmentLiaison => "department_liaison",
            Role::Leader => "leader",
            Role::CountyOfficer => "county_officer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// A department liaison works only their own department's tasks, so needs one.
    pub fn needs_department(self) -> bool {
        matches!(self, Role::DepartmentLiaison)
    }

    /// A county officer works only their own county's projects, so needs one.
    pub fn needs_county(self) -> bool {
        matches!(self, Role::CountyOfficer)
    }
}

/// A lower-cased, trimmed e-mail address of plausible shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Email, FieldError> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(FieldError::new(field, FieldCode::Required));
        }
        let valid = s.len() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && match s.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && local.len() <= 64
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(Email(s))
        } else {
            Err(FieldError::new(field, FieldCode::InvalidEmail))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name as it should be shown: trimmed, 1 to 100 characters, original spelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 100;

    pub fn parse(field: &str, raw: &str) -> Result<DisplayName, FieldError> {
        let s = raw.trim();
        if s.is_empty() {
            Err(FieldError::new(field, FieldCode::Required))
        } else if s.chars().count() > Self::MAX {
            Err(FieldError::new(field, FieldCode::TooLong))
        } else if s.chars().any(char::is_control) {
            Err(FieldError::new(field, FieldCode::InvalidCharacters))
        } else {
            Ok(DisplayName(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password someone chose: at least 10 characters (NIST 800-63B allows any character),
/// at most 200 so that hashing stays bounded.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 10;
    pub const MAX: usize = 200;

    pub fn parse(field: &str, raw: &str) -> Result<NewPassword, FieldError> {
        let n = raw.chars().count();
        if n == 0 {
            Err(FieldError::new(field, FieldCode::Required))
        } else if n < Self::MIN {
            Err(FieldError::new(field, FieldCode::PasswordTooShort))
        } else if n > Self::MAX {
            Err(FieldError::new(field, FieldCode::TooLong))
        } else {
            Ok(NewPassword(raw.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_reject_unknown() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("superuser"), None);
        assert!(Role::DepartmentLiaison.needs_department());
        assert!(!Role::Leader.needs_department());
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("e", "  Wang.Li@FAO.gov.cn ").map(|e| e.0), Ok("wang.li@fao.gov.cn".into()));
        for bad in ["", "no-at-sign", "a@b", "a@@b.cn", "@b.cn", "a b@c.cn", "a@.cn", "a@b.cn.", "a@b..cn"] {
            assert!(Email::parse("e", bad).is_err(), "{bad} should be rejected");
        }
        assert_eq!(Email::parse("email", "").unwrap_err().code, FieldCode::Required);
    }

    #[test]
    fn display_names_keep_original_spelling() {
        assert_eq!(DisplayName::parse("n", "  Élodie Dupont ").map(|n| n.0), Ok("Élodie Dupont".into()));
        assert_eq!(DisplayName::parse("n", "王丽").map(|n| n.0), Ok("王丽".into()));
        assert_eq!(DisplayName::parse("n", "   ").unwrap_err().code, FieldCode::Required);
        assert_eq!(DisplayName::parse("n", &"名".repeat(101)).unwrap_err().code, FieldCode::TooLong);
        assert!(DisplayName::parse("n", &"名".repeat(100)).is_ok());
    }

    #[test]
    fn passwords_have_bounds_and_never_print() {
        assert_eq!(NewPassword::parse("p", "short").unwrap_err().code, FieldCode::PasswordTooShort);
        assert_eq!(NewPassword::parse("p", "").unwrap_err().code, FieldCode::Required);
        let p = NewPassword::parse("p", "correct horse battery").expect("long enough");
        assert_eq!(format!("{p:?}"), "NewPassword(***)");
        // Counted in characters, not bytes: ten Chinese characters are enough.
        assert!(NewPassword::parse("p", "一二三四五六七八九十").is_ok());
    }
}
