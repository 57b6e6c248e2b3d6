//! Project rules (server only): validation, the stage moves with their reasons and the review
//! gate before a signing, each change audited in its transaction.

use super::db::{self as data, Fields, NewMove, ProjectRow};
use super::{
    blocking_aspects, Aspect, CapitalKind, Project, ProjectFilter, ProjectForm, ProjectPage, Review, ReviewEntry,
    Source, Stage, Wan,
};
use crate::auth::{may_work_on_project, project_scope, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::domain::{office_today, Country, CreditCode};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::NaiveDate;

/// Projects on one page of the register.
pub const PER_PAGE: i64 = 50;

/// One page of the register.
pub async fn list(state: &ServerState, user: &SessionUser, f: &ProjectFilter) -> Result<ProjectPage, AppError> {
    let (items, total, total_investment) = data::page(&state.db, f, user, PER_PAGE).await?;
    Ok(ProjectPage {
        items: crate::codec::DrawnRows::new(items),
        total,
        page: f.page,
        per_page: PER_PAGE,
        total_investment,
    })
}

/// A project with its log, its reviews, and what the reader may do with it.
pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<Project, AppError> {
    let row = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if project_scope(user).is_some_and(|county| row.summary.county_id != Some(county)) {
        return Err(AppError::Forbidden);
    }
    let reviews = data::reviews(&state.db, id).await?;
    let checks = super::checks::data::of_project(&state.db, id).await?;
    let editable = may_work_on_project(user, row.summary.officer_id, row.summary.county_id);
    let stage = row.summary.stage;
    let next_stages = if editable {
        Stage::ALL.into_iter().filter(|to| stage.move_to(*to, row.details.dropped_from).is_some()).collect()
    } else {
        Vec::new()
    };
    Ok(Project {
        blocking: blocking_aspects(&as_reviews(&reviews)),
        moves: data::moves(&state.db, id).await?,
        capital: super::capital::data::months(&state.db, id).await?,
        next_check_on: match stage {
            Stage::Started => {
                let interval = super::checks::data::interval_days(&state.db).await?;
                let last = checks.first().map(|c| c.checked_on);
                Some(super::checks::next_check(row.summary.stage_on, last, interval))
            }
            _ => None,
        },
        checks,
        reviews,
        next_stages,
        editable,
        reads_delegations: crate::auth::allows(user.role, Action::ReadDelegations),
        details: row.details,
        summary: row.summary,
    })
}

fn as_reviews(entries: &[ReviewEntry]) -> Vec<Review> {
    entries.iter().map(|r| Review { aspect: r.aspect, passed: r.passed, reviewed_on: r.reviewed_on }).collect()
}

struct Valid {
    name: String,
    investor: String,
    investor_country: String,
    investor_province: String,
    industry_chain_id: Option<i64>,
    county_id: Option<i64>,
    park: String,
    total_investment: Wan,
    capital_kind: CapitalKind,
    source: Source,
    event_id: Option<i64>,
    enterprise_id: Option<i64>,
    enclave_partner: String,
    enclave_share_pct: Option<i32>,
    leader_id: Option<i64>,
    notes: String,
    delegation_outcome_id: Option<i64>,
    sub_chain_id: Option<i64>,
}

impl Valid {
    fn fields(&self) -> Fields<'_> {
        Fields {
            name: &self.name,
            investor: &self.investor,
            investor_country: &self.investor_country,
            investor_province: &self.investor_province,
            industry_chain_id: self.industry_chain_id,
            county_id: self.county_id,
            park: &self.park,
            total_investment: self.total_investment,
            capital_kind: self.capital_kind,
            source: self.source,
            event_id: self.event_id,
            enterprise_id: self.enterprise_id,
            enclave_partner: &self.enclave_partner,
            enclave_share_pct: self.enclave_share_pct,
            leader_id: self.leader_id,
            notes: &self.notes,
            delegation_outcome_id: self.delegation_outcome_id,
            sub_chain_id: self.sub_chain_id,
        }
    }
}

/// An id from a form that must name one of `known`'s rows.
pub(super) fn known_id(v: &mut Validator, field: &str, raw: &str, known: &[i64], code: FieldCode) -> Option<i64> {
    match raw.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) if known.contains(&id) => Some(id),
            _ => {
                v.push(FieldError::new(field, code));
                None
            }
        },
    }
}

