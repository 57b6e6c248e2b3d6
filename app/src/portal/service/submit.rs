//! A request from the portal: checked whole, saved as a case (routed to the enterprise's
//! officer, or to the intake queue) with its clock, first event, audit entry and messages, in
//! one transaction; and the confirmation page's facts, shown once.

use super::session::session_token;
use super::{code_hash, keys, limit, mac, request_language, text_field};
use crate::cases::db::{self as cases_data, ForeignStaffRow, NewCase, NewEvent};
use crate::cases::{CaseType, EventKind, Priority};
use crate::db::{self, audit};
use crate::domain::{CaseReference, CaseStatus, Country, CreditCode, Email, Locale, PassportNumber, Phone};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;
use crate::portal::db as data;
use crate::portal::{Confirmation, RequestForm, RequestKind, DESCRIPTION_MAX};
use crate::state::{Keys, ServerState};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use hmac::Mac;

/// What a valid submission made: the case, its code (shown once), a session for it and
/// the signed value that carries the code to the confirmation page.
pub struct Submitted {
    pub id: i64,
    pub access_code: String,
    pub token: String,
    pub confirmation: String,
}

/// The confirmation cookie's value: the case, its code and an expiry under a MAC, so that
/// the confirmation page never checks a code itself (it would be an unlimited code oracle).
fn confirmation_value(keys: &Keys, id: i64, code: &str, expires: i64) -> String {
    let m = mac(keys, &[b"confirmation", id.to_string().as_bytes(), code.as_bytes(), expires.to_string().as_bytes()]);
    format!("{id}.{code}.{expires}.{}", hex::encode(m.finalize().into_bytes()))
}

fn confirmation_parts(keys: &Keys, value: &str, now: DateTime<Utc>) -> Option<(i64, String)> {
    let mut parts = value.split('.');
    let (id, code, expires, tag) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (id, expires_at) = (id.parse::<i64>().ok()?, expires.parse::<i64>().ok()?);
    let tag = hex::decode(tag).ok()?;
    let m = mac(keys, &[b"confirmation", id.to_string().as_bytes(), code.as_bytes(), expires.as_bytes()]);
    (m.verify_slice(&tag).is_ok() && expires_at > now.timestamp()).then(|| (id, code.to_string()))
}

/// A request from the portal, checked: what its case is made of.
struct Request {
    case_type: CaseType,
    enterprise_name: String,
    credit_code: Option<CreditCode>,
    contact_name: String,
    email: Email,
    phone: Phone,
    language: Locale,
    title: String,
    description: String,
    staff: Option<ForeignStaffRow>,
}

/// A request from the portal, validated whole: every refused field is reported at once and
/// nothing is saved. A valid one becomes a case in status submitted, owned by the named
/// enterprise's officer, or waiting in the intake queue when the enterprise is unknown.
pub async fn submit(
    state: &ServerState,
    kind: RequestKind,
    f: &RequestForm,
    page_locale: Locale,
    ip: &str,
) -> Result<Submitted, AppError> {
    limit(state, "submit", ip, state.settings.portal_submissions_per_window).await?;
    if !f.website.trim().is_empty() {
        tracing::warn!(ip, "portal submission with the hidden field filled in refused");
        return Err(AppError::Invalid(Vec::new()));
    }
    let request = check_request(kind, f, page_locale)?;
    let access_code = crate::cases::service::new_access_code();
    let keys = keys(state).await?;
    let hash = code_hash(keys, &access_code);
    let now = db::now();
    let mut tx = state.db.begin().await?;
    let (id, owner) = file_case(&mut tx, request, &hash, now, ip).await?;
    queue_submitted(&mut tx, state, id, owner, now).await?;
    tx.commit().await?;
    Ok(Submitted {
        id,
        token: session_token(keys, id, now.timestamp_millis(), &hash),
        confirmation: confirmation_value(keys, id, &access_code, now.timestamp() + 600),
        access_code,
    })
}

