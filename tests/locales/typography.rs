//! French and English typeset as their readers expect, and nothing left in English by mistake.

use super::{patterns, text_elements, Tally};
use std::collections::{BTreeMap, BTreeSet};

/// Labels that French spells as English does ("Date", "Programme", "Visa", and "Liaison", the
/// product's name): a French message that is one of these words is translated, not forgotten.
/// Chinese has no such words: any Chinese message equal to the English one is untranslated.
const FRENCH_AS_IN_ENGLISH: [&str; 24] = [
    "Action",
    "Actions",
    "Agriculture",
    "Banquet",
    "Code",
    "Culture",
    "Date",
    "Dates",
    "Description",
    "Forum",
    "Latitude",
    "Liaison",
    "Longitude",
    "Note",
    "Notes",
    "Organisation",
    "Pages",
    "Participants",
    "Programme",
    "Relation",
    "Sport",
    "Total",
    "Type",
    "Visa",
];

/// Names and codes that French and Chinese write as English does: other products, a map's data
/// source, a ranking of firms, file formats, keys, the office clock, an example address and reference number. A
/// message that shows one has not been left in English for it.
const AS_IN_ENGLISH: [&str; 17] = [
    "Apple",
    "CSV",
    "Ctrl",
    "Excel",
    "Fortune Global 500",
    "Google",
    "IP",
    "LN-2026-000123",
    "Mac",
    "Natural Earth",
    "ODS",
    "Outlook",
    "UTC+8",
    "XLS",
    "XLSX",
    "ics",
    "name@example.com",
];

/// The words of `AS_IN_ENGLISH` ("Natural", "Earth", "name", "example", "com"…).
fn name_words() -> BTreeSet<&'static str> {
    AS_IN_ENGLISH
        .iter()
        .copied()
        .flat_map(|name| name.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The pairs of neighbouring words of a text, each of two letters or more ("the case" and "case
/// reference" in "the case reference 12"), but for the names and codes written as in English.
fn word_pairs(text: &str, names: &BTreeSet<&str>) -> BTreeSet<String> {
    let words: Vec<Option<&str>> = text
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            let word = w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '’' || c == '-');
            (word && !names.contains(w)).then_some(w)
        })
        .collect();
    words.windows(2).filter_map(|pair| Some(format!("{} {}", pair[0]?, pair[1]?))).collect()
}

/// The words in Latin letters (two or more) of a Chinese text, but for the names and codes
/// written as in English.
fn latin_words<'t>(text: &'t str, names: &BTreeSet<&str>) -> Vec<&'t str> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2 && !names.contains(w)).collect()
}

/// Where one text element of `locale` is mistyped, as byte offsets: a straight apostrophe, and
/// in French an ordinary or no-break space (not the narrow one) before `:` `;` `?` `!` `»` or
/// after `«`. A sign that starts the element follows a placeable and is not judged; a `:`
/// before a digit or a `/` is a time or an address, not punctuation.
fn typography_faults(locale: &str, text: &str) -> Vec<usize> {
    let space = |c: Option<char>| matches!(c, Some(' ' | '\u{A0}'));
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 1).map(|&(_, n)| n);
        let wrong = match c {
            '\'' => true,
            _ if locale != "fr" => false,
            ':' if after.is_some_and(|a| a.is_ascii_digit() || a == '/') => false,
            ':' | ';' | '?' | '!' | '»' => space(before),
            '«' => space(after),
            _ => false,
        };
        if wrong {
            out.push(at);
        }
    }
    out
}

/// Up to 20 characters either side of the byte offset `at`, on one line.
fn excerpt(text: &str, at: usize) -> String {
    let start = text[..at].char_indices().rev().nth(19).map_or(0, |(i, _)| i);
    let end = text[at..].char_indices().nth(20).map_or(text.len(), |(i, _)| at + i);
    text[start..end].replace('\n', " ")
}

/// A French reader expects a narrow no-break space before `:` `;` `?` `!` and inside « », which
/// also keeps the sign from starting a line alone; French and English readers expect the curly
/// apostrophe ’, not the typewriter's '. And a French or Chinese page that shows English has a
/// message nobody translated: the whole English message (but for the labels French spells as
/// English does), two English words in a row as the English message has them (a variant of a
/// selector, half a sentence), or in Chinese any word in Latin letters, outside the names and
/// codes every language writes as English does.
#[test]
fn punctuation_is_typeset_and_no_message_is_left_untranslated() {
    let mut wrong = Vec::new();
    let mut typography = Tally::new("typography");
    for locale in ["fr", "en"] {
        for (id, pattern) in patterns(locale) {
            let mut texts = Vec::new();
            text_elements(&pattern, &mut texts);
            let mut faults = Vec::new();
            for text in texts {
                for at in typography_faults(locale, text) {
                    faults.push(format!("{locale}/{id}: \"…{}…\"", excerpt(text, at)));
                }
            }
            typography.count(locale, !faults.is_empty());
            wrong.extend(faults);
        }
    }
    let names = name_words();
    let english: BTreeMap<_, _> = patterns("en").into_iter().collect();
    let mut untranslated = Tally::new("left in English");
    for locale in ["fr", "zh-CN"] {
        for (id, pattern) in patterns(locale) {
            let Some(original) = english.get(&id) else { continue };
            let mut texts = Vec::new();
            text_elements(&pattern, &mut texts);
            let text = texts.concat();
            let mut faults = Vec::new();
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let same_word = locale == "fr" && FRENCH_AS_IN_ENGLISH.contains(&text.as_str());
            if original == &pattern {
                if letters >= 4 && !same_word {
                    faults.push(format!("{locale}/{id}: \"…{}…\" is the English text", excerpt(&text, 0)));
                }
            } else {
                let mut english_texts = Vec::new();
                text_elements(original, &mut english_texts);
                let english_pairs: BTreeSet<String> =
                    english_texts.iter().flat_map(|t| word_pairs(t, &names)).collect();
                for t in &texts {
                    for pair in word_pairs(t, &names) {
                        if english_pairs.contains(&pair) {
                            faults.push(format!("{locale}/{id}: \"{pair}\" is left in English"));
                        }
                    }
                }
            }
            if locale == "zh-CN" {
                for word in latin_words(&text, &names) {
                    faults.push(format!("zh-CN/{id}: \"{word}\" is in Latin letters"));
                }
            }
            untranslated.count(locale, !faults.is_empty());
            wrong.extend(faults);
        }
    }
    typography.print();
    untranslated.print();
    assert!(wrong.is_empty(), "{} mistyped or untranslated:\n{}", wrong.len(), wrong.join("\n"));
}
