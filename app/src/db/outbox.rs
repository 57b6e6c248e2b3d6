//! The e-mail outbox: messages written in the transaction of the change that causes them,
//! claimed by the worker of any app server with a lease, and their outcome.

use super::{Db, Tx};
use crate::domain::{CaseMessage, MessageState, OutboxEntry, OutboxFilter};
use crate::{on_db, on_tx};
use chrono::{DateTime, Utc};

/// A message ready to be queued: already rendered in its recipient's language.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub kind: &'static str,
    pub recipient: String,
    pub recipient_name: String,
    pub locale: crate::domain::Locale,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub case_id: Option<i64>,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

impl crate::db::Record for Attachment {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Attachment {
            filename: row.get("filename")?,
            content_type: row.get("content_type")?,
            content: row.get("content")?,
        })
    }
}

/// A message a worker has claimed and must now send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub message_id: String,
    pub recipient: String,
    pub recipient_name: String,
    /// The language the message is written in (a BCP 47 tag, as `Locale::tag`).
    pub locale: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
}

impl crate::db::Record for Claimed {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Claimed {
            id: row.get("id")?,
            message_id: row.get("message_id")?,
            recipient: row.get("recipient")?,
            recipient_name: row.get("recipient_name")?,
            locale: row.get("locale")?,
            subject: row.get("subject")?,
            body_text: row.get("body_text")?,
            body_html: row.get("body_html")?,
            attempts: row.get("attempts")?,
            created_at: row.get("created_at")?,
        })
    }
}

/// Queue `m` under `message_id` inside the caller's transaction; returns its id.
pub async fn enqueue(tx: &mut Tx, m: &NewMessage, message_id: &str, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    let id: i64 = on_tx!(tx, |conn| {
        sqlx::query_scalar(
            "insert into outbox (message_id, kind, recipient, recipient_name, locale, subject, body_text, body_html, \
                                 case_id, next_attempt_at, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id",
        )
        .bind(message_id)
        .bind(m.kind)
        .bind(&m.recipient)
        .bind(&m.recipient_name)
        .bind(m.locale.tag())
        .bind(&m.subject)
        .bind(&m.body_text)
        .bind(&m.body_html)
        .bind(m.case_id)
        .bind(at)
        .fetch_one(&mut *conn)
        .await?
    });
    for a in &m.attachments {
        on_tx!(tx, |conn| {
            sqlx::query(
                "insert into outbox_attachments (outbox_id, filename, content_type, content) values ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(&a.filename)
            .bind(&a.content_type)
            .bind(&a.content)
            .execute(&mut *conn)
            .await
            .map(|_| ())?
        });
    }
    Ok(id)
}

/// Record that a once-only notice (`key`) goes out; false when it already went.
pub async fn notice_once(tx: &mut Tx, key: &str, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = on_tx!(tx, |conn| {
        sqlx::query("insert into mail_notices (key, created_at) values ($1, $2) on conflict do nothing")
            .bind(key)
            .bind(at)
            .execute(&mut *conn)
            .await?
            .rows_affected()
    });
    Ok(done == 1)
}

/// Claim the next due message for `lease`: pending, due, and not held by a live claim (a
/// claim whose lease ran out belongs to a sender that died, and is taken over). On
/// PostgreSQL, workers skip each other's locked rows, so each message goes to one worker.
pub async fn claim(
    db: &Db,
    claim: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Option<Claimed>, sqlx::Error> {
    let lock = match db {
        Db::Sqlite(_) => "",
        Db::Postgres(_) => " for update skip locked",
    };
    let sql = format!(
        "update outbox set claim = $1, claimed_until = $2, attempts = attempts + 1 \
         where id = (select id from outbox where state = 'pending' and next_attempt_at <= $3 \
                       and (claimed_until is null or claimed_until < $3) \
                     order by next_attempt_at, id limit 1{lock}) \
           and (claimed_until is null or claimed_until < $3) \
         returning id, message_id, recipient, recipient_name, locale, subject, body_text, body_html, attempts, created_at"
    );
    let mut tx = db.begin().await?;
    let claimed = tx.optional::<Claimed>(&sql, &[claim.into(), until.into(), now.into()]).await?;
    tx.commit().await?;
    Ok(claimed)
}

pub async fn attachments(db: &Db, id: i64) -> Result<Vec<Attachment>, sqlx::Error> {
    db.all::<Attachment>(
        "select filename, content_type, content from outbox_attachments where outbox_id = $1 order by id",
        &[id.into()],
    )
    .await
}

/// The message went out (sent is final, whoever holds the claim now). Returns false when
/// this worker's claim had been taken over meanwhile: the message may have gone twice.
pub async fn mark_sent(db: &Db, id: i64, claim: &str, sender: &str, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    const SENT: &str = "update outbox set state = 'sent', sent_at = $1, sent_by = $2, last_error = null, \
                        claim = null, claimed_until = null where id = $3 and state = 'pending'";
    let (ours, n) = on_db!(db, |pool| {
        let ours = sqlx::query(&format!("{SENT} and claim = $4"))
            .bind(at)
            .bind(sender)
            .bind(id)
            .bind(claim)
            .execute(pool)
            .await?
            .rows_affected();
        // Taken over meanwhile: it went out all the same.
        let n = if ours == 1 {
            1
        } else {
            sqlx::query(SENT).bind(at).bind(sender).bind(id).execute(pool).await?.rows_affected()
        };
        (ours, n)
    });
    Ok(ours == 1 && n == 1)
}

/// Sending failed: try again at `retry_at`, or give up (`None`: the message is dead).
pub async fn mark_failed(
    db: &Db,
    id: i64,
    claim: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<bool, sqlx::Error> {
    let error: String = error.chars().take(2000).collect();
    let (state, next) = match retry_at {
        Some(at) => ("pending", Some(at)),
        None => ("dead", None),
    };
    let n = on_db!(db, |pool| {
        sqlx::query(
            "update outbox set state = $1, last_error = $2, next_attempt_at = coalesce($3, next_attempt_at), \
                    claim = null, claimed_until = null \
             where id = $4 and claim = $5",
        )
        .bind(state)
        .bind(&error)
        .bind(next)
        .bind(id)
        .bind(claim)
        .execute(pool)
        .await?
        .rows_affected()
    });
    Ok(n == 1)
}

/// An administrator sends a given-up or failed message again, from a fresh count of
/// attempts; never one a worker is sending right now. Returns its recipient, or `None` when
/// there is no such message.
pub async fn retry(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar(
            "update outbox set state = 'pending', attempts = 0, next_attempt_at = $1, claim = null, claimed_until = null \
             where id = $2 and (state = 'dead' or (state = 'pending' and last_error is not null)) \
               and (claimed_until is null or claimed_until < $1) \
             returning recipient",
        )
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
    })
}

/// A message as the outbox page lists it: a pending message with an error reads as failed.
impl crate::db::Record for OutboxEntry {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        let last_error: Option<String> = row.get("last_error")?;
        Ok(OutboxEntry {
            id: row.get("id")?,
            kind: row.get("kind")?,
            recipient: row.get("recipient")?,
            subject: row.get("subject")?,
            state: MessageState::of(row.get("state")?, last_error.is_some()),
            attempts: row.get("attempts")?,
            last_error,
            case_id: row.get("case_id")?,
            case_reference: row.get("case_reference")?,
            created_at: row.get("created_at")?,
            next_attempt_at: row.get("next_attempt_at")?,
            sent_at: row.get("sent_at")?,
        })
    }
}

