//! The enterprise register: list with search and filters, registration, and each
//! enterprise's page with its liaison officer, history and aftercare contacts.

use super::api::{
    get_enterprise, list_enterprises, list_industry_chains, list_officers, AssignLiaison, RecordContact,
    RegisterEnterprise, UpdateEnterprise,
};
use super::{ContactKind, Enterprise, EnterpriseFilter, EnterpriseSummary, IndustryChain, Lifecycle, Officer};
use crate::domain::{Country, Locale};
use crate::error::AppError;
use crate::i18n::{format_date, format_datetime, format_money, format_number, use_locale, Labels};
use crate::pickers::country_options;
use crate::shell::{field_message, language_name, page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub fn lifecycle_name(l: Lifecycle) -> String {
    match l {
        Lifecycle::Lead => tr!("lifecycle-lead"),
        Lifecycle::Established => tr!("lifecycle-established"),
        Lifecycle::Expanding => tr!("lifecycle-expanding"),
        Lifecycle::Exited => tr!("lifecycle-exited"),
    }
}

fn contact_kind_name(k: ContactKind) -> String {
    match k {
        ContactKind::Visit => tr!("contact-kind-visit"),
        ContactKind::Call => tr!("contact-kind-call"),
        ContactKind::Meeting => tr!("contact-kind-meeting"),
    }
}

fn country_name(code: &str, locale: Locale) -> String {
    Country::parse("country", code).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| code.to_string())
}

fn chain_name(chains: &[IndustryChain], id: Option<i64>, locale: Locale) -> String {
    id.and_then(|id| chains.iter().find(|c| c.id == id)).map(|c| c.name(locale).to_string()).unwrap_or_default()
}

fn filter_from_query(q: &leptos_router::params::ParamsMap) -> EnterpriseFilter {
    EnterpriseFilter::from_query(|k| q.get(k))
}

/// The list URL for a filter on another page.
fn list_href(f: &EnterpriseFilter, page: i64) -> String {
    crate::shell::with_query("/enterprises", &f.to_query(page))
}

