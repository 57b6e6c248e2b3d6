//! The case list as CSV (server only), with the list's current filters.

use super::{CaseFilter, Deadline};
use crate::auth::SessionUser;
use crate::domain::Locale;
use crate::error::AppError;
use crate::export::{CsvFile, Lease, MAX_ROWS};
use crate::state::ServerState;
use crate::translate::t;

fn deadline_id(d: Deadline) -> Option<&'static str> {
    match d {
        Deadline::OnTrack => Some("deadline-on-track"),
        Deadline::AtRisk => Some("deadline-at-risk"),
        Deadline::Overdue => Some("deadline-overdue"),
        Deadline::Stopped => Some("deadline-stopped"),
        Deadline::None | Deadline::Finished => None,
    }
}

/// The cases the filter matches, at most `MAX_ROWS`, streamed from the database (one export
/// at a time per user: see `Lease`).
pub async fn cases_csv(
    state: &ServerState,
    user: &SessionUser,
    filter: &CaseFilter,
    locale: Locale,
) -> Result<CsvFile, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadCases)?;
    let lease = Lease::take(state, user.id).await?;
    let window = super::service::risk_window(state).await?;
    let rows = if super::service::leads_nothing(user, filter) {
        lease.give_back().await;
        crate::db::Rows::none()
    } else {
        crate::cases::db::stream(&state.db, filter, user.id, window, MAX_ROWS, lease)
    };
    let headers = [
        "case-reference",
        "case-title",
        "case-enterprise",
        "case-type",
        "case-priority",
        "case-green-channel",
        "case-status",
        "case-owner",
        "case-opened",
        "case-due",
        "case-deadline",
    ]
    .map(|id| t(locale, id));
    let yes = t(locale, "common-yes");
    let no = t(locale, "common-no");
    let record = move |c: super::CaseSummary| {
        vec![
            c.reference,
            c.title,
            c.enterprise_name,
            t(locale, &format!("case-type-{}", c.case_type.as_str().replace('_', "-"))),
            t(locale, &format!("priority-{}", c.priority.as_str())),
            if c.green_channel { yes.clone() } else { no.clone() },
            t(locale, &format!("case-status-{}", c.status.as_str().replace('_', "-"))),
            c.owner_name.unwrap_or_default(),
            crate::i18n::format_datetime(c.created_at, locale),
            c.due_on.map(|d| d.to_string()).unwrap_or_default(),
            deadline_id(c.deadline).map(|id| t(locale, id)).unwrap_or_default(),
        ]
    };
    CsvFile::stream("cases", headers.to_vec(), rows, record).await
}
