//! The frame of an app page: the header with the product name, the navigation the user's
//! role may use, the user menu and the language switcher, and the footer; the signed-in user
//! shared through context; the document's title.

use super::words::role_name;
use crate::auth::api::{me, Logout};
use crate::auth::{nav_areas, NavArea, SessionUser};
use crate::domain::Locale;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// The signed-in user (or none), loaded once per page load and shared through context.
#[derive(Clone, Copy)]
pub struct Me(pub Resource<Result<Option<SessionUser>, AppError>, crate::codec::Packed>);

pub fn use_me() -> Me {
    expect_context::<Me>()
}

impl Me {
    /// Whether the signed-in user's role allows `action` (to show a button or a form; the
    /// server checks again when it is used).
    pub async fn may(self, action: crate::auth::Action) -> bool {
        matches!(self.0.await, Ok(Some(u)) if crate::auth::allows(u.role, action))
    }
}

#[component]
pub fn DocumentTitle() -> impl IntoView {
    // The product's name is read once, here: leptos_meta may call the formatter after the
    // page's reactive owner is gone (as the response streams out), where reading the language
    // signal panics. The language never changes within a page (the switcher reloads it).
    let app = tr!("app-name");
    view! {
        <Title formatter=move |page: String| document_title(&page, &app) />
    }
}

/// The document's title: the page's, then the product's name.
pub(super) fn document_title(page: &str, app: &str) -> String {
    if page.is_empty() {
        app.to_string()
    } else {
        format!("{page} · {app}")
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let me = crate::codec::resource(|| (), |_| me());
    provide_context(Me(me));
    view! {
        <a class="skip-link" href="#main">{move || tr!("shell-skip-to-content")}</a>
        <header class="topbar">
            <div class="topbar-inner">
                <Brand />
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(Some(user)) => view! { <MainNav user=user.clone() /> <UserMenu user /> }.into_any(),
                            _ => ().into_any(),
                        }
                    })}
                </Transition>
                <LanguageSwitcher />
            </div>
        </header>
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        <Footer />
    }
}

#[component]
pub(super) fn Brand() -> impl IntoView {
    view! {
        <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">"◆"</span>
            <span class="brand-name">{move || tr!("app-name")}</span>
            <span class="brand-tagline">{move || tr!("app-tagline")}</span>
        </a>
    }
}

#[component]
pub(super) fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>{move || tr!("shell-footer")}</p>
        </footer>
    }
}

#[component]
fn MainNav(user: SessionUser) -> impl IntoView {
    let location = use_location();
    // (link, the path it lights up on, whether it is the "mine" view of that path, label)
    let current = move |prefix: &'static str, mine: bool| {
        let path = location.pathname.get();
        let on_path = if prefix == "/" { path == "/" } else { path.starts_with(prefix) };
        let is_mine = location.search.get().contains("mine=true");
        (on_path && is_mine == mine).then_some("page")
    };
    let links = nav_areas(user.role)
        .into_iter()
        .map(|area| {
            let (href, prefix, mine, label): (&'static str, &'static str, bool, fn() -> String) = match area {
                NavArea::Home => ("/", "/", false, || tr!("nav-home")),
                NavArea::Dashboard => ("/dashboard", "/dashboard", false, || tr!("nav-dashboard")),
                NavArea::MyEnterprises => {
                    ("/enterprises?mine=true", "/enterprises", true, || tr!("nav-my-enterprises"))
                }
                NavArea::Enterprises => ("/enterprises", "/enterprises", false, || tr!("nav-enterprises")),
                NavArea::Projects => ("/projects", "/projects", false, || tr!("nav-projects")),
                NavArea::Promotion => ("/promotion/policies", "/promotion", false, || tr!("nav-promotion")),
                NavArea::Cases => ("/cases", "/cases", false, || tr!("nav-cases")),
                NavArea::Tasks => ("/tasks", "/tasks", false, || tr!("nav-tasks")),
                NavArea::Deadlines => ("/deadlines", "/deadlines", false, || tr!("nav-deadlines")),
                NavArea::Delegations => ("/delegations", "/delegations", false, || tr!("nav-delegations")),
                NavArea::Cities => ("/cities", "/cities", false, || tr!("nav-cities")),
                NavArea::ServiceLevels => {
                    ("/admin/service-levels", "/admin/service-levels", false, || tr!("nav-service-levels"))
                }
                NavArea::Users => ("/admin/users", "/admin/users", false, || tr!("nav-users")),
                NavArea::Outbox => ("/admin/outbox", "/admin/outbox", false, || tr!("nav-outbox")),
                NavArea::Audit => ("/admin/audit", "/admin/audit", false, || tr!("nav-audit")),
            };
            view! { <li><a href=href aria-current=move || current(prefix, mine)>{label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="mainnav" aria-label=move || tr!("nav-label")>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
fn UserMenu(user: SessionUser) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            let _ = window().location().set_href("/login");
        }
    });
    let role = user.role;
    view! {
        <div class="usermenu">
            <a class="usermenu-name" href="/account" title=move || tr!("nav-account")>
                <span>{user.display_name.clone()}</span>
                <span class="usermenu-role">{move || role_name(role)}</span>
            </a>
            <ActionForm action=logout attr:class="inline-form">
                <button type="submit" class="button-link">{move || tr!("nav-logout")}</button>
            </ActionForm>
        </div>
    }
}

/// Switches language with a plain form, so it works without JavaScript; the server stores the
/// choice in a cookie and, for a signed-in user, as their preference, then returns here.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let location = use_location();
    let next = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), search)
        }
    };
    view! { <LanguageForm next=Signal::derive(next) /> }
}

/// The language buttons; the server stores the choice, then sends the reader back to `next`.
#[component]
pub(super) fn LanguageForm(next: Signal<String>) -> impl IntoView {
    let current = crate::i18n::use_locale;
    view! {
        <form class="langswitch" method="post" action="/lang" aria-label=move || tr!("shell-language")>
            <input type="hidden" name="next" value=next />
            {Locale::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=l.tag()
                            lang=l.tag()
                            aria-pressed=move || (current() == l).to_string()
                        >
                            {l.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
