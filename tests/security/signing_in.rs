//! Signing in: guesses counted before they are checked, no redirect off-site, one's own
//! password and one-time codes, one session per browser.

use crate::both;
use crate::common::*;
use reqwest::StatusCode;

async fn wrong_passwords_sent_at_once_are_checked_no_more_than_the_limit(b: Backend) {
    let app =
        spawn_app_with(b, &[("LIAISON_LOGIN_MAX_FAILURES", "5"), ("LIAISON_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000")])
            .await;
    let mut guesses = Vec::new();
    for i in 0..50 {
        let (client, url, origin) = (client(), app.url("/api/login"), app.address.clone());
        guesses.push(tokio::spawn(async move {
            let password = format!("guess number {i}");
            let form = [("email", ADMIN_EMAIL), ("password", password.as_str())];
            let r = client.post(url).header("origin", origin).header("accept", "application/json").form(&form);
            r.send().await.expect("sign-in").status()
        }));
    }
    let mut answers = Vec::new();
    for g in guesses {
        answers.push(g.await.unwrap());
    }
    let checked = answers.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(checked <= 5, "{checked} guesses were checked: {answers:?}");
    assert!(answers.iter().all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));
    let logged_checks = app::on_db!(&app.db, |pool| {
        sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'login_failed' and cast(changes as text) like '%wrong_password%'"
    )
    .fetch_one(pool)
    .await
    })
    .unwrap();
    assert!(logged_checks <= 5, "{logged_checks} passwords were checked");
    // Once the limit is reached the right password waits too (guesses refused as busy were
    // not checked and do not count).
    let expected = if checked == 5 { StatusCode::TOO_MANY_REQUESTS } else { StatusCode::OK };
    assert_eq!(app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.status(), expected, "after {checked} checks");
}
both!(wrong_passwords_sent_at_once_are_checked_no_more_than_the_limit);

/// Where a browser would go from `next` after signing in: `None` when it stays on this site.
fn leaves_the_site(next: &str) -> Option<String> {
    let base = reqwest::Url::parse("http://liaison.test/login").unwrap();
    let target = app::auth::safe_next(Some(next));
    match base.join(&target) {
        Ok(url) if url.host_str() == Some("liaison.test") && url.scheme() == "http" => None,
        Ok(url) => Some(url.to_string()),
        Err(_) => Some(format!("unparseable {target:?}")),
    }
}

