//! Promotion events (投促活动): the trade fairs, themed campaigns, roadshows, forums and
//! leaders' visits that projects are won at. An event keeps its dates, place, organiser and
//! leader; what it produced (the projects signed there and their investment) is counted from
//! the projects that name it, never typed in.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use super::{ProjectSummary, Wan};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many events the list shows when no year is chosen: the latest.
pub const LATEST: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A trade fair (the Silk Road Expo 丝博会).
    TradeFair,
    /// A themed campaign (春季主题招商).
    Campaign,
    /// A roadshow (路演).
    Roadshow,
    Forum,
    /// A leader's own visit to investors.
    LeaderVisit,
}

impl EventKind {
    pub const ALL: [EventKind; 5] =
        [EventKind::TradeFair, EventKind::Campaign, EventKind::Roadshow, EventKind::Forum, EventKind::LeaderVisit];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::TradeFair => "trade_fair",
            EventKind::Campaign => "campaign",
            EventKind::Roadshow => "roadshow",
            EventKind::Forum => "forum",
            EventKind::LeaderVisit => "leader_visit",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// What an event produced, counted from its projects: those signed there that are on the
/// reserve list or past it (a signing undone, or a project dropped, no longer counts), with
/// their total investment, and how many of them started and completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Produced {
    pub signed: i64,
    pub investment: Wan,
    /// Started or completed.
    pub started: i64,
    pub completed: i64,
    /// Every project that names the event, at any stage.
    pub projects: i64,
}

/// One line of the event list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i64,
    pub kind: EventKind,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub place: String,
    pub produced: Produced,
}

/// What is kept of an event beyond its line of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetails {
    pub organiser: String,
    pub leader_id: Option<i64>,
    pub leader_name: Option<String>,
    pub notes: String,
    pub version: i32,
}

/// An event with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromotionEvent {
    pub summary: EventSummary,
    #[serde(flatten)]
    pub details: EventDetails,
    /// Every project that names the event, the latest moved first.
    pub projects: Vec<ProjectSummary>,
    /// Whether the reader may change it.
    pub editable: bool,
}

/// The event form as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EventForm {
    pub kind: String,
    pub name: String,
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub organiser: String,
    #[serde(default)]
    pub leader_id: String,
    #[serde(default)]
    pub notes: String,
}
