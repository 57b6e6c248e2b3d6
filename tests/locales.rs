//! Every locale has every message, with the same variables, and every file parses; every count
//! chooses its plural and renders; French and English are typeset as their readers expect,
//! nothing is left in English by mistake, and the glossary's terms are the ones used. Each
//! check prints, per locale, what it examined and what it found wrong
//! (`make check-locales`).

use app::translate::fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use app::translate::LanguageIdentifier;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement, Resource, VariantKey};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LOCALES: [&str; 3] = ["zh-CN", "en", "fr"];

/// What one check counted in each locale: the messages (or patterns, or uses of a term) it
/// examined, and how many of them it found wrong. Printed before the check passes or fails, so
/// that a review can say, before and after, what each check counts.
struct Tally {
    check: &'static str,
    counts: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn new(check: &'static str) -> Self {
        Tally { check, counts: BTreeMap::new() }
    }

    /// One more examined in `locale`, found `wrong` or not.
    fn count(&mut self, locale: &str, wrong: bool) {
        let (examined, wrongs) = self.counts.entry(locale.to_string()).or_default();
        *examined += 1;
        *wrongs += usize::from(wrong);
    }

    fn print(&self) {
        for (locale, (examined, wrong)) in &self.counts {
            eprintln!("{}: {locale}: {examined} examined, {wrong} wrong", self.check);
        }
    }
}

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

/// Each Fluent file of `locale`: its name and its text.
fn files(locale: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(locale);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        out.push((file, std::fs::read_to_string(&path).unwrap()));
    }
    out.sort();
    out
}

/// Each Fluent file of `locale`, by file name, parsed (a file that does not parse fails here).
fn resources(locale: &str) -> Vec<(String, Resource<String>)> {
    files(locale)
        .into_iter()
        .map(|(file, text)| {
            let resource = fluent_syntax::parser::parse(text)
                .unwrap_or_else(|(_, errors)| panic!("{locale}/{file} does not parse: {errors:?}"));
            (file, resource)
        })
        .collect()
}

