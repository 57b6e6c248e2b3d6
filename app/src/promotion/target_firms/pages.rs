//! The target firms' pages: the register with its filter and overdue next steps, importing a
//! spreadsheet (the form, then the preview to confirm), and each firm's page with the form
//! that moves its approach on.

use super::api::{get_firm_import, get_target_firm, list_target_firms, ConfirmFirmImport, SetFirmApproach};
use super::{Approach, FirmFilter, FirmPage, FirmSize, FirmView, ImportPreview, ImportRow, TargetFirm};
use crate::domain::{Country, Locale};
use crate::error::FieldCode;
use crate::i18n::{format_day, format_number, use_locale};
use crate::promotion::PromotionLinks;
use crate::shell::{field_error_text, field_message, page_error, pager, with_query, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

crate::routes::pages! {
    "/promotion/firms" => FirmsPage, Needs(ReadPromotion);
    "/promotion/firms/import" => ImportPage, Needs(WorkPromotion);
    "/promotion/firms/import/:id" => ImportPreviewPage, Needs(WorkPromotion);
    "/promotion/firms/:id" => FirmDetailPage, Needs(ReadPromotion);
}

pub fn approach_name(a: Approach) -> String {
    match a {
        Approach::NotContacted => tr!("approach-not-contacted"),
        Approach::Contacted => tr!("approach-contacted"),
        Approach::Interested => tr!("approach-interested"),
        Approach::Negotiating => tr!("approach-negotiating"),
        Approach::BecameProject => tr!("approach-became-project"),
        Approach::Declined => tr!("approach-declined"),
    }
}

pub fn size_name(s: FirmSize) -> String {
    match s {
        FirmSize::Global500 => tr!("firm-size-global-500"),
        FirmSize::Large => tr!("firm-size-large"),
        FirmSize::Medium => tr!("firm-size-medium"),
        FirmSize::Small => tr!("firm-size-small"),
    }
}

fn country_name(code: &str, locale: Locale) -> String {
    Country::parse("country", code).map(|c| c.name(locale).to_string()).unwrap_or_else(|_| code.to_string())
}

fn approach_badge(a: Approach) -> impl IntoView {
    view! { <span class=format!("status status-approach-{}", a.as_str())>{approach_name(a)}</span> }
}

/// A firm's next step: its day (flagged when overdue) and what it is.
fn next_step(f: &TargetFirm, locale: Locale) -> impl IntoView + use<> {
    let day = f.next_step_on.map(|d| format_day(d, locale));
    let overdue = f.overdue.then(|| view! { <span class="badge badge-overdue">{tr!("firms-overdue-flag")}</span> });
    view! { {day} " " {overdue} <br /> <span class="muted">{f.next_step.clone()}</span> }
}

#[component]
pub fn FirmsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || FirmFilter::from_query(|k| query.read().get(k));
    let page = crate::codec::resource(filter, list_target_firms);
    let imported = move || query.read().get("imported").is_some();
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("firms-title") />
        <div class="page-header">
            <h1>{move || tr!("firms-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let may = me.may(crate::auth::Action::WorkPromotion).await;
                    may.then(|| view! { <a class="button-primary" href="/promotion/firms/import">{tr!("firms-import")}</a> })
                })}
            </Transition>
        </div>
        <PromotionLinks />
        {move || imported().then(|| view! { <div class="notice notice-ok" role="status"><p>{tr!("firms-imported")}</p></div> })}
        <p class="hint">{move || tr!("firms-hint")}</p>
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

