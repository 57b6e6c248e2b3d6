//! Portal rules (server only): access codes under a keyed hash, status lookups that say the
//! same for an unknown reference and a wrong code, locks after wrong codes, request limits
//! per address, submissions routed to the enterprise's officer or the intake queue, the
//! applicant's reply and rating. Each write is one transaction with its audit entry.

use super::{
    Confirmation, DepartmentProgress, LookupForm, PublicCase, PublicEvent, PublicEventKind, RatingForm, ReplyForm,
    RequestForm, RequestKind, DESCRIPTION_MAX,
};
use crate::cases::db::{self as cases_data, NewCase, NewEvent};
use crate::cases::tasks::TaskStatus;
use crate::cases::{CaseType, EventKind, Priority, PublicText};
use crate::db::{self, audit};
use crate::domain::{
    normalise_access_code, CaseReference, CaseStatus, Country, CreditCode, Email, Locale, PassportNumber, Phone,
    ACCESS_CODE_ALPHABET, ACCESS_CODE_LEN,
};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::mail::compose;
use crate::portal::db::{self as data, ForeignStaffRow};
use crate::state::{Keys, ServerState};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The keys, loaded (or made, the first time) from the database once per process.
pub async fn keys(state: &ServerState) -> Result<&Keys, AppError> {
    state
        .keys
        .get_or_try_init(|| async {
            let mut fresh = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut fresh);
            let stored = data::secret(&state.db, "access_code_key", &hex::encode(fresh)).await?;
            let access = hex::decode(stored.trim()).map_err(|_| {
                tracing::error!("the stored access-code key is not hexadecimal");
                AppError::Internal
            })?;
            Ok::<Keys, AppError>(Keys { access })
        })
        .await
}

fn mac(keys: &Keys, parts: &[&[u8]]) -> HmacSha256 {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    let mut m = <HmacSha256 as Mac>::new_from_slice(&keys.access).unwrap_or_else(|_| unreachable!());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            m.update(b"\x1f");
        }
        m.update(p);
    }
    m
}

const KEYED: &str = "k1$";

/// The stored form of an access code: HMAC-SHA256 under the installation's key. Codes are
/// random and long (about 56 bits), so a fast keyed hash is enough; a password hash would
/// cost milliseconds per lookup.
pub fn code_hash(keys: &Keys, code: &str) -> String {
    format!("{KEYED}{}", hex::encode(mac(keys, &[b"access-code", code.as_bytes()]).finalize().into_bytes()))
}

/// Does `code` match the stored hash? Compared in constant time. Codes made before the
/// keyed hash were password-hashed; those are still accepted.
async fn code_matches(keys: &Keys, stored: &str, code: &str) -> bool {
    match stored.strip_prefix(KEYED) {
        Some(hex_mac) => match hex::decode(hex_mac) {
            Ok(bytes) => mac(keys, &[b"access-code", code.as_bytes()]).verify_slice(&bytes).is_ok(),
            Err(_) => false,
        },
        None => crate::auth::server::verify_password(stored.to_string(), code.to_string()).await.unwrap_or(false),
    }
}

/// A portal session, as its cookie carries it: the case, when the session was made (ms since
/// 1970), a seal that only this installation can make (checked before anything is read), and
/// a tag bound to the case's current code hash, so a new access code ends every session of the
/// old one.
struct PortalToken {
    id: i64,
    issued_ms: i64,
    tag: Vec<u8>,
}

fn seal(keys: &Keys, id: i64, issued_ms: i64) -> HmacSha256 {
    mac(keys, &[b"portal-token", id.to_string().as_bytes(), issued_ms.to_string().as_bytes()])
}

fn tag(keys: &Keys, id: i64, issued_ms: i64, code_hash: &str) -> HmacSha256 {
    mac(keys, &[b"portal-session", id.to_string().as_bytes(), issued_ms.to_string().as_bytes(), code_hash.as_bytes()])
}

fn session_token(keys: &Keys, id: i64, issued_ms: i64, code_hash: &str) -> String {
    let sealed = hex::encode(seal(keys, id, issued_ms).finalize().into_bytes());
    let tagged = hex::encode(tag(keys, id, issued_ms, code_hash).finalize().into_bytes());
    format!("{id}.{issued_ms}.{sealed}.{tagged}")
}

/// A token this installation made and that has not expired; a forged or altered one is
/// refused here, before any query.
fn parse_token(keys: &Keys, token: &str, now: DateTime<Utc>, lifetime: std::time::Duration) -> Option<PortalToken> {
    let mut parts = token.split('.');
    let id = parts.next()?.parse::<i64>().ok()?;
    let issued_ms = parts.next()?.parse::<i64>().ok()?;
    let sealed = hex::decode(parts.next()?).ok()?;
    let tag = hex::decode(parts.next()?).ok()?;
    if parts.next().is_some() || seal(keys, id, issued_ms).verify_slice(&sealed).is_err() {
        return None;
    }
    let expires_ms = issued_ms.saturating_add(i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX));
    (expires_ms > now.timestamp_millis()).then_some(PortalToken { id, issued_ms, tag })
}

