//! The project brochure: an officer starts numbered issues and presents published projects in
//! them; each issue counts how far its projects went (presented, with a lead, signed since),
//! and all issues together count each project once; the printed brochure sets the Chinese
//! beside English or French and says where a translation is missing.

use super::codes;
use super::promoted::{aviation, project_form, publish, register};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use app::promotion::brochures::api::{AddToBrochure, CreateBrochure, GetBrochure, ListBrochures, RemoveFromBrochure};
use reqwest::StatusCode;
use serde_json::Value;

async fn issue(who: &TestApp, number: &str, theme: &str) -> reqwest::Response {
    who.call::<CreateBrochure>(&[
        ("number", number),
        ("theme_zh", theme),
        ("theme_en", "Aviation equipment"),
        ("theme_fr", ""),
        ("issued_on", "2026-03-15"),
    ])
    .await
}

async fn add(who: &TestApp, issue: i64, project: i64) -> reqwest::Response {
    who.call::<AddToBrochure>(&[("id", &issue.to_string()), ("project_id", &project.to_string())]).await
}

async fn funnel(who: &TestApp, issue: i64) -> (i64, i64, i64) {
    let v: Value = who.call::<GetBrochure>(&[("id", &issue.to_string())]).await.json().await.unwrap();
    let f = &v["issue"]["funnel"];
    (f["presented"].as_i64().unwrap(), f["with_leads"].as_i64().unwrap(), f["signed"].as_i64().unwrap())
}

