//! Friendship cities (友好城市): the register of partner cities from first contact through a
//! letter of intent to formal twinning, their exchanges (delegations both ways, agreements,
//! events, notes), and the rules that say which stage a relation is at, when it has gone
//! dormant and which anniversaries are coming. The rules are plain functions, tested below.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod world;

use crate::domain::Locale;
use crate::error::{FieldCode, FieldError};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The city form as a browser sends it (validated by the service).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CityForm {
    pub name_original: String,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub name_fr: String,
    pub country: String,
    pub latitude: String,
    pub longitude: String,
    pub kind: String,
    #[serde(default)]
    pub first_contact_on: String,
    #[serde(default)]
    pub letter_of_intent_on: String,
    #[serde(default)]
    pub agreement_on: String,
    #[serde(default)]
    pub stage_reason: String,
    /// Codes from `AREAS` (`areas[]`).
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

/// An exchange as a browser sends it; a delegation is linked by `delegation_id`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExchangeForm {
    pub exchange_kind: String,
    #[serde(default)]
    pub happened_on: String,
    #[serde(default)]
    pub exchange_title: String,
    #[serde(default)]
    pub exchange_notes: String,
    #[serde(default)]
    pub delegation_id: String,
}

/// A contact at a partner city as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ContactForm {
    pub contact_name: String,
    #[serde(default)]
    pub contact_title: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    pub contact_language: String,
}

/// The kind of relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CityKind {
    /// 友好城市: a formal sister city.
    Sister,
    /// 意向友好城市: a prospective friendship city (a letter of intent).
    Prospective,
    /// 友好交流城市: a friendly exchange city.
    Exchange,
}

impl CityKind {
    pub const ALL: [CityKind; 3] = [CityKind::Sister, CityKind::Prospective, CityKind::Exchange];

    pub fn as_str(self) -> &'static str {
        match self {
            CityKind::Sister => "sister",
            CityKind::Prospective => "prospective",
            CityKind::Exchange => "exchange",
        }
    }

    pub fn parse(s: &str) -> Option<CityKind> {
        CityKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// How far a relation has come, from its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Contact,
    Intent,
    Formal,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Contact, Stage::Intent, Stage::Formal];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Contact => "contact",
            Stage::Intent => "intent",
            Stage::Formal => "formal",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn of(letter_of_intent_on: Option<NaiveDate>, agreement_on: Option<NaiveDate>) -> Stage {
        match (letter_of_intent_on, agreement_on) {
            (_, Some(_)) => Stage::Formal,
            (Some(_), None) => Stage::Intent,
            (None, None) => Stage::Contact,
        }
    }
}

/// What happened between the two cities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExchangeKind {
    Delegation,
    Agreement,
    Event,
    Note,
}

impl ExchangeKind {
    pub const ALL: [ExchangeKind; 4] =
        [ExchangeKind::Delegation, ExchangeKind::Agreement, ExchangeKind::Event, ExchangeKind::Note];

