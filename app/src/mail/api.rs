//! Server functions of the outbox page (administrators).

use super::OutboxPage;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the outbox, newest first; `state` is pending, failed, sent or dead.
#[server(endpoint = "outbox")]
pub async fn outbox(
    #[server(default)] state: Option<String>,
    #[server(default)] page: Option<i64>,
) -> Result<OutboxPage, AppError> {
    use crate::auth::{server, Action};
    server::require(Action::ManageOutbox)?;
    let st = server::state()?;
    let filter = crate::domain::OutboxFilter {
        state: state.as_deref().and_then(crate::domain::MessageState::parse),
        page: crate::error::page_number(page.unwrap_or(0))?,
    };
    let (entries, total) = crate::db::outbox::list(&st.db, &filter).await?;
    Ok(OutboxPage { entries, total, per_page: crate::db::outbox::PER_PAGE })
}

/// Send a failed or given-up message again.
#[server(endpoint = "retry_message")]
pub async fn retry_message(id: i64) -> Result<(), AppError> {
    use crate::auth::{server, Action};
    use crate::db::{self, audit};
    let user = server::require(Action::ManageOutbox)?;
    let st = server::state()?;
    let mut tx = st.db.begin().await?;
    let recipient = db::outbox::retry(&mut tx, id, db::now()).await?.ok_or(AppError::NotFound)?;
    let changes = audit::Changes::new().fact("recipient", recipient);
    audit::record(&mut tx, audit::Entry::by(user.id, "message_retried", "message", id, changes, &server::client_ip()))
        .await?;
    tx.commit().await?;
    crate::auth::api::back_to_page("/admin/outbox");
    Ok(())
}

/// Does the signed-in user take the daily digest?
#[server(endpoint = "daily_digest")]
pub async fn daily_digest() -> Result<bool, AppError> {
    use crate::auth::server;
    let user = server::require_user()?;
    let st = server::state()?;
    Ok(crate::admin::db::users::daily_digest(&st.db, user.id).await?)
}

/// Switch one's own daily digest on (`enabled` = "true", a ticked box) or off.
#[server(endpoint = "set_daily_digest")]
pub async fn set_daily_digest(#[server(default)] enabled: Option<String>) -> Result<(), AppError> {
    use crate::auth::server;
    use crate::db::audit;
    let user = server::require_user()?;
    let st = server::state()?;
    let on = enabled.is_some_and(|v| v == "true" || v == "on");
    let mut tx = st.db.begin().await?;
    if !crate::admin::db::users::set_daily_digest(&mut tx, user.id, on).await? {
        return Err(AppError::NotFound);
    }
    let changes = audit::Changes::new().set("daily_digest", on);
    audit::record(&mut tx, audit::Entry::by(user.id, "digest_changed", "user", user.id, changes, &server::client_ip()))
        .await?;
    tx.commit().await?;
    crate::auth::api::back_to_page("/account?saved=digest");
    Ok(())
}
