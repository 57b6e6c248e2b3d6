//! The policy register's rules (server only): validation, one document per number, withdrawal
//! for good with its day and reason, each change audited in its transaction.

use super::db::{self as data, Fields};
use super::{Policy, PolicyFilter, PolicyForm, PolicyPage, PolicyStatus, PolicyView, WithdrawForm, Written};
use crate::auth::{allows, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::NaiveDate;

pub async fn list(state: &ServerState, f: &PolicyFilter) -> Result<PolicyPage, AppError> {
    let page = crate::error::page_number(f.page)?;
    let (items, total) = data::page(&state.db, f, super::PER_PAGE).await?;
    let (in_force, withdrawn) = data::counts(&state.db).await?;
    Ok(PolicyPage { items, total, page, per_page: super::PER_PAGE, in_force, withdrawn })
}

pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<PolicyView, AppError> {
    let policy = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(PolicyView { policy, editable: allows(user.role, Action::ManagePolicies) })
}

/// The documents in force, for the portal.
pub async fn in_force(state: &ServerState) -> Result<Vec<Policy>, AppError> {
    Ok(data::in_force(&state.db, super::PUBLIC_LIMIT).await?)
}

fn today() -> NaiveDate {
    crate::domain::office_today(db::now())
}

struct Valid {
    title: Written,
    issuer: String,
    doc_number: String,
    issued_on: NaiveDate,
    summary: Written,
}

impl Valid {
    fn fields(&self) -> Fields<'_> {
        Fields {
            title: &self.title,
            issuer: &self.issuer,
            doc_number: &self.doc_number,
            issued_on: self.issued_on,
            summary: &self.summary,
        }
    }
}

fn validate(f: &PolicyForm) -> Result<Valid, AppError> {
    let mut v = Validator::default();
    let title = Written {
        zh: v.text("title_zh", &f.title_zh, true, 300),
        en: v.text("title_en", &f.title_en, false, 300),
        fr: v.text("title_fr", &f.title_fr, false, 300),
    };
    let issuer = v.text("issuer", &f.issuer, true, 200);
    let doc_number = v.text("doc_number", &f.doc_number, false, 100);
    let issued_on = v.day("issued_on", &f.issued_on);
    if issued_on.is_some_and(|d| d > today()) {
        v.push(FieldError::new("issued_on", FieldCode::DateInFuture));
    }
    let summary = Written {
        zh: v.text("summary_zh", &f.summary_zh, true, 4000),
        en: v.text("summary_en", &f.summary_en, false, 4000),
        fr: v.text("summary_fr", &f.summary_fr, false, 4000),
    };
    v.finish()?;
    let Some(issued_on) = issued_on else { return Err(AppError::Internal) };
    Ok(Valid { title, issuer, doc_number, issued_on, summary })
}

fn changes(v: &Valid) -> audit::Changes {
    audit::Changes::new()
        .set("title_zh", &v.title.zh)
        .set("issuer", &v.issuer)
        .set("doc_number", &v.doc_number)
        .set("issued_on", v.issued_on)
}

/// The number's refusal when another document has it (checked before the write; the unique
/// index settles two admins writing at the same moment, see `number_taken`).
async fn check_number(tx: &mut db::Tx, v: &Valid, except: Option<i64>) -> Result<(), AppError> {
    if !v.doc_number.is_empty() && data::number_taken(tx, &v.doc_number, except).await? {
        return Err(AppError::field("doc_number", FieldCode::DocNumberTaken));
    }
    Ok(())
}

/// A write that met another document with the same number at the same moment.
fn number_taken(e: sqlx::Error) -> AppError {
    if db::is_unique_violation(&e) {
        AppError::field("doc_number", FieldCode::DocNumberTaken)
    } else {
        e.into()
    }
}

pub async fn create(cx: &Ctx, f: &PolicyForm) -> Result<i64, AppError> {
    cx.permit(Action::ManagePolicies)?;
    let valid = validate(f)?;
    let mut tx = cx.state.db.begin().await?;
    check_number(&mut tx, &valid, None).await?;
    let id = data::insert(&mut tx, &valid.fields(), cx.user.id, db::now()).await.map_err(number_taken)?;
    audit::record(&mut tx, cx.entry("policy_registered", "policy_document", id, changes(&valid))).await?;
    tx.commit().await?;
    Ok(id)
}

/// Why a document at `version` could not be changed: gone, withdrawn, or changed meanwhile.
async fn refusal(tx: &mut db::Tx, id: i64) -> Result<AppError, AppError> {
    Ok(match data::get_in(tx, id).await? {
        None => AppError::NotFound,
        Some(p) if p.status == PolicyStatus::Withdrawn => AppError::field("status", FieldCode::PolicyWithdrawn),
        Some(_) => AppError::StaleVersion,
    })
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &PolicyForm) -> Result<(), AppError> {
    cx.permit(Action::ManagePolicies)?;
    let valid = validate(f)?;
    let mut tx = cx.state.db.begin().await?;
    check_number(&mut tx, &valid, Some(id)).await?;
    if !data::update(&mut tx, id, version, &valid.fields(), db::now()).await.map_err(number_taken)? {
        return Err(refusal(&mut tx, id).await?);
    }
    audit::record(&mut tx, cx.entry("policy_updated", "policy_document", id, changes(&valid))).await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraw a document in force, for good: on a day neither before its issue nor to come, for
/// a reason.
pub async fn withdraw(cx: &Ctx, id: i64, version: i32, f: &WithdrawForm) -> Result<(), AppError> {
    cx.permit(Action::ManagePolicies)?;
    let mut v = Validator::default();
    let on = v.day("withdrawn_on", &f.withdrawn_on);
    let reason = v.text("reason", &f.reason, false, 2000);
    if reason.is_empty() {
        v.push(FieldError::new("reason", FieldCode::ReasonRequired));
    }
    let mut tx = cx.state.db.begin().await?;
    let policy = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if let Some(on) = on {
        if on > today() {
            v.push(FieldError::new("withdrawn_on", FieldCode::DateInFuture));
        } else if on < policy.issued_on {
            v.push(FieldError::new("withdrawn_on", FieldCode::WithdrawnBeforeIssued));
        }
    }
    v.finish()?;
    let Some(on) = on else { return Err(AppError::Internal) };
    if !data::withdraw(&mut tx, id, version, on, &reason, db::now()).await? {
        return Err(refusal(&mut tx, id).await?);
    }
    let changes = audit::Changes::new().set("withdrawn_on", on).set("reason", &reason);
    audit::record(&mut tx, cx.entry("policy_withdrawn", "policy_document", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
