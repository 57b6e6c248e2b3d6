//! Departments: reference data seeded by the first migration.

use crate::admin::Department;
use crate::db::Db;
use crate::on_db;

pub async fn list(db: &Db) -> Result<Vec<Department>, sqlx::Error> {
    db.all::<Department>("select id, code, name_zh, name_en, name_fr from departments order by sort_order, id", &[])
        .await
}

pub async fn exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(*) from departments where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .map(|n| n > 0)
    })
}