pub const PER_PAGE: i64 = 50;

/// One page of the outbox, newest first, with the number of messages in the chosen state.
pub async fn list(db: &Db, f: &OutboxFilter) -> Result<(Vec<OutboxEntry>, i64), sqlx::Error> {
    let condition = match f.state {
        None => "",
        Some(MessageState::Pending) => " where o.state = 'pending' and o.last_error is null",
        Some(MessageState::Failed) => " where o.state = 'pending' and o.last_error is not null",
        Some(MessageState::Sent) => " where o.state = 'sent'",
        Some(MessageState::Dead) => " where o.state = 'dead'",
    };
    let list_sql = format!(
        "select o.id, o.kind, o.recipient, o.subject, o.state, o.attempts, o.last_error, o.case_id, \
                c.reference as case_reference, o.created_at, o.next_attempt_at, o.sent_at \
         from outbox o left join cases c on c.id = o.case_id{condition} order by o.id desc limit {PER_PAGE} offset {}",
        f.page.clamp(0, crate::domain::MAX_PAGE) * PER_PAGE
    );
    let count_sql = format!("select count(*) from outbox o{condition}");
    let entries: Vec<OutboxEntry> = db.all(&list_sql, &[]).await?;
    // Counting the whole outbox reads every message.
    let total: i64 = db.scan(&count_sql, &[]).await?.into_iter().next().unwrap_or(0);
    Ok((entries, total))
}

/// A case's messages as one JSON array column of the case's own query (see `cases::db::get`).
pub(crate) fn json_column(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => {
            "(select json_group_array(json_object('id', m.id, 'kind', m.kind, 'recipient', m.recipient, \
                 'state', m.state, 'failed', m.last_error is not null, 'created_at', m.created_at, 'sent_at', m.sent_at)) \
             from outbox m where m.case_id = c.id) as messages"
        }
        Db::Postgres(_) => {
            "(select coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'recipient', m.recipient, \
                 'state', m.state, 'failed', m.last_error is not null, 'created_at', m.created_at, 'sent_at', m.sent_at)), \
                 '[]'::json) \
             from outbox m where m.case_id = c.id) as messages"
        }
    }
}

/// One message as `json_column` spells it (SQLite writes the flag as 0 or 1).
#[derive(serde::Deserialize)]
pub(crate) struct MessageJson {
    id: i64,
    kind: String,
    recipient: String,
    /// Serde's spelling of a message state is its stored code; an unknown one fails the read.
    state: MessageState,
    failed: serde_json::Value,
    created_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
}

/// The messages in the order they were queued.
pub(crate) fn from_json(mut rows: Vec<MessageJson>) -> Vec<CaseMessage> {
    rows.sort_by_key(|r| r.id);
    rows.into_iter()
        .map(|r| CaseMessage {
            state: MessageState::of(r.state, r.failed == serde_json::json!(true) || r.failed == serde_json::json!(1)),
            kind: r.kind,
            recipient: r.recipient,
            created_at: r.created_at,
            sent_at: r.sent_at,
        })
        .collect()
}
