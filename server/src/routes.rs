//! The few plain axum routes beside the Leptos pages: health and the language switch.

use crate::startup::AppState;
use app::auth::local_path;
use app::auth::server::{set_own_locale, Authenticated, ClientIp};
use app::domain::Locale;
use app::i18n::lang_cookie;
use axum::extract::State;
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

/// What every file route is given: the signed-in user (the access middleware has already
/// required one whose role may open the path; each service checks the role again), the
/// address, the page language and the query.
pub struct FileRequest {
    auth: Option<Authenticated>,
    ip: String,
    locale: Locale,
    query: String,
    params: HashMap<String, String>,
    path: String,
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for FileRequest {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default().to_string();
        Ok(FileRequest {
            auth: parts.extensions.get::<Authenticated>().cloned(),
            ip: parts.extensions.get::<ClientIp>().map(|c| c.0.clone()).unwrap_or_else(|| "unknown".into()),
            locale: page_locale(&parts.headers),
            params: serde_urlencoded::from_str::<Vec<(String, String)>>(&query)
                .unwrap_or_default()
                .into_iter()
                .collect(),
            query,
            path: parts.uri.path().to_string(),
        })
    }
}

impl FileRequest {
    fn user(&self) -> Result<&app::auth::SessionUser, app::error::AppError> {
        self.auth.as_ref().map(|a| &a.user).ok_or(app::error::AppError::NotAuthenticated)
    }

    fn param(&self, key: &str) -> Option<String> {
        self.params.get(key).cloned()
    }

    /// A refusal as a page in the reader's language (a download link opens it in the tab).
    fn refusal(&self, e: app::error::AppError) -> Response {
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let html = app::shell::error_document(self.locale, self.path.clone(), e);
        (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
    }

    /// The file, once its taking is in the audit log; the refusal's page otherwise.
    async fn deliver(
        &self,
        state: &AppState,
        file: &str,
        entity: Option<i64>,
        made: Result<Response, app::error::AppError>,
    ) -> Response {
        let made = match made {
            Ok(res) => res,
            Err(e) => return self.refusal(e),
        };
        let actor = self.auth.as_ref().map(|a| a.user.id);
        match app::export::record_download(&state.server, actor, file, entity, &self.query, &self.ip).await {
            Ok(()) => made,
            Err(e) => self.refusal(e),
        }
    }
}

/// The enterprise list with the page's filters as CSV, headers in the reader's language.
pub async fn export_enterprises(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let filter = app::enterprises::EnterpriseFilter::from_query(|k| req.param(k));
        let file = app::enterprises::export::enterprises_csv(&state.server, req.user()?, &filter, req.locale).await?;
        Ok(csv_response(file))
    };
    req.deliver(&state, "enterprises.csv", None, made.await).await
}

/// The case list with the page's filters as CSV, headers in the reader's language.
pub async fn export_cases(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let filter = app::cases::CaseFilter::from_query(|k| req.param(k));
        let file = app::cases::export::cases_csv(&state.server, req.user()?, &filter, req.locale).await?;
        Ok(csv_response(file))
    };
    req.deliver(&state, "cases.csv", None, made.await).await
}

/// The project register with the page's filters and order as CSV, headers in the reader's
/// language.
pub async fn export_projects(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let filter = app::projects::ProjectFilter::from_query(|k| req.param(k));
        let file = app::projects::export::projects_csv(&state.server, req.user()?, &filter, req.locale).await?;
        Ok(csv_response(file))
    };
    req.deliver(&state, "projects.csv", None, made.await).await
}

/// A delegation's printed programme: Chinese beside the delegation's language, or the one
/// `?lang=` asks for.
pub async fn delegation_programme(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    req: FileRequest,
) -> Response {
    let made = async {
        let d = app::delegations::service::load_for_print(&state.server, req.user()?, id).await?;
        let asked = req.param("lang").and_then(|l| Locale::parse(&l));
        let html = app::delegations::programme::render(&d, app::delegations::programme::second_language(&d, asked));
        // Its stylesheet is inline (a printed page stands alone); it runs no script.
        let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'";
        Ok(([(CONTENT_TYPE, "text/html; charset=utf-8"), (http::header::CONTENT_SECURITY_POLICY, policy)], html)
            .into_response())
    };
    req.deliver(&state, "delegation_programme", Some(id), made.await).await
}

