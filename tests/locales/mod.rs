//! Every locale has every message, with the same variables, and every file parses; every count
//! chooses its plural and renders; French and English are typeset as their readers expect,
//! nothing is left in English by mistake, and the glossary's terms are the ones used. Each
//! check prints, per locale, what it examined and what it found wrong
//! (`make check-locales`).

mod catalogue;
mod glossary;
mod typography;

use fluent_syntax::ast::{Entry, Expression, Message, Pattern, PatternElement, Resource};
use std::collections::BTreeMap;
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

/// Each message of `locale`, with the name of its file.
fn each_message(locale: &str) -> impl Iterator<Item = (String, Message<String>)> {
    resources(locale).into_iter().flat_map(|(file, resource)| {
        resource.body.into_iter().filter_map(move |e| match e {
            Entry::Message(m) => Some((file.clone(), m)),
            _ => None,
        })
    })
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
