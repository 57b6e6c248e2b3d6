//! Every page, declared once. Each area lists its pages in `pages!`: the path, the component
//! that draws it and who may open it. From that one list come the area's routes, which the
//! router mounts (`<area::pages::Pages/>` in `App`), and its rules, which the access
//! middleware reads through `page_access` before anything is served. A path that is not a
//! page (a CSV export, a printed programme) is governed by the page it sits under.

use crate::auth::PageAccess;

/// Who may open one page, and every path under it that no other page declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRule {
    /// As the router writes it: `/enterprises/:id`.
    pub path: &'static str,
    pub access: PageAccess,
}

/// An area's pages, `"/path" => Component, access;` each, after at most one
/// `under "/path" => access;` for a path with no page of its own whose files need a rule
/// (`/admin`). The access is `Public`, `Staff` or `Needs(Action)`, written without their enums'
/// names. Makes the area's `RULES` and its `Pages` routes, every page rendered whole on the
/// server (`SsrMode::Async`): it then reads completely without JavaScript, and hydration has
/// nothing left to stream. (Paths are taken as single tokens: `path!` reads the string itself.)
macro_rules! pages {
    (under $under:tt => $under_access:expr; $( $path:tt => $view:ident, $access:expr; )+) => {
        $crate::routes::pages!(@make [$under => $under_access] $( $path => $view, $access; )+);
    };
    ($( $path:tt => $view:ident, $access:expr; )+) => {
        $crate::routes::pages!(@make [] $( $path => $view, $access; )+);
    };
    (@make [$( $under:tt => $under_access:expr )?] $( $path:tt => $view:ident, $access:expr; )+) => {
        /// This area's pages and who may open each.
        pub const RULES: &[$crate::routes::PageRule] = {
            #[allow(unused_imports)]
            use $crate::auth::{Action::*, PageAccess::*};
            &[
                $($crate::routes::PageRule { path: $under, access: $under_access },)?
                $($crate::routes::PageRule { path: $path, access: $access },)+
            ]
        };

        /// This area's routes, for the router.
        #[leptos::component(transparent)]
        pub fn Pages() -> impl leptos_router::MatchNestedRoutes + Clone {
            use leptos::prelude::*;
            use leptos_router::components::Route;
            use leptos_router::{path, SsrMode};
            view! { $( <Route path=path!($path) view=$view ssr=SsrMode::Async /> )+ }.into_inner()
        }
    };
}
pub(crate) use pages;

/// Paths that are not pages and need no account: the browser's files, the server functions
/// (each checks its own permission), the language switch, the calendar feeds (their secret
/// token is their access check) and the probes.
const OPEN_FILES: &[PageRule] = &[
    PageRule { path: "/pkg", access: PageAccess::Public },
    PageRule { path: "/assets", access: PageAccess::Public },
    PageRule { path: "/api", access: PageAccess::Public },
    PageRule { path: "/lang", access: PageAccess::Public },
    PageRule { path: "/feeds", access: PageAccess::Public },
    PageRule { path: "/healthz", access: PageAccess::Public },
    PageRule { path: "/livez", access: PageAccess::Public },
    PageRule { path: "/favicon.ico", access: PageAccess::Public },
    PageRule { path: "/favicon.svg", access: PageAccess::Public },
    PageRule { path: "/robots.txt", access: PageAccess::Public },
];

/// Every area's rules.
pub fn rules() -> impl Iterator<Item = &'static PageRule> {
    [
        OPEN_FILES,
        crate::shell::RULES,
        crate::dashboard::pages::RULES,
        crate::account::RULES,
        crate::auth::pages::RULES,
        crate::admin::pages::RULES,
        crate::enterprises::pages::RULES,
        crate::cases::pages::RULES,
        crate::service_levels::pages::RULES,
        crate::mail::pages::RULES,
        crate::delegations::pages::RULES,
        crate::friendship_cities::pages::RULES,
        crate::projects::pages::RULES,
        crate::promotion::policies::pages::RULES,
        crate::promotion::chain_maps::pages::RULES,
        crate::promotion::target_firms::pages::RULES,
        crate::promotion::leads::pages::RULES,
        crate::promotion::promoted::pages::RULES,
        crate::promotion::brochures::pages::RULES,
        crate::portal::pages::RULES,
    ]
    .into_iter()
    .flatten()
}

