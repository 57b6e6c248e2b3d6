//! The audit log: one row per change, written in the transaction of the change it records.

use super::{Arg, Db, Tx, Where};
use crate::domain::{AuditEntry, AuditFilter};
use crate::on_tx;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sqlx::types::Json;

/// What changed: field → `{"from": …, "to": …}`, or plain facts for events such as logins.
#[derive(Debug, Default, Clone)]
pub struct Changes(Map<String, Value>);

impl Changes {
    pub fn new() -> Self {
        Changes::default()
    }

    /// Record `field` going from `from` to `to`; nothing when they are equal.
    pub fn diff<T: serde::Serialize + PartialEq>(mut self, field: &str, from: T, to: T) -> Self {
        if from != to {
            self.0.insert(field.into(), serde_json::json!({ "from": from, "to": to }));
        }
        self
    }

    pub fn set<T: serde::Serialize>(mut self, field: &str, to: T) -> Self {
        self.0.insert(field.into(), serde_json::json!({ "to": to }));
        self
    }

    pub fn fact<T: serde::Serialize>(mut self, key: &str, value: T) -> Self {
        self.0.insert(key.into(), serde_json::json!(value));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub struct Entry<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<String>,
    pub changes: Changes,
    pub ip: Option<&'a str>,
    pub at: DateTime<Utc>,
}

impl<'a> Entry<'a> {
    /// A staff member's change to one record, now.
    pub fn by(
        actor_id: i64,
        action: &'a str,
        entity_type: &'a str,
        entity_id: i64,
        changes: Changes,
        ip: &'a str,
    ) -> Self {
        Entry {
            actor_id: Some(actor_id),
            action,
            entity_type,
            entity_id: Some(entity_id.to_string()),
            changes,
            ip: Some(ip),
            at: super::now(),
        }
    }

    /// A change made by an applicant through the portal (no staff account), now.
    pub fn applicant(action: &'a str, entity_type: &'a str, entity_id: i64, changes: Changes, ip: &'a str) -> Self {
        Entry {
            actor_id: None,
            action,
            entity_type,
            entity_id: Some(entity_id.to_string()),
            changes,
            ip: Some(ip),
            at: super::now(),
        }
    }

    /// The same entry about a record whose key is not a number (a case type, a day).
    pub fn with_key(mut self, key: &str) -> Self {
        self.entity_id = Some(key.to_string());
        self
    }
}

pub async fn record(tx: &mut Tx, e: Entry<'_>) -> Result<(), sqlx::Error> {
    let changes = Json(Value::Object(e.changes.0));
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into audit_log (at, actor_id, action, entity_type, entity_id, changes, ip) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(e.at)
        .bind(e.actor_id)
        .bind(e.action)
        .bind(e.entity_type)
        .bind(&e.entity_id)
        .bind(&changes)
        .bind(e.ip)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

/// An entry as the log page shows it: what changed as the JSON text `serde_json` writes of it.
impl crate::db::Record for AuditEntry {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(AuditEntry {
            id: row.get("id")?,
            at: row.get("at")?,
            actor_id: row.get("actor_id")?,
            actor_name: row.get("actor_name")?,
            action: row.get("action")?,
            entity_type: row.get("entity_type")?,
            entity_id: row.get("entity_id")?,
            changes: row.get::<Json<Value>>("changes")?.0.to_string(),
            ip: row.get("ip")?,
        })
    }
}

/// One page of the log, newest first, with optional filters; returns the page and whether
/// more rows follow.
pub async fn list(db: &Db, f: &AuditFilter, limit: i64) -> Result<(Vec<AuditEntry>, bool), sqlx::Error> {
    let action = f.action.as_deref().filter(|s| !s.is_empty());
    let entity_type = f.entity_type.as_deref().filter(|s| !s.is_empty());
    // A name is matched as typed: `%` and `_` in it are letters, not wildcards.
    let actor = f
        .actor
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!("%{}%", super::escape_like(&s.to_lowercase())));
    let entity_id = f.entity_id.as_deref().filter(|s| !s.is_empty());
    let offset = f.page.clamp(0, crate::domain::MAX_PAGE) * limit;
    // Only the conditions that are set, so that one record's history is read from the index
    // of its entries (`audit_log_entity`) rather than by walking the whole log newest first.
    let mut cond = Where::default();
    if let Some(action) = action {
        cond.push("a.action = ?", vec![Arg::Text(action.into())]);
    }
    if let Some(entity_type) = entity_type {
        cond.push("a.entity_type = ?", vec![Arg::Text(entity_type.into())]);
    }
    if let Some(entity_id) = entity_id {
        cond.push("a.entity_id = ?", vec![Arg::Text(entity_id.into())]);
    }
    let actor_set = actor.is_some();
    if let Some(actor) = actor {
        cond.push(
            "(lower(u.email) like ? escape '\\' or lower(u.display_name) like ? escape '\\')",
            vec![Arg::Text(actor.clone()), Arg::Text(actor)],
        );
    }
    let sql = format!(
        "select a.id, a.at, a.actor_id, u.display_name as actor_name, a.action, a.entity_type, \
                a.entity_id, a.changes, a.ip \
         from audit_log a left join users u on u.id = a.actor_id{} \
         order by a.id desc limit {} offset {offset}",
        cond.sql(),
        limit + 1
    );
    // Looking for an actor by name reads the log's entries one by one.
    let mut entries: Vec<AuditEntry> =
        if actor_set { db.scan(&sql, &cond.args).await? } else { db.all(&sql, &cond.args).await? };
    let more = entries.len() as i64 > limit;
    entries.truncate(limit as usize);
    Ok((entries, more))
}
