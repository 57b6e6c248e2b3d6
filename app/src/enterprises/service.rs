//! Enterprise rules (server only): validation, who may change what under the one-to-one
//! model, and each change written with its audit entry in one transaction.

use super::{ContactForm, ContactKind, Enterprise, EnterpriseForm, Lifecycle, PersonForm, OVERDUE_AFTER_DAYS};
use crate::auth::{may_work_on, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::domain::{Country, CreditCode, Role};
use crate::enterprises::db::{self as data, AssignError, Fields, NewContact, OverdueCutoff, WriteError};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::state::ServerState;
use chrono::{Duration, NaiveDate, Utc};

pub fn cutoff() -> OverdueCutoff {
    let now = db::now();
    OverdueCutoff {
        date: now.date_naive() - Duration::days(OVERDUE_AFTER_DAYS),
        at: now - Duration::days(OVERDUE_AFTER_DAYS),
    }
}

fn whole(v: &mut Validator, field: &str, raw: &str) -> Option<i32> {
    let s = raw.trim().replace([',', ' ', '\u{202F}'], "");
    if s.is_empty() {
        return None;
    }
    match s.parse::<i32>() {
        Ok(n) if n >= 0 => Some(n),
        _ => {
            v.push(FieldError::new(field, FieldCode::InvalidNumber));
            None
        }
    }
}

/// An amount of money (US dollars, yuan) typed as `1,234,567.89` (or with a decimal comma,
/// `1 234 567,89`), in hundredths (cents, fen); `None` when left empty.
pub fn parse_cents(raw: &str) -> Result<Option<i64>, NotAnAmount> {
    let s: String = raw.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{202F}').collect();
    if s.is_empty() {
        return Ok(None);
    }
    // A comma followed by exactly 1–2 digits at the end is a decimal comma; otherwise a group separator.
    let normalised = match s.rfind(',') {
        Some(i) if !s.contains('.') && (1..=2).contains(&(s.len() - i - 1)) => {
            format!("{}.{}", s[..i].replace(',', ""), &s[i + 1..])
        }
        _ => s.replace(',', ""),
    };
    let (int, frac) = normalised.split_once('.').unwrap_or((&normalised, ""));
    if int.is_empty()
        || !int.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(NotAnAmount);
    }
    let units: i64 = int.parse().map_err(|_| NotAnAmount)?;
    let hundredths: i64 = format!("{frac:0<2}").parse().map_err(|_| NotAnAmount)?;
    units.checked_mul(100).and_then(|d| d.checked_add(hundredths)).map(Some).ok_or(NotAnAmount)
}

/// What `parse_cents` says of text that is not an amount (or too large for one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnAmount;

struct Valid {
    name_zh: String,
    name_original: String,
    credit_code: Option<CreditCode>,
    country: Country,
    industry_chain_id: Option<i64>,
    registered: Option<i64>,
    utilised: Option<i64>,
    employees: Option<i32>,
    foreign_staff: Option<i32>,
    lifecycle: Lifecycle,
    is_key: bool,
    address: String,
    notes: String,
}

async fn validate(state: &ServerState, f: &EnterpriseForm) -> Result<Valid, AppError> {
    let mut v = Validator::default();
    let name_zh = v.text("name_zh", &f.name_zh, true, 200);
    let name_original = v.text("name_original", &f.name_original, true, 200);
    let credit_code =
        if f.credit_code.trim().is_empty() { None } else { v.check(CreditCode::parse("credit_code", &f.credit_code)) };
    let country = v.check(Country::parse("country", &f.country));
    let industry_chain_id = v
        .existing_id("industry_chain_id", &f.industry_chain_id, FieldCode::UnknownIndustryChain, async |id| {
            data::industry_chain_exists(&state.db, id).await
        })
        .await?;
    let mut amount = |field: &str, raw: &str| match parse_cents(raw) {
        Ok(a) => a,
        Err(NotAnAmount) => {
            v.push(FieldError::new(field, FieldCode::InvalidAmount));
            None
        }
    };
    let registered = amount("registered_capital_usd", &f.registered_capital_usd);
    let utilised = amount("utilised_capital_usd", &f.utilised_capital_usd);
    let employees = whole(&mut v, "employees", &f.employees);
    let foreign_staff = whole(&mut v, "foreign_staff", &f.foreign_staff);
    if let (Some(e), Some(fs)) = (employees, foreign_staff) {
        if fs > e {
            v.push(FieldError::new("foreign_staff", FieldCode::MoreThanEmployees));
        }
    }
    let lifecycle = Lifecycle::parse(&f.lifecycle);
    if lifecycle.is_none() {
        v.push(FieldError::new("lifecycle", FieldCode::UnknownLifecycle));
    }
    let address = v.text("address", &f.address, false, 300);
    let notes = v.text("notes", &f.notes, false, 4000);
    v.finish()?;
    match (country, lifecycle) {
        (Some(country), Some(lifecycle)) => Ok(Valid {
            name_zh,
            name_original,
            credit_code,
            country,
            industry_chain_id,
            registered,
            utilised,
            employees,
            foreign_staff,
            lifecycle,
            is_key: f.is_key.as_deref().is_some_and(|v| v == "true" || v == "on"),
            address,
            notes,
        }),
        _ => Err(AppError::Internal),
    }
}

