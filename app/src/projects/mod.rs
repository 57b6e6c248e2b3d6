//! Investment projects (招商项目), from a lead to completion: the stages and which moves
//! between them are allowed, the "three-way" review (三性审查) that must pass before a signing,
//! investment held exactly in 万元, and the start and completion rates of a cohort of signed
//! projects, computed from the log of stage moves (the log, not the current stage, is the
//! source of truth for every rate). The rules are plain functions, tested below; the register
//! that stores projects builds on them.

pub mod api;
pub mod capital;
pub mod chains;
pub mod checks;
pub mod counties;
#[cfg(feature = "ssr")]
pub mod db;
pub mod events;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod figures;
mod filter;
pub mod names;
pub mod pages;
pub mod rates;
#[cfg(feature = "ssr")]
pub mod service;
pub mod tasks;

pub use filter::{ProjectFilter, ProjectSort};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a project stands: lead (线索) → negotiating (洽谈) → signed (签约, the reserve list)
/// → started (开工) → completed (建成/投产); or dropped, with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Lead,
    Negotiating,
    Signed,
    Started,
    Completed,
    Dropped,
}

/// What kind of move one stage to another is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// On along the stages (a lead may be signed without a negotiation of record).
    Forward,
    /// Back one stage (a signing undone, a start found premature): needs a reason.
    Back,
    /// Given up: needs a reason.
    Drop,
    /// A dropped project taken up again at the stage it was dropped from: needs a reason.
    Reopen,
}

impl Move {
    /// Whether the mover must say why.
    pub fn needs_reason(self) -> bool {
        self != Move::Forward
    }
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Lead, Stage::Negotiating, Stage::Signed, Stage::Started, Stage::Completed, Stage::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Lead => "lead",
            Stage::Negotiating => "negotiating",
            Stage::Signed => "signed",
            Stage::Started => "started",
            Stage::Completed => "completed",
            Stage::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }

    /// The move from this stage to `to`, if it is allowed. `dropped_from` is the stage a
    /// dropped project was dropped from (the only one it may be reopened at).
    pub fn move_to(self, to: Stage, dropped_from: Option<Stage>) -> Option<Move> {
        use Stage::*;
        match (self, to) {
            (Dropped, _) => (dropped_from == Some(to) && to != Dropped).then_some(Move::Reopen),
            (Completed, _) => None,
            (_, Dropped) => Some(Move::Drop),
            (Lead, Negotiating | Signed) | (Negotiating, Signed) | (Signed, Started) | (Started, Completed) => {
                Some(Move::Forward)
            }
            (Negotiating, Lead) | (Signed, Negotiating) | (Started, Signed) => Some(Move::Back),
            _ => None,
        }
    }

    /// On the reserve list (储备/签约) or past it: signed, started or completed.
    pub fn is_signed(self) -> bool {
        matches!(self, Stage::Signed | Stage::Started | Stage::Completed)
    }
}

/// The three questions a project must answer before it is signed (三性审查).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// 真实性: the investor and the money are real.
    Authenticity,
    /// 合法性: the project is lawful (land, environment, the industry policy).
    Legality,
    /// 可行性: it can be built and run.
    Feasibility,
}

impl Aspect {
    pub const ALL: [Aspect; 3] = [Aspect::Authenticity, Aspect::Legality, Aspect::Feasibility];

    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Authenticity => "authenticity",
            Aspect::Legality => "legality",
            Aspect::Feasibility => "feasibility",
        }
    }

    pub fn parse(s: &str) -> Option<Aspect> {
        Aspect::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// One recorded review of one aspect, in the order they were recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub aspect: Aspect,
    pub passed: bool,
    pub reviewed_on: NaiveDate,
}

/// The aspects that stand in the way of a signing: those never reviewed, and those whose
/// latest review failed. A failed review is redone, never overridden: only a later review
/// that passes clears it. Empty when the project may be signed.
pub fn blocking_aspects(reviews: &[Review]) -> Vec<Aspect> {
    Aspect::ALL
        .into_iter()
        .filter(|aspect| !reviews.iter().rev().find(|r| r.aspect == *aspect).is_some_and(|r| r.passed))
        .collect()
}

/// An amount of investment in 万元 (ten thousand yuan), held exactly as a whole number:
/// the office reports in 亿元 (10 000 万元) with up to four decimals, and a sum of amounts is
/// never rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Wan(pub i64);

/// 万元 in one 亿元.
const WAN_PER_YI: i64 = 10_000;

