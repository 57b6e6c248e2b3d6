//! Languages in the interface: the leptos-fluent set-up, and locale-aware formatting of
//! dates, numbers and money. The server picks the language (user preference, cookie,
//! Accept-Language, English) and writes it into the `lf-lang` cookie before rendering, so
//! the server render and the browser's hydration always agree.

use crate::domain::Locale;
use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use leptos::prelude::*;
use leptos_fluent::leptos_fluent;

/// The cookie leptos-fluent reads the language from (on the server and in the browser).
pub const LANG_COOKIE: &str = "lf-lang";

#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "../locales",
        default_language: "en",
        // No bidi isolation marks around arguments: all three languages are left-to-right,
        // and the marks would leak into copied text, e-mails and exports.
        customise: |bundle| bundle.set_use_isolating(false),
        #[cfg(not(feature = "ssr"))]
        check_translations: "./src/**/*.rs",
        sync_html_tag_lang: true,
        sync_html_tag_dir: true,
        cookie_name: "lf-lang",
        cookie_attrs: "Path=/; Max-Age=31536000; SameSite=Lax",
        initial_language_from_cookie: true,
        set_language_to_cookie: true,
    }
}

/// The page's language as a `Locale`: the one of a page being rendered outside the app
/// (`with_page_language`), else leptos-fluent's.
pub fn use_locale() -> Locale {
    #[cfg(feature = "ssr")]
    if let Some(l) = PAGE_LANGUAGE.get() {
        return l;
    }
    let i18n = expect_context::<leptos_fluent::I18n>();
    let id = i18n.language.get().id;
    // Called for every message of a page: the language is one of ours, named as we name it.
    match Locale::ALL.into_iter().find(|l| l.tag() == id) {
        Some(l) => l,
        None => Locale::parse(id).unwrap_or(Locale::En),
    }
}

#[cfg(feature = "ssr")]
thread_local! {
    static PAGE_LANGUAGE: std::cell::Cell<Option<Locale>> = const { std::cell::Cell::new(None) };
}

/// Render `page` in `locale` outside the app's router and leptos-fluent provider (the
/// investor's status page): `tr!` and `use_locale` read the language given here. The render
/// runs on this thread to its end (`to_html` does not wait), so the language is kept beside
/// the thread for its length rather than looked up in the reactive context at each message.
#[cfg(feature = "ssr")]
pub fn with_page_language<T>(locale: Locale, page: impl FnOnce() -> T) -> T {
    struct Restore(Option<Locale>);
    impl Drop for Restore {
        fn drop(&mut self) {
            PAGE_LANGUAGE.set(self.0);
        }
    }
    let _restore = Restore(PAGE_LANGUAGE.replace(Some(locale)));
    page()
}

/// One message without arguments, as one call of `tr!` asks for it on the server: formatted
/// once per language for the life of the process (the messages are compiled in), then copied.
#[cfg(feature = "ssr")]
pub struct Message {
    id: &'static str,
    texts: [std::sync::OnceLock<String>; 3],
}

#[cfg(feature = "ssr")]
impl Message {
    pub const fn new(id: &'static str) -> Self {
        Message { id, texts: [const { std::sync::OnceLock::new() }; 3] }
    }

    /// The message in the page's language.
    pub fn text(&self) -> String {
        let locale = use_locale();
        let slot = match locale {
            Locale::ZhCn => 0,
            Locale::En => 1,
            Locale::Fr => 2,
        };
        self.texts[slot].get_or_init(|| crate::translate::t(locale, self.id)).clone()
    }
}

#[cfg(not(feature = "ssr"))]
pub fn message(id: &'static str) -> String {
    expect_context::<leptos_fluent::I18n>().tr(id)
}

/// The message `id` with its arguments in the page's language (see `tr!`).
#[cfg(feature = "ssr")]
pub fn message_with_args(
    id: &'static str,
    args: &std::collections::HashMap<std::borrow::Cow<'static, str>, crate::translate::FluentValue<'_>>,
) -> String {
    crate::translate::t_map(use_locale(), id, args)
}

#[cfg(not(feature = "ssr"))]
pub fn message_with_args(
    id: &'static str,
    args: &std::collections::HashMap<
        std::borrow::Cow<'static, str>,
        leptos_fluent::__reexports::fluent_bundle::FluentValue<'_>,
    >,
) -> String {
    expect_context::<leptos_fluent::I18n>().tr_with_args(id, args)
}

