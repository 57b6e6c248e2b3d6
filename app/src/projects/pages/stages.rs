//! A project's stages on its page: the form that moves it on (or back, or drops or reopens
//! it, with a reason), and the log of every move.

use super::{or_dash, stage_name};
use crate::domain::Locale;
use crate::i18n::{format_day, use_locale};
use crate::projects::api::MoveProject;
use crate::projects::{Project, Stage, StageMove};
use crate::shell::{field_message, FormError};
use leptos::prelude::*;

#[component]
pub(super) fn StageSection(p: Project, action: ServerAction<MoveProject>) -> impl IntoView {
    let locale = use_locale();
    let form = (p.editable && !p.next_stages.is_empty())
        .then(|| move_form(p.summary.id, p.details.version, p.summary.stage, p.next_stages.clone(), action));
    view! {
        <section class="panel" aria-labelledby="stages-heading">
            <h2 id="stages-heading">{tr!("projects-stages-heading")}</h2>
            {form}
            <h3>{tr!("projects-stage-log")}</h3>
            {log_table(&p.moves, locale)}
        </section>
    }
}

/// The form to move the project to one of the stages it may go to now, the next one on
/// chosen (a move back or a drop is chosen by hand).
fn move_form(
    id: i64,
    version: i32,
    current: Stage,
    next: Vec<Stage>,
    action: ServerAction<MoveProject>,
) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let onward = next.iter().copied().find(|s| *s > current && *s != Stage::Dropped);
    view! {
        <FormError error />
        <ActionForm action attr:class="form form-wide">
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="version" value=version.to_string() />
            <div class="form-grid">
                <div class="field">
                    <label for="to_stage">{tr!("project-field-to-stage")}</label>
                    <select id="to_stage" name="to_stage">
                        {next.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=onward == Some(s)>{stage_name(s)}</option>
                        }).collect_view()}
                    </select>
                    {move || field_message(error.get(), "to_stage")}
                </div>
                <div class="field">
                    <label for="moved_on">{tr!("project-field-moved-on")}</label>
                    <input id="moved_on" name="moved_on" type="date" aria-describedby="moved_on-hint" />
                    <p class="hint" id="moved_on-hint">{tr!("project-date-hint")}</p>
                    {move || field_message(error.get(), "moved_on")}
                </div>
                <div class="field wide">
                    <label for="reason">{tr!("project-field-reason")}</label>
                    <textarea id="reason" name="reason" rows="2" aria-describedby="reason-hint"></textarea>
                    <p class="hint" id="reason-hint">{tr!("project-field-reason-hint")}</p>
                    {move || field_message(error.get(), "reason")}
                </div>
            </div>
            <button type="submit" class="button-primary">{tr!("projects-move")}</button>
        </ActionForm>
    }
}

/// What one move did: the stage it left and the one it reached, or the stage the project was
/// registered at.
fn move_text(m: &StageMove) -> String {
    match m.from_stage {
        Some(from) => format!("{} → {}", stage_name(from), stage_name(m.to_stage)),
        None => tr!("project-log-registered", { "stage" => stage_name(m.to_stage) }),
    }
}

/// Every move in the order it was made.
fn log_table(moves: &[StageMove], locale: Locale) -> AnyView {
    // Read before the view: see `list::headings`.
    let labels = [
        tr!("project-field-move"),
        tr!("project-field-moved-on"),
        tr!("project-field-reason"),
        tr!("project-moved-by"),
    ];
    let headings = labels.into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view();
    let rows = moves
        .iter()
        .map(|m| {
            let text = move_text(m);
            view! {
                <tr>
                    <td>{text}</td>
                    <td>{format_day(m.moved_on, locale)}</td>
                    <td>{m.reason.clone()}</td>
                    <td>{or_dash(m.moved_by.clone().unwrap_or_default())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table stage-log">
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
