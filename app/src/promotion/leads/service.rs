//! The leads' rules (server only): one officer per lead, who alone (with the admins) logs its
//! contacts and ends it; a contact's next step becomes the lead's; a lead ends once, as the
//! project it became or closed for a reason; each change audited in its transaction.

use super::db::{self as data, NewContact, NewLead};
use super::{CloseForm, ContactForm, ContactWay, LeadFilter, LeadForm, LeadPage, LeadSource, LeadStatus, LeadView};
use crate::auth::{allows, may_work_on, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::domain::{Country, Role};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    crate::domain::office_today(db::now())
}

pub async fn list(state: &ServerState, user: &SessionUser, f: &LeadFilter) -> Result<LeadPage, AppError> {
    let page = crate::error::page_number(f.page)?;
    let today = today();
    let (items, total) = data::page(&state.db, f, today, user.id, super::PER_PAGE).await?;
    let (overdue, mine_overdue) = data::overdue(&state.db, today, user.id).await?;
    Ok(LeadPage { items, total, page, per_page: super::PER_PAGE, overdue, mine_overdue })
}

pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<LeadView, AppError> {
    let lead = data::get(&state.db, id, today()).await?.ok_or(AppError::NotFound)?;
    let contacts = data::contacts(&state.db, id).await?;
    let enquiry = crate::promotion::promoted::db::enquiry_of(&state.db, id).await?;
    let promoted_title = match lead.promoted_project_id {
        Some(p) => crate::promotion::promoted::db::get(&state.db, p).await?.map(|p| p.title.zh),
        None => None,
    };
    let delegation = data::delegation_of(&state.db, id).await?;
    let editable = lead.status == LeadStatus::Open
        && allows(user.role, Action::WorkPromotion)
        && may_work_on(user, Some(lead.officer_id));
    Ok(LeadView { lead, contacts, editable, enquiry, promoted_title, delegation })
}

