//! Registering an enterprise, and the fields its register and edit forms share.

use super::lifecycle_name;
use crate::enterprises::api::{list_industry_chains, RegisterEnterprise};
use crate::enterprises::{Enterprise, IndustryChain, Lifecycle};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::pickers::country_options;
use crate::shell::{field_message, page_error, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

/// The fields of the register and edit forms.
#[component]
pub(super) fn EnterpriseFields(
    current: Option<Enterprise>,
    chains: Vec<IndustryChain>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let e = current.as_ref();
    view! {
        <div class="form-grid">
            {identity_fields(e, chains, error)}
            {figures_fields(e, error)}
        </div>
    }
}

/// Who the enterprise is: its names, credit code, country, industry chain and lifecycle.
fn identity_fields(
    e: Option<&Enterprise>,
    chains: Vec<IndustryChain>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let val = |f: fn(&Enterprise) -> String| e.map(f).unwrap_or_default();
    let name_zh = val(|e| e.name_zh.clone());
    let name_original = val(|e| e.name_original.clone());
    let credit_code = val(|e| e.credit_code.clone().unwrap_or_default());
    let country = val(|e| e.country.clone());
    let chain = e.and_then(|e| e.industry_chain_id);
    let lifecycle = e.map(|e| e.lifecycle).unwrap_or(Lifecycle::Lead);
    view! {
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
    }
}

/// What the enterprise amounts to: its capital and staff, address and notes, and whether it
/// is a key enterprise.
fn figures_fields(e: Option<&Enterprise>, error: Signal<Option<AppError>>) -> impl IntoView {
    let val = |f: fn(&Enterprise) -> String| e.map(f).unwrap_or_default();
    let money = |c: Option<i64>| c.map(|c| format!("{}.{:02}", c / 100, c % 100)).unwrap_or_default();
    let registered = money(e.and_then(|e| e.registered_capital_usd_cents));
    let utilised = money(e.and_then(|e| e.utilised_capital_usd_cents));
    let employees = val(|e| e.employees.map(|n| n.to_string()).unwrap_or_default());
    let foreign_staff = val(|e| e.foreign_staff.map(|n| n.to_string()).unwrap_or_default());
    let is_key = e.is_some_and(|e| e.is_key);
    let address = val(|e| e.address.clone());
    let notes = val(|e| e.notes.clone());
    view! {
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
    }
}

#[component]
pub fn NewEnterprisePage() -> impl IntoView {
    let register = ServerAction::<RegisterEnterprise>::new();
    let chains = crate::codec::resource(|| (), |_| list_industry_chains());
    let me = crate::shell::use_me();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("enterprises-new") />
        <p class="breadcrumb"><a href="/enterprises">{move || tr!("enterprises-title")}</a></p>
        <h1>{move || tr!("enterprises-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::RegisterEnterprise).await;
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
