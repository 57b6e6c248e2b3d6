//! The office's working calendar: Monday to Friday, except public holidays, plus the
//! weekend days China announces as make-up working days (调休). Service-level deadlines are
//! counted in these working days.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a calendar entry departs from the Monday-to-Friday rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A day off (public holiday), even on a weekday.
    Holiday,
    /// A working day, even on a weekend (调休 make-up day).
    Workday,
}

impl DayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::Workday => "workday",
        }
    }

    pub fn parse(s: &str) -> Option<DayKind> {
        match s.trim() {
            "holiday" => Some(DayKind::Holiday),
            "workday" => Some(DayKind::Workday),
            _ => None,
        }
    }
}

/// The time it is now in the office (Asia/Shanghai, UTC+8 all year).
pub fn office_time(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    now.with_timezone(&OFFICE_OFFSET)
}

/// UTC+8, checked when compiling.
const OFFICE_OFFSET: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is an offset"),
};

/// The day it is now in the office.
pub fn office_today(now: DateTime<Utc>) -> NaiveDate {
    office_time(now).date_naive()
}

/// The instant a day begins in the office, in UTC (the day before, 16:00).
pub fn office_day_start(day: NaiveDate) -> DateTime<Utc> {
    (day.and_time(chrono::NaiveTime::MIN) - chrono::Duration::hours(8)).and_utc()
}

/// The first and the last day of a year (None for a year the calendar cannot hold).
pub fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

/// No search walks further than this (ten years of days), whatever the calendar holds.
const HORIZON_DAYS: u32 = 3660;

#[derive(Debug, Clone, Default)]
pub struct WorkingCalendar {
    exceptions: BTreeMap<NaiveDate, DayKind>,
}

impl WorkingCalendar {
    pub fn new(entries: impl IntoIterator<Item = (NaiveDate, DayKind)>) -> WorkingCalendar {
        WorkingCalendar { exceptions: entries.into_iter().collect() }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.exceptions.get(&day) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Workday) => true,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The first working day after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        self.add_working_days(day, 1)
    }

    /// The `n`-th working day after `start` (the day itself does not count, so a request
    /// made on a Friday with one working day is due on Monday). `n = 0` gives `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut counted = 0;
        let mut walked = 0;
        while counted < n && walked < HORIZON_DAYS {
            day = day.succ_opt().unwrap_or(day);
            walked += 1;
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// Working days in `(from, to]`: how many working days passed between two dates.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut day = from;
        let mut counted = 0;
        while day < to {
            day = day.succ_opt().unwrap_or(to);
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        counted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The 2026 Spring Festival as announced (国办发明电〔2025〕7号): 15–23 February off,
    /// Saturday 14 and Saturday 28 February worked.
    fn spring_festival_2026() -> WorkingCalendar {
        let mut days: Vec<_> = (15..=23).map(|n| (d(2026, 2, n), DayKind::Holiday)).collect();
        days.push((d(2026, 2, 14), DayKind::Workday));
        days.push((d(2026, 2, 28), DayKind::Workday));
        WorkingCalendar::new(days)
    }

    #[test]
    fn weekends_are_off_and_weekdays_work() {
        let cal = WorkingCalendar::default();
        assert!(cal.is_working_day(d(2026, 11, 25))); // Wednesday
        assert!(!cal.is_working_day(d(2026, 11, 28))); // Saturday
                                                       // Friday + 1 working day = Monday.
        assert_eq!(cal.add_working_days(d(2026, 11, 27), 1), d(2026, 11, 30));
        // A request made on a Saturday: Monday is its first working day.
        assert_eq!(cal.add_working_days(d(2026, 11, 28), 1), d(2026, 11, 30));
        assert_eq!(cal.add_working_days(d(2026, 11, 25), 0), d(2026, 11, 25));
        assert_eq!(cal.add_working_days(d(2026, 11, 25), 5), d(2026, 12, 2));
    }

    #[test]
    fn holidays_stop_the_count_and_make_up_days_count() {
        let cal = spring_festival_2026();
        assert!(cal.is_working_day(d(2026, 2, 14)), "make-up Saturday");
        assert!(!cal.is_working_day(d(2026, 2, 16)), "holiday Monday");
        // Friday 13 Feb + 1: Saturday 14 is a make-up working day.
        assert_eq!(cal.add_working_days(d(2026, 2, 13), 1), d(2026, 2, 14));
        // Friday 13 Feb + 2: the holiday runs to Monday 23, so Tuesday 24.
        assert_eq!(cal.add_working_days(d(2026, 2, 13), 2), d(2026, 2, 24));
        // Thursday 12 Feb + 5: Fri 13, Sat 14, Tue 24, Wed 25, Thu 26.
        assert_eq!(cal.add_working_days(d(2026, 2, 12), 5), d(2026, 2, 26));
        // Thursday 26 Feb + 2: Fri 27, then make-up Saturday 28.
        assert_eq!(cal.add_working_days(d(2026, 2, 26), 2), d(2026, 2, 28));
        assert_eq!(cal.next_working_day(d(2026, 2, 14)), d(2026, 2, 24));
    }

    #[test]
    fn working_days_between_counts_the_days_that_passed() {
        let cal = spring_festival_2026();
        assert_eq!(cal.working_days_between(d(2026, 2, 13), d(2026, 2, 24)), 2);
        assert_eq!(cal.working_days_between(d(2026, 2, 24), d(2026, 2, 24)), 0);
        assert_eq!(cal.working_days_between(d(2026, 2, 24), d(2026, 2, 13)), 0);
        for n in 0..30 {
            let due = cal.add_working_days(d(2026, 2, 1), n);
            assert_eq!(cal.working_days_between(d(2026, 2, 1), due), n);
        }
    }

    #[test]
    fn a_calendar_of_only_holidays_still_ends() {
        let start = d(2026, 1, 1);
        let all_off = WorkingCalendar::new(start.iter_days().take(5000).map(|d| (d, DayKind::Holiday)));
        let due = all_off.add_working_days(start, 3);
        assert!(due > start);
    }

    #[test]
    fn the_office_day_is_shanghai_time() {
        let late = DateTime::parse_from_rfc3339("2026-12-31T16:30:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(office_today(late), d(2027, 1, 1));
    }
}
