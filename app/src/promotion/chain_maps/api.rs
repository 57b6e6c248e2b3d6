//! Server functions for the chain maps: staff who promote investment read them; liaison
//! officers and admins keep their segments and the enterprises present.

use super::{ChainMap, MapCount};
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use crate::projects::names::NamesForm;
use leptos::prelude::*;

#[server(endpoint = "chain_maps")]
pub async fn list_chain_maps() -> Result<Vec<MapCount>, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::counts(&cx.state).await
}

#[server(endpoint = "chain_map")]
pub async fn get_chain_map(sub_chain_id: i64) -> Result<ChainMap, AppError> {
    let cx = Ctx::require(Action::ReadPromotion)?;
    super::service::map(&cx.state, &cx.user, sub_chain_id).await
}

#[server(endpoint = "add_segment")]
pub async fn add_segment(sub_chain_id: i64, link: String, #[server(flatten)] form: NamesForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    let id = super::service::add_segment(&cx, sub_chain_id, &link, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/chains/{sub_chain_id}"));
    Ok(id)
}

#[server(endpoint = "rename_segment")]
pub async fn rename_segment(sub_chain_id: i64, id: i64, #[server(flatten)] form: NamesForm) -> Result<i64, AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    let id = super::service::rename_segment(&cx, id, &form).await?;
    crate::auth::api::back_to_page(&format!("/promotion/chains/{sub_chain_id}"));
    Ok(id)
}

/// Show an enterprise of the register, named by its credit code, in a segment.
#[server(endpoint = "add_segment_enterprise")]
pub async fn add_segment_enterprise(sub_chain_id: i64, segment_id: i64, credit_code: String) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::add_enterprise(&cx, segment_id, &credit_code).await?;
    crate::auth::api::back_to_page(&format!("/promotion/chains/{sub_chain_id}"));
    Ok(())
}

#[server(endpoint = "remove_segment_enterprise")]
pub async fn remove_segment_enterprise(sub_chain_id: i64, segment_id: i64, enterprise_id: i64) -> Result<(), AppError> {
    let cx = Ctx::require(Action::WorkPromotion)?;
    super::service::remove_enterprise(&cx, segment_id, enterprise_id).await?;
    crate::auth::api::back_to_page(&format!("/promotion/chains/{sub_chain_id}"));
    Ok(())
}
