//! Case pages: the list and the deadlines page (`list`), the table of cases they share with
//! the enterprise page (`table`), opening a case for an enterprise (`open`), the enterprise's
//! page with its cases (`enterprise`), and the case with its workflow and timeline (`detail`)
//! and its sections (`sections`). The names of statuses and priorities are here (types' are
//! in `shell`, for the service-level table too).

mod detail;
mod enterprise;
mod list;
mod open;
mod sections;
mod table;

pub use crate::shell::case_type_name as type_name;
pub use detail::CasePage;
pub use enterprise::EnterpriseWithCases;
pub use list::{CasesPage, DeadlinesPage};
pub use open::NewCasePage;
pub use table::{deadline_badge, CasesTable};

use crate::cases::inbox::TasksPage;

crate::routes::pages! {
    "/cases" => CasesPage, Needs(ReadCases);
    "/cases/new" => NewCasePage, Needs(ReadCases);
    "/cases/:id" => CasePage, Needs(ReadCases);
    "/deadlines" => DeadlinesPage, Needs(ReadCases);
    "/tasks" => TasksPage, Needs(WorkDepartmentTasks);
    // An enterprise's page is the register's, but it shows the enterprise's cases, so it is
    // routed here: cases build on enterprises, never the other way round.
    "/enterprises/:id" => EnterpriseWithCases, Needs(ReadEnterprises);
}

use crate::cases::Priority;
use crate::domain::CaseStatus;

pub fn status_name(s: CaseStatus) -> String {
    match s {
        CaseStatus::Submitted => tr!("case-status-submitted"),
        CaseStatus::Accepted => tr!("case-status-accepted"),
        CaseStatus::InProgress => tr!("case-status-in-progress"),
        CaseStatus::AwaitingApplicant => tr!("case-status-awaiting-applicant"),
        CaseStatus::Resolved => tr!("case-status-resolved"),
        CaseStatus::Closed => tr!("case-status-closed"),
        CaseStatus::Rejected => tr!("case-status-rejected"),
    }
}

fn priority_name(p: Priority) -> String {
    match p {
        Priority::Low => tr!("priority-low"),
        Priority::Normal => tr!("priority-normal"),
        Priority::High => tr!("priority-high"),
        Priority::Urgent => tr!("priority-urgent"),
    }
}
