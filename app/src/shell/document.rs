//! Whole HTML documents the server renders alone, outside the app (server only): the
//! investor's status page and the answer to a request refused before any page ran.

use super::errors::error_text;
use super::layout::{document_title, Brand, Footer, LanguageForm};
use crate::domain::Locale;
use crate::error::AppError;
use leptos::prelude::*;

static BUNDLE_NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The browser bundle's name (`liaison-<hash>` once `make site` has named it after its content),
/// set once when the server starts.
pub fn set_bundle_name(name: &str) {
    let _ = BUNDLE_NAME.set(name.to_string());
}

fn bundle_name() -> &'static str {
    BUNDLE_NAME.get().map(String::as_str).unwrap_or("liaison")
}

/// A whole HTML document for a page rendered on the server alone, outside the app: no router,
/// no hydration, no data sent along for the browser. Its header, language switcher and footer
/// are the app's own. For public pages whose every control is a plain form post (the
/// investor's status page): they read the same with and without JavaScript, and cost a
/// fraction of an app page to render.
pub fn standalone_document<V: IntoView + 'static>(
    locale: Locale,
    path: String,
    title: impl FnOnce() -> String,
    content: impl FnOnce() -> V,
) -> String {
    let owner = Owner::new();
    crate::i18n::with_page_language(locale, || {
        owner.with(|| {
            let title = document_title(&title(), &tr!("app-name"));
            let page = view! {
                <!DOCTYPE html>
                <html lang=locale.tag() dir="ltr">
                    <head>
                        <meta charset="utf-8" />
                        <meta name="viewport" content="width=device-width, initial-scale=1" />
                        <meta name="color-scheme" content="light" />
                        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                        <link rel="stylesheet" id="liaison" href=format!("/pkg/{}.css", bundle_name()) />
                        <title>{title}</title>
                    </head>
                    <body>
                        <a class="skip-link" href="#main">{tr!("shell-skip-to-content")}</a>
                        <header class="topbar">
                            <div class="topbar-inner">
                                <Brand />
                                <LanguageForm next=Signal::stored(path) />
                            </div>
                        </header>
                        <main id="main" class="page" tabindex="-1">
                            {content()}
                        </main>
                        <Footer />
                    </body>
                </html>
            };
            page.to_html()
        })
    })
}

/// A whole document answering a request that was refused before any page or handler ran (not
/// signed in, not permitted, a cross-origin post, the server busy or failing), in the
/// reader's language. It carries no data of the page that was asked for.
pub fn error_document(locale: Locale, path: String, e: AppError) -> String {
    let forbidden = e == AppError::Forbidden;
    standalone_document(
        locale,
        path,
        move || if forbidden { tr!("forbidden-title") } else { tr!("error-page-title") },
        move || {
            let (title, text) = match &e {
                AppError::Forbidden => (tr!("forbidden-title"), tr!("forbidden-text")),
                e => (tr!("error-page-title"), error_text(e)),
            };
            let link = if e == AppError::NotAuthenticated {
                view! { <a href="/login">{tr!("login-title")}</a> }
            } else {
                view! { <a href="/">{tr!("nav-home")}</a> }
            };
            view! {
                <h1>{title}</h1>
                <div class="notice notice-error" role="alert"><p>{text}</p></div>
                <p>{link}</p>
            }
        },
    )
}