/// Register an investment project from a lead and sign it (its three reviews passed).
async fn signed_project(officer: &TestApp) -> i64 {
    let form = [
        ("name", "派诺特无人机总装项目"),
        ("investor", "Parrot Drones SAS"),
        ("investor_country", "FR"),
        ("industry_chain_id", "5"),
        ("total_investment", "5"),
        ("capital_kind", "foreign"),
        ("source", "brochure"),
        ("stage", "negotiating"),
    ];
    let id: i64 = officer.call::<app::projects::api::RegisterProject>(&form).await.json().await.unwrap();
    for aspect in ["authenticity", "legality", "feasibility"] {
        let r = officer
            .call::<app::projects::api::ReviewProject>(&[
                ("id", &id.to_string()),
                ("aspect", aspect),
                ("passed", "true"),
                ("finding", "已核实"),
            ])
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    let p: Value =
        officer.call::<app::projects::api::GetProject>(&[("id", &id.to_string())]).await.json().await.unwrap();
    let version = p["version"].as_i64().unwrap().to_string();
    let r = officer
        .call::<app::projects::api::MoveProject>(&[
            ("id", &id.to_string()),
            ("version", &version),
            ("to_stage", "signed"),
            ("reason", ""),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    id
}

async fn each_issue_counts_its_projects_presented_with_a_lead_and_signed(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let (sub, segment) = aviation(&app, &officer).await;
    let drones = register(&officer, &project_form(&sub, &segment, &[])).await;
    let engines = register(
        &officer,
        &project_form(
            &sub,
            "",
            &[("title_zh", "航空发动机维修中心"), ("title_en", "An engine repair centre"), ("title_fr", "")],
        ),
    )
    .await;
    let draft = register(&officer, &project_form(&sub, "", &[("title_zh", "尚未发布的项目")])).await;
    for id in [drones, engines] {
        assert_eq!(publish(&officer, id, "published").await.status(), StatusCode::OK);
    }

    // An issue: numbered once; a leader reads it but does not compose it.
    let r = issue(&officer, "1", "航空装备").await;
    assert_eq!(r.status(), StatusCode::OK);
    let first: i64 = r.json().await.unwrap();
    let (_, e) = app_error(issue(&officer, "1", "现代医药").await).await;
    assert_eq!(codes(&e), [("number".to_string(), FieldCode::BrochureNumberTaken)]);
    let (_, e) = app_error(issue(&officer, "first", " ").await).await;
    assert_eq!(
        codes(&e),
        [("number".to_string(), FieldCode::InvalidNumber), ("theme_zh".to_string(), FieldCode::Required)]
    );
    let (status, e) = app_error(issue(&leader, "2", "健康食品").await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));

    // Published projects only, each once.
    assert_eq!(add(&officer, first, drones).await.status(), StatusCode::OK);
    assert_eq!(add(&officer, first, engines).await.status(), StatusCode::OK);
    let (_, e) = app_error(add(&officer, first, draft).await).await;
    assert_eq!(codes(&e), [("project_id".to_string(), FieldCode::NotPublished)]);
    let (_, e) = app_error(add(&officer, first, drones).await).await;
    assert_eq!(codes(&e), [("project_id".to_string(), FieldCode::AlreadyInBrochure)]);
    let (status, _) = app_error(add(&leader, first, drones).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(funnel(&leader, first).await, (2, 0, 0));

    // A lead about the drones, which becomes a signed project.
    let form = [
        ("title", "派诺特：无人机总装"),
        ("investor", "Parrot Drones SAS"),
        ("country", "FR"),
        ("source", "brochure"),
        ("promoted_project_id", &drones.to_string()),
    ];
    let r = officer.call::<app::promotion::leads::api::OpenLead>(&form).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    let lead: i64 = r.json().await.unwrap();
    let (_, e) = app_error(
        officer
            .call::<app::promotion::leads::api::OpenLead>(&[
                ("title", "x"),
                ("investor", "y"),
                ("source", "brochure"),
                ("promoted_project_id", "999999"),
            ])
            .await,
    )
    .await;
    assert_eq!(codes(&e), [("promoted_project_id".to_string(), FieldCode::UnknownPromotedProject)]);
    assert_eq!(funnel(&leader, first).await, (2, 1, 0), "a lead, not yet signed");
    let project = signed_project(&officer).await;
    let r = officer
        .call::<app::promotion::leads::api::CloseLead>(&[
            ("id", &lead.to_string()),
            ("version", "1"),
            ("outcome", "became_project"),
            ("project_id", &project.to_string()),
            ("reason", ""),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    assert_eq!(funnel(&leader, first).await, (2, 1, 1));

    // A second issue presents the drones again: counted in each issue, once in all.
    let second: i64 = issue(&officer, "2", "低空经济").await.json().await.unwrap();
    assert_eq!(add(&officer, second, drones).await.status(), StatusCode::OK);
    let list: Value = leader.call::<ListBrochures>(&[]).await.json().await.unwrap();
    assert_eq!(list["issues"][0]["number"], 2, "the latest first");
    assert_eq!(list["issues"][0]["funnel"], serde_json::json!({"presented": 1, "with_leads": 1, "signed": 1}));
    assert_eq!(list["total"], serde_json::json!({"presented": 2, "with_leads": 1, "signed": 1}));
    let (_, page) = leader.page("/promotion/brochures").await;
    assert!(page.contains("2 issues presenting 2 projects, 1 signed since."), "{page}");

    // Taken out, it is no longer counted in that issue.
    let r =
        officer.call::<RemoveFromBrochure>(&[("id", &second.to_string()), ("project_id", &drones.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(funnel(&leader, second).await, (0, 0, 0));

    // Printed: Chinese beside French, the missing French said so; an outsider gets nothing.
    let r = leader.get(&format!("/promotion/brochures/{first}/print?lang=fr")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(html.contains("Fiche de projets d’investissement") && html.contains("招商项目活页"), "{html}");
    assert!(html.contains("低空经济无人机总装基地") && html.contains("Économie à basse altitude"), "{html}");
    assert_eq!(html.matches("500 millions de CNY").count(), 2, "both projects are 5 亿元: {html}");
    assert!(html.contains("Pas encore traduit en français"), "the engine centre has no French title: {html}");
    let r = leader.get(&format!("/promotion/brochures/{first}/print?lang=en")).await;
    let html = r.text().await.unwrap();
    assert!(html.contains("An engine repair centre") && !html.contains("Not yet translated into English"), "{html}");
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;
    let r = protocol.get(&format!("/promotion/brochures/{first}/print?lang=fr")).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(!r.text().await.unwrap().contains("无人机"));

    // The chain map counts the promoted project aimed at its segment.
    let map: Value = officer
        .call::<app::promotion::chain_maps::api::GetChainMap>(&[("sub_chain_id", &sub)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(map["segments"][0]["promoted"], 1);
}
both!(each_issue_counts_its_projects_presented_with_a_lead_and_signed);
