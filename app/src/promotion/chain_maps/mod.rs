//! The industry-chain maps (产业链图谱): each sub-chain's links, upstream, midstream and
//! downstream, as named segments; the register's enterprises present in each; and the gaps
//! (断点缺项), the segments with none, which the city's promotion aims at. A map is drawn on
//! the server as an SVG diagram with a table beside it that says the same.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::Locale;
use crate::projects::chains::{IndustryChain, SubChain};
use serde::{Deserialize, Serialize};

/// Where a segment sits along its chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    Upstream,
    Midstream,
    Downstream,
}

impl Link {
    pub const ALL: [Link; 3] = [Link::Upstream, Link::Midstream, Link::Downstream];

    pub fn as_str(self) -> &'static str {
        match self {
            Link::Upstream => "upstream",
            Link::Midstream => "midstream",
            Link::Downstream => "downstream",
        }
    }

    pub fn parse(s: &str) -> Option<Link> {
        Link::ALL.into_iter().find(|l| l.as_str() == s.trim())
    }
}

/// A segment of a sub-chain, named in the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub id: i64,
    pub sub_chain_id: i64,
    pub link: Link,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    pub sort_order: i64,
}

impl Segment {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.name_zh,
            Locale::En => &self.name_en,
            Locale::Fr => &self.name_fr,
        }
    }
}

/// An enterprise of the register present in a segment (id 0 and no names for a reader who may
/// not read the register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Present {
    pub enterprise_id: i64,
    pub name_zh: String,
    pub name_original: String,
}

/// A segment with the enterprises present in it; a gap when there are none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MappedSegment {
    pub segment: Segment,
    pub present: Vec<Present>,
    /// How many target firms fit it.
    pub targets: i64,
    /// How many promoted projects aim at it.
    pub promoted: i64,
}

impl MappedSegment {
    pub fn is_gap(&self) -> bool {
        self.present.is_empty()
    }
}

/// One sub-chain's map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainMap {
    pub sub_chain: SubChain,
    pub chain: IndustryChain,
    pub segments: Vec<MappedSegment>,
    /// Whether the reader may change the map.
    pub editable: bool,
}

impl ChainMap {
    /// The segments at `link`, in their order.
    pub fn at(&self, link: Link) -> impl Iterator<Item = &MappedSegment> {
        self.segments.iter().filter(move |s| s.segment.link == link)
    }

    pub fn gaps(&self) -> usize {
        self.segments.iter().filter(|s| s.is_gap()).count()
    }
}

/// A sub-chain's line in the list of maps: how many segments it has and how many are gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapCount {
    pub sub_chain_id: i64,
    pub segments: i64,
    pub gaps: i64,
}
