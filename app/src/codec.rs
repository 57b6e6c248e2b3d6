//! How a page's data travels from the server's render to the browser's hydration.
//!
//! Leptos writes each resource's encoded value into the page as a JavaScript string literal,
//! escaping it with Rust's `{:?}`. That escaping copies runs of plain ASCII at once but stops
//! at every quote, backslash and non-ASCII character: JSON has a quote around every key and
//! string, and a page of fifty enterprises or cases carries a few thousand Chinese
//! characters, so on a long list the escaping and the encoding are a good part of the page's
//! cost on the server (docs/benchmark.md has the measures). `Packed` is the same JSON, read by
//! the same `serde_json`, written in base64: no character of it needs escaping, so `{:?}`
//! copies it whole.

use base64::Engine;
use leptos::prelude::Resource;
use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

/// A page's data, as `Resource::new` reads it, travelling `Packed`: every resource of a page
/// is made here.
#[track_caller]
pub fn resource<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, Packed>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// JSON in base64 (see the module's documentation).
pub struct Packed;

const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

impl<T: Serialize> Encoder<T> for Packed {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, Self::Error> {
        Ok(BASE64.encode(serde_json::to_vec(val)?))
    }
}

impl<T: DeserializeOwned> Decoder<T> for Packed {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, Self::Error> {
        let bytes = BASE64.decode(val).map_err(<serde_json::Error as serde::de::Error>::custom)?;
        serde_json::from_slice(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sample of a page's data: text with what JSON and `{:?}` escape, and a number.
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Row {
        name: String,
        original: String,
        n: i64,
    }

    #[test]
    fn text_travels_with_nothing_to_escape_and_comes_back_the_same() {
        let row = Row { name: "帕多瓦精密机械 \"A\"\\".into(), original: "Précision 𝄞 <b>\n".into(), n: -3 };
        let encoded = <Packed as Encoder<Row>>::encode(&row).unwrap();
        // Nothing in it that `{:?}` escapes or that could close a script element.
        assert_eq!(format!("{encoded:?}"), format!("\"{encoded}\""));
        assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{encoded}");
        assert_eq!(<Packed as Decoder<Row>>::decode(&encoded).unwrap(), row);
    }

    #[test]
    fn damaged_data_is_an_error_not_a_value() {
        assert!(<Packed as Decoder<Row>>::decode("not base64!").is_err());
        let not_a_row = BASE64.encode(b"{\"name\":1}");
        assert!(<Packed as Decoder<Row>>::decode(&not_a_row).is_err());
    }
}
