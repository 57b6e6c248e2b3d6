//! The frame around every page: header with the product name, the navigation the user's role
//! may use, the user menu and the language switcher; plus the home page, the not-found page
//! and the shared pieces that show errors in the reader's language.

use crate::auth::api::{me, Logout};
use crate::auth::{nav_areas, NavArea, SessionUser};
use crate::domain::{Locale, Role};
use crate::error::{AppError, FieldCode, FieldError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// The signed-in user (or none), loaded once per page load and shared through context.
#[derive(Clone, Copy)]
pub struct Me(pub Resource<Result<Option<SessionUser>, AppError>, crate::codec::Packed>);

pub fn use_me() -> Me {
    expect_context::<Me>()
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
fn document_title(page: &str, app: &str) -> String {
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
fn Brand() -> impl IntoView {
    view! {
        <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">"◆"</span>
            <span class="brand-name">{move || tr!("app-name")}</span>
            <span class="brand-tagline">{move || tr!("app-tagline")}</span>
        </a>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>{move || tr!("shell-footer")}</p>
        </footer>
    }
}

#[cfg(feature = "ssr")]
static BUNDLE_NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The browser bundle's name (`liaison-<hash>` once `make site` has named it after its content),
/// set once when the server starts.
#[cfg(feature = "ssr")]
pub fn set_bundle_name(name: &str) {
    let _ = BUNDLE_NAME.set(name.to_string());
}

#[cfg(feature = "ssr")]
fn bundle_name() -> &'static str {
    BUNDLE_NAME.get().map(String::as_str).unwrap_or("liaison")
}

/// A whole HTML document for a page rendered on the server alone, outside the app: no router,
/// no hydration, no data sent along for the browser. Its header, language switcher and footer
/// are the app's own. For public pages whose every control is a plain form post (the
/// investor's status page): they read the same with and without JavaScript, and cost a
/// fraction of an app page to render.
#[cfg(feature = "ssr")]
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
#[cfg(feature = "ssr")]
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
                NavArea::MyEnterprises => {
                    ("/enterprises?mine=true", "/enterprises", true, || tr!("nav-my-enterprises"))
                }
                NavArea::Enterprises => ("/enterprises", "/enterprises", false, || tr!("nav-enterprises")),
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
fn LanguageForm(next: Signal<String>) -> impl IntoView {
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

#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_me().0;
    view! {
        <Title text=tr!("home-title") />
        <h1>{move || tr!("home-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(user)) => {
                        let name = user.display_name.clone();
                        let role = user.role;
                        let areas = nav_areas(user.role);
                        view! {
                            <TwoStepWarning />
                            <p class="lead">{move || tr!("home-welcome", { "name" => name.clone() })}</p>
                            <p>{move || tr!("home-your-role", { "role" => role_name(role) })}</p>
                            <div class="cards">
                                {areas
                                    .into_iter()
                                    .filter(|a| *a != NavArea::Home)
                                    .map(|a| match a {
                                        NavArea::Users => view! {
                                            <a class="card" href="/admin/users">
                                                <h2>{move || tr!("nav-users")}</h2>
                                                <p>{move || tr!("home-users-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::MyEnterprises => view! {
                                            <a class="card" href="/enterprises?mine=true">
                                                <h2>{move || tr!("nav-my-enterprises")}</h2>
                                                <p>{move || tr!("home-my-enterprises-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Enterprises => view! {
                                            <a class="card" href="/enterprises">
                                                <h2>{move || tr!("nav-enterprises")}</h2>
                                                <p>{move || tr!("home-enterprises-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Tasks => view! {
                                            <a class="card" href="/tasks">
                                                <h2>{move || tr!("nav-tasks")}</h2>
                                                <p>{move || tr!("home-tasks-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Cases => view! {
                                            <a class="card" href="/cases">
                                                <h2>{move || tr!("nav-cases")}</h2>
                                                <p>{move || tr!("home-cases-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Deadlines => view! {
                                            <a class="card" href="/deadlines">
                                                <h2>{move || tr!("nav-deadlines")}</h2>
                                                <p>{move || tr!("home-deadlines-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::ServiceLevels => view! {
                                            <a class="card" href="/admin/service-levels">
                                                <h2>{move || tr!("nav-service-levels")}</h2>
                                                <p>{move || tr!("home-service-levels-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Outbox => view! {
                                            <a class="card" href="/admin/outbox">
                                                <h2>{move || tr!("nav-outbox")}</h2>
                                                <p>{move || tr!("home-outbox-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Delegations => view! {
                                            <a class="card" href="/delegations">
                                                <h2>{move || tr!("nav-delegations")}</h2>
                                                <p>{move || tr!("home-delegations-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Cities => view! {
                                            <a class="card" href="/cities">
                                                <h2>{move || tr!("nav-cities")}</h2>
                                                <p>{move || tr!("home-cities-text")}</p>
                                            </a>
                                        }.into_any(),
                                        NavArea::Home | NavArea::Audit => view! {
                                            <a class="card" href="/admin/audit">
                                                <h2>{move || tr!("nav-audit")}</h2>
                                                <p>{move || tr!("home-audit-text")}</p>
                                            </a>
                                        }.into_any(),
                                    })
                                    .collect_view()}
                                <a class="card" href="/account">
                                    <h2>{move || tr!("nav-account")}</h2>
                                    <p>{move || tr!("home-account-text")}</p>
                                </a>
                            </div>
                        }.into_any()
                    }
                    _ => view! { <p><a href="/login">{move || tr!("login-title")}</a></p> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// To administrators, while any administrator signs in with a password alone.
#[component]
fn TwoStepWarning() -> impl IntoView {
    let count = crate::codec::resource(|| (), |_| crate::auth::api::admins_without_codes());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                count.await.ok().flatten().map(|n| view! {
                    <div class="notice notice-warning" role="status">
                        <p>
                            {tr!("two-step-admins-without", { "count" => n })}" "
                            <a href="/admin/two-step" rel="external">{tr!("two-step-roles-title")}</a>
                        </p>
                    </div>
                })
            })}
        </Transition>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    // Captured here: the router may run the fallback's closures outside this component.
    let i18n = expect_context::<leptos_fluent::I18n>();
    view! {
        <Title text=leptos_fluent::tr!(i18n, "notfound-title") />
        <h1>{move || leptos_fluent::tr!(i18n, "notfound-title")}</h1>
        <p>{move || leptos_fluent::tr!(i18n, "notfound-text")}</p>
        <p><a href="/">{move || leptos_fluent::tr!(i18n, "nav-home")}</a></p>
    }
}

/// An error in place of a page's content, with its HTTP status when rendered on the server (a
/// page about a record that does not exist answers 404); a refused permission gets the full
/// explanation.
pub fn page_error(e: AppError) -> AnyView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(e.status()) {
            res.set_status(status);
        }
    }
    match e {
        AppError::Forbidden => view! { <Forbidden /> }.into_any(),
        e => view! { <div class="notice notice-error" role="alert"><p>{error_text(&e)}</p></div> }.into_any(),
    }
}

/// The office's today for a page. On the server it is read from the clock and sent with the
/// page, so that hydration reads the very same day (the browser's clock may differ, and a page
/// must hydrate as it was drawn); a page the browser draws itself (after a link) reads the
/// browser's clock, through chrono's `wasmbind`.
pub fn today() -> chrono::NaiveDate {
    leptos::server::SharedValue::new_str(|| crate::domain::office_today(chrono::Utc::now())).into_inner()
}

/// Percent-encode a query-string value.
pub fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where one page of a list stands: its first and last row numbers, whether more rows
/// follow, and whether the total is only a lower bound (counting stops past `COUNT_CAP`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub from: i64,
    pub to: i64,
    pub has_next: bool,
    pub capped: bool,
}

impl Paging {
    pub fn of(page: i64, per_page: i64, shown: usize, total: i64) -> Paging {
        let capped = total > crate::domain::COUNT_CAP;
        let first = page.max(0) * per_page;
        let to = first + shown as i64;
        let to = if capped { to } else { to.min(total) };
        let has_next = if capped { shown as i64 == per_page } else { to < total };
        Paging { from: if shown == 0 { 0 } else { first + 1 }, to, has_next, capped }
    }
}

/// A query string (without `?`) of the parameters that have a value.
pub fn query_string(params: &[(&str, Option<String>)]) -> String {
    params
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", url_encode(v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// `path` with a query string, or `path` alone when the query is empty.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The text a percent-encoded query value stands for (`+` is a space); `None` when malformed.
pub fn url_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                out.push(u8::from_str_radix(std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Shown instead of a page the user's role may not open (the server also answers 403).
#[component]
pub fn Forbidden() -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <h1>{move || tr!("forbidden-title")}</h1>
            <p>{move || tr!("forbidden-text")}</p>
        </div>
    }
}

pub fn role_name(role: Role) -> String {
    match role {
        Role::Admin => tr!("role-admin"),
        Role::ProtocolOfficer => tr!("role-protocol-officer"),
        Role::LiaisonOfficer => tr!("role-liaison-officer"),
        Role::DepartmentLiaison => tr!("role-department-liaison"),
        Role::Leader => tr!("role-leader"),
    }
}

/// A language's name in the reader's language ("英文", "anglais"), for sentences and facts;
/// the language switcher alone names each language in itself (`Locale::endonym`).
pub fn language_name(l: Locale) -> String {
    match l {
        Locale::ZhCn => tr!("portal-language-zh"),
        Locale::En => tr!("portal-language-en"),
        Locale::Fr => tr!("portal-language-fr"),
    }
}

/// Items of a list joined as the reader's language writes them ("a, b"; "a、b").
pub fn join_list<S: std::borrow::Borrow<str>>(items: &[S]) -> String {
    let separator = tr!("list-separator");
    items.join(separator.as_str())
}

/// A text with an aside in brackets, as the reader's language writes them ("王芳（法文）",
/// "Wang Fang (French)").
pub fn with_aside(text: &str, aside: &str) -> String {
    tr!("text-with-aside", { "text" => text.to_string(), "aside" => aside.to_string() })
}

/// The reader's message for an error.
pub fn error_text(e: &AppError) -> String {
    match e {
        AppError::NotAuthenticated => tr!("error-not-authenticated"),
        AppError::Forbidden => tr!("error-forbidden"),
        AppError::NotFound => tr!("error-not-found"),
        AppError::InvalidCredentials => tr!("error-invalid-credentials"),
        AppError::TooManyAttempts => tr!("error-too-many-attempts"),
        AppError::StaleVersion => tr!("error-stale-version"),
        AppError::BookingClashes(_) => tr!("error-booking-clashes"),
        AppError::CannotChangeSelf => tr!("error-cannot-change-self"),
        AppError::Invalid(_) => tr!("error-invalid"),
        AppError::NotRecognised => tr!("error-not-recognised"),
        AppError::ReferenceLocked => tr!("error-reference-locked"),
        AppError::RateLimited => tr!("error-rate-limited"),
        AppError::Busy => tr!("error-busy"),
        AppError::ExportRunning => tr!("error-export-running"),
        AppError::Internal => tr!("error-internal"),
        AppError::Communication => tr!("error-communication"),
    }
}

pub fn field_error_text(code: FieldCode) -> String {
    match code {
        FieldCode::Required => tr!("field-required"),
        FieldCode::TooLong => tr!("field-too-long"),
        FieldCode::InvalidCharacters => tr!("field-invalid-characters"),
        FieldCode::InvalidEmail => tr!("field-invalid-email"),
        FieldCode::PasswordTooShort => {
            tr!("field-password-too-short", { "min" => crate::domain::NewPassword::MIN })
        }
        FieldCode::PasswordMismatch => tr!("field-password-mismatch"),
        FieldCode::WrongPassword => tr!("field-wrong-password"),
        FieldCode::EmailTaken => tr!("field-email-taken"),
        FieldCode::UnknownRole => tr!("field-unknown-role"),
        FieldCode::UnknownLocale => tr!("field-unknown-locale"),
        FieldCode::DepartmentRequired => tr!("field-department-required"),
        FieldCode::UnknownDepartment => tr!("field-unknown-department"),
        FieldCode::UnknownCountry => tr!("field-unknown-country"),
        FieldCode::CreditCodeFormat => tr!("field-credit-code-format"),
        FieldCode::CreditCodeCheck => tr!("field-credit-code-check"),
        FieldCode::CreditCodeTaken => tr!("field-credit-code-taken"),
        FieldCode::UnknownIndustryChain => tr!("field-unknown-industry-chain"),
        FieldCode::InvalidNumber => tr!("field-invalid-number"),
        FieldCode::InvalidAmount => tr!("field-invalid-amount"),
        FieldCode::MoreThanEmployees => tr!("field-more-than-employees"),
        FieldCode::UnknownLifecycle => tr!("field-unknown-lifecycle"),
        FieldCode::UnknownOfficer => tr!("field-unknown-officer"),
        FieldCode::HandoverNoteRequired => tr!("field-handover-note-required"),
        FieldCode::UnknownContactKind => tr!("field-unknown-contact-kind"),
        FieldCode::InvalidDate => tr!("field-invalid-date"),
        FieldCode::DateInFuture => tr!("field-date-in-future"),
        FieldCode::UnknownCaseType => tr!("field-unknown-case-type"),
        FieldCode::UnknownPriority => tr!("field-unknown-priority"),
        FieldCode::TransitionNotAllowed => tr!("field-transition-not-allowed"),
        FieldCode::ReasonRequired => tr!("field-reason-required"),
        FieldCode::OpenTasksNeedOverride => tr!("field-open-tasks-need-override"),
        FieldCode::UnknownTaskStatus => tr!("field-unknown-task-status"),
        FieldCode::CaseNotOpen => tr!("field-case-not-open"),
        FieldCode::DaysOutOfRange => tr!("field-days-out-of-range"),
        FieldCode::GreenChannelTooLong => tr!("field-green-channel-too-long"),
        FieldCode::UnknownDayKind => tr!("field-unknown-day-kind"),
        FieldCode::PublicUpdateEmpty => tr!("field-public-update-empty"),
        FieldCode::InvalidReference => tr!("field-invalid-reference"),
        FieldCode::InvalidAccessCode => tr!("field-invalid-access-code"),
        FieldCode::InvalidPhone => tr!("field-invalid-phone"),
        FieldCode::InvalidPassportNumber => tr!("field-invalid-passport-number"),
        FieldCode::RatingOutOfRange => tr!("field-rating-out-of-range"),
        FieldCode::AlreadyRated => tr!("field-already-rated"),
        FieldCode::NotRateableYet => tr!("field-not-rateable-yet"),
        FieldCode::NotAwaitingReply => tr!("field-not-awaiting-reply"),
        FieldCode::EnterpriseNotFound => tr!("field-enterprise-not-found"),
        FieldCode::EnterpriseHasNoLiaison => tr!("field-enterprise-has-no-liaison"),
        FieldCode::NotInIntake => tr!("field-not-in-intake"),
        FieldCode::UnknownDirection => tr!("field-unknown-direction"),
        FieldCode::EndsBeforeStart => tr!("field-ends-before-start"),
        FieldCode::UnknownResourceKind => tr!("field-unknown-resource-kind"),
        FieldCode::InterpreterNeedsLanguage => tr!("field-interpreter-needs-language"),
        FieldCode::ResourceNameTaken => tr!("field-resource-name-taken"),
        FieldCode::InvalidTime => tr!("field-invalid-time"),
        FieldCode::UnknownActivity => tr!("field-unknown-activity"),
        FieldCode::UnknownResource => tr!("field-unknown-resource"),
        FieldCode::DayOutsideVisit => tr!("field-day-outside-visit"),
        FieldCode::DelegationClosed => tr!("field-delegation-closed"),
        FieldCode::ClashesNeedOverride => tr!("field-clashes-need-override"),
        FieldCode::UnknownGiftDirection => tr!("field-unknown-gift-direction"),
        FieldCode::UnknownOutcomeKind => tr!("field-unknown-outcome-kind"),
        FieldCode::OutcomeTooEarly => tr!("field-outcome-too-early"),
        FieldCode::MissionRulesBreached => tr!("field-mission-rules-breached"),
        FieldCode::LimitOutOfRange => tr!("field-limit-out-of-range"),
        FieldCode::InvalidYuanAmount => tr!("field-invalid-yuan-amount"),
        FieldCode::ProgrammeNotReady => tr!("field-programme-not-ready"),
        FieldCode::NobodyToSendTo => tr!("field-nobody-to-send-to"),
        FieldCode::IntentBeforeContact => tr!("field-intent-before-contact"),
        FieldCode::FormalNeedsIntent => tr!("field-formal-needs-intent"),
        FieldCode::SisterNeedsAgreement => tr!("field-sister-needs-agreement"),
        FieldCode::ProspectiveNeedsIntent => tr!("field-prospective-needs-intent"),
        FieldCode::InvalidCoordinate => tr!("field-invalid-coordinate"),
        FieldCode::UnknownCityKind => tr!("field-unknown-city-kind"),
        FieldCode::UnknownArea => tr!("field-unknown-area"),
        FieldCode::UnknownExchangeKind => tr!("field-unknown-exchange-kind"),
        FieldCode::UnknownDelegation => tr!("field-unknown-delegation"),
        FieldCode::DelegationAlreadyLinked => tr!("field-delegation-already-linked"),
        FieldCode::PageOutOfRange => tr!("field-page-out-of-range"),
        FieldCode::PasswordTooCommon => tr!("field-password-too-common"),
        FieldCode::WrongCode => tr!("field-wrong-code"),
        FieldCode::SamePassword => tr!("field-same-password"),
    }
}

/// The error banner at the top of a form, listing what went wrong.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let fields = e.field_errors().to_vec();
            view! {
                <div class="notice notice-error" role="alert" tabindex="-1">
                    <p>{error_text(&e)}</p>
                    {(!fields.is_empty()).then(|| view! {
                        <ul>
                            {fields.into_iter().map(|f| {
                                let href = format!("#{}", f.field);
                                view! { <li><a href=href>{field_error_text(f.code)}</a></li> }
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

/// The message beside one field, if the last submit refused it.
pub fn field_message(error: Option<AppError>, field: &'static str) -> Option<impl IntoView> {
    let code = error?.field_errors().iter().find(|f: &&FieldError| f.field == field).map(|f| f.code)?;
    let id = format!("{field}-error");
    Some(view! { <p class="field-error" id=id>{field_error_text(code)}</p> })
}

/// Empty a form (back to its initial values) once `succeeded` says its action worked, so
/// the next entry does not start from the last one's choices. Browser only: without
/// JavaScript the page reloads with a fresh form anyway.
pub fn reset_when(succeeded: impl Fn() -> bool + Send + Sync + 'static, form: NodeRef<leptos::html::Form>) {
    Effect::new(move |_| {
        if succeeded() {
            if let Some(f) = form.get() {
                f.reset();
            }
        }
    });
}

/// A confirmation shown after a successful save.
#[component]
pub fn Saved(#[prop(into)] show: Signal<bool>) -> impl IntoView {
    move || show.get().then(|| view! { <div class="notice notice-ok" role="status"><p>{tr!("common-saved")}</p></div> })
}

#[cfg(test)]
mod tests {
    use super::Paging;

    #[test]
    fn pages_past_the_counting_cap_still_lead_on() {
        assert_eq!(Paging::of(0, 50, 50, 120), Paging { from: 1, to: 50, has_next: true, capped: false });
        assert_eq!(Paging::of(2, 50, 20, 120), Paging { from: 101, to: 120, has_next: false, capped: false });
        assert_eq!(Paging::of(0, 50, 0, 0), Paging { from: 0, to: 0, has_next: false, capped: false });
        // 1 001 means "more than 1 000": page 21 still has a next page when it is full.
        assert_eq!(Paging::of(21, 50, 50, 1_001), Paging { from: 1_051, to: 1_100, has_next: true, capped: true });
        assert_eq!(Paging::of(30, 50, 7, 1_001), Paging { from: 1_501, to: 1_507, has_next: false, capped: true });
    }
}
