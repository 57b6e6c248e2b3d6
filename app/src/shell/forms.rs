//! What every form shows: the error banner, the message beside a refused field, the saved
//! notice, and emptying a form once it worked.

use super::errors::{error_text, field_error_text};
use crate::error::{AppError, FieldError};
use leptos::prelude::*;

/// The error banner at the top of a form, listing what went wrong.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let fields = e.field_errors().to_vec();
            view! {
                <div class="notice notice-error" role="alert" tabindex="-1">
                    <p>{error_text(&e)}</p>
                    {(!fields.is_empty()).then(|| view! {
                        <ul>
                            {fields.into_iter().map(|f| {
                                let href = format!("#{}", f.field);
                                view! { <li><a href=href>{field_error_text(f.code)}</a></li> }
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

/// The message beside one field, if the last submit refused it.
pub fn field_message(error: Option<AppError>, field: &'static str) -> Option<impl IntoView> {
    let code = error?.field_errors().iter().find(|f: &&FieldError| f.field == field).map(|f| f.code)?;
    let id = format!("{field}-error");
    Some(view! { <p class="field-error" id=id>{field_error_text(code)}</p> })
}

/// Empty a form (back to its initial values) once `succeeded` says its action worked, so
/// the next entry does not start from the last one's choices. Browser only: without
/// JavaScript the page reloads with a fresh form anyway.
pub fn reset_when(succeeded: impl Fn() -> bool + Send + Sync + 'static, form: NodeRef<leptos::html::Form>) {
    Effect::new(move |_| {
        if succeeded() {
            if let Some(f) = form.get() {
                f.reset();
            }
        }
    });
}

/// A confirmation shown after a successful save.
#[component]
pub fn Saved(#[prop(into)] show: Signal<bool>) -> impl IntoView {
    move || show.get().then(|| view! { <div class="notice notice-ok" role="status"><p>{tr!("common-saved")}</p></div> })
}

/// The labels of `name_fields`, read once for a page of many rows.
pub fn name_labels() -> [String; 4] {
    [tr!("counties-name-zh"), tr!("counties-name-en"), tr!("counties-name-fr"), tr!("counties-sort-order")]
}

/// A row's names and place in its list (zh, en, fr, place; empty for a new one): reference
/// data (counties, industry chains, sub-chains, chain segments). `suffix` makes the field ids
/// the row's own, so that each row's labels point at its own fields.
pub fn name_fields(
    labels: &[String; 4],
    suffix: &str,
    values: [String; 4],
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let [zh, en, fr, place] = values;
    let [zh_label, en_label, fr_label, place_label] = labels.clone();
    let field = move |name: &'static str, label: String, value: String, lang: &'static str| {
        let id = format!("{name}{suffix}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type="text" maxlength="100" required=name != "sort_order" lang=lang value=value />
                {move || field_message(error.get(), name)}
            </div>
        }
    };
    view! {
        {field("name_zh", zh_label, zh, "zh-CN")}
        {field("name_en", en_label, en, "en")}
        {field("name_fr", fr_label, fr, "fr")}
        {field("sort_order", place_label, place, "")}
    }
}
