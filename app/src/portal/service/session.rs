//! The portal session: a token only this installation can make, bound to the case's current
//! code and ended by a sign-out; looking a case up by reference and access code (with its
//! locks); the cookie; and the case a session opens.

use super::{code_hash, code_matches, keys, limit, mac, HmacSha256, KEYED};
use crate::db;
use crate::domain::{normalise_access_code, CaseReference, CaseStatus, ACCESS_CODE_ALPHABET, ACCESS_CODE_LEN};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::portal::db as data;
use crate::portal::LookupForm;
use crate::state::{Keys, ServerState};
use chrono::{DateTime, Utc};
use hmac::Mac;

/// A portal session, as its cookie carries it: the case, when the session was made (ms since
/// 1970), a seal that only this installation can make (checked before anything is read), and
/// a tag bound to the case's current code hash, so a new access code ends every session of the
/// old one.
struct PortalToken {
    id: i64,
    issued_ms: i64,
    tag: Vec<u8>,
}

fn seal(keys: &Keys, id: i64, issued_ms: i64) -> HmacSha256 {
    mac(keys, &[b"portal-token", id.to_string().as_bytes(), issued_ms.to_string().as_bytes()])
}

fn tag(keys: &Keys, id: i64, issued_ms: i64, code_hash: &str) -> HmacSha256 {
    mac(keys, &[b"portal-session", id.to_string().as_bytes(), issued_ms.to_string().as_bytes(), code_hash.as_bytes()])
}

pub(super) fn session_token(keys: &Keys, id: i64, issued_ms: i64, code_hash: &str) -> String {
    let sealed = hex::encode(seal(keys, id, issued_ms).finalize().into_bytes());
    let tagged = hex::encode(tag(keys, id, issued_ms, code_hash).finalize().into_bytes());
    format!("{id}.{issued_ms}.{sealed}.{tagged}")
}

/// A token this installation made and that has not expired; a forged or altered one is
/// refused here, before any query.
fn parse_token(keys: &Keys, token: &str, now: DateTime<Utc>, lifetime: std::time::Duration) -> Option<PortalToken> {
    let mut parts = token.split('.');
    let id = parts.next()?.parse::<i64>().ok()?;
    let issued_ms = parts.next()?.parse::<i64>().ok()?;
    let sealed = hex::decode(parts.next()?).ok()?;
    let tag = hex::decode(parts.next()?).ok()?;
    if parts.next().is_some() || seal(keys, id, issued_ms).verify_slice(&sealed).is_err() {
        return None;
    }
    let expires_ms = issued_ms.saturating_add(i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX));
    (expires_ms > now.timestamp_millis()).then_some(PortalToken { id, issued_ms, tag })
}

/// Is the session still the case's: made after the last sign-out, under its current code?
fn session_valid(keys: &Keys, t: &PortalToken, code_hash: &str, signed_out_ms: Option<i64>) -> bool {
    signed_out_ms.is_none_or(|out| t.issued_ms > out)
        && tag(keys, t.id, t.issued_ms, code_hash).verify_slice(&t.tag).is_ok()
}

/// The `Set-Cookie` value of a portal session.
pub fn session_cookie(state: &ServerState, token: &str) -> String {
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{secure}",
        crate::portal::case_cookie(state.settings.secure_cookies),
        state.settings.portal_session.as_secs()
    )
}

pub fn clear_cookie(name: &str, secure: bool) -> String {
    format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}", if secure { "; Secure" } else { "" })
}

