//! The target firms: an officer imports them from a spreadsheet, sees each row checked
//! (refused rows told why in their language) before anything is saved, confirms, fixes the
//! refused rows in the file and imports it again (the firms saved are updated, not doubled);
//! the chain map counts the firms aimed at each segment; the officer moves a firm's approach
//! on, others may not; a file of 5 000 firms goes in at once.

use super::codes;
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use app::promotion::target_firms::api::{
    ConfirmFirmImport, GetFirmImport, GetTargetFirm, ListTargetFirms, SetFirmApproach,
};
use reqwest::StatusCode;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

const HEADINGS: [&str; 11] = [
    "Name",
    "Chinese name",
    "Country",
    "Sub-chain",
    "Segments",
    "Size",
    "Website",
    "Contacts",
    "Officer",
    "Next step",
    "Next step on",
];

/// An .xlsx of the rows under the template's English headings; the last column's
/// `YYYY-MM-DD` written as a date cell, as Excel keeps a date typed in.
fn xlsx(rows: &[[&str; 11]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in HEADINGS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            if c == 10 && !v.is_empty() {
                let date = ExcelDateTime::parse_from_str(v).unwrap();
                sheet.write_datetime_with_format(r, c as u16, &date, &day).unwrap();
            } else {
                sheet.write_string(r, c as u16, *v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// Upload a spreadsheet; the id of its preview, where the server sends the browser.
async fn upload(who: &TestApp, name: &str, bytes: Vec<u8>) -> i64 {
    let r = who.upload("/promotion/firms/import", name, bytes).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    let to = location(&r);
    to.strip_prefix("/promotion/firms/import/").and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("{to}"))
}

async fn preview(who: &TestApp, id: i64) -> Value {
    let r = who.call::<GetFirmImport>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn firms(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<ListTargetFirms>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// Each refused row's line with its fields' codes.
fn refused(p: &Value) -> Vec<(i64, Vec<(String, FieldCode)>)> {
    p["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let errors = r["errors"].as_array().unwrap().iter();
            let errors = errors.map(|e| {
                (e["field"].as_str().unwrap().to_string(), serde_json::from_value(e["code"].clone()).unwrap())
            });
            (r["line"].as_i64().unwrap(), errors.collect())
        })
        .collect()
}

async fn segment(who: &TestApp, sub: &str, link: &str, zh: &str, en: &str) -> i64 {
    let form = [("sub_chain_id", sub), ("link", link), ("name_zh", zh), ("name_en", en), ("name_fr", en)];
    let r = who.call::<app::promotion::chain_maps::api::AddSegment>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn an_officer_imports_target_firms_fixes_the_refused_rows_and_follows_one_up(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let colleague = app.signed_in("colleague@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let form =
        [("chain_id", "5"), ("name_zh", "航空装备"), ("name_en", "Aviation equipment"), ("name_fr", "Aéronautique")];
    let r = app.call::<app::projects::chains::AddSubChain>(&form).await;
    let sub: i64 = r.json().await.unwrap();
    let sub = sub.to_string();
    let materials = segment(&officer, &sub, "upstream", "航空材料", "Aviation materials").await;
    let airborne = segment(&officer, &sub, "midstream", "机载设备", "Airborne equipment").await;

    // Two good rows and two bad ones, one bad in two fields.
    let first = xlsx(&[
        [
            "Safran Aircraft Engines",
            "赛峰飞机发动机",
            "France",
            "Aviation equipment",
            "Aviation materials; Airborne equipment",
            "Fortune Global 500",
            "https://www.safran-group.com",
            "M. Dupont",
            "officer@liaison.test",
            "Send the brochure",
            "2025-01-10",
        ],
        ["Leonardo S.p.A.", "", "Italie", "航空装备", "机载设备", "大型", "", "", "", "Visit Rome", "2030-06-01"],
        ["", "", "Atlantis", "", "", "", "", "", "", "", ""],
        ["Airbus SE", "空中客车", "FR", "Aviation equipment", "Wings", "large", "", "", "", "", ""],
    ]);
    // Only those who work the promotion registers may send one.
    let r = leader.upload("/promotion/firms/import", "firms.xlsx", first.clone()).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(!r.text().await.unwrap().contains("Safran"));
    let id = upload(&officer, "firms.xlsx", first).await;
    let p = preview(&officer, id).await;
    assert_eq!((p["total"].as_i64(), p["new"].as_i64(), p["updates"].as_i64()), (Some(4), Some(2), Some(0)));
    assert_eq!(
        refused(&p),
        [
            (4, vec![("name".to_string(), FieldCode::Required), ("country".to_string(), FieldCode::UnknownCountry)]),
            (5, vec![("segments".to_string(), FieldCode::UnknownSegment)]),
        ]
    );
    let safran = &p["good"][0]["firm"];
    assert_eq!(safran["segment_ids"], serde_json::json!([materials, airborne]));
    assert_eq!((safran["size"].as_str(), safran["next_step_on"].as_str()), (Some("global_500"), Some("2025-01-10")));
    let (status, page) = officer.page(&format!("/promotion/firms/import/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Not a segment of this sub-chain.") && page.contains("Save 2 firms"), "{page}");
    // Nothing is saved before the officer confirms; the preview is the importer's own.
    assert_eq!(firms(&officer, &[]).await["total"], 0);
    let (status, _) = app_error(colleague.call::<GetFirmImport>(&[("id", &id.to_string())]).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, e) = app_error(leader.call::<ConfirmFirmImport>(&[("id", &id.to_string())]).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));

    let r = officer.call::<ConfirmFirmImport>(&[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([2, 0]));
    let (_, e) = app_error(officer.call::<ConfirmFirmImport>(&[("id", &id.to_string())]).await).await;
    assert_eq!(codes(&e), [("file".to_string(), FieldCode::ImportDone)]);
    let list = firms(&leader, &[]).await;
    assert_eq!((list["total"].as_i64(), list["overdue"].as_i64()), (Some(2), Some(1)));
    assert_eq!(list["items"][0]["name"], "Safran Aircraft Engines", "the overdue first");
    assert_eq!(list["items"][0]["overdue"], true);

    // The refused rows fixed in the file (saved as CSV now), and Safran's contact changed: it
    // is updated, not added again.
    let fixed = "Name,Country,Sub-chain,Segments,Contacts\n\
                 Safran Aircraft Engines,France,Aviation equipment,Airborne equipment,Mme Martin\n\
                 Thales,France,,,\n\
                 Airbus SE,FR,Aviation equipment,Airborne equipment,\n";
    let again = upload(&officer, "firms-fixed.csv", fixed.as_bytes().to_vec()).await;
    let p = preview(&officer, again).await;
    assert_eq!((p["new"].as_i64(), p["updates"].as_i64(), refused(&p).len()), (Some(2), Some(1), 0));
    let r = officer.call::<ConfirmFirmImport>(&[("id", &again.to_string())]).await;
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([2, 1]));
    let all = firms(&officer, &[]).await;
    assert_eq!(all["total"], 4);
    let safran_id = all["items"][0]["id"].as_i64().unwrap();
    let safran = officer.call::<GetTargetFirm>(&[("id", &safran_id.to_string())]).await.json::<Value>().await.unwrap();
    assert_eq!(safran["firm"]["contacts"], "Mme Martin");
    assert_eq!(safran["firm"]["name_zh"], "赛峰飞机发动机", "what the second file left empty stays");
    assert_eq!(safran["segments"].as_array().unwrap().len(), 2);
    assert_eq!(firms(&officer, &[("q", "airbus")]).await["total"], 1);
    // Another officer's file cannot change a firm that is not theirs.
    let theirs = b"Name,Country,Contacts\nSafran Aircraft Engines,FR,Someone else\n".to_vec();
    let theirs = upload(&colleague, "mine.csv", theirs).await;
    assert_eq!(refused(&preview(&colleague, theirs).await), [(2, vec![("name".to_string(), FieldCode::NotYourFirm)])]);

    // The chain map counts the firms aimed at each segment.
    let map = officer
        .call::<app::promotion::chain_maps::api::GetChainMap>(&[("sub_chain_id", &sub)])
        .await
        .json::<Value>()
        .await
        .unwrap();
    let targets: Vec<i64> =
        map["segments"].as_array().unwrap().iter().map(|s| s["targets"].as_i64().unwrap()).collect();
    assert_eq!(targets, [1, 3], "materials: Safran; airborne: Safran, Leonardo, Airbus");

    // Safran's officer moves it on; a declined firm says why, one that became a project names it.
    let version = safran["firm"]["version"].as_i64().unwrap().to_string();
    let set = |status: &'static str, extra: Vec<(&'static str, String)>| {
        let mut form =
            vec![("id", safran_id.to_string()), ("version", version.clone()), ("status", status.to_string())];
        form.extend(extra);
        form
    };
    let send = async |who: &TestApp, form: Vec<(&'static str, String)>| {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        who.call::<SetFirmApproach>(&form).await
    };
    let (_, e) = app_error(send(&officer, set("declined", vec![])).await).await;
    assert_eq!(codes(&e), [("declined_reason".to_string(), FieldCode::ReasonRequired)]);
    let (_, e) = app_error(send(&officer, set("became_project", vec![("project_id", "99999".into())])).await).await;
    assert_eq!(codes(&e), [("project_id".to_string(), FieldCode::UnknownProject)]);
    let (status, e) = app_error(send(&colleague, set("contacted", vec![])).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden), "another officer's firm");
    let (status, _) = app_error(send(&leader, set("contacted", vec![])).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let project_form = [
        ("name", "赛峰航空发动机部件项目"),
        ("investor", "Safran Aircraft Engines"),
        ("investor_country", "FR"),
        ("industry_chain_id", "5"),
        ("total_investment", "3.5"),
        ("capital_kind", "foreign"),
        ("source", "brochure"),
        ("stage", "negotiating"),
    ];
    let r = officer.call::<app::projects::api::RegisterProject>(&project_form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let project: i64 = r.json().await.unwrap();
    let r = send(
        &officer,
        set("became_project", vec![("project_id", project.to_string()), ("last_contact_on", "2026-11-30".into())]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let now = officer.call::<GetTargetFirm>(&[("id", &safran_id.to_string())]).await.json::<Value>().await.unwrap();
    assert_eq!(
        (now["firm"]["status"].as_str(), now["firm"]["project_id"].as_i64()),
        (Some("became_project"), Some(project))
    );
    assert_eq!(now["firm"]["overdue"], false, "a firm that became a project is not overdue");
    let (_, page) = leader.page(&format!("/promotion/firms/{safran_id}")).await;
    assert!(page.contains("Became a project") && page.contains(&format!("/projects/{project}")), "{page}");
    assert!(!page.contains("Approach and next step"), "no form for a leader");
    let (status, e) = app_error(send(&officer, set("contacted", vec![])).await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion), "the version read before");

    // Imports and changes are audited.
    let history = app.call::<app::admin::api::ListAudit>(&[]).await.text().await.unwrap();
    assert_eq!(history.matches("\"target_firms_imported\"").count(), 2, "{history}");
    assert_eq!(history.matches("\"target_firm_approach_changed\"").count(), 1, "{history}");
}
both!(an_officer_imports_target_firms_fixes_the_refused_rows_and_follows_one_up);

async fn a_spreadsheet_of_five_thousand_firms_goes_in_at_once(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let names: Vec<String> = (0..5000).map(|i| format!("Firm {i:04} GmbH")).collect();
    let rows: Vec<[&str; 11]> =
        names.iter().map(|n| [n.as_str(), "", "DE", "", "", "medium", "", "", "", "", "2031-01-01"]).collect();
    let id = upload(&officer, "five-thousand.xlsx", xlsx(&rows)).await;
    let p = preview(&officer, id).await;
    assert_eq!((p["total"].as_i64(), p["new"].as_i64()), (Some(5000), Some(5000)));
    assert_eq!(p["good"].as_array().unwrap().len(), app::promotion::target_firms::PREVIEW_ROWS);
    let r = officer.call::<ConfirmFirmImport>(&[("id", &id.to_string())]).await;
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([5000, 0]));
    let list = firms(&officer, &[("page", "99")]).await;
    assert_eq!((list["total"].as_i64(), list["items"][0]["name"].as_str()), (Some(5000), Some("Firm 4950 GmbH")));

    // The template, filled in the reader's language, is read back as it was written.
    let r = officer.get("/promotion/firms/template.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    let template = r.bytes().await.unwrap().to_vec();
    let text = String::from_utf8(template.clone()).unwrap();
    assert!(text.starts_with("\u{feff}Name,Chinese name,Country,Sub-chain,Segments,Size"), "{text}");
    let id = upload(&officer, "template.csv", template).await;
    let p = preview(&officer, id).await;
    assert_eq!((p["new"].as_i64(), p["good"][0]["firm"]["country"].as_str()), (Some(1), Some("DE")), "{p}");
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    assert_eq!(leader.get("/promotion/firms/template.csv").await.status(), StatusCode::FORBIDDEN);

    // A file that is no spreadsheet goes back to the form, which says why.
    let r = officer.upload("/promotion/firms/import", "firms.xlsx", b"PK not a zip".to_vec()).await;
    assert_eq!(location(&r), "/promotion/firms/import?error=unreadable_file");
    let (_, page) = officer.page("/promotion/firms/import?error=unreadable_file").await;
    assert!(page.contains("This file cannot be read"), "{page}");
}
both!(a_spreadsheet_of_five_thousand_firms_goes_in_at_once);
