//! The status page's case as the applicant sees it, and what they may do there: answer a
//! request for information, and rate the case once it is resolved.

use super::session::{session_case, session_case_in};
use super::text_field;
use crate::cases::db::{self as cases_data, NewEvent};
use crate::cases::{EventKind, PublicText};
use crate::db::{self, audit};
use crate::domain::CaseStatus;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;
use crate::portal::db as data;
use crate::portal::{
    DepartmentProgress, PublicCase, PublicEvent, PublicEventKind, RatingForm, ReplyForm, DESCRIPTION_MAX,
};
use crate::state::ServerState;

/// The status page's case for a session token; `NotRecognised` when the session is missing,
/// expired or no longer valid (the code was renewed).
pub async fn public_case(state: &ServerState, token: Option<&str>) -> Result<PublicCase, AppError> {
    let row = match token {
        Some(t) => session_case(state, t).await?,
        None => None,
    }
    .ok_or(AppError::NotAuthenticated)?;
    let (tasks, events) = (row.tasks.0, row.events.0);
    let status = row.status;
    let events: Vec<PublicEvent> = events
        .into_iter()
        .map(|e| PublicEvent {
            kind: match e.kind.as_str() {
                "created" => PublicEventKind::Submitted,
                "public_update" => PublicEventKind::Update,
                "applicant_reply" => PublicEventKind::Reply,
                "rated" => PublicEventKind::Rated,
                _ => PublicEventKind::StatusChanged,
            },
            to_status: e.to_status,
            note: e.note,
            texts: (e.kind == "public_update").then_some(PublicText {
                zh: e.public_zh,
                en: e.public_en,
                fr: e.public_fr,
            }),
            at: e.created_at,
        })
        .collect();
    let request = (status == CaseStatus::AwaitingApplicant)
        .then(|| {
            events
                .iter()
                .rev()
                .find(|e| {
                    e.kind == PublicEventKind::StatusChanged && e.to_status == Some(CaseStatus::AwaitingApplicant)
                })
                .map(|e| e.note.clone())
        })
        .flatten();
    // The officer is named once they have accepted the request, not to whoever files one
    // in an enterprise's name.
    let named = status != CaseStatus::Submitted;
    Ok(PublicCase {
        reference: row.reference,
        title: row.title,
        case_type: row.case_type,
        status,
        language: row.language,
        submitted_at: row.created_at,
        due_on: row.due_on,
        officer_name: row.officer_name.filter(|_| named),
        officer_email: row.officer_email.filter(|_| named),
        departments: tasks
            .into_iter()
            .map(|t| DepartmentProgress {
                name: PublicText { zh: Some(t.name_zh), en: Some(t.name_en), fr: Some(t.name_fr) },
                status: t.status,
            })
            .collect(),
        events,
        request,
        rating: row.rating.map(|r| (r, row.rating_comment.unwrap_or_default())),
    })
}

/// The applicant answers a request for information: the answer joins the timeline and the
/// case returns to its officer (in progress, the deadline clock running again).
pub async fn reply(state: &ServerState, token: Option<&str>, f: &ReplyForm, ip: &str) -> Result<(), AppError> {
    let mut v = Validator::default();
    let text = text_field(&mut v, "reply", &f.reply, true, DESCRIPTION_MAX);
    v.finish()?;
    let mut tx = state.db.begin().await?;
    let (id, status, version) = session_case_in(state, &mut tx, token).await?;
    if status != CaseStatus::AwaitingApplicant {
        return Err(AppError::field("reply", FieldCode::NotAwaitingReply));
    }
    let now = db::now();
    let to = CaseStatus::InProgress;
    if !cases_data::set_status(&mut tx, id, version, to, now).await? {
        return Err(AppError::StaleVersion);
    }
    crate::service_levels::service::on_status_change(&mut tx, id, status, to, now).await?;
    cases_data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::ApplicantReply,
            from_status: Some(status),
            to_status: Some(to),
            note: &text,
            public: None,
            author_id: None,
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new().diff("status", status.as_str(), to.as_str());
    audit::record(&mut tx, audit::Entry::applicant("case_applicant_replied", "case", id, changes, ip)).await?;
    let facts = cases_data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
    if let Some(owner) = data::owner_in(&mut tx, id).await? {
        if let Some(officer) = crate::admin::db::users::recipient_in(&mut tx, owner).await? {
            compose::queue(
                &mut tx,
                &state.settings,
                &compose::applicant_replied(&state.settings, &officer, &facts),
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The applicant rates a resolved or closed case, once: 1 to 5 and a comment.
pub async fn rate(state: &ServerState, token: Option<&str>, f: &RatingForm, ip: &str) -> Result<(), AppError> {
    let mut v = Validator::default();
    let rating = match f.rating.trim() {
        "" => {
            v.push(FieldError::new("rating", FieldCode::Required));
            None
        }
        raw => match raw.parse::<i32>() {
            Ok(n) if (1..=5).contains(&n) => Some(n),
            _ => {
                v.push(FieldError::new("rating", FieldCode::RatingOutOfRange));
                None
            }
        },
    };
    let comment = text_field(&mut v, "comment", &f.comment, false, 2_000);
    v.finish()?;
    let rating = rating.ok_or(AppError::Internal)?;
    let mut tx = state.db.begin().await?;
    let (id, status, _) = session_case_in(state, &mut tx, token).await?;
    if !matches!(status, CaseStatus::Resolved | CaseStatus::Closed) {
        return Err(AppError::field("rating", FieldCode::NotRateableYet));
    }
    let now = db::now();
    if !data::rate(&mut tx, id, rating, &comment, now).await? {
        return Err(AppError::field("rating", FieldCode::AlreadyRated));
    }
    let note = if comment.is_empty() { format!("{rating}/5") } else { format!("{rating}/5 · {comment}") };
    cases_data::add_event(
        &mut tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::Rated,
            from_status: None,
            to_status: None,
            note: &note,
            public: None,
            author_id: None,
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new().set("rating", rating);
    audit::record(&mut tx, audit::Entry::applicant("case_rated", "case", id, changes, ip)).await?;
    tx.commit().await?;
    Ok(())
}
