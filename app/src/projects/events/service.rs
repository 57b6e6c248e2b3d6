//! Event rules (server only): validation, and each change audited in its transaction.

use super::db::{self as data, Fields};
use super::{EventForm, EventKind, EventSummary, PromotionEvent};
use crate::auth::{allows, Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::NaiveDate;

pub async fn list(state: &ServerState, year: Option<i32>) -> Result<Vec<EventSummary>, AppError> {
    Ok(data::list(&state.db, year).await?)
}

/// An event, what it produced and the projects that name it.
pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<PromotionEvent, AppError> {
    let (summary, details) = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let filter = crate::projects::ProjectFilter { event_id: Some(id), ..Default::default() };
    // An event's projects are dozens; the register's page holds far more than one event has.
    let (projects, ..) = crate::projects::db::page(&state.db, &filter, user, 500).await?;
    Ok(PromotionEvent { summary, details, projects, editable: allows(user.role, Action::ManageProjects) })
}

struct Valid {
    kind: EventKind,
    name: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    place: String,
    organiser: String,
    leader_id: Option<i64>,
    notes: String,
}

impl Valid {
    fn fields(&self) -> Fields<'_> {
        Fields {
            kind: self.kind,
            name: &self.name,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            place: &self.place,
            organiser: &self.organiser,
            leader_id: self.leader_id,
            notes: &self.notes,
        }
    }
}

async fn validate(state: &ServerState, f: &EventForm) -> Result<Valid, AppError> {
    let mut v = Validator::default();
    let kind = EventKind::parse(&f.kind);
    if kind.is_none() {
        v.push(FieldError::new("kind", FieldCode::UnknownEventKind));
    }
    let name = v.text("name", &f.name, true, 200);
    let starts_on = v.day("starts_on", &f.starts_on);
    // A one-day event may leave its last day empty.
    let ends_on = v.optional_day("ends_on", &f.ends_on).or(starts_on);
    if let (Some(start), Some(end)) = (starts_on, ends_on) {
        if end < start {
            v.push(FieldError::new("ends_on", FieldCode::EndsBeforeStart));
        }
    }
    let place = v.text("place", &f.place, false, 200);
    let organiser = v.text("organiser", &f.organiser, false, 200);
    let leaders: Vec<i64> =
        crate::enterprises::db::active_users_with_role(&state.db, "leader").await?.iter().map(|l| l.id).collect();
    let leader_id =
        crate::projects::service::known_id(&mut v, "leader_id", &f.leader_id, &leaders, FieldCode::UnknownOfficer);
    let notes = v.text("notes", &f.notes, false, 4000);
    v.finish()?;
    let (Some(kind), Some(starts_on), Some(ends_on)) = (kind, starts_on, ends_on) else {
        return Err(AppError::Internal);
    };
    Ok(Valid { kind, name, starts_on, ends_on, place, organiser, leader_id, notes })
}

fn changes(v: &Valid) -> audit::Changes {
    audit::Changes::new()
        .set("kind", v.kind.as_str())
        .set("name", &v.name)
        .set("starts_on", v.starts_on)
        .set("ends_on", v.ends_on)
        .set("leader_id", v.leader_id)
}

pub async fn create(cx: &Ctx, f: &EventForm) -> Result<i64, AppError> {
    cx.permit(Action::ManageProjects)?;
    let valid = validate(&cx.state, f).await?;
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &valid.fields(), cx.user.id, db::now()).await?;
    audit::record(&mut tx, cx.entry("event_recorded", "promotion_event", id, changes(&valid))).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(id)
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &EventForm) -> Result<(), AppError> {
    cx.permit(Action::ManageProjects)?;
    let valid = validate(&cx.state, f).await?;
    let mut tx = cx.state.db.begin().await?;
    if !data::update(&mut tx, id, version, &valid.fields(), db::now()).await? {
        return Err(if data::exists_in(&mut tx, id).await? { AppError::StaleVersion } else { AppError::NotFound });
    }
    audit::record(&mut tx, cx.entry("event_updated", "promotion_event", id, changes(&valid))).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(())
}