/// Check the whole form, reporting every refused field at once; a valid one is the new
/// case's request.
fn check_request(kind: RequestKind, f: &RequestForm, page_locale: Locale) -> Result<Request, AppError> {
    let mut v = Validator::default();
    let case_type = CaseType::parse(&f.request_type).filter(|t| kind.types().contains(t));
    if case_type.is_none() {
        v.push(FieldError::new(
            "request_type",
            if f.request_type.trim().is_empty() { FieldCode::Required } else { FieldCode::UnknownCaseType },
        ));
    }
    let enterprise_name = text_field(&mut v, "enterprise_name", &f.enterprise_name, true, 200);
    let credit_code = match f.credit_code.trim() {
        "" => None,
        raw => v.check(CreditCode::parse("credit_code", raw)),
    };
    let contact_name = text_field(&mut v, "contact_name", &f.contact_name, true, 200);
    let email = v.check(Email::parse("email", &f.email));
    let phone = v.check(Phone::parse("phone", &f.phone));
    let language = request_language(&mut v, &f.language, page_locale);
    let description =
        text_field(&mut v, "description", &f.description, kind == RequestKind::Enterprise, DESCRIPTION_MAX);
    let staff = if kind == RequestKind::ForeignStaff { foreign_staff(&mut v, f, &contact_name) } else { None };
    v.finish()?;
    let (Some(case_type), Some(email), Some(phone), Some(language)) = (case_type, email, phone, language) else {
        return Err(AppError::Internal);
    };
    if kind == RequestKind::ForeignStaff && staff.is_none() {
        return Err(AppError::Internal);
    }
    let title = request_title(staff.as_ref(), &enterprise_name, &description);
    let description = if description.is_empty() { title.clone() } else { description };
    Ok(Request {
        case_type,
        enterprise_name,
        credit_code,
        contact_name,
        email,
        phone,
        language,
        title,
        description,
        staff,
    })
}

/// A foreign employee's identity (for a foreign staff request), checked.
fn foreign_staff(v: &mut Validator, f: &RequestForm, contact_name: &str) -> Option<ForeignStaffRow> {
    let nationality = v.check(Country::parse("nationality", &f.nationality));
    let passport = v.check(PassportNumber::parse("passport_number", &f.passport_number));
    let position = text_field(v, "position", &f.position, true, 100);
    let arrival = match f.arrival_date.trim() {
        "" => {
            v.push(FieldError::new("arrival_date", FieldCode::Required));
            None
        }
        raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) if (1950..=2100).contains(&d.year()) => Some(d),
            _ => {
                v.push(FieldError::new("arrival_date", FieldCode::InvalidDate));
                None
            }
        },
    };
    match (nationality, passport, arrival) {
        (Some(n), Some(p), Some(a)) => Some(ForeignStaffRow {
            passport_name: contact_name.to_string(),
            nationality: n.code().to_string(),
            passport_number: p.as_str().to_string(),
            position,
            arrival_date: Some(a),
        }),
        _ => None,
    }
}

/// The case's title: the employee and the enterprise, or else the description's first line
/// (cut to 120 characters).
fn request_title(staff: Option<&ForeignStaffRow>, enterprise_name: &str, description: &str) -> String {
    match staff {
        Some(s) => format!("{} · {}", s.passport_name, enterprise_name),
        None => {
            let first = description.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
            let short: String = first.chars().take(120).collect();
            if short.chars().count() < first.chars().count() {
                format!("{short}…")
            } else {
                short
            }
        }
    }
}

