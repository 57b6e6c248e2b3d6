//! The portal's form posts. Each is a plain HTML form (it works the same with or without
//! JavaScript): a valid post is answered with a redirect (post/redirect/get); a refused one
//! renders its page again, with what was typed, the error summary and the fitting status
//! (422 refused, 401 not recognised, 429 too many requests).

use crate::routes::page_locale;
use crate::startup::AppState;
use app::auth::server::ClientIp;
use app::error::{AppError, FieldCode};
use app::portal::service::{self, clear_cookie, session_cookie};
use app::portal::{case_cookie, CONFIRMATION_COOKIE};
use app::portal::{LookupForm, PortalPost, RatingForm, Refused, ReplyForm, RequestForm, RequestKind};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{CONTENT_TYPE, SET_COOKIE};
use http::request::Parts;
use http::{HeaderValue, Method, StatusCode, Uri};
use leptos::prelude::provide_context;

/// The largest form body accepted (a request's text is at most 5 000 characters).
const BODY_LIMIT: usize = 64 * 1024;

/// Why a form post's body was not read.
enum BodyError {
    /// Larger than `BODY_LIMIT`, or cut off.
    TooLarge,
    /// Not a form (`application/x-www-form-urlencoded` that does not parse).
    Malformed,
}

impl BodyError {
    /// The error shown, on `field` for a body too large, and the status it is answered with.
    fn error(&self, field: &str) -> (AppError, StatusCode) {
        match self {
            BodyError::TooLarge => (AppError::field(field, FieldCode::TooLong), StatusCode::PAYLOAD_TOO_LARGE),
            BodyError::Malformed => (AppError::MalformedForm, StatusCode::BAD_REQUEST),
        }
    }
}

/// The body of a form post.
async fn read_form<T: serde::de::DeserializeOwned>(req: Request) -> (Parts, Result<T, BodyError>) {
    let (parts, body) = req.into_parts();
    let form = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => serde_urlencoded::from_bytes::<T>(&bytes).map_err(|_| BodyError::Malformed),
        Err(_) => Err(BodyError::TooLarge),
    };
    (parts, form)
}

fn ip(parts: &Parts) -> String {
    parts.extensions.get::<ClientIp>().map(|c| c.0.clone()).unwrap_or_else(|| "unknown".into())
}

fn cookie(parts: &Parts, name: &str) -> Option<String> {
    app::auth::server::cookie(&parts.headers, name).filter(|v| !v.is_empty()).map(str::to_string)
}

/// Render the page at `path` for a refused post, with `status`.
async fn render(state: &AppState, mut parts: Parts, path: &str, post: PortalPost, status: StatusCode) -> Response {
    parts.method = Method::GET;
    parts.uri = Uri::try_from(path).unwrap_or_else(|_| Uri::from_static("/portal"));
    parts.headers.remove(http::header::CONTENT_TYPE);
    parts.headers.remove(http::header::CONTENT_LENGTH);
    let req = Request::from_parts(parts, Body::empty());
    let server = state.server.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(server.clone());
            provide_context(post.clone());
            crate::middleware::page_policy();
        },
        move || app::shell(options.clone()),
    );
    let mut res = handler(req).await;
    *res.status_mut() = status;
    res
}

fn status_of(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY)
}

fn with_cookies(mut res: Response, cookies: &[String]) -> Response {
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            res.headers_mut().append(SET_COOKIE, v);
        }
    }
    res
}

pub async fn submit_enterprise(State(state): State<AppState>, req: Request) -> Response {
    submit(state, RequestKind::Enterprise, req).await
}

pub async fn submit_foreign_staff(State(state): State<AppState>, req: Request) -> Response {
    submit(state, RequestKind::ForeignStaff, req).await
}

async fn submit(state: AppState, kind: RequestKind, req: Request) -> Response {
    let (parts, form) = read_form::<RequestForm>(req).await;
    let path = match kind {
        RequestKind::Enterprise => "/portal/request",
        RequestKind::ForeignStaff => "/portal/foreign-staff",
    };
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            let (error, status) = e.error("description");
            let post = PortalPost::Request(Box::new(Refused { form: RequestForm::default(), error }));
            return render(&state, parts, path, post, status).await;
        }
    };
    match service::submit(&state.server, kind, &form, page_locale(&parts.headers), &ip(&parts)).await {
        Ok(done) => with_cookies(
            Redirect::to("/portal/submitted").into_response(),
            &[
                session_cookie(&state.server, &done.token),
                format!(
                    "{CONFIRMATION_COOKIE}={}; Path=/; Max-Age=600; HttpOnly; SameSite=Strict{}",
                    done.confirmation,
                    if state.server.settings.secure_cookies { "; Secure" } else { "" }
                ),
            ],
        ),
        Err(AppError::RateLimited) => {
            render(&state, parts, path, PortalPost::RateLimited, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(e) => {
            let status = status_of(&e);
            let form = RequestForm { website: String::new(), ..form };
            render(&state, parts, path, PortalPost::Request(Box::new(Refused { form, error: e })), status).await
        }
    }
}

pub async fn lookup(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = read_form::<LookupForm>(req).await;
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            let (error, status) = e.error("reference");
            let post = PortalPost::Lookup(Refused { form: LookupForm::default(), error });
            return render(&state, parts, "/portal/status", post, status).await;
        }
    };
    match service::lookup(&state.server, &form, &ip(&parts)).await {
        Ok(token) => {
            with_cookies(Redirect::to("/portal/case").into_response(), &[session_cookie(&state.server, &token)])
        }
        Err(AppError::RateLimited) => {
            render(&state, parts, "/portal/status", PortalPost::RateLimited, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(e) => {
            let status = status_of(&e);
            // The code typed is never sent back.
            let form = LookupForm { reference: form.reference, access_code: String::new() };
            render(&state, parts, "/portal/status", PortalPost::Lookup(Refused { form, error: e }), status).await
        }
    }
}

/// The status page of this browser's portal session (`?done=reply` or `?done=rating` after a
/// post); without a valid session, the way back to the lookup.
pub async fn status(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let done = parts
        .uri
        .query()
        .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("done=")).filter(|d| matches!(*d, "reply" | "rating")));
    status_response(&state, &parts, None, done, StatusCode::OK).await
}

