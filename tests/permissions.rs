//! Who may do what, checked on the server: every case and enterprise action, called by every
//! role (and by nobody signed in), answers as the permission table says, and a refusal
//! changes nothing.

use crate::both;
use crate::cases::officer_with_enterprise;
use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const OK: u16 = 200;
const NO: u16 = 403;

async fn count(app: &TestApp, table: &str) -> i64 {
    let sql = format!("select count(*) from {table}");
    app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(&sql).fetch_one(pool).await).expect("count")
}

async fn every_role_gets_what_the_permission_table_says(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (owner, enterprise) = officer_with_enterprise(&app, 1).await;
    let (other, _) = officer_with_enterprise(&app, 2).await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let anonymous = app.another_browser();
    let e = enterprise.to_string();
    let open = [
        ("enterprise_id", e.as_str()),
        ("case_type", "tax"),
        ("priority", "normal"),
        ("title", "VAT refund"),
        ("description", "Export VAT refund"),
        ("language", "en"),
    ];
    let r = owner.call::<app::cases::api::OpenCase>(&open).await;
    assert_eq!(r.status(), StatusCode::OK);
    let case: i64 = r.json().await.unwrap();
    let c = case.to_string();
    let customs_id =
        app::admin::db::departments::list(&app.db).await.unwrap().iter().find(|d| d.code == "customs").unwrap().id;
    let route = [("id", c.as_str()), ("department_ids[]", &customs_id.to_string())].map(|(k, v)| (k, v.to_string()));
    assert_eq!(
        owner
            .call::<app::cases::api::RouteCase>(&route.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
            .await
            .status(),
        StatusCode::OK
    );
    let task: Value = owner.call::<app::cases::api::GetCase>(&[("id", &c)]).await.json().await.unwrap();
    let task_id = task["tasks"][0]["id"].to_string();
    let leader_id: Value = leader.call::<app::auth::api::Me>(&[]).await.json().await.unwrap();
    let leader_id = leader_id["id"].to_string();

    // (function, form, [anonymous, admin, owner officer, other officer, leader, protocol, customs liaison])
    #[allow(clippy::type_complexity)]
    let table: Vec<(&str, Vec<(&str, &str)>, [u16; 7])> = vec![
        ("enterprises", vec![], [401, OK, OK, OK, OK, OK, NO]),
        ("enterprise", vec![("id", &e)], [401, OK, OK, OK, OK, OK, NO]),
        (
            "register_enterprise",
            vec![("name_zh", "新企业有限公司"), ("name_original", "New Co"), ("country", "FR"), ("lifecycle", "lead")],
            [401, OK, OK, OK, NO, NO, NO],
        ),
        ("assign_liaison", vec![("id", &e), ("officer_id", "0")], [401, 422, NO, NO, NO, NO, NO]),
        ("set_responsible_leader", vec![("id", &e), ("leader_id", &leader_id)], [401, OK, NO, NO, NO, NO, NO]),
        (
            "add_enterprise_person",
            vec![("id", &e), ("person_name", "Ann Lee"), ("person_language", "en")],
            [401, OK, OK, NO, NO, NO, NO],
        ),
        (
            "record_contact",
            vec![("id", &e), ("kind", "call"), ("contacted_on", "2026-11-20"), ("notes", "Phoned.")],
            [401, OK, OK, NO, NO, NO, NO],
        ),
        ("cases", vec![], [401, OK, OK, OK, OK, NO, NO]),
        ("case", vec![("id", &c)], [401, OK, OK, OK, OK, NO, NO]),
        ("open_case", open.to_vec(), [401, OK, OK, NO, NO, NO, NO]),
        ("add_case_note", vec![("id", &c), ("note", "Called the tax bureau.")], [401, OK, OK, NO, NO, NO, NO]),
        ("add_public_update", vec![("id", &c), ("public_en", "Filed.")], [401, OK, OK, NO, NO, NO, NO]),
        ("reset_access_code", vec![("id", &c)], [401, OK, OK, NO, NO, NO, NO]),
        ("route_case", route.iter().map(|(k, v)| (*k, v.as_str())).collect(), [401, OK, OK, NO, NO, NO, NO]),
        ("my_tasks", vec![], [401, OK, NO, NO, NO, NO, OK]),
        (
            "update_task",
            vec![("id", &task_id), ("version", "1"), ("status", "in_progress")],
            [401, 409, NO, NO, NO, NO, OK],
        ),
        ("service_levels", vec![], [401, OK, NO, NO, NO, NO, NO]),
        ("calendar", vec![], [401, OK, NO, NO, NO, NO, NO]),
        ("set_calendar_day", vec![("day", "2031-01-01"), ("kind", "holiday")], [401, OK, NO, NO, NO, NO, NO]),
        ("users", vec![], [401, OK, NO, NO, NO, NO, NO]),
        ("audit", vec![], [401, OK, NO, NO, NO, NO, NO]),
        ("outbox", vec![], [401, OK, NO, NO, NO, NO, NO]),
        ("retry_message", vec![("id", "0")], [401, 404, NO, NO, NO, NO, NO]),
        ("policies", vec![], [401, OK, OK, OK, OK, NO, NO]),
        (
            "register_policy",
            vec![
                ("title_zh", "外资奖励办法"),
                ("issuer", "市人民政府"),
                ("issued_on", "2025-01-02"),
                ("summary_zh", "奖励"),
            ],
            [401, OK, NO, NO, NO, NO, NO],
        ),
        ("public_policies", vec![], [OK, OK, OK, OK, OK, OK, OK]),
        ("chain_maps", vec![], [401, OK, OK, OK, OK, NO, NO]),
        ("target_firms", vec![], [401, OK, OK, OK, OK, NO, NO]),
        ("firm_import", vec![("id", "0")], [401, 404, 404, 404, NO, NO, NO]),
        ("leads", vec![], [401, OK, OK, OK, OK, NO, NO]),
        ("open_lead", vec![("title", "x"), ("source", "rumour")], [401, 422, 422, 422, NO, NO, NO]),
        (
            "add_segment",
            vec![("sub_chain_id", "0"), ("link", "upstream"), ("name_zh", "材料"), ("name_en", "M"), ("name_fr", "M")],
            [401, 422, 422, 422, NO, NO, NO],
        ),
    ];
    let people = [&anonymous, &app, &owner, &other, &leader, &protocol, &customs];
    let names = ["anonymous", "admin", "owner", "other officer", "leader", "protocol officer", "customs liaison"];
    for (function, form, expected) in &table {
        // Callers go from the most refused to the allowed, so a refusal is seen before any
        // allowed call changes the record (the customs liaison updates the task first).
        for i in [0, 3, 4, 5, 6, 2, 1] {
            let before = (count(&app, "audit_log").await, count(&app, "case_events").await);
            let status = people[i].call_path(function, form).await.status().as_u16();
            assert_eq!(status, expected[i], "{function} by {}", names[i]);
            if status >= 400 && *function != "update_task" {
                let after = (count(&app, "audit_log").await, count(&app, "case_events").await);
                assert_eq!(before, after, "{function} refused to {} changed nothing", names[i]);
            }
        }
    }
    // Status changes: refused to everyone but the owner and an admin.
    for i in [0, 3, 4, 5, 6] {
        let r = people[i]
            .call::<app::cases::api::ChangeCaseStatus>(&[("id", &c), ("version", "1"), ("to_status", "accepted")])
            .await;
        assert_eq!(r.status().as_u16(), if i == 0 { 401 } else { 403 }, "change_case_status by {}", names[i]);
    }
    let r = owner
        .call::<app::cases::api::ChangeCaseStatus>(&[("id", &c), ("version", "1"), ("to_status", "accepted")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}
both!(every_role_gets_what_the_permission_table_says);