impl Wan {
    /// An amount written in 亿元 ("12.5", "0.0375", "1,250"), at most four decimals; `None`
    /// for anything else (a negative amount, too many decimals, a decimal comma, not a number).
    pub fn parse_yi(raw: &str) -> Option<Wan> {
        let s: String = raw.trim().chars().filter(|c| !matches!(c, ' ' | '\u{202F}' | '\u{A0}')).collect();
        let (grouped, fraction) = s.split_once('.').unwrap_or((&s, ""));
        // A comma only groups thousands ("1,250"): "12,5" is refused rather than read as 125,
        // as a reader who writes decimals with a comma would not mean it.
        let mut groups = grouped.split(',');
        let first = groups.next().unwrap_or_default();
        if groups.clone().any(|g| g.len() != 3) || (grouped.contains(',') && !(1..=3).contains(&first.len())) {
            return None;
        }
        let whole: String = grouped.chars().filter(|c| *c != ',').collect();
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(&whole) || !digits(fraction) || fraction.len() > 4 || whole.len() > 12 {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let fraction: i64 = if fraction.is_empty() { 0 } else { format!("{fraction:0<4}").parse().ok()? };
        Some(Wan(whole * WAN_PER_YI + fraction))
    }

    /// In 亿元, without trailing zeros: 125 000 万元 is "12.5", 10 000 is "1".
    pub fn yi(self) -> String {
        let (whole, fraction) = (self.0 / WAN_PER_YI, self.0 % WAN_PER_YI);
        if fraction == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{}", format!("{fraction:04}").trim_end_matches('0'))
        }
    }
}

impl std::iter::Sum for Wan {
    fn sum<I: Iterator<Item = Wan>>(iter: I) -> Wan {
        Wan(iter.map(|w| w.0).sum())
    }
}

/// One move of one project, as the stage log records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedMove {
    pub project_id: i64,
    pub to: Stage,
    pub on: NaiveDate,
}

/// Which signed projects a rate is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cohort {
    /// Those signed in the period (first day and last day included), as they stand at its end.
    SignedBetween(NaiveDate, NaiveDate),
    /// Those on the reserve list or past it on that day (signed, started or completed, not
    /// dropped), as they stand then.
    OnListAt(NaiveDate),
}

/// A cohort's counts and rates: start rate = started ÷ signed, completion rate = completed ÷
/// signed, where "started" counts the completed ones too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rates {
    pub signed: u64,
    pub started: u64,
    pub completed: u64,
}

impl Rates {
    /// The start rate in hundredths of a per cent (9 444 is 94.44 %), rounded half up; `None`
    /// for an empty cohort.
    pub fn start_rate(&self) -> Option<u64> {
        basis_points(self.started, self.signed)
    }

    /// The completion rate, as `start_rate`.
    pub fn completion_rate(&self) -> Option<u64> {
        basis_points(self.completed, self.signed)
    }
}

fn basis_points(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| (part * 20_000 + whole) / (2 * whole))
}

/// The rates of a cohort, from the stage log alone (moves in any order). A project's stage on
/// a day is that of its last move on or before it (the later one of two moves on one day, as
/// they come in the log); a project counts as signed in a period when its first signing is in
/// it, so that a signing undone and redone is not counted twice.
pub fn rates(log: &[LoggedMove], cohort: Cohort) -> Rates {
    let mut by_project: BTreeMap<i64, Vec<&LoggedMove>> = BTreeMap::new();
    for m in log {
        by_project.entry(m.project_id).or_default().push(m);
    }
    let mut out = Rates { signed: 0, started: 0, completed: 0 };
    for moves in by_project.values_mut() {
        moves.sort_by_key(|m| m.on);
        let (member, as_of) = match cohort {
            Cohort::SignedBetween(from, to) => {
                let first_signed = moves.iter().find(|m| m.to == Stage::Signed).map(|m| m.on);
                (first_signed.is_some_and(|d| d >= from && d <= to), to)
            }
            Cohort::OnListAt(day) => (stage_on(moves, day).is_some_and(Stage::is_signed), day),
        };
        if !member {
            continue;
        }
        out.signed += 1;
        match stage_on(moves, as_of) {
            Some(Stage::Started) => out.started += 1,
            Some(Stage::Completed) => {
                out.started += 1;
                out.completed += 1;
            }
            _ => {}
        }
    }
    out
}

/// The stage of a project on a day, from its moves sorted by day.
fn stage_on(moves: &[&LoggedMove], day: NaiveDate) -> Option<Stage> {
    moves.iter().take_while(|m| m.on <= day).last().map(|m| m.to)
}

/// Where the money comes from (资金性质): another province of China (省际内资), abroad (外资,
/// counted in USD), or elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapitalKind {
    Domestic,
    Foreign,
    Other,
}

