//! Visitors without an account: pages run only this site's scripts, and the portal neither
//! locks an investor out, nor mails a stranger's text, nor outlives leaving it.

use crate::both;
use crate::cases::{case, move_case};
use crate::common::*;
use crate::portal::{look_up, request, submitted};
use reqwest::StatusCode;

async fn every_page_runs_only_this_sites_scripts(b: Backend) {
    let app = spawn_app(b).await;
    let r = app.get("/login").await;
    let policy = r.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert_eq!(r.headers()["permissions-policy"].to_str().unwrap(), liaison_server::middleware::PERMISSIONS_POLICY);
    assert!(r.headers().get("strict-transport-security").is_none(), "not on plain http");
    let html = r.text().await.unwrap();
    let nonce = policy.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce").to_string();
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), "{policy}");
    // Every script on the page carries the nonce; none without it.
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        html.matches(&format!("<script nonce=\"{nonce}\"")).count()
            + html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count(),
        scripts,
        "{html}"
    );
    // Also where a page is rendered again by a form post (the portal's refused form).
    let r = app
        .client
        .post(app.url("/portal/request"))
        .header("origin", &app.address)
        .form(&[("request_type", "tax")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let policy = r.headers()["content-security-policy"].to_str().unwrap().to_string();
    let refused = r.text().await.unwrap();
    let n = policy.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce on a re-rendered page");
    assert!(refused.contains(&format!("nonce=\"{n}\"")), "its scripts carry it");
    // A new nonce for each response.
    let again = app.get("/login").await;
    assert!(!again.headers()["content-security-policy"].to_str().unwrap().contains(&nonce));
    // Files and pages without scripts allow none.
    let r = app.get("/portal/case").await;
    let policy = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self';") && !policy.contains("nonce"), "{policy}");
    // Behind https, browsers are told to keep to it.
    let https = spawn_app_with(b, &[("LIAISON_BASE_URL", "https://liaison.example.gov.cn")]).await;
    let r = https.get("/login").await;
    assert!(r.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age=31536000"));
}
both!(every_page_runs_only_this_sites_scripts);

async fn a_strangers_wrong_codes_do_not_lock_the_investor_out(b: Backend) {
    let app =
        spawn_app_with(b, &[("LIAISON_TRUSTED_PROXIES", "127.0.0.1"), ("LIAISON_PORTAL_MAX_CODE_FAILURES", "3")]).await;
    let investor = app.another_browser();
    let (_, reference, code) = submitted(&investor, "/portal/request", &request("Lille Optique SAS", &[])).await;
    let from = |who: &TestApp, address: &str, code: &str| {
        let (client, url, origin) = (who.client.clone(), who.url("/portal/status"), who.address.clone());
        let form = [("reference", reference.clone()), ("access_code", code.to_string())];
        let address = address.to_string();
        async move {
            client
                .post(url)
                .header("origin", origin)
                .header("x-forwarded-for", address)
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    };
    let attacker = app.another_browser();
    // A well-formed code that is not the right one.
    let alphabet = app::domain::ACCESS_CODE_ALPHABET;
    let other = alphabet.iter().find(|c| **c != code.as_bytes()[0]).copied().unwrap() as char;
    let wrong_code = format!("{other}{}", &code[1..]);
    let wrong = wrong_code.as_str();
    for _ in 0..3 {
        assert_eq!(from(&attacker, "198.51.100.7", wrong).await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(from(&attacker, "198.51.100.7", wrong).await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(from(&attacker, "198.51.100.7", &code).await.status(), StatusCode::TOO_MANY_REQUESTS, "locked there");
    // The investor, elsewhere, still gets in with their code.
    assert_eq!(from(&investor, "203.0.113.20", &code).await.status(), StatusCode::SEE_OTHER);
    // An IPv6 visitor is one /64: changing the last bits does not start a new count.
    for _ in 0..3 {
        from(&attacker, "2001:db8:1:2::1", wrong).await;
    }
    assert_eq!(from(&attacker, "2001:db8:1:2::99", wrong).await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(from(&attacker, "2001:db8:1:3::1", wrong).await.status(), StatusCode::UNAUTHORIZED);
    // Without a trusted proxy the header is the visitor's own words and changes nothing.
    let direct = spawn_app_with(b, &[("LIAISON_PORTAL_MAX_CODE_FAILURES", "3")]).await;
    let (_, reference, _) =
        submitted(&direct.another_browser(), "/portal/request", &request("Lille Optique SAS", &[])).await;
    for i in 0..4 {
        let r = direct
            .client
            .post(direct.url("/portal/status"))
            .header("origin", &direct.address)
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .form(&[("reference", reference.as_str()), ("access_code", wrong)])
            .send()
            .await
            .unwrap();
        let expected = if i < 3 { StatusCode::UNAUTHORIZED } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(r.status(), expected, "attempt {i}");
    }
}
both!(a_strangers_wrong_codes_do_not_lock_the_investor_out);

async fn the_portal_mails_no_stranger_a_text_of_the_visitors_choosing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let spam = "Cheap watches at spam.example";
    let visitor = app.another_browser();
    let form =
        request("Lille Optique SAS", &[("contact_name", spam), ("email", "victim@example.org"), ("language", "en")]);
    let (id, reference, code) = submitted(&visitor, "/portal/request", &form).await;
    let mails = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            app::on_db!(&db, |pool| sqlx::query_scalar::<_, String>(
                "select subject || body_text || body_html from outbox where recipient = 'victim@example.org' order by id"
            )
            .fetch_all(pool)
            .await)
            .unwrap()
        }
    };
    // The request's title in the visitor's words too.
    app.execute(&format!("update cases set title = '{spam}' where id = {id}")).await;
    let v = case(&app, id).await["version"].as_i64().unwrap();
    assert_eq!(move_case(&app, id, v, "accepted", "").await.status(), StatusCode::OK);
    let before = mails(&app).await;
    assert!(before.len() >= 2, "the confirmation and the status change: {before:?}");
    for m in &before {
        assert!(m.contains(&reference), "the reference is there");
        assert!(!m.contains("Cheap watches"), "no word of the visitor's reaches an unproven address: {m}");
    }
    // The access code typed back proves the address: from now on the messages are whole.
    assert_eq!(look_up(&visitor, &reference, &code).await.status(), StatusCode::SEE_OTHER);
    let v = case(&app, id).await["version"].as_i64().unwrap();
    assert_eq!(move_case(&app, id, v, "in_progress", "").await.status(), StatusCode::OK);
    let after = mails(&app).await;
    assert!(after.last().unwrap().contains(spam), "{:?}", after.last());
}
both!(the_portal_mails_no_stranger_a_text_of_the_visitors_choosing);

async fn leaving_the_portal_ends_its_session_on_the_server(b: Backend) {
    let app = spawn_app(b).await;
    let investor = app.another_browser();
    let (_, reference, code) = submitted(&investor, "/portal/request", &request("Lille Optique SAS", &[])).await;
    let r = look_up(&investor, &reference, &code).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The session's cookie, as someone who copied it from this browser would keep it.
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("liaison_portal="))
        .and_then(|v| v.split(';').next())
        .expect("the portal session cookie")
        .to_string();
    let copied = |cookie: String| {
        let url = app.url("/portal/case");
        async move { client().get(url).header("cookie", cookie).send().await.unwrap().text().await.unwrap() }
    };
    assert!(copied(cookie.clone()).await.contains("id=\"case-status\""), "the copy opens the case");
    let r =
        investor.client.post(investor.url("/portal/leave")).header("origin", &investor.address).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(!copied(cookie.clone()).await.contains("id=\"case-status\""), "after leaving, the copy opens nothing");
    // A new sign-in works again; a forged cookie opens nothing.
    assert_eq!(look_up(&investor, &reference, &code).await.status(), StatusCode::SEE_OTHER);
    assert!(investor.page("/portal/case").await.1.contains("id=\"case-status\""));
    let forged = cookie.replacen("liaison_portal=1.", "liaison_portal=2.", 1);
    assert!(!copied(forged).await.contains("id=\"case-status\""));
}
both!(leaving_the_portal_ends_its_session_on_the_server);
