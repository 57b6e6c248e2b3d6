//! The few plain axum routes beside the Leptos pages: health and the language switch.

use crate::startup::AppState;
use app::auth::local_path;
use app::auth::server::{set_own_locale, Authenticated, ClientIp};
use app::domain::Locale;
use app::i18n::lang_cookie;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form, Json};
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use http::StatusCode;
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Duration;

/// 200 with the backend when the database answers within two seconds, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let db = &state.server.db;
    let ok = matches!(tokio::time::timeout(Duration::from_secs(2), db.ping()).await, Ok(Ok(())));
    let (status, word) = if ok { (StatusCode::OK, "ok") } else { (StatusCode::SERVICE_UNAVAILABLE, "unavailable") };
    (status, Json(serde_json::json!({ "status": word, "database": db.backend() }))).into_response()
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// The language switcher's target: remember the choice in a cookie (and as a signed-in
/// user's preference), then go back to the page it came from.
pub async fn set_language(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    Extension(ip): Extension<ClientIp>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let next = local_path(form.next.as_deref()).unwrap_or_else(|| "/".into());
    let Some(locale) = Locale::parse(&form.lang).filter(|l| l.tag() == form.lang) else {
        return Redirect::to(&next).into_response();
    };
    if let Some(Extension(auth)) = auth {
        if let Err(e) = set_own_locale(&state.server, &auth.user, locale, &ip.0).await {
            tracing::error!(?e, "could not store the language preference");
        }
    }
    ([(SET_COOKIE, lang_cookie(locale))], Redirect::to(&next)).into_response()
}

/// The enterprise list with the page's filters as CSV, headers in the reader's language.
/// The access middleware has already required a user who may read the register.
pub async fn export_enterprises(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    headers: http::HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(Extension(auth)) = auth else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let filter = app::enterprises::EnterpriseFilter::from_query(|k| params.get(k).cloned());
    let locale = page_locale(&headers);
    csv_response(
        "enterprises",
        app::enterprises::export::enterprises_csv(&state.server, &auth.user, &filter, locale).await,
    )
}

/// The case list with the page's filters as CSV, headers in the reader's language.
/// The access middleware has already required a user who may read cases.
pub async fn export_cases(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    headers: http::HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(Extension(auth)) = auth else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let filter = app::cases::CaseFilter::from_query(|k| params.get(k).cloned());
    let locale = page_locale(&headers);
    csv_response("cases", app::cases::export::cases_csv(&state.server, &auth.user, &filter, locale).await)
}

/// A delegation's printed programme: Chinese beside the delegation's language, or the one
/// `?lang=` asks for. The access middleware has already required a user who may read it.
pub async fn delegation_programme(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(Extension(auth)) = auth else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match app::delegations::service::load_for_print(&state.server, &auth.user, id).await {
        Ok(d) => {
            let asked = params.get("lang").and_then(|l| Locale::parse(l));
            let html = app::delegations::programme::render(&d, app::delegations::programme::second_language(&d, asked));
            ([(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
        }
        Err(e) => error_status(&e),
    }
}

/// A delegation's itinerary as an iCalendar file, described in the reader's language.
pub async fn delegation_calendar(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    headers: http::HeaderMap,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Response {
    let Some(Extension(auth)) = auth else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match app::delegations::service::load_for_print(&state.server, &auth.user, id).await {
        Ok(d) => {
            let ics = app::delegations::ics::calendar(
                &d,
                &state.server.settings.mail_domain,
                page_locale(&headers),
                app::db::now(),
            );
            let disposition = format!("attachment; filename=\"delegation-{id}.ics\"");
            ([(CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)], ics)
                .into_response()
        }
        Err(e) => error_status(&e),
    }
}

/// The year's gift register as CSV (`?year=`, this year by default).
pub async fn export_gifts(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    headers: http::HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if auth.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    use chrono::Datelike;
    let year = params
        .get("year")
        .and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| app::domain::office_today(app::db::now()).year());
    let bytes = app::delegations::export::gifts_csv(&state.server, year, page_locale(&headers)).await;
    csv_response(&format!("gifts-{year}"), bytes)
}

/// The friendship-city register with the page's filters as CSV.
/// The access middleware has already required a user who may read it.
pub async fn export_cities(
    State(state): State<AppState>,
    auth: Option<Extension<Authenticated>>,
    headers: http::HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if auth.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let filter = app::friendship_cities::CityFilter::from_query(|k| params.get(k).cloned());
    let bytes = app::friendship_cities::service::register_csv(&state.server, &filter, page_locale(&headers)).await;
    csv_response("partner-cities", bytes)
}

/// A personal calendar feed: the token in the URL is the only credential, so an unknown or
/// ended one gets a plain 404 and nothing else.
pub async fn calendar_feed(
    State(state): State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    match app::delegations::service::feed(&state.server, token).await {
        Ok(Some(ics)) => {
            ([(CONTENT_TYPE, "text/calendar; charset=utf-8"), (http::header::CACHE_CONTROL, "private, no-cache")], ics)
                .into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => error_status(&e),
    }
}

fn error_status(e: &app::error::AppError) -> Response {
    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR).into_response()
}

/// The page language, which the session middleware has put into the request's cookie.
pub(crate) fn page_locale(headers: &http::HeaderMap) -> Locale {
    crate::middleware::cookie(headers, app::i18n::LANG_COOKIE).and_then(Locale::parse).unwrap_or(Locale::En)
}

fn csv_response(name: &str, result: Result<Vec<u8>, app::error::AppError>) -> Response {
    match result {
        Ok(bytes) => {
            let disposition = format!("attachment; filename=\"{name}-{}.csv\"", app::db::now().format("%Y-%m-%d"));
            ([(CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)], bytes)
                .into_response()
        }
        Err(e) => error_status(&e),
    }
}