async fn nobody_is_sent_off_site_after_signing_in(b: Backend) {
    // The review's two: a tab sent the browser to evil.example, a line break crashed the
    // redirect. Both now land on the overview.
    let app = spawn_app(b).await;
    for next in ["/\t/evil.example", "/\n", "/%0A"] {
        let r = app
            .submit::<app::auth::api::Login>(
                "/login",
                &[("email", ADMIN_EMAIL), ("password", ADMIN_PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FOUND, "{next:?}");
        let to = location(&r);
        assert!(to == "/" || to == "/%0A", "{next:?} goes to {to:?}");
        app.logout().await;
    }
    // Fuzzed: pieces browsers read in surprising ways, put together at random.
    let pieces = [
        "/",
        "//",
        "\\",
        "\t",
        "\n",
        "\r",
        " ",
        "\u{3000}",
        "\u{0}",
        "%09",
        "%2F",
        "@",
        ":",
        "evil.example",
        "http:",
        "https:",
        "javascript:",
        ".",
        "..",
        "?",
        "#",
        "王",
        "/admin",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20_000 {
        let mut next = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for k in 0..(1 + seed % 6) {
            next.push_str(pieces[((seed >> (8 * k)) % pieces.len() as u64) as usize]);
        }
        assert_eq!(leaves_the_site(&next), None, "{next:?}");
    }
    assert_eq!(leaves_the_site("/cases?status=accepted"), None);
    assert_eq!(app::auth::safe_next(Some("/cases?status=accepted")), "/cases?status=accepted");
}
both!(nobody_is_sent_off_site_after_signing_in);

/// The secret a page shows as its key (groups of four), read back as the app would.
fn key_on(page: &str) -> Vec<u8> {
    let at = page.find("id=\"totp-key\"").unwrap_or_else(|| panic!("the key is shown: {page}"));
    let start = at + page[at..].find('>').unwrap() + 1;
    let key: String = page[start..].split('<').next().unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    app::auth::totp::from_base32(&key).expect("base32")
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn a_password_an_admin_set_is_changed_at_the_first_sign_in(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    assert_eq!(app.create_user("li.na@liaison.test", "leader", "", "set by the admin").await.status(), StatusCode::OK);
    let li = app.another_browser();
    assert_eq!(li.login("li.na@liaison.test", "set by the admin").await.status(), StatusCode::OK);
    // Nothing opens until the step is done: pages lead to it, server functions see nobody.
    let r = li.get("/cases").await;
    assert_eq!(location(&r), "/login/step?next=/cases");
    assert_eq!(li.call::<app::cases::api::ListCases>(&[]).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(li.get("/cases/export.csv").await.status(), StatusCode::SEE_OTHER);
    let (status, page) = li.page("/login/step?next=/cases").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Choose your own password"), "{page}");
    // The admin's password again, a common one, a mismatch: each refused with its reason.
    for (new, confirm, expected) in [
        ("set by the admin", "set by the admin", "Choose a password other than the one the administrator set."),
        ("password123", "password123", "This password is among the most used ones"),
        ("my own good password", "another one", "do not match"),
    ] {
        let r = li.answer_step(&[("new_password", new), ("confirm_password", confirm), ("next", "/cases")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{new}");
        let body = r.text().await.unwrap();
        assert!(body.contains(expected) || body.contains("match"), "{new}: {body}");
    }
    let own =
        [("new_password", "my own good password"), ("confirm_password", "my own good password"), ("next", "/cases")];
    let r = li.answer_step(&own).await;
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/cases".to_string()));
    assert_eq!(li.get("/cases").await.status(), StatusCode::OK);
    // A reset by the admin asks again; the password the admin chose at the first start does not.
    let again = app.another_browser();
    again.login("li.na@liaison.test", "my own good password").await;
    assert_eq!(again.get("/account").await.status(), StatusCode::OK, "signed in, nothing more asked");
    let admin_again = app.another_browser();
    admin_again.login_as_admin().await;
    assert_eq!(admin_again.get("/").await.status(), StatusCode::OK);
}
both!(a_password_an_admin_set_is_changed_at_the_first_sign_in);

async fn one_time_codes_guard_a_sign_in_once_set_up(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let li = app.signed_in("li.na@liaison.test", "protocol_officer", "").await;
    // Li Na sets codes up from her account: the key, then the app's first code.
    let (status, page) = li.page("/account/two-step").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg"), "a QR code");
    let secret = key_on(&page);
    assert_eq!(key_on(&li.page("/account/two-step").await.1), secret, "the same key on a reload");
    let post = |who: &TestApp, path: &str, form: Vec<(&'static str, String)>| {
        let (client, url, origin) = (who.client.clone(), who.url(path), who.address.clone());
        async move { client.post(url).header("origin", origin).form(&form).send().await.unwrap() }
    };
    let r = post(&li, "/account/two-step", vec![("code", "000000".into())]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let first = app::auth::totp::code_at(&secret, now());
    let r = post(&li, "/account/two-step", vec![("code", first.clone())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let start = page.find("id=\"recovery-codes\"").expect("recovery codes shown once");
    let recovery: Vec<String> =
        page[start..].split("<li>").skip(1).map(|li| li.split('<').next().unwrap().to_string()).collect();
    assert_eq!(recovery.len(), 10);

    // Now a sign-in asks for a code; the one just used does not work twice.
    let phone = app.another_browser();
    assert_eq!(phone.login("li.na@liaison.test", OWN_PASSWORD).await.status(), StatusCode::OK);
    assert_eq!(location(&phone.get("/delegations").await), "/login/step?next=/delegations");
    let code = |c: &str| vec![("code", c.to_string()), ("next", "/delegations".to_string())];
    let r = post(&phone, "/login/step", code(&first)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    assert!(r.text().await.unwrap().contains("has been used already"));
    // A recovery code works once too.
    let r = post(&phone, "/login/step", code(&recovery[0].to_uppercase())).await;
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/delegations".to_string()));
    assert_eq!(phone.get("/delegations").await.status(), StatusCode::OK);
    let laptop = app.another_browser();
    laptop.login("li.na@liaison.test", OWN_PASSWORD).await;
    assert_eq!(post(&laptop, "/login/step", code(&recovery[0])).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Wrong codes are counted like wrong passwords.
    for _ in 0..5 {
        post(&laptop, "/login/step", code("123456")).await;
    }
    let r = post(&laptop, "/login/step", code(&recovery[1])).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let refused = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'one_time_code_refused'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert!(refused >= 6, "{refused}");
}
both!(one_time_codes_guard_a_sign_in_once_set_up);

async fn a_role_that_requires_codes_sets_them_up_at_the_next_sign_in(b: Backend) {
    // LIAISON_REQUIRE_MFA at installation; the administrators' page changes it later.
    let app = spawn_app_with(b, &[("LIAISON_REQUIRE_MFA", "admin")]).await;
    app.login_as_admin().await;
    let r = app.get("/").await;
    assert_eq!(location(&r), "/login/step?next=/", "the administrator must set codes up first");
    let (_, page) = app.page("/login/step?next=/").await;
    assert!(page.contains("您的角色要求每次登录时输入身份验证器应用生成的验证码"), "{page}");
    let secret = key_on(&page);
    let r = app.answer_step(&[("code", &app::auth::totp::code_at(&secret, now())), ("next", "/")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("id=\"recovery-codes\""));
    // (The administrator reads Chinese.)
    assert_eq!(app.get("/").await.status(), StatusCode::OK, "signed in");
    // The setting: leaders too. A leader without codes is asked at their next sign-in.
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    assert_eq!(leader.get("/account").await.status(), StatusCode::OK, "before the setting");
    let form = [("roles", "admin"), ("roles", "leader")];
    let r =
        app.client.post(app.url("/admin/two-step")).header("origin", &app.address).form(&form).send().await.unwrap();
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/admin/two-step?saved=1".to_string()));
    let (_, settings) = app.page("/admin/two-step").await;
    assert!(settings.contains("value=\"leader\" checked"), "{settings}");
    let again = app.another_browser();
    again.login("leader@liaison.test", OWN_PASSWORD).await;
    assert_eq!(location(&again.get("/").await), "/login/step?next=/");
    // The setting is the administrators' alone.
    let r = leader
        .client
        .post(leader.url("/admin/two-step"))
        .header("origin", &leader.address)
        .form(&[("roles", "admin")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app::auth::db::required_roles(&app.db).await.unwrap(), ["admin", "leader"]);
}
both!(a_role_that_requires_codes_sets_them_up_at_the_next_sign_in);

async fn administrators_are_warned_while_one_signs_in_with_a_password_alone(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let warning: Option<i64> = app.call::<app::auth::api::AdminsWithoutCodes>(&[]).await.json().await.unwrap();
    assert_eq!(warning, Some(1));
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let none: Option<i64> = leader.call::<app::auth::api::AdminsWithoutCodes>(&[]).await.json().await.unwrap();
    assert_eq!(none, None, "only administrators are told");
}
both!(administrators_are_warned_while_one_signs_in_with_a_password_alone);

async fn a_generated_first_password_is_written_for_the_owner_alone(b: Backend) {
    let dir = std::env::temp_dir().join(format!("liaison-secret-{}", uuid::Uuid::new_v4().simple()));
    let file = dir.join("first-admin-password");
    let path = file.display().to_string();
    let app = spawn_app_with(b, &[("LIAISON_ADMIN_PASSWORD", ""), ("LIAISON_FIRST_PASSWORD_FILE", &path)]).await;
    let password = std::fs::read_to_string(&file).expect("the password file").trim().to_string();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by the owner only");
    }
    assert_eq!(password.len(), 16);
    // It signs in, and asks for a password of the administrator's own.
    assert_eq!(app.login(ADMIN_EMAIL, &password).await.status(), StatusCode::OK);
    assert_eq!(location(&app.get("/").await), "/login/step?next=/");
    let _ = std::fs::remove_dir_all(dir);
}
both!(a_generated_first_password_is_written_for_the_owner_alone);

async fn signing_in_again_ends_the_browsers_previous_session(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let sessions = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            app::on_db!(&db, |pool| sqlx::query_scalar::<_, i64>("select count(*) from sessions").fetch_one(pool).await)
                .unwrap()
        }
    };
    assert_eq!(sessions(&app).await, 1);
    app.login_as_admin().await;
    assert_eq!(sessions(&app).await, 1, "the earlier session ended");
    assert_eq!(app.get("/admin/users").await.status(), StatusCode::OK, "the new one works");
}
both!(signing_in_again_ends_the_browsers_previous_session);
