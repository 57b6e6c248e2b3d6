//! Long pickers: the countries (some 250 options, on the enterprise list's filter and every
//! form that names a country) and the lists of staff (the officers, the leaders). Drawn
//! option by option they were a large part of the enterprise pages' render; here they are
//! written as one string (the countries once per language) and given to the select as its
//! inner HTML. Hydration leaves inner HTML as the server sent it, and a page drawn in the
//! browser sets it from the same text.

use crate::domain::{Country, Locale};
use crate::html::escape;
use std::sync::OnceLock;

/// Every country as an `<option>`, in `locale`'s names and order; `empty` first (value "")
/// when given; the countries whose codes are in `selected` chosen.
pub fn country_options(locale: Locale, empty: Option<&str>, selected: &[&str]) -> String {
    static DRAWN: [OnceLock<String>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match locale {
        Locale::ZhCn => 0,
        Locale::En => 1,
        Locale::Fr => 2,
    };
    let all = DRAWN[slot].get_or_init(|| {
        Country::all_sorted(locale)
            .iter()
            .map(|c| format!("<option value=\"{}\">{}</option>", c.code(), escape(c.name(locale))))
            .collect()
    });
    let mut html = match empty {
        Some(label) => format!("<option value=\"\">{}</option>{all}", escape(label)),
        None => all.clone(),
    };
    for code in selected {
        // Only a code of the list is looked for: what was asked for may be anything.
        if let Ok(country) = Country::parse("country", code) {
            let option = format!("<option value=\"{}\">", country.code());
            html = html.replacen(&option, &format!("<option value=\"{}\" selected>", country.code()), 1);
        }
    }
    html
}

/// A select's options from a list that changes with the data (the officers, the leaders):
/// written as one string too, `empty` first (value "") when given, the option whose value is
/// `selected` chosen. Every label is escaped.
pub fn options_html<'a>(
    empty: Option<&str>,
    items: impl IntoIterator<Item = (i64, &'a str)>,
    selected: Option<i64>,
) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let mut html = String::new();
    if let Some(label) = empty {
        let _ = write!(html, "<option value=\"\">{}</option>", Esc(label));
    }
    for (value, label) in items {
        let chosen = if selected == Some(value) { " selected" } else { "" };
        let _ = write!(html, "<option value=\"{value}\"{chosen}>{}</option>", Esc(label));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_of_the_data_are_escaped_and_the_chosen_one_selected() {
        let html = options_html(Some("Any"), [(3, "王 <伟>"), (7, "Li & Co")], Some(7));
        assert_eq!(
            html,
            "<option value=\"\">Any</option><option value=\"3\">王 &lt;伟&gt;</option>\
             <option value=\"7\" selected>Li &amp; Co</option>"
        );
        assert_eq!(options_html(None, [(1, "A")], None), "<option value=\"1\">A</option>");
    }

    #[test]
    fn every_country_is_offered_once_and_the_chosen_ones_are_selected() {
        let html = country_options(Locale::Fr, Some("Choisir <un> pays"), &["de", "FR", "ZZ\"><script>"]);
        assert!(html.starts_with("<option value=\"\">Choisir &lt;un&gt; pays</option>"), "{html}");
        assert_eq!(html.matches("<option").count(), Country::all_sorted(Locale::Fr).len() + 1);
        assert!(html.contains("<option value=\"DE\" selected>Allemagne</option>"), "{html}");
        assert!(html.contains("<option value=\"FR\" selected>France</option>"));
        assert_eq!(html.matches(" selected").count(), 2, "an unknown code chooses nothing");
        assert!(!html.contains("<script"));
        // In the reader's language and order, and without a first option when none is asked.
        let zh = country_options(Locale::ZhCn, None, &[]);
        assert!(zh.starts_with("<option value=\"") && zh.contains(">德国</option>"), "{zh}");
        assert!(!zh.contains(" selected"));
    }
}
