//! The rates page: the start and completion rates of the cohort the reader chooses (the
//! projects signed in a period, or those on the list on a day), for the city and by industry
//! chain and county, with the definitions beside them.

use super::{chain_name, percent};
use crate::domain::Locale;
use crate::enterprises::api::list_industry_chains;
use crate::i18n::{format_day, use_locale};
use crate::projects::counties::{county_name, list_counties};
use crate::projects::rates::{project_rates, RateLine, RatesReport};
use crate::projects::{Cohort, Rates};
use crate::shell::{field_message, page_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RatesPage() -> impl IntoView {
    let query = use_query_map();
    let asked = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (get("cohort"), get("from"), get("to"), get("at"))
    };
    let report = crate::codec::resource(asked, |(cohort, from, to, at)| project_rates(cohort, from, to, at));
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let counties = crate::codec::resource(|| (), |_| list_counties());
    view! {
        <Title text=tr!("rates-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <h1>{move || tr!("rates-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let chains = chains.await.unwrap_or_default();
                let counties = counties.await.unwrap_or_default();
                let (typed_cohort, from, to, at) = asked();
                match report.await {
                    Err(e @ crate::error::AppError::Invalid(_)) => view! {
                        {cohort_form(None, (typed_cohort, from, to, at), Some(e.clone()))}
                        {page_error(e)}
                    }.into_any(),
                    Err(e) => page_error(e),
                    Ok(r) => {
                        let chain_label = |key| chain_name(&chains, key, locale);
                        let county_label = |key| county_name(&counties, key, locale);
                        view! {
                            {cohort_form(Some(r.cohort), (typed_cohort, from, to, at), None)}
                            {summary(&r, locale)}
                            <h2>{tr!("rates-by-chain")}</h2>
                            {lines_table(&r.by_chain, tr!("field-industry-chain"), chain_label, locale)}
                            <h2>{tr!("rates-by-county")}</h2>
                            {lines_table(&r.by_county, tr!("project-field-county"), county_label, locale)}
                            <section class="panel" aria-labelledby="rates-definitions">
                                <h2 id="rates-definitions">{tr!("rates-definitions")}</h2>
                                <p>{tr!("rates-definition-start")}</p>
                                <p>{tr!("rates-definition-completion")}</p>
                                <p>{tr!("rates-definition-signed")}</p>
                                <p>{tr!("rates-definition-on-list")}</p>
                                <p>{tr!("rates-definition-log")}</p>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The form that chooses the cohort: its days as the server read them, or as typed when they
/// were refused.
fn cohort_form(
    cohort: Option<Cohort>,
    typed: (String, String, String, String),
    error: Option<crate::error::AppError>,
) -> impl IntoView {
    let (typed_cohort, mut from, mut to, mut at) = typed;
    // As the server read it, or as the reader chose it when the days were refused.
    let on_list = match cohort {
        Some(c) => matches!(c, Cohort::OnListAt(_)),
        None => typed_cohort == "on_list",
    };
    match cohort {
        Some(Cohort::SignedBetween(f, t)) => (from, to) = (f.to_string(), t.to_string()),
        Some(Cohort::OnListAt(day)) => at = day.to_string(),
        None => {}
    }
    let (e1, e2, e3) = (error.clone(), error.clone(), error);
    view! {
        <form method="get" action="/projects/rates" class="form filters" role="search">
            <fieldset>
                <legend>{tr!("rates-cohort")}</legend>
                <div class="field checkbox">
                    <label><input type="radio" name="cohort" value="signed" checked=!on_list />" "{tr!("rates-cohort-signed")}</label>
                </div>
                <div class="form-inline">
                    <div class="field">
                        <label for="from">{tr!("rates-from")}</label>
                        <input id="from" name="from" type="date" value=from />
                        {field_message(e1, "from")}
                    </div>
                    <div class="field">
                        <label for="to">{tr!("rates-to")}</label>
                        <input id="to" name="to" type="date" value=to />
                        {field_message(e2, "to")}
                    </div>
                </div>
                <div class="field checkbox">
                    <label><input type="radio" name="cohort" value="on_list" checked=on_list />" "{tr!("rates-cohort-on-list")}</label>
                </div>
                <div class="field">
                    <label for="at">{tr!("rates-at")}</label>
                    <input id="at" name="at" type="date" value=at />
                    {field_message(e3, "at")}
                </div>
            </fieldset>
            <button type="submit" class="button-secondary">{tr!("rates-show")}</button>
        </form>
    }
}

/// The cohort in words, and the city's figures.
fn summary(r: &RatesReport, locale: Locale) -> impl IntoView {
    let cohort = match r.cohort {
        Cohort::SignedBetween(from, to) => tr!("rates-of-signed", {
            "from" => format_day(from, locale),
            "to" => format_day(to, locale),
        }),
        Cohort::OnListAt(day) => tr!("rates-of-on-list", { "day" => format_day(day, locale) }),
    };
    let o = r.overall;
    let capital = r.capital.map(|c| {
        let text = tr!("rates-capital", {
            "domestic" => super::yi(c.domestic, locale),
            "foreign" => crate::i18n::format_money(c.foreign_usd_cents, "USD", locale),
        });
        view! { <p class="capital">{text}</p> }
    });
    view! {
        <p class="lead" role="status">{cohort}</p>
        <dl class="figures">
            <div><dt>{tr!("rates-signed")}</dt><dd>{o.signed}</dd></div>
            <div><dt>{tr!("rates-started")}</dt><dd>{o.started}</dd></div>
            <div><dt>{tr!("rates-completed")}</dt><dd>{o.completed}</dd></div>
            <div><dt>{tr!("rates-start-rate")}</dt><dd class="start-rate">{percent(o.start_rate(), locale)}</dd></div>
            <div><dt>{tr!("rates-completion-rate")}</dt><dd class="completion-rate">{percent(o.completion_rate(), locale)}</dd></div>
        </dl>
        {capital}
    }
}

/// One table of lines (by chain or by county), the unnamed line last as "not given".
fn lines_table(lines: &[RateLine], heading: String, label: impl Fn(Option<i64>) -> String, locale: Locale) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="muted">{tr!("rates-none")}</p> }.into_any();
    }
    // Read before the view: see `list::headings`.
    let labels = [
        heading,
        tr!("rates-signed"),
        tr!("rates-started"),
        tr!("rates-completed"),
        tr!("rates-start-rate"),
        tr!("rates-completion-rate"),
    ];
    let headings = labels.into_iter().map(|l| view! { <th scope="col">{l}</th> }).collect_view();
    let not_given = tr!("rates-not-given");
    let mut ordered: Vec<&RateLine> = lines.iter().filter(|l| l.key.is_some()).collect();
    ordered.extend(lines.iter().filter(|l| l.key.is_none()));
    let rows = ordered
        .into_iter()
        .map(|l| {
            let name = if l.key.is_some() { label(l.key) } else { not_given.clone() };
            let r: Rates = l.rates;
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="num">{r.signed}</td>
                    <td class="num">{r.started}</td>
                    <td class="num">{r.completed}</td>
                    <td class="num">{percent(r.start_rate(), locale)}</td>
                    <td class="num">{percent(r.completion_rate(), locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table rates">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
