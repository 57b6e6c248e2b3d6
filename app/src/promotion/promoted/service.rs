//! The promoted projects' rules (server only): each written in Chinese at least, placed on a
//! sub-chain (and a segment of that sub-chain's map), with one officer to contact; only its
//! officer or an admin changes and publishes it. An investor's interest, checked by the portal
//! with its protections, becomes a lead of the project's officer (`receive_interest`).

use super::db::{self as data, Fields};
use super::{
    Conversion, Cooperation, Enquiry, PromotedFilter, PromotedForm, PromotedPage, PromotedProject, PromotedStatus,
    PromotedView,
};
use crate::auth::{allows, may_work_on, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::domain::Role;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::projects::Wan;
use crate::promotion::leads::db::NewLead;
use crate::promotion::leads::LeadSource;
use crate::promotion::Written;
use crate::state::ServerState;

pub async fn list(state: &ServerState, f: &PromotedFilter) -> Result<PromotedPage, AppError> {
    let page = crate::error::page_number(f.page)?;
    let (items, total) = data::page(&state.db, f, super::PER_PAGE).await?;
    Ok(PromotedPage { items, total, page, per_page: super::PER_PAGE })
}

/// The published projects, for the portal (whatever status the filter asks for).
pub async fn public_list(state: &ServerState, f: &PromotedFilter) -> Result<PromotedPage, AppError> {
    list(state, &PromotedFilter { status: Some(PromotedStatus::Published), ..f.clone() }).await
}

/// A published project, for the portal; a draft is not found.
pub async fn public_load(state: &ServerState, id: i64) -> Result<PromotedProject, AppError> {
    data::get(&state.db, id).await?.filter(|p| p.status == PromotedStatus::Published).ok_or(AppError::NotFound)
}

pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<PromotedView, AppError> {
    let project = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let conversion: Conversion = data::conversion(&state.db, id).await?;
    let brochures = data::brochures_of(&state.db, id).await?;
    let editable = allows(user.role, Action::WorkPromotion) && may_work_on(user, Some(project.officer_id));
    Ok(PromotedView { project, conversion, brochures, editable })
}

/// How many promoted projects aim at each segment of a sub-chain (for its map).
pub async fn per_segment(state: &ServerState, sub_chain_id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(data::per_segment(&state.db, sub_chain_id).await?)
}

struct Valid {
    title: Written,
    description: Written,
    offer: Written,
    sub_chain_id: i64,
    segment_id: Option<i64>,
    county_id: Option<i64>,
    investment: Wan,
    land_mu: Option<i64>,
    cooperation: Cooperation,
    officer_id: i64,
}

impl Valid {
    fn fields(&self) -> Fields<'_> {
        Fields {
            title: &self.title,
            description: &self.description,
            offer: &self.offer,
            sub_chain_id: self.sub_chain_id,
            segment_id: self.segment_id,
            county_id: self.county_id,
            investment: self.investment,
            land_mu: self.land_mu,
            cooperation: self.cooperation,
            officer_id: self.officer_id,
        }
    }
}

fn written(v: &mut Validator, field: &str, raw: [&str; 3], required: bool, max: usize) -> Written {
    Written {
        zh: v.text(&format!("{field}_zh"), raw[0], required, max),
        en: v.text(&format!("{field}_en"), raw[1], false, max),
        fr: v.text(&format!("{field}_fr"), raw[2], false, max),
    }
}

