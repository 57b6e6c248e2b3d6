//! Building the application from a configuration: database, migrations, the first admin,
//! the router with its middleware, and serving until SIGTERM or Ctrl-C.

use crate::config::Config;
use crate::{jobs, middleware, routes};
use app::admin::service::{create_user, Creator};
use app::admin::UserForm;
use app::db::Db;
use app::state::ServerState;
use app::{shell, App};
use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use http::header::{HeaderName, HeaderValue};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// What every handler and middleware is given; shared, so that handing it on costs one
/// reference count rather than a copy of each setting.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub server: ServerState,
    pub base_url: String,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(s: &AppState) -> Self {
        s.leptos_options.clone()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot open the database: {0}")]
    Connect(#[from] app::db::ConnectError),
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("cannot create the first administrator: {0:?}")]
    Bootstrap(app::error::AppError),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("cannot start the mail worker: {0}")]
    Mail(String),
    #[error("cannot write the first administrator's password to {path}: {source}")]
    Secret { path: std::path::PathBuf, source: std::io::Error },
}

/// The first administrator, created on an empty database.
pub struct FirstAdmin {
    pub email: String,
    /// The file holding the generated password (readable by the owner only; never logged);
    /// `None` when the password came from the environment.
    pub password_file: Option<std::path::PathBuf>,
}

/// Write a generated password where only the operator can read it.
fn write_secret(path: &std::path::Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(format!("{secret}\n").as_bytes())
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub state: ServerState,
    pub first_admin: Option<FirstAdmin>,
    /// The background jobs (session clean-up, the mail worker); they end with the process.
    pub jobs: Vec<tokio::task::JoinHandle<()>>,
}

/// Open and migrate the database.
pub async fn open_database(config: &Config) -> Result<Db, StartError> {
    let db = Db::connect_sized(&config.database_url, config.db_connections).await?;
    db.migrate().await?;
    Ok(db)
}

/// Create the first administrator if there are no accounts at all.
async fn ensure_first_admin(state: &ServerState, config: &Config) -> Result<Option<FirstAdmin>, StartError> {
    if app::admin::db::users::count(&state.db).await? > 0 {
        return Ok(None);
    }
    let (password, password_file) = match &config.admin_password {
        Some(p) => (p.clone(), None),
        None => {
            let p = app::auth::server::random_password();
            let file = config.first_password_file.clone();
            write_secret(&file, &p).map_err(|source| StartError::Secret { path: file.clone(), source })?;
            (p, Some(file))
        }
    };
    let form = UserForm {
        email: config.admin_email.clone(),
        display_name: "Administrator".into(),
        role: "admin".into(),
        locale: "zh-CN".into(),
        ..UserForm::default()
    };
    let chose_password = password_file.is_none();
    create_user(state, Creator::Operator { via: "first_start", chose_password }, &form, &password)
        .await
        .map_err(StartError::Bootstrap)?;
    // At installation: the roles that must use one-time codes (`LIAISON_REQUIRE_MFA`);
    // administrators change them later on the settings page.
    if !config.require_two_step.is_empty() {
        let roles: Vec<&str> = config.require_two_step.iter().map(|r| r.as_str()).collect();
        let mut tx = state.db.begin().await?;
        app::auth::db::set_required_roles(&mut tx, &roles).await?;
        tx.commit().await?;
    }
    Ok(Some(FirstAdmin { email: config.admin_email.clone(), password_file }))
}

fn leptos_options() -> LeptosOptions {
    let mut options = get_configuration(None)
        .map(|c| c.leptos_options)
        .unwrap_or_else(|_| LeptosOptions::builder().output_name("liaison").site_root("target/site").build());
    if options.output_name.is_empty() {
        options.output_name = Arc::from("liaison");
    }
    // `make site` names the bundle after its content and says so in pkg/output-name.
    let manifest = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir).join("output-name");
    if let Ok(name) = std::fs::read_to_string(manifest) {
        let name = name.trim();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            options.output_name = Arc::from(name);
        }
    }
    app::shell::set_bundle_name(&options.output_name);
    options
}

pub async fn build(config: &Config) -> Result<Application, StartError> {
    let db = open_database(config).await?;
    let server = ServerState::new(db, config.settings.clone());
    let first_admin = ensure_first_admin(&server, config).await?;
    let listener =
        TcpListener::bind(config.addr).await.map_err(|source| StartError::Bind { addr: config.addr, source })?;
    let state = AppState(Arc::new(Shared {
        leptos_options: leptos_options(),
        server: server.clone(),
        base_url: config.base_url.clone(),
    }));
    let router = router(state);
    let mut jobs = vec![
        jobs::spawn_cleanup(server.clone()),
        crate::mail::spawn(server.db.clone(), config.mail.clone()).map_err(StartError::Mail)?,
    ];
    if let Some(every) = config.notices_every {
        jobs.push(jobs::spawn_notices(server.clone(), every));
    }
    Ok(Application { listener, router, state: server, first_admin, jobs })
}

/// The Leptos route list, generated once per process. Generating it sets a process-wide flag
/// that parks any resource first polled meanwhile (leptos issue #4773): in a process that
/// starts several apps (the tests) a second generation could hang another app's page render.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// A plain axum route beside the Leptos pages.
pub struct PlainRoute {
    pub path: &'static str,
    /// Answers GET (a page or a file) rather than a form post.
    pub get: bool,
    handler: axum::routing::MethodRouter<AppState>,
}

