//! The office's calendar of bookings, and each person's calendar feed of their own items.

use super::{book, create, move_to, resource, Booking};
use crate::both;
use crate::common::*;
use app::error::{AppError, FieldCode};
use reqwest::StatusCode;
use serde_json::Value;

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
            let r = officer.call::<app::delegations::api::Calendar>(&form).await;
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
    let me: Value = official.call::<app::auth::api::Me>(&[]).await.json().await.unwrap();
    let near = (chrono::Utc::now() + chrono::Duration::days(10)).date_naive().to_string();
    let lille = create(&officer, "里尔市代表团", "fr", &["FR"], &near, &near).await;
    let id = me["id"].to_string();
    let r = officer
        .call::<app::delegations::api::AddResource>(&[
            ("kind", "official"),
            ("name", "王副市长"),
            ("user_id", id.as_str()),
        ])
        .await;
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
    let r = officer
        .call::<app::delegations::api::AddResource>(&[("kind", "official"), ("name", "无名"), ("user_id", "999999")])
        .await;
    assert_eq!(app_error(r).await.1, AppError::field("user_id", FieldCode::UnknownOfficer));

    assert!(!official.call::<app::delegations::api::CalendarFeed>(&[]).await.json::<bool>().await.unwrap());
    let url: String = official.call::<app::delegations::api::NewCalendarFeed>(&[]).await.json().await.unwrap();
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
    let officer_url: String = officer.call::<app::delegations::api::NewCalendarFeed>(&[]).await.json().await.unwrap();
    let officer_path = &officer_url[officer_url.find("/feeds/").unwrap()..];
    let all = calendar_app.get(officer_path).await.text().await.unwrap();
    assert!(all.contains("副市长会见") && all.contains("秘书长座谈"));

    // A new address ends the old one; stopping ends the feed.
    let replaced: String = official.call::<app::delegations::api::NewCalendarFeed>(&[]).await.json().await.unwrap();
    assert_ne!(replaced, url);
    assert_eq!(calendar_app.get(path).await.status(), StatusCode::NOT_FOUND);
    let new_path = &replaced[replaced.find("/feeds/").unwrap()..];
    assert_eq!(calendar_app.get(new_path).await.status(), StatusCode::OK);
    assert_eq!(official.call::<app::delegations::api::EndCalendarFeed>(&[]).await.status(), StatusCode::OK);
    assert_eq!(calendar_app.get(new_path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(calendar_app.get("/feeds/not-a-token.ics").await.status(), StatusCode::NOT_FOUND);
    assert!(!official.call::<app::delegations::api::CalendarFeed>(&[]).await.json::<bool>().await.unwrap());
}
both!(a_personal_calendar_feed_shows_ones_own_items_until_it_is_replaced);
