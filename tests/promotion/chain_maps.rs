//! The industry-chain maps: an officer maps a sub-chain's links as segments and shows the
//! register's enterprises present in them; the gaps are the segments with none, counted from
//! the register; leaders read the map (diagram and table) but do not change it, other staff do
//! not see it.

use super::{codes, refused};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use app::promotion::chain_maps::api::{
    AddSegment, AddSegmentEnterprise, GetChainMap, ListChainMaps, RemoveSegmentEnterprise, RenameSegment,
};
use reqwest::StatusCode;
use serde_json::Value;

const REGISTERED: &str = "91350100M000100Y43";
const NOT_REGISTERED: &str = "91110000802100433B";

async fn segment(who: &TestApp, sub: &str, link: &str, zh: &str, en: &str, fr: &str) -> reqwest::Response {
    who.call::<AddSegment>(&[("sub_chain_id", sub), ("link", link), ("name_zh", zh), ("name_en", en), ("name_fr", fr)])
        .await
}

async fn map(who: &TestApp, sub: &str) -> Value {
    let r = who.call::<GetChainMap>(&[("sub_chain_id", sub)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn json(r: reqwest::Response) -> Value {
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn call(who: &TestApp, form: &[(&str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    who.call::<AddSegmentEnterprise>(&form).await
}

/// Each segment's Chinese name with the Chinese names of the enterprises present.
fn present(map: &Value) -> Vec<(String, Vec<String>)> {
    map["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let names = s["present"].as_array().unwrap().iter().map(|p| p["name_zh"].as_str().unwrap().to_string());
            (s["segment"]["name_zh"].as_str().unwrap().to_string(), names.collect())
        })
        .collect()
}

async fn an_officer_maps_a_sub_chain_and_its_gaps_are_counted_from_the_register(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;
    let form = [
        ("chain_id", "5"),
        ("name_zh", "航空装备"),
        ("name_en", "Aviation equipment"),
        ("name_fr", "Équipements aéronautiques"),
    ];
    let aviation: i64 = json(app.call::<app::projects::chains::AddSubChain>(&form).await).await.as_i64().unwrap();
    let sub = aviation.to_string();

    // A sub-chain not mapped yet: no segment, no gap.
    let (status, page) = officer.page(&format!("/promotion/chains/{sub}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("This sub-chain has no segment yet."), "{page}");

    // Segments refused field by field save nothing.
    let (status, e) = app_error(segment(&officer, &sub, "sideways", "航空材料", "Materials", "Matériaux").await).await;
    assert_eq!(
        (status, codes(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("link".to_string(), FieldCode::UnknownLink)])
    );
    let (_, e) = app_error(segment(&officer, &sub, "upstream", " ", "", "Matériaux").await).await;
    assert_eq!(codes(&e), [("name_zh".to_string(), FieldCode::Required), ("name_en".to_string(), FieldCode::Required)]);
    let (_, e) = app_error(segment(&officer, "999999", "upstream", "航空材料", "Materials", "Matériaux").await).await;
    assert_eq!(codes(&e), [("sub_chain_id".to_string(), FieldCode::UnknownSubChain)]);
    assert_eq!(map(&officer, &sub).await["segments"], serde_json::json!([]));

    // The officer maps the chain, upstream to downstream; each Chinese name once.
    for (link, zh, en, fr) in [
        ("downstream", "航空维修", "Maintenance and repair", "Maintenance et réparation"),
        ("upstream", "航空材料", "Aviation materials", "Matériaux aéronautiques"),
        ("midstream", "机载设备", "Airborne equipment", "Équipements embarqués"),
        ("midstream", "航空零部件", "Aircraft parts", "Pièces aéronautiques"),
    ] {
        assert_eq!(segment(&officer, &sub, link, zh, en, fr).await.status(), StatusCode::OK, "{zh}");
    }
    let (_, e) = app_error(segment(&officer, &sub, "downstream", "航空材料", "Again", "Encore").await).await;
    assert_eq!(codes(&e), [("name_zh".to_string(), FieldCode::NameTaken)]);

    // A leader reads the map but may not change it; protocol staff do not see it at all.
    let (status, e) = app_error(segment(&leader, &sub, "upstream", "钛合金", "Titanium", "Titane").await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
    let body = refused(protocol.call::<GetChainMap>(&[("sub_chain_id", &sub)]).await).await;
    assert!(!body.contains("航空材料") && !body.contains("Aviation"), "{body}");
    let (status, body) = protocol.page(&format!("/promotion/chains/{sub}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!body.contains("航空材料") && !body.contains("Aviation materials"), "{body}");

    // An enterprise of the register is shown in a segment by its credit code.
    let enterprise = [
        ("name_zh", "赛峰航空"),
        ("name_original", "Safran Aero Parts SAS"),
        ("credit_code", REGISTERED),
        ("country", "FR"),
        ("industry_chain_id", "5"),
        ("lifecycle", "established"),
    ];
    let r = officer.call::<app::enterprises::api::RegisterEnterprise>(&enterprise).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    let segments = map(&officer, &sub).await;
    let names: Vec<(String, Vec<String>)> = present(&segments);
    assert_eq!(
        names.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["航空材料", "机载设备", "航空零部件", "航空维修"],
        "upstream first, then in the order they were added"
    );
    let airborne = segments["segments"][1]["segment"]["id"].as_i64().unwrap().to_string();
    let show = |code: &'static str| {
        [("sub_chain_id", sub.clone()), ("segment_id", airborne.clone()), ("credit_code", code.into())]
    };
    let (_, e) = app_error(call(&officer, &show("91350100M000100Y44")).await).await;
    assert_eq!(codes(&e), [("credit_code".to_string(), FieldCode::CreditCodeCheck)]);
    let (_, e) = app_error(call(&officer, &show(NOT_REGISTERED)).await).await;
    assert_eq!(codes(&e), [("credit_code".to_string(), FieldCode::EnterpriseNotFound)]);
    let (status, _) = app_error(call(&leader, &show(REGISTERED)).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(call(&officer, &show(REGISTERED)).await.status(), StatusCode::OK);
    let (_, e) = app_error(call(&officer, &show(REGISTERED)).await).await;
    assert_eq!(codes(&e), [("credit_code".to_string(), FieldCode::AlreadyInSegment)]);

    // Three gaps: the segments where the register has no enterprise.
    let mapped = map(&leader, &sub).await;
    assert_eq!(mapped["editable"], false);
    assert_eq!(present(&mapped)[1], ("机载设备".to_string(), vec!["赛峰航空".to_string()]));
    let counts = json(leader.call::<ListChainMaps>(&[]).await).await;
    assert_eq!(counts, serde_json::json!([{ "sub_chain_id": aviation, "segments": 4, "gaps": 3 }]));
    let (status, page) = leader.page(&format!("/promotion/chains/{sub}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg") && page.contains("Map of the Aviation equipment sub-chain"), "{page}");
    assert!(page.contains("4 segments, 3 gaps"), "{page}");
    assert_eq!(page.matches("class=\"segment gap\"").count(), 3, "three gaps drawn dashed");
    assert!(page.contains("1 enterprise present") && page.contains("Safran Aero Parts SAS"), "{page}");
    assert!(!page.contains("Show an enterprise in a segment"), "no forms for a leader");
    let (_, list) = leader.page("/promotion/chains").await;
    assert!(list.contains(&format!("href=\"/promotion/chains/{sub}\">Aviation equipment</a>")), "{list}");
    // A county officer, who may not read the enterprise register, sees how many, not which.
    let form = [("name_zh", "西城区"), ("name_en", "West district"), ("name_fr", "District Ouest")];
    let county: i64 = json(app.call::<app::projects::counties::AddCounty>(&form).await).await.as_i64().unwrap();
    let county = county.to_string();
    let account = [
        ("email", "west@liaison.test"),
        ("display_name", "West district officer"),
        ("role", "county_officer"),
        ("department_id", ""),
        ("county_id", county.as_str()),
        ("locale", "en"),
        ("password", "a long enough password"),
    ];
    assert_eq!(app.call::<app::admin::api::CreateUser>(&account).await.status(), StatusCode::OK);
    let west = app.another_browser();
    west.first_sign_in("west@liaison.test", "a long enough password").await;
    let (status, page) = west.page(&format!("/promotion/chains/{sub}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("An enterprise of the register") && page.contains("1 enterprise present"), "{page}");
    assert!(!page.contains("赛峰航空") && !page.contains("Safran Aero Parts SAS"), "{page}");
    let (_, page) = app.page(&format!("/promotion/chains/{sub}")).await;
    assert!(page.contains("上游") && page.contains("本地企业 1 家") && page.contains("将企业列入环节"), "{page}");

    // Renamed in place; taken out again, the segment is a gap once more.
    let parts = segments["segments"][2]["segment"]["id"].as_i64().unwrap().to_string();
    let rename = [
        ("sub_chain_id", sub.as_str()),
        ("id", &parts),
        ("name_zh", "航空结构件"),
        ("name_en", "Aerostructures"),
        ("name_fr", "Aérostructures"),
    ];
    assert_eq!(officer.call::<RenameSegment>(&rename).await.status(), StatusCode::OK);
    let enterprise_id = mapped["segments"][1]["present"][0]["enterprise_id"].as_i64().unwrap().to_string();
    let out = [("sub_chain_id", sub.as_str()), ("segment_id", &airborne), ("enterprise_id", &enterprise_id)];
    assert_eq!(officer.call::<RemoveSegmentEnterprise>(&out).await.status(), StatusCode::OK);
    let (status, _) = app_error(officer.call::<RemoveSegmentEnterprise>(&out).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let after = map(&officer, &sub).await;
    assert_eq!(present(&after)[2].0, "航空结构件");
    assert!(present(&after).iter().all(|(_, p)| p.is_empty()));
    assert_eq!(json(officer.call::<ListChainMaps>(&[]).await).await[0]["gaps"], 4);

    // Every change is in the audit log.
    let history = app.call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "chain_segment")]).await;
    let history = history.text().await.unwrap();
    assert_eq!(history.matches("\"chain_segment_added\"").count(), 4, "{history}");
    assert_eq!(history.matches("\"chain_segment_renamed\"").count(), 1, "{history}");
    assert_eq!(history.matches("\"segment_enterprise_added\"").count(), 1, "{history}");
    assert_eq!(history.matches("\"segment_enterprise_removed\"").count(), 1, "{history}");
}
both!(an_officer_maps_a_sub_chain_and_its_gaps_are_counted_from_the_register);
