//! `spawn_app`: a real Liaison, started by the production start-up code on a free port with a
//! database of its own (a fresh SQLite file, or a fresh PostgreSQL database dropped when the
//! test ends), and a cookie-keeping client whose methods read like what a user does.

#![allow(dead_code)]

use app::db::Db;
use app::error::AppError;
use liaison_server::config::Config;
use liaison_server::startup;
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Response, StatusCode};
use std::collections::HashMap;
use std::path::PathBuf;

pub const ADMIN_EMAIL: &str = "admin@liaison.test";
pub const ADMIN_PASSWORD: &str = "first admin password";
/// The password staff choose at their first sign-in, instead of the one an admin set.
pub const OWN_PASSWORD: &str = "a password only I know";

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Run one story on both databases: `both!(story);` makes `story::sqlite` and
/// `story::postgres`.
#[macro_export]
macro_rules! both {
    ($story:ident) => {
        mod $story {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$story($crate::common::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$story($crate::common::Backend::Postgres).await
            }
        }
    };
}

pub fn pg_admin_url() -> String {
    std::env::var("LIAISON_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database made for one test and removed after it.
pub struct TestDatabase {
    pub url: String,
    sqlite_dir: Option<PathBuf>,
    pg_name: Option<String>,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> TestDatabase {
        let id = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("liaison-test-{id}"));
                std::fs::create_dir_all(&dir).expect("temp dir");
                TestDatabase {
                    url: format!("sqlite://{}/liaison.db", dir.display()),
                    sqlite_dir: Some(dir),
                    pg_name: None,
                }
            }
            Backend::Postgres => {
                use sqlx::Connection;
                let name = format!("liaison_test_{id}");
                let mut conn = sqlx::PgConnection::connect(&pg_admin_url())
                    .await
                    .expect("PostgreSQL must be running for the tests (make test starts it)");
                sqlx::query(&format!("create database {name}")).execute(&mut conn).await.expect("create database");
                let base = pg_admin_url();
                let server = base.rsplit_once('/').map(|(s, _)| s.to_string()).unwrap_or(base);
                TestDatabase { url: format!("{server}/{name}"), sqlite_dir: None, pg_name: Some(name) }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(dir) = &self.sqlite_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some(name) = self.pg_name.clone() {
            // Drop runs outside async code: use a small runtime of its own on another thread.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                // Bounded: a slow drop must never hold up the test run.
                rt.block_on(async {
                    use sqlx::Connection;
                    let drop = async {
                        if let Ok(mut conn) = sqlx::PgConnection::connect(&pg_admin_url()).await {
                            let sql = format!("drop database if exists {name} with (force)");
                            let _ = sqlx::query(&sql).execute(&mut conn).await;
                        }
                    };
                    let _ = tokio::time::timeout(std::time::Duration::from_secs(20), drop).await;
                });
            })
            .join();
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: Db,
    pub client: reqwest::Client,
    pub database: TestDatabase,
    pub config: Config,
    /// The server's clock for sessions: `clock.advance(…)` instead of waiting.
    pub clock: app::db::Clock,
    server: tokio::task::JoinHandle<()>,
    jobs: Vec<tokio::task::JoinHandle<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        for job in &self.jobs {
            job.abort();
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

/// Start an app with extra environment settings (e.g. a short session timeout).
pub async fn spawn_app_with(backend: Backend, settings: &[(&str, &str)]) -> TestApp {
    spawn_app_on(TestDatabase::create(backend).await, settings).await
}

/// Start an app on an existing database (a restart, or a second app server).
pub async fn spawn_app_on(database: TestDatabase, settings: &[(&str, &str)]) -> TestApp {
    // Mail is written as files to a folder of the test's own unless a test gives a server.
    let mail_dir = std::env::temp_dir().join(format!("liaison-mail-{}", uuid::Uuid::new_v4().simple()));
    let mut env: HashMap<String, String> = HashMap::from([
        ("LIAISON_MAIL_DIR".into(), mail_dir.display().to_string()),
        // Deadline notices and digests run when a test calls them, not on a timer.
        ("LIAISON_NOTICES".into(), "off".into()),
        ("DATABASE_URL".into(), database.url.clone()),
        ("LIAISON_ADDR".into(), "127.0.0.1:0".into()),
        ("LIAISON_ADMIN_EMAIL".into(), ADMIN_EMAIL.into()),
        ("LIAISON_ADMIN_PASSWORD".into(), ADMIN_PASSWORD.into()),
        ("LIAISON_LOG".into(), "warn".into()),
    ]);
    for (k, v) in settings {
        env.insert(k.to_string(), v.to_string());
    }
    let config = Config::from_map(&env).expect("test configuration is valid");
    liaison_server::telemetry::init(&config);
    let mut app = startup::build(&config).await.expect("the app starts");
    let jobs = std::mem::take(&mut app.jobs);
    let address = format!("http://{}", app.local_addr());
    let db = app.state.db.clone();
    let clock = app.state.clock.clone();
    let server = tokio::spawn(async move {
        let _ = app.serve(std::future::pending()).await;
    });
    TestApp { address, db, client: client(), database, config, clock, server, jobs }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
pub fn client() -> reqwest::Client {
    // A request that hangs fails its test instead of stalling the whole run.
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// A second person at another browser, with no cookies.
    pub fn another_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            db: self.db.clone(),
            client: client(),
            database: TestDatabase { url: self.database.url.clone(), sqlite_dir: None, pg_name: None },
            config: self.config.clone(),
            clock: self.clock.clone(),
            server: tokio::spawn(async {}),
            jobs: Vec::new(),
        }
    }

    /// A second app server on the same database, with settings of its own.
    pub async fn another_server(&self, settings: &[(&str, &str)]) -> TestApp {
        let shared = TestDatabase { url: self.database.url.clone(), sqlite_dir: None, pg_name: None };
        spawn_app_on(shared, settings).await
    }

    /// Stop this app (its server and background jobs) and hand back its database.
    pub async fn stop(mut self) -> TestDatabase {
        self.server.abort();
        for job in self.jobs.drain(..) {
            job.abort();
            let _ = job.await;
        }
        self.db.close().await;
        let url = self.database.url.clone();
        std::mem::replace(&mut self.database, TestDatabase { url, sqlite_dir: None, pg_name: None })
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_with(&self, path: &str, headers: &[(&'static str, &str)]) -> Response {
        let mut h = HeaderMap::new();
        for (k, v) in headers {
            h.insert(*k, HeaderValue::from_str(v).expect("header"));
        }
        self.client.get(self.url(path)).headers(h).send().await.expect("GET")
    }

    /// The text of a page, once the server has streamed all of it.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        let status = r.status();
        (status, r.text().await.expect("body"))
    }

    /// Call the server function `F` as the hydrated page does (JavaScript on): form-encoded
    /// arguments, a JSON answer, errors with their own status. `F` is the function's type
    /// (`app::admin::api::ListUsers`), so a test follows the path the function declares.
    pub async fn call<F: leptos::server_fn::ServerFn>(&self, form: &[(&str, &str)]) -> Response {
        self.call_path(F::PATH.trim_start_matches("/api/"), form).await
    }

    /// `call` for a table of functions named by their endpoint (`users`).
    pub async fn call_path(&self, function: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(&format!("/api/{function}")))
            .header("origin", &self.address)
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("server function call")
    }

    /// Submit a form as a browser without JavaScript does: it follows with the page it came
    /// from in `Referer` and expects a redirect.
    pub async fn submit<F: leptos::server_fn::ServerFn>(&self, from_page: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(F::PATH))
            .header("origin", &self.address)
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", self.url(from_page))
            .form(form)
            .send()
            .await
            .expect("form submit")
    }

    /// Send a file as a browser's form does (`multipart/form-data`, the file in `file`).
    pub async fn upload(&self, path: &str, file_name: &str, bytes: Vec<u8>) -> Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        self.client
            .post(self.url(path))
            .header("origin", &self.address)
            .header("accept", "text/html,application/xhtml+xml")
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .expect("upload")
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.call::<app::auth::api::Login>(&[("email", email), ("password", password)]).await
    }

    pub async fn login_as_admin(&self) {
        let r = self.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
        assert_eq!(r.status(), StatusCode::OK, "admin signs in");
    }

    /// The form of a sign-in's step after the password (`/login/step`), as the browser posts it.
    pub async fn answer_step(&self, form: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url("/login/step"))
            .header("origin", &self.address)
            .header("accept", "text/html")
            .form(form)
            .send()
            .await
            .expect("sign-in step")
    }

    /// Sign in with a password an administrator set, and choose one's own at the step such a
    /// sign-in waits for: afterwards the session is signed in.
    pub async fn first_sign_in(&self, email: &str, password: &str) {
        assert_eq!(self.login(email, password).await.status(), StatusCode::OK, "{email} signs in");
        let r = self.get("/").await;
        assert_eq!(location(&r), "/login/step?next=/", "{email} is asked for their own password first");
        let own = [("new_password", OWN_PASSWORD), ("confirm_password", OWN_PASSWORD), ("next", "/")];
        let r = self.answer_step(&own).await;
        assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/".to_string()), "{email} chose a password");
    }

    pub async fn logout(&self) -> Response {
        self.call::<app::auth::api::Logout>(&[]).await
    }

    /// Create an account through the admin function (the caller must be signed in as admin).
    pub async fn create_user(&self, email: &str, role: &str, department_id: &str, password: &str) -> Response {
        self.call::<app::admin::api::CreateUser>(&[
            ("email", email),
            ("display_name", "Test Person"),
            ("role", role),
            ("department_id", department_id),
            ("locale", "en"),
            ("password", password),
        ])
        .await
    }

    /// Create an account (the caller must be an admin) and sign it in at another browser;
    /// `department` is a department code (`customs`, …) or empty.
    pub async fn signed_in(&self, email: &str, role: &str, department: &str) -> TestApp {
        let dept = if department.is_empty() {
            String::new()
        } else {
            let all = app::admin::db::departments::list(&self.db).await.unwrap();
            all.iter().find(|d| d.code == department).expect("a seeded department").id.to_string()
        };
        let password = "a long enough password";
        assert_eq!(self.create_user(email, role, &dept, password).await.status(), StatusCode::OK, "{email} created");
        let person = self.another_browser();
        person.first_sign_in(email, password).await;
        person
    }

    /// Run a statement directly on the database: tests use it to move time on (a deadline
    /// that has passed) where waiting is not an option.
    pub async fn execute(&self, sql: &str) {
        app::on_db!(&self.db, |pool| sqlx::query(sql).execute(pool).await.map(|_| ())).expect("statement runs");
    }

    pub async fn user_count(&self) -> i64 {
        app::admin::db::users::count(&self.db).await.expect("count users")
    }
}

/// The error a server function answered with.
pub async fn app_error(r: Response) -> (StatusCode, AppError) {
    let status = r.status();
    let body = r.text().await.expect("body");
    let e = serde_json::from_str::<AppError>(&body).unwrap_or_else(|_| panic!("not an AppError ({status}): {body}"));
    (status, e)
}

pub fn location(r: &Response) -> String {
    r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}
