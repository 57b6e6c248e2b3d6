//! The itinerary on a delegation's page: the clashes and language gaps found, the items day by
//! day, the form that books an item (refused over a clash unless the officer books anyway), and
//! sending each person booked their part of the programme.

use super::{hhmm, kind_name, languages_text};
use crate::delegations::api::{RemoveItem, SaveItem, SendProgramme};
use crate::delegations::Resource as Bookable;
use crate::delegations::{Activity, Clash, Delegation, Item, ResourceKind};
use crate::domain::{office_time, Locale};
use crate::error::AppError;
use crate::i18n::{format_day, format_weekday, use_locale};
use crate::shell::{field_message, language_name, reset_when, with_aside, FormError};
use leptos::prelude::*;

fn activity_name(a: Activity) -> String {
    match a {
        Activity::Meeting => tr!("activity-meeting"),
        Activity::Banquet => tr!("activity-banquet"),
        Activity::SiteVisit => tr!("activity-site-visit"),
        Activity::Signing => tr!("activity-signing"),
        Activity::Transfer => tr!("activity-transfer"),
        Activity::FreeTime => tr!("activity-free-time"),
    }
}

/// One clash as the officer reads it: the resource, this item, and the other item.
fn clash_line(c: &Clash, items: &[Item], locale: Locale) -> impl IntoView {
    let own = items
        .iter()
        .find(|i| i.id == c.item_id)
        .map(|i| format!("{} {}–{}", i.title_zh, hhmm(i.starts_at), hhmm(i.ends_at)));
    let other_when = format!(
        "{} {}–{}",
        format_day(office_time(c.other_starts_at).date_naive(), locale),
        hhmm(c.other_starts_at),
        hhmm(c.other_ends_at)
    );
    let href = format!("/delegations/{}", c.other_delegation_id);
    view! {
        <li>
            <strong>{kind_name(c.resource_kind)}" "{c.resource_name.clone()}</strong>{tr!("label-separator")}
            {own.map(|o| view! { <span>{o}</span>" ↔ " })}
            <a href=href>{c.other_delegation_title.clone()}</a>" · "{c.other_title.clone()}" · "{other_when}
        </li>
    }
}

#[component]
pub(super) fn ClashesPanel(d: Delegation) -> impl IntoView {
    let locale = use_locale();
    let gaps = d.language_gaps.clone();
    (!d.clashes.is_empty() || !gaps.is_empty()).then(|| {
        let clashes = d.clashes.iter().map(|c| clash_line(c, &d.items, locale)).collect_view();
        let gap_lines = gaps
            .iter()
            .map(|g| {
                let item = d.items.iter().find(|i| i.id == g.item_id);
                let what = item.map(|i| format!("{} {}–{}", i.title_zh, hhmm(i.starts_at), hhmm(i.ends_at))).unwrap_or_default();
                view! { <li>{tr!("delegation-language-gap", { "language" => language_name(g.language), "item" => what })}</li> }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="clashes-heading" id="clashes">
                {(!d.clashes.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert">
                        <h2 id="clashes-heading">{tr!("delegation-clashes", { "count" => d.clashes.len() })}</h2>
                        <ul class="clashes">{clashes}</ul>
                    </div>
                })}
                {(!gaps.is_empty()).then(|| view! {
                    <div class="notice notice-warn" role="note">
                        <p><strong>{tr!("delegation-language-gaps")}</strong></p>
                        <ul class="language-gaps">{gap_lines}</ul>
                    </div>
                })}
            </section>
        }
    })
}

