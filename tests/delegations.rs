//! Delegations: a protocol officer registers a visit, its members and the office's resources,
//! builds the itinerary and is stopped before double-booking an interpreter (touching items
//! are fine, a change of venue needs the travel buffer); two officers booking the same
//! interpreter at the same moment cannot both succeed; confirming over a clash needs a
//! written reason; passport numbers stay with the delegation's officer; the calendar file
//! and the printed programme say the right things at the right times.

use crate::both;
use crate::common::*;
use app::delegations::Clash;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

async fn create(who: &TestApp, title: &str, language: &str, countries: &[&str], from: &str, to: &str) -> i64 {
    let mut form = vec![
        ("direction", "incoming"),
        ("title", title),
        ("organisation", "Métropole Européenne de Lille"),
        ("language", language),
        ("starts_on", from),
        ("ends_on", to),
        ("purpose", "Lettre d’intention de ville amie"),
    ];
    form.extend(countries.iter().map(|c| ("countries[]", *c)));
    let r = who.call("create_delegation", &form).await;
    assert_eq!(r.status(), StatusCode::OK, "delegation {title} created");
    r.json().await.unwrap()
}

async fn resource(who: &TestApp, kind: &str, name: &str, languages: &[&str]) -> String {
    let mut form = vec![("kind", kind), ("name", name)];
    form.extend(languages.iter().map(|l| ("languages[]", *l)));
    let r = who.call("add_resource", &form).await;
    assert_eq!(r.status(), StatusCode::OK, "resource {name} added");
    r.json::<i64>().await.unwrap().to_string()
}

#[derive(Clone)]
struct Booking<'a> {
    day: &'a str,
    starts: &'a str,
    ends: &'a str,
    title: &'a str,
    venue: &'a str,
    resources: Vec<&'a str>,
}

async fn book(who: &TestApp, delegation: i64, b: &Booking<'_>, anyway: bool) -> reqwest::Response {
    let id = delegation.to_string();
    let mut form = vec![
        ("id", id.as_str()),
        ("day", b.day),
        ("starts", b.starts),
        ("ends", b.ends),
        ("activity", "meeting"),
        ("title_zh", b.title),
        ("title_foreign", "Entretien avec le maire"),
        ("venue_id", b.venue),
        ("item_notes", "INTERNAL-NOTE-MARKER"),
    ];
    form.extend(b.resources.iter().map(|r| ("resource_ids[]", *r)));
    if anyway {
        form.push(("accept_clashes", "true"));
    }
    who.call("save_itinerary_item", &form).await
}

