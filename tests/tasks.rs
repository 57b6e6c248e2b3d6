//! Department tasks: an officer routes a case to customs and tax; each department liaison sees
//! only their department's task and only what they need of the case; a block needs a reason;
//! the case cannot be resolved over open tasks without an override reason.

use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

async fn person(app: &TestApp, email: &str, role: &str, department: &str) -> TestApp {
    app.signed_in(email, role, department).await
}

async fn dept_id(app: &TestApp, code: &str) -> String {
    app::admin::db::departments::list(&app.db).await.unwrap().iter().find(|d| d.code == code).unwrap().id.to_string()
}

async fn departments_work_their_own_tasks(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = person(&app, "officer@liaison.test", "liaison_officer", "").await;
    let customs = person(&app, "customs@liaison.test", "department_liaison", "customs").await;
    let tax = person(&app, "tax@liaison.test", "department_liaison", "tax").await;
    let fx = person(&app, "fx@liaison.test", "department_liaison", "foreign_exchange").await;

    let r = officer
        .call::<app::enterprises::api::RegisterEnterprise>(&[
            ("name_zh", "首尔电子有限公司"),
            ("name_original", "Seoul Electronics Co."),
            ("country", "KR"),
            ("lifecycle", "established"),
        ])
        .await;
    let enterprise: i64 = r.json().await.unwrap();
    let r = officer
        .call::<app::cases::api::OpenCase>(&[
            ("enterprise_id", &enterprise.to_string()),
            ("case_type", "customs"),
            ("priority", "normal"),
            ("title", "Bonded warehouse"),
            ("description", "Needs customs and tax"),
            ("language", "en"),
        ])
        .await;
    let case: i64 = r.json().await.unwrap();
    let sid = case.to_string();
    officer.call::<app::cases::api::AddCaseNote>(&[("id", &sid), ("note", "SECRET-INTERNAL-NOTE")]).await;
    let (c, t) = (dept_id(&app, "customs").await, dept_id(&app, "tax").await);
    let r = officer
        .call::<app::cases::api::RouteCase>(&[
            ("id", &sid),
            ("department_ids[]", &c),
            ("department_ids[]", &t),
            ("due_on", "2026-12-10"),
            ("instructions", "Check HS codes"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<usize>().await.unwrap(), 2);

    // Each department sees its own task only, and nothing internal.
    let inbox = |who: &TestApp| {
        let who = who.client.clone();
        let url = app.url("/api/my_tasks");
        let origin = app.address.clone();
        async move {
            let r = who.post(url).header("origin", origin).header("accept", "application/json").send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            r.json::<Vec<Value>>().await.unwrap()
        }
    };
    let customs_tasks = inbox(&customs).await;
    assert_eq!(customs_tasks.len(), 1);
    assert_eq!(customs_tasks[0]["instructions"], "Check HS codes");
    assert!(inbox(&fx).await.is_empty());
    let (_, page) = customs.page("/tasks").await;
    assert!(
        page.contains("Bonded warehouse") && !page.contains("SECRET-INTERNAL-NOTE"),
        "no internal notes in the inbox"
    );
    let tax_task = inbox(&tax).await[0].clone();
    let customs_task = customs_tasks[0].clone();

    // Customs may not touch the tax task; another department sees neither.
    let (status, e) = app_error(
        customs
            .call::<app::cases::api::UpdateTask>(&[
                ("id", &tax_task["id"].to_string()),
                ("version", "1"),
                ("status", "done"),
            ])
            .await,
    )
    .await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
    // Blocking needs a reason.
    let (_, e) = app_error(
        tax.call::<app::cases::api::UpdateTask>(&[
            ("id", &tax_task["id"].to_string()),
            ("version", "1"),
            ("status", "blocked"),
        ])
        .await,
    )
    .await;
    assert_eq!(e, AppError::field("department_note", FieldCode::ReasonRequired));
    let r = tax
        .call::<app::cases::api::UpdateTask>(&[
            ("id", &tax_task["id"].to_string()),
            ("version", "1"),
            ("status", "blocked"),
            ("department_note", "Missing VAT invoices"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = customs
        .call::<app::cases::api::UpdateTask>(&[
            ("id", &customs_task["id"].to_string()),
            ("version", "1"),
            ("status", "done"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    // The officer sees both statuses; resolving over the blocked task needs an override reason.
    let case_json: Value = officer.call::<app::cases::api::GetCase>(&[("id", &sid)]).await.json().await.unwrap();
    let statuses: Vec<&str> =
        case_json["tasks"].as_array().unwrap().iter().map(|t| t["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, vec!["done", "blocked"]);
    assert_eq!(case_json["tasks"][1]["department_note"], "Missing VAT invoices");
    let mv = |v: &'static str, to: &'static str, reason: &'static str| {
        let officer = &officer;
        let sid = sid.clone();
        async move {
            officer
                .call::<app::cases::api::ChangeCaseStatus>(&[
                    ("id", sid.as_str()),
                    ("version", v),
                    ("to_status", to),
                    ("reason", reason),
                ])
                .await
        }
    };
    assert_eq!(mv("1", "accepted", "").await.status(), StatusCode::OK);
    assert_eq!(mv("2", "in_progress", "").await.status(), StatusCode::OK);
    let (_, e) = app_error(mv("3", "resolved", "").await).await;
    assert_eq!(e, AppError::field("reason", FieldCode::OpenTasksNeedOverride));
    assert_eq!(
        mv("3", "resolved", "Invoices will follow; goods released under guarantee").await.status(),
        StatusCode::OK
    );
    let log = app
        .call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "case"), ("filter[entity_id]", &sid)])
        .await
        .text()
        .await
        .unwrap();
    assert!(log.contains("open_tasks_overridden") && log.contains("case_task_updated") && log.contains("case_routed"));
}
both!(departments_work_their_own_tasks);
