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
//!
//! The rows of the longest lists are drawn by the server as `inner_html`, which the browser
//! keeps as it is when it hydrates: it never reads them back. They are [`DrawnRows`]: whole in
//! a server function's answer (a page drawn in the browser after a click needs them), only
//! their number in the page's hydration data, which halves a list's page.

use base64::Engine;
use leptos::prelude::Resource;
use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;
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
        HYDRATION.with(|h| h.set(true));
        let json = serde_json::to_vec(val);
        HYDRATION.with(|h| h.set(false));
        Ok(BASE64.encode(json?))
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

thread_local! {
    /// Set while `Packed` writes a value into a page's hydration data (encoding is synchronous:
    /// nothing else runs on the thread meanwhile).
    static HYDRATION: Cell<bool> = const { Cell::new(false) };
}

fn hydrating() -> bool {
    HYDRATION.with(Cell::get)
}

/// A list's rows drawn as `inner_html`: in the hydration data only their number, so that the
/// page's other parts (the pager, "none found") are the same on both sides. Only for a
/// resource that no view draws again unless the rows are fetched again (a list page's own
/// page of results): drawn again from a hydrated value, the table would be empty. A panel
/// inside a page that is drawn again after other changes keeps its rows whole (`into_rows`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DrawnRows<T> {
    rows: Vec<T>,
    len: usize,
}

impl<T> DrawnRows<T> {
    pub fn new(rows: Vec<T>) -> Self {
        DrawnRows { len: rows.len(), rows }
    }

    /// How many rows there are, on either side.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The rows: none in a page the browser hydrated (it already shows them).
    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    pub fn into_rows(self) -> Vec<T> {
        self.rows
    }
}

impl<T: Serialize> Serialize for DrawnRows<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if hydrating() {
            s.serialize_u64(self.len as u64)
        } else {
            self.rows.serialize(s)
        }
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for DrawnRows<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Wire<T> {
            Len(usize),
            Rows(Vec<T>),
        }
        Ok(match Wire::deserialize(d)? {
            Wire::Len(len) => DrawnRows { rows: Vec::new(), len },
            Wire::Rows(rows) => DrawnRows::new(rows),
        })
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

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Page {
        items: DrawnRows<Row>,
        total: i64,
    }

    fn page() -> Page {
        let row = Row { name: "帕多瓦".into(), original: "Padova".into(), n: 1 };
        Page { items: DrawnRows::new(vec![row]), total: 7 }
    }

    #[test]
    fn drawn_rows_reach_a_hydrating_page_as_their_number_and_a_server_answer_whole() {
        let hydrated = <Packed as Decoder<Page>>::decode(&<Packed as Encoder<Page>>::encode(&page()).unwrap()).unwrap();
        assert_eq!((hydrated.items.len(), hydrated.items.rows().len(), hydrated.total), (1, 0, 7));
        // A server function's answer (plain JSON), after a page's encoding on the same thread.
        let answered: Page = serde_json::from_str(&serde_json::to_string(&page()).unwrap()).unwrap();
        assert_eq!(answered, page());
    }

    #[test]
    fn damaged_data_is_an_error_not_a_value() {
        assert!(<Packed as Decoder<Row>>::decode("not base64!").is_err());
        let not_a_row = BASE64.encode(b"{\"name\":1}");
        assert!(<Packed as Decoder<Row>>::decode(&not_a_row).is_err());
    }
}
