//! Every locale has every message, with the same variables, and every file parses.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
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

/// file/message id → its variables, for one locale.
fn messages(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(locale);
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{locale}/{file} does not parse: {errors:?}"));
        for e in resource.body {
            if let Entry::Message(m) = e {
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
        }
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(locale);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        for e in resource.body {
            if let Entry::Message(m) = e {
                let (mut selects, mut vars) = (BTreeMap::new(), BTreeSet::new());
                if let Some(v) = &m.value {
                    walk(v, &mut selects);
                    variables(v, &mut vars);
                }
                out.push((m.id.name.clone(), selects, vars));
            }
        }
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
                    if has("\"one\"") && !keys.iter().any(|key| key.contains("NumberLiteral") && key.contains("\"0\"")) {
                        wrong.push(format!("fr: {id} says the singular for ${var} = 0"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