/// Is the session still the case's: made after the last sign-out, under its current code?
fn session_valid(keys: &Keys, t: &PortalToken, code_hash: &str, signed_out_ms: Option<i64>) -> bool {
    signed_out_ms.is_none_or(|out| t.issued_ms > out)
        && tag(keys, t.id, t.issued_ms, code_hash).verify_slice(&t.tag).is_ok()
}

/// The `Set-Cookie` value of a portal session.
pub fn session_cookie(state: &ServerState, token: &str) -> String {
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{secure}",
        super::case_cookie(state.settings.secure_cookies),
        state.settings.portal_session.as_secs()
    )
}

pub fn clear_cookie(name: &str, secure: bool) -> String {
    format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}", if secure { "; Secure" } else { "" })
}

/// Count a request of `scope` from `ip`; refuse it past `max` in the current window.
async fn limit(state: &ServerState, scope: &str, ip: &str, max: i64) -> Result<(), AppError> {
    if max == 0 {
        return Ok(());
    }
    let window = state.settings.portal_window.as_secs().max(1) as i64;
    let now = Utc::now().timestamp();
    let address = crate::domain::throttle_key(ip);
    if data::hit(&state.db, scope, &address, now - now.rem_euclid(window)).await? > max {
        tracing::warn!(scope, ip, "portal request limit reached");
        return Err(AppError::RateLimited);
    }
    Ok(())
}

/// Look a request up by reference and access code. Returns a session token for the status
/// page. An unknown reference and a wrong code get the same answer; too many wrong codes for
/// one reference (known or not) lock it for a while.
pub async fn lookup(state: &ServerState, form: &LookupForm, ip: &str) -> Result<String, AppError> {
    limit(state, "lookup", ip, state.settings.portal_lookups_per_window).await?;
    let mut v = Validator::default();
    let reference = match form.reference.trim() {
        "" => {
            v.push(FieldError::new("reference", FieldCode::Required));
            None
        }
        raw => {
            let r = CaseReference::parse(raw);
            if r.is_none() {
                v.push(FieldError::new("reference", FieldCode::InvalidReference));
            }
            r
        }
    };
    let code = normalise_access_code(&form.access_code);
    if code.is_empty() {
        v.push(FieldError::new("access_code", FieldCode::Required));
    } else if code.len() != ACCESS_CODE_LEN || !code.bytes().all(|b| ACCESS_CODE_ALPHABET.contains(&b)) {
        v.push(FieldError::new("access_code", FieldCode::InvalidAccessCode));
    }
    v.finish()?;
    let reference = reference.ok_or(AppError::Internal)?;
    let now = db::now();
    let s = &state.settings;
    let lock_for = chrono::Duration::from_std(s.portal_lock_for).unwrap_or(chrono::Duration::minutes(15));
    // The attempt is counted before the code is checked, in one statement: requests sent at
    // once each get their own number, so no more than the allowed number are ever checked.
    // Counted per reference and address: a stranger's wrong codes do not lock the owner out.
    let address = crate::domain::throttle_key(ip);
    let (attempt, locked_until) =
        data::count_attempt(&state.db, reference.as_str(), &address, now, now - lock_for).await?;
    if locked_until.is_some_and(|until| until > now) {
        return Err(AppError::ReferenceLocked);
    }
    if attempt > s.portal_max_code_failures {
        data::lock(&state.db, reference.as_str(), &address, now + lock_for).await?;
        return Err(AppError::ReferenceLocked);
    }
    let keys = keys(state).await?;
    let found = data::credentials(&state.db, reference.as_str()).await?;
    let matched = match &found {
        Some((_, stored)) => code_matches(keys, stored, &code).await,
        None => {
            // The same work as for a known reference.
            let _ = code_hash(keys, &code);
            false
        }
    };
    let Some((id, stored)) = found.filter(|_| matched) else {
        if attempt >= s.portal_max_code_failures {
            data::lock(&state.db, reference.as_str(), &address, now + lock_for).await?;
        }
        tracing::info!(reference = reference.as_str(), ip, "portal lookup refused");
        return Err(AppError::NotRecognised);
    };
    data::clear_failures(&state.db, reference.as_str(), &address).await?;
    // The access code came back: whoever holds it received the first message, so the
    // address is the applicant's and may now be written to in full.
    data::mark_email_verified(&state.db, id).await?;
    let hash = if stored.starts_with(KEYED) {
        stored
    } else {
        let new = code_hash(keys, &code);
        data::upgrade_hash(&state.db, id, &stored, &new).await?;
        new
    };
    Ok(session_token(keys, id, now.timestamp_millis(), &hash))
}