/// Look a request up by reference and access code. Returns a session token for the status
/// page. An unknown reference and a wrong code get the same answer; too many wrong codes for
/// one reference (known or not) lock it for a while.
pub async fn lookup(state: &ServerState, form: &LookupForm, ip: &str) -> Result<String, AppError> {
    limit(state, "lookup", ip, state.settings.portal_lookups_per_window).await?;
    let mut v = Validator::default();
    let reference = match form.reference.trim() {
        "" => {
            v.push(FieldError::new("reference", FieldCode::Required));
            None
        }
        raw => {
            let r = CaseReference::parse(raw);
            if r.is_none() {
                v.push(FieldError::new("reference", FieldCode::InvalidReference));
            }
            r
        }
    };
    let code = normalise_access_code(&form.access_code);
    if code.is_empty() {
        v.push(FieldError::new("access_code", FieldCode::Required));
    } else if code.len() != ACCESS_CODE_LEN || !code.bytes().all(|b| ACCESS_CODE_ALPHABET.contains(&b)) {
        v.push(FieldError::new("access_code", FieldCode::InvalidAccessCode));
    }
    v.finish()?;
    let reference = reference.ok_or(AppError::Internal)?;
    let now = db::now();
    let s = &state.settings;
    let lock_for = chrono::Duration::from_std(s.portal_lock_for).unwrap_or(chrono::Duration::minutes(15));
    // The attempt is counted before the code is checked, in one statement: requests sent at
    // once each get their own number, so no more than the allowed number are ever checked.
    // Counted per reference and address: a stranger's wrong codes do not lock the owner out.
    let address = crate::domain::throttle_key(ip);
    let (attempt, locked_until) =
        data::count_attempt(&state.db, reference.as_str(), &address, now, now - lock_for).await?;
    if locked_until.is_some_and(|until| until > now) {
        return Err(AppError::ReferenceLocked);
    }
    if attempt > s.portal_max_code_failures {
        data::lock(&state.db, reference.as_str(), &address, now + lock_for).await?;
        return Err(AppError::ReferenceLocked);
    }
    let keys = keys(state).await?;
    let found = data::credentials(&state.db, reference.as_str()).await?;
    let matched = match &found {
        Some((_, stored)) => code_matches(keys, stored, &code).await,
        None => {
            // The same work as for a known reference.
            let _ = code_hash(keys, &code);
            false
        }
    };
    let Some((id, stored)) = found.filter(|_| matched) else {
        if attempt >= s.portal_max_code_failures {
            data::lock(&state.db, reference.as_str(), &address, now + lock_for).await?;
        }
        tracing::info!(reference = reference.as_str(), ip, "portal lookup refused");
        return Err(AppError::NotRecognised);
    };
    data::clear_failures(&state.db, reference.as_str(), &address).await?;
    // The access code came back: whoever holds it received the first message, so the
    // address is the applicant's and may now be written to in full.
    data::mark_email_verified(&state.db, id).await?;
    let hash = if stored.starts_with(KEYED) {
        stored
    } else {
        let new = code_hash(keys, &code);
        data::upgrade_hash(&state.db, id, &stored, &new).await?;
        new
    };
    Ok(session_token(keys, id, now.timestamp_millis(), &hash))
}

/// The case a portal session cookie opens, if the session is valid.
pub(super) async fn session_case(state: &ServerState, token: &str) -> Result<Option<data::PublicRow>, AppError> {
    let keys = keys(state).await?;
    let Some(t) = parse_token(keys, token, Utc::now(), state.settings.portal_session) else { return Ok(None) };
    let Some(row) = data::public_case(&state.db, t.id).await? else { return Ok(None) };
    Ok(session_valid(keys, &t, &row.access_code_hash, row.portal_signed_out_ms).then_some(row))
}

/// Leaving the portal: every session of the token's case made until now ends, on every
/// browser (a forged token changes nothing).
pub async fn leave(state: &ServerState, token: Option<&str>) -> Result<(), AppError> {
    let keys = keys(state).await?;
    let now = Utc::now();
    if let Some(t) = token.and_then(|t| parse_token(keys, t, now, state.settings.portal_session)) {
        data::sign_out(&state.db, t.id, now.timestamp_millis()).await?;
    }
    Ok(())
}

/// The case of a portal session that may be written to, with its status and version, read
/// inside the write's transaction.
pub(super) async fn session_case_in(
    state: &ServerState,
    tx: &mut db::Tx,
    token: Option<&str>,
) -> Result<(i64, CaseStatus, i32), AppError> {
    let keys = keys(state).await?;
    let t = token
        .and_then(|t| parse_token(keys, t, Utc::now(), state.settings.portal_session))
        .ok_or(AppError::NotAuthenticated)?;
    let (hash, signed_out, status, version) =
        data::session_state_in(tx, t.id).await?.ok_or(AppError::NotAuthenticated)?;
    if !session_valid(keys, &t, &hash, signed_out) {
        return Err(AppError::NotAuthenticated);
    }
    Ok((t.id, CaseStatus::parse(&status).ok_or(AppError::Internal)?, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys { access: b"0123456789abcdef0123456789abcdef".to_vec() }
    }

    #[test]
    fn sessions_expire_end_with_a_new_code_or_a_sign_out_and_cannot_be_forged() {
        let k = keys();
        let now = Utc::now();
        let life = std::time::Duration::from_secs(60);
        let issued = now.timestamp_millis();
        let token = session_token(&k, 42, issued, "k1$old");
        let t = parse_token(&k, &token, now, life).unwrap();
        assert_eq!(t.id, 42);
        assert!(session_valid(&k, &t, "k1$old", None));
        assert!(!session_valid(&k, &t, "k1$new", None), "a new code ends it");
        assert!(!session_valid(&k, &t, "k1$old", Some(issued)), "signing out ends it");
        assert!(session_valid(&k, &t, "k1$old", Some(issued - 1)), "an earlier sign-out does not");
        assert!(parse_token(&k, &token, now + chrono::Duration::seconds(61), life).is_none(), "it expires");
        assert!(parse_token(&k, "42.x.00.00", now, life).is_none());
        // Another case's id, or another time, under the same seal and tag: refused unread.
        let parts: Vec<&str> = token.split('.').collect();
        assert!(parse_token(&k, &format!("43.{}.{}.{}", parts[1], parts[2], parts[3]), now, life).is_none());
        assert!(parse_token(&k, &format!("42.{}.{}.{}", issued + 1, parts[2], parts[3]), now, life).is_none());
        let other = Keys { access: b"another key".to_vec() };
        assert!(parse_token(&other, &token, now, life).is_none(), "another installation's");
    }
}
