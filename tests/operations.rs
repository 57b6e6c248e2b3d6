//! Operators can ask whether Liaison is healthy, and every response carries a request id.

use crate::both;
use crate::common::*;
use reqwest::StatusCode;

async fn health_names_the_database_and_fails_when_it_is_gone(b: Backend) {
    let app = spawn_app(b).await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers().contains_key("x-request-id"));
    let body: serde_json::Value = r.json().await.unwrap();
    let expected = match b {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(body, serde_json::json!({ "status": "ok", "database": expected }));

    app.db.close().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
}
both!(health_names_the_database_and_fails_when_it_is_gone);

async fn pages_are_never_cached_by_shared_caches(b: Backend) {
    let app = spawn_app(b).await;
    let r = app.get("/login").await;
    assert_eq!(r.headers().get("cache-control").unwrap(), "no-store");
    assert_eq!(r.headers().get("x-frame-options").unwrap(), "DENY");
    let (status, _) = app.page("/no-such-page").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "unknown pages are not public");
    app.login_as_admin().await;
    let (status, page) = app.page("/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("<h1>"));
}
both!(pages_are_never_cached_by_shared_caches);
