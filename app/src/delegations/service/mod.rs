//! Delegation rules (server only): validation, who may change what, and each change written
//! with its audit entry in one transaction. Here the delegation itself (its fields, members,
//! status, outcomes, the page's whole view of it and the yearly figures); each sub-area's
//! rules in its own file, re-exported here: `itinerary` (items, the double-booking check made
//! under the resources' booking locks, sending the programme), `resources`, `gifts`, `rules`
//! (the mission rules) and `calendar` (the calendar and the personal feeds).

pub mod calendar;
pub mod gifts;
pub mod itinerary;
pub mod resources;
pub mod rules;

pub use self::calendar::*;
pub use self::gifts::*;
pub use self::itinerary::*;
pub use self::resources::*;
pub use self::rules::*;

use super::{
    breaches, language_gaps, Delegation, DelegationForm, DelegationStatus, Direction, LanguageGap, Member, MemberForm,
    OutcomeKind, Statistics,
};
use crate::auth::{Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::delegations::db::{self as data, DelegationRow, Fields, NewMember};
use crate::domain::{mask_passport, Country, CreditCode, Locale, PassportNumber};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::{Duration, NaiveDate};

/// The statuses this user may move a delegation to. Sending a mission abroad needs a
/// leader's approval; every other move is the protocol officers'.
pub fn allowed_moves(user: &SessionUser, d: &DelegationRow) -> Vec<DelegationStatus> {
    d.status
        .next()
        .iter()
        .copied()
        .filter(|to| {
            let approval = *to == DelegationStatus::Approved
                && d.status == DelegationStatus::Draft
                && d.direction == Direction::Outgoing;
            if approval {
                crate::auth::allows(user.role, Action::ApproveMissions)
            } else {
                crate::auth::allows(user.role, Action::PlanDelegations)
            }
        })
        .collect()
}

fn travel(state: &ServerState) -> Duration {
    Duration::from_std(state.settings.travel_buffer).unwrap_or_else(|_| Duration::zero())
}

fn language(v: &mut Validator, field: &str, raw: &str) -> Option<Locale> {
    let l = Locale::parse(raw.trim()).filter(|l| l.tag() == raw.trim());
    if l.is_none() {
        v.push(FieldError::new(field, FieldCode::UnknownLocale));
    }
    l
}

struct Valid {
    direction: Direction,
    title: String,
    organisation: String,
    countries: String,
    purpose: String,
    language: Locale,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
}

impl Valid {
    fn fields(&self) -> Fields<'_> {
        Fields {
            direction: self.direction,
            title: &self.title,
            organisation: &self.organisation,
            countries: &self.countries,
            purpose: &self.purpose,
            language: self.language,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        }
    }
}

fn validate(f: &DelegationForm) -> Result<Valid, AppError> {
    let mut v = Validator::default();
    let direction = Direction::parse(&f.direction);
    if direction.is_none() {
        v.push(FieldError::new("direction", FieldCode::UnknownDirection));
    }
    let title = v.text("title", &f.title, true, 200);
    let organisation = v.text("organisation", &f.organisation, false, 200);
    let mut countries: Vec<&'static str> = Vec::new();
    for raw in f.countries.iter().filter(|c| !c.trim().is_empty()) {
        if let Some(c) = v.check(Country::parse("countries", raw)) {
            if !countries.contains(&c.code()) {
                countries.push(c.code());
            }
        }
    }
    if countries.is_empty() && f.countries.iter().all(|c| c.trim().is_empty()) {
        v.push(FieldError::new("countries", FieldCode::Required));
    }
    let purpose = v.text("purpose", &f.purpose, false, 4000);
    let language = language(&mut v, "language", &f.language);
    let starts_on = v.day("starts_on", &f.starts_on);
    let ends_on = v.day("ends_on", &f.ends_on);
    if let (Some(s), Some(e)) = (starts_on, ends_on) {
        if e < s {
            v.push(FieldError::new("ends_on", FieldCode::EndsBeforeStart));
        }
    }
    v.finish()?;
    match (direction, language, starts_on, ends_on) {
        (Some(direction), Some(language), Some(starts_on), Some(ends_on)) => Ok(Valid {
            direction,
            title,
            organisation,
            countries: countries.join(","),
            purpose,
            language,
            starts_on,
            ends_on,
        }),
        _ => Err(AppError::Internal),
    }
}

