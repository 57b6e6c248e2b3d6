//! The form posts of a sign-in's steps after the password (a one-time code, one's own
//! password, setting up codes), of one's own two-step setting and of the administrators'
//! setting per role. Plain HTML forms answered with a redirect (post/redirect/get), or with
//! their page again and the error (422, 429).

use crate::routes::page_locale;
use crate::startup::AppState;
use app::auth::db as factors;
use app::auth::server::{Authenticated, ClientIp};
use app::auth::step_page::{roles_document, step_document, two_step_on_document, View};
use app::auth::steps::{self, PendingSignIn, Step};
use app::auth::{safe_next, Action};
use app::domain::Role;
use app::error::AppError;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::CONTENT_TYPE;
use http::request::Parts;
use http::StatusCode;

/// A form body's fields (a field may repeat); `None` when it is too large or unreadable.
async fn fields(req: Request) -> (Parts, Option<Vec<(String, String)>>) {
    let (parts, body) = req.into_parts();
    let form = match axum::body::to_bytes(body, 16 * 1024).await {
        Ok(bytes) => serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes).ok(),
        Err(_) => None,
    };
    (parts, form)
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or_default()
}

fn ip(parts: &Parts) -> String {
    parts.extensions.get::<ClientIp>().map(|c| c.0.clone()).unwrap_or_else(|| "unknown".into())
}

