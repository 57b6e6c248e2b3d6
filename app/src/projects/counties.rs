//! The counties and districts of the city (区县), where projects are built: reference data the
//! admins keep, named in the three languages. A county is renamed, never deleted, so that the
//! projects and figures that name it keep their place.

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::domain::{county_name, County};

/// The county form as a browser sends it.
pub type CountyForm = super::names::NamesForm;

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
    use super::CountyForm;
    use crate::auth::Ctx;
    use crate::error::AppError;
    use crate::projects::names::write::{self, Table};

    /// Add a county (`id` None) or change one; a Chinese name another county has is refused.
    pub async fn save(cx: &Ctx, id: Option<i64>, f: &CountyForm) -> Result<i64, AppError> {
        write::save(
            cx,
            &Table { name: "counties", entity: "county", within: None, action: crate::auth::Action::ManageReference },
            id,
            f,
            Vec::new(),
        )
        .await
    }
}

#[cfg(feature = "ssr")]
pub mod data {
    pub use crate::db::counties::{all, exists};
}
