//! Attachments, and a delegation's programme sent to each official and interpreter.

use super::{app_sending_to, free_port, start_mail_server, Mailbox};
use crate::both;
use crate::common::{app_error, Backend};
use app::error::{AppError, FieldCode};
use mail_parser::MimeHeaders;
use reqwest::StatusCode;

async fn a_message_carries_its_attachments(b: Backend) {
    use app::db::outbox::{Attachment, NewMessage};
    let mailbox = Mailbox::default();
    let port = free_port();
    start_mail_server(port, &mailbox);
    let app = app_sending_to(b, port, &[]).await;
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison//EN\r\nEND:VCALENDAR\r\n";
    let message = NewMessage {
        kind: "programme",
        recipient: "interpreter@liaison.test".into(),
        recipient_name: "Anne Dubois".into(),
        locale: app::domain::Locale::Fr,
        subject: "Programme de la visite".into(),
        body_text: "Le programme est joint.".into(),
        body_html: "<p>Le programme est joint.</p>".into(),
        case_id: None,
        attachments: vec![Attachment {
            filename: "programme.ics".into(),
            content_type: "text/calendar; charset=utf-8".into(),
            content: calendar.as_bytes().to_vec(),
        }],
    };
    let mut tx = app.db.begin().await.expect("transaction");
    app::mail::compose::queue(&mut tx, &app.config.settings, &message, app::db::now()).await.expect("queued");
    tx.commit().await.expect("commit");

    let got = mailbox.wait_for("interpreter@liaison.test", 1).await;
    let parsed = got[0].parsed();
    assert_eq!(parsed.body_text(0).unwrap_or_default().trim(), "Le programme est joint.");
    let attachment = parsed.attachment(0).expect("an attachment");
    assert_eq!(attachment.attachment_name(), Some("programme.ics"));
    assert_eq!(attachment.contents(), calendar.as_bytes());
}
both!(a_message_carries_its_attachments);

/// The protocol officer sends the programme: the French interpreter reads her items in
/// French and the official his in Chinese, each with a calendar file of only their items;
/// the car without an e-mail address gets nothing, and nothing goes before approval.
async fn officials_and_interpreters_receive_their_part_of_the_programme(b: Backend) {
    let mailbox = Mailbox::default();
    let port = free_port();
    start_mail_server(port, &mailbox);
    let app = app_sending_to(b, port, &[]).await;
    app.login_as_admin().await;
    let officer = app.signed_in("protocol@liaison.test", "protocol_officer", "").await;
    let form = [
        ("direction", "incoming"),
        ("title", "里尔市代表团"),
        ("countries[]", "FR"),
        ("language", "fr"),
        ("starts_on", "2026-12-01"),
        ("ends_on", "2026-12-02"),
    ];
    let id: i64 = officer.call::<app::delegations::api::CreateDelegation>(&form).await.json().await.unwrap();
    let add = |kind: &'static str, name: &'static str, email: &'static str, language: &'static str| {
        let officer = &officer;
        async move {
            let mut form = vec![("kind", kind), ("name", name), ("email", email), ("language", language)];
            if kind == "interpreter" {
                form.push(("languages[]", "fr"));
            }
            let r = officer.call::<app::delegations::api::AddResource>(&form).await;
            assert_eq!(r.status(), StatusCode::OK, "{name}");
            r.json::<i64>().await.unwrap().to_string()
        }
    };
    let anne = add("interpreter", "Anne Dubois", "anne.dubois@interpretes.test", "fr").await;
    let mayor = add("official", "张市长", "mayor@city.test", "zh-CN").await;
    let car = add("vehicle", "考斯特 1 号", "", "zh-CN").await;
    let hall = add("venue", "市政府会见厅", "hall@city.test", "zh-CN").await;
    let sid = id.to_string();
    let book = |day: &'static str, title: &'static str, fr: &'static str, who: Vec<String>| {
        let officer = &officer;
        let sid = sid.clone();
        let hall = hall.clone();
        async move {
            let mut form: Vec<(&str, String)> = vec![
                ("id", sid),
                ("day", day.into()),
                ("starts", "09:00".into()),
                ("ends", "10:30".into()),
                ("activity", "meeting".into()),
                ("title_zh", title.into()),
                ("title_foreign", fr.into()),
                ("venue_id", hall),
            ];
            form.extend(who.into_iter().map(|w| ("resource_ids[]", w)));
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(officer.call::<app::delegations::api::SaveItem>(&form).await.status(), StatusCode::OK);
        }
    };
    book("2026-12-01", "市长会见", "Rencontre avec le maire", vec![anne.clone(), mayor.clone(), car.clone()]).await;
    book("2026-12-02", "企业座谈会", "Table ronde", vec![anne.clone(), car.clone()]).await;

    let (status, e) = app_error(officer.call::<app::delegations::api::SendProgramme>(&[("id", &sid)]).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not before approval");
    assert_eq!(e, AppError::field("send", FieldCode::ProgrammeNotReady));
    let version = officer
        .call::<app::delegations::api::GetDelegation>(&[("id", &sid)])
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["version"]
        .to_string();
    let r = officer
        .call::<app::delegations::api::ChangeStatus>(&[
            ("id", sid.as_str()),
            ("version", &version),
            ("to_status", "approved"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = officer.call::<app::delegations::api::SendProgramme>(&[("id", &sid)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.json::<usize>().await.unwrap(),
        2,
        "the interpreter and the official; the car has no address, the venue is not a person"
    );

    let anne_mail = &mailbox.wait_for("anne.dubois@interpretes.test", 1).await[0];
    assert_eq!(anne_mail.subject(), "Programme\u{202F}: 里尔市代表团");
    let text = anne_mail.text();
    assert!(
        text.contains("Rencontre avec le maire") && text.contains("Table ronde") && text.contains("Entretien"),
        "{text}"
    );
    assert!(text.contains("1 déc. 2026 09:00–10:30"), "{text}");
    let parsed = anne_mail.parsed();
    let ics = parsed.attachment(0).expect("a calendar file");
    assert_eq!(ics.attachment_name(), Some(format!("programme-{id}.ics").as_str()));
    let calendar: icalendar::Calendar = String::from_utf8_lossy(ics.contents()).parse().expect("an iCalendar file");
    assert_eq!(calendar.components.iter().filter(|c| c.as_event().is_some()).count(), 2);

    let mayor_mail = &mailbox.wait_for("mayor@city.test", 1).await[0];
    assert_eq!(mayor_mail.subject(), "日程安排：里尔市代表团");
    assert!(mayor_mail.text().contains("市长会见") && !mayor_mail.text().contains("企业座谈会"), "only his item");
    let calendar: icalendar::Calendar =
        String::from_utf8_lossy(mayor_mail.parsed().attachment(0).unwrap().contents()).parse().unwrap();
    assert_eq!(calendar.components.iter().filter(|c| c.as_event().is_some()).count(), 1);
    assert!(mailbox.all().iter().all(|m| !m.text().contains("hall@city.test")));
    assert_eq!(mailbox.all().len(), 2);
}
both!(officials_and_interpreters_receive_their_part_of_the_programme);
