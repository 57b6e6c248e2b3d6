//! Opening a case for an enterprise: its fields checked, its reference, access code, clock,
//! first event, audit entry and messages, in one transaction.

use super::{new_access_code, queue_all};
use crate::auth::{may_work_on, Ctx};
use crate::cases::db::{self as data, NewCase, NewEvent};
use crate::cases::{CaseForm, CaseType, EventKind, Priority};
use crate::db::{self, audit};
use crate::domain::{CaseReference, CaseStatus, Locale};
use crate::enterprises::db::{self as enterprises_data};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;
use chrono::Datelike;

/// A new case's fields, checked.
struct Checked<'a> {
    case_type: CaseType,
    priority: Priority,
    language: Locale,
    green_channel: bool,
    full_agency: bool,
    title: &'a str,
    description: &'a str,
    applicant_name: &'a str,
    applicant_email: Option<String>,
}

/// Check the form: every refused field is reported at once.
fn check(f: &CaseForm) -> Result<Checked<'_>, AppError> {
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
    // A ticked box sends `true` (or a browser's `on`); an unticked one sends nothing.
    let ticked = |b: &Option<String>| b.as_deref().is_some_and(|v| v == "true" || v == "on");
    Ok(Checked {
        case_type,
        priority,
        language,
        green_channel: ticked(&f.green_channel),
        full_agency: ticked(&f.full_agency),
        title,
        description,
        applicant_name,
        applicant_email,
    })
}

/// Open a case for an enterprise; its liaison officer owns it. Returns the id and the access
/// code (shown once, stored only as a hash).
pub async fn open(cx: &Ctx, enterprise_id: i64, f: &CaseForm) -> Result<(i64, String), AppError> {
    let c = check(f)?;
    let enterprise = enterprises_data::get(&cx.state.db, enterprise_id, crate::enterprises::service::cutoff())
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, enterprise.liaison_id) {
        return Err(AppError::Forbidden);
    }
    let code = NewCode::make(cx).await?;
    let mut tx = cx.state.db.begin().await?;
    let id = insert_case(&mut tx, cx, &c, Some(enterprise_id), enterprise.liaison_id, &code).await?;
    tx.commit().await?;
    Ok((id, code.code))
}

/// A new case's access code and its hash, made before the transaction that opens the case:
/// the installation's key may have to be stored first, which a transaction on SQLite would
/// wait for.
pub struct NewCode {
    code: String,
    hash: String,
}

impl NewCode {
    pub async fn make(cx: &Ctx) -> Result<NewCode, AppError> {
        let code = new_access_code();
        let hash = cx.state.access_keys().await?.code_hash(&code);
        Ok(NewCode { code, hash })
    }
}

/// Open a case about an investment project's problem, in the transaction that records it (a
/// health check): for the project's enterprise when it has one, with no applicant; the
/// project's officer owns it. Returns its id.
pub async fn open_for_project(
    tx: &mut db::Tx,
    cx: &Ctx,
    f: &CaseForm,
    (enterprise_id, owner_id): (Option<i64>, i64),
    code: &NewCode,
) -> Result<i64, AppError> {
    let c = check(f)?;
    insert_case(tx, cx, &c, enterprise_id, Some(owner_id), code).await
}

/// A checked case into the register: its reference, clock, first event, audit entry and
/// messages. Returns its id.
async fn insert_case(
    tx: &mut db::Tx,
    cx: &Ctx,
    c: &Checked<'_>,
    enterprise_id: Option<i64>,
    owner_id: Option<i64>,
    code: &NewCode,
) -> Result<i64, AppError> {
    let hash = &code.hash;
    let now = db::now();
    let n = data::next_number(tx, now.year()).await?;
    let reference = CaseReference::new(now.year(), n);
    let id = data::insert(
        tx,
        &NewCase {
            reference: reference.as_str(),
            enterprise_id,
            case_type: c.case_type,
            priority: c.priority,
            green_channel: c.green_channel,
            full_agency: c.full_agency,
            title: c.title,
            description: c.description,
            language: c.language,
            applicant_name: c.applicant_name,
            applicant_email: c.applicant_email.as_deref(),
            owner_id,
            access_code_hash: hash,
            created_by: Some(cx.user.id),
            at: now,
            source: "staff",
            applicant_phone: None,
            enterprise_name_given: None,
            credit_code_given: None,
        },
    )
    .await?;
    let due = crate::service_levels::service::start_clock(tx, id, c.case_type, c.green_channel, now).await?;
    data::add_event(
        tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::Created,
            from_status: None,
            to_status: Some(CaseStatus::Submitted),
            note: "",
            public: None,
            author_id: Some(cx.user.id),
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new()
        .set("reference", reference.as_str())
        .set("enterprise_id", enterprise_id)
        .set("case_type", c.case_type.as_str())
        .set("title", c.title)
        .set("due_on", due.map(|d| d.to_string()));
    audit::record(tx, cx.entry("case_opened", "case", id, changes)).await?;
    let facts = data::facts_in(tx, id).await?.ok_or(AppError::Internal)?;
    let mut messages: Vec<_> = compose::case_opened(&cx.state.settings, &facts, false).into_iter().collect();
    // The officer hears of a case someone else opened for them.
    if let Some(owner) = owner_id.filter(|o| *o != cx.user.id) {
        if let Some(officer) = crate::admin::db::users::recipient_in(tx, owner).await? {
            messages.push(compose::case_assigned(&cx.state.settings, &officer, &facts));
        }
    }
    queue_all(tx, &cx.state, &messages, now).await?;
    Ok(id)
}