/// Register a delegation; the protocol officer who does is responsible for it.
pub async fn create(cx: &Ctx, f: &DelegationForm) -> Result<i64, AppError> {
    cx.permit(Action::PlanDelegations)?;
    let v = validate(f)?;
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &v.fields(), cx.user.id, db::now()).await?;
    let changes = audit::Changes::new()
        .set("direction", v.direction.as_str())
        .set("title", &v.title)
        .set("countries", &v.countries)
        .set("language", v.language.tag())
        .set("starts_on", v.starts_on)
        .set("ends_on", v.ends_on);
    audit::record(&mut tx, cx.entry("delegation_created", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &DelegationForm) -> Result<(), AppError> {
    cx.permit(Action::PlanDelegations)?;
    let v = validate(f)?;
    let mut tx = cx.state.db.begin().await?;
    let before = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if before.version != version || !data::update(&mut tx, id, version, &v.fields(), db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("direction", before.direction.as_str(), v.direction.as_str())
        .diff("title", before.title.as_str(), v.title.as_str())
        .diff("organisation", before.organisation.as_str(), v.organisation.as_str())
        .diff("countries", before.countries.join(",").as_str(), v.countries.as_str())
        .diff("purpose", before.purpose.as_str(), v.purpose.as_str())
        .diff("language", before.language.tag(), v.language.tag())
        .diff("starts_on", before.starts_on, v.starts_on)
        .diff("ends_on", before.ends_on, v.ends_on);
    if !changes.is_empty() {
        audit::record(&mut tx, cx.entry("delegation_updated", "delegation", id, changes)).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn add_member(cx: &Ctx, id: i64, f: &MemberForm) -> Result<i64, AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut v = Validator::default();
    let passport_name = v.text("passport_name", &f.passport_name, true, 200);
    let chinese_name = v.text("chinese_name", &f.chinese_name, false, 100);
    let title = v.text("member_title", &f.member_title, false, 200);
    let organisation = v.text("member_organisation", &f.member_organisation, false, 200);
    let language = language(&mut v, "member_language", &f.member_language);
    let dietary = v.text("dietary", &f.dietary, false, 300);
    let passport = if f.passport_number.trim().is_empty() {
        None
    } else {
        v.check(PassportNumber::parse("passport_number", &f.passport_number))
    };
    v.finish()?;
    let language = language.ok_or(AppError::Internal)?;
    let mut tx = cx.state.db.begin().await?;
    data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let member = NewMember {
        delegation_id: id,
        passport_name: &passport_name,
        chinese_name: &chinese_name,
        title: &title,
        organisation: &organisation,
        language,
        dietary: &dietary,
        passport_number: passport.as_ref().map(|p| p.as_str()).unwrap_or(""),
    };
    let now = db::now();
    let member_id = data::insert_member(&mut tx, &member, now).await?;
    data::touch(&mut tx, id, now).await?;
    // The passport number is personal data: the audit records that one was given, not which.
    let changes = audit::Changes::new()
        .fact("member_id", member_id)
        .fact("passport_name", &passport_name)
        .fact("passport_number_given", passport.is_some());
    audit::record(&mut tx, cx.entry("delegation_member_added", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(member_id)
}

pub async fn remove_member(cx: &Ctx, id: i64, member_id: i64) -> Result<(), AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut tx = cx.state.db.begin().await?;
    let name = data::delete_member(&mut tx, id, member_id).await?.ok_or(AppError::NotFound)?;
    data::touch(&mut tx, id, db::now()).await?;
    let changes = audit::Changes::new().fact("member_id", member_id).fact("passport_name", name);
    audit::record(&mut tx, cx.entry("delegation_member_removed", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// Move the delegation on. Confirming a programme whose resources are double-booked needs
/// the officer's written reason, which is kept and audited; cancelling needs a reason too.
pub async fn change_status(cx: &Ctx, id: i64, version: i32, to: &str, reason: &str) -> Result<(), AppError> {
    let reason = reason.trim();
    let mut tx = cx.state.db.begin().await?;
    let d = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let to =
        DelegationStatus::parse(to).ok_or_else(|| AppError::field("to_status", FieldCode::TransitionNotAllowed))?;
    if !d.status.may_move_to(to) {
        return Err(AppError::field("to_status", FieldCode::TransitionNotAllowed));
    }
    if !allowed_moves(&cx.user, &d).contains(&to) {
        return Err(AppError::Forbidden);
    }
    if d.version != version {
        return Err(AppError::StaleVersion);
    }
    if reason.chars().count() > 2000 {
        return Err(AppError::field("reason", FieldCode::TooLong));
    }
    let mut changes = audit::Changes::new().diff("status", d.status.as_str(), to.as_str());
    let mut override_reason = d.override_reason.clone();
    if to == DelegationStatus::Approved && d.status == DelegationStatus::Draft && d.direction == Direction::Outgoing {
        let rules = data::mission_rules_in(&mut tx).await?;
        let members = data::member_count_in(&mut tx, id).await?;
        let broken = breaches(&rules, d.direction, d.starts_on, d.ends_on, d.countries.len(), members as usize);
        if !broken.is_empty() {
            if reason.is_empty() {
                return Err(AppError::field("reason", FieldCode::MissionRulesBreached));
            }
            let rules: Vec<&str> = broken.iter().map(|b| b.rule.as_str()).collect();
            changes = changes.fact("justification", reason).fact("rules_breached", rules);
        }
    }
    if to == DelegationStatus::Confirmed {
        let found = itinerary::delegation_clashes(&cx.state, id).await?;
        if !found.is_empty() {
            if reason.is_empty() {
                return Err(AppError::field("reason", FieldCode::ClashesNeedOverride));
            }
            override_reason = reason.to_string();
            changes = changes.fact("override_reason", reason).fact("clashes", found.len());
        } else {
            override_reason.clear();
        }
    } else if to == DelegationStatus::Cancelled {
        if reason.is_empty() {
            return Err(AppError::field("reason", FieldCode::ReasonRequired));
        }
        changes = changes.fact("reason", reason);
    }
    if !data::set_status(&mut tx, id, version, to, &override_reason, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    audit::record(&mut tx, cx.entry("delegation_status_changed", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// The delegation with its members, itinerary, clashes and language gaps, as the signed-in
/// user may see it: passport numbers whole for the delegation's officer (each such view
/// audited), masked for everyone else.
pub async fn load(cx: &Ctx, id: i64) -> Result<Delegation, AppError> {
    assemble(&cx.state, &cx.user, id, Some(cx)).await
}

/// The same for documents that never show passport numbers (the printed programme, the
/// calendar file): every number masked, nothing audited.
pub async fn load_for_print(state: &ServerState, user: &SessionUser, id: i64) -> Result<Delegation, AppError> {
    crate::auth::permit(user, Action::ReadDelegations)?;
    assemble(state, user, id, None).await
}

/// The delegation as `user` sees it. With the request (`audited`), passport numbers are whole
/// for the delegation's officer and the view is audited; without, every number is masked.
async fn assemble(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    audited: Option<&Ctx>,
) -> Result<Delegation, AppError> {
    let d = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let whole_passports = audited.is_some() && d.officer_id == Some(user.id);
    let members: Vec<Member> = data::members(&state.db, id)
        .await?
        .into_iter()
        .map(|m| {
            let masked = !whole_passports && !m.passport_number.is_empty();
            Member {
                id: m.id,
                passport_name: m.passport_name,
                chinese_name: m.chinese_name,
                title: m.title,
                organisation: m.organisation,
                language: m.language,
                dietary: m.dietary,
                passport_number: if masked { mask_passport(&m.passport_number) } else { m.passport_number },
                passport_masked: masked,
            }
        })
        .collect();
    if let Some(cx) = audited.filter(|_| whole_passports && members.iter().any(|m| !m.passport_number.is_empty())) {
        let mut tx = state.db.begin().await?;
        let shown = members.iter().filter(|m| !m.passport_number.is_empty()).count();
        let changes = audit::Changes::new().fact("passport_numbers", shown);
        audit::record(&mut tx, cx.entry("personal_data_viewed", "delegation", id, changes)).await?;
        tx.commit().await?;
    }
    let items = itinerary::itinerary(state, id).await?;
    let language_gaps = items
        .iter()
        .flat_map(|i| language_gaps(i, &members).into_iter().map(|language| LanguageGap { item_id: i.id, language }))
        .collect();
    let clashes = itinerary::clashes_of(state, id, &items).await?;
    let gifts = data::gifts(&state.db, id).await?;
    let outcomes = data::outcomes(&state.db, id).await?;
    let breaches = if d.direction == Direction::Outgoing && d.status == DelegationStatus::Draft {
        let rules = data::mission_rules(&state.db).await?;
        breaches(&rules, d.direction, d.starts_on, d.ends_on, d.countries.len(), members.len())
    } else {
        Vec::new()
    };
    Ok(Delegation {
        next_statuses: allowed_moves(user, &d),
        editable: crate::auth::allows(user.role, Action::PlanDelegations),
        reads_projects: crate::auth::allows(user.role, Action::ReadProjects),
        registers_projects: crate::auth::allows(user.role, Action::ManageProjects),
        opens_leads: crate::auth::allows(user.role, Action::WorkPromotion),
        id: d.id,
        direction: d.direction,
        title: d.title,
        organisation: d.organisation,
        countries: d.countries,
        purpose: d.purpose,
        language: d.language,
        starts_on: d.starts_on,
        ends_on: d.ends_on,
        status: d.status,
        officer_id: d.officer_id,
        officer_name: d.officer_name,
        override_reason: d.override_reason,
        version: d.version,
        members,
        items,
        clashes,
        language_gaps,
        gifts,
        outcomes,
        breaches,
    })
}

/// Record an outcome of a delegation under way or completed, perhaps with the enterprise it
/// concerns (by credit code).
pub async fn add_outcome(cx: &Ctx, id: i64, kind: &str, description: &str, credit_code: &str) -> Result<i64, AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut v = Validator::default();
    let kind = OutcomeKind::parse(kind);
    if kind.is_none() {
        v.push(FieldError::new("outcome_kind", FieldCode::UnknownOutcomeKind));
    }
    let description = v.text("outcome_description", description, true, 2000);
    let code =
        if credit_code.trim().is_empty() { None } else { v.check(CreditCode::parse("credit_code", credit_code)) };
    v.finish()?;
    let kind = kind.ok_or(AppError::Internal)?;
    let mut tx = cx.state.db.begin().await?;
    let d = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !matches!(d.status, DelegationStatus::InProgress | DelegationStatus::Completed) {
        return Err(AppError::field("outcome_kind", FieldCode::OutcomeTooEarly));
    }
    let enterprise = match &code {
        Some(c) => Some(
            crate::enterprises::db::by_credit_code_in(&mut tx, c.as_str())
                .await?
                .map(|(e, _)| e)
                .ok_or_else(|| AppError::field("credit_code", FieldCode::EnterpriseNotFound))?,
        ),
        None => None,
    };
    let now = db::now();
    let outcome = data::insert_outcome(&mut tx, id, kind, &description, enterprise, cx.user.id, now).await?;
    data::touch(&mut tx, id, now).await?;
    let changes = audit::Changes::new()
        .fact("outcome_id", outcome)
        .fact("kind", kind.as_str())
        .fact("description", &description)
        .fact("enterprise_id", enterprise);
    audit::record(&mut tx, cx.entry("delegation_outcome_recorded", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// One year's delegations and people, in total, by month and by country.
pub async fn statistics(state: &ServerState, year: i32) -> Result<Statistics, AppError> {
    if !(2000..=2100).contains(&year) {
        return Err(AppError::field("year", FieldCode::InvalidNumber));
    }
    Ok(super::statistics(year, &data::counted(&state.db, year).await?))
}