/// The `Set-Cookie` value that remembers a language for a year.
pub fn lang_cookie(locale: Locale) -> String {
    format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag())
}

/// Office time: Asia/Shanghai, UTC+8 all year (no daylight saving since 1991).
fn office_time(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    crate::domain::office_time(at)
}

/// The words and patterns of dates in one language, read from its messages (`dates.ftl`) once
/// for the life of the process (in the browser, of the page): every row of a list shows a
/// date or two, and a Fluent format per date would cost more than the rest of the row.
struct Calendar {
    /// Jan … Dec (`month-short-1` … `month-short-12`).
    months: [String; 12],
    /// Mon … Sun (`weekday-short-1` … `weekday-short-7`).
    weekdays: [String; 7],
    /// `date-pattern`, cut where its day, month and year go.
    date: Vec<Piece>,
    /// `datetime-pattern`, cut where its date and time go.
    datetime: Vec<Piece>,
}

/// A piece of a date pattern: text, or the place of a part of the date.
enum Piece {
    Text(String),
    Day,
    Month,
    Year,
    Date,
    Time,
}

/// The values given to a pattern's variables to find where each goes in the text (characters
/// of the private use area, which no message contains).
const DAY: char = '\u{E000}';
const MONTH: char = '\u{E001}';
const YEAR: char = '\u{E002}';
const DATE: char = '\u{E003}';
const TIME: char = '\u{E004}';