impl CapitalKind {
    pub const ALL: [CapitalKind; 3] = [CapitalKind::Domestic, CapitalKind::Foreign, CapitalKind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            CapitalKind::Domestic => "domestic",
            CapitalKind::Foreign => "foreign",
            CapitalKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<CapitalKind> {
        CapitalKind::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// How the project came to the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A promotion event: a trade fair, a themed campaign, a roadshow, a forum.
    Event,
    /// A leader's own visit.
    LeaderVisit,
    /// A delegation's outcome.
    Delegation,
    /// The project brochure.
    Brochure,
    /// An enquiry through the portal.
    Portal,
    Other,
}

impl Source {
    pub const ALL: [Source; 6] =
        [Source::Event, Source::LeaderVisit, Source::Delegation, Source::Brochure, Source::Portal, Source::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Event => "event",
            Source::LeaderVisit => "leader_visit",
            Source::Delegation => "delegation",
            Source::Brochure => "brochure",
            Source::Portal => "portal",
            Source::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

/// A line of the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectSummary {
    pub id: i64,
    pub name: String,
    pub investor: String,
    pub industry_chain_id: Option<i64>,
    pub county_id: Option<i64>,
    pub total_investment: Wan,
    pub capital_kind: CapitalKind,
    pub stage: Stage,
    pub stage_on: NaiveDate,
    pub officer_id: i64,
    pub officer_name: String,
}

/// One page of the register, with how many projects the filter finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectPage {
    /// Drawn as `inner_html` (see `codec`).
    pub items: crate::codec::DrawnRows<ProjectSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    /// The total investment of every project the filter finds, exact.
    pub total_investment: Wan,
}

/// A logged move of the project's stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageMove {
    pub from_stage: Option<Stage>,
    pub to_stage: Stage,
    pub moved_on: NaiveDate,
    pub reason: String,
    pub moved_by: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

/// A recorded review, with who made it and what they found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub aspect: Aspect,
    pub passed: bool,
    pub finding: String,
    pub reviewed_on: NaiveDate,
    pub reviewer: Option<String>,
}

/// What is kept of a project beyond its line of the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectDetails {
    pub investor_country: String,
    pub investor_province: String,
    pub source: Source,
    /// The registered enterprise that carries the project, found by its credit code.
    pub enterprise_id: Option<i64>,
    pub enterprise_name: Option<String>,
    /// The promotion event it came from, when its source is one.
    pub event_id: Option<i64>,
    pub event_name: Option<String>,
    /// The delegation's investment lead it came from, when its source is one.
    pub lead: Option<DelegationLead>,
    /// Its sub-chain, within its industry chain.
    pub sub_chain_id: Option<i64>,
    /// The industrial park within the county.
    pub park: String,
    /// A flying-enclave project (飞地项目) is hosted for a partner county, which takes this
    /// share of its revenue in per cent; empty and None for any other project.
    pub enclave_partner: String,
    pub enclave_share_pct: Option<i32>,
    pub leader_id: Option<i64>,
    pub leader_name: Option<String>,
    pub dropped_from: Option<Stage>,
    pub notes: String,
    pub version: i32,
}

/// A delegation's investment lead (an outcome of kind "lead") a project is registered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationLead {
    pub outcome_id: i64,
    pub delegation_id: i64,
    pub delegation_title: String,
    pub description: String,
    /// The credit code of the enterprise the lead names, if any.
    pub credit_code: Option<String>,
}

/// A project with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub summary: ProjectSummary,
    #[serde(flatten)]
    pub details: ProjectDetails,
    pub moves: Vec<StageMove>,
    pub reviews: Vec<ReviewEntry>,
    /// The capital in place, month by month, the latest first.
    pub capital: Vec<capital::CapitalMonth>,
    /// Its health checks and site verifications, the latest first.
    pub checks: Vec<checks::ProjectCheck>,
    /// When a started project is next due a check.
    pub next_check_on: Option<NaiveDate>,
    /// The aspects that stand in the way of a signing (none once each latest review passed).
    pub blocking: Vec<Aspect>,
    /// The stages the reader may move it to now (none unless they may work on it).
    pub next_stages: Vec<Stage>,
    /// Whether the reader may change it: its own officer, or an admin.
    pub editable: bool,
    /// Whether the reader may open the delegation its lead came from.
    pub reads_delegations: bool,
}