/// The messages of `locale` as the app formats them: one bundle of all its files, without
/// isolation marks around the arguments (a message defined in two files fails here).
fn bundle(locale: &str) -> FluentBundle<FluentResource> {
    let language: LanguageIdentifier = locale.parse().expect("a language tag");
    let mut bundle = FluentBundle::new(vec![language]);
    bundle.set_use_isolating(false);
    for (file, text) in files(locale) {
        let resource = FluentResource::try_new(text)
            .unwrap_or_else(|(_, errors)| panic!("{locale}/{file} does not parse: {errors:?}"));
        bundle.add_resource(resource).unwrap_or_else(|errors| panic!("{locale}/{file}: {errors:?}"));
    }
    bundle
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
    let reference = messages("en");
    assert!(reference.len() > 50, "the English catalogue is loaded");
    let mut tally = Tally::new("ids and variables");
    let mut wrong = Vec::new();
    for locale in LOCALES {
        let msgs = messages(locale);
        for id in reference.keys().filter(|k| !msgs.contains_key(*k)) {
            tally.count(locale, true);
            wrong.push(format!("{locale}: {id} is missing"));
        }
        for (id, vars) in &msgs {
            let fault = match reference.get(id) {
                None => Some(format!("{locale}: {id} is not in English")),
                Some(english) if english != vars => {
                    Some(format!("{locale}: {id} has other variables than English: {vars:?}, not {english:?}"))
                }
                Some(_) => None,
            };
            tally.count(locale, fault.is_some());
            wrong.extend(fault);
        }
    }
    tally.print();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The variables that count something, by name: a sentence around one needs a selector. So does
/// a variable that a message selects on by plural category (`[one]`, `[other]`…) in any locale.
/// Not counts in this sense: `$overdue` and `$at_risk` ("3 overdue", "3 en retard" do not
/// change with the number), `$total` after "of" ("1–20 of 250"), `$planned` and `$limit` of a
/// rule broken (always more than the limit), `$min`, `$max` and `$rating` (fixed numbers, "out
/// of 5"), `$day`, `$month` and `$year` of a date.
const COUNTS: [&str; 7] = ["count", "days", "delegations", "n", "open", "people", "years"];

/// CLDR's plural categories, the keys of a selector that chooses a plural.
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// For each message of `locale` (file:id), the variables it selects on, each with the keys of
/// its variants (a category's name, or a number's digits), in its value and its attributes.
fn selectors(locale: &str) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    fn walk(p: &Pattern<String>, out: &mut BTreeMap<String, Vec<String>>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression: Expression::Select { selector, variants } } = el {
                if let InlineExpression::VariableReference { id } = selector {
                    let keys = variants.iter().map(|v| match &v.key {
                        VariantKey::Identifier { name } => name.clone(),
                        VariantKey::NumberLiteral { value } => value.clone(),
                    });
                    out.entry(id.name.clone()).or_default().extend(keys);
                }
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    for (file, m) in each_message(locale) {
        let mut selects = BTreeMap::new();
        for pattern in m.value.iter().chain(m.attributes.iter().map(|a| &a.value)) {
            walk(pattern, &mut selects);
        }
        out.insert(format!("{file}:{}", m.id.name), selects);
    }
    out
}

/// "3 incoming delegations, 1 visitors": every message with a count, in every locale, is
/// rendered with 0, 1, 2 and 5 of it (its other variables given a text), and renders without a
/// Fluent error. In English and French the count has a selector (Chinese nouns have one form).
/// French counts 0 as singular ("Une délégation reçue" for none): a French selector with a
/// singular variant has its own variant for 0 (`[0]`; French has no `zero` category).
#[test]
fn counts_choose_their_plural_and_french_says_none_for_zero() {
    let selects: BTreeMap<&str, _> = LOCALES.iter().map(|l| (*l, selectors(l))).collect();
    // file:id and variable, where some locale selects a plural on the variable.
    let mut plural = BTreeSet::new();
    for by_message in selects.values() {
        for (key, by_variable) in by_message {
            for (var, keys) in by_variable {
                if keys.iter().any(|k| PLURAL_CATEGORIES.contains(&k.as_str())) {
                    plural.insert((key.clone(), var.clone()));
                }
            }
        }
    }
    let mut tally = Tally::new("counts");
    let mut wrong = Vec::new();
    for locale in LOCALES {
        let bundle = bundle(locale);
        for (key, vars) in messages(locale) {
            let counts: BTreeSet<&String> = vars
                .iter()
                .filter(|v| COUNTS.contains(&v.as_str()) || plural.contains(&(key.clone(), (*v).clone())))
                .collect();
            if counts.is_empty() {
                continue;
            }
            let mut faults = Vec::new();
            let selected = selects[locale].get(&key);
            if locale != "zh-CN" {
                for count in &counts {
                    if !selected.is_some_and(|s| s.contains_key(*count)) {
                        faults.push(format!("{locale}: {key} puts ${count} in a sentence without a selector"));
                    }
                }
            }
            if locale == "fr" {
                for (var, keys) in selected.into_iter().flatten() {
                    if keys.iter().any(|k| k == "one") && !keys.iter().any(|k| k == "0") {
                        faults.push(format!("fr: {key} says the singular for ${var} = 0"));
                    }
                }
            }
            let id = key.split_once(':').map_or(key.as_str(), |(_, id)| id);
            match bundle.get_message(id) {
                None => faults.push(format!("{locale}: {key} is not in the bundle")),
                Some(message) => {
                    let patterns: Vec<_> =
                        message.value().into_iter().chain(message.attributes().map(|a| a.value())).collect();
                    for n in [0, 1, 2, 5] {
                        let mut args = FluentArgs::new();
                        for var in &vars {
                            if counts.contains(var) {
                                args.set(var.as_str(), n);
                            } else {
                                args.set(var.as_str(), format!("‹{var}›"));
                            }
                        }
                        for &pattern in &patterns {
                            let mut errors = Vec::new();
                            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                            if !errors.is_empty() {
                                faults.push(format!("{locale}: {key} with {n}: {errors:?} (\"{text}\")"));
                            }
                        }
                    }
                }
            }
            tally.count(locale, !faults.is_empty());
            wrong.extend(faults);
        }
    }
    tally.print();
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

/// Names and codes that French and Chinese write as English does: other products, a map's data
/// source, file formats, keys, the office clock, an example address and reference number. A
/// message that shows one has not been left in English for it.
const AS_IN_ENGLISH: [&str; 13] = [
    "Apple",
    "CSV",
    "Ctrl",
    "Excel",
    "Google",
    "IP",
    "LN-2026-000123",
    "Mac",
    "Natural Earth",
    "Outlook",
    "UTC+8",
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

/// DOMAIN.md's glossary for the terms readers meet most: where an English message says one of
/// the first spellings, the same message says one of the second in Chinese and one of the third
/// in French (spellings separated by `|`, letter case not compared).
const GLOSSARY: [(&str, &str, &str); 20] = [
    ("liaison officer", "联系干部", "chargé(e) de liaison|chargé de liaison|chargés de liaison"),
    ("green channel", "绿色通道", "procédure accélérée"),
    ("full-process agency", "全程代办", "de bout en bout"),
    ("one-stop", "一站式", "guichet unique"),
    ("reference", "受理编号", "référence"),
    ("access code", "查询码", "code d’accès|codes d’accès"),
    ("at risk|due soon", "即将到期", "échéance proche"),
    ("task", "协调事项", "tâche"),
    ("resolved", "办结", "traité"),
    ("work permit", "工作许可", "permis de travail"),
    ("residence permit", "居留许可", "titre de séjour|titres de séjour"),
    ("credit code", "信用代码", "code unifié de crédit social|code de crédit"),
    (
        "foreign-invested enterprise",
        "外资企业",
        "entreprise à capitaux étrangers|entreprises à capitaux étrangers|entreprise étrangère prioritaire",
    ),
    ("key enterprise|key foreign-invested", "重点", "prioritaire"),
    ("responsible leader|responsible for", "领导|联系的企业", "dirigeant référent"),
    ("incoming delegation", "来访", "délégation reçue|délégations reçues"),
    ("outgoing delegation", "出访", "mission"),
    ("itinerary", "日程", "programme"),
    ("sister cit", "友好城市", "ville jumelée|villes jumelées"),
    ("prospective friendship cit", "意向友好城市", "ville amie pressentie|villes amies pressenties"),
];

/// Renderings a native reader corrected (issue 22), each with what is said instead: the second
/// column appears in no message of the first's locale (letter case not compared). The fourth
/// narrows the rule to the messages whose file:id starts with it; the fifth lists longer words
/// that contain the wrong one and are right (协调事项 is not 事项), or a message (file:id)
/// where it is meant.
#[allow(clippy::type_complexity)]
const FORBIDDEN: [(&str, &str, &str, &str, &[&str]); 42] = [
    // Chinese: one concept, one word.
    ("zh-CN", "任务", "协调事项 (a department's task)", "", &[]),
    ("zh-CN", "事项", "诉求 (a case, in e-mails)", "mail.ftl:", &["协调事项"]),
    ("zh-CN", "编号", "受理编号 (the reference)", "", &["受理编号"]),
    ("zh-CN", "临近到期", "即将到期", "", &[]),
    ("zh-CN", "计时暂停", "暂停计时", "", &[]),
    ("zh-CN", "暂停计算", "暂停计时", "", &[]),
    ("zh-CN", "时限暂停", "暂停计时", "", &["暂停计时"]),
    ("zh-CN", "收受", "受赠 (收受 reads as taking a bribe)", "", &[]),
    ("zh-CN", "接受人", "受赠人", "", &[]),
    ("zh-CN", "首日", "开始日期", "", &[]),
    ("zh-CN", "末日", "结束日期", "", &[]),
    ("zh-CN", "阅读语言", "接收语言", "", &[]),
    ("zh-CN", "沉寂", "长期未联系", "", &[]),
    ("zh-CN", "账户", "账号 (我的账号)", "", &[]),
    ("zh-CN", "“联络”", "联络通 (the product's name)", "", &[]),
    ("zh-CN", "香港", "中国香港", "", &["中国香港"]),
    ("zh-CN", "澳门", "中国澳门", "", &["中国澳门"]),
    ("zh-CN", "台湾", "中国台湾", "", &["中国台湾"]),
    // English: GOV.UK style, one word for one thing.
    ("en", "e-mail", "email", "", &[]),
    ("en", "dealt with", "resolved", "", &[]),
    ("en", "has been handled", "has been resolved", "", &[]),
    ("en", "finished", "resolved", "", &[]),
    ("en", "mission", "outgoing delegation", "", &["submission", "permission"]),
    ("en", "dear ", "Hello (one greeting register)", "", &[]),
    ("en", "around the day", "Date", "", &[]),
    ("en", "most days away", "Maximum number of days abroad", "", &[]),
    ("en", "saved over", "saved despite", "", &[]),
    ("en", "what became of it", "What was done with the gift", "", &[]),
    // French: one word for one thing, the right meaning, a written register.
    ("fr", "e-mail", "courriel", "", &[]),
    ("fr", "adresse électronique", "adresse de courriel", "", &[]),
    ("fr", "voie verte", "traitement prioritaire (a voie verte is a cycle path)", "", &[]),
    ("fr", "responsable hiérarchique", "dirigeant référent", "", &[]),
    ("fr", "licence commerciale", "licence d’exploitation", "", &[]),
    ("fr", "à risque", "échéance proche", "", &[]),
    ("fr", "employé", "salarié", "", &[]),
    ("fr", "il y a du nouveau", "nous vous informons de l’avancement", "", &[]),
    ("fr", "si quelque chose ne convient pas", "si la réponse apportée ne vous donne pas satisfaction", "", &[]),
    ("fr", "a fuité", "a été divulguée", "", &[]),
    ("fr", "matin ouvré", "chaque jour ouvré, le matin", "", &[]),
    ("fr", "le programme part", "le programme est envoyé", "", &[]),
    ("fr", "autour du", "a heading that names its subject", "", &[]),
    ("fr", "autour des", "a heading that names its subject", "", &[]),
];

/// One concept, one word, the glossary's: where English names a term of the glossary, Chinese
/// and French name it as the glossary does; and no message says what a native reader corrected.
#[test]
fn the_glossary_is_followed() {
    // file:id (or file:id.attribute) → what the reader sees of it, in lower case, one line
    // for each piece of text between the placeables.
    let text = |locale: &str| -> BTreeMap<String, String> {
        patterns(locale)
            .into_iter()
            .map(|(id, pattern)| {
                let mut texts = Vec::new();
                text_elements(&pattern, &mut texts);
                let seen = texts.join("\n").to_lowercase();
                (id, seen)
            })
            .collect()
    };
    let text: BTreeMap<&str, BTreeMap<String, String>> = LOCALES.iter().map(|&l| (l, text(l))).collect();
    let mut wrong = Vec::new();
    let mut terms = Tally::new("glossary terms");
    for (id, english) in &text["en"] {
        for (en, zh, fr) in GLOSSARY {
            if !en.split('|').any(|t| english.contains(t)) {
                continue;
            }
            for (locale, wanted) in [("zh-CN", zh), ("fr", fr)] {
                let said =
                    text[locale].get(id).is_some_and(|t| wanted.split('|').any(|w| t.contains(&w.to_lowercase())));
                terms.count(locale, !said);
                if !said {
                    wrong.push(format!("{locale}/{id}: where English says \"{en}\", not \"{wanted}\""));
                }
            }
        }
    }
    let mut forbidden = Tally::new("forbidden renderings");
    for locale in LOCALES {
        for (id, seen) in &text[locale] {
            let mut faults = Vec::new();
            for (rule_locale, bad, instead, only, except) in FORBIDDEN {
                if rule_locale != locale || !id.starts_with(only) || except.contains(&id.as_str()) {
                    continue;
                }
                let mut seen = seen.clone();
                for word in except {
                    seen = seen.replace(&word.to_lowercase(), " ");
                }
                if seen.contains(bad) {
                    faults.push(format!("{locale}/{id}: \"{bad}\", where the glossary says {instead}"));
                }
            }
            forbidden.count(locale, !faults.is_empty());
            wrong.extend(faults);
        }
    }
    terms.print();
    forbidden.print();
    assert!(wrong.is_empty(), "{} off the glossary:\n{}", wrong.len(), wrong.join("\n"));
}
