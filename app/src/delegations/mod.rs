//! Delegations (团组) received and sent: their members, the office's bookable resources
//! (venues, vehicles, interpreters, officials), the itinerary (日程) that books them, and the
//! rule that finds a resource booked twice. The types here are shared by browser and server;
//! the rules are plain functions, unit-tested below. The calendar's, the mission rules' and
//! the yearly figures' types live in `calendar`, `rules` and `statistics`, re-exported here.
//!
//! Each layer is a folder split by sub-area: `pages`, `service` and `db` hold the delegation
//! itself in their `mod.rs` (the page in `pages/delegation.rs`) and one file per sub-area
//! (`itinerary` and its bookings, `resources`, `gifts`, `rules` for the mission rules,
//! `calendar` with the feeds); each `mod.rs` re-exports its files, so the paths other modules
//! use (`delegations::db::…`, `delegations::service::…`, `delegations::pages::…`) stay whole.

pub mod api;
pub mod pages;

/// `tr!(locale, "id")` or `tr!(locale, "id", { "name" => value, … })`: a message in a
/// language the caller chooses, for the documents below (a printed programme in two
/// languages, a calendar file in the reader's). It has the shape of leptos-fluent's `tr!` so
/// that its translation check covers these messages too. Only the modules declared after it
/// see it; `pages` (above) uses leptos-fluent's own.
#[cfg(feature = "ssr")]
macro_rules! tr {
    ($locale:expr, $id:literal) => {
        $crate::translate::t($locale, $id)
    };
    ($locale:expr, $id:literal, { $($name:literal => $value:expr),* $(,)? }) => {
        $crate::translate::t_args($locale, $id, &[$(($name, $crate::translate::FluentValue::from($value))),*])
    };
}

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod ics;
#[cfg(feature = "ssr")]
pub mod programme;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::Locale;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s.trim())
            }
        }
    };
}

mod calendar;
mod rules;
mod statistics;

pub use self::calendar::{CalendarFilter, CalendarItem, CalendarView};
pub use self::rules::{breaches, MissionRules, Rule, RuleBreach};
pub use self::statistics::{statistics, totals, Count, Counted, Statistics};
pub use crate::domain::{Clash, ResourceKind};

codes!(
    /// Received here (来访) or sent abroad (出访).
    Direction { Incoming => "incoming", Outgoing => "outgoing" }
);

codes!(
    /// The life of a delegation.
    DelegationStatus {
        Draft => "draft",
        Approved => "approved",
        Confirmed => "confirmed",
        InProgress => "in_progress",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

impl DelegationStatus {
    /// The statuses a delegation may move to from this one.
    pub fn next(self) -> &'static [DelegationStatus] {
        use DelegationStatus::*;
        match self {
            Draft => &[Approved, Cancelled],
            // An approved or confirmed programme may be reopened for changes.
            Approved => &[Confirmed, Draft, Cancelled],
            Confirmed => &[InProgress, Approved, Cancelled],
            InProgress => &[Completed],
            Completed | Cancelled => &[],
        }
    }

    pub fn may_move_to(self, to: DelegationStatus) -> bool {
        self.next().contains(&to)
    }

    /// Does a delegation in this status still hold its bookings?
    pub fn books_resources(self) -> bool {
        self != DelegationStatus::Cancelled
    }
}

codes!(
    /// What happens in an itinerary item.
    Activity {
        Meeting => "meeting",
        Banquet => "banquet",
        SiteVisit => "site_visit",
        Signing => "signing",
        Transfer => "transfer",
        FreeTime => "free_time",
    }
);

impl Activity {
    /// Activities where the visitors talk with their hosts and need an interpreter.
    pub fn needs_interpreter(self) -> bool {
        matches!(self, Activity::Meeting | Activity::Banquet | Activity::SiteVisit | Activity::Signing)
    }
}

/// A venue, vehicle, interpreter or official that itinerary items book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    pub id: i64,
    pub kind: ResourceKind,
    pub name: String,
    /// Interpreters: the languages they work in besides Chinese.
    pub languages: Vec<Locale>,
    pub details: String,
    /// Where the programme goes (an official, an interpreter, a car's driver); may be empty.
    pub email: String,
    /// The language that person reads.
    pub language: Locale,
    /// The staff account whose calendar feed shows this resource's bookings.
    pub user_id: Option<i64>,
}

