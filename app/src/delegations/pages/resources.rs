//! The bookable resources: the list, retiring one, and the form that adds one.

use super::{kind_name, languages_text};
use crate::delegations::api::{list_resources, staff_accounts, AddResource, RetireResource};
use crate::delegations::Resource as Bookable;
use crate::delegations::ResourceKind;
use crate::domain::Locale;
use crate::shell::{field_message, language_name, page_error, reset_when, with_aside, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ResourcesPage() -> impl IntoView {
    let add = ServerAction::<AddResource>::new();
    let retire = ServerAction::<RetireResource>::new();
    let resources = crate::codec::resource(move || (add.version().get(), retire.version().get()), |_| list_resources());
    let staff = crate::codec::resource(|| (), |_| staff_accounts());
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    view! {
        <Title text=tr!("resources-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <h1>{move || tr!("resources-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match resources.await {
                    Err(e) => page_error(e),
                    Ok(list) => view! { <ResourceTable list retire /> }.into_any(),
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="add-resource-heading">
            <h2 id="add-resource-heading">{move || tr!("resources-add")}</h2>
            <FormError error />
            <ActionForm action=add node_ref=form attr:class="form">
                <div class="field">
                    <label for="kind">{move || tr!("resource-field-kind")}</label>
                    <select id="kind" name="kind">
                        {ResourceKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{move || kind_name(*k)}</option> }).collect_view()}
                    </select>
                    {move || field_message(error.get(), "kind")}
                </div>
                <div class="field">
                    <label for="name">{move || tr!("resource-field-name")}</label>
                    <input id="name" name="name" type="text" maxlength="200" required />
                    {move || field_message(error.get(), "name")}
                </div>
                <fieldset class="field checkbox" aria-describedby="languages-hint">
                    <legend>{move || tr!("resource-field-languages")}</legend>
                    {[Locale::En, Locale::Fr].into_iter().map(|l| view! {
                        <label><input type="checkbox" name="languages[]" value=l.tag() />" "{language_name(l)}</label>
                    }).collect_view()}
                    <p class="hint" id="languages-hint">{move || tr!("resource-field-languages-hint")}</p>
                    {move || field_message(error.get(), "languages")}
                </fieldset>
                <div class="field">
                    <label for="details">{move || tr!("resource-field-details")}</label>
                    <input id="details" name="details" type="text" maxlength="1000" />
                </div>
                <div class="field">
                    <label for="email">{move || tr!("resource-field-email")}</label>
                    <input id="email" name="email" type="email" maxlength="254" aria-describedby="email-hint" />
                    <p class="hint" id="email-hint">{move || tr!("resource-field-email-hint")}</p>
                    {move || field_message(error.get(), "email")}
                </div>
                <div class="field">
                    <label for="language">{move || tr!("resource-field-language")}</label>
                    <select id="language" name="language">
                        {Locale::ALL.iter().map(|l| view! { <option value=l.tag()>{language_name(*l)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="user_id">{move || tr!("resource-field-user")}</label>
                    <select id="user_id" name="user_id" aria-describedby="user_id-hint">
                        <option value="">{move || tr!("common-none")}</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                staff.await.unwrap_or_default().into_iter().map(|u| view! {
                                    <option value=u.id.to_string()>{u.display_name.clone()}</option>
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                    <p class="hint" id="user_id-hint">{move || tr!("resource-field-user-hint")}</p>
                    {move || field_message(error.get(), "user_id")}
                </div>
                <button type="submit" class="button-primary">{move || tr!("resources-add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ResourceTable(list: Vec<Bookable>, retire: ServerAction<RetireResource>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{tr!("resources-none")}</p> }.into_any();
    }
    let kind_label = tr!("resource-field-kind");
    let rows = list
        .into_iter()
        .map(|r| {
            let langs = languages_text(&r.languages);
            let contact =
                if r.email.is_empty() { String::new() } else { with_aside(&r.email, &language_name(r.language)) };
            view! {
                <tr>
                    <td>{kind_name(r.kind)}</td>
                    <td>{r.name.clone()}</td>
                    <td>{langs}</td>
                    <td>{r.details.clone()}</td>
                    <td>{contact}</td>
                    <td>
                        <ActionForm action=retire attr:class="inline-form">
                            <input type="hidden" name="resource_id" value=r.id.to_string() />
                            <button type="submit" class="button-link">{tr!("resource-retire")}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{kind_label}</th>
                    <th scope="col">{tr!("resource-field-name")}</th>
                    <th scope="col">{tr!("resource-field-languages")}</th>
                    <th scope="col">{tr!("resource-field-details")}</th>
                    <th scope="col">{tr!("resource-field-email")}</th>
                    <th scope="col"><span class="visually-hidden">{tr!("common-actions")}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
