//! Delegation rules (server only): validation, who may change what, the double-booking check
//! made under the resources' booking locks, and each change written with its audit entry in
//! one transaction.

use super::{
    breaches, clashes, language_gaps, Activity, Clash, Delegation, DelegationStatus, Direction, GiftDirection, Item,
    LanguageGap, Member, MissionRules, OutcomeKind, Resource, ResourceKind, Slot, Statistics,
};
use crate::auth::SessionUser;
use crate::db::{self, audit, Tx};
use crate::delegations::db::{
    self as data, Booking, DelegationRow, Fields, NewGift, NewItem, NewMember, ResourceError,
};
use crate::domain::{mask_passport, office_time, Country, CreditCode, Locale, PassportNumber, Role};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

/// May this user plan delegations (create, edit, book)? Protocol officers and admins.
pub fn may_plan(user: &SessionUser) -> bool {
    matches!(user.role, Role::Admin | Role::ProtocolOfficer)
}

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
                matches!(user.role, Role::Admin | Role::Leader)
            } else {
                may_plan(user)
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

/// The delegation form as a browser sends it.
#[derive(Debug, Clone, Default)]
pub struct DelegationForm {
    pub direction: String,
    pub title: String,
    pub organisation: String,
    /// ISO codes, as the multiple country picker sends them.
    pub countries: Vec<String>,
    pub purpose: String,
    pub language: String,
    pub starts_on: String,
    pub ends_on: String,
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

fn entry<'a>(user: &SessionUser, action: &'a str, id: i64, changes: audit::Changes, ip: &'a str) -> audit::Entry<'a> {
    audit::Entry::by(user.id, action, "delegation", id, changes, ip)
}

/// Register a delegation; the protocol officer who does is responsible for it.
pub async fn create(state: &ServerState, user: &SessionUser, f: &DelegationForm, ip: &str) -> Result<i64, AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let v = validate(f)?;
    let mut tx = state.db.begin().await?;
    let id = data::insert(&mut tx, &v.fields(), user.id, db::now()).await?;
    let changes = audit::Changes::new()
        .set("direction", v.direction.as_str())
        .set("title", &v.title)
        .set("countries", &v.countries)
        .set("language", v.language.tag())
        .set("starts_on", v.starts_on)
        .set("ends_on", v.ends_on);
    audit::record(&mut tx, entry(user, "delegation_created", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    version: i32,
    f: &DelegationForm,
    ip: &str,
) -> Result<(), AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let v = validate(f)?;
    let mut tx = state.db.begin().await?;
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
        audit::record(&mut tx, entry(user, "delegation_updated", id, changes, ip)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A member as the form sends them.
#[derive(Debug, Clone, Default)]
pub struct MemberForm {
    pub passport_name: String,
    pub chinese_name: String,
    pub title: String,
    pub organisation: String,
    pub language: String,
    pub dietary: String,
    pub passport_number: String,
}

pub async fn add_member(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    f: &MemberForm,
    ip: &str,
) -> Result<i64, AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let passport_name = v.text("passport_name", &f.passport_name, true, 200);
    let chinese_name = v.text("chinese_name", &f.chinese_name, false, 100);
    let title = v.text("member_title", &f.title, false, 200);
    let organisation = v.text("member_organisation", &f.organisation, false, 200);
    let language = language(&mut v, "member_language", &f.language);
    let dietary = v.text("dietary", &f.dietary, false, 300);
    let passport = if f.passport_number.trim().is_empty() {
        None
    } else {
        v.check(PassportNumber::parse("passport_number", &f.passport_number))
    };
    v.finish()?;
    let language = language.ok_or(AppError::Internal)?;
    let mut tx = state.db.begin().await?;
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
    audit::record(&mut tx, entry(user, "delegation_member_added", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(member_id)
}

pub async fn remove_member(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    member_id: i64,
    ip: &str,
) -> Result<(), AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let name = data::delete_member(&mut tx, id, member_id).await?.ok_or(AppError::NotFound)?;
    data::touch(&mut tx, id, db::now()).await?;
    let changes = audit::Changes::new().fact("member_id", member_id).fact("passport_name", name);
    audit::record(&mut tx, entry(user, "delegation_member_removed", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

/// A resource as the form sends it.
#[derive(Debug, Clone, Default)]
pub struct ResourceForm {
    pub kind: String,
    pub name: String,
    /// Interpreters: the languages they work in besides Chinese (`languages[]`).
    pub languages: Vec<String>,
    pub details: String,
    pub email: String,
    pub language: String,
    pub user_id: String,
}

/// Add a venue, vehicle, interpreter or official to the bookable resources.
pub async fn add_resource(
    state: &ServerState,
    user: &SessionUser,
    f: &ResourceForm,
    ip: &str,
) -> Result<i64, AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let kind = ResourceKind::parse(&f.kind);
    if kind.is_none() {
        v.push(FieldError::new("kind", FieldCode::UnknownResourceKind));
    }
    let name = v.text("name", &f.name, true, 200);
    let details = v.text("details", &f.details, false, 1000);
    let mut tags: Vec<&'static str> = Vec::new();
    for raw in f.languages.iter().filter(|l| !l.trim().is_empty()) {
        match Locale::parse(raw.trim()).filter(|l| l.tag() == raw.trim() && *l != Locale::ZhCn) {
            Some(l) if !tags.contains(&l.tag()) => tags.push(l.tag()),
            Some(_) => {}
            None => v.push(FieldError::new("languages", FieldCode::UnknownLocale)),
        }
    }
    if kind == Some(ResourceKind::Interpreter) && tags.is_empty() {
        v.push(FieldError::new("languages", FieldCode::InterpreterNeedsLanguage));
    }
    let email = if f.email.trim().is_empty() { None } else { v.check(crate::domain::Email::parse("email", &f.email)) };
    let language =
        if f.language.trim().is_empty() { Some(Locale::ZhCn) } else { language(&mut v, "language", &f.language) };
    let user_id = match f.user_id.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) if crate::admin::db::users::get(&state.db, id).await?.is_some_and(|u| u.active) => Some(id),
            _ => {
                v.push(FieldError::new("user_id", FieldCode::UnknownOfficer));
                None
            }
        },
    };
    v.finish()?;
    let (Some(kind), Some(language)) = (kind, language) else { return Err(AppError::Internal) };
    let languages = if kind == ResourceKind::Interpreter { tags.join(",") } else { String::new() };
    let email = email.map(|e| e.as_str().to_string()).unwrap_or_default();
    let resource = data::NewResource {
        kind,
        name: &name,
        languages: &languages,
        details: &details,
        email: &email,
        language,
        user_id,
    };
    let mut tx = state.db.begin().await?;
    let id = data::insert_resource(&mut tx, &resource, db::now()).await.map_err(|e| match e {
        ResourceError::NameTaken => AppError::field("name", FieldCode::ResourceNameTaken),
        ResourceError::Db(e) => e.into(),
    })?;
    let changes = audit::Changes::new()
        .set("kind", kind.as_str())
        .set("name", &name)
        .set("languages", &languages)
        .set("email", &email)
        .set("language", language.tag())
        .set("user_id", user_id);
    audit::record(&mut tx, audit::Entry::by(user.id, "resource_added", "resource", id, changes, ip)).await?;
    tx.commit().await?;
    state.reference.clear();
    Ok(id)
}

/// Retire a resource (it takes the booking lock, so no booking of it is half-way).
pub async fn retire_resource(state: &ServerState, user: &SessionUser, id: i64, ip: &str) -> Result<(), AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let name = data::retire_resource(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let changes = audit::Changes::new().fact("name", name).diff("active", true, false);
    audit::record(&mut tx, audit::Entry::by(user.id, "resource_retired", "resource", id, changes, ip)).await?;
    tx.commit().await?;
    state.reference.clear();
    Ok(())
}

/// An itinerary item as the form sends it: a day and two times in office time.
#[derive(Debug, Clone, Default)]
pub struct ItemForm {
    pub day: String,
    pub starts: String,
    pub ends: String,
    pub activity: String,
    pub title_zh: String,
    pub title_foreign: String,
    pub venue_id: String,
    /// Vehicles, interpreters and officials (`resource_ids[]`).
    pub resource_ids: Vec<String>,
    pub participants: String,
    pub notes: String,
    /// The officer has seen the clashes and books anyway.
    pub accept_clashes: bool,
}

/// A day and a time in office time (Asia/Shanghai) as UTC.
pub fn office_instant(day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    let local = day.and_time(time);
    office_time(Utc::now()).offset().from_local_datetime(&local).single().map(|t| t.with_timezone(&Utc))
}

fn time(v: &mut Validator, field: &str, raw: &str) -> Option<NaiveTime> {
    match raw.trim() {
        "" => {
            v.push(FieldError::new(field, FieldCode::Required));
            None
        }
        s => NaiveTime::parse_from_str(s, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
            .map_err(|_| v.push(FieldError::new(field, FieldCode::InvalidTime)))
            .ok(),
    }
}

/// The clashes of a booking of `resource` at `slot` with `others` (its other bookings).
fn clashes_with(resource: &Resource, own_item: i64, slot: &Slot, others: &[Booking], travel: Duration) -> Vec<Clash> {
    others
        .iter()
        .filter(|b| b.item_id != own_item)
        .filter(|b| {
            let other = Slot { starts_at: b.starts_at, ends_at: b.ends_at, venue_id: b.venue_id };
            clashes(resource.kind, slot, &other, travel)
        })
        .map(|b| Clash {
            item_id: own_item,
            resource_id: resource.id,
            resource_name: resource.name.clone(),
            resource_kind: resource.kind,
            other_item_id: b.item_id,
            other_delegation_id: b.delegation_id,
            other_delegation_title: b.delegation_title.clone(),
            other_title: b.title_zh.clone(),
            other_starts_at: b.starts_at,
            other_ends_at: b.ends_at,
        })
        .collect()
}

/// Add an item to the itinerary. Its resources are locked first (in id order, so two
/// bookings never wait on each other), then checked for clashes: with clashes the item is
/// refused with them, unless the officer has seen them and books anyway. Returns the item
/// and the clashes it was booked with.
pub async fn add_item(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    f: &ItemForm,
    ip: &str,
) -> Result<(i64, Vec<Clash>), AppError> {
    save_item(state, user, id, None, f, ip).await
}

/// Change an item of the itinerary: the same checks as adding one, its own old bookings
/// aside.
pub async fn update_item(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    item_id: i64,
    f: &ItemForm,
    ip: &str,
) -> Result<(i64, Vec<Clash>), AppError> {
    save_item(state, user, id, Some(item_id), f, ip).await
}

async fn save_item(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    existing: Option<i64>,
    f: &ItemForm,
    ip: &str,
) -> Result<(i64, Vec<Clash>), AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let day = v.day("day", &f.day);
    let starts = time(&mut v, "starts", &f.starts);
    let ends = time(&mut v, "ends", &f.ends);
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            v.push(FieldError::new("ends", FieldCode::EndsBeforeStart));
        }
    }
    let activity = Activity::parse(&f.activity);
    if activity.is_none() {
        v.push(FieldError::new("activity", FieldCode::UnknownActivity));
    }
    let title_zh = v.text("title_zh", &f.title_zh, true, 200);
    let title_foreign = v.text("title_foreign", &f.title_foreign, false, 200);
    let participants = v.text("participants", &f.participants, false, 1000);
    let notes = v.text("item_notes", &f.notes, false, 2000);
    let venue_id = match f.venue_id.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                v.push(FieldError::new("venue_id", FieldCode::UnknownResource));
                None
            }
        },
    };
    let mut ids: Vec<i64> = Vec::new();
    for raw in f.resource_ids.iter().filter(|r| !r.trim().is_empty()) {
        match raw.trim().parse::<i64>() {
            Ok(n) => ids.push(n),
            Err(_) => v.push(FieldError::new("resource_ids", FieldCode::UnknownResource)),
        }
    }
    ids.extend(venue_id);
    ids.sort_unstable();
    ids.dedup();
    let mut tx = state.db.begin().await?;
    let d = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if let Some(item) = existing {
        if !data::item_in(&mut tx, id, item).await? {
            return Err(AppError::NotFound);
        }
    }
    if let Some(day) = day {
        if day < d.starts_on || day > d.ends_on {
            v.push(FieldError::new("day", FieldCode::DayOutsideVisit));
        }
    }
    if !d.status.books_resources() || d.status == DelegationStatus::Completed {
        v.push(FieldError::new("day", FieldCode::DelegationClosed));
    }
    v.finish()?;
    let (Some(day), Some(starts), Some(ends), Some(activity)) = (day, starts, ends, activity) else {
        return Err(AppError::Internal);
    };
    let (Some(starts_at), Some(ends_at)) = (office_instant(day, starts), office_instant(day, ends)) else {
        return Err(AppError::field("starts", FieldCode::InvalidTime));
    };
    // Lock every resource before reading any booking: a concurrent booking of the same
    // resource waits here and then sees this one.
    let mut resources = Vec::with_capacity(ids.len());
    for rid in &ids {
        match data::lock_resource(&mut tx, *rid).await? {
            Some(r) => resources.push(r),
            None => return Err(AppError::field("resource_ids", FieldCode::UnknownResource)),
        }
    }
    if let Some(venue) = venue_id {
        if resources.iter().any(|r| r.id == venue && r.kind != ResourceKind::Venue) {
            return Err(AppError::field("venue_id", FieldCode::UnknownResource));
        }
    }
    let slot = Slot { starts_at, ends_at, venue_id };
    let found = find_clashes(&mut tx, &resources, existing.unwrap_or(0), &slot, travel(state)).await?;
    if !found.is_empty() && !f.accept_clashes {
        return Err(AppError::BookingClashes(found));
    }
    let now = db::now();
    let item = NewItem {
        delegation_id: id,
        starts_at,
        ends_at,
        activity,
        title_zh: &title_zh,
        title_foreign: &title_foreign,
        venue_id,
        participants: &participants,
        notes: &notes,
        created_by: user.id,
    };
    let item_id = match existing {
        Some(item_id) => {
            data::update_item(&mut tx, item_id, &item).await?;
            data::delete_bookings(&mut tx, item_id).await?;
            item_id
        }
        None => data::insert_item(&mut tx, &item, now).await?,
    };
    for r in &resources {
        data::insert_booking(&mut tx, item_id, r.id).await?;
    }
    data::touch(&mut tx, id, now).await?;
    let mut changes = audit::Changes::new()
        .fact("item_id", item_id)
        .fact("title_zh", &title_zh)
        .fact("starts_at", starts_at)
        .fact("ends_at", ends_at)
        .fact("resources", &ids);
    if !found.is_empty() {
        changes = changes.fact("booked_over_clashes", found.len());
    }
    let action = if existing.is_some() { "itinerary_item_updated" } else { "itinerary_item_added" };
    audit::record(&mut tx, entry(user, action, id, changes, ip)).await?;
    tx.commit().await?;
    let found = found.into_iter().map(|c| Clash { item_id, ..c }).collect();
    Ok((item_id, found))
}

