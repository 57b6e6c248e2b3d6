//! The partner cities on a world map, drawn on the server as plain SVG.

use super::kind_name;
use crate::friendship_cities::{CityKind, CitySummary};
use crate::i18n::use_locale;
use crate::shell::with_aside;
use leptos::prelude::*;

/// The partner cities on a world map drawn on the server: Natural Earth's land outline
/// (`world::LAND`) and each city a dot at its coordinates, coloured by relation and linked to
/// its page. Plain SVG: it needs no JavaScript and no map server.
#[component]
pub(super) fn WorldMap(cities: Vec<CitySummary>) -> impl IntoView {
    let locale = use_locale();
    let view_box =
        format!("0 0 {} {}", crate::friendship_cities::world::WIDTH, crate::friendship_cities::world::HEIGHT);
    let dots = cities
        .into_iter()
        .map(|c| {
            let (x, y) = crate::friendship_cities::map_point(c.latitude, c.longitude);
            let href = format!("/cities/{}", c.id);
            let class = format!("city-dot city-{}", c.kind.as_str());
            let label = with_aside(c.name(locale), &kind_name(c.kind));
            let (cx, cy) = (format!("{x:.1}"), format!("{y:.1}"));
            let (tx, ty) = (format!("{:.1}", x + 7.0), format!("{:.1}", y + 4.0));
            view! {
                <a href=href aria-label=label.clone()>
                    <title>{label.clone()}</title>
                    <circle class=class cx=cx cy=cy r="5" />
                    <text x=tx y=ty class="city-label">{c.name(locale).to_string()}</text>
                </a>
            }
        })
        .collect_view();
    let legend = CityKind::ALL
        .into_iter()
        .map(|k| {
            let class = format!("legend-dot city-{}", k.as_str());
            view! { <li><span class=class aria-hidden="true"></span>" "{kind_name(k)}</li> }
        })
        .collect_view();
    view! {
        <figure class="world-map" aria-labelledby="map-caption">
            <svg viewBox=view_box role="group" aria-labelledby="map-caption" preserveAspectRatio="xMidYMid meet">
                <rect class="sea" x="0" y="0" width="1000" height="500" />
                <path class="land" d=crate::friendship_cities::world::LAND />
                {dots}
            </svg>
            <figcaption id="map-caption">
                {tr!("cities-map")}
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
