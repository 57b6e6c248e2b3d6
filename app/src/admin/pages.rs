//! Administration pages: the staff list, creating and editing an account, and the audit log.

use super::api::{
    get_user, list_audit, list_departments, list_users, CreateUser, EndSessions, ResetPassword, SetUserActive,
    UpdateUser,
};
use super::{Department, UserRecord, AUDIT_ACTIONS};
use crate::domain::{AuditEntry, AuditFilter, Locale, Role};
use crate::error::AppError;
use crate::i18n::{format_datetime, use_locale};
use crate::shell::{field_message, language_name, page_error, role_name, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

crate::routes::pages! {
    // What else is under /admin (the roles that must use two steps) is the admins'.
    under "/admin" => Needs(ManageUsers);
    "/admin/users" => UsersPage, Needs(ManageUsers);
    "/admin/users/new" => NewUserPage, Needs(ManageUsers);
    "/admin/users/:id" => UserPage, Needs(ManageUsers);
    "/admin/audit" => AuditPage, Needs(ReadAuditLog);
}

fn department_name(departments: &[Department], id: Option<i64>, locale: Locale) -> String {
    id.and_then(|id| departments.iter().find(|d| d.id == id)).map(|d| d.name(locale).to_string()).unwrap_or_default()
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let users = crate::codec::resource(|| (), |_| list_users());
    let departments = crate::codec::resource(|| (), |_| list_departments());
    view! {
        <Title text=tr!("users-title") />
        <div class="page-header">
            <h1>{move || tr!("users-title")}</h1>
            <a class="button-primary" href="/admin/users/new">{move || tr!("users-new")}</a>
        </div>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let depts = departments.await.unwrap_or_default();
                match users.await {
                    Err(e) => page_error(e),
                    Ok(list) => {
                        let locale = use_locale();
                        view! {
                            <div class="table-wrap">
                            <table class="table">
                                <caption class="visually-hidden">{tr!("users-title")}</caption>
                                <thead><tr>
                                    <th scope="col">{tr!("field-display-name")}</th>
                                    <th scope="col">{tr!("field-email")}</th>
                                    <th scope="col">{tr!("field-role")}</th>
                                    <th scope="col">{tr!("field-department")}</th>
                                    <th scope="col">{tr!("field-language")}</th>
                                    <th scope="col">{tr!("users-status")}</th>
                                    <th scope="col">{tr!("users-last-login")}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|u| user_row(u, &depts, locale)).collect_view()}
                                </tbody>
                            </table>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn user_row(u: UserRecord, depts: &[Department], locale: Locale) -> impl IntoView {
    let href = format!("/admin/users/{}", u.id);
    let dept = department_name(depts, u.department_id, locale);
    let status = if u.active { tr!("users-active") } else { tr!("users-disabled") };
    let never = tr!("users-never");
    let last_login = u.last_login_at.map(|t| format_datetime(t, locale)).unwrap_or(never);
    view! {
        <tr class:inactive=!u.active>
            <td><a href=href>{u.display_name.clone()}</a></td>
            <td>{u.email.clone()}</td>
            <td>{role_name(u.role)}</td>
            <td>{dept}</td>
            <td>{language_name(u.locale)}</td>
            <td>{status}</td>
            <td>{last_login}</td>
        </tr>
    }
}

/// The fields shared by the create and edit forms.
#[component]
fn UserFields(
    user: Option<UserRecord>,
    departments: Vec<Department>,
    counties: Vec<crate::domain::County>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let email = user.as_ref().map(|u| u.email.clone()).unwrap_or_default();
    let name = user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default();
    let role = user.as_ref().map(|u| u.role);
    let dept = user.as_ref().and_then(|u| u.department_id);
    let county = user.as_ref().and_then(|u| u.county_id);
    let user_locale = user.as_ref().map(|u| u.locale).unwrap_or(Locale::ZhCn);
    view! {
        <div class="field">
            <label for="display_name">{move || tr!("field-display-name")}</label>
            <input id="display_name" name="display_name" type="text" maxlength="100" value=name required />
            {move || field_message(error.get(), "display_name")}
        </div>
        <div class="field">
            <label for="email">{move || tr!("field-email")}</label>
            <input id="email" name="email" type="email" value=email required />
            {move || field_message(error.get(), "email")}
        </div>
        <div class="field">
            <label for="role">{move || tr!("field-role")}</label>
            <select id="role" name="role">
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=role == Some(r)>{move || role_name(r)}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "role")}
        </div>
        <div class="field">
            <label for="department_id">{move || tr!("field-department")}</label>
            <select id="department_id" name="department_id" aria-describedby="department_id-hint">
                <option value="" selected=dept.is_none()>{move || tr!("field-department-none")}</option>
                {departments.into_iter().map(|d| {
                    let selected = dept == Some(d.id);
                    view! { <option value=d.id.to_string() selected=selected>{d.name(locale).to_string()}</option> }
                }).collect_view()}
            </select>
            <p class="hint" id="department_id-hint">{move || tr!("field-department-hint")}</p>
            {move || field_message(error.get(), "department_id")}
        </div>
        <div class="field">
            <label for="county_id">{move || tr!("project-field-county")}</label>
            <select id="county_id" name="county_id" aria-describedby="county_id-hint">
                <option value="" selected=county.is_none()>{move || tr!("field-department-none")}</option>
                {counties.into_iter().map(|c| {
                    let selected = county == Some(c.id);
                    view! { <option value=c.id.to_string() selected=selected>{c.name(locale).to_string()}</option> }
                }).collect_view()}
            </select>
            <p class="hint" id="county_id-hint">{move || tr!("field-county-hint")}</p>
            {move || field_message(error.get(), "county_id")}
        </div>
        <div class="field">
            <label for="locale">{move || tr!("field-language")}</label>
            <select id="locale" name="locale">
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.tag() selected=l == user_locale>{language_name(l)}</option>
                }).collect_view()}
            </select>
            {move || field_message(error.get(), "locale")}
        </div>
    }
}