async fn delegation(who: &TestApp, id: i64) -> Value {
    let r = who.call("delegation", &[("id", &id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn clashes_of(r: reqwest::Response) -> Vec<Clash> {
    match app_error(r).await {
        (StatusCode::CONFLICT, AppError::BookingClashes(c)) => c,
        other => panic!("expected booking clashes, got {other:?}"),
    }
}

async fn move_to(who: &TestApp, id: i64, to: &str, reason: &str) -> reqwest::Response {
    let d = delegation(who, id).await;
    let version = d["version"].to_string();
    who.call(
        "change_delegation_status",
        &[("id", &id.to_string()), ("version", &version), ("to_status", to), ("reason", reason)],
    )
    .await
}

async fn a_protocol_officer_plans_a_visit_without_double_booking(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-02").await;
    let hall = resource(&officer, "venue", "市政府会见厅", &[]).await;
    let park = resource(&officer, "venue", "高新区展示中心", &[]).await;
    let wang = resource(&officer, "interpreter", "王芳", &["fr"]).await;
    let mayor = resource(&officer, "official", "张市长", &[]).await;
    let bus = resource(&officer, "vehicle", "考斯特 1 号", &[]).await;

    // Two items back to back in the same hall with the same interpreter: no clash.
    let morning = Booking {
        day: "2026-12-01",
        starts: "09:00",
        ends: "10:30",
        title: "市长会见",
        venue: &hall,
        resources: vec![&wang, &mayor],
    };
    let r = book(&officer, lille, &morning, false).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["clashes"], serde_json::json!([]));
    let talks = Booking { starts: "10:30", ends: "11:30", title: "经贸座谈", ..morning.clone() };
    assert_eq!(book(&officer, lille, &talks, false).await.status(), StatusCode::OK);

    // Across town fifteen minutes later: the interpreter cannot make it (30 minutes' travel).
    let visit = Booking {
        starts: "11:45",
        ends: "12:30",
        title: "参观展示中心",
        venue: &park,
        resources: vec![&wang, &bus],
        ..talks
    };
    let clashes = clashes_of(book(&officer, lille, &visit, false).await).await;
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!(clashes[0].resource_name, "王芳");
    assert_eq!(clashes[0].other_title, "经贸座谈");
    assert_eq!(clashes[0].other_delegation_id, lille);
    assert_eq!(delegation(&officer, lille).await["items"].as_array().unwrap().len(), 2, "nothing saved");
    // Half an hour later is enough.
    let visit = Booking { starts: "12:00", ends: "12:45", ..visit };
    assert_eq!(book(&officer, lille, &visit, false).await.status(), StatusCode::OK);

    // Another delegation wants the same interpreter the next morning while Lille has her.
    let day2 = Booking { day: "2026-12-02", starts: "09:00", ends: "11:00", title: "签约仪式", ..morning };
    assert_eq!(book(&officer, lille, &day2, false).await.status(), StatusCode::OK);
    let padua = create(&officer, "帕多瓦市代表团", "en", &["IT"], "2026-12-02", "2026-12-03").await;
    let clash = Booking {
        day: "2026-12-02",
        starts: "10:00",
        ends: "11:30",
        title: "大学交流",
        venue: "",
        resources: vec![&wang],
    };
    let clashes = clashes_of(book(&officer, padua, &clash, false).await).await;
    assert_eq!(clashes[0].other_delegation_title, "里尔市代表团");
    assert_eq!(clashes[0].other_title, "签约仪式");
    // The officer books anyway: saved, with the clash reported back.
    let r = book(&officer, padua, &clash, true).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["clashes"].as_array().unwrap().len(), 1);

    // Lille's page shows the clash with Padua's item; confirming it needs a reason.
    let page = delegation(&officer, lille).await;
    let clashes = page["clashes"].as_array().unwrap();
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!(clashes[0]["other_delegation_title"], "帕多瓦市代表团");
    assert_eq!(
        move_to(&officer, lille, "confirmed", "").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "not from draft"
    );
    assert_eq!(move_to(&officer, lille, "approved", "").await.status(), StatusCode::OK);
    let (status, e) = app_error(move_to(&officer, lille, "confirmed", "").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(e.field_errors()[0].code, FieldCode::ClashesNeedOverride);
    let reason = "王芳上午同时为两团翻译，帕多瓦团由外办另行安排英语翻译。";
    assert_eq!(move_to(&officer, lille, "confirmed", reason).await.status(), StatusCode::OK);
    let page = delegation(&officer, lille).await;
    assert_eq!(page["status"], "confirmed");
    assert_eq!(page["override_reason"], reason);
    let history = officer.call("delegation_history", &[("id", &lille.to_string())]).await.text().await.unwrap();
    assert!(
        history.contains("override_reason") && history.contains("帕多瓦团由外办另行安排"),
        "the override is audited"
    );

    // Cancelling Padua (with a reason) releases its booking: Lille has no clash left.
    assert_eq!(move_to(&officer, padua, "cancelled", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(move_to(&officer, padua, "cancelled", "访问推迟").await.status(), StatusCode::OK);
    assert_eq!(delegation(&officer, lille).await["clashes"], serde_json::json!([]));

    // A member who speaks English has no interpreter at the meetings (王芳 works in French).
    let member = [
        ("id", lille.to_string()),
        ("passport_name", "SMITH John".to_string()),
        ("member_language", "en".to_string()),
        ("passport_number", "GB1234567".to_string()),
    ];
    let member: Vec<(&str, &str)> = member.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call("add_delegation_member", &member).await.status(), StatusCode::OK);
    let gaps = delegation(&officer, lille).await["language_gaps"].as_array().unwrap().clone();
    assert_eq!(gaps.len(), 4, "every meeting has only a French interpreter: {gaps:?}");
    assert!(gaps.iter().all(|g| g["language"] == "en"));

    // The calendar file: four events at the right instants (Beijing time is UTC+8).
    let r = officer.get(&format!("/delegations/{lille}/itinerary.ics")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = r.text().await.unwrap();
    let calendar: icalendar::Calendar = text.parse().expect("an iCalendar file");
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 4);
    let first =
        events.iter().find(|e| e.get_summary().is_some_and(|s| s.starts_with("市长会见"))).expect("the meeting");
    let utc = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc);
    assert_eq!(first.get_start(), Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(utc("2026-12-01T01:00:00Z")))));
    assert_eq!(first.get_end(), Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(utc("2026-12-01T02:30:00Z")))));
    assert_eq!(first.get_location(), Some("市政府会见厅"));
    assert!(first.get_description().unwrap().contains("张市长"));
    assert!(!text.contains("INTERNAL-NOTE-MARKER") && !text.contains("GB1234567"));

    // The printed programme: Chinese beside French, times in Beijing time, nothing internal.
    let (status, html) = officer.page(&format!("/delegations/{lille}/programme")).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "日程安排",
        "Programme",
        "会见会谈",
        "Entretien",
        "09:00–10:30",
        "Entretien avec le maire",
        "张市长",
        "SMITH John",
    ] {
        assert!(html.contains(expected), "the programme shows {expected}");
    }
    assert!(!html.contains("INTERNAL-NOTE-MARKER") && !html.contains("GB1234567"));
    let (_, english) = officer.page(&format!("/delegations/{lille}/programme?lang=en")).await;
    assert!(english.contains("Meeting") && english.contains("Hosts:"));
}
both!(a_protocol_officer_plans_a_visit_without_double_booking);

