//! Enterprises under the one-to-one model: an officer registers one and looks after it; the
//! credit code is checked; exactly one liaison officer at a time, handovers keep the history;
//! aftercare contacts clear the overdue flag; roles see and change only what they may.

mod aftercare;
mod lists;
mod registration;

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const PASSWORD: &str = "a long enough password";
const VALID_CODE: &str = "91350100M000100Y43";

/// An admin, plus signed-in staff of the given roles (emails `<role><n>@liaison.test`).
async fn staff(app: &TestApp, role: &str, n: usize) -> TestApp {
    let email = format!("{role}{n}@liaison.test");
    let dept = if role == "department_liaison" {
        let all = app::admin::db::departments::list(&app.db).await.unwrap();
        all[0].id.to_string()
    } else {
        String::new()
    };
    let r = app.create_user(&email, role, &dept, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::OK, "{role} created");
    let person = app.another_browser();
    person.first_sign_in(&email, PASSWORD).await;
    person
}

fn enterprise_form<'a>(name: &'a str, code: &'a str, country: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name_zh", name),
        ("name_original", "Lumière Composites SAS"),
        ("credit_code", code),
        ("country", country),
        ("industry_chain_id", "4"),
        ("registered_capital_usd", "9,200,000"),
        ("utilised_capital_usd", "1250000.50"),
        ("employees", "320"),
        ("foreign_staff", "12"),
        ("lifecycle", "established"),
        ("is_key", "true"),
        ("address", "高新区创新大道 8 号"),
        ("notes", ""),
    ]
}

async fn register(who: &TestApp, name: &str, code: &str, country: &str) -> i64 {
    let r = who.call::<app::enterprises::api::RegisterEnterprise>(&enterprise_form(name, code, country)).await;
    assert_eq!(r.status(), StatusCode::OK, "registered");
    r.json().await.unwrap()
}

async fn enterprise(who: &TestApp, id: i64) -> Value {
    let r = who.call::<app::enterprises::api::GetEnterprise>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn list(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<app::enterprises::api::ListEnterprises>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn names(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|e| e["name_zh"].as_str().unwrap().to_string()).collect()
}
