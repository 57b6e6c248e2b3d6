//! The portal's "Investment opportunities": the city's published promoted projects, filtered by
//! industry chain and size, each with its page in the visitor's language (the Chinese, said
//! so, where a text is not written in it) and the form that expresses interest. The form is
//! a plain HTML form posted to the server (`server/src/portal.rs`) with the portal's
//! protections; the interest becomes a lead of the project's officer.

use super::api::refused_post;
use super::pages::{language_field, rate_limited_notice, text_field, PortalNav, TextField};
use super::{PortalPost, Refused};
use crate::domain::Locale;
use crate::i18n::use_locale;
use crate::pickers::country_options;
use crate::promotion::promoted::api::{public_chains, public_opportunities, public_opportunity};
use crate::promotion::promoted::pages::{cooperation_name, filter_form, investment_text, land_text, placement};
use crate::promotion::promoted::{pick, InterestForm, PromotedFilter, PromotedPage, PromotedProject, MESSAGE_MAX};
use crate::promotion::Written;
use crate::shell::{field_message, language_name, page_error, pager, with_query, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A note that a text is shown in Chinese, not being written in the reader's language.
fn fallback_note(texts: &[&Written], locale: Locale) -> Option<impl IntoView + use<>> {
    texts.iter().any(|w| !w.zh.trim().is_empty() && w.for_reader(locale).1 != locale).then(|| {
        view! {
            <p class="fallback-note muted">
                {tr!("portal-opportunity-not-translated", { "language" => language_name(locale) })}
            </p>
        }
    })
}

#[component]
pub fn OpportunitiesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || PromotedFilter { status: None, ..PromotedFilter::from_query(|k| query.read().get(k)) };
    let page = crate::codec::resource(filter, public_opportunities);
    let chains = crate::codec::resource(|| (), |_| public_chains());
    view! {
        <Title text=tr!("portal-opportunities-title") />
        <PortalNav current="/portal/opportunities" />
        <h1>{move || tr!("portal-opportunities-title")}</h1>
        <p class="lead">{move || tr!("portal-opportunities-intro")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let chains = chains.await.unwrap_or_default();
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        view! {
                            {filter_form(&f, &chains, "/portal/opportunities", false, locale)}
                            {cards(p, &f, locale)}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn cards(page: PromotedPage, f: &PromotedFilter, locale: Locale) -> AnyView {
    let count = tr!("portal-opportunities-count", { "count" => page.total });
    if page.items.is_empty() {
        return view! {
            <p class="muted" role="status">{count}</p>
            <p class="muted">{tr!("portal-opportunities-none")}</p>
        }
        .into_any();
    }
    let href = |n: i64| with_query("/portal/opportunities", &f.to_query(n));
    let pager = pager(page.page, page.per_page, page.items.len(), page.total, href);
    let items = page.items.iter().map(|p| card(p, locale)).collect_view();
    view! {
        <p class="muted" role="status">{count}</p>
        <ul class="policy-list opportunities">{items}</ul>
        {pager}
    }
    .into_any()
}

fn card(p: &PromotedProject, locale: Locale) -> impl IntoView {
    let (title, title_lang) = p.title.for_reader(locale);
    let (description, description_lang) = p.description.for_reader(locale);
    let short: String = description.chars().take(280).collect();
    let short = if short.chars().count() < description.chars().count() { format!("{short}…") } else { short };
    view! {
        <li class="card opportunity">
            <h2 lang=title_lang.tag()><a href=format!("/portal/opportunities/{}", p.id)>{title.to_string()}</a></h2>
            <p class="muted small">
                {placement(p, locale)} " · " {investment_text(p.investment, locale)} " · " {cooperation_name(p.cooperation)}
            </p>
            {fallback_note(&[&p.title, &p.description], locale)}
            <p lang=description_lang.tag()>{short}</p>
        </li>
    }
}

#[component]
pub fn OpportunityPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let sent = move || query.read().get("sent").is_some_and(|v| v == "1");
    let project = crate::codec::resource(id, public_opportunity);
    let post = crate::codec::resource(|| (), |_| refused_post());
    view! {
        <Title text=tr!("portal-opportunities-title") />
        <PortalNav current="/portal/opportunities" />
        <p class="breadcrumb"><a href="/portal/opportunities">{move || tr!("portal-opportunities-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                let p = match project.await {
                    Err(e) => return page_error(e),
                    Ok(p) => p,
                };
                let form = if sent() {
                    view! {
                        <div class="notice notice-success" role="status" id="interest-sent">
                            <h2>{tr!("portal-interest-sent-title")}</h2>
                            <p>{tr!("portal-interest-sent-text", { "officer" => p.officer_name.clone() })}</p>
                        </div>
                    }.into_any()
                } else {
                    match post.await.ok().flatten() {
                        Some(PortalPost::RateLimited) => rate_limited_notice().into_any(),
                        Some(PortalPost::Interest(r)) => interest_form(p.id, Some(*r), locale).into_any(),
                        _ => interest_form(p.id, None, locale).into_any(),
                    }
                };
                view! { {opportunity(&p, locale)} {form} }.into_any()
            })}
        </Transition>
    }
}

fn opportunity(p: &PromotedProject, locale: Locale) -> impl IntoView {
    let (title, title_lang) = p.title.for_reader(locale);
    let (description, description_lang) = p.description.for_reader(locale);
    let offer = (!p.offer.zh.trim().is_empty()).then(|| {
        let (offer, lang) = p.offer.for_reader(locale);
        view! {
            <h2>{tr!("promoted-field-offer")}</h2>
            <p class="notes" lang=lang.tag()>{offer.to_string()}</p>
        }
    });
    view! {
        <h1 lang=title_lang.tag()>{title.to_string()}</h1>
        {fallback_note(&[&p.title, &p.description, &p.offer], locale)}
        <dl class="facts">
            <dt>{tr!("promoted-field-sub-chain")}</dt><dd>{placement(p, locale)}</dd>
            <dt>{tr!("promoted-field-county")}</dt><dd>{p.county.as_ref().map(|c| pick(c, locale).to_string())}</dd>
            <dt>{tr!("promoted-field-investment")}</dt><dd>{investment_text(p.investment, locale)}</dd>
            <dt>{tr!("promoted-field-land")}</dt><dd>{p.land_mu.map(|m| land_text(m, locale))}</dd>
            <dt>{tr!("promoted-field-cooperation")}</dt><dd>{cooperation_name(p.cooperation)}</dd>
            <dt>{tr!("portal-opportunity-contact")}</dt><dd>{p.officer_name.clone()}</dd>
        </dl>
        <p class="notes" lang=description_lang.tag()>{description.to_string()}</p>
        {offer}
    }
}

fn interest_form(id: i64, refused: Option<Refused<InterestForm>>, locale: Locale) -> impl IntoView {
    let (f, error) = Refused::or_blank(refused);
    let error_signal = Signal::stored(error.clone());
    let err = move || error.clone();
    let field = |name, label, value: &str, input_type, autocomplete, required| TextField {
        name,
        label,
        hint: None,
        value: value.to_string(),
        input_type,
        autocomplete,
        required,
    };
    view! {
        <section class="panel" aria-labelledby="interest">
            <h2 id="interest">{tr!("portal-interest-title")}</h2>
            <p>{tr!("portal-interest-intro")}</p>
            <FormError error=error_signal />
            <form method="post" action=format!("/portal/opportunities/{id}") class="form portal-form" novalidate="">
                <div class="field honeypot" aria-hidden="true">
                    <label for="website">{tr!("portal-field-website")}</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
                </div>
                {text_field(field("company", tr!("interest-field-company"), &f.company, "text", "organization", true), err())}
                <div class="field">
                    <label for="country">{tr!("interest-field-country")}</label>
                    <select id="country" name="country" aria-describedby="country-error"
                        inner_html=country_options(locale, Some(&tr!("portal-choose")), &[&f.country])>
                    </select>
                    {field_message(err(), "country")}
                </div>
                {text_field(field("contact_name", tr!("interest-field-contact-name"), &f.contact_name, "text", "name", true), err())}
                {text_field(field("email", tr!("interest-field-email"), &f.email, "email", "email", true), err())}
                {text_field(field("phone", tr!("interest-field-phone"), &f.phone, "tel", "tel", false), err())}
                {language_field(tr!("interest-field-language"), None, &f.language, locale, err())}
                <div class="field">
                    <label for="message">{tr!("interest-field-message")} " " <span class="muted">{tr!("portal-optional")}</span></label>
                    <textarea id="message" name="message" rows="6" maxlength=MESSAGE_MAX
                        aria-describedby="message-error">{f.message.clone()}</textarea>
                    {field_message(err(), "message")}
                </div>
                <p class="muted">{tr!("portal-privacy")}</p>
                <button type="submit" class="button-primary">{tr!("portal-interest-submit")}</button>
            </form>
        </section>
    }
}
