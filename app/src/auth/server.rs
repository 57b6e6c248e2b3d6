//! Sessions and password hashing (server only); checking a sign-in is `sign_in`'s. Server
//! functions and the axum middleware both go through here, so there is one definition of a
//! valid session.

use super::{allows, Action, SessionUser};
use crate::db::{self, audit, sessions};
use crate::domain::{Locale, Role};
use crate::error::{AppError, FieldCode, Validator};
use crate::state::ServerState;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Duration as ChronoDuration;
use http::request::Parts;
use leptos::prelude::use_context;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

pub const SESSION_COOKIE: &str = "liaison_session";

/// The session cookie's name: on https with the `__Host-` prefix, which browsers accept only
/// from this very host, over https, for the whole site (no other subdomain can plant or
/// overwrite it).
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-liaison_session"
    } else {
        SESSION_COOKIE
    }
}

/// The value of one cookie in request headers.
pub fn cookie<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// A request's valid session, placed in the request extensions by the middleware.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub user: SessionUser,
    /// The stored id (the SHA-256 of the cookie token).
    pub session_id: String,
}

/// The address a request came from, placed in the request extensions by the middleware.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

/// The server state in a page render or server function.
pub fn state() -> Result<ServerState, AppError> {
    use_context::<ServerState>().ok_or_else(|| {
        tracing::error!("server state missing from the Leptos context");
        AppError::Internal
    })
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

pub fn authenticated() -> Option<Authenticated> {
    parts().and_then(|p| p.extensions.get::<Authenticated>().cloned())
}

pub fn current_user() -> Option<SessionUser> {
    authenticated().map(|a| a.user)
}

pub fn client_ip() -> String {
    parts().and_then(|p| p.extensions.get::<ClientIp>().map(|c| c.0.clone())).unwrap_or_else(|| "unknown".into())
}

pub fn user_agent() -> Option<String> {
    parts().and_then(|p| {
        p.headers.get(http::header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(300).collect())
    })
}

/// The signed-in user, or `NotAuthenticated`.
pub fn require_user() -> Result<SessionUser, AppError> {
    current_user().ok_or(AppError::NotAuthenticated)
}

/// The signed-in user if their role allows `action`; `Forbidden` otherwise.
pub fn require(action: Action) -> Result<SessionUser, AppError> {
    let user = require_user()?;
    if allows(user.role, action) {
        Ok(user)
    } else {
        tracing::warn!(user = user.id, ?action, "permission refused");
        Err(AppError::Forbidden)
    }
}

fn argon2() -> Argon2<'static> {
    Argon2::default()
}

/// Each Argon2 run takes 19 MiB and a blocking thread for tens of milliseconds: at most two
/// per core run at once, so that a crowd of anonymous sign-ins cannot exhaust the memory or
/// the blocking pool. A run that cannot start within `HASHING_WAIT` is answered `Busy` (429).
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    tokio::sync::Semaphore::new(2 * cores)
});
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Run one Argon2 computation under the bound.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let permit = match tokio::time::timeout(HASHING_WAIT, HASHING.acquire()).await {
        Ok(Ok(permit)) => permit,
        _ => {
            tracing::warn!("password hashing is at its bound: sign-in refused as busy");
            return Err(AppError::Busy);
        }
    };
    let out = tokio::task::spawn_blocking(work).await.map_err(|e| {
        tracing::error!(error = %e, "hashing task failed");
        AppError::Internal
    });
    drop(permit);
    out
}

/// Hash a password with Argon2id off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    bounded(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await?
    .map_err(|e| {
        tracing::error!(error = %e, "hashing failed");
        AppError::Internal
    })
}

/// Does `password` match `hash`? `Busy` when too many are being checked at once.
pub async fn verify_password(hash: String, password: String) -> Result<bool, AppError> {
    bounded(move || match PasswordHash::new(&hash) {
        Ok(parsed) => argon2().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    })
    .await
}

/// A new password as a person chose it: long enough (`NewPassword`) and not among the 10 000
/// most used passwords (`common_passwords.txt`, made by `make passwords`), which any
/// attacker tries first.
pub fn new_password(field: &str, raw: &str) -> Result<crate::domain::NewPassword, crate::error::FieldError> {
    static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| include_str!("common_passwords.txt").lines().collect());
    let password = crate::domain::NewPassword::parse(field, raw)?;
    if COMMON.contains(password.expose().to_lowercase().as_str()) {
        return Err(crate::error::FieldError::new(field, FieldCode::PasswordTooCommon));
    }
    Ok(password)
}

