//! Cases' SQL: the summary every list reads and the deadline's window, here; lists and the
//! deadlines page in `list`, one case created, read and changed in `record`, its timeline in
//! `timeline`, what e-mails and notices read in `notices`, department tasks in `tasks`.

mod list;
mod notices;
mod record;
pub mod tasks;
mod timeline;

pub use list::{deadlines, search, stream, DeadlineLists};
pub use notices::{due_unnoticed, facts_in, open_owned, DueCase};
pub use record::{
    get, insert, next_number, route, set_access_code_hash, set_status, state_in, CaseRow, ForeignStaffRow, NewCase,
};
pub use timeline::{add_event, events, NewEvent};

use crate::cases::{CaseSummary, CaseType, Deadline, Priority};
use crate::db::{Columns, Record};
use crate::domain::CaseStatus;
use chrono::{DateTime, NaiveDate, Utc};

/// A case as every list shows it, before its deadline is judged (`into_summary`): the
/// deadline needs the day's risk window, and no value of it could stand in until then.
struct SummaryRow {
    id: i64,
    reference: String,
    enterprise_id: Option<i64>,
    enterprise_name: String,
    case_type: CaseType,
    priority: Priority,
    green_channel: bool,
    title: String,
    status: CaseStatus,
    owner_name: Option<String>,
    created_at: DateTime<Utc>,
    due_on: Option<NaiveDate>,
}

crate::code_column!(Priority);

impl Record for SummaryRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(SummaryRow {
            id: row.get("id")?,
            reference: row.get("reference")?,
            enterprise_id: row.get("enterprise_id")?,
            enterprise_name: row.get("enterprise_name")?,
            case_type: row.get("case_type")?,
            priority: row.get("priority")?,
            green_channel: row.get("green_channel")?,
            title: row.get("title")?,
            status: row.get("status")?,
            owner_name: row.get("owner_name")?,
            created_at: row.get("created_at")?,
            due_on: row.get("due_on")?,
        })
    }
}

/// Today and the last day that counts as "at risk" (the next working day).
#[derive(Debug, Clone, Copy)]
pub struct RiskWindow {
    pub today: NaiveDate,
    pub at_risk_until: NaiveDate,
}

impl SummaryRow {
    fn into_summary(self, w: RiskWindow) -> CaseSummary {
        CaseSummary {
            id: self.id,
            reference: self.reference,
            enterprise_id: self.enterprise_id,
            enterprise_name: self.enterprise_name,
            case_type: self.case_type,
            priority: self.priority,
            green_channel: self.green_channel,
            title: self.title,
            status: self.status,
            owner_name: self.owner_name,
            created_at: self.created_at,
            due_on: self.due_on,
            deadline: Deadline::of(self.status, self.due_on, w.today, w.at_risk_until),
        }
    }
}

/// A summary's columns (`SummaryRow`) and where they come from.
macro_rules! summary_columns {
    () => {
        "c.id, c.reference, c.enterprise_id, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
        c.case_type, c.priority, c.green_channel, c.title, c.status, u.display_name as owner_name, c.created_at, c.due_on"
    };
}
macro_rules! summary_from {
    () => {
        " from cases c left join enterprises e on e.id = c.enterprise_id left join users u on u.id = c.owner_id"
    };
}
const COLUMNS: &str = summary_columns!();
const FROM: &str = summary_from!();
const SUMMARY: &str = concat!("select ", summary_columns!(), summary_from!());

/// The statuses in which a case's deadline runs (also in migration 0039's totals of the
/// running cases by deadline).
const RUNNING: &str = "c.status in ('submitted', 'accepted', 'in_progress')";
