//! How the long lists' data travels from the server's render to the browser's hydration.
//!
//! Leptos writes each resource's encoded value into the page as a JavaScript string literal,
//! escaping it with Rust's `{:?}`, which looks up every non-ASCII character in Unicode's
//! printable tables. A page of fifty enterprises or cases carries a few thousand Chinese
//! characters, and that lookup was about 6 % of the page's cost on the server. `AsciiJson` is
//! JSON with every non-ASCII character written as a `\u` escape: the same data, decoded by the
//! same `serde_json`, which `{:?}` copies through its ASCII fast path.

use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io;

/// JSON in ASCII alone (see the module's documentation).
pub struct AsciiJson;

impl<T: Serialize> Encoder<T> for AsciiJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, Self::Error> {
        let mut out = Vec::with_capacity(4096);
        val.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Ascii))?;
        String::from_utf8(out).map_err(<serde_json::Error as serde::ser::Error>::custom)
    }
}

impl<T: DeserializeOwned> Decoder<T> for AsciiJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, Self::Error> {
        serde_json::from_str(val)
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// serde_json's compact format, with non-ASCII characters escaped in strings.
struct Ascii;

impl serde_json::ser::Formatter for Ascii {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if c.is_ascii() {
                continue;
            }
            w.write_all(&fragment.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for &unit in c.encode_utf16(&mut units).iter() {
                let hex = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
                w.write_all(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)])?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Row {
        name: String,
        original: String,
        n: i64,
    }

    #[test]
    fn non_ascii_text_travels_as_escapes_and_comes_back_the_same() {
        let row = Row { name: "帕多瓦精密机械 \"A\"".into(), original: "Précision 𝄞 <b>".into(), n: -3 };
        let encoded = <AsciiJson as Encoder<Row>>::encode(&row).unwrap();
        assert!(encoded.is_ascii(), "{encoded}");
        assert!(encoded.contains("\\u5e15"), "{encoded}");
        // A character beyond the basic plane is a surrogate pair, as JSON has it.
        assert!(encoded.contains("\\ud834\\udd1e"), "{encoded}");
        assert_eq!(serde_json::from_str::<Row>(&encoded).unwrap(), row);
        assert_eq!(<AsciiJson as Decoder<Row>>::decode(&encoded).unwrap(), row);
    }
}
