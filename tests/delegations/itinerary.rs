//! A visit's itinerary: booked without double-booking an interpreter, checked again when an
//! item changes, refused field by field, and kept when a resource is retired.

use super::{book, clashes_of, create, delegation, move_to, resource, Booking};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

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
    let history = officer
        .call::<app::delegations::api::DelegationHistory>(&[("id", &lille.to_string())])
        .await
        .text()
        .await
        .unwrap();
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
    assert_eq!(officer.call::<app::delegations::api::AddMember>(&member).await.status(), StatusCode::OK);
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
    let (status, e) = app_error(officer.call::<app::delegations::api::CreateDelegation>(&form).await).await;
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
    let list: Value = officer.call::<app::delegations::api::ListDelegations>(&[]).await.json().await.unwrap();
    assert_eq!(list, serde_json::json!([]), "nothing saved");

    let id = create(&officer, "里尔市代表团", "fr", &["FR"], "2026-12-01", "2026-12-02").await;
    let r = officer.call::<app::delegations::api::AddResource>(&[("kind", "interpreter"), ("name", "王芳")]).await;
    assert_eq!(app_error(r).await.1, AppError::field("languages", FieldCode::InterpreterNeedsLanguage));
    let wang = resource(&officer, "interpreter", "王芳", &["fr"]).await;
    let r = officer
        .call::<app::delegations::api::AddResource>(&[("kind", "interpreter"), ("name", "王芳"), ("languages[]", "en")])
        .await;
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
    let (_, e) = app_error(officer.call::<app::delegations::api::AddMember>(&passport).await).await;
    assert_eq!(e.field_errors()[0].code, FieldCode::InvalidPassportNumber);
    let d = delegation(&officer, id).await;
    assert_eq!(d["items"], serde_json::json!([]));
    assert_eq!(d["members"], serde_json::json!([]));
}
both!(bad_input_is_refused_field_by_field_and_saves_nothing);

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
            officer.call::<app::delegations::api::SaveItem>(&form).await
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
    let history = officer
        .call::<app::delegations::api::DelegationHistory>(&[("id", &lille.to_string())])
        .await
        .text()
        .await
        .unwrap();
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
        app_error(leader.call::<app::delegations::api::RetireResource>(&[("resource_id", &car)]).await).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        officer.call::<app::delegations::api::RetireResource>(&[("resource_id", &car)]).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app_error(officer.call::<app::delegations::api::RetireResource>(&[("resource_id", &car)]).await).await.1,
        AppError::NotFound
    );
    let offered: Value = officer.call::<app::delegations::api::ListResources>(&[]).await.json().await.unwrap();
    assert_eq!(offered, serde_json::json!([]));
    let later = Booking { starts: "18:00", ends: "19:00", title: "送机", ..transfer.clone() };
    let (_, e) = app_error(book(&officer, lille, &later, false).await).await;
    assert_eq!(e, AppError::field("resource_ids", FieldCode::UnknownResource));
    let items = delegation(&officer, lille).await["items"].clone();
    assert_eq!(items[0]["resources"][0]["name"], "考斯特 1 号", "the booking made stays");
    // The office adds its new car as usual.
    let r = officer.call::<app::delegations::api::AddResource>(&[("kind", "vehicle"), ("name", "考斯特 2 号")]).await;
    assert_eq!(r.status(), StatusCode::OK);
}
both!(a_retired_resource_is_no_longer_offered_but_keeps_its_bookings);