/// Where the project is built: its county and park, and for a flying-enclave project the
/// partner county and its share of the revenue (both or neither).
async fn place(
    v: &mut Validator,
    state: &ServerState,
    f: &ProjectForm,
) -> Result<(Option<i64>, String, String, Option<i32>), AppError> {
    let county_id = v
        .existing_id("county_id", &f.county_id, FieldCode::UnknownCounty, async |id| {
            super::counties::data::exists(&state.db, id).await
        })
        .await?;
    let park = v.text("park", &f.park, false, 100);
    let enclave_partner = v.text("enclave_partner", &f.enclave_partner, false, 100);
    let share = match f.enclave_share_pct.trim() {
        "" => None,
        raw => match raw.trim_end_matches('%').trim().parse::<i32>() {
            Ok(pct) if (0..=100).contains(&pct) => Some(pct),
            _ => {
                v.push(FieldError::new("enclave_share_pct", FieldCode::InvalidShare));
                None
            }
        },
    };
    // One without the other: a partner county with no share, or a share for nobody.
    if enclave_partner.is_empty() != f.enclave_share_pct.trim().is_empty() {
        v.push(FieldError::new("enclave_partner", FieldCode::EnclaveNeedsBoth));
    }
    Ok((county_id, park, enclave_partner, share))
}

/// The chain and the sub-chain within it: a sub-chain of another chain than the one chosen is
/// refused; one chosen without a chain sets the chain.
async fn sub_chain(
    v: &mut Validator,
    state: &ServerState,
    f: &ProjectForm,
    chain: Option<i64>,
) -> Result<(Option<i64>, Option<i64>), AppError> {
    let raw = f.sub_chain_id.trim();
    if raw.is_empty() {
        return Ok((chain, None));
    }
    let found = match raw.parse::<i64>() {
        Ok(id) => super::chains::data::chain_of(&state.db, id).await?.map(|of| (id, of)),
        Err(_) => None,
    };
    match found {
        None => {
            v.push(FieldError::new("sub_chain_id", FieldCode::UnknownSubChain));
            Ok((chain, None))
        }
        Some((_, of)) if chain.is_some_and(|chain| chain != of) => {
            v.push(FieldError::new("sub_chain_id", FieldCode::SubChainOutsideChain));
            Ok((chain, None))
        }
        Some((id, of)) => Ok((Some(of), Some(id))),
    }
}

/// The delegation's investment lead a project came from, for a project whose source is a
/// delegation: an outcome of kind "lead" that no other project than `project_id` came from.
async fn lead_of(
    v: &mut Validator,
    state: &ServerState,
    f: &ProjectForm,
    source: Option<Source>,
    project_id: Option<i64>,
) -> Result<Option<i64>, AppError> {
    let raw = f.delegation_outcome_id.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    if source.is_some_and(|s| s != Source::Delegation) {
        v.push(FieldError::new("delegation_outcome_id", FieldCode::LeadNeedsDelegationSource));
        return Ok(None);
    }
    let found = match raw.parse::<i64>() {
        Ok(id) => data::delegation_lead(&state.db, id).await?,
        Err(_) => None,
    };
    match found {
        None => {
            v.push(FieldError::new("delegation_outcome_id", FieldCode::UnknownLead));
            Ok(None)
        }
        Some((_, Some(other))) if Some(other) != project_id => {
            v.push(FieldError::new("delegation_outcome_id", FieldCode::LeadTaken));
            Ok(None)
        }
        Some((lead, _)) => Ok(Some(lead.outcome_id)),
    }
}

