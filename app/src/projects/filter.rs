//! The register's filters and orders, as the query string carries them. The three lists
//! (reserve/signed, started, completed) are the register filtered by stage; the year is the
//! year a project reached the stage it is at, so "started, 2025" is the projects started in
//! 2025 that have not moved on since.

use super::{Source, Stage};
use serde::{Deserialize, Serialize};

/// The order of the register's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSort {
    /// The latest moved first.
    #[default]
    Latest,
    /// The largest investment first.
    Investment,
    /// By name.
    Name,
}

impl ProjectSort {
    pub const ALL: [ProjectSort; 3] = [ProjectSort::Latest, ProjectSort::Investment, ProjectSort::Name];

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectSort::Latest => "latest",
            ProjectSort::Investment => "investment",
            ProjectSort::Name => "name",
        }
    }

    pub fn parse(s: &str) -> Option<ProjectSort> {
        ProjectSort::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectFilter {
    pub stage: Option<Stage>,
    /// The year the project reached its stage.
    pub year: Option<i32>,
    pub industry_chain_id: Option<i64>,
    pub county_id: Option<i64>,
    pub source: Option<Source>,
    pub event_id: Option<i64>,
    pub leader_id: Option<i64>,
    pub officer_id: Option<i64>,
    /// Only the reader's own projects.
    pub mine: bool,
    pub sort: ProjectSort,
    pub page: i64,
}

/// The years a filter may name.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

impl ProjectFilter {
    /// The filter a query string names; what it cannot read is left out, never refused.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ProjectFilter {
        let text = |k: &str| get(k).filter(|s| !s.trim().is_empty());
        let id = |k: &str| text(k).and_then(|s| s.trim().parse::<i64>().ok()).filter(|v| *v > 0);
        ProjectFilter {
            stage: text("stage").and_then(|s| Stage::parse(&s)),
            year: text("year").and_then(|s| s.trim().parse().ok()).filter(|y| YEARS.contains(y)),
            industry_chain_id: id("industry_chain_id"),
            county_id: id("county_id"),
            source: text("source").and_then(|s| Source::parse(&s)),
            event_id: id("event_id"),
            leader_id: id("leader_id"),
            officer_id: id("officer_id"),
            mine: text("mine").as_deref() == Some("true"),
            sort: text("sort").and_then(|s| ProjectSort::parse(&s)).unwrap_or_default(),
            page: text("page").and_then(|s| s.parse().ok()).unwrap_or(0).clamp(0, crate::domain::MAX_PAGE),
        }
    }

    /// The query string for this filter on `page` (without `?`).
    pub fn to_query(&self, page: i64) -> String {
        let id = |v: Option<i64>| v.map(|v| v.to_string());
        crate::shell::query_string(&[
            ("stage", self.stage.map(|s| s.as_str().to_string())),
            ("year", self.year.map(|y| y.to_string())),
            ("industry_chain_id", id(self.industry_chain_id)),
            ("county_id", id(self.county_id)),
            ("source", self.source.map(|s| s.as_str().to_string())),
            ("event_id", id(self.event_id)),
            ("leader_id", id(self.leader_id)),
            ("officer_id", id(self.officer_id)),
            ("mine", self.mine.then(|| "true".into())),
            ("sort", (self.sort != ProjectSort::default()).then(|| self.sort.as_str().to_string())),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_survives_its_query_string_and_ignores_what_it_cannot_read() {
        let f = ProjectFilter {
            stage: Some(Stage::Started),
            year: Some(2025),
            industry_chain_id: Some(4),
            county_id: Some(2),
            source: Some(Source::LeaderVisit),
            event_id: Some(7),
            leader_id: Some(11),
            officer_id: Some(12),
            mine: true,
            sort: ProjectSort::Investment,
            page: 3,
        };
        let query = f.to_query(3);
        let pairs: Vec<(String, String)> =
            query.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let read = ProjectFilter::from_query(|k| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
        assert_eq!(read, f);
        let junk = [("stage", "won"), ("year", "25"), ("county_id", "-1"), ("source", "x"), ("sort", "size")];
        let read = ProjectFilter::from_query(|k| junk.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()));
        assert_eq!(read, ProjectFilter::default());
        assert_eq!(ProjectFilter::default().to_query(0), "");
    }
}
