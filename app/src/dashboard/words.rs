//! The words of the dashboard's tables in a language the caller chooses (the page's, or a
//! CSV's): each message named here whole, so that the translation check sees it.

use super::{ColumnName, TableName};
use crate::domain::{CaseType, Locale};

impl TableName {
    pub fn text(self, locale: Locale) -> String {
        match self {
            TableName::ProjectsByMonth => tr!(locale, "dashboard-table-projects-by-month"),
            TableName::Funnel => tr!(locale, "dashboard-table-funnel"),
            TableName::Chains => tr!(locale, "dashboard-table-chains"),
            TableName::Counties => tr!(locale, "dashboard-table-counties"),
            TableName::LeaderTasks => tr!(locale, "dashboard-table-leader-tasks"),
            TableName::FirmsByChain => tr!(locale, "dashboard-table-firms-by-chain"),
            TableName::DelegationsByMonth => tr!(locale, "dashboard-table-delegations-by-month"),
            TableName::DelegationCountries => tr!(locale, "dashboard-table-delegation-countries"),
            TableName::EnterpriseCountries => tr!(locale, "dashboard-table-enterprise-countries"),
            TableName::CasesByMonth => tr!(locale, "dashboard-table-cases-by-month"),
            TableName::CaseTypes => tr!(locale, "dashboard-table-case-types"),
            TableName::Departments => tr!(locale, "dashboard-table-departments"),
        }
    }
}

impl ColumnName {
    pub fn text(self, locale: Locale) -> String {
        match self {
            ColumnName::Month => tr!(locale, "dashboard-column-month"),
            ColumnName::Stage => tr!(locale, "dashboard-column-stage"),
            ColumnName::OnList => tr!(locale, "dashboard-column-on-list"),
            ColumnName::Chain => tr!(locale, "dashboard-column-chain"),
            ColumnName::County => tr!(locale, "dashboard-column-county"),
            ColumnName::Country => tr!(locale, "dashboard-column-country"),
            ColumnName::CaseType => tr!(locale, "dashboard-column-case-type"),
            ColumnName::Department => tr!(locale, "dashboard-column-department"),
            ColumnName::Leader => tr!(locale, "dashboard-column-leader"),
            ColumnName::Projects => tr!(locale, "dashboard-column-projects"),
            ColumnName::Investment => tr!(locale, "dashboard-column-investment"),
            ColumnName::Started => tr!(locale, "dashboard-column-started"),
            ColumnName::Completed => tr!(locale, "dashboard-column-completed"),
            ColumnName::StartRate => tr!(locale, "dashboard-column-start-rate"),
            ColumnName::TargetProjects => tr!(locale, "dashboard-column-target-projects"),
            ColumnName::TargetInvestment => tr!(locale, "dashboard-column-target-investment"),
            ColumnName::Firms => tr!(locale, "dashboard-column-firms"),
            ColumnName::DelegationsReceived => tr!(locale, "dashboard-column-delegations-received"),
            ColumnName::VisitorsReceived => tr!(locale, "dashboard-column-visitors-received"),
            ColumnName::DelegationsSent => tr!(locale, "dashboard-column-delegations-sent"),
            ColumnName::PeopleSent => tr!(locale, "dashboard-column-people-sent"),
            ColumnName::Enterprises => tr!(locale, "dashboard-column-enterprises"),
            ColumnName::Opened => tr!(locale, "dashboard-column-opened"),
            ColumnName::Resolved => tr!(locale, "dashboard-column-resolved"),
            ColumnName::OnTimeRate => tr!(locale, "dashboard-column-on-time-rate"),
            ColumnName::MedianDays => tr!(locale, "dashboard-column-median-days"),
            ColumnName::TasksAssigned => tr!(locale, "dashboard-column-tasks-assigned"),
            ColumnName::TasksDone => tr!(locale, "dashboard-column-tasks-done"),
            ColumnName::TasksOpen => tr!(locale, "dashboard-column-tasks-open"),
            ColumnName::TasksOverdue => tr!(locale, "dashboard-column-tasks-overdue"),
        }
    }
}

pub fn case_type(t: CaseType, locale: Locale) -> String {
    match t {
        CaseType::BusinessRegistration => tr!(locale, "case-type-business-registration"),
        CaseType::Customs => tr!(locale, "case-type-customs"),
        CaseType::Tax => tr!(locale, "case-type-tax"),
        CaseType::ForeignExchange => tr!(locale, "case-type-foreign-exchange"),
        CaseType::WorkPermit => tr!(locale, "case-type-work-permit"),
        CaseType::ResidencePermit => tr!(locale, "case-type-residence-permit"),
        CaseType::Visa => tr!(locale, "case-type-visa"),
        CaseType::LandUtilities => tr!(locale, "case-type-land-utilities"),
        CaseType::Financing => tr!(locale, "case-type-financing"),
        CaseType::PolicyQuestion => tr!(locale, "case-type-policy-question"),
        CaseType::Complaint => tr!(locale, "case-type-complaint"),
        CaseType::Other => tr!(locale, "case-type-other"),
    }
}

/// The label of the rows that name no chain or county.
pub fn none(locale: Locale) -> String {
    tr!(locale, "dashboard-label-none")
}
