//! The itinerary (日程): adding, changing and removing items, the double-booking check made
//! under the resources' booking locks, every clash of a delegation's items, and sending each
//! official, interpreter and driver their part of the programme.

use super::{load_for_print, travel};
use crate::auth::{Action, Ctx};
use crate::db::{self, audit, Tx};
use crate::delegations::db::{self as data, Booking, NewItem};
use crate::delegations::programme::activity_name;
use crate::delegations::{
    clashes, Activity, Clash, Delegation, DelegationStatus, Item, ItemForm, Resource, ResourceKind, Slot,
};
use crate::domain::{office_time, Locale};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::i18n::format_day;
use crate::state::ServerState;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

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
pub async fn add_item(cx: &Ctx, id: i64, f: &ItemForm) -> Result<(i64, Vec<Clash>), AppError> {
    save_item(cx, id, None, f).await
}

/// Change an item of the itinerary: the same checks as adding one, its own old bookings
/// aside.
pub async fn update_item(cx: &Ctx, id: i64, item_id: i64, f: &ItemForm) -> Result<(i64, Vec<Clash>), AppError> {
    save_item(cx, id, Some(item_id), f).await
}

async fn save_item(cx: &Ctx, id: i64, existing: Option<i64>, f: &ItemForm) -> Result<(i64, Vec<Clash>), AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut v = Validator::default();
    let input = read_item(&mut v, f);
    let mut tx = cx.state.db.begin().await?;
    let d = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if let Some(item) = existing {
        if !data::item_in(&mut tx, id, item).await? {
            return Err(AppError::NotFound);
        }
    }
    if let Some(day) = input.day {
        if day < d.starts_on || day > d.ends_on {
            v.push(FieldError::new("day", FieldCode::DayOutsideVisit));
        }
    }
    if !d.status.books_resources() || d.status == DelegationStatus::Completed {
        v.push(FieldError::new("day", FieldCode::DelegationClosed));
    }
    v.finish()?;
    let ItemInput { day, starts, ends, activity, title_zh, title_foreign, participants, notes, venue_id, ids } = input;
    let (Some(day), Some(starts), Some(ends), Some(activity)) = (day, starts, ends, activity) else {
        return Err(AppError::Internal);
    };
    let (Some(starts_at), Some(ends_at)) = (office_instant(day, starts), office_instant(day, ends)) else {
        return Err(AppError::field("starts", FieldCode::InvalidTime));
    };
    let resources = lock_all(&mut tx, &ids, venue_id).await?;
    let slot = Slot { starts_at, ends_at, venue_id };
    let found = find_clashes(&mut tx, &resources, existing.unwrap_or(0), &slot, travel(&cx.state)).await?;
    if !found.is_empty() && !f.accepts_clashes() {
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
        created_by: cx.user.id,
    };
    let item_id = write_item(&mut tx, existing, &item, &resources, now).await?;
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
    audit::record(&mut tx, cx.entry(action, "delegation", id, changes)).await?;
    tx.commit().await?;
    let found = found.into_iter().map(|c| Clash { item_id, ..c }).collect();
    Ok((item_id, found))
}

/// Write the item (a new one, or over `existing`, its old bookings forgotten) and book its
/// resources; returns its id.
async fn write_item(
    tx: &mut Tx,
    existing: Option<i64>,
    item: &NewItem<'_>,
    resources: &[Resource],
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let item_id = match existing {
        Some(item_id) => {
            data::update_item(tx, item_id, item).await?;
            data::delete_bookings(tx, item_id).await?;
            item_id
        }
        None => data::insert_item(tx, item, now).await?,
    };
    for r in resources {
        data::insert_booking(tx, item_id, r.id).await?;
    }
    Ok(item_id)
}

/// The item form read and checked as far as it can be without its delegation: each `None`
/// where the form is wrong (the validator holds why).
struct ItemInput {
    day: Option<NaiveDate>,
    starts: Option<NaiveTime>,
    ends: Option<NaiveTime>,
    activity: Option<Activity>,
    title_zh: String,
    title_foreign: String,
    participants: String,
    notes: String,
    venue_id: Option<i64>,
    /// Every resource the item books, its venue included, in id order.
    ids: Vec<i64>,
}

fn read_item(v: &mut Validator, f: &ItemForm) -> ItemInput {
    let day = v.day("day", &f.day);
    let starts = time(v, "starts", &f.starts);
    let ends = time(v, "ends", &f.ends);
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
    let notes = v.text("item_notes", &f.item_notes, false, 2000);
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
    ItemInput { day, starts, ends, activity, title_zh, title_foreign, participants, notes, venue_id, ids }
}

