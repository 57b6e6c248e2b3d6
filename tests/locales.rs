//! Every locale has every message, with the same variables, and every file parses; French and
//! English are typeset as their readers expect, and nothing is left in English by mistake.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement, Resource};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LOCALES: [&str; 3] = ["zh-CN", "en", "fr"];

fn variables(p: &Pattern<String>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<String>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<String>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// Each Fluent file of `locale`, by file name, parsed (a file that does not parse fails here).
fn resources(locale: &str) -> Vec<(String, Resource<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(locale);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{locale}/{file} does not parse: {errors:?}"));
        out.push((file, resource));
    }
    out
}

/// Each message of `locale`, with the name of its file.
fn each_message(locale: &str) -> impl Iterator<Item = (String, Message<String>)> {
    resources(locale).into_iter().flat_map(|(file, resource)| {
        resource.body.into_iter().filter_map(move |e| match e {
            Entry::Message(m) => Some((file.clone(), m)),
            _ => None,
        })
    })
}

/// file/message id → its variables, for one locale.
fn messages(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (file, m) in each_message(locale) {
        let mut vars = BTreeSet::new();
        if let Some(v) = &m.value {
            variables(v, &mut vars);
        }
        for a in &m.attributes {
            variables(&a.value, &mut vars);
        }
        let key = format!("{file}:{}", m.id.name);
        assert!(out.insert(key.clone(), vars).is_none(), "{locale}: {key} defined twice");
    }
    out
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let all: Vec<_> = LOCALES.iter().map(|l| (l, messages(l))).collect();
    let reference = &all[1].1;
    assert!(reference.len() > 50, "the English catalogue is loaded");
    for (locale, msgs) in &all {
        let missing: Vec<_> = reference.keys().filter(|k| !msgs.contains_key(*k)).collect();
        let extra: Vec<_> = msgs.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{locale}: missing {missing:?}, extra {extra:?}");
        for (id, vars) in msgs {
            assert_eq!(vars, &reference[id], "{locale}: {id} has other variables than English");
        }
    }
}

/// The variables that count something, by name: a sentence around one needs a selector.
const COUNTS: [&str; 5] = ["count", "delegations", "people", "open", "years"];

/// Each message of `locale` (file:id) → for each variable it selects on, the keys of its
/// variants; and the variables it uses at all.
fn selectors(locale: &str) -> Vec<(String, BTreeMap<String, Vec<String>>, BTreeSet<String>)> {
    fn walk(p: &Pattern<String>, out: &mut BTreeMap<String, Vec<String>>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression: Expression::Select { selector, variants } } = el {
                if let InlineExpression::VariableReference { id } = selector {
                    let keys = variants.iter().map(|v| format!("{:?}", v.key)).collect::<Vec<_>>();
                    out.entry(id.name.clone()).or_default().extend(keys);
                }
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for (_, m) in each_message(locale) {
        let (mut selects, mut vars) = (BTreeMap::new(), BTreeSet::new());
        if let Some(v) = &m.value {
            walk(v, &mut selects);
            variables(v, &mut vars);
        }
        out.push((m.id.name.clone(), selects, vars));
    }
    out
}

/// "3 incoming delegations, 1 visitors": in English and French every count is a selector.
/// French counts 0 as singular ("Une délégation reçue" for none): a French selector with a
/// singular variant has its own variant for 0.
#[test]
fn counts_choose_their_plural_and_french_says_none_for_zero() {
    let mut wrong = Vec::new();
    for locale in ["en", "fr"] {
        for (id, selects, vars) in selectors(locale) {
            for count in COUNTS.iter().filter(|c| vars.contains(**c)) {
                if !selects.contains_key(*count) {
                    wrong.push(format!("{locale}: {id} puts ${count} in a sentence without a selector"));
                }
            }
            if locale == "fr" {
                for (var, keys) in &selects {
                    let has = |k: &str| keys.iter().any(|key| key.contains(k));
                    if has("\"one\"") && !keys.iter().any(|key| key.contains("NumberLiteral") && key.contains("\"0\""))
                    {
                        wrong.push(format!("fr: {id} says the singular for ${var} = 0"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Labels that French spells as English does ("Date", "Programme", "Visa", and "Liaison", the
/// product's name): a French message that is one of these words is translated, not forgotten.
/// Chinese has no such words: any Chinese message equal to the English one is untranslated.
const FRENCH_AS_IN_ENGLISH: [&str; 22] = [
    "Action",
    "Actions",
    "Agriculture",
    "Banquet",
    "Code",
    "Culture",
    "Date",
    "Dates",
    "Description",
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
    "Type",
    "Visa",
];

/// Each pattern of `locale`, named `file:id` for a message's value, `file:id.attribute` for an
/// attribute.
fn patterns(locale: &str) -> Vec<(String, Pattern<String>)> {
    let mut out = Vec::new();
    for (file, m) in each_message(locale) {
        let id = format!("{file}:{}", m.id.name);
        for a in m.attributes {
            out.push((format!("{id}.{}", a.id.name), a.value));
        }
        if let Some(v) = m.value {
            out.push((id, v));
        }
    }
    out
}

/// The text elements of a pattern, those of a selector's variants included: what the reader
/// sees around the placeables, which themselves are not looked into.
fn text_elements<'p>(p: &'p Pattern<String>, out: &mut Vec<&'p str>) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => out.push(value.as_str()),
            PatternElement::Placeable { expression: Expression::Select { variants, .. } } => {
                for v in variants {
                    text_elements(&v.value, out);
                }
            }
            PatternElement::Placeable { .. } => {}
        }
    }
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
/// apostrophe ’, not the typewriter's '. And a French or Chinese page that shows an English
/// sentence has a message nobody translated.
#[test]
fn punctuation_is_typeset_and_no_message_is_left_untranslated() {
    let mut wrong = Vec::new();
    for locale in ["fr", "en"] {
        for (id, pattern) in patterns(locale) {
            let mut texts = Vec::new();
            text_elements(&pattern, &mut texts);
            for text in texts {
                for at in typography_faults(locale, text) {
                    wrong.push(format!("{locale}/{id}: \"…{}…\"", excerpt(text, at)));
                }
            }
        }
    }
    let english: BTreeMap<_, _> = patterns("en").into_iter().collect();
    for locale in ["fr", "zh-CN"] {
        for (id, pattern) in patterns(locale) {
            let mut texts = Vec::new();
            text_elements(&pattern, &mut texts);
            let text = texts.concat();
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let same_word = locale == "fr" && FRENCH_AS_IN_ENGLISH.contains(&text.as_str());
            if english.get(&id) == Some(&pattern) && letters >= 4 && !same_word {
                wrong.push(format!("{locale}/{id}: \"…{}…\" is the English text", excerpt(&text, 0)));
            }
        }
    }
    assert!(wrong.is_empty(), "{} mistyped or untranslated:\n{}", wrong.len(), wrong.join("\n"));
}