/// One line of the delegation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationSummary {
    pub id: i64,
    pub direction: Direction,
    pub title: String,
    pub countries: Vec<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: DelegationStatus,
    pub members: i64,
    pub officer_name: Option<String>,
}

/// The list's filters, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DelegationFilter {
    pub direction: Option<String>,
    pub status: Option<String>,
    pub year: Option<i32>,
}

impl DelegationFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> DelegationFilter {
        let text = |k: &str| get(k).filter(|s| !s.trim().is_empty());
        DelegationFilter {
            direction: text("direction").filter(|d| Direction::parse(d).is_some()),
            status: text("status").filter(|s| DelegationStatus::parse(s).is_some()),
            year: text("year").and_then(|y| y.trim().parse().ok()),
        }
    }
}

/// A member of a delegation. The passport number is whole only for the delegation's officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub passport_name: String,
    pub chinese_name: String,
    pub title: String,
    pub organisation: String,
    pub language: Locale,
    pub dietary: String,
    pub passport_number: String,
    pub passport_masked: bool,
}

/// One item of the itinerary with the resources it books.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub activity: Activity,
    pub title_zh: String,
    pub title_foreign: String,
    pub venue_id: Option<i64>,
    pub participants: String,
    pub notes: String,
    pub resources: Vec<Resource>,
}

impl Item {
    pub fn slot(&self) -> Slot {
        Slot { starts_at: self.starts_at, ends_at: self.ends_at, venue_id: self.venue_id }
    }

    pub fn venue(&self) -> Option<&Resource> {
        self.resources.iter().find(|r| Some(r.id) == self.venue_id)
    }

    pub fn booked(&self, kind: ResourceKind) -> impl Iterator<Item = &Resource> {
        self.resources.iter().filter(move |r| r.kind == kind)
    }
}

/// An item where members speak a language no booked interpreter works in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageGap {
    pub item_id: i64,
    pub language: Locale,
}

codes!(
    /// A gift the office gave, or one it received.
    GiftDirection { Given => "given", Received => "received" }
);

/// One entry of the gift register (礼品登记).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gift {
    pub id: i64,
    pub delegation_id: i64,
    pub delegation_title: String,
    pub direction: GiftDirection,
    pub given_on: NaiveDate,
    pub description: String,
    /// Estimated value in CNY fen.
    pub value_cny_cents: Option<i64>,
    pub giver: String,
    pub receiver: String,
    pub disposition: String,
}

codes!(
    /// What a delegation brought about.
    OutcomeKind { Agreement => "agreement", Lead => "lead", Other => "other" }
);

/// An outcome of a delegation: an agreement signed, an investment lead, perhaps with the
/// enterprise it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: i64,
    pub kind: OutcomeKind,
    pub description: String,
    pub enterprise_id: Option<i64>,
    pub enterprise_name: Option<String>,
    /// The investment project an investment lead became, if it did.
    pub project_id: Option<i64>,
    pub project_name: Option<String>,
}

/// A delegation with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub id: i64,
    pub direction: Direction,
    pub title: String,
    pub organisation: String,
    pub countries: Vec<String>,
    pub purpose: String,
    pub language: Locale,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: DelegationStatus,
    pub officer_id: Option<i64>,
    pub officer_name: Option<String>,
    pub override_reason: String,
    pub version: i32,
    pub members: Vec<Member>,
    pub items: Vec<Item>,
    pub clashes: Vec<Clash>,
    pub language_gaps: Vec<LanguageGap>,
    pub gifts: Vec<Gift>,
    pub outcomes: Vec<Outcome>,
    /// The mission rules this plan breaks (outgoing missions only).
    pub breaches: Vec<RuleBreach>,
    /// May the reader change it (a protocol officer or an admin)?
    pub editable: bool,
    /// May the reader open the projects its leads became, and register one from a lead?
    pub reads_projects: bool,
    pub registers_projects: bool,
    /// Whether the reader follows investment leads (may open one from an outcome).
    pub opens_leads: bool,
    /// The statuses the reader may move it to.
    pub next_statuses: Vec<DelegationStatus>,
}

