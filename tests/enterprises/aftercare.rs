//! Looking after an enterprise: one liaison officer at a time, what each role may change, and
//! the contacts that clear the overdue flag.

use super::{enterprise, enterprise_form, list, names, register, staff, VALID_CODE};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

async fn one_liaison_officer_at_a_time_and_handovers_keep_history(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let first = staff(&app, "liaison_officer", 1).await;
    let second = staff(&app, "liaison_officer", 2).await;
    let id = register(&app, "丙公司", "", "JP").await;
    let sid = id.to_string();
    // An admin-registered key enterprise without a liaison is a gap.
    assert_eq!(names(&list(&app, &[("gap", "true")]).await), vec!["丙公司"]);

    let officers: Vec<Value> = app.call::<app::enterprises::api::ListOfficers>(&[]).await.json().await.unwrap();
    let officer_id = |n: usize| officers[n]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        app.call::<app::enterprises::api::AssignLiaison>(&[("id", &sid), ("officer_id", &officer_id(0))])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(list(&app, &[("gap", "true")]).await["total"], 0);

    // Reassigning needs a handover note.
    let (_, e) = app_error(
        app.call::<app::enterprises::api::AssignLiaison>(&[("id", &sid), ("officer_id", &officer_id(1))]).await,
    )
    .await;
    assert_eq!(e, AppError::field("handover_note", FieldCode::HandoverNoteRequired));
    let r = app
        .call::<app::enterprises::api::AssignLiaison>(&[
            ("id", &sid),
            ("officer_id", &officer_id(1)),
            ("handover_note", "海关预约已办"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let e = enterprise(&app, id).await;
    let liaisons = e["liaisons"].as_array().unwrap();
    assert_eq!(liaisons.len(), 2);
    assert!(liaisons[0]["ended_at"].is_null(), "the active one first");
    assert_eq!(liaisons[1]["handover_note"], "海关预约已办");
    assert_eq!(list(&first, &[("mine", "true")]).await["total"], 0);
    assert_eq!(list(&second, &[("mine", "true")]).await["total"], 1);

    // The database itself refuses a second active assignment.
    let mut tx = app.db.begin().await.unwrap();
    let again = app::enterprises::db::start_assignment(&mut tx, id, 1, 1, app::db::now()).await;
    assert!(matches!(again, Err(app::enterprises::db::AssignError::AlreadyAssigned)));
}
both!(one_liaison_officer_at_a_time_and_handovers_keep_history);

async fn each_role_sees_and_changes_only_what_it_may(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let owner = staff(&app, "liaison_officer", 1).await;
    let colleague = staff(&app, "liaison_officer", 2).await;
    let leader = staff(&app, "leader", 1).await;
    let protocol = staff(&app, "protocol_officer", 1).await;
    let department = staff(&app, "department_liaison", 1).await;
    let id = register(&owner, "丁公司", VALID_CODE, "KR").await;
    let sid = id.to_string();
    let edit = |version: &'static str| {
        let mut f = enterprise_form("丁公司（改）", VALID_CODE, "KR");
        f.push(("id", "0"));
        f.push(("version", version));
        f
    };
    let edit_form = |version: &'static str| {
        edit(version).into_iter().map(|(k, v)| if k == "id" { (k, sid.as_str()) } else { (k, v) }).collect::<Vec<_>>()
    };
    let contact = [("id", sid.as_str()), ("kind", "visit"), ("contacted_on", "2026-11-20"), ("notes", "走访")];

    for (who, name) in [(&colleague, "another officer"), (&leader, "leader"), (&protocol, "protocol officer")] {
        assert_eq!(
            who.call::<app::enterprises::api::GetEnterprise>(&[("id", &sid)]).await.status(),
            StatusCode::OK,
            "{name} reads"
        );
        assert_eq!(enterprise(who, id).await["editable"], false);
        for (function, form) in [("update_enterprise", edit_form("1")), ("record_contact", contact.to_vec())] {
            let (status, e) = app_error(who.call_path(function, &form).await).await;
            assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden), "{name} {function}");
        }
        let (status, _) =
            app_error(who.call::<app::enterprises::api::AssignLiaison>(&[("id", &sid), ("officer_id", "2")]).await)
                .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} assigns");
    }
    for (who, name) in [(&leader, "leader"), (&protocol, "protocol officer"), (&department, "department liaison")] {
        let (status, _) = app_error(
            who.call::<app::enterprises::api::RegisterEnterprise>(&enterprise_form("戊公司", "", "KR")).await,
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} registers");
    }
    // Department liaisons see only their tasks, not the register.
    let (status, _) = app_error(department.call::<app::enterprises::api::ListEnterprises>(&[]).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(department.page(&format!("/enterprises/{id}")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(department.page("/enterprises").await.0, StatusCode::FORBIDDEN);
    assert_eq!(leader.page("/enterprises/new").await.0, StatusCode::FORBIDDEN);

    let e = enterprise(&owner, id).await;
    assert_eq!(e["name_zh"], "丁公司", "nothing changed");
    assert_eq!(e["version"], 1);
    assert!(e["contacts"].as_array().unwrap().is_empty());

    // The owner edits; a second save from the same stale version is refused.
    assert_eq!(owner.call::<app::enterprises::api::UpdateEnterprise>(&edit_form("1")).await.status(), StatusCode::OK);
    let (status, e) = app_error(app.call::<app::enterprises::api::UpdateEnterprise>(&edit_form("1")).await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion));
    assert_eq!(enterprise(&owner, id).await["name_zh"], "丁公司（改）");
}
both!(each_role_sees_and_changes_only_what_it_may);

async fn a_visit_clears_the_overdue_flag(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let id = register(&officer, "己公司", "", "SG").await;
    let sid = id.to_string();
    let today = chrono::Utc::now().date_naive();
    let long_ago = (today - chrono::Duration::days(120)).to_string();
    let recently = (today - chrono::Duration::days(3)).to_string();
    let tomorrow_plus = (today + chrono::Duration::days(5)).to_string();

    let (_, e) = app_error(
        officer
            .call::<app::enterprises::api::RecordContact>(&[
                ("id", &sid),
                ("kind", "visit"),
                ("contacted_on", &tomorrow_plus),
                ("notes", "x"),
            ])
            .await,
    )
    .await;
    assert_eq!(e, AppError::field("contacted_on", FieldCode::DateInFuture));

    let visit = |date: String| {
        let sid = sid.clone();
        let officer = &officer;
        async move {
            officer
                .call::<app::enterprises::api::RecordContact>(&[
                    ("id", &sid),
                    ("kind", "visit"),
                    ("contacted_on", &date),
                    ("participants", "Mme Dubois"),
                    ("notes", "年度走访"),
                ])
                .await
                .status()
        }
    };
    assert_eq!(visit(long_ago.clone()).await, StatusCode::OK);
    let e = enterprise(&officer, id).await;
    assert_eq!(e["overdue"], true, "last contact 120 days ago");
    assert_eq!(names(&list(&officer, &[("overdue", "true")]).await), vec!["己公司"]);

    assert_eq!(visit(recently.clone()).await, StatusCode::OK);
    // An older contact recorded later does not move the date back.
    assert_eq!(visit(long_ago).await, StatusCode::OK);
    let e = enterprise(&officer, id).await;
    assert_eq!(e["overdue"], false);
    assert_eq!(e["last_contact_on"], recently);
    assert_eq!(e["contacts"].as_array().unwrap().len(), 3);
    assert_eq!(list(&officer, &[("overdue", "true")]).await["total"], 0);

    let log = app
        .call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "enterprise"), ("filter[entity_id]", &sid)])
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(log.matches("\"contact_recorded\"").count(), 3);
    assert!(log.contains("\"enterprise_registered\""));
    // The officer, who may not read the audit log, still sees this enterprise's history.
    let (status, _) = app_error(officer.call::<app::admin::api::ListAudit>(&[]).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let history = officer.call::<app::enterprises::api::EnterpriseHistory>(&[("id", &sid)]).await.text().await.unwrap();
    assert_eq!(history.matches("\"contact_recorded\"").count(), 3);
    let (_, page) = officer.page(&format!("/enterprises/{id}")).await;
    assert!(page.contains("class=\"table audit\""), "the history table is on the officer's page");
}
both!(a_visit_clears_the_overdue_flag);
