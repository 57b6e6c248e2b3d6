//! The chain maps' pages: every sub-chain with its segments and gaps (`/promotion/chains`),
//! and one sub-chain's map (`/promotion/chains/{id}`): the diagram drawn on the server as
//! SVG, the table that says the same for every reader, and the forms of those who keep it.

use super::api::{
    get_chain_map, list_chain_maps, AddSegment, AddSegmentEnterprise, RemoveSegmentEnterprise, RenameSegment,
};
use super::{ChainMap, Link, MapCount, MappedSegment};
use crate::domain::Locale;
use crate::enterprises::api::list_industry_chains;
use crate::error::AppError;
use crate::html::Esc;
use crate::i18n::{format_number, use_locale};
use crate::projects::chains::{list_sub_chains, IndustryChain, SubChain};
use crate::promotion::PromotionLinks;
use crate::shell::{field_message, name_fields, name_labels, page_error, reset_when, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::fmt::Write as _;

crate::routes::pages! {
    "/promotion/chains" => ChainMapsPage, Needs(ReadPromotion);
    "/promotion/chains/:id" => ChainMapPage, Needs(ReadPromotion);
}

pub fn link_name(link: Link) -> String {
    match link {
        Link::Upstream => tr!("chain-link-upstream"),
        Link::Midstream => tr!("chain-link-midstream"),
        Link::Downstream => tr!("chain-link-downstream"),
    }
}

#[component]
pub fn ChainMapsPage() -> impl IntoView {
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let subs = crate::codec::resource(|| (), |_| list_sub_chains());
    let counts = crate::codec::resource(|| (), |_| list_chain_maps());
    view! {
        <Title text=tr!("chain-maps-title") />
        <h1>{move || tr!("chain-maps-title")}</h1>
        <PromotionLinks />
        <p class="hint">{move || tr!("chain-maps-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let (chains, subs) = (chains.await, subs.await);
                match (chains, subs, counts.await) {
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => page_error(e),
                    (Ok(chains), Ok(subs), Ok(counts)) => maps_table(&chains, &subs, &counts, use_locale()),
                }
            })}
        </Transition>
    }
}