/// Open a lead; its officer is the one who opens it unless an admin names another.
pub async fn create(cx: &Ctx, f: &LeadForm) -> Result<i64, AppError> {
    cx.permit(Action::WorkPromotion)?;
    let mut v = Validator::default();
    let title = v.text("title", &f.title, true, 300);
    let investor = v.text("investor", &f.investor, true, 300);
    let country = match f.country.trim() {
        "" => String::new(),
        raw => v.check(Country::parse("country", raw)).map(|c| c.code().to_string()).unwrap_or_default(),
    };
    let source = LeadSource::parse(&f.source);
    if source.is_none() {
        v.push(FieldError::new("source", FieldCode::UnknownLeadSource));
    }
    let target_firm_id = match f.target_firm_id.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) if crate::promotion::target_firms::db::get(&cx.state.db, id, today()).await?.is_some() => Some(id),
            _ => {
                v.push(FieldError::new("target_firm_id", FieldCode::UnknownTargetFirm));
                None
            }
        },
    };
    let db = &cx.state.db;
    let promoted_project_id = v
        .existing_id("promoted_project_id", &f.promoted_project_id, FieldCode::UnknownPromotedProject, async |id| {
            crate::promotion::promoted::db::exists(db, id).await
        })
        .await?;
    let delegation_outcome_id = v
        .existing_id("delegation_outcome_id", &f.delegation_outcome_id, FieldCode::UnknownLead, async |id| {
            data::is_delegation_lead(db, id).await
        })
        .await?;
    let officers = crate::enterprises::db::active_users_with_role(&cx.state.db, "liaison_officer").await?;
    let officer_id = match f.officer_id.trim() {
        "" if cx.user.role == Role::LiaisonOfficer => Some(cx.user.id),
        "" => {
            v.push(FieldError::new("officer_id", FieldCode::Required));
            None
        }
        raw => match raw.parse::<i64>() {
            // An officer opens leads for themselves; an admin names any liaison officer.
            Ok(id) if id == cx.user.id && cx.user.role == Role::LiaisonOfficer => Some(id),
            Ok(id) if cx.user.role == Role::Admin && officers.iter().any(|o| o.id == id) => Some(id),
            _ => {
                v.push(FieldError::new("officer_id", FieldCode::UnknownOfficer));
                None
            }
        },
    };
    let next_step = v.text("next_step", &f.next_step, false, 500);
    let next_step_on = v.optional_day("next_step_on", &f.next_step_on);
    v.finish()?;
    let (Some(source), Some(officer_id)) = (source, officer_id) else { return Err(AppError::Internal) };
    let lead = NewLead {
        title: &title,
        investor: &investor,
        country: &country,
        source,
        target_firm_id,
        officer_id,
        next_step: &next_step,
        next_step_on,
        promoted_project_id,
        delegation_outcome_id,
    };
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &lead, cx.user.id, db::now()).await?;
    let changes = audit::Changes::new()
        .set("title", &title)
        .set("investor", &investor)
        .set("source", source.as_str())
        .set("officer_id", officer_id)
        .set("target_firm_id", target_firm_id)
        .set("promoted_project_id", promoted_project_id)
        .set("delegation_outcome_id", delegation_outcome_id);
    audit::record(&mut tx, cx.entry("lead_opened", "lead", id, changes)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Why a change to the lead `id` at `version` found nothing to change.
async fn refusal(tx: &mut db::Tx, id: i64) -> Result<AppError, AppError> {
    Ok(match data::get_in(tx, id, today()).await? {
        None => AppError::NotFound,
        Some(l) if l.status != LeadStatus::Open => AppError::field("status", FieldCode::LeadClosed),
        Some(_) => AppError::StaleVersion,
    })
}

/// Its officer or an admin, or `Forbidden`.
async fn check_officer(cx: &Ctx, tx: &mut db::Tx, id: i64) -> Result<(), AppError> {
    let lead = data::get_in(tx, id, today()).await?.ok_or(AppError::NotFound)?;
    if may_work_on(&cx.user, Some(lead.officer_id)) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Log a contact with the investor; its next step becomes the lead's.
pub async fn add_contact(cx: &Ctx, id: i64, version: i32, f: &ContactForm) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let today = today();
    let mut v = Validator::default();
    let contacted_on = v.day("contacted_on", &f.contacted_on);
    if contacted_on.is_some_and(|d| d > today) {
        v.push(FieldError::new("contacted_on", FieldCode::DateInFuture));
    }
    let way = ContactWay::parse(&f.way);
    if way.is_none() {
        v.push(FieldError::new("way", FieldCode::UnknownContactWay));
    }
    let summary = v.text("summary", &f.summary, true, 4000);
    let next_step = v.text("next_step", &f.next_step, false, 500);
    let next_step_on = v.optional_day("next_step_on", &f.next_step_on);
    v.finish()?;
    let (Some(contacted_on), Some(way)) = (contacted_on, way) else { return Err(AppError::Internal) };
    let contact = NewContact { contacted_on, way, summary: &summary, next_step: &next_step, next_step_on };
    let mut tx = cx.state.db.begin().await?;
    check_officer(cx, &mut tx, id).await?;
    if !data::add_contact(&mut tx, id, version, &contact, cx.user.id, db::now()).await? {
        return Err(refusal(&mut tx, id).await?);
    }
    let changes = audit::Changes::new()
        .set("contacted_on", contacted_on)
        .set("way", way.as_str())
        .set("next_step_on", next_step_on);
    audit::record(&mut tx, cx.entry("lead_contact_logged", "lead", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// End the lead: as the registered project it became, or closed for a reason.
pub async fn close(cx: &Ctx, id: i64, version: i32, f: &CloseForm) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let mut v = Validator::default();
    let reason = v.text("reason", &f.reason, false, 2000);
    let (status, project) = match LeadStatus::parse(&f.outcome) {
        Some(LeadStatus::BecameProject) => {
            let project = f.project_id.trim().parse::<i64>().ok();
            match project {
                Some(p) if crate::projects::db::exists(&cx.state.db, p).await? => (LeadStatus::BecameProject, Some(p)),
                _ => {
                    v.push(FieldError::new("project_id", FieldCode::UnknownProject));
                    (LeadStatus::BecameProject, None)
                }
            }
        }
        Some(LeadStatus::Closed) => {
            if reason.is_empty() {
                v.push(FieldError::new("reason", FieldCode::ReasonRequired));
            }
            (LeadStatus::Closed, None)
        }
        _ => {
            v.push(FieldError::new("outcome", FieldCode::UnknownOutcomeKind));
            (LeadStatus::Closed, None)
        }
    };
    v.finish()?;
    let reason = if status == LeadStatus::Closed { reason } else { String::new() };
    let mut tx = cx.state.db.begin().await?;
    check_officer(cx, &mut tx, id).await?;
    if !data::close(&mut tx, id, version, status, project, &reason, db::now()).await? {
        return Err(refusal(&mut tx, id).await?);
    }
    let changes =
        audit::Changes::new().set("status", status.as_str()).set("project_id", project).set("reason", &reason);
    audit::record(&mut tx, cx.entry("lead_closed", "lead", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
