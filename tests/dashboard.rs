//! The leaders' dashboard: an officer signs projects either side of New Year's Eve 2025 and a
//! protocol officer receives a delegation on each side of it; the leader reads 2025 and 2026,
//! each beside the year before, the figures as a hand count gives them; each role reads only
//! the sections it may; a period that cannot be read is said so in the reader's language.

use crate::both;
use crate::common::*;
use crate::delegations::{add_member, create, move_to};
use crate::project_figures::{capital, move_on, pass_reviews, register};
use reqwest::StatusCode;
use serde_json::{json, Value};

pub(crate) async fn dashboard(who: &TestApp, period: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = period.iter().map(|(k, v)| (format!("period[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<app::dashboard::api::ReadDashboard>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// A figure's value in the period and the year before (null for a figure of today).
pub(crate) fn figure(d: &Value, name: &str) -> (Value, Value) {
    let f = d["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["figures"].as_array().unwrap())
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {d}"));
    (f["now"].clone(), f["before"].clone())
}

/// The year's target of a figure on the dashboard, or null.
fn target(d: &Value, name: &str) -> Value {
    let f = d["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["figures"].as_array().unwrap())
        .find(|f| f["name"] == name);
    f.map(|f| f["target"].clone()).unwrap_or(Value::Null)
}

fn sections(d: &Value) -> Vec<String> {
    d["sections"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string()).collect()
}

async fn the_figures_of_two_years_compare_across_new_years_eve(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let protocol = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;

    // Four projects: (name, source, 亿元, moves). A leader's visit brought two of them.
    type Moves<'a> = &'a [(&'a str, &'a str)];
    let projects: [(&str, &str, &str, Moves); 4] = [
        ("复合材料基地", "leader_visit", "2.5", &[("signed", "2025-03-10"), ("started", "2025-06-01")]),
        ("冷链物流园", "other", "1.2", &[("signed", "2025-12-31")]),
        (
            "无人机总装",
            "leader_visit",
            "3",
            &[("signed", "2026-01-01"), ("started", "2026-02-01"), ("completed", "2026-05-01")],
        ),
        ("仍在洽谈的项目", "other", "9", &[]),
    ];
    let mut ids = Vec::new();
    for (name, source, amount, moves) in projects {
        let fields = [
            ("name", name),
            ("source", source),
            ("total_investment", amount),
            ("stage", "negotiating"),
            ("since", "2025-01-02"),
        ];
        let id = register(&officer, &fields).await;
        if !moves.is_empty() {
            pass_reviews(&officer, id).await;
        }
        for (to, on) in moves {
            move_on(&officer, id, to, on, "").await;
        }
        ids.push(id);
    }
    assert_eq!(capital(&officer, ids[0], "2025-06", "0.8", "1,000,000").await.status(), StatusCode::OK);
    assert_eq!(capital(&officer, ids[2], "2026-03", "1.5", "").await.status(), StatusCode::OK);

    // Delegations received either side of midnight, and one cancelled.
    for (title, day, people) in
        [("里尔市代表团", "2025-12-31", 3), ("帕多瓦市代表团", "2026-01-01", 2), ("取消的代表团", "2026-04-01", 4)]
    {
        let id = create(&protocol, title, "fr", &["FR"], day, day).await;
        for i in 0..people {
            assert_eq!(add_member(&protocol, id, &format!("MEMBER {i}")).await, StatusCode::OK);
        }
        if title == "取消的代表团" {
            assert_eq!(move_to(&protocol, id, "cancelled", "访问取消").await.status(), StatusCode::OK);
        }
    }

    // 2025: two signed (3.7 亿元, one through a visit), both on the list at its end, one started.
    let y2025 = dashboard(&leader, &[("year", "2025")]).await;
    assert_eq!(y2025["period"]["from"], "2025-01-01");
    assert_eq!(y2025["before"]["to"], "2024-12-31");
    assert_eq!(figure(&y2025, "projects_signed"), (json!({"Count": 2}), json!({"Count": 0})));
    assert_eq!(figure(&y2025, "investment_signed"), (json!({"Wan": 37_000}), json!({"Wan": 0})));
    assert_eq!(figure(&y2025, "signed_through_visits"), (json!({"Count": 1}), json!({"Count": 0})));
    assert_eq!(figure(&y2025, "investment_through_visits"), (json!({"Wan": 25_000}), json!({"Wan": 0})));
    assert_eq!(figure(&y2025, "projects_on_list"), (json!({"Count": 2}), json!({"Count": 0})));
    assert_eq!(figure(&y2025, "start_rate"), (json!({"Percent": 5000}), json!({"Percent": null})));
    assert_eq!(figure(&y2025, "completion_rate"), (json!({"Percent": 0}), json!({"Percent": null})));
    assert_eq!(figure(&y2025, "capital_domestic"), (json!({"Wan": 8_000}), json!({"Wan": 0})));
    assert_eq!(figure(&y2025, "capital_foreign"), (json!({"UsdCents": 100_000_000}), json!({"UsdCents": 0})));
    assert_eq!(figure(&y2025, "delegations_received"), (json!({"Count": 1}), json!({"Count": 0})));
    assert_eq!(figure(&y2025, "visitors_received"), (json!({"Count": 3}), json!({"Count": 0})));

    // 2026 beside 2025: one signed through a visit; three on the list, two started, one done.
    let y2026 = dashboard(&leader, &[("year", "2026")]).await;
    assert_eq!(figure(&y2026, "projects_signed"), (json!({"Count": 1}), json!({"Count": 2})));
    assert_eq!(figure(&y2026, "investment_signed"), (json!({"Wan": 30_000}), json!({"Wan": 37_000})));
    assert_eq!(figure(&y2026, "projects_on_list"), (json!({"Count": 3}), json!({"Count": 2})));
    assert_eq!(figure(&y2026, "start_rate"), (json!({"Percent": 6667}), json!({"Percent": 5000})));
    assert_eq!(figure(&y2026, "completion_rate"), (json!({"Percent": 3333}), json!({"Percent": 0})));
    assert_eq!(figure(&y2026, "capital_domestic"), (json!({"Wan": 15_000}), json!({"Wan": 8_000})));
    assert_eq!(
        figure(&y2026, "delegations_received"),
        (json!({"Count": 1}), json!({"Count": 1})),
        "cancelled: not counted"
    );
    assert_eq!(figure(&y2026, "visitors_received"), (json!({"Count": 2}), json!({"Count": 3})));
    // A range across midnight holds both delegations; its year before holds none.
    let winter = dashboard(&leader, &[("from", "2025-12-31"), ("to", "2026-01-01")]).await;
    assert_eq!(figure(&winter, "visitors_received"), (json!({"Count": 5}), json!({"Count": 0})));
    assert_eq!(figure(&winter, "projects_signed"), (json!({"Count": 2}), json!({"Count": 0})));
    // What is overdue is a figure of today, with nothing to compare.
    assert_eq!(figure(&y2026, "cases_overdue"), (json!({"Count": 0}), Value::Null));

    // The page: the figures in words, each linked to its list.
    let (status, page) = leader.page("/dashboard?year=2025").await;
    assert_eq!(status, StatusCode::OK);
    let page = page.replace(['\u{2068}', '\u{2069}'], "");
    assert!(page.contains("The year 2025, compared with"), "{page}");
    assert!(page.contains("3.7 亿元") && page.contains("50.00%") && page.contains("$1,000,000.00"), "{page}");
    assert!(page.contains(r#"href="/projects/rates?from=2025-01-01&amp;to=2025-12-31""#), "{page}");

    // Each role reads its own sections: the protocol officer delegations, cities and the register.
    let seen = dashboard(&protocol, &[("year", "2025")]).await;
    assert_eq!(sections(&seen), ["Delegations", "Cities", "Enterprises"]);
    let (_, page) = protocol.page("/dashboard?year=2025").await;
    assert!(page.contains("Foreign delegations received") && !page.contains("Projects signed"), "{page}");
    assert!(!page.contains("3.7 亿元"), "no project figure reaches the protocol officer");
    let all = ["Projects", "Promotion", "Delegations", "Cities", "Enterprises", "Cases"];
    assert_eq!(sections(&dashboard(&leader, &[]).await), all);
    let clerk = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let (status, page) = clerk.page("/dashboard").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Your role reads no figures on this dashboard."), "{page}");
    assert!(!page.contains("Projects signed") && !page.contains("Foreign delegations received"), "{page}");

    // A period that cannot be read is said so, and nothing is shown for it.
    let (status, page) = leader.page("/dashboard?year=2025&quarter=1&month=3").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Choose a quarter or a month, not both."), "{page}");
    assert!(!page.contains("Projects signed"), "{page}");
    let (status, page) = leader.page("/dashboard?from=2025-05-01&to=2025-04-30").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("The end must come after the start."), "{page}");
    assert!(!page.contains("Projects signed"), "{page}");
}
both!(the_figures_of_two_years_compare_across_new_years_eve);

async fn set_targets(who: &TestApp, year: &str, targets: &[(&str, &str)]) -> reqwest::Response {
    let named: Vec<(String, &str)> = targets.iter().map(|(k, v)| (format!("targets[{k}]"), *v)).collect();
    let mut form: Vec<(&str, &str)> = vec![("year", year)];
    form.extend(named.iter().map(|(k, v)| (k.as_str(), *v)));
    who.call::<app::dashboard::api::SetFigureTargets>(&form).await
}

async fn the_years_targets_are_set_by_an_admin_and_read_beside_the_figures(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("officer1@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    for (name, amount, on) in [("复合材料基地", "2.5", "2025-03-10"), ("冷链物流园", "1.2", "2025-12-31")] {
        let fields = [
            ("name", name),
            ("source", "other"),
            ("total_investment", amount),
            ("stage", "negotiating"),
            ("since", "2025-01-02"),
        ];
        let id = register(&officer, &fields).await;
        pass_reviews(&officer, id).await;
        move_on(&officer, id, "signed", on, "").await;
    }

    // The admin sets 2025's targets: two projects, 3 亿元, a start rate of 60 %.
    let r =
        set_targets(&app, "2025", &[("projects_signed", "2"), ("investment_signed", "3"), ("start_rate", "60")]).await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    let y2025 = dashboard(&leader, &[("year", "2025")]).await;
    assert_eq!(y2025["target_year"], 2025);
    assert_eq!(target(&y2025, "projects_signed"), json!({"Count": 2}));
    assert_eq!(target(&y2025, "investment_signed"), json!({"Wan": 30_000}));
    assert_eq!(target(&y2025, "start_rate"), json!({"Percent": 6000}));
    assert_eq!(target(&y2025, "capital_domestic"), Value::Null, "no target set");
    let (_, page) = leader.page("/dashboard?year=2025").await;
    let page = page.replace(['\u{2068}', '\u{2069}'], "");
    assert!(page.contains("Target for 2025"), "{page}");
    let row = |code: &str| {
        let at = page.find(&format!("data-figure=\"{code}\"")).unwrap_or_else(|| panic!("{code}: {page}"));
        page[at..at + page[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("projects_signed").contains("target met"), "2 of 2");
    assert!(row("investment_signed").contains("exceeded"), "3.7 of 3 亿元");
    assert!(row("start_rate").contains("below target"), "0 % of 60 %");
    // A quarter stands beside no target.
    let q1 = dashboard(&leader, &[("year", "2025"), ("quarter", "1")]).await;
    assert_eq!(q1["target_year"], Value::Null);
    assert_eq!(target(&q1, "projects_signed"), Value::Null);

    // Bad values change nothing and say which field is wrong, in the reader's language.
    let (status, e) = app_error(
        set_targets(&app, "2025", &[("projects_signed", "3"), ("start_rate", "120"), ("investment_signed", "abc")])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = e.field_errors().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["start_rate", "investment_signed"]);
    assert_eq!(target(&dashboard(&leader, &[("year", "2025")]).await, "projects_signed"), json!({"Count": 2}));
    // An empty field takes its target away.
    let r = set_targets(&app, "2025", &[("projects_signed", "2"), ("investment_signed", "")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let y2025 = dashboard(&leader, &[("year", "2025")]).await;
    assert_eq!(target(&y2025, "investment_signed"), Value::Null);
    assert_eq!(target(&y2025, "start_rate"), Value::Null, "the form sends every field");

    // A leader reads the targets but does not set them.
    let (status, e) = app_error(set_targets(&leader, "2025", &[("projects_signed", "100")]).await).await;
    assert_eq!((status, e), (StatusCode::FORBIDDEN, app::error::AppError::Forbidden));
    assert_eq!(target(&dashboard(&leader, &[("year", "2025")]).await, "projects_signed"), json!({"Count": 2}));
    let (status, page) = leader.page("/dashboard/targets?year=2025").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("targets[projects_signed]"), "{page}");
    let (status, page) = app.page("/dashboard/targets?year=2025").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"name="targets[projects_signed]""#) && page.contains(r#"value="2""#), "{page}");
}
both!(the_years_targets_are_set_by_an_admin_and_read_beside_the_figures);

/// A table of the dashboard: its rows as (label, values), from the JSON the page reads.
/// The dashboard's running totals (migration 0039, kept by triggers) against a count of the
/// cases, tasks and enterprises themselves: every day and month, type, department, number of
/// working days and country.
pub(crate) async fn assert_totals_agree(db: &app::db::Db) {
    use chrono::{DateTime, Datelike, NaiveDate, Utc};
    use std::collections::BTreeMap;
    type Day = NaiveDate;
    let office = |t: DateTime<Utc>| app::domain::office_today(t);
    let month = |d: Day| d.with_day(1).unwrap();
    let year = |d: Day| d.with_month(1).unwrap().with_day(1).unwrap();
    // (day, type) → [opened, green, resolved, with a deadline, on time, ratings, stars]
    let mut days: BTreeMap<(Day, String), [i64; 7]> = BTreeMap::new();
    let mut speed: BTreeMap<(String, String, Day, String, i32), i64> = BTreeMap::new();
    let mut open: BTreeMap<(String, String, Day), i64> = BTreeMap::new();
    let mut tasks: BTreeMap<(Day, i64), [i64; 2]> = BTreeMap::new();
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let opened: Vec<(DateTime<Utc>, String, bool)> =
        db.all("select created_at, case_type, green_channel from cases", &[]).await.unwrap();
    for (at, t, green) in opened {
        let e = days.entry((office(at), t)).or_default();
        e[0] += 1;
        e[1] += i64::from(green);
    }
    let resolved: Vec<(Day, String, Option<Day>, Option<i32>)> = db
        .all("select resolved_on, case_type, due_on, resolution_days from cases where resolved_on is not null", &[])
        .await
        .unwrap();
    for (on, t, due, took) in resolved {
        let e = days.entry((on, t.clone())).or_default();
        e[2] += 1;
        e[3] += i64::from(due.is_some());
        e[4] += i64::from(due.is_some_and(|d| on <= d));
        if let Some(took) = took {
            for (span, first) in [("day", on), ("month", month(on)), ("year", year(on))] {
                *speed.entry(("case".into(), span.into(), first, t.clone(), took)).or_default() += 1;
            }
        }
    }
    let rated: Vec<(DateTime<Utc>, String, i32)> = db
        .all("select rated_at, case_type, rating from cases where rated_at is not null and rating is not null", &[])
        .await
        .unwrap();
    for (at, t, stars) in rated {
        let e = days.entry((office(at), t)).or_default();
        e[5] += 1;
        e[6] += i64::from(stars);
    }
    let running: Vec<Day> = db
        .all(
            "select due_on from cases where status in ('submitted', 'accepted', 'in_progress') and due_on is not null",
            &[],
        )
        .await
        .unwrap();
    for due in running {
        *open.entry(("case".into(), String::new(), due)).or_default() += 1;
    }
    // department, given, done, working days, status, due
    type Task = (i64, Option<Day>, Option<Day>, Option<i32>, String, Option<Day>);
    let given: Vec<Task> = db
        .all("select department_id, assigned_on, done_on, done_days, status, due_on from case_tasks", &[])
        .await
        .unwrap();
    for (department, assigned, done, took, status, due) in given {
        let key = department.to_string();
        if let Some(d) = assigned {
            tasks.entry((d, department)).or_default()[0] += 1;
        }
        if let Some(d) = done {
            tasks.entry((d, department)).or_default()[1] += 1;
            if let Some(took) = took {
                for (span, first) in [("day", d), ("month", month(d)), ("year", year(d))] {
                    *speed.entry(("task".into(), span.into(), first, key.clone(), took)).or_default() += 1;
                }
            }
        }
        if status != "done" {
            *open.entry(("task".into(), key, due.unwrap_or(far))).or_default() += 1;
        }
    }

    // Each day counted again in its month.
    let by_month = |days: &BTreeMap<(Day, String), [i64; 7]>| {
        let mut months: BTreeMap<(Day, String), [i64; 7]> = BTreeMap::new();
        for ((d, t), v) in days {
            let m = months.entry((month(*d), t.clone())).or_default();
            for (a, b) in m.iter_mut().zip(v) {
                *a += b;
            }
        }
        months
    };
    for (span, expected) in [("day", days.clone()), ("month", by_month(&days))] {
        let kept: Vec<(Day, String, i64, i64, i64, i64, i64)> = db
            .all(
                "select starts_on, case_type, opened, green, resolved, with_deadline, on_time from case_figures \
                 where span = $1 order by starts_on, case_type",
                &[span.into()],
            )
            .await
            .unwrap();
        let stars: Vec<(Day, String, i64, i64)> = db
            .all(
                "select starts_on, case_type, ratings, stars from case_figures where span = $1 \
                 order by starts_on, case_type",
                &[span.into()],
            )
            .await
            .unwrap();
        let mut kept_days: BTreeMap<(Day, String), [i64; 7]> = BTreeMap::new();
        for ((d, t, a, b, c, e, f), (_, _, g, h)) in kept.into_iter().zip(stars) {
            if [a, b, c, e, f, g, h] != [0; 7] {
                kept_days.insert((d, t), [a, b, c, e, f, g, h]);
            }
        }
        assert_eq!(kept_days, expected, "case_figures by {span}");
    }
    let kept: Vec<(String, String, Day, String, i32, i64)> =
        db.all("select kind, span, starts_on, key, days, n from speed where n <> 0", &[]).await.unwrap();
    let kept: BTreeMap<_, _> = kept.into_iter().map(|(a, b, c, d, e, n)| ((a, b, c, d, e), n)).collect();
    assert_eq!(kept, speed, "speed");
    let kept: Vec<(String, String, Day, i64)> =
        db.all("select kind, key, due_on, n from open_deadlines where n <> 0", &[]).await.unwrap();
    let kept: BTreeMap<_, _> = kept.into_iter().map(|(a, b, c, n)| ((a, b, c), n)).collect();
    assert_eq!(kept, open, "open_deadlines");
    let mut task_months: BTreeMap<(Day, i64), [i64; 2]> = BTreeMap::new();
    for ((d, k), [a, b]) in &tasks {
        let m = task_months.entry((month(*d), *k)).or_default();
        m[0] += a;
        m[1] += b;
    }
    for (span, expected) in [("day", tasks), ("month", task_months)] {
        let kept: Vec<(Day, i64, i64, i64)> = db
            .all("select starts_on, department_id, assigned, done from task_figures where span = $1", &[span.into()])
            .await
            .unwrap();
        let kept: BTreeMap<_, _> =
            kept.into_iter().filter(|r| (r.2, r.3) != (0, 0)).map(|(d, k, a, b)| ((d, k), [a, b])).collect();
        assert_eq!(kept, expected, "task_figures by {span}");
    }
    let counted: Vec<(String, bool, i64)> =
        db.all("select country, is_key, count(*) from enterprises group by country, is_key", &[]).await.unwrap();
    let kept: Vec<(String, bool, i64)> =
        db.all("select country, is_key, n from enterprise_countries where n <> 0", &[]).await.unwrap();
    let (counted, kept): (BTreeMap<_, _>, BTreeMap<_, _>) = (
        counted.into_iter().map(|(c, k, n)| ((c, k), n)).collect(),
        kept.into_iter().map(|(c, k, n)| ((c, k), n)).collect(),
    );
    assert_eq!(kept, counted, "enterprise_countries");
    let registers: Vec<(DateTime<Utc>, Option<Day>)> =
        db.all("select created_at, last_contact_on from enterprises", &[]).await.unwrap();
    let mut counted: BTreeMap<(String, Day), i64> = BTreeMap::new();
    for (at, contact) in registers {
        *counted.entry(("registered".into(), office(at))).or_default() += 1;
        let last = match contact {
            Some(d) => ("contacted".to_string(), d),
            None => ("never".to_string(), at.date_naive()),
        };
        *counted.entry(last).or_default() += 1;
    }
    let kept: Vec<(String, Day, i64)> =
        db.all("select kind, day, n from enterprise_days where n <> 0", &[]).await.unwrap();
    let kept: BTreeMap<_, _> = kept.into_iter().map(|(k, d, n)| ((k, d), n)).collect();
    assert_eq!(kept, counted, "enterprise_days");
}

pub(crate) fn table(d: &Value, name: &str) -> Vec<(Value, Vec<Value>)> {
    let t = d["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["tables"].as_array().unwrap())
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {d}"));
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["label"].clone(), r["values"].as_array().unwrap().clone()))
        .collect()
}

async fn a_leader_reads_how_fast_cases_were_resolved_and_downloads_the_tables(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = crate::cases::officer_with_enterprise(&app, 1).await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;

    // Four customs requests: three resolved today, the last still open.
    let mut ids = Vec::new();
    for title in ["Pre-clearance A", "Pre-clearance B", "Pre-clearance C", "Pre-clearance D"] {
        let r = crate::cases::open_case(&officer, enterprise, title).await;
        assert_eq!(r.status(), StatusCode::OK);
        ids.push(r.json::<i64>().await.unwrap());
    }
    let customs_id = app::admin::db::departments::list(&app.db)
        .await
        .unwrap()
        .iter()
        .find(|d| d.code == "customs")
        .unwrap()
        .id
        .to_string();
    for (n, id) in ids.iter().take(3).enumerate() {
        for (version, to) in [(1, "accepted"), (2, "in_progress")] {
            assert_eq!(crate::cases::move_case(&officer, *id, version, to, "").await.status(), StatusCode::OK);
        }
        if n == 0 {
            // Customs is asked for its part and gives it the same day.
            let r = officer
                .call::<app::cases::api::RouteCase>(&[
                    ("id", &id.to_string()),
                    ("department_ids[]", &customs_id),
                    ("instructions", "Check HS codes"),
                ])
                .await;
            assert_eq!(r.status(), StatusCode::OK);
            let task: i64 = app.db.one("select id from case_tasks where case_id = $1", &[(*id).into()]).await.unwrap();
            let r = customs
                .call::<app::cases::api::UpdateTask>(&[("id", &task.to_string()), ("version", "1"), ("status", "done")])
                .await;
            assert_eq!(r.status(), StatusCode::OK);
        }
        let version = crate::cases::case(&officer, *id).await["version"].as_i64().unwrap();
        assert_eq!(crate::cases::move_case(&officer, *id, version, "resolved", "").await.status(), StatusCode::OK);
    }
    let today = dashboard(&leader, &[]).await;
    assert_eq!(figure(&today, "cases_resolved").0, json!({"Count": 3}));
    assert_eq!(figure(&today, "cases_opened").0, json!({"Count": 4}));
    // Resolved the day it started, within its deadline.
    assert_eq!(figure(&today, "on_time_rate").0, json!({"Percent": 10000}));
    assert_eq!(figure(&today, "median_days").0, json!({"Days": 0}));
    let departments = table(&today, "departments");
    let customs_row = departments.iter().find(|(l, _)| l["Named"]["en"] == "Customs").expect("customs");
    assert_eq!(
        customs_row.1,
        [json!({"Count": 1}), json!({"Days": 0}), json!({"Count": 1}), json!({"Count": 0}), json!({"Count": 0})]
    );
    // The year's review says what each department did for the enterprises.
    let year = &today["period"]["from"].as_str().unwrap()[..4];
    let (status, review) = leader.page(&format!("/dashboard/review?year={year}&lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    let review = review.replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        review.contains("completed their tasks for the enterprises: Customs, one task in a median of 0 working days."),
        "{review}"
    );
    let (_, review) = leader.page(&format!("/dashboard/review?year={year}&lang=zh-CN")).await;
    let review = review.replace(['\u{2068}', '\u{2069}'], "");
    assert!(review.contains("各部门为企业办结协调事项：海关办结协调事项 1 项，用时中位数 0 个工作日。"), "{review}");

    // Reopened, a case is no longer resolved.
    let c = ids[2];
    let version = crate::cases::case(&officer, c).await["version"].as_i64().unwrap();
    assert_eq!(crate::cases::move_case(&officer, c, version, "in_progress", "").await.status(), StatusCode::OK);
    assert_eq!(figure(&dashboard(&leader, &[]).await, "cases_resolved").0, json!({"Count": 2}));

    // The two resolved ones as if they had run in September 2025: A from Monday 1 to Monday 8
    // (five working days, due on the 10th), B to Monday 22 (fifteen working days, two of
    // them waiting for the applicant: thirteen), due on the 12th.
    let (a, b_) = (ids[0], ids[1]);
    // Moved by hand, their working days are counted again as a migration's would be.
    app.execute(&format!(
        "update cases set sla_start_on = '2025-09-01', resolved_on = '2025-09-08', due_on = '2025-09-10', \
         resolution_days = null where id = {a}"
    ))
    .await;
    app.execute(&format!(
        "update cases set sla_start_on = '2025-09-01', resolved_on = '2025-09-22', due_on = '2025-09-12', \
         paused_working_days = 2, resolution_days = null where id = {b_}"
    ))
    .await;
    assert_eq!(app::cases::figures::fill(&app.db).await.unwrap(), 2);
    assert_totals_agree(&app.db).await;
    let y2025 = dashboard(&leader, &[("year", "2025")]).await;
    assert_eq!(figure(&y2025, "cases_resolved"), (json!({"Count": 2}), json!({"Count": 0})));
    assert_eq!(figure(&y2025, "on_time_rate"), (json!({"Percent": 5000}), json!({"Percent": null})));
    assert_eq!(figure(&y2025, "median_days"), (json!({"Days": 900}), json!({"Days": null})));
    let types = table(&y2025, "case_types");
    assert_eq!(types.len(), 1);
    assert_eq!(types[0].0, json!({"CaseType": "customs"}));
    // Opened in 2026, resolved in 2025: none opened in the year, two resolved.
    assert_eq!(types[0].1, [json!({"Count": 0}), json!({"Count": 2}), json!({"Percent": 5000}), json!({"Days": 900})]);
    // Eight months and a half: the year less its last four months, and fifteen days of
    // September (A in them, B after); eleven months: the year less January.
    let to_mid_september = dashboard(&leader, &[("from", "2025-01-01"), ("to", "2025-09-15")]).await;
    assert_eq!(figure(&to_mid_september, "cases_resolved").0, json!({"Count": 1}));
    assert_eq!(figure(&to_mid_september, "median_days").0, json!({"Days": 500}));
    // Before A: the year less September to December leaves nothing (added instead of taken
    // away, the months would count A and B twice).
    let to_early_september = dashboard(&leader, &[("from", "2025-01-01"), ("to", "2025-09-07")]).await;
    assert_eq!(figure(&to_early_september, "median_days").0, json!({"Days": null}));
    let from_february = dashboard(&leader, &[("from", "2025-02-01"), ("to", "2025-12-31")]).await;
    assert_eq!(figure(&from_february, "median_days").0, json!({"Days": 900}));
    let months = table(&y2025, "cases_by_month");
    assert_eq!(months.len(), 12);
    assert_eq!(months[8], (json!({"Month": "2025-09-01"}), vec![json!({"Count": 0}), json!({"Count": 2})]));

    // The table as CSV, headings and labels in the reader's language.
    let r = leader.get("/dashboard/table.csv?year=2025&table=case_types").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-disposition"].to_str().unwrap().contains("case_types-2025-01-01-2025-12-31"));
    let csv = r.text().await.unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "Type of request,Opened,Resolved,Resolved within the deadline (per cent),Median working days");
    assert_eq!(lines[1], "Customs,0,2,50.00,9.00");
    // A table the role does not read is not there for it; nor is one that does not exist.
    let protocol = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let r = protocol.get("/dashboard/table.csv?year=2025&table=case_types").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(!r.text().await.unwrap().contains("Customs,0,2"));
    assert_eq!(leader.get("/dashboard/table.csv?year=2025&table=nothing").await.status(), StatusCode::NOT_FOUND);
    let r = leader.get("/dashboard/table.csv?year=2025&quarter=9&table=case_types").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The page draws the tables: a chart beside each text table, and its CSV link.
    let (status, page) = leader.page("/dashboard?year=2025").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"data-table="case_types""#) && page.contains("<svg"), "{page}");
    assert!(page.contains(r#"href="/dashboard/table.csv?year=2025&amp;table=case_types""#), "{page}");
    // A leader's home page is the dashboard.
    let r = leader.client.get(leader.url("/")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/dashboard");
    let (status, page) = officer.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Overview</h1>"), "an officer keeps the home page: {page}");
}
both!(a_leader_reads_how_fast_cases_were_resolved_and_downloads_the_tables);
