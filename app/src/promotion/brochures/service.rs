//! The brochure's rules (server only): issues numbered once each, presenting only published
//! projects, each once and at most `MAX_ENTRIES`; composed by the staff who work promotion,
//! each change audited in its transaction.

use super::db as data;
use super::{BrochureList, BrochureView, Entry, IssueForm};
use crate::auth::{allows, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::promotion::promoted::{db as promoted, PromotedStatus};
use crate::promotion::Written;
use crate::state::ServerState;

pub async fn list(state: &ServerState) -> Result<BrochureList, AppError> {
    Ok(BrochureList { issues: data::issues(&state.db).await?, total: data::total(&state.db).await? })
}

pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<BrochureView, AppError> {
    let issue = data::issue(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let order = data::entries(&state.db, id).await?;
    let mut projects = promoted::some(&state.db, &order).await?;
    projects.sort_by_key(|p| order.iter().position(|id| *id == p.id));
    let conversions: std::collections::HashMap<i64, _> =
        promoted::conversions(&state.db, &order).await?.into_iter().collect();
    let entries = projects
        .into_iter()
        .map(|project| Entry { conversion: conversions.get(&project.id).copied().unwrap_or_default(), project })
        .collect();
    Ok(BrochureView { issue, entries, editable: allows(user.role, Action::WorkPromotion) })
}

pub async fn create(cx: &Ctx, f: &IssueForm) -> Result<i64, AppError> {
    cx.permit(Action::WorkPromotion)?;
    let mut v = Validator::default();
    let number = match f.number.trim() {
        "" => {
            v.push(FieldError::new("number", FieldCode::Required));
            None
        }
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Some(n),
            _ => {
                v.push(FieldError::new("number", FieldCode::InvalidNumber));
                None
            }
        },
    };
    let theme = Written {
        zh: v.text("theme_zh", &f.theme_zh, true, 100),
        en: v.text("theme_en", &f.theme_en, false, 100),
        fr: v.text("theme_fr", &f.theme_fr, false, 100),
    };
    let issued_on = v.day("issued_on", &f.issued_on);
    v.finish()?;
    let (Some(number), Some(issued_on)) = (number, issued_on) else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    if data::number_taken(&mut tx, number).await? {
        return Err(AppError::field("number", FieldCode::BrochureNumberTaken));
    }
    let id = data::insert(&mut tx, number, &theme, issued_on, cx.user.id, db::now()).await.map_err(|e| {
        if db::is_unique_violation(&e) {
            AppError::field("number", FieldCode::BrochureNumberTaken)
        } else {
            e.into()
        }
    })?;
    let changes = audit::Changes::new().set("number", number).set("theme_zh", &theme.zh).set("issued_on", issued_on);
    audit::record(&mut tx, cx.entry("brochure_issue_created", "brochure_issue", id, changes)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Present a published project in an issue, after those it has.
pub async fn add(cx: &Ctx, id: i64, project: &str) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let project_id =
        project.trim().parse::<i64>().map_err(|_| AppError::field("project_id", FieldCode::UnknownPromotedProject))?;
    let mut tx = cx.state.db.begin().await?;
    if !data::exists_in(&mut tx, id).await? {
        return Err(AppError::NotFound);
    }
    match promoted::get_in(&mut tx, project_id).await? {
        None => return Err(AppError::field("project_id", FieldCode::UnknownPromotedProject)),
        Some(p) if p.status != PromotedStatus::Published => {
            return Err(AppError::field("project_id", FieldCode::NotPublished))
        }
        Some(_) => {}
    }
    if data::count_in(&mut tx, id).await? >= super::MAX_ENTRIES {
        return Err(AppError::field("project_id", FieldCode::BrochureFull));
    }
    if !data::add(&mut tx, id, project_id).await? {
        return Err(AppError::field("project_id", FieldCode::AlreadyInBrochure));
    }
    let changes = audit::Changes::new().set("promoted_project_id", project_id);
    audit::record(&mut tx, cx.entry("brochure_project_added", "brochure_issue", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove(cx: &Ctx, id: i64, project_id: i64) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let mut tx = cx.state.db.begin().await?;
    if !data::remove(&mut tx, id, project_id).await? {
        return Err(AppError::NotFound);
    }
    let changes = audit::Changes::new().set("promoted_project_id", project_id);
    audit::record(&mut tx, cx.entry("brochure_project_removed", "brochure_issue", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
