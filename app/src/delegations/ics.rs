//! A delegation's itinerary as an iCalendar file (RFC 5545), for the calendars of the
//! officials, interpreters and drivers. Times are written in UTC (`…Z`), which every
//! calendar shows in its own zone; texts are escaped and lines folded at 75 octets.

use super::{Delegation, DelegationStatus, Item, ResourceKind};
use crate::domain::Locale;
use chrono::{DateTime, Utc};

/// Escape a TEXT value: backslash, semicolon, comma and line breaks.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets without splitting a UTF-8 character; CRLF after each part.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// One event: an item and the delegation it belongs to.
pub struct Entry<'a> {
    pub delegation_id: i64,
    pub delegation_title: &'a str,
    pub status: DelegationStatus,
    pub item: &'a Item,
}

/// The calendar of one delegation's itinerary; `domain` makes the events' UIDs unique, and
/// `locale` is the reader's language for the descriptions.
pub fn calendar(d: &Delegation, domain: &str, locale: Locale, now: DateTime<Utc>) -> String {
    let entries: Vec<Entry<'_>> = d
        .items
        .iter()
        .map(|item| Entry { delegation_id: d.id, delegation_title: &d.title, status: d.status, item })
        .collect();
    render(&d.title, &entries, domain, locale, now)
}

/// A calendar named `name` of these events. An event keeps its UID wherever it appears (a
/// delegation's file, a personal feed), so calendars update it instead of doubling it.
pub fn render(name: &str, entries: &[Entry<'_>], domain: &str, locale: Locale, now: DateTime<Utc>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Liaison//Delegations//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    // The description's punctuation is the reader's: "Interpreter: A, B", "翻译：甲、乙".
    let (label_separator, list_separator) = (tr!(locale, "label-separator"), tr!(locale, "list-separator"));
    for e in entries {
        let item = e.item;
        let title = if item.title_foreign.is_empty() || locale == Locale::ZhCn {
            item.title_zh.clone()
        } else {
            format!("{} / {}", item.title_zh, item.title_foreign)
        };
        let mut description =
            vec![format!("{}{label_separator}{}", tr!(locale, "delegation-field-title"), e.delegation_title)];
        for (kind, label) in [
            (ResourceKind::Official, tr!(locale, "resource-kind-official")),
            (ResourceKind::Interpreter, tr!(locale, "resource-kind-interpreter")),
            (ResourceKind::Vehicle, tr!(locale, "resource-kind-vehicle")),
        ] {
            let names: Vec<&str> = item.booked(kind).map(|r| r.name.as_str()).collect();
            if !names.is_empty() {
                description.push(format!("{label}{label_separator}{}", names.join(list_separator.as_str())));
            }
        }
        if !item.participants.is_empty() {
            let label = tr!(locale, "item-field-participants");
            description.push(format!("{label}{label_separator}{}", item.participants));
        }
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:delegation-{}-item-{}@{}", e.delegation_id, item.id, domain));
        lines.push(format!("DTSTAMP:{}", stamp(now)));
        lines.push(format!("DTSTART:{}", stamp(item.starts_at)));
        lines.push(format!("DTEND:{}", stamp(item.ends_at)));
        lines.push(format!("SUMMARY:{}", escape(&title)));
        if let Some(venue) = item.venue() {
            lines.push(format!("LOCATION:{}", escape(&venue.name)));
        }
        lines.push(format!("DESCRIPTION:{}", escape(&description.join("\n"))));
        let status = match e.status {
            DelegationStatus::Cancelled => "CANCELLED",
            DelegationStatus::Draft | DelegationStatus::Approved => "TENTATIVE",
            _ => "CONFIRMED",
        };
        lines.push(format!("STATUS:{status}"));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_and_long_lines_folded() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "里尔".repeat(40));
        fold(&long, &mut out);
        for part in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        let unfolded: String = out.replace("\r\n ", "").trim_end().to_string();
        assert_eq!(unfolded, long);
    }
}
