//! An instant as it travels to the browser: microseconds since 1970 (UTC), a JSON number.
//! chrono's own form is an RFC 3339 string, written through `fmt` and read back by its
//! general parser: on the list of users, three of them a row were most of the cost of sending
//! the rows to the browser. Use with `#[serde(with = "crate::domain::instant")]` (or
//! `instant::option` for an `Option`).

use chrono::{DateTime, Utc};
use serde::{de, Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i64(at.timestamp_micros())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let micros = i64::deserialize(d)?;
    DateTime::from_timestamp_micros(micros).ok_or_else(|| de::Error::custom("instant out of range"))
}

pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_some(&at.timestamp_micros()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<i64>::deserialize(d)? {
            Some(micros) => DateTime::from_timestamp_micros(micros)
                .map(Some)
                .ok_or_else(|| de::Error::custom("instant out of range")),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeZone, Utc};

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Seen {
        #[serde(with = "super")]
        at: DateTime<Utc>,
        #[serde(with = "super::option")]
        last: Option<DateTime<Utc>>,
    }

    #[test]
    fn an_instant_travels_as_a_number_to_the_microsecond() {
        let at = Utc.with_ymd_and_hms(2026, 12, 4, 9, 30, 1).unwrap() + chrono::Duration::microseconds(250);
        let seen = Seen { at, last: None };
        let json = serde_json::to_string(&seen).unwrap();
        assert_eq!(json, format!("{{\"at\":{},\"last\":null}}", at.timestamp_micros()));
        assert_eq!(serde_json::from_str::<Seen>(&json).unwrap(), seen);
        let later = Seen { at, last: Some(at) };
        assert_eq!(serde_json::from_str::<Seen>(&serde_json::to_string(&later).unwrap()).unwrap(), later);
        assert!(serde_json::from_str::<Seen>("{\"at\":\"2026-12-04T09:30:01Z\",\"last\":null}").is_err());
        assert!(serde_json::from_str::<Seen>(&format!("{{\"at\":{},\"last\":null}}", i64::MAX)).is_err());
    }
}
