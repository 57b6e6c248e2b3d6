//! E-mail: messages go through the outbox, in each recipient's language, to a real SMTP
//! server started by the test on 127.0.0.1; nothing is lost while that server is down or
//! the app restarts, and several app servers send each message once.

use crate::both;
use crate::cases::{case, move_case, officer_with_enterprise};
use crate::common::{app_error, spawn_app_with, Backend, TestApp};
use app::error::{AppError, FieldCode};
use mail_parser::{MessageParser, MimeHeaders};
use mailin_embedded::response::{NO_MAILBOX, OK};
use mailin_embedded::{Handler, Response, Server, SslConfig};
use reqwest::StatusCode;
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One message as the mail server received it.
#[derive(Clone, Debug)]
struct Received {
    to: Vec<String>,
    raw: Vec<u8>,
}

impl Received {
    fn parsed(&self) -> mail_parser::Message<'_> {
        MessageParser::default().parse(&self.raw).expect("a well-formed message")
    }
    fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_string()
    }
    fn text(&self) -> String {
        self.parsed().body_text(0).unwrap_or_default().to_string()
    }
    fn html(&self) -> String {
        self.parsed().body_html(0).unwrap_or_default().to_string()
    }
    fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_string()
    }
}

/// The test's mail server: what it received, and whether it refuses recipients.
#[derive(Clone, Default)]
struct Mailbox {
    received: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<AtomicBool>,
    /// How long the server takes to accept each message.
    slow: Duration,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Mailbox {
    fn rcpt(&mut self, _to: &str) -> Response {
        if self.refuse.load(Ordering::SeqCst) {
            NO_MAILBOX
        } else {
            OK
        }
    }
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }
    fn data_end(&mut self) -> Response {
        std::thread::sleep(self.slow);
        let message = Received { to: std::mem::take(&mut self.to), raw: std::mem::take(&mut self.data) };
        self.received.lock().expect("mailbox").push(message);
        OK
    }
}

impl Mailbox {
    fn all(&self) -> Vec<Received> {
        self.received.lock().expect("mailbox").clone()
    }

    /// The messages to `address`, once `n` of them have arrived (at most 20 s).
    async fn wait_for(&self, address: &str, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            let got: Vec<Received> = self.all().into_iter().filter(|m| m.to.iter().any(|t| t == address)).collect();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "{n} message(s) to {address} did not arrive; received: {:?}",
            self.all().iter().map(|m| &m.to).collect::<Vec<_>>()
        );
    }
}

/// A free port on 127.0.0.1 with nothing listening on it (yet).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("addr").port()
}

/// Start a mail server on `port`.
fn start_mail_server(port: u16, mailbox: &Mailbox) {
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("the mail server's port");
    let mut server = Server::new(mailbox.clone());
    server.with_name("mail.test").with_ssl(SslConfig::None).expect("no TLS").with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
}

/// Settings of an app that sends through the test's mail server and retries quickly.
fn mail_settings(port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("SMTP_URL", format!("smtp://127.0.0.1:{port}")),
        ("MAIL_FROM", "Liaison <liaison@office.test>".to_string()),
        ("LIAISON_OUTBOX_POLL", "1".to_string()),
        ("LIAISON_OUTBOX_RETRY", "1".to_string()),
    ]
}

