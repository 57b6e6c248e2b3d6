//! The target firms' rules (server only): the register and its overdue next steps; a
//! spreadsheet read, checked and kept until its importer confirms it, then saved in one
//! transaction (a firm already registered under the same name and country updated, not
//! added again); a firm's approach moved on by its officer, each change audited.

use super::db::{self as data, ApproachFields};
use super::import::{self, Lookups};
use super::{
    Approach, ApproachForm, FirmFilter, FirmPage, FirmSegment, FirmView, ImportPreview, ImportRow, TargetFirm,
};
use crate::auth::{allows, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::domain::Role;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    crate::domain::office_today(db::now())
}

pub async fn list(state: &ServerState, user: &SessionUser, f: &FirmFilter) -> Result<FirmPage, AppError> {
    let page = crate::error::page_number(f.page)?;
    let today = today();
    let (items, total) = data::page(&state.db, f, today, user.id, super::PER_PAGE).await?;
    let overdue = data::overdue(&state.db, today).await?;
    Ok(FirmPage { items, total, page, per_page: super::PER_PAGE, overdue })
}

/// Who may change a firm: an admin, its officer, or any liaison officer while it has none.
fn may_change(user: &SessionUser, firm: &TargetFirm) -> bool {
    allows(user.role, Action::WorkPromotion)
        && (user.role == Role::Admin || firm.officer_id.is_none() || firm.officer_id == Some(user.id))
}

pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<FirmView, AppError> {
    let firm = data::get(&state.db, id, today()).await?.ok_or(AppError::NotFound)?;
    let segments = data::segments_of(&state.db, id)
        .await?
        .into_iter()
        .map(|(id, sub_chain_id, zh, en, fr)| FirmSegment { id, sub_chain_id, names: [zh, en, fr] })
        .collect();
    let editable = may_change(user, &firm);
    Ok(FirmView { firm, segments, editable })
}

/// How many firms aim at each segment of a sub-chain (for its map).
pub async fn per_segment(state: &ServerState, sub_chain_id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(data::per_segment(&state.db, sub_chain_id).await?)
}

async fn lookups(state: &ServerState) -> Result<Lookups, AppError> {
    let db = &state.db;
    let subs = state.reference.get_or_load("sub_chains", || crate::projects::chains::data::all(db)).await?;
    let segments = crate::promotion::chain_maps::db::all(db).await?;
    Ok(Lookups {
        sub_chains: subs.iter().map(|s| (s.id, [s.name_zh.clone(), s.name_en.clone(), s.name_fr.clone()])).collect(),
        segments: segments.into_iter().map(|s| (s.id, s.sub_chain_id, [s.name_zh, s.name_en, s.name_fr])).collect(),
        officers: crate::enterprises::db::officers_by_email(db).await?,
    })
}

/// Read and check a spreadsheet, and keep it for its importer's confirmation; its id. A file
/// that cannot be read at all is refused whole; a bad row is kept with what is wrong with it.
pub async fn stage_import(cx: &Ctx, file_name: &str, bytes: &[u8]) -> Result<i64, AppError> {
    cx.permit(Action::WorkPromotion)?;
    let rows = import::read(file_name, bytes)?;
    let (at, columns) = import::heading_row(&rows)?;
    let checked = import::check(&rows[at + 1..], &columns, &lookups(&cx.state).await?);
    let json = serde_json::to_string(&checked).map_err(|_| AppError::Internal)?;
    let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
    let mut tx = cx.state.db.begin().await?;
    let id = data::stage(&mut tx, cx.user.id, db::now(), &name, &json).await?;
    tx.commit().await?;
    Ok(id)
}

/// A staged import's rows, for its importer (or an admin) only.
async fn staged(cx: &Ctx, id: i64) -> Result<(String, Vec<ImportRow>, bool), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let (by, name, json, done) = data::staged(&cx.state.db, id).await?.ok_or(AppError::NotFound)?;
    if by != cx.user.id && cx.user.role != Role::Admin {
        return Err(AppError::NotFound);
    }
    let rows: Vec<ImportRow> = serde_json::from_str(&json).map_err(|_| AppError::Internal)?;
    Ok((name, rows, done))
}

/// Mark each good row with the firm it would update (one registered under its name and
/// country), as the register is now; a row that would change a firm another officer is in
/// charge of is refused (unless an admin imports it).
async fn match_rows(state: &ServerState, user: &SessionUser, rows: &mut [ImportRow]) -> Result<(), AppError> {
    let keys: Vec<String> =
        rows.iter().filter(|r| r.errors.is_empty()).map(|r| import::match_key(&r.firm.name, &r.firm.country)).collect();
    let found: std::collections::HashMap<String, (i64, Option<i64>)> =
        data::by_keys(&state.db, &keys).await?.into_iter().map(|(k, id, officer)| (k, (id, officer))).collect();
    for r in rows.iter_mut().filter(|r| r.errors.is_empty()) {
        match found.get(&import::match_key(&r.firm.name, &r.firm.country)) {
            Some((_, Some(officer))) if *officer != user.id && user.role != Role::Admin => {
                r.errors.push(FieldError::new("name", FieldCode::NotYourFirm));
            }
            Some((id, _)) => r.updates = Some(*id),
            None => {}
        }
    }
    Ok(())
}

