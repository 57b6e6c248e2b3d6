//! A case's timeline: its events written and read.

use crate::cases::{CaseEvent, EventKind, PublicText};
use crate::db::{Db, Tx};
use crate::domain::CaseStatus;
use crate::on_tx;
use chrono::{DateTime, Utc};

pub struct NewEvent<'a> {
    pub case_id: i64,
    pub kind: EventKind,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: &'a str,
    pub public: Option<&'a PublicText>,
    /// None for the applicant (through the portal).
    pub author_id: Option<i64>,
    pub at: DateTime<Utc>,
}

fn kind_str(k: EventKind) -> &'static str {
    match k {
        EventKind::Created => "created",
        EventKind::StatusChanged => "status_changed",
        EventKind::InternalNote => "internal_note",
        EventKind::PublicUpdate => "public_update",
        EventKind::AccessCodeReset => "access_code_reset",
        EventKind::ApplicantReply => "applicant_reply",
        EventKind::Rated => "rated",
        EventKind::Routed => "routed",
    }
}

pub async fn add_event(tx: &mut Tx, e: &NewEvent<'_>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into case_events (case_id, kind, from_status, to_status, note, public_zh, public_en, public_fr, \
                 author_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(e.case_id)
        .bind(kind_str(e.kind))
        .bind(e.from_status.map(|s| s.as_str()))
        .bind(e.to_status.map(|s| s.as_str()))
        .bind(e.note)
        .bind(e.public.and_then(|p| p.zh.as_deref()))
        .bind(e.public.and_then(|p| p.en.as_deref()))
        .bind(e.public.and_then(|p| p.fr.as_deref()))
        .bind(e.author_id)
        .bind(e.at)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

/// An event as stored: an unknown kind reads as an internal note, an unknown status as none,
/// and only a public update has public texts.
impl crate::db::Record for CaseEvent {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        let kind: String = row.get("kind")?;
        let status = |name: &str| -> Result<Option<CaseStatus>, sqlx::Error> {
            Ok(row.get::<Option<String>>(name)?.as_deref().and_then(CaseStatus::parse))
        };
        Ok(CaseEvent {
            id: row.get("id")?,
            kind: match kind.as_str() {
                "created" => EventKind::Created,
                "status_changed" => EventKind::StatusChanged,
                "public_update" => EventKind::PublicUpdate,
                "access_code_reset" => EventKind::AccessCodeReset,
                "applicant_reply" => EventKind::ApplicantReply,
                "rated" => EventKind::Rated,
                "routed" => EventKind::Routed,
                _ => EventKind::InternalNote,
            },
            from_status: status("from_status")?,
            to_status: status("to_status")?,
            note: row.get("note")?,
            public: (kind == "public_update").then_some(PublicText {
                zh: row.get("public_zh")?,
                en: row.get("public_en")?,
                fr: row.get("public_fr")?,
            }),
            author_name: row.get("author_name")?,
            created_at: row.get("created_at")?,
        })
    }
}

pub async fn events(db: &Db, case_id: i64) -> Result<Vec<CaseEvent>, sqlx::Error> {
    db.all::<CaseEvent>(
        "select ev.id, ev.kind, ev.from_status, ev.to_status, ev.note, ev.public_zh, ev.public_en, ev.public_fr, \
                u.display_name as author_name, ev.created_at \
         from case_events ev left join users u on u.id = ev.author_id where ev.case_id = $1 order by ev.id",
        &[case_id.into()],
    )
    .await
}
