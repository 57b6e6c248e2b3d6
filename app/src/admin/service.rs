//! Account administration rules (server only): validation, the last-admin guard, and each
//! change written with its audit entry in one transaction.

use super::{UserForm, UserRecord};
use crate::admin::db::{departments, users};
use crate::auth::server::hash_password;
use crate::auth::{Ctx, SessionUser};
use crate::db::{self, audit, sessions};
use crate::domain::{DisplayName, Email, Locale, Role};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;

struct ValidUser {
    email: Email,
    display_name: DisplayName,
    role: Role,
    department_id: Option<i64>,
    /// A county officer's county (none for the other roles).
    county_id: Option<i64>,
    locale: Locale,
}

async fn validate(state: &ServerState, f: &UserForm, v: &mut Validator) -> Result<Option<ValidUser>, AppError> {
    let email = v.check(Email::parse("email", &f.email));
    let display_name = v.check(DisplayName::parse("display_name", &f.display_name));
    let role = Role::parse(&f.role);
    if role.is_none() {
        v.push(FieldError::new("role", FieldCode::UnknownRole));
    }
    let locale = Locale::parse(&f.locale).filter(|l| l.tag() == f.locale.trim());
    if locale.is_none() {
        v.push(FieldError::new("locale", FieldCode::UnknownLocale));
    }
    let department_id = v
        .existing_id("department_id", &f.department_id, FieldCode::UnknownDepartment, async |id| {
            departments::exists(&state.db, id).await
        })
        .await?;
    if role.is_some_and(Role::needs_department) && department_id.is_none() && f.department_id.trim().is_empty() {
        v.push(FieldError::new("department_id", FieldCode::DepartmentRequired));
    }
    let county_id = v
        .existing_id("county_id", &f.county_id, FieldCode::UnknownCounty, async |id| {
            crate::db::counties::exists(&state.db, id).await
        })
        .await?;
    if role.is_some_and(Role::needs_county) && county_id.is_none() && f.county_id.trim().is_empty() {
        v.push(FieldError::new("county_id", FieldCode::CountyRequired));
    }
    let county_id = county_id.filter(|_| role.is_some_and(Role::needs_county));
    Ok(match (email, display_name, role, locale) {
        (Some(email), Some(display_name), Some(role), Some(locale)) => {
            Some(ValidUser { email, display_name, role, department_id, county_id, locale })
        }
        _ => None,
    })
}

/// Who creates an account: an administrator in the UI (their request), or an operator at the
/// command line (or the first start-up), who has no account.
pub enum Creator<'a> {
    Admin(&'a Ctx),
    /// The operator at the server (the first start, the command line). `chose_password`: the
    /// password is their own (given in the environment or typed), not a generated one.
    Operator {
        via: &'static str,
        chose_password: bool,
    },
}

pub async fn create_user(
    state: &ServerState,
    creator: Creator<'_>,
    f: &UserForm,
    password: &str,
) -> Result<i64, AppError> {
    let mut v = Validator::default();
    let user = validate(state, f, &mut v).await?;
    let password = v.check(crate::auth::server::new_password("password", password));
    v.finish()?;
    let (Some(u), Some(password)) = (user, password) else {
        return Err(AppError::Internal);
    };
    let hash = hash_password(password.expose().to_string()).await?;
    let now = db::now();
    let mut tx = state.db.begin().await?;
    let id = users::insert(
        &mut tx,
        users::NewUser {
            email: u.email.as_str(),
            display_name: u.display_name.as_str(),
            password_hash: &hash,
            role: u.role,
            department_id: u.department_id,
            county_id: u.county_id,
            locale: u.locale,
            at: now,
        },
    )
    .await
    .map_err(map_insert)?;
    let changes = audit::Changes::new()
        .set("email", u.email.as_str())
        .set("display_name", u.display_name.as_str())
        .set("role", u.role.as_str())
        .set("department_id", u.department_id)
        .set("county_id", u.county_id)
        .set("locale", u.locale.tag());
    // A password someone else chose (an administrator, or generated) is changed by its owner
    // at their first sign-in.
    if !matches!(creator, Creator::Operator { chose_password: true, .. }) {
        crate::auth::db::set_must_change_password(&mut tx, id, true).await?;
    }
    let entry = match creator {
        Creator::Admin(cx) => cx.entry("user_created", "user", id, changes),
        Creator::Operator { via, .. } => audit::Entry {
            actor_id: None,
            action: "user_created",
            entity_type: "user",
            entity_id: Some(id.to_string()),
            changes: changes.fact("via", via),
            ip: None,
            at: now,
        },
    };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    state.reference.clear();
    Ok(id)
}

