//! The casework's speed, as the leaders' dashboard reads it: the cases resolved in a period,
//! how many of them by their deadline, the median working days they took (by type and in
//! all), and each department's turnaround on the tasks it was given. Read from the days the
//! writes keep on the cases and tasks (`resolved_on`, `assigned_on`, `done_on`), grouped so
//! that a year comes back in a few thousand rows at most; the working days are counted here,
//! with the office's calendar.

use crate::db::Db;
use crate::domain::{CaseType, WorkingCalendar};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// How the cases of one type (or of all types) were resolved in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speed {
    pub opened: i64,
    pub resolved: i64,
    /// Of the resolved, those that had a deadline, and those resolved on or before it.
    pub with_deadline: i64,
    pub on_time: i64,
    /// The median working days from the clock's start to the resolution, less the days it
    /// stood still waiting for the applicant; in hundredths (a median may fall between two).
    pub median_days: Option<i64>,
}

/// The period's speed in all and by type (the types with a case opened or resolved), and
/// the cases resolved on each day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolutions {
    pub all: Speed,
    pub by_type: Vec<(CaseType, Speed)>,
    pub resolved_by_day: Vec<(NaiveDate, i64)>,
}

/// A department's tasks: given in the period, done in it (and the median working days from
/// given to done), and, today, still open and of those past their due day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentLine {
    pub id: i64,
    pub names: (String, String, String),
    pub assigned: i64,
    pub done: i64,
    pub median_days: Option<i64>,
    pub open: i64,
    pub overdue: i64,
}

/// Cases resolved alike: their type, the day their clock started, the day resolved, the
/// working days it stood still; how many, how many with a deadline, how many by it.
type Resolved = (CaseType, Option<NaiveDate>, NaiveDate, i32, i64, i64, i64);

/// Working days and how many took them.
type Histogram = BTreeMap<u32, i64>;

/// The middle of the counted values, in hundredths: the mean of the two middle ones when
/// their number is even.
pub fn median(h: &Histogram) -> Option<i64> {
    let n: i64 = h.values().sum();
    if n <= 0 {
        return None;
    }
    let at = |k: i64| {
        let mut seen = 0;
        h.iter().find(|(_, c)| {
            seen += **c;
            seen > k
        })
    };
    let low = i64::from(*at((n - 1) / 2)?.0);
    let high = i64::from(*at(n / 2)?.0);
    Some((low + high) * 50)
}

