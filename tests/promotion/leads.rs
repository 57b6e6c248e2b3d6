//! The leads, one to one until closed: an officer opens a lead from a target firm, logs each
//! contact (its next step becomes the lead's; once its day passes the lead is flagged overdue
//! for the officer and the leaders), and ends it as the project it became; only its officer
//! (or an admin) works it; a closed lead stays as it was.

use super::codes;
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use app::promotion::leads::api::{CloseLead, GetLead, ListLeads, LogLeadContact, OpenLead};
use reqwest::StatusCode;
use serde_json::Value;

async fn leads(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<ListLeads>(&form).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    r.json().await.unwrap()
}

async fn lead(who: &TestApp, id: i64) -> Value {
    let r = who.call::<GetLead>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn version(v: &Value) -> String {
    v["lead"]["version"].as_i64().unwrap().to_string()
}

async fn an_officer_follows_a_lead_from_a_target_firm_into_a_signed_project(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let colleague = app.signed_in("colleague@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;
    let sheet = b"Name,Country\nParrot Drones SAS,FR\n".to_vec();
    let r = officer.upload("/promotion/firms/import", "firms.csv", sheet).await;
    let staged = location(&r).rsplit('/').next().unwrap().to_string();
    let r = officer.call::<app::promotion::target_firms::api::ConfirmFirmImport>(&[("id", &staged)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let firms =
        officer.call::<app::promotion::target_firms::api::ListTargetFirms>(&[]).await.json::<Value>().await.unwrap();
    let parrot = firms["items"][0]["id"].as_i64().unwrap().to_string();

    // A lead with holes is refused field by field, and nothing is saved.
    let (status, e) =
        app_error(officer.call::<OpenLead>(&[("title", " "), ("source", "rumour"), ("target_firm_id", "99999")]).await)
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&e),
        [
            ("title".to_string(), FieldCode::Required),
            ("investor".to_string(), FieldCode::Required),
            ("source".to_string(), FieldCode::UnknownLeadSource),
            ("target_firm_id".to_string(), FieldCode::UnknownTargetFirm),
        ]
    );
    assert_eq!(leads(&officer, &[]).await["total"], 0);
    let (status, e) =
        app_error(leader.call::<OpenLead>(&[("title", "x"), ("investor", "y"), ("source", "event")]).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));

    // The officer opens it from the firm: theirs, with a next step already passed.
    let form = [
        ("title", "Parrot: drone assembly plant"),
        ("investor", "Parrot Drones SAS"),
        ("country", "FR"),
        ("source", "target_firm"),
        ("target_firm_id", parrot.as_str()),
        ("next_step", "Send the low-altitude brochure"),
        ("next_step_on", "2025-01-10"),
    ];
    let r = officer.call::<OpenLead>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let id: i64 = r.json().await.unwrap();
    let list = leads(&leader, &[("overdue", "true")]).await;
    assert_eq!((list["total"].as_i64(), list["overdue"].as_i64()), (Some(1), Some(1)), "the leaders see it overdue");
    assert_eq!(leads(&officer, &[("mine", "true")]).await["mine_overdue"], 1);
    assert_eq!(leads(&colleague, &[("mine", "true")]).await["total"], 0);
    let body = protocol.call::<ListLeads>(&[]).await.text().await.unwrap();
    assert!(!body.contains("Parrot"), "{body}");

    // A contact logged: its next step (to come) becomes the lead's, which is no longer overdue.
    let now = lead(&officer, id).await;
    assert_eq!(now["editable"], true);
    let contact = |v: &str| {
        vec![
            ("id", id.to_string()),
            ("version", v.to_string()),
            ("contacted_on", "2026-11-20".to_string()),
            ("way", "video".to_string()),
            ("summary", "Call with the head of Asia: a site for 200 staff wanted.".to_string()),
            ("next_step", "Site visit".to_string()),
            ("next_step_on", "2030-03-01".to_string()),
        ]
    };
    let send = async |who: &TestApp, form: Vec<(&str, String)>| {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        who.call::<LogLeadContact>(&form).await
    };
    let (status, e) = app_error(send(&colleague, contact(&version(&now))).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden), "another officer's lead");
    let mut bad = contact(&version(&now));
    bad.retain(|(k, _)| *k != "summary" && *k != "contacted_on");
    bad.extend([("summary", " ".to_string()), ("contacted_on", "2099-01-01".to_string())]);
    let (_, e) = app_error(send(&officer, bad).await).await;
    assert_eq!(
        codes(&e),
        [("contacted_on".to_string(), FieldCode::DateInFuture), ("summary".to_string(), FieldCode::Required)]
    );
    assert_eq!(send(&officer, contact(&version(&now))).await.status(), StatusCode::OK);
    let (status, e) = app_error(send(&officer, contact(&version(&now))).await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion), "the version read before");
    let now = lead(&leader, id).await;
    assert_eq!(
        (now["lead"]["next_step"].as_str(), now["lead"]["overdue"].as_bool()),
        (Some("Site visit"), Some(false))
    );
    assert_eq!(now["contacts"][0]["way"], "video");
    assert_eq!(now["editable"], false, "a leader reads it");
    let (status, page) = leader.page(&format!("/promotion/leads/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Call with the head of Asia") && page.contains("Video call"), "{page}");

    // It ends as the project it became: registered, then named.
    let project_form = [
        ("name", "派诺特无人机总装项目"),
        ("investor", "Parrot Drones SAS"),
        ("investor_country", "FR"),
        ("industry_chain_id", "5"),
        ("total_investment", "2.0"),
        ("capital_kind", "foreign"),
        ("source", "brochure"),
        ("stage", "negotiating"),
    ];
    let project: i64 = officer.call::<app::projects::api::RegisterProject>(&project_form).await.json().await.unwrap();
    let close = |v: &str, outcome: &str, project: &str, reason: &str| {
        vec![
            ("id", id.to_string()),
            ("version", v.to_string()),
            ("outcome", outcome.to_string()),
            ("project_id", project.to_string()),
            ("reason", reason.to_string()),
        ]
    };
    let end = async |who: &TestApp, form: Vec<(&str, String)>| {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        who.call::<CloseLead>(&form).await
    };
    let v = version(&now);
    let (_, e) = app_error(end(&officer, close(&v, "closed", "", "")).await).await;
    assert_eq!(codes(&e), [("reason".to_string(), FieldCode::ReasonRequired)]);
    let (_, e) = app_error(end(&officer, close(&v, "became_project", "99999", "")).await).await;
    assert_eq!(codes(&e), [("project_id".to_string(), FieldCode::UnknownProject)]);
    let (status, _) = app_error(end(&leader, close(&v, "became_project", &project.to_string(), "")).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(end(&officer, close(&v, "became_project", &project.to_string(), "")).await.status(), StatusCode::OK);
    let done = lead(&officer, id).await;
    assert_eq!(
        (done["lead"]["status"].as_str(), done["lead"]["project_id"].as_i64()),
        (Some("became_project"), Some(project))
    );
    assert_eq!(done["editable"], false, "a closed lead stays as it was");
    assert_eq!(done["contacts"].as_array().unwrap().len(), 1, "its history kept");
    let (_, e) = app_error(send(&officer, contact(&version(&done))).await).await;
    assert_eq!(codes(&e), [("status".to_string(), FieldCode::LeadClosed)]);
    assert_eq!(leads(&leader, &[("status", "became_project")]).await["total"], 1);

    // Every step is in the audit log.
    let history =
        app.call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "lead")]).await.text().await.unwrap();
    for action in ["\"lead_opened\"", "\"lead_contact_logged\"", "\"lead_closed\""] {
        assert_eq!(history.matches(action).count(), 1, "{action}: {history}");
    }
}
both!(an_officer_follows_a_lead_from_a_target_firm_into_a_signed_project);
