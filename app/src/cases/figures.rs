//! The casework's speed and volume, as the leaders' dashboard reads them: the cases opened,
//! resolved (by their deadline or not), rated, how many working days they took (by type and
//! in all), and each department's turnaround on the tasks it was given.
//!
//! Read from running totals that triggers keep in the transaction of every write (migration
//! 0039): a period is a sum over its whole months and the days at either end, the working
//! days a histogram over its whole years, months and days (migration 0040). The working days
//! of one resolution are counted here, with the office calendar, when the case is resolved or
//! the task done, and stored on the row (`resolution_days`, `done_days`); `fill` counts those
//! that a migration or an import left without.

use crate::db::{Db, Tx};
use crate::domain::{CaseType, WorkingCalendar};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::BTreeMap;

/// How the cases of one type (or of all types) went in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speed {
    pub opened: i64,
    /// Of the opened, those in the green channel.
    pub green: i64,
    pub resolved: i64,
    /// Of the resolved, those that had a deadline, and those resolved on or before it.
    pub with_deadline: i64,
    pub on_time: i64,
    /// The ratings given in the period and their stars.
    pub ratings: i64,
    pub stars: i64,
    /// The median working days from the clock's start to the resolution, less the days it
    /// stood still waiting for the applicant; in hundredths (a median may fall between two).
    pub median_days: Option<i64>,
}

/// The period's figures in all, by type (the types with a case opened, resolved or rated) and
/// by month (the first day of each month with any: cases opened, resolved).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolutions {
    pub all: Speed,
    pub by_type: Vec<(CaseType, Speed)>,
    pub by_month: Vec<(NaiveDate, i64, i64)>,
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

/// The working days from `start` to `end`, less `paused` (never below nought).
fn took(calendar: &WorkingCalendar, start: NaiveDate, end: NaiveDate, paused: i32) -> i32 {
    (i32::try_from(calendar.working_days_between(start, end)).unwrap_or(i32::MAX) - paused).max(0)
}

/// The working days case `id` took to its resolution on `resolved`, inside the transaction
/// that resolves it; `None` when its clock never started.
pub async fn resolution_days_in(tx: &mut Tx, id: i64, resolved: NaiveDate) -> Result<Option<i32>, sqlx::Error> {
    let (start, paused): (Option<NaiveDate>, i32) =
        tx.one("select sla_start_on, paused_working_days from cases where id = $1", &[id.into()]).await?;
    let Some(start) = start else { return Ok(None) };
    let calendar = crate::service_levels::db::calendar_in(tx, start).await?;
    Ok(Some(took(&calendar, start, resolved, paused)))
}

/// The working days task `id` took from being given to being done (the first day it was
/// done, or `today`), inside the transaction that marks it done.
pub async fn done_days_in(tx: &mut Tx, id: i64, today: NaiveDate) -> Result<Option<i32>, sqlx::Error> {
    let (given, done): (Option<NaiveDate>, Option<NaiveDate>) =
        tx.one("select assigned_on, done_on from case_tasks where id = $1", &[id.into()]).await?;
    let Some(given) = given else { return Ok(None) };
    let calendar = crate::service_levels::db::calendar_in(tx, given).await?;
    Ok(Some(took(&calendar, given, done.unwrap_or(today), 0)))
}

/// Count the working days of the resolved cases and done tasks that have none (those of
/// before migration 0039, or written by hand), a thousand at a time, each batch in its own
/// transaction; the triggers move the totals. Servers starting together each skip what
/// another already counted (`where … is null`). Returns how many were counted.
pub async fn fill(db: &Db) -> Result<u64, sqlx::Error> {
    let mut counted = 0;
    loop {
        let cases: Vec<(i64, NaiveDate, NaiveDate, i32)> = db
            .all(
                "select id, sla_start_on, resolved_on, paused_working_days from cases \
                 where resolution_days is null and resolved_on is not null and sla_start_on is not null \
                 order by id limit 1000",
                &[],
            )
            .await?;
        let tasks: Vec<(i64, NaiveDate, NaiveDate, i32)> = db
            .all(
                "select id, assigned_on, done_on, 0 from case_tasks \
                 where done_days is null and done_on is not null and assigned_on is not null \
                 order by id limit 1000",
                &[],
            )
            .await?;
        if cases.is_empty() && tasks.is_empty() {
            return Ok(counted);
        }
        let earliest = cases.iter().chain(&tasks).map(|r| r.1).min().unwrap_or_default();
        let calendar = crate::service_levels::db::calendar_from(db, earliest).await?;
        let mut tx = db.begin().await?;
        for (table, column, rows) in [("cases", "resolution_days", &cases), ("case_tasks", "done_days", &tasks)] {
            let sql = format!("update {table} set {column} = $1 where id = $2 and {column} is null");
            for (id, start, end, paused) in rows {
                let days = took(&calendar, *start, *end, *paused);
                crate::on_tx!(&mut tx, |conn| sqlx::query(&sql).bind(days).bind(id).execute(conn).await.map(|_| ()))?;
                counted += 1;
            }
        }
        tx.commit().await?;
    }
}

