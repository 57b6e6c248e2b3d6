//! HTML written by hand (the printed programme, e-mails, the pickers drawn once, the rows of
//! the longest lists).

use std::fmt;

/// Text as HTML element content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    Esc(text).to_string()
}

/// Text escaped as it is written: `write!(out, "<td>{}</td>", Esc(name))`.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                _ => "&quot;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped() {
        assert_eq!(super::escape("Trinidad & \"Tobago\" <x>"), "Trinidad &amp; &quot;Tobago&quot; &lt;x&gt;");
        assert_eq!(super::escape("<<&>>"), "&lt;&lt;&amp;&gt;&gt;");
        assert_eq!(super::escape("精密"), "精密");
    }
}
