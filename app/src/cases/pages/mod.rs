//! Case pages: the list and the deadlines page (`list`), the table of cases they share with
//! the enterprise page (`table`), opening a case for an enterprise (`open`), and the case with
//! its workflow and timeline (`detail`) and its sections (`sections`). The names of statuses,
//! types and priorities are here.

mod detail;
mod list;
mod open;
mod sections;
mod table;

pub use detail::CasePage;
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
}

use crate::cases::{CaseType, Priority};
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

pub fn type_name(t: CaseType) -> String {
    match t {
        CaseType::BusinessRegistration => tr!("case-type-business-registration"),
        CaseType::Customs => tr!("case-type-customs"),
        CaseType::Tax => tr!("case-type-tax"),
        CaseType::ForeignExchange => tr!("case-type-foreign-exchange"),
        CaseType::WorkPermit => tr!("case-type-work-permit"),
        CaseType::ResidencePermit => tr!("case-type-residence-permit"),
        CaseType::Visa => tr!("case-type-visa"),
        CaseType::LandUtilities => tr!("case-type-land-utilities"),
        CaseType::Financing => tr!("case-type-financing"),
        CaseType::PolicyQuestion => tr!("case-type-policy-question"),
        CaseType::Complaint => tr!("case-type-complaint"),
        CaseType::Other => tr!("case-type-other"),
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
