//! The outbox page (administrators), the list of a case's messages on its page, and the daily
//! digest's switch on the account page.

use super::api::{daily_digest, outbox, RetryMessage, SetDailyDigest};
use crate::domain::{CaseMessage, Locale, MessageState, OutboxEntry};
use crate::i18n::{format_datetime, use_locale};
use crate::shell::{page_error, use_me, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

crate::routes::pages! {
    "/admin/outbox" => OutboxPage, Needs(ManageOutbox);
}

pub fn state_name(s: MessageState) -> String {
    match s {
        MessageState::Pending => tr!("outbox-state-pending"),
        MessageState::Failed => tr!("outbox-state-failed"),
        MessageState::Sent => tr!("outbox-state-sent"),
        MessageState::Dead => tr!("outbox-state-dead"),
    }
}

pub fn kind_name(kind: &str) -> String {
    match kind {
        "case_opened" => tr!("mail-kind-case-opened"),
        "public_update" => tr!("mail-kind-public-update"),
        "status_changed" => tr!("mail-kind-status-changed"),
        "case_assigned" => tr!("mail-kind-case-assigned"),
        "task_assigned" => tr!("mail-kind-task-assigned"),
        "case_at_risk" => tr!("mail-kind-case-at-risk"),
        "case_overdue" => tr!("mail-kind-case-overdue"),
        "task_overdue" => tr!("mail-kind-task-overdue"),
        "digest" => tr!("mail-kind-digest"),
        "interest_received" => tr!("mail-kind-interest-received"),
        "portal_lead" => tr!("mail-kind-portal-lead"),
        other => other.to_string(),
    }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let state = move || query.read().get("state").filter(|s| MessageState::parse(s).is_some());
    let page = move || query.read().get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(0).max(0);
    let retry = ServerAction::<RetryMessage>::new();
    let messages =
        crate::codec::resource(move || (state(), page(), retry.version().get()), |(s, p, _)| outbox(s, Some(p)));
    let error = Signal::derive(move || retry.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("outbox-title") />
        <h1>{move || tr!("outbox-title")}</h1>
        <p class="hint">{move || tr!("outbox-hint")}</p>
        <form method="get" action="/admin/outbox" class="form form-inline filters">
            <div class="field">
                <label for="state">{move || tr!("outbox-state")}</label>
                <select id="state" name="state">
                    <option value="">{move || tr!("outbox-state-all")}</option>
                    {MessageState::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || state().as_deref() == Some(s.as_str())>{move || state_name(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button-secondary">{move || tr!("outbox-filter")}</button>
        </form>
        <FormError error />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match messages.await {
                    Err(e) => page_error(e),
                    Ok(p) => {
                        let locale = use_locale();
                        let count = tr!("outbox-count", { "count" => p.total });
                        let shown = p.entries.len() as i64;
                        let next = (page() * p.per_page + shown < p.total).then(|| {
                            let q = crate::shell::query_string(&[("state", state()), ("page", Some((page() + 1).to_string()))]);
                            crate::shell::with_query("/admin/outbox", &q)
                        });
                        if p.entries.is_empty() {
                            return view! { <p class="muted">{tr!("outbox-empty")}</p> }.into_any();
                        }
                        let rows = p.entries.into_iter().map(|m| message_row(m, retry, locale)).collect_view();
                        // (a label of its own: the translation check skips the first cell after `<tr>`)
                        let created = tr!("outbox-created");
                        view! {
                            <p>{count}</p>
                            <div class="table-wrap">
                                <table class="table outbox">
                                    <caption class="visually-hidden">{tr!("outbox-title")}</caption>
                                    <thead><tr>
                                        <th scope="col">{created}</th>
                                        <th scope="col">{tr!("outbox-recipient")}</th>
                                        <th scope="col">{tr!("outbox-subject")}</th>
                                        <th scope="col">{tr!("outbox-case")}</th>
                                        <th scope="col">{tr!("outbox-state")}</th>
                                        <th scope="col">{tr!("outbox-attempts")}</th>
                                        <th scope="col"><span class="visually-hidden">{tr!("outbox-retry")}</span></th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {next.map(|href| view! { <p><a href=href rel="next">{tr!("common-next")}</a></p> })}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn message_row(m: OutboxEntry, retry: ServerAction<RetryMessage>, locale: Locale) -> impl IntoView {
    let state_detail = match m.state {
        MessageState::Sent => m.sent_at.map(|at| format_datetime(at, locale)),
        MessageState::Failed => {
            let label = tr!("outbox-next-attempt");
            Some(format!("{label}{}{}", tr!("label-separator"), format_datetime(m.next_attempt_at, locale)))
        }
        _ => None,
    };
    let error = m.last_error.clone().filter(|_| m.state != MessageState::Sent);
    let may_retry = matches!(m.state, MessageState::Failed | MessageState::Dead);
    view! {
        <tr class=format!("message-{}", m.state.as_str())>
            <td>{format_datetime(m.created_at, locale)}</td>
            <td>{m.recipient.clone()}</td>
            <td>{m.subject.clone()}<br /><span class="muted">{kind_name(&m.kind)}</span></td>
            <td>{m.case_id.zip(m.case_reference.clone()).map(|(id, r)| view! { <a href=format!("/cases/{id}")>{r}</a> })}</td>
            <td>
                <span class=format!("badge message-state-{}", m.state.as_str())>{state_name(m.state)}</span>
                {state_detail.map(|d| view! { <br /><span class="muted">{d}</span> })}
                {error.map(|e| view! { <br /><span class="muted">{format!("{}{}{e}", tr!("outbox-last-error"), tr!("label-separator"))}</span> })}
            </td>
            <td>{m.attempts}</td>
            <td>
                {may_retry.then(|| view! {
                    <ActionForm action=retry attr:class="form-inline">
                        <input type="hidden" name="id" value=m.id.to_string() />
                        <button type="submit" class="button-secondary">{tr!("outbox-retry")}</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}

/// The messages a case has sent, on its page: to whom, what, and whether it went.
#[component]
pub fn CaseMessages(messages: Vec<CaseMessage>) -> impl IntoView {
    let locale = use_locale();
    let body = if messages.is_empty() {
        view! { <p class="muted">{tr!("case-messages-none")}</p> }.into_any()
    } else {
        let items = messages.into_iter().map(|m| case_message_item(m, locale)).collect_view();
        view! { <ul class="case-messages">{items}</ul> }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="case-messages-heading">
            <h2 id="case-messages-heading">{tr!("case-messages")}</h2>
            {body}
        </section>
    }
}

fn case_message_item(m: CaseMessage, locale: Locale) -> impl IntoView {
    let when = format_datetime(m.sent_at.unwrap_or(m.created_at), locale);
    view! {
        <li>
            <span class=format!("badge message-state-{}", m.state.as_str())>{state_name(m.state)}</span>
            " " {kind_name(&m.kind)} " → " {m.recipient} " " <span class="muted">{when}</span>
        </li>
    }
}

/// A liaison officer's daily digest of their cases by e-mail: on or off (on their account
/// page).
#[component]
pub fn DigestPanel() -> impl IntoView {
    let me = use_me().0;
    let set = ServerAction::<SetDailyDigest>::new();
    let current = crate::codec::resource(move || set.version().get(), |_| daily_digest());
    let query = use_query_map();
    let saved = Signal::derive(move || {
        matches!(set.value().get(), Some(Ok(()))) || query.read().get("saved").as_deref() == Some("digest")
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let officer = me.await.ok().flatten().is_some_and(|u| u.role == crate::domain::Role::LiaisonOfficer);
                let on = current.await.unwrap_or(true);
                officer.then(|| view! {
                    <section class="panel" aria-labelledby="digest-heading">
                        <h2 id="digest-heading">{tr!("account-digest")}</h2>
                        <Saved show=saved />
                        <ActionForm action=set attr:class="form">
                            <div class="field checkbox">
                                <label>
                                    <input type="checkbox" id="digest" name="enabled" value="true" checked=on />
                                    " "{tr!("account-digest-label")}
                                </label>
                            </div>
                            <button type="submit" class="button-secondary">{tr!("common-save")}</button>
                        </ActionForm>
                    </section>
                })
            })}
        </Transition>
    }
}