/// A hash to verify against when the account does not exist, so that an unknown address
/// takes as long to refuse as a wrong password.
pub(super) async fn decoy_hash() -> Result<String, AppError> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DECOY.get() {
        return Ok(h.clone());
    }
    let h = hash_password("decoy password that never matches".into()).await?;
    Ok(DECOY.get_or_init(|| h).clone())
}

/// A fresh random session token (for the cookie) and its stored id.
pub fn new_session_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let id = session_id_of(&token);
    (token, id)
}

pub fn session_id_of(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A random password for new or reset accounts: 16 characters without look-alikes.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..16).map(|_| ALPHABET[(rng.next_u32() as usize) % ALPHABET.len()] as char).collect()
}

pub fn session_cookie(token: &str, secure: bool) -> String {
    let name = session_cookie_name(secure);
    format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax{}", if secure { "; Secure" } else { "" })
}

pub fn clear_session_cookie(secure: bool) -> String {
    let name = session_cookie_name(secure);
    format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}", if secure { "; Secure" } else { "" })
}

pub(super) fn chrono(d: std::time::Duration) -> ChronoDuration {
    ChronoDuration::from_std(d).unwrap_or(ChronoDuration::MAX)
}

/// The session's user; `None` when the stored role is not one Liaison knows: an unknown role
/// gets no access at all, never some role's.
fn to_session_user(r: &sessions::SessionRow) -> Option<SessionUser> {
    let Some(role) = Role::parse(&r.role) else {
        tracing::error!(user = r.user_id, role = r.role, "unknown role in the database: access denied");
        return None;
    };
    Some(SessionUser {
        id: r.user_id,
        email: r.email.clone(),
        display_name: r.display_name.clone(),
        role,
        department_id: r.department_id,
        county_id: r.county_id,
        locale: r.locale,
    })
}

/// A valid session: signed in, or a sign-in waiting for a step after the password.
#[derive(Debug, Clone)]
pub enum Session {
    SignedIn(Authenticated),
    Pending(super::steps::PendingSignIn),
}

/// The session a cookie token stands for, if it is still valid. Expired sessions and those
/// of disabled accounts are removed; an active one has its last-seen time refreshed.
pub async fn resolve_session(state: &ServerState, token: &str) -> Result<Option<Session>, sqlx::Error> {
    let id = session_id_of(token);
    let Some(row) = sessions::find(&state.db, &id).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let idle = chrono(state.settings.session_idle);
    let absolute = chrono(state.settings.session_absolute);
    if !row.active || now - row.last_seen_at > idle || now - row.created_at > absolute {
        sessions::delete(&state.db, &id).await?;
        return Ok(None);
    }
    // Refresh at most every minute (sooner for short test timeouts) to spare the database.
    let refresh = std::cmp::min(ChronoDuration::seconds(60), idle / 4);
    if now - row.last_seen_at >= refresh {
        sessions::touch(&state.db, &id, now).await?;
    }
    let Some(user) = to_session_user(&row) else { return Ok(None) };
    Ok(Some(match row.pending.as_deref() {
        None => Session::SignedIn(Authenticated { user, session_id: id }),
        Some(step) => {
            // A step Liaison does not know opens nothing.
            let Some(step) = super::steps::Step::parse(step) else { return Ok(None) };
            Session::Pending(super::steps::PendingSignIn {
                session_id: id,
                user_id: user.id,
                email: user.email,
                role: user.role,
                locale: user.locale,
                step,
            })
        }
    }))
}