/// The delegation form as a browser sends it (validated by the service).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DelegationForm {
    pub direction: String,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// ISO codes, as the multiple country picker sends them (`countries[]`).
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub purpose: String,
    pub language: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A member as the form sends them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MemberForm {
    pub passport_name: String,
    #[serde(default)]
    pub chinese_name: String,
    #[serde(default)]
    pub member_title: String,
    #[serde(default)]
    pub member_organisation: String,
    pub member_language: String,
    #[serde(default)]
    pub dietary: String,
    #[serde(default)]
    pub passport_number: String,
}

/// An itinerary item as the form sends it: a day and two times in office time.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ItemForm {
    pub day: String,
    pub starts: String,
    pub ends: String,
    pub activity: String,
    pub title_zh: String,
    #[serde(default)]
    pub title_foreign: String,
    #[serde(default)]
    pub venue_id: String,
    /// Vehicles, interpreters and officials (`resource_ids[]`).
    #[serde(default)]
    pub resource_ids: Vec<String>,
    #[serde(default)]
    pub participants: String,
    #[serde(default)]
    pub item_notes: String,
    /// `true` (or a checkbox's `on`) when the officer has seen the clashes and books anyway.
    #[serde(default)]
    pub accept_clashes: Option<String>,
}

impl ItemForm {
    /// Has the officer seen the clashes and chosen to book anyway?
    pub fn accepts_clashes(&self) -> bool {
        self.accept_clashes.as_deref().is_some_and(|v| v == "true" || v == "on")
    }
}

/// A resource as the form sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ResourceForm {
    pub kind: String,
    pub name: String,
    /// Interpreters: the languages they work in besides Chinese (`languages[]`).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub details: String,
    /// Where the programme goes; may be empty.
    #[serde(default)]
    pub email: String,
    /// The language that person reads (Chinese when empty).
    #[serde(default)]
    pub language: String,
    /// The staff account whose calendar feed shows the bookings (its id, or empty).
    #[serde(default)]
    pub user_id: String,
}

/// A gift as the form sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GiftForm {
    pub gift_direction: String,
    pub given_on: String,
    pub gift_description: String,
    #[serde(default)]
    pub value_cny: String,
    #[serde(default)]
    pub giver: String,
    #[serde(default)]
    pub receiver: String,
    #[serde(default)]
    pub disposition: String,
}

/// When an item happens and where: what the clash rule compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue_id: Option<i64>,
}

/// Do two bookings of one resource collide? Intervals are half-open, so an item that starts
/// when the other ends does not. A person or a car moving between two different venues also
/// needs `travel` between the end of one item and the start of the other; a venue does not
/// move, and two items in the same venue need no travel.
pub fn clashes(kind: ResourceKind, a: &Slot, b: &Slot, travel: Duration) -> bool {
    let moves = kind != ResourceKind::Venue && matches!((a.venue_id, b.venue_id), (Some(x), Some(y)) if x != y);
    let gap = if moves { travel } else { Duration::zero() };
    a.starts_at < b.ends_at + gap && b.starts_at < a.ends_at + gap
}

/// The languages members speak (other than Chinese) that no interpreter booked on the item
/// works in; empty for items that need no interpreter.
pub fn language_gaps(item: &Item, members: &[Member]) -> Vec<Locale> {
    if !item.activity.needs_interpreter() {
        return Vec::new();
    }
    let mut spoken: Vec<Locale> = members.iter().map(|m| m.language).filter(|l| *l != Locale::ZhCn).collect();
    spoken.sort_by_key(|l| l.tag());
    spoken.dedup();
    spoken.retain(|l| !item.booked(ResourceKind::Interpreter).any(|i| i.languages.contains(l)));
    spoken
}

