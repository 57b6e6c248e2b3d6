//! Server functions for signing in and out and for one's own account.

use super::SessionUser;
#[cfg(feature = "ssr")]
use super::{Action, Ctx};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod web {
    //! Helpers for server functions answering both JavaScript and plain HTML forms.
    use http::header::{HeaderValue, ACCEPT, SET_COOKIE};
    use leptos::prelude::use_context;

    /// A plain HTML form post (no JavaScript) asks for `text/html`; those get redirects.
    pub fn is_plain_form() -> bool {
        use_context::<http::request::Parts>()
            .and_then(|p| p.headers.get(ACCEPT).and_then(|v| v.to_str().ok()).map(|a| a.contains("text/html")))
            .unwrap_or(false)
    }

    /// Send a plain form post (no JavaScript) back to `path`; with JavaScript the page
    /// refreshes itself.
    pub fn back_to_page(path: &str) {
        if is_plain_form() {
            leptos_axum::redirect(path);
        }
    }

    pub fn set_cookie(value: &str) {
        if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(value)) {
            res.append_header(SET_COOKIE, v);
        }
    }
}
#[cfg(feature = "ssr")]
pub use web::{back_to_page, is_plain_form, set_cookie};

/// The signed-in user, if any.
#[server(endpoint = "me")]
pub async fn me() -> Result<Option<SessionUser>, AppError> {
    Ok(super::server::current_user())
}

/// Sign in. With JavaScript the page reloads itself on success; a plain form is redirected.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::server;
    let state = server::state()?;
    let ip = server::client_ip();
    let ua = server::user_agent();
    let previous = server::authenticated().map(|a| a.session_id);
    let (token, user_id) =
        super::sign_in::login(&state, &email, &password, &ip, ua.as_deref(), previous.as_deref()).await?;
    set_cookie(&server::session_cookie(&token, state.settings.secure_cookies));
    // The user's own language wins from now on.
    if let Some(locale) = super::db::locale_of(&state.db, user_id).await? {
        set_cookie(&crate::i18n::lang_cookie(locale));
    }
    if is_plain_form() {
        leptos_axum::redirect(&super::safe_next(next.as_deref()));
    }
    Ok(())
}

/// For an administrator: how many administrators sign in with a password alone (`None` for
/// other roles, or when there are none).
#[server(endpoint = "admins_without_codes")]
pub async fn admins_without_codes() -> Result<Option<i64>, AppError> {
    let cx = Ctx::signed_in()?;
    if !super::allows(cx.user.role, Action::ManageUsers) {
        return Ok(None);
    }
    let n = crate::auth::db::admins_without_codes(&cx.state.db).await?;
    Ok((n > 0).then_some(n))
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use super::server;
    let state = server::state()?;
    if let Some(auth) = server::authenticated() {
        server::logout(&state, &auth, &server::client_ip()).await?;
    }
    set_cookie(&server::clear_session_cookie(state.settings.secure_cookies));
    if is_plain_form() {
        leptos_axum::redirect("/login");
    }
    Ok(())
}

/// Change one's own password: the current one is checked, other sessions are ended.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use super::server;
    let auth = server::authenticated().ok_or(AppError::NotAuthenticated)?;
    let state = server::state()?;
    server::change_own_password(
        &state,
        &auth,
        &current_password,
        &new_password,
        &confirm_password,
        &server::client_ip(),
    )
    .await?;
    if is_plain_form() {
        leptos_axum::redirect("/account?saved=password");
    }
    Ok(())
}
