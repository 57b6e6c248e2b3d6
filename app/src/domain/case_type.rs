//! What a case is about: the kinds of request the office takes.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    BusinessRegistration,
    Customs,
    Tax,
    ForeignExchange,
    WorkPermit,
    ResidencePermit,
    Visa,
    LandUtilities,
    Financing,
    PolicyQuestion,
    Complaint,
    Other,
}

impl CaseType {
    pub const ALL: [CaseType; 12] = [
        CaseType::BusinessRegistration,
        CaseType::Customs,
        CaseType::Tax,
        CaseType::ForeignExchange,
        CaseType::WorkPermit,
        CaseType::ResidencePermit,
        CaseType::Visa,
        CaseType::LandUtilities,
        CaseType::Financing,
        CaseType::PolicyQuestion,
        CaseType::Complaint,
        CaseType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseType::BusinessRegistration => "business_registration",
            CaseType::Customs => "customs",
            CaseType::Tax => "tax",
            CaseType::ForeignExchange => "foreign_exchange",
            CaseType::WorkPermit => "work_permit",
            CaseType::ResidencePermit => "residence_permit",
            CaseType::Visa => "visa",
            CaseType::LandUtilities => "land_utilities",
            CaseType::Financing => "financing",
            CaseType::PolicyQuestion => "policy_question",
            CaseType::Complaint => "complaint",
            CaseType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<CaseType> {
        CaseType::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }
}
