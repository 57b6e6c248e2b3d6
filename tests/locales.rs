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
