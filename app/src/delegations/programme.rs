//! The printed programme (日程表) of a delegation: one self-contained, print-ready HTML page
//! with the itinerary in Chinese and in the delegation's language side by side: times,
//! places, hosts and interpreters, day by day. Hosts hand it out; nothing on it is internal
//! (no notes, no passport numbers).

use super::{Activity, Delegation, Item, ResourceKind};
use crate::domain::{office_time, Country, Locale};
use crate::html::escape;
use crate::i18n::{format_day, format_weekday};
use chrono::NaiveDate;
use std::fmt::Write;

pub fn activity_name(a: Activity, l: Locale) -> String {
    match a {
        Activity::Meeting => tr!(l, "activity-meeting"),
        Activity::Banquet => tr!(l, "activity-banquet"),
        Activity::SiteVisit => tr!(l, "activity-site-visit"),
        Activity::Signing => tr!(l, "activity-signing"),
        Activity::Transfer => tr!(l, "activity-transfer"),
        Activity::FreeTime => tr!(l, "activity-free-time"),
    }
}

/// The second language of the programme: the one asked for, else the delegation's; never
/// Chinese twice (English then).
pub fn second_language(d: &Delegation, asked: Option<Locale>) -> Locale {
    match asked.unwrap_or(d.language) {
        Locale::ZhCn => Locale::En,
        l => l,
    }
}

/// The names of an item's resources of one kind, listed as language `l` lists them.
fn names(item: &Item, kind: ResourceKind, l: Locale) -> String {
    let separator = tr!(l, "list-separator");
    item.booked(kind).map(|r| r.name.as_str()).collect::<Vec<_>>().join(separator.as_str())
}

/// One language's column for an item.
fn cell(item: &Item, l: Locale) -> String {
    let title = if l == Locale::ZhCn || item.title_foreign.is_empty() { &item.title_zh } else { &item.title_foreign };
    let mut html = format!(
        "<p class=\"activity\">{}</p><p class=\"title\">{}</p>",
        escape(&activity_name(item.activity, l)),
        escape(title)
    );
    let mut line = |label: String, value: String| {
        if !value.is_empty() {
            // Chinese labels end in a full-width colon, which carries its own space.
            let gap = if l == Locale::ZhCn { "" } else { " " };
            let _ = write!(html, "<p><span class=\"label\">{}</span>{gap}{}</p>", escape(&label), escape(&value));
        }
    };
    line(tr!(l, "programme-venue"), item.venue().map(|v| v.name.clone()).unwrap_or_default());
    line(tr!(l, "programme-hosts"), names(item, ResourceKind::Official, l));
    line(tr!(l, "programme-interpreters"), names(item, ResourceKind::Interpreter, l));
    line(tr!(l, "programme-participants"), item.participants.clone());
    html
}

fn day_heading(day: NaiveDate, l: Locale) -> String {
    format!("{} {}", format_day(day, l), format_weekday(day, l))
}

/// The whole page; `foreign` is the second language (see `second_language`).
pub fn render(d: &Delegation, foreign: Locale) -> String {
    let mut body = header(d, foreign);
    let mut days: Vec<NaiveDate> = d.items.iter().map(|i| office_time(i.starts_at).date_naive()).collect();
    days.dedup();
    if days.is_empty() {
        let _ = write!(body, "<p>{}</p>", both(foreign, &|l| tr!(l, "programme-empty")));
    }
    for day in days {
        day_section(d, day, foreign, &mut body);
    }
    if !d.members.is_empty() {
        members_section(d, foreign, &mut body);
    }
    format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} — {label}</title><style>{STYLE}</style></head><body>\
         <nav class=\"no-print\"><a href=\"/delegations/{id}\">{back}</a> {switch}</nav>{body}\
         <footer><p>{printed}</p></footer></body></html>",
        title = escape(&d.title),
        label = escape(&tr!(foreign, "programme-title")),
        id = d.id,
        back = both(foreign, &|l| tr!(l, "programme-back")),
        switch = language_switch(d, foreign),
        printed = both(foreign, &|l| tr!(l, "programme-footer")),
    )
}

/// A text in Chinese and in `foreign`, side by side.
fn both(foreign: Locale, f: &dyn Fn(Locale) -> String) -> String {
    format!(
        "<span lang=\"zh-CN\">{}</span><span class=\"sep\"> · </span><span lang=\"{}\">{}</span>",
        escape(&f(Locale::ZhCn)),
        foreign.tag(),
        escape(&f(foreign))
    )
}

