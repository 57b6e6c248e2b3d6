//! The counties and districts (区县) where projects are built, as the admins keep them: each
//! named in the three languages, renamed in place, and a form to add one.

use crate::error::AppError;
use crate::projects::counties::{list_counties, AddCounty, County, RenameCounty};
use crate::shell::{name_fields, name_labels, page_error, reset_when, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CountiesPage() -> impl IntoView {
    let add = ServerAction::<AddCounty>::new();
    let counties = crate::codec::resource(move || add.version().get(), |_| list_counties());
    let added_form = NodeRef::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), added_form);
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let added = Signal::derive(move || matches!(add.value().get(), Some(Ok(_))));
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("counties-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <h1>{move || tr!("counties-title")}</h1>
        <p class="hint">{move || tr!("counties-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::ManageReference).await;
                match counties.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{tr!("counties-none")}</p> }.into_any(),
                    Ok(list) => list.into_iter().map(|c| view! { <CountyRow c /> }).collect_view().into_any(),
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="add-county">
            <h2 id="add-county">{move || tr!("counties-add")}</h2>
            <Saved show=added />
            <FormError error=add_error />
            <ActionForm action=add node_ref=added_form attr:class="form form-inline">
                {county_fields(None, add_error)}
                <button type="submit" class="button-primary">{move || tr!("counties-add")}</button>
            </ActionForm>
        </section>
    }
}

/// One county as a form that renames it, with its own answer: an error or "saved" shows
/// beside the county it is about.
#[component]
fn CountyRow(c: County) -> impl IntoView {
    let rename = ServerAction::<RenameCounty>::new();
    let error = Signal::derive(move || rename.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(rename.value().get(), Some(Ok(_))));
    view! {
        <FormError error />
        <ActionForm action=rename attr:class="form form-inline county">
            <input type="hidden" name="id" value=c.id.to_string() />
            {county_fields(Some(&c), error)}
            <button type="submit" class="button-secondary">{tr!("common-save")}</button>
        </ActionForm>
        <Saved show=saved />
    }
}

/// The county's names and place in the list, empty or as `c` has them.
fn county_fields(c: Option<&County>, error: Signal<Option<AppError>>) -> impl IntoView {
    let values = c.map(|c| [c.name_zh.clone(), c.name_en.clone(), c.name_fr.clone(), c.sort_order.to_string()]);
    name_fields(&name_labels(), &c.map(|c| format!("-{}", c.id)).unwrap_or_default(), values.unwrap_or_default(), error)
}