fn fields(v: &Valid, responsible_leader_id: Option<i64>) -> Fields<'_> {
    Fields {
        name_zh: &v.name_zh,
        name_original: &v.name_original,
        credit_code: v.credit_code.as_ref().map(|c| c.as_str()),
        country: v.country.code(),
        industry_chain_id: v.industry_chain_id,
        registered_capital_usd_cents: v.registered,
        utilised_capital_usd_cents: v.utilised,
        employees: v.employees,
        foreign_staff: v.foreign_staff,
        lifecycle: v.lifecycle,
        is_key: v.is_key,
        responsible_leader_id,
        address: &v.address,
        notes: &v.notes,
    }
}

fn map_write(e: WriteError) -> AppError {
    match e {
        WriteError::CreditCodeTaken => AppError::field("credit_code", FieldCode::CreditCodeTaken),
        WriteError::Db(e) => e.into(),
    }
}

/// Register an enterprise. A liaison officer who registers one becomes its liaison officer.
pub async fn register(cx: &Ctx, f: &EnterpriseForm) -> Result<i64, AppError> {
    let v = validate(&cx.state, f).await?;
    let now = db::now();
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &fields(&v, None), now).await.map_err(map_write)?;
    let mut changes = audit::Changes::new()
        .set("name_zh", &v.name_zh)
        .set("name_original", &v.name_original)
        .set("credit_code", v.credit_code.as_ref().map(|c| c.as_str()))
        .set("country", v.country.code())
        .set("lifecycle", v.lifecycle.as_str())
        .set("is_key", v.is_key);
    if cx.user.role == Role::LiaisonOfficer {
        data::start_assignment(&mut tx, id, cx.user.id, cx.user.id, now).await.map_err(|_| AppError::Internal)?;
        changes = changes.set("liaison_officer_id", cx.user.id);
    }
    audit::record(&mut tx, cx.entry("enterprise_registered", "enterprise", id, changes)).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &EnterpriseForm) -> Result<(), AppError> {
    let v = validate(&cx.state, f).await?;
    let mut tx = cx.state.db.begin().await?;
    let before = data::get_in(&mut tx, id, cutoff()).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, before.liaison_id) {
        return Err(AppError::Forbidden);
    }
    if before.version != version {
        return Err(AppError::StaleVersion);
    }
    if !data::update(&mut tx, id, version, &fields(&v, before.responsible_leader_id), db::now())
        .await
        .map_err(map_write)?
    {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("name_zh", before.name_zh.as_str(), v.name_zh.as_str())
        .diff("name_original", before.name_original.as_str(), v.name_original.as_str())
        .diff("credit_code", before.credit_code.as_deref(), v.credit_code.as_ref().map(|c| c.as_str()))
        .diff("country", before.country.as_str(), v.country.code())
        .diff("industry_chain_id", before.industry_chain_id, v.industry_chain_id)
        .diff("registered_capital_usd_cents", before.registered_capital_usd_cents, v.registered)
        .diff("utilised_capital_usd_cents", before.utilised_capital_usd_cents, v.utilised)
        .diff("employees", before.employees, v.employees)
        .diff("foreign_staff", before.foreign_staff, v.foreign_staff)
        .diff("lifecycle", before.lifecycle.as_str(), v.lifecycle.as_str())
        .diff("is_key", before.is_key, v.is_key)
        .diff("address", before.address.as_str(), v.address.as_str())
        .diff("notes", before.notes.as_str(), v.notes.as_str());
    if !changes.is_empty() {
        audit::record(&mut tx, cx.entry("enterprise_updated", "enterprise", id, changes)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Assign (or reassign) the liaison officer. Reassignment needs a handover note; the old
/// assignment ends and stays in the history.
pub async fn assign(cx: &Ctx, id: i64, officer_id: &str, handover_note: &str) -> Result<(), AppError> {
    let officers = data::active_users_with_role(&cx.state.db, Role::LiaisonOfficer.as_str()).await?;
    let officer = officer_id.trim().parse::<i64>().ok().filter(|o| officers.iter().any(|x| x.id == *o));
    let note = handover_note.trim();
    let mut tx = cx.state.db.begin().await?;
    let before = data::get_in(&mut tx, id, cutoff()).await?.ok_or(AppError::NotFound)?;
    let mut v = Validator::default();
    if officer.is_none() {
        v.push(FieldError::new("officer_id", FieldCode::UnknownOfficer));
    }
    if before.liaison_id.is_some() && note.is_empty() {
        v.push(FieldError::new("handover_note", FieldCode::HandoverNoteRequired));
    }
    if note.chars().count() > 2000 {
        v.push(FieldError::new("handover_note", FieldCode::TooLong));
    }
    v.finish()?;
    let Some(officer) = officer else { return Err(AppError::Internal) };
    if before.liaison_id == Some(officer) {
        return Ok(());
    }
    let now = db::now();
    let previous = data::end_assignment(&mut tx, id, now, note).await?;
    data::start_assignment(&mut tx, id, officer, cx.user.id, now).await.map_err(|e| match e {
        AssignError::AlreadyAssigned => AppError::StaleVersion,
        AssignError::Db(e) => e.into(),
    })?;
    let mut changes = audit::Changes::new().diff("liaison_officer_id", previous, Some(officer));
    if !note.is_empty() {
        changes = changes.fact("handover_note", note);
    }
    audit::record(&mut tx, cx.entry("liaison_assigned", "enterprise", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// Set the enterprise's responsible leader (a user with the leader role), or clear it with
/// an empty choice. Overdue cases of the enterprise are flagged for that leader.
pub async fn set_leader(cx: &Ctx, id: i64, leader_id: &str) -> Result<(), AppError> {
    let leader = match leader_id.trim() {
        "" => None,
        raw => {
            let leaders = data::active_users_with_role(&cx.state.db, Role::Leader.as_str()).await?;
            let chosen = raw.parse::<i64>().ok().filter(|l| leaders.iter().any(|x| x.id == *l));
            Some(chosen.ok_or_else(|| AppError::field("leader_id", FieldCode::UnknownOfficer))?)
        }
    };
    let mut tx = cx.state.db.begin().await?;
    let before = data::set_leader(&mut tx, id, leader, db::now()).await?.ok_or(AppError::NotFound)?;
    if before != leader {
        let changes = audit::Changes::new().diff("responsible_leader_id", before, leader);
        audit::record(&mut tx, cx.entry("responsible_leader_set", "enterprise", id, changes)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Record an aftercare contact (its liaison officer, or an admin).
pub async fn record_contact(cx: &Ctx, id: i64, f: &ContactForm) -> Result<(), AppError> {
    let contacted_on = f.contacted_on.as_str();
    let mut v = Validator::default();
    let kind = ContactKind::parse(&f.kind);
    if kind.is_none() {
        v.push(FieldError::new("kind", FieldCode::UnknownContactKind));
    }
    let today = Utc::now().date_naive() + Duration::days(1);
    let date = match NaiveDate::parse_from_str(contacted_on.trim(), "%Y-%m-%d") {
        Ok(d) if d <= today => Some(d),
        Ok(_) => {
            v.push(FieldError::new("contacted_on", FieldCode::DateInFuture));
            None
        }
        Err(_) if contacted_on.trim().is_empty() => {
            v.push(FieldError::new("contacted_on", FieldCode::Required));
            None
        }
        Err(_) => {
            v.push(FieldError::new("contacted_on", FieldCode::InvalidDate));
            None
        }
    };
    let participants = v.text("participants", &f.participants, false, 1000);
    let notes = v.text("notes", &f.notes, true, 4000);
    let follow_ups = v.text("follow_ups", &f.follow_ups, false, 4000);
    v.finish()?;
    let (Some(kind), Some(date)) = (kind, date) else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    let before = data::get_in(&mut tx, id, cutoff()).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, before.liaison_id) {
        return Err(AppError::Forbidden);
    }
    let now = db::now();
    let contact_id = data::insert_contact(
        &mut tx,
        &NewContact {
            enterprise_id: id,
            kind,
            contacted_on: date,
            participants: &participants,
            notes: &notes,
            follow_ups: &follow_ups,
            recorded_by: cx.user.id,
            at: now,
        },
    )
    .await?;
    let changes = audit::Changes::new()
        .fact("contact_id", contact_id)
        .set("kind", kind.as_str())
        .set("contacted_on", date.to_string());
    audit::record(&mut tx, cx.entry("contact_recorded", "enterprise", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// The enterprise page's data for this reader.
pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<Enterprise, AppError> {
    let r = data::get(&state.db, id, cutoff()).await?.ok_or(AppError::NotFound)?;
    let liaisons = data::liaisons(&state.db, id).await?;
    let contacts = data::contacts(&state.db, id).await?;
    let people = data::people(&state.db, id).await?;
    Ok(Enterprise {
        id: r.id,
        name_zh: r.name_zh,
        name_original: r.name_original,
        credit_code: r.credit_code,
        country: r.country,
        industry_chain_id: r.industry_chain_id,
        registered_capital_usd_cents: r.registered_capital_usd_cents,
        utilised_capital_usd_cents: r.utilised_capital_usd_cents,
        employees: r.employees,
        foreign_staff: r.foreign_staff,
        lifecycle: r.lifecycle,
        is_key: r.is_key,
        responsible_leader_id: r.responsible_leader_id,
        address: r.address,
        notes: r.notes,
        last_contact_on: r.last_contact_on,
        overdue: r.overdue,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
        editable: may_work_on(user, r.liaison_id),
        assignable: crate::auth::allows(user.role, crate::auth::Action::AssignLiaison),
        liaisons,
        contacts,
        people,
    })
}

/// Add a person at the enterprise (its liaison officer, or an admin).
pub async fn add_person(cx: &Ctx, id: i64, f: &PersonForm) -> Result<i64, AppError> {
    let mut v = Validator::default();
    let name = f.person_name.trim();
    if name.is_empty() {
        v.push(FieldError::new("person_name", FieldCode::Required));
    } else if name.chars().count() > 100 {
        v.push(FieldError::new("person_name", FieldCode::TooLong));
    }
    let title = f.person_title.trim();
    if title.chars().count() > 100 {
        v.push(FieldError::new("person_title", FieldCode::TooLong));
    }
    let email = match f.person_email.trim() {
        "" => None,
        raw => match crate::domain::Email::parse("person_email", raw) {
            Ok(e) => Some(e),
            Err(e) => {
                v.push(e);
                None
            }
        },
    };
    let phone = f.person_phone.trim();
    if phone.chars().count() > 40 {
        v.push(FieldError::new("person_phone", FieldCode::TooLong));
    }
    let language = crate::domain::Locale::parse(&f.person_language).filter(|l| l.tag() == f.person_language.trim());
    if language.is_none() {
        v.push(FieldError::new("person_language", FieldCode::UnknownLocale));
    }
    v.finish()?;
    let Some(language) = language else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    let e = data::get_in(&mut tx, id, cutoff()).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, e.liaison_id) {
        return Err(AppError::Forbidden);
    }
    let person = data::insert_person(
        &mut tx,
        &data::NewPerson {
            enterprise_id: id,
            name,
            title,
            email: email.as_ref().map(|e| e.as_str()),
            phone,
            language,
            by: cx.user.id,
            at: db::now(),
        },
    )
    .await?;
    let changes = audit::Changes::new().fact("person_id", person).set("name", name).set("language", language.tag());
    audit::record(&mut tx, cx.entry("person_added", "enterprise", id, changes)).await?;
    tx.commit().await?;
    Ok(person)
}

/// Remove a person from the enterprise (its liaison officer, or an admin).
pub async fn remove_person(cx: &Ctx, id: i64, person_id: i64) -> Result<(), AppError> {
    let mut tx = cx.state.db.begin().await?;
    let e = data::get_in(&mut tx, id, cutoff()).await?.ok_or(AppError::NotFound)?;
    if !may_work_on(&cx.user, e.liaison_id) {
        return Err(AppError::Forbidden);
    }
    let name = data::delete_person(&mut tx, id, person_id).await?.ok_or(AppError::NotFound)?;
    let changes = audit::Changes::new().fact("person_id", person_id).diff("name", Some(name), None);
    audit::record(&mut tx, cx.entry("person_removed", "enterprise", id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_either_notation() {
        assert_eq!(parse_cents("9,200,000"), Ok(Some(920_000_000)));
        assert_eq!(parse_cents("9200000.5"), Ok(Some(920_000_050)));
        assert_eq!(parse_cents("1 234 567,89"), Ok(Some(123_456_789)));
        assert_eq!(parse_cents(""), Ok(None));
        assert_eq!(parse_cents("-5"), Err(NotAnAmount));
        assert_eq!(parse_cents("1.234"), Err(NotAnAmount));
        assert_eq!(parse_cents("ten"), Err(NotAnAmount));
        assert_eq!(parse_cents("99999999999999999999"), Err(NotAnAmount));
    }
}
