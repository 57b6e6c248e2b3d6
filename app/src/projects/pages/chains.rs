//! The industry chains (产业链) and their sub-chains (子链) as the admins keep them: a table of
//! every chain with its sub-chains under it, each with a link that opens its form
//! (`?edit=chain-3`, `?edit=sub-7`), and the forms that add a sub-chain and a chain.

use crate::enterprises::api::list_industry_chains;
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::projects::chains::{
    list_sub_chains, AddChain, AddSubChain, IndustryChain, RenameChain, RenameSubChain, SubChain,
};
use crate::shell::{field_message, name_fields, name_labels, page_error, reset_when, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The row `?edit=` opens.
#[derive(Clone, Copy, PartialEq)]
enum Editing {
    Chain(i64),
    Sub(i64),
}

fn editing(raw: &str) -> Option<Editing> {
    match raw.split_once('-')? {
        ("chain", id) => id.parse().ok().map(Editing::Chain),
        ("sub", id) => id.parse().ok().map(Editing::Sub),
        _ => None,
    }
}

#[component]
pub fn ChainsPage() -> impl IntoView {
    let query = use_query_map();
    let open = move || query.read().get("edit").as_deref().and_then(editing);
    let add = ServerAction::<AddChain>::new();
    let add_sub = ServerAction::<AddSubChain>::new();
    let rename = ServerAction::<RenameChain>::new();
    let rename_sub = ServerAction::<RenameSubChain>::new();
    let versions =
        move || (add.version().get(), add_sub.version().get(), rename.version().get(), rename_sub.version().get());
    let chains = crate::codec::resource(versions, |_| list_industry_chains());
    let subs = crate::codec::resource(versions, |_| list_sub_chains());
    let me = crate::shell::use_me();
    view! {
        <Title text=tr!("chains-title") />
        <p class="breadcrumb"><a href="/projects">{move || tr!("projects-title")}</a></p>
        <h1>{move || tr!("chains-title")}</h1>
        <p class="hint">{move || tr!("chains-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::ManageReference).await;
                let subs = subs.await.unwrap_or_default();
                match chains.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(chains) => {
                        let form = match open() {
                            Some(Editing::Chain(id)) => chains.iter().find(|c| c.id == id).cloned()
                                .map(|c| view! { <RenameChainForm c action=rename /> }.into_any()),
                            Some(Editing::Sub(id)) => subs.iter().find(|s| s.id == id).cloned()
                                .map(|s| view! { <RenameSubChainForm s action=rename_sub /> }.into_any()),
                            None => None,
                        };
                        view! {
                            {form}
                            {chains_table(&chains, &subs)}
                            <AddSubChainForm chains action=add_sub />
                        }.into_any()
                    }
                }
            })}
        </Transition>
        <AddChainForm action=add />
    }
}

/// Every chain with its sub-chains under it, names in the three languages, each with the link
/// that opens its form.
fn chains_table(chains: &[IndustryChain], subs: &[SubChain]) -> impl IntoView {
    use crate::html::Esc;
    use std::fmt::Write as _;
    let edit = tr!("chains-edit");
    let mut rows = String::new();
    for c in chains {
        let _ = write!(
            rows,
            "<tr class=\"chain\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td><a href=\"/projects/chains?edit=chain-{}\">{}</a></td></tr>",
            Esc(&c.name_zh),
            Esc(&c.name_en),
            Esc(&c.name_fr),
            c.sort_order,
            c.id,
            Esc(&edit)
        );
        for s in subs.iter().filter(|s| s.chain_id == c.id) {
            let _ = write!(
                rows,
                "<tr class=\"sub-chain\"><td>└ {}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
                 <td><a href=\"/projects/chains?edit=sub-{}\">{}</a></td></tr>",
                Esc(&s.name_zh),
                Esc(&s.name_en),
                Esc(&s.name_fr),
                s.sort_order,
                s.id,
                Esc(&edit)
            );
        }
    }
    let [zh, en, fr, place] = name_labels();
    let heads = [zh, en, fr, place, String::new()];
    let heads = heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table chains">
                <thead><tr>{heads}</tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
    }
}

#[component]
fn RenameChainForm(c: IndustryChain, action: ServerAction<RenameChain>) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    let values = [c.name_zh.clone(), c.name_en.clone(), c.name_fr.clone(), c.sort_order.to_string()];
    view! {
        <section class="panel" aria-labelledby="edit-chain">
            <h2 id="edit-chain">{tr!("chains-edit")}{tr!("label-separator")}{c.name(locale).to_string()}</h2>
            <Saved show=saved />
            <FormError error />
            <ActionForm action attr:class="form form-inline">
                <input type="hidden" name="id" value=c.id.to_string() />
                {name_fields(&name_labels(), "", values, error)}
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn RenameSubChainForm(s: SubChain, action: ServerAction<RenameSubChain>) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    let values = [s.name_zh.clone(), s.name_en.clone(), s.name_fr.clone(), s.sort_order.to_string()];
    view! {
        <section class="panel" aria-labelledby="edit-chain">
            <h2 id="edit-chain">{tr!("chains-edit")}{tr!("label-separator")}{s.name(locale).to_string()}</h2>
            <Saved show=saved />
            <FormError error />
            <ActionForm action attr:class="form form-inline">
                <input type="hidden" name="id" value=s.id.to_string() />
                {name_fields(&name_labels(), "", values, error)}
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}

/// A sub-chain added under the chain chosen.
#[component]
fn AddSubChainForm(chains: Vec<IndustryChain>, action: ServerAction<AddSubChain>) -> impl IntoView {
    let locale = use_locale();
    let form = NodeRef::new();
    reset_when(move || matches!(action.value().get(), Some(Ok(_))), form);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let added = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    let options = crate::pickers::options_html(None, chains.iter().map(|c| (c.id, c.name(locale))), None);
    view! {
        <section class="panel" aria-labelledby="add-sub-chain">
            <h2 id="add-sub-chain">{tr!("chains-add-sub-chain")}</h2>
            <Saved show=added />
            <FormError error />
            <ActionForm action node_ref=form attr:class="form form-inline">
                <div class="field">
                    <label for="chain_id">{tr!("field-industry-chain")}</label>
                    <select id="chain_id" name="chain_id" inner_html=options></select>
                    {move || field_message(error.get(), "chain_id")}
                </div>
                {name_fields(&name_labels(), "-sub", Default::default(), error)}
                <button type="submit" class="button-secondary">{tr!("chains-add-sub-chain")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn AddChainForm(action: ServerAction<AddChain>) -> impl IntoView {
    let form = NodeRef::new();
    reset_when(move || matches!(action.value().get(), Some(Ok(_))), form);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let added = Signal::derive(move || matches!(action.value().get(), Some(Ok(_))));
    view! {
        <section class="panel" aria-labelledby="add-chain">
            <h2 id="add-chain">{move || tr!("chains-add")}</h2>
            <Saved show=added />
            <FormError error />
            <ActionForm action node_ref=form attr:class="form form-inline">
                {name_fields(&name_labels(), "-chain", Default::default(), error)}
                <button type="submit" class="button-primary">{move || tr!("chains-add")}</button>
            </ActionForm>
        </section>
    }
}
