//! Server functions of the outbox page (administrators).

use super::OutboxPage;
#[cfg(feature = "ssr")]
use crate::auth::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the outbox, newest first; `state` is pending, failed, sent or dead.
#[server(endpoint = "outbox")]
pub async fn outbox(
    #[server(default)] state: Option<String>,
    #[server(default)] page: Option<i64>,
) -> Result<OutboxPage, AppError> {
    let cx = Ctx::require(Action::ManageOutbox)?;
    let filter = crate::domain::OutboxFilter {
        state: state.as_deref().and_then(crate::domain::MessageState::parse),
        page: crate::error::page_number(page.unwrap_or(0))?,
    };
    let (entries, total) = crate::db::outbox::list(&cx.state.db, &filter).await?;
    Ok(OutboxPage { entries, total, per_page: crate::db::outbox::PER_PAGE })
}

/// Send a failed or given-up message again.
#[server(endpoint = "retry_message")]
pub async fn retry_message(id: i64) -> Result<(), AppError> {
    use crate::db::{self, audit};
    let cx = Ctx::require(Action::ManageOutbox)?;
    let mut tx = cx.state.db.begin().await?;
    let recipient = db::outbox::retry(&mut tx, id, db::now()).await?.ok_or(AppError::NotFound)?;
    let changes = audit::Changes::new().fact("recipient", recipient);
    audit::record(&mut tx, cx.entry("message_retried", "message", id, changes)).await?;
    tx.commit().await?;
    crate::auth::api::back_to_page("/admin/outbox");
    Ok(())
}

/// Does the signed-in user take the daily digest?
#[server(endpoint = "daily_digest")]
pub async fn daily_digest() -> Result<bool, AppError> {
    let cx = Ctx::signed_in()?;
    Ok(crate::admin::db::users::daily_digest(&cx.state.db, cx.user.id).await?)
}

/// Switch one's own daily digest on (`enabled` = "true", a ticked box) or off.
#[server(endpoint = "set_daily_digest")]
pub async fn set_daily_digest(#[server(default)] enabled: Option<String>) -> Result<(), AppError> {
    use crate::db::audit;
    let cx = Ctx::signed_in()?;
    let on = enabled.is_some_and(|v| v == "true" || v == "on");
    let mut tx = cx.state.db.begin().await?;
    if !crate::admin::db::users::set_daily_digest(&mut tx, cx.user.id, on).await? {
        return Err(AppError::NotFound);
    }
    let changes = audit::Changes::new().set("daily_digest", on);
    audit::record(&mut tx, cx.entry("digest_changed", "user", cx.user.id, changes)).await?;
    tx.commit().await?;
    crate::auth::api::back_to_page("/account?saved=digest");
    Ok(())
}
