//! The sections of an enterprise's page: its liaison officer (and handing it over), its
//! responsible leader, its people, and its aftercare contacts.

use crate::domain::Locale;
use crate::enterprises::api::{AssignLiaison, RecordContact};
use crate::enterprises::{ContactKind, Enterprise, Officer};
use crate::error::AppError;
use crate::i18n::{format_date, use_locale};
use crate::pickers::options_html;
use crate::shell::{field_message, language_name, FormError};
use leptos::prelude::*;

fn contact_kind_name(k: ContactKind) -> String {
    match k {
        ContactKind::Visit => tr!("contact-kind-visit"),
        ContactKind::Call => tr!("contact-kind-call"),
        ContactKind::Meeting => tr!("contact-kind-meeting"),
    }
}

#[component]
pub(super) fn LiaisonSection(
    e: Enterprise,
    officers: Vec<Officer>,
    assign: ServerAction<AssignLiaison>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let active = e.liaisons.iter().find(|l| l.ended_at.is_none()).cloned();
    let has_active = active.is_some();
    let current = active
        .map(|l| view! { <p class="lead">{l.officer_name.clone()}</p> }.into_any())
        .unwrap_or_else(|| view! { <p class="notice notice-info">{tr!("enterprises-no-liaison")}</p> }.into_any());
    let past: Vec<_> = e.liaisons.iter().filter(|l| l.ended_at.is_some()).cloned().collect();
    view! {
        <section class="panel" aria-labelledby="liaison-heading">
            <h2 id="liaison-heading">{tr!("field-liaison-officer")}</h2>
            {current}
            {e.assignable.then(|| view! {
                <FormError error />
                <ActionForm action=assign attr:class="form">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="field">
                        <label for="officer_id">{if has_active { tr!("enterprises-reassign-to") } else { tr!("enterprises-assign-to") }}</label>
                        <select id="officer_id" name="officer_id"
                            inner_html=options_html(Some(&tr!("common-choose")), officers.iter().map(|o| (o.id, o.display_name.as_str())), None)>
                        </select>
                        {move || field_message(error.get(), "officer_id")}
                    </div>
                    {has_active.then(|| view! {
                        <div class="field">
                            <label for="handover_note">{tr!("field-handover-note")}</label>
                            <textarea id="handover_note" name="handover_note" rows="2" aria-describedby="handover_note-hint"></textarea>
                            <p class="hint" id="handover_note-hint">{tr!("field-handover-note-hint")}</p>
                            {move || field_message(error.get(), "handover_note")}
                        </div>
                    })}
                    <button type="submit" class="button-secondary">{if has_active { tr!("enterprises-reassign") } else { tr!("enterprises-assign") }}</button>
                </ActionForm>
            })}
            {(!past.is_empty()).then(|| view! {
                <h3>{tr!("enterprises-previous-liaisons")}</h3>
                <ul class="history">
                    {past.into_iter().map(|l| {
                        let period = format!("{} – {}", format_date(l.assigned_at, locale), l.ended_at.map(|d| format_date(d, locale)).unwrap_or_default());
                        view! { <li><strong>{l.officer_name.clone()}</strong>" · "{period}<br /><span class="muted">{l.handover_note.clone()}</span></li> }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The people at the enterprise, each with the language they read.
#[component]
pub(super) fn PeopleSection(
    e: Enterprise,
    add: ServerAction<crate::enterprises::api::AddPerson>,
    remove: ServerAction<crate::enterprises::api::RemovePerson>,
) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    let editable = e.editable;
    let rows = e.people.iter().map(|p| person_row(p.clone(), e.id, editable, remove)).collect_view();
    let list = if e.people.is_empty() {
        view! { <p class="muted">{tr!("people-none")}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap"><table class="table">
                <thead><tr>
                    <th scope="col">{tr!("people-name")}</th>
                    <th scope="col">{tr!("people-title")}</th>
                    <th scope="col">{tr!("field-email")}</th>
                    <th scope="col">{tr!("people-phone")}</th>
                    <th scope="col">{tr!("field-language")}</th>
                    {editable.then(|| view! { <th scope="col"><span class="visually-hidden">{tr!("people-remove")}</span></th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="people-heading">
            <h2 id="people-heading">{tr!("people-title-heading")}</h2>
            <FormError error=remove_error />
            {list}
            {editable.then(|| view! {
                <h3>{tr!("people-add")}</h3>
                <FormError error />
                <ActionForm action=add attr:class="form">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="person_name">{tr!("people-name")}</label>
                            <input id="person_name" name="person_name" type="text" maxlength="100" required />
                            {move || field_message(error.get(), "person_name")}
                        </div>
                        <div class="field">
                            <label for="person_title">{tr!("people-title")}</label>
                            <input id="person_title" name="person_title" type="text" maxlength="100" />
                            {move || field_message(error.get(), "person_title")}
                        </div>
                        <div class="field">
                            <label for="person_email">{tr!("field-email")}</label>
                            <input id="person_email" name="person_email" type="email" maxlength="254" />
                            {move || field_message(error.get(), "person_email")}
                        </div>
                        <div class="field">
                            <label for="person_phone">{tr!("people-phone")}</label>
                            <input id="person_phone" name="person_phone" type="tel" maxlength="40" />
                            {move || field_message(error.get(), "person_phone")}
                        </div>
                        <div class="field">
                            <label for="person_language">{tr!("field-language")}</label>
                            <select id="person_language" name="person_language">
                                {Locale::ALL.into_iter().map(|l| view! { <option value=l.tag()>{language_name(l)}</option> }).collect_view()}
                            </select>
                            {move || field_message(error.get(), "person_language")}
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("people-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}

fn person_row(
    p: crate::enterprises::ContactPerson,
    enterprise_id: i64,
    editable: bool,
    remove: ServerAction<crate::enterprises::api::RemovePerson>,
) -> impl IntoView {
    let mailto = p.email.clone().map(|m| format!("mailto:{m}"));
    view! {
        <tr>
            <td>{p.name.clone()}</td>
            <td>{p.title.clone()}</td>
            <td>{mailto.map(|href| view! { <a href=href>{p.email.clone().unwrap_or_default()}</a> })}</td>
            <td>{p.phone.clone()}</td>
            <td>{language_name(p.language)}</td>
            {editable.then(|| view! {
                <td>
                    <ActionForm action=remove attr:class="form-inline">
                        <input type="hidden" name="id" value=enterprise_id.to_string() />
                        <input type="hidden" name="person_id" value=p.id.to_string() />
                        <button type="submit" class="button-plain">{tr!("people-remove")}</button>
                    </ActionForm>
                </td>
            })}
        </tr>
    }
}

/// The enterprise's responsible leader, who sees its overdue cases flagged.
#[component]
pub(super) fn LeaderSection(
    e: Enterprise,
    leaders: Vec<Officer>,
    action: ServerAction<crate::enterprises::api::SetResponsibleLeader>,
) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let current = e.responsible_leader_id;
    let name = current.and_then(|id| leaders.iter().find(|l| l.id == id)).map(|l| l.display_name.clone());
    let options = options_html(
        Some(&tr!("enterprises-no-leader")),
        leaders.iter().map(|l| (l.id, l.display_name.as_str())),
        current,
    );
    view! {
        <section class="panel" aria-labelledby="leader-heading">
            <h2 id="leader-heading">{tr!("field-responsible-leader")}</h2>
            <p>{name.unwrap_or_else(|| tr!("enterprises-no-leader"))}</p>
            {e.assignable.then(|| view! {
                <FormError error />
                <ActionForm action attr:class="form-inline">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="field">
                        <label for="leader_id">{tr!("field-responsible-leader")}</label>
                        <select id="leader_id" name="leader_id" inner_html=options></select>
                        {move || field_message(error.get(), "leader_id")}
                    </div>
                    <button type="submit" class="button-secondary">{tr!("common-save")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub(super) fn ContactsSection(
    e: Enterprise,
    contact: ServerAction<RecordContact>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    // With JavaScript the form stays on the page: empty it once the contact is saved.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    crate::shell::reset_when(move || matches!(contact.value().get(), Some(Ok(()))), form_ref);
    let list = if e.contacts.is_empty() {
        view! { <p class="muted">{tr!("enterprises-no-contacts")}</p> }.into_any()
    } else {
        view! {
            <ul class="history">
                {e.contacts.iter().map(|c| {
                    let when = crate::i18n::format_day(c.contacted_on, locale);
                    view! {
                        <li>
                            <strong>{when}" · "{contact_kind_name(c.kind)}</strong>
                            {(!c.participants.is_empty()).then(|| view! { " · "{c.participants.clone()} })}
                            <br />{c.notes.clone()}
                            {(!c.follow_ups.is_empty()).then(|| view! { <br /><em>{tr!("field-follow-ups")}{tr!("label-separator")}</em>{c.follow_ups.clone()} })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{tr!("enterprises-contacts")}</h2>
            {list}
            {e.editable.then(|| view! {
                <h3>{tr!("enterprises-record-contact")}</h3>
                <FormError error />
                <ActionForm action=contact node_ref=form_ref attr:class="form">
                    <input type="hidden" name="id" value=e.id.to_string() />
                    <div class="form-grid">
                        <div class="field">
                            <label for="kind">{tr!("field-contact-kind")}</label>
                            <select id="kind" name="kind">
                                {ContactKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{contact_kind_name(k)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="contacted_on">{tr!("field-contacted-on")}</label>
                            <input id="contacted_on" name="contacted_on" type="date" required />
                            {move || field_message(error.get(), "contacted_on")}
                        </div>
                        <div class="field wide">
                            <label for="participants">{tr!("field-participants")}</label>
                            <input id="participants" name="participants" type="text" />
                        </div>
                        <div class="field wide">
                            <label for="contact_notes">{tr!("field-notes")}</label>
                            <textarea id="contact_notes" name="notes" rows="3" required></textarea>
                            {move || field_message(error.get(), "notes")}
                        </div>
                        <div class="field wide">
                            <label for="follow_ups">{tr!("field-follow-ups")}</label>
                            <textarea id="follow_ups" name="follow_ups" rows="2"></textarea>
                        </div>
                    </div>
                    <button type="submit" class="button-secondary">{tr!("enterprises-record-contact")}</button>
                </ActionForm>
            })}
        </section>
    }
}