/// Countries as stored: ISO codes, comma-separated.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap()
    }

    fn slot(from: (u32, u32), to: (u32, u32), venue: Option<i64>) -> Slot {
        Slot { starts_at: at(from.0, from.1), ends_at: at(to.0, to.1), venue_id: venue }
    }

    #[test]
    fn touching_items_do_not_clash() {
        let a = slot((1, 0), (2, 0), Some(1));
        let b = slot((2, 0), (3, 0), Some(1));
        for kind in ResourceKind::ALL {
            assert!(!clashes(*kind, &a, &b, Duration::minutes(30)), "{kind:?}");
            assert!(!clashes(*kind, &b, &a, Duration::minutes(30)), "{kind:?}");
        }
    }

    #[test]
    fn overlapping_items_clash_for_every_kind() {
        let a = slot((1, 0), (2, 0), Some(1));
        let b = slot((1, 59), (3, 0), Some(1));
        for kind in ResourceKind::ALL {
            assert!(clashes(*kind, &a, &b, Duration::zero()));
        }
        // One inside the other.
        assert!(clashes(
            ResourceKind::Venue,
            &slot((1, 0), (5, 0), None),
            &slot((2, 0), (3, 0), None),
            Duration::zero()
        ));
    }

    #[test]
    fn moving_between_venues_needs_the_travel_buffer() {
        let a = slot((1, 0), (2, 0), Some(1));
        let b = slot((2, 20), (3, 0), Some(2));
        let travel = Duration::minutes(30);
        assert!(clashes(ResourceKind::Interpreter, &a, &b, travel));
        assert!(clashes(ResourceKind::Interpreter, &b, &a, travel));
        assert!(clashes(ResourceKind::Vehicle, &a, &b, travel));
        assert!(clashes(ResourceKind::Official, &a, &b, travel));
        // Exactly the buffer is enough; a venue never travels; the same venue needs none.
        assert!(!clashes(ResourceKind::Interpreter, &a, &slot((2, 30), (3, 0), Some(2)), travel));
        assert!(!clashes(ResourceKind::Venue, &a, &b, travel));
        assert!(!clashes(ResourceKind::Interpreter, &a, &slot((2, 20), (3, 0), Some(1)), travel));
        // Without a known venue on both sides there is no travel to count.
        assert!(!clashes(ResourceKind::Interpreter, &a, &slot((2, 20), (3, 0), None), travel));
    }

    #[test]
    fn the_workflow_allows_only_its_moves() {
        use DelegationStatus::*;
        assert!(Draft.may_move_to(Approved));
        assert!(!Draft.may_move_to(Confirmed));
        assert!(Approved.may_move_to(Confirmed));
        assert!(Confirmed.may_move_to(InProgress));
        assert!(InProgress.may_move_to(Completed));
        assert!(!InProgress.may_move_to(Cancelled));
        assert!(Completed.next().is_empty() && Cancelled.next().is_empty());
        for s in DelegationStatus::ALL {
            assert_eq!(DelegationStatus::parse(s.as_str()), Some(*s));
            assert!(!s.may_move_to(*s), "{s:?} to itself");
        }
        assert!(!Cancelled.books_resources() && Draft.books_resources());
    }

    fn member(language: Locale) -> Member {
        Member {
            id: 1,
            passport_name: "MARTIN Claire".into(),
            chinese_name: String::new(),
            title: String::new(),
            organisation: String::new(),
            language,
            dietary: String::new(),
            passport_number: String::new(),
            passport_masked: true,
        }
    }

    fn interpreter(languages: Vec<Locale>) -> Resource {
        Resource {
            id: 9,
            kind: ResourceKind::Interpreter,
            name: "Wang".into(),
            languages,
            details: String::new(),
            email: String::new(),
            language: Locale::ZhCn,
            user_id: None,
        }
    }

    #[test]
    fn a_language_without_an_interpreter_is_a_gap() {
        let mut item = Item {
            id: 1,
            starts_at: at(1, 0),
            ends_at: at(2, 0),
            activity: Activity::Meeting,
            title_zh: "会见".into(),
            title_foreign: "Rencontre".into(),
            venue_id: None,
            participants: String::new(),
            notes: String::new(),
            resources: vec![interpreter(vec![Locale::En])],
        };
        let members = [member(Locale::Fr), member(Locale::Fr), member(Locale::En), member(Locale::ZhCn)];
        assert_eq!(language_gaps(&item, &members), vec![Locale::Fr]);
        item.resources.push(interpreter(vec![Locale::Fr]));
        assert!(language_gaps(&item, &members).is_empty());
        item.resources.clear();
        item.activity = Activity::Transfer;
        assert!(language_gaps(&item, &members).is_empty());
    }

    #[test]
    fn filters_ignore_what_they_do_not_know() {
        let f = DelegationFilter::from_query(|k| match k {
            "direction" => Some("incoming".into()),
            "status" => Some("lost".into()),
            "year" => Some("2026".into()),
            _ => None,
        });
        assert_eq!(f, DelegationFilter { direction: Some("incoming".into()), status: None, year: Some(2026) });
        assert_eq!(split_list("FR, IT,,UZ"), vec!["FR", "IT", "UZ"]);
    }
}
