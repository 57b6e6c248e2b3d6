//! Promoted projects and the portal's investment opportunities: an officer registers a project
//! in three languages and publishes it; a French investor finds it on the portal in French,
//! expresses interest and receives the French acknowledgement, which carries nothing they
//! typed; the interest is a lead of the project's officer with the enquiry as sent. A draft
//! never reaches the portal; a text not written in the reader's language falls back to the
//! Chinese, said so; only the project's officer (or an admin) changes it.

use super::{codes, refused};
use crate::both;
use crate::common::*;
use crate::portal::post;
use app::error::{AppError, FieldCode};
use app::promotion::promoted::api::{
    GetPromoted, PromotedProjects, RegisterPromoted, SetPromotedStatus, UpdatePromoted,
};
use reqwest::StatusCode;
use serde_json::Value;

/// A sub-chain of the aviation chain with one segment; (sub-chain, segment).
pub(super) async fn aviation(app: &TestApp, officer: &TestApp) -> (String, String) {
    let form = [
        ("chain_id", "5"),
        ("name_zh", "航空装备"),
        ("name_en", "Aviation equipment"),
        ("name_fr", "Équipements aéronautiques"),
    ];
    let r = app.call::<app::projects::chains::AddSubChain>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let sub = r.json::<i64>().await.unwrap().to_string();
    let form = [
        ("sub_chain_id", sub.as_str()),
        ("link", "midstream"),
        ("name_zh", "无人机总装"),
        ("name_en", "Drone assembly"),
        ("name_fr", "Assemblage de drones"),
    ];
    let r = officer.call::<app::promotion::chain_maps::api::AddSegment>(&form).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    let map = officer
        .call::<app::promotion::chain_maps::api::GetChainMap>(&[("sub_chain_id", &sub)])
        .await
        .json::<Value>()
        .await
        .unwrap();
    let segment = map["segments"][0]["segment"]["id"].as_i64().unwrap().to_string();
    (sub, segment)
}

pub(super) fn project_form<'a>(
    sub: &'a str,
    segment: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("title_zh", "低空经济无人机总装基地"),
        ("title_en", "Low-altitude economy: a drone assembly base"),
        ("title_fr", "Économie à basse altitude : une base d’assemblage de drones"),
        ("description_zh", "在航空产业园建设无人机总装线，年产整机两千台。"),
        ("description_en", "An assembly line for 2,000 drones a year in the aviation park."),
        ("description_fr", "Une ligne d’assemblage de 2 000 drones par an dans le parc aéronautique."),
        ("offer_zh", "标准厂房三年免租。"),
        ("offer_en", "Standard factory space rent-free for three years."),
        ("offer_fr", "Ateliers standard sans loyer pendant trois ans."),
        ("sub_chain_id", sub),
        ("segment_id", segment),
        ("investment", "5"),
        ("land_mu", "120"),
        ("cooperation", "joint_venture"),
    ];
    for (k, v) in extra {
        form.retain(|(key, _)| key != k);
        form.push((k, v));
    }
    form
}

pub(super) async fn register(who: &TestApp, form: &[(&str, &str)]) -> i64 {
    let r = who.call::<RegisterPromoted>(form).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    r.json().await.unwrap()
}

async fn view(who: &TestApp, id: i64) -> Value {
    let r = who.call::<GetPromoted>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

pub(super) async fn publish(who: &TestApp, id: i64, status: &str) -> reqwest::Response {
    let version = view(who, id).await["project"]["version"].as_i64().unwrap().to_string();
    who.call::<SetPromotedStatus>(&[("id", &id.to_string()), ("version", &version), ("status", status)]).await
}

fn interest<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("company", "Parrot Drones SAS"),
        ("country", "FR"),
        ("contact_name", "Henri Seydoux"),
        ("email", "henri@parrot.example.fr"),
        ("phone", ""),
        ("language", "fr"),
        ("message", "Nous cherchons un site d’assemblage en Chine. Quels délais pour le terrain ?"),
        ("website", ""),
    ];
    for (k, v) in extra {
        form.retain(|(key, _)| key != k);
        form.push((k, v));
    }
    form
}

async fn outbox(app: &TestApp, recipient: &str) -> Vec<(String, String, String)> {
    let sql = format!("select kind, subject, body_text from outbox where recipient = '{recipient}' order by id");
    app::on_db!(&app.db, |pool| sqlx::query_as::<_, (String, String, String)>(&sql).fetch_all(pool).await).unwrap()
}

