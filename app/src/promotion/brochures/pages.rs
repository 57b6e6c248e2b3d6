//! The brochure's pages: its issues with how far each one's projects went (and all of them
//! together), starting an issue, and each issue's page with its projects, the picker that adds
//! a published one and the links to the printed brochure in Chinese beside English or French.

use super::api::{get_brochure, list_brochures, AddToBrochure, CreateBrochure, RemoveFromBrochure};
use super::{BrochureIssue, BrochureList, BrochureView, Funnel};
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n::{format_day, use_locale};
use crate::promotion::promoted::pages::{investment_text, placement};
use crate::promotion::PromotionLinks;
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

crate::routes::pages! {
    "/promotion/brochures" => BrochuresPage, Needs(ReadPromotion);
    "/promotion/brochures/:id" => BrochurePage, Needs(ReadPromotion);
}

/// An issue's theme in the reader's language, with its language.
fn theme(i: &BrochureIssue, locale: Locale) -> (String, Locale) {
    let (text, lang) = i.theme.for_reader(locale);
    (text.to_string(), lang)
}

fn funnel_cells(f: Funnel) -> impl IntoView {
    view! {
        <td class="num">{f.presented}</td>
        <td class="num">{f.with_leads}</td>
        <td class="num">{f.signed}</td>
    }
}

