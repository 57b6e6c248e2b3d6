//! Portal rules (server only): access codes under a keyed hash, status lookups that say the
//! same for an unknown reference and a wrong code, locks after wrong codes, request limits
//! per address, submissions routed to the enterprise's officer or the intake queue, the
//! applicant's reply and rating. Each write is one transaction with its audit entry.
//!
//! The access code's check, the request limits and the text check are here (the keys and
//! the access code's hash are the server's, in `state`, kept here under their old names); the
//! portal session (looking a case up, the cookie, leaving) in `session`, a new request in
//! `submit`, the status page's case and the applicant's reply and rating in `status`.

mod interest;
mod session;
mod status;
mod submit;

pub use interest::express_interest;
pub use session::{clear_cookie, leave, lookup, session_cookie};
pub use status::{public_case, rate, reply};
pub use submit::{confirmation, submit, Submitted};

use crate::domain::Locale;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::portal::db as data;
use crate::state::{HmacSha256, Keys, ServerState, KEYED};
use chrono::Utc;
use hmac::Mac;

/// The installation's keys (`ServerState::access_keys`).
pub async fn keys(state: &ServerState) -> Result<&Keys, AppError> {
    state.access_keys().await
}

fn mac(keys: &Keys, parts: &[&[u8]]) -> HmacSha256 {
    keys.mac(parts)
}

/// The stored form of an access code (`Keys::code_hash`).
pub fn code_hash(keys: &Keys, code: &str) -> String {
    keys.code_hash(code)
}

/// Does `code` match the stored hash? Compared in constant time. Codes made before the
/// keyed hash were password-hashed; those are still accepted.
async fn code_matches(keys: &Keys, stored: &str, code: &str) -> bool {
    match stored.strip_prefix(KEYED) {
        Some(hex_mac) => match hex::decode(hex_mac) {
            Ok(bytes) => mac(keys, &[b"access-code", code.as_bytes()]).verify_slice(&bytes).is_ok(),
            Err(_) => false,
        },
        None => crate::auth::server::verify_password(stored.to_string(), code.to_string()).await.unwrap_or(false),
    }
}

/// Count a request of `scope` from `ip`; refuse it past `max` in the current window.
async fn limit(state: &ServerState, scope: &str, ip: &str, max: i64) -> Result<(), AppError> {
    if max == 0 {
        return Ok(());
    }
    let window = state.settings.portal_window.as_secs().max(1) as i64;
    let now = Utc::now().timestamp();
    let address = crate::domain::throttle_key(ip);
    if data::hit(&state.db, scope, &address, now - now.rem_euclid(window)).await? > max {
        tracing::warn!(scope, ip, "portal request limit reached");
        return Err(AppError::RateLimited);
    }
    Ok(())
}

fn text_field(v: &mut Validator, field: &str, raw: &str, required: bool, max: usize) -> String {
    let s = raw.trim();
    if s.is_empty() && required {
        v.push(FieldError::new(field, FieldCode::Required));
    } else if s.chars().count() > max {
        v.push(FieldError::new(field, FieldCode::TooLong));
    } else if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        v.push(FieldError::new(field, FieldCode::InvalidCharacters));
    }
    s.to_string()
}

/// The language the applicant reads: the one they chose, or the page's.
pub(crate) fn request_language(v: &mut Validator, raw: &str, page_locale: Locale) -> Option<Locale> {
    match raw.trim() {
        "" => Some(page_locale),
        raw => {
            let l = Locale::parse(raw).filter(|l| l.tag() == raw);
            if l.is_none() {
                v.push(FieldError::new("language", FieldCode::UnknownLocale));
            }
            l
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys { access: b"0123456789abcdef0123456789abcdef".to_vec() }
    }

    #[tokio::test]
    async fn codes_match_only_their_keyed_hash() {
        let k = keys();
        let h = code_hash(&k, "ACDE3467FGHJ");
        assert!(h.starts_with(KEYED));
        assert!(code_matches(&k, &h, "ACDE3467FGHJ").await);
        assert!(!code_matches(&k, &h, "ACDE3467FGHK").await);
        let other = Keys { access: b"another key".to_vec() };
        assert!(!code_matches(&other, &h, "ACDE3467FGHJ").await);
        assert!(!code_matches(&k, "k1$zz", "ACDE3467FGHJ").await);
    }
}
