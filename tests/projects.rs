//! Investment projects: a liaison officer registers a project found through the brochure, its three
//! reviews gate the signing (a failed legality review blocks it until it is redone), it starts
//! and completes, each move logged with its day and, going back or dropping, its reason;
//! amounts add up exactly; other officers read it but cannot change it, and roles without
//! the register see nothing of it.

use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

fn project_form<'a>(name: &'a str, amount: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("investor", "Lumière Composites SAS"),
        ("investor_country", "FR"),
        ("industry_chain_id", "4"),
        ("total_investment", amount),
        ("capital_kind", "foreign"),
        ("source", "brochure"),
        ("stage", "negotiating"),
    ]
}

fn codes(e: &AppError) -> Vec<(String, FieldCode)> {
    e.field_errors().iter().map(|f| (f.field.clone(), f.code)).collect()
}

async fn register(who: &TestApp, form: &[(&str, &str)]) -> i64 {
    let r = who.call::<app::projects::api::RegisterProject>(form).await;
    assert_eq!(r.status(), StatusCode::OK, "registered");
    r.json().await.unwrap()
}

async fn project(who: &TestApp, id: i64) -> Value {
    let r = who.call::<app::projects::api::GetProject>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn review(who: &TestApp, id: i64, aspect: &str, passed: &str, finding: &str) -> reqwest::Response {
    who.call::<app::projects::api::ReviewProject>(&[
        ("id", &id.to_string()),
        ("aspect", aspect),
        ("passed", passed),
        ("finding", finding),
    ])
    .await
}

/// Move the project on today, from the version its page shows.
async fn move_to(who: &TestApp, id: i64, to: &str, reason: &str) -> reqwest::Response {
    let version = project(who, id).await["version"].as_i64().unwrap().to_string();
    who.call::<app::projects::api::MoveProject>(&[
        ("id", &id.to_string()),
        ("version", &version),
        ("to_stage", to),
        ("reason", reason),
    ])
    .await
}

async fn a_project_is_signed_only_after_its_three_reviews_pass_then_starts_and_completes(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;

    // Bad input is refused whole, with each field's reason, and nothing is saved.
    let mut bad = project_form("", "12.34567");
    bad.retain(|(k, _)| *k != "capital_kind" && *k != "stage");
    bad.extend([("capital_kind", "gold"), ("stage", "signed")]);
    let (status, e) = app_error(officer.call::<app::projects::api::RegisterProject>(&bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let found = codes(&e);
    for expected in [
        ("name", FieldCode::Required),
        ("total_investment", FieldCode::InvalidYiAmount),
        ("capital_kind", FieldCode::UnknownCapitalKind),
        ("stage", FieldCode::UnknownStage),
    ] {
        assert!(found.contains(&(expected.0.to_string(), expected.1)), "{expected:?} in {found:?}");
    }
    let page = officer.call::<app::projects::api::ListProjects>(&[]).await.json::<Value>().await.unwrap();
    assert_eq!(page["total"], 0, "nothing saved");

    let id = register(&officer, &project_form("里尔复合材料华中基地", "12.5")).await;
    let p = project(&officer, id).await;
    assert_eq!(p["summary"]["stage"], "negotiating");
    assert_eq!(p["summary"]["total_investment"], 125_000, "held in 万元");
    assert_eq!(p["blocking"], serde_json::json!(["authenticity", "legality", "feasibility"]));
    assert_eq!(p["next_stages"], serde_json::json!(["lead", "signed", "dropped"]));

    // Not signed while a review is missing or failed; a failed review is redone, not overridden.
    let (_, e) = app_error(move_to(&officer, id, "signed", "").await).await;
    assert_eq!(codes(&e), [("to_stage".to_string(), FieldCode::ReviewsPending)]);
    assert_eq!(review(&officer, id, "authenticity", "true", "营业执照与资金证明已核实").await.status(), StatusCode::OK);
    assert_eq!(review(&officer, id, "legality", "false", "用地性质与规划不符").await.status(), StatusCode::OK);
    assert_eq!(review(&officer, id, "feasibility", "true", "市场与配套可行").await.status(), StatusCode::OK);
    let (_, e) = app_error(move_to(&officer, id, "signed", "").await).await;
    assert_eq!(codes(&e), [("to_stage".to_string(), FieldCode::ReviewsPending)]);
    assert_eq!(project(&officer, id).await["blocking"], serde_json::json!(["legality"]));
    assert_eq!(review(&officer, id, "legality", "true", "已调整选址，符合规划").await.status(), StatusCode::OK);
    assert_eq!(move_to(&officer, id, "signed", "").await.status(), StatusCode::OK);
    let p = project(&officer, id).await;
    assert_eq!(p["summary"]["stage"], "signed");
    assert_eq!(p["reviews"].as_array().unwrap().len(), 4, "the failed review stays on the record");
    assert_eq!(p["reviews"][1]["passed"], false);

    // Signed reviews are closed; a step back needs a reason; then on to the end.
    let (_, e) = app_error(review(&officer, id, "feasibility", "false", "再议").await).await;
    assert_eq!(codes(&e), [("aspect".to_string(), FieldCode::ReviewsClosed)]);
    let (_, e) = app_error(move_to(&officer, id, "completed", "").await).await;
    assert_eq!(codes(&e), [("to_stage".to_string(), FieldCode::StageNotAllowed)], "never completed unstarted");
    assert_eq!(move_to(&officer, id, "started", "").await.status(), StatusCode::OK);
    let (_, e) = app_error(move_to(&officer, id, "signed", " ").await).await;
    assert_eq!(codes(&e), [("reason".to_string(), FieldCode::MoveNeedsReason)]);
    assert_eq!(move_to(&officer, id, "signed", "开工手续未齐").await.status(), StatusCode::OK);
    assert_eq!(move_to(&officer, id, "started", "").await.status(), StatusCode::OK);
    assert_eq!(move_to(&officer, id, "completed", "").await.status(), StatusCode::OK);
    let p = project(&officer, id).await;
    assert_eq!(p["summary"]["stage"], "completed");
    assert_eq!(p["next_stages"], serde_json::json!([]), "a completed project stays completed");
    let log: Vec<(Value, Value, Value)> = p["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["from_stage"].clone(), m["to_stage"].clone(), m["reason"].clone()))
        .collect();
    assert_eq!(log.len(), 6, "registered, signed, started, back, started, completed: {log:?}");
    assert_eq!(log[2], ("started".into(), "signed".into(), "开工手续未齐".into()), "{log:?}");
    assert_eq!(log[5], (Value::Null, "negotiating".into(), "".into()), "the first stage is logged too");

    // A stale version changes nothing.
    let stale = officer
        .call::<app::projects::api::MoveProject>(&[
            ("id", &id.to_string()),
            ("version", "1"),
            ("to_stage", "dropped"),
            ("reason", "x"),
        ])
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert_eq!(project(&officer, id).await["summary"]["stage"], "completed");
    // Every change is in the audit log.
    let actions: Vec<String> = app::on_db!(&app.db, |pool| {
        sqlx::query_scalar::<_, String>("select action from audit_log where entity_type = 'project' order by id")
            .fetch_all(pool)
            .await
    })
    .unwrap();
    assert_eq!(actions.iter().filter(|a| *a == "project_reviewed").count(), 4);
    assert_eq!(actions.iter().filter(|a| *a == "project_stage_moved").count(), 5);
    assert_eq!(actions[0], "project_registered");
}
both!(a_project_is_signed_only_after_its_three_reviews_pass_then_starts_and_completes);

async fn the_register_adds_amounts_exactly_and_officers_change_only_their_own(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let first = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let second = app.signed_in("officer2@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;

    let a = register(&first, &project_form("项目甲", "0.1")).await;
    register(&first, &project_form("项目乙", "0.2")).await;
    register(&second, &project_form("项目丙", "1,250")).await;
    let all = leader.call::<app::projects::api::ListProjects>(&[]).await.json::<Value>().await.unwrap();
    assert_eq!(all["total"], 3);
    assert_eq!(all["total_investment"], 12_503_000, "1 250.3 亿元, to the 万元");
    let mine = first
        .call::<app::projects::api::ListProjects>(&[("filter[mine]", "true")])
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(mine["total"], 2);
    assert_eq!(mine["total_investment"], 3_000, "0.1 + 0.2 is 0.3 亿元 exactly");

    // Another officer and a leader read the project but may not change it.
    for reader in [&second, &leader] {
        let p = project(reader, a).await;
        assert_eq!(p["editable"], false);
        assert_eq!(p["next_stages"], serde_json::json!([]));
    }
    let (status, e) = app_error(review(&second, a, "authenticity", "true", "看过了").await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
    let (status, e) =
        app_error(leader.call::<app::projects::api::RegisterProject>(&project_form("x", "1")).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
    assert!(project(&first, a).await["reviews"].as_array().unwrap().is_empty(), "nothing recorded");
    // A protocol officer has no project register at all: the list, a project and its page.
    let (status, e) = app_error(protocol.call::<app::projects::api::ListProjects>(&[]).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
    let (status, page) = protocol.page(&format!("/projects/{a}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("项目甲"), "{page}");
    // An admin may change anyone's project.
    assert_eq!(review(&app, a, "authenticity", "true", "核实").await.status(), StatusCode::OK);
}
both!(the_register_adds_amounts_exactly_and_officers_change_only_their_own);

/// Change a project's fields from the form of `version`.
async fn update(who: &TestApp, id: i64, version: &str, name: &str, amount: &str) -> reqwest::Response {
    let id = id.to_string();
    let mut form = project_form(name, amount);
    form.retain(|(k, _)| *k != "stage");
    form.extend([("id", id.as_str()), ("version", version)]);
    who.call::<app::projects::api::UpdateProject>(&form).await
}

async fn an_officer_corrects_a_projects_details_on_its_page(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let first = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let second = app.signed_in("officer2@liaison.test", "liaison_officer", "").await;
    let a = register(&first, &project_form("项目甲", "0.1")).await;

    // The officer's page links to the form, filled in; another officer's does not, and the
    // form's page refuses them.
    let edit = format!("/projects/{a}/edit");
    let (_, page) = first.page(&format!("/projects/{a}")).await;
    assert!(page.contains(&format!(r#"href="{edit}""#)), "{page}");
    let (status, page) = first.page(&edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"value="项目甲""#) && page.contains(r#"value="0.1""#), "as it was typed: {page}");
    let (_, page) = second.page(&format!("/projects/{a}")).await;
    assert!(page.contains("项目甲") && !page.contains(&edit), "{page}");
    let (status, page) = second.page(&edit).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains(r#"value="项目甲""#), "no form for another officer: {page}");

    // Bad input, another officer and a stale form change nothing.
    let (status, e) = app_error(update(&first, a, "1", "", "0.000001").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = e.field_errors().iter().map(|f| f.field.clone()).collect();
    assert_eq!(fields, ["name", "total_investment"]);
    assert_eq!(
        app_error(update(&second, a, "1", "项目乙", "2").await).await,
        (StatusCode::FORBIDDEN, AppError::Forbidden)
    );
    assert_eq!(project(&first, a).await["summary"]["name"], "项目甲");

    // The officer renames it and corrects the amount; the version moves on.
    assert_eq!(update(&first, a, "1", "项目甲（扩建）", "0.35").await.status(), StatusCode::OK);
    let p = project(&first, a).await;
    assert_eq!(
        (p["summary"]["name"].as_str(), p["summary"]["total_investment"].as_i64()),
        (Some("项目甲（扩建）"), Some(3_500))
    );
    assert_eq!(p["version"], 2);
    let (_, e) = app_error(update(&first, a, "1", "项目甲", "0.1").await).await;
    assert_eq!(e, AppError::StaleVersion, "a form read before the change");
    assert_eq!(project(&first, a).await["summary"]["name"], "项目甲（扩建）");
}
both!(an_officer_corrects_a_projects_details_on_its_page);
