//! The steps of a staff sign-in after the password (server only): a one-time code when the
//! user has turned codes on, their own password when an administrator set it, and setting up
//! codes when their role requires them. Until the last step is done the session opens nothing
//! but the step's page (see the access middleware); each step is audited, and wrong codes are
//! counted like wrong passwords.

use super::server::{hash_password, new_password, verify_password};
use super::SessionUser;
use crate::auth::db as factors;
use crate::db::{self, audit, sessions, throttle};
use crate::domain::{Locale, Role};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use sha2::{Digest, Sha256};

/// A step of the sign-in, in the order they are asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A one-time code (or a recovery code).
    Code,
    /// The user's own password instead of the one an administrator set.
    Password,
    /// Setting up one-time codes, which the user's role requires.
    Enrol,
}

impl Step {
    const ORDER: [Step; 3] = [Step::Code, Step::Password, Step::Enrol];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Code => "code",
            Step::Password => "password",
            Step::Enrol => "enrol",
        }
    }

    pub fn parse(s: &str) -> Option<Step> {
        Step::ORDER.into_iter().find(|step| step.as_str() == s)
    }
}

/// A session whose sign-in waits for a step, placed in the request extensions instead of
/// `Authenticated`: to everything else the request is not signed in.
#[derive(Debug, Clone)]
pub struct PendingSignIn {
    pub session_id: String,
    pub user_id: i64,
    pub email: String,
    pub role: Role,
    pub locale: Locale,
    pub step: Step,
}

/// The first step after `done` (`None`: after the password) that this user still needs.
pub async fn next_step(state: &ServerState, user_id: i64, done: Option<Step>) -> Result<Option<Step>, AppError> {
    let f = factors::of_user(&state.db, user_id).await?.ok_or(AppError::NotAuthenticated)?;
    let required = factors::required_roles(&state.db).await?.contains(&f.role);
    let needed = |step: Step| match step {
        Step::Code => f.totp_enabled,
        Step::Password => f.must_change_password,
        Step::Enrol => required && !f.totp_enabled,
    };
    let after = done.and_then(|d| Step::ORDER.iter().position(|s| *s == d)).map_or(0, |i| i + 1);
    Ok(Step::ORDER[after..].iter().copied().find(|s| needed(*s)))
}

/// Move the session on past `done`: to the next step, or signed in. Returns the next step.
async fn advance(state: &ServerState, p: &PendingSignIn, done: Step, ip: &str) -> Result<Option<Step>, AppError> {
    let next = next_step(state, p.user_id, Some(done)).await?;
    let mut tx = state.db.begin().await?;
    factors::set_pending(&mut tx, &p.session_id, next.map(Step::as_str)).await?;
    let changes = audit::Changes::new().fact("step", done.as_str()).fact("next", next.map(Step::as_str));
    audit::record(&mut tx, audit::Entry::by(p.user_id, "sign_in_step_done", "user", p.user_id, changes, ip)).await?;
    tx.commit().await?;
    Ok(next)
}

fn recovery_hash(code: &str) -> String {
    let normal: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    hex::encode(Sha256::digest(normal.as_bytes()))
}

/// Ten recovery codes (about 50 bits each), as shown once, and their stored hashes.
fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    let codes: Vec<String> = (0..10)
        .map(|_| {
            let c: String = (0..10).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
            format!("{}-{}", &c[..5], &c[5..])
        })
        .collect();
    let hashes = codes.iter().map(|c| recovery_hash(c)).collect();
    (codes, hashes)
}

