//! Partner cities, their exchanges and counterpart contacts.

use crate::db::{Columns, Db, Record, Tx};
use crate::domain::Locale;
use crate::friendship_cities::{split_areas, CityKind, Contact, Exchange, ExchangeKind};
use crate::on_tx;
use chrono::{DateTime, NaiveDate, Utc};

/// A city's row, with the date of its latest exchange (notes aside).
#[derive(Debug, Clone)]
pub struct CityRow {
    pub id: i64,
    pub name_original: String,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub kind: CityKind,
    pub first_contact_on: Option<NaiveDate>,
    pub letter_of_intent_on: Option<NaiveDate>,
    pub agreement_on: Option<NaiveDate>,
    pub stage_reason: String,
    pub areas: String,
    pub notes: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub last_exchange_on: Option<NaiveDate>,
}

impl CityRow {
    pub fn areas(&self) -> Vec<String> {
        split_areas(&self.areas)
    }
}

const SELECT: &str = "select c.id, c.name_original, c.name_zh, c.name_en, c.name_fr, c.country, c.latitude, \
         c.longitude, c.kind, c.first_contact_on, c.letter_of_intent_on, c.agreement_on, c.stage_reason, c.areas, \
         c.notes, c.version, c.created_at, \
         (select max(x.happened_on) from partner_city_exchanges x where x.city_id = c.id and x.kind <> 'note') \
             as last_exchange_on \
     from partner_cities c";

crate::code_column!(CityKind, ExchangeKind);

impl Record for CityRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(CityRow {
            id: row.get("id")?,
            name_original: row.get("name_original")?,
            name_zh: row.get("name_zh")?,
            name_en: row.get("name_en")?,
            name_fr: row.get("name_fr")?,
            country: row.get("country")?,
            latitude: row.get("latitude")?,
            longitude: row.get("longitude")?,
            kind: row.get("kind")?,
            first_contact_on: row.get("first_contact_on")?,
            letter_of_intent_on: row.get("letter_of_intent_on")?,
            agreement_on: row.get("agreement_on")?,
            stage_reason: row.get("stage_reason")?,
            areas: row.get("areas")?,
            notes: row.get("notes")?,
            version: row.get("version")?,
            created_at: row.get("created_at")?,
            last_exchange_on: row.get("last_exchange_on")?,
        })
    }
}

/// Every partner city, by Chinese name (a city register is small: a few dozen).
pub async fn all(db: &Db) -> Result<Vec<CityRow>, sqlx::Error> {
    db.all(&format!("{SELECT} order by c.name_zh, c.id"), &[]).await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<CityRow>, sqlx::Error> {
    db.optional(&format!("{SELECT} where c.id = $1"), &[id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<CityRow>, sqlx::Error> {
    tx.optional(&format!("{SELECT} where c.id = $1"), &[id.into()]).await
}

/// A city's fields as a form sets them.
pub struct Fields<'a> {
    pub name_original: &'a str,
    pub name_zh: &'a str,
    pub name_en: &'a str,
    pub name_fr: &'a str,
    pub country: &'a str,
    pub latitude: f64,
    pub longitude: f64,
    pub kind: CityKind,
    pub first_contact_on: Option<NaiveDate>,
    pub letter_of_intent_on: Option<NaiveDate>,
    pub agreement_on: Option<NaiveDate>,
    pub stage_reason: &'a str,
    pub areas: &'a str,
    pub notes: &'a str,
}

pub async fn insert(tx: &mut Tx, f: &Fields<'_>, by: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into partner_cities (name_original, name_zh, name_en, name_fr, country, latitude, longitude, kind, \
                 first_contact_on, letter_of_intent_on, agreement_on, stage_reason, areas, notes, created_by, \
                 created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) returning id",
        &[
            f.name_original.into(),
            f.name_zh.into(),
            f.name_en.into(),
            f.name_fr.into(),
            f.country.into(),
            f.latitude.into(),
            f.longitude.into(),
            (f.kind.as_str()).into(),
            f.first_contact_on.into(),
            f.letter_of_intent_on.into(),
            f.agreement_on.into(),
            f.stage_reason.into(),
            f.areas.into(),
            f.notes.into(),
            by.into(),
            at.into(),
        ],
    )
    .await
}

/// Save the fields if nobody saved since `version`; false otherwise.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i32,
    f: &Fields<'_>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update partner_cities set name_original = $1, name_zh = $2, name_en = $3, name_fr = $4, country = $5, \
                 latitude = $6, longitude = $7, kind = $8, first_contact_on = $9, letter_of_intent_on = $10, \
                 agreement_on = $11, stage_reason = $12, areas = $13, notes = $14, updated_at = $15, \
                 version = version + 1 \
             where id = $16 and version = $17",
        )
        .bind(f.name_original)
        .bind(f.name_zh)
        .bind(f.name_en)
        .bind(f.name_fr)
        .bind(f.country)
        .bind(f.latitude)
        .bind(f.longitude)
        .bind(f.kind.as_str())
        .bind(f.first_contact_on)
        .bind(f.letter_of_intent_on)
        .bind(f.agreement_on)
        .bind(f.stage_reason)
        .bind(f.areas)
        .bind(f.notes)
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

impl Record for Exchange {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Exchange {
            id: row.get("id")?,
            happened_on: row.get("happened_on")?,
            kind: row.get("kind")?,
            title: row.get("title")?,
            notes: row.get("notes")?,
            delegation_id: row.get("delegation_id")?,
        })
    }
}