/// The first days of the whole months in `from..=to`, and the days at either end outside
/// them (a range whose first day is after its last is empty).
fn spans(from: NaiveDate, to: NaiveDate) -> [(NaiveDate, NaiveDate); 3] {
    let month = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let after = to.succ_opt().unwrap_or(to);
    let empty = (after, to);
    let first = if from.day() == 1 { from } else { month(from) + Months::new(1) };
    // The first day after the last whole month.
    let end = if after.day() == 1 { after } else { month(to) };
    if first >= end {
        return [empty, (from, to), empty];
    }
    [(first, end - Months::new(1)), (from, first.pred_opt().unwrap_or(first)), (end, to)]
}

/// The last day a period ending on `to` is read to: nothing is counted on a day after today
/// (a case is opened, resolved or rated, a task given or done, on the day it happens), so a
/// period that reaches today is read to the end of its year, whose whole months and year read
/// fewer rows than its days (a year to date: one row per type and number of days).
fn read_to(to: NaiveDate, today: NaiveDate) -> NaiveDate {
    match NaiveDate::from_ymd_opt(to.year(), 12, 31) {
        Some(end) if to >= today => end.max(to),
        _ => to,
    }
}

/// The histograms of `kind` ('case' or 'task') over `from..=to` (`to` as `read_to` reads
/// it), by key.
async fn histograms(
    db: &Db,
    kind: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<String, Histogram>, sqlx::Error> {
    let (sql, mut args) = over_spans(
        "select key, days, {sign}cast(sum(n) as bigint) from speed where kind = $1 and {span} group by key, days",
        2,
        from,
        to,
        true,
    );
    args.insert(0, kind.into());
    let rows: Vec<(String, i32, i64)> = db.all(&sql, &args).await?;
    // The parts added and taken away, then what is left of each.
    let mut counted: BTreeMap<(String, u32), i64> = BTreeMap::new();
    for (key, days, n) in rows {
        *counted.entry((key, u32::try_from(days).unwrap_or(0))).or_default() += n;
    }
    let mut by_key: BTreeMap<String, Histogram> = BTreeMap::new();
    for ((key, days), n) in counted.into_iter().filter(|(_, n)| *n > 0) {
        by_key.entry(key).or_default().insert(days, n);
    }
    Ok(by_key)
}

/// What one type counted in one day or month (`case_figures`).
struct Counted {
    starts_on: NaiveDate,
    case_type: String,
    speed: Speed,
}

impl crate::db::Record for Counted {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Counted {
            starts_on: row.get("starts_on")?,
            case_type: row.get("case_type")?,
            speed: Speed {
                opened: row.get("opened")?,
                green: row.get("green")?,
                resolved: row.get("resolved")?,
                with_deadline: row.get("with_deadline")?,
                on_time: row.get("on_time")?,
                ratings: row.get("ratings")?,
                stars: row.get("stars")?,
                median_days: None,
            },
        })
    }
}

/// One range of a running-total table that a period is read from: the rows of `span` whose
/// `starts_on` is in `first..=last`, added (`sign` 1) or taken away (-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Part {
    span: &'static str,
    first: NaiveDate,
    last: NaiveDate,
    sign: i64,
}

impl Part {
    fn add(span: &'static str, first: NaiveDate, last: NaiveDate) -> Part {
        Part { span, first, last, sign: 1 }
    }
}

