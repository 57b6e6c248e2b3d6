//! Staff sign in, are throttled after repeated failures, sign out, and time out when idle.

use crate::both;
use crate::common::*;
use app::error::AppError;
use reqwest::StatusCode;

async fn an_admin_signs_in_and_sees_the_overview(b: Backend) {
    let app = spawn_app(b).await;
    let (status, login_page) = app.page("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(login_page.contains(r#"action="/api/login""#));

    let r = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect::<Vec<_>>();
    let session = cookie.iter().find(|c| c.starts_with("liaison_session=")).expect("a session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax") && !session.contains("Secure"));

    let (status, home) = app.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Administrator"), "the overview greets the admin");
    assert!(home.contains(r#"href="/admin/users""#), "an admin sees the staff accounts area");
}
both!(an_admin_signs_in_and_sees_the_overview);

async fn a_wrong_password_is_refused_without_saying_why(b: Backend) {
    let app = spawn_app(b).await;
    let (status, e) = app_error(app.login(ADMIN_EMAIL, "not the password").await).await;
    assert_eq!((status, e), (StatusCode::UNAUTHORIZED, AppError::InvalidCredentials));
    // An unknown account gets exactly the same answer.
    let (status, e) = app_error(app.login("nobody@liaison.test", "not the password").await).await;
    assert_eq!((status, e), (StatusCode::UNAUTHORIZED, AppError::InvalidCredentials));
    // Still not signed in.
    let r = app.get("/").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/login"));
    // Both failures are in the audit log.
    app.login_as_admin().await;
    let r = app.call::<app::admin::api::ListAudit>(&[("filter[action]", "login_failed")]).await;
    let body = r.text().await.unwrap();
    assert_eq!(body.matches("\"login_failed\"").count(), 2, "{body}");
    assert!(body.contains("unknown_account") && body.contains("wrong_password"));
    // What was typed is kept only when it is an account's address: anything else may be a
    // password typed into the wrong field.
    assert!(!body.contains("nobody@liaison.test"), "{body}");
    assert!(body.contains(ADMIN_EMAIL));
}
both!(a_wrong_password_is_refused_without_saying_why);

async fn without_javascript_a_failed_sign_in_returns_to_the_form_with_the_message(b: Backend) {
    let app = spawn_app_with(b, &[]).await;
    let r = app
        .submit::<app::auth::api::Login>(
            "/login?next=%2Fadmin%2Fusers",
            &[("email", ADMIN_EMAIL), ("password", "wrong"), ("next", "/admin/users")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FOUND);
    let back = location(&r);
    assert!(back.contains("/login?next=%2Fadmin%2Fusers") && back.contains("__err="), "{back}");
    let path = back.trim_start_matches(&app.address).to_string();
    let page = app.get_with(&path, &[("accept-language", "en")]).await.text().await.unwrap();
    assert!(page.contains("The email address or password is not correct."), "the form shows the error");

    let r = app
        .submit::<app::auth::api::Login>(
            "/login?next=%2Fadmin%2Fusers",
            &[("email", ADMIN_EMAIL), ("password", ADMIN_PASSWORD), ("next", "/admin/users")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_eq!(location(&r), "/admin/users", "back to the page asked for");
    assert_eq!(app.get("/admin/users").await.status(), StatusCode::OK);
}
both!(without_javascript_a_failed_sign_in_returns_to_the_form_with_the_message);

async fn repeated_failures_lock_the_account_for_a_while(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_LOGIN_MAX_FAILURES", "3")]).await;
    for _ in 0..3 {
        let (_, e) = app_error(app.login(ADMIN_EMAIL, "guess").await).await;
        assert_eq!(e, AppError::InvalidCredentials);
    }
    // Now even the right password is refused, with the localized "too many attempts".
    let (status, e) = app_error(app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await).await;
    assert_eq!((status, e), (StatusCode::TOO_MANY_REQUESTS, AppError::TooManyAttempts));
    // An unknown account is throttled the same way, so throttling reveals nothing.
    for _ in 0..3 {
        app.login("ghost@liaison.test", "guess").await;
    }
    let (_, e) = app_error(app.login("ghost@liaison.test", "guess").await).await;
    assert_eq!(e, AppError::TooManyAttempts);
    assert!(app.get("/").await.status() == StatusCode::SEE_OTHER, "still signed out");
}
both!(repeated_failures_lock_the_account_for_a_while);

async fn repeated_failures_from_one_address_lock_that_address(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_LOGIN_MAX_FAILURES_PER_ADDRESS", "4")]).await;
    for i in 0..4 {
        app.login(&format!("guess{i}@liaison.test"), "guess").await;
    }
    let (status, e) = app_error(app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await).await;
    assert_eq!((status, e), (StatusCode::TOO_MANY_REQUESTS, AppError::TooManyAttempts));
}
both!(repeated_failures_from_one_address_lock_that_address);

async fn signing_out_ends_the_session_for_good(b: Backend) {
    let app = spawn_app(b).await;
    let r = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let token = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("liaison_session="))
        .and_then(|c| c.split(';').next())
        .expect("session token")
        .to_string();
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
    assert_eq!(app.logout().await.status(), StatusCode::OK);
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER);
    // Replaying the old cookie from elsewhere does not work either.
    let replay = client().get(app.url("/")).header("cookie", format!("liaison_session={token}")).send().await.unwrap();
    assert_eq!(replay.status(), StatusCode::SEE_OTHER);
    assert!(location(&replay).contains("expired=1"), "the sign-in page says the session ended");
}
both!(signing_out_ends_the_session_for_good);

async fn an_idle_session_expires(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_SESSION_IDLE", "2s")]).await;
    app.login_as_admin().await;
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
    app.clock.advance(std::time::Duration::from_millis(2100));
    let r = app.get("/").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/login?next=%2F&expired=1"), "{}", location(&r));
    let (_, e) = app_error(app.call::<app::admin::api::ListUsers>(&[]).await).await;
    assert_eq!(e, AppError::NotAuthenticated);
}
both!(an_idle_session_expires);

async fn an_active_session_still_ends_after_the_absolute_lifetime(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_SESSION_IDLE", "2s"), ("LIAISON_SESSION_ABSOLUTE", "3s")]).await;
    app.login_as_admin().await;
    for _ in 0..2 {
        app.clock.advance(std::time::Duration::from_millis(1200));
        assert_eq!(app.get("/").await.status(), StatusCode::OK, "activity keeps it alive");
    }
    app.clock.advance(std::time::Duration::from_millis(1200));
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER, "but not past 3 s in all");
}
both!(an_active_session_still_ends_after_the_absolute_lifetime);

async fn a_form_posted_from_another_site_is_refused(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let before = app.user_count().await;
    for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let r = app
            .client
            .post(app.url("/api/create_user"))
            .header(header, value)
            .form(&[
                ("email", "planted@evil.example"),
                ("display_name", "Planted"),
                ("role", "admin"),
                ("department_id", ""),
                ("locale", "en"),
                ("password", "planted password"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{header}: {value}");
    }
    assert_eq!(app.user_count().await, before, "nothing was created");
}
both!(a_form_posted_from_another_site_is_refused);
