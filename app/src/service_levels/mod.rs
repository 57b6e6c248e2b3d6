//! Service levels (办理时限): each case type's deadline in working days, shorter for the
//! green channel, and the office's working calendar that the days are counted in.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::{CaseType, DayKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceLevel {
    pub case_type: CaseType,
    pub working_days: i32,
    pub green_channel_days: i32,
    pub version: i32,
    pub updated_by_name: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

impl ServiceLevel {
    /// The working days a case of this type has.
    pub fn days_for(&self, green_channel: bool) -> i32 {
        if green_channel {
            self.green_channel_days
        } else {
            self.working_days
        }
    }
}

/// A day that departs from the Monday-to-Friday rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub day: NaiveDate,
    pub kind: DayKind,
    pub name: String,
}

/// A year of the calendar as the admin page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarYear {
    pub year: i32,
    pub days: Vec<CalendarDay>,
    /// Working days in the year under this calendar.
    pub working_days: u32,
}

/// The longest deadline the table accepts, in working days (about a year).
pub const MAX_WORKING_DAYS: i32 = 250;
