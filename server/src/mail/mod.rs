//! The outbox worker: claims due messages with a lease (any number of app servers may run
//! one against the same database), sends each through SMTP with lettre, or writes it as an
//! `.eml` file when no mail server is configured, and records the outcome: sent, retried
//! later with exponential backoff and jitter, or dead.

use app::db::outbox::{self, Attachment, Claimed};
use app::db::{self, Db};
use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rand::Rng;
use std::path::PathBuf;
use std::time::Duration;

/// Mail settings from the environment (see `config.rs`).
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `smtp://host:25`, `smtps://user:password@host:465`…; none: `.eml` files in `dir`.
    pub smtp_url: Option<String>,
    pub from: Mailbox,
    pub dir: PathBuf,
    /// How often an idle worker looks for due messages.
    pub poll: Duration,
    /// The first retry waits about this long; each further one twice as long (at most 6 h).
    pub retry_base: Duration,
    /// A message is given up after this many failed attempts.
    pub max_attempts: i32,
    /// How long a claim holds; a message whose sender died is taken over after it.
    pub lease: Duration,
}

impl MailConfig {
    pub fn domain(&self) -> String {
        self.from.email.domain().to_string()
    }
}

const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// How a message leaves.
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// Why a message was not sent: worth trying again, or not.
#[derive(Debug)]
enum SendError {
    Transient(String),
    Permanent(String),
}

pub struct Worker {
    /// This worker's name in `outbox.sent_by`.
    name: String,
    db: Db,
    config: MailConfig,
    transport: Transport,
}

impl Worker {
    pub fn new(db: Db, config: MailConfig) -> Result<Worker, String> {
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| e.to_string())?
                    .timeout(Some(Duration::from_secs(30)))
                    .build(),
            ),
            None => Transport::Files(config.dir.clone()),
        };
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "liaison".into());
        let name = format!("{host}:{}:{}", std::process::id(), &uuid::Uuid::new_v4().simple().to_string()[..8]);
        Ok(Worker { name, db, config, transport })
    }

    /// Send every due message until none is left; returns how many were handled.
    pub async fn drain(&self) -> Result<usize, sqlx::Error> {
        let mut n = 0;
        while self.run_once().await? {
            n += 1;
        }
        Ok(n)
    }

    /// Claim and send one due message; false when none is due.
    pub async fn run_once(&self) -> Result<bool, sqlx::Error> {
        let claim = uuid::Uuid::new_v4().to_string();
        let now = db::now();
        let until = now + chrono::Duration::from_std(self.config.lease).unwrap_or(chrono::Duration::minutes(5));
        let Some(m) = outbox::claim(&self.db, &claim, now, until).await? else {
            return Ok(false);
        };
        let attachments = outbox::attachments(&self.db, m.id).await?;
        let outcome = match build(&self.config.from, &m, &attachments) {
            Ok(message) => self.deliver(&m, message).await,
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => {
                if !outbox::mark_sent(&self.db, m.id, &claim, &self.name, db::now()).await? {
                    tracing::warn!(id = m.id, "message sent after its claim ran out; it may go twice");
                }
                tracing::info!(id = m.id, message_id = %m.message_id, "message sent");
            }
            Err(SendError::Permanent(e)) => {
                tracing::warn!(id = m.id, error = %e, "message refused; given up");
                outbox::mark_failed(&self.db, m.id, &claim, &e, None).await?;
            }
            Err(SendError::Transient(e)) => {
                let retry_at =
                    (m.attempts < self.config.max_attempts).then(|| self.next_attempt(m.attempts, db::now()));
                tracing::warn!(id = m.id, attempts = m.attempts, error = %e, dead = retry_at.is_none(), "sending failed");
                outbox::mark_failed(&self.db, m.id, &claim, &e, retry_at).await?;
            }
        }
        Ok(true)
    }

    /// Exponential backoff with jitter: between half and all of `base · 2^(attempts−1)`.
    fn next_attempt(&self, attempts: i32, now: DateTime<Utc>) -> DateTime<Utc> {
        let exp = self.config.retry_base.saturating_mul(1u32 << attempts.clamp(1, 20).saturating_sub(1));
        let full = exp.min(MAX_BACKOFF).as_millis() as i64;
        let wait = rand::thread_rng().gen_range(full / 2..=full.max(1));
        now + chrono::Duration::milliseconds(wait)
    }

    async fn deliver(&self, m: &Claimed, message: Message) -> Result<(), SendError> {
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                // Only a refused mailbox is hopeless. Other 5xx replies (a wrong password, a
                // relay that refuses us) are the server's set-up: retried until fixed.
                let mailbox_refused = e.is_permanent()
                    && e.status().is_some_and(|c| matches!(c.to_string().as_str(), "550" | "551" | "553"));
                if mailbox_refused {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
            Transport::Files(dir) => write_eml(dir, &m.message_id, &message.formatted())
                .await
                .map_err(|e| SendError::Transient(format!("{}: {e}", dir.display()))),
        }
    }
}

/// The MIME message: text and HTML alternatives, and any attachments beside them. The sender
/// is the configured address under its name in the message's language (`mail-sender-name`).
fn build(from: &Mailbox, m: &Claimed, attachments: &[Attachment]) -> Result<Message, SendError> {
    let address = m.recipient.parse().map_err(|e| SendError::Permanent(format!("{}: {e}", m.recipient)))?;
    let name = Some(m.recipient_name.clone()).filter(|n| !n.trim().is_empty());
    let locale = app::domain::Locale::parse(&m.locale).unwrap_or(app::domain::Locale::En);
    let sender = Mailbox::new(Some(app::mail::compose::sender_name(locale)), from.email.clone());
    let builder = Message::builder()
        .message_id(Some(m.message_id.clone()))
        .from(sender)
        .to(Mailbox::new(name, address))
        .subject(m.subject.clone())
        .date(m.created_at.into());
    let bodies = MultiPart::alternative_plain_html(m.body_text.clone(), m.body_html.clone());
    let result = if attachments.is_empty() {
        builder.multipart(bodies)
    } else {
        let mut mixed = MultiPart::mixed().multipart(bodies);
        for a in attachments {
            let content_type = ContentType::parse(&a.content_type)
                .or_else(|_| ContentType::parse("application/octet-stream"))
                .map_err(|e| SendError::Permanent(e.to_string()))?;
            mixed = mixed
                .singlepart(lettre::message::Attachment::new(a.filename.clone()).body(a.content.clone(), content_type));
        }
        builder.multipart(mixed)
    };
    result.map_err(|e| SendError::Permanent(e.to_string()))
}

/// Write the message as `<dir>/<message id>.eml` (through a temporary file, so a reader
/// never sees half a message; a repeated attempt rewrites the same file).
async fn write_eml(dir: &std::path::Path, message_id: &str, bytes: &[u8]) -> std::io::Result<()> {
    let name: String = message_id
        .trim_matches(|c| c == '<' || c == '>')
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' })
        .collect();
    tokio::fs::create_dir_all(dir).await?;
    let tmp = dir.join(format!(".{name}.tmp"));
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, dir.join(format!("{name}.eml"))).await
}

/// Run the worker until the process ends.
pub fn spawn(db: Db, config: MailConfig) -> Result<tokio::task::JoinHandle<()>, String> {
    let poll = config.poll;
    let worker = Worker::new(db, config)?;
    Ok(tokio::spawn(async move {
        loop {
            if let Err(e) = worker.drain().await {
                tracing::warn!(error = %e, "outbox unavailable; will retry");
            }
            tokio::time::sleep(poll).await;
        }
    }))
}
