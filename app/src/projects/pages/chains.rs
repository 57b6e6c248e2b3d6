//! The industry chains (产业链) and their sub-chains (子链) as the admins keep them: each chain
//! renamed in place with its sub-chains under it and a form that adds one, and a form that
//! adds a chain.

use super::counties::{name_fields, name_labels};
use crate::enterprises::api::list_industry_chains;
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::projects::chains::{
    list_sub_chains, AddChain, AddSubChain, IndustryChain, RenameChain, RenameSubChain, SubChain,
};
use crate::shell::{page_error, reset_when, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ChainsPage() -> impl IntoView {
    let add = ServerAction::<AddChain>::new();
    // Bumped when a sub-chain is added below a chain, so that the lists are read again.
    let added_sub = RwSignal::new(0_u32);
    let chains = crate::codec::resource(move || add.version().get(), |_| list_industry_chains());
    let subs = crate::codec::resource(move || (add.version().get(), added_sub.get()), |_| list_sub_chains());
    let added_form = NodeRef::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), added_form);
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let added = Signal::derive(move || matches!(add.value().get(), Some(Ok(_))));
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
                    Ok(list) => {
                        // Each label read once: a page of many forms.
                        let labels = Labels {
                            names: name_labels(),
                            save: tr!("common-save"),
                            sub_chains: tr!("chains-sub-chains"),
                            add_sub_chain: tr!("chains-add-sub-chain"),
                            no_sub_chains: tr!("chains-no-sub-chains"),
                        };
                        list.into_iter().map(|c| {
                            let own: Vec<SubChain> = subs.iter().filter(|s| s.chain_id == c.id).cloned().collect();
                            view! { <ChainSection c subs=own added_sub labels=labels.clone() /> }
                        }).collect_view().into_any()
                    }
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="add-chain">
            <h2 id="add-chain">{move || tr!("chains-add")}</h2>
            <Saved show=added />
            <FormError error=add_error />
            <ActionForm action=add node_ref=added_form attr:class="form form-inline">
                {name_fields(&name_labels(), "", Default::default(), add_error)}
                <button type="submit" class="button-primary">{move || tr!("chains-add")}</button>
            </ActionForm>
        </section>
    }
}

/// The words of the chains' forms.
#[derive(Clone)]
struct Labels {
    names: [String; 4],
    save: String,
    sub_chains: String,
    add_sub_chain: String,
    no_sub_chains: String,
}

/// One chain: its names as a form that renames it, its sub-chains each as such a form, and
/// the form that adds a sub-chain to it. Each form's answer shows beside it.
#[component]
fn ChainSection(c: IndustryChain, subs: Vec<SubChain>, added_sub: RwSignal<u32>, labels: Labels) -> impl IntoView {
    let locale = use_locale();
    let rename = ServerAction::<RenameChain>::new();
    let add = ServerAction::<AddSubChain>::new();
    let error = Signal::derive(move || rename.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(rename.value().get(), Some(Ok(_))));
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    Effect::new(move || {
        if matches!(add.value().get(), Some(Ok(_))) {
            added_sub.update(|n| *n += 1);
        }
    });
    let (heading, labelled_by) = (format!("chain-{}", c.id), format!("chain-{}", c.id));
    let values = [c.name_zh.clone(), c.name_en.clone(), c.name_fr.clone(), c.sort_order.to_string()];
    let (rename_fields, new_fields) = (
        name_fields(&labels.names, &format!("-chain-{}", c.id), values, error),
        name_fields(&labels.names, &format!("-new-{}", c.id), Default::default(), add_error),
    );
    let rows = if subs.is_empty() {
        view! { <p class="muted">{labels.no_sub_chains.clone()}</p> }.into_any()
    } else {
        subs.into_iter().map(|s| view! { <SubChainRow s labels=labels.clone() /> }).collect_view().into_any()
    };
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=heading>{c.name(locale).to_string()}</h2>
            <FormError error />
            <ActionForm action=rename attr:class="form form-inline chain">
                <input type="hidden" name="id" value=c.id.to_string() />
                {rename_fields}
                <button type="submit" class="button-secondary">{labels.save.clone()}</button>
            </ActionForm>
            <Saved show=saved />
            <h3>{labels.sub_chains.clone()}</h3>
            {rows}
            <h4>{labels.add_sub_chain.clone()}</h4>
            <FormError error=add_error />
            <ActionForm action=add attr:class="form form-inline">
                <input type="hidden" name="chain_id" value=c.id.to_string() />
                {new_fields}
                <button type="submit" class="button-secondary">{labels.add_sub_chain.clone()}</button>
            </ActionForm>
        </section>
    }
}

/// One sub-chain as a form that renames it, with its own answer.
#[component]
fn SubChainRow(s: SubChain, labels: Labels) -> impl IntoView {
    let rename = ServerAction::<RenameSubChain>::new();
    let error = Signal::derive(move || rename.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(rename.value().get(), Some(Ok(_))));
    let values = [s.name_zh.clone(), s.name_en.clone(), s.name_fr.clone(), s.sort_order.to_string()];
    view! {
        <FormError error />
        <ActionForm action=rename attr:class="form form-inline sub-chain">
            <input type="hidden" name="id" value=s.id.to_string() />
            {name_fields(&labels.names, &format!("-sub-{}", s.id), values, error)}
            <button type="submit" class="button-secondary">{labels.save.clone()}</button>
        </ActionForm>
        <Saved show=saved />
    }
}