fn map_insert(e: users::InsertError) -> AppError {
    match e {
        users::InsertError::EmailTaken => AppError::field("email", FieldCode::EmailTaken),
        users::InsertError::Db(e) => e.into(),
    }
}

/// Load a user inside the transaction, refusing a stale version.
async fn load_current(tx: &mut db::Tx, id: i64, version: i32) -> Result<UserRecord, AppError> {
    let before = users::get_in(tx, id).await?.ok_or(AppError::NotFound)?;
    if before.version != version {
        return Err(AppError::StaleVersion);
    }
    Ok(before)
}

/// Refuse a change that would leave the office without an active administrator, or lock
/// the acting admin out of administration.
async fn guard_admins(
    tx: &mut db::Tx,
    admin: &SessionUser,
    before: &UserRecord,
    role: Role,
    active: bool,
) -> Result<(), AppError> {
    let loses_admin = before.role == Role::Admin && before.active && (role != Role::Admin || !active);
    if loses_admin && (before.id == admin.id || users::count_other_active_admins(tx, before.id).await? == 0) {
        return Err(AppError::CannotChangeSelf);
    }
    Ok(())
}

pub async fn update_user(cx: &Ctx, id: i64, version: i32, f: &UserForm) -> Result<(), AppError> {
    let mut v = Validator::default();
    let user = validate(&cx.state, f, &mut v).await?;
    v.finish()?;
    let Some(u) = user else {
        return Err(AppError::Internal);
    };
    let mut tx = cx.state.db.begin().await?;
    let before = load_current(&mut tx, id, version).await?;
    guard_admins(&mut tx, &cx.user, &before, u.role, before.active).await?;
    let saved = users::update(
        &mut tx,
        users::Update {
            id,
            expected_version: version,
            email: u.email.as_str(),
            display_name: u.display_name.as_str(),
            role: u.role,
            // Only department liaisons belong to a department in this sense.
            department_id: u.department_id,
            county_id: u.county_id,
            locale: u.locale,
            active: before.active,
            at: db::now(),
        },
    )
    .await
    .map_err(map_insert)?;
    if !saved {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("email", before.email.as_str(), u.email.as_str())
        .diff("display_name", before.display_name.as_str(), u.display_name.as_str())
        .diff("role", before.role.as_str(), u.role.as_str())
        .diff("department_id", before.department_id, u.department_id)
        .diff("county_id", before.county_id, u.county_id)
        .diff("locale", before.locale.tag(), u.locale.tag());
    if !changes.is_empty() {
        audit::record(&mut tx, cx.entry("user_updated", "user", id, changes)).await?;
    }
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(())
}

pub async fn set_active(cx: &Ctx, id: i64, version: i32, active: bool) -> Result<(), AppError> {
    let mut tx = cx.state.db.begin().await?;
    let before = load_current(&mut tx, id, version).await?;
    guard_admins(&mut tx, &cx.user, &before, before.role, active).await?;
    let saved = users::update(
        &mut tx,
        users::Update {
            id,
            expected_version: version,
            email: &before.email,
            display_name: &before.display_name,
            role: before.role,
            department_id: before.department_id,
            county_id: before.county_id,
            locale: before.locale,
            active,
            at: db::now(),
        },
    )
    .await
    .map_err(map_insert)?;
    if !saved {
        return Err(AppError::StaleVersion);
    }
    let mut changes = audit::Changes::new().diff("active", before.active, active);
    if !active {
        let ended = sessions::delete_for_user(&mut tx, id, None).await?;
        changes = changes.fact("sessions_ended", ended);
    }
    audit::record(&mut tx, cx.entry("user_updated", "user", id, changes)).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(())
}

/// Set a new password chosen by the admin; the user's sessions end.
pub async fn reset_password(cx: &Ctx, id: i64, password: &str) -> Result<(), AppError> {
    let password = crate::auth::server::new_password("password", password)?;
    let hash = hash_password(password.expose().to_string()).await?;
    let mut tx = cx.state.db.begin().await?;
    users::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    crate::auth::db::set_password_hash(&mut tx, id, &hash, db::now()).await?;
    crate::auth::db::set_must_change_password(&mut tx, id, true).await?;
    let ended = sessions::delete_for_user(&mut tx, id, None).await?;
    let changes = audit::Changes::new().fact("sessions_ended", ended);
    audit::record(&mut tx, cx.entry("password_reset", "user", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn end_sessions(cx: &Ctx, id: i64) -> Result<u64, AppError> {
    let mut tx = cx.state.db.begin().await?;
    users::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let ended = sessions::delete_for_user(&mut tx, id, None).await?;
    let changes = audit::Changes::new().fact("sessions_ended", ended);
    audit::record(&mut tx, cx.entry("sessions_ended", "user", id, changes)).await?;
    tx.commit().await?;
    Ok(ended)
}