fn filter_form(f: &FirmFilter) -> impl IntoView {
    let status = f.status;
    view! {
        <form method="get" action="/promotion/firms" class="form-inline filters" role="search">
            <div class="field">
                <label for="q">{tr!("firms-search")}</label>
                <input id="q" name="q" type="search" value=f.q.clone().unwrap_or_default() />
            </div>
            <div class="field">
                <label for="status">{tr!("firm-field-status")}</label>
                <select id="status" name="status">
                    <option value="">{tr!("common-any")}</option>
                    {Approach::ALL.into_iter().map(|a| view! {
                        <option value=a.as_str() selected=status == Some(a)>{approach_name(a)}</option>
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

fn results(page: FirmPage, f: &FirmFilter, locale: Locale) -> AnyView {
    let counts = tr!("firms-counts", {
        "total" => format_number(page.total as f64, 0, locale),
        "overdue" => format_number(page.overdue as f64, 0, locale),
    });
    if page.items.is_empty() {
        return view! {
            <p class="muted" role="status">{counts}</p>
            <p class="muted">{tr!("firms-none")}</p>
        }
        .into_any();
    }
    let href = |n: i64| with_query("/promotion/firms", &f.to_query(n));
    let pager = pager(page.page, page.per_page, page.items.len(), page.total, href);
    let labels = [
        tr!("firm-field-name"),
        tr!("firm-field-country"),
        tr!("firm-field-size"),
        tr!("firm-field-officer"),
        tr!("firm-field-status"),
        tr!("firm-field-next-step"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = page
        .items
        .iter()
        .map(|firm| {
            let zh =
                (!firm.name_zh.is_empty()).then(|| view! { <br /><span class="muted">{firm.name_zh.clone()}</span> });
            let class = if firm.overdue { "overdue" } else { "" };
            view! {
                <tr class=class>
                    <td><a href=format!("/promotion/firms/{}", firm.id)>{firm.name.clone()}</a>{zh}</td>
                    <td>{country_name(&firm.country, locale)}</td>
                    <td>{firm.size.map(size_name)}</td>
                    <td>{firm.officer_name.clone()}</td>
                    <td>{approach_badge(firm.status)}</td>
                    <td>{next_step(firm, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" role="status">{counts}</p>
        <div class="table-wrap">
            <table class="table firms">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {pager}
    }
    .into_any()
}

/// The code a refused upload came back with (`?error=unreadable_file`).
fn upload_error(raw: Option<String>) -> Option<FieldCode> {
    serde_json::from_value(serde_json::Value::String(raw?)).ok()
}

/// The form that sends a spreadsheet: a plain post (the server reads and checks the file,
/// then shows its preview), so it works without JavaScript. With JavaScript the same post is
/// sent by the browser's upload, whose progress a bar shows (a large file takes a while), and
/// the page then goes where the server's answer led (the preview, or back with the reason).
#[component]
pub fn ImportPage() -> impl IntoView {
    let query = use_query_map();
    let error = move || upload_error(query.read().get("error"));
    // The share of the file sent (0–100) once sending began; 100 while the server reads it.
    let sent = RwSignal::new(None::<u32>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        upload::send(ev, sent);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, sent);
    };
    let progress = move || {
        sent.get().map(|percent| {
            let text = if percent < 100 {
                tr!("firms-import-sending", { "percent" => percent })
            } else {
                tr!("firms-import-checking")
            };
            let value = (percent < 100).then(|| percent.to_string());
            view! {
                <div class="upload-progress" role="status">
                    <label for="upload-progress">{text}</label>
                    <progress id="upload-progress" max="100" value=value></progress>
                </div>
            }
        })
    };
    view! {
        <Title text=tr!("firms-import") />
        <p class="breadcrumb"><a href="/promotion/firms">{move || tr!("firms-title")}</a></p>
        <h1>{move || tr!("firms-import")}</h1>
        {move || error().map(|code| view! {
            <div class="notice notice-error" role="alert"><p>{field_error_text(code)}</p></div>
        })}
        <p class="hint">{move || tr!("firms-import-hint")}</p>
        <p><a href="/promotion/firms/template.csv" download="" rel="external">{move || tr!("firms-template")}</a></p>
        <form method="post" action="/promotion/firms/import" enctype="multipart/form-data" class="form" on:submit=on_submit>
            <div class="field">
                <label for="file">{move || tr!("firms-import-file")}</label>
                <input id="file" name="file" type="file" required=true
                    accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
            </div>
            <button type="submit" class="button-primary" disabled=move || sent.get().is_some()>{move || tr!("firms-import-read")}</button>
            {progress}
        </form>
    }
}

/// The upload with its progress, in the browser.
#[cfg(feature = "hydrate")]
mod upload {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

    /// Send the form's post by the browser's upload, `sent` following its progress; where the
    /// browser cannot, the form posts as it would without JavaScript.
    pub fn send(ev: leptos::ev::SubmitEvent, sent: RwSignal<Option<u32>>) {
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
        let (Ok(data), Ok(xhr)) = (FormData::new_with_form(&form), XmlHttpRequest::new()) else { return };
        let Ok(upload) = xhr.upload() else { return };
        if xhr.open("POST", &form.action()).is_err() {
            return;
        }
        ev.prevent_default();
        sent.set(Some(0));
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                sent.set(Some(((e.loaded() / e.total()) * 100.0).floor().min(99.0) as u32));
            }
        });
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
        let on_sent = Closure::<dyn FnMut()>::new(move || sent.set(Some(100)));
        upload.set_onload(Some(on_sent.as_ref().unchecked_ref()));
        on_sent.forget();
        // The server answers with a redirect, which the upload followed: go where it led.
        let answered = xhr.clone();
        let on_done = Closure::<dyn FnMut()>::new(move || {
            let url = answered.response_url();
            let target = if url.is_empty() { "/promotion/firms/import".to_string() } else { url };
            let _ = window().location().set_href(&target);
        });
        xhr.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
        on_done.forget();
        if xhr.send_with_opt_form_data(Some(&data)).is_err() {
            sent.set(None);
        }
    }
}

/// A row's values as the preview shows them.
fn row_cells(r: &ImportRow, locale: Locale) -> impl IntoView + use<> {
    let f = &r.firm;
    let country = if f.country.is_empty() { String::new() } else { country_name(&f.country, locale) };
    let errors = r
        .errors
        .iter()
        .map(|e| view! { <li>{column_heading(&e.field)}{tr!("label-separator")}{field_error_text(e.code)}</li> })
        .collect_view();
    let state = match (r.errors.is_empty(), r.updates) {
        (false, _) => view! { <ul class="plain field-error">{errors}</ul> }.into_any(),
        (true, Some(id)) => view! {
            <a href=format!("/promotion/firms/{id}")>{tr!("firms-import-updates")}</a>
        }
        .into_any(),
        (true, None) => view! { <span>{tr!("firms-import-new")}</span> }.into_any(),
    };
    view! {
        <td class="num">{r.line}</td>
        <td>{f.name.clone()}<br /><span class="muted">{f.name_zh.clone()}</span></td>
        <td>{country}</td>
        <td>{f.segments.clone()}</td>
        <td>{f.officer.clone()}</td>
        <td>{f.next_step_on.map(|d| format_day(d, locale))}</td>
        <td>{state}</td>
    }
}

/// The template's heading of a column, by its key, for a row's error.
fn column_heading(field: &str) -> String {
    match field {
        "name" => tr!("firm-column-name"),
        "name_zh" => tr!("firm-column-name-zh"),
        "country" => tr!("firm-column-country"),
        "sub_chain" => tr!("firm-column-sub-chain"),
        "segments" => tr!("firm-column-segments"),
        "size" => tr!("firm-column-size"),
        "website" => tr!("firm-column-website"),
        "contacts" => tr!("firm-column-contacts"),
        "officer" => tr!("firm-column-officer"),
        "next_step" => tr!("firm-column-next-step"),
        _ => tr!("firm-column-next-step-on"),
    }
}

fn preview_table(rows: &[ImportRow], locale: Locale, caption: String) -> impl IntoView + use<> {
    let labels = [
        tr!("firms-import-line"),
        tr!("firm-field-name"),
        tr!("firm-field-country"),
        tr!("firm-column-segments"),
        tr!("firm-field-officer"),
        tr!("firm-column-next-step-on"),
        tr!("firms-import-result"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = rows.iter().map(|r| view! { <tr>{row_cells(r, locale)}</tr> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table import-rows">
                <caption>{caption}</caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let confirm = ServerAction::<ConfirmFirmImport>::new();
    let preview = crate::codec::resource(id, get_firm_import);
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("firms-import") />
        <p class="breadcrumb"><a href="/promotion/firms">{move || tr!("firms-title")}</a></p>
        <h1>{move || tr!("firms-import-preview")}</h1>
        <FormError error />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match preview.await {
                    Err(e) => page_error(e),
                    Ok(p) => preview_view(p, confirm, use_locale()),
                }
            })}
        </Transition>
    }
}

fn preview_view(p: ImportPreview, confirm: ServerAction<ConfirmFirmImport>, locale: Locale) -> AnyView {
    let n = |v: usize| format_number(v as f64, 0, locale);
    let summary = tr!("firms-import-summary", {
        "file" => p.file_name.clone(),
        "total" => n(p.total),
        "new" => n(p.new),
        "updates" => n(p.updates),
        "refused" => n(p.refused_count),
    });
    let good = p.new + p.updates;
    let refused = (!p.refused.is_empty()).then(|| {
        let caption = tr!("firms-import-refused", { "count" => p.refused_count });
        view! {
            <p class="notice notice-error" role="alert">{tr!("firms-import-fix")}</p>
            {preview_table(&p.refused, locale, caption)}
        }
    });
    let shown = (!p.good.is_empty()).then(|| {
        let caption = tr!("firms-import-good", { "shown" => p.good.len(), "count" => good });
        preview_table(&p.good, locale, caption)
    });
    let action = if p.done {
        view! { <p class="notice notice-ok" role="status">{tr!("firms-import-done")}</p> }.into_any()
    } else if good == 0 {
        view! { <p><a href="/promotion/firms/import">{tr!("firms-import-again")}</a></p> }.into_any()
    } else {
        let label = tr!("firms-import-confirm", { "count" => good });
        let id = p.id.to_string();
        view! {
            <ActionForm action=confirm attr:class="form-inline">
                <input type="hidden" name="id" value=id />
                <button type="submit" class="button-primary">{label}</button>
                <a href="/promotion/firms/import">{tr!("firms-import-again")}</a>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <p role="status">{summary}</p>
        {action}
        {refused}
        {shown}
    }
    .into_any()
}

#[component]
pub fn FirmDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let set = ServerAction::<SetFirmApproach>::new();
    let firm = crate::codec::resource(move || (id(), set.version().get()), |(id, _)| get_target_firm(id));
    view! {
        <Title text=tr!("firms-title") />
        <p class="breadcrumb"><a href="/promotion/firms">{move || tr!("firms-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match firm.await {
                    Err(e) => page_error(e),
                    Ok(v) => firm_view(v, set, use_locale()),
                }
            })}
        </Transition>
    }
}

fn firm_view(v: FirmView, set: ServerAction<SetFirmApproach>, locale: Locale) -> AnyView {
    let f = v.firm.clone();
    let name_zh = (!f.name_zh.is_empty()).then(|| view! { <p class="lead" lang="zh-CN">{f.name_zh.clone()}</p> });
    let segments = v
        .segments
        .iter()
        .map(|s| {
            let name = match locale {
                Locale::ZhCn => &s.names[0],
                Locale::En => &s.names[1],
                Locale::Fr => &s.names[2],
            };
            view! { <li><a href=format!("/promotion/chains/{}", s.sub_chain_id)>{name.clone()}</a></li> }
        })
        .collect_view();
    let website = (!f.website.is_empty()).then(|| {
        let href = if f.website.starts_with("http") { f.website.clone() } else { format!("https://{}", f.website) };
        view! { <a href=href rel="external noopener">{f.website.clone()}</a> }
    });
    let project = f.project_id.map(|p| view! { <a href=format!("/projects/{p}")>{tr!("firm-project-link")}</a> });
    let declined = (!f.declined_reason.is_empty())
        .then(|| view! { <p>{tr!("firm-declined-because", { "reason" => f.declined_reason.clone() })}</p> });
    let form = v.editable.then(|| {
        view! {
            <p><a class="button-secondary" href=format!("/promotion/leads/new?firm={}", f.id)>{tr!("firm-open-lead")}</a></p>
            <ApproachFormPanel firm=f.clone() action=set />
        }
    });
    view! {
        <h1>{f.name.clone()}</h1>
        {name_zh}
        <dl class="facts">
            <dt>{tr!("firm-field-country")}</dt><dd>{country_name(&f.country, locale)}</dd>
            <dt>{tr!("firm-field-size")}</dt><dd>{f.size.map(size_name)}</dd>
            <dt>{tr!("firm-field-website")}</dt><dd>{website}</dd>
            <dt>{tr!("firm-field-contacts")}</dt><dd class="notes">{f.contacts.clone()}</dd>
            <dt>{tr!("firm-field-officer")}</dt><dd>{f.officer_name.clone()}</dd>
            <dt>{tr!("firm-field-status")}</dt><dd>{approach_badge(f.status)} " " {project}</dd>
            <dt>{tr!("firm-field-last-contact")}</dt><dd>{f.last_contact_on.map(|d| format_day(d, locale))}</dd>
            <dt>{tr!("firm-field-next-step")}</dt><dd>{next_step(&f, locale)}</dd>
            <dt>{tr!("firm-column-segments")}</dt><dd><ul class="plain">{segments}</ul></dd>
        </dl>
        {declined}
        {form}
    }
    .into_any()
}

#[component]
fn ApproachFormPanel(firm: TargetFirm, action: ServerAction<SetFirmApproach>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(()))));
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let (id, version) = (firm.id.to_string(), firm.version.to_string());
    let (last, next_on) = (day(firm.last_contact_on), day(firm.next_step_on));
    let project = firm.project_id.map(|p| p.to_string()).unwrap_or_default();
    let status = firm.status;
    view! {
        <section class="panel" aria-labelledby="approach">
            <h2 id="approach">{tr!("firm-approach")}</h2>
            <Saved show=saved />
            <FormError error />
            <ActionForm action attr:class="form form-wide">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="form-grid">
                    <div class="field">
                        <label for="status">{tr!("firm-field-status")}</label>
                        <select id="status" name="status">
                            {Approach::ALL.into_iter().map(|a| view! {
                                <option value=a.as_str() selected=status == a>{approach_name(a)}</option>
                            }).collect_view()}
                        </select>
                        {move || field_message(error.get(), "status")}
                    </div>
                    <div class="field">
                        <label for="project_id">{tr!("firm-field-project")}</label>
                        <input id="project_id" name="project_id" type="text" inputmode="numeric" value=project />
                        {move || field_message(error.get(), "project_id")}
                    </div>
                    <div class="field wide">
                        <label for="declined_reason">{tr!("firm-field-declined-reason")}</label>
                        <input id="declined_reason" name="declined_reason" type="text" maxlength="2000" value=firm.declined_reason.clone() />
                        {move || field_message(error.get(), "declined_reason")}
                    </div>
                    <div class="field">
                        <label for="last_contact_on">{tr!("firm-field-last-contact")}</label>
                        <input id="last_contact_on" name="last_contact_on" type="date" value=last />
                        {move || field_message(error.get(), "last_contact_on")}
                    </div>
                    <div class="field">
                        <label for="next_step_on">{tr!("firm-column-next-step-on")}</label>
                        <input id="next_step_on" name="next_step_on" type="date" value=next_on />
                        {move || field_message(error.get(), "next_step_on")}
                    </div>
                    <div class="field wide">
                        <label for="next_step">{tr!("firm-field-next-step")}</label>
                        <input id="next_step" name="next_step" type="text" maxlength="500" value=firm.next_step.clone() />
                        {move || field_message(error.get(), "next_step")}
                    </div>
                </div>
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}
