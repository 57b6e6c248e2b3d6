//! The printed brochure (活页): one self-contained, print-ready A4 page per issue with each
//! project in Chinese beside English or French: what it is, where, how much, the land, the
//! cooperation sought, what the city offers and whom to contact. A text not written in the
//! second language says so there (the Chinese stays beside it), never silently.

use super::BrochureView;
use crate::domain::Locale;
use crate::html::escape;
use crate::i18n::{format_day, format_number};
use crate::promotion::promoted::{pick, Cooperation, PromotedProject};
use crate::promotion::Written;
use std::fmt::Write;

/// The second language: the one asked for; never Chinese twice (English then).
pub fn second_language(asked: Option<Locale>) -> Locale {
    match asked {
        Some(Locale::Fr) => Locale::Fr,
        _ => Locale::En,
    }
}

fn cooperation(c: Cooperation, l: Locale) -> String {
    match c {
        Cooperation::JointVenture => tr!(l, "cooperation-joint-venture"),
        Cooperation::WhollyOwned => tr!(l, "cooperation-wholly-owned"),
        Cooperation::Cooperation => tr!(l, "cooperation-cooperation"),
        Cooperation::Open => tr!(l, "cooperation-open"),
    }
}

fn investment(p: &PromotedProject, l: Locale) -> String {
    tr!(l, "promoted-investment", { "amount" => crate::promotion::promoted::pages::amount(p.investment, l) })
}

/// A text in language `l`: as written, or, where it is not, a note that says so.
fn text(w: &Written, l: Locale) -> String {
    let (text, lang) = w.for_reader(l);
    if lang == l {
        format!("<p lang=\"{}\">{}</p>", l.tag(), escape(text).replace('\n', "<br>"))
    } else if w.zh.trim().is_empty() {
        String::new()
    } else {
        format!("<p class=\"missing\">{}</p>", escape(&tr!(l, "brochure-print-not-translated")))
    }
}

/// One language's column for a project.
fn column(p: &PromotedProject, l: Locale) -> String {
    let mut html = String::new();
    let (title, lang) = p.title.for_reader(l);
    let _ = write!(html, "<h3 lang=\"{}\">{}</h3>", lang.tag(), escape(title));
    if lang != l {
        let _ = write!(html, "<p class=\"missing\">{}</p>", escape(&tr!(l, "brochure-print-not-translated")));
    }
    let gap = if l == Locale::ZhCn { "" } else { " " };
    let mut line = |label: String, value: String| {
        if !value.is_empty() {
            let _ = write!(html, "<p><span class=\"label\">{}</span>{gap}{}</p>", escape(&label), escape(&value));
        }
    };
    let place = match &p.segment {
        Some(s) => format!("{} · {}", pick(&p.sub_chain, l), pick(s, l)),
        None => pick(&p.sub_chain, l).to_string(),
    };
    line(tr!(l, "brochure-print-chain"), place);
    line(tr!(l, "brochure-print-location"), p.county.as_ref().map(|c| pick(c, l).to_string()).unwrap_or_default());
    line(tr!(l, "brochure-print-investment"), investment(p, l));
    let land = p.land_mu.map(|mu| {
        tr!(l, "promoted-land", {
            "mu" => format_number(mu as f64, 0, l),
            "ha" => format_number(mu as f64 / 15.0, 1, l),
        })
    });
    line(tr!(l, "brochure-print-land"), land.unwrap_or_default());
    line(tr!(l, "brochure-print-cooperation"), cooperation(p.cooperation, l));
    html.push_str(&text(&p.description, l));
    if !p.offer.zh.trim().is_empty() {
        let _ = write!(html, "<p class=\"label\">{}</p>{}", escape(&tr!(l, "brochure-print-offer")), text(&p.offer, l));
    }
    let _ = write!(
        html,
        "<p class=\"contact\"><span class=\"label\">{}</span>{gap}{} · {}</p>",
        escape(&tr!(l, "brochure-print-contact")),
        escape(&p.officer_name),
        escape(&p.officer_email)
    );
    html
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

/// The whole page; `foreign` is the second language (see `second_language`).
pub fn render(v: &BrochureView, foreign: Locale) -> String {
    let i = &v.issue;
    let zh = Locale::ZhCn;
    let mut body = format!(
        "<header><p class=\"kicker\">{}</p><h1>{}</h1><p>{}</p></header>",
        both(foreign, &|l| tr!(l, "brochure-print-title")),
        both(foreign, &|l| {
            let (theme, _) = i.theme.for_reader(l);
            format!("{} · {}", tr!(l, "brochure-number", { "number" => i.number }), theme)
        }),
        both(foreign, &|l| format_day(i.issued_on, l)),
    );
    if v.entries.is_empty() {
        let _ = write!(body, "<p>{}</p>", both(foreign, &|l| tr!(l, "brochure-empty")));
    }
    for (n, e) in v.entries.iter().enumerate() {
        let _ = write!(
            body,
            "<section class=\"project\"><p class=\"n\">{}</p><table><tr><td lang=\"zh-CN\">{}</td>\
             <td lang=\"{}\">{}</td></tr></table></section>",
            n + 1,
            column(&e.project, zh),
            foreign.tag(),
            column(&e.project, foreign),
        );
    }
    let switch = [Locale::En, Locale::Fr]
        .iter()
        .map(|l| {
            let current = if *l == foreign { " aria-current=\"page\"" } else { "" };
            format!(
                "<a href=\"/promotion/brochures/{}/print?lang={}\"{current}>{} + {}</a>",
                i.id,
                l.tag(),
                zh.endonym(),
                l.endonym()
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\
         <nav class=\"no-print\"><a href=\"/promotion/brochures/{id}\">{back}</a> {switch}</nav>{body}\
         <footer><p>{footer}</p></footer></body></html>",
        title = escape(&format!("{} — {}", tr!(zh, "brochure-print-title"), tr!(foreign, "brochure-print-title"))),
        id = i.id,
        back = both(foreign, &|l| tr!(l, "brochure-print-back")),
        footer = both(foreign, &|l| tr!(l, "brochure-print-footer")),
    )
}

const STYLE: &str = "\
body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',system-ui,sans-serif;\
margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111;line-height:1.45}\
header{border-bottom:2px solid #8a1c1c;margin-bottom:1rem}h1{font-size:1.5rem;margin:.2rem 0}\
.kicker{color:#8a1c1c;font-weight:600;margin:0}.sep{color:#888}\
[lang=en],[lang=fr]{font-family:'Noto Sans','DejaVu Sans',system-ui,sans-serif}\
section.project{margin:1rem 0;break-inside:avoid-page}.n{font-weight:700;color:#8a1c1c;margin:0}\
table{width:100%;border-collapse:collapse;table-layout:fixed}\
td{border:1px solid #bbb;padding:.5rem .7rem;vertical-align:top;text-align:left;width:50%}\
td p{margin:.2rem 0}h3{font-size:1.05rem;margin:0 0 .4rem}.label{color:#555}\
.missing{color:#8a1c1c;font-style:italic}.contact{margin-top:.5rem}\
nav{margin-bottom:1rem;display:flex;gap:1rem;flex-wrap:wrap}nav a[aria-current]{font-weight:700}\
footer{margin-top:2rem;font-size:.8rem;color:#555}\
@media print{.no-print{display:none}body{margin:0;max-width:none}@page{size:A4;margin:15mm}}";
