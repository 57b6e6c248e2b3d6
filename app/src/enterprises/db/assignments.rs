//! Liaison assignments: an enterprise's officers past and present, and handing it over (one
//! active assignment at a time, held by a partial unique index).

use crate::db::{is_unique_violation, Db, Tx};
use crate::enterprises::LiaisonAssignment;
use crate::on_tx;
use chrono::{DateTime, Utc};

pub async fn liaisons(db: &Db, enterprise_id: i64) -> Result<Vec<LiaisonAssignment>, sqlx::Error> {
    db.all::<LiaisonAssignment>(
        "select l.officer_id, o.display_name as officer_name, l.assigned_at, b.display_name as assigned_by_name, \
                    l.ended_at, l.handover_note \
             from enterprise_liaisons l join users o on o.id = l.officer_id left join users b on b.id = l.assigned_by \
             where l.enterprise_id = $1 order by (l.ended_at is null) desc, l.assigned_at desc, l.id desc",
        &[enterprise_id.into()],
    )
    .await
}

/// End the active assignment (if any) with a handover note; returns the officer it ended.
pub async fn end_assignment(
    tx: &mut Tx,
    enterprise_id: i64,
    at: DateTime<Utc>,
    note: &str,
) -> Result<Option<i64>, sqlx::Error> {
    tx.optional::<i64>(
        "update enterprise_liaisons set ended_at = $1, handover_note = $2 \
             where enterprise_id = $3 and ended_at is null returning officer_id",
        &[at.into(), note.into(), enterprise_id.into()],
    )
    .await
}

#[derive(Debug, thiserror::Error)]
pub enum AssignError {
    /// Another assignment became active meanwhile: the one-liaison rule held.
    #[error("already assigned")]
    AlreadyAssigned,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Start an assignment. The partial unique index refuses a second active one.
pub async fn start_assignment(
    tx: &mut Tx,
    enterprise_id: i64,
    officer_id: i64,
    by: i64,
    at: DateTime<Utc>,
) -> Result<(), AssignError> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into enterprise_liaisons (enterprise_id, officer_id, assigned_at, assigned_by, handover_note) \
             values ($1, $2, $3, $4, '')",
        )
        .bind(enterprise_id)
        .bind(officer_id)
        .bind(at)
        .bind(by)
        .execute(conn)
        .await
        .map(|_| ())
    })
    .map_err(|e| if is_unique_violation(&e) { AssignError::AlreadyAssigned } else { AssignError::Db(e) })
}
