//! The leads' pages: the list (the overdue first; "mine" for an officer), opening a lead (from
//! a target firm's page it comes filled in), and each lead's page with its contact log and, for
//! its officer, the forms that log a contact and end it.

use super::api::{get_lead, list_leads, CloseLead, LogLeadContact, OpenLead};
use super::{ContactWay, Lead, LeadFilter, LeadPage, LeadSource, LeadStatus, LeadView};
use crate::domain::{Country, Locale};
use crate::i18n::{format_day, format_number, use_locale};
use crate::promotion::target_firms::api::get_target_firm;
use crate::promotion::PromotionLinks;
use crate::shell::{field_message, page_error, pager, with_query, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

crate::routes::pages! {
    "/promotion/leads" => LeadsPage, Needs(ReadPromotion);
    "/promotion/leads/new" => NewLeadPage, Needs(WorkPromotion);
    "/promotion/leads/:id" => LeadDetailPage, Needs(ReadPromotion);
}

pub fn source_name(s: LeadSource) -> String {
    match s {
        LeadSource::Event => tr!("lead-source-event"),
        LeadSource::Delegation => tr!("lead-source-delegation"),
        LeadSource::TargetFirm => tr!("lead-source-target-firm"),
        LeadSource::Portal => tr!("lead-source-portal"),
        LeadSource::Brochure => tr!("lead-source-brochure"),
        LeadSource::Other => tr!("lead-source-other"),
    }
}

pub fn status_name(s: LeadStatus) -> String {
    match s {
        LeadStatus::Open => tr!("lead-status-open"),
        LeadStatus::BecameProject => tr!("lead-status-became-project"),
        LeadStatus::Closed => tr!("lead-status-closed"),
    }
}

pub fn way_name(w: ContactWay) -> String {
    match w {
        ContactWay::Visit => tr!("lead-way-visit"),
        ContactWay::Meeting => tr!("lead-way-meeting"),
        ContactWay::Call => tr!("lead-way-call"),
        ContactWay::Email => tr!("lead-way-email"),
        ContactWay::Video => tr!("lead-way-video"),
        ContactWay::Event => tr!("lead-way-event"),
    }
}

fn status_badge(s: LeadStatus) -> impl IntoView {
    view! { <span class=format!("status status-lead-{}", s.as_str())>{status_name(s)}</span> }
}

fn next_step(l: &Lead, locale: Locale) -> impl IntoView + use<> {
    let day = l.next_step_on.map(|d| format_day(d, locale));
    let overdue = l.overdue.then(|| view! { <span class="badge badge-overdue">{tr!("firms-overdue-flag")}</span> });
    view! { {day} " " {overdue} <br /> <span class="muted">{l.next_step.clone()}</span> }
}

#[component]
pub fn LeadsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || LeadFilter::from_query(|k| query.read().get(k));
    let page = crate::codec::resource(filter, list_leads);
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("leads-title") />
        <div class="page-header">
            <h1>{move || tr!("leads-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::WorkPromotion).await;
                    may.then(|| view! { <a class="button-primary" href="/promotion/leads/new">{tr!("leads-new")}</a> })
                })}
            </Transition>
        </div>
        <PromotionLinks />
        <p class="hint">{move || tr!("leads-hint")}</p>
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