/// End the current session.
pub async fn logout(state: &ServerState, auth: &Authenticated, ip: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    sessions::delete_in(&mut tx, &auth.session_id).await?;
    audit::record(
        &mut tx,
        audit::Entry {
            actor_id: Some(auth.user.id),
            action: "logout",
            entity_type: "user",
            entity_id: Some(auth.user.id.to_string()),
            changes: audit::Changes::new(),
            ip: Some(ip),
            at: db::now(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Change one's own password after checking the current one; ends the user's other sessions.
pub async fn change_own_password(
    state: &ServerState,
    auth: &Authenticated,
    current: &str,
    new: &str,
    confirm: &str,
    ip: &str,
) -> Result<(), AppError> {
    use crate::error::FieldError;
    let mut v = Validator::default();
    if current.is_empty() {
        v.push(FieldError::new("current_password", FieldCode::Required));
    }
    let new = v.check(new_password("new_password", new));
    if new.as_ref().is_some_and(|n| n.expose() != confirm) {
        v.push(FieldError::new("confirm_password", FieldCode::PasswordMismatch));
    }
    v.finish()?;
    let Some(new) = new else {
        return Err(AppError::Internal);
    };
    let hash = super::db::password_hash(&state.db, auth.user.id).await?.ok_or(AppError::NotAuthenticated)?;
    if !verify_password(hash, current.to_string()).await? {
        return Err(AppError::field("current_password", FieldCode::WrongPassword));
    }
    let new_hash = hash_password(new.expose().to_string()).await?;
    let now = db::now();
    let mut tx = state.db.begin().await?;
    super::db::set_password_hash(&mut tx, auth.user.id, &new_hash, now).await?;
    let ended = sessions::delete_for_user(&mut tx, auth.user.id, Some(&auth.session_id)).await?;
    audit::record(
        &mut tx,
        audit::Entry {
            actor_id: Some(auth.user.id),
            action: "password_changed",
            entity_type: "user",
            entity_id: Some(auth.user.id.to_string()),
            changes: audit::Changes::new().fact("other_sessions_ended", ended),
            ip: Some(ip),
            at: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Store a signed-in user's language choice as their preference.
pub async fn set_own_locale(state: &ServerState, user: &SessionUser, locale: Locale, ip: &str) -> Result<(), AppError> {
    if user.locale == locale {
        return Ok(());
    }
    let now = db::now();
    let mut tx = state.db.begin().await?;
    super::db::set_locale(&mut tx, user.id, locale, now).await?;
    audit::record(
        &mut tx,
        audit::Entry {
            actor_id: Some(user.id),
            action: "language_changed",
            entity_type: "user",
            entity_id: Some(user.id.to_string()),
            changes: audit::Changes::new().diff("locale", user.locale.tag(), locale.tag()),
            ip: Some(ip),
            at: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (t1, id1) = new_session_token();
        let (t2, _) = new_session_token();
        assert_ne!(t1, t2);
        assert_eq!(t1.len(), 64);
        assert_eq!(session_id_of(&t1), id1);
        assert_ne!(t1, id1);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_on_https() {
        let c = session_cookie("abc", false);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        assert!(session_cookie("abc", true).ends_with("; Secure"));
        assert!(session_cookie("abc", true).starts_with("__Host-liaison_session=abc; Path=/;"));
        assert!(clear_session_cookie(true).starts_with("__Host-"));
        assert!(clear_session_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_most_used_passwords_are_refused_whatever_their_case() {
        for common in ["password123", "Password123", "qwertyuiop", "Manchester"] {
            let e = new_password("password", common).map(|_| ()).unwrap_err();
            assert_eq!(e, crate::error::FieldError::new("password", FieldCode::PasswordTooCommon), "{common}");
        }
        assert!(new_password("password", "Lille-Padua 2026 twinning").is_ok());
        assert_eq!(include_str!("common_passwords.txt").lines().count(), 10_000);
    }

    #[test]
    fn an_unknown_role_opens_nothing() {
        let row = |role: &str| sessions::SessionRow {
            user_id: 7,
            created_at: db::now(),
            last_seen_at: db::now(),
            email: "a@b.cn".into(),
            display_name: "A".into(),
            role: role.into(),
            department_id: None,
            county_id: None,
            locale: Locale::En,
            active: true,
            pending: None,
        };
        assert_eq!(to_session_user(&row("leader")).map(|u| u.role), Some(Role::Leader));
        assert_eq!(to_session_user(&row("superuser")), None, "never read as some other role");
    }

    #[test]
    fn random_passwords_avoid_look_alikes() {
        let p = random_password();
        assert_eq!(p.chars().count(), 16);
        assert!(!p.chars().any(|c| "0O1lI".contains(c)));
    }

    #[tokio::test]
    async fn hashes_verify_only_the_right_password_and_no_more_run_than_the_bound() {
        // (One story: the bound is process-wide, so a second test hashing meanwhile could be
        // refused as busy.) With every permit taken, a check waits a second, then is refused.
        let all = HASHING.available_permits() as u32;
        assert!(all >= 2, "two per core: {all}");
        let taken = HASHING.acquire_many(all).await.unwrap();
        assert_eq!(verify_password("x".into(), "x".into()).await, Err(AppError::Busy));
        assert_eq!(hash_password("x".into()).await.map(|_| ()), Err(AppError::Busy));
        drop(taken);
        let h = hash_password("correct horse battery".into()).await.unwrap();
        assert!(verify_password(h.clone(), "correct horse battery".into()).await.unwrap());
        assert!(!verify_password(h, "wrong horse battery".into()).await.unwrap());
        assert!(!verify_password("not a hash".into(), "x".into()).await.unwrap());
    }
}
