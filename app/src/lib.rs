//! Liaison's user interface and server functions: one crate compiled twice, for the server
//! (`ssr`: rendering, server functions, the data layer) and for the browser (`hydrate`).

#![recursion_limit = "256"]

/// Translate a message in the page's language; the same syntax as leptos-fluent's `tr!`, so
/// that its translation check reads every call. Defined before the modules so that each sees
/// it without an import (the check refuses any other import of a `tr`). On the server each
/// call of a message without arguments keeps it, formatted once per language
/// (`i18n::Message`), then copies it: a list page asks for the same few labels hundreds of
/// times, and the status page for some forty.
#[cfg(feature = "ssr")]
macro_rules! tr {
    ($text_id:literal $(,)?) => {{
        static MESSAGE: $crate::i18n::Message = $crate::i18n::Message::new($text_id);
        MESSAGE.text()
    }};
    ($text_id:literal, {$($key:literal => $value:expr),* $(,)?} $(,)?) => {{
        let mut args = ::std::collections::HashMap::new();
        $( args.insert($key.into(), $value.into()); )*
        $crate::i18n::message_with_args($text_id, &args)
    }};
}

#[cfg(not(feature = "ssr"))]
macro_rules! tr {
    ($text_id:literal $(,)?) => {
        $crate::i18n::message($text_id)
    };
    ($text_id:literal, {$($key:literal => $value:expr),* $(,)?} $(,)?) => {{
        let mut args = ::std::collections::HashMap::new();
        $( args.insert($key.into(), $value.into()); )*
        $crate::i18n::message_with_args($text_id, &args)
    }};
}

pub mod account;
pub mod admin;
pub mod auth;
pub mod cases;
pub mod codec;
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod db;
pub mod delegations;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod domain;
pub mod enterprises;
pub mod error;
#[cfg(feature = "ssr")]
pub mod export;
pub mod friendship_cities;
pub mod html;
pub mod i18n;
pub mod mail;
pub mod pickers;
pub mod portal;
pub mod projects;
pub mod promotion;
pub mod routes;
pub mod service_levels;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod translate;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Router, Routes};

/// Here, where the areas meet, rather than in `db`, which names none of them.
#[cfg(feature = "ssr")]
impl db::Db {
    /// Apply the migrations, then derive what SQL cannot (the name-search entries of
    /// enterprises registered before the search index existed, the working days of cases
    /// resolved before the dashboard's running totals).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        self.apply_migrations().await?;
        enterprises::db::index_missing(self).await.map_err(sqlx::migrate::MigrateError::Execute)?;
        cases::figures::fill(self).await.map_err(sqlx::migrate::MigrateError::Execute)?;
        Ok(())
    }
}

/// The HTML document around the app, rendered on the server only. `<html lang>` is set by
/// leptos-fluent from the language chosen for this request.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <link rel="stylesheet" id="liaison" href=format!("/pkg/{}.css", options.output_name) />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Browser tests wait for this mark: effects run only once the page has hydrated.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <i18n::I18nProvider>
            <shell::DocumentTitle />
            // Each area's pages, declared in its `pages!` (see `routes`).
            <Router>
                <shell::Layout>
                    <Routes fallback=shell::NotFound>
                        <shell::Pages />
                        <dashboard::pages::Pages />
                        <account::Pages />
                        <auth::pages::Pages />
                        <admin::pages::Pages />
                        <enterprises::pages::Pages />
                        <cases::pages::Pages />
                        <service_levels::pages::Pages />
                        <mail::pages::Pages />
                        <delegations::pages::Pages />
                        <friendship_cities::pages::Pages />
                        <projects::pages::Pages />
                        <promotion::policies::pages::Pages />
                        <promotion::chain_maps::pages::Pages />
                        <promotion::target_firms::pages::Pages />
                        <promotion::leads::pages::Pages />
                        <promotion::promoted::pages::Pages />
                        <promotion::brochures::pages::Pages />
                        <portal::pages::Pages />
                    </Routes>
                </shell::Layout>
            </Router>
        </i18n::I18nProvider>
    }
}

/// The browser entry point: take over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