    pub fn as_str(self) -> &'static str {
        match self {
            ExchangeKind::Delegation => "delegation",
            ExchangeKind::Agreement => "agreement",
            ExchangeKind::Event => "event",
            ExchangeKind::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<ExchangeKind> {
        ExchangeKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// Does this keep a relation alive? A note in the file does not.
    pub fn is_exchange(self) -> bool {
        self != ExchangeKind::Note
    }
}

/// The areas two cities cooperate in.
pub const AREAS: [&str; 10] =
    ["trade", "investment", "tourism", "education", "culture", "health", "science", "sport", "youth", "agriculture"];

/// Cooperation areas as stored (comma-separated codes), unknown codes left out.
pub fn split_areas(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|a| AREAS.contains(a)).map(str::to_string).collect()
}

/// The stage dates as a form gives them, and the rules they must follow: a letter of intent
/// does not come before the first contact; a formal agreement needs a letter of intent before
/// it, or a written reason; a sister city has its agreement date, a prospective one its
/// letter of intent.
pub fn stage_errors(
    kind: CityKind,
    first_contact_on: Option<NaiveDate>,
    letter_of_intent_on: Option<NaiveDate>,
    agreement_on: Option<NaiveDate>,
    reason: &str,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let (Some(first), Some(loi)) = (first_contact_on, letter_of_intent_on) {
        if loi < first {
            errors.push(FieldError::new("letter_of_intent_on", FieldCode::IntentBeforeContact));
        }
    }
    if let Some(agreement) = agreement_on {
        let intent_before = letter_of_intent_on.is_some_and(|loi| loi < agreement);
        if !intent_before && reason.trim().is_empty() {
            errors.push(FieldError::new("stage_reason", FieldCode::FormalNeedsIntent));
        }
    }
    match kind {
        CityKind::Sister if agreement_on.is_none() => {
            errors.push(FieldError::new("agreement_on", FieldCode::SisterNeedsAgreement));
        }
        CityKind::Prospective if letter_of_intent_on.is_none() => {
            errors.push(FieldError::new("letter_of_intent_on", FieldCode::ProspectiveNeedsIntent));
        }
        _ => {}
    }
    errors
}

/// Has a relation gone dormant: nothing since `last` for `years` years (to the day)?
/// A relation with nothing at all on file counts from when it was registered.
pub fn is_dormant(last: NaiveDate, today: NaiveDate, years: u32) -> bool {
    match last.checked_add_months(Months::new(12 * years)) {
        Some(limit) => limit <= today,
        None => false,
    }
}

/// The next round anniversary (5, 10, 15… years) of a formal agreement signed on `signed`,
/// from `today` to `within_days` days ahead: (years, the day). A 29 February agreement is
/// remembered on 28 February in other years.
pub fn next_anniversary(signed: NaiveDate, today: NaiveDate, within_days: i64) -> Option<(i32, NaiveDate)> {
    let mut years = ((today.year() - signed.year()) / 5).max(1) * 5;
    loop {
        let day = signed.checked_add_months(Months::new(12 * years as u32))?;
        if day >= today {
            return ((day - today).num_days() <= within_days).then_some((years, day));
        }
        years += 5;
    }
}

/// Where a place lies on the world map (`world::LAND`'s equirectangular projection on a
/// `WIDTH` × `HEIGHT` box): x grows eastward from 180° W, y southward from 90° N.
pub fn map_point(latitude: f64, longitude: f64) -> (f64, f64) {
    ((longitude + 180.0) / 360.0 * world::WIDTH, (90.0 - latitude) / 180.0 * world::HEIGHT)
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitySummary {
    pub id: i64,
    pub name_original: String,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub kind: CityKind,
    pub stage: Stage,
    pub first_contact_on: Option<NaiveDate>,
    pub letter_of_intent_on: Option<NaiveDate>,
    pub agreement_on: Option<NaiveDate>,
    /// The latest exchange or stage date.
    pub last_activity_on: Option<NaiveDate>,
    pub dormant: bool,
    /// The next round anniversary of the formal agreement within a year: (years, day).
    pub anniversary: Option<(i32, NaiveDate)>,
}

impl CitySummary {
    /// The city's name in the reader's language (the original when there is none).
    pub fn name(&self, locale: Locale) -> &str {
        let n = match locale {
            Locale::ZhCn => &self.name_zh,
            Locale::En => &self.name_en,
            Locale::Fr => &self.name_fr,
        };
        if n.is_empty() {
            &self.name_original
        } else {
            n
        }
    }
}

/// An exchange on a city's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchange {
    pub id: i64,
    pub happened_on: NaiveDate,
    pub kind: ExchangeKind,
    pub title: String,
    pub notes: String,
    pub delegation_id: Option<i64>,
}

/// A counterpart at the partner city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub language: Locale,
}

/// A city with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    pub summary: CitySummary,
    pub stage_reason: String,
    pub areas: Vec<String>,
    pub notes: String,
    pub version: i32,
    pub exchanges: Vec<Exchange>,
    pub contacts: Vec<Contact>,
    pub editable: bool,
}

/// The register's filters, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CityFilter {
    pub country: Option<String>,
    pub kind: Option<String>,
    pub stage: Option<String>,
    pub dormant: bool,
}

