//! The installation's secrets (`app_secrets`), each made by whichever server asks first.

use super::Db;
use crate::on_db;

/// The secret stored under `name`, made from `fresh` the first time any server asks (the first
/// writer wins, so every server of one installation uses the same one).
pub async fn secret(db: &Db, name: &str, fresh: &str) -> Result<String, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query("insert into app_secrets (name, value) values ($1, $2) on conflict (name) do nothing")
            .bind(name)
            .bind(fresh)
            .execute(pool)
            .await?;
        sqlx::query_scalar::<_, String>("select value from app_secrets where name = $1")
            .bind(name)
            .fetch_one(pool)
            .await
    })
}
