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

pub mod admin;
pub mod auth;
pub mod cases;
pub mod codec;
#[cfg(feature = "ssr")]
pub mod db;
pub mod delegations;
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
pub mod service_levels;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod translate;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use leptos_router::SsrMode;

/// Here, where the areas meet, rather than in `db`, which names none of them.
#[cfg(feature = "ssr")]
impl db::Db {
    /// Apply the migrations, then derive what SQL cannot (the name-search entries of
    /// enterprises registered before the search index existed).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        self.apply_migrations().await?;
        enterprises::db::index_missing(self).await.map_err(sqlx::migrate::MigrateError::Execute)?;
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
            // Every page is rendered whole on the server (SsrMode::Async): it then reads
            // completely without JavaScript, and hydration has nothing left to stream.
            <Router>
                <shell::Layout>
                    <Routes fallback=shell::NotFound>
                        <Route path=path!("/") view=shell::HomePage ssr=SsrMode::Async />
                        <Route path=path!("/login") view=auth::pages::LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/account") view=auth::pages::AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/users") view=admin::pages::UsersPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/users/new") view=admin::pages::NewUserPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/users/:id") view=admin::pages::UserPage ssr=SsrMode::Async />
                        <Route path=path!("/enterprises") view=enterprises::pages::EnterprisesPage ssr=SsrMode::Async />
                        <Route path=path!("/enterprises/new") view=enterprises::pages::NewEnterprisePage ssr=SsrMode::Async />
                        <Route path=path!("/enterprises/:id") view=enterprises::pages::EnterprisePage ssr=SsrMode::Async />
                        <Route path=path!("/cases") view=cases::pages::CasesPage ssr=SsrMode::Async />
                        <Route path=path!("/cases/new") view=cases::pages::NewCasePage ssr=SsrMode::Async />
                        <Route path=path!("/cases/:id") view=cases::pages::CasePage ssr=SsrMode::Async />
                        <Route path=path!("/tasks") view=cases::inbox::TasksPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/service-levels") view=service_levels::pages::ServiceLevelsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/calendar") view=service_levels::pages::CalendarPage ssr=SsrMode::Async />
                        <Route path=path!("/deadlines") view=cases::pages::DeadlinesPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/audit") view=admin::pages::AuditPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/outbox") view=mail::pages::OutboxPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations") view=delegations::pages::DelegationsPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/new") view=delegations::pages::NewDelegationPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/resources") view=delegations::pages::ResourcesPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/calendar") view=delegations::pages::CalendarPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/statistics") view=delegations::pages::StatisticsPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/gifts") view=delegations::pages::GiftRegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/rules") view=delegations::pages::RulesPage ssr=SsrMode::Async />
                        <Route path=path!("/delegations/:id") view=delegations::pages::DelegationPage ssr=SsrMode::Async />
                        <Route path=path!("/cities") view=friendship_cities::pages::CitiesPage ssr=SsrMode::Async />
                        <Route path=path!("/cities/new") view=friendship_cities::pages::NewCityPage ssr=SsrMode::Async />
                        <Route path=path!("/cities/:id") view=friendship_cities::pages::CityPage ssr=SsrMode::Async />
                        <Route path=path!("/portal") view=portal::pages::PortalHomePage ssr=SsrMode::Async />
                        <Route path=path!("/portal/request") view=portal::pages::EnterpriseRequestPage ssr=SsrMode::Async />
                        <Route path=path!("/portal/foreign-staff") view=portal::pages::ForeignStaffRequestPage ssr=SsrMode::Async />
                        <Route path=path!("/portal/submitted") view=portal::pages::ConfirmationPage ssr=SsrMode::Async />
                        <Route path=path!("/portal/status") view=portal::pages::LookupPage ssr=SsrMode::Async />
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
