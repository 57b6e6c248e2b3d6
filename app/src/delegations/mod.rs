//! Delegations (团组) received and sent: their members, the office's bookable resources
//! (venues, vehicles, interpreters, officials), the itinerary (日程) that books them, and the
//! rule that finds a resource booked twice. The types here are shared by browser and server;
//! the rules are plain functions, unit-tested below.

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
    /// What a bookable resource is.
    ResourceKind { Venue => "venue", Vehicle => "vehicle", Interpreter => "interpreter", Official => "official" }
);

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

/// A resource booked by two items whose times collide: `item_id` of this delegation (0 for
/// an item not saved yet) and the other item, perhaps of another delegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    pub item_id: i64,
    pub resource_id: i64,
    pub resource_name: String,
    pub resource_kind: ResourceKind,
    pub other_item_id: i64,
    pub other_delegation_id: i64,
    pub other_delegation_title: String,
    pub other_title: String,
    pub other_starts_at: DateTime<Utc>,
    pub other_ends_at: DateTime<Utc>,
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
}

/// The office's limits for a mission abroad (set by an admin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissionRules {
    pub max_days: i64,
    pub max_countries: i64,
    pub max_members: i64,
    pub version: i32,
}

codes!(
    /// Which of the mission rules a plan breaks.
    Rule { Days => "days", Countries => "countries", Members => "members" }
);

/// A rule a mission abroad breaks: the limit and what is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleBreach {
    pub rule: Rule,
    pub limit: i64,
    pub planned: i64,
}

/// The rules a mission abroad of these dates, countries and members breaks; none for an
/// incoming delegation. Days count both the first and the last (a trip of 1 to 10 March is
/// ten days).
pub fn breaches(
    rules: &MissionRules,
    direction: Direction,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    countries: usize,
    members: usize,
) -> Vec<RuleBreach> {
    if direction != Direction::Outgoing {
        return Vec::new();
    }
    let days = (ends_on - starts_on).num_days() + 1;
    [
        (Rule::Days, rules.max_days, days),
        (Rule::Countries, rules.max_countries, countries as i64),
        (Rule::Members, rules.max_members, members as i64),
    ]
    .into_iter()
    .filter(|(_, limit, planned)| planned > limit)
    .map(|(rule, limit, planned)| RuleBreach { rule, limit, planned })
    .collect()
}

/// Delegations and people in one direction ("15 delegations, 110 visitors": 批次/人次).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub delegations: i64,
    pub people: i64,
}

impl Count {
    fn add(&mut self, people: i64) {
        self.delegations += 1;
        self.people += people;
    }
}

/// One year's figures: in total, by month (of the first day) and by country, each split
/// into incoming and outgoing. Cancelled delegations do not count; a delegation from two
/// countries counts once for each country but once in the totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statistics {
    pub year: i32,
    pub incoming: Count,
    pub outgoing: Count,
    /// Index 0 is January.
    pub months: Vec<(Count, Count)>,
    /// (country code, incoming, outgoing), most delegations first.
    pub countries: Vec<(String, Count, Count)>,
}

/// What the figures are made of: one delegation's direction, first day, countries and members.
#[derive(Debug, Clone)]
pub struct Counted {
    pub direction: Direction,
    pub starts_on: NaiveDate,
    pub countries: Vec<String>,
    pub members: i64,
}

pub fn statistics(year: i32, delegations: &[Counted]) -> Statistics {
    use chrono::Datelike;
    let mut s = Statistics { year, months: vec![(Count::default(), Count::default()); 12], ..Statistics::default() };
    for d in delegations.iter().filter(|d| d.starts_on.year() == year) {
        let total = if d.direction == Direction::Incoming { &mut s.incoming } else { &mut s.outgoing };
        total.add(d.members);
        let month = &mut s.months[d.starts_on.month0() as usize];
        if d.direction == Direction::Incoming {
            month.0.add(d.members)
        } else {
            month.1.add(d.members)
        }
        let mut seen: Vec<&str> = Vec::new();
        for c in &d.countries {
            if seen.contains(&c.as_str()) {
                continue;
            }
            seen.push(c);
            let i = match s.countries.iter().position(|(code, ..)| code == c) {
                Some(i) => i,
                None => {
                    s.countries.push((c.clone(), Count::default(), Count::default()));
                    s.countries.len() - 1
                }
            };
            let row = &mut s.countries[i];
            if d.direction == Direction::Incoming {
                row.1.add(d.members)
            } else {
                row.2.add(d.members)
            }
        }
    }
    s.countries.sort_by(|a, b| {
        (b.1.delegations + b.2.delegations).cmp(&(a.1.delegations + a.2.delegations)).then_with(|| a.0.cmp(&b.0))
    });
    s
}

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
    /// The statuses the reader may move it to.
    pub next_statuses: Vec<DelegationStatus>,
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

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn missions_abroad_are_held_to_the_rules() {
        let rules = MissionRules { max_days: 10, max_countries: 3, max_members: 6, version: 1 };
        // 1 to 10 March is ten days: within the rule.
        assert!(breaches(&rules, Direction::Outgoing, day(2027, 3, 1), day(2027, 3, 10), 3, 6).is_empty());
        let b = breaches(&rules, Direction::Outgoing, day(2027, 3, 1), day(2027, 3, 11), 4, 6);
        assert_eq!(
            b,
            vec![
                RuleBreach { rule: Rule::Days, limit: 10, planned: 11 },
                RuleBreach { rule: Rule::Countries, limit: 3, planned: 4 }
            ]
        );
        // Received delegations are not missions: no rule applies.
        assert!(breaches(&rules, Direction::Incoming, day(2027, 3, 1), day(2027, 4, 30), 9, 40).is_empty());
    }

    #[test]
    fn a_year_is_counted_in_delegations_and_people() {
        let d = |direction, starts_on, countries: &[&str], members| Counted {
            direction,
            starts_on,
            countries: countries.iter().map(|c| c.to_string()).collect(),
            members,
        };
        let all = [
            d(Direction::Incoming, day(2026, 3, 2), &["FR"], 8),
            d(Direction::Incoming, day(2026, 3, 30), &["IT", "FR"], 5),
            d(Direction::Outgoing, day(2026, 9, 1), &["UZ"], 4),
            // New Year's Eve counts for its year, New Year's Day for the next.
            d(Direction::Incoming, day(2026, 12, 31), &["KR"], 3),
            d(Direction::Incoming, day(2027, 1, 1), &["JP"], 9),
        ];
        let s = statistics(2026, &all);
        assert_eq!(s.incoming, Count { delegations: 3, people: 16 });
        assert_eq!(s.outgoing, Count { delegations: 1, people: 4 });
        assert_eq!(s.months[2].0, Count { delegations: 2, people: 13 });
        assert_eq!(s.months[8].1, Count { delegations: 1, people: 4 });
        assert_eq!(s.months[11].0, Count { delegations: 1, people: 3 });
        assert_eq!(s.countries[0], ("FR".to_string(), Count { delegations: 2, people: 13 }, Count::default()));
        assert!(s.countries.iter().all(|(c, ..)| c != "JP"));
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
