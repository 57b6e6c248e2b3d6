//! The table of cases shared by the case list, the deadlines page and the enterprise page,
//! with each case's deadline badge.

use super::{status_name, type_name};
use crate::cases::{CaseSummary, CaseType, Deadline};
use crate::domain::{CaseStatus, Locale};
use crate::i18n::{use_locale, Labels};
use leptos::prelude::*;

pub fn deadline_badge(d: Deadline) -> Option<impl IntoView> {
    badge_of(d, &mut Labels::new()).map(|(class, text)| view! { <span class=class>{text}</span> })
}

/// A deadline's badge class and text; none for a case without a running deadline.
fn badge_of(d: Deadline, labels: &mut Labels<Deadline>) -> Option<(&'static str, String)> {
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
    Some((class, text))
}

/// A table of cases, shared by the case list, the deadlines page and the enterprise page.
#[component]
pub fn CasesTable(cases: crate::codec::DrawnRows<CaseSummary>) -> impl IntoView {
    let locale = use_locale();
    if cases.is_empty() {
        return view! { <p class="muted">{tr!("cases-none")}</p> }.into_any();
    }
    let rows = rows_html(cases.rows(), locale);
    // The headings are named before `view!`: leptos-fluent's check of the messages in use
    // does not see a `tr!` that comes right after a `<tr>` element.
    let headings = [
        tr!("case-reference"),
        tr!("case-title"),
        tr!("case-enterprise"),
        tr!("case-type"),
        tr!("case-status"),
        tr!("case-owner"),
        tr!("case-due"),
    ];
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    {headings.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                </tr></thead>
                <tbody inner_html=rows></tbody>
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

/// The table's rows as HTML: text and links only, written as one string with every text
/// escaped and given to the `<tbody>` as its inner HTML, as the enterprise list's are (drawn
/// element by element, the rows were most of the page's cost on the server).
fn rows_html(cases: &[CaseSummary], locale: Locale) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let mut labels = RowLabels::default();
    let mut out = String::with_capacity(cases.len() * 640);
    for c in cases {
        let _ = write!(
            out,
            "<tr><td><a href=\"/cases/{}\"><code>{}</code></a></td><td>{}",
            c.id,
            Esc(&c.reference),
            Esc(&c.title)
        );
        if c.green_channel {
            let green = labels.green.get((), |_| tr!("case-green-channel"));
            let _ = write!(out, "<span class=\"badge badge-green\">{}</span>", Esc(&green));
        }
        out.push_str("</td><td>");
        match c.enterprise_id {
            Some(id) => {
                let _ = write!(out, "<a href=\"/enterprises/{id}\">{}</a>", Esc(&c.enterprise_name));
            }
            None => {
                let intake = labels.intake.get((), |_| tr!("case-intake-badge"));
                let _ =
                    write!(out, "{} <span class=\"badge badge-warn\">{}</span>", Esc(&c.enterprise_name), Esc(&intake));
            }
        }
        let _ = write!(
            out,
            "</td><td>{}</td><td><span class=\"status status-{}\">{}</span></td><td>{}</td><td>{} ",
            Esc(&labels.types.get(c.case_type, type_name)),
            c.status.as_str(),
            Esc(&labels.statuses.get(c.status, status_name)),
            Esc(c.owner_name.as_deref().unwrap_or_default()),
            Esc(&c.due_on.map(|d| crate::i18n::format_day(d, locale)).unwrap_or_default()),
        );
        if let Some((class, text)) = badge_of(c.deadline, &mut labels.deadlines) {
            let _ = write!(out, "<span class=\"{class}\">{}</span>", Esc(&text));
        }
        out.push_str("</td></tr>");
    }
    out
}