/// The page's header: the programme's title, the delegation's, its dates, countries and
/// organisation.
fn header(d: &Delegation, foreign: Locale) -> String {
    let countries = |l: Locale| {
        let separator = tr!(l, "list-separator");
        d.countries
            .iter()
            .map(|c| Country::parse("c", c).map(|c| c.name(l).to_string()).unwrap_or_else(|_| c.clone()))
            .collect::<Vec<_>>()
            .join(separator.as_str())
    };
    let dates = |l: Locale| {
        if d.starts_on == d.ends_on {
            format_day(d.starts_on, l)
        } else {
            tr!(l, "programme-dates", { "from" => format_day(d.starts_on, l), "to" => format_day(d.ends_on, l) })
        }
    };
    format!(
        "<header><p class=\"kicker\">{}</p><h1>{}</h1><p>{}</p><p>{}</p>{}</header>",
        both(foreign, &|l| tr!(l, "programme-title")),
        escape(&d.title),
        both(foreign, &dates),
        both(foreign, &countries),
        if d.organisation.is_empty() { String::new() } else { format!("<p>{}</p>", escape(&d.organisation)) },
    )
}

/// One day of the itinerary: a table of its items, Chinese and `foreign` side by side.
fn day_section(d: &Delegation, day: NaiveDate, foreign: Locale, body: &mut String) {
    let zh = Locale::ZhCn;
    let _ = write!(
        body,
        "<section class=\"day\"><h2>{}</h2><table><thead><tr><th scope=\"col\" class=\"time\">{}</th>\
         <th scope=\"col\" lang=\"zh-CN\">{}</th><th scope=\"col\" lang=\"{}\">{}</th></tr></thead><tbody>",
        both(foreign, &|l| day_heading(day, l)),
        both(foreign, &|l| tr!(l, "programme-time")),
        escape(&tr!(zh, "programme-column")),
        foreign.tag(),
        escape(&tr!(foreign, "programme-column")),
    );
    for item in d.items.iter().filter(|i| office_time(i.starts_at).date_naive() == day) {
        let _ = write!(
            body,
            "<tr><td class=\"time\">{}–{}</td><td lang=\"zh-CN\">{}</td><td lang=\"{}\">{}</td></tr>",
            office_time(item.starts_at).format("%H:%M"),
            office_time(item.ends_at).format("%H:%M"),
            cell(item, zh),
            foreign.tag(),
            cell(item, foreign),
        );
    }
    body.push_str("</tbody></table></section>");
}

/// The members: passport name, Chinese name, title and organisation.
fn members_section(d: &Delegation, foreign: Locale, body: &mut String) {
    let _ = write!(body, "<section class=\"members\"><h2>{}</h2><ul>", both(foreign, &|l| tr!(l, "programme-members")));
    for m in &d.members {
        let name = if m.chinese_name.is_empty() {
            escape(&m.passport_name)
        } else {
            format!("{} <span lang=\"zh-CN\">{}</span>", escape(&m.passport_name), escape(&m.chinese_name))
        };
        let title = [m.title.as_str(), m.organisation.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let _ = write!(
            body,
            "<li>{name}{}</li>",
            if title.is_empty() { String::new() } else { format!(" — {}", escape(&title)) }
        );
    }
    body.push_str("</ul></section>");
}

/// Links to the same programme with each second language, the current one marked.
fn language_switch(d: &Delegation, foreign: Locale) -> String {
    [Locale::En, Locale::Fr]
        .iter()
        .map(|l| {
            let current = if *l == foreign { " aria-current=\"page\"" } else { "" };
            format!(
                "<a href=\"/delegations/{}/programme?lang={}\"{current}>{} + {}</a>",
                d.id,
                l.tag(),
                Locale::ZhCn.endonym(),
                l.endonym()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const STYLE: &str = "\
body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',system-ui,sans-serif;\
margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111;line-height:1.45}\
header{border-bottom:2px solid #8a1c1c;margin-bottom:1rem}h1{font-size:1.6rem;margin:.2rem 0}\
.kicker{color:#8a1c1c;font-weight:600;margin:0}.sep{color:#888}\
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}table{width:100%;border-collapse:collapse;table-layout:fixed}\
[lang=en],[lang=fr]{font-family:'Noto Sans','DejaVu Sans',system-ui,sans-serif}\
th,td{border:1px solid #bbb;padding:.4rem .6rem;vertical-align:top;text-align:left}\
th{background:#f3f0ea}td.time,th.time{width:8rem;white-space:nowrap}td p{margin:.1rem 0}\
.activity{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:#555}.title{font-weight:600}\
.label{color:#555}nav{margin-bottom:1rem;display:flex;gap:1rem;flex-wrap:wrap}\
nav a[aria-current]{font-weight:700}footer{margin-top:2rem;font-size:.8rem;color:#555}\
@media print{.no-print{display:none}body{margin:0;max-width:none}section.day{break-inside:avoid-page}\
@page{size:A4;margin:15mm}}";
