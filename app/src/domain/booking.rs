//! A booking clash: one resource booked by two itinerary items whose times collide. It lives
//! here, below the areas, because the error type carries the clashes of a refused booking
//! (`AppError::BookingClashes`) back to the form that shows them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a bookable resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Venue,
    Vehicle,
    Interpreter,
    Official,
}

impl ResourceKind {
    pub const ALL: &'static [ResourceKind] =
        &[ResourceKind::Venue, ResourceKind::Vehicle, ResourceKind::Interpreter, ResourceKind::Official];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Venue => "venue",
            ResourceKind::Vehicle => "vehicle",
            ResourceKind::Interpreter => "interpreter",
            ResourceKind::Official => "official",
        }
    }

    pub fn parse(s: &str) -> Option<ResourceKind> {
        ResourceKind::ALL.iter().copied().find(|v| v.as_str() == s.trim())
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

#[cfg(test)]
mod tests {
    use super::ResourceKind;

    #[test]
    fn a_resource_kind_is_read_back_from_its_code() {
        for kind in ResourceKind::ALL {
            assert_eq!(ResourceKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(ResourceKind::parse(" vehicle "), Some(ResourceKind::Vehicle));
        assert_eq!(ResourceKind::parse("boat"), None);
    }
}
