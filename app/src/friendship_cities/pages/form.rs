//! Registering a city, and the fields its register and edit forms share.

use super::{area_name, kind_name};
use crate::error::AppError;
use crate::friendship_cities::api::RegisterCity;
use crate::friendship_cities::{City, CityKind, CitySummary, AREAS};
use crate::i18n::use_locale;
use crate::pickers::country_options;
use crate::shell::{field_message, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

/// The fields of the register and edit forms.
#[component]
pub(super) fn CityFields(current: Option<City>, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let c = current.as_ref();
    view! {
        <div class="form-grid">
            {place_fields(c.map(|c| &c.summary), error)}
            {relation_fields(c, error)}
        </div>
    }
}

/// Where the city is: its names, country, kind of relation and coordinates.
fn place_fields(s: Option<&CitySummary>, error: Signal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    let val = |f: &dyn Fn(&CitySummary) -> String| s.map(f).unwrap_or_default();
    let name_original = val(&|s| s.name_original.clone());
    let name_zh = val(&|s| s.name_zh.clone());
    let name_en = val(&|s| s.name_en.clone());
    let name_fr = val(&|s| s.name_fr.clone());
    let country = val(&|s| s.country.clone());
    let latitude = val(&|s| s.latitude.to_string());
    let longitude = val(&|s| s.longitude.to_string());
    let kind = s.map(|s| s.kind).unwrap_or(CityKind::Prospective);
    view! {
        <div class="field">
            <label for="name_zh">{tr!("city-field-name-zh")}</label>
            <input id="name_zh" name="name_zh" type="text" maxlength="200" lang="zh-CN" value=name_zh required />
            {move || field_message(error.get(), "name_zh")}
        </div>
        <div class="field">
            <label for="name_original">{tr!("city-field-name-original")}</label>
            <input id="name_original" name="name_original" type="text" maxlength="200" value=name_original required />
            {move || field_message(error.get(), "name_original")}
        </div>
        <div class="field">
            <label for="name_en">{tr!("city-field-name-en")}</label>
            <input id="name_en" name="name_en" type="text" maxlength="200" lang="en" value=name_en />
        </div>
        <div class="field">
            <label for="name_fr">{tr!("city-field-name-fr")}</label>
            <input id="name_fr" name="name_fr" type="text" maxlength="200" lang="fr" value=name_fr />
        </div>
        <div class="field">
            <label for="country">{tr!("field-country")}</label>
            <select id="country" name="country" required
                inner_html=country_options(locale, Some(&tr!("common-choose")), &[&country])>
            </select>
            {move || field_message(error.get(), "country")}
        </div>
        <div class="field">
            <label for="kind">{tr!("city-field-kind")}</label>
            <select id="kind" name="kind">
                {CityKind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=k == kind>{kind_name(k)}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "kind")}
        </div>
        <div class="field">
            <label for="latitude">{tr!("city-field-latitude")}</label>
            <input id="latitude" name="latitude" type="text" inputmode="decimal" value=latitude required aria-describedby="latitude-hint" />
            <p class="hint" id="latitude-hint">{tr!("city-field-latitude-hint")}</p>
            {move || field_message(error.get(), "latitude")}
        </div>
        <div class="field">
            <label for="longitude">{tr!("city-field-longitude")}</label>
            <input id="longitude" name="longitude" type="text" inputmode="decimal" value=longitude required />
            {move || field_message(error.get(), "longitude")}
        </div>
    }
}

/// How the relation stands: the dates of its stages and why it is at its stage, the areas of
/// cooperation, and notes.
fn relation_fields(c: Option<&City>, error: Signal<Option<AppError>>) -> impl IntoView {
    let s = c.map(|c| &c.summary);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let first = date(s.and_then(|s| s.first_contact_on));
    let loi = date(s.and_then(|s| s.letter_of_intent_on));
    let agreement = date(s.and_then(|s| s.agreement_on));
    let reason = c.map(|c| c.stage_reason.clone()).unwrap_or_default();
    let areas = c.map(|c| c.areas.clone()).unwrap_or_default();
    let notes = c.map(|c| c.notes.clone()).unwrap_or_default();
    view! {
        <div class="field">
            <label for="first_contact_on">{tr!("city-field-first-contact-on")}</label>
            <input id="first_contact_on" name="first_contact_on" type="date" value=first />
            {move || field_message(error.get(), "first_contact_on")}
        </div>
        <div class="field">
            <label for="letter_of_intent_on">{tr!("city-field-letter-of-intent-on")}</label>
            <input id="letter_of_intent_on" name="letter_of_intent_on" type="date" value=loi />
            {move || field_message(error.get(), "letter_of_intent_on")}
        </div>
        <div class="field">
            <label for="agreement_on">{tr!("city-field-agreement-on")}</label>
            <input id="agreement_on" name="agreement_on" type="date" value=agreement />
            {move || field_message(error.get(), "agreement_on")}
        </div>
        <div class="field wide">
            <label for="stage_reason">{tr!("city-field-stage-reason")}</label>
            <textarea id="stage_reason" name="stage_reason" rows="2" aria-describedby="stage_reason-hint">{reason}</textarea>
            <p class="hint" id="stage_reason-hint">{tr!("city-field-stage-reason-hint")}</p>
            {move || field_message(error.get(), "stage_reason")}
        </div>
        <fieldset class="field checkbox wide">
            <legend>{tr!("city-field-areas")}</legend>
            {AREAS.into_iter().map(|a| {
                let checked = areas.iter().any(|x| x == a);
                view! { <label><input type="checkbox" name="areas[]" value=a checked=checked />" "{area_name(a)}</label> }
            }).collect_view()}
            {move || field_message(error.get(), "areas")}
        </fieldset>
        <div class="field wide">
            <label for="notes">{tr!("field-notes")}</label>
            <textarea id="notes" name="notes" rows="3">{notes}</textarea>
        </div>
    }
}

#[component]
pub fn NewCityPage() -> impl IntoView {
    let register = ServerAction::<RegisterCity>::new();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("cities-new") />
        <p class="breadcrumb"><a href="/cities">{move || tr!("cities-title")}</a></p>
        <h1>{move || tr!("cities-new")}</h1>
        <FormError error />
        <ActionForm action=register attr:class="form form-wide">
            <CityFields current=None error />
            <button type="submit" class="button-primary">{move || tr!("cities-register")}</button>
        </ActionForm>
    }
}
