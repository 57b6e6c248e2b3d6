//! Long pickers whose options are the same on every page: the countries (some 250 options,
//! on the enterprise list's filter and every form that names a country). Drawn option by
//! option they were a large part of the enterprise list's render; here they are written once
//! per language and given to the select as its inner HTML. Hydration leaves inner HTML as the
//! server sent it, and a page drawn in the browser sets it from the same text.

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

#[cfg(test)]
mod tests {
    use super::*;

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
