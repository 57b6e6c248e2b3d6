//! Friendship cities: a protocol officer registers Lille as a prospective friendship city,
//! the stage rules refuse impossible dates, the incoming delegation from Lille joins its
//! timeline, quiet relations turn dormant and round anniversaries of formal agreements are
//! listed; the register exports as CSV; roles see and change only what they may.

use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use chrono::{Months, NaiveDate};
use reqwest::StatusCode;
use serde_json::Value;

pub(crate) fn city_form<'a>(kind: &'a str, loi: &'a str, agreement: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name_zh", "里尔"),
        ("name_original", "Lille"),
        ("name_en", "Lille"),
        ("name_fr", "Lille"),
        ("country", "FR"),
        ("latitude", "50.6292"),
        ("longitude", "3.0573"),
        ("kind", kind),
        ("first_contact_on", "2025-10-01"),
        ("letter_of_intent_on", loi),
        ("agreement_on", agreement),
        ("areas[]", "trade"),
        ("areas[]", "education"),
    ]
}

async fn register(who: &TestApp, form: &[(&str, &str)]) -> i64 {
    let r = who.call::<app::friendship_cities::api::RegisterCity>(form).await;
    assert_eq!(r.status(), StatusCode::OK, "registered");
    r.json().await.unwrap()
}

