//! Service levels: a case's deadline counts working days under the office's calendar
//! (weekends, public holidays and make-up working days), stops while the applicant is asked
//! for something, follows calendar changes, and cases at risk or overdue are listed, with
//! the overdue ones flagged for the enterprise's responsible leader.

use crate::both;
use crate::cases::{case, move_case, officer_with_enterprise};
use crate::common::*;
use app::error::{AppError, FieldCode};
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::HashMap;

/// Today in the office (Asia/Shanghai, UTC+8).
fn office_today() -> NaiveDate {
    (Utc::now() + Duration::hours(8)).date_naive()
}

/// The calendar's entries for this year and the next, as the admin page lists them.
async fn calendar_entries(admin: &TestApp) -> HashMap<NaiveDate, String> {
    let mut days = HashMap::new();
    let year = office_today().year();
    for y in [year - 1, year, year + 1] {
        let r = admin.call::<app::service_levels::api::Calendar>(&[("year", &y.to_string())]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let cal: Value = r.json().await.unwrap();
        for d in cal["days"].as_array().unwrap() {
            let day = NaiveDate::parse_from_str(d["day"].as_str().unwrap(), "%Y-%m-%d").unwrap();
            days.insert(day, d["kind"].as_str().unwrap().to_string());
        }
    }
    days
}

/// Working-day arithmetic written out plainly, to check the app's against.
fn is_working(day: NaiveDate, entries: &HashMap<NaiveDate, String>) -> bool {
    match entries.get(&day).map(String::as_str) {
        Some("holiday") => false,
        Some("workday") => true,
        _ => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
    }
}

fn add_working_days(start: NaiveDate, n: i64, entries: &HashMap<NaiveDate, String>) -> NaiveDate {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        day += Duration::days(1);
        if is_working(day, entries) {
            left -= 1;
        }
    }
    day
}

fn working_days_between(from: NaiveDate, to: NaiveDate, entries: &HashMap<NaiveDate, String>) -> i64 {
    (1..=(to - from).num_days()).filter(|i| is_working(from + Duration::days(*i), entries)).count() as i64
}

fn due_on(c: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(c["summary"]["due_on"].as_str().expect("a deadline"), "%Y-%m-%d").unwrap()
}

async fn set_service_level(admin: &TestApp, case_type: &str, working: &str, green: &str) -> reqwest::Response {
    // The version on the page (someone who may not open the page sends the first one).
    let levels: Value = admin.call::<app::service_levels::api::ServiceLevels>(&[]).await.json().await.unwrap();
    let version = match levels.as_array() {
        Some(all) => all.iter().find(|l| l["case_type"] == case_type).unwrap()["version"].to_string(),
        None => "1".to_string(),
    };
    admin
        .call::<app::service_levels::api::UpdateServiceLevel>(&[
            ("case_type", case_type),
            ("version", &version),
            ("working_days", working),
            ("green_channel_days", green),
        ])
        .await
}