#[component]
pub fn BrochuresPage() -> impl IntoView {
    let create = ServerAction::<CreateBrochure>::new();
    let list = crate::codec::resource(|| (), |_| list_brochures());
    let me = crate::shell::use_me();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("brochures-title") />
        <h1>{move || tr!("brochures-title")}</h1>
        <PromotionLinks />
        <p class="hint">{move || tr!("brochures-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::WorkPromotion).await;
                match list.await {
                    Err(e) => page_error(e),
                    Ok(l) => view! {
                        {issues_table(l, use_locale())}
                        {may.then(|| new_issue_form(create, error))}
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

fn issues_table(l: BrochureList, locale: Locale) -> AnyView {
    let summary = tr!("brochures-summary", {
        "issues" => l.issues.len() as i64,
        "presented" => l.total.presented,
        "signed" => l.total.signed,
    });
    if l.issues.is_empty() {
        return view! { <p class="muted">{tr!("brochures-none")}</p> }.into_any();
    }
    let labels = [
        tr!("brochure-field-number"),
        tr!("brochure-field-theme"),
        tr!("brochure-field-issued-on"),
        tr!("brochure-presented"),
        tr!("brochure-with-leads"),
        tr!("brochure-signed"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = l
        .issues
        .iter()
        .map(|i| {
            let (text, lang) = theme(i, locale);
            view! {
                <tr>
                    <td><a href=format!("/promotion/brochures/{}", i.id)>{tr!("brochure-number", { "number" => i.number })}</a></td>
                    <td lang=lang.tag()>{text}</td>
                    <td>{format_day(i.issued_on, locale)}</td>
                    {funnel_cells(i.funnel)}
                </tr>
            }
        })
        .collect_view();
    let total_label = tr!("brochures-all-issues");
    view! {
        <p role="status">{summary}</p>
        <div class="table-wrap">
            <table class="table brochures">
                <caption class="visually-hidden">{tr!("brochures-title")}</caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr><th scope="row" colspan="3">{total_label}</th>{funnel_cells(l.total)}</tr></tfoot>
            </table>
        </div>
    }
    .into_any()
}

fn new_issue_form(create: ServerAction<CreateBrochure>, error: Signal<Option<AppError>>) -> impl IntoView {
    let field =
        move |id: &'static str, label: String, kind: &'static str, required: bool, lang: Option<&'static str>| {
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <input id=id name=id type=kind required=required lang=lang />
                    {move || field_message(error.get(), id)}
                </div>
            }
        };
    view! {
        <section class="panel" aria-labelledby="new-issue">
            <h2 id="new-issue">{tr!("brochures-new")}</h2>
            <FormError error />
            <ActionForm action=create attr:class="form">
                <div class="form-grid">
                    {field("number", tr!("brochure-field-number"), "number", true, None)}
                    {field("issued_on", tr!("brochure-field-issued-on"), "date", true, None)}
                    {field("theme_zh", tr!("brochure-field-theme-zh"), "text", true, Some("zh-CN"))}
                    {field("theme_en", tr!("brochure-field-theme-en"), "text", false, Some("en"))}
                    {field("theme_fr", tr!("brochure-field-theme-fr"), "text", false, Some("fr"))}
                </div>
                <button type="submit" class="button-primary">{tr!("brochures-create")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn BrochurePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let add = ServerAction::<AddToBrochure>::new();
    let remove = ServerAction::<RemoveFromBrochure>::new();
    let issue = crate::codec::resource(
        move || (id(), add.version().get(), remove.version().get()),
        |(id, _, _)| get_brochure(id),
    );
    let choices = crate::codec::resource(|| (), |_| crate::promotion::promoted::api::published_choices());
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("brochures-title") />
        <p class="breadcrumb"><a href="/promotion/brochures">{move || tr!("brochures-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match issue.await {
                    Err(e) => page_error(e),
                    Ok(v) => {
                        let choices = if v.editable { choices.await.unwrap_or_default() } else { Vec::new() };
                        issue_view(v, choices, add, remove, add_error, remove_error, use_locale())
                    }
                }
            })}
        </Transition>
    }
}

fn issue_view(
    v: BrochureView,
    choices: Vec<(i64, String)>,
    add: ServerAction<AddToBrochure>,
    remove: ServerAction<RemoveFromBrochure>,
    add_error: Signal<Option<AppError>>,
    remove_error: Signal<Option<AppError>>,
    locale: Locale,
) -> AnyView {
    let i = v.issue.clone();
    let (theme_text, theme_lang) = theme(&i, locale);
    let id = i.id;
    let figures = tr!("brochure-figures", {
        "presented" => i.funnel.presented,
        "with_leads" => i.funnel.with_leads,
        "signed" => i.funnel.signed,
    });
    let labels = [
        tr!("promoted-field-title"),
        tr!("promoted-field-sub-chain"),
        tr!("promoted-field-investment"),
        tr!("brochure-leads"),
        tr!("brochure-signed"),
    ];
    let editable = v.editable;
    let mut headings =
        labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }.into_any()).collect::<Vec<_>>();
    if editable {
        headings.push(
            view! { <th scope="col"><span class="visually-hidden">{tr!("brochure-remove")}</span></th> }.into_any(),
        );
    }
    let rows = v
        .entries
        .iter()
        .map(|e| {
            let p = &e.project;
            let (title, lang) = p.title.for_reader(locale);
            let remove_form = editable.then(|| {
                let label = tr!("brochure-remove");
                let project_id = p.id.to_string();
                view! {
                    <td>
                        <ActionForm action=remove>
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="project_id" value=project_id />
                            <button type="submit" class="button-text">{label}</button>
                        </ActionForm>
                    </td>
                }
            });
            view! {
                <tr>
                    <td><a href=format!("/promotion/projects/{}", p.id) lang=lang.tag()>{title.to_string()}</a></td>
                    <td>{placement(p, locale)}</td>
                    <td class="num">{investment_text(p.investment, locale)}</td>
                    <td class="num">{e.conversion.leads}</td>
                    <td class="num">{e.conversion.signed}</td>
                    {remove_form}
                </tr>
            }
        })
        .collect_view();
    let table = if v.entries.is_empty() {
        view! { <p class="muted">{tr!("brochure-empty")}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table brochure-projects">
                    <thead><tr>{headings}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let adder = editable.then(|| {
        let options = crate::pickers::options_html(Some(""), choices.iter().map(|(id, t)| (*id, t.as_str())), None);
        view! {
            <section class="panel" aria-labelledby="brochure-add">
                <h2 id="brochure-add">{tr!("brochure-add")}</h2>
                <FormError error=add_error />
                <ActionForm action=add attr:class="form form-inline">
                    <input type="hidden" name="id" value=id.to_string() />
                    <div class="field">
                        <label for="project_id">{tr!("brochure-add-project")}</label>
                        <select id="project_id" name="project_id" required inner_html=options lang="zh-CN"></select>
                        {move || field_message(add_error.get(), "project_id")}
                    </div>
                    <button type="submit" class="button-primary">{tr!("brochure-add")}</button>
                </ActionForm>
            </section>
        }
    });
    view! {
        <h1>{tr!("brochure-number", { "number" => i.number })} " · " <span lang=theme_lang.tag()>{theme_text}</span></h1>
        <dl class="facts">
            <dt>{tr!("brochure-field-issued-on")}</dt><dd>{format_day(i.issued_on, locale)}</dd>
            <dt>{tr!("promoted-conversion")}</dt><dd>{figures}</dd>
        </dl>
        <p class="actions">
            <a class="button-secondary" rel="external" href=format!("/promotion/brochures/{id}/print?lang=en")>{tr!("brochure-print-en")}</a>
            " "
            <a class="button-secondary" rel="external" href=format!("/promotion/brochures/{id}/print?lang=fr")>{tr!("brochure-print-fr")}</a>
        </p>
        <FormError error=remove_error />
        {table}
        {adder}
    }
    .into_any()
}
