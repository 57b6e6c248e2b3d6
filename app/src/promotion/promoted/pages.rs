//! The promoted projects' pages: the list with its filter, registering a project, and each
//! project's page with its texts side by side in the three languages, what it brought (leads,
//! signed projects), the brochure issues presenting it and, for its officer, the forms that
//! correct and publish it.

use super::api::{
    chain_segments, get_promoted, promoted_projects, RegisterPromoted, SetPromotedStatus, UpdatePromoted,
};
use super::{pick, Cooperation, PromotedFilter, PromotedPage, PromotedProject, PromotedStatus, SizeBand};
use crate::domain::Locale;
use crate::enterprises::{IndustryChain, Officer};
use crate::error::AppError;
use crate::i18n::{format_day, format_number, use_locale};
use crate::projects::chains::SubChain;
use crate::projects::counties::County;
use crate::projects::Wan;
use crate::promotion::chain_maps::Segment;
use crate::promotion::{written_columns, PromotionLinks, Written};
use crate::shell::{field_message, page_error, pager, with_query, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

crate::routes::pages! {
    "/promotion/projects" => PromotedProjectsPage, Needs(ReadPromotion);
    "/promotion/projects/new" => NewPromotedPage, Needs(WorkPromotion);
    "/promotion/projects/:id" => PromotedProjectPage, Needs(ReadPromotion);
}

pub fn cooperation_name(c: Cooperation) -> String {
    match c {
        Cooperation::JointVenture => tr!("cooperation-joint-venture"),
        Cooperation::WhollyOwned => tr!("cooperation-wholly-owned"),
        Cooperation::Cooperation => tr!("cooperation-cooperation"),
        Cooperation::Open => tr!("cooperation-open"),
    }
}

pub fn status_name(s: PromotedStatus) -> String {
    match s {
        PromotedStatus::Draft => tr!("promoted-status-draft"),
        PromotedStatus::Published => tr!("promoted-status-published"),
    }
}

pub fn size_name(s: SizeBand) -> String {
    match s {
        SizeBand::Under100m => tr!("promoted-size-under-100m"),
        SizeBand::From100mTo1b => tr!("promoted-size-100m-1b"),
        SizeBand::Over1b => tr!("promoted-size-over-1b"),
    }
}

/// An investment as a reader of `locale` counts it: 亿元 in Chinese, millions of yuan otherwise.
pub fn investment_text(w: Wan, locale: Locale) -> String {
    tr!("promoted-investment", { "amount" => amount(w, locale) })
}

/// The figure of an investment in the unit `locale` counts it in: 亿元 for Chinese, millions
/// of yuan for the others.
pub fn amount(w: Wan, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => w.yi(),
        _ => format_number(w.0 as f64 / 100.0, if w.0 % 100 == 0 { 0 } else { 2 }, locale),
    }
}

/// Land in 亩, with hectares beside it for a foreign reader.
pub fn land_text(mu: i64, locale: Locale) -> String {
    tr!("promoted-land", {
        "mu" => format_number(mu as f64, 0, locale),
        "ha" => format_number(mu as f64 / 15.0, 1, locale),
    })
}

/// Where a project sits: its sub-chain, and its segment where it names one.
pub fn placement(p: &PromotedProject, locale: Locale) -> String {
    match &p.segment {
        Some(seg) => format!("{} · {}", pick(&p.sub_chain, locale), pick(seg, locale)),
        None => pick(&p.sub_chain, locale).to_string(),
    }
}

fn status_badge(p: &PromotedProject) -> impl IntoView + use<> {
    let class = format!("status status-promoted-{}", p.status.as_str());
    view! { <span class=class>{status_name(p.status)}</span> }
}