async fn find_clashes(
    tx: &mut Tx,
    resources: &[Resource],
    own_item: i64,
    slot: &Slot,
    travel: Duration,
) -> Result<Vec<Clash>, AppError> {
    let mut found = Vec::new();
    for r in resources {
        let others = data::bookings_of(tx, r.id, slot.starts_at - travel, slot.ends_at + travel).await?;
        found.extend(clashes_with(r, own_item, slot, &others, travel));
    }
    Ok(found)
}

pub async fn remove_item(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    item_id: i64,
    ip: &str,
) -> Result<(), AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let title = data::delete_item(&mut tx, id, item_id).await?.ok_or(AppError::NotFound)?;
    data::touch(&mut tx, id, db::now()).await?;
    let changes = audit::Changes::new().fact("item_id", item_id).fact("title_zh", title);
    audit::record(&mut tx, entry(user, "itinerary_item_removed", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

/// Move the delegation on. Confirming a programme whose resources are double-booked needs
/// the officer's written reason, which is kept and audited; cancelling needs a reason too.
pub async fn change_status(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    version: i32,
    to: &str,
    reason: &str,
    ip: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    let mut tx = state.db.begin().await?;
    let d = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let to =
        DelegationStatus::parse(to).ok_or_else(|| AppError::field("to_status", FieldCode::TransitionNotAllowed))?;
    if !d.status.may_move_to(to) {
        return Err(AppError::field("to_status", FieldCode::TransitionNotAllowed));
    }
    if !allowed_moves(user, &d).contains(&to) {
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
        let found = delegation_clashes(state, id).await?;
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
    audit::record(&mut tx, entry(user, "delegation_status_changed", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

/// Every clash of the delegation's items with any other booking (its own items included).
pub async fn delegation_clashes(state: &ServerState, id: i64) -> Result<Vec<Clash>, AppError> {
    let items = itinerary(state, id).await?;
    clashes_of(state, id, &items).await
}

/// The delegation's items with the resources each books.
async fn itinerary(state: &ServerState, id: i64) -> Result<Vec<Item>, AppError> {
    let booked = data::bookings(&state.db, id).await?;
    Ok(data::items(&state.db, id)
        .await?
        .into_iter()
        .map(|i| Item {
            id: i.id,
            starts_at: i.starts_at,
            ends_at: i.ends_at,
            activity: i.activity(),
            resources: booked.iter().filter(|(item, _)| *item == i.id).map(|(_, r)| r.clone()).collect(),
            title_zh: i.title_zh,
            title_foreign: i.title_foreign,
            venue_id: i.venue_id,
            participants: i.participants,
            notes: i.notes,
        })
        .collect())
}

/// The clashes of these items (the delegation `id`'s) with any other booking.
async fn clashes_of(state: &ServerState, id: i64, items: &[Item]) -> Result<Vec<Clash>, AppError> {
    let (Some(from), Some(to)) = (items.iter().map(|i| i.starts_at).min(), items.iter().map(|i| i.ends_at).max())
    else {
        return Ok(Vec::new());
    };
    let travel = travel(state);
    let candidates = data::clash_candidates(&state.db, id, from - travel, to + travel).await?;
    let mut found = Vec::new();
    for item in items {
        let slot = item.slot();
        for resource in &item.resources {
            let others: Vec<Booking> = candidates
                .iter()
                .filter(|b| b.own_item_id == item.id && b.resource_id == resource.id)
                // A clash between two items of this delegation is listed once, on the earlier.
                .filter(|b| b.delegation_id != id || b.item_id > item.id)
                .cloned()
                .collect();
            found.extend(clashes_with(resource, item.id, &slot, &others, travel));
        }
    }
    Ok(found)
}

/// The delegation with its members, itinerary, clashes and language gaps, as `user` may see
/// it: passport numbers whole for the delegation's officer (each such view audited), masked
/// for everyone else.
pub async fn load(state: &ServerState, user: &SessionUser, id: i64, ip: &str) -> Result<Delegation, AppError> {
    assemble(state, user, id, Some(ip)).await
}

/// The same for documents that never show passport numbers (the printed programme, the
/// calendar file): every number masked, nothing audited.
pub async fn load_for_print(state: &ServerState, user: &SessionUser, id: i64) -> Result<Delegation, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadDelegations)?;
    assemble(state, user, id, None).await
}

async fn assemble(state: &ServerState, user: &SessionUser, id: i64, ip: Option<&str>) -> Result<Delegation, AppError> {
    let d = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let whole_passports = ip.is_some() && d.officer_id == Some(user.id);
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
                language: Locale::parse(&m.language).unwrap_or(Locale::En),
                dietary: m.dietary,
                passport_number: if masked { mask_passport(&m.passport_number) } else { m.passport_number },
                passport_masked: masked,
            }
        })
        .collect();
    if whole_passports && members.iter().any(|m| !m.passport_number.is_empty()) {
        let mut tx = state.db.begin().await?;
        let shown = members.iter().filter(|m| !m.passport_number.is_empty()).count();
        let changes = audit::Changes::new().fact("passport_numbers", shown);
        audit::record(&mut tx, entry(user, "personal_data_viewed", id, changes, ip.unwrap_or_default())).await?;
        tx.commit().await?;
    }
    let items = itinerary(state, id).await?;
    let language_gaps = items
        .iter()
        .flat_map(|i| language_gaps(i, &members).into_iter().map(|language| LanguageGap { item_id: i.id, language }))
        .collect();
    let clashes = clashes_of(state, id, &items).await?;
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
        editable: may_plan(user),
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

/// A gift as the form sends it.
#[derive(Debug, Clone, Default)]
pub struct GiftForm {
    pub direction: String,
    pub given_on: String,
    pub description: String,
    pub value_cny: String,
    pub giver: String,
    pub receiver: String,
    pub disposition: String,
}

/// Register a gift given to or received from the delegation.
pub async fn add_gift(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    f: &GiftForm,
    ip: &str,
) -> Result<i64, AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let direction = GiftDirection::parse(&f.direction);
    if direction.is_none() {
        v.push(FieldError::new("gift_direction", FieldCode::UnknownGiftDirection));
    }
    let given_on = v.day("given_on", &f.given_on);
    let description = v.text("gift_description", &f.description, true, 500);
    // Amounts follow the same rules as capital amounts: 1,234.50 or 1 234,50.
    let value = match crate::enterprises::service::parse_cents(&f.value_cny) {
        Ok(v) => v,
        Err(crate::enterprises::service::NotAnAmount) => {
            v.push(FieldError::new("value_cny", FieldCode::InvalidYuanAmount));
            None
        }
    };
    let giver = v.text("giver", &f.giver, false, 200);
    let receiver = v.text("receiver", &f.receiver, false, 200);
    let disposition = v.text("disposition", &f.disposition, false, 500);
    v.finish()?;
    let (Some(direction), Some(given_on)) = (direction, given_on) else { return Err(AppError::Internal) };
    let mut tx = state.db.begin().await?;
    data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let gift = NewGift {
        delegation_id: id,
        direction,
        given_on,
        description: &description,
        value_cny_cents: value,
        giver: &giver,
        receiver: &receiver,
        disposition: &disposition,
        created_by: user.id,
    };
    let now = db::now();
    let gift_id = data::insert_gift(&mut tx, &gift, now).await?;
    data::touch(&mut tx, id, now).await?;
    let changes = audit::Changes::new()
        .fact("gift_id", gift_id)
        .fact("direction", direction.as_str())
        .fact("description", &description)
        .fact("value_cny_cents", value);
    audit::record(&mut tx, entry(user, "delegation_gift_registered", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(gift_id)
}

/// Record an outcome of a delegation under way or completed, perhaps with the enterprise it
/// concerns (by credit code).
pub async fn add_outcome(
    state: &ServerState,
    user: &SessionUser,
    id: i64,
    kind: &str,
    description: &str,
    credit_code: &str,
    ip: &str,
) -> Result<i64, AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
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
    let mut tx = state.db.begin().await?;
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
    let outcome = data::insert_outcome(&mut tx, id, kind, &description, enterprise, user.id, now).await?;
    data::touch(&mut tx, id, now).await?;
    let changes = audit::Changes::new()
        .fact("outcome_id", outcome)
        .fact("kind", kind.as_str())
        .fact("description", &description)
        .fact("enterprise_id", enterprise);
    audit::record(&mut tx, entry(user, "delegation_outcome_recorded", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Change the mission rules (admins only).
pub async fn set_mission_rules(
    state: &ServerState,
    user: &SessionUser,
    version: i32,
    max_days: &str,
    max_countries: &str,
    max_members: &str,
    ip: &str,
) -> Result<(), AppError> {
    if user.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut v = Validator::default();
    let mut limit = |field: &str, raw: &str, max: i64| match raw.trim().parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => n,
        _ => {
            v.push(FieldError::new(field, FieldCode::LimitOutOfRange));
            0
        }
    };
    let rules = MissionRules {
        max_days: limit("max_days", max_days, 365),
        max_countries: limit("max_countries", max_countries, 50),
        max_members: limit("max_members", max_members, 200),
        version,
    };
    v.finish()?;
    let mut tx = state.db.begin().await?;
    let before = data::mission_rules_in(&mut tx).await?;
    if before.version != version || !data::update_mission_rules(&mut tx, version, &rules, user.id, db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("max_days", before.max_days, rules.max_days)
        .diff("max_countries", before.max_countries, rules.max_countries)
        .diff("max_members", before.max_members, rules.max_members);
    audit::record(&mut tx, audit::Entry::by(user.id, "mission_rules_changed", "mission_rules", 1, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}

/// One year's delegations and people, in total, by month and by country.
pub async fn statistics(state: &ServerState, year: i32) -> Result<Statistics, AppError> {
    if !(2000..=2100).contains(&year) {
        return Err(AppError::field("year", FieldCode::InvalidNumber));
    }
    Ok(super::statistics(year, &data::counted(&state.db, year).await?))
}

/// The items the calendar shows for this filter: every day of its weeks, in office time.
pub async fn calendar(state: &ServerState, f: &super::CalendarFilter) -> Result<Vec<super::CalendarItem>, AppError> {
    let weeks = f.weeks();
    let (Some(first), Some(last)) = (weeks.first().map(|w| w[0]), weeks.last().map(|w| w[6])) else {
        return Ok(Vec::new());
    };
    let (Some(from), Some(to)) =
        (office_instant(first, NaiveTime::MIN), office_instant(last + Duration::days(1), NaiveTime::MIN))
    else {
        return Ok(Vec::new());
    };
    Ok(data::calendar(&state.db, from, to, f.delegation_id, f.resource_id).await?)
}

/// Send each official, interpreter and driver booked on the itinerary (those with an
/// e-mail address) their part of the programme in their language, with a calendar file of
/// their items; queued in one transaction with its audit entry. Returns how many were queued.
pub async fn send_programme(state: &ServerState, user: &SessionUser, id: i64, ip: &str) -> Result<usize, AppError> {
    if !may_plan(user) {
        return Err(AppError::Forbidden);
    }
    let d = load_for_print(state, user, id).await?;
    if !matches!(d.status, DelegationStatus::Approved | DelegationStatus::Confirmed | DelegationStatus::InProgress) {
        return Err(AppError::field("send", FieldCode::ProgrammeNotReady));
    }
    // Each person once, with the items that book them.
    let mut people: Vec<(&Resource, Vec<&Item>)> = Vec::new();
    for item in &d.items {
        for r in item.resources.iter().filter(|r| r.kind != ResourceKind::Venue && !r.email.is_empty()) {
            match people.iter_mut().find(|(p, _)| p.id == r.id) {
                Some((_, items)) => items.push(item),
                None => people.push((r, vec![item])),
            }
        }
    }
    if people.is_empty() {
        return Err(AppError::field("send", FieldCode::NobodyToSendTo));
    }
    let now = db::now();
    let mut tx = state.db.begin().await?;
    for (person, items) in &people {
        let mine = Delegation { items: items.iter().map(|i| (*i).clone()).collect(), ..d.clone() };
        let ics = super::ics::calendar(&mine, &state.settings.mail_domain, person.language, now);
        let to = crate::mail::compose::Recipient {
            email: person.email.clone(),
            name: person.name.clone(),
            locale: person.language,
        };
        let message = crate::mail::compose::programme(&to, &mine, ics.into_bytes());
        crate::mail::compose::queue(&mut tx, &state.settings, &message, now).await?;
    }
    let names: Vec<&str> = people.iter().map(|(p, _)| p.name.as_str()).collect();
    let changes = audit::Changes::new().fact("recipients", &names);
    audit::record(&mut tx, entry(user, "delegation_programme_sent", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(people.len())
}

/// A new secret calendar feed for `user` (replacing any earlier one, whose URL stops
/// working); returns the token, which only its URL holds (the database keeps its hash).
pub async fn new_feed(state: &ServerState, user: &SessionUser, ip: &str) -> Result<String, AppError> {
    use rand::RngCore;
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut tx = state.db.begin().await?;
    data::set_feed(&mut tx, user.id, &feed_hash(&token), db::now()).await?;
    audit::record(
        &mut tx,
        audit::Entry::by(user.id, "calendar_feed_created", "user", user.id, audit::Changes::new(), ip),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Stop `user`'s calendar feed.
pub async fn end_feed(state: &ServerState, user: &SessionUser, ip: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    if data::delete_feed(&mut tx, user.id).await? {
        audit::record(
            &mut tx,
            audit::Entry::by(user.id, "calendar_feed_ended", "user", user.id, audit::Changes::new(), ip),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

fn feed_hash(token: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The calendar file behind a feed token: the items of the last 30 days and the next year
/// that the token's owner takes part in (as the delegation's officer, or through a resource
/// tied to their account), in their language; `None` for an unknown or ended token or an
/// inactive account. Each download is in the audit log under the feed's owner.
pub async fn feed(state: &ServerState, token: &str, ip: &str) -> Result<Option<String>, AppError> {
    if token.len() != 48 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let Some((user_id, locale)) = data::feed_owner(&state.db, &feed_hash(token)).await? else { return Ok(None) };
    crate::export::record_download(state, Some(user_id), "calendar_feed", Some(user_id), "", ip).await?;
    let now = db::now();
    let items = data::items_of_person(&state.db, user_id, now - Duration::days(30), now + Duration::days(366)).await?;
    let entries: Vec<super::ics::Entry<'_>> = items
        .iter()
        .map(|(delegation_id, title, status, item)| super::ics::Entry {
            delegation_id: *delegation_id,
            delegation_title: title,
            status: *status,
            item,
        })
        .collect();
    let name = tr_feed_name(locale);
    Ok(Some(super::ics::render(&name, &entries, &state.settings.mail_domain, locale, now)))
}

fn tr_feed_name(locale: Locale) -> String {
    tr!(locale, "feed-name")
}
