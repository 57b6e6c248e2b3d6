//! The life of a case (诉求/事项), which moves between statuses are allowed, and where a case
//! stands against its deadline.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Submitted,
    Accepted,
    InProgress,
    AwaitingApplicant,
    Resolved,
    Closed,
    Rejected,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 7] = [
        CaseStatus::Submitted,
        CaseStatus::Accepted,
        CaseStatus::InProgress,
        CaseStatus::AwaitingApplicant,
        CaseStatus::Resolved,
        CaseStatus::Closed,
        CaseStatus::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Submitted => "submitted",
            CaseStatus::Accepted => "accepted",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::AwaitingApplicant => "awaiting_applicant",
            CaseStatus::Resolved => "resolved",
            CaseStatus::Closed => "closed",
            CaseStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }

    /// The statuses a case may move to from this one.
    pub fn next(self) -> &'static [CaseStatus] {
        use CaseStatus::*;
        match self {
            Submitted => &[Accepted, Rejected],
            Accepted => &[InProgress, Rejected],
            InProgress => &[AwaitingApplicant, Resolved],
            AwaitingApplicant => &[InProgress],
            // A resolved case may be reopened until it is closed.
            Resolved => &[Closed, InProgress],
            Closed | Rejected => &[],
        }
    }

    pub fn may_move_to(self, to: CaseStatus) -> bool {
        self.next().contains(&to)
    }

    /// Moving here needs a written reason (shown to the applicant).
    pub fn needs_reason(self) -> bool {
        matches!(self, CaseStatus::Rejected | CaseStatus::AwaitingApplicant)
    }

    /// Still being worked (counts for deadlines and the officer's open list).
    pub fn is_open(self) -> bool {
        !matches!(self, CaseStatus::Resolved | CaseStatus::Closed | CaseStatus::Rejected)
    }
}

/// Where a case stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// No deadline recorded.
    None,
    OnTrack,
    /// Due today or on the next working day.
    AtRisk,
    Overdue,
    /// The clock is stopped while the applicant is asked for something.
    Stopped,
    /// Resolved, closed or rejected.
    Finished,
}

impl Deadline {
    /// The state of a case in `status`, due on `due`, seen `today`, when anything due by
    /// `at_risk_until` (the next working day) is at risk.
    pub fn of(status: CaseStatus, due: Option<NaiveDate>, today: NaiveDate, at_risk_until: NaiveDate) -> Deadline {
        match (status, due) {
            (CaseStatus::Resolved | CaseStatus::Closed | CaseStatus::Rejected, _) => Deadline::Finished,
            (CaseStatus::AwaitingApplicant, _) => Deadline::Stopped,
            (_, None) => Deadline::None,
            (_, Some(d)) if d < today => Deadline::Overdue,
            (_, Some(d)) if d <= at_risk_until => Deadline::AtRisk,
            _ => Deadline::OnTrack,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CaseStatus::{self, *};

    #[test]
    fn every_allowed_and_refused_move() {
        let allowed = [
            (Submitted, Accepted),
            (Submitted, Rejected),
            (Accepted, InProgress),
            (Accepted, Rejected),
            (InProgress, AwaitingApplicant),
            (InProgress, Resolved),
            (AwaitingApplicant, InProgress),
            (Resolved, Closed),
            (Resolved, InProgress),
        ];
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                assert_eq!(from.may_move_to(to), allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn rejection_and_requests_for_information_need_a_reason() {
        let needing: Vec<_> = CaseStatus::ALL.into_iter().filter(|s| s.needs_reason()).collect();
        assert_eq!(needing, vec![AwaitingApplicant, Rejected]);
        assert!(Closed.next().is_empty() && Rejected.next().is_empty());
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn deadline_states() {
        use super::Deadline;
        use chrono::NaiveDate;

        fn d(day: u32) -> NaiveDate {
            NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
        }
        // Wednesday 25th; the next working day is Thursday 26th.
        let of = |s, due| Deadline::of(s, due, d(25), d(26));
        assert_eq!(of(CaseStatus::InProgress, Some(d(24))), Deadline::Overdue);
        assert_eq!(of(CaseStatus::InProgress, Some(d(25))), Deadline::AtRisk);
        assert_eq!(of(CaseStatus::Accepted, Some(d(26))), Deadline::AtRisk);
        assert_eq!(of(CaseStatus::Submitted, Some(d(27))), Deadline::OnTrack);
        assert_eq!(of(CaseStatus::AwaitingApplicant, Some(d(20))), Deadline::Stopped);
        assert_eq!(of(CaseStatus::Resolved, Some(d(20))), Deadline::Finished);
        assert_eq!(of(CaseStatus::InProgress, None), Deadline::None);
    }
}
