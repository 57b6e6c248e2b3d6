//! Things named in the reader's language (roles, languages, case types), lists and asides as
//! their language writes them, and the office's today for a page.

use crate::domain::{CaseType, Locale, Role};

/// A case type's name in the reader's language.
pub fn case_type_name(t: CaseType) -> String {
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

pub fn role_name(role: Role) -> String {
    match role {
        Role::Admin => tr!("role-admin"),
        Role::ProtocolOfficer => tr!("role-protocol-officer"),
        Role::LiaisonOfficer => tr!("role-liaison-officer"),
        Role::DepartmentLiaison => tr!("role-department-liaison"),
        Role::Leader => tr!("role-leader"),
        Role::CountyOfficer => tr!("role-county-officer"),
    }
}

/// A language's name in the reader's language ("英文", "anglais"), for sentences and facts;
/// the language switcher alone names each language in itself (`Locale::endonym`).
pub fn language_name(l: Locale) -> String {
    match l {
        Locale::ZhCn => tr!("portal-language-zh"),
        Locale::En => tr!("portal-language-en"),
        Locale::Fr => tr!("portal-language-fr"),
    }
}

/// Items of a list joined as the reader's language writes them ("a, b"; "a、b").
pub fn join_list<S: std::borrow::Borrow<str>>(items: &[S]) -> String {
    let separator = tr!("list-separator");
    items.join(separator.as_str())
}

/// A text with an aside in brackets, as the reader's language writes them ("王芳（法文）",
/// "Wang Fang (French)").
pub fn with_aside(text: &str, aside: &str) -> String {
    tr!("text-with-aside", { "text" => text.to_string(), "aside" => aside.to_string() })
}

/// The office's today for a page. On the server it is read from the clock and sent with the
/// page, so that hydration reads the very same day (the browser's clock may differ, and a page
/// must hydrate as it was drawn); a page the browser draws itself (after a link) reads the
/// browser's clock, through chrono's `wasmbind`.
pub fn today() -> chrono::NaiveDate {
    leptos::server::SharedValue::new_str(|| crate::domain::office_today(chrono::Utc::now())).into_inner()
}
