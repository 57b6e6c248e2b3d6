//! Translations on the server, outside any page: export headers now, e-mails later. The same
//! Fluent files as the interface, looked up in a language chosen by the caller.

use crate::domain::Locale;
pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // Plain text: no bidi isolation marks in files and mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language(locale: Locale) -> LanguageIdentifier {
    locale.tag().parse().unwrap_or_default()
}

/// The message `id` in `locale` (English when the locale lacks it).
pub fn t(locale: Locale, id: &str) -> String {
    LOCALES.lookup(&language(locale), id)
}

/// The message `id` in `locale` with its arguments (`{ $name }` and so on).
pub fn t_args(locale: Locale, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
        args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), v.clone())).collect();
    LOCALES.lookup_with_args(&language(locale), id, &args)
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
