//! Case rules (server only): who may open and work a case (by `auth::may_work_on`), the
//! status workflow, the reference and the investor's access code, each change with its
//! timeline event and audit entry in one transaction.
//!
//! Opening a case is in `opening`, its workflow (status, notes, access code, public updates)
//! in `workflow`, reading lists and the case page in `reading`, routing (from the intake
//! queue, to departments, and the departments' tasks) in `routing`; what they share is here.

mod opening;
mod reading;
mod routing;
mod workflow;

pub use opening::{open, open_for_project, NewCode};
pub use reading::{deadlines, load, search};
pub use routing::{route, route_in, take_from_intake, update_task};
pub use workflow::{add_note, add_public_update, change_status, reset_access_code};

use crate::auth::SessionUser;
use crate::cases::db as data;
use crate::domain::{ACCESS_CODE_ALPHABET, ACCESS_CODE_LEN};
use crate::error::AppError;
use crate::mail::compose;
use crate::state::ServerState;
use rand::RngCore;

/// A new random access code (about 56 bits).
pub fn new_access_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..ACCESS_CODE_LEN)
        .map(|_| ACCESS_CODE_ALPHABET[(rng.next_u32() as usize) % ACCESS_CODE_ALPHABET.len()] as char)
        .collect()
}

/// Queue messages in the transaction of the change that causes them.
async fn queue_all(
    tx: &mut crate::db::Tx,
    state: &ServerState,
    messages: &[crate::db::outbox::NewMessage],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    for m in messages {
        compose::queue(tx, &state.settings, m, at).await?;
    }
    Ok(())
}

/// Today and the last day that counts as "at risk", under the working calendar.
pub async fn risk_window(state: &ServerState) -> Result<data::RiskWindow, AppError> {
    let (today, at_risk_until) = crate::service_levels::service::risk_window(state).await?;
    Ok(data::RiskWindow { today, at_risk_until })
}

/// Only leaders are an enterprise's responsible leader: for anyone else "the cases of the
/// enterprises I lead" is empty without asking the database (it was the deadlines page's
/// slowest read, run for every role).
pub(super) fn leads_nothing(user: &SessionUser, filter: &super::CaseFilter) -> bool {
    filter.led && user.role != crate::domain::Role::Leader
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_codes_are_long_random_and_unambiguous() {
        let a = new_access_code();
        assert_eq!(a.len(), ACCESS_CODE_LEN);
        assert!(a.bytes().all(|b| ACCESS_CODE_ALPHABET.contains(&b)));
        assert_ne!(a, new_access_code());
    }
}