/// A pattern formatted with the marks above, cut at the marks.
fn pieces(formatted: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    for c in formatted.chars() {
        let piece = match c {
            DAY => Piece::Day,
            MONTH => Piece::Month,
            YEAR => Piece::Year,
            DATE => Piece::Date,
            TIME => Piece::Time,
            _ => {
                text.push(c);
                continue;
            }
        };
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        out.push(piece);
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// The message `id` in `locale`, its variables given a mark each: on the server from the
/// messages compiled in (`translate`), whatever the page's language.
#[cfg(feature = "ssr")]
fn calendar_message(locale: Locale, id: &str, args: &[(&str, char)]) -> Option<String> {
    use crate::translate::FluentValue;
    let args: Vec<(&str, FluentValue<'_>)> =
        args.iter().map(|&(name, mark)| (name, FluentValue::from(mark.to_string()))).collect();
    Some(crate::translate::t_args(locale, id, &args))
}

/// The same in the browser, from leptos-fluent's messages (all languages are in the bundle):
/// `None` outside the app's context, where there are none to read.
#[cfg(not(feature = "ssr"))]
fn calendar_message(locale: Locale, id: &str, args: &[(&'static str, char)]) -> Option<String> {
    use leptos_fluent::__reexports::fluent_bundle::FluentValue;
    use leptos_fluent::__reexports::fluent_templates::{loader::Loader, LanguageIdentifier};
    use std::borrow::Cow;
    use std::collections::HashMap;
    let i18n = use_context::<leptos_fluent::I18n>()?;
    let language: LanguageIdentifier = locale.tag().parse().ok()?;
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
        args.iter().map(|&(name, mark)| (Cow::Borrowed(name), FluentValue::from(mark.to_string()))).collect();
    i18n.translations
        .try_with_untracked(|loaders| {
            loaders.iter().find_map(|loader| loader.try_lookup_with_args(&language, id, &args))
        })
        .flatten()
}

/// The message `id` (one without variables) in `locale`, on the server and in the browser
/// alike, for messages named by a code (`dashboard-column-opened`); the id itself when it is
/// missing, which the locale checks do not let happen.
pub fn message_in(locale: Locale, id: &str) -> String {
    calendar_message(locale, id, &[]).unwrap_or_else(|| id.to_string())
}

impl Calendar {
    /// The words and patterns of `locale`, `None` where its messages cannot be read.
    fn read(locale: Locale) -> Option<Calendar> {
        // `tr!(locale, "id")`: the shape of leptos-fluent's `tr!`, so that its translation check
        // sees each of these messages and its variables in every locale.
        macro_rules! tr {
            ($locale:expr, $id:literal) => {
                calendar_message($locale, $id, &[])?
            };
            ($locale:expr, $id:literal, { $($name:literal => $value:expr),* $(,)? }) => {
                calendar_message($locale, $id, &[$(($name, $value)),*])?
            };
        }
        Some(Calendar {
            months: [
                tr!(locale, "month-short-1"),
                tr!(locale, "month-short-2"),
                tr!(locale, "month-short-3"),
                tr!(locale, "month-short-4"),
                tr!(locale, "month-short-5"),
                tr!(locale, "month-short-6"),
                tr!(locale, "month-short-7"),
                tr!(locale, "month-short-8"),
                tr!(locale, "month-short-9"),
                tr!(locale, "month-short-10"),
                tr!(locale, "month-short-11"),
                tr!(locale, "month-short-12"),
            ],
            weekdays: [
                tr!(locale, "weekday-short-1"),
                tr!(locale, "weekday-short-2"),
                tr!(locale, "weekday-short-3"),
                tr!(locale, "weekday-short-4"),
                tr!(locale, "weekday-short-5"),
                tr!(locale, "weekday-short-6"),
                tr!(locale, "weekday-short-7"),
            ],
            date: pieces(&tr!(locale, "date-pattern", { "day" => DAY, "month" => MONTH, "year" => YEAR })),
            datetime: pieces(&tr!(locale, "datetime-pattern", { "date" => DATE, "time" => TIME })),
        })
    }

    /// Dates in numbers (2027-01-1), for a browser render outside the app's context: never
    /// expected, and never kept in place of a language's own.
    fn numeric() -> &'static Calendar {
        static NUMERIC: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        NUMERIC.get_or_init(|| Calendar {
            months: std::array::from_fn(|i| format!("{:02}", i + 1)),
            weekdays: std::array::from_fn(|i| (i + 1).to_string()),
            date: vec![Piece::Year, Piece::Text("-".into()), Piece::Month, Piece::Text("-".into()), Piece::Day],
            datetime: vec![Piece::Date, Piece::Text(" ".into()), Piece::Time],
        })
    }

    /// The date `day` `month0` (0 for January) `year` by `date-pattern`.
    fn write_date(&self, out: &mut String, year: i32, month0: usize, day: u32) {
        use std::fmt::Write as _;
        for piece in &self.date {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Day => {
                    let _ = write!(out, "{day}");
                }
                Piece::Month => out.push_str(self.months.get(month0).map_or("", String::as_str)),
                Piece::Year => {
                    let _ = write!(out, "{year}");
                }
                Piece::Date | Piece::Time => {}
            }
        }
    }
}

/// The words and patterns of dates in `locale`, read the first time they are asked for.
fn calendar(locale: Locale) -> &'static Calendar {
    static CALENDARS: [std::sync::OnceLock<Calendar>; Locale::ALL.len()] =
        [const { std::sync::OnceLock::new() }; Locale::ALL.len()];
    let slot = &CALENDARS[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)];
    if let Some(calendar) = slot.get() {
        return calendar;
    }
    match Calendar::read(locale) {
        Some(calendar) => slot.get_or_init(|| calendar),
        None => Calendar::numeric(),
    }
}

/// A date in the reader's locale (CLDR medium style: `date-pattern`), in office time.
pub fn format_date(at: DateTime<Utc>, locale: Locale) -> String {
    let t = office_time(at);
    let mut out = String::with_capacity(24);
    calendar(locale).write_date(&mut out, t.year(), t.month0() as usize, t.day());
    out
}

/// A table's repeated labels (a status, a type, a badge), each translated once per table
/// instead of once per row: a translation costs a context lookup and a Fluent format, and a
/// list page has fifty rows.
pub struct Labels<K> {
    known: Vec<(K, String)>,
}

impl<K: Copy + PartialEq> Labels<K> {
    pub fn new() -> Self {
        Labels { known: Vec::new() }
    }

    /// The label of `key`, made with `make` the first time.
    pub fn get(&mut self, key: K, make: impl FnOnce(K) -> String) -> String {
        if let Some((_, label)) = self.known.iter().find(|(k, _)| *k == key) {
            return label.clone();
        }
        let label = make(key);
        self.known.push((key, label.clone()));
        label
    }
}

impl<K: Copy + PartialEq> Default for Labels<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// A calendar day (a date without a time, such as a due date) in the reader's locale.
pub fn format_day(day: chrono::NaiveDate, locale: Locale) -> String {
    // Noon in office time is the same day whatever the offset.
    format_date(day.and_hms_opt(4, 0, 0).unwrap_or_default().and_utc(), locale)
}

/// A month (of `day`) in the reader's locale: "2025年3月", "Mar 2025", "mars 2025".
pub fn format_month(day: chrono::NaiveDate, locale: Locale) -> String {
    let name = calendar(locale).months.get(day.month0() as usize).map_or("", String::as_str);
    match locale {
        Locale::ZhCn => format!("{}年{name}", day.year()),
        _ => format!("{name} {}", day.year()),
    }
}

/// The day of the week of a calendar day in the reader's locale (`weekday-short-1` for Monday).
pub fn format_weekday(day: chrono::NaiveDate, locale: Locale) -> &'static str {
    let i = day.weekday().num_days_from_monday() as usize;
    calendar(locale).weekdays.get(i).map_or("", String::as_str)
}