/// The project form as a browser sends it (validated by the service).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProjectForm {
    pub name: String,
    pub investor: String,
    #[serde(default)]
    pub investor_country: String,
    #[serde(default)]
    pub investor_province: String,
    #[serde(default)]
    pub industry_chain_id: String,
    /// Within the chain (which it sets when none is chosen).
    #[serde(default)]
    pub sub_chain_id: String,
    #[serde(default)]
    pub county_id: String,
    #[serde(default)]
    pub park: String,
    /// The unified social credit code of the registered enterprise that carries the project.
    #[serde(default)]
    pub credit_code: String,
    /// In 亿元, up to four decimals.
    pub total_investment: String,
    pub capital_kind: String,
    pub source: String,
    /// The promotion event, required when the source is an event.
    #[serde(default)]
    pub event_id: String,
    /// The delegation's investment lead, kept when the source is a delegation.
    #[serde(default)]
    pub delegation_outcome_id: String,
    #[serde(default)]
    pub enclave_partner: String,
    /// The partner county's share of the revenue, in whole per cent.
    #[serde(default)]
    pub enclave_share_pct: String,
    /// Lead (线索) or negotiating (洽谈): a project is signed only after its review.
    #[serde(default)]
    pub stage: String,
    /// The day the project reached that stage (today when empty; an office recording the
    /// projects it already follows gives the day they began).
    #[serde(default)]
    pub since: String,
    #[serde(default)]
    pub leader_id: String,
    #[serde(default)]
    pub notes: String,
}

