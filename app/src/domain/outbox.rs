//! The e-mail outbox as staff read it: each message's state, the outbox page's filter and
//! entries, and the messages a case's timeline shows; and who a message is written to.

use super::Locale;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Who receives a message, in which language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

/// Where a message is: waiting for its first attempt, failed and waiting to be retried,
/// delivered to the mail server, or given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageState {
    Pending,
    Failed,
    Sent,
    Dead,
}

impl MessageState {
    pub const ALL: [MessageState; 4] =
        [MessageState::Pending, MessageState::Failed, MessageState::Sent, MessageState::Dead];

    pub fn as_str(self) -> &'static str {
        match self {
            MessageState::Pending => "pending",
            MessageState::Failed => "failed",
            MessageState::Sent => "sent",
            MessageState::Dead => "dead",
        }
    }

    pub fn parse(s: &str) -> Option<MessageState> {
        MessageState::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// From the stored state (`pending`, `sent` or `dead`) and whether an attempt has failed.
    pub fn of(stored: MessageState, failed: bool) -> MessageState {
        match stored {
            MessageState::Sent | MessageState::Dead => stored,
            _ if failed => MessageState::Failed,
            _ => MessageState::Pending,
        }
    }
}

/// What the outbox page lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutboxFilter {
    pub state: Option<MessageState>,
    pub page: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub state: MessageState,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub case_id: Option<i64>,
    pub case_reference: Option<String>,
    pub created_at: DateTime<Utc>,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// A message about a case, as its timeline shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseMessage {
    pub kind: String,
    pub recipient: String,
    pub state: MessageState,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}
