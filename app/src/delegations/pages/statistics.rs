//! The year's figures: delegations and people received and sent, by month and by country.

use super::{countries_text, year_from_query, YearForm};
use crate::delegations::api::delegation_statistics;
use crate::delegations::{Count, Statistics};
use crate::i18n::{format_number, use_locale};
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let year = year_from_query();
    let stats = crate::codec::resource(year, delegation_statistics);
    view! {
        <Title text=tr!("statistics-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("statistics-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match stats.await {
                    Err(e) => page_error(e),
                    Ok(s) => view! { <YearForm action="/delegations/statistics" year=s.year /> <StatisticsView s /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn StatisticsView(s: Statistics) -> impl IntoView {
    let locale = use_locale();
    let n = move |v: i64| format_number(v as f64, 0, locale);
    let headline_in =
        tr!("statistics-incoming", { "delegations" => s.incoming.delegations, "people" => s.incoming.people });
    let headline_out =
        tr!("statistics-outgoing", { "delegations" => s.outgoing.delegations, "people" => s.outgoing.people });
    let cells = move |c: Count| view! { <td class="num">{n(c.delegations)}</td><td class="num">{n(c.people)}</td> };
    let month_label = tr!("statistics-month");
    let months = s
        .months
        .iter()
        .enumerate()
        .map(|(i, (inc, out))| {
            let label = tr!("statistics-month-name", { "month" => i as i64 + 1 });
            view! { <tr><th scope="row">{label}</th>{cells(*inc)}{cells(*out)}</tr> }
        })
        .collect_view();
    let country_label = tr!("delegation-field-countries");
    let countries = s
        .countries
        .iter()
        .map(|(code, inc, out)| {
            let name = countries_text(std::slice::from_ref(code), locale);
            view! { <tr><th scope="row">{name}</th>{cells(*inc)}{cells(*out)}</tr> }
        })
        .collect_view();
    let head = move |first: String| {
        view! {
            <thead>
                <tr>
                    <th scope="col" rowspan="2">{first}</th>
                    <th scope="colgroup" colspan="2">{tr!("delegation-direction-incoming")}</th>
                    <th scope="colgroup" colspan="2">{tr!("delegation-direction-outgoing")}</th>
                </tr>
                <tr>
                    <th scope="col">{tr!("statistics-delegations")}</th>
                    <th scope="col">{tr!("statistics-people")}</th>
                    <th scope="col">{tr!("statistics-delegations")}</th>
                    <th scope="col">{tr!("statistics-people")}</th>
                </tr>
            </thead>
        }
    };
    view! {
        <div class="figures">
            <p class="figure" id="incoming-figure">{headline_in}</p>
            <p class="figure" id="outgoing-figure">{headline_out}</p>
        </div>
        <p class="hint">{tr!("statistics-hint")}</p>
        <h2>{tr!("statistics-by-month")}</h2>
        <div class="table-wrap"><table class="table statistics">{head(month_label)}<tbody>{months}</tbody></table></div>
        <h2>{tr!("statistics-by-country")}</h2>
        <div class="table-wrap"><table class="table statistics">{head(country_label)}<tbody>{countries}</tbody></table></div>
    }
}