/// A brochure issue printed: Chinese beside English, or beside French (`?lang=fr`).
pub async fn brochure_print(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    req: FileRequest,
) -> Response {
    let made = async {
        let user = req.user()?;
        app::auth::permit(user, app::auth::Action::ReadPromotion)?;
        let v = app::promotion::brochures::service::load(&state.server, user, id).await?;
        let asked = req.param("lang").and_then(|l| Locale::parse(&l));
        let html =
            app::promotion::brochures::print::render(&v, app::promotion::brochures::print::second_language(asked));
        let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'";
        Ok(([(CONTENT_TYPE, "text/html; charset=utf-8"), (http::header::CONTENT_SECURITY_POLICY, policy)], html)
            .into_response())
    };
    req.deliver(&state, "brochure_print", Some(id), made.await).await
}

/// The year's review as asked: `?year=` (last year by default), in `?lang=` (the page's
/// language by default), of the sections the reader's role may read.
async fn year_review(
    state: &AppState,
    req: &FileRequest,
) -> Result<app::dashboard::review::Review, app::error::AppError> {
    use chrono::Datelike;
    let user = req.user()?;
    let today = app::domain::office_today(app::db::now());
    let year = match req.param("year").filter(|y| !y.trim().is_empty()) {
        None => today.year() - 1,
        Some(y) => y
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| app::dashboard::YEARS.contains(y))
            .ok_or_else(|| app::error::AppError::field("year", app::error::FieldCode::InvalidNumber))?,
    };
    let language = req.param("lang").and_then(|l| Locale::parse(&l)).unwrap_or(req.locale);
    app::dashboard::service::review(&state.server, user, year, language, today).await
}

/// The year-end review, ready to print on A4.
pub async fn review_print(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let html = app::dashboard::review::print(&year_review(&state, &req).await?);
        let policy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        Ok(([(CONTENT_TYPE, "text/html; charset=utf-8"), (http::header::CONTENT_SECURITY_POLICY, policy)], html)
            .into_response())
    };
    req.deliver(&state, "year_review", None, made.await).await
}

/// The year-end review as a Word document.
pub async fn review_docx(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let review = year_review(&state, &req).await?;
        let bytes = app::dashboard::review::docx(&review).map_err(|e| {
            tracing::error!(error = %e, "the review could not be written as .docx");
            app::error::AppError::Internal
        })?;
        let name = format!("attachment; filename=\"review-{}-{}.docx\"", review.year, review.language.tag());
        let kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        Ok(([(CONTENT_TYPE, kind.to_string()), (CONTENT_DISPOSITION, name)], bytes).into_response())
    };
    req.deliver(&state, "year_review.docx", None, made.await).await
}

/// One of the dashboard's tables as CSV: `?table=` and the dashboard's period.
pub async fn dashboard_table_csv(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let query = app::dashboard::PeriodQuery::from_query(|k| req.param(k));
        let table = req.param("table").unwrap_or_default();
        let (name, bytes) =
            app::dashboard::service::table_csv(&state.server, req.user()?, &query, &table, req.locale).await?;
        Ok(csv_response(app::export::CsvFile::whole(&name, bytes)))
    };
    req.deliver(&state, "dashboard_table.csv", None, made.await).await
}

/// A delegation's itinerary as an iCalendar file, described in the reader's language.
pub async fn delegation_calendar(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    req: FileRequest,
) -> Response {
    let made = async {
        let d = app::delegations::service::load_for_print(&state.server, req.user()?, id).await?;
        let ics = app::delegations::ics::calendar(&d, &state.server.settings.mail_domain, req.locale, app::db::now());
        let disposition = format!("attachment; filename=\"delegation-{id}.ics\"");
        Ok(([(CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)], ics)
            .into_response())
    };
    req.deliver(&state, "delegation_calendar", Some(id), made.await).await
}

