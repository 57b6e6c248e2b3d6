//! The capital in place on a project's page: each month's amounts, their totals, and for the
//! project's officer the form that records a month (or corrects it).

use super::yi;
use crate::domain::Locale;
use crate::i18n::{format_money, use_locale};
use crate::projects::capital::{CapitalMonth, CapitalTotals, RecordCapital};
use crate::projects::Project;
use crate::shell::{field_message, FormError};
use leptos::prelude::*;

#[component]
pub(super) fn CapitalSection(p: Project, action: ServerAction<RecordCapital>) -> impl IntoView {
    let locale = use_locale();
    let totals = CapitalTotals::of(&p.capital);
    let list = if p.capital.is_empty() {
        view! { <p class="muted">{tr!("capital-none")}</p> }.into_any()
    } else {
        months_table(&p.capital, totals, locale)
    };
    let open = p.editable && p.summary.stage.is_signed();
    view! {
        <section class="panel" aria-labelledby="capital-heading">
            <h2 id="capital-heading">{tr!("capital-heading")}</h2>
            <p class="hint">{tr!("capital-hint")}</p>
            {list}
            {open.then(|| capital_form(p.summary.id, action))}
        </section>
    }
}

fn usd(cents: i64, locale: Locale) -> String {
    format_money(cents, "USD", locale)
}

fn months_table(months: &[CapitalMonth], totals: CapitalTotals, locale: Locale) -> AnyView {
    // Read before the view: see `list::headings`.
    let labels = [tr!("capital-month"), tr!("capital-domestic"), tr!("capital-foreign"), tr!("capital-recorded-by")];
    let headings = labels.into_iter().map(|l| view! { <th scope="col">{l}</th> }).collect_view();
    let total_label = tr!("capital-total");
    let rows = months
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <td>{crate::i18n::format_month(m.month, locale)}</td>
                    <td class="num">{yi(m.domestic, locale)}</td>
                    <td class="num">{usd(m.foreign_usd_cents, locale)}</td>
                    <td>{m.recorded_by.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table rates capital">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{total_label}</th>
                        <td class="num">{yi(totals.domestic, locale)}</td>
                        <td class="num">{usd(totals.foreign_usd_cents, locale)}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}

fn capital_form(id: i64, action: ServerAction<RecordCapital>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <FormError error />
        <ActionForm action attr:class="form form-wide">
            <input type="hidden" name="id" value=id.to_string() />
            <div class="form-grid">
                <div class="field">
                    <label for="month">{tr!("capital-month")}</label>
                    <input id="month" name="month" type="month" required />
                    {move || field_message(error.get(), "month")}
                </div>
                <div class="field">
                    <label for="domestic">{tr!("capital-domestic")}</label>
                    <input id="domestic" name="domestic" type="text" inputmode="decimal" />
                    {move || field_message(error.get(), "domestic")}
                </div>
                <div class="field">
                    <label for="foreign">{tr!("capital-foreign")}</label>
                    <input id="foreign" name="foreign" type="text" inputmode="decimal" />
                    {move || field_message(error.get(), "foreign")}
                </div>
            </div>
            <button type="submit" class="button-primary">{tr!("capital-record")}</button>
        </ActionForm>
    }
}
