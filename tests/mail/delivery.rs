//! The outbox delivers: through a mail server that is down, a restart, two app servers, a
//! refusal, or no mail server at all.

use super::{
    app_sending_to, free_port, investor_case, mail_settings, outcome_when, post_update, sent_count, start_mail_server,
    state_becomes, Mailbox, Received,
};
use crate::both;
use crate::cases::officer_with_enterprise;
use crate::common::{spawn_app_with, Backend};
use reqwest::StatusCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

async fn a_message_waits_while_the_mail_server_is_down_and_goes_once(b: Backend) {
    let port = free_port();
    let app = app_sending_to(b, port, &[]).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    investor_case(&officer, enterprise, "claire@lille.example", "fr").await;

    // Nothing listens yet: the attempt fails and the message waits for another.
    let state = outcome_when(&app, "claire@lille.example", "case_opened", |o| o.1 >= 1 && o.2.is_some()).await;
    assert_eq!(state.0, "pending", "still waiting: {state:?}");
    assert!(state.2.is_some(), "the failure is recorded");

    let mailbox = Mailbox::default();
    start_mail_server(port, &mailbox);
    let got = mailbox.wait_for("claire@lille.example", 1).await;
    // Once the outbox records it as sent, no worker takes it again.
    assert_eq!(state_becomes(&app, "claire@lille.example", "case_opened", "sent").await, "sent");
    assert_eq!(mailbox.all().len(), 1, "delivered exactly once");
    assert!(got[0].subject().contains("LN-"));
}
both!(a_message_waits_while_the_mail_server_is_down_and_goes_once);

async fn a_pending_message_survives_a_restart(b: Backend) {
    let port = free_port();
    let first = app_sending_to(b, port, &[("LIAISON_OUTBOX_RETRY", "2")]).await;
    first.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&first, 1).await;
    investor_case(&officer, enterprise, "claire@lille.example", "fr").await;
    // The app stops (its worker with it) while the message still waits.
    let settings = mail_settings(port);
    let pairs: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let database = first.stop().await;

    let mailbox = Mailbox::default();
    start_mail_server(port, &mailbox);
    let second = crate::common::spawn_app_on(database, &pairs).await;
    mailbox.wait_for("claire@lille.example", 1).await;
    assert_eq!(state_becomes(&second, "claire@lille.example", "case_opened", "sent").await, "sent");
    drop(officer);
}
both!(a_pending_message_survives_a_restart);

async fn two_app_servers_send_each_message_once(b: Backend) {
    // A slow mail server: while one worker waits on it, the other takes the next message.
    let mailbox = Mailbox { slow: Duration::from_millis(300), ..Mailbox::default() };
    let port = free_port();
    start_mail_server(port, &mailbox);
    let first = app_sending_to(b, port, &[]).await;
    let settings = mail_settings(port);
    let pairs: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let second = first.another_server(&pairs).await;
    first.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&first, 1).await;
    let id = investor_case(&officer, enterprise, "claire@lille.example", "fr").await;
    for n in 0..12 {
        post_update(&officer, id, &format!("Étape {n}"), "").await;
    }
    let got = mailbox.wait_for("claire@lille.example", 13).await;
    // Every message recorded as sent; a second delivery of one, had two servers taken it,
    // would have been under way before that and arrives within the mail server's delay.
    assert_eq!(sent_count(&first, 13).await, 13, "all 13 recorded as sent");
    tokio::time::sleep(mailbox.slow * 2).await;
    let mut ids: Vec<String> = mailbox.all().iter().map(Received::message_id).collect();
    assert_eq!(ids.len(), 13, "13 messages, none twice: {ids:?}");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 13, "each Message-ID once");
    assert!(got.iter().any(|m| m.text().contains("Étape 11")));
    let senders: i64 = app::on_db!(&first.db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(distinct sent_by) from outbox").fetch_one(pool).await
    })
    .expect("senders");
    assert_eq!(senders, 2, "both servers sent some");
    drop(second);
}
both!(two_app_servers_send_each_message_once);

async fn a_refused_message_ends_dead_on_the_outbox_page_and_can_be_sent_again(b: Backend) {
    let mailbox = Mailbox::default();
    mailbox.refuse.store(true, Ordering::SeqCst);
    let port = free_port();
    start_mail_server(port, &mailbox);
    let app = app_sending_to(b, port, &[]).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    investor_case(&officer, enterprise, "nobody@lille.example", "fr").await;
    let state = outcome_when(&app, "nobody@lille.example", "case_opened", |o| o.0 == "dead").await;
    assert_eq!(state.0, "dead", "a refused recipient is given up at once: {state:?}");
    assert!(state.2.as_deref().unwrap_or_default().contains("550"), "{state:?}");

    let (status, page) = app.page("/admin/outbox?state=dead").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("nobody@lille.example") && page.contains("550"), "the page shows it and why");
    // Only administrators see the outbox.
    assert_eq!(officer.get("/admin/outbox").await.status(), StatusCode::FORBIDDEN);
    let id: i64 = app::on_db!(&app.db, |pool| {
        sqlx::query_scalar::<_, i64>("select id from outbox where recipient = 'nobody@lille.example'")
            .fetch_one(pool)
            .await
    })
    .expect("message id");
    assert_eq!(
        officer.call::<app::mail::api::RetryMessage>(&[("id", &id.to_string())]).await.status(),
        StatusCode::FORBIDDEN
    );

    mailbox.refuse.store(false, Ordering::SeqCst);
    let r = app.submit::<app::mail::api::RetryMessage>("/admin/outbox", &[("id", &id.to_string())]).await;
    assert!(r.status().is_redirection(), "back to the outbox without JavaScript: {}", r.status());
    assert!(crate::common::location(&r).ends_with("/admin/outbox"), "{}", crate::common::location(&r));
    mailbox.wait_for("nobody@lille.example", 1).await;
}
both!(a_refused_message_ends_dead_on_the_outbox_page_and_can_be_sent_again);

async fn without_a_mail_server_messages_are_written_as_files(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_OUTBOX_POLL", "1")]).await;
    app.login_as_admin().await;
    let (officer, enterprise) = officer_with_enterprise(&app, 1).await;
    investor_case(&officer, enterprise, "claire@lille.example", "fr").await;
    let dir = app.config.mail.dir.clone();
    let mut files = Vec::new();
    for _ in 0..100 {
        files =
            std::fs::read_dir(&dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "eml"));
        if !files.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(files.len(), 1, "one .eml file in {}", dir.display());
    let raw = std::fs::read(&files[0]).expect("the file");
    let message = Received { to: vec![], raw };
    assert!(message.subject().contains("a été enregistrée"), "{}", message.subject());
    assert_eq!(state_becomes(&app, "claire@lille.example", "case_opened", "sent").await, "sent");
}
both!(without_a_mail_server_messages_are_written_as_files);
