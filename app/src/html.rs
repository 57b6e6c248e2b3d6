//! HTML written by hand (the printed programme, e-mails, the pickers drawn once).

/// Text as HTML element content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped() {
        assert_eq!(super::escape("Trinidad & \"Tobago\" <x>"), "Trinidad &amp; &quot;Tobago&quot; &lt;x&gt;");
    }
}
