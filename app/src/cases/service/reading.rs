//! Reading cases: a page of the list, the deadlines page's lists, and the case page (the
//! passport number whole only for the case's officer, each such view audited).

use super::{leads_nothing, risk_window};
use crate::auth::{may_work_on, Ctx, SessionUser};
use crate::cases::db as data;
use crate::cases::{Case, ForeignStaff};
use crate::db::audit;
use crate::domain::Role;
use crate::error::AppError;
use crate::state::ServerState;

/// Cases matching a filter, one page of them.
pub async fn search(
    state: &ServerState,
    user: &SessionUser,
    filter: &crate::cases::CaseFilter,
    per_page: i64,
) -> Result<(Vec<crate::cases::CaseSummary>, i64), AppError> {
    if leads_nothing(user, filter) {
        return Ok((Vec::new(), 0));
    }
    let window = risk_window(state).await?;
    Ok(data::search(&state.db, filter, user.id, window, per_page).await?)
}

/// The deadlines page's lists in one read; the leader's list only for a leader (only leaders
/// are an enterprise's responsible leader).
pub async fn deadlines(
    state: &ServerState,
    user: &SessionUser,
    per_page: i64,
) -> Result<crate::cases::DeadlineLists, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadCases)?;
    let window = risk_window(state).await?;
    let led = user.role == crate::domain::Role::Leader;
    let lists = data::deadlines(&state.db, user.id, window, per_page, led).await?;
    let page = |(items, total)| crate::cases::CasePage {
        items: crate::codec::DrawnRows::new(items),
        total,
        page: 0,
        per_page,
    };
    Ok(crate::cases::DeadlineLists {
        overdue: page(lists.overdue),
        at_risk: page(lists.at_risk),
        led: lists.led.map(crate::codec::DrawnRows::new),
    })
}

/// The case page's data for this reader; a fresh access code travels in a short-lived
/// cookie from the action that made it to this one view, and is then cleared.
pub async fn load(cx: &Ctx, id: i64, fresh_code: Option<String>) -> Result<Case, AppError> {
    let (state, user) = (&cx.state, &cx.user);
    let window = risk_window(state).await?;
    let (summary, row) = data::get(&state.db, id, window).await?.ok_or(AppError::NotFound)?;
    let events = data::events(&state.db, id).await?;
    let editable = may_work_on(user, row.owner_id);
    let next_statuses = if editable { summary.status.next().to_vec() } else { Vec::new() };
    let foreign_staff = match row.foreign_staff {
        None => None,
        Some(f) => {
            // The whole passport number only for the case's own officer, and each such view
            // is in the audit log; everyone else sees it masked.
            let whole = user.role == Role::LiaisonOfficer && row.owner_id == Some(user.id);
            if whole {
                let mut tx = state.db.begin().await?;
                let changes = audit::Changes::new().fact("field", "passport_number");
                audit::record(&mut tx, cx.entry("personal_data_viewed", "case", id, changes)).await?;
                tx.commit().await?;
            }
            Some(ForeignStaff {
                passport_number: if whole {
                    f.passport_number
                } else {
                    crate::domain::mask_passport(&f.passport_number)
                },
                passport_masked: !whole,
                passport_name: f.passport_name,
                nationality: f.nationality,
                position: f.position,
                arrival_date: f.arrival_date,
            })
        }
    };
    let routable = row.owner_id.is_none()
        && row.source == "portal"
        && summary.status.is_open()
        && matches!(user.role, Role::Admin | Role::LiaisonOfficer);
    Ok(Case {
        summary,
        description: row.description,
        language: row.language,
        full_agency: row.full_agency,
        version: row.version,
        events,
        tasks: row.tasks,
        next_statuses,
        editable,
        fresh_access_code: if editable { fresh_code } else { None },
        paused_on: row.paused_on,
        applicant_name: row.applicant_name,
        applicant_email: row.applicant_email,
        messages: row.messages,
        from_portal: row.source == "portal",
        applicant_phone: row.applicant_phone,
        enterprise_name_given: row.enterprise_name_given,
        credit_code_given: row.credit_code_given,
        foreign_staff,
        rating: row.rating.map(|r| (r, row.rating_comment.unwrap_or_default())),
        routable,
    })
}
