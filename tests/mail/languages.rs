//! Investors, officers and department liaisons each read their messages in their own language.

use super::{app_sending_to, free_port, investor_case, post_update, start_mail_server, Mailbox};
use crate::both;
use crate::cases::{case, move_case, officer_with_enterprise};
use crate::common::Backend;
use reqwest::StatusCode;

async fn a_french_investor_reads_updates_in_french_and_an_english_one_in_english(b: Backend) {
    let mailbox = Mailbox::default();
    let port = free_port();
    start_mail_server(port, &mailbox);
    let app = app_sending_to(b, port, &[]).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    let french = investor_case(&officer, enterprise, "claire@lille.example", "fr").await;
    let english = investor_case(&officer, enterprise, "john@leeds.example", "en").await;

    // Registration notices first, in each investor's language.
    let opened = mailbox.wait_for("claire@lille.example", 1).await;
    assert!(opened[0].subject().contains("a été enregistrée"), "{}", opened[0].subject());

    post_update(&officer, french, "Les pièces sont dédouanées.", "The parts are cleared.").await;
    post_update(&officer, english, "Les documents sont reçus.", "The documents are received.").await;

    let to_claire = mailbox.wait_for("claire@lille.example", 2).await;
    let update = &to_claire[1];
    let reference = case(&officer, french).await["summary"]["reference"].as_str().expect("reference").to_string();
    assert_eq!(update.subject(), format!("Nouvelles de votre demande {reference}"));
    assert!(update.text().contains("Les pièces sont dédouanées."), "{}", update.text());
    assert!(!update.text().contains("The parts are cleared."), "only her language");
    assert!(update.text().starts_with("Bonjour Claire Martin,"), "{}", update.text());
    let html = update.html();
    assert!(html.contains("lang=\"fr\"") && html.contains("Les pièces sont dédouanées."), "{html}");
    let raw = String::from_utf8_lossy(&update.raw).to_lowercase();
    assert!(raw.contains("multipart/alternative") && raw.contains("text/plain") && raw.contains("text/html"));
    assert!(update.message_id().ends_with("@office.test"), "{}", update.message_id());

    let to_john = mailbox.wait_for("john@leeds.example", 2).await;
    assert!(to_john[1].subject().starts_with("Update on your request"), "{}", to_john[1].subject());
    assert!(to_john[1].text().contains("The documents are received."));
    assert!(!to_john[1].text().contains("Les documents sont reçus."));

    // A status change reaches her too, with the officer's reason, in French.
    let version = case(&officer, french).await["version"].as_i64().expect("version");
    let r = move_case(&officer, french, version, "accepted", "").await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = move_case(&officer, french, version + 1, "in_progress", "").await;
    assert_eq!(r.status(), StatusCode::OK);
    let r =
        move_case(&officer, french, version + 2, "awaiting_applicant", "Merci d’envoyer la facture commerciale.").await;
    assert_eq!(r.status(), StatusCode::OK);
    let to_claire = mailbox.wait_for("claire@lille.example", 5).await;
    let asked = to_claire.iter().find(|m| m.subject().contains("En attente")).expect("the awaiting message");
    assert!(asked.text().contains("Merci d’envoyer la facture commerciale."), "{}", asked.text());

    // The case page lists what was sent to whom, and that it went.
    let (_, page) = officer.page(&format!("/cases/{french}")).await;
    let list = &page[page.find("class=\"case-messages\"").expect("the list of e-mails")..];
    let list = &list[..list.find("</ul>").expect("its end")];
    assert_eq!(list.matches("<li>").count(), 5, "{list}");
    assert!(
        list.contains("Public update") && list.contains("claire@lille.example") && list.contains("message-state-sent")
    );
}
both!(a_french_investor_reads_updates_in_french_and_an_english_one_in_english);

async fn department_liaisons_and_officers_hear_of_their_work_in_their_language(b: Backend) {
    let mailbox = Mailbox::default();
    let port = free_port();
    start_mail_server(port, &mailbox);
    let app = app_sending_to(b, port, &[]).await;
    app.login_as_admin().await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    // The admin opens the case: the enterprise's officer is told it is theirs.
    let id = investor_case(&app, enterprise, "claire@lille.example", "fr").await;
    let assigned = mailbox.wait_for("officer1@liaison.test", 1).await;
    assert!(assigned[0].subject().starts_with("New case LN-"), "{}", assigned[0].subject());
    assert!(assigned[0].text().contains(&format!("/cases/{id}")), "{}", assigned[0].text());

    let departments = app::admin::db::departments::list(&app.db).await.expect("departments");
    let customs_id = departments.iter().find(|d| d.code == "customs").expect("customs").id;
    let r = officer
        .call::<app::cases::api::RouteCase>(&[
            ("id", &id.to_string()),
            ("department_ids[]", &customs_id.to_string()),
            ("due_on", ""),
            ("instructions", "请核对报关单"),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let task = mailbox.wait_for("customs@liaison.test", 1).await;
    assert!(task[0].subject().starts_with("New task for"), "{}", task[0].subject());
    assert!(task[0].text().contains("请核对报关单"), "{}", task[0].text());
    drop(customs);
}
both!(department_liaisons_and_officers_hear_of_their_work_in_their_language);
