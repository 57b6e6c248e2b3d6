//! Department tasks of cases.

use crate::cases::tasks::{CaseTask, InboxTask, TaskStatus};
use crate::db::{is_unique_violation, Db, Tx};
use crate::on_tx;
use chrono::{DateTime, NaiveDate, Utc};

/// A case's new task for one department.
pub struct NewTask<'a> {
    pub case_id: i64,
    pub department_id: i64,
    pub due_on: Option<NaiveDate>,
    pub instructions: &'a str,
    /// The user who routed the case.
    pub by: i64,
    pub at: DateTime<Utc>,
}

/// Route a case to a department; `Ok(false)` if it already has a task there.
pub async fn insert(tx: &mut Tx, t: &NewTask<'_>) -> Result<bool, sqlx::Error> {
    let r = on_tx!(tx, |conn| {
        sqlx::query(
            "insert into case_tasks (case_id, department_id, status, due_on, instructions, version, created_by, \
                 created_at, updated_at, assigned_on) values ($1, $2, 'pending', $3, $4, 1, $5, $6, $6, $7)",
        )
        .bind(t.case_id)
        .bind(t.department_id)
        .bind(t.due_on)
        .bind(t.instructions)
        .bind(t.by)
        .bind(t.at)
        .bind(crate::domain::office_today(t.at))
        .execute(conn)
        .await
        .map(|_| ())
    });
    match r {
        Ok(()) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// A case's tasks as one JSON array column of the case's own query (see `cases::db::get`), so
/// the case page needs no query of its own for them. The SQL differs only in the functions.
pub(super) fn json_column(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => {
            "(select json_group_array(json_object('id', t.id, 'department_id', t.department_id, \
                 'name_zh', d.name_zh, 'name_en', d.name_en, 'name_fr', d.name_fr, 'sort_order', d.sort_order, \
                 'status', t.status, 'due_on', t.due_on, 'instructions', t.instructions, \
                 'department_note', t.department_note, 'updated_by_name', u.display_name, 'version', t.version, \
                 'updated_at', t.updated_at)) \
             from case_tasks t join departments d on d.id = t.department_id left join users u on u.id = t.updated_by \
             where t.case_id = c.id) as tasks"
        }
        Db::Postgres(_) => {
            "(select coalesce(json_agg(json_build_object('id', t.id, 'department_id', t.department_id, \
                 'name_zh', d.name_zh, 'name_en', d.name_en, 'name_fr', d.name_fr, 'sort_order', d.sort_order, \
                 'status', t.status, 'due_on', t.due_on, 'instructions', t.instructions, \
                 'department_note', t.department_note, 'updated_by_name', u.display_name, 'version', t.version, \
                 'updated_at', t.updated_at)), '[]'::json) \
             from case_tasks t join departments d on d.id = t.department_id left join users u on u.id = t.updated_by \
             where t.case_id = c.id) as tasks"
        }
    }
}

/// One task as `json_column` spells it.
#[derive(serde::Deserialize)]
pub(super) struct TaskJson {
    id: i64,
    department_id: i64,
    name_zh: String,
    name_en: String,
    name_fr: String,
    sort_order: i64,
    /// Serde's spelling of a task status is its stored code; an unknown one fails the read.
    status: TaskStatus,
    due_on: Option<NaiveDate>,
    instructions: String,
    department_note: String,
    updated_by_name: Option<String>,
    version: i32,
    updated_at: DateTime<Utc>,
}

/// The tasks in department order.
pub(super) fn from_json(mut rows: Vec<TaskJson>) -> Vec<CaseTask> {
    rows.sort_by_key(|r| (r.sort_order, r.id));
    rows.into_iter()
        .map(|r| CaseTask {
            id: r.id,
            department_id: r.department_id,
            department_name_zh: r.name_zh,
            department_name_en: r.name_en,
            department_name_fr: r.name_fr,
            status: r.status,
            due_on: r.due_on,
            instructions: r.instructions,
            department_note: r.department_note,
            updated_by_name: r.updated_by_name,
            version: r.version,
            updated_at: r.updated_at,
        })
        .collect()
}

pub async fn open_count_in(tx: &mut Tx, case_id: i64) -> Result<i64, sqlx::Error> {
    tx.one::<i64>("select count(*) from case_tasks where case_id = $1 and status <> 'done'", &[case_id.into()]).await
}

crate::code_column!(TaskStatus);

/// A task in the inbox, with the case's facts under their own column names.
impl crate::db::Record for InboxTask {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(InboxTask {
            id: row.get("id")?,
            case_reference: row.get("reference")?,
            case_title: row.get("title")?,
            case_type: row.get("case_type")?,
            enterprise_name: row.get("enterprise_name")?,
            enterprise_credit_code: row.get("credit_code")?,
            status: row.get("status")?,
            due_on: row.get("due_on")?,
            instructions: row.get("instructions")?,
            department_note: row.get("department_note")?,
            version: row.get("version")?,
        })
    }
}

