//! Investment promotion: the admins keep the register of the city's investment policy
//! documents (a form with holes is refused and saves nothing, one document per number, a
//! withdrawal needs its day and reason and is final); officers and leaders read it, other
//! staff do not; a French investor reads the documents in force on the portal, in French
//! where written and in Chinese, said so, where not.

use super::codes;
use crate::both;
use crate::common::*;
use app::error::FieldCode;
use app::promotion::policies::api::{GetPolicy, ListPolicies, RegisterPolicy, UpdatePolicy, WithdrawPolicy};
use reqwest::StatusCode;
use serde_json::Value;

fn rewards_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title_zh", "关于鼓励外商投资的若干措施"),
        ("title_en", "Measures to encourage foreign investment"),
        ("title_fr", "Mesures en faveur de l’investissement étranger"),
        ("issuer", "市人民政府"),
        ("doc_number", "市政发〔2025〕12号"),
        ("issued_on", "2025-03-01"),
        ("summary_zh", "新设外资企业按实际到资给予奖励。"),
        ("summary_en", "New foreign-invested enterprises are rewarded for the capital actually paid in."),
        ("summary_fr", "Les nouvelles entreprises à capitaux étrangers sont récompensées pour le capital versé."),
    ]
}

fn land_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title_zh", "工业用地弹性出让办法"),
        ("title_en", "Flexible leasing of industrial land"),
        ("issuer", "市自然资源局"),
        ("doc_number", "市资规发〔2024〕3号"),
        ("issued_on", "2024-06-10"),
        ("summary_zh", "工业用地可先租后让。"),
    ]
}

async fn register(app: &TestApp, form: &[(&str, &str)]) -> i64 {
    let r = app.call::<RegisterPolicy>(form).await;
    assert_eq!(r.status(), StatusCode::OK, "registered");
    r.json().await.unwrap()
}

async fn policies(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<ListPolicies>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn withdraw(who: &TestApp, id: i64, version: &str, on: &str, reason: &str) -> reqwest::Response {
    let id = id.to_string();
    who.call::<WithdrawPolicy>(&[("id", &id), ("version", version), ("withdrawn_on", on), ("reason", reason)]).await
}

fn titles(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|p| p["title"]["zh"].as_str().unwrap().to_string()).collect()
}