/// Lock every resource before reading any booking: a concurrent booking of the same
/// resource waits here and then sees this one. The venue must be a venue.
async fn lock_all(tx: &mut Tx, ids: &[i64], venue_id: Option<i64>) -> Result<Vec<Resource>, AppError> {
    let mut resources = Vec::with_capacity(ids.len());
    for rid in ids {
        match data::lock_resource(tx, *rid).await? {
            Some(r) => resources.push(r),
            None => return Err(AppError::field("resource_ids", FieldCode::UnknownResource)),
        }
    }
    if let Some(venue) = venue_id {
        if resources.iter().any(|r| r.id == venue && r.kind != ResourceKind::Venue) {
            return Err(AppError::field("venue_id", FieldCode::UnknownResource));
        }
    }
    Ok(resources)
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

pub async fn remove_item(cx: &Ctx, id: i64, item_id: i64) -> Result<(), AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut tx = cx.state.db.begin().await?;
    let title = data::delete_item(&mut tx, id, item_id).await?.ok_or(AppError::NotFound)?;
    data::touch(&mut tx, id, db::now()).await?;
    let changes = audit::Changes::new().fact("item_id", item_id).fact("title_zh", title);
    audit::record(&mut tx, cx.entry("itinerary_item_removed", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// Every clash of the delegation's items with any other booking (its own items included).
pub async fn delegation_clashes(state: &ServerState, id: i64) -> Result<Vec<Clash>, AppError> {
    let items = itinerary(state, id).await?;
    clashes_of(state, id, &items).await
}

/// The delegation's items with the resources each books.
pub(super) async fn itinerary(state: &ServerState, id: i64) -> Result<Vec<Item>, AppError> {
    let booked = data::bookings(&state.db, id).await?;
    Ok(data::items(&state.db, id)
        .await?
        .into_iter()
        .map(|i| Item {
            id: i.id,
            starts_at: i.starts_at,
            ends_at: i.ends_at,
            activity: i.activity,
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
pub(super) async fn clashes_of(state: &ServerState, id: i64, items: &[Item]) -> Result<Vec<Clash>, AppError> {
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

/// The e-mail's line for each of a delegation's items, in `locale`: the day and times, the
/// activity, the title in that language (else the Chinese one) and the venue.
fn programme_lines(d: &Delegation, locale: Locale) -> Vec<String> {
    let mut lines = Vec::with_capacity(d.items.len());
    for item in &d.items {
        let (start, end) = (office_time(item.starts_at), office_time(item.ends_at));
        let title =
            if locale == Locale::ZhCn || item.title_foreign.is_empty() { &item.title_zh } else { &item.title_foreign };
        let mut line = format!(
            "{} {}–{} · {} · {}",
            format_day(start.date_naive(), locale),
            start.format("%H:%M"),
            end.format("%H:%M"),
            activity_name(item.activity, locale),
            title
        );
        if let Some(venue) = item.venue() {
            line.push_str(&format!(" · {}", venue.name));
        }
        lines.push(line);
    }
    lines
}

/// Send each official, interpreter and driver booked on the itinerary (those with an
/// e-mail address) their part of the programme in their language, with a calendar file of
/// their items; queued in one transaction with its audit entry. Returns how many were queued.
pub async fn send_programme(cx: &Ctx, id: i64) -> Result<usize, AppError> {
    cx.permit(Action::PlanDelegations)?;
    let d = load_for_print(&cx.state, &cx.user, id).await?;
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
    let mut tx = cx.state.db.begin().await?;
    for (person, items) in &people {
        let mine = Delegation { items: items.iter().map(|i| (*i).clone()).collect(), ..d.clone() };
        let ics = crate::delegations::ics::calendar(&mine, &cx.state.settings.mail_domain, person.language, now);
        let to = crate::mail::compose::Recipient {
            email: person.email.clone(),
            name: person.name.clone(),
            locale: person.language,
        };
        let lines = programme_lines(&mine, person.language);
        let message = crate::mail::compose::programme(&to, &mine.title, mine.id, lines, ics.into_bytes());
        crate::mail::compose::queue(&mut tx, &cx.state.settings, &message, now).await?;
    }
    let names: Vec<&str> = people.iter().map(|(p, _)| p.name.as_str()).collect();
    let changes = audit::Changes::new().fact("recipients", &names);
    audit::record(&mut tx, cx.entry("delegation_programme_sent", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(people.len())
}