async fn a_french_investor_finds_a_published_project_and_their_interest_becomes_the_officers_lead(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let colleague = app.signed_in("colleague@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let (sub, segment) = aviation(&app, &officer).await;

    // A project with holes is refused field by field and nothing is saved.
    let bad = project_form(
        &sub,
        "999999",
        &[("title_zh", " "), ("investment", "5,5"), ("cooperation", "barter"), ("land_mu", "-3")],
    );
    let (status, e) = app_error(officer.call::<RegisterPromoted>(&bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&e),
        [
            ("title_zh".to_string(), FieldCode::Required),
            ("segment_id".to_string(), FieldCode::UnknownSegment),
            ("investment".to_string(), FieldCode::InvalidYiAmount),
            ("land_mu".to_string(), FieldCode::InvalidNumber),
            ("cooperation".to_string(), FieldCode::UnknownCooperation),
        ]
    );
    let (status, e) = app_error(leader.call::<RegisterPromoted>(&project_form(&sub, &segment, &[])).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
    assert_eq!(officer.call::<PromotedProjects>(&[]).await.json::<Value>().await.unwrap()["total"], 0);

    // Registered: a draft, the officer's; the portal knows nothing of it.
    let id = register(&officer, &project_form(&sub, &segment, &[])).await;
    let v = view(&officer, id).await;
    assert_eq!(
        (v["project"]["status"].as_str(), v["project"]["officer_name"].as_str(), v["editable"].as_bool()),
        (Some("draft"), Some("Test Person"), Some(true))
    );
    let investor = app.another_browser();
    investor.get_with("/portal", &[("accept-language", "fr")]).await;
    let (status, page) = investor.page(&format!("/portal/opportunities/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("drones"), "{page}");
    let (_, list) = investor.page("/portal/opportunities").await;
    assert!(list.contains("Aucun projet ne correspond") && !list.contains("drones"), "{list}");
    let r = post(&investor, &format!("/portal/opportunities/{id}"), &interest(&[])).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "no interest in a draft");

    // Another officer neither changes nor publishes it; its own officer publishes it.
    let body = refused(publish(&colleague, id, "published").await).await;
    assert!(!body.contains("drones"), "{body}");
    let version = v["project"]["version"].as_i64().unwrap().to_string();
    let idv = id.to_string();
    let mut update: Vec<(&str, &str)> = project_form(&sub, &segment, &[("investment", "6.5")]);
    update.extend([("id", idv.as_str()), ("version", version.as_str())]);
    let body = refused(colleague.call::<UpdatePromoted>(&update).await).await;
    assert!(!body.contains("drones"), "{body}");
    assert_eq!(officer.call::<UpdatePromoted>(&update).await.status(), StatusCode::OK);
    let (status, e) = app_error(officer.call::<UpdatePromoted>(&update).await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion), "the version read before");
    assert_eq!(publish(&officer, id, "published").await.status(), StatusCode::OK);
    let v = view(&leader, id).await;
    assert_eq!((v["project"]["status"].as_str(), v["editable"].as_bool()), (Some("published"), Some(false)));
    assert_eq!(v["project"]["investment"], 65_000, "in 万元");

    // The French investor finds it in French, filtered by its chain and size.
    let (status, list) = investor.page("/portal/opportunities?chain=5&size=100m_1b").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Économie à basse altitude") && list.contains("650 millions de CNY"), "{list}");
    let (_, other) = investor.page("/portal/opportunities?size=over_1b").await;
    assert!(!other.contains("Économie à basse altitude"), "{other}");
    let (status, page) = investor.page(&format!("/portal/opportunities/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Une ligne d’assemblage de 2 000 drones") && page.contains("Coentreprise"), "{page}");
    assert!(!page.contains("pas encore disponible"), "written in French: no fallback note");

    // A refused interest says why in French and saves nothing; robots are refused.
    let r =
        post(&investor, &format!("/portal/opportunities/{id}"), &interest(&[("email", "henri@"), ("country", "XX")]))
            .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("Parrot Drones SAS"), "what was typed is shown back");
    assert!(page.contains("Saisissez une adresse de courriel"), "{page}");
    let r = post(&investor, &format!("/portal/opportunities/{id}"), &interest(&[("website", "http://spam")])).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let leads = app.call::<app::promotion::leads::api::ListLeads>(&[]).await.json::<Value>().await.unwrap();
    assert_eq!(leads["total"], 0);

    // Sent: thanked on the page, acknowledged by e-mail in French, a lead of the officer.
    let r = post(&investor, &format!("/portal/opportunities/{id}"), &interest(&[])).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), format!("/portal/opportunities/{id}?sent=1"));
    let (_, page) = investor.page(&location(&r)).await;
    assert!(page.contains("Votre intérêt a été transmis"), "{page}");
    let mails = outbox(&app, "henri@parrot.example.fr").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (kind, subject, body) = &mails[0];
    assert_eq!(kind, "interest_received");
    assert!(subject.contains("Économie à basse altitude"), "{subject}");
    assert!(body.contains("Test Person vous écrira"), "{body}");
    for typed in ["Parrot", "Henri", "délais"] {
        assert!(!subject.contains(typed) && !body.contains(typed), "nothing typed by the visitor: {body}");
    }
    let notices = outbox(&app, "officer@liaison.test").await;
    assert!(notices.iter().any(|(k, s, _)| k == "portal_lead" && s.contains("Parrot Drones SAS")), "{notices:?}");

    let mine =
        officer.call::<app::promotion::leads::api::ListLeads>(&[("filter[mine]", "true")]).await.json::<Value>().await;
    let mine = mine.unwrap();
    assert_eq!(mine["total"], 1);
    let lead_id = mine["items"][0]["id"].as_i64().unwrap();
    assert_eq!(
        (
            mine["items"][0]["source"].as_str(),
            mine["items"][0]["investor"].as_str(),
            mine["items"][0]["country"].as_str()
        ),
        (Some("portal"), Some("Parrot Drones SAS"), Some("FR"))
    );
    let lead = officer
        .call::<app::promotion::leads::api::GetLead>(&[("id", &lead_id.to_string())])
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(lead["lead"]["promoted_project_id"], id);
    assert_eq!(
        lead["enquiry"]["message"],
        "Nous cherchons un site d’assemblage en Chine. Quels délais pour le terrain ?"
    );
    assert_eq!(lead["enquiry"]["language"], "fr");
    assert!(lead["lead"]["next_step_on"].is_string(), "answered within two working days, or flagged");
    let (_, page) = officer.page(&format!("/promotion/leads/{lead_id}")).await;
    assert!(page.contains("Henri Seydoux") && page.contains("henri@parrot.example.fr"), "{page}");
    assert_eq!(
        colleague
            .call::<app::promotion::leads::api::ListLeads>(&[("filter[mine]", "true")])
            .await
            .json::<Value>()
            .await
            .unwrap()["total"],
        0
    );
    assert_eq!(view(&officer, id).await["conversion"]["leads"], 1);

    // Taken back to a draft, it leaves the portal; its lead stays.
    assert_eq!(publish(&officer, id, "draft").await.status(), StatusCode::OK);
    let (status, _) = investor.page(&format!("/portal/opportunities/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let history = app
        .call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "promoted_project")])
        .await
        .text()
        .await
        .unwrap();
    for action in [
        "promoted_project_registered",
        "promoted_project_updated",
        "promoted_project_published",
        "promoted_project_unpublished",
    ] {
        assert_eq!(history.matches(&format!("\"{action}\"")).count(), 1, "{action}: {history}");
    }
}
both!(a_french_investor_finds_a_published_project_and_their_interest_becomes_the_officers_lead);

