//! Administrators manage staff accounts; nobody else can, whatever they send. Every change is
//! audited, and two admins editing one account cannot overwrite each other.

use crate::both;
use crate::common::*;
use app::domain::Role;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;

const PASSWORD: &str = "a long enough password";

async fn new_user_id(r: reqwest::Response) -> i64 {
    assert_eq!(r.status(), StatusCode::OK, "created");
    r.json::<i64>().await.expect("the new id")
}

async fn department_id(app: &TestApp, code: &str) -> String {
    let all = app::admin::db::departments::list(&app.db).await.unwrap();
    all.iter().find(|d| d.code == code).expect("seeded department").id.to_string()
}

async fn an_admin_creates_a_user_who_then_signs_in(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let customs = department_id(&app, "customs").await;
    let id = new_user_id(app.create_user("Li.Na@Customs.gov.cn", "department_liaison", &customs, PASSWORD).await).await;

    let user = app::admin::db::users::get(&app.db, id).await.unwrap().expect("stored");
    assert_eq!(user.email, "li.na@customs.gov.cn", "e-mail stored normalised");
    assert_eq!(user.role, Role::DepartmentLiaison);
    assert_eq!(user.department_id.map(|d| d.to_string()), Some(customs));

    let colleague = app.another_browser();
    colleague.first_sign_in("li.na@customs.gov.cn", PASSWORD).await;
    let (status, home) = colleague.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!home.contains(r#"href="/admin/users""#), "a department liaison sees no admin area");

    let audit =
        app.call::<app::admin::api::ListAudit>(&[("filter[action]", "user_created")]).await.text().await.unwrap();
    assert!(audit.contains("li.na@customs.gov.cn"), "the creation is audited: {audit}");
}
both!(an_admin_creates_a_user_who_then_signs_in);

async fn a_bad_account_form_reports_every_field_and_saves_nothing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let before = app.user_count().await;
    let (status, e) = app_error(app.create_user("not-an-email", "department_liaison", "", "short").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut codes: Vec<(String, FieldCode)> = e.field_errors().iter().map(|f| (f.field.clone(), f.code)).collect();
    codes.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        codes,
        vec![
            ("department_id".into(), FieldCode::DepartmentRequired),
            ("email".into(), FieldCode::InvalidEmail),
            ("password".into(), FieldCode::PasswordTooShort),
        ]
    );
    let (_, e) = app_error(app.create_user(ADMIN_EMAIL, "leader", "", PASSWORD).await).await;
    assert_eq!(e, AppError::field("email", FieldCode::EmailTaken));
    let (_, e) = app_error(app.create_user("x@y.cn", "emperor", "", PASSWORD).await).await;
    assert_eq!(e, AppError::field("role", FieldCode::UnknownRole));
    assert_eq!(app.user_count().await, before);
}
both!(a_bad_account_form_reports_every_field_and_saves_nothing);

/// Every role but admin is refused every admin page and function: 403, and nothing changes.
async fn other_roles_cannot_administer(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let tax = department_id(&app, "tax").await;
    for role in [Role::ProtocolOfficer, Role::LiaisonOfficer, Role::DepartmentLiaison, Role::Leader] {
        let email = format!("{}@liaison.test", role.as_str());
        let dept = if role.needs_department() { tax.as_str() } else { "" };
        new_user_id(app.create_user(&email, role.as_str(), dept, PASSWORD).await).await;
        let staff = app.another_browser();
        staff.first_sign_in(&email, PASSWORD).await;
        let users_before = staff.user_count().await;

        for page in ["/admin/users", "/admin/users/new", "/admin/users/1", "/admin/audit"] {
            let (status, body) = staff.page(page).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{role:?} opens {page}");
            assert!(!body.contains(ADMIN_EMAIL), "{role:?} sees no account data on {page}");
        }
        for (function, form) in [
            ("users", vec![]),
            ("user", vec![("id", "1")]),
            ("audit", vec![]),
            (
                "create_user",
                vec![
                    ("email", "x@y.cn"),
                    ("display_name", "X"),
                    ("role", "admin"),
                    ("department_id", ""),
                    ("locale", "en"),
                    ("password", PASSWORD),
                ],
            ),
            (
                "update_user",
                vec![
                    ("id", "1"),
                    ("version", "1"),
                    ("email", "x@y.cn"),
                    ("display_name", "X"),
                    ("role", "leader"),
                    ("department_id", ""),
                    ("locale", "en"),
                ],
            ),
            ("set_user_active", vec![("id", "1"), ("version", "1"), ("active", "false")]),
            ("reset_password", vec![("id", "1"), ("password", PASSWORD)]),
            ("end_sessions", vec![("id", "1")]),
        ] {
            let (status, e) = app_error(staff.call_path(function, &form).await).await;
            assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden), "{role:?} calls {function}");
        }
        assert_eq!(staff.user_count().await, users_before);
        let admin = app::admin::db::users::get(&app.db, 1).await.unwrap().unwrap();
        assert!(admin.active && admin.role == Role::Admin && admin.version == 1, "the admin is untouched");
    }
    // Not signed in at all: 401 from functions, the sign-in page for pages.
    let stranger = app.another_browser();
    let (status, _) = app_error(stranger.call::<app::admin::api::CreateUser>(&[("email", "x@y.cn")]).await).await;
    assert!(status == StatusCode::UNAUTHORIZED || status == StatusCode::UNPROCESSABLE_ENTITY);
    let (status, e) = app_error(stranger.call::<app::admin::api::ListUsers>(&[]).await).await;
    assert_eq!((status, e), (StatusCode::UNAUTHORIZED, AppError::NotAuthenticated));
    assert_eq!(stranger.get("/admin/users").await.status(), StatusCode::SEE_OTHER);
}
both!(other_roles_cannot_administer);

