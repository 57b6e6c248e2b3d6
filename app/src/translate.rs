//! Translations on the server, outside any page: export headers now, e-mails later. The same
//! Fluent files as the interface, looked up in a language chosen by the caller.

use crate::domain::Locale;
pub use fluent_templates::fluent_bundle::FluentValue;
/// Fluent itself and its language tags, for the locale tests that render every message
/// (tests/locales/catalogue.rs) with the same crate as the app.
pub use fluent_templates::{fluent_bundle, LanguageIdentifier};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // Plain text: no bidi isolation marks in files and mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language(locale: Locale) -> &'static LanguageIdentifier {
    static LANGUAGES: LazyLock<[LanguageIdentifier; 3]> =
        LazyLock::new(|| Locale::ALL.map(|l| l.tag().parse().unwrap_or_default()));
    &LANGUAGES[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)]
}

/// The message `id` in `locale` (English when the locale lacks it). Looked up in the
/// language's own bundle, then English: no language negotiation per message.
pub fn t(locale: Locale, id: &str) -> String {
    t_map(locale, id, &HashMap::new())
}

/// The message `id` in `locale` with its arguments (`{ $name }` and so on).
pub fn t_args(locale: Locale, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
        args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), v.clone())).collect();
    t_map(locale, id, &args)
}

/// `t_args` with the arguments already in a map (as `tr!` builds them).
pub fn t_map(locale: Locale, id: &str, args: &HashMap<Cow<'static, str>, FluentValue<'_>>) -> String {
    let args = (!args.is_empty()).then_some(args);
    LOCALES
        .lookup_single_language(language(locale), id, args)
        .or_else(|_| LOCALES.lookup_single_language(language(Locale::En), id, args))
        .unwrap_or_else(|_| format!("Unknown localization {id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_come_in_the_asked_language() {
        assert_eq!(t(Locale::Fr, "field-country"), "Pays d’origine");
        assert_eq!(t(Locale::ZhCn, "field-country"), "来源国家（地区）");
        assert_eq!(t(Locale::En, "field-country"), "Country of origin");
    }
}