/// The access rule for a path: that of the declared page it is, or else the one it sits under
/// (`/delegations/3/programme` under `/delegations/:id`). A literal segment is closer than a
/// `:param` (`/enterprises/new` over `/enterprises/:id`), as in the router. A path under no
/// page needs a signed-in user, so that nothing new is public by accident.
pub fn page_access(path: &str) -> PageAccess {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut best: Option<((usize, usize), PageAccess)> = None;
    for rule in rules() {
        let pattern: Vec<&str> = rule.path.split('/').filter(|s| !s.is_empty()).collect();
        if pattern.len() > segments.len() {
            continue;
        }
        let fits = pattern.iter().zip(&segments).all(|(p, s)| p.starts_with(':') || p == s);
        let literal = pattern.iter().filter(|p| !p.starts_with(':')).count();
        let rank = (pattern.len(), literal);
        if fits && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, rule.access));
        }
    }
    best.map_or(PageAccess::Staff, |(_, access)| access)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Action::*;
    use PageAccess::*;

    #[test]
    fn every_path_has_the_rule_of_the_page_it_is_or_sits_under() {
        let expected = [
            ("/", Staff),
            ("/account", Staff),
            ("/account/two-step", Staff),
            ("/somewhere/new", Staff),
            ("/login", Public),
            ("/login/step", Public),
            ("/lang", Public),
            ("/pkg/liaison.wasm", Public),
            ("/api/list_enterprises", Public),
            ("/apix", Staff),
            ("/portalx", Staff),
            ("/administrator", Staff),
            ("/feeds/abc.ics", Public),
            ("/healthz", Public),
            ("/portal", Public),
            ("/portal/case", Public),
            ("/portal/case/reply", Public),
            ("/enterprises", Needs(ReadEnterprises)),
            ("/enterprises/new", Needs(RegisterEnterprise)),
            ("/enterprises/12", Needs(ReadEnterprises)),
            ("/enterprises/export.csv", Needs(ReadEnterprises)),
            ("/cases", Needs(ReadCases)),
            ("/cases/new", Needs(ReadCases)),
            ("/cases/7", Needs(ReadCases)),
            ("/cases/export.csv", Needs(ReadCases)),
            ("/deadlines", Needs(ReadCases)),
            ("/tasks", Needs(WorkDepartmentTasks)),
            ("/tasks/3", Needs(WorkDepartmentTasks)),
            ("/delegations", Needs(ReadDelegations)),
            ("/delegations/new", Needs(PlanDelegations)),
            ("/delegations/resources", Needs(PlanDelegations)),
            ("/delegations/calendar", Needs(ReadDelegations)),
            ("/delegations/gifts.csv", Needs(ReadDelegations)),
            ("/delegations/3", Needs(ReadDelegations)),
            ("/delegations/3/programme", Needs(ReadDelegations)),
            ("/delegations/3/itinerary.ics", Needs(ReadDelegations)),
            ("/cities", Needs(ReadCities)),
            ("/cities/new", Needs(ManageCities)),
            ("/cities/4", Needs(ReadCities)),
            ("/cities/export.csv", Needs(ReadCities)),
            ("/projects", Needs(ReadProjects)),
            ("/projects/new", Needs(ManageProjects)),
            ("/projects/9", Needs(ReadProjects)),
            ("/projects/export.csv", Needs(ReadProjects)),
            ("/projects/rates", Needs(ReadProjects)),
            ("/projects/tasks", Needs(ReadProjects)),
            ("/projects/checks", Needs(ReadProjects)),
            ("/projects/events", Needs(ReadProjects)),
            ("/projects/events/new", Needs(ManageProjects)),
            ("/projects/events/4", Needs(ReadProjects)),
            ("/projects/counties", Needs(ManageReference)),
            ("/projects/chains", Needs(ManageReference)),
            ("/promotion/policies", Needs(ReadPromotion)),
            ("/promotion/policies/new", Needs(ManagePolicies)),
            ("/promotion/policies/5", Needs(ReadPromotion)),
            ("/promotion/chains", Needs(ReadPromotion)),
            ("/promotion/chains/3", Needs(ReadPromotion)),
            ("/promotion/firms", Needs(ReadPromotion)),
            ("/promotion/firms/import", Needs(WorkPromotion)),
            ("/promotion/firms/import/4", Needs(WorkPromotion)),
            ("/promotion/firms/8", Needs(ReadPromotion)),
            ("/promotion/leads", Needs(ReadPromotion)),
            ("/promotion/leads/new", Needs(WorkPromotion)),
            ("/promotion/leads/6", Needs(ReadPromotion)),
            ("/portal/policies", Public),
            ("/admin", Needs(ManageUsers)),
            ("/admin/users", Needs(ManageUsers)),
            ("/admin/users/new", Needs(ManageUsers)),
            ("/admin/users/5", Needs(ManageUsers)),
            ("/admin/two-step", Needs(ManageUsers)),
            ("/admin/unknown", Needs(ManageUsers)),
            ("/admin/audit", Needs(ReadAuditLog)),
            ("/admin/outbox", Needs(ManageOutbox)),
            ("/admin/service-levels", Needs(ManageServiceLevels)),
            ("/admin/calendar", Needs(ManageServiceLevels)),
            ("//admin//users", Needs(ManageUsers)),
        ];
        for (path, access) in expected {
            assert_eq!(page_access(path), access, "{path}");
        }
    }

    #[test]
    fn no_page_is_declared_twice() {
        let mut paths: Vec<&str> = rules().map(|r| r.path).collect();
        let all = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), all);
    }
}
