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
    who.call("add_itinerary_item", &form).await
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
