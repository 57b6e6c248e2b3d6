//! Portal rules (server only): access codes under a keyed hash, status lookups that say the
//! same for an unknown reference and a wrong code, locks after wrong codes, request limits
//! per address, submissions routed to the enterprise's officer or the intake queue, the
//! applicant's reply and rating. Each write is one transaction with its audit entry.
//!
//! The keys, the access code's hash, the request limits and the text check are here; the
//! portal session (looking a case up, the cookie, leaving) in `session`, a new request in
//! `submit`, the status page's case and the applicant's reply and rating in `status`.

mod session;
mod status;
mod submit;

pub use session::{clear_cookie, leave, lookup, session_cookie};
pub use status::{public_case, rate, reply};
pub use submit::{confirmation, submit, Submitted};

use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::portal::db as data;
use crate::state::{Keys, ServerState};
use chrono::Utc;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The keys, loaded (or made, the first time) from the database once per process.
pub async fn keys(state: &ServerState) -> Result<&Keys, AppError> {
    state
        .keys
        .get_or_try_init(|| async {
            let mut fresh = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut fresh);
            let stored = data::secret(&state.db, "access_code_key", &hex::encode(fresh)).await?;
            let access = hex::decode(stored.trim()).map_err(|_| {
                tracing::error!("the stored access-code key is not hexadecimal");
                AppError::Internal
            })?;
            Ok::<Keys, AppError>(Keys { access })
        })
        .await
}

fn mac(keys: &Keys, parts: &[&[u8]]) -> HmacSha256 {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    let mut m = <HmacSha256 as Mac>::new_from_slice(&keys.access).unwrap_or_else(|_| unreachable!());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            m.update(b"\x1f");
        }
        m.update(p);
    }
    m
}

const KEYED: &str = "k1$";

/// The stored form of an access code: HMAC-SHA256 under the installation's key. Codes are
/// random and long (about 56 bits), so a fast keyed hash is enough; a password hash would
/// cost milliseconds per lookup.
pub fn code_hash(keys: &Keys, code: &str) -> String {
    format!("{KEYED}{}", hex::encode(mac(keys, &[b"access-code", code.as_bytes()]).finalize().into_bytes()))
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
