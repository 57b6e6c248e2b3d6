//! Missions abroad against the office's rules: a breach needs a leader's written justification.

use super::{add_member, delegation, move_to};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

async fn a_mission_abroad_beyond_the_rules_needs_a_leaders_written_justification(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;

    // The office allows 10 days, 3 countries and 6 members (the seeded rules).
    let rules: Value = officer.call::<app::delegations::api::MissionRules>(&[]).await.json().await.unwrap();
    assert_eq!(
        (rules["max_days"].as_i64(), rules["max_countries"].as_i64(), rules["max_members"].as_i64()),
        (Some(10), Some(3), Some(6))
    );
    let form = [
        ("direction", "outgoing"),
        ("title", "赴欧洲经贸考察团"),
        ("countries[]", "FR"),
        ("countries[]", "IT"),
        ("countries[]", "ES"),
        ("countries[]", "DE"),
        ("language", "fr"),
        ("starts_on", "2027-03-01"),
        ("ends_on", "2027-03-11"),
    ];
    let r = officer.call::<app::delegations::api::CreateDelegation>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let mission: i64 = r.json().await.unwrap();
    for name in ["ZHANG Wei", "LI Na"] {
        assert_eq!(add_member(&officer, mission, name).await, StatusCode::OK);
    }
    let breaches = delegation(&leader, mission).await["breaches"].clone();
    assert_eq!(
        breaches,
        serde_json::json!([
            { "rule": "days", "limit": 10, "planned": 11 },
            { "rule": "countries", "limit": 3, "planned": 4 }
        ])
    );
    let (status, e) = app_error(move_to(&leader, mission, "approved", "").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(e, AppError::field("reason", FieldCode::MissionRulesBreached));
    assert_eq!(delegation(&leader, mission).await["status"], "draft", "nothing changed");
    let why = "第四站德国为省政府统一安排的对口交流，多一天用于签约。";
    assert_eq!(move_to(&leader, mission, "approved", why).await.status(), StatusCode::OK);
    let history = leader
        .call::<app::delegations::api::DelegationHistory>(&[("id", &mission.to_string())])
        .await
        .text()
        .await
        .unwrap();
    assert!(history.contains("justification") && history.contains("rules_breached"), "{history}");

    // Only an admin changes the rules; a stale form is refused.
    let set = |version: &str| {
        [
            ("version", version.to_string()),
            ("max_days", "12".into()),
            ("max_countries", "4".into()),
            ("max_members", "8".into()),
        ]
    };
    let version = rules["version"].to_string();
    let form = set(&version);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app_error(leader.call::<app::delegations::api::SetMissionRules>(&form).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app_error(officer.call::<app::delegations::api::SetMissionRules>(&form).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.call::<app::delegations::api::SetMissionRules>(&form).await.status(), StatusCode::OK);
    assert_eq!(
        app_error(app.call::<app::delegations::api::SetMissionRules>(&form).await).await.1,
        AppError::StaleVersion
    );
    let zero = [("version", "2"), ("max_days", "0"), ("max_countries", "4"), ("max_members", "8")];
    assert_eq!(
        app_error(app.call::<app::delegations::api::SetMissionRules>(&zero).await).await.1,
        AppError::field("max_days", FieldCode::LimitOutOfRange)
    );
    // Within the new rules the same plan breaks nothing.
    let second = officer
        .call::<app::delegations::api::CreateDelegation>(&[
            ("direction", "outgoing"),
            ("title", "赴法国友城访问团"),
            ("countries[]", "FR"),
            ("language", "fr"),
            ("starts_on", "2027-05-01"),
            ("ends_on", "2027-05-12"),
        ])
        .await
        .json::<i64>()
        .await
        .unwrap();
    assert_eq!(delegation(&leader, second).await["breaches"], serde_json::json!([]));
    assert_eq!(move_to(&leader, second, "approved", "").await.status(), StatusCode::OK);
}
both!(a_mission_abroad_beyond_the_rules_needs_a_leaders_written_justification);
