//! The register's list: coming anniversaries, the filter form, the world map and the table
//! of cities with the CSV export link.

use super::map::WorldMap;
use super::{country_name, day_or_dash, kind_name, stage_name};
use crate::friendship_cities::api::list_cities;
use crate::friendship_cities::{CityFilter, CityKind, CitySummary, Stage};
use crate::i18n::{format_day, use_locale};
use crate::shell::page_error;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CitiesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || CityFilter::from_query(|k| query.read().get(k));
    let cities = crate::codec::resource(filter, list_cities);
    let all = crate::codec::resource(|| (), |_| list_cities(CityFilter::default()));
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("cities-title") />
        <div class="page-header">
            <h1>{move || tr!("cities-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::ManageCities).await;
                    may.then(|| view! { <a class="button-primary" href="/cities/new">{tr!("cities-new")}</a> })
                })}
            </Transition>
        </div>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let everyone = all.await.unwrap_or_default();
                match cities.await {
                    Err(e) => page_error(e),
                    Ok(list) => {
                        let f = filter();
                        view! {
                            <Anniversaries cities=everyone.clone() />
                            <CityFilterForm f=f.clone() cities=everyone />
                            <WorldMap cities=list.clone() />
                            <CityTable cities=list f />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The round anniversaries of formal agreements in the coming year.
#[component]
fn Anniversaries(cities: Vec<CitySummary>) -> impl IntoView {
    let locale = use_locale();
    let mut coming: Vec<(CitySummary, i32, chrono::NaiveDate)> =
        cities.into_iter().filter_map(|c| c.anniversary.map(|(y, d)| (c, y, d))).collect();
    coming.sort_by_key(|(_, _, d)| *d);
    (!coming.is_empty()).then(|| {
        let items = coming
            .into_iter()
            .map(|(c, years, day)| {
                let href = format!("/cities/{}", c.id);
                let text = tr!("cities-anniversary", { "years" => years, "date" => format_day(day, locale) });
                view! { <li><a href=href>{c.name(locale).to_string()}</a>" — "{text}</li> }
            })
            .collect_view();
        view! {
            <section class="notice notice-info" aria-labelledby="anniversaries-heading" id="anniversaries">
                <h2 id="anniversaries-heading">{tr!("cities-anniversaries")}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

#[component]
fn CityFilterForm(f: CityFilter, cities: Vec<CitySummary>) -> impl IntoView {
    let locale = use_locale();
    let mut countries: Vec<String> = cities.iter().map(|c| c.country.clone()).collect();
    countries.sort();
    countries.dedup();
    view! {
        <form method="get" action="/cities" class="form-inline filters" role="search">
            <div class="field">
                <label for="country">{tr!("field-country")}</label>
                <select id="country" name="country">
                    <option value="">{tr!("common-any")}</option>
                    {countries.into_iter().map(|c| {
                        let selected = f.country.as_deref() == Some(c.as_str());
                        let name = country_name(&c, locale);
                        view! { <option value=c selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="kind">{tr!("city-field-kind")}</label>
                <select id="kind" name="kind">
                    <option value="">{tr!("common-any")}</option>
                    {CityKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=f.kind.as_deref() == Some(k.as_str())>{kind_name(k)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="stage">{tr!("city-field-stage")}</label>
                <select id="stage" name="stage">
                    <option value="">{tr!("common-any")}</option>
                    {Stage::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=f.stage.as_deref() == Some(s.as_str())>{stage_name(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="dormant" value="true" checked=f.dormant />" "{tr!("cities-dormant-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn CityTable(cities: Vec<CitySummary>, f: CityFilter) -> impl IntoView {
    let locale = use_locale();
    let export = crate::shell::with_query("/cities/export.csv", &f.to_query());
    if cities.is_empty() {
        return view! { <p class="muted">{tr!("cities-none")}</p> }.into_any();
    }
    let name_label = tr!("city-field-name");
    let rows = cities
        .into_iter()
        .map(|c| {
            let href = format!("/cities/{}", c.id);
            let dormant = c.dormant.then(|| view! { <span class="badge badge-warn">{tr!("city-dormant")}</span> });
            view! {
                <tr>
                    <td><a href=href>{c.name(locale).to_string()}</a><br /><span class="muted">{c.name_original.clone()}</span></td>
                    <td>{country_name(&c.country, locale)}</td>
                    <td>{kind_name(c.kind)}</td>
                    <td>{stage_name(c.stage)}</td>
                    <td>{day_or_dash(c.letter_of_intent_on, locale)}</td>
                    <td>{day_or_dash(c.agreement_on, locale)}</td>
                    <td>{day_or_dash(c.last_activity_on, locale)}" "{dormant}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="page-header">
            <span></span>
            <a href=export download="partner-cities.csv" rel="external">{tr!("common-export-csv")}</a>
        </div>
        <div class="table-wrap">
            <table class="table cities">
                <thead><tr>
                    <th scope="col">{name_label}</th>
                    <th scope="col">{tr!("field-country")}</th>
                    <th scope="col">{tr!("city-field-kind")}</th>
                    <th scope="col">{tr!("city-field-stage")}</th>
                    <th scope="col">{tr!("city-field-letter-of-intent-on")}</th>
                    <th scope="col">{tr!("city-field-agreement-on")}</th>
                    <th scope="col">{tr!("city-last-activity")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
