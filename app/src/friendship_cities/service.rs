//! Friendship-city rules (server only): validation with the stage rules, the register's
//! dormancy and anniversary flags, linking delegations, each change audited in its transaction.

use super::{
    stage_errors, City, CityForm, CityKind, CitySummary, ContactForm, ExchangeForm, ExchangeKind, Stage, AREAS,
};
use crate::auth::{Action, Ctx, SessionUser};
use crate::db::{self, audit};
use crate::domain::{office_today, Country, Locale};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::friendship_cities::db::{self as data, CityRow, ExchangeError, Fields, NewContact, NewExchange};
use crate::state::ServerState;
use chrono::NaiveDate;

/// Anniversaries this many days ahead are listed on the register.
pub const ANNIVERSARY_HORIZON_DAYS: i64 = 365;

/// A register line from a row: its stage, last activity, dormancy and next anniversary.
pub fn summary(r: &CityRow, today: NaiveDate, dormant_after_years: u32) -> CitySummary {
    let last_activity_on =
        [r.first_contact_on, r.letter_of_intent_on, r.agreement_on, r.last_exchange_on].into_iter().flatten().max();
    let since = last_activity_on.unwrap_or_else(|| crate::domain::office_time(r.created_at).date_naive());
    CitySummary {
        id: r.id,
        name_original: r.name_original.clone(),
        name_zh: r.name_zh.clone(),
        name_en: r.name_en.clone(),
        name_fr: r.name_fr.clone(),
        country: r.country.clone(),
        latitude: r.latitude,
        longitude: r.longitude,
        kind: r.kind,
        stage: Stage::of(r.letter_of_intent_on, r.agreement_on),
        first_contact_on: r.first_contact_on,
        letter_of_intent_on: r.letter_of_intent_on,
        agreement_on: r.agreement_on,
        last_activity_on,
        dormant: super::is_dormant(since, today, dormant_after_years),
        anniversary: r.agreement_on.and_then(|a| super::next_anniversary(a, today, ANNIVERSARY_HORIZON_DAYS)),
    }
}

fn today() -> NaiveDate {
    office_today(db::now())
}

/// The register, filtered.
pub async fn list(state: &ServerState, f: &super::CityFilter) -> Result<Vec<CitySummary>, AppError> {
    let (today, years) = (today(), state.settings.dormant_after_years);
    Ok(data::all(&state.db).await?.iter().map(|r| summary(r, today, years)).filter(|c| f.matches(c)).collect())
}

pub async fn load(state: &ServerState, user: &SessionUser, id: i64) -> Result<City, AppError> {
    let r = data::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(City {
        summary: summary(&r, today(), state.settings.dormant_after_years),
        stage_reason: r.stage_reason.clone(),
        areas: r.areas(),
        notes: r.notes.clone(),
        version: r.version,
        exchanges: data::exchanges(&state.db, id).await?,
        contacts: data::contacts(&state.db, id).await?,
        editable: crate::auth::allows(user.role, Action::ManageCities),
    })
}

fn coordinate(v: &mut Validator, field: &str, raw: &str, limit: f64) -> f64 {
    match raw.trim().replace(',', ".").parse::<f64>() {
        Ok(x) if x.is_finite() && x.abs() <= limit => x,
        _ => {
            v.push(FieldError::new(field, FieldCode::InvalidCoordinate));
            0.0
        }
    }
}

struct Valid {
    name_original: String,
    name_zh: String,
    name_en: String,
    name_fr: String,
    country: Country,
    latitude: f64,
    longitude: f64,
    kind: CityKind,
    first_contact_on: Option<NaiveDate>,
    letter_of_intent_on: Option<NaiveDate>,
    agreement_on: Option<NaiveDate>,
    stage_reason: String,
    areas: String,
    notes: String,
}

impl Valid {
    fn fields(&self) -> Fields<'_> {
        Fields {
            name_original: &self.name_original,
            name_zh: &self.name_zh,
            name_en: &self.name_en,
            name_fr: &self.name_fr,
            country: self.country.code(),
            latitude: self.latitude,
            longitude: self.longitude,
            kind: self.kind,
            first_contact_on: self.first_contact_on,
            letter_of_intent_on: self.letter_of_intent_on,
            agreement_on: self.agreement_on,
            stage_reason: &self.stage_reason,
            areas: &self.areas,
            notes: &self.notes,
        }
    }
}