async fn the_admins_keep_the_policy_register_and_investors_read_the_policies_in_force(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("liaison@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;

    // A form with holes is refused field by field, and nothing is saved.
    let (status, e) = app_error(
        app.call::<RegisterPolicy>(&[("title_zh", " "), ("issuer", "市人民政府"), ("issued_on", "2099-01-01")]).await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&e),
        [
            ("title_zh".to_string(), FieldCode::Required),
            ("issued_on".to_string(), FieldCode::DateInFuture),
            ("summary_zh".to_string(), FieldCode::Required),
        ]
    );
    assert_eq!(policies(&app, &[]).await["total"], 0);

    let rewards = register(&app, &rewards_form()).await;
    let land = register(&app, &land_form()).await;
    // One document per number.
    let mut again = land_form();
    again.retain(|(k, _)| *k != "title_zh");
    again.push(("title_zh", "另一份文件"));
    let (_, e) = app_error(app.call::<RegisterPolicy>(&again).await).await;
    assert_eq!(codes(&e), [("doc_number".to_string(), FieldCode::DocNumberTaken)]);

    // Officers and leaders read the register; only admins keep it.
    for reader in [&officer, &leader] {
        let (status, body) = reader.page("/promotion/policies").await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("Measures to encourage foreign investment"), "{body}");
        assert!(body.contains("2 in force · 0 withdrawn"), "{body}");
        assert!(!body.contains("Register a policy document"), "only admins register");
    }
    let (status, body) = app.page(&format!("/promotion/policies/{rewards}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Les nouvelles entreprises à capitaux étrangers"), "the three summaries side by side");
    assert!(body.contains("废止此文件"), "an admin (in Chinese) may withdraw it");
    let (_, body) = officer.page(&format!("/promotion/policies/{rewards}")).await;
    assert!(body.contains("新设外资企业按实际到资给予奖励。") && !body.contains("Withdraw this document"));
    let (status, e) = app_error(officer.call::<RegisterPolicy>(&rewards_form()).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, app::error::AppError::Forbidden));
    for outsider in [&customs, &protocol] {
        let (status, body) = outsider.page("/promotion/policies").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!body.contains("Measures to encourage foreign investment"), "{body}");
        let r = outsider.call::<GetPolicy>(&[("id", &rewards.to_string())]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(!r.text().await.unwrap().contains("市人民政府"));
    }

    // A French investor reads both in force: the one written in French in French, the other
    // in Chinese, said so.
    let investor = app.another_browser();
    let r = investor.get_with("/portal/policies", &[("accept-language", "fr-FR,fr;q=0.9")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.text().await.unwrap();
    assert!(body.contains("Mesures en faveur de l’investissement étranger"), "{body}");
    assert!(body.contains("工业用地可先租后让。"));
    assert_eq!(body.matches("Pas encore disponible en français").count(), 1, "{body}");
    assert!(body.find("Mesures en faveur").unwrap() < body.find("工业用地").unwrap(), "the latest first");

    // Withdrawing needs a reason and a day not before the issue; then the document is final.
    let version = |v: &Value| v["policy"]["version"].as_i64().unwrap().to_string();
    let land_now: Value = app.call::<GetPolicy>(&[("id", &land.to_string())]).await.json().await.unwrap();
    let land_id = land.to_string();
    let v1 = version(&land_now);
    let (_, e) = app_error(withdraw(&app, land, &v1, "2025-12-31", " ").await).await;
    assert_eq!(codes(&e), [("reason".to_string(), FieldCode::ReasonRequired)]);
    let (_, e) = app_error(withdraw(&app, land, &v1, "2024-01-01", "不符合公平竞争审查要求").await).await;
    assert_eq!(codes(&e), [("withdrawn_on".to_string(), FieldCode::WithdrawnBeforeIssued)]);
    let (status, e) = app_error(withdraw(&officer, land, &v1, "2025-12-31", "不符合公平竞争审查要求").await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, app::error::AppError::Forbidden));
    let r = withdraw(&app, land, &v1, "2025-12-31", "不符合公平竞争审查要求").await;
    assert_eq!(r.status(), StatusCode::OK);
    let (_, e) = app_error(withdraw(&app, land, &v1, "2025-12-31", "again").await).await;
    assert_eq!(codes(&e), [("status".to_string(), FieldCode::PolicyWithdrawn)]);
    let now: Value = app.call::<GetPolicy>(&[("id", &land_id)]).await.json().await.unwrap();
    let mut correct: Vec<(&str, &str)> = land_form();
    let v2 = version(&now);
    correct.extend([("id", land_id.as_str()), ("version", v2.as_str())]);
    let (_, e) = app_error(app.call::<UpdatePolicy>(&correct).await).await;
    assert_eq!(codes(&e), [("status".to_string(), FieldCode::PolicyWithdrawn)]);
    assert_eq!(now["policy"]["withdrawn_reason"], "不符合公平竞争审查要求");
    assert_eq!(now["policy"]["withdrawn_on"], "2025-12-31");

    // The register lists it as withdrawn; the portal no longer does.
    let withdrawn = policies(&officer, &[("status", "withdrawn")]).await;
    assert_eq!(titles(&withdrawn), ["工业用地弹性出让办法"]);
    assert_eq!((withdrawn["in_force"].as_i64(), withdrawn["withdrawn"].as_i64()), (Some(1), Some(1)));
    assert_eq!(titles(&policies(&officer, &[("q", "12号")]).await), ["关于鼓励外商投资的若干措施"]);
    let body = investor.get_with("/portal/policies", &[("accept-language", "fr")]).await.text().await.unwrap();
    assert!(body.contains("Mesures en faveur") && !body.contains("工业用地"), "{body}");
    let (_, page) = leader.page(&format!("/promotion/policies/{land}")).await;
    assert!(page.contains("Withdrawn: 不符合公平竞争审查要求"), "{page}");

    // Every change is in the audit log.
    let history = app
        .call::<app::admin::api::ListAudit>(&[("filter[entity_type]", "policy_document")])
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(history.matches("policy_registered").count(), 2, "{history}");
    assert_eq!(history.matches("policy_withdrawn").count(), 1, "{history}");
}
both!(the_admins_keep_the_policy_register_and_investors_read_the_policies_in_force);