/// The project's officer: an officer's own (they register projects for themselves), any
/// liaison officer an admin names, or the one it has when the form names none.
async fn officer(cx: &Ctx, v: &mut Validator, raw: &str, current: Option<i64>) -> Result<Option<i64>, AppError> {
    let mine = (cx.user.role == Role::LiaisonOfficer).then_some(cx.user.id);
    Ok(match raw.trim() {
        "" => match current.or(mine) {
            Some(id) => Some(id),
            None => {
                v.push(FieldError::new("officer_id", FieldCode::Required));
                None
            }
        },
        raw => {
            let officers = crate::enterprises::db::active_users_with_role(&cx.state.db, "liaison_officer").await?;
            match raw.parse::<i64>() {
                Ok(id) if Some(id) == mine || (id == current.unwrap_or(0) && mine.is_none()) => Some(id),
                Ok(id) if cx.user.role == Role::Admin && officers.iter().any(|o| o.id == id) => Some(id),
                _ => {
                    v.push(FieldError::new("officer_id", FieldCode::UnknownOfficer));
                    None
                }
            }
        }
    })
}

async fn validate(cx: &Ctx, f: &PromotedForm, current_officer: Option<i64>) -> Result<Valid, AppError> {
    let db = &cx.state.db;
    let mut v = Validator::default();
    let title = written(&mut v, "title", [&f.title_zh, &f.title_en, &f.title_fr], true, 300);
    let description =
        written(&mut v, "description", [&f.description_zh, &f.description_en, &f.description_fr], true, 6000);
    let offer = written(&mut v, "offer", [&f.offer_zh, &f.offer_en, &f.offer_fr], false, 4000);
    let subs = cx.state.reference.get_or_load("sub_chains", || crate::projects::chains::data::all(db)).await?;
    let sub_chain_id = match f.sub_chain_id.trim().parse::<i64>().ok().filter(|id| subs.iter().any(|s| s.id == *id)) {
        Some(id) => Some(id),
        None if f.sub_chain_id.trim().is_empty() => {
            v.push(FieldError::new("sub_chain_id", FieldCode::Required));
            None
        }
        None => {
            v.push(FieldError::new("sub_chain_id", FieldCode::UnknownSubChain));
            None
        }
    };
    let segment_id = match f.segment_id.trim() {
        "" => None,
        raw => {
            let segment = match raw.parse::<i64>() {
                Ok(id) => crate::promotion::chain_maps::db::segment(db, id).await?,
                Err(_) => None,
            };
            match segment {
                None => {
                    v.push(FieldError::new("segment_id", FieldCode::UnknownSegment));
                    None
                }
                Some(s) if sub_chain_id.is_some_and(|sub| sub != s.sub_chain_id) => {
                    v.push(FieldError::new("segment_id", FieldCode::SegmentOutsideSubChain));
                    None
                }
                Some(s) => Some(s.id),
            }
        }
    };
    let county_id = v
        .existing_id("county_id", &f.county_id, FieldCode::UnknownCounty, async |id| {
            crate::projects::counties::data::exists(db, id).await
        })
        .await?;
    let investment = match f.investment.trim() {
        "" => {
            v.push(FieldError::new("investment", FieldCode::Required));
            None
        }
        raw => match Wan::parse_yi(raw).filter(|w| w.0 > 0) {
            Some(w) => Some(w),
            None => {
                v.push(FieldError::new("investment", FieldCode::InvalidYiAmount));
                None
            }
        },
    };
    let land_mu = match f.land_mu.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(mu) if (1..=1_000_000).contains(&mu) => Some(mu),
            _ => {
                v.push(FieldError::new("land_mu", FieldCode::InvalidNumber));
                None
            }
        },
    };
    let cooperation = Cooperation::parse(&f.cooperation);
    if cooperation.is_none() {
        v.push(FieldError::new("cooperation", FieldCode::UnknownCooperation));
    }
    let officer_id = officer(cx, &mut v, &f.officer_id, current_officer).await?;
    v.finish()?;
    let (Some(sub_chain_id), Some(investment), Some(cooperation), Some(officer_id)) =
        (sub_chain_id, investment, cooperation, officer_id)
    else {
        return Err(AppError::Internal);
    };
    Ok(Valid {
        title,
        description,
        offer,
        sub_chain_id,
        segment_id,
        county_id,
        investment,
        land_mu,
        cooperation,
        officer_id,
    })
}

