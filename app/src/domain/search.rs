//! Substring search on names through an index of short character sequences, so that a
//! search among 100 000 enterprises reads a few index entries instead of every name. Names
//! are lower-cased (all of Unicode, not only ASCII) and split into words; each word is
//! indexed by its character pairs, and its runs without Chinese characters also by their
//! triples (pairs of Latin letters are too common to narrow a search). A query uses the
//! pairs of its words that hold Chinese characters and the triples of the others; the
//! matches are then checked against the whole name, so the index only narrows.

use std::collections::BTreeSet;

/// How a name is kept for checking matches: lower case, one space between words.
pub fn normalize(text: &str) -> String {
    text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn words(text: &str) -> impl Iterator<Item = Vec<char>> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.chars().collect())
}

fn grams(chars: &[char], n: usize, out: &mut BTreeSet<String>) {
    for w in chars.windows(n) {
        out.insert(w.iter().collect());
    }
}

/// The index entries of a record's searchable texts.
pub fn index_terms(texts: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for text in texts {
        for word in words(&normalize(text)) {
            grams(&word, 2, &mut out);
            for run in word.split(|c| is_cjk(*c)) {
                grams(run, 3, &mut out);
            }
        }
    }
    out
}

/// The index entries every match of `query` has, or `None` when the query has a word too
/// short to look up (one character, or two Latin letters are fine but one is not), which
/// then needs a scan.
pub fn query_terms(query: &str) -> Option<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for word in words(&normalize(query)) {
        match (word.iter().any(|c| is_cjk(*c)), word.len()) {
            (_, 0 | 1) => return None,
            (true, _) | (false, 2) => grams(&word, 2, &mut out),
            (false, _) => grams(&word, 3, &mut out),
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(name: &[&str], query: &str) -> bool {
        let index = index_terms(name);
        let text = normalize(&name.join(" "));
        let candidate = query_terms(query).expect("indexable").is_subset(&index);
        // The index never loses a real match.
        if text.contains(&normalize(query)) {
            assert!(candidate, "{query:?} in {name:?}");
        }
        candidate && text.contains(&normalize(query))
    }

    #[test]
    fn chinese_and_latin_names_are_found_by_any_part() {
        let name = ["里尔光华复合材料有限公司", "Lumière Composites SAS"];
        assert!(found(&name, "光华"));
        assert!(found(&name, "复合材料"));
        assert!(found(&name, "LUMIÈRE"));
        assert!(found(&name, "umi"));
        assert!(found(&name, "lumière comp"));
        assert!(found(&name, "sas"));
        assert!(!found(&name, "光明"));
        assert!(!found(&name, "compo lumière"));
    }

    #[test]
    fn latin_inside_chinese_words_is_found() {
        let name = ["ABB精密（厦门）有限公司", ""];
        assert!(found(&name, "abb"));
        assert!(found(&name, "abb精密"));
        assert!(found(&name, "厦门"));
    }

    #[test]
    fn one_character_needs_a_scan() {
        assert_eq!(query_terms("光"), None);
        assert_eq!(query_terms("a"), None);
        assert_eq!(query_terms("  "), None);
        assert_eq!(query_terms("s.a.s"), None);
        assert_eq!(query_terms("ab").map(|t| t.len()), Some(1));
    }
}
