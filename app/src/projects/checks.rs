//! Health checks (项目体检) and site verifications (实地核查) of started projects: the progress
//! in per cent, what was found and any problem, which may be routed to a department as a case
//! with its task (the case coordination that exists). A started project is due a check every
//! N days (an admin setting, 30 unless changed) after its start or its last check; the overdue
//! ones are listed with their responsible leader.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// 项目体检: the officer's periodic review.
    HealthCheck,
    /// 实地核查: a visit to the site.
    SiteVisit,
}

impl CheckKind {
    pub const ALL: [CheckKind; 2] = [CheckKind::HealthCheck, CheckKind::SiteVisit];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::HealthCheck => "health_check",
            CheckKind::SiteVisit => "site_visit",
        }
    }

    pub fn parse(s: &str) -> Option<CheckKind> {
        CheckKind::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// One recorded check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectCheck {
    pub kind: CheckKind,
    pub checked_on: NaiveDate,
    pub progress_pct: i32,
    pub findings: String,
    pub problem: String,
    /// The case the problem was routed as, with its reference.
    pub case_id: Option<i64>,
    pub case_reference: Option<String>,
    pub checked_by: Option<String>,
}

/// The day a started project is next due a check: `interval_days` after its start or its last
/// check, whichever is later.
pub fn next_check(started_on: NaiveDate, last_check: Option<NaiveDate>, interval_days: i64) -> NaiveDate {
    let from = last_check.map_or(started_on, |last| last.max(started_on));
    from + chrono::Duration::days(interval_days)
}

/// How many overdue checks the list shows: the longest waiting.
pub const OVERDUE_SHOWN: usize = 100;

/// A started project whose check is overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueCheck {
    pub project_id: i64,
    pub name: String,
    pub officer_name: String,
    pub leader_id: Option<i64>,
    pub leader_name: Option<String>,
    /// The start or the last check.
    pub last_on: NaiveDate,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueList {
    pub interval_days: i64,
    pub items: Vec<OverdueCheck>,
    /// Whether the reader may change the interval.
    pub editable: bool,
    /// The reader, when a leader: their own projects come first, marked.
    pub own_leader: Option<i64>,
}

/// The check form as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CheckForm {
    pub kind: String,
    #[serde(default)]
    pub checked_on: String,
    pub progress_pct: String,
    #[serde(default)]
    pub findings: String,
    #[serde(default)]
    pub problem: String,
    /// The department the problem goes to, as a case task (none to keep it on the project).
    #[serde(default)]
    pub department_id: String,
}

/// Record a check of a started project, routing its problem to a department when one is chosen.
#[server(endpoint = "record_check")]
pub async fn record_check(id: i64, #[server(flatten)] form: CheckForm) -> Result<(), AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageProjects)?;
    service::record(&cx, id, &form).await?;
    crate::auth::api::back_to_page(&format!("/projects/{id}"));
    Ok(())
}

/// The started projects whose check is overdue, the longest waiting first; only those of one
/// responsible leader when `leader_id` is given. A leader reading them all has theirs first.
#[server(endpoint = "overdue_checks")]
pub async fn overdue_checks(#[server(default)] leader_id: Option<i64>) -> Result<OverdueList, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ReadProjects)?;
    let interval_days = data::interval_days(&cx.state.db).await?;
    let today = crate::domain::office_today(crate::db::now());
    let cutoff = today - chrono::Duration::days(interval_days);
    let scope = crate::auth::project_scope(&cx.user);
    let mut items = data::overdue(&cx.state.db, cutoff, interval_days, leader_id, scope).await?;
    let own_leader = (cx.user.role == crate::domain::Role::Leader).then_some(cx.user.id);
    if let (None, Some(me)) = (leader_id, own_leader) {
        let own = data::overdue(&cx.state.db, cutoff, interval_days, Some(me), scope).await?;
        items.retain(|i| i.leader_id != Some(me));
        items = own.into_iter().chain(items).take(OVERDUE_SHOWN).collect();
    }
    let editable = crate::auth::allows(cx.user.role, crate::auth::Action::ManageReference);
    Ok(OverdueList { interval_days, items, editable, own_leader })
}

