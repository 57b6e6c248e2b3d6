//! The enterprise register: list with search and filters (`list`), registration (`form`),
//! and each enterprise's page (`detail`) with its liaison officer, responsible leader, people
//! and aftercare contacts (`sections`). The names every page shows are here. An enterprise's
//! own path, `/enterprises/:id`, is routed by `cases`, which adds its cases to the page.

mod detail;
mod form;
mod list;
mod sections;

pub use detail::{EnterprisePage, Panel};
pub use form::NewEnterprisePage;
pub use list::EnterprisesPage;

crate::routes::pages! {
    "/enterprises" => EnterprisesPage, Needs(ReadEnterprises);
    "/enterprises/new" => NewEnterprisePage, Needs(RegisterEnterprise);
}

use crate::domain::{Country, Locale};
use crate::enterprises::{IndustryChain, Lifecycle};

pub fn lifecycle_name(l: Lifecycle) -> String {
    match l {
        Lifecycle::Lead => tr!("lifecycle-lead"),
        Lifecycle::Established => tr!("lifecycle-established"),
        Lifecycle::Expanding => tr!("lifecycle-expanding"),
        Lifecycle::Exited => tr!("lifecycle-exited"),
    }
}

fn country_name(code: &str, locale: Locale) -> String {
    Country::parse("country", code).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| code.to_string())
}

fn chain_name(chains: &[IndustryChain], id: Option<i64>, locale: Locale) -> String {
    id.and_then(|id| chains.iter().find(|c| c.id == id)).map(|c| c.name(locale).to_string()).unwrap_or_default()
}
