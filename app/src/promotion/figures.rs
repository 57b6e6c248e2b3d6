//! Promotion's figures, as the leaders' dashboard reads them: the libraries as they stand
//! today, and the leads opened, brochure issues printed (with what they presented and what of
//! it was signed) and policy documents withdrawn in a period.

use crate::db::Db;
use crate::domain::office_day_start;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PromotionFigures {
    pub target_firms: i64,
    pub published: i64,
    /// The sub-chains the industry-chain maps are drawn for.
    pub sub_chains: i64,
    pub leads_open: i64,
    pub leads_overdue: i64,
    /// Leads opened in the period.
    pub leads_opened: i64,
    /// Brochure issues dated in the period, the projects they presented (each once) and how
    /// many of those became signed projects through their leads.
    pub brochure_issues: i64,
    pub brochure_presented: i64,
    pub brochure_signed: i64,
    /// Policy documents withdrawn in the period.
    pub policies_withdrawn: i64,
}

pub async fn of_period(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<PromotionFigures, sqlx::Error> {
    let (target_firms, published, sub_chains, leads_open, leads_overdue, leads_opened, policies_withdrawn) = db
        .one(
            "select (select count(*) from target_firms), \
                    (select count(*) from promoted_projects where status = 'published'), \
                    (select count(*) from industry_sub_chains), \
                    (select count(*) from leads where status = 'open'), \
                    (select count(*) from leads where status = 'open' and next_step_on < $1), \
                    (select count(*) from leads where created_at >= $2 and created_at < $3), \
                    (select count(*) from policy_documents where status = 'withdrawn' \
                     and withdrawn_on >= $4 and withdrawn_on <= $5)",
            &[
                today.into(),
                office_day_start(from).into(),
                office_day_start(to + chrono::Days::new(1)).into(),
                from.into(),
                to.into(),
            ],
        )
        .await?;
    let (brochure_issues, funnel) = super::brochures::db::funnel_between(db, from, to).await?;
    Ok(PromotionFigures {
        target_firms,
        published,
        sub_chains,
        leads_open,
        leads_overdue,
        leads_opened,
        brochure_issues,
        brochure_presented: funnel.presented,
        brochure_signed: funnel.signed,
        policies_withdrawn,
    })
}
