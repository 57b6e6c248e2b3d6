//! Every locale has every message with the same variables; every count chooses its plural.

use super::{each_message, files, Tally, LOCALES};
use app::translate::fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use app::translate::LanguageIdentifier;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use std::collections::{BTreeMap, BTreeSet};

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