async fn validate(
    state: &ServerState,
    f: &ProjectForm,
    event_optional: bool,
    project_id: Option<i64>,
) -> Result<Valid, AppError> {
    let mut v = Validator::default();
    let name = v.text("name", &f.name, true, 200);
    let investor = v.text("investor", &f.investor, true, 200);
    let investor_country = match f.investor_country.trim() {
        "" => String::new(),
        raw => v.check(Country::parse("investor_country", raw)).map(|c| c.code().to_string()).unwrap_or_default(),
    };
    let investor_province = v.text("investor_province", &f.investor_province, false, 50);
    let industry_chain_id = v
        .existing_id("industry_chain_id", &f.industry_chain_id, FieldCode::UnknownIndustryChain, async |id| {
            crate::enterprises::db::industry_chain_exists(&state.db, id).await
        })
        .await?;
    let (industry_chain_id, sub_chain_id) = sub_chain(&mut v, state, f, industry_chain_id).await?;
    let total_investment = Wan::parse_yi(&f.total_investment);
    if total_investment.is_none() {
        v.push(FieldError::new("total_investment", FieldCode::InvalidYiAmount));
    }
    let capital_kind = CapitalKind::parse(&f.capital_kind);
    if capital_kind.is_none() {
        v.push(FieldError::new("capital_kind", FieldCode::UnknownCapitalKind));
    }
    let source = Source::parse(&f.source);
    if source.is_none() {
        v.push(FieldError::new("source", FieldCode::UnknownSource));
    }
    let leaders: Vec<i64> =
        crate::enterprises::db::active_users_with_role(&state.db, "leader").await?.iter().map(|l| l.id).collect();
    let leader_id = known_id(&mut v, "leader_id", &f.leader_id, &leaders, FieldCode::UnknownOfficer);
    let notes = v.text("notes", &f.notes, false, 4000);
    let (county_id, park, enclave_partner, enclave_share_pct) = place(&mut v, state, f).await?;
    // The registered enterprise that carries the project, by its credit code.
    let enterprise_id = match f.credit_code.trim() {
        "" => None,
        raw => match v.check(CreditCode::parse("credit_code", raw)) {
            None => None,
            Some(code) => {
                let found = crate::enterprises::db::id_by_credit_code(&state.db, code.as_str()).await?;
                if found.is_none() {
                    v.push(FieldError::new("credit_code", FieldCode::EnterpriseNotFound));
                }
                found
            }
        },
    };
    // The event is kept only for a project that came from one, and such a project names it
    // (but for one registered from an event before events were recorded: `event_optional`).
    let event_id = match source {
        Some(Source::Event) => {
            let id = v
                .existing_id("event_id", &f.event_id, FieldCode::UnknownEvent, async |id| {
                    super::events::db::exists(&state.db, id).await
                })
                .await?;
            if id.is_none() && f.event_id.trim().is_empty() && !event_optional {
                v.push(FieldError::new("event_id", FieldCode::EventRequired));
            }
            id
        }
        _ => None,
    };
    let delegation_outcome_id = lead_of(&mut v, state, f, source, project_id).await?;
    v.finish()?;
    let (Some(total_investment), Some(capital_kind), Some(source)) = (total_investment, capital_kind, source) else {
        return Err(AppError::Internal);
    };
    Ok(Valid {
        name,
        investor,
        investor_country,
        investor_province,
        industry_chain_id,
        county_id,
        park,
        total_investment,
        capital_kind,
        source,
        event_id,
        enterprise_id,
        enclave_partner,
        enclave_share_pct,
        leader_id,
        notes,
        delegation_outcome_id,
        sub_chain_id,
    })
}

/// A county officer's project is built in their county: one that names none is placed there,
/// one that names another is refused.
fn keep_in_scope(user: &SessionUser, valid: &mut Valid) -> Result<(), AppError> {
    match (project_scope(user), valid.county_id) {
        (Some(own), None) => valid.county_id = Some(own),
        (Some(own), Some(named)) if named != own => return Err(AppError::field("county_id", FieldCode::OutsideCounty)),
        _ => {}
    }
    Ok(())
}

fn today() -> NaiveDate {
    office_today(db::now())
}