async fn app_sending_to(b: Backend, port: u16, extra: &[(&'static str, &str)]) -> TestApp {
    let mut settings = mail_settings(port);
    settings.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
    let pairs: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    spawn_app_with(b, &pairs).await
}

/// An officer's case for an investor who writes `email` and reads `language`.
async fn investor_case(officer: &TestApp, enterprise: i64, email: &str, language: &str) -> i64 {
    let r = officer
        .call(
            "open_case",
            &[
                ("enterprise_id", &enterprise.to_string()),
                ("case_type", "customs"),
                ("priority", "normal"),
                ("title", "Pre-clearance of spare parts"),
                ("description", "CNC spare parts held at the port"),
                ("language", language),
                ("applicant_name", "Claire Martin"),
                ("applicant_email", email),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "case opened");
    r.json().await.expect("case id")
}

async fn post_update(officer: &TestApp, id: i64, fr: &str, en: &str) {
    let r = officer
        .call("add_public_update", &[("id", &id.to_string()), ("public_fr", fr), ("public_en", en), ("public_zh", "")])
        .await;
    assert_eq!(r.status(), StatusCode::OK, "update posted");
}

async fn outbox_state(app: &TestApp, recipient: &str, kind: &str) -> (String, i64, Option<String>) {
    app::on_db!(&app.db, |pool| {
        sqlx::query_as::<_, (String, i64, Option<String>)>(
            "select state, cast(attempts as bigint), last_error from outbox where recipient = $1 and kind = $2",
        )
        .bind(recipient)
        .bind(kind)
        .fetch_one(pool)
        .await
    })
    .expect("the message is in the outbox")
}

type Outcome = (String, i64, Option<String>);

/// The message's (state, attempts, last error) once `done` holds for it, or whatever it is
/// after 10 s.
async fn outcome_when(app: &TestApp, recipient: &str, kind: &str, done: impl Fn(&Outcome) -> bool) -> Outcome {
    let mut outcome = outbox_state(app, recipient, kind).await;
    for _ in 0..100 {
        if done(&outcome) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        outcome = outbox_state(app, recipient, kind).await;
    }
    outcome
}

/// The message's state once it is `want` (the mail server has it a moment before the
/// worker records it), or whatever it is after 10 s.
async fn state_becomes(app: &TestApp, recipient: &str, kind: &str, want: &str) -> String {
    outcome_when(app, recipient, kind, |o| o.0 == want).await.0
}

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
        .call(
            "route_case",
            &[
                ("id", &id.to_string()),
                ("department_ids[]", &customs_id.to_string()),
                ("due_on", ""),
                ("instructions", "请核对报关单"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let task = mailbox.wait_for("customs@liaison.test", 1).await;
    assert!(task[0].subject().starts_with("New task for"), "{}", task[0].subject());
    assert!(task[0].text().contains("请核对报关单"), "{}", task[0].text());
    drop(customs);
}
both!(department_liaisons_and_officers_hear_of_their_work_in_their_language);

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
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(mailbox.all().len(), 1, "delivered exactly once");
    assert_eq!(state_becomes(&app, "claire@lille.example", "case_opened", "sent").await, "sent");
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
    tokio::time::sleep(Duration::from_secs(3)).await;
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
    assert_eq!(officer.call("retry_message", &[("id", &id.to_string())]).await.status(), StatusCode::FORBIDDEN);

    mailbox.refuse.store(false, Ordering::SeqCst);
    let r = app.submit("retry_message", "/admin/outbox", &[("id", &id.to_string())]).await;
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
    let me: serde_json::Value = leader.call("me", &[]).await.json().await.expect("me");
    let r = app
        .call("set_responsible_leader", &[("id", &enterprise.to_string()), ("leader_id", &me["id"].to_string())])
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
    let r =
        officer.call("route_case", &[("id", &late.to_string()), ("department_ids[]", &customs_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::OK);

    // Time passes: the case was due yesterday, so was the customs task; the other is weeks away.
    let yesterday = office_day(-1);
    app.execute(&format!("update cases set due_on = '{yesterday}' where id = {late}")).await;
    app.execute(&format!("update cases set due_on = '{}' where id = {fine}", office_day(30))).await;
    app.execute(&format!("update case_tasks set due_on = '{yesterday}' where case_id = {late}")).await;

    let state = app::state::ServerState::new(app.db.clone(), app.config.settings.clone());
    let queued = app::mail::notices::deadlines(&state).await.expect("notices run");
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
    assert_eq!(app::mail::notices::deadlines(&other).await.expect("notices run"), 0, "once only");
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
    assert_eq!(app::mail::notices::digests(&state, early).await.expect("digests"), 0, "07:30 is too early");
    let morning = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).single().expect("time");
    assert_eq!(app::mail::notices::digests(&state, morning).await.expect("digests"), 1);
    assert_eq!(app::mail::notices::digests(&state, morning).await.expect("digests"), 0, "once a day");
    let digest = outbox_rows(&app, "digest").await;
    assert_eq!(digest[0].0, "officer1@liaison.test");
    assert!(digest[0].1.contains("1 overdue"), "{}", digest[0].1);
    let late_ref = case(&officer, late).await["summary"]["reference"].as_str().expect("reference").to_string();
    let body = &digest[0].2;
    assert!(body.find("Overdue:").expect("an overdue group") < body.find(&late_ref).expect("the late case"), "{body}");

    // Saturday: no digest. The officer switches it off: none on Monday either.
    let saturday = chrono::Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).single().expect("time");
    assert_eq!(app::mail::notices::digests(&state, saturday).await.expect("digests"), 0);
    let r = officer.submit("set_daily_digest", "/account", &[]).await;
    assert!(r.status().is_redirection(), "{}", r.status());
    let (_, page) = officer.page("/account").await;
    assert!(page.contains("id=\"digest\"") && !page.contains("checked"), "the box is unticked");
    let monday = chrono::Utc.with_ymd_and_hms(2026, 12, 7, 1, 0, 0).single().expect("time");
    assert_eq!(app::mail::notices::digests(&state, monday).await.expect("digests"), 0, "switched off");
    let r = officer.call("set_daily_digest", &[("enabled", "true")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app::mail::notices::digests(&state, monday).await.expect("digests"), 1, "back on");
}
both!(each_officer_gets_a_morning_digest_unless_they_switch_it_off);

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
    let id: i64 = officer.call("create_delegation", &form).await.json().await.unwrap();
    let add = |kind: &'static str, name: &'static str, email: &'static str, language: &'static str| {
        let officer = &officer;
        async move {
            let mut form = vec![("kind", kind), ("name", name), ("email", email), ("language", language)];
            if kind == "interpreter" {
                form.push(("languages[]", "fr"));
            }
            let r = officer.call("add_resource", &form).await;
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
            assert_eq!(officer.call("save_itinerary_item", &form).await.status(), StatusCode::OK);
        }
    };
    book("2026-12-01", "市长会见", "Rencontre avec le maire", vec![anne.clone(), mayor.clone(), car.clone()]).await;
    book("2026-12-02", "企业座谈会", "Table ronde", vec![anne.clone(), car.clone()]).await;

    let (status, e) = app_error(officer.call("send_delegation_programme", &[("id", &sid)]).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not before approval");
    assert_eq!(e, AppError::field("send", FieldCode::ProgrammeNotReady));
    let version = officer.call("delegation", &[("id", &sid)]).await.json::<serde_json::Value>().await.unwrap()
        ["version"]
        .to_string();
    let r = officer
        .call("change_delegation_status", &[("id", sid.as_str()), ("version", &version), ("to_status", "approved")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = officer.call("send_delegation_programme", &[("id", &sid)]).await;
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
