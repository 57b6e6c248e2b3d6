//! The model city's year as demo data: `liaison demo` loads it into a database that holds no
//! records yet (the first administrator is kept and still signs in), refuses to load it twice,
//! and the leader reads every figure of the model city's review exactly as `DOMAIN.md` gives it.

use crate::both;
use crate::common::*;
use crate::dashboard::{dashboard, figure, table};
use chrono::Datelike;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::Command;

fn liaison(database_url: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LIAISON_LOG", "error")
        .env("DATABASE_URL", database_url)
        .arg("demo");
    c
}

async fn the_model_citys_year_loads_and_its_figures_come_out_exactly(b: Backend) {
    let app = spawn_app(b).await;
    let year = app::domain::office_today(app::db::now()).year() - 1;

    let out = liaison(&app.database.url).output().expect("run liaison demo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}\n{}", stdout, String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("The model city's {year} is loaded")), "{stdout}");
    assert!(stdout.contains(app::demo::PASSWORD), "the password is printed: {stdout}");
    for email in ["admin@demo.liaison.example", "leader@demo.liaison.example", "li.na@demo.liaison.example"] {
        assert!(stdout.contains(email), "{email} in {stdout}");
    }
    assert!(stdout.contains(&format!("request LN-{}-", year + 1)), "a request to follow on the portal: {stdout}");

    // A second time, nothing is loaded: the database holds records now.
    let again = liaison(&app.database.url).output().expect("run liaison demo again");
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("already holds records (enterprises, cases, delegations"), "{stderr}");
    let users: i64 = app.db.one("select count(*) from users", &[]).await.unwrap();
    assert_eq!(users, 11, "the first administrator and the ten demo accounts, once");
    // The dashboard's running totals followed every case and task the demo wrote.
    crate::dashboard::assert_totals_agree(&app.db).await;

    // The first administrator is kept; the demo's leader signs in with the printed password.
    app.login_as_admin().await;
    let leader = app.another_browser();
    assert_eq!(leader.login("leader@demo.liaison.example", app::demo::PASSWORD).await.status(), StatusCode::OK);

    let d = dashboard(&leader, &[("year", &year.to_string())]).await;
    let now = |name: &str| figure(&d, name).0;
    // 全市储备（签约）项目 666 个，开工率 94.44%，建成率 50%.
    assert_eq!(now("projects_on_list"), json!({"Count": 666}));
    assert_eq!(now("start_rate"), json!({"Percent": 9444}));
    assert_eq!(now("completion_rate"), json!({"Percent": 5000}));
    // 领导招商签约项目 83 个、116.08 亿元.
    assert_eq!(now("signed_through_visits"), json!({"Count": 83}));
    assert_eq!(now("investment_through_visits"), json!({"Wan": 1_160_800}));
    // 省外到位资金 165.3 亿元；实际使用外资 920 万美元.
    assert_eq!(now("capital_domestic"), json!({"Wan": 1_653_000}));
    assert_eq!(now("capital_foreign"), json!({"UsdCents": 920_000_000}));
    // 目标企业库 798 家，推介项目 639 个.
    assert_eq!(now("target_firms"), json!({"Count": 798}));
    assert_eq!(now("promoted_published"), json!({"Count": 639}));
    assert_eq!(now("brochure_issues"), json!({"Count": 13}));
    // 接待境外团组 15 批 110 人次；出访中亚、欧洲、日本、韩国.
    assert_eq!(now("delegations_received"), json!({"Count": 15}));
    assert_eq!(now("visitors_received"), json!({"Count": 110}));
    assert_eq!(now("delegations_sent"), json!({"Count": 4}));
    // 新增意向友好城市 3 个：里尔、帕多瓦、撒马尔罕.
    assert_eq!(now("new_prospective_cities"), json!({"Count": 3}));
    let cities = app::friendship_cities::db::all(&app.db).await.unwrap();
    let mut prospective: Vec<&str> = cities
        .iter()
        .filter(|c| c.kind == app::friendship_cities::CityKind::Prospective)
        .map(|c| c.name_en.as_str())
        .collect();
    prospective.sort_unstable();
    assert_eq!(prospective, ["Lille", "Padua", "Samarkand"]);

    // 春季集中签约 70 个项目 87.51 亿元；丝博会签约 93 个项目 132.23 亿元.
    let events: Vec<(String, i64, i64)> = d["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (e["name"].as_str().unwrap().to_string(), e["signed"].as_i64().unwrap(), e["investment"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(
        events,
        [("丝绸之路国际博览会".to_string(), 93, 1_322_300), ("春季集中签约活动".to_string(), 70, 875_100)]
    );
    // 22 条细分产业链；13 期活页推介项目 95 个，签约 17 个；清理废止不合规招商文件 22 件.
    assert_eq!(now("sub_chains"), json!({"Count": 22}));
    assert_eq!(now("brochure_presented"), json!({"Count": 95}));
    assert_eq!(now("brochure_signed"), json!({"Count": 17}));
    assert_eq!(now("policies_withdrawn"), json!({"Count": 22}));
    // The charts' tables agree with the figures: the list from signing to completion, the
    // year's delegations month by month, the enterprises' six countries.
    let funnel: Vec<Value> = table(&d, "funnel").into_iter().map(|(_, v)| v[0].clone()).collect();
    assert_eq!(funnel, [json!({"Count": 666}), json!({"Count": 629}), json!({"Count": 333})]);
    let months = table(&d, "delegations_by_month");
    let sum = |i: usize| months.iter().map(|(_, v)| v[i]["Count"].as_i64().unwrap()).sum::<i64>();
    assert_eq!((months.len(), sum(0), sum(1), sum(2)), (12, 15, 110, 4));
    let mut codes: Vec<String> = table(&d, "enterprise_countries")
        .into_iter()
        .map(|(label, _)| label["Country"].as_str().unwrap().to_string())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["ES", "FR", "IT", "JP", "KR", "SG"]);

    // The review writes them as the model city's own review does, in Chinese…
    let (status, review) = leader.page(&format!("/dashboard/review?year={year}&lang=zh-CN")).await;
    assert_eq!(status, StatusCode::OK);
    for sentence in [
        format!("{year}年度工作综述"),
        "全市储备（签约）项目 666 个，开工率 94.44%，建成率 50%。".to_string(),
        "春季集中签约活动签约项目 70 个，总投资 87.51 亿元。".to_string(),
        "丝绸之路国际博览会签约项目 93 个，总投资 132.23 亿元。".to_string(),
        "市级领导带头招商，签约项目 83 个，总投资 116.08 亿元。".to_string(),
        "实际利用省外资金 165.3 亿元，实际使用外资 920 万美元。".to_string(),
        "目标企业库收录企业 798 家，推介项目库项目 639 个，覆盖 22 条细分产业链。".to_string(),
        "编印招商项目活页 13 期，推介项目 95 个，已签约 17 个。".to_string(),
        "清理废止不合规招商政策文件 22 件。".to_string(),
        "全年有序接待境外团组 15 批 110 人次。".to_string(),
        "组织出访团组 4 批 20 人次。".to_string(),
        "新增意向友好城市 3 个：里尔、帕多瓦、撒马尔罕。".to_string(),
    ] {
        assert!(review.contains(&sentence), "{sentence} in {review}");
    }

    // …and as a Word document in French, read back by a parser.
    let r = leader.get(&format!("/dashboard/review.docx?year={year}&lang=fr")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    let text = docx_text(r.bytes().await.unwrap().to_vec());
    for sentence in [
        format!("Bilan de l’année {year}"),
        "666 projets sont en réserve (signés), avec un taux de démarrage de 94,44\u{202F}% et un taux d’achèvement \
         de 50\u{202F}%."
            .to_string(),
        "L’événement «\u{202F}丝绸之路国际博览会\u{202F}» a permis de signer 93 projets, pour un investissement total \
         de 13,223 milliards de yuans."
            .to_string(),
        "La ville a reçu 15 délégations étrangères, soit 110 visiteurs.".to_string(),
        "3 nouvelles villes amies pressenties\u{202F}: Lille, Padoue, Samarcande.".to_string(),
        "13 numéros de la fiche de projets ont présenté 95 projets, dont 17 ont été signés.".to_string(),
    ] {
        assert!(text.contains(&sentence), "{sentence} in {text}");
    }

    // A year that cannot be read is refused, in a page and not a file.
    let r = leader.get("/dashboard/review.docx?year=20x5&lang=fr").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));

    // A county officer's review has the projects and promotion only.
    let county = app.another_browser();
    assert_eq!(county.login("county@demo.liaison.example", app::demo::PASSWORD).await.status(), StatusCode::OK);
    let (_, theirs) = county.page(&format!("/dashboard/review?year={year}&lang=zh-CN")).await;
    assert!(theirs.contains("储备（签约）项目") && theirs.contains("目标企业库"), "{theirs}");
    assert!(!theirs.contains("境外团组") && !theirs.contains("外资企业服务"), "{theirs}");

    // This year's open work sits around today: overdue cases and leads, delegations coming.
    let today = dashboard(&leader, &[]).await;
    let count = |name: &str| figure(&today, name).0["Count"].as_i64().unwrap();
    assert!(count("cases_overdue") >= 2, "{today}");
    assert!(count("leads_overdue") >= 3, "{today}");
    assert!(count("leads_open") == 24, "{today}");
    assert!(count("visits_overdue") >= 1, "{today}");
    let stale: i64 = app
        .db
        .one(
            "select count(*) from case_tasks t join cases c on c.id = t.case_id \
             where c.status in ('resolved', 'closed') and t.status <> 'done'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(stale, 0, "the departments finished their part of every resolved case");
    let (_, cases) = leader.page("/cases?status=awaiting_applicant").await;
    assert!(cases.contains("Titre de séjour pour la famille de notre directeur"), "{cases}");
}
both!(the_model_citys_year_loads_and_its_figures_come_out_exactly);

/// The text of a .docx, paragraph by paragraph: its `word/document.xml` read with an XML parser.
fn docx_text(bytes: Vec<u8>) -> String {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    archive.by_name("word/document.xml").expect("the document part").read_to_string(&mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut text, mut in_text) = (String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == "w:p" => text.push('\n'),
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => match r.resolve_char_ref().expect("a character") {
                Some(c) => text.push(c),
                None => text.push(match r.xml10_content().as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unexpected entity {other}"),
                }),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    text
}