#[component]
pub fn PromotedProjectsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || PromotedFilter::from_query(|k| query.read().get(k));
    let page = crate::codec::resource(filter, promoted_projects);
    let chains = crate::codec::resource(|| (), |_| crate::enterprises::api::list_industry_chains());
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("promoted-title") />
        <div class="page-header">
            <h1>{move || tr!("promoted-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::WorkPromotion).await;
                    may.then(|| view! { <a class="button-primary" href="/promotion/projects/new">{tr!("promoted-new")}</a> })
                })}
            </Transition>
        </div>
        <PromotionLinks />
        <p class="hint">{move || tr!("promoted-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let chains = chains.await.unwrap_or_default();
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        let locale = use_locale();
                        view! {
                            {filter_form(&f, &chains, "/promotion/projects", true, locale)}
                            {results(p, &f, locale)}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The filter of the list (the portal's too, without the status: it shows the published).
pub fn filter_form(
    f: &PromotedFilter,
    chains: &[IndustryChain],
    action: &'static str,
    with_status: bool,
    locale: Locale,
) -> impl IntoView + use<> {
    let (status, size, chain) = (f.status, f.size, f.chain);
    let chain_options =
        crate::pickers::options_html(Some(&tr!("common-any")), chains.iter().map(|c| (c.id, c.name(locale))), chain);
    let status_field = with_status.then(|| {
        view! {
            <div class="field">
                <label for="status">{tr!("promoted-field-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {PromotedStatus::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=status == Some(*s)>{status_name(*s)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    });
    view! {
        <form method="get" action=action class="form-inline filters" role="search">
            <div class="field">
                <label for="q">{tr!("promoted-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default() />
            </div>
            <div class="field">
                <label for="chain">{tr!("promoted-field-chain")}</label>
                <select id="chain" name="chain" inner_html=chain_options></select>
            </div>
            <div class="field">
                <label for="size">{tr!("promoted-field-size")}</label>
                <select id="size" name="size">
                    <option value="">{tr!("common-any")}</option>
                    {SizeBand::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=size == Some(*s)>{size_name(*s)}</option>
                    }).collect_view()}
                </select>
            </div>
            {status_field}
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

fn results(page: PromotedPage, f: &PromotedFilter, locale: Locale) -> AnyView {
    let count = tr!("promoted-count", { "count" => page.total });
    if page.items.is_empty() {
        return view! {
            <p class="muted" role="status">{count}</p>
            <p class="muted">{tr!("promoted-none")}</p>
        }
        .into_any();
    }
    let href = |n: i64| with_query("/promotion/projects", &f.to_query(n));
    let pager = pager(page.page, page.per_page, page.items.len(), page.total, href);
    let labels = [
        tr!("promoted-field-title"),
        tr!("promoted-field-sub-chain"),
        tr!("promoted-field-investment"),
        tr!("firm-field-officer"),
        tr!("promoted-field-status"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = page
        .items
        .iter()
        .map(|p| {
            let (title, lang) = p.title.for_reader(locale);
            view! {
                <tr>
                    <td><a href=format!("/promotion/projects/{}", p.id) lang=lang.tag()>{title.to_string()}</a></td>
                    <td>{placement(p, locale)}</td>
                    <td class="num">{investment_text(p.investment, locale)}</td>
                    <td>{p.officer_name.clone()}</td>
                    <td>{status_badge(p)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" role="status">{count}</p>
        <div class="table-wrap">
            <table class="table promoted">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {pager}
    }
    .into_any()
}

/// What the form's pickers offer.
#[derive(Clone, Default)]
struct Choices {
    chains: Vec<IndustryChain>,
    subs: Vec<SubChain>,
    segments: Vec<Segment>,
    counties: Vec<County>,
    /// The liaison officers, for an admin who names the project's officer (None for an officer).
    officers: Option<Vec<Officer>>,
}

type Lists = Result<(Vec<IndustryChain>, Vec<SubChain>, Vec<Segment>, Vec<County>), AppError>;

/// The pickers' lists, loaded for the form.
fn use_choices() -> Resource<Lists, crate::codec::Packed> {
    crate::codec::resource(
        || (),
        |_| async move {
            Ok((
                crate::enterprises::api::list_industry_chains().await?,
                crate::projects::chains::list_sub_chains().await?,
                chain_segments().await?,
                crate::projects::counties::list_counties().await?,
            ))
        },
    )
}

async fn choices(
    loaded: Resource<Lists, crate::codec::Packed>,
    officers: Resource<Result<Vec<Officer>, AppError>, crate::codec::Packed>,
    me: crate::shell::Me,
) -> Result<Choices, AppError> {
    let (chains, subs, segments, counties) = loaded.await?;
    let officers = if me.may(crate::auth::Action::AssignLiaison).await { Some(officers.await?) } else { None };
    Ok(Choices { chains, subs, segments, counties, officers })
}

/// The segments as options, each sub-chain's under its name, "none" first.
fn segment_options(c: &Choices, chosen: Option<i64>, locale: Locale) -> String {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let mut html = format!("<option value=\"\">{}</option>", Esc(&tr!("common-none")));
    for sub in &c.subs {
        let mut group = c.segments.iter().filter(|s| s.sub_chain_id == sub.id).peekable();
        if group.peek().is_none() {
            continue;
        }
        let _ = write!(html, "<optgroup label=\"{}\">", Esc(sub.name(locale)));
        for s in group {
            let selected = if chosen == Some(s.id) { " selected" } else { "" };
            let _ = write!(html, "<option value=\"{}\"{selected}>{}</option>", s.id, Esc(s.name(locale)));
        }
        html.push_str("</optgroup>");
    }
    html
}

/// A text's three fields side by side: Chinese (required), English, French.
fn written_fields(
    names: [&'static str; 3],
    label: String,
    value: Option<&Written>,
    required: bool,
    rows: Option<&'static str>,
    error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let langs = [(names[0], "zh-CN", Locale::ZhCn), (names[1], "en", Locale::En), (names[2], "fr", Locale::Fr)];
    let fields = langs
        .into_iter()
        .map(|(id, tag, locale)| {
            let first = locale == Locale::ZhCn;
            let text = value.map(|w| match locale {
                Locale::ZhCn => w.zh.clone(),
                Locale::En => w.en.clone(),
                Locale::Fr => w.fr.clone(),
            });
            let control = match rows {
                Some(rows) => view! {
                    <textarea id=id name=id rows=rows lang=tag required=required && first>{text.unwrap_or_default()}</textarea>
                }
                .into_any(),
                None => view! {
                    <input id=id name=id type="text" maxlength="300" lang=tag
                        required=required && first value=text.unwrap_or_default() />
                }
                .into_any(),
            };
            view! {
                <div class="field">
                    <label for=id>{locale.endonym()}</label>
                    {control}
                    {move || field_message(error.get(), id)}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="written wide">
            <legend>{label}</legend>
            <div class="written-columns">{fields}</div>
        </fieldset>
    }
}

/// The project's fields, empty or as `p` has them.
fn promoted_fields(
    p: Option<&PromotedProject>,
    c: &Choices,
    error: Signal<Option<AppError>>,
    locale: Locale,
) -> impl IntoView + use<> {
    let subs = crate::projects::pages::sub_chain_options(&c.chains, &c.subs, p.map(|p| p.sub_chain_id), locale);
    let segments = segment_options(c, p.and_then(|p| p.segment_id), locale);
    let counties = crate::pickers::options_html(
        Some(&tr!("common-none")),
        c.counties.iter().map(|x| (x.id, x.name(locale))),
        p.and_then(|p| p.county_id),
    );
    let officer = c.officers.as_ref().map(|officers| {
        let options = crate::pickers::options_html(
            Some(""),
            officers.iter().map(|o| (o.id, o.display_name.as_str())),
            p.map(|p| p.officer_id),
        );
        view! {
            <div class="field">
                <label for="officer_id">{tr!("promoted-field-officer")}</label>
                <select id="officer_id" name="officer_id" inner_html=options></select>
                {move || field_message(error.get(), "officer_id")}
            </div>
        }
    });
    let cooperation = p.map(|p| p.cooperation);
    let investment = p.map(|p| p.investment.yi()).unwrap_or_default();
    let land = p.and_then(|p| p.land_mu).map(|m| m.to_string()).unwrap_or_default();
    view! {
        {written_fields(["title_zh", "title_en", "title_fr"], tr!("promoted-field-title"), p.map(|p| &p.title), true, None, error)}
        {written_fields(["description_zh", "description_en", "description_fr"], tr!("promoted-field-description"), p.map(|p| &p.description), true, Some("5"), error)}
        {written_fields(["offer_zh", "offer_en", "offer_fr"], tr!("promoted-field-offer"), p.map(|p| &p.offer), false, Some("3"), error)}
        <p class="hint wide">{tr!("promoted-translations-hint")}</p>
        <div class="field">
            <label for="sub_chain_id">{tr!("promoted-field-sub-chain")}</label>
            <select id="sub_chain_id" name="sub_chain_id" required inner_html=subs></select>
            {move || field_message(error.get(), "sub_chain_id")}
        </div>
        <div class="field">
            <label for="segment_id">{tr!("promoted-field-segment")}</label>
            <select id="segment_id" name="segment_id" aria-describedby="segment_id-hint" inner_html=segments></select>
            <p class="hint" id="segment_id-hint">{tr!("promoted-field-segment-hint")}</p>
            {move || field_message(error.get(), "segment_id")}
        </div>
        <div class="field">
            <label for="county_id">{tr!("promoted-field-county")}</label>
            <select id="county_id" name="county_id" inner_html=counties></select>
            {move || field_message(error.get(), "county_id")}
        </div>
        <div class="field">
            <label for="investment">{tr!("promoted-field-investment-yi")}</label>
            <input id="investment" name="investment" type="text" inputmode="decimal" required value=investment
                aria-describedby="investment-hint" />
            <p class="hint" id="investment-hint">{tr!("promoted-field-investment-hint")}</p>
            {move || field_message(error.get(), "investment")}
        </div>
        <div class="field">
            <label for="land_mu">{tr!("promoted-field-land")}</label>
            <input id="land_mu" name="land_mu" type="number" min="1" step="1" value=land />
            {move || field_message(error.get(), "land_mu")}
        </div>
        <div class="field">
            <label for="cooperation">{tr!("promoted-field-cooperation")}</label>
            <select id="cooperation" name="cooperation" required>
                {Cooperation::ALL.iter().map(|k| view! {
                    <option value=k.as_str() selected=cooperation == Some(*k)>{cooperation_name(*k)}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "cooperation")}
        </div>
        {officer}
    }
}

#[component]
pub fn NewPromotedPage() -> impl IntoView {
    let register = ServerAction::<RegisterPromoted>::new();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    let loaded = use_choices();
    let officers = crate::codec::resource(|| (), |_| crate::enterprises::api::list_officers());
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("promoted-new") />
        <p class="breadcrumb"><a href="/promotion/projects">{move || tr!("promoted-title")}</a></p>
        <h1>{move || tr!("promoted-new")}</h1>
        <FormError error />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match choices(loaded, officers, me).await {
                    Err(e) => page_error(e),
                    Ok(c) => view! {
                        <ActionForm action=register attr:class="form form-wide">
                            <div class="form-grid">{promoted_fields(None, &c, error, use_locale())}</div>
                            <button type="submit" class="button-primary">{tr!("promoted-register")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn PromotedProjectPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdatePromoted>::new();
    let publish = ServerAction::<SetPromotedStatus>::new();
    let project = crate::codec::resource(
        move || (id(), update.version().get(), publish.version().get()),
        |(id, _, _)| get_promoted(id),
    );
    let loaded = use_choices();
    let officers = crate::codec::resource(|| (), |_| crate::enterprises::api::list_officers());
    let me = crate::shell::use_me();
    let saved = Signal::derive(move || {
        matches!(update.value().get(), Some(Ok(()))) || matches!(publish.value().get(), Some(Ok(())))
    });
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let publish_error = Signal::derive(move || publish.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("promoted-title") />
        <p class="breadcrumb"><a href="/promotion/projects">{move || tr!("promoted-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let v = match project.await {
                    Err(e) => return page_error(e),
                    Ok(v) => v,
                };
                let works = me.may(crate::auth::Action::WorkPromotion).await;
                let forms = if v.editable {
                    let c = choices(loaded, officers, me).await.unwrap_or_default();
                    Some(officer_forms(&v.project, &c, update, publish, update_error, publish_error, locale))
                } else {
                    None
                };
                let p = v.project;
                let (title, lang) = p.title.for_reader(locale);
                let published = p.published_at.map(|at| {
                    tr!("promoted-published-on", { "date" => format_day(crate::domain::office_today(at), locale) })
                });
                let missing = p.missing_languages();
                let missing_note = (!missing.is_empty()).then(|| {
                    let names = missing.iter().map(|l| l.endonym()).collect::<Vec<_>>().join(", ");
                    view! { <p class="notice" role="status">{tr!("promoted-missing-languages", { "languages" => names })}</p> }
                });
                let brochures = if v.brochures.is_empty() {
                    view! { <span class="muted">{tr!("promoted-in-no-brochure")}</span> }.into_any()
                } else {
                    v.brochures.iter().map(|(id, number)| view! {
                        <a href=format!("/promotion/brochures/{id}")>{tr!("brochure-number", { "number" => *number })}</a>" "
                    }).collect_view().into_any()
                };
                let open_lead = works.then(|| view! {
                    <a class="button-secondary" href=format!("/promotion/leads/new?promoted={}", p.id)>{tr!("promoted-open-lead")}</a>
                });
                let public_link = (p.status == PromotedStatus::Published).then(|| view! {
                    <a href=format!("/portal/opportunities/{}", p.id)>{tr!("promoted-on-portal")}</a>
                });
                view! {
                    <h1 lang=lang.tag()>{title.to_string()}</h1>
                    <dl class="facts">
                        <dt>{tr!("promoted-field-sub-chain")}</dt><dd>{placement(&p, locale)}</dd>
                        <dt>{tr!("promoted-field-county")}</dt><dd>{p.county.as_ref().map(|c| pick(c, locale).to_string())}</dd>
                        <dt>{tr!("promoted-field-investment")}</dt><dd>{investment_text(p.investment, locale)}</dd>
                        <dt>{tr!("promoted-field-land")}</dt><dd>{p.land_mu.map(|m| land_text(m, locale))}</dd>
                        <dt>{tr!("promoted-field-cooperation")}</dt><dd>{cooperation_name(p.cooperation)}</dd>
                        <dt>{tr!("promoted-field-officer")}</dt><dd>{p.officer_name.clone()}</dd>
                        <dt>{tr!("promoted-field-status")}</dt><dd>{status_badge(&p)} " " {published} " " {public_link}</dd>
                        <dt>{tr!("promoted-conversion")}</dt>
                        <dd>{tr!("promoted-conversion-text", { "leads" => v.conversion.leads, "signed" => v.conversion.signed })}</dd>
                        <dt>{tr!("brochures-title")}</dt><dd>{brochures}</dd>
                    </dl>
                    <p class="actions">{open_lead}</p>
                    <Saved show=saved />
                    {missing_note}
                    <section class="panel" aria-labelledby="promoted-titles">
                        <h2 id="promoted-titles">{tr!("promoted-field-title")}</h2>
                        <div class="public-texts">{written_columns(&p.title)}</div>
                    </section>
                    <section class="panel" aria-labelledby="promoted-descriptions">
                        <h2 id="promoted-descriptions">{tr!("promoted-field-description")}</h2>
                        <div class="public-texts">{written_columns(&p.description)}</div>
                    </section>
                    <section class="panel" aria-labelledby="promoted-offers">
                        <h2 id="promoted-offers">{tr!("promoted-field-offer")}</h2>
                        <div class="public-texts">{written_columns(&p.offer)}</div>
                    </section>
                    {forms}
                }.into_any()
            })}
        </Transition>
    }
}

/// The officer's forms: publish it (or take it back), correct it.
fn officer_forms(
    p: &PromotedProject,
    c: &Choices,
    update: ServerAction<UpdatePromoted>,
    publish: ServerAction<SetPromotedStatus>,
    update_error: Signal<Option<AppError>>,
    publish_error: Signal<Option<AppError>>,
    locale: Locale,
) -> impl IntoView + use<> {
    let fields = promoted_fields(Some(p), c, update_error, locale);
    let (id, version) = (p.id.to_string(), p.version.to_string());
    let (id2, version2) = (id.clone(), version.clone());
    let (next, label, hint) = match p.status {
        PromotedStatus::Draft => (PromotedStatus::Published, tr!("promoted-publish"), tr!("promoted-publish-hint")),
        PromotedStatus::Published => (PromotedStatus::Draft, tr!("promoted-unpublish"), tr!("promoted-unpublish-hint")),
    };
    view! {
        <section class="panel" aria-labelledby="promoted-publishing">
            <h2 id="promoted-publishing">{tr!("promoted-publishing")}</h2>
            <p class="hint">{hint}</p>
            <FormError error=publish_error />
            <ActionForm action=publish attr:class="form">
                <input type="hidden" name="id" value=id2 />
                <input type="hidden" name="version" value=version2 />
                <input type="hidden" name="status" value=next.as_str() />
                <button type="submit" class="button-primary">{label}</button>
            </ActionForm>
        </section>
        <details class="panel">
            <summary>{tr!("promoted-correct")}</summary>
            <FormError error=update_error />
            <ActionForm action=update attr:class="form form-wide">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="form-grid">{fields}</div>
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </details>
    }
}
