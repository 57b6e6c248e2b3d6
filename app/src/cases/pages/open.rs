//! Opening a case for an enterprise.

use super::{priority_name, type_name};
use crate::cases::api::OpenCase;
use crate::cases::{CaseType, Priority};
use crate::domain::Locale;
use crate::error::AppError;
use crate::shell::{field_message, language_name, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewCasePage() -> impl IntoView {
    let query = use_query_map();
    let enterprise_id = move || query.read().get("enterprise").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let open = ServerAction::<OpenCase>::new();
    let enterprise = crate::codec::resource(enterprise_id, crate::enterprises::api::get_enterprise);
    let error = Signal::derive(move || open.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("cases-new") />
        <h1>{move || tr!("cases-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match enterprise.await {
                    Err(e) => page_error(e),
                    Ok(e) if !e.editable => page_error(AppError::Forbidden),
                    Ok(e) => {
                        let back = format!("/enterprises/{}", e.id);
                        view! {
                            <p class="breadcrumb"><a href=back>{e.name_zh.clone()}</a></p>
                            <FormError error />
                            <ActionForm action=open attr:class="form form-wide">
                                <input type="hidden" name="enterprise_id" value=e.id.to_string() />
                                <div class="form-grid">
                                    <div class="field">
                                        <label for="case_type">{tr!("case-type")}</label>
                                        <select id="case_type" name="case_type">
                                            {CaseType::ALL.into_iter().map(|t| view! { <option value=t.as_str()>{type_name(t)}</option> }).collect_view()}
                                        </select>
                                        {move || field_message(error.get(), "case_type")}
                                    </div>
                                    <div class="field">
                                        <label for="priority">{tr!("case-priority")}</label>
                                        <select id="priority" name="priority">
                                            {Priority::ALL.into_iter().map(|p| view! {
                                                <option value=p.as_str() selected=p == Priority::Normal>{priority_name(p)}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="language">{tr!("case-language")}</label>
                                        <select id="language" name="language">
                                            {Locale::ALL.into_iter().map(|l| view! { <option value=l.tag()>{language_name(l)}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field wide">
                                        <label for="title">{tr!("case-title")}</label>
                                        <input id="title" name="title" type="text" maxlength="200" required />
                                        {move || field_message(error.get(), "title")}
                                    </div>
                                    <div class="field wide">
                                        <label for="description">{tr!("case-description")}</label>
                                        <textarea id="description" name="description" rows="5" required></textarea>
                                        {move || field_message(error.get(), "description")}
                                    </div>
                                    <div class="field">
                                        <label for="applicant_name">{tr!("case-applicant-name")}</label>
                                        <input id="applicant_name" name="applicant_name" type="text" maxlength="200" autocomplete="off" />
                                        {move || field_message(error.get(), "applicant_name")}
                                    </div>
                                    <div class="field">
                                        <label for="applicant_email">{tr!("case-applicant-email")}</label>
                                        <input id="applicant_email" name="applicant_email" type="email" maxlength="254"
                                            autocomplete="off" aria-describedby="applicant-email-hint" />
                                        <p class="hint" id="applicant-email-hint">{tr!("case-applicant-email-hint")}</p>
                                        {move || field_message(error.get(), "applicant_email")}
                                    </div>
                                    <div class="field checkbox wide">
                                        <label><input type="checkbox" id="green_channel" name="green_channel" value="true" />" "{tr!("case-green-channel-long")}</label>
                                        <label><input type="checkbox" id="full_agency" name="full_agency" value="true" />" "{tr!("case-full-agency-long")}</label>
                                    </div>
                                </div>
                                <button type="submit" class="button-primary">{tr!("cases-open")}</button>
                            </ActionForm>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
