//! What visits leave behind: the gift register, their outcomes, and the year's figures.

use super::{add_member, create, delegation, move_to};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

async fn gifts_outcomes_and_the_years_figures(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-03-02", "2026-03-03").await;
    let padua = create(&officer, "帕多瓦市代表团", "en", &["IT", "FR"], "2026-03-30", "2026-04-01").await;
    let late = create(&officer, "首尔代表团", "en", &["KR"], "2026-12-31", "2027-01-02").await;
    let next = create(&officer, "大阪代表团", "en", &["JP"], "2027-01-01", "2027-01-02").await;
    let cancelled = create(&officer, "撒马尔罕市代表团", "en", &["UZ"], "2026-05-01", "2026-05-02").await;
    for (id, n) in [(lille, 8), (padua, 5), (late, 3), (next, 9), (cancelled, 4)] {
        for i in 0..n {
            assert_eq!(add_member(&officer, id, &format!("MEMBER {i}")).await, StatusCode::OK);
        }
    }
    assert_eq!(move_to(&officer, cancelled, "cancelled", "访问取消").await.status(), StatusCode::OK);

    let stats: Value =
        leader.call::<app::delegations::api::DelegationStatistics>(&[("year", "2026")]).await.json().await.unwrap();
    assert_eq!(stats["incoming"], serde_json::json!({ "delegations": 3, "people": 16 }));
    assert_eq!(stats["outgoing"], serde_json::json!({ "delegations": 0, "people": 0 }));
    assert_eq!(stats["months"][2][0], serde_json::json!({ "delegations": 2, "people": 13 }));
    assert_eq!(stats["months"][11][0], serde_json::json!({ "delegations": 1, "people": 3 }));
    assert_eq!(stats["months"][4][0], serde_json::json!({ "delegations": 0, "people": 0 }), "cancelled: not counted");
    assert_eq!(stats["countries"][0][0], "FR");
    assert_eq!(stats["countries"][0][1], serde_json::json!({ "delegations": 2, "people": 13 }));
    let (status, page) = leader.page("/delegations/statistics?year=2026").await;
    assert_eq!(status, StatusCode::OK);
    let page = page.replace(['\u{2068}', '\u{2069}'], "");
    assert!(page.contains("3 incoming delegations, 16 visitors"), "the headline");

    // Gifts: registered with their value, refused without a description, exported for the year.
    let gift = |id: i64, direction: &'static str, on: &'static str, what: &'static str, value: &'static str| {
        [
            ("id", id.to_string()),
            ("gift_direction", direction.to_string()),
            ("given_on", on.to_string()),
            ("gift_description", what.to_string()),
            ("value_cny", value.to_string()),
            ("giver", "张市长".to_string()),
            ("receiver", "Mme Martine Aubry".to_string()),
            ("disposition", "上交办公室保管".to_string()),
        ]
    };
    for g in [
        gift(lille, "given", "2026-03-02", "景德镇青花瓷瓶", "1,200.50"),
        gift(lille, "received", "2026-03-03", "=Lille city medal", ""),
        gift(next, "given", "2027-01-01", "茶叶礼盒", "300"),
    ] {
        let form: Vec<(&str, &str)> = g.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(officer.call::<app::delegations::api::AddGift>(&form).await.status(), StatusCode::OK);
    }
    let bad = gift(lille, "lent", "2026-13-01", "", "a lot");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, e) = app_error(officer.call::<app::delegations::api::AddGift>(&bad).await).await;
    let codes: Vec<FieldCode> = e.field_errors().iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec![
            FieldCode::UnknownGiftDirection,
            FieldCode::InvalidDate,
            FieldCode::Required,
            FieldCode::InvalidYuanAmount
        ]
    );
    let form = gift(lille, "given", "2026-03-02", "x", "1");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app_error(leader.call::<app::delegations::api::AddGift>(&form).await).await.0, StatusCode::FORBIDDEN);
    let d = delegation(&officer, lille).await;
    assert_eq!(d["gifts"].as_array().unwrap().len(), 2);
    assert_eq!(d["gifts"][0]["value_cny_cents"], 120_050);
    // The admin reads Chinese: so do the export's headers.
    let (status, csv) = app.page("/delegations/gifts.csv?year=2026").await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with('\u{FEFF}'), "byte-order mark for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), 3, "the header and 2026's two gifts, not 2027's: {csv}");
    assert!(lines[0].starts_with("日期,赠送或受赠,礼品,估值（元）"), "{}", lines[0]);
    assert!(lines[1].contains("景德镇青花瓷瓶") && lines[1].contains("¥1,200.50") && lines[1].contains("里尔市代表团"));
    assert!(lines[2].contains("'=Lille city medal"), "formulas neutralised: {}", lines[2]);

    // Outcomes come once the visit is under way, and may name an enterprise by its credit code.
    let outcome = |id: i64, code: &'static str| {
        [
            ("id", id.to_string()),
            ("outcome_kind", "agreement".to_string()),
            ("outcome_description", "签署友好交流城市意向书".to_string()),
            ("credit_code", code.to_string()),
        ]
    };
    let early = outcome(lille, "");
    let early: Vec<(&str, &str)> = early.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app_error(officer.call::<app::delegations::api::AddOutcome>(&early).await).await.1,
        AppError::field("outcome_kind", FieldCode::OutcomeTooEarly)
    );
    for to in ["approved", "confirmed", "in_progress"] {
        assert_eq!(move_to(&officer, lille, to, "").await.status(), StatusCode::OK, "{to}");
    }
    assert_eq!(officer.call::<app::delegations::api::AddOutcome>(&early).await.status(), StatusCode::OK);
    let liaison = app.signed_in("liaison@liaison.test", "liaison_officer", "").await;
    let r = liaison
        .call::<app::enterprises::api::RegisterEnterprise>(&[
            ("name_zh", "里尔精密模具有限公司"),
            ("name_original", "Moules de Précision de Lille SARL"),
            ("credit_code", "91350100M000100Y43"),
            ("country", "FR"),
            ("lifecycle", "lead"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let enterprise: i64 = r.json().await.unwrap();
    let unknown = outcome(lille, "91110000802100433B");
    let unknown: Vec<(&str, &str)> = unknown.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app_error(officer.call::<app::delegations::api::AddOutcome>(&unknown).await).await.1,
        AppError::field("credit_code", FieldCode::EnterpriseNotFound)
    );
    let linked = [
        ("id", lille.to_string()),
        ("outcome_kind", "lead".to_string()),
        ("outcome_description", "模具厂扩产意向".to_string()),
        ("credit_code", "91350100M000100Y43".to_string()),
    ];
    let linked: Vec<(&str, &str)> = linked.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call::<app::delegations::api::AddOutcome>(&linked).await.status(), StatusCode::OK);
    let outcomes = delegation(&leader, lille).await["outcomes"].clone();
    assert_eq!(outcomes.as_array().unwrap().len(), 2);
    assert_eq!(outcomes[1]["enterprise_id"], enterprise);
    assert_eq!(outcomes[1]["enterprise_name"], "里尔精密模具有限公司");
}
both!(gifts_outcomes_and_the_years_figures);
