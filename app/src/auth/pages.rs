//! The sign-in page and the user's own account page.

use super::api::{ChangePassword, Login};
use crate::domain::Locale;
use crate::shell::{field_message, role_name, use_me, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

crate::routes::pages! {
    "/login" => LoginPage, Public;
    "/account" => AccountPage, Staff;
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let query = use_query_map();
    let next = move || super::safe_next(query.read().get("next").as_deref());
    let error = Signal::derive(move || login.value().get().and_then(Result::err));
    // With JavaScript: reload into the next page so it renders in the user's own language.
    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            let _ = window().location().set_href(&next());
        }
    });
    let (show_password, set_show_password) = signal(false);
    let expired = move || query.read().get("expired").is_some();

    view! {
        <Title text=tr!("login-title") />
        <div class="login">
            <h1>{move || tr!("login-title")}</h1>
            <p class="muted">{move || tr!("login-intro")}</p>
            {move || expired().then(|| view! {
                <div class="notice notice-info" role="status"><p>{tr!("login-session-ended")}</p></div>
            })}
            <FormError error />
            <ActionForm action=login attr:class="form" attr:novalidate="">
                <input type="hidden" name="next" value=next />
                <div class="field">
                    <label for="email">{move || tr!("field-email")}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required
                        aria-describedby="email-error" />
                    {move || field_message(error.get(), "email")}
                </div>
                <div class="field">
                    <label for="password">{move || tr!("field-password")}</label>
                    <div class="password-row">
                        <input id="password" name="password"
                            type=move || if show_password.get() { "text" } else { "password" }
                            autocomplete="current-password" required aria-describedby="password-error" />
                        <button type="button" class="button-secondary toggle-password"
                            aria-pressed=move || show_password.get().to_string()
                            on:click=move |_| set_show_password.update(|s| *s = !*s)>
                            {move || if show_password.get() { tr!("login-hide-password") } else { tr!("login-show-password") }}
                        </button>
                    </div>
                    {move || field_message(error.get(), "password")}
                </div>
                <button type="submit" class="button-primary" disabled=move || login.pending().get()>
                    {move || tr!("login-submit")}
                </button>
            </ActionForm>
            <p class="muted portal-link">{move || tr!("login-investor")}" "<a href="/portal">{move || tr!("login-investor-link")}</a></p>
        </div>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let me = use_me().0;
    let current_locale = crate::i18n::use_locale;

    view! {
        <Title text=tr!("account-title") />
        <h1>{move || tr!("account-title")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                me.await.ok().flatten().map(|user| {
                    let role = user.role;
                    view! {
                        <dl class="facts">
                            <dt>{move || tr!("field-display-name")}</dt><dd>{user.display_name.clone()}</dd>
                            <dt>{move || tr!("field-email")}</dt><dd>{user.email.clone()}</dd>
                            <dt>{move || tr!("field-role")}</dt><dd>{move || role_name(role)}</dd>
                        </dl>
                    }
                })
            })}
        </Transition>

        <section class="panel" aria-labelledby="two-step-heading">
            <h2 id="two-step-heading">{move || tr!("two-step-account-link")}</h2>
            <p class="muted">{move || tr!("two-step-enrol-intro")}</p>
            // A page of the server's own (no app route): the router must not take the click.
            <p><a href="/account/two-step" rel="external">{move || tr!("two-step-title")}</a></p>
        </section>
        <crate::delegations::pages::CalendarFeedPanel />
        <section class="panel" aria-labelledby="language-heading">
            <h2 id="language-heading">{move || tr!("account-language")}</h2>
            <p class="muted">{move || tr!("account-language-hint")}</p>
            <form method="post" action="/lang" class="form form-inline">
                <input type="hidden" name="next" value="/account" />
                <label for="lang">{move || tr!("field-language")}</label>
                <select id="lang" name="lang">
                    {Locale::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || current_locale() == l>{l.endonym()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button-secondary">{move || tr!("common-save")}</button>
            </form>
        </section>

        <PasswordSection />
        <DigestSection />
    }
}

/// One's own password, changed after typing the current one.
#[component]
fn PasswordSection() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let query = use_query_map();
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    let saved = Signal::derive(move || {
        matches!(change.value().get(), Some(Ok(()))) || query.read().get("saved").as_deref() == Some("password")
    });
    view! {
        <section class="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{move || tr!("account-change-password")}</h2>
            <Saved show=saved />
            <FormError error />
            <ActionForm action=change attr:class="form">
                <div class="field">
                    <label for="current_password">{move || tr!("field-current-password")}</label>
                    <input id="current_password" name="current_password" type="password" autocomplete="current-password" />
                    {move || field_message(error.get(), "current_password")}
                </div>
                <div class="field">
                    <label for="new_password">{move || tr!("field-new-password")}</label>
                    <input id="new_password" name="new_password" type="password" autocomplete="new-password"
                        aria-describedby="new_password-hint" />
                    <p class="hint" id="new_password-hint">
                        {move || tr!("field-password-hint", { "min" => crate::domain::NewPassword::MIN })}
                    </p>
                    {move || field_message(error.get(), "new_password")}
                </div>
                <div class="field">
                    <label for="confirm_password">{move || tr!("field-confirm-password")}</label>
                    <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" />
                    {move || field_message(error.get(), "confirm_password")}
                </div>
                <button type="submit" class="button-primary" disabled=move || change.pending().get()>
                    {move || tr!("account-change-password")}
                </button>
            </ActionForm>
        </section>
    }
}

/// A liaison officer's daily digest of their cases by e-mail: on or off.
#[component]
fn DigestSection() -> impl IntoView {
    use crate::mail::api::{daily_digest, SetDailyDigest};
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
