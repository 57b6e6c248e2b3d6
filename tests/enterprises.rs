//! Enterprises under the one-to-one model: an officer registers one and looks after it; the
//! credit code is checked; exactly one liaison officer at a time, handovers keep the history;
//! aftercare contacts clear the overdue flag; roles see and change only what they may.

use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use futures_util::future::join_all;
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
    let r = who.call("register_enterprise", &enterprise_form(name, code, country)).await;
    assert_eq!(r.status(), StatusCode::OK, "registered");
    r.json().await.unwrap()
}

async fn enterprise(who: &TestApp, id: i64) -> Value {
    let r = who.call("enterprise", &[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn list(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call("enterprises", &form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn names(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|e| e["name_zh"].as_str().unwrap().to_string()).collect()
}

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
        let (status, e) =
            app_error(officer.call("register_enterprise", &enterprise_form("甲公司", code, "FR")).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e, AppError::field("credit_code", expected), "{code}");
    }
    let mut bad = enterprise_form("", VALID_CODE, "XX");
    bad.retain(|(k, _)| *k != "employees");
    bad.push(("employees", "10"));
    bad.retain(|(k, _)| *k != "foreign_staff");
    bad.push(("foreign_staff", "11"));
    let (_, e) = app_error(officer.call("register_enterprise", &bad).await).await;
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
    let (_, e) =
        app_error(officer.call("register_enterprise", &enterprise_form("乙公司", VALID_CODE, "IT")).await).await;
    assert_eq!(e, AppError::field("credit_code", FieldCode::CreditCodeTaken));
    assert_eq!(list(&officer, &[]).await["total"], 1);
}
both!(a_wrong_credit_code_saves_nothing);

async fn one_liaison_officer_at_a_time_and_handovers_keep_history(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let first = staff(&app, "liaison_officer", 1).await;
    let second = staff(&app, "liaison_officer", 2).await;
    let id = register(&app, "丙公司", "", "JP").await;
    let sid = id.to_string();
    // An admin-registered key enterprise without a liaison is a gap.
    assert_eq!(names(&list(&app, &[("gap", "true")]).await), vec!["丙公司"]);

    let officers: Vec<Value> = app.call("liaison_officers", &[]).await.json().await.unwrap();
    let officer_id = |n: usize| officers[n]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        app.call("assign_liaison", &[("id", &sid), ("officer_id", &officer_id(0))]).await.status(),
        StatusCode::OK
    );
    assert_eq!(list(&app, &[("gap", "true")]).await["total"], 0);

    // Reassigning needs a handover note.
    let (_, e) = app_error(app.call("assign_liaison", &[("id", &sid), ("officer_id", &officer_id(1))]).await).await;
    assert_eq!(e, AppError::field("handover_note", FieldCode::HandoverNoteRequired));
    let r = app
        .call("assign_liaison", &[("id", &sid), ("officer_id", &officer_id(1)), ("handover_note", "海关预约已办")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let e = enterprise(&app, id).await;
    let liaisons = e["liaisons"].as_array().unwrap();
    assert_eq!(liaisons.len(), 2);
    assert!(liaisons[0]["ended_at"].is_null(), "the active one first");
    assert_eq!(liaisons[1]["handover_note"], "海关预约已办");
    assert_eq!(list(&first, &[("mine", "true")]).await["total"], 0);
    assert_eq!(list(&second, &[("mine", "true")]).await["total"], 1);

    // The database itself refuses a second active assignment.
    let mut tx = app.db.begin().await.unwrap();
    let again = app::enterprises::db::start_assignment(&mut tx, id, 1, 1, app::db::now()).await;
    assert!(matches!(again, Err(app::enterprises::db::AssignError::AlreadyAssigned)));
}
both!(one_liaison_officer_at_a_time_and_handovers_keep_history);

async fn each_role_sees_and_changes_only_what_it_may(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let owner = staff(&app, "liaison_officer", 1).await;
    let colleague = staff(&app, "liaison_officer", 2).await;
    let leader = staff(&app, "leader", 1).await;
    let protocol = staff(&app, "protocol_officer", 1).await;
    let department = staff(&app, "department_liaison", 1).await;
    let id = register(&owner, "丁公司", VALID_CODE, "KR").await;
    let sid = id.to_string();
    let edit = |version: &'static str| {
        let mut f = enterprise_form("丁公司（改）", VALID_CODE, "KR");
        f.push(("id", "0"));
        f.push(("version", version));
        f
    };
    let edit_form = |version: &'static str| {
        edit(version).into_iter().map(|(k, v)| if k == "id" { (k, sid.as_str()) } else { (k, v) }).collect::<Vec<_>>()
    };
    let contact = [("id", sid.as_str()), ("kind", "visit"), ("contacted_on", "2026-11-20"), ("notes", "走访")];

    for (who, name) in [(&colleague, "another officer"), (&leader, "leader"), (&protocol, "protocol officer")] {
        assert_eq!(who.call("enterprise", &[("id", &sid)]).await.status(), StatusCode::OK, "{name} reads");
        assert_eq!(enterprise(who, id).await["editable"], false);
        for (function, form) in [("update_enterprise", edit_form("1")), ("record_contact", contact.to_vec())] {
            let (status, e) = app_error(who.call(function, &form).await).await;
            assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden), "{name} {function}");
        }
        let (status, _) = app_error(who.call("assign_liaison", &[("id", &sid), ("officer_id", "2")]).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} assigns");
    }
    for (who, name) in [(&leader, "leader"), (&protocol, "protocol officer"), (&department, "department liaison")] {
        let (status, _) = app_error(who.call("register_enterprise", &enterprise_form("戊公司", "", "KR")).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name} registers");
    }
    // Department liaisons see only their tasks, not the register.
    let (status, _) = app_error(department.call("enterprises", &[]).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(department.page(&format!("/enterprises/{id}")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(department.page("/enterprises").await.0, StatusCode::FORBIDDEN);
    assert_eq!(leader.page("/enterprises/new").await.0, StatusCode::FORBIDDEN);

    let e = enterprise(&owner, id).await;
    assert_eq!(e["name_zh"], "丁公司", "nothing changed");
    assert_eq!(e["version"], 1);
    assert!(e["contacts"].as_array().unwrap().is_empty());

    // The owner edits; a second save from the same stale version is refused.
    assert_eq!(owner.call("update_enterprise", &edit_form("1")).await.status(), StatusCode::OK);
    let (status, e) = app_error(app.call("update_enterprise", &edit_form("1")).await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion));
    assert_eq!(enterprise(&owner, id).await["name_zh"], "丁公司（改）");
}
both!(each_role_sees_and_changes_only_what_it_may);

async fn a_visit_clears_the_overdue_flag(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let id = register(&officer, "己公司", "", "SG").await;
    let sid = id.to_string();
    let today = chrono::Utc::now().date_naive();
    let long_ago = (today - chrono::Duration::days(120)).to_string();
    let recently = (today - chrono::Duration::days(3)).to_string();
    let tomorrow_plus = (today + chrono::Duration::days(5)).to_string();

    let (_, e) = app_error(
        officer
            .call(
                "record_contact",
                &[("id", &sid), ("kind", "visit"), ("contacted_on", &tomorrow_plus), ("notes", "x")],
            )
            .await,
    )
    .await;
    assert_eq!(e, AppError::field("contacted_on", FieldCode::DateInFuture));

    let visit = |date: String| {
        let sid = sid.clone();
        let officer = &officer;
        async move {
            officer
                .call(
                    "record_contact",
                    &[
                        ("id", &sid),
                        ("kind", "visit"),
                        ("contacted_on", &date),
                        ("participants", "Mme Dubois"),
                        ("notes", "年度走访"),
                    ],
                )
                .await
                .status()
        }
    };
    assert_eq!(visit(long_ago.clone()).await, StatusCode::OK);
    let e = enterprise(&officer, id).await;
    assert_eq!(e["overdue"], true, "last contact 120 days ago");
    assert_eq!(names(&list(&officer, &[("overdue", "true")]).await), vec!["己公司"]);

    assert_eq!(visit(recently.clone()).await, StatusCode::OK);
    // An older contact recorded later does not move the date back.
    assert_eq!(visit(long_ago).await, StatusCode::OK);
    let e = enterprise(&officer, id).await;
    assert_eq!(e["overdue"], false);
    assert_eq!(e["last_contact_on"], recently);
    assert_eq!(e["contacts"].as_array().unwrap().len(), 3);
    assert_eq!(list(&officer, &[("overdue", "true")]).await["total"], 0);

    let log = app
        .call("audit", &[("filter[entity_type]", "enterprise"), ("filter[entity_id]", &sid)])
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(log.matches("\"contact_recorded\"").count(), 3);
    assert!(log.contains("\"enterprise_registered\""));
    // The officer, who may not read the audit log, still sees this enterprise's history.
    let (status, _) = app_error(officer.call("audit", &[]).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let history = officer.call("enterprise_history", &[("id", &sid)]).await.text().await.unwrap();
    assert_eq!(history.matches("\"contact_recorded\"").count(), 3);
    let (_, page) = officer.page(&format!("/enterprises/{id}")).await;
    assert!(page.contains("class=\"table audit\""), "the history table is on the officer's page");
}
both!(a_visit_clears_the_overdue_flag);

async fn the_list_exports_to_csv_with_the_filters_and_localized_headers(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    register(&officer, "光华复合材料有限公司", VALID_CODE, "FR").await;
    register(&officer, "=HYPERLINK(\"http://evil\")", "", "IT").await;
    register(&officer, "帕多瓦机械有限公司", "", "IT").await;

    let r = officer.get_with("/enterprises/export.csv?country=FR", &[("accept-language", "fr")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a byte-order mark for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The officer's own language (English, set by the admin) wins over Accept-Language.
    assert!(lines[0]
        .starts_with("Name in Chinese,Name in the original language,Unified social credit code,Country of origin"));
    assert_eq!(lines.len(), 2, "only the French enterprise: {text}");
    assert!(lines[1].starts_with("光华复合材料有限公司,Lumière Composites SAS,91350100M000100Y43,France"));

    let all = officer.get("/enterprises/export.csv").await.text().await.unwrap();
    assert_eq!(all.lines().count(), 4);
    assert!(all.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "formula neutralised: {all}");

    // In Chinese for a Chinese-speaking reader; refused to a department liaison.
    let (_, zh) = app.page("/enterprises/export.csv?country=IT").await;
    assert!(
        zh.trim_start_matches('\u{FEFF}').starts_with("中文名称,原文名称,统一社会信用代码,来源国家（地区）"),
        "{zh}"
    );
    assert!(zh.contains("意大利"));
    let department = staff(&app, "department_liaison", 1).await;
    assert_eq!(department.get("/enterprises/export.csv").await.status(), StatusCode::FORBIDDEN);
}
both!(the_list_exports_to_csv_with_the_filters_and_localized_headers);

async fn the_name_search_finds_any_part_of_either_name_in_any_case(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    register(&officer, "里尔光华复合材料有限公司", "", "FR").await;
    register(&officer, "帕多瓦光明机械有限公司", "", "IT").await;
    let found = |q: &'static str| {
        let officer = &officer;
        async move { names(&list(officer, &[("q", q)]).await) }
    };
    assert_eq!(found("光华").await, vec!["里尔光华复合材料有限公司"]);
    assert_eq!(found("光").await.len(), 2, "one character: every name holding it");
    // Both were registered with the original name "Lumière Composites SAS".
    assert_eq!(found("LUMIÈRE comp").await.len(), 2, "any case, across words");
    assert_eq!(found("material").await, Vec::<String>::new(), "parts of words in order only");
    assert_eq!(found("100%_").await, Vec::<String>::new());
    // Wildcard characters are searched for as themselves.
    register(&officer, "ACME_CN精密有限公司", "", "SG").await;
    assert_eq!(found("acme_cn").await, vec!["ACME_CN精密有限公司"]);
    assert_eq!(found("acme%cn").await, Vec::<String>::new());
    assert_eq!(found("acmexcn").await, Vec::<String>::new());

    // Enterprises registered before the search index existed are indexed when the server starts.
    app.execute("delete from enterprise_search_terms").await;
    app.execute("update enterprises set search_name = null").await;
    assert!(found("光华").await.is_empty());
    app.db.migrate().await.expect("migrations and the index back-fill");
    assert_eq!(found("光华").await, vec!["里尔光华复合材料有限公司"]);
}
both!(the_name_search_finds_any_part_of_either_name_in_any_case);

async fn search_results_come_in_name_order_and_follow_a_rename(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let b_id = register(&officer, "B帕多瓦精密有限公司", "", "IT").await;
    register(&officer, "A帕多瓦精密有限公司", "", "IT").await;
    register(&officer, "C精密有限公司", "", "FR").await;
    register(&officer, "D帕多瓦机械有限公司", "", "IT").await;
    let found = |q: &'static str, country: &'static str| {
        let officer = &officer;
        async move {
            let mut filter = vec![("q", q)];
            if !country.is_empty() {
                filter.push(("country", country));
            }
            names(&list(officer, &filter).await)
        }
    };
    // (Names that sort alike in every collation.)
    assert_eq!(found("精密", "").await, vec!["A帕多瓦精密有限公司", "B帕多瓦精密有限公司", "C精密有限公司"]);
    assert_eq!(found("帕多瓦精密", "").await, vec!["A帕多瓦精密有限公司", "B帕多瓦精密有限公司"]);
    assert_eq!(found("精密", "FR").await, vec!["C精密有限公司"]);

    // Renamed, it moves to its new place in the results, and its old name finds nothing.
    let mut form = enterprise_form("E精密有限公司", "", "IT");
    let id = b_id.to_string();
    form.push(("id", &id));
    form.push(("version", "1"));
    assert_eq!(officer.call("update_enterprise", &form).await.status(), StatusCode::OK);
    assert_eq!(found("精密", "").await, vec!["A帕多瓦精密有限公司", "C精密有限公司", "E精密有限公司"]);
    assert_eq!(found("b帕多瓦", "").await, Vec::<String>::new());
}
both!(search_results_come_in_name_order_and_follow_a_rename);

async fn a_search_counts_its_index_entries_no_further_than_it_needs(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    // 300 precision firms of Padua (written straight into the register, indexed when the server
    // starts, as an import would be) and three machine makers among them.
    let first = register(&officer, "帕多瓦精密0号", "", "IT").await;
    app.execute(&format!(
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 299) \
         insert into enterprises (name_zh, name_original, country, created_at, updated_at) \
         select '帕多瓦精密' || n.i || '号', e.name_original, e.country, e.created_at, e.updated_at \
         from n, enterprises e where e.id = {first}"
    ))
    .await;
    app.execute(
        "update enterprises set name_zh = name_zh || '机械', search_name = null where name_zh like '%精密1_号'",
    )
    .await;
    app.db.migrate().await.expect("the new names are indexed");
    let counts = |terms: &[&str]| {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let db = &app.db;
        async move { app::enterprises::db::term_counts(db, &terms).await.expect("counted") }
    };

    // With a rare entry among them, the common ones are counted only far enough to know that
    // they are not the rarest.
    assert_eq!(counts(&["精密", "帕多", "机械"]).await, vec![256, 256, 10]);
    // With none rare, each is counted on (up to a thousand and one).
    assert_eq!(counts(&["精密", "帕多"]).await, vec![300, 300]);
    assert_eq!(counts(&["精密"]).await, vec![300]);
    assert_eq!(counts(&["精密", "不在"]).await, vec![256, 0]);

    // Whichever entry is read, the search finds the same enterprises.
    let total = |q: &'static str| {
        let officer = &officer;
        async move { list(officer, &[("q", q)]).await["total"].as_i64().expect("a total") }
    };
    assert_eq!(total("帕多瓦精密").await, 300);
    assert_eq!(total("精密1").await, 111, "1, 10 to 19, 100 to 199");
    assert_eq!(total("精密1_号机械").await, 0, "the wildcard is a character like any other");
    assert_eq!(total("号机械").await, 10);
    assert_eq!(total("精密机械").await, 0, "in order, side by side only");
}
both!(a_search_counts_its_index_entries_no_further_than_it_needs);

async fn add_person(who: &TestApp, id: i64, form: &[(&str, &str)]) -> reqwest::Response {
    let id = id.to_string();
    let mut form = form.to_vec();
    form.push(("id", &id));
    who.call("add_enterprise_person", &form).await
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
    assert_eq!(other.call("remove_enterprise_person", &remove).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(officer.call("remove_enterprise_person", &remove).await.status(), StatusCode::OK);
    assert_eq!(officer.call("remove_enterprise_person", &remove).await.status(), StatusCode::NOT_FOUND);
    assert!(enterprise(&officer, id).await["people"].as_array().unwrap().is_empty());
}
both!(contact_persons_are_kept_with_their_language);

/// An office running several servers on one database may give each server a single database
/// connection: registrations and searches arriving together are all answered, and saved.
async fn a_server_with_one_database_connection_answers_many_people_at_once(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_DB_CONNECTIONS", "1")]).await;
    assert_eq!(app.db.connections(), 1);
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let registered: Vec<String> = (1..=6).map(|i| format!("{i}号精密有限公司")).collect();
    let registrations = join_all(registered.iter().map(|name| register(&officer, name, "", "IT")));
    let searches = join_all((0..12).map(|_| list(&officer, &[("q", "精密")])));
    let (ids, pages) = tokio::join!(registrations, searches);
    assert_eq!(ids.len(), 6);
    assert!(pages.iter().all(|p| p["items"].is_array()));
    assert_eq!(names(&list(&officer, &[("q", "精密")]).await), registered);
}
both!(a_server_with_one_database_connection_answers_many_people_at_once);

/// On SQLite the session, the two lists and the status page are read on the request's own
/// thread (rusqlite, `SqliteDb::read_here`): filter by filter, the lists hold what sqlx's pool
/// reads. A read that runs past its budget there is interrupted and read through the pool.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_read_on_the_requests_thread_hold_what_the_pool_reads() {
    use app::cases::db::RiskWindow;
    use app::cases::CaseFilter;
    use app::db::{sqlite::SqliteDb, Db};
    use app::enterprises::EnterpriseFilter;
    let app = spawn_app(Backend::Sqlite).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let mut ids = Vec::new();
    for (name, country) in
        [("帕多瓦精密机械", "IT"), ("里尔精密部件", "FR"), ("撒马尔罕贸易", "UZ"), ("里尔食品", "FR")]
    {
        ids.push(register(&officer, name, "", country).await);
    }
    let long_ago = (chrono::Utc::now().date_naive() - chrono::Duration::days(120)).to_string();
    let (id, notes) = (ids[1].to_string(), "年度走访");
    let visit = [("id", id.as_str()), ("kind", "visit"), ("contacted_on", &long_ago), ("notes", notes)];
    assert_eq!(officer.call("record_contact", &visit).await.status(), StatusCode::OK);
    for (i, id) in ids.iter().enumerate() {
        for n in 0..=i {
            let r = crate::cases::open_case(&officer, *id, &format!("报关 {n}")).await;
            assert_eq!(r.status(), StatusCode::OK);
        }
    }

    let Db::Sqlite(lite) = &app.db else { panic!("an SQLite server") };
    let pooled = Db::Sqlite(SqliteDb::new(lite.pool().clone()));
    let cutoff = app::enterprises::service::cutoff();
    let text = |q: &str| Some(q.to_string());
    let filters = [
        EnterpriseFilter::default(),
        EnterpriseFilter { q: text("精密"), ..Default::default() },
        EnterpriseFilter { q: text("里尔精密"), ..Default::default() },
        EnterpriseFilter { q: text("精"), ..Default::default() },
        EnterpriseFilter { q: text("精密"), country: text("FR"), ..Default::default() },
        EnterpriseFilter { overdue: true, sort: text("last_contact"), ..Default::default() },
        EnterpriseFilter { page: 1, ..Default::default() },
    ];
    for f in &filters {
        let here = app::enterprises::db::search(&app.db, f, 1, cutoff, 2).await.unwrap();
        let pool = app::enterprises::db::search(&pooled, f, 1, cutoff, 2).await.unwrap();
        assert_eq!(here, pool, "{f:?}");
    }
    let all = app::enterprises::db::search(&app.db, &filters[0], 1, cutoff, 50).await.unwrap();
    assert_eq!(all.1, 4);
    assert!(all.0.iter().any(|e| e.last_contact_on.is_some()), "a date was read");

    let today = chrono::Utc::now().date_naive();
    let w = RiskWindow { today, at_risk_until: today + chrono::Duration::days(30) };
    let filters = [
        CaseFilter::default(),
        CaseFilter { status: text("submitted"), case_type: text("customs"), ..Default::default() },
        CaseFilter { q: text("帕多瓦"), ..Default::default() },
        CaseFilter { due: text("at_risk"), ..Default::default() },
        CaseFilter { enterprise_id: Some(ids[3]), page: 1, ..Default::default() },
    ];
    for f in &filters {
        let here = app::cases::db::search(&app.db, f, 1, w, 3).await.unwrap();
        let pool = app::cases::db::search(&pooled, f, 1, w, 3).await.unwrap();
        assert_eq!(here, pool, "{f:?}");
    }
    let (cases, total) = app::cases::db::search(&app.db, &filters[0], 1, w, 3).await.unwrap();
    assert_eq!((cases.len(), total), (3, 10));
    // The deadlines page's one statement, read here and through the pool alike.
    let here = app::cases::db::deadlines(&app.db, 1, w, 3, true).await.unwrap();
    assert_eq!(here, app::cases::db::deadlines(&pooled, 1, w, 3, true).await.unwrap());
    assert_eq!((here.at_risk.0.len(), here.led.as_ref().map(Vec::len)), (3, Some(0)));
    assert!(cases.iter().all(|c| c.due_on.is_some()), "the deadlines were read");

    // A statement that would run long is interrupted on the request's thread, and read through
    // the pool instead; a quick one is read here.
    let long = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000000) \
                select count(*) from n";
    assert!(lite.read_here(long, |s| s.query_row([], |r| r.get::<_, i64>(0))).is_none());
    let quick = lite.read_here("select count(*) from enterprises", |s| s.query_row([], |r| r.get::<_, i64>(0)));
    assert_eq!(quick.map(Result::unwrap), Some(4));

    // A `like ?` is planned without its pattern, so a statement keeps its plan from one
    // pattern to the next (SQLite would otherwise prepare it again at each run).
    let like = "select count(*) from enterprises where search_name like ?1";
    for (pattern, found) in [("%精密%", 2), ("%里尔%", 2), ("%撒马尔罕%", 1)] {
        let read = lite.read_here(like, |s| {
            let n = s.query_row([pattern], |r| r.get::<_, i64>(0))?;
            Ok((n, s.get_status(rusqlite::StatementStatus::RePrepare)))
        });
        assert_eq!(read.map(Result::unwrap), Some((found, 0)), "{pattern}: found, prepared again");
    }
}