impl ProjectForm {
    /// The form of a saved project, as its page fills it in for a change (the stage and its
    /// day are moved on their own; the enterprise's code is not sent back).
    pub fn of(p: &Project) -> ProjectForm {
        let id = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
        let (s, d) = (&p.summary, &p.details);
        ProjectForm {
            name: s.name.clone(),
            investor: s.investor.clone(),
            investor_country: d.investor_country.clone(),
            investor_province: d.investor_province.clone(),
            industry_chain_id: id(s.industry_chain_id),
            sub_chain_id: id(d.sub_chain_id),
            county_id: id(s.county_id),
            park: d.park.clone(),
            credit_code: String::new(),
            total_investment: s.total_investment.yi(),
            capital_kind: s.capital_kind.as_str().into(),
            source: d.source.as_str().into(),
            event_id: id(d.event_id),
            delegation_outcome_id: id(d.lead.as_ref().map(|l| l.outcome_id)),
            enclave_partner: d.enclave_partner.clone(),
            enclave_share_pct: d.enclave_share_pct.map(|p| p.to_string()).unwrap_or_default(),
            stage: String::new(),
            since: String::new(),
            leader_id: id(d.leader_id),
            notes: d.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn only_the_stages_next_moves_are_allowed_and_going_back_needs_a_reason() {
        use Stage::*;
        assert_eq!(Lead.move_to(Negotiating, None), Some(Move::Forward));
        assert_eq!(Lead.move_to(Signed, None), Some(Move::Forward), "signed without a negotiation of record");
        assert_eq!(Lead.move_to(Started, None), None, "never started without a signing");
        assert_eq!(Signed.move_to(Completed, None), None, "never completed without a start");
        assert_eq!(Started.move_to(Signed, None), Some(Move::Back));
        assert_eq!(Signed.move_to(Lead, None), None, "back one stage at a time");
        assert_eq!(Started.move_to(Dropped, None), Some(Move::Drop));
        assert_eq!(Completed.move_to(Dropped, None), None, "a completed project stays completed");
        assert_eq!(Dropped.move_to(Signed, Some(Signed)), Some(Move::Reopen));
        assert_eq!(Dropped.move_to(Started, Some(Signed)), None, "reopened where it was dropped");
        assert!(Move::Back.needs_reason() && Move::Drop.needs_reason() && Move::Reopen.needs_reason());
        assert!(!Move::Forward.needs_reason());
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
            assert_eq!(s.move_to(s, Some(s)), None, "{s:?} to itself");
        }
    }

    #[test]
    fn a_project_is_signed_only_when_its_latest_review_of_each_aspect_passed() {
        let review = |aspect, passed, on| Review { aspect, passed, reviewed_on: day(on) };
        assert_eq!(blocking_aspects(&[]), Aspect::ALL.to_vec());
        let mut reviews = vec![
            review(Aspect::Authenticity, true, "2025-03-01"),
            review(Aspect::Legality, false, "2025-03-02"),
            review(Aspect::Feasibility, true, "2025-03-02"),
        ];
        assert_eq!(blocking_aspects(&reviews), vec![Aspect::Legality], "a failed review blocks");
        reviews.push(review(Aspect::Legality, true, "2025-03-20"));
        assert!(blocking_aspects(&reviews).is_empty(), "redone and passed");
        reviews.push(review(Aspect::Feasibility, false, "2025-04-01"));
        assert_eq!(blocking_aspects(&reviews), vec![Aspect::Feasibility], "the latest review counts");
    }

    #[test]
    fn investment_is_held_exactly_in_wan_and_written_in_yi() {
        assert_eq!(Wan::parse_yi("12.5"), Some(Wan(125_000)));
        assert_eq!(Wan::parse_yi(" 1,250 "), Some(Wan(12_500_000)));
        assert_eq!(Wan::parse_yi("0.0375"), Some(Wan(375)));
        assert_eq!(Wan::parse_yi("3."), Some(Wan(30_000)));
        assert_eq!(Wan::parse_yi("1,250.5"), Some(Wan(12_505_000)));
        for bad in
            ["", "-1", "1.23456", "abc", ".5", "1e3", "1.2.3", "9999999999999", "12,5", "1,25", ",250", "1250,000"]
        {
            assert_eq!(Wan::parse_yi(bad), None, "{bad:?}");
        }
        assert_eq!(Wan(125_000).yi(), "12.5");
        assert_eq!(Wan(10_000).yi(), "1");
        assert_eq!(Wan(375).yi(), "0.0375");
        // The model city's trade fair: 93 projects, 132.23 亿元 in all, with no rounding.
        let amounts: Vec<Wan> = (0..93).map(|i| Wan(if i < 92 { 14_218 } else { 14_244 })).collect();
        assert_eq!(amounts.iter().copied().sum::<Wan>().yi(), "132.23");
        let exact: Wan = ["0.1", "0.2"].iter().filter_map(|s| Wan::parse_yi(s)).sum();
        assert_eq!(exact, Wan::parse_yi("0.3").unwrap(), "0.1 + 0.2 is 0.3 here");
    }

    #[test]
    fn the_rates_of_a_cohort_are_counted_from_the_stage_log() {
        use Stage::*;
        let m = |project_id, to, on| LoggedMove { project_id, to, on: day(on) };
        let log = [
            // 1: signed in 2025, started, completed in 2025.
            m(1, Lead, "2024-11-02"),
            m(1, Signed, "2025-02-10"),
            m(1, Started, "2025-05-01"),
            m(1, Completed, "2025-12-20"),
            // 2: signed and started in 2025.
            m(2, Signed, "2025-03-15"),
            m(2, Started, "2025-09-01"),
            // 3: signed in 2025, not started.
            m(3, Negotiating, "2025-01-05"),
            m(3, Signed, "2025-06-30"),
            // 4: signed in 2025, then dropped.
            m(4, Signed, "2025-04-01"),
            m(4, Dropped, "2025-10-01"),
            // 5: signed in 2024, started in 2025: not of 2025's signings.
            m(5, Signed, "2024-12-31"),
            m(5, Started, "2025-01-10"),
            // 6: a signing undone and redone within 2025 counts once.
            m(6, Signed, "2025-07-01"),
            m(6, Negotiating, "2025-07-10"),
            m(6, Signed, "2025-08-01"),
            // 7: a lead only.
            m(7, Lead, "2025-03-03"),
        ];
        let year = Cohort::SignedBetween(day("2025-01-01"), day("2025-12-31"));
        // Signed in 2025: 1, 2, 3, 4, 6 (5 counts); started by year end: 1 (completed) and 2;
        // completed: 1.
        let r = rates(&log, year);
        assert_eq!(r, Rates { signed: 5, started: 2, completed: 1 });
        assert_eq!((r.start_rate(), r.completion_rate()), (Some(4_000), Some(2_000)));
        // On the list on 2025-09-30: 1, 2, 3, 4 (not yet dropped), 5, 6; started then: 1, 2, 5.
        let r = rates(&log, Cohort::OnListAt(day("2025-09-30")));
        assert_eq!(r, Rates { signed: 6, started: 3, completed: 0 });
        assert_eq!(r.start_rate(), Some(5_000));
        // On 2025-12-31, 4 is dropped and 1 completed.
        assert_eq!(rates(&log, Cohort::OnListAt(day("2025-12-31"))), Rates { signed: 5, started: 3, completed: 1 });
        // The order of the log does not matter.
        let mut reversed = log.to_vec();
        reversed.reverse();
        assert_eq!(rates(&reversed, year), rates(&log, year));
        // The model city's year: 666 on the list, 629 started, 333 completed.
        let r = Rates { signed: 666, started: 629, completed: 333 };
        assert_eq!((r.start_rate(), r.completion_rate()), (Some(9_444), Some(5_000)));
        assert_eq!(Rates { signed: 0, started: 0, completed: 0 }.start_rate(), None);
    }
}
