//! The dashboard's breakdowns: each a chart drawn as plain SVG while the page is rendered on
//! the server (no script draws it), the text table it is drawn from beside it (what a screen
//! reader reads) and a link to the same table as CSV.

use super::pages::amount_text;
use super::{Chart, Period, Table};
use crate::domain::Locale;
use crate::friendship_cities::world;
use leptos::prelude::*;

/// A table with its chart and its CSV link.
pub fn table_view(t: Table, period: &Period, locale: Locale) -> impl IntoView {
    let id = format!("table-{}", t.name.as_str());
    let caption = t.name.text(locale);
    let csv = t.csv_href(period);
    let chart = t.chart.filter(|_| !t.rows.is_empty()).map(|kind| {
        let svg = match kind {
            Chart::Months => months(&t, locale).into_any(),
            Chart::Bars => bars(&t, locale).into_any(),
            Chart::Map => map(&t, locale).into_any(),
        };
        view! { <div class="chart" aria-hidden="true">{svg}</div> }
    });
    let heading = |c: super::ColumnName| c.text(locale);
    let headings = t.columns.iter().map(|c| view! { <th scope="col" class="num">{heading(*c)}</th> }).collect_view();
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let label = r.label.text(locale);
            let label = match r.href.clone() {
                Some(href) => view! { <a href=href>{label}</a> }.into_any(),
                None => label.into_any(),
            };
            let cells =
                r.values.iter().map(|a| view! { <td class="num">{amount_text(*a, locale)}</td> }).collect_view();
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        })
        .collect_view();
    let empty = t.rows.is_empty();
    let labelled_by = id.clone();
    let scroll_label = caption.clone();
    // A table of many columns goes under its chart, the width of the section.
    let class = if t.columns.len() > 2 { "breakdown wide" } else { "breakdown" };
    view! {
        <figure class=class aria-labelledby=labelled_by data-table=t.name.as_str()>
            <figcaption id=id>
                {caption}
                " · "
                <a href=csv download>{tr!("dashboard-csv")}</a>
            </figcaption>
            {chart}
            {if empty {
                view! { <p class="muted">{tr!("dashboard-table-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=scroll_label>
                        <table class="figures breakdown-table">
                            <thead><tr><th scope="col">{heading(t.label)}</th>{headings}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </figure>
    }
}

/// The first value column of each row, as a number to draw (nothing for a missing value).
fn values(t: &Table) -> Vec<f64> {
    t.rows.iter().map(|r| r.values.first().and_then(|a| a.value()).unwrap_or(0).max(0) as f64).collect()
}

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The label of a row and its first value, for a mark's tooltip.
fn title(t: &Table, i: usize, locale: Locale) -> String {
    let r = &t.rows[i];
    let value = r.values.first().map(|a| amount_text(*a, locale)).unwrap_or_default();
    format!("{}: {value}", r.label.text(locale))
}

/// One column per month, the first value column's height.
fn months(t: &Table, locale: Locale) -> impl IntoView {
    let (width, height, base) = (720.0, 180.0, 150.0);
    let v = values(t);
    let top = v.iter().cloned().fold(0.0, f64::max).max(1.0);
    let slot = (width - 40.0) / v.len().max(1) as f64;
    let columns = v
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let h = value / top * (base - 20.0);
            let x = 30.0 + i as f64 * slot;
            let month = match &t.rows[i].label {
                super::Label::Month(d) => chrono::Datelike::month(d).to_string(),
                _ => String::new(),
            };
            view! {
                <g>
                    <title>{title(t, i, locale)}</title>
                    <rect class="bar" x=n(x + slot * 0.15) y=n(base - h) width=n(slot * 0.7) height=n(h) />
                    <text class="axis" x=n(x + slot / 2.0) y=n(base + 16.0) text-anchor="middle">{month}</text>
                </g>
            }
        })
        .collect_view();
    let top_text = t
        .rows
        .iter()
        .filter_map(|r| r.values.first())
        .max_by_key(|a| a.value().unwrap_or(0))
        .map(|a| amount_text(*a, locale));
    view! {
        <svg viewBox=format!("0 0 {width} {height}") class="chart-months" preserveAspectRatio="xMidYMid meet">
            <line class="axis-line" x1="30" y1=n(base) x2=n(width - 10.0) y2=n(base) />
            <text class="axis" x="30" y="12">{top_text}</text>
            {columns}
        </svg>
    }
}

/// One bar per row, longest first as the table orders them; at most twelve.
fn bars(t: &Table, locale: Locale) -> impl IntoView {
    const SHOWN: usize = 12;
    let v = values(t);
    let top = v.iter().cloned().fold(0.0, f64::max).max(1.0);
    let rows = v.len().min(SHOWN);
    let (width, row) = (720.0, 24.0);
    let height = row * rows as f64 + 8.0;
    let bars = (0..rows)
        .map(|i| {
            let y = 4.0 + i as f64 * row;
            let w = v[i] / top * 380.0;
            let mut label = t.rows[i].label.text(locale);
            if label.chars().count() > 18 {
                label = label.chars().take(17).collect::<String>() + "…";
            }
            let value = t.rows[i].values.first().map(|a| amount_text(*a, locale)).unwrap_or_default();
            view! {
                <g>
                    <title>{title(t, i, locale)}</title>
                    <text class="axis" x="200" y=n(y + 16.0) text-anchor="end">{label}</text>
                    <rect class="bar" x="210" y=n(y + 3.0) width=n(w) height=n(row - 8.0) />
                    <text class="axis" x=n(216.0 + w) y=n(y + 16.0)>{value}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {width} {}", n(height)) class="chart-bars" preserveAspectRatio="xMinYMin meet">
            {bars}
        </svg>
    }
}

/// The world map the partner cities use, a dot on each country of the rows: its area and
/// its shade grow with the first value column.
fn map(t: &Table, locale: Locale) -> impl IntoView {
    let v = values(t);
    let top = v.iter().cloned().fold(0.0, f64::max).max(1.0);
    let dots = t
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| v[*i] > 0.0)
        .filter_map(|(i, r)| {
            let super::Label::Country(code) = &r.label else { return None };
            let (_, x, y) = world::COUNTRY_POINTS.iter().find(|(c, ..)| c == code)?;
            let share = v[i] / top;
            let radius = 4.0 + 14.0 * share.sqrt();
            let opacity = format!("{:.2}", 0.35 + 0.55 * share);
            Some(view! {
                <circle class="country-dot" cx=n(f64::from(*x)) cy=n(f64::from(*y)) r=n(radius) fill-opacity=opacity>
                    <title>{title(t, i, locale)}</title>
                </circle>
            })
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {} {}", world::WIDTH, world::HEIGHT) class="chart-map"
            preserveAspectRatio="xMidYMid meet">
            <rect class="sea" x="0" y="0" width=world::WIDTH.to_string() height=world::HEIGHT.to_string() />
            <path class="land" d=world::LAND />
            {dots}
        </svg>
    }
}
