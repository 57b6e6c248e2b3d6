//! The counties and districts of the city (区县), where projects are built: reference data the
//! admins keep, named in the three languages. A county is renamed, never deleted, so that the
//! projects and figures that name it keep their place.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::domain::{county_name, County};

/// The county form as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CountyForm {
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    #[serde(default)]
    pub sort_order: String,
}

#[server(endpoint = "counties")]
pub async fn list_counties() -> Result<Vec<County>, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ReadProjects)?;
    // Reference data, read on every page of the register: kept a few seconds (see `Reference`).
    let counties = cx.state.reference.get_or_load("counties", || data::all(&cx.state.db));
    Ok(counties.await?.to_vec())
}

/// Add a county; the list follows.
#[server(endpoint = "add_county")]
pub async fn add_county(#[server(flatten)] form: CountyForm) -> Result<i64, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let id = service::save(&cx, None, &form).await?;
    crate::auth::api::back_to_page("/projects/counties");
    Ok(id)
}

/// Rename a county, or move it in the list.
#[server(endpoint = "rename_county")]
pub async fn rename_county(id: i64, #[server(flatten)] form: CountyForm) -> Result<i64, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let id = service::save(&cx, Some(id), &form).await?;
    crate::auth::api::back_to_page("/projects/counties");
    Ok(id)
}

#[cfg(feature = "ssr")]
mod service {
    use super::{data, CountyForm};
    use crate::auth::{Action, Ctx};
    use crate::db::audit;
    use crate::error::{AppError, FieldCode, FieldError, Validator};

    /// Add a county (`id` None) or change one; a Chinese name another county has is refused.
    pub async fn save(cx: &Ctx, id: Option<i64>, f: &CountyForm) -> Result<i64, AppError> {
        cx.permit(Action::ManageReference)?;
        let mut v = Validator::default();
        let name_zh = v.text("name_zh", &f.name_zh, true, 50);
        let name_en = v.text("name_en", &f.name_en, true, 100);
        let name_fr = v.text("name_fr", &f.name_fr, true, 100);
        let sort_order = match f.sort_order.trim() {
            "" => 0,
            raw => raw.parse::<i64>().ok().filter(|n| (0..=100_000).contains(n)).unwrap_or_else(|| {
                v.push(FieldError::new("sort_order", FieldCode::InvalidNumber));
                0
            }),
        };
        v.finish()?;
        let mut tx = cx.state.db.begin().await?;
        if data::named_in(&mut tx, &name_zh).await?.is_some_and(|other| Some(other) != id) {
            return Err(AppError::field("name_zh", FieldCode::NameTaken));
        }
        let names = [name_zh.as_str(), name_en.as_str(), name_fr.as_str()];
        // Two admins saving one name at once: the second meets the unique index.
        let taken = |e: sqlx::Error| {
            if crate::db::is_unique_violation(&e) {
                AppError::field("name_zh", FieldCode::NameTaken)
            } else {
                e.into()
            }
        };
        let (id, action) = match id {
            None => (data::insert(&mut tx, names, sort_order).await.map_err(taken)?, "county_added"),
            Some(id) => {
                if !data::update(&mut tx, id, names, sort_order).await.map_err(taken)? {
                    return Err(AppError::NotFound);
                }
                (id, "county_renamed")
            }
        };
        let changes = audit::Changes::new()
            .set("name_zh", &name_zh)
            .set("name_en", &name_en)
            .set("name_fr", &name_fr)
            .set("sort_order", sort_order);
        audit::record(&mut tx, cx.entry(action, "county", id, changes)).await?;
        tx.commit().await?;
        cx.state.reference.clear();
        Ok(id)
    }
}

#[cfg(feature = "ssr")]
pub mod data {
    use crate::db::Tx;

    pub use crate::db::counties::{all, exists};

    /// The county with this Chinese name, if there is one.
    pub async fn named_in(tx: &mut Tx, name_zh: &str) -> Result<Option<i64>, sqlx::Error> {
        tx.optional("select id from counties where name_zh = $1", &[name_zh.into()]).await
    }

    pub async fn insert(tx: &mut Tx, names: [&str; 3], sort_order: i64) -> Result<i64, sqlx::Error> {
        let [zh, en, fr] = names;
        tx.one(
            "insert into counties (name_zh, name_en, name_fr, sort_order, created_at) \
                 values ($1, $2, $3, $4, $5) returning id",
            &[zh.into(), en.into(), fr.into(), sort_order.into(), crate::db::now().into()],
        )
        .await
    }

    pub async fn update(tx: &mut Tx, id: i64, names: [&str; 3], sort_order: i64) -> Result<bool, sqlx::Error> {
        let [zh, en, fr] = names;
        let done: Option<i64> = tx
            .optional(
                "update counties set name_zh = $1, name_en = $2, name_fr = $3, sort_order = $4 \
                     where id = $5 returning id",
                &[zh.into(), en.into(), fr.into(), sort_order.into(), id.into()],
            )
            .await?;
        Ok(done.is_some())
    }
}