/// Check a one-time code, or a recovery code, for this user: counted like a sign-in attempt
/// (the account's limit), each code accepted once.
async fn check_code(state: &ServerState, user_id: i64, code: &str, ip: &str) -> Result<(), AppError> {
    let now = db::now();
    let window = chrono::Duration::from_std(state.settings.login_window).unwrap_or(chrono::Duration::minutes(15));
    let key = hex::encode(Sha256::digest(format!("second-factor:{user_id}").as_bytes()));
    let address = crate::domain::throttle_key(ip);
    let (attempt, by_account, _) = throttle::count_attempt(&state.db, &key, &address, now, now - window).await?;
    if by_account > state.settings.login_max_failures_per_account {
        let mut tx = state.db.begin().await?;
        throttle::forget_attempt(&mut tx, attempt).await?;
        tx.commit().await?;
        return Err(AppError::TooManyAttempts);
    }
    let f = factors::of_user(&state.db, user_id).await?.ok_or(AppError::NotAuthenticated)?;
    let secret = f.totp_secret.as_deref().and_then(super::totp::from_base32);
    let mut tx = state.db.begin().await?;
    let accepted = match secret.and_then(|s| super::totp::verify(&s, code, now.timestamp(), f.totp_last_step)) {
        Some(step) => factors::use_step(&mut tx, user_id, step).await?,
        None if code.trim().len() > 6 => {
            factors::use_recovery_code(&mut tx, user_id, &recovery_hash(code), now).await?
        }
        None => false,
    };
    let action = if accepted { "one_time_code_accepted" } else { "one_time_code_refused" };
    let changes = audit::Changes::new().fact("recovery", code.trim().len() > 6);
    audit::record(&mut tx, audit::Entry::by(user_id, action, "user", user_id, changes, ip)).await?;
    if accepted {
        throttle::forget_attempt(&mut tx, attempt).await?;
        throttle::clear_account(&mut tx, &key).await?;
    }
    tx.commit().await?;
    if accepted {
        Ok(())
    } else {
        Err(AppError::field("code", FieldCode::WrongCode))
    }
}

/// The code step: a right code moves the sign-in on.
pub async fn pass_code(state: &ServerState, p: &PendingSignIn, code: &str, ip: &str) -> Result<Option<Step>, AppError> {
    if p.step != Step::Code {
        return Err(AppError::Forbidden);
    }
    if code.trim().is_empty() {
        return Err(AppError::field("code", FieldCode::Required));
    }
    check_code(state, p.user_id, code, ip).await?;
    advance(state, p, Step::Code, ip).await
}

