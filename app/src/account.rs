//! The user's own account page: who they are, then a panel for each thing of their own they
//! may change, each drawn by the area that owns it (two-step sign-in and password: `auth`;
//! calendar feed: `delegations`; daily digest: `mail`). It is where those areas meet, so it
//! sits beside `lib.rs` rather than in one of them or in `shell` below them.

use crate::auth::pages::PasswordSection;
use crate::delegations::pages::CalendarFeedPanel;
use crate::domain::Locale;
use crate::mail::pages::DigestPanel;
use crate::shell::{role_name, use_me};
use leptos::prelude::*;
use leptos_meta::Title;

crate::routes::pages! {
    "/account" => AccountPage, Staff;
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
        <CalendarFeedPanel />
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
        <DigestPanel />
    }
}