/// The plain routes, declared once: the router is built from this list, and the tests walk
/// every GET path in it with every role.
pub fn plain_routes() -> Vec<PlainRoute> {
    let get_route = |path, handler| PlainRoute { path, get: true, handler };
    let post_route = |path, handler| PlainRoute { path, get: false, handler };
    vec![
        get_route("/healthz", get(routes::healthz)),
        // Liveness: the process answers, whatever the database does (and the benchmark's
        // baseline for what the server costs without a page).
        get_route("/livez", get(|| async { "ok" })),
        post_route("/lang", post(routes::set_language)),
        // The steps of a sign-in after the password, one's own two-step setting and the
        // administrators' setting per role (see `sign_in`).
        get_route("/login/step", get(crate::sign_in::show_step).post(crate::sign_in::answer_step)),
        get_route("/account/two-step", get(crate::sign_in::show_own).post(crate::sign_in::enrol_own)),
        post_route("/account/two-step/off", post(crate::sign_in::turn_off_own)),
        get_route("/admin/two-step", get(crate::sign_in::show_roles).post(crate::sign_in::save_roles)),
        get_route("/enterprises/export.csv", get(routes::export_enterprises)),
        get_route("/cases/export.csv", get(routes::export_cases)),
        get_route("/projects/export.csv", get(routes::export_projects)),
        get_route("/delegations/gifts.csv", get(routes::export_gifts)),
        get_route("/feeds/{file}", get(routes::calendar_feed)),
        get_route("/cities/export.csv", get(routes::export_cities)),
        get_route("/dashboard/review", get(routes::review_print)),
        get_route("/dashboard/review.docx", get(routes::review_docx)),
        get_route("/dashboard/table.csv", get(routes::dashboard_table_csv)),
        // The target firms' spreadsheet: its template, and the form that sends it (its page
        // and its preview are Leptos routes), with room for the largest file accepted.
        get_route("/promotion/firms/template.csv", get(routes::firm_template)),
        post_route(
            "/promotion/firms/import",
            post(routes::upload_firms)
                .layer(axum::extract::DefaultBodyLimit::max(app::promotion::target_firms::MAX_FILE_BYTES + 64 * 1024)),
        ),
        get_route("/promotion/brochures/{id}/print", get(routes::brochure_print)),
        get_route("/delegations/{id}/programme", get(routes::delegation_programme)),
        get_route("/delegations/{id}/itinerary.ics", get(routes::delegation_calendar)),
        // The investor portal's forms (their pages are Leptos routes on the same paths) and its
        // status page (rendered on its own: see `app::portal::status_page`).
        post_route("/portal/request", post(crate::portal::submit_enterprise)),
        post_route("/portal/foreign-staff", post(crate::portal::submit_foreign_staff)),
        post_route("/portal/status", post(crate::portal::lookup)),
        get_route("/portal/case", get(crate::portal::status)),
        post_route("/portal/case/reply", post(crate::portal::reply)),
        post_route("/portal/case/rating", post(crate::portal::rate)),
        post_route("/portal/leave", post(crate::portal::leave)),
        post_route("/portal/opportunities/{id}", post(crate::portal::express_interest)),
    ]
}

/// Every path the router answers GET on: the Leptos pages and the plain GET routes, with
/// their parameters as `{name}`.
pub fn get_paths() -> Vec<String> {
    let mut paths: Vec<String> = route_list().iter().map(|r| r.path().to_string()).collect();
    paths.extend(plain_routes().into_iter().filter(|r| r.get).map(|r| r.path.to_string()));
    paths.sort();
    paths.dedup();
    paths
}

fn router(state: AppState) -> Router {
    let routes = route_list();
    let context = {
        let server = state.server.clone();
        move || {
            provide_context(server.clone());
            crate::middleware::page_policy();
        }
    };
    let request_id = HeaderName::from_static("x-request-id");
    let trace = TraceLayer::new_for_http().make_span_with(|req: &http::Request<_>| {
        let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
        tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
    });
    let options = state.leptos_options.clone();
    plain_routes()
        .into_iter()
        .fold(Router::new(), |r, p| r.route(p.path, p.handler))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        // The bundle, precompressed at build time (br, then gzip, else as it is).
        .nest_service(
            "/pkg",
            tower_http::services::ServeDir::new(std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        // Layers run outside-in from the last added: request id, trace, headers, origin,
        // session, then page access.
        .layer(axum::middleware::from_fn(middleware::server_fn_status))
        .layer(axum::middleware::from_fn(middleware::access))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::session))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::origin_check))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        // Everything that is not an app page (files, server-rendered pages without scripts,
        // errors) runs no script at all.
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&middleware::content_security_policy(None))
                .unwrap_or(HeaderValue::from_static("default-src 'none'")),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(middleware::PERMISSIONS_POLICY),
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::transport_security))
        .layer(axum::middleware::from_fn(middleware::cache_policy))
        .layer(trace)
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

impl Application {
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serve until `shutdown` completes; requests in flight are finished first.
    pub async fn serve(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        // A page goes out in more than one write; with Nagle's algorithm on, the last one
        // waited for the browser's delayed acknowledgement, 40 ms, on most page loads.
        let listener = self.listener.tap_io(|stream| {
            if let Err(error) = stream.set_nodelay(true) {
                tracing::debug!(%error, "TCP_NODELAY not set");
            }
        });
        axum::serve(listener, service).with_graceful_shutdown(shutdown).await?;
        self.state.db.close().await;
        Ok(())
    }
}

/// Completes on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
