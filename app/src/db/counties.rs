//! The counties and districts as the project register and the staff accounts read them.

use super::{Columns, Db, Record};
use crate::domain::County;

impl Record for County {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(County {
            id: row.get("id")?,
            name_zh: row.get("name_zh")?,
            name_en: row.get("name_en")?,
            name_fr: row.get("name_fr")?,
            sort_order: row.get("sort_order")?,
        })
    }
}

pub async fn all(db: &Db) -> Result<Vec<County>, sqlx::Error> {
    db.all("select id, name_zh, name_en, name_fr, sort_order from counties order by sort_order, id", &[]).await
}

pub async fn exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    Ok(db.optional::<i64>("select id from counties where id = $1", &[id.into()]).await?.is_some())
}
