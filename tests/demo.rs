//! The model city's year as demo data: `liaison demo` loads it into a database that holds no
//! records yet (the first administrator is kept and still signs in), refuses to load it twice,
//! and the leader reads every figure of the model city's review exactly as `DOMAIN.md` gives it.

use crate::both;
use crate::common::*;
use crate::dashboard::{dashboard, figure};
use chrono::Datelike;
use reqwest::StatusCode;
use serde_json::json;
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
    let events = app::projects::events::db::list(&app.db, Some(year)).await.unwrap();
    let produced = |kind| {
        let e = events.iter().find(|e| e.kind == kind).unwrap_or_else(|| panic!("{kind:?} in {events:?}"));
        (e.produced.signed, e.produced.investment.0)
    };
    assert_eq!(produced(app::projects::events::EventKind::Campaign), (70, 875_100));
    assert_eq!(produced(app::projects::events::EventKind::TradeFair), (93, 1_322_300));
    // 22 条细分产业链.
    let sub_chains: i64 = app.db.one("select count(*) from industry_sub_chains", &[]).await.unwrap();
    assert_eq!(sub_chains, 22);
    // 13 期活页推介项目 95 个，签约 17 个.
    let funnel = app::promotion::brochures::db::total(&app.db).await.unwrap();
    assert_eq!((funnel.presented, funnel.signed), (95, 17));
    // 清理废止不合规招商文件 22 件.
    let (in_force, withdrawn) = app::promotion::policies::db::counts(&app.db).await.unwrap();
    assert_eq!((in_force, withdrawn), (12, 22));

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
