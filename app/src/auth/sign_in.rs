//! Checking a sign-in (server only): each attempt is counted for throttling, its password
//! checked (against a decoy when the account does not exist) and its outcome audited.

use super::server::{self, decoy_hash, new_session_token, verify_password};
use crate::db::{self, audit, sessions, throttle};
use crate::error::{AppError, FieldCode, Validator};
use crate::state::ServerState;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// Check a sign-in attempt. On success the session is stored and its cookie token returned.
/// Every outcome is audited; failures are counted for throttling and never say whether the
/// account exists.
pub async fn login(
    state: &ServerState,
    email: &str,
    password: &str,
    ip: &str,
    user_agent: Option<&str>,
    previous_session: Option<&str>,
) -> Result<(String, i64), AppError> {
    let attempt = Attempt::count(state, email, password, ip).await?;
    let account = super::db::credentials_by_email(&state.db, &attempt.email).await?;
    let verified = match password_matches(account.as_ref(), password, attempt.throttled).await {
        Ok(v) => v,
        Err(e) => {
            // Not checked (the server is busy): the attempt counts against nobody.
            let mut tx = state.db.begin().await?;
            throttle::forget_attempt(&mut tx, attempt.id).await?;
            tx.commit().await?;
            return Err(e);
        }
    };

    // The password is right; the sign-in may still wait for a code, a new password or setting
    // up codes (read before the transaction, which may hold the only connection).
    let step = match &account {
        Some(a) if verified && a.active => super::steps::next_step(state, a.id, None).await?,
        _ => None,
    };
    let mut tx = state.db.begin().await?;
    match account {
        Some(a) if verified && a.active => {
            let token = open_session(&mut tx, &attempt, a.id, step, user_agent, previous_session).await?;
            tx.commit().await?;
            Ok((token, a.id))
        }
        account => {
            record_refusal(&mut tx, &attempt, account.as_ref(), verified).await?;
            tx.commit().await?;
            Err(if attempt.throttled { AppError::TooManyAttempts } else { AppError::InvalidCredentials })
        }
    }
}

/// One sign-in attempt, as it is counted for throttling and audited.
struct Attempt<'a> {
    /// The attempt's row among the counted failures.
    id: i64,
    /// The e-mail address as typed: trimmed, lower-cased, at most 254 characters.
    email: String,
    /// The hash of `email`, under which attempts are counted.
    typed: String,
    ip: &'a str,
    at: DateTime<Utc>,
    /// Too many recent failures for the account or from the address: no password is checked.
    throttled: bool,
}

impl<'a> Attempt<'a> {
    /// Count an attempt, once both fields are filled in.
    async fn count(state: &ServerState, email: &str, password: &str, ip: &'a str) -> Result<Attempt<'a>, AppError> {
        let email = email.trim().to_lowercase();
        let mut v = Validator::default();
        if email.is_empty() {
            v.push(crate::error::FieldError::new("email", FieldCode::Required));
        }
        if password.is_empty() {
            v.push(crate::error::FieldError::new("password", FieldCode::Required));
        }
        v.finish()?;
        let email: String = email.chars().take(254).collect();

        let now = state.clock.now();
        let since = now - server::chrono(state.settings.login_window);
        let address = crate::domain::throttle_key(ip);
        // Counted under a hash of what was typed: the count works the same for unknown accounts,
        // and a password typed into the e-mail field is never stored.
        let typed = hex::encode(Sha256::digest(email.as_bytes()));
        let (id, by_account, by_address) = throttle::count_attempt(&state.db, &typed, &address, now, since).await?;
        let throttled = by_account > state.settings.login_max_failures_per_account
            || by_address > state.settings.login_max_failures_per_address;
        Ok(Attempt { id, email, typed, ip, at: now, throttled })
    }
}

/// Whether the password is the account's. An unknown account's is checked against a decoy
/// hash, so that it takes as long; a throttled attempt's is not checked at all.
async fn password_matches(
    account: Option<&super::db::Credentials>,
    password: &str,
    throttled: bool,
) -> Result<bool, AppError> {
    if throttled {
        return Ok(false);
    }
    let hash = match account {
        Some(a) => a.password_hash.clone(),
        None => decoy_hash().await?,
    };
    verify_password(hash, password.to_string()).await
}

/// Store the session of a right password (perhaps waiting for a step) and forgive the
/// account's failures; the cookie's token.
async fn open_session(
    tx: &mut db::Tx,
    attempt: &Attempt<'_>,
    user_id: i64,
    step: Option<super::steps::Step>,
    user_agent: Option<&str>,
    previous_session: Option<&str>,
) -> Result<String, AppError> {
    let (token, session_id) = new_session_token();
    let pending = step.map(|s| s.as_str());
    sessions::create(tx, &session_id, user_id, attempt.at, Some(attempt.ip), user_agent, pending).await?;
    throttle::forget_attempt(tx, attempt.id).await?;
    throttle::clear_account(tx, &attempt.typed).await?;
    if let Some(previous) = previous_session {
        // Signing in again at the same browser ends the session it had.
        sessions::delete_in(tx, previous).await?;
    }
    audit::record(
        tx,
        audit::Entry {
            actor_id: Some(user_id),
            action: "login",
            entity_type: "user",
            entity_id: Some(user_id.to_string()),
            changes: audit::Changes::new().fact("next_step", pending),
            ip: Some(attempt.ip),
            at: attempt.at,
        },
    )
    .await?;
    Ok(token)
}

/// Audit a refused sign-in, with the reason. A throttled attempt is not counted.
async fn record_refusal(
    tx: &mut db::Tx,
    attempt: &Attempt<'_>,
    account: Option<&super::db::Credentials>,
    verified: bool,
) -> Result<(), AppError> {
    let reason = match account {
        _ if attempt.throttled => "throttled",
        None => "unknown_account",
        Some(a) if !a.active && verified => "disabled",
        Some(_) => "wrong_password",
    };
    if attempt.throttled {
        throttle::forget_attempt(tx, attempt.id).await?;
    }
    audit::record(
        tx,
        audit::Entry {
            actor_id: None,
            action: "login_failed",
            entity_type: "user",
            entity_id: account.map(|a| a.id.to_string()),
            // What was typed is kept only when it is an account's address: anything else may
            // be a password typed into the wrong field.
            changes: match account {
                Some(_) => audit::Changes::new().fact("email", &attempt.email),
                None => audit::Changes::new(),
            }
            .fact("reason", reason),
            ip: Some(attempt.ip),
            at: attempt.at,
        },
    )
    .await?;
    Ok(())
}
