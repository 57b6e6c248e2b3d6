//! Liaison speaks the reader's language: the user's preference, then the language cookie,
//! then the browser's Accept-Language, then English.

use crate::both;
use crate::common::*;
use app::domain::Locale;
use reqwest::StatusCode;

fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("html lang") + 12;
    &page[start..start + page[start..].find('"').unwrap()]
}

async fn the_sign_in_page_speaks_the_browsers_language(b: Backend) {
    let app = spawn_app(b).await;
    for (accept, lang, title) in [
        ("fr-FR,fr;q=0.9,en;q=0.5", "fr", "Connexion"),
        ("zh-CN,zh;q=0.9", "zh-CN", "登录"),
        ("en-GB", "en", "Sign in"),
        ("de-DE, ja;q=0.8", "en", "Sign in"),
        ("de, fr;q=0.3", "fr", "Connexion"),
    ] {
        let page = client()
            .get(app.url("/login"))
            .header("accept-language", accept)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(html_lang(&page), lang, "Accept-Language: {accept}");
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{accept}: {title}");
    }
}
both!(the_sign_in_page_speaks_the_browsers_language);

async fn the_language_switcher_works_without_javascript(b: Backend) {
    let app = spawn_app(b).await;
    let r = app
        .client
        .post(app.url("/lang"))
        .header("origin", &app.address)
        .header("accept-language", "fr")
        .form(&[("lang", "zh-CN"), ("next", "/login?next=%2Fadmin")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/login?next=%2Fadmin", "back where the reader was");
    // The cookie now beats the browser's French.
    let page = app.get_with("/login", &[("accept-language", "fr")]).await.text().await.unwrap();
    assert_eq!(html_lang(&page), "zh-CN");
    // Never to another site, and an unknown language changes nothing.
    let r = app
        .client
        .post(app.url("/lang"))
        .form(&[("lang", "en"), ("next", "https://evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/");
    app.client.post(app.url("/lang")).form(&[("lang", "xx"), ("next", "/login")]).send().await.unwrap();
    let page = app.get_with("/login", &[("accept-language", "fr")]).await.text().await.unwrap();
    assert_eq!(html_lang(&page), "en");
}
both!(the_language_switcher_works_without_javascript);

async fn a_signed_in_users_preference_wins_and_follows_them(b: Backend) {
    let app = spawn_app(b).await;
    // The first admin prefers Chinese; the browser asks for French.
    app.login_as_admin().await;
    let page = app.get_with("/", &[("accept-language", "fr")]).await.text().await.unwrap();
    assert_eq!(html_lang(&page), "zh-CN");
    // Switching while signed in stores the preference (audited) ...
    let r = app
        .client
        .post(app.url("/lang"))
        .header("origin", &app.address)
        .form(&[("lang", "fr"), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let admin = app::admin::db::users::get(&app.db, 1).await.unwrap().unwrap();
    assert_eq!(admin.locale, Locale::Fr);
    // ... so another browser, with an English cookie, gets French after signing in.
    let other = app.another_browser();
    other.client.post(other.url("/lang")).form(&[("lang", "en"), ("next", "/")]).send().await.unwrap();
    other.login_as_admin().await;
    let page = other.get_with("/account", &[("accept-language", "en")]).await.text().await.unwrap();
    assert_eq!(html_lang(&page), "fr");
    assert!(page.contains("Mon compte"));
    let log: serde_json::Value =
        app.call::<app::admin::api::ListAudit>(&[("filter[action]", "language_changed")]).await.json().await.unwrap();
    let changes: serde_json::Value = serde_json::from_str(log["entries"][0]["changes"].as_str().unwrap()).unwrap();
    assert_eq!(changes, serde_json::json!({ "locale": { "from": "zh-CN", "to": "fr" } }));
}
both!(a_signed_in_users_preference_wins_and_follows_them);