pub async fn resolutions(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    (since, until): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Resolutions, sqlx::Error> {
    let rows: Vec<Resolved> = db
        .all(
            "select case_type, sla_start_on, resolved_on, paused_working_days, count(*), \
                    count(case when due_on is not null then 1 end), \
                    count(case when due_on is not null and resolved_on <= due_on then 1 end) \
             from cases where resolved_on >= $1 and resolved_on <= $2 \
             group by case_type, sla_start_on, resolved_on, paused_working_days",
            &[from.into(), to.into()],
        )
        .await?;
    let opened: Vec<(CaseType, i64)> = db
        .all(
            "select case_type, count(*) from cases where created_at >= $1 and created_at < $2 group by case_type",
            &[since.into(), until.into()],
        )
        .await?;
    let earliest = rows.iter().filter_map(|r| r.1).min().unwrap_or(from);
    let calendar = crate::service_levels::db::calendar_from(db, earliest).await?;
    Ok(fold(&rows, &opened, &calendar))
}

fn fold(rows: &[Resolved], opened: &[(CaseType, i64)], calendar: &WorkingCalendar) -> Resolutions {
    let mut all = (Speed::default(), Histogram::new());
    let mut types: BTreeMap<usize, (Speed, Histogram)> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    let index = |t: CaseType| CaseType::ALL.iter().position(|x| *x == t).unwrap_or(usize::MAX);
    for (t, n) in opened {
        all.0.opened += n;
        types.entry(index(*t)).or_default().0.opened += n;
    }
    for (t, started, resolved, paused, n, with_deadline, on_time) in rows {
        *days.entry(*resolved).or_default() += n;
        let took = started.map(|s| (calendar.working_days_between(s, *resolved) as i64 - i64::from(*paused)).max(0));
        for (speed, histogram) in [&mut all, types.entry(index(*t)).or_default()] {
            speed.resolved += n;
            speed.with_deadline += with_deadline;
            speed.on_time += on_time;
            if let Some(took) = took {
                *histogram.entry(took as u32).or_default() += n;
            }
        }
    }
    let done = |(mut s, h): (Speed, Histogram)| {
        s.median_days = median(&h);
        s
    };
    Resolutions {
        all: done(all),
        by_type: types.into_iter().filter_map(|(i, s)| Some((*CaseType::ALL.get(i)?, done(s)))).collect(),
        resolved_by_day: days.into_iter().collect(),
    }
}

/// The cases opened in each of `spans` (instants, the first included).
pub async fn opened_in(db: &Db, spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> Result<Vec<i64>, sqlx::Error> {
    if spans.is_empty() {
        return Ok(Vec::new());
    }
    let counts: Vec<String> = (0..spans.len())
        .map(|i| format!("count(case when created_at >= ${} and created_at < ${} then 1 end)", 2 * i + 3, 2 * i + 4))
        .collect();
    let sql = format!("select {} from cases where created_at >= $1 and created_at < $2", counts.join(", "));
    let first = spans.iter().map(|s| s.0).min().unwrap_or_default();
    let last = spans.iter().map(|s| s.1).max().unwrap_or_default();
    let mut args = vec![first.into(), last.into()];
    args.extend(spans.iter().flat_map(|(a, b)| [(*a).into(), (*b).into()]));
    db.one::<Vec<i64>>(&sql, &args).await
}

/// Every department with its tasks: given and done in `from..=to`, open and overdue `today`.
pub async fn departments(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<DepartmentLine>, sqlx::Error> {
    let lines: Vec<(i64, String, String, String, i64, i64, i64)> = db
        .all(
            "select d.id, d.name_zh, d.name_en, d.name_fr, \
                    (select count(*) from case_tasks t where t.department_id = d.id \
                     and t.assigned_on >= $1 and t.assigned_on <= $2), \
                    (select count(*) from case_tasks t where t.department_id = d.id and t.status <> 'done'), \
                    (select count(*) from case_tasks t where t.department_id = d.id and t.status <> 'done' \
                     and t.due_on < $3) \
             from departments d order by d.sort_order, d.id",
            &[from.into(), to.into(), today.into()],
        )
        .await?;
    let done: Vec<(i64, NaiveDate, NaiveDate, i64)> = db
        .all(
            "select department_id, assigned_on, done_on, count(*) from case_tasks \
             where done_on >= $1 and done_on <= $2 and assigned_on is not null \
             group by department_id, assigned_on, done_on",
            &[from.into(), to.into()],
        )
        .await?;
    let earliest = done.iter().map(|r| r.1).min().unwrap_or(from);
    let calendar = crate::service_levels::db::calendar_from(db, earliest).await?;
    Ok(lines
        .into_iter()
        .map(|(id, zh, en, fr, assigned, open, overdue)| {
            let mut histogram = Histogram::new();
            for (_, given, finished, n) in done.iter().filter(|r| r.0 == id) {
                *histogram.entry(calendar.working_days_between(*given, *finished)).or_default() += n;
            }
            DepartmentLine {
                id,
                names: (zh, en, fr),
                assigned,
                done: histogram.values().sum(),
                median_days: median(&histogram),
                open,
                overdue,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() {
        let h = |pairs: &[(u32, i64)]| pairs.iter().copied().collect::<Histogram>();
        assert_eq!(median(&h(&[])), None);
        assert_eq!(median(&h(&[(4, 1)])), Some(400));
        assert_eq!(median(&h(&[(1, 1), (3, 1), (10, 1)])), Some(300));
        assert_eq!(median(&h(&[(2, 1), (5, 1)])), Some(350));
        assert_eq!(median(&h(&[(1, 3), (9, 1)])), Some(100));
        assert_eq!(median(&h(&[(1, 2), (9, 2)])), Some(500));
    }

    #[test]
    fn working_days_leave_out_weekends_and_the_days_waiting_for_the_applicant() {
        // Monday 2 June 2025 to Monday 9 June: five working days, one of them waiting.
        let rows = [
            (CaseType::Tax, Some(day("2025-06-02")), day("2025-06-09"), 1, 1, 1, 1),
            (CaseType::Tax, Some(day("2025-06-02")), day("2025-06-20"), 0, 1, 1, 0),
            (CaseType::Visa, None, day("2025-06-03"), 0, 2, 0, 0),
        ];
        let r = fold(&rows, &[(CaseType::Tax, 3)], &WorkingCalendar::default());
        assert_eq!((r.all.opened, r.all.resolved, r.all.with_deadline, r.all.on_time), (3, 4, 2, 1));
        // 4 and 14 working days: the cases without a clock count as resolved, not in the median.
        assert_eq!(r.all.median_days, Some(900));
        assert_eq!(r.by_type[0].0, CaseType::Tax);
        assert_eq!((r.by_type[0].1.opened, r.by_type[0].1.resolved), (3, 2));
        assert_eq!((r.by_type[1].0, r.by_type[1].1.resolved, r.by_type[1].1.median_days), (CaseType::Visa, 2, None));
        assert_eq!(r.resolved_by_day, vec![(day("2025-06-03"), 2), (day("2025-06-09"), 1), (day("2025-06-20"), 1)]);
    }
}
