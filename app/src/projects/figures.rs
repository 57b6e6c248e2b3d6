//! The register's figures for a period, as the leaders' dashboard reads them: capital in
//! place, the list and its rates at the period's end, and what was signed in it (through
//! leaders' visits among it). Computed once per version of the register (`FiguresCache`).

use super::capital::CapitalTotals;
use super::rates::RatesReport;
use super::{Cohort, Wan};
use crate::db::Db;
use crate::state::ServerState;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFigures {
    pub capital: CapitalTotals,
    /// The projects on the reserve (signed) list at the period's end, as they stand then: in
    /// all, by industry chain and by county.
    pub on_list: RatesReport,
    /// The projects first signed on each day of the period, and their total investment.
    pub signed_by_day: Vec<(NaiveDate, i64, Wan)>,
    /// Projects first signed in the period, and their total investment.
    pub signed: (i64, Wan),
    /// Those of them that a leader's own visit brought.
    pub through_visits: (i64, Wan),
}

pub async fn of_period(state: &ServerState, from: NaiveDate, to: NaiveDate) -> Result<ProjectFigures, sqlx::Error> {
    let db = &state.db;
    let version = super::db::version(db).await?;
    let figures = state
        .figures
        .get_or_load(version, format!("project-figures {from} {to}"), || async {
            let on_list = RatesReport::of(Cohort::OnListAt(to), &super::db::rates(db, Cohort::OnListAt(to)).await?);
            let (signed, signed_wan, visits, visits_wan) = signed_between(db, from, to).await?;
            let by_day: Vec<(NaiveDate, i64, i64)> = db
                .all(
                    "select signed_on, count(*), cast(coalesce(sum(total_investment_wan), 0) as bigint) \
                     from projects where signed_on >= $1 and signed_on <= $2 group by signed_on order by signed_on",
                    &[from.into(), to.into()],
                )
                .await?;
            Ok::<_, sqlx::Error>(ProjectFigures {
                capital: super::capital::data::city_totals(db, from, to).await?,
                on_list,
                signed_by_day: by_day.into_iter().map(|(d, n, w)| (d, n, Wan(w))).collect(),
                signed: (signed, Wan(signed_wan)),
                through_visits: (visits, Wan(visits_wan)),
            })
        })
        .await?;
    Ok(figures.as_ref().clone())
}

async fn signed_between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<(i64, i64, i64, i64), sqlx::Error> {
    db.one(
        "select count(*), cast(coalesce(sum(total_investment_wan), 0) as bigint), \
                cast(coalesce(sum(case when source = 'leader_visit' then 1 else 0 end), 0) as bigint), \
                cast(coalesce(sum(case when source = 'leader_visit' then total_investment_wan else 0 end), 0) as bigint) \
         from projects where signed_on >= $1 and signed_on <= $2",
        &[from.into(), to.into()],
    )
    .await
}
