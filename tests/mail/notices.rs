//! Notices the office sends of itself: a late case, once, and each officer's morning digest.

use super::investor_case;
use crate::both;
use crate::cases::{case, officer_with_enterprise};
use crate::common::{spawn_app_with, Backend, TestApp};
use reqwest::StatusCode;

/// The office's date `days` from today.
fn office_day(days: i64) -> chrono::NaiveDate {
    app::domain::office_today(chrono::Utc::now()) + chrono::Duration::days(days)
}

async fn outbox_rows(app: &TestApp, kind: &str) -> Vec<(String, String, String)> {
    app::on_db!(&app.db, |pool| {
        sqlx::query_as::<_, (String, String, String)>(
            "select recipient, subject, body_text from outbox where kind = $1 order by recipient",
        )
        .bind(kind)
        .fetch_all(pool)
        .await
    })
    .expect("outbox rows")
}

async fn the_officer_and_the_leader_hear_once_that_a_case_is_late(b: Backend) {
    let app = spawn_app_with(b, &[]).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let me: serde_json::Value = leader.call::<app::auth::api::Me>(&[]).await.json().await.expect("me");
    let r = app
        .call::<app::enterprises::api::SetResponsibleLeader>(&[
            ("id", &enterprise.to_string()),
            ("leader_id", &me["id"].to_string()),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let late = investor_case(&officer, enterprise, "claire@lille.example", "fr").await;
    let fine = investor_case(&officer, enterprise, "john@leeds.example", "en").await;
    let customs_id = app::admin::db::departments::list(&app.db)
        .await
        .expect("departments")
        .iter()
        .find(|d| d.code == "customs")
        .expect("customs")
        .id;
    let r = officer
        .call::<app::cases::api::RouteCase>(&[("id", &late.to_string()), ("department_ids[]", &customs_id.to_string())])
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    // Time passes: the case was due yesterday, so was the customs task; the other is weeks away.
    let yesterday = office_day(-1);
    app.execute(&format!("update cases set due_on = '{yesterday}' where id = {late}")).await;
    app.execute(&format!("update cases set due_on = '{}' where id = {fine}", office_day(30))).await;
    app.execute(&format!("update case_tasks set due_on = '{yesterday}' where case_id = {late}")).await;

    let state = app::state::ServerState::new(app.db.clone(), app.config.settings.clone());
    let queued = app::cases::notices::deadlines(&state).await.expect("notices run");
    assert_eq!(queued, 3, "the officer, the leader and the customs liaison");
    let late_ref = case(&officer, late).await["summary"]["reference"].as_str().expect("reference").to_string();
    let overdue = outbox_rows(&app, "case_overdue").await;
    let to: Vec<&str> = overdue.iter().map(|(r, ..)| r.as_str()).collect();
    assert_eq!(to, ["leader@liaison.test", "officer1@liaison.test"]);
    assert_eq!(overdue[1].1, format!("Overdue: case {late_ref}"));
    let task = outbox_rows(&app, "task_overdue").await;
    assert_eq!(task.len(), 1);
    assert_eq!(task[0].0, "customs@liaison.test");

    // A second run, on this server or another, sends nothing again.
    let other = app::state::ServerState::new(app.db.clone(), app.config.settings.clone());
    assert_eq!(app::cases::notices::deadlines(&other).await.expect("notices run"), 0, "once only");
    // Nothing about the case that is on track.
    assert!(outbox_rows(&app, "case_at_risk").await.is_empty());
    drop(customs);
}
both!(the_officer_and_the_leader_hear_once_that_a_case_is_late);

async fn each_officer_gets_a_morning_digest_unless_they_switch_it_off(b: Backend) {
    use chrono::TimeZone;
    let app = spawn_app_with(b, &[]).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let late = investor_case(&officer, enterprise, "claire@lille.example", "fr").await;
    investor_case(&officer, enterprise, "john@leeds.example", "en").await;
    app.execute(&format!("update cases set due_on = '2026-12-01' where id = {late}")).await;
    let state = app::state::ServerState::new(app.db.clone(), app.config.settings.clone());

    // Thursday 3 December 2026, a working day: nothing before 08:00 in the office, then one digest.
    let early = chrono::Utc.with_ymd_and_hms(2026, 12, 2, 23, 30, 0).single().expect("time");
    assert_eq!(app::cases::notices::digests(&state, early).await.expect("digests"), 0, "07:30 is too early");
    let morning = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).single().expect("time");
    assert_eq!(app::cases::notices::digests(&state, morning).await.expect("digests"), 1);
    assert_eq!(app::cases::notices::digests(&state, morning).await.expect("digests"), 0, "once a day");
    let digest = outbox_rows(&app, "digest").await;
    assert_eq!(digest[0].0, "officer1@liaison.test");
    assert!(digest[0].1.contains("1 overdue"), "{}", digest[0].1);
    let late_ref = case(&officer, late).await["summary"]["reference"].as_str().expect("reference").to_string();
    let body = &digest[0].2;
    assert!(body.find("Overdue:").expect("an overdue group") < body.find(&late_ref).expect("the late case"), "{body}");

    // Saturday: no digest. The officer switches it off: none on Monday either.
    let saturday = chrono::Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).single().expect("time");
    assert_eq!(app::cases::notices::digests(&state, saturday).await.expect("digests"), 0);
    let r = officer.submit::<app::mail::api::SetDailyDigest>("/account", &[]).await;
    assert!(r.status().is_redirection(), "{}", r.status());
    let (_, page) = officer.page("/account").await;
    assert!(page.contains("id=\"digest\"") && !page.contains("checked"), "the box is unticked");
    let monday = chrono::Utc.with_ymd_and_hms(2026, 12, 7, 1, 0, 0).single().expect("time");
    assert_eq!(app::cases::notices::digests(&state, monday).await.expect("digests"), 0, "switched off");
    let r = officer.call::<app::mail::api::SetDailyDigest>(&[("enabled", "true")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app::cases::notices::digests(&state, monday).await.expect("digests"), 1, "back on");
}
both!(each_officer_gets_a_morning_digest_unless_they_switch_it_off);
