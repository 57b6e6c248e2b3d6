//! The table of cases shared by the case list, the deadlines page and the enterprise page,
//! with each case's deadline badge.

use super::{status_name, type_name};
use crate::cases::{CaseSummary, CaseType, Deadline};
use crate::domain::{CaseStatus, Locale};
use crate::i18n::{use_locale, Labels};
use leptos::prelude::*;

pub fn deadline_badge(d: Deadline) -> Option<impl IntoView> {
    deadline_badge_with(d, &mut Labels::new())
}

/// The deadline's badge, its text from a table's `labels`.
fn deadline_badge_with(d: Deadline, labels: &mut Labels<Deadline>) -> Option<impl IntoView> {
    let class = match d {
        Deadline::Overdue => "badge badge-danger",
        Deadline::AtRisk => "badge badge-warn",
        Deadline::Stopped => "badge badge-muted",
        Deadline::OnTrack => "badge badge-ok",
        Deadline::None | Deadline::Finished => return None,
    };
    let text = labels.get(d, |d| match d {
        Deadline::Overdue => tr!("deadline-overdue"),
        Deadline::AtRisk => tr!("deadline-at-risk"),
        Deadline::Stopped => tr!("deadline-stopped"),
        _ => tr!("deadline-on-track"),
    });
    Some(view! { <span class=class>{text}</span> })
}

/// A table of cases, shared by the case list, the deadlines page and the enterprise page.
#[component]
pub fn CasesTable(cases: Vec<CaseSummary>) -> impl IntoView {
    let locale = use_locale();
    if cases.is_empty() {
        return view! { <p class="muted">{tr!("cases-none")}</p> }.into_any();
    }
    let mut labels = RowLabels::default();
    let rows = cases.into_iter().map(|c| case_row(c, locale, &mut labels)).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!("case-reference")}</th>
                    <th scope="col">{tr!("case-title")}</th>
                    <th scope="col">{tr!("case-enterprise")}</th>
                    <th scope="col">{tr!("case-type")}</th>
                    <th scope="col">{tr!("case-status")}</th>
                    <th scope="col">{tr!("case-owner")}</th>
                    <th scope="col">{tr!("case-due")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The enterprise of a case, linked; a portal request not yet routed shows the name the
/// applicant gave, marked as such.
pub(super) fn enterprise_link(id: Option<i64>, name: String, intake: &mut Labels<()>) -> AnyView {
    match id {
        Some(id) => view! { <a href=format!("/enterprises/{id}")>{name}</a> }.into_any(),
        None => {
            let badge = intake.get((), |_| tr!("case-intake-badge"));
            view! { {name}" "<span class="badge badge-warn">{badge}</span> }.into_any()
        }
    }
}

/// The labels the rows of one table share.
#[derive(Default)]
struct RowLabels {
    intake: Labels<()>,
    green: Labels<()>,
    types: Labels<CaseType>,
    statuses: Labels<CaseStatus>,
    deadlines: Labels<Deadline>,
}

fn case_row(c: CaseSummary, locale: Locale, labels: &mut RowLabels) -> impl IntoView {
    let href = format!("/cases/{}", c.id);
    let enterprise = enterprise_link(c.enterprise_id, c.enterprise_name.clone(), &mut labels.intake);
    let green = c.green_channel.then(|| labels.green.get((), |_| tr!("case-green-channel")));
    let due = c.due_on.map(|d| crate::i18n::format_day(d, locale)).unwrap_or_default();
    let case_type = labels.types.get(c.case_type, type_name);
    let status = labels.statuses.get(c.status, status_name);
    let deadline = deadline_badge_with(c.deadline, &mut labels.deadlines);
    view! {
        <tr>
            <td><a href=href><code>{c.reference.clone()}</code></a></td>
            <td>{c.title.clone()}{green.map(|g| view! { <span class="badge badge-green">{g}</span> })}</td>
            <td>{enterprise}</td>
            <td>{case_type}</td>
            <td><span class=format!("status status-{}", c.status.as_str())>{status}</span></td>
            <td>{c.owner_name.clone().unwrap_or_default()}</td>
            <td>{due}" "{deadline}</td>
        </tr>
    }
}
