//! The bookable resources (venues, vehicles, interpreters, officials) and their booking lock.

use super::RESOURCE_COLUMNS;
use crate::db::{is_unique_violation, Db, Tx};
use crate::delegations::{Resource, ResourceKind};
use crate::domain::Locale;
use chrono::{DateTime, Utc};

/// The active resources, by kind and name.
pub async fn resources(db: &Db) -> Result<Vec<Resource>, sqlx::Error> {
    let sql = format!("select {RESOURCE_COLUMNS} from resources r where r.active = true order by r.kind, r.name, r.id");
    db.all::<Resource>(&sql, &[]).await
}

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("a resource of this kind has this name")]
    NameTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub struct NewResource<'a> {
    pub kind: ResourceKind,
    pub name: &'a str,
    pub languages: &'a str,
    pub details: &'a str,
    pub email: &'a str,
    pub language: Locale,
    pub user_id: Option<i64>,
}

pub async fn insert_resource(tx: &mut Tx, r: &NewResource<'_>, at: DateTime<Utc>) -> Result<i64, ResourceError> {
    tx.one::<i64>(
        "insert into resources (kind, name, languages, details, email, language, user_id, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        &[
            (r.kind.as_str()).into(),
            r.name.into(),
            r.languages.into(),
            r.details.into(),
            r.email.into(),
            (r.language.tag()).into(),
            r.user_id.into(),
            at.into(),
        ],
    )
    .await
    .map_err(|e| if is_unique_violation(&e) { ResourceError::NameTaken } else { ResourceError::Db(e) })
}

/// Retire a resource: no longer offered or bookable; its past and planned bookings stay.
/// Returns its name, or `None` when there is no such active resource.
pub async fn retire_resource(tx: &mut Tx, id: i64) -> Result<Option<String>, sqlx::Error> {
    tx.optional::<String>(
        "update resources set active = false, bookings = bookings + 1 where id = $1 and active = true returning name",
        &[id.into()],
    )
    .await
}

/// Take the resource's booking lock for this transaction (a row lock on PostgreSQL; SQLite's
/// write transactions already run one at a time) and return it, or `None` when it is not an
/// active resource. Two bookings of one resource thus run one after the other, and the second
/// sees the first's item.
pub async fn lock_resource(tx: &mut Tx, id: i64) -> Result<Option<Resource>, sqlx::Error> {
    tx.optional::<Resource>(
        "update resources set bookings = bookings + 1 where id = $1 and active = true \
         returning id, kind, name, languages, details, email, language, user_id",
        &[id.into()],
    )
    .await
}
