//! Who may see, plan and approve a delegation, and the pages each of them is shown.

use super::{book, create, delegation, move_to, resource, Booking};
use crate::both;
use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

async fn who_may_do_what_with_delegations(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let colleague = app.signed_in("protocol2@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let liaison = app.signed_in("liaison@liaison.test", "liaison_officer", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;

    let form = [
        ("direction", "outgoing"),
        ("title", "赴法国经贸考察团"),
        ("countries[]", "FR"),
        ("language", "fr"),
        ("starts_on", "2027-03-10"),
        ("ends_on", "2027-03-16"),
    ];
    let r = officer.call::<app::delegations::api::CreateDelegation>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let mission: i64 = r.json().await.unwrap();
    let member = [
        ("id", mission.to_string()),
        ("passport_name", "ZHANG Wei".into()),
        ("member_language", "zh-CN".into()),
        ("passport_number", "E12345678".into()),
    ];
    let member: Vec<(&str, &str)> = member.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call::<app::delegations::api::AddMember>(&member).await.status(), StatusCode::OK);

    // Neither an investment liaison officer nor a department liaison sees delegations.
    for outsider in [&liaison, &customs] {
        assert_eq!(
            app_error(outsider.call::<app::delegations::api::ListDelegations>(&[]).await).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app_error(outsider.call::<app::delegations::api::GetDelegation>(&[("id", &mission.to_string())]).await)
                .await
                .0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(outsider.get(&format!("/delegations/{mission}/programme")).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(outsider.get("/delegations").await.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            app_error(outsider.call::<app::delegations::api::CreateDelegation>(&form).await).await.0,
            StatusCode::FORBIDDEN
        );
    }
    // A leader reads but does not plan.
    assert_eq!(leader.call::<app::delegations::api::ListDelegations>(&[]).await.status(), StatusCode::OK);
    assert_eq!(
        app_error(leader.call::<app::delegations::api::CreateDelegation>(&form).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app_error(leader.call::<app::delegations::api::AddMember>(&member).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app_error(leader.call::<app::delegations::api::AddResource>(&[("kind", "venue"), ("name", "会议室")]).await)
            .await
            .0,
        StatusCode::FORBIDDEN
    );

    // A mission abroad is approved by a leader, not by the protocol officers.
    assert_eq!(app_error(move_to(&officer, mission, "approved", "").await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(delegation(&officer, mission).await["next_statuses"], serde_json::json!(["cancelled"]));
    assert_eq!(delegation(&leader, mission).await["next_statuses"], serde_json::json!(["approved"]));
    assert_eq!(move_to(&leader, mission, "approved", "").await.status(), StatusCode::OK);
    assert_eq!(app_error(move_to(&leader, mission, "confirmed", "").await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(move_to(&officer, mission, "confirmed", "").await.status(), StatusCode::OK);

    // The passport number is whole only for the delegation's own officer, and that view is audited.
    let whole = delegation(&officer, mission).await;
    assert_eq!(whole["members"][0]["passport_number"], "E12345678");
    for other in [&colleague, &leader, &app] {
        let d = delegation(other, mission).await;
        assert_eq!(d["members"][0]["passport_number"], "E••••••78");
        assert_eq!(d["members"][0]["passport_masked"], true);
    }
    let me: Value = officer.call::<app::auth::api::Me>(&[]).await.json().await.unwrap();
    let audit = app
        .call::<app::admin::api::ListAudit>(&[
            ("filter[action]", "personal_data_viewed"),
            ("filter[entity_type]", "delegation"),
        ])
        .await;
    let audit: Value = audit.json().await.unwrap();
    let entries = audit["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.iter().all(|e| e["actor_id"] == me["id"]), "{entries:?}");
}
both!(who_may_do_what_with_delegations);

async fn every_delegation_page_renders_for_those_who_may_see_it(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let id = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-02").await;
    let wang = resource(&officer, "interpreter", "王芳", &["fr"]).await;
    let item = Booking {
        day: "2026-12-01",
        starts: "09:00",
        ends: "10:00",
        title: "市长会见",
        venue: "",
        resources: vec![&wang],
    };
    assert_eq!(book(&officer, id, &item, false).await.status(), StatusCode::OK);
    // Created accounts read English.
    let pages = [
        ("/delegations".to_string(), "里尔市代表团"),
        (format!("/delegations/{id}"), "Itinerary"),
        ("/delegations/statistics?year=2026".to_string(), "Delegations in figures"),
        ("/delegations/gifts?year=2026".to_string(), "Gift register"),
        ("/delegations/rules".to_string(), "Rules for outgoing delegations"),
    ];
    for who in [&officer, &leader] {
        for (path, expected) in &pages {
            let (status, html) = who.page(path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(html.contains(expected), "{path} shows {expected}");
        }
    }
    for path in ["/delegations/new", "/delegations/resources"] {
        assert_eq!(officer.page(path).await.0, StatusCode::OK, "{path}");
        assert_eq!(leader.page(path).await.0, StatusCode::FORBIDDEN, "{path}");
    }
    // Only the admin gets the rules as a form.
    assert!(app.page("/delegations/rules").await.1.contains("name=\"max_days\""));
    assert!(!leader.page("/delegations/rules").await.1.contains("name=\"max_days\""));
    // The planning forms are the planners' only.
    assert!(officer.page(&format!("/delegations/{id}")).await.1.contains("name=\"title_zh\""));
    assert!(!leader.page(&format!("/delegations/{id}")).await.1.contains("name=\"title_zh\""));
    assert_eq!(officer.page("/delegations/999999").await.0, StatusCode::NOT_FOUND);
}
both!(every_delegation_page_renders_for_those_who_may_see_it);