async fn open(officer: &TestApp, enterprise: i64, title: &str, green: bool) -> i64 {
    let mut form = vec![
        ("enterprise_id", enterprise.to_string()),
        ("case_type", "customs".to_string()),
        ("priority", "normal".to_string()),
        ("title", title.to_string()),
        ("description", "Bonded warehouse licence".to_string()),
        ("language", "fr".to_string()),
    ];
    if green {
        form.push(("green_channel", "true".to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = officer.call::<app::cases::api::OpenCase>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// The next weekday after `after` that the calendar does not list yet.
fn next_plain_weekday(after: NaiveDate, entries: &HashMap<NaiveDate, String>) -> NaiveDate {
    let mut d = after + Duration::days(1);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || entries.contains_key(&d) {
        d += Duration::days(1);
    }
    d
}

async fn deadlines_count_working_days_across_holidays_and_make_up_days(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let today = office_today();

    // A two-day holiday on the next two weekdays, and the Saturday after it worked instead.
    let seeded = calendar_entries(&app).await;
    let h1 = next_plain_weekday(today, &seeded);
    let h2 = next_plain_weekday(h1, &seeded);
    let mut saturday = h2 + Duration::days(1);
    while saturday.weekday() != Weekday::Sat || seeded.contains_key(&saturday) {
        saturday += Duration::days(1);
    }
    for (day, kind, name) in [(h1, "holiday", "测试假日"), (h2, "holiday", "测试假日"), (saturday, "workday", "调休")]
    {
        let r = app
            .call::<app::service_levels::api::SetCalendarDay>(&[
                ("day", &day.to_string()),
                ("kind", kind),
                ("name", name),
            ])
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    assert_eq!(set_service_level(&app, "customs", "6", "3").await.status(), StatusCode::OK);

    let entries = calendar_entries(&app).await;
    let normal = open(&officer, enterprise, "Licence", false).await;
    let green = open(&officer, enterprise, "Licence (green channel)", true).await;
    let expected = add_working_days(today, 6, &entries);
    assert_eq!(due_on(&case(&officer, normal).await), expected);
    assert_eq!(due_on(&case(&officer, green).await), add_working_days(today, 3, &entries));
    let weekdays_only = add_working_days(today, 6, &HashMap::new());
    assert_ne!(expected, weekdays_only, "the holiday and the make-up day moved the deadline");

    // The first holiday is cancelled: open deadlines come back by a working day.
    let r = app.call::<app::service_levels::api::RemoveCalendarDay>(&[("day", &h1.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let entries = calendar_entries(&app).await;
    assert!(!entries.contains_key(&h1));
    assert_eq!(due_on(&case(&officer, normal).await), add_working_days(today, 6, &entries));

    // Changes are audited with what they moved.
    let (_, audit) = app.page("/admin/audit?action=calendar_day_removed").await;
    assert!(audit.contains("deadlines_moved"), "{audit}");
    // The dashboard's count of running cases by deadline moved with them.
    crate::dashboard::assert_totals_agree(&app.db).await;
}
both!(deadlines_count_working_days_across_holidays_and_make_up_days);

async fn bad_service_levels_and_calendar_days_change_nothing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (_, e) = app_error(set_service_level(&app, "tax", "3", "5").await).await;
    assert_eq!(e, AppError::field("green_channel_days", FieldCode::GreenChannelTooLong));
    let (status, e) = app_error(set_service_level(&app, "tax", "0", "abc").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let AppError::Invalid(fields) = e else { panic!("{e:?}") };
    assert_eq!(fields.len(), 2);
    let levels: Value = app.call::<app::service_levels::api::ServiceLevels>(&[]).await.json().await.unwrap();
    let tax = levels.as_array().unwrap().iter().find(|l| l["case_type"] == "tax").unwrap();
    assert_eq!((tax["working_days"].as_i64(), tax["version"].as_i64()), (Some(5), Some(1)), "unchanged");

    // Two admins editing the same row: the second save is refused.
    let stale = [("case_type", "tax"), ("version", "1"), ("working_days", "4"), ("green_channel_days", "2")];
    assert_eq!(app.call::<app::service_levels::api::UpdateServiceLevel>(&stale).await.status(), StatusCode::OK);
    let (status, e) = app_error(app.call::<app::service_levels::api::UpdateServiceLevel>(&stale).await).await;
    assert_eq!((status, e), (StatusCode::CONFLICT, AppError::StaleVersion));

    let (_, e) = app_error(
        app.call::<app::service_levels::api::SetCalendarDay>(&[("day", "2026-02-30"), ("kind", "holiday")]).await,
    )
    .await;
    assert_eq!(e, AppError::field("day", FieldCode::InvalidDate));
    let (_, e) = app_error(
        app.call::<app::service_levels::api::SetCalendarDay>(&[("day", "2026-12-26"), ("kind", "weekend")]).await,
    )
    .await;
    assert_eq!(e, AppError::field("kind", FieldCode::UnknownDayKind));
    let (status, _) =
        app_error(app.call::<app::service_levels::api::RemoveCalendarDay>(&[("day", "2026-12-23")]).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The seeded 2026 schedule: the Spring Festival off, and Saturday 14 February worked.
    let cal: Value = app.call::<app::service_levels::api::Calendar>(&[("year", "2026")]).await.json().await.unwrap();
    let kind = |day: &str| {
        cal["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == day)
            .map(|d| d["kind"].as_str().unwrap().to_string())
    };
    assert_eq!(kind("2026-02-16").as_deref(), Some("holiday"));
    assert_eq!(kind("2026-02-14").as_deref(), Some("workday"));
    assert_eq!(kind("2026-10-10").as_deref(), Some("workday"));
    assert_eq!(cal["working_days"], 248, "2026: 261 weekdays, 19 of them holidays, 6 make-up days");

    // Only admins edit them, on the server as in the page.
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    for who in [&officer, &leader] {
        let (status, e) = app_error(set_service_level(who, "tax", "1", "1").await).await;
        assert_eq!((status, e), (StatusCode::FORBIDDEN, AppError::Forbidden));
        let r =
            who.call::<app::service_levels::api::SetCalendarDay>(&[("day", "2026-12-28"), ("kind", "holiday")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(who.get("/admin/service-levels").await.status(), StatusCode::FORBIDDEN);
        assert_eq!(who.get("/admin/calendar").await.status(), StatusCode::FORBIDDEN);
    }
    let (status, page) = app.page("/admin/service-levels").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("时限设置") && page.contains("绿色通道（工作日）"), "{page}");
}
both!(bad_service_levels_and_calendar_days_change_nothing);

async fn the_clock_stops_while_the_applicant_is_asked_for_something(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let id = open(&officer, enterprise, "Licence", false).await;
    let start = office_today();
    assert_eq!(move_case(&officer, id, 1, "accepted", "").await.status(), StatusCode::OK);
    assert_eq!(move_case(&officer, id, 2, "in_progress", "").await.status(), StatusCode::OK);
    let asked = move_case(&officer, id, 3, "awaiting_applicant", "Merci d'envoyer le bail signé.").await;
    assert_eq!(asked.status(), StatusCode::OK);
    let c = case(&officer, id).await;
    assert_eq!(c["summary"]["deadline"], "stopped");
    assert_eq!(c["paused_on"], start.to_string());

    // The applicant took eight days to answer.
    let paused = start - Duration::days(8);
    app.execute(&format!("update cases set paused_on = '{paused}' where id = {id}")).await;
    assert_eq!(move_case(&officer, id, 4, "in_progress", "").await.status(), StatusCode::OK);
    let entries = calendar_entries(&app).await;
    let waited = working_days_between(paused, start, &entries);
    assert!(waited >= 5);
    let c = case(&officer, id).await;
    assert!(c["paused_on"].is_null());
    assert_eq!(due_on(&c), add_working_days(start, 5 + waited, &entries), "customs: 5 working days plus the wait");
}
both!(the_clock_stops_while_the_applicant_is_asked_for_something);

fn references(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|c| c["reference"].as_str().unwrap().to_string()).collect()
}

async fn list(who: &TestApp, filter: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = filter.iter().map(|(k, v)| (format!("filter[{k}]"), *v)).collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = who.call::<app::cases::api::ListCases>(&form).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn cases_at_risk_and_overdue_are_listed_and_flagged_for_the_leader(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let department = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let leader_id: Value = leader.call::<app::auth::api::Me>(&[]).await.json().await.unwrap();
    let leader_id = leader_id["id"].to_string();

    // Only an admin names the responsible leader, and only a leader can be named.
    let (status, _) = app_error(
        officer
            .call::<app::enterprises::api::SetResponsibleLeader>(&[
                ("id", &enterprise.to_string()),
                ("leader_id", &leader_id),
            ])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let officer_id: Value = officer.call::<app::auth::api::Me>(&[]).await.json().await.unwrap();
    let (_, e) = app_error(
        app.call::<app::enterprises::api::SetResponsibleLeader>(&[
            ("id", &enterprise.to_string()),
            ("leader_id", &officer_id["id"].to_string()),
        ])
        .await,
    )
    .await;
    assert_eq!(e, AppError::field("leader_id", FieldCode::UnknownOfficer));
    let r = app
        .call::<app::enterprises::api::SetResponsibleLeader>(&[
            ("id", &enterprise.to_string()),
            ("leader_id", &leader_id),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    let late = open(&officer, enterprise, "Late licence", false).await;
    let close = open(&officer, enterprise, "Licence due today", false).await;
    let fine = open(&officer, enterprise, "Licence on time", false).await;
    let today = office_today();
    app.execute(&format!("update cases set due_on = '{}' where id = {late}", today - Duration::days(3))).await;
    app.execute(&format!("update cases set due_on = '{today}' where id = {close}")).await;
    let late_ref = case(&officer, late).await["summary"]["reference"].as_str().unwrap().to_string();
    let close_ref = case(&officer, close).await["summary"]["reference"].as_str().unwrap().to_string();
    let fine_ref = case(&officer, fine).await["summary"]["reference"].as_str().unwrap().to_string();

    assert_eq!(references(&list(&officer, &[("due", "overdue")]).await), vec![late_ref.clone()]);
    assert_eq!(references(&list(&officer, &[("due", "at_risk")]).await), vec![close_ref.clone()]);
    assert_eq!(case(&officer, fine).await["summary"]["deadline"], "on_track");
    assert_eq!(case(&officer, late).await["summary"]["deadline"], "overdue");
    // Other filters: a reference, a type with a status.
    assert_eq!(references(&list(&officer, &[("q", &fine_ref.to_lowercase())]).await), vec![fine_ref.clone()]);
    assert_eq!(list(&officer, &[("case_type", "customs"), ("status", "submitted")]).await["total"], 3);
    assert_eq!(list(&officer, &[("case_type", "tax"), ("status", "submitted")]).await["total"], 0);

    // The leader sees the overdue case of their enterprise flagged first.
    assert_eq!(references(&list(&leader, &[("due", "overdue"), ("led", "true")]).await), vec![late_ref.clone()]);
    let (status, page) = leader.page("/deadlines").await;
    assert_eq!(status, StatusCode::OK);
    let flagged = page.find("Overdue cases of enterprises you are responsible for").expect("the leader's panel");
    assert!(page[flagged..].contains(&late_ref));
    let (_, officer_page) = officer.page("/deadlines").await;
    assert!(!officer_page.contains("you are responsible for") && officer_page.contains(&close_ref));

    // The export carries the filters, localized headers and a byte-order mark.
    let r = officer.get("/cases/export.csv?due=overdue").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Reference,Subject,Enterprise,Type,Priority"), "{text}");
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[1].starts_with(&format!("{late_ref},Late licence,帕多瓦精密机械有限公司,Customs,Normal,No,Submitted"))
    );
    assert!(lines[1].ends_with(",Overdue"), "{text}");
    let (_, zh) = app.page("/cases/export.csv?q=licence").await;
    assert!(zh.trim_start_matches('\u{FEFF}').starts_with("受理编号,"), "{zh}");
    assert_eq!(zh.lines().count(), 4);

    // The leader's dashboard counts it among the cases overdue now.
    let overdue = |d: Value| crate::dashboard::figure(&d, "cases_overdue").0;
    assert_eq!(overdue(crate::dashboard::dashboard(&leader, &[]).await), serde_json::json!({"Count": 1}));

    // A resolved case is no longer late.
    for (version, to) in [(1, "accepted"), (2, "in_progress"), (3, "resolved")] {
        assert_eq!(move_case(&officer, late, version, to, "").await.status(), StatusCode::OK);
    }
    assert_eq!(list(&officer, &[("due", "overdue")]).await["total"], 0);
    assert_eq!(case(&officer, late).await["summary"]["deadline"], "finished");
    assert_eq!(overdue(crate::dashboard::dashboard(&leader, &[]).await), serde_json::json!({"Count": 0}));
    crate::dashboard::assert_totals_agree(&app.db).await;

    // A department liaison sees neither the lists nor the export.
    assert_eq!(department.get("/deadlines").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(department.get("/cases/export.csv").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(department.call::<app::cases::api::ListCases>(&[]).await.status(), StatusCode::FORBIDDEN);
}
both!(cases_at_risk_and_overdue_are_listed_and_flagged_for_the_leader);