#[component]
pub fn NewUserPage() -> impl IntoView {
    let create = ServerAction::<CreateUser>::new();
    let departments = crate::codec::resource(|| (), |_| list_departments());
    let counties = crate::codec::resource(|| (), |_| super::api::list_account_counties());
    let me = crate::shell::use_me();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("users-new") />
        <p class="breadcrumb"><a href="/admin/users">{move || tr!("users-title")}</a></p>
        <h1>{move || tr!("users-new")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let may = me.may(crate::auth::Action::ManageUsers).await;
                let counties = counties.await.unwrap_or_default();
                match departments.await {
                    _ if !may => page_error(AppError::Forbidden),
                    Err(e) => page_error(e),
                    Ok(depts) => view! {
                        <FormError error />
                        <ActionForm action=create attr:class="form">
                            <UserFields user=None departments=depts counties error />
                            <div class="field">
                                <label for="password">{move || tr!("field-initial-password")}</label>
                                <input id="password" name="password" type="password" autocomplete="new-password"
                                    aria-describedby="password-hint" />
                                <p class="hint" id="password-hint">
                                    {move || tr!("field-password-hint", { "min" => crate::domain::NewPassword::MIN })}
                                </p>
                                {move || field_message(error.get(), "password")}
                            </div>
                            <button type="submit" class="button-primary" disabled=move || create.pending().get()>
                                {move || tr!("users-create")}
                            </button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn UserPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let update = ServerAction::<UpdateUser>::new();
    let set_active = ServerAction::<SetUserActive>::new();
    let reset = ServerAction::<ResetPassword>::new();
    let end = ServerAction::<EndSessions>::new();
    let user = crate::codec::resource(
        move || (id(), update.version().get(), set_active.version().get(), reset.version().get(), end.version().get()),
        |(id, ..)| get_user(id),
    );
    let departments = crate::codec::resource(|| (), |_| list_departments());
    let counties = crate::codec::resource(|| (), |_| super::api::list_account_counties());
    let history = crate::codec::resource(
        move || (id(), update.version().get(), set_active.version().get(), reset.version().get(), end.version().get()),
        |(id, ..)| {
            list_audit(AuditFilter {
                entity_type: Some("user".into()),
                entity_id: Some(id.to_string()),
                ..AuditFilter::default()
            })
        },
    );
    let saved_note = move || query.read().get("saved");
    let updated = Signal::derive(move || {
        matches!(update.value().get(), Some(Ok(())))
            || matches!(set_active.value().get(), Some(Ok(())))
            || matches!(saved_note().as_deref(), Some("updated" | "enabled" | "disabled" | "created"))
    });
    let password_saved = Signal::derive(move || {
        matches!(reset.value().get(), Some(Ok(()))) || saved_note().as_deref() == Some("password")
    });
    let sessions_ended =
        Signal::derive(move || matches!(end.value().get(), Some(Ok(_))) || saved_note().as_deref() == Some("sessions"));

    view! {
        <Title text=tr!("users-edit") />
        <p class="breadcrumb"><a href="/admin/users">{move || tr!("users-title")}</a></p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let depts = departments.await.unwrap_or_default();
                let counties = counties.await.unwrap_or_default();
                match user.await {
                    Err(e) => page_error(e),
                    Ok(u) => {
                        let locale = use_locale();
                        let uid = u.id;
                        view! {
                            <h1>{u.display_name.clone()}
                                {(!u.active).then(|| view! { <span class="badge badge-muted">{tr!("users-disabled")}</span> })}
                            </h1>
                            <p class="muted">
                                {tr!("users-created-at", { "date" => format_datetime(u.created_at, locale) })}
                            </p>
                            <Saved show=updated />
                            <UserEditPanel u=u.clone() departments=depts counties update />
                            <UserAccessPanel u set_active end ended=sessions_ended />
                            <UserPasswordPanel uid reset done=password_saved />
                        }.into_any()
                    }
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || tr!("users-history")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(page) => view! { <AuditTable entries=page.entries /> }.into_any(),
                        Err(e) => page_error(e),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The account's own fields, for a change.
#[component]
fn UserEditPanel(
    u: UserRecord,
    departments: Vec<Department>,
    counties: Vec<crate::domain::County>,
    update: ServerAction<UpdateUser>,
) -> impl IntoView {
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let uid = u.id;
    let version = u.version;
    view! {
        <section class="panel" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{tr!("users-edit")}</h2>
            <FormError error />
            <ActionForm action=update attr:class="form">
                <input type="hidden" name="id" value=uid.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <UserFields user=Some(u) departments counties error />
                <button type="submit" class="button-primary">{tr!("common-save")}</button>
            </ActionForm>
        </section>
    }
}

/// Whether the account may sign in, and its open sessions, to end.
#[component]
fn UserAccessPanel(
    u: UserRecord,
    set_active: ServerAction<SetUserActive>,
    end: ServerAction<EndSessions>,
    ended: Signal<bool>,
) -> impl IntoView {
    let error = Signal::derive(move || set_active.value().get().and_then(Result::err));
    let uid = u.id;
    let version = u.version;
    let active = u.active;
    let sessions = u.session_count;
    view! {
        <section class="panel" aria-labelledby="access-heading">
            <h2 id="access-heading">{tr!("users-access")}</h2>
            <FormError error />
            <ActionForm action=set_active attr:class="form-inline">
                <input type="hidden" name="id" value=uid.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <input type="hidden" name="active" value=(!active).to_string() />
                <button type="submit" class=if active { "button-danger" } else { "button-secondary" }>
                    {if active { tr!("users-disable") } else { tr!("users-enable") }}
                </button>
            </ActionForm>
            <p>{tr!("users-session-count", { "count" => sessions })}</p>
            <Show when=move || ended.get()>
                <div class="notice notice-ok" role="status"><p>{tr!("users-sessions-ended")}</p></div>
            </Show>
            <ActionForm action=end attr:class="form-inline">
                <input type="hidden" name="id" value=uid.to_string() />
                <button type="submit" class="button-secondary">{tr!("users-end-sessions")}</button>
            </ActionForm>
        </section>
    }
}

/// A new password for the account, set by the administrator.
#[component]
fn UserPasswordPanel(uid: i64, reset: ServerAction<ResetPassword>, done: Signal<bool>) -> impl IntoView {
    let error = Signal::derive(move || reset.value().get().and_then(Result::err));
    view! {
        <section class="panel" aria-labelledby="reset-heading">
            <h2 id="reset-heading">{tr!("users-reset-password")}</h2>
            <Show when=move || done.get()>
                <div class="notice notice-ok" role="status"><p>{tr!("users-password-reset-done")}</p></div>
            </Show>
            <FormError error />
            <ActionForm action=reset attr:class="form">
                <input type="hidden" name="id" value=uid.to_string() />
                <div class="field">
                    <label for="password">{tr!("field-new-password")}</label>
                    <input id="password" name="password" type="password" autocomplete="new-password" />
                    {move || field_message(error.get(), "password")}
                </div>
                <button type="submit" class="button-secondary">{tr!("users-reset-password")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let locale = use_locale();
    if entries.is_empty() {
        return view! { <p class="muted">{tr!("audit-empty")}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
        <table class="table audit">
            <thead><tr>
                <th scope="col">{tr!("audit-at")}</th>
                <th scope="col">{tr!("audit-actor")}</th>
                <th scope="col">{tr!("audit-action")}</th>
                <th scope="col">{tr!("audit-entity")}</th>
                <th scope="col">{tr!("audit-changes")}</th>
                <th scope="col">{tr!("audit-address")}</th>
            </tr></thead>
            <tbody>
                {entries.into_iter().map(|e| {
                    let entity = match &e.entity_id {
                        Some(id) => format!("{} #{}", e.entity_type, id),
                        None => e.entity_type.clone(),
                    };
                    view! {
                        <tr>
                            <td>{format_datetime(e.at, locale)}</td>
                            <td>{e.actor_name.clone().unwrap_or_else(|| "—".into())}</td>
                            <td>{audit_action_name(&e.action)}</td>
                            <td>{entity}</td>
                            <td><code class="changes">{e.changes.clone()}</code></td>
                            <td>{e.ip.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

fn audit_action_name(action: &str) -> String {
    match action {
        "login" => tr!("audit-action-login"),
        "login_failed" => tr!("audit-action-login-failed"),
        "logout" => tr!("audit-action-logout"),
        "user_created" => tr!("audit-action-user-created"),
        "user_updated" => tr!("audit-action-user-updated"),
        "password_reset" => tr!("audit-action-password-reset"),
        "password_changed" => tr!("audit-action-password-changed"),
        "sessions_ended" => tr!("audit-action-sessions-ended"),
        "language_changed" => tr!("audit-action-language-changed"),
        "personal_data_viewed" => tr!("audit-action-personal-data-viewed"),
        "delegation_created" => tr!("audit-action-delegation-created"),
        "delegation_updated" => tr!("audit-action-delegation-updated"),
        "delegation_status_changed" => tr!("audit-action-delegation-status-changed"),
        "delegation_member_added" => tr!("audit-action-delegation-member-added"),
        "delegation_member_removed" => tr!("audit-action-delegation-member-removed"),
        "itinerary_item_added" => tr!("audit-action-itinerary-item-added"),
        "itinerary_item_removed" => tr!("audit-action-itinerary-item-removed"),
        "itinerary_item_updated" => tr!("audit-action-itinerary-item-updated"),
        "resource_added" => tr!("audit-action-resource-added"),
        "resource_retired" => tr!("audit-action-resource-retired"),
        "partner_city_registered" => tr!("audit-action-partner-city-registered"),
        "partner_city_updated" => tr!("audit-action-partner-city-updated"),
        "partner_city_exchange_added" => tr!("audit-action-partner-city-exchange-added"),
        "partner_city_contact_added" => tr!("audit-action-partner-city-contact-added"),
        "delegation_gift_registered" => tr!("audit-action-delegation-gift-registered"),
        "delegation_outcome_recorded" => tr!("audit-action-delegation-outcome-recorded"),
        "mission_rules_changed" => tr!("audit-action-mission-rules-changed"),
        "delegation_programme_sent" => tr!("audit-action-delegation-programme-sent"),
        "policy_registered" => tr!("audit-action-policy-registered"),
        "policy_updated" => tr!("audit-action-policy-updated"),
        "policy_withdrawn" => tr!("audit-action-policy-withdrawn"),
        "chain_segment_added" => tr!("audit-action-chain-segment-added"),
        "chain_segment_renamed" => tr!("audit-action-chain-segment-renamed"),
        "segment_enterprise_added" => tr!("audit-action-segment-enterprise-added"),
        "segment_enterprise_removed" => tr!("audit-action-segment-enterprise-removed"),
        "target_firms_imported" => tr!("audit-action-target-firms-imported"),
        "target_firm_approach_changed" => tr!("audit-action-target-firm-approach-changed"),
        "lead_opened" => tr!("audit-action-lead-opened"),
        "lead_contact_logged" => tr!("audit-action-lead-contact-logged"),
        "lead_closed" => tr!("audit-action-lead-closed"),
        "promoted_project_registered" => tr!("audit-action-promoted-project-registered"),
        "promoted_project_updated" => tr!("audit-action-promoted-project-updated"),
        "promoted_project_published" => tr!("audit-action-promoted-project-published"),
        "promoted_project_unpublished" => tr!("audit-action-promoted-project-unpublished"),
        "brochure_issue_created" => tr!("audit-action-brochure-issue-created"),
        "brochure_project_added" => tr!("audit-action-brochure-project-added"),
        "brochure_project_removed" => tr!("audit-action-brochure-project-removed"),
        "interest_expressed" => tr!("audit-action-interest-expressed"),
        "figure_targets_set" => tr!("audit-action-figure-targets-set"),
        "demo_loaded" => tr!("audit-action-demo-loaded"),
        other => other.to_string(),
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        AuditFilter {
            action: q.get("action").filter(|s| !s.is_empty()),
            entity_type: q.get("entity_type").filter(|s| !s.is_empty()),
            actor: q.get("actor").filter(|s| !s.is_empty()),
            entity_id: q.get("entity_id").filter(|s| !s.is_empty()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0),
        }
    };
    let entries = crate::codec::resource(filter, list_audit);
    view! {
        <Title text=tr!("audit-title") />
        <h1>{move || tr!("audit-title")}</h1>
        <form method="get" action="/admin/audit" class="form form-inline filters" role="search">
            <div class="field">
                <label for="action">{move || tr!("audit-action")}</label>
                <select id="action" name="action">
                    <option value="">{move || tr!("audit-any")}</option>
                    {AUDIT_ACTIONS.into_iter().map(|a| view! {
                        <option value=a selected=move || filter().action.as_deref() == Some(a)>{move || audit_action_name(a)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="actor">{move || tr!("audit-actor")}</label>
                <input id="actor" name="actor" type="search" value=move || filter().actor.unwrap_or_default() />
            </div>
            <button type="submit" class="button-secondary">{move || tr!("audit-filter")}</button>
        </form>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Err(e) => page_error(e),
                    Ok(page) => {
                        let f = filter();
                        let next = page.more.then(|| {
                            let mut q = vec![format!("page={}", f.page + 1)];
                            if let Some(a) = &f.action { q.push(format!("action={a}")); }
                            if let Some(a) = &f.actor { q.push(format!("actor={}", crate::shell::url_encode(a))); }
                            format!("/admin/audit?{}", q.join("&"))
                        });
                        view! {
                            <AuditTable entries=page.entries />
                            {next.map(|href| view! { <p><a href=href rel="next">{tr!("audit-older")}</a></p> })}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