/// The case a portal session cookie opens, if the session is valid.
async fn session_case(state: &ServerState, token: &str) -> Result<Option<data::PublicRow>, AppError> {
    let keys = keys(state).await?;
    let Some(t) = parse_token(keys, token, Utc::now(), state.settings.portal_session) else { return Ok(None) };
    let Some(row) = data::public_case(&state.db, t.id).await? else { return Ok(None) };
    Ok(session_valid(keys, &t, &row.access_code_hash, row.portal_signed_out_ms).then_some(row))
}

/// Leaving the portal: every session of the token's case made until now ends, on every
/// browser (a forged token changes nothing).
pub async fn leave(state: &ServerState, token: Option<&str>) -> Result<(), AppError> {
    let keys = keys(state).await?;
    let now = Utc::now();
    if let Some(t) = token.and_then(|t| parse_token(keys, t, now, state.settings.portal_session)) {
        data::sign_out(&state.db, t.id, now.timestamp_millis()).await?;
    }
    Ok(())
}

/// The status page's case for a session token; `NotRecognised` when the session is missing,
/// expired or no longer valid (the code was renewed).
pub async fn public_case(state: &ServerState, token: Option<&str>) -> Result<PublicCase, AppError> {
    let row = match token {
        Some(t) => session_case(state, t).await?,
        None => None,
    }
    .ok_or(AppError::NotAuthenticated)?;
    let (tasks, events) = (row.tasks.0, row.events.0);
    let status = CaseStatus::parse(&row.status).unwrap_or(CaseStatus::Submitted);
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
            to_status: e.to_status.as_deref().and_then(CaseStatus::parse),
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
        case_type: CaseType::parse(&row.case_type).unwrap_or(CaseType::Other),
        status,
        language: Locale::parse(&row.language).unwrap_or(Locale::En),
        submitted_at: row.created_at,
        due_on: row.due_on,
        officer_name: row.officer_name.filter(|_| named),
        officer_email: row.officer_email.filter(|_| named),
        departments: tasks
            .into_iter()
            .map(|t| DepartmentProgress {
                name: PublicText { zh: Some(t.name_zh), en: Some(t.name_en), fr: Some(t.name_fr) },
                status: TaskStatus::parse(&t.status).unwrap_or(TaskStatus::Pending),
            })
            .collect(),
        events,
        request,
        rating: row.rating.map(|r| (r, row.rating_comment.unwrap_or_default())),
    })
}

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

