//! The policy register's pages: the list with its filter, registering a document, and each
//! document's page with its texts in three languages and, for the admins, the forms that
//! correct and withdraw it.

use super::api::{get_policy, list_policies, RegisterPolicy, UpdatePolicy, WithdrawPolicy};
use super::{Policy, PolicyFilter, PolicyPage, PolicyStatus};
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n::{format_day, format_number, use_locale};
use crate::promotion::{written_columns, PromotionLinks};
use crate::shell::{field_message, page_error, pager, with_query, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

crate::routes::pages! {
    "/promotion/policies" => PoliciesPage, Needs(ReadPromotion);
    "/promotion/policies/new" => NewPolicyPage, Needs(ManagePolicies);
    "/promotion/policies/:id" => PolicyDocumentPage, Needs(ReadPromotion);
}

pub fn status_name(s: PolicyStatus) -> String {
    match s {
        PolicyStatus::InForce => tr!("policy-status-in-force"),
        PolicyStatus::Withdrawn => tr!("policy-status-withdrawn"),
    }
}

/// A document's status as a badge, with the day of its withdrawal.
fn status_badge(p: &Policy, locale: Locale) -> impl IntoView + use<> {
    let text = match p.withdrawn_on {
        Some(on) => tr!("policy-withdrawn-on", { "date" => format_day(on, locale) }),
        None => status_name(p.status),
    };
    let class = format!("status status-policy-{}", p.status.as_str());
    view! { <span class=class>{text}</span> }
}

#[component]
pub fn PoliciesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || PolicyFilter::from_query(|k| query.read().get(k));
    let page = crate::codec::resource(filter, list_policies);
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("policies-title") />
        <div class="page-header">
            <h1>{move || tr!("policies-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::ManagePolicies).await;
                    may.then(|| view! { <a class="button-primary" href="/promotion/policies/new">{tr!("policies-new")}</a> })
                })}
            </Transition>
        </div>
        <PromotionLinks />
        <p class="hint">{move || tr!("policies-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        view! { {filter_form(&f)} {results(p, &f, use_locale())} }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn filter_form(f: &PolicyFilter) -> impl IntoView {
    let status = f.status;
    view! {
        <form method="get" action="/promotion/policies" class="form-inline filters" role="search">
            <div class="field">
                <label for="q">{tr!("policies-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default() />
            </div>
            <div class="field">
                <label for="status">{tr!("policy-field-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {PolicyStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=status == Some(s)>{status_name(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

fn results(page: PolicyPage, f: &PolicyFilter, locale: Locale) -> AnyView {
    let counts = tr!("policies-counts", {
        "in_force" => format_number(page.in_force as f64, 0, locale),
        "withdrawn" => format_number(page.withdrawn as f64, 0, locale),
    });
    if page.items.is_empty() {
        return view! {
            <p class="muted" role="status">{counts}</p>
            <p class="muted">{tr!("policies-none")}</p>
        }
        .into_any();
    }
    let href = |n: i64| with_query("/promotion/policies", &f.to_query(n));
    let pager = pager(page.page, page.per_page, page.items.len(), page.total, href);
    // Read before the view: see `projects::pages::list::headings`.
    let labels = [
        tr!("policy-field-doc-number"),
        tr!("policy-field-title"),
        tr!("policy-field-issuer"),
        tr!("policy-field-issued-on"),
        tr!("policy-field-status"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = page
        .items
        .iter()
        .map(|p| {
            let (title, lang) = p.title.for_reader(locale);
            view! {
                <tr>
                    <td>{p.doc_number.clone()}</td>
                    <td><a href=format!("/promotion/policies/{}", p.id) lang=lang.tag()>{title.to_string()}</a></td>
                    <td>{p.issuer.clone()}</td>
                    <td>{format_day(p.issued_on, locale)}</td>
                    <td>{status_badge(p, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" role="status">{counts}</p>
        <div class="table-wrap">
            <table class="table policies">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {pager}
    }
    .into_any()
}

#[component]
pub fn NewPolicyPage() -> impl IntoView {
    let register = ServerAction::<RegisterPolicy>::new();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("policies-new") />
        <p class="breadcrumb"><a href="/promotion/policies">{move || tr!("policies-title")}</a></p>
        <h1>{move || tr!("policies-new")}</h1>
        <FormError error />
        <ActionForm action=register attr:class="form form-wide">
            <div class="form-grid">{policy_fields(None, error)}</div>
            <button type="submit" class="button-primary">{move || tr!("policies-register")}</button>
        </ActionForm>
    }
}

/// The document's fields, empty or as `p` has them.
fn policy_fields(p: Option<&Policy>, error: Signal<Option<AppError>>) -> impl IntoView + use<> {
    let text = |f: fn(&Policy) -> String| p.map(f).unwrap_or_default();
    let input = move |id: &'static str, label: String, value: String, required: bool, max: &'static str| {
        view! {
            <div class="field wide">
                <label for=id>{label}</label>
                <input id=id name=id type="text" maxlength=max required=required value=value />
                {move || field_message(error.get(), id)}
            </div>
        }
    };
    let area = move |id: &'static str, label: String, value: String, lang: &'static str| {
        view! {
            <div class="field wide">
                <label for=id>{label}</label>
                <textarea id=id name=id rows="4" lang=lang>{value}</textarea>
                {move || field_message(error.get(), id)}
            </div>
        }
    };
    view! {
        {input("title_zh", tr!("policy-field-title-zh"), text(|p| p.title.zh.clone()), true, "300")}
        {input("title_en", tr!("policy-field-title-en"), text(|p| p.title.en.clone()), false, "300")}
        {input("title_fr", tr!("policy-field-title-fr"), text(|p| p.title.fr.clone()), false, "300")}
        {input("issuer", tr!("policy-field-issuer"), text(|p| p.issuer.clone()), true, "200")}
        <div class="field">
            <label for="doc_number">{tr!("policy-field-doc-number")}</label>
            <input id="doc_number" name="doc_number" type="text" maxlength="100" aria-describedby="doc_number-hint"
                value=text(|p| p.doc_number.clone()) />
            <p class="hint" id="doc_number-hint">{tr!("policy-field-doc-number-hint")}</p>
            {move || field_message(error.get(), "doc_number")}
        </div>
        <div class="field">
            <label for="issued_on">{tr!("policy-field-issued-on")}</label>
            <input id="issued_on" name="issued_on" type="date" required value=text(|p| p.issued_on.to_string()) />
            {move || field_message(error.get(), "issued_on")}
        </div>
        {area("summary_zh", tr!("policy-field-summary-zh"), text(|p| p.summary.zh.clone()), "zh-CN")}
        {area("summary_en", tr!("policy-field-summary-en"), text(|p| p.summary.en.clone()), "en")}
        {area("summary_fr", tr!("policy-field-summary-fr"), text(|p| p.summary.fr.clone()), "fr")}
        <p class="hint wide">{tr!("policy-translations-hint")}</p>
    }
}

#[component]
pub fn PolicyDocumentPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdatePolicy>::new();
    let withdraw = ServerAction::<WithdrawPolicy>::new();
    let policy = crate::codec::resource(
        move || (id(), update.version().get(), withdraw.version().get()),
        |(id, _, _)| get_policy(id),
    );
    let saved = Signal::derive(move || {
        matches!(update.value().get(), Some(Ok(()))) || matches!(withdraw.value().get(), Some(Ok(())))
    });
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let withdraw_error = Signal::derive(move || withdraw.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("policies-title") />
        <p class="breadcrumb"><a href="/promotion/policies">{move || tr!("policies-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = use_locale();
                match policy.await {
                    Err(e) => page_error(e),
                    Ok(v) => {
                        let p = v.policy;
                        let open = v.editable && p.status == PolicyStatus::InForce;
                        let forms = open.then(|| admin_forms(&p, update, withdraw, update_error, withdraw_error));
                        let (title, lang) = p.title.for_reader(locale);
                        view! {
                            <h1 lang=lang.tag()>{title.to_string()}</h1>
                            <dl class="facts">
                                <dt>{tr!("policy-field-issuer")}</dt><dd>{p.issuer.clone()}</dd>
                                <dt>{tr!("policy-field-doc-number")}</dt><dd>{p.doc_number.clone()}</dd>
                                <dt>{tr!("policy-field-issued-on")}</dt><dd>{format_day(p.issued_on, locale)}</dd>
                                <dt>{tr!("policy-field-status")}</dt><dd>{status_badge(&p, locale)}</dd>
                            </dl>
                            {(p.status == PolicyStatus::Withdrawn).then(|| view! {
                                <div class="notice" role="status">
                                    <p>{tr!("policy-withdrawn-because", { "reason" => p.withdrawn_reason.clone() })}</p>
                                </div>
                            })}
                            <Saved show=saved />
                            <section class="panel" aria-labelledby="policy-titles">
                                <h2 id="policy-titles">{tr!("policy-field-title")}</h2>
                                <div class="public-texts">{written_columns(&p.title)}</div>
                            </section>
                            <section class="panel" aria-labelledby="policy-summaries">
                                <h2 id="policy-summaries">{tr!("policy-field-summary")}</h2>
                                <div class="public-texts">{written_columns(&p.summary)}</div>
                            </section>
                            {forms}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The admins' forms on a document in force: correct it, withdraw it.
fn admin_forms(
    p: &Policy,
    update: ServerAction<UpdatePolicy>,
    withdraw: ServerAction<WithdrawPolicy>,
    update_error: Signal<Option<AppError>>,
    withdraw_error: Signal<Option<AppError>>,
) -> impl IntoView + use<> {
    let fields = policy_fields(Some(p), update_error);
    let (id, version) = (p.id.to_string(), p.version.to_string());
    let (id2, version2) = (id.clone(), version.clone());
    view! {
        <details class="panel">
            <summary>{tr!("policies-correct")}</summary>
            <FormError error=update_error />
            <ActionForm action=update attr:class="form form-wide">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="form-grid">{fields}</div>
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </details>
        <section class="panel" aria-labelledby="policy-withdraw">
            <h2 id="policy-withdraw">{tr!("policies-withdraw")}</h2>
            <p class="hint">{tr!("policies-withdraw-hint")}</p>
            <FormError error=withdraw_error />
            <ActionForm action=withdraw attr:class="form">
                <input type="hidden" name="id" value=id2 />
                <input type="hidden" name="version" value=version2 />
                <div class="field">
                    <label for="withdrawn_on">{tr!("policy-field-withdrawn-on")}</label>
                    <input id="withdrawn_on" name="withdrawn_on" type="date" required />
                    {move || field_message(withdraw_error.get(), "withdrawn_on")}
                </div>
                <div class="field">
                    <label for="reason">{tr!("policy-field-withdrawn-reason")}</label>
                    <textarea id="reason" name="reason" rows="2" required></textarea>
                    {move || field_message(withdraw_error.get(), "reason")}
                </div>
                <button type="submit" class="button-danger">{tr!("policies-withdraw")}</button>
            </ActionForm>
        </section>
    }
}
