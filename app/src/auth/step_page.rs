//! The pages of a sign-in's steps after the password, of one's own two-step setting and of the
//! administrators' setting per role (server only). Each is a whole document rendered on the
//! server (`shell::standalone_document`) whose every control is a plain form post: they work
//! the same with and without JavaScript, and need nothing of the app while the sign-in is not
//! finished.

use crate::domain::{Locale, Role};
use crate::error::AppError;
use crate::shell::{field_message, role_name, standalone_document, FormError};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// What the page shows.
pub enum View {
    /// Ask for a one-time or recovery code.
    Code,
    /// Ask for one's own password.
    Password,
    /// Show the key and QR code to set an app up, and ask for its first code.
    Enrol { key: String, qr_svg: String, required: bool },
    /// The recovery codes, once, with the way on.
    RecoveryCodes { codes: Vec<String>, continue_to: String },
}

/// A sign-in step's page (or one's own set-up): `action` is where its form posts, `next` the
/// page asked for in the first place.
pub fn step_document(locale: Locale, action: &str, view: View, next: String, error: Option<AppError>) -> String {
    let action = action.to_string();
    let kind = match &view {
        View::Code => 0,
        View::Password => 1,
        View::Enrol { .. } => 2,
        View::RecoveryCodes { .. } => 3,
    };
    let title = move || match kind {
        0 => tr!("two-step-title"),
        1 => tr!("two-step-password-title"),
        2 => tr!("two-step-enrol-title"),
        _ => tr!("two-step-recovery-title"),
    };
    standalone_document(locale, action.clone(), title, move || {
        let error = Signal::stored(error);
        let form = |fields: AnyView, button: String| step_form(action.clone(), next.clone(), fields, button);
        let body = match view {
            View::Code => EitherOf4::A(view! {
                <p>{tr!("two-step-code-intro")}</p>
                {form(code_field(error), tr!("two-step-verify"))}
            }),
            View::Password => EitherOf4::B(view! {
                <p>{tr!("two-step-password-intro")}</p>
                {form(new_password_fields(error), tr!("two-step-verify"))}
            }),
            View::Enrol { key, qr_svg, required } => EitherOf4::C(view! {
                {required.then(|| view! { <p>{tr!("two-step-enrol-required")}</p> })}
                <p>{tr!("two-step-enrol-intro")}</p>
                <div class="qr" aria-hidden="true" inner_html=qr_svg></div>
                <p>{tr!("two-step-key")}" " <code class="totp-key" id="totp-key">{key}</code></p>
                {form(code_field(error), tr!("two-step-verify"))}
            }),
            View::RecoveryCodes { codes, continue_to } => EitherOf4::D(view! {
                <p>{tr!("two-step-recovery-intro")}</p>
                <ol class="recovery-codes" id="recovery-codes">
                    {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ol>
                <p><a class="button-primary" href=continue_to>{tr!("two-step-continue")}</a></p>
            }),
        };
        view! {
            <h1>{title()}</h1>
            <FormError error />
            {body}
        }
    })
}

/// A step's form: it posts to `action` with the page asked for in the first place.
fn step_form(action: String, next: String, fields: AnyView, button: String) -> impl IntoView {
    view! {
        <form method="post" action=action class="form" novalidate="">
            <input type="hidden" name="next" value=next />
            {fields}
            <button type="submit" class="button-primary">{button}</button>
        </form>
    }
}

/// The field for a one-time or recovery code.
fn code_field(error: Signal<Option<AppError>>) -> AnyView {
    view! {
        <div class="field">
            <label for="code">{tr!("field-one-time-code")}</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                required aria-describedby="code-error" autofocus="" />
            {field_message(error.get_untracked(), "code")}
        </div>
    }
    .into_any()
}

/// The fields for a new password, typed twice.
fn new_password_fields(error: Signal<Option<AppError>>) -> AnyView {
    view! {
        <div class="field">
            <label for="new_password">{tr!("field-new-password")}</label>
            <input id="new_password" name="new_password" type="password" autocomplete="new-password"
                required aria-describedby="new_password-error" />
            {field_message(error.get_untracked(), "new_password")}
        </div>
        <div class="field">
            <label for="confirm_password">{tr!("field-confirm-password")}</label>
            <input id="confirm_password" name="confirm_password" type="password"
                autocomplete="new-password" required aria-describedby="confirm_password-error" />
            {field_message(error.get_untracked(), "confirm_password")}
        </div>
    }
    .into_any()
}

/// One's own two-step setting while it is on: how to turn it off, unless the role requires it.
pub fn two_step_on_document(locale: Locale, required: bool, error: Option<AppError>) -> String {
    standalone_document(
        locale,
        "/account/two-step".into(),
        move || tr!("two-step-title"),
        move || {
            let error = Signal::stored(error);
            view! {
                <h1>{tr!("two-step-title")}</h1>
                <div class="notice notice-ok" role="status"><p id="two-step-state">{tr!("two-step-on")}</p></div>
                <FormError error />
                {if required {
                    view! { <p>{tr!("two-step-required-note")}</p> }.into_any()
                } else {
                    view! {
                        <h2>{tr!("two-step-turn-off")}</h2>
                        <p>{tr!("two-step-turn-off-intro")}</p>
                        <form method="post" action="/account/two-step/off" class="form" novalidate="">
                            <div class="field">
                                <label for="code">{tr!("field-one-time-code")}</label>
                                <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                                    required aria-describedby="code-error" />
                                {field_message(error.get_untracked(), "code")}
                            </div>
                            <button type="submit" class="button-secondary">{tr!("two-step-turn-off")}</button>
                        </form>
                    }.into_any()
                }}
                <p><a href="/account">{tr!("nav-account")}</a></p>
            }
        },
    )
}

/// The administrators' setting: the roles that must use one-time codes.
pub fn roles_document(locale: Locale, required: Vec<Role>, admins_without: i64, saved: bool) -> String {
    standalone_document(
        locale,
        "/admin/two-step".into(),
        move || tr!("two-step-roles-title"),
        move || {
            view! {
                <h1>{tr!("two-step-roles-title")}</h1>
                {saved.then(|| view! { <div class="notice notice-ok" role="status"><p>{tr!("two-step-saved")}</p></div> })}
                {(admins_without > 0).then(|| view! {
                    <div class="notice notice-warning" role="status">
                        <p>{tr!("two-step-admins-without", { "count" => admins_without })}</p>
                    </div>
                })}
                <p>{tr!("two-step-roles-intro")}</p>
                <form method="post" action="/admin/two-step" class="form">
                    <fieldset>
                        <legend>{tr!("two-step-roles-title")}</legend>
                        {Role::ALL.into_iter().map(|role| {
                            let id = format!("role-{}", role.as_str());
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=id.clone() name="roles" value=role.as_str()
                                        checked=required.contains(&role) />
                                    <label for=id>{role_name(role)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button type="submit" class="button-primary">{tr!("two-step-roles-save")}</button>
                </form>
                <p><a href="/admin/users">{tr!("nav-users")}</a></p>
            }
        },
    )
}
