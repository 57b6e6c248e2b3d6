//! The investor portal: a foreign investor submits a request in their language, reads the
//! confirmation once, follows the case with the reference and access code, answers a request
//! for information and rates the service; bad input is refused field by field; wrong codes
//! lock a reference without telling which references exist; addresses are rate-limited; and
//! nothing internal ever reaches a public page.

use crate::both;
use crate::cases::{case, move_case, officer_with_enterprise};
use crate::common::*;
use reqwest::{Response, StatusCode};

/// Post a portal form as a browser does (with or without JavaScript: the forms are plain).
pub(crate) async fn post(who: &TestApp, path: &str, form: &[(&str, &str)]) -> Response {
    who.client
        .post(who.url(path))
        .header("origin", &who.address)
        .header("accept", "text/html")
        .form(form)
        .send()
        .await
        .expect("portal post")
}

pub(crate) fn request<'a>(enterprise: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("request_type", "tax"),
        ("enterprise_name", enterprise),
        ("credit_code", ""),
        ("contact_name", "Marie Dubois"),
        ("email", "marie.dubois@example.fr"),
        ("phone", "+33 6 12 34 56 78"),
        ("language", "fr"),
        ("description", "Nous avons besoin d'aide pour le remboursement de TVA à l'export."),
        ("website", ""),
    ];
    for (k, v) in extra {
        form.retain(|(key, _)| key != k);
        form.push((k, v));
    }
    form
}

/// A text between `id="<id>">` and the next `<`.
fn text_of(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\">"))? + id.len() + 6;
    Some(html[start..].split('<').next()?.to_string())
}

async fn cases_count(app: &TestApp) -> i64 {
    app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>("select count(*) from cases").fetch_one(pool).await)
        .unwrap()
}

/// Submit a valid request at a browser in `lang`; returns the case id, reference and code.
pub(crate) async fn submitted(investor: &TestApp, path: &str, form: &[(&str, &str)]) -> (i64, String, String) {
    let r = post(investor, path, form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap_or_default());
    assert_eq!(location(&r), "/portal/submitted");
    let (status, html) = investor.page("/portal/submitted").await;
    assert_eq!(status, StatusCode::OK);
    let reference = text_of(&html, "reference").expect("the reference is shown");
    let code = text_of(&html, "access-code").expect("the access code is shown");
    assert_eq!(code.len(), 12);
    // Once only.
    let (_, again) = investor.page("/portal/submitted").await;
    assert!(!again.contains(&code));
    let id = app::portal::db::credentials(&investor.db, &reference).await.unwrap().unwrap().0;
    (id, reference, code)
}

pub(crate) async fn look_up(who: &TestApp, reference: &str, code: &str) -> Response {
    post(who, "/portal/status", &[("reference", reference), ("access_code", code)]).await
}