/// Register a project, as a lead or in negotiation (a signing comes after its review), on the
/// day it reached that stage (today unless given); the officer who registers it follows it.
pub async fn create(cx: &Ctx, f: &ProjectForm) -> Result<i64, AppError> {
    cx.permit(Action::ManageProjects)?;
    // The stage and its day are checked with the rest, so that every error shows at once.
    let mut v = Validator::default();
    let stage = match f.stage.trim() {
        "" => Some(Stage::Lead),
        raw => Stage::parse(raw).filter(|s| matches!(s, Stage::Lead | Stage::Negotiating)),
    };
    if stage.is_none() {
        v.push(FieldError::new("stage", FieldCode::UnknownStage));
    }
    let since = v.optional_day("since", &f.since).unwrap_or_else(today);
    if since > today() {
        v.push(FieldError::new("since", FieldCode::DateInFuture));
    }
    let mut valid = match (validate(&cx.state, f, false, None).await, v.finish()) {
        (Ok(valid), Ok(())) => valid,
        (Err(AppError::Invalid(mut errors)), Err(AppError::Invalid(more))) => {
            errors.extend(more);
            return Err(AppError::Invalid(errors));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let stage = stage.ok_or(AppError::Internal)?;
    keep_in_scope(&cx.user, &mut valid)?;
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &valid.fields(), stage, since, cx.user.id, db::now()).await.map_err(lead_taken)?;
    let changes = audit::Changes::new()
        .set("name", &valid.name)
        .set("investor", &valid.investor)
        .set("total_investment_wan", valid.total_investment.0)
        .set("stage", stage.as_str())
        .set("since", since);
    let changes = match valid.delegation_outcome_id {
        Some(lead) => changes.set("delegation_outcome_id", lead),
        None => changes,
    };
    audit::record(&mut tx, cx.entry("project_registered", "project", id, changes)).await?;
    tx.commit().await?;
    Ok(id)
}

/// A write that met another project registered from the same lead at the same moment (the
/// unique index on `delegation_outcome_id`): the error the check before it gives.
fn lead_taken(e: sqlx::Error) -> AppError {
    if crate::db::is_unique_violation(&e) {
        AppError::field("delegation_outcome_id", FieldCode::LeadTaken)
    } else {
        e.into()
    }
}

/// The project if the reader may work on it: its own officer, its county's officer, or an
/// admin.
fn workable(cx: &Ctx, row: &ProjectRow) -> Result<(), AppError> {
    if may_work_on_project(&cx.user, row.summary.officer_id, row.summary.county_id) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &ProjectForm) -> Result<(), AppError> {
    cx.permit(Action::ManageProjects)?;
    let saved = data::get(&cx.state.db, id).await?.ok_or(AppError::NotFound)?;
    let event_optional = saved.details.source == Source::Event && saved.details.event_id.is_none();
    let mut valid = validate(&cx.state, f, event_optional, Some(id)).await?;
    // The page does not send the enterprise's code back: a form without one keeps the link.
    if f.credit_code.trim().is_empty() {
        valid.enterprise_id = saved.details.enterprise_id;
    }
    keep_in_scope(&cx.user, &mut valid)?;
    let mut tx = cx.state.db.begin().await?;
    let before = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    workable(cx, &before)?;
    if before.details.version != version
        || !data::update(&mut tx, id, version, &valid.fields(), before.details.event_id, db::now())
            .await
            .map_err(lead_taken)?
    {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("name", before.summary.name.as_str(), valid.name.as_str())
        .diff("investor", before.summary.investor.as_str(), valid.investor.as_str())
        .diff("total_investment_wan", before.summary.total_investment.0, valid.total_investment.0)
        .diff("capital_kind", before.summary.capital_kind.as_str(), valid.capital_kind.as_str())
        .diff("industry_chain_id", before.summary.industry_chain_id, valid.industry_chain_id)
        .diff("sub_chain_id", before.details.sub_chain_id, valid.sub_chain_id)
        .diff("source", before.details.source.as_str(), valid.source.as_str())
        .diff("event_id", before.details.event_id, valid.event_id)
        .diff("delegation_outcome_id", before.details.lead.as_ref().map(|l| l.outcome_id), valid.delegation_outcome_id)
        .diff("enterprise_id", before.details.enterprise_id, valid.enterprise_id)
        .diff("county_id", before.summary.county_id, valid.county_id)
        .diff("park", before.details.park.as_str(), valid.park.as_str())
        .diff("enclave_partner", before.details.enclave_partner.as_str(), valid.enclave_partner.as_str())
        .diff("enclave_share_pct", before.details.enclave_share_pct, valid.enclave_share_pct)
        .diff("leader_id", before.details.leader_id, valid.leader_id);
    if !changes.is_empty() {
        audit::record(&mut tx, cx.entry("project_updated", "project", id, changes)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Move the project to another stage on a day (today unless given; never after today). A
/// move back, a drop and a reopening need the mover's reason; a signing needs each of the
/// three reviews passed.
pub async fn move_stage(
    cx: &Ctx,
    id: i64,
    version: i32,
    to: &str,
    moved_on: &str,
    reason: &str,
) -> Result<(), AppError> {
    cx.permit(Action::ManageProjects)?;
    let reason = reason.trim();
    let mut v = Validator::default();
    let to = Stage::parse(to);
    if to.is_none() {
        v.push(FieldError::new("to_stage", FieldCode::UnknownStage));
    }
    let on = v.optional_day("moved_on", moved_on).unwrap_or_else(today);
    if on > today() {
        v.push(FieldError::new("moved_on", FieldCode::DateInFuture));
    }
    let reason = v.text("reason", reason, false, 2000);
    v.finish()?;
    let to = to.ok_or(AppError::Internal)?;
    let mut tx = cx.state.db.begin().await?;
    let row = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    workable(cx, &row)?;
    if row.details.version != version {
        return Err(AppError::StaleVersion);
    }
    let from = row.summary.stage;
    let kind = from
        .move_to(to, row.details.dropped_from)
        .ok_or_else(|| AppError::field("to_stage", FieldCode::StageNotAllowed))?;
    if kind.needs_reason() && reason.is_empty() {
        return Err(AppError::field("reason", FieldCode::MoveNeedsReason));
    }
    if on < row.summary.stage_on {
        // The log runs forward: a move is not dated before the one it follows.
        return Err(AppError::field("moved_on", FieldCode::InvalidDate));
    }
    if to == Stage::Signed {
        let blocking = blocking_aspects(&as_reviews(&data::reviews_in(&mut tx, id).await?));
        if !blocking.is_empty() {
            return Err(AppError::field("to_stage", FieldCode::ReviewsPending));
        }
    }
    let m = NewMove { project_id: id, from: Some(from), to, on, reason: &reason, by: cx.user.id };
    if !data::move_stage(&mut tx, version, &m, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("stage", from.as_str(), to.as_str())
        .fact("moved_on", on)
        .fact("reason", reason.as_str());
    audit::record(&mut tx, cx.entry("project_stage_moved", "project", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// Record one review of one aspect before the signing. A failed review stays on the record;
/// it is cleared only by a later one that passes.
pub async fn add_review(
    cx: &Ctx,
    id: i64,
    aspect: &str,
    passed: &str,
    finding: &str,
    reviewed_on: &str,
) -> Result<(), AppError> {
    cx.permit(Action::ManageProjects)?;
    let mut v = Validator::default();
    let aspect = Aspect::parse(aspect);
    if aspect.is_none() {
        v.push(FieldError::new("aspect", FieldCode::UnknownAspect));
    }
    let passed = match passed.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => {
            v.push(FieldError::new("passed", FieldCode::Required));
            None
        }
    };
    let finding = v.text("finding", finding, true, 4000);
    let reviewed_on = v.optional_day("reviewed_on", reviewed_on).unwrap_or_else(today);
    if reviewed_on > today() {
        v.push(FieldError::new("reviewed_on", FieldCode::DateInFuture));
    }
    v.finish()?;
    let (Some(aspect), Some(passed)) = (aspect, passed) else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    let row = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    workable(cx, &row)?;
    if row.summary.stage.is_signed() {
        // Reviewed before the signing; after it, a finding is a note or a health check.
        return Err(AppError::field("aspect", FieldCode::ReviewsClosed));
    }
    let review = ReviewEntry { aspect, passed, finding, reviewed_on, reviewer: None };
    let review_id = data::insert_review(&mut tx, id, &review, cx.user.id, db::now()).await?;
    let changes = audit::Changes::new()
        .fact("review_id", review_id)
        .fact("aspect", aspect.as_str())
        .fact("passed", passed)
        .fact("reviewed_on", reviewed_on);
    audit::record(&mut tx, cx.entry("project_reviewed", "project", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