async fn a_text_not_written_in_the_readers_language_falls_back_to_the_chinese_said_so(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let (sub, segment) = aviation(&app, &officer).await;
    let id = register(&officer, &project_form(&sub, &segment, &[("title_fr", ""), ("description_fr", " ")])).await;
    assert_eq!(publish(&officer, id, "published").await.status(), StatusCode::OK);
    let (_, page) = officer.page(&format!("/promotion/projects/{id}")).await;
    assert!(page.contains("Not yet written in Français"), "the officer is told: {page}");

    let french = app.another_browser();
    french.get_with("/portal", &[("accept-language", "fr")]).await;
    let (_, page) = french.page(&format!("/portal/opportunities/{id}")).await;
    assert!(page.contains("n’est pas encore disponible en français"), "{page}");
    assert!(page.contains("lang=\"zh-CN\">低空经济无人机总装基地"), "{page}");
    let english = app.another_browser();
    english.get_with("/portal", &[("accept-language", "en")]).await;
    let (_, page) = english.page(&format!("/portal/opportunities/{id}")).await;
    assert!(page.contains("Low-altitude economy") && !page.contains("not yet available"), "{page}");
}
both!(a_text_not_written_in_the_readers_language_falls_back_to_the_chinese_said_so);

async fn interest_is_limited_per_address_like_the_portals_requests(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_PORTAL_SUBMISSIONS", "1")]).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let (sub, segment) = aviation(&app, &officer).await;
    let id = register(&officer, &project_form(&sub, &segment, &[])).await;
    assert_eq!(publish(&officer, id, "published").await.status(), StatusCode::OK);
    let investor = app.another_browser();
    let path = format!("/portal/opportunities/{id}");
    assert_eq!(post(&investor, &path, &interest(&[])).await.status(), StatusCode::SEE_OTHER);
    let r = post(&investor, &path, &interest(&[])).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let leads = app.call::<app::promotion::leads::api::ListLeads>(&[]).await.json::<Value>().await.unwrap();
    assert_eq!(leads["total"], 1);
}
both!(interest_is_limited_per_address_like_the_portals_requests);
