//! The shape of the code, read from its source: the data layer names no area, and no new
//! circle of imports appears between areas (docs/architecture.md draws the picture).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The areas: each a folder of `app/src` that owns its pages, server functions, service and SQL.
const AREAS: [&str; 9] =
    ["admin", "auth", "cases", "delegations", "enterprises", "friendship_cities", "mail", "portal", "service_levels"];

/// The circles between areas that are known and due to go (issue 23); a new one fails.
const KNOWN_CIRCLES: [(&str, &str); 5] =
    [("admin", "auth"), ("admin", "mail"), ("auth", "delegations"), ("auth", "mail"), ("delegations", "mail")];

fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The areas a piece of source names (`crate::cases`, `crate::cases::db::…`).
fn areas_named(text: &str) -> BTreeSet<&'static str> {
    AREAS
        .into_iter()
        .filter(|a| {
            text.match_indices(&format!("crate::{a}")).any(|(at, m)| {
                let next = text[at + m.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        })
        .collect()
}

#[test]
fn the_data_layer_names_no_area() {
    let mut files = Vec::new();
    rust_files(&source().join("db"), &mut files);
    assert!(files.len() >= 5, "the data layer's files are read: {files:?}");
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let named = areas_named(&std::fs::read_to_string(f).unwrap());
            (!named.is_empty()).then(|| format!("{}: {named:?}", f.display()))
        })
        .collect();
    assert!(offenders.is_empty(), "app/src/db/ imports from areas:\n{}", offenders.join("\n"));
}

#[test]
fn no_new_circle_between_areas() {
    let mut imports: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for area in AREAS {
        let mut files = Vec::new();
        rust_files(&source().join(area), &mut files);
        assert!(!files.is_empty(), "{area} has source files");
        let named = imports.entry(area).or_default();
        for f in files {
            named.extend(areas_named(&std::fs::read_to_string(f).unwrap()).into_iter().filter(|a| *a != area));
        }
    }
    let circles: Vec<(&str, &str)> = imports
        .iter()
        .flat_map(|(a, named)| named.iter().map(move |b| (*a, *b)))
        .filter(|(a, b)| a < b && imports[b].contains(a))
        .collect();
    println!("circles between areas: {} ({circles:?})", circles.len());
    let new: Vec<_> = circles.iter().filter(|c| !KNOWN_CIRCLES.contains(c)).collect();
    assert!(new.is_empty(), "new circles of imports between areas: {new:?}");
    let gone: Vec<_> = KNOWN_CIRCLES.iter().filter(|c| !circles.contains(c)).collect();
    assert!(gone.is_empty(), "circles that are gone: take them off KNOWN_CIRCLES: {gone:?}");
}

#[test]
fn names_are_matched_whole() {
    assert_eq!(areas_named("use crate::cases::db::tasks;"), BTreeSet::from(["cases"]));
    assert!(areas_named("use crate::cases_archive;").is_empty());
    assert_eq!(areas_named("crate::mail, crate::auth::allows"), BTreeSet::from(["auth", "mail"]));
}