async fn city(who: &TestApp, id: i64) -> Value {
    let r = who.call::<app::friendship_cities::api::GetCity>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn cities(who: &TestApp, filter: &[(&str, &str)]) -> Vec<Value> {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<app::friendship_cities::api::ListCities>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Vec<Value>>().await.unwrap()
}

fn codes(e: &AppError) -> Vec<(String, FieldCode)> {
    e.field_errors().iter().map(|f| (f.field.clone(), f.code)).collect()
}

async fn lille_becomes_a_prospective_friendship_city_with_its_delegation_on_the_timeline(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let liaison = app.signed_in("liaison@liaison.test", "liaison_officer", "").await;

    // Impossible stages are refused, and nothing is saved.
    let (_, e) = app_error(
        officer.call::<app::friendship_cities::api::RegisterCity>(&city_form("sister", "", "2026-03-15")).await,
    )
    .await;
    assert!(codes(&e).contains(&("stage_reason".into(), FieldCode::FormalNeedsIntent)), "{e:?}");
    let (_, e) = app_error(
        officer.call::<app::friendship_cities::api::RegisterCity>(&city_form("prospective", "2025-09-01", "")).await,
    )
    .await;
    assert_eq!(codes(&e), [("letter_of_intent_on".to_string(), FieldCode::IntentBeforeContact)]);
    let (_, e) = app_error(
        officer.call::<app::friendship_cities::api::RegisterCity>(&city_form("sister", "2026-03-15", "")).await,
    )
    .await;
    assert_eq!(codes(&e), [("agreement_on".to_string(), FieldCode::SisterNeedsAgreement)]);
    let mut far = city_form("prospective", "2026-03-15", "");
    far.retain(|(k, _)| *k != "latitude");
    far.push(("latitude", "95"));
    let (_, e) = app_error(officer.call::<app::friendship_cities::api::RegisterCity>(&far).await).await;
    assert_eq!(codes(&e), [("latitude".to_string(), FieldCode::InvalidCoordinate)]);
    assert!(cities(&officer, &[]).await.is_empty(), "nothing saved");
    // A formal agreement without a letter of intent is accepted with a reason.
    let mut direct = city_form("sister", "", "2026-03-15");
    direct[0] = ("name_zh", "帕多瓦");
    direct[1] = ("name_original", "Padova");
    direct.push(("stage_reason", "经省政府批准直接缔结"));
    let padua = register(&officer, &direct).await;
    assert_eq!(city(&officer, padua).await["summary"]["stage"], "formal");

    let lille = register(&officer, &city_form("prospective", "2026-03-15", "")).await;
    let c = city(&officer, lille).await;
    assert_eq!(c["summary"]["stage"], "intent");
    assert_eq!(c["areas"], serde_json::json!(["trade", "education"]));
    assert_eq!(c["summary"]["last_activity_on"], "2026-03-15");

    // The incoming delegation from Lille joins the timeline with its own title and first day.
    let form = [
        ("direction", "incoming"),
        ("title", "里尔市政府代表团"),
        ("countries[]", "FR"),
        ("language", "fr"),
        ("starts_on", "2026-12-01"),
        ("ends_on", "2026-12-02"),
    ];
    let delegation: i64 = officer.call::<app::delegations::api::CreateDelegation>(&form).await.json().await.unwrap();
    let link =
        [("id", lille.to_string()), ("exchange_kind", "delegation".into()), ("delegation_id", delegation.to_string())];
    let link: Vec<(&str, &str)> = link.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call::<app::friendship_cities::api::AddExchange>(&link).await.status(), StatusCode::OK);
    let (_, e) = app_error(officer.call::<app::friendship_cities::api::AddExchange>(&link).await).await;
    assert_eq!(e, AppError::field("delegation_id", FieldCode::DelegationAlreadyLinked));
    let unknown =
        [("id", lille.to_string()), ("exchange_kind", "delegation".into()), ("delegation_id", "999999".into())];
    let unknown: Vec<(&str, &str)> = unknown.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, e) = app_error(officer.call::<app::friendship_cities::api::AddExchange>(&unknown).await).await;
    assert!(codes(&e).contains(&("delegation_id".to_string(), FieldCode::UnknownDelegation)), "{e:?}");
    let c = city(&officer, lille).await;
    assert_eq!(c["exchanges"][0]["title"], "里尔市政府代表团");
    assert_eq!(c["exchanges"][0]["happened_on"], "2026-12-01");
    assert_eq!(c["exchanges"][0]["delegation_id"], delegation);
    assert_eq!(c["summary"]["last_activity_on"], "2026-12-01");

    // Filters and the CSV export.
    let names = |list: Vec<Value>| list.iter().map(|c| c["name_zh"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(names(cities(&leader, &[("kind", "prospective")]).await), ["里尔"]);
    assert_eq!(names(cities(&leader, &[("stage", "formal")]).await), ["帕多瓦"]);
    assert_eq!(names(cities(&leader, &[("country", "FR")]).await), ["帕多瓦", "里尔"]);
    let (status, csv) = app.page("/cities/export.csv?kind=prospective").await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("中文名称,原文名称,来源国家（地区）,关系类别,阶段"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("里尔,Lille,法国,意向友好城市,已签意向书,2025-10-01,2026-03-15,,2026-12-01,否"),
        "{}",
        lines[1]
    );

    // Who may do what.
    assert_eq!(
        app_error(
            leader.call::<app::friendship_cities::api::RegisterCity>(&city_form("prospective", "2026-03-15", "")).await
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app_error(leader.call::<app::friendship_cities::api::AddExchange>(&link).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app_error(liaison.call::<app::friendship_cities::api::ListCities>(&[]).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(liaison.get("/cities").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(liaison.get("/cities/export.csv").await.status(), StatusCode::FORBIDDEN);
    for path in ["/cities".to_string(), format!("/cities/{lille}")] {
        let (status, html) = leader.page(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(html.contains("Lille"), "{path}");
    }
    assert_eq!(leader.page("/cities/new").await.0, StatusCode::FORBIDDEN);
    assert_eq!(officer.page("/cities/new").await.0, StatusCode::OK);
    // The map places Lille (50.6292 N, 3.0573 E) at its point and links it to its page.
    let (_, register_page) = leader.page("/cities").await;
    assert!(register_page.contains("class=\"land\""), "the world outline is drawn");
    let dot = format!("<a href=\"/cities/{lille}\"");
    let at = register_page.find(&dot).expect("Lille on the map");
    assert!(register_page[at..].contains("cx=\"508.5\" cy=\"109.4\""), "at its coordinates");
    let history =
        app.call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "partner_city")]).await.text().await.unwrap();
    assert!(history.contains("partner_city_exchange_added"));
}
both!(lille_becomes_a_prospective_friendship_city_with_its_delegation_on_the_timeline);

async fn quiet_relations_go_dormant_and_round_anniversaries_are_listed(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let today = app::domain::office_today(chrono::Utc::now());
    let iso = |d: NaiveDate| d.to_string();
    // Twinned ten years ago, two weeks from now: a round anniversary is coming.
    let signed = (today + chrono::Duration::days(14)).checked_sub_months(Months::new(120)).unwrap();
    let loi = signed - chrono::Duration::days(200);
    let first = loi - chrono::Duration::days(100);
    let (signed_s, loi_s, first_s) = (iso(signed), iso(loi), iso(first));
    let form = vec![
        ("name_zh", "撒马尔罕"),
        ("name_original", "Samarqand"),
        ("country", "UZ"),
        ("latitude", "39.6542"),
        ("longitude", "66.9597"),
        ("kind", "sister"),
        ("first_contact_on", first_s.as_str()),
        ("letter_of_intent_on", loi_s.as_str()),
        ("agreement_on", signed_s.as_str()),
    ];
    let samarkand = register(&officer, &form).await;
    let c = city(&officer, samarkand).await;
    let next = signed.checked_add_months(Months::new(120)).unwrap();
    assert_eq!(c["summary"]["anniversary"], serde_json::json!([10, iso(next)]));
    // Nothing since the agreement ten years ago: dormant.
    assert_eq!(c["summary"]["dormant"], true);
    assert_eq!(cities(&officer, &[("dormant", "true")]).await.len(), 1);
    // A note in the file does not wake a relation; an event does.
    let note = [
        ("id", samarkand.to_string()),
        ("exchange_kind", "note".into()),
        ("happened_on", iso(today)),
        ("exchange_title", "电话联系".into()),
    ];
    let note: Vec<(&str, &str)> = note.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call::<app::friendship_cities::api::AddExchange>(&note).await.status(), StatusCode::OK);
    assert_eq!(city(&officer, samarkand).await["summary"]["dormant"], true);
    // An event a day short of two years ago keeps it awake; two years to the day does not.
    let two_years = today.checked_sub_months(Months::new(24)).unwrap();
    let event = |on: NaiveDate| {
        [
            ("id", samarkand.to_string()),
            ("exchange_kind", "event".into()),
            ("happened_on", iso(on)),
            ("exchange_title", "丝路文化节".into()),
        ]
    };
    let at_limit = event(two_years);
    let at_limit: Vec<(&str, &str)> = at_limit.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call::<app::friendship_cities::api::AddExchange>(&at_limit).await.status(), StatusCode::OK);
    assert_eq!(city(&officer, samarkand).await["summary"]["dormant"], true, "two years to the day");
    let recent = event(two_years + chrono::Duration::days(1));
    let recent: Vec<(&str, &str)> = recent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call::<app::friendship_cities::api::AddExchange>(&recent).await.status(), StatusCode::OK);
    assert_eq!(city(&officer, samarkand).await["summary"]["dormant"], false);
    assert!(cities(&officer, &[("dormant", "true")]).await.is_empty());
    let (_, page) = officer.page("/cities").await;
    // In the officer's English, under the name the city gives itself (it has no English one).
    let listed = format!("<li><a href=\"/cities/{samarkand}\">Samarqand</a>");
    assert!(page.contains("id=\"anniversaries\"") && page.contains(&listed), "the register lists the anniversary");
}
both!(quiet_relations_go_dormant_and_round_anniversaries_are_listed);

async fn the_dormancy_period_is_a_setting(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_DORMANT_AFTER_YEARS", "5")]).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let today = app::domain::office_today(chrono::Utc::now());
    let three_years = today.checked_sub_months(Months::new(36)).unwrap().to_string();
    let form = [
        ("name_zh", "大田"),
        ("name_original", "대전"),
        ("country", "KR"),
        ("latitude", "36.3504"),
        ("longitude", "127.3845"),
        ("kind", "exchange"),
        ("first_contact_on", three_years.as_str()),
    ];
    let id = register(&officer, &form).await;
    assert_eq!(city(&officer, id).await["summary"]["dormant"], false, "three quiet years are not five");
}
both!(the_dormancy_period_is_a_setting);