/// One department's tasks, open ones first, soonest due first.
pub async fn inbox(db: &Db, department_id: i64) -> Result<Vec<InboxTask>, sqlx::Error> {
    db.all::<InboxTask>(
        "select t.id, c.reference, c.title, c.case_type, \
                coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
                coalesce(e.credit_code, c.credit_code_given) as credit_code, t.status, \
                t.due_on, t.instructions, t.department_note, t.version \
         from case_tasks t join cases c on c.id = t.case_id left join enterprises e on e.id = c.enterprise_id \
         where t.department_id = $1 \
         order by (t.status = 'done'), coalesce(t.due_on, '9999-12-31'), t.id",
        &[department_id.into()],
    )
    .await
}

/// The task's department, case, status and version, inside a write transaction.
pub async fn state_in(tx: &mut Tx, id: i64) -> Result<Option<(i64, i64, String, i32)>, sqlx::Error> {
    tx.optional::<(i64, i64, String, i32)>(
        "select department_id, case_id, status, version from case_tasks where id = $1",
        &[id.into()],
    )
    .await
}

/// A case's task at one department, read in a write transaction: (id, version).
pub async fn of_case_in(tx: &mut Tx, case_id: i64, department_id: i64) -> Result<Option<(i64, i32)>, sqlx::Error> {
    tx.optional::<(i64, i32)>(
        "select id, version from case_tasks where case_id = $1 and department_id = $2",
        &[case_id.into(), department_id.into()],
    )
    .await
}

pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i32,
    status: TaskStatus,
    note: &str,
    by: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    // The first day it was done and the working days it took (migration 0039).
    let today = crate::domain::office_today(at);
    let days = match status {
        TaskStatus::Done => crate::cases::figures::done_days_in(tx, id, today).await?,
        _ => None,
    };
    on_tx!(tx, |conn| {
        sqlx::query(
            "update case_tasks set status = $1, department_note = $2, updated_by = $3, updated_at = $4, \
                 version = version + 1, done_on = case $1 when 'done' then coalesce(done_on, $7) else null end, \
                 done_days = case $1 when 'done' then coalesce(done_days, $8) else null end \
             where id = $5 and version = $6",
        )
        .bind(status.as_str())
        .bind(note)
        .bind(by)
        .bind(at)
        .bind(id)
        .bind(version)
        .bind(today)
        .bind(days)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

/// An open task past its due date, on a case still open.
#[derive(Debug, Clone)]
pub struct OverdueTask {
    pub id: i64,
    pub case_id: i64,
    pub department_id: i64,
    pub due_on: NaiveDate,
}

impl crate::db::Record for OverdueTask {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(OverdueTask {
            id: row.get("id")?,
            case_id: row.get("case_id")?,
            department_id: row.get("department_id")?,
            due_on: row.get("due_on")?,
        })
    }
}

/// Tasks not done that were due between `since` and the day before `today` and whose notice
/// has not gone yet (`mail_notices` key `task:<id>:overdue:<due date>`), at most `limit`.
pub async fn overdue(db: &Db, today: NaiveDate, since: NaiveDate, limit: i64) -> Result<Vec<OverdueTask>, sqlx::Error> {
    db.all::<OverdueTask>(
        "select t.id, t.case_id, t.department_id, t.due_on from case_tasks t join cases c on c.id = t.case_id \
             where t.status <> 'done' and t.due_on < $1 and t.due_on >= $2 \
               and c.status in ('submitted', 'accepted', 'in_progress', 'awaiting_applicant') \
               and not exists (select 1 from mail_notices n where n.key = 'task:' || t.id || ':overdue:' || t.due_on) \
             order by t.due_on, t.id limit $3",
        &[today.into(), since.into(), limit.into()],
    )
    .await
}