/// A city's timeline, the latest first.
pub async fn exchanges(db: &Db, city_id: i64) -> Result<Vec<Exchange>, sqlx::Error> {
    db.all(
        "select id, happened_on, kind, title, notes, delegation_id from partner_city_exchanges \
         where city_id = $1 order by happened_on desc, id desc",
        &[city_id.into()],
    )
    .await
}

pub struct NewExchange<'a> {
    pub city_id: i64,
    pub happened_on: NaiveDate,
    pub kind: ExchangeKind,
    pub title: &'a str,
    pub notes: &'a str,
    pub delegation_id: Option<i64>,
    pub created_by: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("the delegation is already linked to this city")]
    AlreadyLinked,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn insert_exchange(tx: &mut Tx, e: &NewExchange<'_>, at: DateTime<Utc>) -> Result<i64, ExchangeError> {
    tx.one::<i64>(
        "insert into partner_city_exchanges (city_id, happened_on, kind, title, notes, delegation_id, created_by, \
                 created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        &[
            e.city_id.into(),
            e.happened_on.into(),
            (e.kind.as_str()).into(),
            e.title.into(),
            e.notes.into(),
            e.delegation_id.into(),
            e.created_by.into(),
            at.into(),
        ],
    )
    .await
    .map_err(|e| if crate::db::is_unique_violation(&e) { ExchangeError::AlreadyLinked } else { ExchangeError::Db(e) })
}

impl Record for Contact {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Contact {
            id: row.get("id")?,
            name: row.get("name")?,
            title: row.get("title")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            language: row.get("language")?,
        })
    }
}

pub async fn contacts(db: &Db, city_id: i64) -> Result<Vec<Contact>, sqlx::Error> {
    db.all(
        "select id, name, title, email, phone, language from partner_city_contacts where city_id = $1 order by id",
        &[city_id.into()],
    )
    .await
}

pub struct NewContact<'a> {
    pub city_id: i64,
    pub name: &'a str,
    pub title: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub language: Locale,
}

pub async fn insert_contact(tx: &mut Tx, c: &NewContact<'_>, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into partner_city_contacts (city_id, name, title, email, phone, language, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7) returning id",
        &[
            c.city_id.into(),
            c.name.into(),
            c.title.into(),
            c.email.into(),
            c.phone.into(),
            (c.language.tag()).into(),
            at.into(),
        ],
    )
    .await
}

/// The cities of a kind that entered the register from one instant to the next, by their
/// names (Chinese, English, French), the first to enter first.
pub async fn entered_between(
    db: &Db,
    kind: CityKind,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    db.all(
        "select name_zh, name_en, name_fr from partner_cities \
         where kind = $1 and created_at >= $2 and created_at < $3 order by created_at, id",
        &[kind.as_str().into(), from.into(), until.into()],
    )
    .await
}

/// For each kind of relation: how many cities, and how many entered the register from one
/// instant to the next (the dashboard's figures).
pub async fn kinds(
    db: &Db,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<(CityKind, i64, i64)>, sqlx::Error> {
    db.all(
        "select kind, count(*), \
                cast(coalesce(sum(case when created_at >= $1 and created_at < $2 then 1 else 0 end), 0) as bigint) \
         from partner_cities group by kind",
        &[from.into(), until.into()],
    )
    .await
}
