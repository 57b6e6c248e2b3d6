//! The three-way review (三性审查) on a project's page: each review recorded, what still stands
//! in the way of a signing, and the form to record a review before it.

use super::{aspect_name, verdict_name};
use crate::domain::Locale;
use crate::i18n::{format_day, use_locale};
use crate::projects::api::ReviewProject;
use crate::projects::{Aspect, Project, ReviewEntry, Stage};
use crate::shell::{field_message, join_list, reset_when, FormError};
use leptos::prelude::*;

#[component]
pub(super) fn ReviewSection(p: Project, action: ServerAction<ReviewProject>) -> impl IntoView {
    let locale = use_locale();
    let stage = p.summary.stage;
    let blocking = (!p.blocking.is_empty() && !stage.is_signed()).then(|| {
        let names: Vec<String> = p.blocking.iter().map(|a| aspect_name(*a)).collect();
        let text = tr!("projects-blocking", { "aspects" => join_list(&names) });
        view! { <div class="notice notice-warn" role="status"><p>{text}</p></div> }
    });
    let list = if p.reviews.is_empty() {
        view! { <p class="muted">{tr!("projects-no-reviews")}</p> }.into_any()
    } else {
        reviews_table(&p.reviews, locale)
    };
    let open = p.editable && matches!(stage, Stage::Lead | Stage::Negotiating);
    let first = p.blocking.first().copied();
    let id = p.summary.id;
    view! {
        <section class="panel" aria-labelledby="review-heading">
            <h2 id="review-heading">{tr!("projects-review-heading")}</h2>
            <p class="hint">{tr!("projects-review-hint")}</p>
            {blocking}
            {list}
            {open.then(|| review_form(id, first, action))}
        </section>
    }
}

/// The reviews in the order they were recorded.
fn reviews_table(reviews: &[ReviewEntry], locale: Locale) -> AnyView {
    // Read before the view: see `list::headings`.
    let labels = [
        tr!("project-field-aspect"),
        tr!("project-field-verdict"),
        tr!("project-field-finding"),
        tr!("project-field-reviewed-on"),
        tr!("project-reviewer"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = reviews
        .iter()
        .map(|r| {
            let badge = if r.passed { "badge badge-ok" } else { "badge badge-danger" };
            view! {
                <tr>
                    <td>{aspect_name(r.aspect)}</td>
                    <td><span class=badge>{verdict_name(r.passed)}</span></td>
                    <td>{r.finding.clone()}</td>
                    <td>{format_day(r.reviewed_on, locale)}</td>
                    <td>{r.reviewer.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table reviews">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The form to record one review, the first aspect still in the way chosen.
fn review_form(id: i64, first: Option<Aspect>, action: ServerAction<ReviewProject>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // With JavaScript the form stays on the page: empty it once the review is recorded.
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(action.value().get(), Some(Ok(()))), form);
    view! {
        <h3>{tr!("projects-record-review")}</h3>
        <FormError error />
        <ActionForm action node_ref=form attr:class="form form-wide">
            <input type="hidden" name="id" value=id.to_string() />
            <div class="form-grid">
                <div class="field">
                    <label for="aspect">{tr!("project-field-aspect")}</label>
                    <select id="aspect" name="aspect">
                        {Aspect::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=first == Some(a)>{aspect_name(a)}</option>
                        }).collect_view()}
                    </select>
                    {move || field_message(error.get(), "aspect")}
                </div>
                <div class="field">
                    <label for="passed">{tr!("project-field-verdict")}</label>
                    <select id="passed" name="passed" required>
                        <option value="">{tr!("common-choose")}</option>
                        <option value="true">{verdict_name(true)}</option>
                        <option value="false">{verdict_name(false)}</option>
                    </select>
                    {move || field_message(error.get(), "passed")}
                </div>
                <div class="field">
                    <label for="reviewed_on">{tr!("project-field-reviewed-on")}</label>
                    <input id="reviewed_on" name="reviewed_on" type="date" aria-describedby="reviewed_on-hint" />
                    <p class="hint" id="reviewed_on-hint">{tr!("project-date-hint")}</p>
                    {move || field_message(error.get(), "reviewed_on")}
                </div>
                <div class="field wide">
                    <label for="finding">{tr!("project-field-finding")}</label>
                    <textarea id="finding" name="finding" rows="3" required></textarea>
                    {move || field_message(error.get(), "finding")}
                </div>
            </div>
            <button type="submit" class="button-secondary">{tr!("projects-record-review")}</button>
        </ActionForm>
    }
}