async fn two_officers_cannot_book_one_interpreter_at_the_same_moment(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let first = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let second = app.signed_in("protocol2@liaison.test", "protocol_officer", "").await;
    let lille = create(&first, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-01").await;
    let samarkand = create(&second, "撒马尔罕市代表团", "en", &["UZ"], "2026-12-01", "2026-12-01").await;
    let wang = resource(&first, "interpreter", "王芳", &["fr", "en"]).await;
    for hour in 8..14 {
        let (starts, ends) = (format!("{hour:02}:00"), format!("{hour:02}:45"));
        let booking = Booking {
            day: "2026-12-01",
            starts: &starts,
            ends: &ends,
            title: "会见",
            venue: "",
            resources: vec![&wang],
        };
        let (a, b) = tokio::join!(book(&first, lille, &booking, false), book(&second, samarkand, &booking, false));
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "at {starts}: exactly one booking wins");
        let loser = if a.status() == StatusCode::CONFLICT { a } else { b };
        assert_eq!(clashes_of(loser).await.len(), 1, "the loser sees the winner's item");
    }
    let booked = delegation(&first, lille).await["items"].as_array().unwrap().len()
        + delegation(&second, samarkand).await["items"].as_array().unwrap().len();
    assert_eq!(booked, 6);
}
both!(two_officers_cannot_book_one_interpreter_at_the_same_moment);

async fn bad_input_is_refused_field_by_field_and_saves_nothing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let form = [
        ("direction", "sideways"),
        ("title", ""),
        ("countries[]", "XX"),
        ("language", "de"),
        ("starts_on", "2026-12-05"),
        ("ends_on", "2026-12-01"),
    ];
    let (status, e) = app_error(officer.call("create_delegation", &form).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(&str, FieldCode)> = e.field_errors().iter().map(|f| (f.field.as_str(), f.code)).collect();
    for expected in [
        ("direction", FieldCode::UnknownDirection),
        ("title", FieldCode::Required),
        ("countries", FieldCode::UnknownCountry),
        ("language", FieldCode::UnknownLocale),
        ("ends_on", FieldCode::EndsBeforeStart),
    ] {
        assert!(fields.contains(&expected), "{expected:?} in {fields:?}");
    }
    let list: Value = officer.call("delegations", &[]).await.json().await.unwrap();
    assert_eq!(list, serde_json::json!([]), "nothing saved");

    let id = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-02").await;
    let r = officer.call("add_resource", &[("kind", "interpreter"), ("name", "王芳")]).await;
    assert_eq!(app_error(r).await.1, AppError::field("languages", FieldCode::InterpreterNeedsLanguage));
    let wang = resource(&officer, "interpreter", "王芳", &["fr"]).await;
    let r = officer.call("add_resource", &[("kind", "interpreter"), ("name", "王芳"), ("languages[]", "en")]).await;
    assert_eq!(app_error(r).await.1, AppError::field("name", FieldCode::ResourceNameTaken));

    let outside =
        Booking {
            day: "2026-12-03", starts: "09:00", ends: "10:00", title: "会见", venue: "", resources: vec![&wang]
        };
    let (_, e) = app_error(book(&officer, id, &outside, false).await).await;
    assert_eq!(e.field_errors()[0].code, FieldCode::DayOutsideVisit);
    let backwards = Booking { day: "2026-12-01", starts: "10:00", ends: "09:00", ..outside };
    let (_, e) = app_error(book(&officer, id, &backwards, false).await).await;
    assert_eq!(e.field_errors()[0].code, FieldCode::EndsBeforeStart);
    let unknown = Booking { starts: "09:00", ends: "10:00", resources: vec!["999999"], ..backwards };
    let (_, e) = app_error(book(&officer, id, &unknown, false).await).await;
    assert_eq!(e.field_errors()[0].code, FieldCode::UnknownResource);
    let passport = [
        ("id", id.to_string()),
        ("passport_name", "MARTIN Claire".into()),
        ("member_language", "fr".into()),
        ("passport_number", "12-34".into()),
    ];
    let passport: Vec<(&str, &str)> = passport.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, e) = app_error(officer.call("add_delegation_member", &passport).await).await;
    assert_eq!(e.field_errors()[0].code, FieldCode::InvalidPassportNumber);
    let d = delegation(&officer, id).await;
    assert_eq!(d["items"], serde_json::json!([]));
    assert_eq!(d["members"], serde_json::json!([]));
}
both!(bad_input_is_refused_field_by_field_and_saves_nothing);

