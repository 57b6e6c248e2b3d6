//! Aftercare: the contacts recorded with an enterprise (each moving its last-contact date
//! forward) and the people at the enterprise with the language they read.

use crate::db::{Db, Tx};
use crate::domain::Locale;
use crate::enterprises::{AftercareContact, ContactKind, ContactPerson};
use crate::on_tx;
use chrono::{DateTime, NaiveDate, Utc};

crate::code_column!(ContactKind);

impl crate::db::Record for AftercareContact {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(AftercareContact {
            id: row.get("id")?,
            kind: row.get("kind")?,
            contacted_on: row.get("contacted_on")?,
            participants: row.get("participants")?,
            notes: row.get("notes")?,
            follow_ups: row.get("follow_ups")?,
            recorded_by_name: row.get("recorded_by_name")?,
        })
    }
}

pub async fn contacts(db: &Db, enterprise_id: i64) -> Result<Vec<AftercareContact>, sqlx::Error> {
    db.all::<AftercareContact>(
        "select c.id, c.kind, c.contacted_on, c.participants, c.notes, c.follow_ups, \
                u.display_name as recorded_by_name \
         from aftercare_contacts c left join users u on u.id = c.recorded_by \
         where c.enterprise_id = $1 order by c.contacted_on desc, c.id desc",
        &[enterprise_id.into()],
    )
    .await
}

pub struct NewContact<'a> {
    pub enterprise_id: i64,
    pub kind: ContactKind,
    pub contacted_on: NaiveDate,
    pub participants: &'a str,
    pub notes: &'a str,
    pub follow_ups: &'a str,
    pub recorded_by: i64,
    pub at: DateTime<Utc>,
}

/// Record a contact and move the enterprise's last-contact date forward (never back).
pub async fn insert_contact(tx: &mut Tx, c: &NewContact<'_>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        let id = sqlx::query_scalar::<_, i64>(
            "insert into aftercare_contacts (enterprise_id, kind, contacted_on, participants, notes, follow_ups, \
                 recorded_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        )
        .bind(c.enterprise_id)
        .bind(c.kind.as_str())
        .bind(c.contacted_on)
        .bind(c.participants)
        .bind(c.notes)
        .bind(c.follow_ups)
        .bind(c.recorded_by)
        .bind(c.at)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "update enterprises set last_contact_on = $1 \
             where id = $2 and (last_contact_on is null or last_contact_on < $1)",
        )
        .bind(c.contacted_on)
        .bind(c.enterprise_id)
        .execute(&mut *conn)
        .await?;
        Ok(id)
    })
}

pub async fn people(db: &Db, enterprise_id: i64) -> Result<Vec<ContactPerson>, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<String>, String, Locale)> = db.all::<(i64, String, String, Option<String>, String, Locale)>("select id, name, title, email, phone, language from enterprise_people where enterprise_id = $1 order by id", &[enterprise_id.into()]).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, title, email, phone, language)| ContactPerson { id, name, title, email, phone, language })
        .collect())
}

pub struct NewPerson<'a> {
    pub enterprise_id: i64,
    pub name: &'a str,
    pub title: &'a str,
    pub email: Option<&'a str>,
    pub phone: &'a str,
    pub language: Locale,
    pub by: i64,
    pub at: DateTime<Utc>,
}

pub async fn insert_person(tx: &mut Tx, p: &NewPerson<'_>) -> Result<i64, sqlx::Error> {
    tx.one::<i64>(
        "insert into enterprise_people (enterprise_id, name, title, email, phone, language, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        &[
            p.enterprise_id.into(),
            p.name.into(),
            p.title.into(),
            p.email.into(),
            p.phone.into(),
            (p.language.tag()).into(),
            p.by.into(),
            p.at.into(),
        ],
    )
    .await
}

/// Remove a person from an enterprise; returns their name, or `None` if they were not there.
pub async fn delete_person(tx: &mut Tx, enterprise_id: i64, person_id: i64) -> Result<Option<String>, sqlx::Error> {
    tx.optional::<String>(
        "delete from enterprise_people where id = $1 and enterprise_id = $2 returning name",
        &[person_id.into(), enterprise_id.into()],
    )
    .await
}
