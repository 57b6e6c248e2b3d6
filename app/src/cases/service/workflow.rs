//! A case's workflow: moving its status, internal notes, a new access code, and public
//! updates for the investor.

use super::{new_access_code, queue_all};
use crate::auth::{may_work_on, Ctx};
use crate::cases::db::{self as data, NewEvent};
use crate::cases::{EventKind, PublicText};
use crate::db::{self, audit};
use crate::domain::CaseStatus;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;

/// Move a case along the workflow. Refused moves and missing reasons change nothing.
pub async fn change_status(cx: &Ctx, id: i64, version: i32, to: &str, reason: &str) -> Result<(), AppError> {
    let to = CaseStatus::parse(to).ok_or_else(|| AppError::field("to_status", FieldCode::TransitionNotAllowed))?;
    let reason = reason.trim();
    if to.needs_reason() && reason.is_empty() {
        return Err(AppError::field("reason", FieldCode::ReasonRequired));
    }
    if reason.chars().count() > 4000 {
        return Err(AppError::field("reason", FieldCode::TooLong));
    }
    let mut tx = cx.state.db.begin().await?;
    let (status, current_version, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, owner) {
        return Err(AppError::Forbidden);
    }
    if current_version != version {
        return Err(AppError::StaleVersion);
    }
    let from = CaseStatus::parse(&status).ok_or(AppError::Internal)?;
    if !from.may_move_to(to) {
        return Err(AppError::field("to_status", FieldCode::TransitionNotAllowed));
    }
    // Resolving while departments still work on it needs the officer's override reason.
    let open_tasks = if to == CaseStatus::Resolved { data::tasks::open_count_in(&mut tx, id).await? } else { 0 };
    if open_tasks > 0 && reason.is_empty() {
        return Err(AppError::field("reason", FieldCode::OpenTasksNeedOverride));
    }
    let now = db::now();
    if !data::set_status(&mut tx, id, version, to, now).await? {
        return Err(AppError::StaleVersion);
    }
    crate::service_levels::service::on_status_change(&mut tx, id, from, to, now).await?;
    // The applicant is told; the reason is theirs to read only when it is addressed to them
    // (a rejection, a request for information), not an officer's override.
    let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
    let public_reason = if to.needs_reason() { reason } else { "" };
    let messages: Vec<_> = compose::status_changed(&cx.state.settings, &facts, to, public_reason).into_iter().collect();
    queue_all(&mut tx, &cx.state, &messages, now).await?;
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::StatusChanged,
            from_status: Some(from),
            to_status: Some(to),
            note: reason,
            public: None,
            author_id: Some(cx.user.id),
            at: now,
        },
    )
    .await?;
    let mut changes = audit::Changes::new().diff("status", from.as_str(), to.as_str());
    if !reason.is_empty() {
        changes = changes.fact("reason", reason);
    }
    if open_tasks > 0 {
        changes = changes.fact("open_tasks_overridden", open_tasks);
    }
    audit::record(&mut tx, cx.entry("case_status_changed", "case", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// Add an internal note (staff only, never shown to the investor).
pub async fn add_note(cx: &Ctx, id: i64, note: &str) -> Result<(), AppError> {
    let note = note.trim();
    if note.is_empty() {
        return Err(AppError::field("note", FieldCode::Required));
    }
    if note.chars().count() > 10_000 {
        return Err(AppError::field("note", FieldCode::TooLong));
    }
    let mut tx = cx.state.db.begin().await?;
    let (_, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, owner) {
        return Err(AppError::Forbidden);
    }
    let now = db::now();
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::InternalNote,
            from_status: None,
            to_status: None,
            note,
            public: None,
            author_id: Some(cx.user.id),
            at: now,
        },
    )
    .await?;
    audit::record(&mut tx, cx.entry("case_note_added", "case", id, audit::Changes::new())).await?;
    tx.commit().await?;
    Ok(())
}

/// Replace the access code (the old one stops working); the new one is shown once.
pub async fn reset_access_code(cx: &Ctx, id: i64) -> Result<String, AppError> {
    let code = new_access_code();
    let hash = cx.state.access_keys().await?.code_hash(&code);
    let mut tx = cx.state.db.begin().await?;
    let (_, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, owner) {
        return Err(AppError::Forbidden);
    }
    let now = db::now();
    data::set_access_code_hash(&mut tx, id, &hash, now).await?;
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::AccessCodeReset,
            from_status: None,
            to_status: None,
            note: "",
            public: None,
            author_id: Some(cx.user.id),
            at: now,
        },
    )
    .await?;
    audit::record(&mut tx, cx.entry("case_access_code_reset", "case", id, audit::Changes::new())).await?;
    tx.commit().await?;
    Ok(code)
}

/// Post a public update (shown to the investor) in one or more of zh-CN, en and fr.
pub async fn add_public_update(cx: &Ctx, id: i64, text: &PublicText) -> Result<(), AppError> {
    let clean = |t: &Option<String>| t.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let text = PublicText { zh: clean(&text.zh), en: clean(&text.en), fr: clean(&text.fr) };
    let mut v = Validator::default();
    if text.zh.is_none() && text.en.is_none() && text.fr.is_none() {
        v.push(FieldError::new("public_en", FieldCode::PublicUpdateEmpty));
    }
    for (field, t) in [("public_zh", &text.zh), ("public_en", &text.en), ("public_fr", &text.fr)] {
        if t.as_deref().is_some_and(|t| t.chars().count() > 10_000) {
            v.push(FieldError::new(field, FieldCode::TooLong));
        }
    }
    v.finish()?;
    let mut tx = cx.state.db.begin().await?;
    let (_, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, owner) {
        return Err(AppError::Forbidden);
    }
    let now = db::now();
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::PublicUpdate,
            from_status: None,
            to_status: None,
            note: "",
            public: Some(&text),
            author_id: Some(cx.user.id),
            at: now,
        },
    )
    .await?;
    let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
    let messages: Vec<_> = compose::public_update(&cx.state.settings, &facts, &text).into_iter().collect();
    queue_all(&mut tx, &cx.state, &messages, now).await?;
    let languages: Vec<&str> = [("zh-CN", &text.zh), ("en", &text.en), ("fr", &text.fr)]
        .into_iter()
        .filter(|(_, t)| t.is_some())
        .map(|(l, _)| l)
        .collect();
    let changes = audit::Changes::new().fact("languages", languages);
    audit::record(&mut tx, cx.entry("case_public_update", "case", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
