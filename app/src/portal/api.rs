//! Server functions the portal's pages load their data with. The forms themselves post to
//! plain routes (`server/src/portal.rs`), which render a refused form again through
//! `refused_post`. The status page is rendered by its route alone (`status_page`).

use super::{Confirmation, PortalPost};
use crate::error::AppError;
use leptos::prelude::*;

/// A refused post this page view answers (provided by the server's form handler), so the
/// page shows what was typed and why it was refused. None on every ordinary view.
#[server(endpoint = "portal_post")]
pub async fn refused_post() -> Result<Option<PortalPost>, AppError> {
    Ok(use_context::<PortalPost>())
}

/// The reference and access code of the request just submitted, once; the cookie that
/// carried them here is cleared.
#[server(endpoint = "portal_confirmation")]
pub async fn portal_confirmation() -> Result<Option<Confirmation>, AppError> {
    let state = crate::auth::server::state()?;
    let Some(value) = request_cookie(super::CONFIRMATION_COOKIE) else { return Ok(None) };
    crate::auth::api::set_cookie(&super::service::clear_cookie(super::CONFIRMATION_COOKIE, false));
    super::service::confirmation(&state, &value).await
}

#[cfg(feature = "ssr")]
fn request_cookie(name: &str) -> Option<String> {
    use_context::<http::request::Parts>()
        .and_then(|p| crate::auth::server::cookie(&p.headers, name).map(str::to_string))
        .filter(|v| !v.is_empty())
}
