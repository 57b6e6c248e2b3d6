//! Leaders' investment tasks (领导招商任务清单): for each leader and year, a target number of
//! projects and of investment that the admins set, and the progress counted from the
//! projects: those the leader is responsible for (包抓) or that were signed on the leader's own
//! visit, signed in the year and still on the list or past it.

use super::Wan;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One leader's task for a year and how far it has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderTask {
    pub leader_id: i64,
    pub leader_name: String,
    pub target_projects: i64,
    pub target_investment: Wan,
    pub signed: i64,
    pub investment: Wan,
}

/// The tasks of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskList {
    pub year: i32,
    pub tasks: Vec<LeaderTask>,
    /// Whether the reader may set the targets.
    pub editable: bool,
    /// The reader's own id, so that a leader finds their line.
    pub reader_id: i64,
}

/// The tasks of `year` (the current one when None), the reader's own first.
#[server(endpoint = "leader_tasks")]
pub async fn leader_tasks(#[server(default)] year: Option<i32>) -> Result<TaskList, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ReadProjects)?;
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&crate::domain::office_today(crate::db::now())));
    let tasks = match crate::domain::year_bounds(year) {
        Some(bounds) if (2000..=2100).contains(&year) => data::of_year(&cx.state.db, year, bounds).await?,
        _ => return Err(AppError::field("year", crate::error::FieldCode::InvalidNumber)),
    };
    // A leader reads their own line first, the others in their order.
    let mut tasks = tasks;
    tasks.sort_by_key(|t| t.leader_id != cx.user.id);
    let editable = crate::auth::allows(cx.user.role, crate::auth::Action::ManageReference);
    Ok(TaskList { year, tasks, editable, reader_id: cx.user.id })
}

/// Set a leader's targets for a year (`target_investment` in 亿元), replacing any set before.
#[server(endpoint = "set_leader_target")]
pub async fn set_leader_target(
    leader_id: String,
    year: String,
    target_projects: String,
    target_investment: String,
) -> Result<(), AppError> {
    use crate::error::{FieldCode, FieldError, Validator};
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let mut v = Validator::default();
    let leaders = crate::enterprises::db::active_users_with_role(&cx.state.db, "leader").await?;
    let leader = leader_id.trim().parse::<i64>().ok().filter(|id| leaders.iter().any(|l| l.id == *id));
    if leader.is_none() {
        v.push(FieldError::new("leader_id", FieldCode::UnknownOfficer));
    }
    let year_n = year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
    if year_n.is_none() {
        v.push(FieldError::new("year", FieldCode::InvalidNumber));
    }
    let projects = target_projects.trim().parse::<i64>().ok().filter(|n| (0..=100_000).contains(n));
    if projects.is_none() {
        v.push(FieldError::new("target_projects", FieldCode::InvalidNumber));
    }
    let investment = Wan::parse_yi(&target_investment);
    if investment.is_none() {
        v.push(FieldError::new("target_investment", FieldCode::InvalidYiAmount));
    }
    v.finish()?;
    let (Some(leader), Some(year), Some(projects), Some(investment)) = (leader, year_n, projects, investment) else {
        return Err(AppError::Internal);
    };
    let mut tx = cx.state.db.begin().await?;
    data::set(&mut tx, leader, year, projects, investment, cx.user.id).await?;
    let changes = crate::db::audit::Changes::new()
        .fact("year", year)
        .set("target_projects", projects)
        .set("target_investment_wan", investment.0);
    crate::db::audit::record(&mut tx, cx.entry("leader_target_set", "user", leader, changes)).await?;
    tx.commit().await?;
    crate::auth::api::back_to_page(&format!("/projects/tasks?year={year}"));
    Ok(())
}

#[cfg(feature = "ssr")]
pub mod data {
    use super::LeaderTask;
    use crate::db::{Columns, Db, Record, Tx};
    use crate::projects::Wan;
    use chrono::NaiveDate;

    impl Record for LeaderTask {
        fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
            Ok(LeaderTask {
                leader_id: row.get("leader_id")?,
                leader_name: row.get("leader_name")?,
                target_projects: row.get("target_projects")?,
                target_investment: Wan(row.get("target_investment_wan")?),
                signed: row.get("signed")?,
                investment: Wan(row.get("investment_wan")?),
            })
        }
    }

    /// Every leader's task for the year with the projects counted against it: signed in the
    /// year (first signing, `signed_on`, through its index), still on the list or past it, and the leader's either as its
    /// responsible leader or as the leader of the event it was signed at.
    pub async fn of_year(
        db: &Db,
        year: i32,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<Vec<LeaderTask>, sqlx::Error> {
        db.all(
            "with counted as (\
                 select p.id, p.leader_id, e.leader_id as event_leader_id, p.total_investment_wan \
                 from projects p left join promotion_events e on e.id = p.event_id \
                 where p.signed_on >= $1 and p.signed_on <= $2 and p.stage in ('signed', 'started', 'completed')) \
             select t.leader_id, u.display_name as leader_name, t.target_projects, t.target_investment_wan, \
                    count(c.id) as signed, cast(coalesce(sum(c.total_investment_wan), 0) as bigint) as investment_wan \
             from leader_targets t join users u on u.id = t.leader_id \
                  left join counted c on c.leader_id = t.leader_id or c.event_leader_id = t.leader_id \
             where t.year = $3 \
             group by t.leader_id, u.display_name, t.target_projects, t.target_investment_wan \
             order by u.display_name, t.leader_id",
            &[from.into(), to.into(), year.into()],
        )
        .await
    }

    pub async fn set(
        tx: &mut Tx,
        leader_id: i64,
        year: i32,
        projects: i64,
        investment: Wan,
        by: i64,
    ) -> Result<(), sqlx::Error> {
        let _: i64 = tx
            .one(
                "insert into leader_targets (leader_id, year, target_projects, target_investment_wan, set_by, \
                         updated_at) values ($1, $2, $3, $4, $5, $6) \
                 on conflict (leader_id, year) do update set target_projects = excluded.target_projects, \
                         target_investment_wan = excluded.target_investment_wan, set_by = excluded.set_by, \
                         updated_at = excluded.updated_at \
                 returning id",
                &[
                    leader_id.into(),
                    year.into(),
                    projects.into(),
                    investment.0.into(),
                    by.into(),
                    crate::db::now().into(),
                ],
            )
            .await?;
        Ok(())
    }
}
