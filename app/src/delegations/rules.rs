//! The office's rules for a mission abroad (出访): the limits an admin sets and the check that
//! finds a plan breaking them.

use super::Direction;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
