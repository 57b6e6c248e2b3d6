//! One way into a server function: `Ctx::require(action)` checks the permission table and
//! gives the request's state, its signed-in user and the address it came from, instead of
//! asking the Leptos context for each. Services take the `Ctx` (or its parts, when they are
//! also called where there is no signed-in user).

use super::{allows, server, Action, SessionUser};
use crate::db::audit;
use crate::error::AppError;
use crate::state::ServerState;

/// A signed-in staff member's request, its permission checked.
#[derive(Clone)]
pub struct Ctx {
    pub state: ServerState,
    pub user: SessionUser,
    /// The client's address, for the audit log.
    pub ip: String,
}

impl Ctx {
    /// The request of a signed-in user whose role allows `action`: `NotAuthenticated` when
    /// nobody is signed in, `Forbidden` when the role does not allow it.
    pub fn require(action: Action) -> Result<Ctx, AppError> {
        let cx = Ctx::signed_in()?;
        cx.permit(action)?;
        Ok(cx)
    }

    /// The request of any signed-in staff member (pages that every role has, such as one's
    /// own account).
    pub fn signed_in() -> Result<Ctx, AppError> {
        let user = server::require_user()?;
        Ok(Ctx { state: server::state()?, user, ip: server::client_ip() })
    }

    /// `Forbidden` unless the user's role allows `action` (the services' second lock).
    pub fn permit(&self, action: Action) -> Result<(), AppError> {
        if allows(self.user.role, action) {
            Ok(())
        } else {
            tracing::warn!(user = self.user.id, ?action, "permission refused");
            Err(AppError::Forbidden)
        }
    }

    /// An audit entry for this user's change to one record, from this request's address.
    pub fn entry<'a>(
        &'a self,
        action: &'a str,
        entity_type: &'a str,
        entity_id: i64,
        changes: audit::Changes,
    ) -> audit::Entry<'a> {
        audit::Entry::by(self.user.id, action, entity_type, entity_id, changes, &self.ip)
    }
}