fn html(status: StatusCode, page: String) -> Response {
    (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

fn status_of(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn query_next(parts: &Parts) -> String {
    let query = parts.uri.query().unwrap_or_default();
    let params = serde_urlencoded::from_str::<Vec<(String, String)>>(query).unwrap_or_default();
    safe_next(params.iter().find(|(k, _)| k == "next").map(|(_, v)| v.as_str()))
}

fn step_url(next: &str) -> String {
    format!("/login/step?next={}", app::shell::url_encode(next))
}

/// The page of the step a sign-in waits for.
async fn step_page(state: &AppState, p: &PendingSignIn, next: String, error: Option<AppError>) -> Response {
    let view = match p.step {
        Step::Code => View::Code,
        Step::Password => View::Password,
        Step::Enrol => match steps::enrolment(&state.server, p.user_id).await {
            Ok(e) => View::Enrol { key: e.key, qr_svg: e.qr_svg, required: true },
            Err(e) => {
                // In the language of the person signing in, like the step's own page.
                let status = status_of(&e);
                return html(status, app::shell::error_document(p.locale, "/login/step".into(), e));
            }
        },
    };
    let status = error.as_ref().map_or(StatusCode::OK, status_of);
    html(status, step_document(p.locale, "/login/step", view, next, error))
}

/// `GET /login/step`: the step's page; without a sign-in under way, back to the sign-in.
pub async fn show_step(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let next = query_next(&parts);
    if parts.extensions.get::<Authenticated>().is_some() {
        return Redirect::to(&next).into_response();
    }
    match parts.extensions.get::<PendingSignIn>() {
        Some(p) => step_page(&state, p, next, None).await,
        None => Redirect::to("/login").into_response(),
    }
}

/// `POST /login/step`: the step's answer; on to the next step or the page asked for.
pub async fn answer_step(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = fields(req).await;
    let Some(p) = parts.extensions.get::<PendingSignIn>().cloned() else {
        return Redirect::to("/login").into_response();
    };
    let form = form.unwrap_or_default();
    let next = safe_next(Some(field(&form, "next")));
    let ip = ip(&parts);
    let server = &state.server;
    let moved = match p.step {
        Step::Code => steps::pass_code(server, &p, field(&form, "code"), &ip).await,
        Step::Password => {
            steps::choose_password(server, &p, field(&form, "new_password"), field(&form, "confirm_password"), &ip)
                .await
        }
        Step::Enrol => match steps::enrol_at_sign_in(server, &p, field(&form, "code"), &ip).await {
            // The recovery codes, shown once; then on.
            Ok((codes, following)) => {
                let continue_to = if following.is_some() { step_url(&next) } else { next.clone() };
                let view = View::RecoveryCodes { codes, continue_to };
                return html(StatusCode::OK, step_document(p.locale, "/login/step", view, next, None));
            }
            Err(e) => Err(e),
        },
    };
    match moved {
        Ok(Some(_)) => Redirect::to(&step_url(&next)).into_response(),
        Ok(None) => Redirect::to(&next).into_response(),
        Err(e) => step_page(&state, &p, next, Some(e)).await,
    }
}

fn signed_in(parts: &Parts) -> Option<Authenticated> {
    parts.extensions.get::<Authenticated>().cloned()
}

/// `GET /account/two-step`: one's own setting: set it up, or turn it off.
pub async fn show_own(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let Some(auth) = signed_in(&parts) else { return Redirect::to("/login").into_response() };
    own_page(&state, &parts, &auth, None).await
}

async fn own_page(state: &AppState, parts: &Parts, auth: &Authenticated, error: Option<AppError>) -> Response {
    let locale = page_locale(&parts.headers);
    let server = &state.server;
    let status = error.as_ref().map_or(StatusCode::OK, status_of);
    let on = match factors::of_user(&server.db, auth.user.id).await {
        Ok(Some(f)) => f.totp_enabled,
        Ok(None) => return Redirect::to("/login").into_response(),
        Err(e) => return crate::middleware::error_page(&parts.headers, "/account/two-step".into(), e.into()),
    };
    let required = steps::required_for(server, auth.user.role).await.unwrap_or(true);
    if on {
        return html(status, two_step_on_document(locale, required, error));
    }
    match steps::enrolment(server, auth.user.id).await {
        Ok(e) => {
            let view = View::Enrol { key: e.key, qr_svg: e.qr_svg, required };
            html(status, step_document(locale, "/account/two-step", view, "/account".into(), error))
        }
        Err(e) => crate::middleware::error_page(&parts.headers, "/account/two-step".into(), e),
    }
}

/// `POST /account/two-step`: turn codes on with the app's first code.
pub async fn enrol_own(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = fields(req).await;
    let Some(auth) = signed_in(&parts) else { return Redirect::to("/login").into_response() };
    let form = form.unwrap_or_default();
    match steps::enrol(&state.server, auth.user.id, field(&form, "code"), &ip(&parts)).await {
        Ok(codes) => {
            let view = View::RecoveryCodes { codes, continue_to: "/account".into() };
            html(
                StatusCode::OK,
                step_document(page_locale(&parts.headers), "/account/two-step", view, String::new(), None),
            )
        }
        Err(e) => own_page(&state, &parts, &auth, Some(e)).await,
    }
}

/// `POST /account/two-step/off`: turn codes off with a right code (not where the role
/// requires them).
pub async fn turn_off_own(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = fields(req).await;
    let Some(auth) = signed_in(&parts) else { return Redirect::to("/login").into_response() };
    let form = form.unwrap_or_default();
    match steps::turn_off(&state.server, &auth.user, field(&form, "code"), &ip(&parts)).await {
        Ok(()) => Redirect::to("/account/two-step").into_response(),
        Err(e) => own_page(&state, &parts, &auth, Some(e)).await,
    }
}

/// `GET /admin/two-step`: the roles that must use codes.
pub async fn show_roles(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let Some(auth) = signed_in(&parts) else { return Redirect::to("/login").into_response() };
    if let Err(e) = app::auth::permit(&auth.user, Action::ManageUsers) {
        return crate::middleware::error_page(&parts.headers, "/admin/two-step".into(), e);
    }
    let saved = parts.uri.query().is_some_and(|q| q.contains("saved=1"));
    let db = &state.server.db;
    let read = async {
        let required: Vec<Role> = factors::required_roles(db).await?.iter().filter_map(|r| Role::parse(r)).collect();
        Ok::<_, sqlx::Error>((required, factors::admins_without_codes(db).await?))
    };
    match read.await {
        Ok((required, without)) => {
            html(StatusCode::OK, roles_document(page_locale(&parts.headers), required, without, saved))
        }
        Err(e) => crate::middleware::error_page(&parts.headers, "/admin/two-step".into(), e.into()),
    }
}

/// `POST /admin/two-step`: save the roles (an unknown role refuses the whole form).
pub async fn save_roles(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = fields(req).await;
    let Some(auth) = signed_in(&parts) else { return Redirect::to("/login").into_response() };
    let form = form.unwrap_or_default();
    let roles: Option<Vec<Role>> = form.iter().filter(|(k, _)| k == "roles").map(|(_, v)| Role::parse(v)).collect();
    let Some(roles) = roles else {
        let e = AppError::field("roles", app::error::FieldCode::UnknownRole);
        return crate::middleware::error_page(&parts.headers, "/admin/two-step".into(), e);
    };
    match steps::set_required_roles(&state.server, &auth.user, &roles, &ip(&parts)).await {
        Ok(()) => Redirect::to("/admin/two-step?saved=1").into_response(),
        Err(e) => crate::middleware::error_page(&parts.headers, "/admin/two-step".into(), e),
    }
}