/// Save the request as a case, routed to the named enterprise's officer when the office
/// knows the enterprise, with its clock, its first event and its audit entry. Returns the
/// case and its officer.
async fn file_case(
    tx: &mut db::Tx,
    request: Request,
    hash: &str,
    now: DateTime<Utc>,
    ip: &str,
) -> Result<(i64, Option<i64>), AppError> {
    let Request {
        case_type,
        enterprise_name,
        credit_code,
        contact_name,
        email,
        phone,
        language,
        title,
        description,
        staff,
    } = request;
    let routed =
        crate::enterprises::db::find_for_request(tx, credit_code.as_ref().map(|c| c.as_str()), &enterprise_name)
            .await?;
    let (enterprise_id, owner) = match routed {
        Some((e, owner)) => (Some(e), owner),
        None => (None, None),
    };
    let n = cases_data::next_number(tx, now.year()).await?;
    let reference = CaseReference::new(now.year(), n);
    let id = cases_data::insert(
        tx,
        &NewCase {
            reference: reference.as_str(),
            enterprise_id,
            case_type,
            priority: Priority::Normal,
            green_channel: false,
            full_agency: false,
            title: &title,
            description: &description,
            language,
            applicant_name: &contact_name,
            applicant_email: Some(email.as_str()),
            owner_id: owner,
            access_code_hash: hash,
            created_by: None,
            at: now,
            source: "portal",
            applicant_phone: Some(phone.as_str()),
            enterprise_name_given: Some(&enterprise_name),
            credit_code_given: credit_code.as_ref().map(|c| c.as_str()),
        },
    )
    .await?;
    if let Some(s) = &staff {
        data::insert_foreign_staff(tx, id, s).await?;
    }
    let due = crate::service_levels::service::start_clock(tx, id, case_type, false, now).await?;
    cases_data::add_event(
        tx,
        &NewEvent {
            case_id: id,
            kind: EventKind::Created,
            from_status: None,
            to_status: Some(CaseStatus::Submitted),
            note: "",
            public: None,
            author_id: None,
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new()
        .set("reference", reference.as_str())
        .set("enterprise_id", enterprise_id)
        .set("owner_id", owner)
        .set("case_type", case_type.as_str())
        .set("due_on", due.map(|d| d.to_string()));
    audit::record(tx, audit::Entry::applicant("case_submitted", "case", id, changes, ip)).await?;
    Ok((id, owner))
}

/// The applicant's acknowledgement and, when the case has an officer, the officer's notice.
async fn queue_submitted(
    tx: &mut db::Tx,
    state: &ServerState,
    id: i64,
    owner: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let facts = cases_data::facts_in(tx, id).await?.ok_or(AppError::Internal)?;
    let mut messages: Vec<_> = compose::case_opened(&state.settings, &facts, true).into_iter().collect();
    if let Some(owner) = owner {
        if let Some(officer) = crate::admin::db::users::recipient_in(tx, owner).await? {
            messages.push(compose::case_assigned(&state.settings, &officer, &facts));
        }
    }
    for m in &messages {
        compose::queue(tx, &state.settings, m, now).await?;
    }
    Ok(())
}

/// The confirmation page's facts, shown once: the new case and its code, from a cookie this
/// server signed (anything else shows nothing, before any look at the database).
pub async fn confirmation(state: &ServerState, cookie: &str) -> Result<Option<Confirmation>, AppError> {
    let keys = keys(state).await?;
    let Some((id, code)) = confirmation_parts(keys, cookie, Utc::now()) else { return Ok(None) };
    let Some(row) = data::public_case(&state.db, id).await? else { return Ok(None) };
    let email = data::applicant_email(&state.db, id).await?.unwrap_or_default();
    Ok(Some(Confirmation { reference: row.reference, access_code: code, due_on: row.due_on, email }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys { access: b"0123456789abcdef0123456789abcdef".to_vec() }
    }

    #[test]
    fn confirmations_are_signed_and_expire() {
        let k = keys();
        let now = Utc::now();
        let value = confirmation_value(&k, 7, "ACDE3467FGHJ", now.timestamp() + 600);
        assert_eq!(confirmation_parts(&k, &value, now), Some((7, "ACDE3467FGHJ".to_string())));
        assert_eq!(confirmation_parts(&k, &value, now + chrono::Duration::seconds(601)), None);
        let guessed = value.replacen("ACDE3467FGHJ", "ACDE3467FGHK", 1);
        assert_eq!(confirmation_parts(&k, &guessed, now), None);
        assert_eq!(confirmation_parts(&k, "7.ACDE3467FGHJ", now), None);
    }
}
