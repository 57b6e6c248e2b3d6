//! A year's figures: delegations and people received and sent, by month and by country.

use super::Direction;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// The delegations received and sent among `delegations`, and their people.
pub fn totals(delegations: &[Counted]) -> (Count, Count) {
    let (mut incoming, mut outgoing) = (Count::default(), Count::default());
    for d in delegations {
        if d.direction == Direction::Incoming { &mut incoming } else { &mut outgoing }.add(d.members);
    }
    (incoming, outgoing)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
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
}