impl CityFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> CityFilter {
        let text = |k: &str| get(k).filter(|s| !s.trim().is_empty());
        CityFilter {
            country: text("country"),
            kind: text("kind").filter(|k| CityKind::parse(k).is_some()),
            stage: text("stage").filter(|s| Stage::parse(s).is_some()),
            dormant: text("dormant").as_deref() == Some("true"),
        }
    }

    pub fn to_query(&self) -> String {
        crate::shell::query_string(&[
            ("country", self.country.clone()),
            ("kind", self.kind.clone()),
            ("stage", self.stage.clone()),
            ("dormant", self.dormant.then(|| "true".into())),
        ])
    }

    pub fn matches(&self, c: &CitySummary) -> bool {
        self.country.as_deref().is_none_or(|x| x == c.country)
            && self.kind.as_deref().is_none_or(|k| k == c.kind.as_str())
            && self.stage.as_deref().is_none_or(|s| s == c.stage.as_str())
            && (!self.dormant || c.dormant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_formal_agreement_needs_a_letter_of_intent_before_it_or_a_reason() {
        let codes = |e: Vec<FieldError>| e.into_iter().map(|e| e.code).collect::<Vec<_>>();
        let (first, loi, formal) = (Some(day(2019, 5, 1)), Some(day(2020, 6, 1)), Some(day(2024, 9, 1)));
        assert!(stage_errors(CityKind::Sister, first, loi, formal, "").is_empty());
        assert_eq!(codes(stage_errors(CityKind::Sister, first, None, formal, "")), [FieldCode::FormalNeedsIntent]);
        assert!(stage_errors(CityKind::Sister, first, None, formal, "经省外办批准直接缔结").is_empty());
        // The same day is not before.
        assert_eq!(codes(stage_errors(CityKind::Sister, first, formal, formal, "")), [FieldCode::FormalNeedsIntent]);
        assert_eq!(
            codes(stage_errors(CityKind::Prospective, Some(day(2021, 1, 1)), Some(day(2020, 1, 1)), None, "")),
            [FieldCode::IntentBeforeContact]
        );
        assert_eq!(codes(stage_errors(CityKind::Sister, first, loi, None, "")), [FieldCode::SisterNeedsAgreement]);
        assert_eq!(
            codes(stage_errors(CityKind::Prospective, first, None, None, "")),
            [FieldCode::ProspectiveNeedsIntent]
        );
        assert!(stage_errors(CityKind::Exchange, None, None, None, "").is_empty());
        assert_eq!(Stage::of(loi, None), Stage::Intent);
        assert_eq!(Stage::of(None, formal), Stage::Formal);
    }

    #[test]
    fn two_quiet_years_make_a_relation_dormant_across_year_ends() {
        assert!(!is_dormant(day(2024, 12, 31), day(2026, 12, 30), 2));
        assert!(is_dormant(day(2024, 12, 31), day(2026, 12, 31), 2));
        assert!(is_dormant(day(2024, 12, 31), day(2027, 1, 1), 2));
        assert!(!is_dormant(day(2025, 1, 1), day(2026, 12, 31), 2));
        // 29 February plus two years is 28 February.
        assert!(is_dormant(day(2024, 2, 29), day(2026, 2, 28), 2));
        assert!(!is_dormant(day(2024, 2, 29), day(2026, 2, 27), 2));
    }

    #[test]
    fn round_anniversaries_come_every_five_years() {
        // Signed 10 January 2017: the 10th anniversary falls in the next year, across New Year.
        assert_eq!(next_anniversary(day(2017, 1, 10), day(2026, 12, 20), 365), Some((10, day(2027, 1, 10))));
        assert_eq!(next_anniversary(day(2017, 1, 10), day(2026, 12, 20), 15), None);
        // On the day itself it is still coming.
        assert_eq!(next_anniversary(day(2001, 6, 1), day(2026, 6, 1), 365), Some((25, day(2026, 6, 1))));
        // The day after, the next round one is five years away: not within a year.
        assert_eq!(next_anniversary(day(2001, 6, 1), day(2026, 6, 2), 365), None);
        // Signed this year: the 5th anniversary is years away.
        assert_eq!(next_anniversary(day(2026, 3, 1), day(2026, 11, 26), 365), None);
        assert_eq!(next_anniversary(day(2022, 3, 1), day(2026, 11, 26), 365), Some((5, day(2027, 3, 1))));
        assert_eq!(next_anniversary(day(2012, 2, 29), day(2026, 11, 26), 365), Some((15, day(2027, 2, 28))));
    }

    #[test]
    fn a_city_is_placed_by_its_coordinates() {
        let (x, y) = map_point(50.6292, 3.0573);
        assert!((x - 508.49).abs() < 0.01 && (y - 109.36).abs() < 0.01, "Lille at {x}, {y}");
        assert_eq!(map_point(0.0, 0.0), (500.0, 250.0));
        assert_eq!(map_point(90.0, -180.0), (0.0, 0.0));
        assert_eq!(map_point(-90.0, 180.0), (1000.0, 500.0));
        // The outline is a real map: it starts with a move and closes its rings.
        assert!(world::LAND.starts_with('M') && world::LAND.matches('Z').count() > 100);
    }

    #[test]
    fn filters_ignore_what_they_do_not_know() {
        let f = CityFilter::from_query(|k| match k {
            "kind" => Some("prospective".into()),
            "stage" => Some("married".into()),
            "dormant" => Some("true".into()),
            _ => None,
        });
        assert_eq!(f, CityFilter { country: None, kind: Some("prospective".into()), stage: None, dormant: true });
    }
}