async fn who_may_do_what_with_delegations(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let colleague = app.signed_in("protocol2@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let liaison = app.signed_in("liaison@liaison.test", "liaison_officer", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;

    let form = [
        ("direction", "outgoing"),
        ("title", "赴法国经贸考察团"),
        ("countries[]", "FR"),
        ("language", "fr"),
        ("starts_on", "2027-03-10"),
        ("ends_on", "2027-03-16"),
    ];
    let r = officer.call("create_delegation", &form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let mission: i64 = r.json().await.unwrap();
    let member = [
        ("id", mission.to_string()),
        ("passport_name", "ZHANG Wei".into()),
        ("member_language", "zh-CN".into()),
        ("passport_number", "E12345678".into()),
    ];
    let member: Vec<(&str, &str)> = member.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call("add_delegation_member", &member).await.status(), StatusCode::OK);

    // Neither an investment liaison officer nor a department liaison sees delegations.
    for outsider in [&liaison, &customs] {
        assert_eq!(app_error(outsider.call("delegations", &[]).await).await.0, StatusCode::FORBIDDEN);
        assert_eq!(
            app_error(outsider.call("delegation", &[("id", &mission.to_string())]).await).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(outsider.get(&format!("/delegations/{mission}/programme")).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(outsider.get("/delegations").await.status(), StatusCode::FORBIDDEN);
        assert_eq!(app_error(outsider.call("create_delegation", &form).await).await.0, StatusCode::FORBIDDEN);
    }
    // A leader reads but does not plan.
    assert_eq!(leader.call("delegations", &[]).await.status(), StatusCode::OK);
    assert_eq!(app_error(leader.call("create_delegation", &form).await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app_error(leader.call("add_delegation_member", &member).await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        app_error(leader.call("add_resource", &[("kind", "venue"), ("name", "会议室")]).await).await.0,
        StatusCode::FORBIDDEN
    );

    // A mission abroad is approved by a leader, not by the protocol officers.
    assert_eq!(app_error(move_to(&officer, mission, "approved", "").await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(delegation(&officer, mission).await["next_statuses"], serde_json::json!(["cancelled"]));
    assert_eq!(delegation(&leader, mission).await["next_statuses"], serde_json::json!(["approved"]));
    assert_eq!(move_to(&leader, mission, "approved", "").await.status(), StatusCode::OK);
    assert_eq!(app_error(move_to(&leader, mission, "confirmed", "").await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(move_to(&officer, mission, "confirmed", "").await.status(), StatusCode::OK);

    // The passport number is whole only for the delegation's own officer, and that view is audited.
    let whole = delegation(&officer, mission).await;
    assert_eq!(whole["members"][0]["passport_number"], "E12345678");
    for other in [&colleague, &leader, &app] {
        let d = delegation(other, mission).await;
        assert_eq!(d["members"][0]["passport_number"], "E••••••78");
        assert_eq!(d["members"][0]["passport_masked"], true);
    }
    let me: Value = officer.call("me", &[]).await.json().await.unwrap();
    let audit =
        app.call("audit", &[("filter[action]", "personal_data_viewed"), ("filter[entity_type]", "delegation")]).await;
    let audit: Value = audit.json().await.unwrap();
    let entries = audit["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.iter().all(|e| e["actor_id"] == me["id"]), "{entries:?}");
}
both!(who_may_do_what_with_delegations);

async fn add_member(who: &TestApp, id: i64, name: &str) -> StatusCode {
    let id = id.to_string();
    who.call("add_delegation_member", &[("id", id.as_str()), ("passport_name", name), ("member_language", "fr")])
        .await
        .status()
}

async fn a_mission_abroad_beyond_the_rules_needs_a_leaders_written_justification(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;

    // The office allows 10 days, 3 countries and 6 members (the seeded rules).
    let rules: Value = officer.call("mission_rules", &[]).await.json().await.unwrap();
    assert_eq!(
        (rules["max_days"].as_i64(), rules["max_countries"].as_i64(), rules["max_members"].as_i64()),
        (Some(10), Some(3), Some(6))
    );
    let form = [
        ("direction", "outgoing"),
        ("title", "赴欧洲经贸考察团"),
        ("countries[]", "FR"),
        ("countries[]", "IT"),
        ("countries[]", "ES"),
        ("countries[]", "DE"),
        ("language", "fr"),
        ("starts_on", "2027-03-01"),
        ("ends_on", "2027-03-11"),
    ];
    let r = officer.call("create_delegation", &form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let mission: i64 = r.json().await.unwrap();
    for name in ["ZHANG Wei", "LI Na"] {
        assert_eq!(add_member(&officer, mission, name).await, StatusCode::OK);
    }
    let breaches = delegation(&leader, mission).await["breaches"].clone();
    assert_eq!(
        breaches,
        serde_json::json!([
            { "rule": "days", "limit": 10, "planned": 11 },
            { "rule": "countries", "limit": 3, "planned": 4 }
        ])
    );
    let (status, e) = app_error(move_to(&leader, mission, "approved", "").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(e, AppError::field("reason", FieldCode::MissionRulesBreached));
    assert_eq!(delegation(&leader, mission).await["status"], "draft", "nothing changed");
    let why = "第四站德国为省政府统一安排的对口交流，多一天用于签约。";
    assert_eq!(move_to(&leader, mission, "approved", why).await.status(), StatusCode::OK);
    let history = leader.call("delegation_history", &[("id", &mission.to_string())]).await.text().await.unwrap();
    assert!(history.contains("justification") && history.contains("rules_breached"), "{history}");

    // Only an admin changes the rules; a stale form is refused.
    let set = |version: &str| {
        [
            ("version", version.to_string()),
            ("max_days", "12".into()),
            ("max_countries", "4".into()),
            ("max_members", "8".into()),
        ]
    };
    let version = rules["version"].to_string();
    let form = set(&version);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app_error(leader.call("set_mission_rules", &form).await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app_error(officer.call("set_mission_rules", &form).await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.call("set_mission_rules", &form).await.status(), StatusCode::OK);
    assert_eq!(app_error(app.call("set_mission_rules", &form).await).await.1, AppError::StaleVersion);
    let zero = [("version", "2"), ("max_days", "0"), ("max_countries", "4"), ("max_members", "8")];
    assert_eq!(
        app_error(app.call("set_mission_rules", &zero).await).await.1,
        AppError::field("max_days", FieldCode::LimitOutOfRange)
    );
    // Within the new rules the same plan breaks nothing.
    let second = officer
        .call(
            "create_delegation",
            &[
                ("direction", "outgoing"),
                ("title", "赴法国友城访问团"),
                ("countries[]", "FR"),
                ("language", "fr"),
                ("starts_on", "2027-05-01"),
                ("ends_on", "2027-05-12"),
            ],
        )
        .await
        .json::<i64>()
        .await
        .unwrap();
    assert_eq!(delegation(&leader, second).await["breaches"], serde_json::json!([]));
    assert_eq!(move_to(&leader, second, "approved", "").await.status(), StatusCode::OK);
}
both!(a_mission_abroad_beyond_the_rules_needs_a_leaders_written_justification);

async fn gifts_outcomes_and_the_years_figures(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-03-02", "2026-03-03").await;
    let padua = create(&officer, "帕多瓦市代表团", "en", &["IT", "FR"], "2026-03-30", "2026-04-01").await;
    let late = create(&officer, "首尔代表团", "en", &["KR"], "2026-12-31", "2027-01-02").await;
    let next = create(&officer, "大阪代表团", "en", &["JP"], "2027-01-01", "2027-01-02").await;
    let cancelled = create(&officer, "撒马尔罕市代表团", "en", &["UZ"], "2026-05-01", "2026-05-02").await;
    for (id, n) in [(lille, 8), (padua, 5), (late, 3), (next, 9), (cancelled, 4)] {
        for i in 0..n {
            assert_eq!(add_member(&officer, id, &format!("MEMBER {i}")).await, StatusCode::OK);
        }
    }
    assert_eq!(move_to(&officer, cancelled, "cancelled", "访问取消").await.status(), StatusCode::OK);

    let stats: Value = leader.call("delegation_statistics", &[("year", "2026")]).await.json().await.unwrap();
    assert_eq!(stats["incoming"], serde_json::json!({ "delegations": 3, "people": 16 }));
    assert_eq!(stats["outgoing"], serde_json::json!({ "delegations": 0, "people": 0 }));
    assert_eq!(stats["months"][2][0], serde_json::json!({ "delegations": 2, "people": 13 }));
    assert_eq!(stats["months"][11][0], serde_json::json!({ "delegations": 1, "people": 3 }));
    assert_eq!(stats["months"][4][0], serde_json::json!({ "delegations": 0, "people": 0 }), "cancelled: not counted");
    assert_eq!(stats["countries"][0][0], "FR");
    assert_eq!(stats["countries"][0][1], serde_json::json!({ "delegations": 2, "people": 13 }));
    let (status, page) = leader.page("/delegations/statistics?year=2026").await;
    assert_eq!(status, StatusCode::OK);
    let page = page.replace(['\u{2068}', '\u{2069}'], "");
    assert!(page.contains("3 incoming delegations, 16 visitors"), "the headline");

    // Gifts: registered with their value, refused without a description, exported for the year.
    let gift = |id: i64, direction: &'static str, on: &'static str, what: &'static str, value: &'static str| {
        [
            ("id", id.to_string()),
            ("gift_direction", direction.to_string()),
            ("given_on", on.to_string()),
            ("gift_description", what.to_string()),
            ("value_cny", value.to_string()),
            ("giver", "张市长".to_string()),
            ("receiver", "Mme Martine Aubry".to_string()),
            ("disposition", "上交办公室保管".to_string()),
        ]
    };
    for g in [
        gift(lille, "given", "2026-03-02", "景德镇青花瓷瓶", "1,200.50"),
        gift(lille, "received", "2026-03-03", "=Lille city medal", ""),
        gift(next, "given", "2027-01-01", "茶叶礼盒", "300"),
    ] {
        let form: Vec<(&str, &str)> = g.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(officer.call("add_delegation_gift", &form).await.status(), StatusCode::OK);
    }
    let bad = gift(lille, "lent", "2026-13-01", "", "a lot");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, e) = app_error(officer.call("add_delegation_gift", &bad).await).await;
    let codes: Vec<FieldCode> = e.field_errors().iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec![
            FieldCode::UnknownGiftDirection,
            FieldCode::InvalidDate,
            FieldCode::Required,
            FieldCode::InvalidYuanAmount
        ]
    );
    let form = gift(lille, "given", "2026-03-02", "x", "1");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app_error(leader.call("add_delegation_gift", &form).await).await.0, StatusCode::FORBIDDEN);
    let d = delegation(&officer, lille).await;
    assert_eq!(d["gifts"].as_array().unwrap().len(), 2);
    assert_eq!(d["gifts"][0]["value_cny_cents"], 120_050);
    // The admin reads Chinese: so do the export's headers.
    let (status, csv) = app.page("/delegations/gifts.csv?year=2026").await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with('\u{FEFF}'), "byte-order mark for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), 3, "the header and 2026's two gifts, not 2027's: {csv}");
    assert!(lines[0].starts_with("日期,赠送或受赠,礼品,估值（元）"), "{}", lines[0]);
    assert!(lines[1].contains("景德镇青花瓷瓶") && lines[1].contains("¥1,200.50") && lines[1].contains("里尔市代表团"));
    assert!(lines[2].contains("'=Lille city medal"), "formulas neutralised: {}", lines[2]);

    // Outcomes come once the visit is under way, and may name an enterprise by its credit code.
    let outcome = |id: i64, code: &'static str| {
        [
            ("id", id.to_string()),
            ("outcome_kind", "agreement".to_string()),
            ("outcome_description", "签署友好交流城市意向书".to_string()),
            ("credit_code", code.to_string()),
        ]
    };
    let early = outcome(lille, "");
    let early: Vec<(&str, &str)> = early.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app_error(officer.call("add_delegation_outcome", &early).await).await.1,
        AppError::field("outcome_kind", FieldCode::OutcomeTooEarly)
    );
    for to in ["approved", "confirmed", "in_progress"] {
        assert_eq!(move_to(&officer, lille, to, "").await.status(), StatusCode::OK, "{to}");
    }
    assert_eq!(officer.call("add_delegation_outcome", &early).await.status(), StatusCode::OK);
    let liaison = app.signed_in("liaison@liaison.test", "liaison_officer", "").await;
    let r = liaison
        .call(
            "register_enterprise",
            &[
                ("name_zh", "里尔精密模具有限公司"),
                ("name_original", "Moules de Précision de Lille SARL"),
                ("credit_code", "91350100M000100Y43"),
                ("country", "FR"),
                ("lifecycle", "lead"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let enterprise: i64 = r.json().await.unwrap();
    let unknown = outcome(lille, "91110000802100433B");
    let unknown: Vec<(&str, &str)> = unknown.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app_error(officer.call("add_delegation_outcome", &unknown).await).await.1,
        AppError::field("credit_code", FieldCode::EnterpriseNotFound)
    );
    let linked = [
        ("id", lille.to_string()),
        ("outcome_kind", "lead".to_string()),
        ("outcome_description", "模具厂扩产意向".to_string()),
        ("credit_code", "91350100M000100Y43".to_string()),
    ];
    let linked: Vec<(&str, &str)> = linked.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(officer.call("add_delegation_outcome", &linked).await.status(), StatusCode::OK);
    let outcomes = delegation(&leader, lille).await["outcomes"].clone();
    assert_eq!(outcomes.as_array().unwrap().len(), 2);
    assert_eq!(outcomes[1]["enterprise_id"], enterprise);
    assert_eq!(outcomes[1]["enterprise_name"], "里尔精密模具有限公司");
}
both!(gifts_outcomes_and_the_years_figures);

async fn every_delegation_page_renders_for_those_who_may_see_it(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let id = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-02").await;
    let wang = resource(&officer, "interpreter", "王芳", &["fr"]).await;
    let item = Booking {
        day: "2026-12-01",
        starts: "09:00",
        ends: "10:00",
        title: "市长会见",
        venue: "",
        resources: vec![&wang],
    };
    assert_eq!(book(&officer, id, &item, false).await.status(), StatusCode::OK);
    // Created accounts read English.
    let pages = [
        ("/delegations".to_string(), "里尔市代表团"),
        (format!("/delegations/{id}"), "Itinerary"),
        ("/delegations/statistics?year=2026".to_string(), "Delegations in figures"),
        ("/delegations/gifts?year=2026".to_string(), "Gift register"),
        ("/delegations/rules".to_string(), "Rules for outgoing delegations"),
    ];
    for who in [&officer, &leader] {
        for (path, expected) in &pages {
            let (status, html) = who.page(path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(html.contains(expected), "{path} shows {expected}");
        }
    }
    for path in ["/delegations/new", "/delegations/resources"] {
        assert_eq!(officer.page(path).await.0, StatusCode::OK, "{path}");
        assert_eq!(leader.page(path).await.0, StatusCode::FORBIDDEN, "{path}");
    }
    // Only the admin gets the rules as a form.
    assert!(app.page("/delegations/rules").await.1.contains("name=\"max_days\""));
    assert!(!leader.page("/delegations/rules").await.1.contains("name=\"max_days\""));
    // The planning forms are the planners' only.
    assert!(officer.page(&format!("/delegations/{id}")).await.1.contains("name=\"title_zh\""));
    assert!(!leader.page(&format!("/delegations/{id}")).await.1.contains("name=\"title_zh\""));
    assert_eq!(officer.page("/delegations/999999").await.0, StatusCode::NOT_FOUND);
}
both!(every_delegation_page_renders_for_those_who_may_see_it);

async fn the_calendar_shows_a_month_or_a_week_by_resource_or_delegation(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-11-30", "2026-12-02").await;
    let padua = create(&officer, "帕多瓦市代表团", "en", &["IT"], "2026-12-14", "2026-12-15").await;
    let wang = resource(&officer, "interpreter", "王芳", &["fr", "en"]).await;
    let hall = resource(&officer, "venue", "市政府会见厅", &[]).await;
    fn at<'a>(day: &'a str, title: &'a str, venue: &'a str) -> Booking<'a> {
        Booking { day, starts: "09:00", ends: "10:00", title, venue, resources: vec![] }
    }
    // 30 November 07:00 Beijing time is still 29 November in UTC; it shows on the 30th.
    let early = Booking { starts: "07:00", ends: "08:00", resources: vec![&wang], ..at("2026-11-30", "早餐会", "") };
    for (id, b) in [
        (lille, early),
        (lille, Booking { resources: vec![&wang], ..at("2026-12-01", "市长会见", &hall) }),
        (lille, at("2026-12-02", "参观高新区", "")),
        (padua, Booking { resources: vec![&wang], ..at("2026-12-14", "大学交流", &hall) }),
    ] {
        assert_eq!(book(&officer, id, &b, false).await.status(), StatusCode::OK);
    }
    let titles = |v: Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|i| i["title_zh"].as_str().unwrap().to_string()).collect()
    };
    let calendar = |view: &'static str, date: &'static str, resource: Option<String>, delegation: Option<i64>| {
        let mut form = vec![("filter[view]", view.to_string()), ("filter[date]", date.to_string())];
        form.extend(resource.map(|r| ("filter[resource_id]", r)));
        form.extend(delegation.map(|d| ("filter[delegation_id]", d.to_string())));
        let officer = &officer;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = officer.call("delegation_calendar", &form).await;
            assert_eq!(r.status(), StatusCode::OK);
            r.json::<Value>().await.unwrap()
        }
    };
    // December's grid runs from Monday 30 November to Sunday 3 January.
    let month = calendar("month", "2026-12-20", None, None).await;
    assert_eq!(titles(month.clone()), ["早餐会", "市长会见", "参观高新区", "大学交流"]);
    assert_eq!(month[1]["resources"], serde_json::json!(["市政府会见厅", "王芳"]), "the venue first");
    assert_eq!(titles(calendar("week", "2026-12-16", None, None).await), ["大学交流"]);
    assert_eq!(
        titles(calendar("month", "2026-12-20", Some(wang.clone()), None).await),
        ["早餐会", "市长会见", "大学交流"]
    );
    assert_eq!(titles(calendar("month", "2026-12-20", Some(hall.clone()), Some(lille)).await), ["市长会见"]);
    assert_eq!(titles(calendar("month", "2026-10-01", None, None).await), Vec::<String>::new());
    // A cancelled delegation leaves the calendar.
    assert_eq!(move_to(&officer, padua, "cancelled", "推迟").await.status(), StatusCode::OK);
    assert_eq!(titles(calendar("month", "2026-12-20", Some(wang), None).await), ["早餐会", "市长会见"]);
    let (status, html) = officer.page("/delegations/calendar?view=month&date=2026-12-01").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("December 2026") && html.contains("市长会见") && html.contains("calendar-month"));
}
both!(the_calendar_shows_a_month_or_a_week_by_resource_or_delegation);

async fn a_personal_calendar_feed_shows_ones_own_items_until_it_is_replaced(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let official = app.signed_in("deputy.mayor@liaison.test", "leader", "").await;
    let me: Value = official.call("me", &[]).await.json().await.unwrap();
    let near = (chrono::Utc::now() + chrono::Duration::days(10)).date_naive().to_string();
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], &near, &near).await;
    let id = me["id"].to_string();
    let r = officer.call("add_resource", &[("kind", "official"), ("name", "王副市长"), ("user_id", id.as_str())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let deputy = r.json::<i64>().await.unwrap().to_string();
    let other = resource(&officer, "official", "李秘书长", &[]).await;
    let with_deputy = Booking {
        day: &near,
        starts: "09:00",
        ends: "10:00",
        title: "副市长会见",
        venue: "",
        resources: vec![&deputy],
    };
    let without =
        Booking {
            starts: "14:00", ends: "15:00", title: "秘书长座谈", resources: vec![&other], ..with_deputy.clone()
        };
    for b in [&with_deputy, &without] {
        assert_eq!(book(&officer, lille, b, false).await.status(), StatusCode::OK);
    }
    // A resource can only be tied to an existing account.
    let r = officer.call("add_resource", &[("kind", "official"), ("name", "无名"), ("user_id", "999999")]).await;
    assert_eq!(app_error(r).await.1, AppError::field("user_id", FieldCode::UnknownOfficer));

    assert!(!official.call("calendar_feed", &[]).await.json::<bool>().await.unwrap());
    let url: String = official.call("new_calendar_feed", &[]).await.json().await.unwrap();
    assert!(url.contains("/feeds/") && url.ends_with(".ics"), "{url}");
    let path = &url[url.find("/feeds/").unwrap()..];
    // A calendar subscribes without signing in: a fresh client with no session.
    let calendar_app = app.another_browser();
    let r = calendar_app.get(path).await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = r.text().await.unwrap();
    let calendar: icalendar::Calendar = text.parse().expect("an iCalendar file");
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    use icalendar::Component;
    assert_eq!(events.len(), 1, "{text}");
    assert!(events[0].get_summary().unwrap().starts_with("副市长会见"));
    assert!(!text.contains("秘书长座谈"));
    // The protocol officer's own feed shows the whole delegation they are responsible for.
    let officer_url: String = officer.call("new_calendar_feed", &[]).await.json().await.unwrap();
    let officer_path = &officer_url[officer_url.find("/feeds/").unwrap()..];
    let all = calendar_app.get(officer_path).await.text().await.unwrap();
    assert!(all.contains("副市长会见") && all.contains("秘书长座谈"));

    // A new address ends the old one; stopping ends the feed.
    let replaced: String = official.call("new_calendar_feed", &[]).await.json().await.unwrap();
    assert_ne!(replaced, url);
    assert_eq!(calendar_app.get(path).await.status(), StatusCode::NOT_FOUND);
    let new_path = &replaced[replaced.find("/feeds/").unwrap()..];
    assert_eq!(calendar_app.get(new_path).await.status(), StatusCode::OK);
    assert_eq!(official.call("end_calendar_feed", &[]).await.status(), StatusCode::OK);
    assert_eq!(calendar_app.get(new_path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(calendar_app.get("/feeds/not-a-token.ics").await.status(), StatusCode::NOT_FOUND);
    assert!(!official.call("calendar_feed", &[]).await.json::<bool>().await.unwrap());
}
both!(a_personal_calendar_feed_shows_ones_own_items_until_it_is_replaced);

async fn changing_an_item_is_checked_like_adding_one(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-01").await;
    let padua = create(&officer, "帕多瓦市代表团", "en", &["IT"], "2026-12-01", "2026-12-01").await;
    let wang = resource(&officer, "interpreter", "王芳", &["fr"]).await;
    let meeting = Booking {
        day: "2026-12-01",
        starts: "09:00",
        ends: "10:00",
        title: "市长会见",
        venue: "",
        resources: vec![&wang],
    };
    let talks = Booking { starts: "11:00", ends: "12:00", title: "经贸座谈", ..meeting.clone() };
    let first: Value = book(&officer, lille, &meeting, false).await.json().await.unwrap();
    let second: Value = book(&officer, lille, &talks, false).await.json().await.unwrap();
    let (first, second) = (first["id"].to_string(), second["id"].to_string());
    let change = |delegation: i64, item: &str, b: &Booking<'_>| {
        let mut form = vec![
            ("id", delegation.to_string()),
            ("item_id", item.to_string()),
            ("day", b.day.to_string()),
            ("starts", b.starts.to_string()),
            ("ends", b.ends.to_string()),
            ("activity", "meeting".to_string()),
            ("title_zh", b.title.to_string()),
            ("venue_id", b.venue.to_string()),
        ];
        form.extend(b.resources.iter().map(|r| ("resource_ids[]", r.to_string())));
        form
    };
    let call = |form: Vec<(&'static str, String)>| {
        let officer = &officer;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            officer.call("save_itinerary_item", &form).await
        }
    };
    // Moving the talks onto the meeting is refused, and nothing changes.
    let clashes =
        clashes_of(call(change(lille, &second, &Booking { starts: "09:30", ends: "10:30", ..talks.clone() })).await)
            .await;
    assert_eq!(clashes[0].other_title, "市长会见");
    let items = delegation(&officer, lille).await["items"].clone();
    assert_eq!(items[1]["title_zh"], "经贸座谈");
    assert_eq!(items[1]["starts_at"], "2026-12-01T03:00:00Z");
    // Right after it is fine; an item never clashes with its own old booking.
    assert_eq!(
        call(change(lille, &second, &Booking { starts: "10:00", ends: "11:00", ..talks.clone() })).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        call(change(lille, &first, &Booking { title: "市长会见（扩大）", ..meeting.clone() })).await.status(),
        StatusCode::OK
    );
    let items = delegation(&officer, lille).await["items"].clone();
    assert_eq!(items[0]["title_zh"], "市长会见（扩大）");
    assert_eq!(items[1]["starts_at"], "2026-12-01T02:00:00Z");
    // Taking the interpreter off the meeting frees her for Padua at 9.
    assert_eq!(
        call(change(lille, &first, &Booking { resources: vec![], ..meeting.clone() })).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        book(&officer, padua, &Booking { title: "大学交流", ..meeting.clone() }, false).await.status(),
        StatusCode::OK
    );
    // An item is changed only through its own delegation.
    assert_eq!(app_error(call(change(padua, &first, &meeting)).await).await.1, AppError::NotFound);
    let history = officer.call("delegation_history", &[("id", &lille.to_string())]).await.text().await.unwrap();
    assert!(history.contains("itinerary_item_updated"));
}
both!(changing_an_item_is_checked_like_adding_one);

async fn a_retired_resource_is_no_longer_offered_but_keeps_its_bookings(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-01").await;
    let car = resource(&officer, "vehicle", "考斯特 1 号", &[]).await;
    let transfer =
        Booking {
            day: "2026-12-01", starts: "08:00", ends: "09:00", title: "接机", venue: "", resources: vec![&car]
        };
    assert_eq!(book(&officer, lille, &transfer, false).await.status(), StatusCode::OK);
    assert_eq!(
        app_error(leader.call("retire_resource", &[("resource_id", &car)]).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(officer.call("retire_resource", &[("resource_id", &car)]).await.status(), StatusCode::OK);
    assert_eq!(app_error(officer.call("retire_resource", &[("resource_id", &car)]).await).await.1, AppError::NotFound);
    let offered: Value = officer.call("resources", &[]).await.json().await.unwrap();
    assert_eq!(offered, serde_json::json!([]));
    let later = Booking { starts: "18:00", ends: "19:00", title: "送机", ..transfer.clone() };
    let (_, e) = app_error(book(&officer, lille, &later, false).await).await;
    assert_eq!(e, AppError::field("resource_ids", FieldCode::UnknownResource));
    let items = delegation(&officer, lille).await["items"].clone();
    assert_eq!(items[0]["resources"][0]["name"], "考斯特 1 号", "the booking made stays");
    // The office adds its new car as usual.
    let r = officer.call("add_resource", &[("kind", "vehicle"), ("name", "考斯特 2 号")]).await;
    assert_eq!(r.status(), StatusCode::OK);
}
both!(a_retired_resource_is_no_longer_offered_but_keeps_its_bookings);