/// The password step: the user's own password, not the one an administrator set.
pub async fn choose_password(
    state: &ServerState,
    p: &PendingSignIn,
    new: &str,
    confirm: &str,
    ip: &str,
) -> Result<Option<Step>, AppError> {
    if p.step != Step::Password {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let password = v.check(new_password("new_password", new));
    if password.as_ref().is_some_and(|n| n.expose() != confirm) {
        v.push(FieldError::new("confirm_password", FieldCode::PasswordMismatch));
    }
    v.finish()?;
    let Some(password) = password else { return Err(AppError::Internal) };
    let current = factors::password_hash(&state.db, p.user_id).await?.ok_or(AppError::NotAuthenticated)?;
    if verify_password(current, password.expose().to_string()).await? {
        return Err(AppError::field("new_password", FieldCode::SamePassword));
    }
    let hash = hash_password(password.expose().to_string()).await?;
    let now = db::now();
    let mut tx = state.db.begin().await?;
    factors::set_password_hash(&mut tx, p.user_id, &hash, now).await?;
    factors::set_must_change_password(&mut tx, p.user_id, false).await?;
    sessions::delete_for_user(&mut tx, p.user_id, Some(&p.session_id)).await?;
    audit::record(
        &mut tx,
        audit::Entry::by(
            p.user_id,
            "password_changed",
            "user",
            p.user_id,
            audit::Changes::new().fact("required", true),
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    advance(state, p, Step::Password, ip).await
}

/// What an authenticator app needs to be set up: the key in groups of four, and the QR code
/// of its address. The key is made once and kept until codes are turned on, so reloading the
/// page shows the same one.
pub struct Enrolment {
    pub key: String,
    pub qr_svg: String,
}

pub async fn enrolment(state: &ServerState, user_id: i64) -> Result<Enrolment, AppError> {
    let f = factors::of_user(&state.db, user_id).await?.ok_or(AppError::NotAuthenticated)?;
    if f.totp_enabled {
        return Err(AppError::Forbidden);
    }
    let secret = match f.totp_secret.as_deref().and_then(super::totp::from_base32) {
        Some(s) => s,
        None => {
            let s = super::totp::new_secret();
            factors::set_secret(&state.db, user_id, &super::totp::to_base32(&s)).await?;
            s
        }
    };
    let url = super::totp::otpauth_url("Liaison", &f.email, &secret);
    let qr_svg = super::totp::qr_svg(&url).ok_or(AppError::Internal)?;
    Ok(Enrolment { key: super::totp::grouped(&super::totp::to_base32(&secret)), qr_svg })
}

/// Turn codes on with the first code the app shows; returns the recovery codes, shown once.
pub async fn enrol(state: &ServerState, user_id: i64, code: &str, ip: &str) -> Result<Vec<String>, AppError> {
    let f = factors::of_user(&state.db, user_id).await?.ok_or(AppError::NotAuthenticated)?;
    let secret = f.totp_secret.as_deref().and_then(super::totp::from_base32).ok_or(AppError::Forbidden)?;
    if f.totp_enabled {
        return Err(AppError::Forbidden);
    }
    if code.trim().is_empty() {
        return Err(AppError::field("code", FieldCode::Required));
    }
    let step = super::totp::verify(&secret, code, db::now().timestamp(), None)
        .ok_or(AppError::field("code", FieldCode::WrongCode))?;
    let (codes, hashes) = new_recovery_codes();
    let mut tx = state.db.begin().await?;
    factors::enable(&mut tx, user_id, step).await?;
    factors::replace_recovery_codes(&mut tx, user_id, &hashes).await?;
    audit::record(&mut tx, audit::Entry::by(user_id, "one_time_codes_on", "user", user_id, audit::Changes::new(), ip))
        .await?;
    tx.commit().await?;
    Ok(codes)
}

/// The enrolment step of a sign-in.
pub async fn enrol_at_sign_in(
    state: &ServerState,
    p: &PendingSignIn,
    code: &str,
    ip: &str,
) -> Result<(Vec<String>, Option<Step>), AppError> {
    if p.step != Step::Enrol {
        return Err(AppError::Forbidden);
    }
    let codes = enrol(state, p.user_id, code, ip).await?;
    Ok((codes, advance(state, p, Step::Enrol, ip).await?))
}

/// Does this user's role require codes?
pub async fn required_for(state: &ServerState, role: Role) -> Result<bool, AppError> {
    Ok(factors::required_roles(&state.db).await?.iter().any(|r| r == role.as_str()))
}

/// Turn codes off (a right code needed; not for a role that requires them).
pub async fn turn_off(state: &ServerState, user: &SessionUser, code: &str, ip: &str) -> Result<(), AppError> {
    if required_for(state, user.role).await? {
        return Err(AppError::Forbidden);
    }
    check_code(state, user.id, code, ip).await?;
    let mut tx = state.db.begin().await?;
    factors::disable(&mut tx, user.id).await?;
    audit::record(&mut tx, audit::Entry::by(user.id, "one_time_codes_off", "user", user.id, audit::Changes::new(), ip))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The roles that must use codes (an administrator's setting).
pub async fn set_required_roles(
    state: &ServerState,
    admin: &SessionUser,
    roles: &[Role],
    ip: &str,
) -> Result<(), AppError> {
    super::permit(admin, super::Action::ManageUsers)?;
    let before = factors::required_roles(&state.db).await?;
    let after: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let mut tx = state.db.begin().await?;
    factors::set_required_roles(&mut tx, &after).await?;
    let changes = audit::Changes::new().diff("roles", before, after.iter().map(|r| r.to_string()).collect());
    audit::record(&mut tx, audit::Entry::by(admin.id, "two_step_roles_set", "settings", 0, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_random_and_read_however_typed() {
        let (codes, hashes) = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_eq!(hashes[0], recovery_hash(&codes[0].to_uppercase().replace('-', " ")));
        assert_ne!(codes[0], codes[1]);
        assert_eq!(Step::parse("enrol"), Some(Step::Enrol));
        assert_eq!(Step::parse("other"), None);
    }
}