fn changes(v: &Valid) -> audit::Changes {
    audit::Changes::new()
        .set("title_zh", &v.title.zh)
        .set("sub_chain_id", v.sub_chain_id)
        .set("segment_id", v.segment_id)
        .set("investment_wan", v.investment.0)
        .set("officer_id", v.officer_id)
}

/// Register a project, as a draft.
pub async fn create(cx: &Ctx, f: &PromotedForm) -> Result<i64, AppError> {
    cx.permit(Action::WorkPromotion)?;
    let valid = validate(cx, f, None).await?;
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &valid.fields(), cx.user.id, db::now()).await?;
    audit::record(&mut tx, cx.entry("promoted_project_registered", "promoted_project", id, changes(&valid))).await?;
    tx.commit().await?;
    Ok(id)
}

/// The project, when the reader may change it (its officer or an admin).
async fn mine(cx: &Ctx, tx: &mut db::Tx, id: i64) -> Result<PromotedProject, AppError> {
    let project = data::get_in(tx, id).await?.ok_or(AppError::NotFound)?;
    if may_work_on(&cx.user, Some(project.officer_id)) {
        Ok(project)
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &PromotedForm) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    // Validation reads the register outside the transaction (it needs the officer now in
    // charge); `mine` reads the project again under the transaction's lock before the write.
    let current = data::get(&cx.state.db, id).await?.ok_or(AppError::NotFound)?;
    let valid = validate(cx, f, Some(current.officer_id)).await?;
    let mut tx = cx.state.db.begin().await?;
    mine(cx, &mut tx, id).await?;
    if !data::update(&mut tx, id, version, &valid.fields(), db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    audit::record(&mut tx, cx.entry("promoted_project_updated", "promoted_project", id, changes(&valid))).await?;
    tx.commit().await?;
    Ok(())
}

/// Publish a project (the portal shows it) or take it back to a draft.
pub async fn set_status(cx: &Ctx, id: i64, version: i32, status: &str) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let Some(status) = PromotedStatus::parse(status) else {
        return Err(AppError::field("status", FieldCode::UnknownPromotedStatus));
    };
    let mut tx = cx.state.db.begin().await?;
    let project = mine(cx, &mut tx, id).await?;
    if project.status == status {
        return Ok(());
    }
    if !data::set_status(&mut tx, id, version, status, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let action = match status {
        PromotedStatus::Published => "promoted_project_published",
        PromotedStatus::Draft => "promoted_project_unpublished",
    };
    audit::record(&mut tx, cx.entry(action, "promoted_project", id, audit::Changes::new())).await?;
    tx.commit().await?;
    Ok(())
}

/// Keep an investor's interest in the published project `project` as a lead of its officer,
/// with the enquiry as sent, audited as the portal visitor's (`ip`), in the caller's
/// transaction (the portal's, which checked the form and queues the messages). The new
/// lead's id.
pub async fn receive_interest(
    tx: &mut db::Tx,
    project: &PromotedProject,
    enquiry: &Enquiry,
    answer_by: chrono::NaiveDate,
    ip: &str,
) -> Result<i64, AppError> {
    let lead = NewLead {
        title: &project.title.zh,
        investor: &enquiry.company,
        country: &enquiry.country,
        source: LeadSource::Portal,
        target_firm_id: None,
        officer_id: project.officer_id,
        next_step: "",
        next_step_on: Some(answer_by),
        promoted_project_id: Some(project.id),
        delegation_outcome_id: None,
    };
    // Received by its officer: a portal lead has no staff author of its own.
    let lead_id = crate::promotion::leads::db::insert(tx, &lead, project.officer_id, enquiry.created_at).await?;
    data::insert_enquiry(tx, lead_id, enquiry).await?;
    let changes = audit::Changes::new()
        .set("promoted_project_id", project.id)
        .set("officer_id", project.officer_id)
        .set("country", &enquiry.country);
    audit::record(tx, audit::Entry::applicant("interest_expressed", "lead", lead_id, changes, ip)).await?;
    Ok(lead_id)
}