/// The status page, with a refused reply or rating when there is one, and `status`.
async fn status_response(
    state: &AppState,
    parts: &Parts,
    refused: Option<PortalPost>,
    done: Option<&str>,
    status: StatusCode,
) -> Response {
    let token = cookie(parts, case_cookie(state.server.settings.secure_cookies));
    let case = service::public_case(&state.server, token.as_deref()).await;
    let status = match &case {
        Err(e) if !matches!(e, AppError::NotAuthenticated) => status_of(e),
        _ => status,
    };
    let html = app::portal::status_page::status_page(page_locale(&parts.headers), case, refused, done);
    (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

pub async fn reply(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = read_form::<ReplyForm>(req).await;
    let token = cookie(&parts, case_cookie(state.server.settings.secure_cookies));
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            let (error, status) = e.error("reply");
            let post = PortalPost::Reply(Refused { form: ReplyForm::default(), error });
            return status_response(&state, &parts, Some(post), None, status).await;
        }
    };
    match service::reply(&state.server, token.as_deref(), &form, &ip(&parts)).await {
        Ok(()) => Redirect::to("/portal/case?done=reply").into_response(),
        Err(AppError::NotAuthenticated) => Redirect::to("/portal/status?ended=1").into_response(),
        Err(e) => {
            let status = status_of(&e);
            status_response(&state, &parts, Some(PortalPost::Reply(Refused { form, error: e })), None, status).await
        }
    }
}

pub async fn rate(State(state): State<AppState>, req: Request) -> Response {
    let (parts, form) = read_form::<RatingForm>(req).await;
    let token = cookie(&parts, case_cookie(state.server.settings.secure_cookies));
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            let (error, status) = e.error("rating");
            let post = PortalPost::Rating(Refused { form: RatingForm::default(), error });
            return status_response(&state, &parts, Some(post), None, status).await;
        }
    };
    match service::rate(&state.server, token.as_deref(), &form, &ip(&parts)).await {
        Ok(()) => Redirect::to("/portal/case?done=rating").into_response(),
        Err(AppError::NotAuthenticated) => Redirect::to("/portal/status?ended=1").into_response(),
        Err(e) => {
            let status = status_of(&e);
            status_response(&state, &parts, Some(PortalPost::Rating(Refused { form, error: e })), None, status).await
        }
    }
}

/// Leave the portal: its sessions end on the server, and this browser forgets its cookie.
pub async fn leave(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    if let Err(e) =
        service::leave(&state.server, cookie(&parts, case_cookie(state.server.settings.secure_cookies)).as_deref())
            .await
    {
        tracing::error!(error = ?e, "portal sign-out failed");
        return crate::middleware::error_page(&parts.headers, "/portal".into(), e);
    }
    with_cookies(
        Redirect::to("/portal").into_response(),
        &[clear_cookie(case_cookie(state.server.settings.secure_cookies), state.server.settings.secure_cookies)],
    )
}

/// An investor's interest in a published project (`/portal/opportunities/{id}`): on success
/// back to its page, which thanks them; refused, its page again with what was typed.
pub async fn express_interest(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    req: Request,
) -> Response {
    use app::promotion::promoted::InterestForm;
    let (parts, form) = read_form::<InterestForm>(req).await;
    let path = format!("/portal/opportunities/{id}");
    let refused = |form: InterestForm, error: AppError| PortalPost::Interest(Box::new(Refused { form, error }));
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            let (error, status) = e.error("message");
            return render(&state, parts, &path, refused(InterestForm::default(), error), status).await;
        }
    };
    match service::express_interest(&state.server, id, &form, page_locale(&parts.headers), &ip(&parts)).await {
        Ok(_) => Redirect::to(&format!("{path}?sent=1")).into_response(),
        Err(AppError::RateLimited) => {
            render(&state, parts, &path, PortalPost::RateLimited, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(e) => {
            let status = status_of(&e);
            let form = InterestForm { website: String::new(), ..form };
            render(&state, parts, &path, refused(form, e), status).await
        }
    }
}