/// Every chain with its sub-chains, each with its segments, gaps and the link to its map.
fn maps_table(chains: &[IndustryChain], subs: &[SubChain], counts: &[MapCount], locale: Locale) -> AnyView {
    if subs.is_empty() {
        return view! { <p class="muted">{tr!("chain-maps-none")}</p> }.into_any();
    }
    let mut rows = String::new();
    for c in chains {
        let mine: Vec<&SubChain> = subs.iter().filter(|s| s.chain_id == c.id).collect();
        if mine.is_empty() {
            continue;
        }
        let _ =
            write!(rows, "<tr class=\"chain\"><th scope=\"rowgroup\" colspan=\"3\">{}</th></tr>", Esc(c.name(locale)));
        for s in mine {
            let count = counts.iter().find(|n| n.sub_chain_id == s.id);
            let (segments, gaps) = count.map_or((0, 0), |n| (n.segments, n.gaps));
            let gap_class = if gaps > 0 { " class=\"num gap-count\"" } else { " class=\"num\"" };
            let _ = write!(
                rows,
                "<tr><td><a href=\"/promotion/chains/{}\">{}</a></td><td class=\"num\">{}</td><td{gap_class}>{}</td></tr>",
                s.id,
                Esc(s.name(locale)),
                format_number(segments as f64, 0, locale),
                format_number(gaps as f64, 0, locale),
            );
        }
    }
    let heads = [tr!("chain-maps-sub-chain"), tr!("chain-maps-segments"), tr!("chain-maps-gaps")];
    let heads = heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table chain-maps">
                <thead><tr>{heads}</tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn ChainMapPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let add = ServerAction::<AddSegment>::new();
    let rename = ServerAction::<RenameSegment>::new();
    let present = ServerAction::<AddSegmentEnterprise>::new();
    let remove = ServerAction::<RemoveSegmentEnterprise>::new();
    let versions =
        move || (id(), add.version().get(), rename.version().get(), present.version().get(), remove.version().get());
    let map = crate::codec::resource(versions, |(id, ..)| get_chain_map(id));
    let editing = move || query.read().get("edit").and_then(|s| s.parse::<i64>().ok());
    view! {
        <Title text=tr!("chain-maps-title") />
        <p class="breadcrumb"><a href="/promotion/chains">{move || tr!("chain-maps-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match map.await {
                    Err(e) => page_error(e),
                    Ok(m) => {
                        let locale = use_locale();
                        let title = format!("{} · {}", m.chain.name(locale), m.sub_chain.name(locale));
                        let summary = tr!("chain-map-summary", {
                            "segments" => format_number(m.segments.len() as f64, 0, locale),
                            "gaps" => format_number(m.gaps() as f64, 0, locale),
                        });
                        let forms = m.editable.then(|| {
                            let open = editing().and_then(|id| m.segments.iter().find(|s| s.segment.id == id));
                            let rename_form = open.map(|s| view! { <RenameSegmentForm s=s.clone() action=rename /> });
                            view! {
                                {rename_form}
                                <AddEnterpriseForm m=m.clone() action=present />
                                <AddSegmentForm sub_chain_id=m.sub_chain.id action=add />
                            }
                        });
                        view! {
                            <h1>{title}</h1>
                            <p class="muted" role="status">{summary}</p>
                            <FormError error=Signal::derive(move || remove.value().get().and_then(Result::err)) />
                            {diagram(&m, locale)}
                            {segments_table(&m, locale, remove)}
                            {forms}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The share of a name that fits on one line of a box: wide (CJK) characters count twice.
fn clipped(name: &str, room: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in name.chars() {
        let w = if c as u32 >= 0x2E80 { 2 } else { 1 };
        if used + w > room {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

const BOX_W: usize = 280;
const BOX_H: usize = 58;
const COL_GAP: usize = 50;
const ROW_GAP: usize = 14;
const TOP: usize = 44;

/// The map as an SVG diagram: a column per link, a box per segment (a gap drawn dashed), the
/// number of enterprises present in each, arrows from link to link. The table after it says
/// the same in words; the diagram is named for screen readers and points at it.
fn diagram(m: &ChainMap, locale: Locale) -> impl IntoView + use<> {
    let rows = Link::ALL.iter().map(|l| m.at(*l).count()).max().unwrap_or(0).max(1);
    let width = 3 * BOX_W + 2 * COL_GAP + 2;
    let height = TOP + rows * (BOX_H + ROW_GAP) + 2;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" \
         height=\"{height}\" role=\"img\" aria-labelledby=\"map-title\" class=\"chain-diagram\">\
         <title id=\"map-title\">{}</title>\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" \
         orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"arrow-head\"/></marker></defs>",
        Esc(&tr!("chain-map-diagram", { "name" => m.sub_chain.name(locale).to_string() })),
    );
    let gap_word = tr!("chain-map-gap");
    for (col, link) in Link::ALL.into_iter().enumerate() {
        let x = 1 + col * (BOX_W + COL_GAP);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"24\" class=\"link-name\" text-anchor=\"middle\">{}</text>",
            x + BOX_W / 2,
            Esc(&link_name(link))
        );
        for (row, s) in m.at(link).enumerate() {
            let y = TOP + row * (BOX_H + ROW_GAP);
            let class = if s.is_gap() { "segment gap" } else { "segment" };
            let mut count =
                if s.is_gap() { gap_word.clone() } else { tr!("chain-map-present", { "count" => s.present.len() }) };
            if s.targets > 0 {
                count = format!("{count} · {}", tr!("chain-map-targets", { "count" => s.targets }));
            }
            if s.promoted > 0 {
                count = format!("{count} · {}", tr!("chain-map-promoted", { "count" => s.promoted }));
            }
            let name = s.segment.name(locale);
            let _ = write!(
                svg,
                "<g class=\"{class}\"><title>{}</title>\
                 <rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"6\"/>\
                 <text x=\"{}\" y=\"{}\" class=\"segment-name\">{}</text>\
                 <text x=\"{}\" y=\"{}\" class=\"segment-count\">{}</text></g>",
                Esc(name),
                x + 12,
                y + 24,
                Esc(&clipped(name, 36)),
                x + 12,
                y + 45,
                Esc(&count),
            );
        }
        if col < 2 {
            let (from, to, y) = (x + BOX_W + 4, x + BOX_W + COL_GAP - 4, TOP + BOX_H / 2);
            let _ = write!(
                svg,
                "<line x1=\"{from}\" y1=\"{y}\" x2=\"{to}\" y2=\"{y}\" class=\"flow\" marker-end=\"url(#arrow)\"/>"
            );
        }
    }
    svg.push_str("</svg>");
    view! { <figure class="chain-map" inner_html=svg></figure> }
}

/// The map in words: each segment with its link, the enterprises present (each a link to its
/// record; for those who keep the map, a button that takes it out) and whether it is a gap.
fn segments_table(
    m: &ChainMap,
    locale: Locale,
    remove: ServerAction<RemoveSegmentEnterprise>,
) -> impl IntoView + use<> {
    if m.segments.is_empty() {
        return view! { <p class="muted">{tr!("chain-map-empty")}</p> }.into_any();
    }
    let heads = [
        tr!("chain-map-col-link"),
        tr!("chain-map-col-segment"),
        tr!("chain-map-col-enterprises"),
        tr!("chain-map-col-targets"),
        tr!("chain-map-col-promoted"),
        tr!("chain-map-col-state"),
    ];
    let heads = heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    let (gap, covered, edit, take_out) =
        (tr!("chain-map-gap"), tr!("chain-map-covered"), tr!("chain-map-rename"), tr!("chain-map-remove"));
    let sub_chain_id = m.sub_chain.id;
    let editable = m.editable;
    let rows = m
        .segments
        .iter()
        .map(|s: &MappedSegment| {
            let name = s.segment.name(locale).to_string();
            let state = if s.is_gap() { gap.clone() } else { covered.clone() };
            let class = if s.is_gap() { "status status-gap" } else { "status status-covered" };
            let segment_id = s.segment.id;
            let present = s
                .present
                .iter()
                .map(|p| {
                    let label = if p.name_original.is_empty() || p.name_original == p.name_zh {
                        p.name_zh.clone()
                    } else {
                        format!("{} ({})", p.name_zh, p.name_original)
                    };
                    let button = editable.then(|| {
                        let (take_out, enterprise_id) = (take_out.clone(), p.enterprise_id.to_string());
                        view! {
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="sub_chain_id" value=sub_chain_id.to_string() />
                                <input type="hidden" name="segment_id" value=segment_id.to_string() />
                                <input type="hidden" name="enterprise_id" value=enterprise_id />
                                <button type="submit" class="button-text">{take_out}</button>
                            </ActionForm>
                        }
                    });
                    if p.enterprise_id == 0 {
                        return view! { <li>{tr!("chain-map-unnamed")}</li> }.into_any();
                    }
                    view! { <li><a href=format!("/enterprises/{}", p.enterprise_id)>{label}</a>{button}</li> }.into_any()
                })
                .collect_view();
            let rename = editable.then(|| {
                view! { <a class="row-action" href=format!("/promotion/chains/{sub_chain_id}?edit={segment_id}")>{edit.clone()}</a> }
            });
            view! {
                <tr>
                    <td>{link_name(s.segment.link)}</td>
                    <th scope="row">{name}{rename}</th>
                    <td><ul class="plain">{present}</ul></td>
                    <td class="num">{s.targets}</td>
                    <td class="num">{s.promoted}</td>
                    <td><span class=class>{state}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table segments">
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The choice of a chain's link.
fn link_select(error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="link">{tr!("chain-map-col-link")}</label>
            <select id="link" name="link">
                {Link::ALL.into_iter().map(|l| view! { <option value=l.as_str()>{link_name(l)}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "link")}
        </div>
    }
}

#[component]
fn AddSegmentForm(sub_chain_id: i64, action: ServerAction<AddSegment>) -> impl IntoView {
    let form = NodeRef::new();
    reset_when(move || matches!(action.value().get(), Some(Ok(_))), form);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let added = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    view! {
        <section class="panel" aria-labelledby="add-segment">
            <h2 id="add-segment">{tr!("chain-map-add-segment")}</h2>
            <Saved show=added />
            <FormError error />
            <ActionForm action node_ref=form attr:class="form form-inline">
                <input type="hidden" name="sub_chain_id" value=sub_chain_id.to_string() />
                {link_select(error)}
                {name_fields(&name_labels(), "-segment", Default::default(), error)}
                <button type="submit" class="button-secondary">{tr!("chain-map-add-segment")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn RenameSegmentForm(s: MappedSegment, action: ServerAction<RenameSegment>) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    let s = s.segment;
    let values = [s.name_zh.clone(), s.name_en.clone(), s.name_fr.clone(), s.sort_order.to_string()];
    view! {
        <section class="panel" aria-labelledby="edit-segment">
            <h2 id="edit-segment">{tr!("chain-map-rename")}{tr!("label-separator")}{s.name(locale).to_string()}</h2>
            <Saved show=saved />
            <FormError error />
            <ActionForm action attr:class="form form-inline">
                <input type="hidden" name="sub_chain_id" value=s.sub_chain_id.to_string() />
                <input type="hidden" name="id" value=s.id.to_string() />
                {name_fields(&name_labels(), "", values, error)}
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}

/// An enterprise of the register, named by its credit code, shown in the segment chosen.
#[component]
fn AddEnterpriseForm(m: ChainMap, action: ServerAction<AddSegmentEnterprise>) -> impl IntoView {
    let locale = use_locale();
    let form = NodeRef::new();
    reset_when(move || matches!(action.value().get(), Some(Ok(_))), form);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let added = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    let options = m
        .segments
        .iter()
        .map(|s| {
            format!(
                "<option value=\"{}\">{} · {}</option>",
                s.segment.id,
                Esc(&link_name(s.segment.link)),
                Esc(s.segment.name(locale))
            )
        })
        .collect::<String>();
    (!m.segments.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="add-present">
                <h2 id="add-present">{tr!("chain-map-add-enterprise")}</h2>
                <Saved show=added />
                <FormError error />
                <ActionForm action node_ref=form attr:class="form form-inline">
                    <input type="hidden" name="sub_chain_id" value=m.sub_chain.id.to_string() />
                    <div class="field">
                        <label for="segment_id">{tr!("chain-map-col-segment")}</label>
                        <select id="segment_id" name="segment_id" inner_html=options></select>
                    </div>
                    <div class="field">
                        <label for="credit_code">{tr!("field-credit-code")}</label>
                        <input id="credit_code" name="credit_code" type="text" maxlength="18" required=true />
                        {move || field_message(error.get(), "credit_code")}
                    </div>
                    <button type="submit" class="button-secondary">{tr!("chain-map-add-enterprise")}</button>
                </ActionForm>
            </section>
        }
    })
}
