//! Registering an enterprise: its form, its credit code, and its contact persons.

use super::{enterprise, enterprise_form, list, names, register, staff, VALID_CODE};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;

async fn an_officer_registers_an_enterprise_and_looks_after_it(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let id = register(&officer, "光华复合材料有限公司", VALID_CODE, "FR").await;

    let e = enterprise(&officer, id).await;
    assert_eq!(e["credit_code"], VALID_CODE);
    assert_eq!(e["registered_capital_usd_cents"], 920_000_000i64);
    assert_eq!(e["utilised_capital_usd_cents"], 125_000_050i64);
    assert_eq!(e["liaisons"][0]["officer_name"], "Test Person", "the registering officer is its liaison");
    assert_eq!(e["editable"], true);
    assert_eq!(e["overdue"], false, "just registered");

    let mine = list(&officer, &[("mine", "true")]).await;
    assert_eq!(names(&mine), vec!["光华复合材料有限公司"]);
    // Found by part of either name, by its credit code (typed loosely) and by country.
    for q in ["光华", "lumière", "91350100m000100y43"] {
        assert_eq!(list(&officer, &[("q", q)]).await["total"], 1, "search {q}");
    }
    assert_eq!(list(&officer, &[("country", "FR")]).await["total"], 1);
    assert_eq!(list(&officer, &[("country", "JP")]).await["total"], 0);

    // The pages render for the officer, in their language.
    let (status, page) = officer.page(&format!("/enterprises/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("光华复合材料有限公司") && page.contains("$9,200,000.00"), "money in the reader's locale");
    let (status, page) = officer.page("/enterprises?mine=true").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("href=\"/enterprises/{id}\"")));
}
both!(an_officer_registers_an_enterprise_and_looks_after_it);

async fn a_wrong_credit_code_saves_nothing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    for (code, expected) in [
        ("91350100M000100Y44", FieldCode::CreditCodeCheck),
        ("91350100M000100", FieldCode::CreditCodeFormat),
        ("91350100M0001O0Y43", FieldCode::CreditCodeFormat),
    ] {
        let (status, e) = app_error(
            officer.call::<app::enterprises::api::RegisterEnterprise>(&enterprise_form("甲公司", code, "FR")).await,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e, AppError::field("credit_code", expected), "{code}");
    }
    let mut bad = enterprise_form("", VALID_CODE, "XX");
    bad.retain(|(k, _)| *k != "employees");
    bad.push(("employees", "10"));
    bad.retain(|(k, _)| *k != "foreign_staff");
    bad.push(("foreign_staff", "11"));
    let (_, e) = app_error(officer.call::<app::enterprises::api::RegisterEnterprise>(&bad).await).await;
    let mut fields: Vec<(String, FieldCode)> = e.field_errors().iter().map(|f| (f.field.clone(), f.code)).collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        fields,
        vec![
            ("country".into(), FieldCode::UnknownCountry),
            ("foreign_staff".into(), FieldCode::MoreThanEmployees),
            ("name_zh".into(), FieldCode::Required),
        ]
    );
    assert_eq!(list(&officer, &[]).await["total"], 0, "nothing saved");
    // A code is registered once.
    register(&officer, "甲公司", VALID_CODE, "FR").await;
    let (_, e) = app_error(
        officer.call::<app::enterprises::api::RegisterEnterprise>(&enterprise_form("乙公司", VALID_CODE, "IT")).await,
    )
    .await;
    assert_eq!(e, AppError::field("credit_code", FieldCode::CreditCodeTaken));
    assert_eq!(list(&officer, &[]).await["total"], 1);
}
both!(a_wrong_credit_code_saves_nothing);

async fn add_person(who: &TestApp, id: i64, form: &[(&str, &str)]) -> reqwest::Response {
    let id = id.to_string();
    let mut form = form.to_vec();
    form.push(("id", &id));
    who.call::<app::enterprises::api::AddPerson>(&form).await
}

async fn contact_persons_are_kept_with_their_language(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let other = staff(&app, "liaison_officer", 2).await;
    let id = register(&officer, "里尔光华复合材料有限公司", "", "FR").await;
    let claire = vec![
        ("person_name", "Claire Dubois"),
        ("person_title", "Directrice financière"),
        ("person_email", "Claire.Dubois@Lumiere.fr"),
        ("person_language", "fr"),
    ];
    let (status, e) = app_error(
        add_person(&officer, id, &[("person_name", " "), ("person_email", "claire@"), ("person_language", "de")]).await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let AppError::Invalid(fields) = e else { panic!("{e:?}") };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, vec!["person_name", "person_email", "person_language"]);
    assert!(enterprise(&officer, id).await["people"].as_array().unwrap().is_empty(), "nothing saved");

    assert_eq!(add_person(&other, id, &claire).await.status(), StatusCode::FORBIDDEN, "not their enterprise");
    let r = add_person(&officer, id, &claire).await;
    assert_eq!(r.status(), StatusCode::OK);
    let person: i64 = r.json().await.unwrap();
    let e = enterprise(&officer, id).await;
    assert_eq!(e["people"][0]["email"], "claire.dubois@lumiere.fr");
    assert_eq!(e["people"][0]["language"], "fr");
    let (_, page) = officer.page(&format!("/enterprises/{id}")).await;
    assert!(page.contains("Claire Dubois") && page.contains("Directrice financière"));

    let remove = [("id", id.to_string()), ("person_id", person.to_string())];
    let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(other.call::<app::enterprises::api::RemovePerson>(&remove).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(officer.call::<app::enterprises::api::RemovePerson>(&remove).await.status(), StatusCode::OK);
    assert_eq!(officer.call::<app::enterprises::api::RemovePerson>(&remove).await.status(), StatusCode::NOT_FOUND);
    assert!(enterprise(&officer, id).await["people"].as_array().unwrap().is_empty());
}
both!(contact_persons_are_kept_with_their_language);