async fn a_stale_edit_is_refused_and_overwrites_nothing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let id = new_user_id(app.create_user("wang@liaison.test", "leader", "", PASSWORD).await).await.to_string();
    let edit = |name: &'static str, version: &'static str| {
        let id = id.clone();
        let app = &app;
        async move {
            app.call::<app::admin::api::UpdateUser>(&[
                ("id", &id),
                ("version", version),
                ("email", "wang@liaison.test"),
                ("display_name", name),
                ("role", "leader"),
                ("department_id", ""),
                ("locale", "fr"),
            ])
            .await
        }
    };
    // Two admins loaded version 1; the first saves, the second is refused.
    assert_eq!(edit("Wang Fang", "1").await.status(), StatusCode::OK);
    let (status, e) = app_error(edit("Wang Wei", "1").await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion));
    let user = app::admin::db::users::get(&app.db, id.parse().unwrap()).await.unwrap().unwrap();
    assert_eq!((user.display_name.as_str(), user.version), ("Wang Fang", 2));
    let history = app
        .call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "user"), ("filter[entity_id]", &id)])
        .await
        .text()
        .await
        .unwrap();
    assert!(history.contains("Wang Fang") && history.contains("Test Person"), "from → to recorded: {history}");
}
both!(a_stale_edit_is_refused_and_overwrites_nothing);

async fn disabling_or_resetting_ends_the_users_sessions(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let id = new_user_id(app.create_user("zhao@liaison.test", "liaison_officer", "", PASSWORD).await).await;
    let officer = app.another_browser();
    assert_eq!(officer.login("zhao@liaison.test", PASSWORD).await.status(), StatusCode::OK);

    // Reset: the officer is signed out; the new password works, the old one not.
    let sid = id.to_string();
    assert_eq!(
        app.call::<app::admin::api::ResetPassword>(&[("id", &sid), ("password", "the new password 1")]).await.status(),
        StatusCode::OK
    );
    assert_eq!(officer.get("/").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(officer.login("zhao@liaison.test", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(officer.login("zhao@liaison.test", "the new password 1").await.status(), StatusCode::OK);

    // End sessions.
    let ended: u64 = app.call::<app::admin::api::EndSessions>(&[("id", &sid)]).await.json().await.unwrap();
    assert_eq!(ended, 1);
    assert_eq!(officer.get("/").await.status(), StatusCode::SEE_OTHER);

    // Disable: cannot sign in, with the same message as a wrong password.
    assert_eq!(officer.login("zhao@liaison.test", "the new password 1").await.status(), StatusCode::OK);
    let version = app::admin::db::users::get(&app.db, id).await.unwrap().unwrap().version.to_string();
    assert_eq!(
        app.call::<app::admin::api::SetUserActive>(&[("id", &sid), ("version", &version), ("active", "false")])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(officer.get("/").await.status(), StatusCode::SEE_OTHER);
    let (_, e) = app_error(officer.login("zhao@liaison.test", "the new password 1").await).await;
    assert_eq!(e, AppError::InvalidCredentials);

    let log = app.call::<app::admin::api::ListAudit>(&[("filter[entity_id]", &sid)]).await.text().await.unwrap();
    for action in ["password_reset", "sessions_ended", "user_updated", "user_created"] {
        assert!(log.contains(&format!("\"{action}\"")), "{action} audited");
    }
}
both!(disabling_or_resetting_ends_the_users_sessions);

async fn the_last_admin_cannot_be_disabled_or_demoted(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (status, e) = app_error(
        app.call::<app::admin::api::SetUserActive>(&[("id", "1"), ("version", "1"), ("active", "false")]).await,
    )
    .await;
    assert_eq!((status, e), (StatusCode::UNPROCESSABLE_ENTITY, AppError::CannotChangeSelf));
    let (_, e) = app_error(
        app.call::<app::admin::api::UpdateUser>(&[
            ("id", "1"),
            ("version", "1"),
            ("email", ADMIN_EMAIL),
            ("display_name", "A"),
            ("role", "leader"),
            ("department_id", ""),
            ("locale", "en"),
        ])
        .await,
    )
    .await;
    assert_eq!(e, AppError::CannotChangeSelf);
    assert_eq!(app.get("/admin/users").await.status(), StatusCode::OK, "still an admin");
}
both!(the_last_admin_cannot_be_disabled_or_demoted);

async fn staff_change_their_own_password(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (_, e) = app_error(
        app.call::<app::auth::api::ChangePassword>(&[
            ("current_password", "wrong"),
            ("new_password", "brand new password"),
            ("confirm_password", "brand new password"),
        ])
        .await,
    )
    .await;
    assert_eq!(e, AppError::field("current_password", FieldCode::WrongPassword));
    let (_, e) = app_error(
        app.call::<app::auth::api::ChangePassword>(&[
            ("current_password", ADMIN_PASSWORD),
            ("new_password", "brand new password"),
            ("confirm_password", "brand new"),
        ])
        .await,
    )
    .await;
    assert_eq!(e, AppError::field("confirm_password", FieldCode::PasswordMismatch));
    let r = app
        .call::<app::auth::api::ChangePassword>(&[
            ("current_password", ADMIN_PASSWORD),
            ("new_password", "brand new password"),
            ("confirm_password", "brand new password"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app.get("/").await.status(), StatusCode::OK, "this session goes on");
    let other = app.another_browser();
    assert_eq!(other.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(other.login(ADMIN_EMAIL, "brand new password").await.status(), StatusCode::OK);
}
both!(staff_change_their_own_password);