/// A date and time (24-hour clock) in the reader's locale (`datetime-pattern`), in office time.
pub fn format_datetime(at: DateTime<Utc>, locale: Locale) -> String {
    use std::fmt::Write as _;
    let t = office_time(at);
    let calendar = calendar(locale);
    let mut out = String::with_capacity(32);
    for piece in &calendar.datetime {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Date => calendar.write_date(&mut out, t.year(), t.month0() as usize, t.day()),
            Piece::Time => {
                let _ = write!(out, "{:02}:{:02}", t.hour(), t.minute());
            }
            Piece::Day | Piece::Month | Piece::Year => {}
        }
    }
    out
}

/// A number with grouping and `decimals` fraction digits in the reader's locale:
/// 1,234,567.89 (en, zh-CN) or 1 234 567,89 (fr, narrow no-break spaces).
pub fn format_number(value: f64, decimals: usize, locale: Locale) -> String {
    // A whole number is written as one: formatting a float exactly costs a hundred times more.
    let fixed = if decimals == 0 && value.fract() == 0.0 && value.abs() < 9.0e15 {
        (value.abs() as i64).to_string()
    } else {
        format!("{:.*}", decimals, value.abs())
    };
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (fixed.clone(), None),
    };
    let (group, point) = match locale {
        Locale::Fr => ('\u{202F}', ','),
        Locale::En | Locale::ZhCn => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(point);
        out.push_str(&f);
    }
    out
}

