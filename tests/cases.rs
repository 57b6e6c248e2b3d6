//! Cases: an enterprise's liaison officer opens one, the investor's access code is shown once
//! and stored hashed, the workflow allows only its moves (with reasons where the applicant
//! must be told), references stay unique under concurrent creation, and roles are enforced.

use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

const PASSWORD: &str = "a long enough password";

pub(crate) async fn officer_with_enterprise(app: &TestApp, n: usize) -> (TestApp, i64) {
    let email = format!("officer{n}@liaison.test");
    assert_eq!(app.create_user(&email, "liaison_officer", "", PASSWORD).await.status(), StatusCode::OK);
    let officer = app.another_browser();
    officer.first_sign_in(&email, PASSWORD).await;
    let r = officer
        .call::<app::enterprises::api::RegisterEnterprise>(&[
            ("name_zh", "帕多瓦精密机械有限公司"),
            ("name_original", "Padova Meccanica S.r.l."),
            ("country", "IT"),
            ("lifecycle", "established"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let id: i64 = r.json().await.unwrap();
    (officer, id)
}

pub(crate) async fn open_case(who: &TestApp, enterprise: i64, title: &str) -> reqwest::Response {
    who.call::<app::cases::api::OpenCase>(&[
        ("enterprise_id", &enterprise.to_string()),
        ("case_type", "customs"),
        ("priority", "high"),
        ("title", title),
        ("description", "Pre-clearance of CNC spare parts"),
        ("language", "fr"),
        ("green_channel", "true"),
    ])
    .await
}

pub(crate) async fn case(who: &TestApp, id: i64) -> Value {
    let r = who.call::<app::cases::api::GetCase>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

pub(crate) async fn move_case(who: &TestApp, id: i64, version: i64, to: &str, reason: &str) -> reqwest::Response {
    who.call::<app::cases::api::ChangeCaseStatus>(&[
        ("id", &id.to_string()),
        ("version", &version.to_string()),
        ("to_status", to),
        ("reason", reason),
    ])
    .await
}

async fn an_officer_opens_a_case_and_the_access_code_is_shown_once(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let r = open_case(&officer, enterprise, "Customs pre-clearance").await;
    assert_eq!(r.status(), StatusCode::OK);
    let id: i64 = r.json().await.unwrap();

    let (_, page) = officer.page(&format!("/cases/{id}")).await;
    let year = chrono::Utc::now().format("%Y").to_string();
    assert!(page.contains(&format!("LN-{year}-000001")), "the reference");
    let start = page.find("id=\"access-code\">").expect("the access code is shown") + "id=\"access-code\">".len();
    let code = &page[start..start + 12];
    assert!(code.bytes().all(|b| app::domain::ACCESS_CODE_ALPHABET.contains(&b)), "{code}");
    let (_, again) = officer.page(&format!("/cases/{id}")).await;
    assert!(!again.contains("id=\"access-code\""), "only once");

    // Stored only as a hash.
    let hash: String = app::on_db!(&app.db, |pool| {
        sqlx::query_scalar::<_, String>("select access_code_hash from cases where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    // (A keyed hash: the code is random and long, so a password hash would only slow lookups.)
    assert!(hash.starts_with("k1$") && !hash.contains(code), "{hash}");
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["status"], "submitted");
    assert_eq!(c["summary"]["owner_name"], "Test Person", "owned by the enterprise's liaison officer");
    assert_eq!(c["events"][0]["kind"], "created");
    assert!(c["fresh_access_code"].is_null());
}
both!(an_officer_opens_a_case_and_the_access_code_is_shown_once);

async fn the_case_list_shows_each_case_as_its_text_with_its_badges(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let id: i64 = open_case(&officer, enterprise, "<b>Spare parts</b> & \"CNC\"").await.json().await.unwrap();
    let html = officer.get("/cases").await.text().await.unwrap();
    let row = html
        .split(&format!("<a href=\"/cases/{id}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or_else(|| panic!("a row linking to the case: {html}"));
    let cells: Vec<&str> = row.split("<td>").map(|cell| cell.trim_end_matches("</td>")).collect();
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(cells[0], format!("<code>LN-{year}-000001</code></a>"), "{row}");
    // The title is text, never markup; a green-channel case says so.
    assert_eq!(
        cells[1],
        "&lt;b&gt;Spare parts&lt;/b&gt; &amp; &quot;CNC&quot;<span class=\"badge badge-green\">Green channel</span>"
    );
    assert!(!html.contains("<b>Spare parts"), "{html}");
    assert_eq!(cells[2], format!("<a href=\"/enterprises/{enterprise}\">帕多瓦精密机械有限公司</a>"));
    assert_eq!(cells[3..6], ["Customs", "<span class=\"status status-submitted\">Submitted</span>", "Test Person"]);
    // Its due day, and the badge of a deadline that runs.
    assert!(cells[6].ends_with("<span class=\"badge badge-ok\">On track</span>"), "{row}");
}
both!(the_case_list_shows_each_case_as_its_text_with_its_badges);

async fn the_workflow_allows_only_its_moves(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let id: i64 = open_case(&officer, enterprise, "Work permit").await.json().await.unwrap();

    let (status, e) = app_error(move_case(&officer, id, 1, "resolved", "").await).await;
    assert_eq!(
        (status, e),
        (StatusCode::UNPROCESSABLE_ENTITY, AppError::field("to_status", FieldCode::TransitionNotAllowed))
    );
    assert_eq!(move_case(&officer, id, 1, "accepted", "").await.status(), StatusCode::OK);
    assert_eq!(move_case(&officer, id, 2, "in_progress", "").await.status(), StatusCode::OK);
    let (_, e) = app_error(move_case(&officer, id, 3, "awaiting_applicant", "  ").await).await;
    assert_eq!(e, AppError::field("reason", FieldCode::ReasonRequired));
    assert_eq!(
        move_case(&officer, id, 3, "awaiting_applicant", "Merci d'envoyer le contrat de travail signé.").await.status(),
        StatusCode::OK
    );
    // Someone working from the old page is refused.
    let (status, e) = app_error(move_case(&officer, id, 3, "in_progress", "").await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion));
    assert_eq!(move_case(&officer, id, 4, "in_progress", "").await.status(), StatusCode::OK);
    assert_eq!(move_case(&officer, id, 5, "resolved", "").await.status(), StatusCode::OK);
    assert_eq!(move_case(&officer, id, 6, "closed", "").await.status(), StatusCode::OK);
    for to in ["in_progress", "submitted", "rejected"] {
        let (_, e) = app_error(move_case(&officer, id, 7, to, "x").await).await;
        assert_eq!(e, AppError::field("to_status", FieldCode::TransitionNotAllowed), "closed → {to}");
    }
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["status"], "closed");
    let moves: Vec<String> = c["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "status_changed")
        .map(|e| format!("{}>{}", e["from_status"].as_str().unwrap(), e["to_status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        moves,
        vec![
            "submitted>accepted",
            "accepted>in_progress",
            "in_progress>awaiting_applicant",
            "awaiting_applicant>in_progress",
            "in_progress>resolved",
            "resolved>closed"
        ]
    );
    assert!(c["next_statuses"].as_array().unwrap().is_empty());
}
both!(the_workflow_allows_only_its_moves);

async fn references_stay_unique_when_cases_are_opened_at_once(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    // Twelve requests in flight at once, each on its own task.
    let tasks: Vec<_> = (0..12)
        .map(|i| {
            let client = officer.client.clone();
            let url = officer.url("/api/open_case");
            let origin = officer.address.clone();
            tokio::spawn(async move {
                let form = [
                    ("enterprise_id", enterprise.to_string()),
                    ("case_type", "tax".to_string()),
                    ("priority", "normal".to_string()),
                    ("title", format!("Request {i}")),
                    ("description", "VAT refund".to_string()),
                    ("language", "en".to_string()),
                ];
                client.post(url).header("origin", origin).header("accept", "application/json").form(&form).send().await
            })
        })
        .collect();
    for t in tasks {
        let r = t.await.unwrap().unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let page: Value = officer
        .call::<app::cases::api::ListCases>(&[("filter[enterprise_id]", &enterprise.to_string())])
        .await
        .json()
        .await
        .unwrap();
    let mut refs: Vec<String> =
        page["items"].as_array().unwrap().iter().map(|c| c["reference"].as_str().unwrap().to_string()).collect();
    refs.sort();
    let year = chrono::Utc::now().format("%Y").to_string();
    let expected: Vec<String> = (1..=12).map(|n| format!("LN-{year}-{n:06}")).collect();
    assert_eq!(refs, expected, "twelve distinct references, no duplicates");
}
both!(references_stay_unique_when_cases_are_opened_at_once);

async fn only_the_owner_or_an_admin_works_a_case(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (owner, enterprise) = officer_with_enterprise(&app, 1).await;
    let (colleague, _) = officer_with_enterprise(&app, 2).await;
    let id: i64 = open_case(&owner, enterprise, "Visa extension").await.json().await.unwrap();
    assert_eq!(app.create_user("leader@liaison.test", "leader", "", PASSWORD).await.status(), StatusCode::OK);
    let leader = app.another_browser();
    leader.first_sign_in("leader@liaison.test", PASSWORD).await;
    let dept = app::admin::db::departments::list(&app.db).await.unwrap()[0].id.to_string();
    assert_eq!(
        app.create_user("customs@liaison.test", "department_liaison", &dept, PASSWORD).await.status(),
        StatusCode::OK
    );
    let customs = app.another_browser();
    customs.first_sign_in("customs@liaison.test", PASSWORD).await;

    for (who, name) in [(&colleague, "another officer"), (&leader, "leader")] {
        let c = case(who, id).await;
        assert_eq!(c["editable"], false, "{name} reads only");
        let (status, _) = app_error(move_case(who, id, 1, "accepted", "").await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} moves");
        let (status, _) =
            app_error(who.call::<app::cases::api::AddCaseNote>(&[("id", &id.to_string()), ("note", "x")]).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} notes");
        let (status, _) =
            app_error(who.call::<app::cases::api::ResetAccessCode>(&[("id", &id.to_string())]).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} resets the code");
        let (status, _) = app_error(open_case(who, enterprise, "Not theirs").await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} opens a case for someone else's enterprise");
    }
    let (status, _) = app_error(customs.call::<app::cases::api::GetCase>(&[("id", &id.to_string())]).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "department liaisons see tasks, not whole cases");
    assert_eq!(customs.page(&format!("/cases/{id}")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(case(&owner, id).await["summary"]["status"], "submitted", "nothing changed");
    assert_eq!(case(&owner, id).await["events"].as_array().unwrap().len(), 1);

    // The owner's internal note; the admin may also move the case.
    assert_eq!(
        owner
            .call::<app::cases::api::AddCaseNote>(&[("id", &id.to_string()), ("note", "客户经理电话确认")])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(move_case(&app, id, 1, "accepted", "").await.status(), StatusCode::OK);
    let c = case(&owner, id).await;
    assert_eq!(c["events"][1]["kind"], "internal_note");
    assert_eq!(c["summary"]["status"], "accepted");
}
both!(only_the_owner_or_an_admin_works_a_case);

async fn public_updates_are_written_side_by_side_in_the_investors_languages(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    // The applicant writes in French.
    let id: i64 = open_case(&officer, enterprise, "Pré-dédouanement").await.json().await.unwrap();
    let id_text = id.to_string();
    let update = |zh: &'static str, en: &'static str, fr: &'static str| {
        let form =
            [("id", id_text.clone()), ("public_zh", zh.into()), ("public_en", en.into()), ("public_fr", fr.into())];
        let officer = &officer;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            officer.call::<app::cases::api::AddPublicUpdate>(&form).await
        }
    };
    let (status, e) = app_error(update("", "  ", "").await).await;
    assert_eq!(
        (status, e),
        (StatusCode::UNPROCESSABLE_ENTITY, AppError::field("public_en", FieldCode::PublicUpdateEmpty))
    );
    assert_eq!(case(&officer, id).await["events"].as_array().unwrap().len(), 1, "nothing added");

    assert_eq!(
        update("", "Customs confirmed the pre-clearance.", "La douane a confirmé le pré-dédouanement.").await.status(),
        StatusCode::OK
    );
    let c = case(&officer, id).await;
    let event = &c["events"][1];
    assert_eq!(event["kind"], "public_update");
    assert_eq!(event["public"]["fr"], "La douane a confirmé le pré-dédouanement.");
    assert_eq!(event["public"]["en"], "Customs confirmed the pre-clearance.");
    assert!(event["public"]["zh"].is_null());
    let (_, page) = officer.page(&format!("/cases/{id}")).await;
    assert!(page.contains("lang=\"fr\"") && page.contains("La douane a confirmé"));
    assert!(!page.contains("the applicant’s language: they will see"));

    // Written only in English: the missing French is flagged for the officer.
    assert_eq!(update("", "Documents received.", "").await.status(), StatusCode::OK);
    let (_, page) = officer.page(&format!("/cases/{id}")).await;
    assert!(page.contains("Not written in French"), "{page}");

    // Only the case's officer (or an admin) posts updates.
    let (other, _) = officer_with_enterprise(&app, 2).await;
    let r = other.call::<app::cases::api::AddPublicUpdate>(&[("id", &id.to_string()), ("public_en", "Hello")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let audited: i64 = app::on_db!(&app.db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(*) from audit_log where action = 'case_public_update'")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(audited, 2, "each posted update is audited, the refused one is not");
}
both!(public_updates_are_written_side_by_side_in_the_investors_languages);