pub async fn preview(cx: &Ctx, id: i64) -> Result<ImportPreview, AppError> {
    let (file_name, mut rows, done) = staged(cx, id).await?;
    match_rows(&cx.state, &cx.user, &mut rows).await?;
    let total = rows.len();
    let (mut refused, good): (Vec<ImportRow>, Vec<ImportRow>) = rows.into_iter().partition(|r| !r.errors.is_empty());
    let refused_count = refused.len();
    refused.truncate(super::PREVIEW_ROWS);
    let updates = good.iter().filter(|r| r.updates.is_some()).count();
    let new = good.len() - updates;
    let good = good.into_iter().take(super::PREVIEW_ROWS).collect();
    Ok(ImportPreview { id, file_name, total, new, updates, refused_count, refused, good, done })
}

/// Save a staged import's good rows, once: (firms added, firms updated).
pub async fn confirm(cx: &Ctx, id: i64) -> Result<(usize, usize), AppError> {
    let (file_name, mut rows, _) = staged(cx, id).await?;
    match_rows(&cx.state, &cx.user, &mut rows).await?;
    let at = db::now();
    let mut tx = cx.state.db.begin().await?;
    if !data::finish(&mut tx, id, at).await? {
        return Err(AppError::field("file", FieldCode::ImportDone));
    }
    let (mut added, mut updated) = (0, 0);
    // Another import saving the same firm at this moment: this one is refused whole, and its
    // importer confirms it again (it then updates the firm the other added).
    let clash = |e: sqlx::Error| if db::is_unique_violation(&e) { AppError::StaleVersion } else { e.into() };
    for r in rows.iter().filter(|r| r.errors.is_empty()) {
        let firm = match r.updates {
            Some(firm) => {
                data::update_from(&mut tx, firm, &r.firm, at).await?;
                updated += 1;
                firm
            }
            None => {
                let key = import::match_key(&r.firm.name, &r.firm.country);
                added += 1;
                data::insert(&mut tx, &r.firm, &key, cx.user.id, at).await.map_err(clash)?
            }
        };
        data::add_segments(&mut tx, firm, &r.firm.segment_ids).await?;
    }
    let changes = audit::Changes::new().set("file", &file_name).set("added", added).set("updated", updated);
    audit::record(&mut tx, cx.entry("target_firms_imported", "target_firm_import", id, changes)).await?;
    tx.commit().await?;
    Ok((added, updated))
}

/// Move a firm's approach on (its officer, an admin, or any officer while it has none): a
/// firm that became a project names it, a declined one says why.
pub async fn set_approach(cx: &Ctx, id: i64, version: i32, f: &ApproachForm) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let today = today();
    let mut v = Validator::default();
    let status = Approach::parse(&f.status);
    if status.is_none() {
        v.push(FieldError::new("status", FieldCode::UnknownApproach));
    }
    let project_id = match f.project_id.trim() {
        "" => None,
        raw => raw.parse::<i64>().ok().or_else(|| {
            v.push(FieldError::new("project_id", FieldCode::UnknownProject));
            None
        }),
    };
    let declined_reason = v.text("declined_reason", &f.declined_reason, false, 2000);
    let last_contact_on = v.optional_day("last_contact_on", &f.last_contact_on);
    if last_contact_on.is_some_and(|d| d > today) {
        v.push(FieldError::new("last_contact_on", FieldCode::DateInFuture));
    }
    let next_step = v.text("next_step", &f.next_step, false, 500);
    let next_step_on = v.optional_day("next_step_on", &f.next_step_on);
    match status {
        Some(Approach::BecameProject) => match project_id {
            // Not a number: refused above already.
            None if !f.project_id.trim().is_empty() => {}
            None => v.push(FieldError::new("project_id", FieldCode::UnknownProject)),
            Some(p) if !crate::projects::db::exists(&cx.state.db, p).await? => {
                v.push(FieldError::new("project_id", FieldCode::UnknownProject))
            }
            Some(_) => {}
        },
        Some(Approach::Declined) if declined_reason.is_empty() => {
            v.push(FieldError::new("declined_reason", FieldCode::ReasonRequired))
        }
        _ => {}
    }
    v.finish()?;
    let Some(status) = status else { return Err(AppError::Internal) };
    let fields = ApproachFields {
        status,
        project_id: if status == Approach::BecameProject { project_id } else { None },
        declined_reason: if status == Approach::Declined { &declined_reason } else { "" },
        last_contact_on,
        next_step: &next_step,
        next_step_on,
    };
    let mut tx = cx.state.db.begin().await?;
    let firm = data::get_in(&mut tx, id, today).await?.ok_or(AppError::NotFound)?;
    if !may_change(&cx.user, &firm) {
        return Err(AppError::Forbidden);
    }
    if !data::set_approach(&mut tx, id, version, &fields, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .set("status", status.as_str())
        .set("project_id", fields.project_id)
        .set("next_step_on", next_step_on)
        .set("last_contact_on", last_contact_on);
    audit::record(&mut tx, cx.entry("target_firm_approach_changed", "target_firm", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
