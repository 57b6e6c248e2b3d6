//! A delegation's investment lead becomes a project: the officer registers it from the lead,
//! once; the project names the delegation and the delegation's page names the project, each
//! linked only for a reader who may open the other.

use super::{create, delegation, move_to};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

async fn add_outcome(who: &TestApp, id: i64, kind: &str, description: &str) {
    let id = id.to_string();
    let form = [("id", id.as_str()), ("outcome_kind", kind), ("outcome_description", description), ("credit_code", "")];
    assert_eq!(who.call::<app::delegations::api::AddOutcome>(&form).await.status(), StatusCode::OK);
}

async fn leads(who: &TestApp) -> Vec<Value> {
    let r = who.call::<app::projects::api::OpenLeads>(&[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn project_from(lead: &str, source: &'static str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "里尔模具厂扩产项目".to_string()),
        ("investor", "Moules de Précision de Lille SARL".to_string()),
        ("total_investment", "1.2".to_string()),
        ("capital_kind", "foreign".to_string()),
        ("source", source.to_string()),
        ("delegation_outcome_id", lead.to_string()),
    ]
}

async fn register(who: &TestApp, form: &[(&'static str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    who.call::<app::projects::api::RegisterProject>(&form).await
}

/// Lille's delegation, under way, with an agreement and an investment lead among its outcomes:
/// its protocol officer, a liaison officer, the delegation, the agreement and the lead.
async fn lille_with_a_lead(app: &TestApp) -> (TestApp, TestApp, i64, String, String) {
    let protocol = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let lille = create(&protocol, "里尔市代表团", "fr", &["FR"], "2026-03-02", "2026-03-03").await;
    for to in ["approved", "confirmed", "in_progress"] {
        assert_eq!(move_to(&protocol, lille, to, "").await.status(), StatusCode::OK, "{to}");
    }
    add_outcome(&protocol, lille, "agreement", "签署友好交流城市意向书").await;
    add_outcome(&protocol, lille, "lead", "模具厂扩产意向，拟投资1.2亿元").await;
    let outcomes = delegation(&protocol, lille).await["outcomes"].clone();
    let (agreement, lead) = (outcomes[0]["id"].to_string(), outcomes[1]["id"].to_string());
    (protocol, officer, lille, agreement, lead)
}

async fn a_delegations_investment_lead_becomes_one_project(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (protocol, officer, lille, agreement, lead) = lille_with_a_lead(&app).await;

    // The officer, who does not read delegations, is offered the lead (not the agreement)…
    let open = leads(&officer).await;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(
        (open[0]["outcome_id"].to_string(), open[0]["delegation_title"].as_str()),
        (lead.clone(), Some("里尔市代表团"))
    );
    assert_eq!(app_error(protocol.call::<app::projects::api::OpenLeads>(&[]).await).await.0, StatusCode::FORBIDDEN);
    // …and the delegation's page links the admin to the form filled in from it.
    let (_, page) = app.page(&format!("/delegations/{lille}")).await;
    assert!(page.contains(&format!("/projects/new?lead={lead}")), "{page}");
    let (_, page) = officer.page(&format!("/projects/new?lead={lead}")).await;
    assert!(page.contains(r#"value="模具厂扩产意向，拟投资1.2亿元""#), "the name from the lead: {page}");
    assert!(page.contains(&format!(r#"<option value="{lead}" selected>里尔市代表团: 模具厂扩产意向"#)), "{page}");

    // A lead under another source, an outcome that is no lead: refused, nothing registered.
    let (_, e) = app_error(register(&officer, &project_from(&lead, "brochure")).await).await;
    assert_eq!(e, AppError::field("delegation_outcome_id", FieldCode::LeadNeedsDelegationSource));
    let (_, e) = app_error(register(&officer, &project_from(&agreement, "delegation")).await).await;
    assert_eq!(e, AppError::field("delegation_outcome_id", FieldCode::UnknownLead));
    let r = register(&officer, &project_from(&lead, "delegation")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let project: i64 = r.json().await.unwrap();
    // Once: a second project from the same lead is refused, and the lead is no longer offered.
    let (_, e) = app_error(register(&officer, &project_from(&lead, "delegation")).await).await;
    assert_eq!(e, AppError::field("delegation_outcome_id", FieldCode::LeadTaken));
    assert!(leads(&officer).await.is_empty());

    // The project names the delegation: linked for the admin, not for the officer.
    let (_, page) = officer.page(&format!("/projects/{project}")).await;
    assert!(page.contains("里尔市代表团") && page.contains("模具厂扩产意向"), "{page}");
    assert!(!page.contains(&format!("/delegations/{lille}")), "the officer may not open it: {page}");
    let (_, page) = app.page(&format!("/projects/{project}")).await;
    assert!(page.contains(&format!(r#"href="/delegations/{lille}""#)), "{page}");
    // The delegation names the project: linked for the admin, named for the protocol officer.
    let outcomes = delegation(&protocol, lille).await["outcomes"].clone();
    assert_eq!(
        (outcomes[1]["project_id"].as_i64(), outcomes[1]["project_name"].as_str()),
        (Some(project), Some("里尔模具厂扩产项目"))
    );
    assert_eq!(outcomes[0]["project_id"], Value::Null);
    let (_, page) = protocol.page(&format!("/delegations/{lille}")).await;
    assert!(page.contains("里尔模具厂扩产项目") && !page.contains(&format!("/projects/{project}")), "{page}");
    assert!(!page.contains("/projects/new?lead="), "the protocol officer registers no projects: {page}");
    let (_, page) = app.page(&format!("/delegations/{lille}")).await;
    assert!(page.contains(&format!(r#"href="/projects/{project}""#)), "{page}");
}
both!(a_delegations_investment_lead_becomes_one_project);

async fn a_delegations_investment_lead_is_followed_one_to_one(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (protocol, officer, lille, agreement, lead) = lille_with_a_lead(&app).await;

    // The delegation's page offers the admin to follow it; the form comes filled in from it.
    let (_, page) = app.page(&format!("/delegations/{lille}")).await;
    assert!(page.contains(&format!("/promotion/leads/new?outcome={lead}")), "{page}");
    let (_, page) = protocol.page(&format!("/delegations/{lille}")).await;
    assert!(!page.contains("/promotion/leads/new"), "a protocol officer follows no lead: {page}");
    let (_, page) = officer.page(&format!("/promotion/leads/new?outcome={lead}")).await;
    assert!(page.contains(r#"value="模具厂扩产意向，拟投资1.2亿元""#), "{page}");

    // Only an investment lead of a delegation; then the lead names the delegation.
    let open = async |outcome: &str| {
        officer
            .call::<app::promotion::leads::api::OpenLead>(&[
                ("title", "模具厂扩产"),
                ("investor", "Moules de Précision de Lille SARL"),
                ("source", "delegation"),
                ("delegation_outcome_id", outcome),
            ])
            .await
    };
    let (_, e) = app_error(open(&agreement).await).await;
    assert_eq!(e, AppError::field("delegation_outcome_id", FieldCode::UnknownLead));
    let r = open(&lead).await;
    assert_eq!(r.status(), StatusCode::OK);
    let id: i64 = r.json().await.unwrap();
    let (_, page) = officer.page(&format!("/promotion/leads/{id}")).await;
    assert!(
        page.contains(&format!(r#"href="/delegations/{lille}""#)) && page.contains("From the delegation"),
        "{page}"
    );
}
both!(a_delegations_investment_lead_is_followed_one_to_one);
