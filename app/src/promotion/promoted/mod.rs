//! The promoted projects (推介项目库): what the city offers investors, each written in Chinese
//! with English and French beside it, placed on a sub-chain and a segment of its map, with
//! its investment, land, the cooperation it seeks, what the city offers and the officer to
//! contact. A draft is the office's alone; a published project is on the portal's
//! "Investment opportunities", where an investor may express interest: that becomes a lead of
//! the project's officer (`service::express_interest`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use super::Written;
use crate::domain::Locale;
use crate::projects::Wan;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How many projects a page of the list shows (staff and portal).
pub const PER_PAGE: i64 = 30;

crate::codes!(Cooperation {
    JointVenture = "joint_venture",
    WhollyOwned = "wholly_owned",
    Cooperation = "cooperation",
    Open = "open",
});

crate::codes!(PromotedStatus { Draft = "draft", Published = "published" });

crate::codes!(SizeBand { Under100m = "under_100m", From100mTo1b = "100m_1b", Over1b = "over_1b" });

impl SizeBand {
    /// The band's investment in 万元: at least the first, below the second where there is one.
    pub fn bounds(self) -> (i64, Option<i64>) {
        match self {
            SizeBand::Under100m => (0, Some(10_000)),
            SizeBand::From100mTo1b => (10_000, Some(100_000)),
            SizeBand::Over1b => (100_000, None),
        }
    }
}

/// A name of the reference data in the three languages (zh, en, fr).
pub type Names = [String; 3];

/// The name in the reader's language.
pub fn pick(names: &Names, locale: Locale) -> &str {
    match locale {
        Locale::ZhCn => &names[0],
        Locale::En => &names[1],
        Locale::Fr => &names[2],
    }
}

/// A promoted project as its pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromotedProject {
    pub id: i64,
    pub title: Written,
    pub description: Written,
    /// What the city offers (land, premises, incentives), in the three languages.
    pub offer: Written,
    pub chain_id: i64,
    pub sub_chain_id: i64,
    pub sub_chain: Names,
    pub segment_id: Option<i64>,
    pub segment: Option<Names>,
    pub county_id: Option<i64>,
    pub county: Option<Names>,
    pub investment: Wan,
    /// Land in 亩 (mu), when it needs some.
    pub land_mu: Option<i64>,
    pub cooperation: Cooperation,
    pub officer_id: i64,
    pub officer_name: String,
    pub officer_email: String,
    pub status: PromotedStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub version: i32,
}

impl PromotedProject {
    /// The languages its title and description are not written in (the portal's readers of
    /// them see the Chinese, said so).
    pub fn missing_languages(&self) -> Vec<Locale> {
        [Locale::En, Locale::Fr]
            .into_iter()
            .filter(|l| self.title.for_reader(*l).1 != *l || self.description.for_reader(*l).1 != *l)
            .collect()
    }
}

/// How far a promoted project went: the leads it brought and how many of them became a
/// project now signed (signed, started or completed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversion {
    pub leads: i64,
    pub signed: i64,
}

/// A promoted project with what its page shows the staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromotedView {
    pub project: PromotedProject,
    pub conversion: Conversion,
    /// The brochure issues presenting it: (id, number).
    pub brochures: Vec<(i64, i64)>,
    /// Whether the reader may change and publish it (its officer or an admin).
    pub editable: bool,
}

/// The list's filter, as its URL carries it (the portal's too, which shows only the
/// published).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PromotedFilter {
    #[serde(default)]
    pub status: Option<PromotedStatus>,
    /// An industry chain.
    #[serde(default)]
    pub chain: Option<i64>,
    #[serde(default)]
    pub size: Option<SizeBand>,
    /// Words of a title, in any language.
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub page: i64,
}

impl PromotedFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> PromotedFilter {
        let text = |k: &str| get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        PromotedFilter {
            status: text("status").and_then(|s| PromotedStatus::parse(&s)),
            chain: text("chain").and_then(|c| c.parse().ok()),
            size: text("size").and_then(|s| SizeBand::parse(&s)),
            q: text("q"),
            page: text("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        }
    }

    pub fn to_query(&self, page: i64) -> String {
        crate::shell::query_string(&[
            ("status", self.status.map(|s| s.as_str().to_string())),
            ("chain", self.chain.map(|c| c.to_string())),
            ("size", self.size.map(|s| s.as_str().to_string())),
            ("q", self.q.clone()),
            ("page", (page > 0).then(|| page.to_string())),
        ])
    }
}

/// One page of promoted projects, with how many the filter finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromotedPage {
    pub items: Vec<PromotedProject>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The promoted project's form as a browser sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PromotedForm {
    pub title_zh: String,
    pub title_en: String,
    pub title_fr: String,
    pub description_zh: String,
    pub description_en: String,
    pub description_fr: String,
    pub offer_zh: String,
    pub offer_en: String,
    pub offer_fr: String,
    pub sub_chain_id: String,
    pub segment_id: String,
    pub county_id: String,
    /// In 亿元, as the office writes investment.
    pub investment: String,
    pub land_mu: String,
    pub cooperation: String,
    /// Empty: the officer who registers it.
    pub officer_id: String,
}

/// An investor's expression of interest, as the portal's form sends it (every field a
/// string, so that a refused form shows what was typed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterestForm {
    pub company: String,
    pub country: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub message: String,
    /// A field people do not see and robots fill in.
    pub website: String,
}

/// An expression of interest as the lead it became keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enquiry {
    pub promoted_project_id: i64,
    pub company: String,
    pub country: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub language: Locale,
    pub message: String,
    pub created_at: DateTime<Utc>,
}

/// The longest message an expression of interest may carry (characters).
pub const MESSAGE_MAX: usize = 3_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_goes_through_its_url_unchanged() {
        let f = PromotedFilter {
            status: Some(PromotedStatus::Published),
            chain: Some(3),
            size: Some(SizeBand::From100mTo1b),
            q: Some("pharma".into()),
            page: 1,
        };
        let query = f.to_query(1);
        let back = PromotedFilter::from_query(|k| {
            query.split('&').find_map(|p| p.strip_prefix(&format!("{k}="))).map(str::to_string)
        });
        assert_eq!(back, f);
        assert_eq!(PromotedFilter::from_query(|k| (k == "size").then(|| "huge".to_string())).size, None);
    }

    #[test]
    fn size_bands_meet_without_overlapping() {
        assert_eq!(SizeBand::Under100m.bounds().1, Some(SizeBand::From100mTo1b.bounds().0));
        assert_eq!(SizeBand::From100mTo1b.bounds().1, Some(SizeBand::Over1b.bounds().0));
    }
}