fn validate(f: &CityForm) -> Result<Valid, AppError> {
    let mut v = Validator::default();
    let name_original = v.text("name_original", &f.name_original, true, 200);
    let name_zh = v.text("name_zh", &f.name_zh, true, 200);
    let name_en = v.text("name_en", &f.name_en, false, 200);
    let name_fr = v.text("name_fr", &f.name_fr, false, 200);
    let country = v.check(Country::parse("country", &f.country));
    let latitude = coordinate(&mut v, "latitude", &f.latitude, 90.0);
    let longitude = coordinate(&mut v, "longitude", &f.longitude, 180.0);
    let kind = CityKind::parse(&f.kind);
    if kind.is_none() {
        v.push(FieldError::new("kind", FieldCode::UnknownCityKind));
    }
    let first_contact_on = v.optional_day("first_contact_on", &f.first_contact_on);
    let letter_of_intent_on = v.optional_day("letter_of_intent_on", &f.letter_of_intent_on);
    let agreement_on = v.optional_day("agreement_on", &f.agreement_on);
    let stage_reason = v.text("stage_reason", &f.stage_reason, false, 2000);
    if let Some(kind) = kind {
        for e in stage_errors(kind, first_contact_on, letter_of_intent_on, agreement_on, &stage_reason) {
            v.push(e);
        }
    }
    let mut areas: Vec<&str> = Vec::new();
    for a in f.areas.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        match AREAS.iter().find(|x| **x == a) {
            Some(x) if !areas.contains(x) => areas.push(x),
            Some(_) => {}
            None => v.push(FieldError::new("areas", FieldCode::UnknownArea)),
        }
    }
    let notes = v.text("notes", &f.notes, false, 4000);
    v.finish()?;
    let (Some(country), Some(kind)) = (country, kind) else { return Err(AppError::Internal) };
    Ok(Valid {
        name_original,
        name_zh,
        name_en,
        name_fr,
        country,
        latitude,
        longitude,
        kind,
        first_contact_on,
        letter_of_intent_on,
        agreement_on,
        stage_reason,
        areas: areas.join(","),
        notes,
    })
}

