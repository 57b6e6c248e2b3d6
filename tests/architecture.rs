//! The shape of the code, read from its source: the data layer names no area, and no two
//! areas import each other (docs/architecture.md draws the picture).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The areas: each a folder of `app/src` that owns its pages, server functions, service and SQL.
const AREAS: [&str; 11] = [
    "admin",
    "auth",
    "cases",
    "delegations",
    "enterprises",
    "friendship_cities",
    "mail",
    "portal",
    "projects",
    "promotion",
    "service_levels",
];

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

/// The shared layers below the areas name none of them; the shell only `auth`, as the frame
/// shows who is signed in and the areas their role may use.
#[test]
fn the_layers_below_the_areas_name_none() {
    let mut files = Vec::new();
    for dir in ["domain", "shell"] {
        rust_files(&source().join(dir), &mut files);
    }
    for file in ["error.rs", "i18n.rs", "codec.rs", "pickers.rs", "html.rs", "state.rs", "translate.rs", "export.rs"] {
        files.push(source().join(file));
    }
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let mut named = areas_named(&std::fs::read_to_string(f).unwrap());
            if f.starts_with(source().join("shell")) {
                named.remove("auth");
            }
            (!named.is_empty()).then(|| format!("{}: {named:?}", f.display()))
        })
        .collect();
    assert!(offenders.is_empty(), "a shared layer imports from areas:\n{}", offenders.join("\n"));
}

#[test]
fn no_two_areas_import_each_other() {
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
    assert!(imports["cases"].contains("enterprises"), "the imports are read: {imports:?}");
    let circles: Vec<(&str, &str)> = imports
        .iter()
        .flat_map(|(a, named)| named.iter().map(move |b| (*a, *b)))
        .filter(|(a, b)| a < b && imports[b].contains(a))
        .collect();
    assert!(circles.is_empty(), "areas that import each other: {circles:?}");
}

#[test]
fn names_are_matched_whole() {
    assert_eq!(areas_named("use crate::cases::db::tasks;"), BTreeSet::from(["cases"]));
    assert!(areas_named("use crate::cases_archive;").is_empty());
    assert_eq!(areas_named("crate::mail, crate::auth::allows"), BTreeSet::from(["auth", "mail"]));
}
