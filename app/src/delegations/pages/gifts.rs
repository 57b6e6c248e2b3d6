//! Gifts: a delegation's gifts with the form that registers one, and the year's gift
//! register (礼品登记).

use super::{year_from_query, YearForm};
use crate::delegations::api::{gift_register, AddGift};
use crate::delegations::{Delegation, Gift, GiftDirection};
use crate::i18n::{format_day, format_money, use_locale};
use crate::shell::{field_message, page_error, reset_when, FormError};
use leptos::prelude::*;
use leptos_meta::Title;

fn gift_direction_name(d: GiftDirection) -> String {
    match d {
        GiftDirection::Given => tr!("gift-direction-given"),
        GiftDirection::Received => tr!("gift-direction-received"),
    }
}

#[component]
fn GiftTable(gifts: Vec<Gift>, #[prop(optional)] with_delegation: bool) -> impl IntoView {
    let locale = use_locale();
    let day_label = tr!("gift-field-given-on");
    let rows = gifts
        .into_iter()
        .map(|g| {
            let value = g.value_cny_cents.map(|v| format_money(v, "CNY", locale)).unwrap_or_default();
            let href = format!("/delegations/{}", g.delegation_id);
            view! {
                <tr>
                    <td>{format_day(g.given_on, locale)}</td>
                    <td>{gift_direction_name(g.direction)}</td>
                    <td>{g.description.clone()}</td>
                    <td class="num">{value}</td>
                    <td>{g.giver.clone()}</td>
                    <td>{g.receiver.clone()}</td>
                    <td>{g.disposition.clone()}</td>
                    {with_delegation.then(|| view! { <td><a href=href>{g.delegation_title.clone()}</a></td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table gifts">
                <thead><tr>
                    <th scope="col">{day_label}</th>
                    <th scope="col">{tr!("gift-field-direction")}</th>
                    <th scope="col">{tr!("gift-field-description")}</th>
                    <th scope="col">{tr!("gift-field-value")}</th>
                    <th scope="col">{tr!("gift-field-giver")}</th>
                    <th scope="col">{tr!("gift-field-receiver")}</th>
                    <th scope="col">{tr!("gift-field-disposition")}</th>
                    {with_delegation.then(|| view! { <th scope="col">{tr!("delegation-field-title")}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub(super) fn GiftsPanel(d: Delegation, add: ServerAction<AddGift>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let list = if d.gifts.is_empty() {
        view! { <p class="muted">{tr!("gifts-none")}</p> }.into_any()
    } else {
        view! { <GiftTable gifts=d.gifts.clone() /> }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="gifts-heading">
            <h2 id="gifts-heading">{tr!("gifts-title")}</h2>
            {list}
            {d.editable.then(|| view! {
                <h3>{tr!("gifts-add")}</h3>
                <FormError error />
                <ActionForm action=add node_ref=form attr:class="form form-wide">
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="gift_direction">{tr!("gift-field-direction")}</label>
                            <select id="gift_direction" name="gift_direction">
                                {GiftDirection::ALL.iter().map(|g| view! { <option value=g.as_str()>{gift_direction_name(*g)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="given_on">{tr!("gift-field-given-on")}</label>
                            <input id="given_on" name="given_on" type="date" value=d.starts_on.to_string() required />
                            {move || field_message(error.get(), "given_on")}
                        </div>
                        <div class="field wide">
                            <label for="gift_description">{tr!("gift-field-description")}</label>
                            <input id="gift_description" name="gift_description" type="text" maxlength="500" required />
                            {move || field_message(error.get(), "gift_description")}
                        </div>
                        <div class="field">
                            <label for="value_cny">{tr!("gift-field-value")}</label>
                            <input id="value_cny" name="value_cny" type="text" inputmode="decimal" />
                            {move || field_message(error.get(), "value_cny")}
                        </div>
                        <div class="field">
                            <label for="giver">{tr!("gift-field-giver")}</label>
                            <input id="giver" name="giver" type="text" maxlength="200" />
                        </div>
                        <div class="field">
                            <label for="receiver">{tr!("gift-field-receiver")}</label>
                            <input id="receiver" name="receiver" type="text" maxlength="200" />
                        </div>
                        <div class="field wide">
                            <label for="disposition">{tr!("gift-field-disposition")}</label>
                            <input id="disposition" name="disposition" type="text" maxlength="500" aria-describedby="disposition-hint" />
                            <p class="hint" id="disposition-hint">{tr!("gift-field-disposition-hint")}</p>
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("gifts-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn GiftRegisterPage() -> impl IntoView {
    let year = year_from_query();
    let gifts = crate::codec::resource(year, gift_register);
    view! {
        <Title text=tr!("gifts-register-title") />
        <p class="breadcrumb"><a href="/delegations">{move || tr!("delegations-title")}</a></p>
        <div class="page-header">
            <h1>{move || tr!("gifts-register-title")}</h1>
            {move || {
                let href = format!("/delegations/gifts.csv?year={}", year());
                view! { <a href=href download="gifts.csv" rel="external">{tr!("common-export-csv")}</a> }
            }}
        </div>
        <YearForm action="/delegations/gifts" year=year() />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match gifts.await {
                    Err(e) => page_error(e),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{tr!("gifts-none")}</p> }.into_any(),
                    Ok(list) => view! { <GiftTable gifts=list with_delegation=true /> }.into_any(),
                }
            })}
        </Transition>
    }
}