fn filter_form(f: &LeadFilter) -> impl IntoView {
    let status = f.status;
    view! {
        <form method="get" action="/promotion/leads" class="form-inline filters" role="search">
            <div class="field">
                <label for="q">{tr!("leads-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default() />
            </div>
            <div class="field">
                <label for="status">{tr!("lead-field-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {LeadStatus::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=status == Some(*s)>{status_name(*s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field field-check">
                <input id="overdue" name="overdue" type="checkbox" value="1" checked=f.overdue />
                <label for="overdue">{tr!("firms-only-overdue")}</label>
            </div>
            <div class="field field-check">
                <input id="mine" name="mine" type="checkbox" value="1" checked=f.mine />
                <label for="mine">{tr!("firms-only-mine")}</label>
            </div>
            <button type="submit" class="button-secondary">{tr!("audit-filter")}</button>
        </form>
    }
}

fn results(page: LeadPage, f: &LeadFilter, locale: Locale) -> AnyView {
    let n = |v: i64| format_number(v as f64, 0, locale);
    let counts = tr!("leads-counts", {
        "total" => n(page.total),
        "overdue" => n(page.overdue),
        "mine" => n(page.mine_overdue),
    });
    if page.items.is_empty() {
        return view! {
            <p class="muted" role="status">{counts}</p>
            <p class="muted">{tr!("leads-none")}</p>
        }
        .into_any();
    }
    let href = |p: i64| with_query("/promotion/leads", &f.to_query(p));
    let pager = pager(page.page, page.per_page, page.items.len(), page.total, href);
    let labels = [
        tr!("lead-field-title"),
        tr!("lead-field-investor"),
        tr!("lead-field-source"),
        tr!("firm-field-officer"),
        tr!("lead-field-status"),
        tr!("firm-field-next-step"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = page
        .items
        .iter()
        .map(|l| {
            let class = if l.overdue { "overdue" } else { "" };
            view! {
                <tr class=class>
                    <td><a href=format!("/promotion/leads/{}", l.id)>{l.title.clone()}</a></td>
                    <td>{l.investor.clone()}</td>
                    <td>{source_name(l.source)}</td>
                    <td>{l.officer_name.clone()}</td>
                    <td>{status_badge(l.status)}</td>
                    <td>{next_step(l, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" role="status">{counts}</p>
        <div class="table-wrap">
            <table class="table leads">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {pager}
    }
    .into_any()
}

/// Opening a lead; from a target firm's page (`?firm=`), its name, country and source filled
/// in; from a promoted project's (`?promoted=`), its title, the brochure as its source.
#[component]
pub fn NewLeadPage() -> impl IntoView {
    let query = use_query_map();
    let firm_id = move || query.read().get("firm").and_then(|s| s.parse::<i64>().ok());
    let firm = crate::codec::resource(firm_id, |id| async move {
        match id {
            Some(id) => get_target_firm(id).await.map(Some),
            None => Ok(None),
        }
    });
    let promoted_id = move || query.read().get("promoted").and_then(|s| s.parse::<i64>().ok());
    // `?outcome=`: a delegation's investment lead, followed as a lead.
    let outcome_id = move || query.read().get("outcome").and_then(|s| s.parse::<i64>().ok());
    let outcome = crate::codec::resource(outcome_id, |id| async move {
        match id {
            Some(id) => {
                crate::projects::api::open_leads(None).await.map(|l| l.into_iter().find(|o| o.outcome_id == id))
            }
            None => Ok(None),
        }
    });
    let promoted = crate::codec::resource(promoted_id, |id| async move {
        match id {
            Some(id) => crate::promotion::promoted::api::get_promoted(id).await.map(Some),
            None => Ok(None),
        }
    });
    let open = ServerAction::<OpenLead>::new();
    let error = Signal::derive(move || open.value().get().and_then(Result::err));
    let me = crate::shell::use_me();
    let officers = crate::codec::resource(|| (), |_| crate::enterprises::api::list_officers());
    view! {
        <Title text=tr!("leads-new") />
        <p class="breadcrumb"><a href="/promotion/leads">{move || tr!("leads-title")}</a></p>
        <h1>{move || tr!("leads-new")}</h1>
        <FormError error />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let firm = firm.await.ok().flatten().map(|v| v.firm);
                let promoted = promoted.await.ok().flatten().map(|v| v.project);
                let (mut title, investor, country, firm_id) = match &firm {
                    Some(f) => (f.name.clone(), f.name.clone(), f.country.clone(), f.id.to_string()),
                    None => Default::default(),
                };
                let outcome = outcome.await.ok().flatten();
                let source = match (&firm, &promoted, &outcome) {
                    (Some(_), _, _) => LeadSource::TargetFirm,
                    (None, Some(_), _) => LeadSource::Brochure,
                    (None, None, Some(_)) => LeadSource::Delegation,
                    (None, None, None) => LeadSource::Event,
                };
                if let Some(p) = &promoted {
                    title = p.title.zh.clone();
                }
                if let Some(o) = &outcome {
                    title = o.description.lines().next().unwrap_or_default().chars().take(300).collect();
                }
                let outcome_id = outcome.as_ref().map(|o| o.outcome_id.to_string()).unwrap_or_default();
                let promoted_id = promoted.as_ref().map(|p| p.id.to_string()).unwrap_or_default();
                // An admin names the lead's officer; an officer opens it for themselves.
                let officers = officers.await.unwrap_or_default();
                let officers = me.may(crate::auth::Action::AssignLiaison).await.then(|| {
                    crate::pickers::options_html(Some(""), officers.iter().map(|o| (o.id, o.display_name.as_str())), None)
                });
                let officer_field = officers.map(|options| view! {
                    <div class="field">
                        <label for="officer_id">{tr!("firm-field-officer")}</label>
                        <select id="officer_id" name="officer_id" inner_html=options></select>
                        {move || field_message(error.get(), "officer_id")}
                    </div>
                });
                let locale = use_locale();
                let countries = crate::pickers::country_options(locale, Some(""), &[country.as_str()]);
                view! {
                    <ActionForm action=open attr:class="form form-wide">
                        <input type="hidden" name="target_firm_id" value=firm_id />
                        <input type="hidden" name="promoted_project_id" value=promoted_id />
                        <input type="hidden" name="delegation_outcome_id" value=outcome_id />
                        <div class="form-grid">
                            <div class="field wide">
                                <label for="title">{tr!("lead-field-title")}</label>
                                <input id="title" name="title" type="text" maxlength="300" required=true value=title />
                                {move || field_message(error.get(), "title")}
                            </div>
                            <div class="field">
                                <label for="investor">{tr!("lead-field-investor")}</label>
                                <input id="investor" name="investor" type="text" maxlength="300" required=true value=investor />
                                {move || field_message(error.get(), "investor")}
                            </div>
                            <div class="field">
                                <label for="country">{tr!("firm-field-country")}</label>
                                <select id="country" name="country" inner_html=countries></select>
                                {move || field_message(error.get(), "country")}
                            </div>
                            <div class="field">
                                <label for="source">{tr!("lead-field-source")}</label>
                                <select id="source" name="source">
                                    {LeadSource::ALL.iter().map(|s| view! {
                                        <option value=s.as_str() selected=*s == source>{source_name(*s)}</option>
                                    }).collect_view()}
                                </select>
                                {move || field_message(error.get(), "source")}
                            </div>
                            {officer_field}
                            <div class="field">
                                <label for="next_step_on">{tr!("firm-column-next-step-on")}</label>
                                <input id="next_step_on" name="next_step_on" type="date" />
                                {move || field_message(error.get(), "next_step_on")}
                            </div>
                            <div class="field wide">
                                <label for="next_step">{tr!("firm-field-next-step")}</label>
                                <input id="next_step" name="next_step" type="text" maxlength="500" />
                                {move || field_message(error.get(), "next_step")}
                            </div>
                        </div>
                        {move || field_message(error.get(), "target_firm_id")}
                        {move || field_message(error.get(), "promoted_project_id")}
                        {move || field_message(error.get(), "delegation_outcome_id")}
                        <button type="submit" class="button-primary">{tr!("leads-open")}</button>
                    </ActionForm>
                }
            })}
        </Transition>
    }
}

#[component]
pub fn LeadDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let log = ServerAction::<LogLeadContact>::new();
    let close = ServerAction::<CloseLead>::new();
    let lead =
        crate::codec::resource(move || (id(), log.version().get(), close.version().get()), |(id, _, _)| get_lead(id));
    view! {
        <Title text=tr!("leads-title") />
        <p class="breadcrumb"><a href="/promotion/leads">{move || tr!("leads-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match lead.await {
                    Err(e) => page_error(e),
                    Ok(v) => lead_view(v, log, close, use_locale()),
                }
            })}
        </Transition>
    }
}

fn lead_view(
    v: LeadView,
    log: ServerAction<LogLeadContact>,
    close: ServerAction<CloseLead>,
    locale: Locale,
) -> AnyView {
    let l = v.lead.clone();
    let country = Country::parse("country", &l.country).map(|c| c.name(locale).to_string()).unwrap_or_default();
    let project = l.project_id.map(|p| view! { <a href=format!("/projects/{p}")>{tr!("firm-project-link")}</a> });
    let firm = l.target_firm_id.map(|f| view! { <a href=format!("/promotion/firms/{f}")>{tr!("lead-firm-link")}</a> });
    let promoted = l.promoted_project_id.map(|p| {
        view! { <a href=format!("/promotion/projects/{p}") lang="zh-CN">{v.promoted_title.clone().unwrap_or_default()}</a> }
    });
    let enquiry = v.enquiry.clone().map(|e| enquiry_panel(e, locale));
    let delegation = v.delegation.clone().map(|(id, title)| {
        view! { <dt>{tr!("lead-field-delegation")}</dt><dd><a href=format!("/delegations/{id}")>{title}</a></dd> }
    });
    let closed = (!l.closed_reason.is_empty())
        .then(|| view! { <p>{tr!("lead-closed-because", { "reason" => l.closed_reason.clone() })}</p> });
    let contacts = if v.contacts.is_empty() {
        view! { <p class="muted">{tr!("lead-no-contacts")}</p> }.into_any()
    } else {
        let rows = v
            .contacts
            .iter()
            .map(|c| {
                view! {
                    <tr>
                        <td>{format_day(c.contacted_on, locale)}</td>
                        <td>{way_name(c.way)}</td>
                        <td class="notes">{c.summary.clone()}</td>
                        <td>{c.next_step_on.map(|d| format_day(d, locale))} " " {c.next_step.clone()}</td>
                        <td>{c.recorded_by.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let labels = [
            tr!("lead-contact-on"),
            tr!("lead-contact-way"),
            tr!("lead-contact-summary"),
            tr!("firm-field-next-step"),
            tr!("lead-contact-by"),
        ];
        let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
        view! {
            <div class="table-wrap">
                <table class="table lead-contacts">
                    <thead><tr>{headings}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let forms = v.editable.then(|| {
        view! {
            <ContactPanel lead=l.clone() action=log />
            <ClosePanel lead=l.clone() action=close />
        }
    });
    view! {
        <h1>{l.title.clone()}</h1>
        <dl class="facts">
            <dt>{tr!("lead-field-investor")}</dt><dd>{l.investor.clone()} " " {firm}</dd>
            <dt>{tr!("firm-field-country")}</dt><dd>{country}</dd>
            <dt>{tr!("lead-field-source")}</dt><dd>{source_name(l.source)}</dd>
            {promoted.map(|link| view! { <dt>{tr!("lead-field-promoted")}</dt><dd>{link}</dd> })}
            {delegation}
            <dt>{tr!("firm-field-officer")}</dt><dd>{l.officer_name.clone()}</dd>
            <dt>{tr!("lead-field-status")}</dt><dd>{status_badge(l.status)} " " {project}</dd>
            <dt>{tr!("firm-field-next-step")}</dt><dd>{next_step(&l, locale)}</dd>
        </dl>
        {closed}
        {enquiry}
        <h2>{tr!("lead-contacts")}</h2>
        {contacts}
        {forms}
    }
    .into_any()
}

/// The expression of interest the lead came from, as the investor sent it.
fn enquiry_panel(e: crate::promotion::promoted::Enquiry, locale: Locale) -> impl IntoView {
    let country = Country::parse("country", &e.country).map(|c| c.name(locale).to_string()).unwrap_or_default();
    let mailto = format!("mailto:{}", e.email);
    view! {
        <section class="panel" aria-labelledby="enquiry">
            <h2 id="enquiry">{tr!("lead-enquiry")}</h2>
            <dl class="facts">
                <dt>{tr!("interest-field-company")}</dt><dd>{e.company.clone()}</dd>
                <dt>{tr!("firm-field-country")}</dt><dd>{country}</dd>
                <dt>{tr!("interest-field-contact-name")}</dt><dd>{e.contact_name.clone()}</dd>
                <dt>{tr!("interest-field-email")}</dt><dd><a href=mailto>{e.email.clone()}</a></dd>
                <dt>{tr!("interest-field-phone")}</dt><dd>{e.phone.clone()}</dd>
                <dt>{tr!("interest-field-language")}</dt><dd>{crate::shell::language_name(e.language)}</dd>
                <dt>{tr!("lead-enquiry-sent")}</dt><dd>{crate::i18n::format_datetime(e.created_at, locale)}</dd>
            </dl>
            <p class="notes">{e.message.clone()}</p>
        </section>
    }
}

#[component]
fn ContactPanel(lead: Lead, action: ServerAction<LogLeadContact>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(()))));
    let (id, version) = (lead.id.to_string(), lead.version.to_string());
    view! {
        <section class="panel" aria-labelledby="log-contact">
            <h2 id="log-contact">{tr!("lead-log-contact")}</h2>
            <Saved show=saved />
            <FormError error />
            <ActionForm action attr:class="form form-wide">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="form-grid">
                    <div class="field">
                        <label for="contacted_on">{tr!("lead-contact-on")}</label>
                        <input id="contacted_on" name="contacted_on" type="date" required=true />
                        {move || field_message(error.get(), "contacted_on")}
                    </div>
                    <div class="field">
                        <label for="way">{tr!("lead-contact-way")}</label>
                        <select id="way" name="way">
                            {ContactWay::ALL.iter().map(|w| view! { <option value=w.as_str()>{way_name(*w)}</option> }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "way")}
                    </div>
                    <div class="field wide">
                        <label for="summary">{tr!("lead-contact-summary")}</label>
                        <textarea id="summary" name="summary" rows="3" required=true></textarea>
                        {move || field_message(error.get(), "summary")}
                    </div>
                    <div class="field">
                        <label for="next_step_on">{tr!("firm-column-next-step-on")}</label>
                        <input id="next_step_on" name="next_step_on" type="date" />
                        {move || field_message(error.get(), "next_step_on")}
                    </div>
                    <div class="field wide">
                        <label for="next_step">{tr!("firm-field-next-step")}</label>
                        <input id="next_step" name="next_step" type="text" maxlength="500" />
                        {move || field_message(error.get(), "next_step")}
                    </div>
                </div>
                <button type="submit" class="button-primary">{tr!("lead-log-contact")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ClosePanel(lead: Lead, action: ServerAction<CloseLead>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let (id, version) = (lead.id.to_string(), lead.version.to_string());
    view! {
        <section class="panel" aria-labelledby="close-lead">
            <h2 id="close-lead">{tr!("lead-close")}</h2>
            <FormError error />
            <ActionForm action attr:class="form form-wide">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="form-grid">
                    <div class="field">
                        <label for="outcome">{tr!("lead-field-outcome")}</label>
                        <select id="outcome" name="outcome">
                            <option value="became_project">{status_name(LeadStatus::BecameProject)}</option>
                            <option value="closed">{status_name(LeadStatus::Closed)}</option>
                        </select>
                        {move || field_message(error.get(), "outcome")}
                    </div>
                    <div class="field">
                        <label for="project_id">{tr!("firm-field-project")}</label>
                        <input id="project_id" name="project_id" type="text" inputmode="numeric" />
                        {move || field_message(error.get(), "project_id")}
                    </div>
                    <div class="field wide">
                        <label for="reason">{tr!("lead-field-reason")}</label>
                        <input id="reason" name="reason" type="text" maxlength="2000" />
                        {move || field_message(error.get(), "reason")}
                    </div>
                </div>
                <button type="submit" class="button-secondary">{tr!("lead-close")}</button>
            </ActionForm>
        </section>
    }
}