async fn a_french_investor_follows_a_request_to_its_rating(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let investor = app.another_browser();
    investor.get_with("/portal", &[("accept-language", "fr-FR,fr;q=0.9")]).await;

    // The enterprise is found by its original name, in any case: its officer owns the request.
    let (id, reference, code) = submitted(&investor, "/portal/request", &request("padova meccanica s.r.l.", &[])).await;
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["enterprise_id"], enterprise);
    assert_eq!(c["summary"]["status"], "submitted");
    assert_eq!(c["from_portal"], true);
    assert_eq!(c["language"], "fr");
    assert_eq!(c["applicant_phone"], "+33 6 12 34 56 78");
    let html = investor.page("/portal/case").await.1;
    assert!(html.contains("Votre demande"), "the status page is in French");
    assert!(html.contains(&reference));
    // The officer is named once they accept it, not to whoever files a request.
    assert!(!html.contains("id=\"officer-name\""));

    // The officer accepts, writes in French and English, then asks for a document.
    assert_eq!(move_case(&officer, id, 1, "accepted", "").await.status(), StatusCode::OK);
    let r = officer
        .call::<app::cases::api::AddPublicUpdate>(&[
            ("id", &id.to_string()),
            ("public_fr", "Le dossier a été transmis au service des impôts."),
            ("public_en", "The file was passed to the tax bureau."),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let v = case(&officer, id).await["version"].as_i64().unwrap();
    assert_eq!(move_case(&officer, id, v, "in_progress", "").await.status(), StatusCode::OK);
    let v = case(&officer, id).await["version"].as_i64().unwrap();
    let asked = move_case(&officer, id, v, "awaiting_applicant", "Merci d'envoyer les factures d'export.").await;
    assert_eq!(asked.status(), StatusCode::OK);

    // A fresh browser finds it with the reference and code; the code never goes into a URL.
    let reader = app.another_browser();
    reader.get_with("/portal", &[("accept-language", "fr")]).await;
    let r = look_up(&reader, &reference.to_lowercase(), &code.to_lowercase()).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/portal/case");
    let r = reader.get("/portal/case").await;
    assert_eq!(r.headers()["cache-control"], "no-store");
    let html = r.text().await.unwrap();
    assert!(html.contains(">Le dossier a été transmis au service des impôts.<"));
    // (The page's data for hydration carries every text; the page shows the reader's.)
    assert!(!html.contains(">The file was passed"), "the other language is not shown when the reader's exists");
    assert!(html.contains("Merci d&#x27;envoyer les factures d&#x27;export.") || html.contains("Merci d'envoyer"));
    assert!(html.contains("id=\"action-needed\""));
    assert!(html.contains("id=\"officer-name\""));

    // The answer joins the timeline and the case returns to the officer.
    let r = post(&reader, "/portal/case/reply", &[("reply", "")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(&reader, "/portal/case/reply", &[("reply", "Factures jointes à votre adresse.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["status"], "in_progress");
    let last = c["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "applicant_reply");
    assert_eq!(last["note"], "Factures jointes à votre adresse.");
    let r = post(&reader, "/portal/case/reply", &[("reply", "Encore une fois")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "no answer is awaited any more");

    // Rating: only once the case is resolved, once, from 1 to 5.
    let r = post(&reader, "/portal/case/rating", &[("rating", "5"), ("comment", "Très efficace")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "not yet resolved");
    let v = c["version"].as_i64().unwrap();
    assert_eq!(move_case(&officer, id, v, "resolved", "").await.status(), StatusCode::OK);
    let r = post(&reader, "/portal/case/rating", &[("rating", "9")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(&reader, "/portal/case/rating", &[("rating", "5"), ("comment", "Très efficace")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = post(&reader, "/portal/case/rating", &[("rating", "1")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "rated once");
    let c = case(&officer, id).await;
    assert_eq!(c["rating"][0], 5);
    assert_eq!(c["rating"][1], "Très efficace");

    // On SQLite the status page's case is read on the server's own thread, through rusqlite:
    // field by field it is the case sqlx's pool reads (dates, the rating, tasks and events).
    if let app::db::Db::Sqlite(lite) = &app.db {
        assert!(lite.read_here("select 1", |_| Ok(())).is_some(), "a database in a file is read on this thread");
        let pooled = app::db::Db::Sqlite(app::db::sqlite::SqliteDb::new(lite.pool().clone()));
        let here = app::portal::db::public_case(&app.db, id).await.unwrap().expect("the case");
        let pooled = app::portal::db::public_case(&pooled, id).await.unwrap().expect("the case");
        assert_eq!(format!("{here:?}"), format!("{pooled:?}"));
        assert_eq!(here.rating, Some(5));
        assert!(here
            .events
            .0
            .iter()
            .any(|e| e.public_fr.as_deref() == Some("Le dossier a été transmis au service des impôts.")));
    }

    // A new access code ends the old sessions.
    assert_eq!(
        officer.call::<app::cases::api::ResetAccessCode>(&[("id", &id.to_string())]).await.status(),
        StatusCode::OK
    );
    let html = reader.page("/portal/case").await.1;
    assert!(!html.contains("Factures jointes"));
    assert_eq!(look_up(&reader, &reference, &code).await.status(), StatusCode::UNAUTHORIZED);

    // The applicant's actions are audited without an actor.
    let actions: Vec<(Option<i64>, String)> = app::on_db!(&app.db, |pool| sqlx::query_as(
        "select actor_id, action from audit_log where action in ('case_submitted', 'case_applicant_replied', 'case_rated') order by id"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    assert_eq!(
        actions,
        vec![
            (None, "case_submitted".to_string()),
            (None, "case_applicant_replied".to_string()),
            (None, "case_rated".to_string())
        ]
    );
}
both!(a_french_investor_follows_a_request_to_its_rating);

async fn a_refused_request_says_why_in_each_language_and_saves_nothing(b: Backend) {
    let app = spawn_app(b).await;
    for (lang, required, phone) in [
        ("fr", "Ce champ est obligatoire.", "Saisissez un numéro de téléphone"),
        ("en", "This field is required.", "Enter a telephone number"),
        ("zh-CN", "此项为必填项。", "请输入 6 至 20 位数字的电话号码"),
    ] {
        let browser = app.another_browser();
        browser.get_with("/portal", &[("cookie", &format!("lf-lang={lang}"))]).await;
        let form = request(
            "Lille Optique SAS",
            &[
                ("contact_name", ""),
                ("phone", "12"),
                ("email", "not-an-address"),
                ("credit_code", "91110000600037341X"),
            ],
        );
        let r = browser
            .client
            .post(browser.url("/portal/request"))
            .header("origin", &browser.address)
            .header("cookie", format!("lf-lang={lang}"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{lang}");
        let html = r.text().await.unwrap();
        assert!(html.contains(required), "{lang}: required message");
        assert!(html.contains(phone), "{lang}: phone message");
        // The summary links each field; what was typed is kept.
        for field in ["#contact_name", "#phone", "#email", "#credit_code"] {
            assert!(html.contains(&format!("href=\"{field}\"")), "{lang}: summary links {field}");
        }
        assert!(html.contains("value=\"Lille Optique SAS\""), "{lang}: typed values kept");
        assert!(html.contains("Nous avons besoin d&#x27;aide") || html.contains("Nous avons besoin d'aide"));
    }
    // Foreign staff: passport, nationality and arrival date are checked too.
    let form = request(
        "Lille Optique SAS",
        &[
            ("request_type", "work_permit"),
            ("nationality", "XX"),
            ("passport_number", "AB-12"),
            ("arrival_date", "soon"),
        ],
    );
    let r = post(&app, "/portal/foreign-staff", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for field in ["#nationality", "#passport_number", "#arrival_date", "#position"] {
        assert!(html.contains(&format!("href=\"{field}\"")), "summary links {field}");
    }
    // A request type of the other form is refused.
    let r = post(&app, "/portal/foreign-staff", &request("X", &[("request_type", "tax")])).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Robots that fill the hidden field, and oversized posts, are refused.
    let r = post(&app, "/portal/request", &request("Lille Optique SAS", &[("website", "http://spam.example")])).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let huge = "x".repeat(100_000);
    let r = post(&app, "/portal/request", &request("Lille Optique SAS", &[("description", &huge)])).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let long = "x".repeat(5_001);
    let r = post(&app, "/portal/request", &request("Lille Optique SAS", &[("description", &long)])).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A body no browser sends (a field twice) is refused as such, not read as an empty form.
    let twice = [("description", "a"), ("description", "b"), ("reference", "x"), ("reference", "y")];
    for path in ["/portal/request", "/portal/status"] {
        let r = app
            .client
            .post(app.url(path))
            .header("origin", &app.address)
            .header("cookie", "lf-lang=en")
            .form(&twice)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        let html = r.text().await.unwrap();
        assert!(html.contains("The form could not be read, and nothing was saved."), "{path}: {html}");
    }
    assert_eq!(cases_count(&app).await, 0, "nothing was saved");
}
both!(a_refused_request_says_why_in_each_language_and_saves_nothing);

async fn requests_reach_the_officer_or_the_intake_queue(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    app.execute(&format!("update enterprises set credit_code = '91110000600037341L' where id = {enterprise}")).await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;

    // A foreign employee's work permit, in English, naming the employer by credit code.
    let investor = app.another_browser();
    let form = request(
        "Padova Meccanica",
        &[
            ("request_type", "work_permit"),
            ("credit_code", "91110000600037341L"),
            ("contact_name", "John Smith"),
            ("language", "en"),
            ("nationality", "GB"),
            ("passport_number", "123 456 789"),
            ("position", "Plant engineer"),
            ("arrival_date", "2026-12-01"),
            ("description", ""),
        ],
    );
    let (id, _, _) = submitted(&investor, "/portal/foreign-staff", &form).await;
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["enterprise_id"], enterprise);
    assert_eq!(c["summary"]["case_type"], "work_permit");
    assert_eq!(c["language"], "en");
    // The passport number: whole for the case's officer (audited), masked for the leader.
    assert_eq!(c["foreign_staff"]["passport_number"], "123456789");
    assert_eq!(c["foreign_staff"]["passport_masked"], false);
    let seen = case(&leader, id).await;
    assert_eq!(seen["foreign_staff"]["passport_number"], "1••••••89");
    assert_eq!(seen["foreign_staff"]["passport_masked"], true);
    let views: i64 = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'personal_data_viewed'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(views, 1, "only the whole number's view is audited");

    // An enterprise nobody knows goes to the intake queue.
    let (id, _, _) = submitted(&app.another_browser(), "/portal/request", &request("Samarkand Silk LLC", &[])).await;
    let c = case(&officer, id).await;
    assert!(c["summary"]["enterprise_id"].is_null());
    assert!(c["summary"]["owner_name"].is_null());
    assert_eq!(c["summary"]["enterprise_name"], "Samarkand Silk LLC");
    assert_eq!(c["routable"], true);
    let (rows, _) = app::cases::db::search(
        &app.db,
        &app::cases::CaseFilter { intake: true, ..Default::default() },
        0,
        app::cases::db::RiskWindow {
            today: chrono::Utc::now().date_naive(),
            at_risk_until: chrono::Utc::now().date_naive(),
        },
        50,
    )
    .await
    .unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
    // An officer routes it by credit code; a wrong code changes nothing.
    let v = c["version"].as_i64().unwrap().to_string();
    let r = officer
        .call::<app::cases::api::TakeFromIntake>(&[
            ("id", &id.to_string()),
            ("version", &v),
            ("credit_code", "91110000600037341X"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = leader
        .call::<app::cases::api::TakeFromIntake>(&[
            ("id", &id.to_string()),
            ("version", &v),
            ("credit_code", "91110000600037341L"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "a leader reads but does not route");
    let r = officer
        .call::<app::cases::api::TakeFromIntake>(&[
            ("id", &id.to_string()),
            ("version", &v),
            ("credit_code", "91110000600037341L"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["enterprise_id"], enterprise);
    assert_eq!(c["editable"], true);
    assert_eq!(c["events"].as_array().unwrap().last().unwrap()["kind"], "routed");
}
both!(requests_reach_the_officer_or_the_intake_queue);

async fn wrong_codes_lock_a_reference_without_telling_which_exist(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_PORTAL_MAX_CODE_FAILURES", "3")]).await;
    let investor = app.another_browser();
    let (_, reference, code) = submitted(&investor, "/portal/request", &request("Lille Optique SAS", &[])).await;
    let wrong = "ACDEFGHJKMNP";
    assert_ne!(code, wrong);

    // An unknown reference and a wrong code get the same answer.
    let known = look_up(&app, &reference, wrong).await;
    let unknown = look_up(&app, "LN-2026-999999", wrong).await;
    assert_eq!((known.status(), unknown.status()), (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED));
    let message = |html: String| {
        let start = html.find("notice-error").expect("an error notice");
        html[start..].split("</p>").next().unwrap().to_string()
    };
    assert_eq!(message(known.text().await.unwrap()), message(unknown.text().await.unwrap()));
    // Malformed input is a field error, not a lookup.
    let r = look_up(&app, "LN-26-1", "").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("href=\"#reference\"") && html.contains("href=\"#access_code\""));
    assert!(!html.contains(wrong), "a typed code is never sent back");

    // The third wrong code locks the reference: even the right code waits, and an unknown
    // reference locks the same way.
    look_up(&app, &reference, wrong).await;
    look_up(&app, &reference, wrong).await;
    assert_eq!(look_up(&app, &reference, &code).await.status(), StatusCode::TOO_MANY_REQUESTS);
    for _ in 0..3 {
        look_up(&app, "LN-2026-999999", wrong).await;
    }
    assert_eq!(look_up(&app, "LN-2026-999999", wrong).await.status(), StatusCode::TOO_MANY_REQUESTS);
    // Wrong codes sent at once cannot slip past the count: no more than the allowed three
    // are checked.
    let other = "LN-2026-888888";
    let mut handles = Vec::new();
    for _ in 0..10 {
        let (client, url, origin) = (app.client.clone(), app.url("/portal/status"), app.address.clone());
        handles.push(tokio::spawn(async move {
            let form = [("reference", other), ("access_code", wrong)];
            client.post(url).header("origin", origin).form(&form).send().await.expect("lookup").status()
        }));
    }
    let mut answers = Vec::new();
    for h in handles {
        answers.push(h.await.unwrap());
    }
    let checked = answers.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert_eq!(checked, 3, "{answers:?}");
    assert_eq!(answers.len() - checked, 7);
    assert!(answers.iter().all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));

    // When the lock ends, the right code works and clears the count.
    let past = chrono::Utc::now() - chrono::Duration::hours(1);
    app::on_db!(&app.db, |pool| sqlx::query("update portal_lockouts set first_failure_at = $1, locked_until = $1")
        .bind(past)
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
    assert_eq!(look_up(&app, &reference, &code).await.status(), StatusCode::SEE_OTHER);
    assert!(!app::portal::db::has_failures(&app.db, &reference).await.unwrap());
}
both!(wrong_codes_lock_a_reference_without_telling_which_exist);

async fn addresses_that_ask_too_often_wait(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_PORTAL_LOOKUPS", "2"), ("LIAISON_PORTAL_SUBMISSIONS", "1")]).await;
    let browser = app.another_browser();
    browser.get_with("/portal", &[("accept-language", "fr")]).await;
    for _ in 0..2 {
        assert_eq!(look_up(&browser, "LN-2026-000001", "ACDEFGHJKMNP").await.status(), StatusCode::UNAUTHORIZED);
    }
    let r = look_up(&browser, "LN-2026-000001", "ACDEFGHJKMNP").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().await.unwrap().contains("Trop de demandes proviennent de votre connexion"));
    submitted(&browser, "/portal/request", &request("Lille Optique SAS", &[])).await;
    let r = post(&browser, "/portal/request", &request("Lille Optique SAS", &[])).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(cases_count(&app).await, 1);
}
both!(addresses_that_ask_too_often_wait);

async fn nothing_internal_reaches_a_public_page(b: Backend) {
    const MARKER: &str = "ZZ-INTERNAL-7f3a";
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, _) = officer_with_enterprise(&app, 1).await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    app.execute(&format!("update users set display_name = 'Customs {MARKER}' where email = 'customs@liaison.test'"))
        .await;
    let investor = app.another_browser();
    let (id, reference, code) =
        submitted(&investor, "/portal/request", &request("Padova Meccanica S.r.l.", &[("language", "en")])).await;
    let sid = id.to_string();

    // Every internal field of the case gets the marker.
    assert_eq!(move_case(&officer, id, 1, "accepted", &format!("accept note {MARKER}")).await.status(), StatusCode::OK);
    officer.call::<app::cases::api::AddCaseNote>(&[("id", &sid), ("note", &format!("note {MARKER}"))]).await;
    let customs_id =
        app::admin::db::departments::list(&app.db).await.unwrap().into_iter().find(|d| d.code == "customs").unwrap().id;
    let r = officer
        .call::<app::cases::api::RouteCase>(&[
            ("id", &sid),
            ("department_ids[]", &customs_id.to_string()),
            ("instructions", &format!("instr {MARKER}")),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let task = case(&officer, id).await["tasks"][0]["id"].to_string();
    let r = customs
        .call::<app::cases::api::UpdateTask>(&[
            ("id", &task),
            ("version", "1"),
            ("status", "blocked"),
            ("department_note", &format!("dept {MARKER}")),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let v = case(&officer, id).await["version"].as_i64().unwrap();
    assert_eq!(move_case(&officer, id, v, "in_progress", &format!("progress {MARKER}")).await.status(), StatusCode::OK);
    officer
        .call::<app::cases::api::AddPublicUpdate>(&[("id", &sid), ("public_en", "Customs are checking the HS codes.")])
        .await;

    // Every public response, with and without the session.
    assert_eq!(look_up(&investor, &reference, &code).await.status(), StatusCode::SEE_OTHER);
    let mut bodies = Vec::new();
    for path in [
        "/portal",
        "/portal/request",
        "/portal/foreign-staff",
        "/portal/status",
        "/portal/case",
        "/portal/submitted",
        "/portal/policies",
    ] {
        bodies.push((path.to_string(), investor.page(path).await.1));
    }
    for function in ["portal_post", "portal_confirmation", "public_policies"] {
        let r = investor.call_path(function, &[]).await;
        bodies.push((function.to_string(), r.text().await.unwrap()));
    }
    let r = post(&investor, "/portal/case/reply", &[("reply", "x")]).await;
    bodies.push(("refused reply".into(), r.text().await.unwrap()));
    // The e-mails to the applicant are public too.
    let mails: Vec<String> = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, String>(
        "select body_text || body_html from outbox where recipient = 'marie.dubois@example.fr'"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    assert!(!mails.is_empty());
    bodies.extend(mails.into_iter().map(|m| ("mail".to_string(), m)));

    let status_page = &bodies.iter().find(|(p, _)| p == "/portal/case").unwrap().1;
    assert!(status_page.contains("Customs are checking the HS codes."), "the public update is there");
    assert!(status_page.contains("id=\"case-status\""));
    // Each department's progress shows, without its notes.
    assert!(status_page.contains("<span>Customs</span>: <strong>Blocked</strong>"), "customs' progress is shown");
    for (what, body) in &bodies {
        assert!(!body.contains(MARKER), "{what} leaks an internal field");
    }
}
both!(nothing_internal_reaches_a_public_page);

/// The status page is the portal's busiest, and its one statement runs at every view. On
/// SQLite it builds no table as it runs: a list of kinds written `in (…)` made SQLite fill a
/// temporary table of them at each run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_status_page_reads_its_case_without_building_a_table() {
    use app::db::Db;
    let app = spawn_app(Backend::Sqlite).await;
    let Db::Sqlite(lite) = &app.db else { panic!("an SQLite server") };
    let explain = format!("explain {}", app::portal::db::public_sql(&app.db));
    let opcodes = lite
        .read_here(&explain, |s| s.query_map([1_i64], |r| r.get::<_, String>(1))?.collect::<Result<Vec<_>, _>>())
        .expect("read here")
        .expect("explained");
    assert!(opcodes.iter().any(|o| o == "AggStep"), "the plan is there: {opcodes:?}");
    assert!(!opcodes.iter().any(|o| o.starts_with("OpenEphemeral")), "{opcodes:?}");
}