/// The year's gift register as CSV (`?year=`, this year by default).
pub async fn export_gifts(State(state): State<AppState>, req: FileRequest) -> Response {
    use chrono::Datelike;
    let year = req
        .param("year")
        .and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| app::domain::office_today(app::db::now()).year());
    let made = async {
        let bytes = app::delegations::export::gifts_csv(&state.server, req.user()?, year, req.locale).await?;
        Ok(csv_response(app::export::CsvFile::whole(&format!("gifts-{year}"), bytes)))
    };
    req.deliver(&state, "gifts.csv", None, made.await).await
}

/// The friendship-city register with the page's filters as CSV.
pub async fn export_cities(State(state): State<AppState>, req: FileRequest) -> Response {
    let made = async {
        let filter = app::friendship_cities::CityFilter::from_query(|k| req.param(k));
        let bytes =
            app::friendship_cities::service::register_csv(&state.server, req.user()?, &filter, req.locale).await?;
        Ok(csv_response(app::export::CsvFile::whole("partner-cities", bytes)))
    };
    req.deliver(&state, "cities.csv", None, made.await).await
}

/// A personal calendar feed: the token in the URL is the only credential, so an unknown or
/// ended one gets a plain 404 and nothing else.
pub async fn calendar_feed(
    State(state): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    match app::delegations::service::feed(&state.server, token, &ip.0).await {
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

/// The file as it is written (see `app::export::csv_stream`).
fn csv_response(file: app::export::CsvFile) -> Response {
    let disposition = format!("attachment; filename=\"{}-{}.csv\"", file.name, app::db::now().format("%Y-%m-%d"));
    let headers = [(CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)];
    (headers, axum::body::Body::from_stream(file.bytes)).into_response()
}

/// The template of the target firms' spreadsheet, its headings in the reader's language.
pub async fn firm_template(req: FileRequest) -> Response {
    if let Err(e) = req.user().and_then(|u| app::auth::permit(u, app::auth::Action::WorkPromotion)) {
        return req.refusal(e);
    }
    // The name in the reader's language (目标企业导入模板.csv), with a plain one for old browsers.
    let name = app::shell::url_encode(&app::promotion::target_firms::import::template_name(req.locale));
    let disposition = format!("attachment; filename=\"target-firms-template.csv\"; filename*=UTF-8''{name}.csv");
    let headers = [(CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)];
    (headers, app::promotion::target_firms::import::template(req.locale)).into_response()
}

/// A spreadsheet of target firms, posted by the import page's form (with or without
/// JavaScript): read, checked and kept, then its preview; a file that cannot be read goes
/// back to the form with the reason.
pub async fn upload_firms(
    State(state): State<AppState>,
    req: FileRequest,
    mut form: axum::extract::Multipart,
) -> Response {
    let back = |e: app::error::AppError| {
        let code = e.field_errors().first().map(|f| f.code);
        match code.and_then(|c| serde_json::to_value(c).ok()).and_then(|v| v.as_str().map(str::to_string)) {
            Some(code) => Redirect::to(&format!("/promotion/firms/import?error={code}")).into_response(),
            None => req.refusal(e),
        }
    };
    let Some(auth) = req.auth.clone() else { return req.refusal(app::error::AppError::NotAuthenticated) };
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(_) => return back(app::error::AppError::field("file", app::error::FieldCode::FileTooLarge)),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back(app::error::AppError::field("file", app::error::FieldCode::UnreadableFile)),
        }
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return back(app::error::AppError::field("file", app::error::FieldCode::EmptyFile));
    };
    let cx = app::auth::Ctx { state: state.server.clone(), user: auth.user, ip: req.ip.clone() };
    match app::promotion::target_firms::service::stage_import(&cx, &name, &bytes).await {
        Ok(id) => Redirect::to(&format!("/promotion/firms/import/{id}")).into_response(),
        Err(e) => back(e),
    }
}
