//! The start and completion rates of a cohort of signed projects (see `super::rates`), for
//! the city and by industry chain and county, as the rates page asks for them.

use super::{Cohort, Rates};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A cohort's rates on one line: a chain's or a county's (None for the projects that name
/// none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLine {
    pub key: Option<i64>,
    pub rates: Rates,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesReport {
    /// The cohort as the server read it (the current year's signings when none was given).
    pub cohort: Cohort,
    pub overall: Rates,
    pub by_chain: Vec<RateLine>,
    pub by_county: Vec<RateLine>,
    /// The capital in place over the cohort's period (its months), for a period's signings.
    pub capital: Option<super::capital::CapitalTotals>,
}

impl RatesReport {
    /// The report of the cohort's counts by chain and county, one line per pair.
    pub fn of(cohort: Cohort, lines: &[(Option<i64>, Option<i64>, Rates)]) -> RatesReport {
        fn add(total: &mut Rates, r: &Rates) {
            total.signed += r.signed;
            total.started += r.started;
            total.completed += r.completed;
        }
        fn into_lines(map: std::collections::BTreeMap<Option<i64>, Rates>) -> Vec<RateLine> {
            map.into_iter().map(|(key, rates)| RateLine { key, rates }).collect()
        }
        let empty = Rates { signed: 0, started: 0, completed: 0 };
        let mut overall = empty;
        let (mut chains, mut counties) = (std::collections::BTreeMap::new(), std::collections::BTreeMap::new());
        for (chain, county, r) in lines {
            add(&mut overall, r);
            add(chains.entry(*chain).or_insert(empty), r);
            add(counties.entry(*county).or_insert(empty), r);
        }
        RatesReport { cohort, overall, by_chain: into_lines(chains), by_county: into_lines(counties), capital: None }
    }
}

/// The rates of a cohort: `cohort` is "signed" (signed from `from` to `to`) or "on_list" (on
/// the list at `at`); the current year's signings to today when empty. Computed once per
/// version of the register (see `FiguresCache`).
#[server(endpoint = "project_rates")]
pub async fn project_rates(
    #[server(default)] cohort: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] at: String,
) -> Result<RatesReport, AppError> {
    use crate::error::{FieldCode, FieldError, Validator};
    let cx = crate::auth::Ctx::require(crate::auth::Action::ReadProjects)?;
    let today = crate::domain::office_today(crate::db::now());
    let mut v = Validator::default();
    let cohort = match cohort.trim() {
        "on_list" => Cohort::OnListAt(v.optional_day("at", &at).unwrap_or(today)),
        "" | "signed" => {
            // The period runs from the first of January of its last day's year unless given.
            let to_day = v.optional_day("to", &to).unwrap_or(today);
            let year_start = crate::domain::year_bounds(chrono::Datelike::year(&to_day)).map(|(first, _)| first);
            let from_day = v.optional_day("from", &from).or(year_start).unwrap_or(to_day);
            if to_day < from_day {
                v.push(FieldError::new("to", FieldCode::EndsBeforeStart));
            }
            Cohort::SignedBetween(from_day, to_day)
        }
        _ => {
            v.push(FieldError::new("cohort", FieldCode::UnknownCohort));
            Cohort::OnListAt(today)
        }
    };
    v.finish()?;
    let db = &cx.state.db;
    let version = super::db::version(db).await?;
    let report = cx
        .state
        .figures
        .get_or_load(version, format!("project-rates {cohort:?}"), || async {
            let lines = super::db::rates(db, cohort).await?;
            let capital = match cohort {
                Cohort::SignedBetween(from, to) => Some(super::capital::data::city_totals(db, from, to).await?),
                Cohort::OnListAt(_) => None,
            };
            Ok::<_, AppError>(RatesReport { capital, ..RatesReport::of(cohort, &lines) })
        })
        .await?;
    Ok(RatesReport::clone(&report))
}
