//! What staff may not read: every route and server function refuses without a word of the
//! records it guards; files taken are audited; a wild page number is a clear answer.

use crate::both;
use crate::cases::{case, officer_with_enterprise, open_case};
use crate::common::*;
use reqwest::StatusCode;

/// Planted in every free-text field of the records below.
const MARKER: &str = "ZZLEAK7Q";
/// The delegation member's passport number: whole only for the delegation's officer.
const PASSPORT: &str = "E98765432";

/// The records another person owns, each field carrying the marker; their ids by kind.
struct Planted {
    enterprise: i64,
    case: i64,
    delegation: i64,
    city: i64,
    project: i64,
    event: i64,
    policy: i64,
    sub_chain: i64,
    firm: i64,
    firm_import: i64,
    lead: i64,
    promoted: i64,
    brochure: i64,
    user: i64,
}

async fn plant(app: &TestApp, owner: &TestApp, enterprise: i64, protocol: &TestApp) -> Planted {
    let r = open_case(owner, enterprise, "VAT refund").await;
    assert_eq!(r.status(), StatusCode::OK);
    let case_id: i64 = r.json().await.unwrap();
    let sid = case_id.to_string();
    assert_eq!(
        owner.call::<app::cases::api::AddCaseNote>(&[("id", &sid), ("note", &format!("note {MARKER}"))]).await.status(),
        StatusCode::OK
    );
    let customs =
        app::admin::db::departments::list(&app.db).await.unwrap().into_iter().find(|d| d.code == "customs").unwrap().id;
    let r = owner
        .call::<app::cases::api::RouteCase>(&[
            ("id", &sid),
            ("department_ids[]", &customs.to_string()),
            ("instructions", &format!("instr {MARKER}")),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    let form = [
        ("direction", "incoming"),
        ("title", "里尔市代表团"),
        ("organisation", "Métropole Européenne de Lille"),
        ("language", "fr"),
        ("starts_on", "2027-03-02"),
        ("ends_on", "2027-03-04"),
        ("purpose", "Lettre d’intention"),
        ("countries[]", "FR"),
    ];
    let r = protocol.call::<app::delegations::api::CreateDelegation>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let delegation: i64 = r.json().await.unwrap();
    let d = delegation.to_string();
    let member = [
        ("id", d.as_str()),
        ("passport_name", "DUBOIS Marie"),
        ("member_language", "fr"),
        ("passport_number", PASSPORT),
    ];
    assert_eq!(protocol.call::<app::delegations::api::AddMember>(&member).await.status(), StatusCode::OK);
    let gift = [
        ("id", d.as_str()),
        ("gift_direction", "received"),
        ("given_on", "2027-03-02"),
        ("gift_description", "Porcelaine"),
        ("value_cny", "300"),
        ("giver", "Mme Aubry"),
        ("receiver", "张市长"),
        ("disposition", "上交"),
    ];
    assert_eq!(protocol.call::<app::delegations::api::AddGift>(&gift).await.status(), StatusCode::OK);
    let city = crate::friendship_cities::city_form("prospective", "2026-03-15", "");
    let r = protocol.call::<app::friendship_cities::api::RegisterCity>(&city).await;
    assert_eq!(r.status(), StatusCode::OK);
    let city: i64 = r.json().await.unwrap();
    let r = owner
        .call::<app::projects::events::api::RecordEvent>(&[
            ("kind", "trade_fair"),
            ("name", "丝绸之路博览会"),
            ("starts_on", "2026-05-20"),
            ("place", "西安"),
            ("organiser", "商务厅"),
            ("notes", "签约仪式"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let event: i64 = r.json().await.unwrap();
    let r = owner
        .call::<app::projects::api::RegisterProject>(&[
            ("name", "里尔复合材料华中基地"),
            ("investor", "Lumière Composites SAS"),
            ("total_investment", "12.5"),
            ("capital_kind", "foreign"),
            ("source", "event"),
            ("event_id", &event.to_string()),
            ("park", "新材料产业园"),
            ("notes", "Rencontré au salon"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let project: i64 = r.json().await.unwrap();
    let r = app
        .call::<app::promotion::policies::api::RegisterPolicy>(&[
            ("title_zh", "外资奖励办法"),
            ("title_en", "Rewards for foreign investment"),
            ("issuer", "市人民政府"),
            ("issued_on", "2025-03-01"),
            ("summary_zh", "按实际到资奖励。"),
            ("summary_fr", "Une récompense au capital versé."),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let policy: i64 = r.json().await.unwrap();
    let form = [("chain_id", "5"), ("name_zh", "航空装备"), ("name_en", "Aviation"), ("name_fr", "Aéronautique")];
    let r = app.call::<app::projects::chains::AddSubChain>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let sub_chain: i64 = r.json().await.unwrap();
    let segment = [
        ("sub_chain_id", sub_chain.to_string()),
        ("link", "upstream".into()),
        ("name_zh", "航空材料".into()),
        ("name_en", "Materials".into()),
        ("name_fr", "Matériaux".into()),
    ];
    let segment: Vec<(&str, &str)> = segment.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(owner.call::<app::promotion::chain_maps::api::AddSegment>(&segment).await.status(), StatusCode::OK);
    let sheet = b"Name,Country,Officer,Contacts\nLumiere Aero,FR,officer1@liaison.test,Claire\n".to_vec();
    let r = owner.upload("/promotion/firms/import", "firms.csv", sheet).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let firm_import: i64 = location(&r).rsplit('/').next().unwrap().parse().unwrap();
    let r =
        owner.call::<app::promotion::target_firms::api::ConfirmFirmImport>(&[("id", &firm_import.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let firm =
        app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>("select id from target_firms").fetch_one(pool).await)
            .unwrap();

    let lead_form = [("title", "Lumière: an aero plant"), ("investor", "Lumiere Aero"), ("source", "target_firm")];
    let r = owner.call::<app::promotion::leads::api::OpenLead>(&lead_form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let lead: i64 = r.json().await.unwrap();

    let promoted_form = [
        ("title_zh", "航空材料项目"),
        ("description_zh", "复合材料生产线"),
        ("sub_chain_id", &sub_chain.to_string()),
        ("investment", "2"),
        ("cooperation", "open"),
    ];
    let r = owner.call::<app::promotion::promoted::api::RegisterPromoted>(&promoted_form).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    let promoted: i64 = r.json().await.unwrap();
    let brochure_form = [("number", "1"), ("theme_zh", "航空装备"), ("issued_on", "2026-03-15")];
    let r = owner.call::<app::promotion::brochures::api::CreateBrochure>(&brochure_form).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    let brochure: i64 = r.json().await.unwrap();

    // The marker goes into every free-text field (after the forms' own checks).
    for sql in [
        format!("update enterprises set name_zh = name_zh || '{MARKER}', name_original = name_original || '{MARKER}'"),
        format!("update cases set title = title || '{MARKER}', description = description || '{MARKER}'"),
        format!(
            "update delegations set title = title || '{MARKER}', organisation = organisation || '{MARKER}', \
             purpose = purpose || '{MARKER}'"
        ),
        format!("update delegation_members set passport_name = passport_name || '{MARKER}'"),
        format!(
            "update delegation_gifts set description = description || '{MARKER}', giver = giver || '{MARKER}', \
             receiver = receiver || '{MARKER}'"
        ),
        format!(
            "update partner_cities set name_zh = name_zh || '{MARKER}', name_original = name_original || '{MARKER}'"
        ),
        format!(
            "update projects set name = name || '{MARKER}', investor = investor || '{MARKER}', \
             notes = notes || '{MARKER}', park = park || '{MARKER}'"
        ),
        format!(
            "update promotion_events set name = name || '{MARKER}', place = place || '{MARKER}', \
             organiser = organiser || '{MARKER}', notes = notes || '{MARKER}'"
        ),
        format!(
            "update policy_documents set title_zh = title_zh || '{MARKER}', title_en = title_en || '{MARKER}', \
             summary_zh = summary_zh || '{MARKER}', summary_fr = summary_fr || '{MARKER}'"
        ),
        format!(
            "update chain_segments set name_zh = name_zh || '{MARKER}', name_en = name_en || '{MARKER}', \
             name_fr = name_fr || '{MARKER}'"
        ),
        format!(
            "update target_firms set name = name || '{MARKER}', contacts = contacts || '{MARKER}', \
             next_step = next_step || '{MARKER}'"
        ),
        format!("update target_firm_imports set file_name = file_name || '{MARKER}'"),
        format!("update leads set title = title || '{MARKER}', investor = investor || '{MARKER}'"),
        format!(
            "update promoted_projects set title_zh = title_zh || '{MARKER}', \
             description_zh = description_zh || '{MARKER}', offer_en = offer_en || '{MARKER}'"
        ),
        format!("update brochure_issues set theme_zh = theme_zh || '{MARKER}'"),
        format!("update users set display_name = display_name || '{MARKER}' where email = 'officer1@liaison.test'"),
    ] {
        app.execute(&sql).await;
    }
    let user = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select id from users where email = 'officer1@liaison.test'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    Planted {
        enterprise,
        case: case_id,
        delegation,
        city,
        project,
        event,
        policy,
        sub_chain,
        firm,
        firm_import,
        lead,
        promoted,
        brochure,
        user,
    }
}

/// A path of the router with its parameter filled by the planted record of its kind. A new
/// kind of parameter fails here until the test plants a record for it.
fn fill(path: &str, p: &Planted) -> String {
    if !path.contains('{') {
        return path.to_string();
    }
    let id = if path.starts_with("/enterprises/") {
        p.enterprise
    } else if path.starts_with("/cases/") {
        p.case
    } else if path.starts_with("/delegations/") {
        p.delegation
    } else if path.starts_with("/cities/") {
        p.city
    } else if path.starts_with("/projects/events/") {
        p.event
    } else if path.starts_with("/projects/") {
        p.project
    } else if path.starts_with("/promotion/policies/") {
        p.policy
    } else if path.starts_with("/promotion/leads/") {
        p.lead
    } else if path.starts_with("/promotion/firms/import/") {
        p.firm_import
    } else if path.starts_with("/promotion/firms/") {
        p.firm
    } else if path.starts_with("/promotion/chains/") {
        p.sub_chain
    } else if path.starts_with("/promotion/projects/") || path.starts_with("/portal/opportunities/") {
        p.promoted
    } else if path.starts_with("/promotion/brochures/") {
        p.brochure
    } else if path.starts_with("/admin/users/") {
        p.user
    } else if path == "/feeds/{file}" {
        return format!("/feeds/{}.ics", "0".repeat(48));
    } else {
        panic!("no planted record for the route {path}: plant one");
    };
    let start = path.find('{').unwrap();
    let end = path.find('}').unwrap();
    format!("{}{id}{}", &path[..start], &path[end + 1..])
}

/// Everyone of the stories below, signed in at a browser of their own, and what they own.
struct Staff {
    owner: TestApp,
    other_officer: TestApp,
    protocol: TestApp,
    other_protocol: TestApp,
    leader: TestApp,
    customs: TestApp,
    tax: TestApp,
    planted: Planted,
}

async fn staff(app: &TestApp) -> Staff {
    app.login_as_admin().await;
    let (owner, enterprise) = officer_with_enterprise(app, 1).await;
    let (other_officer, _) = officer_with_enterprise(app, 2).await;
    let protocol = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let other_protocol = app.signed_in("protocol2@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let tax = app.signed_in("tax@liaison.test", "department_liaison", "tax").await;
    let planted = plant(app, &owner, enterprise, &protocol).await;
    Staff { owner, other_officer, protocol, other_protocol, leader, customs, tax, planted }
}

async fn no_refused_caller_reads_a_word_of_what_a_route_guards(b: Backend) {
    let app = spawn_app(b).await;
    let Staff { owner, other_officer, protocol, other_protocol, leader, customs, tax, planted } = staff(&app).await;
    let nobody = app.another_browser();

    let callers = [
        ("nobody", &nobody),
        ("admin", &app),
        ("owner officer", &owner),
        ("other officer", &other_officer),
        ("delegation's officer", &protocol),
        ("other protocol officer", &other_protocol),
        ("leader", &leader),
        ("customs liaison", &customs),
        ("tax liaison", &tax),
    ];
    let paths = liaison_server::startup::get_paths();
    assert!(paths.iter().any(|p| p == "/cases/export.csv") && paths.iter().any(|p| p == "/cases/{id}"));
    let mut refused = 0;
    for path in &paths {
        let url = fill(path, &planted);
        for (who, caller) in &callers {
            let r = caller.get(&url).await;
            let status = r.status();
            let body = r.text().await.unwrap();
            assert!(status.as_u16() < 500, "{url} for {who}: {status}");
            let to_login = status.is_redirection() && body.is_empty();
            if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN || to_login {
                refused += 1;
                assert!(!body.contains(MARKER), "{url} refused to {who} ({status}) still holds the record: {body}");
            }
            if *who != "delegation's officer" {
                assert!(!body.contains(PASSPORT), "{url} shows the whole passport number to {who}");
            }
        }
    }
    assert!(refused > 100, "refusals were seen ({refused})");
    // The department liaison of the leak: refused, with a page saying so in their language.
    let r = customs.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let body = r.text().await.unwrap();
    assert!(body.contains("Not permitted") && !body.contains("VAT refund"), "{body}");
}
both!(no_refused_caller_reads_a_word_of_what_a_route_guards);

async fn server_functions_with_a_rule_per_record_refuse_without_a_word_of_it(b: Backend) {
    let app = spawn_app(b).await;
    let Staff { owner, other_officer, protocol, other_protocol, leader, customs, tax, planted } = staff(&app).await;
    let nobody = app.another_browser();
    let (pp, br) = (planted.promoted.to_string(), planted.brochure.to_string());
    let c = planted.case.to_string();
    let e = planted.enterprise.to_string();
    let p = planted.project.to_string();
    let ev = planted.event.to_string();
    let (f, fi, l) = (planted.firm.to_string(), planted.firm_import.to_string(), planted.lead.to_string());
    let task = case(&owner, planted.case).await["tasks"][0]["id"].to_string();

    // (who, function, form): each refused by a rule about this record.
    #[allow(clippy::type_complexity)]
    let refused: Vec<(&TestApp, &str, Vec<(&str, &str)>)> = vec![
        (&other_officer, "add_case_note", vec![("id", &c), ("note", "x")]),
        (&other_officer, "add_public_update", vec![("id", &c), ("public_en", "x")]),
        (&other_officer, "reset_access_code", vec![("id", &c)]),
        (&other_officer, "change_case_status", vec![("id", &c), ("version", "1"), ("to_status", "accepted")]),
        (
            &other_officer,
            "record_contact",
            vec![("id", &e), ("kind", "call"), ("contacted_on", "2026-11-20"), ("notes", "Phoned.")],
        ),
        (
            &other_officer,
            "review_project",
            vec![("id", &p), ("aspect", "legality"), ("passed", "true"), ("finding", "x")],
        ),
        (&other_officer, "move_project", vec![("id", &p), ("version", "1"), ("to_stage", "dropped"), ("reason", "x")]),
        (&protocol, "project", vec![("id", &p)]),
        (&protocol, "event", vec![("id", &ev)]),
        (&protocol, "project_rates", vec![]),
        (&owner, "rename_county", vec![("id", "1"), ("name_zh", "x"), ("name_en", "x"), ("name_fr", "x")]),
        (&tax, "update_task", vec![("id", &task), ("version", "1"), ("status", "in_progress")]),
        (&tax, "case", vec![("id", &c)]),
        (&customs, "enterprise", vec![("id", &e)]),
        (&other_officer, "firm_import", vec![("id", &fi)]),
        (&other_officer, "set_firm_approach", vec![("id", &f), ("version", "1"), ("status", "contacted")]),
        (&protocol, "target_firm", vec![("id", &f)]),
        (&protocol, "lead", vec![("id", &l)]),
        (&other_officer, "close_lead", vec![("id", &l), ("version", "1"), ("outcome", "closed"), ("reason", "x")]),
        (&protocol, "promoted_project", vec![("id", &pp)]),
        (&other_officer, "set_promoted_status", vec![("id", &pp), ("version", "1"), ("status", "published")]),
        (&protocol, "brochure", vec![("id", &br)]),
        (&leader, "remove_from_brochure", vec![("id", &br), ("project_id", &pp)]),
        (&nobody, "public_opportunity", vec![("id", &pp)]),
    ];
    for (who, function, form) in &refused {
        let r = who.call_path(function, form).await;
        let status = r.status();
        let body = r.text().await.unwrap();
        assert!(status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND, "{function}: {status} {body}");
        assert!(!body.contains(MARKER), "{function} refused still answers with the record: {body}");
    }
    // Another protocol officer reads the delegation, its passport numbers masked.
    let d = planted.delegation.to_string();
    let r = other_protocol.call::<app::delegations::api::GetDelegation>(&[("id", &d)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.text().await.unwrap();
    assert!(!body.contains(PASSPORT) && body.contains("DUBOIS"), "{body}");
    let r = protocol.call::<app::delegations::api::GetDelegation>(&[("id", &d)]).await;
    assert!(r.text().await.unwrap().contains(PASSPORT), "the delegation's officer reads it whole");
}
both!(server_functions_with_a_rule_per_record_refuse_without_a_word_of_it);

async fn files_taken_are_in_the_audit_log(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let files = [
        "/cases/export.csv?status=submitted",
        "/enterprises/export.csv",
        "/cities/export.csv",
        "/projects/export.csv?stage=signed",
    ];
    for path in files {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        // The file is taken whole before the next (one export at a time).
        r.bytes().await.unwrap();
    }
    let logged: Vec<(String, String)> = app::on_db!(&app.db, |pool| sqlx::query_as::<_, (String, String)>(
        "select entity_type, cast(changes as text) from audit_log where action = 'file_downloaded' order by id"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    let files: Vec<&str> = logged.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["cases.csv", "enterprises.csv", "cities.csv", "projects.csv"]);
    assert!(logged[0].1.contains("status=submitted"), "with its filters: {}", logged[0].1);
    // A refused export is not a download.
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    assert_eq!(leader.get("/admin/audit").await.status(), StatusCode::FORBIDDEN);
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    assert_eq!(customs.get("/cases/export.csv").await.status(), StatusCode::FORBIDDEN);
    let count = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'file_downloaded'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(count, 4);
}
both!(files_taken_are_in_the_audit_log);

async fn a_huge_page_number_or_a_wildcard_is_a_clear_answer_not_a_failure(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    for (function, form) in [
        ("audit", vec![("filter[page]", "9223372036854775807")]),
        ("cases", vec![("filter[page]", "9223372036854775807")]),
        ("enterprises", vec![("filter[page]", "-1")]),
        ("outbox", vec![("page", "99999999999")]),
    ] {
        let (status, e) = app_error(app.call_path(function, &form).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{function}");
        assert_eq!(e, app::error::AppError::field("page", app::error::FieldCode::PageOutOfRange));
    }
    // The pages themselves answer too (no 500).
    for path in ["/admin/audit?page=9223372036854775807", "/cases?page=9223372036854775807"] {
        assert!(app.get(path).await.status().as_u16() < 500, "{path}");
    }
    // `%` and `_` in the audit log's name filter are letters, not wildcards.
    let everyone: serde_json::Value =
        app.call::<app::admin::api::ListAudit>(&[("filter[actor]", "admin")]).await.json().await.unwrap();
    assert!(!everyone["entries"].as_array().unwrap().is_empty());
    let wildcard: serde_json::Value =
        app.call::<app::admin::api::ListAudit>(&[("filter[actor]", "%")]).await.json().await.unwrap();
    assert!(wildcard["entries"].as_array().unwrap().is_empty(), "{wildcard}");
    let one: serde_json::Value =
        app.call::<app::admin::api::ListAudit>(&[("filter[actor]", "_dmin")]).await.json().await.unwrap();
    assert!(one["entries"].as_array().unwrap().is_empty(), "{one}");
}
both!(a_huge_page_number_or_a_wildcard_is_a_clear_answer_not_a_failure);
