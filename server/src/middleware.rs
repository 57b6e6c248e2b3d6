//! The checks every request passes before a page or server function sees it: the origin of
//! state-changing requests, the session and the language, and page access by role.

use crate::startup::AppState;
use app::auth::may_open;
use app::auth::server::{clear_session_cookie, resolve_session, session_cookie_name, Authenticated, ClientIp, Session};
use app::auth::steps::PendingSignIn;
use app::domain::{client_address, Locale};
use app::error::AppError;
use app::i18n::{lang_cookie, LANG_COOKIE};
use app::routes::page_access;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use std::net::SocketAddr;

pub use app::auth::server::cookie;

/// Is a request with this method, `Origin` and `Sec-Fetch-Site` one this site made?
/// Browsers send `Origin` on every cross-origin and every POST request; requests without
/// either header come from non-browser clients, which cannot ride a user's cookies.
pub fn same_origin(method: &Method, headers: &HeaderMap, base_url: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let host = headers.get(http::header::HOST).and_then(|h| h.to_str().ok());
    if let Some(origin) = headers.get(http::header::ORIGIN).and_then(|o| o.to_str().ok()) {
        let origin_host = origin.split_once("://").map(|(_, h)| h);
        return origin == base_url || (origin_host.is_some() && origin_host == host);
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => true,
    }
}

pub async fn origin_check(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if same_origin(req.method(), req.headers(), &state.base_url) {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = req.uri().path(), "cross-origin request refused");
        error_page(req.headers(), req.uri().path().to_string(), AppError::Forbidden)
    }
}

/// Resolve the session cookie and choose the page language (the user's preference, then the
/// language cookie, then Accept-Language, then English). The choice is put into the request's
/// `lf-lang` cookie, which leptos-fluent reads on the server, and sent back to the browser so
/// that hydration uses the same language.
pub async fn session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // Static files need neither a session nor a language: spare the database.
    let path = req.uri().path();
    if path.starts_with("/pkg/") || path.starts_with("/favicon") {
        return next.run(req).await;
    }
    let ip = match req.extensions().get::<ConnectInfo<SocketAddr>>() {
        Some(peer) => {
            let forwarded: Vec<&str> =
                req.headers().get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
            client_address(peer.0.ip(), &forwarded, &state.server.settings.trusted_proxies).to_string()
        }
        None => "unknown".into(),
    };
    req.extensions_mut().insert(ClientIp(ip));

    let name = session_cookie_name(state.server.settings.secure_cookies);
    let token = cookie(req.headers(), name).filter(|t| !t.is_empty()).map(str::to_string);
    let mut auth: Option<Authenticated> = None;
    let mut pending: Option<PendingSignIn> = None;
    if let Some(token) = &token {
        match resolve_session(&state.server, token).await {
            Ok(Some(Session::SignedIn(a))) => auth = Some(a),
            Ok(Some(Session::Pending(p))) => pending = Some(p),
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                let mut res = error_page(req.headers(), req.uri().path().to_string(), AppError::Internal);
                *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                return res;
            }
        }
    }
    let stale_cookie = token.is_some() && auth.is_none() && pending.is_none();

    let cookie_locale = cookie(req.headers(), LANG_COOKIE).and_then(Locale::parse);
    let locale = auth
        .as_ref()
        .map(|a| a.user.locale)
        .or(pending.as_ref().map(|p| p.locale))
        .or(cookie_locale)
        .or_else(|| req.headers().get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate))
        .unwrap_or(Locale::En);
    if cookie_locale != Some(locale) {
        set_request_cookie(req.headers_mut(), LANG_COOKIE, locale.tag());
    }
    if let Some(a) = auth {
        req.extensions_mut().insert(a);
    }
    if let Some(p) = pending {
        req.extensions_mut().insert(p);
    }
    if stale_cookie {
        req.extensions_mut().insert(StaleSession);
    }

    let mut res = next.run(req).await;
    let sets_lang = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|s| s.starts_with(&format!("{LANG_COOKIE}="))));
    if cookie_locale != Some(locale) && !sets_lang {
        append_cookie(&mut res, &lang_cookie(locale));
    }
    if stale_cookie {
        append_cookie(&mut res, &clear_session_cookie(state.server.settings.secure_cookies));
    }
    res
}

/// Marks a request whose session cookie named no valid session (expired or ended).
#[derive(Clone, Copy)]
pub struct StaleSession;

fn append_cookie(res: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        res.headers_mut().append(SET_COOKIE, v);
    }
}

/// Replace (or add) one cookie in the request's `Cookie` header.
fn set_request_cookie(headers: &mut HeaderMap, name: &str, value: &str) {
    let mut pairs: Vec<String> = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .map(str::trim)
        .filter(|p| !p.is_empty() && p.split_once('=').map(|(k, _)| k) != Some(name))
        .map(str::to_string)
        .collect();
    pairs.push(format!("{name}={value}"));
    headers.remove(COOKIE);
    if let Ok(v) = HeaderValue::from_str(&pairs.join("; ")) {
        headers.insert(COOKIE, v);
    }
}

