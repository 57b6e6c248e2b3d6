//! The home page: a welcome, the reader's role, and a card for each area their role opens.

use super::layout::use_me;
use super::words::role_name;
use crate::auth::{nav_areas, NavArea};
use crate::domain::Role;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_me().0;
    // A leader's home page is the dashboard. The server answers a full load of "/" with a
    // redirect; a link to "/" followed in the browser (the product's name) is sent on here, by
    // the router, without a script in the page (the Content Security Policy allows none inline).
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(Some(user))) = me.get() {
            if user.role == Role::Leader {
                navigate("/dashboard", leptos_router::NavigateOptions { replace: true, ..Default::default() });
            }
        }
    });
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
                                    .map(home_card)
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

/// A card's link, its title and its line, each text in the reader's language.
type Card = (&'static str, fn() -> String, fn() -> String);

/// The card that leads to one area, with a line saying what it holds.
fn home_card(area: NavArea) -> impl IntoView {
    let (href, title, text): Card = match area {
        NavArea::Dashboard => ("/dashboard", || tr!("nav-dashboard"), || tr!("home-dashboard-text")),
        NavArea::Users => ("/admin/users", || tr!("nav-users"), || tr!("home-users-text")),
        NavArea::MyEnterprises => {
            ("/enterprises?mine=true", || tr!("nav-my-enterprises"), || tr!("home-my-enterprises-text"))
        }
        NavArea::Enterprises => ("/enterprises", || tr!("nav-enterprises"), || tr!("home-enterprises-text")),
        NavArea::Projects => ("/projects", || tr!("nav-projects"), || tr!("home-projects-text")),
        NavArea::Promotion => ("/promotion/policies", || tr!("nav-promotion"), || tr!("home-promotion-text")),
        NavArea::Tasks => ("/tasks", || tr!("nav-tasks"), || tr!("home-tasks-text")),
        NavArea::Cases => ("/cases", || tr!("nav-cases"), || tr!("home-cases-text")),
        NavArea::Deadlines => ("/deadlines", || tr!("nav-deadlines"), || tr!("home-deadlines-text")),
        NavArea::ServiceLevels => {
            ("/admin/service-levels", || tr!("nav-service-levels"), || tr!("home-service-levels-text"))
        }
        NavArea::Outbox => ("/admin/outbox", || tr!("nav-outbox"), || tr!("home-outbox-text")),
        NavArea::Delegations => ("/delegations", || tr!("nav-delegations"), || tr!("home-delegations-text")),
        NavArea::Cities => ("/cities", || tr!("nav-cities"), || tr!("home-cities-text")),
        NavArea::Home | NavArea::Audit => ("/admin/audit", || tr!("nav-audit"), || tr!("home-audit-text")),
    };
    view! {
        <a class="card" href=href>
            <h2>{title}</h2>
            <p>{text}</p>
        </a>
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