/// The parts `from..=to` is read in from a table kept by day and month (`span`, `starts_on`):
/// its whole months and the days at either end. With `years`, from a table kept by year as
/// well (`speed`): its whole years, and of the whole months left in a year, when they are more
/// than half of it, that year less its other months (eleven months read as two parts). Empty
/// parts are left out.
fn parts(from: NaiveDate, to: NaiveDate, years: bool) -> Vec<Part> {
    let [months, head, tail] = spans(from, to);
    let mut parts = vec![Part::add("day", head.0, head.1), Part::add("day", tail.0, tail.1)];
    let (first, last) = months;
    let jan = |year: i32| NaiveDate::from_ymd_opt(year, 1, 1);
    // The first 1 January on or after the first whole month, and the one after the last
    // whole year's December.
    let whole =
        match (jan(first.year() + i32::from(first.month() != 1)), jan(last.year() + i32::from(last.month() == 12))) {
            (Some(start), Some(end)) if years && first <= last && start < end => Some((start, end)),
            _ => None,
        };
    let months = match whole {
        Some((start, end)) => {
            parts.push(Part::add("year", start, end - Months::new(12)));
            vec![(first, start - Months::new(1)), (end, last)]
        }
        None => vec![(first, last)],
    };
    for (first, last) in months.into_iter().filter(|(a, b)| a <= b) {
        let count = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32 + 1;
        match jan(first.year()) {
            Some(year) if years && first.year() == last.year() && count > 6 => {
                let less = |a: NaiveDate, b: NaiveDate| Part { sign: -1, ..Part::add("month", a, b) };
                parts.extend([
                    Part::add("year", year, year),
                    less(year, first - Months::new(1)),
                    less(last + Months::new(1), year + Months::new(11)),
                ]);
            }
            _ => parts.push(Part::add("month", first, last)),
        }
    }
    parts.retain(|p| p.first <= p.last);
    parts
}

/// `select` (whose `where` says `{span}`, and whose sum says `{sign}` where `years` may take a
/// part away) over a table kept by day and month (and year, with `years`) for `from..=to`,
/// run on each of its `parts` as one statement whose rows are the parts' together (a row may
/// come once per part: callers add them up), its arguments from `$n`; and the arguments. Not
/// one `where` with `or`: SQLite then collects the ranges' keys to drop duplicates that cannot
/// be there (a year's histograms at a million cases: 6 ms that way, 1.6 ms this way; by year,
/// 0.1 ms).
fn over_spans(
    select: &str,
    n: usize,
    from: NaiveDate,
    to: NaiveDate,
    years: bool,
) -> (String, Vec<crate::db::args::Arg>) {
    let mut parts = parts(from, to, years);
    if parts.is_empty() {
        // A period ending before it starts: one empty range, so that the statement reads nothing.
        parts.push(Part::add("day", from, to));
    }
    let sql = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (a, b) = (n + 2 * i, n + 2 * i + 1);
            select
                .replace("{span}", &format!("span = '{}' and starts_on >= ${a} and starts_on <= ${b}", p.span))
                .replace("{sign}", if p.sign < 0 { "-" } else { "" })
        })
        .collect::<Vec<_>>()
        .join(" union all ");
    let args = parts.into_iter().flat_map(|p| [p.first.into(), p.last.into()]).collect();
    (sql, args)
}