/// An amount of money held in minor units (fen, cents), with its currency in the reader's
/// locale: ¥1,234.50 / US$9,200,000.00 (zh-CN), CN¥1,234.50 / $… (en), 1 234,50 CNY (fr).
pub fn format_money(minor_units: i64, currency: &str, locale: Locale) -> String {
    let amount = format_number(minor_units as f64 / 100.0, 2, locale);
    let (sign, digits) = match amount.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", amount.clone()),
    };
    match (locale, currency) {
        (Locale::ZhCn, "CNY") => format!("{sign}¥{digits}"),
        (Locale::ZhCn, "USD") => format!("{sign}US${digits}"),
        (Locale::En, "CNY") => format!("{sign}CN¥{digits}"),
        (Locale::En, "USD") => format!("{sign}${digits}"),
        (Locale::Fr, "EUR") => format!("{sign}{digits}\u{00A0}€"),
        (Locale::Fr, c) => format!("{sign}{digits}\u{00A0}{c}"),
        (_, c) => format!("{sign}{c}\u{00A0}{digits}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[cfg(feature = "ssr")]
    #[test]
    fn one_call_of_a_message_answers_each_page_in_its_own_language() {
        // One call site, kept once per language: a page in French after one in Chinese must
        // not be given the Chinese text it kept.
        let title = || tr!("portal-status-title");
        let expected = |l| crate::translate::t(l, "portal-status-title");
        for l in [Locale::ZhCn, Locale::Fr, Locale::En, Locale::ZhCn, Locale::Fr] {
            assert_eq!(with_page_language(l, title), expected(l), "{l:?}");
        }
        assert_ne!(expected(Locale::Fr), expected(Locale::En));
        // A page's language lasts as long as its render, an inner one as long as its own.
        let (inner, outer) =
            with_page_language(Locale::Fr, || (with_page_language(Locale::ZhCn, use_locale), use_locale()));
        assert_eq!((inner, outer), (Locale::ZhCn, Locale::Fr));
        assert_eq!(PAGE_LANGUAGE.get(), None);
    }

    // The words and patterns of dates are messages (`dates.ftl`), which a test reads as the
    // server does (in the browser they come from the app's context).
    #[cfg(feature = "ssr")]
    #[test]
    fn dates_are_in_office_time_and_the_readers_locale() {
        // 16:30 UTC on 31 December is already New Year's Day in Shanghai.
        let at = Utc.with_ymd_and_hms(2026, 12, 31, 16, 30, 0).unwrap();
        assert_eq!(format_date(at, Locale::ZhCn), "2027年1月1日");
        assert_eq!(format_date(at, Locale::En), "1 Jan 2027");
        assert_eq!(format_date(at, Locale::Fr), "1 janv. 2027");
        assert_eq!(format_datetime(at, Locale::ZhCn), "2027年1月1日 00:30");
        assert_eq!(format_datetime(at, Locale::En), "1 Jan 2027, 00:30");
        assert_eq!(format_datetime(at, Locale::Fr), "1 janv. 2027 à 00:30");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn days_stay_the_same_day() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(format_day(d, Locale::ZhCn), "2026年12月31日");
        assert_eq!(format_day(d, Locale::Fr), "31 déc. 2026");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn months_and_weekdays_are_the_languages_own() {
        let first = |m| chrono::NaiveDate::from_ymd_opt(2027, m, 1).unwrap();
        let months = |l| (1..=12).map(|m| format_day(first(m), l)).collect::<Vec<_>>().join(" | ");
        assert_eq!(
            months(Locale::Fr),
            "1 janv. 2027 | 1 févr. 2027 | 1 mars 2027 | 1 avr. 2027 | 1 mai 2027 | 1 juin 2027 | \
             1 juil. 2027 | 1 août 2027 | 1 sept. 2027 | 1 oct. 2027 | 1 nov. 2027 | 1 déc. 2027"
        );
        assert_eq!(
            months(Locale::En),
            "1 Jan 2027 | 1 Feb 2027 | 1 Mar 2027 | 1 Apr 2027 | 1 May 2027 | 1 Jun 2027 | \
             1 Jul 2027 | 1 Aug 2027 | 1 Sep 2027 | 1 Oct 2027 | 1 Nov 2027 | 1 Dec 2027"
        );
        assert_eq!(format_day(first(10), Locale::ZhCn), "2027年10月1日");
        // 4 January 2027 is a Monday.
        let week = |l| (4..=10).map(|d| format_weekday(first(1).with_day(d).unwrap(), l)).collect::<Vec<_>>().join(" ");
        assert_eq!(week(Locale::ZhCn), "周一 周二 周三 周四 周五 周六 周日");
        assert_eq!(week(Locale::En), "Mon Tue Wed Thu Fri Sat Sun");
        assert_eq!(week(Locale::Fr), "lun. mar. mer. jeu. ven. sam. dim.");
    }

    #[test]
    fn numbers_group_by_locale() {
        assert_eq!(format_number(1234567.891, 2, Locale::En), "1,234,567.89");
        assert_eq!(format_number(1234567.891, 2, Locale::Fr), "1\u{202F}234\u{202F}567,89");
        assert_eq!(format_number(666.0, 0, Locale::ZhCn), "666");
        assert_eq!(format_number(94.44, 2, Locale::Fr), "94,44");
        assert_eq!(format_number(-1000.0, 0, Locale::En), "-1,000");
        assert_eq!(format_number(-0.001, 2, Locale::En), "0.00");
    }

    #[test]
    fn money_follows_the_reader() {
        assert_eq!(format_money(920_000_000, "USD", Locale::En), "$9,200,000.00");
        assert_eq!(format_money(123_450, "CNY", Locale::ZhCn), "¥1,234.50");
        assert_eq!(format_money(123_450, "CNY", Locale::Fr), "1\u{202F}234,50\u{00A0}CNY");
        assert_eq!(format_money(-500, "CNY", Locale::En), "-CN¥5.00");
    }

    #[test]
    fn the_language_cookie_lasts_a_year() {
        assert_eq!(lang_cookie(Locale::Fr), "lf-lang=fr; Path=/; Max-Age=31536000; SameSite=Lax");
    }
}
