//! The project register's figures: an admin keeps the counties; an officer records a trade
//! fair and the projects signed there, and the fair's page counts what it produced; the lists
//! filter, sort and export; the start and completion rates of a cohort come out of the dated
//! stage log as a hand count gives them, for the city, by chain and by county.

use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

fn codes(e: &AppError) -> Vec<(String, FieldCode)> {
    e.field_errors().iter().map(|f| (f.field.clone(), f.code)).collect()
}

async fn json(r: reqwest::Response) -> Value {
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn add_county(who: &TestApp, zh: &str, en: &str, fr: &str) -> reqwest::Response {
    who.call::<app::projects::counties::AddCounty>(&[("name_zh", zh), ("name_en", en), ("name_fr", fr)]).await
}

/// A project registered at `stage` on `since`, from the fields given over these defaults.
pub(crate) async fn register(who: &TestApp, fields: &[(&str, &str)]) -> i64 {
    let mut form: Vec<(&str, &str)> = vec![
        ("investor", "Lumière Composites SAS"),
        ("investor_country", "FR"),
        ("capital_kind", "foreign"),
        ("source", "other"),
        ("stage", "lead"),
    ];
    for (k, v) in fields {
        form.retain(|(key, _)| key != k);
        form.push((k, v));
    }
    let r = who.call::<app::projects::api::RegisterProject>(&form).await;
    let status = r.status();
    let body = r.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    body.parse().unwrap()
}

pub(crate) async fn pass_reviews(who: &TestApp, id: i64) {
    for aspect in ["authenticity", "legality", "feasibility"] {
        let form =
            [("id", id.to_string()), ("aspect", aspect.into()), ("passed", "true".into()), ("finding", "核实".into())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(who.call::<app::projects::api::ReviewProject>(&form).await.status(), StatusCode::OK);
    }
}

/// Move the project on `on` (today when empty), from the version its page shows.
pub(crate) async fn move_on(who: &TestApp, id: i64, to: &str, on: &str, reason: &str) {
    let p = json(who.call::<app::projects::api::GetProject>(&[("id", &id.to_string())]).await).await;
    let version = p["version"].as_i64().unwrap().to_string();
    let id_text = id.to_string();
    let form =
        [("id", id_text.as_str()), ("version", &version), ("to_stage", to), ("moved_on", on), ("reason", reason)];
    let r = who.call::<app::projects::api::MoveProject>(&form).await;
    let status = r.status();
    assert_eq!(status, StatusCode::OK, "{id} to {to} on {on}: {}", r.text().await.unwrap());
}

/// Record a month's capital in place for a project.
pub(crate) async fn capital(who: &TestApp, id: i64, month: &str, domestic: &str, foreign: &str) -> reqwest::Response {
    let id = id.to_string();
    let form = [("id", id.as_str()), ("month", month), ("domestic", domestic), ("foreign", foreign)];
    who.call::<app::projects::capital::RecordCapital>(&form).await
}

/// The started projects whose check is overdue (one leader's when given).
async fn overdue(who: &TestApp, leader: Option<&str>) -> Value {
    let form: Vec<(&str, &str)> = leader.map(|l| vec![("leader_id", l)]).unwrap_or_default();
    json(who.call::<app::projects::checks::OverdueChecks>(&form).await).await
}

async fn list(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    json(who.call::<app::projects::api::ListProjects>(&form).await).await
}

fn names(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_string()).collect()
}

async fn an_event_counts_what_was_signed_there_and_the_lists_filter_and_export(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let protocol = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;

    // The admins keep the counties; nobody else may, and a name is not given twice.
    let r = add_county(&officer, "高新区", "High-tech zone", "Zone de haute technologie").await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let (status, page) = officer.page("/projects/counties").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("counties-add") && !page.contains("name_zh"), "no form for an officer");
    let zone: i64 =
        add_county(&app, "高新区", "High-tech zone", "Zone de haute technologie").await.json().await.unwrap();
    let east: i64 = add_county(&app, "东城区", "East district", "District Est").await.json().await.unwrap();
    let (status, e) = app_error(add_county(&app, " 高新区 ", "Again", "Encore").await).await;
    assert_eq!((status, codes(&e)), (StatusCode::UNPROCESSABLE_ENTITY, vec![("name_zh".into(), FieldCode::NameTaken)]));
    let counties = json(officer.call::<app::projects::counties::ListCounties>(&[]).await).await;
    assert_eq!(counties.as_array().unwrap().len(), 2);

    // An officer records the trade fair; bad dates are refused and nothing is saved.
    let fair = [
        ("kind", "trade_fair"),
        ("name", "第十届丝绸之路博览会"),
        ("starts_on", "2026-05-20"),
        ("ends_on", "2026-05-24"),
        ("place", "西安国际会展中心"),
    ];
    let mut bad = fair.to_vec();
    bad.retain(|(k, _)| *k != "ends_on" && *k != "kind");
    bad.extend([("ends_on", "2026-05-19"), ("kind", "party")]);
    let (status, e) = app_error(officer.call::<app::projects::events::api::RecordEvent>(&bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&e),
        [("kind".into(), FieldCode::UnknownEventKind), ("ends_on".into(), FieldCode::EndsBeforeStart)]
    );
    assert_eq!(json(officer.call::<app::projects::events::api::ListEvents>(&[]).await).await, serde_json::json!([]));
    let r = leader.call::<app::projects::events::api::RecordEvent>(&fair).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let r = officer.call::<app::projects::events::api::RecordEvent>(&fair).await;
    let fair_id: i64 = json(r).await.as_i64().unwrap();
    let fair_id_text = fair_id.to_string();

    // A project from an event names it; projects are signed there after their reviews.
    let (status, e) = app_error(
        officer
            .call::<app::projects::api::RegisterProject>(&[
                ("name", "x"),
                ("investor", "y"),
                ("total_investment", "1"),
                ("capital_kind", "foreign"),
                ("source", "event"),
                ("county_id", "999"),
                ("enclave_partner", "宝鸡市"),
                ("since", "+12345-01-01"),
            ])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let found = codes(&e);
    for expected in [
        ("event_id", FieldCode::EventRequired),
        ("county_id", FieldCode::UnknownCounty),
        ("enclave_partner", FieldCode::EnclaveNeedsBoth),
        ("since", FieldCode::InvalidDate),
    ] {
        assert!(found.contains(&(expected.0.to_string(), expected.1)), "{expected:?} in {found:?}");
    }
    let (zone_text, east_text) = (zone.to_string(), east.to_string());
    let at_fair = [("source", "event"), ("event_id", fair_id_text.as_str())];
    let a = register(
        &officer,
        &[
            &at_fair[..],
            &[
                ("name", "复合材料基地"),
                ("total_investment", "12.5"),
                ("county_id", &zone_text),
                ("industry_chain_id", "4"),
            ],
        ]
        .concat(),
    )
    .await;
    let b_ = register(
        &officer,
        &[
            &at_fair[..],
            &[
                ("name", "飞地电池项目"),
                ("total_investment", "0.0375"),
                ("county_id", &east_text),
                ("enclave_partner", "宝鸡市"),
                ("enclave_share_pct", "40"),
            ],
        ]
        .concat(),
    )
    .await;
    register(&officer, &[&at_fair[..], &[("name", "意向物流园"), ("total_investment", "3")]].concat()).await;
    register(&officer, &[("name", "其他项目"), ("total_investment", "100")]).await;
    for id in [a, b_] {
        pass_reviews(&officer, id).await;
        move_on(&officer, id, "signed", "", "").await;
    }
    move_on(&officer, b_, "started", "", "").await;
    let p = json(officer.call::<app::projects::api::GetProject>(&[("id", &b_.to_string())]).await).await;
    assert_eq!((p["enclave_partner"].as_str(), p["enclave_share_pct"].as_i64()), (Some("宝鸡市"), Some(40)));
    assert_eq!(p["event_name"], "第十届丝绸之路博览会");

    // What the fair produced is counted from its projects: two signed, 12.5375 亿元, one started.
    let events = json(leader.call::<app::projects::events::api::ListEvents>(&[]).await).await;
    assert_eq!(
        events[0]["produced"],
        serde_json::json!({ "signed": 2, "investment": 125_375, "started": 1, "completed": 0, "projects": 3 })
    );
    let (status, page) = leader.page(&format!("/projects/events/{fair_id}")).await;
    assert_eq!(status, StatusCode::OK);
    let produced = "2 projects signed, 12.5375 亿元 (× 100 million CNY) in all; 1 started, none completed.";
    assert!(page.contains(produced), "{page}");
    assert!(page.contains("复合材料基地") && page.contains("意向物流园") && !page.contains("其他项目"), "{page}");
    let (status, page) = protocol.page(&format!("/projects/events/{fair_id}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("丝绸之路博览会"), "{page}");
    let r = protocol.call::<app::projects::events::api::GetEvent>(&[("id", &fair_id_text)]).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));

    // The lists filter by stage, event, county, source and year, and sort.
    let all = list(&leader, &[]).await;
    assert_eq!((all["total"].as_i64(), all["total_investment"].as_i64()), (Some(4), Some(1_155_375)));
    assert_eq!(names(&list(&leader, &[("event_id", &fair_id_text), ("stage", "signed")]).await), ["复合材料基地"]);
    assert_eq!(list(&leader, &[("event_id", &fair_id_text)]).await["total"], 3);
    assert_eq!(names(&list(&leader, &[("county_id", &east_text)]).await), ["飞地电池项目"]);
    assert_eq!(list(&leader, &[("source", "other")]).await["total"], 1);
    assert_eq!(list(&leader, &[("year", "2026")]).await["total"], 4);
    assert_eq!(list(&leader, &[("year", "2020")]).await["total"], 0);
    let by_size = names(&list(&leader, &[("sort", "investment")]).await);
    assert_eq!(by_size, ["其他项目", "复合材料基地", "意向物流园", "飞地电池项目"]);

    // The export has the list's filters, headers in the reader's language, amounts exact.
    leader
        .client
        .post(leader.url("/lang"))
        .header("origin", &leader.address)
        .form(&[("lang", "en"), ("next", "/")])
        .send()
        .await
        .unwrap();
    let r = leader.get(&format!("/projects/export.csv?event_id={fair_id}&sort=investment")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = r.text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("Project name,Investor,Investor’s country"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("复合材料基地,Lumière Composites SAS,France,,Advanced materials,,High-tech zone,,12.5,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains(",Signed,"), "{}", lines[1]);
    assert!(lines[3].starts_with("飞地电池项目,") && lines[3].ends_with(",宝鸡市,40"), "{}", lines[3]);
    let r = protocol.get("/projects/export.csv").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(!r.text().await.unwrap().contains("复合材料基地"));

    // The figures follow each write: the started project is dropped, the signed one is
    // corrected as not from the fair after all.
    move_on(&officer, b_, "dropped", "", "投资方撤资").await;
    let p = json(officer.call::<app::projects::api::GetProject>(&[("id", &a.to_string())]).await).await;
    let (a_text, version) = (a.to_string(), p["version"].to_string());
    let r = officer
        .call::<app::projects::api::UpdateProject>(&[
            ("id", a_text.as_str()),
            ("version", version.as_str()),
            ("name", "复合材料基地"),
            ("investor", "Lumière Composites SAS"),
            ("total_investment", "12.5"),
            ("capital_kind", "foreign"),
            ("source", "other"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let events = json(leader.call::<app::projects::events::api::ListEvents>(&[]).await).await;
    assert_eq!(
        events[0]["produced"],
        serde_json::json!({ "signed": 0, "investment": 0, "started": 0, "completed": 0, "projects": 2 })
    );
}
both!(an_event_counts_what_was_signed_there_and_the_lists_filter_and_export);

async fn add_sub_chain(who: &TestApp, chain: &str, zh: &str, en: &str) -> reqwest::Response {
    let form = [("chain_id", chain), ("name_zh", zh), ("name_en", en), ("name_fr", en)];
    who.call::<app::projects::chains::AddSubChain>(&form).await
}

async fn the_admins_keep_the_chains_and_a_project_names_its_sub_chain(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;

    // Only the admins keep the chains: an officer's attempt changes nothing.
    let r = add_sub_chain(&officer, "5", "航空装备", "Aviation equipment").await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let (status, page) = officer.page("/projects/chains").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("name_zh"), "no form for an officer: {page}");
    assert_eq!(json(officer.call::<app::projects::chains::ListSubChains>(&[]).await).await, serde_json::json!([]));

    // Sub-chains under their chains, each Chinese name once within its chain.
    let aviation: i64 = add_sub_chain(&app, "5", "航空装备", "Aviation equipment").await.json().await.unwrap();
    let medicine: i64 = add_sub_chain(&app, "3", "现代医药", "Modern medicine").await.json().await.unwrap();
    let (_, e) = app_error(add_sub_chain(&app, "5", " 航空装备 ", "Again").await).await;
    assert_eq!(codes(&e), [("name_zh".to_string(), FieldCode::NameTaken)]);
    let (_, e) = app_error(add_sub_chain(&app, "999", "航空装备", "Aviation").await).await;
    assert_eq!(e, AppError::field("chain_id", FieldCode::UnknownIndustryChain));
    let r = app
        .call::<app::projects::chains::RenameSubChain>(&[
            ("id", &medicine.to_string()),
            ("name_zh", "现代医药"),
            ("name_en", "Modern medicines"),
            ("name_fr", "Médicaments modernes"),
            ("sort_order", "2"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    // A chain of its own, and not a second 新材料.
    let chain = [("name_zh", "数字经济"), ("name_en", "Digital economy"), ("name_fr", "Économie numérique")];
    assert_eq!(app.call::<app::projects::chains::AddChain>(&chain).await.status(), StatusCode::OK);
    let again = [("name_zh", "新材料"), ("name_en", "x"), ("name_fr", "x")];
    let (_, e) = app_error(app.call::<app::projects::chains::AddChain>(&again).await).await;
    assert_eq!(e, AppError::field("name_zh", FieldCode::NameTaken));
    let subs = json(officer.call::<app::projects::chains::ListSubChains>(&[]).await).await;
    assert_eq!(subs.as_array().unwrap().len(), 2);
    assert_eq!((subs[0]["name_en"].as_str(), subs[0]["chain_id"].as_i64()), (Some("Modern medicines"), Some(3)));
    let chains = json(officer.call::<app::enterprises::api::ListIndustryChains>(&[]).await).await;
    assert_eq!(chains.as_array().unwrap().last().unwrap()["name_en"], "Digital economy");
    let (_, page) = app.page("/projects/chains").await;
    assert!(page.contains("Modern medicines") && page.contains("数字经济"), "{page}");
    assert!(page.contains(&format!("/projects/chains?edit=sub-{medicine}")), "{page}");
    let (_, page) = app.page(&format!("/projects/chains?edit=sub-{medicine}")).await;
    assert!(
        page.contains(r#"value="Modern medicines""#) && page.contains(r#"value="2""#),
        "the form, filled in: {page}"
    );

    // A project names a sub-chain of its chain; one alone sets its chain.
    let aviation_text = aviation.to_string();
    let fields = [("name", "航空零部件项目"), ("total_investment", "2"), ("sub_chain_id", aviation_text.as_str())];
    let mut elsewhere = fields.to_vec();
    elsewhere.push(("industry_chain_id", "4"));
    let mut form = vec![("investor", "Aéro Précision SA"), ("capital_kind", "foreign"), ("source", "other")];
    form.extend(elsewhere);
    let (_, e) = app_error(officer.call::<app::projects::api::RegisterProject>(&form).await).await;
    assert_eq!(e, AppError::field("sub_chain_id", FieldCode::SubChainOutsideChain));
    let id = register(&officer, &fields).await;
    let p = json(officer.call::<app::projects::api::GetProject>(&[("id", &id.to_string())]).await).await;
    assert_eq!((p["summary"]["industry_chain_id"].as_i64(), p["sub_chain_id"].as_i64()), (Some(5), Some(aviation)));
    let (_, page) = officer.page(&format!("/projects/{id}")).await;
    assert!(page.contains("High-end equipment") && page.contains("Aviation equipment"), "{page}");
    let text = officer.get("/projects/export.csv").await.text().await.unwrap();
    let line = text.lines().find(|l| l.starts_with("航空零部件项目,")).unwrap_or_default();
    assert!(line.contains(",High-end equipment,Aviation equipment,"), "{text}");
}
both!(the_admins_keep_the_chains_and_a_project_names_its_sub_chain);

async fn the_rates_of_a_cohort_come_from_the_dated_stage_log(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let x: i64 = add_county(&app, "西城区", "West district", "District Ouest").await.json().await.unwrap();
    let y: i64 = add_county(&app, "东城区", "East district", "District Est").await.json().await.unwrap();
    let (x, y) = (x.to_string(), y.to_string());

    // Seven projects an office already follows, with the days they moved (as the unit test of
    // `projects::rates` has them): (name, chain, county, first stage and day, moves).
    type Moves<'a> = &'a [(&'a str, &'a str, &'a str)];
    let history: [(&str, &str, &str, &str, &str, Moves); 7] = [
        (
            "P1",
            "4",
            &x,
            "lead",
            "2024-11-02",
            &[("signed", "2025-02-10", ""), ("started", "2025-05-01", ""), ("completed", "2025-12-20", "")],
        ),
        ("P2", "4", &y, "negotiating", "2025-01-05", &[("signed", "2025-03-15", ""), ("started", "2025-09-01", "")]),
        ("P3", "1", &x, "lead", "2025-01-05", &[("signed", "2025-06-30", "")]),
        ("P4", "", "", "lead", "2025-03-01", &[("signed", "2025-04-01", ""), ("dropped", "2025-10-01", "投资方撤资")]),
        ("P5", "1", &x, "lead", "2024-10-01", &[("signed", "2024-12-31", ""), ("started", "2025-01-10", "")]),
        (
            "P6",
            "4",
            &x,
            "lead",
            "2025-06-01",
            &[("signed", "2025-07-01", ""), ("negotiating", "2025-07-10", "条款重谈"), ("signed", "2025-08-01", "")],
        ),
        ("P7", "", "", "lead", "2025-03-03", &[]),
    ];
    for (name, chain, county, stage, since, moves) in history {
        let fields = [
            ("name", name),
            ("total_investment", "1"),
            ("industry_chain_id", chain),
            ("county_id", county),
            ("stage", stage),
            ("since", since),
        ];
        let id = register(&officer, &fields).await;
        if moves.iter().any(|(to, ..)| *to == "signed") {
            pass_reviews(&officer, id).await;
        }
        for (to, on, reason) in moves {
            move_on(&officer, id, to, on, reason).await;
        }
    }
    // A move is not dated before the one it follows, nor after today.
    let p7 = list(&officer, &[("stage", "lead")]).await["items"][0]["id"].as_i64().unwrap().to_string();
    let early = [("id", p7.as_str()), ("version", "1"), ("to_stage", "negotiating"), ("moved_on", "2025-03-02")];
    let (_, e) = app_error(officer.call::<app::projects::api::MoveProject>(&early).await).await;
    assert_eq!(codes(&e), [("moved_on".into(), FieldCode::InvalidDate)]);

    let rates = |cohort: &'static str, days: &'static [(&'static str, &'static str)]| {
        let leader = &leader;
        async move {
            let mut form = vec![("cohort", cohort)];
            form.extend_from_slice(days);
            json(leader.call::<app::projects::rates::ProjectRates>(&form).await).await
        }
    };
    let counts =
        |v: &Value| (v["signed"].as_i64().unwrap(), v["started"].as_i64().unwrap(), v["completed"].as_i64().unwrap());
    // Signed in 2025: P1, P2, P3, P4, P6 (P5 was signed in 2024; P6's second signing is not a
    // second project); by the year's end P1 completed and P2 started.
    let year = rates("signed", &[("from", "2025-01-01"), ("to", "2025-12-31")]).await;
    assert_eq!(counts(&year["overall"]), (5, 2, 1));
    let line = |lines: &Value, key: Option<&str>| {
        let key: Value = key.map(|k| Value::from(k.parse::<i64>().unwrap())).unwrap_or(Value::Null);
        let found =
            lines.as_array().unwrap().iter().find(|l| l["key"] == key).unwrap_or_else(|| panic!("{key} in {lines}"));
        counts(&found["rates"])
    };
    assert_eq!(line(&year["by_chain"], Some("4")), (3, 2, 1), "P1, P2, P6");
    assert_eq!(line(&year["by_chain"], Some("1")), (1, 0, 0), "P3");
    assert_eq!(line(&year["by_chain"], None), (1, 0, 0), "P4, with no chain");
    assert_eq!(line(&year["by_county"], Some(&x)), (3, 1, 1), "P1, P3, P6");
    assert_eq!(line(&year["by_county"], Some(&y)), (1, 1, 0), "P2");
    // On the list on 2025-09-30: all but P7 (P4 not yet dropped); P1, P2 and P5 started.
    let autumn = rates("on_list", &[("at", "2025-09-30")]).await;
    assert_eq!(counts(&autumn["overall"]), (6, 3, 0));
    // On 2025-12-31, P4 is dropped and P1 completed.
    assert_eq!(counts(&rates("on_list", &[("at", "2025-12-31")]).await["overall"]), (5, 3, 1));

    // The same figures as the rules' own count over the log the database holds.
    let log: Vec<(i64, String, String)> = app::on_db!(&app.db, |pool| {
        sqlx::query_as::<_, (i64, String, String)>(
            "select project_id, to_stage, cast(moved_on as text) from project_moves order by id",
        )
        .fetch_all(pool)
        .await
    })
    .unwrap();
    let log: Vec<app::projects::LoggedMove> = log
        .into_iter()
        .map(|(project_id, to, on)| app::projects::LoggedMove {
            project_id,
            to: app::projects::Stage::parse(&to).unwrap(),
            on: on.parse().unwrap(),
        })
        .collect();
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let by_rules =
        app::projects::rates(&log, app::projects::Cohort::SignedBetween(day("2025-01-01"), day("2025-12-31")));
    assert_eq!((by_rules.signed, by_rules.started, by_rules.completed), (5, 2, 1));

    // The page shows the rates and their definitions, in the reader's language.
    let (status, page) = leader.page("/projects/rates?cohort=signed&from=2025-01-01&to=2025-12-31").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("40.00%") && page.contains("20.00%"), "{page}");
    assert!(page.contains("Start rate = started ÷ signed."), "{page}");
    leader
        .client
        .post(leader.url("/lang"))
        .header("origin", &leader.address)
        .form(&[("lang", "fr"), ("next", "/")])
        .send()
        .await
        .unwrap();
    let (_, page) = leader.page("/projects/rates?cohort=on_list&at=2025-09-30").await;
    assert!(page.contains("50,00\u{202F}%") && page.contains("Taux de démarrage = démarrés ÷ signés"), "{page}");

    // A period that ends before it starts, or an unknown cohort, is refused with its reason.
    let r = leader
        .call::<app::projects::rates::ProjectRates>(&[
            ("cohort", "signed"),
            ("from", "2025-12-31"),
            ("to", "2025-01-01"),
        ])
        .await;
    let (status, e) = app_error(r).await;
    assert_eq!(
        (status, codes(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("to".into(), FieldCode::EndsBeforeStart)])
    );
    let r = leader.call::<app::projects::rates::ProjectRates>(&[("cohort", "everything")]).await;
    assert_eq!(codes(&app_error(r).await.1), [("cohort".into(), FieldCode::UnknownCohort)]);

    // The server keeps the figures it computed, but never past a change: P3 starts in
    // November, and the year's signings now count three started.
    let p3 =
        list(&officer, &[("stage", "signed"), ("industry_chain_id", "1")]).await["items"][0]["id"].as_i64().unwrap();
    move_on(&officer, p3, "started", "2025-11-01", "").await;
    let year = rates("signed", &[("from", "2025-01-01"), ("to", "2025-12-31")]).await;
    assert_eq!(counts(&year["overall"]), (5, 3, 1));
    assert_eq!(line(&year["by_chain"], Some("1")), (1, 1, 0), "P3, started");
    // As it stood on 2025-09-30, nothing changed.
    assert_eq!(counts(&rates("on_list", &[("at", "2025-09-30")]).await["overall"]), (6, 3, 0));
}
both!(the_rates_of_a_cohort_come_from_the_dated_stage_log);

async fn capital_in_place_adds_up_and_leaders_tasks_count_their_projects(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let other = app.signed_in("officer2@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let leaders = json(app.call::<app::enterprises::api::ListLeaders>(&[]).await).await;
    let leader_id = leaders[0]["id"].as_i64().unwrap().to_string();

    // The admins set a leader's target for 2025; nobody else may.
    let target =
        [("leader_id", leader_id.as_str()), ("year", "2025"), ("target_projects", "2"), ("target_investment", "15")];
    let r = officer.call::<app::projects::tasks::SetLeaderTarget>(&target).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let bad = [("leader_id", "999"), ("year", "1900"), ("target_projects", "-1"), ("target_investment", "1,5")];
    let (_, e) = app_error(app.call::<app::projects::tasks::SetLeaderTarget>(&bad).await).await;
    let fields: Vec<String> = codes(&e).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["leader_id", "year", "target_projects", "target_investment"]);
    assert_eq!(app.call::<app::projects::tasks::SetLeaderTarget>(&target).await.status(), StatusCode::OK);

    // The leader's own visit, and the projects: two count, one was signed the year before and
    // one was dropped.
    let visit =
        [("kind", "leader_visit"), ("name", "赴法招商"), ("starts_on", "2025-03-10"), ("leader_id", &leader_id)];
    let visit_id = json(officer.call::<app::projects::events::api::RecordEvent>(&visit).await).await.to_string();
    let signed = |name: &'static str, amount: &'static str, on: &'static str, extra: Vec<(&'static str, String)>| {
        let officer = &officer;
        async move {
            let mut fields = vec![("name", name), ("total_investment", amount), ("since", "2024-06-01")];
            fields.extend(extra.iter().map(|(k, v)| (*k, v.as_str())));
            let id = register(officer, &fields).await;
            pass_reviews(officer, id).await;
            move_on(officer, id, "signed", on, "").await;
            id
        }
    };
    let led = vec![("leader_id", leader_id.clone())];
    let a = signed("包抓项目", "10", "2025-03-01", led.clone()).await;
    signed("出访签约项目", "2.5", "2025-03-12", vec![("source", "event".into()), ("event_id", visit_id.clone())]).await;
    signed("上年项目", "7", "2024-12-01", led.clone()).await;
    let dropped = signed("终止项目", "9", "2025-05-01", led.clone()).await;
    move_on(&officer, dropped, "dropped", "2025-06-01", "投资方退出").await;

    let tasks = json(leader.call::<app::projects::tasks::LeaderTasks>(&[("year", "2025")]).await).await;
    let task = &tasks["tasks"][0];
    assert_eq!((task["signed"].as_i64(), task["investment"].as_i64()), (Some(2), Some(125_000)), "{tasks}");
    assert_eq!((task["target_projects"].as_i64(), task["target_investment"].as_i64()), (Some(2), Some(150_000)));
    assert_eq!(tasks["editable"], false, "a leader reads the tasks, the admins set them");
    let (_, page) = leader.page("/projects/tasks?year=2025").await;
    assert!(page.contains("100.00%") && page.contains("83.33%"), "2 of 2 projects, 12.5 of 15 亿元: {page}");
    // Each leader finds their own line first.
    let second = app.signed_in("leader2@liaison.test", "leader", "").await;
    let all = json(app.call::<app::enterprises::api::ListLeaders>(&[]).await).await;
    let ids: Vec<String> = all.as_array().unwrap().iter().map(|l| l["id"].to_string()).collect();
    let second_id = ids.iter().find(|id| **id != leader_id).unwrap().clone();
    let theirs =
        [("leader_id", second_id.as_str()), ("year", "2025"), ("target_projects", "1"), ("target_investment", "1")];
    assert_eq!(app.call::<app::projects::tasks::SetLeaderTarget>(&theirs).await.status(), StatusCode::OK);
    for (who, id) in [(&second, &second_id), (&leader, &leader_id)] {
        let tasks = json(who.call::<app::projects::tasks::LeaderTasks>(&[("year", "2025")]).await).await;
        assert_eq!(tasks["tasks"].as_array().unwrap().len(), 2, "{tasks}");
        assert_eq!(tasks["tasks"][0]["leader_id"].to_string(), *id, "{tasks}");
    }

    // Capital in place, month by month; a month recorded again is corrected, not added twice.
    assert_eq!(capital(&officer, a, "2025-05", "1.2", "").await.status(), StatusCode::OK);
    assert_eq!(capital(&officer, a, "2025-06", "0.3", "1,000,000.50").await.status(), StatusCode::OK);
    assert_eq!(capital(&officer, a, "2025-06", "0.3", "2,000,000").await.status(), StatusCode::OK);
    let (status, e) = app_error(capital(&officer, a, "2099-01", "x", "-5").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&e),
        [
            ("month".into(), FieldCode::DateInFuture),
            ("domestic".into(), FieldCode::InvalidYiAmount),
            ("foreign".into(), FieldCode::InvalidAmount)
        ]
    );
    assert_eq!(
        app_error(capital(&other, a, "2025-07", "1", "").await).await,
        (StatusCode::FORBIDDEN, AppError::Forbidden)
    );
    let lead = register(&officer, &[("name", "线索项目"), ("total_investment", "1")]).await;
    let (_, e) = app_error(capital(&officer, lead, "2025-07", "1", "").await).await;
    assert_eq!(codes(&e), [("month".into(), FieldCode::NotSignedYet)]);
    let p = json(officer.call::<app::projects::api::GetProject>(&[("id", &a.to_string())]).await).await;
    let months: Vec<(String, i64, i64)> = p["capital"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["domestic"].as_i64().unwrap(),
                m["foreign_usd_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(months, [("2025-06-01".into(), 3_000, 200_000_000), ("2025-05-01".into(), 12_000, 0)]);
    // The city's capital actually used over 2025 adds the months up, exactly.
    let year = json(
        leader
            .call::<app::projects::rates::ProjectRates>(&[
                ("cohort", "signed"),
                ("from", "2025-01-01"),
                ("to", "2025-12-31"),
            ])
            .await,
    )
    .await;
    assert_eq!(year["capital"], serde_json::json!({ "domestic": 15_000, "foreign_usd_cents": 200_000_000 }));
    let (_, page) = leader.page("/projects/rates?cohort=signed&from=2025-01-01&to=2025-12-31").await;
    assert!(page.contains("1.5 亿元 of domestic capital and $2,000,000.00 of foreign capital"), "{page}");
}
both!(capital_in_place_adds_up_and_leaders_tasks_count_their_projects);

async fn a_health_check_routes_its_problem_to_a_department_and_overdue_checks_are_listed(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let other = app.signed_in("officer2@liaison.test", "liaison_officer", "").await;
    let tax = app.signed_in("tax@liaison.test", "department_liaison", "tax").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let leaders = json(app.call::<app::enterprises::api::ListLeaders>(&[]).await).await;
    let leader_id = leaders[0]["id"].as_i64().unwrap().to_string();
    let departments = json(app.call::<app::admin::api::ListDepartments>(&[]).await).await;
    let tax_id = departments.as_array().unwrap().iter().find(|d| d["code"] == "tax").unwrap()["id"].to_string();

    // The investor has registered its local company: the project names it by its credit code.
    let r = officer
        .call::<app::enterprises::api::RegisterEnterprise>(&[
            ("name_zh", "里尔复合材料（西安）有限公司"),
            ("name_original", "Lumière Composites Xi'an Co., Ltd."),
            ("credit_code", "91350100M000100Y43"),
            ("country", "FR"),
            ("lifecycle", "established"),
        ])
        .await;
    let enterprise: i64 = json(r).await.as_i64().unwrap();
    let unknown = [
        ("name", "x"),
        ("investor", "y"),
        ("total_investment", "1"),
        ("capital_kind", "foreign"),
        ("source", "other"),
        ("credit_code", "91110000802100433B"),
    ];
    let (_, e) = app_error(officer.call::<app::projects::api::RegisterProject>(&unknown).await).await;
    assert_eq!(codes(&e), [("credit_code".into(), FieldCode::EnterpriseNotFound)]);
    let plant = register(
        &officer,
        &[
            ("name", "新材料工厂"),
            ("total_investment", "8"),
            ("leader_id", &leader_id),
            ("since", "2025-01-01"),
            ("credit_code", "91350100m000100y43 "),
        ],
    )
    .await;
    pass_reviews(&officer, plant).await;
    move_on(&officer, plant, "signed", "2025-02-01", "").await;
    let id = plant.to_string();
    let check = |kind: &'static str, progress: &'static str, problem: &'static str, department: String| {
        let (officer, id) = (&officer, id.clone());
        async move {
            let form = [
                ("id", id.as_str()),
                ("kind", kind),
                ("progress_pct", progress),
                ("findings", "主体结构完成"),
                ("problem", problem),
                ("department_id", department.as_str()),
            ];
            officer.call::<app::projects::checks::RecordCheck>(&form).await
        }
    };
    // Only a started project is checked.
    let (_, e) = app_error(check("health_check", "10", "", String::new()).await).await;
    assert_eq!(codes(&e), [("kind".into(), FieldCode::NotStarted)]);
    move_on(&officer, plant, "started", "2025-03-01", "").await;

    // Started on 2025-03-01 and never checked: overdue, flagged for its leader.
    let list = overdue(&app, Some(&leader_id)).await;
    assert_eq!(list["interval_days"], 30);
    assert_eq!(list["items"][0]["name"], "新材料工厂");
    assert_eq!(
        (list["items"][0]["last_on"].as_str(), list["items"][0]["due_on"].as_str()),
        (Some("2025-03-01"), Some("2025-03-31"))
    );
    let (_, page) = leader.page("/projects/checks").await;
    assert!(page.contains("新材料工厂"), "{page}");
    // A project of nobody's, waiting longer, comes first for the admin; the leader's own comes
    // first for the leader, marked as theirs.
    let depot =
        register(&officer, &[("name", "物流仓储中心"), ("total_investment", "1"), ("since", "2024-12-01")]).await;
    pass_reviews(&officer, depot).await;
    move_on(&officer, depot, "signed", "2025-01-10", "").await;
    move_on(&officer, depot, "started", "2025-02-01", "").await;
    let first = |list: &Value| list["items"][0]["name"].as_str().map(str::to_string);
    assert_eq!(first(&overdue(&app, None).await).as_deref(), Some("物流仓储中心"));
    assert_eq!(first(&overdue(&leader, None).await).as_deref(), Some("新材料工厂"));
    let (_, page) = leader.page("/projects/checks").await;
    let (own, theirs) = (page.find("新材料工厂").unwrap(), page.find("物流仓储中心").unwrap());
    assert!(own < theirs && page[own..theirs].contains("class=\"badge\""), "{page}");
    let (_, page) = app.page("/projects/checks").await;
    assert!(!page.contains("class=\"badge\">"), "nobody's project is the admin's: {page}");
    move_on(&officer, depot, "dropped", "", "投资方撤资").await;
    // The interval is the admins' to set, a year at the most; it moves the day a check is due.
    let r = officer.call::<app::projects::checks::SetCheckInterval>(&[("days", "366")]).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    for bad in ["0", "367", "x"] {
        let (_, e) = app_error(app.call::<app::projects::checks::SetCheckInterval>(&[("days", bad)]).await).await;
        assert_eq!(codes(&e), [("days".into(), FieldCode::DaysOutOfRange)]);
    }
    assert_eq!(app.call::<app::projects::checks::SetCheckInterval>(&[("days", "366")]).await.status(), StatusCode::OK);
    assert_eq!(overdue(&app, None).await["items"][0]["due_on"], "2026-03-02");
    assert_eq!(app.call::<app::projects::checks::SetCheckInterval>(&[("days", "30")]).await.status(), StatusCode::OK);

    // Bad input is refused whole; another officer may not check the project.
    let (_, e) = app_error(check("audit", "101", "", tax_id.clone()).await).await;
    let found = codes(&e);
    assert_eq!(
        found,
        [
            ("kind".into(), FieldCode::UnknownCheckKind),
            ("progress_pct".into(), FieldCode::InvalidShare),
            ("problem".into(), FieldCode::Required)
        ]
    );
    let form = [("id", id.as_str()), ("kind", "site_visit"), ("progress_pct", "50")];
    let r = other.call::<app::projects::checks::RecordCheck>(&form).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));

    // A check finds a tax problem and sends it to the tax department, as a case with its task.
    let r = check("health_check", "60", "设备进口增值税退税未到账", tax_id.clone()).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    let p = json(officer.call::<app::projects::api::GetProject>(&[("id", &id)]).await).await;
    let recorded = &p["checks"][0];
    assert_eq!(
        (recorded["progress_pct"].as_i64(), recorded["problem"].as_str()),
        (Some(60), Some("设备进口增值税退税未到账"))
    );
    let case_id = recorded["case_id"].as_i64().expect("a case opened");
    assert!(recorded["case_reference"].as_str().is_some_and(|r| !r.is_empty()));
    let inbox = tax.call::<app::cases::api::MyTasks>(&[]).await.text().await.unwrap();
    assert!(inbox.contains("新材料工厂") && inbox.contains("设备进口增值税退税未到账"), "{inbox}");
    let case = json(officer.call::<app::cases::api::GetCase>(&[("id", &case_id.to_string())]).await).await;
    assert_eq!(case["summary"]["case_type"], "tax", "{case}");
    assert_eq!(case["summary"]["enterprise_id"], enterprise, "the case belongs to the project's enterprise");
    assert_eq!(p["enterprise_name"], "里尔复合材料（西安）有限公司");
    // Checked today: no longer overdue, and the next check is due in 30 days.
    assert_eq!(overdue(&app, None).await["items"], serde_json::json!([]));
    let due = app::domain::office_today(chrono::Utc::now()) + chrono::Duration::days(30);
    assert_eq!(p["next_check_on"].as_str(), Some(due.to_string().as_str()));
}
both!(a_health_check_routes_its_problem_to_a_department_and_overdue_checks_are_listed);

async fn a_county_officer_sees_and_works_only_their_countys_projects(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let west: i64 = add_county(&app, "西城区", "West district", "District Ouest").await.json().await.unwrap();
    let east: i64 = add_county(&app, "东城区", "East district", "District Est").await.json().await.unwrap();
    let (west, east) = (west.to_string(), east.to_string());

    // A county officer belongs to a county, as the admin must say; one that is not is refused.
    let password = "a long enough password";
    let account = |county: &'static str| {
        [
            ("email", "west@liaison.test"),
            ("display_name", "West district officer"),
            ("role", "county_officer"),
            ("department_id", ""),
            ("county_id", county),
            ("locale", "en"),
            ("password", password),
        ]
    };
    let (status, e) = app_error(app.call::<app::admin::api::CreateUser>(&account("")).await).await;
    assert_eq!(
        (status, codes(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("county_id".into(), FieldCode::CountyRequired)])
    );
    let (_, e) = app_error(app.call::<app::admin::api::CreateUser>(&account("999")).await).await;
    assert_eq!(codes(&e), [("county_id".into(), FieldCode::UnknownCounty)]);
    let mut form = account("").to_vec();
    form.retain(|(k, _)| *k != "county_id");
    form.push(("county_id", &west));
    assert_eq!(app.call::<app::admin::api::CreateUser>(&form).await.status(), StatusCode::OK);
    let county = app.another_browser();
    county.first_sign_in("west@liaison.test", password).await;

    // The city's officer registers a project in each district.
    let in_west =
        register(&officer, &[("name", "西城新材料项目"), ("total_investment", "3"), ("county_id", &west)]).await;
    let in_east =
        register(&officer, &[("name", "东城物流园项目"), ("total_investment", "5"), ("county_id", &east)]).await;

    // The county officer's register, page and export hold their district's project only.
    assert_eq!(names(&list(&county, &[]).await), ["西城新材料项目"]);
    assert_eq!(names(&list(&county, &[("county_id", &east)]).await), Vec::<String>::new());
    let (status, page) = county.page("/projects").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("西城新材料项目") && !page.contains("东城物流园项目"), "{page}");
    let csv = county.get("/projects/export.csv").await.text().await.unwrap();
    assert!(csv.contains("西城新材料项目") && !csv.contains("东城物流园项目"), "{csv}");
    let east_page = county.call::<app::projects::api::GetProject>(&[("id", &in_east.to_string())]).await;
    assert_eq!(app_error(east_page).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let (status, page) = county.page(&format!("/projects/{in_east}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("东城物流园项目"), "{page}");

    // They work their district's projects, whoever follows them, and no other.
    let west_project = json(county.call::<app::projects::api::GetProject>(&[("id", &in_west.to_string())]).await).await;
    assert_eq!(west_project["editable"], true, "{west_project}");
    move_on(&county, in_west, "negotiating", "", "").await;
    let moved = json(officer.call::<app::projects::api::GetProject>(&[("id", &in_west.to_string())]).await).await;
    assert_eq!(moved["summary"]["stage"], "negotiating");
    let early = [("id", in_east.to_string()), ("version", "1".into()), ("to_stage", "negotiating".into())];
    let early: Vec<(&str, &str)> = early.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = county.call::<app::projects::api::MoveProject>(&early).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let unmoved = json(officer.call::<app::projects::api::GetProject>(&[("id", &in_east.to_string())]).await).await;
    assert_eq!(unmoved["summary"]["stage"], "lead");

    // What they register is built in their district: none named is theirs, another is refused.
    let theirs = register(&county, &[("name", "西城仓储项目"), ("total_investment", "1")]).await;
    let theirs = json(county.call::<app::projects::api::GetProject>(&[("id", &theirs.to_string())]).await).await;
    assert_eq!(theirs["summary"]["county_id"].as_i64().map(|c| c.to_string()), Some(west.clone()));
    let elsewhere = [
        ("name", "越界项目"),
        ("investor", "X"),
        ("total_investment", "1"),
        ("capital_kind", "domestic"),
        ("source", "other"),
        ("county_id", east.as_str()),
    ];
    let (_, e) = app_error(county.call::<app::projects::api::RegisterProject>(&elsewhere).await).await;
    assert_eq!(codes(&e), [("county_id".into(), FieldCode::OutsideCounty)]);
    assert!(!names(&list(&officer, &[]).await).contains(&"越界项目".to_string()), "nothing saved");

    // The rest of the office is not theirs to read.
    let r = county.call::<app::enterprises::api::ListEnterprises>(&[]).await;
    assert_eq!(app_error(r).await, (StatusCode::FORBIDDEN, AppError::Forbidden));
    let (status, page) = county.page("/cases").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("case-table"), "{page}");
    // The city's officers still read every district.
    assert_eq!(names(&list(&officer, &[("sort", "name")]).await).len(), 3);
}
both!(a_county_officer_sees_and_works_only_their_countys_projects);