#[component]
pub(super) fn ItineraryPanel(d: Delegation, remove: ServerAction<RemoveItem>) -> impl IntoView {
    let locale = use_locale();
    let mut days: Vec<chrono::NaiveDate> = d.items.iter().map(|i| office_time(i.starts_at).date_naive()).collect();
    days.dedup();
    let clashing: Vec<i64> = d.clashes.iter().map(|c| c.item_id).collect();
    let editable = d.editable;
    let did = d.id;
    let body = if d.items.is_empty() {
        view! { <p class="muted">{tr!("itinerary-none")}</p> }.into_any()
    } else {
        days.into_iter()
            .map(|day| {
                let heading = format!("{} {}", format_day(day, locale), format_weekday(day, locale));
                let time_label = tr!("item-field-time");
                let rows = d
                    .items
                    .iter()
                    .filter(|i| office_time(i.starts_at).date_naive() == day)
                    .map(|i| item_row(i, clashing.contains(&i.id), editable, did, remove))
                    .collect_view();
                view! {
                    <h3>{heading}</h3>
                    <div class="table-wrap">
                        <table class="table itinerary">
                            <thead><tr>
                                <th scope="col">{time_label}</th>
                                <th scope="col">{tr!("item-field-activity")}</th>
                                <th scope="col">{tr!("item-field-title")}</th>
                                <th scope="col">{tr!("item-field-venue")}</th>
                                <th scope="col">{tr!("item-field-resources")}</th>
                                <th scope="col"><span class="visually-hidden">{tr!("common-actions")}</span></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="itinerary-heading">
            <h2 id="itinerary-heading">{tr!("itinerary-title")}</h2>
            {body}
        </section>
    }
}

/// One item of the itinerary: when, what, where and what else it books, marked when it
/// clashes; for an officer, links to change or remove it.
fn item_row(i: &Item, clash: bool, editable: bool, did: i64, remove: ServerAction<RemoveItem>) -> impl IntoView {
    let venue = i.venue().map(|v| v.name.clone()).unwrap_or_default();
    let others = i
        .resources
        .iter()
        .filter(|r| r.kind != ResourceKind::Venue)
        .map(|r| format!("{} {}", kind_name(r.kind), r.name))
        .collect::<Vec<_>>()
        .join(" · ");
    let item_id = i.id;
    view! {
        <tr class:clash=clash>
            <td class="time">{hhmm(i.starts_at)}"–"{hhmm(i.ends_at)}</td>
            <td>{activity_name(i.activity)}</td>
            <td><span lang="zh-CN">{i.title_zh.clone()}</span>
                {(!i.title_foreign.is_empty()).then(|| view! { <br /><span class="muted">{i.title_foreign.clone()}</span> })}</td>
            <td>{venue}</td>
            <td>{others}</td>
            <td>{editable.then(|| {
                let edit = format!("/delegations/{did}?edit={item_id}#add-item-heading");
                view! {
                    <div class="actions">
                        <a href=edit>{tr!("common-edit")}</a>
                        <ActionForm action=remove attr:class="inline-form">
                            <input type="hidden" name="id" value=did.to_string() />
                            <input type="hidden" name="item_id" value=item_id.to_string() />
                            <button type="submit" class="button-link">{tr!("common-remove")}</button>
                        </ActionForm>
                    </div>
                }
            })}</td>
        </tr>
    }
}

#[component]
pub(super) fn ItemPanel(
    d: Delegation,
    resources: Vec<Bookable>,
    save: ServerAction<SaveItem>,
    editing: Option<Item>,
) -> impl IntoView {
    let add = save;
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let refused: Signal<Vec<Clash>> = Signal::derive(move || match add.value().get() {
        Some(Err(AppError::BookingClashes(c))) => c,
        _ => Vec::new(),
    });
    let booked_over = Signal::derive(move || match add.value().get() {
        Some(Ok(saved)) => saved.clashes.len(),
        _ => 0,
    });
    let locale = use_locale();
    let fields = item_fields(&d, &resources, editing.as_ref(), error);
    let items = d.items.clone();
    let form = NodeRef::<leptos::html::Form>::new();
    reset_when(move || matches!(add.value().get(), Some(Ok(_))), form);
    let item_id = editing.as_ref().map(|i| i.id);
    let heading = if editing.is_some() { tr!("itinerary-edit") } else { tr!("itinerary-add") };
    let button = if editing.is_some() { tr!("common-save") } else { tr!("itinerary-add-button") };
    let cancel = editing.is_some().then(|| {
        let href = format!("/delegations/{}", d.id);
        view! { <a href=href>{tr!("itinerary-edit-cancel")}</a> }
    });
    view! {
        <section class="panel" aria-labelledby="add-item-heading">
            <h2 id="add-item-heading">{heading}</h2>
            <FormError error />
            {move || {
                let c = refused.get();
                (!c.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert" id="refused-clashes">
                        <p>{tr!("itinerary-clash-refused")}</p>
                        <ul class="clashes">{c.iter().map(|c| clash_line(c, &items, locale)).collect_view()}</ul>
                    </div>
                })
            }}
            {move || (booked_over.get() > 0).then(|| view! {
                <div class="notice notice-warn" role="status"><p>{tr!("itinerary-booked-over-clashes", { "count" => booked_over.get() })}</p></div>
            })}
            <ActionForm action=add node_ref=form attr:class="form form-wide">
                <input type="hidden" name="id" value=d.id.to_string() />
                {item_id.map(|i| view! { <input type="hidden" name="item_id" value=i.to_string() /> })}
                <div class="form-grid">
                    {fields}
                    {move || (!refused.get().is_empty()).then(|| view! {
                        <div class="field checkbox wide">
                            <label><input type="checkbox" id="accept_clashes" name="accept_clashes" value="true" />" "{tr!("itinerary-book-anyway")}</label>
                        </div>
                    })}
                </div>
                <div class="actions">
                    <button type="submit" class="button-primary">{button}</button>
                    {cancel}
                </div>
            </ActionForm>
        </section>
    }
}

/// The item form's fields, filled from the item opened for a change (a new one starts on the
/// visit's first day).
fn item_fields(
    d: &Delegation,
    resources: &[Bookable],
    editing: Option<&Item>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let e = editing;
    let day = e.map(|i| office_time(i.starts_at).date_naive()).unwrap_or(d.starts_on).to_string();
    let starts = e.map(|i| hhmm(i.starts_at)).unwrap_or_default();
    let ends = e.map(|i| hhmm(i.ends_at)).unwrap_or_default();
    let activity = e.map(|i| i.activity).unwrap_or(Activity::Meeting);
    let title_zh = e.map(|i| i.title_zh.clone()).unwrap_or_default();
    let title_foreign = e.map(|i| i.title_foreign.clone()).unwrap_or_default();
    let venue_id = e.and_then(|i| i.venue_id);
    let participants = e.map(|i| i.participants.clone()).unwrap_or_default();
    let notes = e.map(|i| i.notes.clone()).unwrap_or_default();
    let venues: Vec<Bookable> = resources.iter().filter(|r| r.kind == ResourceKind::Venue).cloned().collect();
    let (interpreters, officials, vehicles) = (
        resource_group(resources, ResourceKind::Interpreter, e),
        resource_group(resources, ResourceKind::Official, e),
        resource_group(resources, ResourceKind::Vehicle, e),
    );
    view! {
        <div class="field">
            <label for="day">{tr!("item-field-day")}</label>
            <input id="day" name="day" type="date" min=d.starts_on.to_string() max=d.ends_on.to_string()
                value=day required />
            {move || field_message(error.get(), "day")}
        </div>
        <div class="field">
            <label for="starts">{tr!("item-field-starts")}</label>
            <input id="starts" name="starts" type="time" value=starts required />
            {move || field_message(error.get(), "starts")}
        </div>
        <div class="field">
            <label for="ends">{tr!("item-field-ends")}</label>
            <input id="ends" name="ends" type="time" value=ends required />
            {move || field_message(error.get(), "ends")}
        </div>
        <div class="field">
            <label for="activity">{tr!("item-field-activity")}</label>
            <select id="activity" name="activity">
                {Activity::ALL.iter().map(|a| view! { <option value=a.as_str() selected=*a == activity>{activity_name(*a)}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "activity")}
        </div>
        <div class="field">
            <label for="title_zh">{tr!("item-field-title-zh")}</label>
            <input id="title_zh" name="title_zh" type="text" maxlength="200" lang="zh-CN" value=title_zh required />
            {move || field_message(error.get(), "title_zh")}
        </div>
        <div class="field">
            <label for="title_foreign">{tr!("item-field-title-foreign", { "language" => language_name(d.language) })}</label>
            <input id="title_foreign" name="title_foreign" type="text" maxlength="200" lang=d.language.tag() value=title_foreign />
            {move || field_message(error.get(), "title_foreign")}
        </div>
        <div class="field">
            <label for="venue_id">{tr!("item-field-venue")}</label>
            <select id="venue_id" name="venue_id">
                <option value="">{tr!("common-none")}</option>
                {venues.into_iter().map(|v| view! { <option value=v.id.to_string() selected=venue_id == Some(v.id)>{v.name.clone()}</option> }).collect_view()}
            </select>
            {move || field_message(error.get(), "venue_id")}
        </div>
        <div class="field wide">
            {interpreters}
            {officials}
            {vehicles}
            {move || field_message(error.get(), "resource_ids")}
        </div>
        <div class="field wide">
            <label for="participants">{tr!("item-field-participants")}</label>
            <input id="participants" name="participants" type="text" maxlength="1000" value=participants />
        </div>
        <div class="field wide">
            <label for="item_notes">{tr!("item-field-notes")}</label>
            <textarea id="item_notes" name="item_notes" rows="2">{notes}</textarea>
        </div>
    }
}

/// The office's resources of one kind as checkboxes, those the item books ticked; nothing
/// when it has none of that kind.
fn resource_group(resources: &[Bookable], kind: ResourceKind, editing: Option<&Item>) -> Option<impl IntoView> {
    let list: Vec<Bookable> = resources.iter().filter(|r| r.kind == kind).cloned().collect();
    (!list.is_empty()).then(|| {
        view! {
            <fieldset class="field checkbox">
                <legend>{kind_name(kind)}</legend>
                {list.into_iter().map(|r| {
                    let langs = languages_text(&r.languages);
                    let label = if langs.is_empty() { r.name.clone() } else { with_aside(&r.name, &langs) };
                    let checked = editing.is_some_and(|i| i.resources.iter().any(|x| x.id == r.id));
                    view! { <label><input type="checkbox" name="resource_ids[]" value=r.id.to_string() checked=checked />" "{label}</label> }
                }).collect_view()}
            </fieldset>
        }
    })
}

/// Send the officials, interpreters and drivers their part of the programme.
#[component]
pub(super) fn SendPanel(d: Delegation, send: ServerAction<SendProgramme>) -> impl IntoView {
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    let sent = Signal::derive(move || match send.value().get() {
        Some(Ok(n)) => n,
        _ => 0,
    });
    view! {
        <section class="panel" aria-labelledby="send-heading">
            <h2 id="send-heading">{tr!("programme-send-title")}</h2>
            <p class="hint">{tr!("programme-send-hint")}</p>
            <FormError error />
            {move || (sent.get() > 0).then(|| view! {
                <div class="notice notice-ok" role="status" id="programme-sent"><p>{tr!("programme-sent", { "count" => sent.get() })}</p></div>
            })}
            <ActionForm action=send attr:class="form">
                <input type="hidden" name="id" value=d.id.to_string() />
                <button type="submit" class="button-secondary">{tr!("programme-send")}</button>
            </ActionForm>
        </section>
    }
}
