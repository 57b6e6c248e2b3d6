//! E-mail: messages go through the outbox, in each recipient's language, to a real SMTP
//! server started by the test on 127.0.0.1; nothing is lost while that server is down or
//! the app restarts, and several app servers send each message once.

mod delivery;
mod languages;
mod notices;
mod programme;

use crate::common::{spawn_app_with, Backend, TestApp};
use mail_parser::MessageParser;
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
        .call::<app::cases::api::OpenCase>(&[
            ("enterprise_id", &enterprise.to_string()),
            ("case_type", "customs"),
            ("priority", "normal"),
            ("title", "Pre-clearance of spare parts"),
            ("description", "CNC spare parts held at the port"),
            ("language", language),
            ("applicant_name", "Claire Martin"),
            ("applicant_email", email),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::OK, "case opened");
    r.json().await.expect("case id")
}

async fn post_update(officer: &TestApp, id: i64, fr: &str, en: &str) {
    let r = officer
        .call::<app::cases::api::AddPublicUpdate>(&[
            ("id", &id.to_string()),
            ("public_fr", fr),
            ("public_en", en),
            ("public_zh", ""),
        ])
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

/// How many messages of the outbox are sent, once there are `n` (or whatever it is after
/// 10 s).
async fn sent_count(app: &TestApp, n: i64) -> i64 {
    let count = || async {
        app::on_db!(&app.db, |pool| {
            sqlx::query_scalar::<_, i64>("select count(*) from outbox where state = 'sent'").fetch_one(pool).await
        })
        .expect("the outbox is read")
    };
    let mut sent = count().await;
    for _ in 0..100 {
        if sent >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        sent = count().await;
    }
    sent
}

/// The message's state once it is `want` (the mail server has it a moment before the
/// worker records it), or whatever it is after 10 s.
async fn state_becomes(app: &TestApp, recipient: &str, kind: &str, want: &str) -> String {
    outcome_when(app, recipient, kind, |o| o.0 == want).await.0
}
