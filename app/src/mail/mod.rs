//! E-mail: an outbox written in the transaction of the change that causes each message,
//! rendered in the recipient's language; a worker in `server/` sends it. Administrators see
//! every message's state and send failed ones again; each case shows what it sent to whom.

pub mod api;
#[cfg(feature = "ssr")]
pub mod compose;
pub mod pages;

use crate::domain::OutboxEntry;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub entries: Vec<OutboxEntry>,
    pub total: i64,
    pub per_page: i64,
}
