//! The calendar of itinerary items across delegations: what a month or week shows and the
//! choices its query string carries.

use super::{Activity, DelegationStatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

codes!(
    /// How much of the calendar a page shows.
    CalendarView { Month => "month", Week => "week" }
);

/// One itinerary item in the calendar, with its delegation and what it books.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarItem {
    pub id: i64,
    pub delegation_id: i64,
    pub delegation_title: String,
    pub status: DelegationStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub activity: Activity,
    pub title_zh: String,
    /// Venue first, then the other resources, by name.
    pub resources: Vec<String>,
}

/// The calendar's choices, as the query string carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFilter {
    pub view: CalendarView,
    /// A day in the month or week shown.
    pub date: NaiveDate,
    pub resource_id: Option<i64>,
    pub delegation_id: Option<i64>,
}

impl CalendarFilter {
    /// The filter a query string describes; `today` when no (valid) date is given.
    pub fn from_query(get: impl Fn(&str) -> Option<String>, today: NaiveDate) -> CalendarFilter {
        let id = |k: &str| get(k).and_then(|v| v.trim().parse::<i64>().ok());
        CalendarFilter {
            view: get("view").and_then(|v| CalendarView::parse(&v)).unwrap_or(CalendarView::Month),
            date: get("date")
                .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
                .filter(|d| (2000..=2100).contains(&chrono::Datelike::year(d)))
                .unwrap_or(today),
            resource_id: id("resource"),
            delegation_id: id("delegation"),
        }
    }

    /// The query string of this filter moved to `date` (without `?`).
    pub fn to_query(&self, date: NaiveDate) -> String {
        crate::shell::query_string(&[
            ("view", Some(self.view.as_str().to_string())),
            ("date", Some(date.to_string())),
            ("resource", self.resource_id.map(|v| v.to_string())),
            ("delegation", self.delegation_id.map(|v| v.to_string())),
        ])
    }

    /// The days shown, in weeks from Monday to Sunday: every week touching the month, or the
    /// one week.
    pub fn weeks(&self) -> Vec<[NaiveDate; 7]> {
        use chrono::Datelike;
        let monday = |d: NaiveDate| d - Duration::days(d.weekday().num_days_from_monday() as i64);
        let week = |start: NaiveDate| std::array::from_fn(|i| start + Duration::days(i as i64));
        match self.view {
            CalendarView::Week => vec![week(monday(self.date))],
            CalendarView::Month => {
                let first = self.date.with_day(1).unwrap_or(self.date);
                let mut start = monday(first);
                let mut weeks = Vec::new();
                while start.year() * 12 + start.month0() as i32 <= first.year() * 12 + first.month0() as i32 {
                    weeks.push(week(start));
                    start += Duration::days(7);
                }
                weeks
            }
        }
    }

    /// The first day of the previous and of the next month or week.
    pub fn neighbours(&self) -> (NaiveDate, NaiveDate) {
        use chrono::{Datelike, Months};
        match self.view {
            CalendarView::Week => (self.date - Duration::days(7), self.date + Duration::days(7)),
            CalendarView::Month => {
                let first = self.date.with_day(1).unwrap_or(self.date);
                (
                    first.checked_sub_months(Months::new(1)).unwrap_or(first),
                    first.checked_add_months(Months::new(1)).unwrap_or(first),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_calendar_shows_whole_weeks_from_monday() {
        let today = day(2026, 12, 16);
        let month = CalendarFilter::from_query(|_| None, today);
        let weeks = month.weeks();
        // December 2026 begins on a Tuesday and ends on a Thursday.
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], day(2026, 11, 30));
        assert_eq!(weeks[4][6], day(2027, 1, 3));
        assert_eq!(month.neighbours(), (day(2026, 11, 1), day(2027, 1, 1)));
        let week = CalendarFilter::from_query(|k| (k == "view").then(|| "week".to_string()), today);
        assert_eq!(week.weeks(), vec![std::array::from_fn(|i| day(2026, 12, 14) + Duration::days(i as i64))]);
        assert_eq!(week.neighbours(), (day(2026, 12, 9), day(2026, 12, 23)));
        // A month that starts on a Monday starts its first row.
        let june = CalendarFilter::from_query(|k| (k == "date").then(|| "2026-06-20".to_string()), today);
        assert_eq!(june.weeks()[0][0], day(2026, 6, 1));
        assert_eq!(CalendarFilter::from_query(|k| (k == "date").then(|| "yesterday".to_string()), today).date, today);
    }
}