pub async fn create(cx: &Ctx, f: &CityForm) -> Result<i64, AppError> {
    cx.permit(Action::ManageCities)?;
    let v = validate(f)?;
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert(&mut tx, &v.fields(), cx.user.id, db::now()).await?;
    let changes = audit::Changes::new()
        .set("name_zh", &v.name_zh)
        .set("name_original", &v.name_original)
        .set("country", v.country.code())
        .set("kind", v.kind.as_str())
        .set("letter_of_intent_on", v.letter_of_intent_on)
        .set("agreement_on", v.agreement_on);
    audit::record(&mut tx, cx.entry("partner_city_registered", "partner_city", id, changes)).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(cx: &Ctx, id: i64, version: i32, f: &CityForm) -> Result<(), AppError> {
    cx.permit(Action::ManageCities)?;
    let v = validate(f)?;
    let mut tx = cx.state.db.begin().await?;
    let before = data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if before.version != version || !data::update(&mut tx, id, version, &v.fields(), db::now()).await? {
        return Err(AppError::StaleVersion);
    }
    let changes = audit::Changes::new()
        .diff("name_zh", before.name_zh.as_str(), v.name_zh.as_str())
        .diff("name_original", before.name_original.as_str(), v.name_original.as_str())
        .diff("kind", before.kind.as_str(), v.kind.as_str())
        .diff("first_contact_on", before.first_contact_on, v.first_contact_on)
        .diff("letter_of_intent_on", before.letter_of_intent_on, v.letter_of_intent_on)
        .diff("agreement_on", before.agreement_on, v.agreement_on)
        .diff("stage_reason", before.stage_reason.as_str(), v.stage_reason.as_str())
        .diff("areas", before.areas.as_str(), v.areas.as_str());
    if !changes.is_empty() {
        audit::record(&mut tx, cx.entry("partner_city_updated", "partner_city", id, changes)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Add an exchange to a city's timeline. A delegation (either direction) is linked by its
/// id: its title and first day are taken from the delegations register.
pub async fn add_exchange(cx: &Ctx, id: i64, f: &ExchangeForm) -> Result<i64, AppError> {
    cx.permit(Action::ManageCities)?;
    let (happened_on, title) = (f.happened_on.as_str(), f.exchange_title.as_str());
    let mut v = Validator::default();
    let kind = ExchangeKind::parse(&f.exchange_kind);
    if kind.is_none() {
        v.push(FieldError::new("exchange_kind", FieldCode::UnknownExchangeKind));
    }
    let delegation = match (kind, f.delegation_id.trim()) {
        (Some(ExchangeKind::Delegation), raw) => match raw.parse::<i64>() {
            Ok(d) => match crate::delegations::db::get(&cx.state.db, d).await? {
                Some(d) => Some(d),
                None => {
                    v.push(FieldError::new("delegation_id", FieldCode::UnknownDelegation));
                    None
                }
            },
            Err(_) => {
                v.push(FieldError::new("delegation_id", FieldCode::UnknownDelegation));
                None
            }
        },
        _ => None,
    };
    let happened_on = match &delegation {
        Some(d) if happened_on.trim().is_empty() => Some(d.starts_on),
        _ => match v.optional_day("happened_on", happened_on) {
            Some(day) => Some(day),
            None if happened_on.trim().is_empty() => {
                v.push(FieldError::new("happened_on", FieldCode::Required));
                None
            }
            None => None,
        },
    };
    let title = match &delegation {
        Some(d) if title.trim().is_empty() => d.title.clone(),
        _ => v.text("exchange_title", title, true, 200),
    };
    let notes = v.text("exchange_notes", &f.exchange_notes, false, 4000);
    v.finish()?;
    let (Some(kind), Some(happened_on)) = (kind, happened_on) else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let exchange = NewExchange {
        city_id: id,
        happened_on,
        kind,
        title: &title,
        notes: &notes,
        delegation_id: delegation.as_ref().map(|d| d.id),
        created_by: cx.user.id,
    };
    let exchange_id = data::insert_exchange(&mut tx, &exchange, db::now()).await.map_err(|e| match e {
        ExchangeError::AlreadyLinked => AppError::field("delegation_id", FieldCode::DelegationAlreadyLinked),
        ExchangeError::Db(e) => e.into(),
    })?;
    let changes = audit::Changes::new()
        .fact("exchange_id", exchange_id)
        .fact("kind", kind.as_str())
        .fact("happened_on", happened_on)
        .fact("title", &title)
        .fact("delegation_id", delegation.as_ref().map(|d| d.id));
    audit::record(&mut tx, cx.entry("partner_city_exchange_added", "partner_city", id, changes)).await?;
    tx.commit().await?;
    Ok(exchange_id)
}

pub async fn add_contact(cx: &Ctx, id: i64, f: &ContactForm) -> Result<i64, AppError> {
    cx.permit(Action::ManageCities)?;
    let (email, language) = (f.contact_email.as_str(), f.contact_language.as_str());
    let mut v = Validator::default();
    let name = v.text("contact_name", &f.contact_name, true, 200);
    let title = v.text("contact_title", &f.contact_title, false, 200);
    let email = if email.trim().is_empty() {
        String::new()
    } else {
        v.check(crate::domain::Email::parse("contact_email", email)).map(|e| e.as_str().to_string()).unwrap_or_default()
    };
    let phone = v.text("contact_phone", &f.contact_phone, false, 40);
    let language = Locale::parse(language.trim()).filter(|l| l.tag() == language.trim());
    if language.is_none() {
        v.push(FieldError::new("contact_language", FieldCode::UnknownLocale));
    }
    v.finish()?;
    let language = language.ok_or(AppError::Internal)?;
    let mut tx = cx.state.db.begin().await?;
    data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let contact = NewContact { city_id: id, name: &name, title: &title, email: &email, phone: &phone, language };
    let contact_id = data::insert_contact(&mut tx, &contact, db::now()).await?;
    let changes = audit::Changes::new().fact("contact_id", contact_id).fact("name", &name);
    audit::record(&mut tx, cx.entry("partner_city_contact_added", "partner_city", id, changes)).await?;
    tx.commit().await?;
    Ok(contact_id)
}

/// The register as CSV with the current filters, headers in the reader's language.
pub async fn register_csv(
    state: &ServerState,
    user: &SessionUser,
    f: &super::CityFilter,
    locale: Locale,
) -> Result<Vec<u8>, AppError> {
    use crate::translate::t;
    crate::auth::permit(user, crate::auth::Action::ReadCities)?;
    // The register is a few hundred cities: made whole, but one export at a time all the same.
    let lease = crate::export::Lease::take(state, user.id).await?;
    let cities = list(state, f).await?;
    let headers = [
        "city-field-name-zh",
        "city-field-name-original",
        "field-country",
        "city-field-kind",
        "city-field-stage",
        "city-field-first-contact-on",
        "city-field-letter-of-intent-on",
        "city-field-agreement-on",
        "city-last-activity",
        "city-dormant",
        "city-field-latitude",
        "city-field-longitude",
    ]
    .map(|id| t(locale, id));
    let (yes, no) = (t(locale, "common-yes"), t(locale, "common-no"));
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = cities.into_iter().map(|c| {
        vec![
            c.name_zh.clone(),
            c.name_original.clone(),
            Country::parse("country", &c.country).map(|x| x.name(locale).to_string()).unwrap_or(c.country.clone()),
            t(locale, &format!("city-kind-{}", c.kind.as_str())),
            t(locale, &format!("city-stage-{}", c.stage.as_str())),
            day(c.first_contact_on),
            day(c.letter_of_intent_on),
            day(c.agreement_on),
            day(c.last_activity_on),
            if c.dormant { yes.clone() } else { no.clone() },
            format!("{:.4}", c.latitude),
            format!("{:.4}", c.longitude),
        ]
    });
    let file = crate::export::csv_bytes(&headers, rows);
    lease.give_back().await;
    file
}