#[component]
pub fn EnterprisesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || filter_from_query(&query.read());
    // A page of fifty names: sent to the browser packed (see `codec`).
    let page = crate::codec::resource(filter, list_enterprises);
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let officers = crate::codec::resource(|| (), |_| list_officers());
    let me = crate::shell::use_me().0;
    let title = if filter().mine { tr!("nav-my-enterprises") } else { tr!("enterprises-title") };
    view! {
        <Title text=title.clone() />
        <div class="page-header">
            <h1>{title}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = matches!(me.await, Ok(Some(u)) if crate::auth::allows(u.role, crate::auth::Action::RegisterEnterprise));
                    may.then(|| view! { <a class="button-primary" href="/enterprises/new">{tr!("enterprises-new")}</a> })
                })}
            </Transition>
        </div>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let chains = chains.await.unwrap_or_default();
                let officers = officers.await.unwrap_or_default();
                match page.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let f = filter();
                        view! {
                            <FilterForm filter=f.clone() chains=chains.clone() officers />
                            <ResultsTable page=p filter=f chains />
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn FilterForm(filter: EnterpriseFilter, chains: Vec<IndustryChain>, officers: Vec<Officer>) -> impl IntoView {
    let locale = use_locale();
    let f = filter;
    view! {
        <form method="get" action="/enterprises" class="form-inline filters" role="search">
            {f.mine.then(|| view! { <input type="hidden" name="mine" value="true" /> })}
            <div class="field">
                <label for="q">{tr!("enterprises-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default()
                    aria-describedby="q-hint" />
                <p class="hint" id="q-hint">{tr!("enterprises-search-hint")}</p>
            </div>
            <div class="field">
                <label for="country">{tr!("field-country")}</label>
                <select id="country" name="country"
                    inner_html=country_options(locale, Some(&tr!("common-any")), &[f.country.as_deref().unwrap_or_default()])>
                </select>
            </div>
            <div class="field">
                <label for="industry_chain_id">{tr!("field-industry-chain")}</label>
                <select id="industry_chain_id" name="industry_chain_id">
                    <option value="">{tr!("common-any")}</option>
                    {chains.iter().map(|c| {
                        let selected = f.industry_chain_id == Some(c.id);
                        view! { <option value=c.id.to_string() selected=selected>{c.name(locale).to_string()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="lifecycle">{tr!("field-lifecycle")}</label>
                <select id="lifecycle" name="lifecycle">
                    <option value="">{tr!("common-any")}</option>
                    {Lifecycle::ALL.into_iter().map(|l| {
                        let selected = f.lifecycle.as_deref() == Some(l.as_str());
                        view! { <option value=l.as_str() selected=selected>{lifecycle_name(l)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="is_key">{tr!("field-key-enterprise")}</label>
                <select id="is_key" name="is_key">
                    <option value="">{tr!("common-any")}</option>
                    <option value="true" selected=f.is_key == Some(true)>{tr!("common-yes")}</option>
                    <option value="false" selected=f.is_key == Some(false)>{tr!("common-no")}</option>
                </select>
            </div>
            {(!f.mine).then(|| view! {
                <div class="field">
                    <label for="liaison_id">{tr!("field-liaison-officer")}</label>
                    <select id="liaison_id" name="liaison_id">
                        <option value="">{tr!("common-any")}</option>
                        {officers.iter().map(|o| {
                            let selected = f.liaison_id == Some(o.id);
                            view! { <option value=o.id.to_string() selected=selected>{o.display_name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="sort">{tr!("enterprises-sort")}</label>
                <select id="sort" name="sort">
                    <option value="name" selected=f.sort.as_deref().unwrap_or("name") == "name">{tr!("enterprises-sort-name")}</option>
                    <option value="updated" selected=f.sort.as_deref() == Some("updated")>{tr!("enterprises-sort-updated")}</option>
                    <option value="last_contact" selected=f.sort.as_deref() == Some("last_contact")>{tr!("enterprises-sort-last-contact")}</option>
                </select>
            </div>
            <div class="field checkbox">
                <label><input type="checkbox" name="overdue" value="true" checked=f.overdue />" "{tr!("enterprises-overdue-only")}</label>
                <label><input type="checkbox" name="gap" value="true" checked=f.gap />" "{tr!("enterprises-gap-only")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

#[component]
fn ResultsTable(page: super::EnterprisePage, filter: EnterpriseFilter, chains: Vec<IndustryChain>) -> impl IntoView {
    let locale = use_locale();
    let total = page.total;
    let paging = crate::shell::Paging::of(page.page, page.per_page, page.items.len(), total);
    let prev = (page.page > 0).then(|| list_href(&filter, page.page - 1));
    let next = paging.has_next.then(|| list_href(&filter, page.page + 1));
    let export = format!("/enterprises/export.csv?{}", filter.to_query(0));
    let (from, to) = (format_number(paging.from as f64, 0, locale), format_number(paging.to as f64, 0, locale));
    let count = if paging.capped {
        let cap = format_number(crate::domain::COUNT_CAP as f64, 0, locale);
        tr!("enterprises-count-many", { "from" => from, "to" => to, "total" => cap })
    } else {
        tr!("enterprises-count", { "from" => from, "to" => to, "total" => format_number(total as f64, 0, locale) })
    };
    if page.items.is_empty() {
        return view! { <p class="muted">{tr!("enterprises-none")}</p> }.into_any();
    }
    let mut labels = RowLabels::default();
    let rows = page.items.into_iter().map(|e| enterprise_row(e, &chains, locale, &mut labels)).collect_view();
    view! {
        <div class="page-header">
            <p class="muted" role="status">{count}</p>
            <a href=export download="enterprises.csv">{tr!("common-export-csv")}</a>
        </div>
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!("field-name-zh")}</th>
                    <th scope="col">{tr!("field-country")}</th>
                    <th scope="col">{tr!("field-industry-chain")}</th>
                    <th scope="col">{tr!("field-lifecycle")}</th>
                    <th scope="col">{tr!("field-liaison-officer")}</th>
                    <th scope="col">{tr!("enterprises-last-contact")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label=tr!("common-pages")>
            {prev.map(|href| view! { <a href=href rel="prev">{tr!("common-previous")}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{tr!("common-next")}</a> })}
        </nav>
    }
    .into_any()
}

/// The labels the rows of one table share.
#[derive(Default)]
struct RowLabels {
    key: Labels<()>,
    gap: Labels<()>,
    overdue: Labels<()>,
    never: Labels<()>,
    lifecycles: Labels<Lifecycle>,
}

fn enterprise_row(
    e: EnterpriseSummary,
    chains: &[IndustryChain],
    locale: Locale,
    labels: &mut RowLabels,
) -> impl IntoView {
    let href = format!("/enterprises/{}", e.id);
    let key = e.is_key.then(|| labels.key.get((), |_| tr!("enterprises-key-badge")));
    let gap = (e.is_key && e.liaison_id.is_none() && e.lifecycle != Lifecycle::Exited)
        .then(|| labels.gap.get((), |_| tr!("enterprises-gap-badge")));
    let overdue = e.overdue.then(|| labels.overdue.get((), |_| tr!("enterprises-overdue-badge")));
    let last = match e.last_contact_on {
        Some(d) => crate::i18n::format_day(d, locale),
        None => labels.never.get((), |_| tr!("enterprises-never-contacted")),
    };
    let lifecycle = labels.lifecycles.get(e.lifecycle, lifecycle_name);
    view! {
        <tr>
            <td>
                <a href=href>{e.name_zh.clone()}</a>
                {key.map(|k| view! { <span class="badge badge-key">{k}</span> })}
                <br /><span class="muted small">{e.name_original.clone()}</span>
            </td>
            <td>{country_name(&e.country, locale)}</td>
            <td>{chain_name(chains, e.industry_chain_id, locale)}</td>
            <td>{lifecycle}</td>
            <td>
                {e.liaison_name.clone().unwrap_or_default()}
                {gap.map(|g| view! { <span class="badge badge-warn">{g}</span> })}
            </td>
            <td>
                {last}
                {overdue.map(|o| view! { <span class="badge badge-warn">{o}</span> })}
            </td>
        </tr>
    }
}

/// The fields of the register and edit forms.
#[component]
fn EnterpriseFields(
    current: Option<Enterprise>,
    chains: Vec<IndustryChain>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let e = current;
    let val = |f: fn(&Enterprise) -> String| e.as_ref().map(f).unwrap_or_default();
    let money = |c: Option<i64>| c.map(|c| format!("{}.{:02}", c / 100, c % 100)).unwrap_or_default();
    let name_zh = val(|e| e.name_zh.clone());
    let name_original = val(|e| e.name_original.clone());
    let credit_code = val(|e| e.credit_code.clone().unwrap_or_default());
    let country = val(|e| e.country.clone());
    let chain = e.as_ref().and_then(|e| e.industry_chain_id);
    let registered = money(e.as_ref().and_then(|e| e.registered_capital_usd_cents));
    let utilised = money(e.as_ref().and_then(|e| e.utilised_capital_usd_cents));
    let employees = val(|e| e.employees.map(|n| n.to_string()).unwrap_or_default());
    let foreign_staff = val(|e| e.foreign_staff.map(|n| n.to_string()).unwrap_or_default());
    let lifecycle = e.as_ref().map(|e| e.lifecycle).unwrap_or(Lifecycle::Lead);
    let is_key = e.as_ref().is_some_and(|e| e.is_key);
    let address = val(|e| e.address.clone());
    let notes = val(|e| e.notes.clone());
    view! {
        <div class="form-grid">
            <div class="field">
                <label for="name_zh">{tr!("field-name-zh")}</label>
                <input id="name_zh" name="name_zh" type="text" maxlength="200" lang="zh-CN" value=name_zh required />
                {move || field_message(error.get(), "name_zh")}
            </div>
            <div class="field">
                <label for="name_original">{tr!("field-name-original")}</label>
                <input id="name_original" name="name_original" type="text" maxlength="200" value=name_original required />
                {move || field_message(error.get(), "name_original")}
            </div>
            <div class="field">
                <label for="credit_code">{tr!("field-credit-code")}</label>
                <input id="credit_code" name="credit_code" type="text" maxlength="24" autocomplete="off"
                    spellcheck="false" value=credit_code aria-describedby="credit_code-hint" />
                <p class="hint" id="credit_code-hint">{tr!("field-credit-code-hint")}</p>
                {move || field_message(error.get(), "credit_code")}
            </div>
            <div class="field">
                <label for="country">{tr!("field-country")}</label>
                <select id="country" name="country" required
                    inner_html=country_options(locale, Some(&tr!("common-choose")), &[&country])>
                </select>
                {move || field_message(error.get(), "country")}
            </div>
            <div class="field">
                <label for="industry_chain_id">{tr!("field-industry-chain")}</label>
                <select id="industry_chain_id" name="industry_chain_id">
                    <option value="">{tr!("common-none")}</option>
                    {chains.into_iter().map(|c| {
                        let selected = chain == Some(c.id);
                        view! { <option value=c.id.to_string() selected=selected>{c.name(locale).to_string()}</option> }
                    }).collect_view()}
                </select>
                {move || field_message(error.get(), "industry_chain_id")}
            </div>
            <div class="field">
                <label for="lifecycle">{tr!("field-lifecycle")}</label>
                <select id="lifecycle" name="lifecycle">
                    {Lifecycle::ALL.into_iter().map(|l| view! {
                        <option value=l.as_str() selected=l == lifecycle>{lifecycle_name(l)}</option>
                    }).collect_view()}
                </select>
                {move || field_message(error.get(), "lifecycle")}
            </div>
            <div class="field">
                <label for="registered_capital_usd">{tr!("field-registered-capital")}</label>
                <input id="registered_capital_usd" name="registered_capital_usd" type="text" inputmode="decimal" value=registered />
                {move || field_message(error.get(), "registered_capital_usd")}
            </div>
            <div class="field">
                <label for="utilised_capital_usd">{tr!("field-utilised-capital")}</label>
                <input id="utilised_capital_usd" name="utilised_capital_usd" type="text" inputmode="decimal" value=utilised />
                {move || field_message(error.get(), "utilised_capital_usd")}
            </div>
            <div class="field">
                <label for="employees">{tr!("field-employees")}</label>
                <input id="employees" name="employees" type="text" inputmode="numeric" value=employees />
                {move || field_message(error.get(), "employees")}
            </div>
            <div class="field">
                <label for="foreign_staff">{tr!("field-foreign-staff")}</label>
                <input id="foreign_staff" name="foreign_staff" type="text" inputmode="numeric" value=foreign_staff />
                {move || field_message(error.get(), "foreign_staff")}
            </div>
            <div class="field wide">
                <label for="address">{tr!("field-address")}</label>
                <input id="address" name="address" type="text" maxlength="300" value=address />
                {move || field_message(error.get(), "address")}
            </div>
            <div class="field wide">
                <label for="notes">{tr!("field-notes")}</label>
                <textarea id="notes" name="notes" rows="3">{notes}</textarea>
                {move || field_message(error.get(), "notes")}
            </div>
            <div class="field checkbox wide">
                <label><input type="checkbox" id="is_key" name="is_key" value="true" checked=is_key />" "{tr!("field-key-enterprise-long")}</label>
            </div>
        </div>
    }
}

#[component]
pub fn NewEnterprisePage() -> impl IntoView {
    let register = ServerAction::<RegisterEnterprise>::new();
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let me = crate::shell::use_me().0;
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("enterprises-new") />
        <p class="breadcrumb"><a href="/enterprises">{move || tr!("enterprises-title")}</a></p>
        <h1>{move || tr!("enterprises-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let may = matches!(me.await, Ok(Some(u)) if crate::auth::allows(u.role, crate::auth::Action::RegisterEnterprise));
                match chains.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(chains) => view! {
                        <FormError error />
                        <ActionForm action=register attr:class="form form-wide">
                            <EnterpriseFields current=None chains error />
                            <button type="submit" class="button-primary">{tr!("enterprises-register")}</button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn EnterprisePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateEnterprise>::new();
    let assign = ServerAction::<AssignLiaison>::new();
    let contact = ServerAction::<RecordContact>::new();
    let leader = ServerAction::<super::api::SetResponsibleLeader>::new();
    let add_person = ServerAction::<super::api::AddPerson>::new();
    let remove_person = ServerAction::<super::api::RemovePerson>::new();
    let versions = move || {
        let actions = [
            update.version(),
            assign.version(),
            contact.version(),
            leader.version(),
            add_person.version(),
            remove_person.version(),
        ];
        (id(), actions.map(|v| v.get()))
    };
    let leaders = crate::codec::resource(|| (), |_| super::api::list_leaders());
    let enterprise = crate::codec::resource(versions, |(id, ..)| get_enterprise(id));
    let history = crate::codec::resource(versions, |(id, ..)| super::api::enterprise_history(id));
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let officers = crate::codec::resource(|| (), |_| list_officers());
    let cases = crate::codec::resource(id, |id| {
        crate::cases::api::list_cases(crate::cases::CaseFilter { enterprise_id: Some(id), ..Default::default() })
    });
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let assign_error = Signal::derive(move || assign.value().get().and_then(Result::err));
    let contact_error = Signal::derive(move || contact.value().get().and_then(Result::err));
    let saved = Signal::derive(move || {
        matches!(update.value().get(), Some(Ok(())))
            || matches!(assign.value().get(), Some(Ok(())))
            || matches!(contact.value().get(), Some(Ok(())))
            || matches!(leader.value().get(), Some(Ok(())))
            || query.read().get("saved").is_some()
    });

    view! {
        <Title text=tr!("enterprises-title") />
        <p class="breadcrumb"><a href="/enterprises">{move || tr!("enterprises-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let chains = chains.await.unwrap_or_default();
                let officers = officers.await.unwrap_or_default();
                let leaders = leaders.await.unwrap_or_default();
                match enterprise.await {
                    Err(e) => page_error(e),
                    Ok(e) => view! {
                        <EnterpriseView e=e.clone() chains=chains.clone() />
                        <Saved show=saved />
                        <LiaisonSection e=e.clone() officers assign error=assign_error />
                        <LeaderSection e=e.clone() leaders action=leader />
                        <PeopleSection e=e.clone() add=add_person remove=remove_person />
                        <section class="panel" aria-labelledby="cases-heading">
                            <div class="page-header">
                                <h2 id="cases-heading">{tr!("cases-title")}</h2>
                                {e.editable.then(|| {
                                    let href = format!("/cases/new?enterprise={}", e.id);
                                    view! { <a class="button-secondary" href=href>{tr!("cases-new")}</a> }
                                })}
                            </div>
                            {match cases.await {
                                Ok(list) => view! { <crate::cases::pages::CasesTable cases=list.items /> }.into_any(),
                                Err(_) => ().into_any(),
                            }}
                        </section>
                        <ContactsSection e=e.clone() contact error=contact_error />
                        {e.editable.then(|| view! {
                            <section class="panel" aria-labelledby="edit-heading">
                                <h2 id="edit-heading">{tr!("enterprises-edit")}</h2>
                                <FormError error=update_error />
                                <ActionForm action=update attr:class="form form-wide">
                                    <input type="hidden" name="id" value=e.id.to_string() />
                                    <input type="hidden" name="version" value=e.version.to_string() />
                                    <EnterpriseFields current=Some(e.clone()) chains error=update_error />
                                    <button type="submit" class="button-primary">{tr!("common-save")}</button>
                                </ActionForm>
                            </section>
                        })}
                    }.into_any(),
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || tr!("users-history")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(page) => view! { <crate::admin::pages::AuditTable entries=page.entries /> }.into_any(),
                        Err(e) => page_error(e),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn EnterpriseView(e: Enterprise, chains: Vec<IndustryChain>) -> impl IntoView {
    let locale = use_locale();
    let money = move |c: Option<i64>| c.map(|c| format_money(c, "USD", locale)).unwrap_or_else(|| "—".into());
    let count = move |n: Option<i32>| n.map(|n| format_number(n as f64, 0, locale)).unwrap_or_else(|| "—".into());
    let key = e.is_key.then(|| tr!("enterprises-key-badge"));
    let overdue = e.overdue.then(|| tr!("enterprises-overdue-badge"));
    let last = e
        .last_contact_on
        .map(|d| crate::i18n::format_day(d, locale))
        .unwrap_or_else(|| tr!("enterprises-never-contacted"));
    view! {
        <h1>
            {e.name_zh.clone()}
            {key.map(|k| view! { <span class="badge badge-key">{k}</span> })}
            {overdue.map(|o| view! { <span class="badge badge-warn">{o}</span> })}
        </h1>
        <p class="lead">{e.name_original.clone()}</p>
        <dl class="facts">
            <dt>{tr!("field-credit-code")}</dt><dd><code>{e.credit_code.clone().unwrap_or_else(|| "—".into())}</code></dd>
            <dt>{tr!("field-country")}</dt><dd>{country_name(&e.country, locale)}</dd>
            <dt>{tr!("field-industry-chain")}</dt><dd>{chain_name(&chains, e.industry_chain_id, locale)}</dd>
            <dt>{tr!("field-lifecycle")}</dt><dd>{lifecycle_name(e.lifecycle)}</dd>
            <dt>{tr!("field-registered-capital")}</dt><dd>{money(e.registered_capital_usd_cents)}</dd>
            <dt>{tr!("field-utilised-capital")}</dt><dd>{money(e.utilised_capital_usd_cents)}</dd>
            <dt>{tr!("field-employees")}</dt><dd>{count(e.employees)}</dd>
            <dt>{tr!("field-foreign-staff")}</dt><dd>{count(e.foreign_staff)}</dd>
            <dt>{tr!("field-address")}</dt><dd>{e.address.clone()}</dd>
            <dt>{tr!("enterprises-last-contact")}</dt><dd>{last}</dd>
            <dt>{tr!("enterprises-registered-on")}</dt><dd>{format_datetime(e.created_at, locale)}</dd>
        </dl>
        {(!e.notes.is_empty()).then(|| view! { <p class="notes">{e.notes.clone()}</p> })}
    }
}

#[component]
fn LiaisonSection(
    e: Enterprise,
    officers: Vec<Officer>,
    assign: ServerAction<AssignLiaison>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let active = e.liaisons.iter().find(|l| l.ended_at.is_none()).cloned();
    let has_active = active.is_some();
    let current = active
        .map(|l| view! { <p class="lead">{l.officer_name.clone()}</p> }.into_any())
        .unwrap_or_else(|| view! { <p class="notice notice-info">{tr!("enterprises-no-liaison")}</p> }.into_any());
    let past: Vec<_> = e.liaisons.iter().filter(|l| l.ended_at.is_some()).cloned().collect();
    view! {
        <section class="panel" aria-labelledby="liaison-heading">
            <h2 id="liaison-heading">{tr!("field-liaison-officer")}</h2>
            {current}
            {e.assignable.then(|| view! {
                <FormError error />
                <ActionForm action=assign attr:class="form">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="field">
                        <label for="officer_id">{if has_active { tr!("enterprises-reassign-to") } else { tr!("enterprises-assign-to") }}</label>
                        <select id="officer_id" name="officer_id">
                            <option value="">{tr!("common-choose")}</option>
                            {officers.iter().map(|o| view! { <option value=o.id.to_string()>{o.display_name.clone()}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "officer_id")}
                    </div>
                    {has_active.then(|| view! {
                        <div class="field">
                            <label for="handover_note">{tr!("field-handover-note")}</label>
                            <textarea id="handover_note" name="handover_note" rows="2" aria-describedby="handover_note-hint"></textarea>
                            <p class="hint" id="handover_note-hint">{tr!("field-handover-note-hint")}</p>
                            {move || field_message(error.get(), "handover_note")}
                        </div>
                    })}
                    <button type="submit" class="button-secondary">{if has_active { tr!("enterprises-reassign") } else { tr!("enterprises-assign") }}</button>
                </ActionForm>
            })}
            {(!past.is_empty()).then(|| view! {
                <h3>{tr!("enterprises-previous-liaisons")}</h3>
                <ul class="history">
                    {past.into_iter().map(|l| {
                        let period = format!("{} – {}", format_date(l.assigned_at, locale), l.ended_at.map(|d| format_date(d, locale)).unwrap_or_default());
                        view! { <li><strong>{l.officer_name.clone()}</strong>" · "{period}<br /><span class="muted">{l.handover_note.clone()}</span></li> }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The people at the enterprise, each with the language they read.
#[component]
fn PeopleSection(
    e: Enterprise,
    add: ServerAction<super::api::AddPerson>,
    remove: ServerAction<super::api::RemovePerson>,
) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    let editable = e.editable;
    let rows = e.people.iter().map(|p| person_row(p.clone(), e.id, editable, remove)).collect_view();
    let list = if e.people.is_empty() {
        view! { <p class="muted">{tr!("people-none")}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap"><table class="table">
                <thead><tr>
                    <th scope="col">{tr!("people-name")}</th>
                    <th scope="col">{tr!("people-title")}</th>
                    <th scope="col">{tr!("field-email")}</th>
                    <th scope="col">{tr!("people-phone")}</th>
                    <th scope="col">{tr!("field-language")}</th>
                    {editable.then(|| view! { <th scope="col"><span class="visually-hidden">{tr!("people-remove")}</span></th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="people-heading">
            <h2 id="people-heading">{tr!("people-title-heading")}</h2>
            <FormError error=remove_error />
            {list}
            {editable.then(|| view! {
                <h3>{tr!("people-add")}</h3>
                <FormError error />
                <ActionForm action=add attr:class="form">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="person_name">{tr!("people-name")}</label>
                            <input id="person_name" name="person_name" type="text" maxlength="100" required />
                            {move || field_message(error.get(), "person_name")}
                        </div>
                        <div class="field">
                            <label for="person_title">{tr!("people-title")}</label>
                            <input id="person_title" name="person_title" type="text" maxlength="100" />
                            {move || field_message(error.get(), "person_title")}
                        </div>
                        <div class="field">
                            <label for="person_email">{tr!("field-email")}</label>
                            <input id="person_email" name="person_email" type="email" maxlength="254" />
                            {move || field_message(error.get(), "person_email")}
                        </div>
                        <div class="field">
                            <label for="person_phone">{tr!("people-phone")}</label>
                            <input id="person_phone" name="person_phone" type="tel" maxlength="40" />
                            {move || field_message(error.get(), "person_phone")}
                        </div>
                        <div class="field">
                            <label for="person_language">{tr!("field-language")}</label>
                            <select id="person_language" name="person_language">
                                {Locale::ALL.into_iter().map(|l| view! { <option value=l.tag()>{language_name(l)}</option> }).collect_view()}
                            </select>
                            {move || field_message(error.get(), "person_language")}
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("people-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}

fn person_row(
    p: super::ContactPerson,
    enterprise_id: i64,
    editable: bool,
    remove: ServerAction<super::api::RemovePerson>,
) -> impl IntoView {
    let mailto = p.email.clone().map(|m| format!("mailto:{m}"));
    view! {
        <tr>
            <td>{p.name.clone()}</td>
            <td>{p.title.clone()}</td>
            <td>{mailto.map(|href| view! { <a href=href>{p.email.clone().unwrap_or_default()}</a> })}</td>
            <td>{p.phone.clone()}</td>
            <td>{language_name(p.language)}</td>
            {editable.then(|| view! {
                <td>
                    <ActionForm action=remove attr:class="form-inline">
                        <input type="hidden" name="id" value=enterprise_id.to_string() />
                        <input type="hidden" name="person_id" value=p.id.to_string() />
                        <button type="submit" class="button-plain">{tr!("people-remove")}</button>
                    </ActionForm>
                </td>
            })}
        </tr>
    }
}

/// The enterprise's responsible leader, who sees its overdue cases flagged.
#[component]
fn LeaderSection(
    e: Enterprise,
    leaders: Vec<Officer>,
    action: ServerAction<super::api::SetResponsibleLeader>,
) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let current = e.responsible_leader_id;
    let name = current.and_then(|id| leaders.iter().find(|l| l.id == id)).map(|l| l.display_name.clone());
    let options = leaders
        .iter()
        .map(|l| view! { <option value=l.id.to_string() selected=current == Some(l.id)>{l.display_name.clone()}</option> })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="leader-heading">
            <h2 id="leader-heading">{tr!("field-responsible-leader")}</h2>
            <p>{name.unwrap_or_else(|| tr!("enterprises-no-leader"))}</p>
            {e.assignable.then(|| view! {
                <FormError error />
                <ActionForm action attr:class="form-inline">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="field">
                        <label for="leader_id">{tr!("field-responsible-leader")}</label>
                        <select id="leader_id" name="leader_id">
                            <option value="">{tr!("enterprises-no-leader")}</option>
                            {options}
                        </select>
                        {move || field_message(error.get(), "leader_id")}
                    </div>
                    <button type="submit" class="button-secondary">{tr!("common-save")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn ContactsSection(
    e: Enterprise,
    contact: ServerAction<RecordContact>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    // With JavaScript the form stays on the page: empty it once the contact is saved.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    crate::shell::reset_when(move || matches!(contact.value().get(), Some(Ok(()))), form_ref);
    let list = if e.contacts.is_empty() {
        view! { <p class="muted">{tr!("enterprises-no-contacts")}</p> }.into_any()
    } else {
        view! {
            <ul class="history">
                {e.contacts.iter().map(|c| {
                    let when = crate::i18n::format_day(c.contacted_on, locale);
                    view! {
                        <li>
                            <strong>{when}" · "{contact_kind_name(c.kind)}</strong>
                            {(!c.participants.is_empty()).then(|| view! { " · "{c.participants.clone()} })}
                            <br />{c.notes.clone()}
                            {(!c.follow_ups.is_empty()).then(|| view! { <br /><em>{tr!("field-follow-ups")}{tr!("label-separator")}</em>{c.follow_ups.clone()} })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{tr!("enterprises-contacts")}</h2>
            {list}
            {e.editable.then(|| view! {
                <h3>{tr!("enterprises-record-contact")}</h3>
                <FormError error />
                <ActionForm action=contact node_ref=form_ref attr:class="form">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="kind">{tr!("field-contact-kind")}</label>
                            <select id="kind" name="kind">
                                {ContactKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{contact_kind_name(k)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="contacted_on">{tr!("field-contacted-on")}</label>
                            <input id="contacted_on" name="contacted_on" type="date" required />
                            {move || field_message(error.get(), "contacted_on")}
                        </div>
                        <div class="field wide">
                            <label for="participants">{tr!("field-participants")}</label>
                            <input id="participants" name="participants" type="text" />
                        </div>
                        <div class="field wide">
                            <label for="contact_notes">{tr!("field-notes")}</label>
                            <textarea id="contact_notes" name="notes" rows="3" required></textarea>
                            {move || field_message(error.get(), "notes")}
                        </div>
                        <div class="field wide">
                            <label for="follow_ups">{tr!("field-follow-ups")}</label>
                            <textarea id="follow_ups" name="follow_ups" rows="2"></textarea>
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("enterprises-record-contact")}</button>
                </ActionForm>
            })}
        </section>
    }
}
