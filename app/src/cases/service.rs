//! Case rules (server only): who may open and work a case, the status workflow, the
//! reference and the investor's access code, each change with its timeline event and audit
//! entry in one transaction.

use super::{Case, CaseType, EventKind, ForeignStaff, Priority, PublicText};
use crate::auth::SessionUser;
use crate::cases::db::{self as data, NewCase, NewEvent};
use crate::db::{self, audit};
use crate::domain::{CaseReference, CaseStatus, Locale, Role, ACCESS_CODE_ALPHABET, ACCESS_CODE_LEN};
use crate::enterprises::db::{self as enterprises_data};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;
use crate::state::ServerState;
use chrono::Datelike;
use rand::RngCore;

/// A new random access code (about 56 bits).
pub fn new_access_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..ACCESS_CODE_LEN)
        .map(|_| ACCESS_CODE_ALPHABET[(rng.next_u32() as usize) % ACCESS_CODE_ALPHABET.len()] as char)
        .collect()
}

/// May this user work a case owned by `owner`? Its owner, or an admin.
pub fn may_work(user: &SessionUser, owner: Option<i64>) -> bool {
    user.role == Role::Admin || (user.role == Role::LiaisonOfficer && owner == Some(user.id))
}

pub struct CaseForm {
    pub enterprise_id: i64,
    pub case_type: String,
    pub priority: String,
    pub title: String,
    pub description: String,
    pub language: String,
    pub green_channel: bool,
    pub full_agency: bool,
    pub applicant_name: String,
    pub applicant_email: String,
}

/// Queue messages in the transaction of the change that causes them.
async fn queue_all(
    tx: &mut crate::db::Tx,
    state: &ServerState,
    messages: &[crate::db::outbox::NewMessage],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    for m in messages {
        compose::queue(tx, &state.settings, m, at).await?;
    }
    Ok(())
}

fn entry<'a>(user: &SessionUser, action: &'a str, id: i64, changes: audit::Changes, ip: &'a str) -> audit::Entry<'a> {
    audit::Entry::by(user.id, action, "case", id, changes, ip)
}

/// Open a case for an enterprise; its liaison officer owns it. Returns the id and the access
/// code (shown once, stored only as a hash).
pub async fn open(state: &ServerState, user: &SessionUser, f: &CaseForm, ip: &str) -> Result<(i64, String), AppError> {
    let mut v = Validator::default();
    let case_type = CaseType::parse(&f.case_type);
    if case_type.is_none() {
        v.push(FieldError::new("case_type", FieldCode::UnknownCaseType));
    }
    let priority = Priority::parse(&f.priority);
    if priority.is_none() {
        v.push(FieldError::new("priority", FieldCode::UnknownPriority));
    }
    let language = Locale::parse(&f.language).filter(|l| l.tag() == f.language.trim());
    if language.is_none() {
        v.push(FieldError::new("language", FieldCode::UnknownLocale));
    }
    let title = f.title.trim();
    if title.is_empty() {
        v.push(FieldError::new("title", FieldCode::Required));
    } else if title.chars().count() > 200 {
        v.push(FieldError::new("title", FieldCode::TooLong));
    }
    let description = f.description.trim();
    if description.is_empty() {
        v.push(FieldError::new("description", FieldCode::Required));
    } else if description.chars().count() > 10_000 {
        v.push(FieldError::new("description", FieldCode::TooLong));
    }
    let applicant_name = f.applicant_name.trim();
    if applicant_name.chars().count() > 200 {
        v.push(FieldError::new("applicant_name", FieldCode::TooLong));
    }
    let applicant_email = match f.applicant_email.trim() {
        "" => None,
        raw => match crate::domain::Email::parse("applicant_email", raw) {
            Ok(e) => Some(e.as_str().to_string()),
            Err(e) => {
                v.push(e);
                None
            }
        },
    };
    v.finish()?;
    let (Some(case_type), Some(priority), Some(language)) = (case_type, priority, language) else {
        return Err(AppError::Internal);
    };
    let enterprise = enterprises_data::get(&state.db, f.enterprise_id, super::super::enterprises::service::cutoff())
        .await?
        .ok_or(AppError::NotFound)?;
    if !crate::enterprises::service::may_edit(user, enterprise.liaison_id) {
        return Err(AppError::Forbidden);
    }
    let code = new_access_code();
    let hash = crate::portal::service::code_hash(crate::portal::service::keys(state).await?, &code);
    let now = db::now();
    let mut tx = state.db.begin().await?;
    let n = data::next_number(&mut tx, now.year()).await?;
    let reference = CaseReference::new(now.year(), n);
    let id = data::insert(
        &mut tx,
        &NewCase {
            reference: reference.as_str(),
            enterprise_id: Some(f.enterprise_id),
            case_type,
            priority,
            green_channel: f.green_channel,
            full_agency: f.full_agency,
            title,
            description,
            language,
            applicant_name,
            applicant_email: applicant_email.as_deref(),
            owner_id: enterprise.liaison_id,
            access_code_hash: &hash,
            created_by: Some(user.id),
            at: now,
            source: "staff",
            applicant_phone: None,
            enterprise_name_given: None,
            credit_code_given: None,
        },
    )
    .await?;
    let due = crate::service_levels::service::start_clock(&mut tx, id, case_type, f.green_channel, now).await?;
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::Created,
            from_status: None,
            to_status: Some(CaseStatus::Submitted),
            note: "",
            public: None,
            author_id: Some(user.id),
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new()
        .set("reference", reference.as_str())
        .set("enterprise_id", f.enterprise_id)
        .set("case_type", case_type.as_str())
        .set("title", title)
        .set("due_on", due.map(|d| d.to_string()));
    audit::record(&mut tx, entry(user, "case_opened", id, changes, ip)).await?;
    let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
    let mut messages: Vec<_> = compose::case_opened(&state.settings, &facts, false).into_iter().collect();
    // The officer hears of a case someone else opened for their enterprise.
    if let Some(owner) = enterprise.liaison_id.filter(|o| *o != user.id) {
        if let Some(officer) = crate::admin::db::users::recipient_in(&mut tx, owner).await? {
            messages.push(compose::case_assigned(&state.settings, &officer, &facts));
        }
    }
    queue_all(&mut tx, state, &messages, now).await?;
    tx.commit().await?;
    Ok((id, code))
}