fn text_field(v: &mut Validator, field: &str, raw: &str, required: bool, max: usize) -> String {
    let s = raw.trim();
    if s.is_empty() && required {
        v.push(FieldError::new(field, FieldCode::Required));
    } else if s.chars().count() > max {
        v.push(FieldError::new(field, FieldCode::TooLong));
    } else if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        v.push(FieldError::new(field, FieldCode::InvalidCharacters));
    }
    s.to_string()
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
    let language = match f.language.trim() {
        "" => Some(page_locale),
        raw => {
            let l = Locale::parse(raw).filter(|l| l.tag() == raw);
            if l.is_none() {
                v.push(FieldError::new("language", FieldCode::UnknownLocale));
            }
            l
        }
    };
    let description =
        text_field(&mut v, "description", &f.description, kind == RequestKind::Enterprise, DESCRIPTION_MAX);
    let staff = if kind == RequestKind::ForeignStaff {
        let nationality = v.check(Country::parse("nationality", &f.nationality));
        let passport = v.check(PassportNumber::parse("passport_number", &f.passport_number));
        let position = text_field(&mut v, "position", &f.position, true, 100);
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
                passport_name: contact_name.clone(),
                nationality: n.code().to_string(),
                passport_number: p.as_str().to_string(),
                position: position.clone(),
                arrival_date: Some(a),
            }),
            _ => None,
        }
    } else {
        None
    };
    v.finish()?;
    let (Some(case_type), Some(email), Some(phone), Some(language)) = (case_type, email, phone, language) else {
        return Err(AppError::Internal);
    };
    if kind == RequestKind::ForeignStaff && staff.is_none() {
        return Err(AppError::Internal);
    }
    let title: String = match &staff {
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
    };
    let description = if description.is_empty() { title.clone() } else { description };

    let access_code = crate::cases::service::new_access_code();
    let keys = keys(state).await?;
    let hash = code_hash(keys, &access_code);
    let now = db::now();
    let mut tx = state.db.begin().await?;
    let routed =
        crate::enterprises::db::find_for_request(&mut tx, credit_code.as_ref().map(|c| c.as_str()), &enterprise_name)
            .await?;
    let (enterprise_id, owner) = match routed {
        Some((e, owner)) => (Some(e), owner),
        None => (None, None),
    };
    let n = cases_data::next_number(&mut tx, now.year()).await?;
    let reference = CaseReference::new(now.year(), n);
    let id = cases_data::insert(
        &mut tx,
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
            access_code_hash: &hash,
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
        data::insert_foreign_staff(&mut tx, id, s).await?;
    }
    let due = crate::service_levels::service::start_clock(&mut tx, id, case_type, false, now).await?;
    cases_data::add_event(
        &mut tx,
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
    audit::record(&mut tx, audit::Entry::applicant("case_submitted", "case", id, changes, ip)).await?;
    let facts = cases_data::facts_in(&mut tx, id).await?.ok_or(AppError::Internal)?;
    let mut messages: Vec<_> = compose::case_opened(&state.settings, &facts, true).into_iter().collect();
    if let Some(owner) = owner {
        if let Some(officer) = crate::admin::db::users::recipient_in(&mut tx, owner).await? {
            messages.push(compose::case_assigned(&state.settings, &officer, &facts));
        }
    }
    for m in &messages {
        compose::queue(&mut tx, &state.settings, m, now).await?;
    }
    tx.commit().await?;
    Ok(Submitted {
        id,
        token: session_token(keys, id, now.timestamp_millis(), &hash),
        confirmation: confirmation_value(keys, id, &access_code, now.timestamp() + 600),
        access_code,
    })
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

/// The case of a portal session that may be written to, with its status and version, read
/// inside the write's transaction.
async fn session_case_in(
    state: &ServerState,
    tx: &mut db::Tx,
    token: Option<&str>,
) -> Result<(i64, CaseStatus, i32), AppError> {
    let keys = keys(state).await?;
    let t = token
        .and_then(|t| parse_token(keys, t, Utc::now(), state.settings.portal_session))
        .ok_or(AppError::NotAuthenticated)?;
    let (hash, signed_out, status, version) =
        data::session_state_in(tx, t.id).await?.ok_or(AppError::NotAuthenticated)?;
    if !session_valid(keys, &t, &hash, signed_out) {
        return Err(AppError::NotAuthenticated);
    }
    Ok((t.id, CaseStatus::parse(&status).ok_or(AppError::Internal)?, version))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys { access: b"0123456789abcdef0123456789abcdef".to_vec() }
    }

    #[tokio::test]
    async fn codes_match_only_their_keyed_hash() {
        let k = keys();
        let h = code_hash(&k, "ACDE3467FGHJ");
        assert!(h.starts_with(KEYED));
        assert!(code_matches(&k, &h, "ACDE3467FGHJ").await);
        assert!(!code_matches(&k, &h, "ACDE3467FGHK").await);
        let other = Keys { access: b"another key".to_vec() };
        assert!(!code_matches(&other, &h, "ACDE3467FGHJ").await);
        assert!(!code_matches(&k, "k1$zz", "ACDE3467FGHJ").await);
    }

    #[test]
    fn sessions_expire_end_with_a_new_code_or_a_sign_out_and_cannot_be_forged() {
        let k = keys();
        let now = Utc::now();
        let life = std::time::Duration::from_secs(60);
        let issued = now.timestamp_millis();
        let token = session_token(&k, 42, issued, "k1$old");
        let t = parse_token(&k, &token, now, life).unwrap();
        assert_eq!(t.id, 42);
        assert!(session_valid(&k, &t, "k1$old", None));
        assert!(!session_valid(&k, &t, "k1$new", None), "a new code ends it");
        assert!(!session_valid(&k, &t, "k1$old", Some(issued)), "signing out ends it");
        assert!(session_valid(&k, &t, "k1$old", Some(issued - 1)), "an earlier sign-out does not");
        assert!(parse_token(&k, &token, now + chrono::Duration::seconds(61), life).is_none(), "it expires");
        assert!(parse_token(&k, "42.x.00.00", now, life).is_none());
        // Another case's id, or another time, under the same seal and tag: refused unread.
        let parts: Vec<&str> = token.split('.').collect();
        assert!(parse_token(&k, &format!("43.{}.{}.{}", parts[1], parts[2], parts[3]), now, life).is_none());
        assert!(parse_token(&k, &format!("42.{}.{}.{}", issued + 1, parts[2], parts[3]), now, life).is_none());
        let other = Keys { access: b"another key".to_vec() };
        assert!(parse_token(&other, &token, now, life).is_none(), "another installation's");
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
