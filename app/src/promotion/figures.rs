//! Promotion's figures, as the leaders' dashboard reads them: the libraries as they stand
//! today (`today`), and the leads opened, brochure issues printed (with what they presented
//! and what of it was signed) and policy documents withdrawn in a period (`of_period`).

use crate::db::Db;
use crate::domain::office_day_start;
use chrono::NaiveDate;

/// The libraries and the leads as they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub target_firms: i64,
    pub published: i64,
    /// The sub-chains the industry-chain maps are drawn for.
    pub sub_chains: i64,
    pub leads_open: i64,
    pub leads_overdue: i64,
}

/// What a period brought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodFigures {
    pub leads_opened: i64,
    /// Brochure issues dated in the period, the projects they presented (each once) and how
    /// many of those became signed projects through their leads.
    pub brochure_issues: i64,
    pub brochure_presented: i64,
    pub brochure_signed: i64,
    pub policies_withdrawn: i64,
}

pub async fn today(db: &Db, today: NaiveDate) -> Result<Standing, sqlx::Error> {
    let (target_firms, published, sub_chains, leads_open, leads_overdue) = db
        .one(
            "select (select count(*) from target_firms), \
                    (select count(*) from promoted_projects where status = 'published'), \
                    (select count(*) from industry_sub_chains), \
                    (select count(*) from leads where status = 'open'), \
                    (select count(*) from leads where status = 'open' and next_step_on < $1)",
            &[today.into()],
        )
        .await?;
    Ok(Standing { target_firms, published, sub_chains, leads_open, leads_overdue })
}

pub async fn of_period(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<PeriodFigures, sqlx::Error> {
    let (leads_opened, policies_withdrawn) = db
        .one(
            "select (select count(*) from leads where created_at >= $1 and created_at < $2), \
                    (select count(*) from policy_documents where status = 'withdrawn' \
                     and withdrawn_on >= $3 and withdrawn_on <= $4)",
            &[
                office_day_start(from).into(),
                office_day_start(to + chrono::Days::new(1)).into(),
                from.into(),
                to.into(),
            ],
        )
        .await?;
    let (brochure_issues, funnel) = super::brochures::db::funnel_between(db, from, to).await?;
    Ok(PeriodFigures {
        leads_opened,
        brochure_issues,
        brochure_presented: funnel.presented,
        brochure_signed: funnel.signed,
        policies_withdrawn,
    })
}

/// The target firms by industry chain (through the chain-map segments they are filed under;
/// a firm under two chains counts in each), and the firms under none as `None`.
pub async fn firms_by_chain(db: &Db) -> Result<Vec<(Option<i64>, i64)>, sqlx::Error> {
    db.all(
        "select s.chain_id, count(distinct f.firm_id) from target_firm_segments f \
             join chain_segments g on g.id = f.segment_id join industry_sub_chains s on s.id = g.sub_chain_id \
         group by s.chain_id \
         union all \
         select null, count(*) from target_firms t \
         where not exists (select 1 from target_firm_segments f where f.firm_id = t.id)",
        &[],
    )
    .await
}