/// The casework of `from..=to` (office days): opened, resolved, rated and how fast, in all,
/// by type and by month.
pub async fn resolutions(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Resolutions, sqlx::Error> {
    let to = read_to(to, today);
    let (sql, args) = over_spans(
        "select starts_on, case_type, opened, green, resolved, with_deadline, on_time, ratings, stars \
         from case_figures where {span}",
        1,
        from,
        to,
        false,
    );
    let rows: Vec<Counted> = db.all(&sql, &args).await?;
    let histograms = histograms(db, "case", from, to).await?;
    Ok(fold(rows, &histograms))
}

fn fold(rows: Vec<Counted>, histograms: &BTreeMap<String, Histogram>) -> Resolutions {
    let mut all = Speed::default();
    let mut whole = Histogram::new();
    let mut types: BTreeMap<usize, Speed> = BTreeMap::new();
    let mut months: BTreeMap<NaiveDate, (i64, i64)> = BTreeMap::new();
    let add = |to: &mut Speed, s: &Speed| {
        to.opened += s.opened;
        to.green += s.green;
        to.resolved += s.resolved;
        to.with_deadline += s.with_deadline;
        to.on_time += s.on_time;
        to.ratings += s.ratings;
        to.stars += s.stars;
    };
    for Counted { starts_on, case_type, speed } in &rows {
        let Some(i) = CaseType::ALL.iter().position(|t| t.as_str() == case_type) else { continue };
        add(&mut all, speed);
        add(types.entry(i).or_default(), speed);
        let month = months.entry(starts_on.with_day(1).unwrap_or(*starts_on)).or_default();
        month.0 += speed.opened;
        month.1 += speed.resolved;
    }
    for h in histograms.values() {
        for (days, n) in h {
            *whole.entry(*days).or_default() += n;
        }
    }
    all.median_days = median(&whole);
    let by_type = types
        .into_iter()
        .filter(|(_, s)| s.opened + s.resolved + s.ratings > 0)
        .filter_map(|(i, s)| {
            let t = *CaseType::ALL.get(i)?;
            Some((t, Speed { median_days: histograms.get(t.as_str()).and_then(median), ..s }))
        })
        .collect();
    Resolutions { all, by_type, by_month: months.into_iter().map(|(m, (o, r))| (m, o, r)).collect() }
}

/// The cases still running whose deadline passed before `today`.
pub async fn overdue_now(db: &Db, today: NaiveDate) -> Result<i64, sqlx::Error> {
    db.one(
        "select cast(coalesce(sum(n), 0) as bigint) from open_deadlines where kind = 'case' and due_on < $1",
        &[today.into()],
    )
    .await
}

/// Every department with its tasks: given and done in `from..=to`, open and overdue `today`.
pub async fn departments(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<DepartmentLine>, sqlx::Error> {
    let names: Vec<(i64, String, String, String)> =
        db.all("select id, name_zh, name_en, name_fr from departments order by sort_order, id", &[]).await?;
    let to = read_to(to, today);
    let (sql, args) = over_spans(
        "select department_id, cast(sum(assigned) as bigint), cast(sum(done) as bigint) from task_figures \
         where {span} group by department_id",
        1,
        from,
        to,
        false,
    );
    let mut days: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for (id, assigned, done) in db.all::<(i64, i64, i64)>(&sql, &args).await? {
        let day = days.entry(id).or_default();
        day.0 += assigned;
        day.1 += done;
    }
    let open: Vec<(String, i64, i64)> = db
        .all(
            "select key, cast(sum(n) as bigint), cast(sum(case when due_on < $1 then n else 0 end) as bigint) \
             from open_deadlines where kind = 'task' group by key",
            &[today.into()],
        )
        .await?;
    let histograms = histograms(db, "task", from, to).await?;
    Ok(names
        .into_iter()
        .map(|(id, zh, en, fr)| {
            let (assigned, done) = days.get(&id).copied().unwrap_or_default();
            let (open, overdue) = open.iter().find(|r| r.0 == id.to_string()).map_or((0, 0), |r| (r.1, r.2));
            DepartmentLine {
                id,
                names: (zh, en, fr),
                assigned,
                done,
                median_days: histograms.get(&id.to_string()).and_then(median),
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
    fn a_period_is_read_as_its_whole_months_and_the_days_at_either_end() {
        let empty = |(a, b): (NaiveDate, NaiveDate)| a > b;
        let [m, head, tail] = spans(day("2025-01-01"), day("2025-12-31"));
        assert_eq!(m, (day("2025-01-01"), day("2025-12-01")));
        assert!(empty(head) && empty(tail));
        let [m, head, tail] = spans(day("2026-01-01"), day("2026-12-07"));
        assert_eq!((m, tail), ((day("2026-01-01"), day("2026-11-01")), (day("2026-12-01"), day("2026-12-07"))));
        assert!(empty(head));
        let [m, head, tail] = spans(day("2025-03-15"), day("2025-05-10"));
        assert_eq!(m, (day("2025-04-01"), day("2025-04-01")));
        assert_eq!((head, tail), ((day("2025-03-15"), day("2025-03-31")), (day("2025-05-01"), day("2025-05-10"))));
        for (from, to) in [("2025-03-15", "2025-03-31"), ("2025-03-15", "2025-03-20"), ("2025-03-15", "2025-03-15")] {
            let [m, days, tail] = spans(day(from), day(to));
            assert!(empty(m) && empty(tail), "{from}..{to}");
            assert_eq!(days, (day(from), day(to)));
        }
        let [m, head, tail] = spans(day("2025-03-01"), day("2025-03-31"));
        assert_eq!(m, (day("2025-03-01"), day("2025-03-01")));
        assert!(empty(head) && empty(tail));
    }

    #[test]
    fn the_working_days_of_whole_years_are_read_from_their_year() {
        let parts = |from: &str, to: &str| {
            let mut p: Vec<(&str, String, String, i64)> = parts(day(from), day(to), true)
                .into_iter()
                .map(|p| (p.span, p.first.to_string(), p.last.to_string(), p.sign))
                .collect();
            p.sort();
            p
        };
        let part = |s: &'static str, a: &str, b: &str, sign: i64| (s, a.to_string(), b.to_string(), sign);
        assert_eq!(parts("2025-01-01", "2025-12-31"), vec![part("year", "2025-01-01", "2025-01-01", 1)]);
        // Eleven months and seven days: the year less December, and the days.
        assert_eq!(
            parts("2025-01-01", "2025-12-07"),
            vec![
                part("day", "2025-12-01", "2025-12-07", 1),
                part("month", "2025-12-01", "2025-12-01", -1),
                part("year", "2025-01-01", "2025-01-01", 1),
            ]
        );
        // Half a year or less: its months.
        assert_eq!(parts("2025-04-01", "2025-09-30"), vec![part("month", "2025-04-01", "2025-09-01", 1)]);
        assert_eq!(
            parts("2024-03-15", "2026-02-10"),
            vec![
                part("day", "2024-03-15", "2024-03-31", 1),
                part("day", "2026-02-01", "2026-02-10", 1),
                part("month", "2024-01-01", "2024-03-01", -1),
                part("month", "2026-01-01", "2026-01-01", 1),
                part("year", "2024-01-01", "2024-01-01", 1),
                part("year", "2025-01-01", "2025-01-01", 1),
            ]
        );
        assert_eq!(parts("2024-01-01", "2025-12-31"), vec![part("year", "2024-01-01", "2025-01-01", 1)]);
        // Without years (the tables kept by day and month), the months.
        let months = super::parts(day("2025-01-01"), day("2025-12-31"), false);
        assert_eq!(months, vec![Part::add("month", day("2025-01-01"), day("2025-12-01"))]);
        let months = super::parts(day("2025-01-01"), day("2025-12-07"), false);
        assert!(months.iter().all(|p| p.sign == 1 && p.span != "year"), "{months:?}");
    }

    #[test]
    fn a_period_reaching_today_is_read_to_the_end_of_its_year() {
        let today = day("2026-12-07");
        assert_eq!(read_to(day("2026-12-07"), today), day("2026-12-31"));
        assert_eq!(read_to(day("2026-12-31"), today), day("2026-12-31"));
        assert_eq!(read_to(day("2027-03-31"), today), day("2027-12-31"));
        // The same days a year before, and any period that ends before today, as they are.
        assert_eq!(read_to(day("2025-12-07"), today), day("2025-12-07"));
        assert_eq!(read_to(day("2026-12-06"), today), day("2026-12-06"));
        // A year to date is then one year.
        assert_eq!(parts(day("2026-01-01"), read_to(day("2026-12-07"), today), true).len(), 1);
    }

    #[test]
    fn the_period_adds_up_its_types_months_and_working_days() {
        let row = |on: &str, t: &str, opened, resolved, with_deadline, on_time| Counted {
            starts_on: day(on),
            case_type: t.to_string(),
            speed: Speed { opened, green: 1, resolved, with_deadline, on_time, ..Speed::default() },
        };
        let histograms: BTreeMap<String, Histogram> = [
            ("tax".to_string(), [(4, 1), (14, 1)].into_iter().collect()),
            ("customs".to_string(), [(1, 1)].into_iter().collect()),
        ]
        .into_iter()
        .collect();
        // A whole month (June) and two days of July.
        let rows = vec![
            row("2025-06-01", "tax", 3, 1, 1, 1),
            row("2025-07-01", "tax", 0, 1, 1, 0),
            row("2025-07-02", "customs", 0, 1, 1, 1),
            row("2025-07-02", "visa", 0, 0, 0, 0),
            row("2025-07-02", "?", 5, 5, 5, 5),
        ];
        let r = fold(rows, &histograms);
        assert_eq!((r.all.opened, r.all.resolved, r.all.with_deadline, r.all.on_time, r.all.green), (3, 3, 3, 2, 4));
        // 1, 4 and 14 working days.
        assert_eq!(r.all.median_days, Some(400));
        let types: Vec<_> = r.by_type.iter().map(|(t, s)| (*t, s.resolved, s.median_days)).collect();
        assert_eq!(types, vec![(CaseType::Customs, 1, Some(100)), (CaseType::Tax, 2, Some(900))]);
        assert_eq!(r.by_month, vec![(day("2025-06-01"), 3, 1), (day("2025-07-01"), 0, 2)]);
    }

    #[test]
    fn working_days_leave_out_weekends_and_the_days_waiting_for_the_applicant() {
        // Monday 2 June 2025 to Monday 9 June: five working days, one of them waiting.
        let calendar = WorkingCalendar::default();
        assert_eq!(took(&calendar, day("2025-06-02"), day("2025-06-09"), 1), 4);
        assert_eq!(took(&calendar, day("2025-06-02"), day("2025-06-20"), 0), 14);
        assert_eq!(took(&calendar, day("2025-06-02"), day("2025-06-03"), 3), 0);
    }
}
