//! The service-level table, the working calendar and each case's deadline clock.

use crate::db::{Db, Tx};
use crate::domain::{CaseType, DayKind, WorkingCalendar};
use crate::on_tx;
use crate::service_levels::{CalendarDay, ServiceLevel};
use chrono::{DateTime, NaiveDate, Utc};

impl crate::db::Record for ServiceLevel {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ServiceLevel {
            case_type: row.get("case_type")?,
            working_days: row.get("working_days")?,
            green_channel_days: row.get("green_channel_days")?,
            version: row.get("version")?,
            updated_by_name: row.get("updated_by_name")?,
            updated_at: row.get("updated_at")?,
        })
    }
}

pub async fn list(db: &Db) -> Result<Vec<ServiceLevel>, sqlx::Error> {
    let mut levels: Vec<ServiceLevel> = db
        .all::<ServiceLevel>(
            "select s.case_type, s.working_days, s.green_channel_days, s.version, u.display_name as updated_by_name, \
                    s.updated_at \
             from service_levels s left join users u on u.id = s.updated_by",
            &[],
        )
        .await?;
    levels.sort_by_key(|l| CaseType::ALL.iter().position(|t| *t == l.case_type));
    Ok(levels)
}

/// `(working_days, green_channel_days, version)` of a case type, inside a transaction.
pub async fn level_in(tx: &mut Tx, case_type: CaseType) -> Result<Option<(i32, i32, i32)>, sqlx::Error> {
    tx.optional::<(i32, i32, i32)>(
        "select working_days, green_channel_days, version from service_levels where case_type = $1",
        &[(case_type.as_str()).into()],
    )
    .await
}

/// Change a case type's days if the row is still at `version`.
pub async fn update(
    tx: &mut Tx,
    case_type: CaseType,
    version: i32,
    working_days: i32,
    green_channel_days: i32,
    by: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update service_levels set working_days = $1, green_channel_days = $2, updated_by = $3, updated_at = $4, \
                 version = version + 1 where case_type = $5 and version = $6",
        )
        .bind(working_days)
        .bind(green_channel_days)
        .bind(by)
        .bind(at)
        .bind(case_type.as_str())
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

impl crate::db::Record for CalendarDay {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(CalendarDay { day: row.get("day")?, kind: row.get("kind")?, name: row.get("name")? })
    }
}

fn to_calendar(days: Vec<CalendarDay>) -> WorkingCalendar {
    WorkingCalendar::new(days.into_iter().map(|d| (d.day, d.kind)))
}

const DAYS_FROM: &str = "select day, kind, name from calendar_days where day >= $1";
const DAYS_BETWEEN: &str = "select day, kind, name from calendar_days where day >= $1 and day <= $2 order by day";

/// The calendar's entries between two days (inclusive).
pub async fn days_between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarDay>, sqlx::Error> {
    db.all::<CalendarDay>(DAYS_BETWEEN, &[from.into(), to.into()]).await
}

/// The working calendar from `from` on (every deadline counted from then sees all it needs).
pub async fn calendar_from(db: &Db, from: NaiveDate) -> Result<WorkingCalendar, sqlx::Error> {
    let days: Vec<CalendarDay> = db.all::<CalendarDay>(DAYS_FROM, &[from.into()]).await?;
    Ok(to_calendar(days))
}

/// The working calendar from `from` on, inside a transaction.
pub async fn calendar_in(tx: &mut Tx, from: NaiveDate) -> Result<WorkingCalendar, sqlx::Error> {
    let days: Vec<CalendarDay> = tx.all::<CalendarDay>(DAYS_FROM, &[from.into()]).await?;
    Ok(to_calendar(days))
}

/// The entry of one day, inside a transaction: `(kind, name)`.
pub async fn day_in(tx: &mut Tx, day: NaiveDate) -> Result<Option<(String, String)>, sqlx::Error> {
    tx.optional::<(String, String)>("select kind, name from calendar_days where day = $1", &[day.into()]).await
}

pub async fn put_day(
    tx: &mut Tx,
    day: NaiveDate,
    kind: DayKind,
    name: &str,
    by: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into calendar_days (day, kind, name, updated_by, updated_at) values ($1, $2, $3, $4, $5) \
             on conflict (day) do update set kind = excluded.kind, name = excluded.name, \
                 updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(day)
        .bind(kind.as_str())
        .bind(name)
        .bind(by)
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

pub async fn delete_day(tx: &mut Tx, day: NaiveDate) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("delete from calendar_days where day = $1")
            .bind(day)
            .execute(conn)
            .await
            .map(|r| r.rows_affected() == 1)
    })
}

/// A case's deadline clock: started on `start`, with `days` working days, stopped since
/// `paused_on` (while the applicant is asked for something) and `paused_days` stopped before.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub id: i64,
    pub sla_start_on: Option<NaiveDate>,
    pub sla_working_days: Option<i32>,
    pub paused_on: Option<NaiveDate>,
    pub paused_working_days: i32,
}

impl crate::db::Record for Clock {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Clock {
            id: row.get("id")?,
            sla_start_on: row.get("sla_start_on")?,
            sla_working_days: row.get("sla_working_days")?,
            paused_on: row.get("paused_on")?,
            paused_working_days: row.get("paused_working_days")?,
        })
    }
}

impl Clock {
    /// The deadline under `calendar`, or `None` for a case without a clock.
    pub fn due(&self, calendar: &WorkingCalendar) -> Option<NaiveDate> {
        let start = self.sla_start_on?;
        let days = self.sla_working_days? + self.paused_working_days;
        Some(calendar.add_working_days(start, days.max(0) as u32))
    }
}

const CLOCK: &str = "select id, sla_start_on, sla_working_days, paused_on, paused_working_days from cases";

pub async fn clock_in(tx: &mut Tx, case_id: i64) -> Result<Option<Clock>, sqlx::Error> {
    let sql = format!("{CLOCK} where id = $1");
    tx.optional::<Clock>(&sql, &[case_id.into()]).await
}

/// The clocks of open cases whose deadline is on or after `day`, or that are stopped: the
/// ones a change of the calendar on `day` can move.
pub async fn clocks_from_in(tx: &mut Tx, day: NaiveDate) -> Result<Vec<Clock>, sqlx::Error> {
    let sql = format!(
        "{CLOCK} where status in ('submitted', 'accepted', 'in_progress', 'awaiting_applicant') \
         and sla_start_on is not null and (due_on >= $1 or paused_on is not null)"
    );
    tx.all::<Clock>(&sql, &[day.into()]).await
}

/// Start a new case's clock.
pub async fn start_clock(
    tx: &mut Tx,
    case_id: i64,
    start: NaiveDate,
    days: i32,
    due: NaiveDate,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update cases set sla_start_on = $1, sla_working_days = $2, due_on = $3 where id = $4")
            .bind(start)
            .bind(days)
            .bind(due)
            .bind(case_id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

/// Store a clock's pause state and deadline.
pub async fn set_clock(tx: &mut Tx, clock: &Clock, due: Option<NaiveDate>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update cases set paused_on = $1, paused_working_days = $2, due_on = $3 where id = $4")
            .bind(clock.paused_on)
            .bind(clock.paused_working_days)
            .bind(due)
            .bind(clock.id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}