/// Page access by role, from the permission table in `app::auth`. A visitor who is not
/// signed in is sent to the sign-in page (and back afterwards); a signed-in user whose role
/// may not open the page is answered here, with status 403 and a page that says so: the
/// page's handler never runs, so nothing of what it would have read can leak.
pub async fn access(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let user = req.extensions().get::<Authenticated>().map(|a| a.user.clone());
    match may_open(user.as_ref(), page_access(&path)) {
        // The leaders' home page is their dashboard.
        Ok(())
            if path == "/"
                && req.method() == Method::GET
                && user.as_ref().is_some_and(|u| u.role == app::domain::Role::Leader) =>
        {
            Redirect::to("/dashboard").into_response()
        }
        Ok(()) => next.run(req).await,
        Err(AppError::NotAuthenticated) if matches!(*req.method(), Method::GET | Method::HEAD) => {
            let target = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
            if req.extensions().get::<PendingSignIn>().is_some() {
                // The password was right; the sign-in waits for its next step.
                return Redirect::to(&format!("/login/step?next={}", app::shell::url_encode_path(target)))
                    .into_response();
            }
            let expired = if req.extensions().get::<StaleSession>().is_some() { "&expired=1" } else { "" };
            let login = if target == "/" {
                format!("/login?next=%2F{expired}")
            } else {
                format!("/login?next={}{expired}", app::shell::url_encode_path(target))
            };
            Redirect::to(&login).into_response()
        }
        Err(e) => {
            tracing::warn!(path, user = user.as_ref().map(|u| u.id), "page refused before its handler");
            error_page(req.headers(), path, e)
        }
    }
}

/// A refusal as a whole page in the reader's language (the language the session middleware
/// chose, or the request's own cookie and Accept-Language before it has run).
pub fn error_page(headers: &HeaderMap, path: String, e: AppError) -> Response {
    let locale = cookie(headers, LANG_COOKIE)
        .and_then(Locale::parse)
        .or_else(|| headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate))
        .unwrap_or(Locale::En);
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let html = app::shell::error_document(locale, path, e);
    (status, [(http::header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// Server functions answer every error with status 500; give each its own status instead
/// (401, 403, 409, 422, 429…) from the one error type, so that a user's mistake is never
/// reported as a server failure. Plain HTML forms are unaffected: they get redirects.
pub async fn server_fn_status(req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, 1 << 20).await {
        Ok(b) => b,
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "500 Internal Server Error").into_response(),
    };
    if let Ok(e) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The Content-Security-Policy: scripts only from this site and, on an app page, the inline
/// scripts Leptos writes with the response's nonce (the wasm bundle needs
/// `'wasm-unsafe-eval'` to be compiled); no framing, no plugins, forms post only here.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let script = match nonce {
        Some(n) => format!("'self' 'nonce-{n}' 'wasm-unsafe-eval'"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// In the context of an app page's render: its policy names the render's nonce (leptos_axum
/// makes one per response and puts it on every script it writes), so no other script runs.
/// Every render of the app calls this.
pub fn page_policy() {
    use leptos::prelude::use_context;
    if let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) {
        if let Ok(v) = HeaderValue::from_str(&content_security_policy(Some(&*nonce))) {
            res.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
}

/// No page of Liaison uses the camera, microphone, location, payment or USB.
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/// Behind https, browsers are told to use nothing else for a year.
pub async fn transport_security(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if state.base_url.starts_with("https://") {
        res.headers_mut().insert(
            http::header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

/// Pages carry personal data: no cache may keep them. The bundle, named after its content,
/// is kept a year; other static files are revalidated.
pub async fn cache_policy(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    // The bundle's name changes with its content: a browser keeps it for a year.
    let immutable = path.starts_with("/pkg/liaison-");
    let is_static = path.starts_with("/pkg/") || path.starts_with("/favicon");
    let mut res = next.run(req).await;
    if !res.headers().contains_key(http::header::CACHE_CONTROL) {
        let value = if immutable && res.status().is_success() {
            "public, max-age=31536000, immutable"
        } else if is_static {
            "no-cache"
        } else {
            "no-store"
        };
        res.headers_mut().insert(http::header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn reads_cookies_among_others() {
        let h = headers(&[("cookie", "a=1; liaison_session=tok; lf-lang=fr")]);
        assert_eq!(cookie(&h, "liaison_session"), Some("tok"));
        assert_eq!(cookie(&h, "lf-lang"), Some("fr"));
        assert_eq!(cookie(&h, "lf"), None);
    }

    #[test]
    fn replaces_one_request_cookie() {
        let mut h = headers(&[("cookie", "a=1; lf-lang=de")]);
        set_request_cookie(&mut h, "lf-lang", "fr");
        assert_eq!(h.get(COOKIE).unwrap(), "a=1; lf-lang=fr");
        let mut empty = HeaderMap::new();
        set_request_cookie(&mut empty, "lf-lang", "en");
        assert_eq!(empty.get(COOKIE).unwrap(), "lf-lang=en");
    }

    #[test]
    fn only_same_origin_browsers_may_change_state() {
        let base = "http://127.0.0.1:3000";
        let post = Method::POST;
        assert!(same_origin(&Method::GET, &headers(&[("origin", "https://evil.example")]), base));
        assert!(same_origin(&post, &headers(&[("origin", base)]), base));
        assert!(same_origin(&post, &headers(&[("origin", "http://10.0.0.5:8080"), ("host", "10.0.0.5:8080")]), base));
        assert!(!same_origin(&post, &headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")]), base));
        assert!(!same_origin(&post, &headers(&[("origin", "null")]), base));
        assert!(!same_origin(&post, &headers(&[("sec-fetch-site", "cross-site")]), base));
        assert!(same_origin(&post, &headers(&[("sec-fetch-site", "same-origin")]), base));
        assert!(same_origin(&post, &HeaderMap::new(), base));
    }
}
