//! The sign-in page, and the password form of the user's own account page (`shell`'s).

use super::api::{ChangePassword, Login};
use crate::shell::{field_message, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

crate::routes::pages! {
    "/login" => LoginPage, Public;
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

/// One's own password, changed after typing the current one.
#[component]
pub fn PasswordSection() -> impl IntoView {
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