/// Move a case along the workflow. Refused moves and missing reasons change nothing.
pub async fn change_status(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    version: i32,
    to: &str,
    reason: &str,
    ip: &str,
) -> Result<(), AppError> {
    let to = CaseStatus::parse(to).ok_or_else(|| AppError::field("to_status", FieldCode::TransitionNotAllowed))?;
    let reason = reason.trim();
    if to.needs_reason() && reason.is_empty() {
        return Err(AppError::field("reason", FieldCode::ReasonRequired));
    }
    if reason.chars().count() > 4000 {
        return Err(AppError::field("reason", FieldCode::TooLong));
    }
    let mut tx = state.db.begin().await?;
    let (status, current_version, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work(user, owner) {
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
    let messages: Vec<_> = compose::status_changed(&state.settings, &facts, to, public_reason).into_iter().collect();
    queue_all(&mut tx, state, &messages, now).await?;
    data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::StatusChanged,
            from_status: Some(from),
            to_status: Some(to),
            note: reason,
            public: None,
            author_id: Some(user.id),
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
    audit::record(&mut tx, entry(user, "case_status_changed", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

/// Add an internal note (staff only, never shown to the investor).
pub async fn add_note(state: &ServerState, user: &SessionUser, id: i64, note: &str, ip: &str) -> Result<(), AppError> {
    let note = note.trim();
    if note.is_empty() {
        return Err(AppError::field("note", FieldCode::Required));
    }
    if note.chars().count() > 10_000 {
        return Err(AppError::field("note", FieldCode::TooLong));
    }
    let mut tx = state.db.begin().await?;
    let (_, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work(user, owner) {
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
            author_id: Some(user.id),
            at: now,
        },
    )
    .await?;
    audit::record(&mut tx, entry(user, "case_note_added", id, audit::Changes::new(), ip)).await?;
    tx.commit().await?;
    Ok(())
}

/// Replace the access code (the old one stops working); the new one is shown once.
pub async fn reset_access_code(state: &ServerState, user: &SessionUser, id: i64, ip: &str) -> Result<String, AppError> {
    let code = new_access_code();
    let hash = crate::portal::service::code_hash(crate::portal::service::keys(state).await?, &code);
    let mut tx = state.db.begin().await?;
    let (_, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work(user, owner) {
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
            author_id: Some(user.id),
            at: now,
        },
    )
    .await?;
    audit::record(&mut tx, entry(user, "case_access_code_reset", id, audit::Changes::new(), ip)).await?;
    tx.commit().await?;
    Ok(code)
}

/// Today and the last day that counts as "at risk", under the working calendar.
pub async fn risk_window(state: &ServerState) -> Result<data::RiskWindow, AppError> {
    let (today, at_risk_until) = crate::service_levels::service::risk_window(state).await?;
    Ok(data::RiskWindow { today, at_risk_until })
}

/// Only leaders are an enterprise's responsible leader: for anyone else "the cases of the
/// enterprises I lead" is empty without asking the database (it was the deadlines page's
/// slowest read, run for every role).
pub(super) fn leads_nothing(user: &SessionUser, filter: &super::CaseFilter) -> bool {
    filter.led && user.role != crate::domain::Role::Leader
}

/// Cases matching a filter, one page of them.
pub async fn search(
    state: &ServerState,
    user: &SessionUser,
    filter: &super::CaseFilter,
    per_page: i64,
) -> Result<(Vec<super::CaseSummary>, i64), AppError> {
    if leads_nothing(user, filter) {
        return Ok((Vec::new(), 0));
    }
    let window = risk_window(state).await?;
    Ok(data::search(&state.db, filter, user.id, window, per_page).await?)
}

/// The deadlines page's lists in one read; the leader's list only for a leader (only leaders
/// are an enterprise's responsible leader).
pub async fn deadlines(
    state: &ServerState,
    user: &SessionUser,
    per_page: i64,
) -> Result<super::DeadlineLists, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadCases)?;
    let window = risk_window(state).await?;
    let led = user.role == crate::domain::Role::Leader;
    let lists = data::deadlines(&state.db, user.id, window, per_page, led).await?;
    let page = |(items, total)| super::CasePage { items, total, page: 0, per_page };
    Ok(super::DeadlineLists { overdue: page(lists.overdue), at_risk: page(lists.at_risk), led: lists.led })
}

/// Post a public update (shown to the investor) in one or more of zh-CN, en and fr.
pub async fn add_public_update(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    text: &PublicText,
    ip: &str,
) -> Result<(), AppError> {
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
    let mut tx = state.db.begin().await?;
    let (_, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work(user, owner) {
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
            author_id: Some(user.id),
            at: now,
        },
    )
    .await?;
    let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
    let messages: Vec<_> = compose::public_update(&state.settings, &facts, &text).into_iter().collect();
    queue_all(&mut tx, state, &messages, now).await?;
    let languages: Vec<&str> = [("zh-CN", &text.zh), ("en", &text.en), ("fr", &text.fr)]
        .into_iter()
        .filter(|(_, t)| t.is_some())
        .map(|(l, _)| l)
        .collect();
    audit::record(
        &mut tx,
        entry(user, "case_public_update", id, audit::Changes::new().fact("languages", languages), ip),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The case page's data for this reader; a fresh access code travels in a short-lived
/// cookie from the action that made it to this one view, and is then cleared.
pub async fn load(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    fresh_code: Option<String>,
    ip: &str,
) -> Result<Case, AppError> {
    let window = risk_window(state).await?;
    let (summary, row) = data::get(&state.db, id, window).await?.ok_or(AppError::NotFound)?;
    let events = data::events(&state.db, id).await?;
    let editable = may_work(user, row.owner_id);
    let next_statuses = if editable { summary.status.next().to_vec() } else { Vec::new() };
    let foreign_staff = match row.foreign_staff {
        None => None,
        Some(f) => {
            // The whole passport number only for the case's own officer, and each such view
            // is in the audit log; everyone else sees it masked.
            let whole = user.role == Role::LiaisonOfficer && row.owner_id == Some(user.id);
            if whole {
                let mut tx = state.db.begin().await?;
                let changes = audit::Changes::new().fact("field", "passport_number");
                audit::record(&mut tx, entry(user, "personal_data_viewed", id, changes, ip)).await?;
                tx.commit().await?;
            }
            Some(ForeignStaff {
                passport_number: if whole {
                    f.passport_number
                } else {
                    crate::domain::mask_passport(&f.passport_number)
                },
                passport_masked: !whole,
                passport_name: f.passport_name,
                nationality: f.nationality,
                position: f.position,
                arrival_date: f.arrival_date,
            })
        }
    };
    let routable = row.owner_id.is_none()
        && row.source == "portal"
        && summary.status.is_open()
        && matches!(user.role, Role::Admin | Role::LiaisonOfficer);
    Ok(Case {
        summary,
        description: row.description,
        language: Locale::parse(&row.language).unwrap_or(Locale::En),
        full_agency: row.full_agency,
        version: row.version,
        events,
        tasks: row.tasks,
        next_statuses,
        editable,
        fresh_access_code: if editable { fresh_code } else { None },
        paused_on: row.paused_on,
        applicant_name: row.applicant_name,
        applicant_email: row.applicant_email,
        messages: row.messages,
        from_portal: row.source == "portal",
        applicant_phone: row.applicant_phone,
        enterprise_name_given: row.enterprise_name_given,
        credit_code_given: row.credit_code_given,
        foreign_staff,
        rating: row.rating.map(|r| (r, row.rating_comment.unwrap_or_default())),
        routable,
    })
}

/// Give a portal request from the intake queue its enterprise (by credit code): the
/// enterprise's liaison officer owns it from then on, or the officer routing it when the
/// enterprise has none. Admins and liaison officers may route.
pub async fn take_from_intake(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    version: i32,
    credit_code: &str,
    ip: &str,
) -> Result<(), AppError> {
    if !matches!(user.role, Role::Admin | Role::LiaisonOfficer) {
        return Err(AppError::Forbidden);
    }
    let code = crate::domain::CreditCode::parse("credit_code", credit_code)?;
    let mut tx = state.db.begin().await?;
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
        None if user.role == Role::LiaisonOfficer => user.id,
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
            author_id: Some(user.id),
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new().set("enterprise_id", enterprise_id).set("owner_id", owner);
    audit::record(&mut tx, entry(user, "case_taken_from_intake", id, changes, ip)).await?;
    if owner != user.id {
        let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
        if let Some(officer) = crate::admin::db::users::recipient_in(&mut tx, owner).await? {
            queue_all(&mut tx, state, &[compose::case_assigned(&state.settings, &officer, &facts)], now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Route a case to departments (its owner, or an admin). Departments it already has a task
/// with are skipped; returns how many tasks were created.
pub async fn route(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    department_ids: &[String],
    due_on: &str,
    instructions: &str,
    ip: &str,
) -> Result<usize, AppError> {
    let departments = crate::admin::db::departments::list(&state.db).await?;
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
    let mut tx = state.db.begin().await?;
    let (status, _, owner) = data::state_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !may_work(user, owner) {
        return Err(AppError::Forbidden);
    }
    if !CaseStatus::parse(&status).is_some_and(CaseStatus::is_open) {
        return Err(AppError::field("department_ids", FieldCode::CaseNotOpen));
    }
    let now = db::now();
    let mut created = Vec::new();
    for d in chosen {
        if data::tasks::insert(&mut tx, id, d, due, instructions, user.id, now).await? {
            created.push(d);
        }
    }
    if !created.is_empty() {
        let changes = audit::Changes::new().fact("departments", &created).fact("due_on", due.map(|d| d.to_string()));
        audit::record(&mut tx, entry(user, "case_routed", id, changes, ip)).await?;
        // Each department's liaisons hear of their new task, in their own language.
        let facts = data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
        let mut messages = Vec::new();
        for d in &created {
            let Some(department) = departments.iter().find(|x| x.id == *d) else { continue };
            for to in crate::admin::db::users::department_liaisons_in(&mut tx, *d).await? {
                let name = department.name(to.locale).to_string();
                messages.push(compose::task_assigned(&state.settings, &to, &facts, &name, due, instructions));
            }
        }
        queue_all(&mut tx, state, &messages, now).await?;
    }
    tx.commit().await?;
    Ok(created.len())
}

/// A department liaison updates their department's task (an admin may too). Blocking needs
/// a note saying why.
pub async fn update_task(
    state: &ServerState,
    user: &SessionUser,
    task_id: i64,
    version: i32,
    status: &str,
    note: &str,
    ip: &str,
) -> Result<(), AppError> {
    use super::tasks::TaskStatus;
    let status = TaskStatus::parse(status).ok_or_else(|| AppError::field("status", FieldCode::UnknownTaskStatus))?;
    let note = note.trim();
    if status == TaskStatus::Blocked && note.is_empty() {
        return Err(AppError::field("department_note", FieldCode::ReasonRequired));
    }
    if note.chars().count() > 4000 {
        return Err(AppError::field("department_note", FieldCode::TooLong));
    }
    let mut tx = state.db.begin().await?;
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
    audit::record(&mut tx, entry(user, "case_task_updated", case_id, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_codes_are_long_random_and_unambiguous() {
        let a = new_access_code();
        assert_eq!(a.len(), ACCESS_CODE_LEN);
        assert!(a.bytes().all(|b| ACCESS_CODE_ALPHABET.contains(&b)));
        assert_ne!(a, new_access_code());
    }
}
