//! Routing: a portal request taken from the intake queue, a case routed to departments, and
//! a department's task updated.

use super::queue_all;
use crate::auth::{may_work_on, Ctx};
use crate::cases::db::{self as data, NewEvent};
use crate::cases::EventKind;
use crate::db::{self, audit};
use crate::domain::{CaseStatus, Role};
use crate::enterprises::db::{self as enterprises_data};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;

/// Give a portal request from the intake queue its enterprise (by credit code): the
/// enterprise's liaison officer owns it from then on, or the officer routing it when the
/// enterprise has none. Admins and liaison officers may route.
pub async fn take_from_intake(cx: &Ctx, id: i64, version: i32, credit_code: &str) -> Result<(), AppError> {
    if !matches!(cx.user.role, Role::Admin | Role::LiaisonOfficer) {
        return Err(AppError::Forbidden);
    }
    let code = crate::domain::CreditCode::parse("credit_code", credit_code)?;
    let mut tx = cx.state.db.begin().await?;
    let (status, current_version, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if owner.is_some() || !CaseStatus::parse(&status).is_some_and(CaseStatus::is_open) {
        return Err(AppError::field("credit_code", FieldCode::NotInIntake));
    }
    // (Only portal requests wait in the intake queue: `route` refuses any other case.)
    if current_version != version {
        return Err(AppError::StaleVersion);
    }
    let (enterprise_id, liaison) = enterprises_data::by_credit_code_in(&mut tx, code.as_str())
        .await?
        .ok_or_else(|| AppError::field("credit_code", FieldCode::EnterpriseNotFound))?;
    let owner = match liaison {
        Some(o) => o,
        None if cx.user.role == Role::LiaisonOfficer => cx.user.id,
        None => return Err(AppError::field("credit_code", FieldCode::EnterpriseHasNoLiaison)),
    };
    let now = db::now();
    if !data::route(&mut tx, id, version, enterprise_id, owner, now).await? {
        return Err(AppError::field("credit_code", FieldCode::NotInIntake));
    }
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::Routed,
            from_status: None,
            to_status: None,
            note: "",
            public: None,
            author_id: Some(cx.user.id),
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new().set("enterprise_id", enterprise_id).set("owner_id", owner);
    audit::record(&mut tx, cx.entry("case_taken_from_intake", "case", id, changes)).await?;
    if owner != cx.user.id {
        let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
        if let Some(officer) = crate::admin::db::users::recipient_in(&mut tx, owner).await? {
            queue_all(&mut tx, &cx.state, &[compose::case_assigned(&cx.state.settings, &officer, &facts)], now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Route a case to departments (its owner, or an admin). Departments it already has a task
/// with are skipped; returns how many tasks were created.
pub async fn route(
    cx: &Ctx,
    id: i64,
    department_ids: &[String],
    due_on: &str,
    instructions: &str,
) -> Result<usize, AppError> {
    let departments = crate::admin::db::departments::list(&cx.state.db).await?;
    let chosen: Vec<i64> = department_ids.iter().filter_map(|d| d.trim().parse::<i64>().ok()).collect();
    let mut v = Validator::default();
    if chosen.is_empty() || chosen.iter().any(|d| !departments.iter().any(|x| x.id == *d)) {
        v.push(FieldError::new("department_ids", FieldCode::UnknownDepartment));
    }
    let due = match due_on.trim() {
        "" => None,
        raw => match chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                v.push(FieldError::new("due_on", FieldCode::InvalidDate));
                None
            }
        },
    };
    let instructions = instructions.trim();
    if instructions.chars().count() > 4000 {
        v.push(FieldError::new("instructions", FieldCode::TooLong));
    }
    v.finish()?;
    let mut tx = cx.state.db.begin().await?;
    let created = route_in(&mut tx, cx, id, &chosen, &departments, due, instructions).await?;
    tx.commit().await?;
    Ok(created)
}

/// Route a case to some of `departments` (read before the transaction), in a transaction of
/// the caller's (the health check of a project routes its problem in the one that records it).
pub async fn route_in(
    tx: &mut db::Tx,
    cx: &Ctx,
    id: i64,
    chosen: &[i64],
    departments: &[crate::admin::Department],
    due: Option<chrono::NaiveDate>,
    instructions: &str,
) -> Result<usize, AppError> {
    let (status, _, owner) = data::state_in(tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, owner) {
        return Err(AppError::Forbidden);
    }
    if !CaseStatus::parse(&status).is_some_and(CaseStatus::is_open) {
        return Err(AppError::field("department_ids", FieldCode::CaseNotOpen));
    }
    let now = db::now();
    let mut created = Vec::new();
    for d in chosen.iter().copied() {
        let task =
            data::tasks::NewTask { case_id: id, department_id: d, due_on: due, instructions, by: cx.user.id, at: now };
        if data::tasks::insert(tx, &task).await? {
            created.push(d);
        }
    }
    if !created.is_empty() {
        let changes = audit::Changes::new().fact("departments", &created).fact("due_on", due.map(|d| d.to_string()));
        audit::record(tx, cx.entry("case_routed", "case", id, changes)).await?;
        // Each department's liaisons hear of their new task, in their own language.
        let facts = data::facts_in(tx, id).await?.ok_or(AppError::Internal)?;
        let mut messages = Vec::new();
        for d in &created {
            let Some(department) = departments.iter().find(|x| x.id == *d) else { continue };
            for to in crate::admin::db::users::department_liaisons_in(tx, *d).await? {
                let name = department.name(to.locale).to_string();
                messages.push(compose::task_assigned(&cx.state.settings, &to, &facts, &name, due, instructions));
            }
        }
        queue_all(tx, &cx.state, &messages, now).await?;
    }
    Ok(created.len())
}

/// A department liaison updates their department's task (an admin may too). Blocking needs
/// a note saying why.
pub async fn update_task(cx: &Ctx, task_id: i64, version: i32, status: &str, note: &str) -> Result<(), AppError> {
    use crate::cases::tasks::TaskStatus;
    let status = TaskStatus::parse(status).ok_or_else(|| AppError::field("status", FieldCode::UnknownTaskStatus))?;
    let note = note.trim();
    if status == TaskStatus::Blocked && note.is_empty() {
        return Err(AppError::field("department_note", FieldCode::ReasonRequired));
    }
    if note.chars().count() > 4000 {
        return Err(AppError::field("department_note", FieldCode::TooLong));
    }
    let user = &cx.user;
    let mut tx = cx.state.db.begin().await?;
    let (department_id, case_id, before, current) =
        data::tasks::state_in(&mut tx, task_id).await?.ok_or(AppError::NotFound)?;
    let own_department = user.role == Role::DepartmentLiaison && user.department_id == Some(department_id);
    if !(own_department || user.role == Role::Admin) {
        return Err(AppError::Forbidden);
    }
    if current != version {
        return Err(AppError::StaleVersion);
    }
    if !data::tasks::update(&mut tx, task_id, version, status, note, user.id, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .fact("task_id", task_id)
        .fact("department_id", department_id)
        .diff("status", before.as_str(), status.as_str())
        .fact("note", note);
    audit::record(&mut tx, cx.entry("case_task_updated", "case", case_id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