/// Set how many days may pass between two checks of a started project.
#[server(endpoint = "set_check_interval")]
pub async fn set_check_interval(days: String) -> Result<(), AppError> {
    use crate::error::FieldCode;
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let days = days.trim().parse::<i64>().ok().filter(|d| (1..=366).contains(d));
    let days = days.ok_or_else(|| AppError::field("days", FieldCode::DaysOutOfRange))?;
    let mut tx = cx.state.db.begin().await?;
    let before = data::interval_days_in(&mut tx).await?;
    data::set_interval(&mut tx, days, cx.user.id).await?;
    let changes = crate::db::audit::Changes::new().diff("check_interval_days", before, days);
    crate::db::audit::record(&mut tx, cx.entry("check_interval_set", "project_settings", 1, changes)).await?;
    tx.commit().await?;
    crate::auth::api::back_to_page("/projects/checks");
    Ok(())
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::{data, CheckForm, CheckKind};
    use crate::auth::{may_work_on, may_work_on_project, Action, Ctx};
    use crate::db::audit;
    use crate::domain::CaseType;
    use crate::error::{AppError, FieldCode, FieldError, Validator};
    use crate::projects::Stage;

    pub async fn record(cx: &Ctx, id: i64, f: &CheckForm) -> Result<(), AppError> {
        cx.permit(Action::ManageProjects)?;
        let today = crate::domain::office_today(crate::db::now());
        let mut v = Validator::default();
        let kind = CheckKind::parse(&f.kind);
        if kind.is_none() {
            v.push(FieldError::new("kind", FieldCode::UnknownCheckKind));
        }
        let checked_on = v.optional_day("checked_on", &f.checked_on).unwrap_or(today);
        if checked_on > today {
            v.push(FieldError::new("checked_on", FieldCode::DateInFuture));
        }
        let progress = f.progress_pct.trim().trim_end_matches('%').trim().parse::<i32>().ok();
        let progress = progress.filter(|p| (0..=100).contains(p));
        if progress.is_none() {
            v.push(FieldError::new("progress_pct", FieldCode::InvalidShare));
        }
        let findings = v.text("findings", &f.findings, false, 4000);
        let problem = v.text("problem", &f.problem, false, 4000);
        let departments = crate::admin::db::departments::list(&cx.state.db).await?;
        let department = match f.department_id.trim() {
            "" => None,
            raw => {
                let found = raw.parse::<i64>().ok().and_then(|d| departments.iter().find(|x| x.id == d));
                if found.is_none() {
                    v.push(FieldError::new("department_id", FieldCode::UnknownDepartment));
                } else if problem.is_empty() {
                    // A department is sent a problem, not an empty task.
                    v.push(FieldError::new("problem", FieldCode::Required));
                }
                found
            }
        };
        v.finish()?;
        let (Some(kind), Some(progress)) = (kind, progress) else { return Err(AppError::Internal) };
        let code = match department {
            Some(_) => Some(crate::cases::service::NewCode::make(cx).await?),
            None => None,
        };
        let mut tx = cx.state.db.begin().await?;
        let project = crate::projects::db::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        if !may_work_on_project(&cx.user, project.summary.officer_id, project.summary.county_id) {
            return Err(AppError::Forbidden);
        }
        if project.summary.stage != Stage::Started {
            return Err(AppError::field("kind", FieldCode::NotStarted));
        }
        if checked_on < project.summary.stage_on {
            return Err(AppError::field("checked_on", FieldCode::InvalidDate));
        }
        let case_id = match (department, &code) {
            (Some(department), Some(code)) => {
                let case = crate::cases::CaseForm {
                    case_type: CaseType::parse(&department.code).unwrap_or(CaseType::Other).as_str().to_string(),
                    priority: "normal".into(),
                    title: project.summary.name.chars().take(200).collect(),
                    description: problem.clone(),
                    language: cx.user.locale.tag().to_string(),
                    ..Default::default()
                };
                // The case is filed under the project's enterprise only for someone who may
                // open its cases (its liaison officer, or an admin), as `cases::service::open`
                // requires; otherwise it stands on its own.
                let enterprise = match project.details.enterprise_id {
                    Some(e) => crate::enterprises::db::get_in(&mut tx, e, crate::enterprises::service::cutoff())
                        .await?
                        .filter(|row| may_work_on(&cx.user, row.liaison_id))
                        .map(|_| e),
                    None => None,
                };
                let belongs = (enterprise, project.summary.officer_id);
                let case_id = crate::cases::service::open_for_project(&mut tx, cx, &case, belongs, code).await?;
                let chosen = [department.id];
                crate::cases::service::route_in(&mut tx, cx, case_id, &chosen, &departments, None, &problem).await?;
                Some(case_id)
            }
            _ => None,
        };
        let check_id = data::insert(
            &mut tx,
            &data::NewCheck {
                project_id: id,
                kind,
                checked_on,
                progress,
                findings: &findings,
                problem: &problem,
                case_id,
            },
            cx.user.id,
        )
        .await?;
        let changes = audit::Changes::new()
            .fact("check_id", check_id)
            .fact("kind", kind.as_str())
            .fact("checked_on", checked_on)
            .fact("progress_pct", progress)
            .fact("case_id", case_id);
        audit::record(&mut tx, cx.entry("project_checked", "project", id, changes)).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(feature = "ssr")]
pub mod data {
    use super::{CheckKind, OverdueCheck, ProjectCheck};
    use crate::db::{Columns, Db, Record, Tx};
    use chrono::NaiveDate;

    crate::code_column!(CheckKind);

    impl Record for ProjectCheck {
        fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
            Ok(ProjectCheck {
                kind: row.get("kind")?,
                checked_on: row.get("checked_on")?,
                progress_pct: row.get("progress_pct")?,
                findings: row.get("findings")?,
                problem: row.get("problem")?,
                case_id: row.get("case_id")?,
                case_reference: row.get("case_reference")?,
                checked_by: row.get("checked_by")?,
            })
        }
    }

    /// A project's checks, the latest first.
    pub async fn of_project(db: &Db, project_id: i64) -> Result<Vec<ProjectCheck>, sqlx::Error> {
        db.all(
            "select c.kind, c.checked_on, c.progress_pct, c.findings, c.problem, c.case_id, \
                    k.reference as case_reference, u.display_name as checked_by \
             from project_checks c left join cases k on k.id = c.case_id left join users u on u.id = c.checked_by \
             where c.project_id = $1 order by c.checked_on desc, c.id desc",
            &[project_id.into()],
        )
        .await
    }

    pub struct NewCheck<'a> {
        pub project_id: i64,
        pub kind: CheckKind,
        pub checked_on: NaiveDate,
        pub progress: i32,
        pub findings: &'a str,
        pub problem: &'a str,
        pub case_id: Option<i64>,
    }

    /// Record a check; the project's `checked_on` moves to its day when that is later.
    pub async fn insert(tx: &mut Tx, c: &NewCheck<'_>, by: i64) -> Result<i64, sqlx::Error> {
        let _: Option<i64> = tx
            .optional(
                "update projects set checked_on = $1 \
                 where id = $2 and stage = 'started' and (checked_on is null or checked_on < $1) returning id",
                &[c.checked_on.into(), c.project_id.into()],
            )
            .await?;
        tx.one(
            "insert into project_checks (project_id, kind, checked_on, progress_pct, findings, problem, case_id, \
                     checked_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
            &[
                c.project_id.into(),
                c.kind.as_str().into(),
                c.checked_on.into(),
                c.progress.into(),
                c.findings.into(),
                c.problem.into(),
                c.case_id.into(),
                by.into(),
                crate::db::now().into(),
            ],
        )
        .await
    }

    const INTERVAL: &str = "select cast(check_interval_days as bigint) from project_settings where id = 1";

    pub async fn interval_days(db: &Db) -> Result<i64, sqlx::Error> {
        db.one(INTERVAL, &[]).await
    }

    pub async fn interval_days_in(tx: &mut Tx) -> Result<i64, sqlx::Error> {
        tx.one(INTERVAL, &[]).await
    }

    pub async fn set_interval(tx: &mut Tx, days: i64, by: i64) -> Result<(), sqlx::Error> {
        let _: i64 = tx
            .one(
                "update project_settings set check_interval_days = $1, updated_by = $2, updated_at = $3 \
                 where id = 1 returning id",
                &[days.into(), by.into(), crate::db::now().into()],
            )
            .await?;
        Ok(())
    }

    impl Record for OverdueCheck {
        fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
            Ok(OverdueCheck {
                project_id: row.get("id")?,
                name: row.get("name")?,
                officer_name: row.get("officer_name")?,
                leader_id: row.get("leader_id")?,
                leader_name: row.get("leader_name")?,
                last_on: row.get("last_on")?,
                due_on: row.get("last_on")?,
            })
        }
    }

    /// Started projects not checked since `cutoff` (nor started since: `checked_on`, kept by
    /// the moves and the checks), the longest waiting first, at most `OVERDUE_SHOWN`;
    /// `interval_days` gives each its due day.
    pub async fn overdue(
        db: &Db,
        cutoff: NaiveDate,
        interval_days: i64,
        leader_id: Option<i64>,
        county_id: Option<i64>,
    ) -> Result<Vec<OverdueCheck>, sqlx::Error> {
        let mut cond = crate::db::Where::default();
        cond.push("p.stage = 'started' and p.checked_on < ?", vec![cutoff.into()]);
        if let Some(id) = leader_id {
            cond.push("p.leader_id = ?", vec![id.into()]);
        }
        if let Some(id) = county_id {
            cond.push("p.county_id = ?", vec![id.into()]);
        }
        let sql = format!(
            "select p.id, p.name, u.display_name as officer_name, p.leader_id, ld.display_name as leader_name, \
                    p.checked_on as last_on \
             from projects p join users u on u.id = p.officer_id left join users ld on ld.id = p.leader_id \
             {} order by p.checked_on, p.id limit {}",
            cond.sql(),
            super::OVERDUE_SHOWN
        );
        let mut rows: Vec<OverdueCheck> = db.all(&sql, &cond.args).await?;
        for r in &mut rows {
            r.due_on = r.last_on + chrono::Duration::days(interval_days);
        }
        Ok(rows)
    }
}
