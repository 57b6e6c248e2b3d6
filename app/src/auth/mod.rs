//! Who may do what. Roles, the signed-in user as the UI sees them, the one permission table
//! that every server function consults, and which pages need which access.

pub mod api;
#[cfg(feature = "ssr")]
mod ctx;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod sign_in;
#[cfg(feature = "ssr")]
pub mod step_page;
#[cfg(feature = "ssr")]
pub mod steps;
#[cfg(feature = "ssr")]
pub mod totp;

use crate::domain::{Locale, Role};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub use ctx::Ctx;

/// The signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub department_id: Option<i64>,
    /// A county officer's county (see `may_work_on_project`).
    pub county_id: Option<i64>,
    pub locale: Locale,
}

/// Everything a role can be allowed to do. Each later area adds its actions here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ManageUsers,
    ReadAuditLog,
    /// See the enterprise register (department liaisons see only their tasks' cases).
    ReadEnterprises,
    /// Register a new enterprise (a liaison officer who does becomes its officer).
    RegisterEnterprise,
    /// Assign or reassign an enterprise's liaison officer.
    AssignLiaison,
    /// See cases (working one also needs to own it, see `may_work_on`).
    ReadCases,
    /// Work a department's tasks (one's own department only, see `cases::service`).
    WorkDepartmentTasks,
    /// Edit the service-level table and the working calendar.
    ManageServiceLevels,
    /// Watch the e-mail outbox and send failed messages again.
    ManageOutbox,
    /// See delegations, their itineraries and the bookable resources.
    ReadDelegations,
    /// Create and plan delegations, book resources, manage the resources (approving a
    /// mission abroad is `ApproveMissions`).
    PlanDelegations,
    /// Approve a mission abroad (an outgoing delegation's move from draft to approved).
    ApproveMissions,
    /// See the friendship-city register.
    ReadCities,
    /// Register partner cities and record their exchanges.
    ManageCities,
    /// See the investment projects, their stages and reviews.
    ReadProjects,
    /// Register projects and move them on (changing one is also its officer's, see
    /// `may_work_on`).
    ManageProjects,
    /// Keep the reference data of the project register (the counties, the industry chains
    /// and their sub-chains).
    ManageReference,
    /// See the investment promotion area (the policy register).
    ReadPromotion,
    /// Keep the register of investment policy documents: register, correct and withdraw.
    ManagePolicies,
    /// Work the promotion registers: keep the chain maps (segments and the enterprises
    /// present in them).
    WorkPromotion,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::ReadPromotion,
        Action::ManagePolicies,
        Action::WorkPromotion,
        Action::ReadCities,
        Action::ManageCities,
        Action::ReadProjects,
        Action::ManageProjects,
        Action::ManageReference,
        Action::ReadDelegations,
        Action::PlanDelegations,
        Action::ApproveMissions,
        Action::ManageServiceLevels,
        Action::ManageOutbox,
        Action::WorkDepartmentTasks,
        Action::ManageUsers,
        Action::ReadAuditLog,
        Action::ReadEnterprises,
        Action::RegisterEnterprise,
        Action::AssignLiaison,
        Action::ReadCases,
    ];
}

/// The permission table. Working one enterprise or case also depends on the record (see
/// `may_work_on` below).
pub fn allows(role: Role, action: Action) -> bool {
    use Action::*;
    use Role::*;
    match action {
        ManageUsers | ReadAuditLog | AssignLiaison | ManageServiceLevels | ManageOutbox | ManageReference
        | ManagePolicies => role == Admin,
        ReadEnterprises => matches!(role, Admin | LiaisonOfficer | Leader | ProtocolOfficer),
        RegisterEnterprise => matches!(role, Admin | LiaisonOfficer),
        ReadCases => matches!(role, Admin | LiaisonOfficer | Leader),
        WorkDepartmentTasks => matches!(role, Admin | DepartmentLiaison),
        ReadDelegations => matches!(role, Admin | ProtocolOfficer | Leader),
        PlanDelegations => matches!(role, Admin | ProtocolOfficer),
        ApproveMissions => matches!(role, Admin | Leader),
        ReadCities => matches!(role, Admin | ProtocolOfficer | Leader),
        ManageCities => matches!(role, Admin | ProtocolOfficer),
        ReadProjects => matches!(role, Admin | LiaisonOfficer | Leader | CountyOfficer),
        ManageProjects => matches!(role, Admin | LiaisonOfficer | CountyOfficer),
        ReadPromotion => matches!(role, Admin | LiaisonOfficer | Leader | CountyOfficer),
        WorkPromotion => matches!(role, Admin | LiaisonOfficer),
    }
}

// The rules that depend on one record as well as the role. They sit beside the table so
// that every rule of who may do what is read in this one file.

/// Work one enterprise or one of its cases (edit it, open a case for it, move a case, route
/// its tasks), or one investment project: its own liaison officer, or an admin.
pub fn may_work_on(user: &SessionUser, officer_id: Option<i64>) -> bool {
    user.role == Role::Admin || (user.role == Role::LiaisonOfficer && officer_id == Some(user.id))
}

/// Work one investment project: its officer or an admin (`may_work_on`), or the county
/// officer of the county it is built in.
pub fn may_work_on_project(user: &SessionUser, officer_id: i64, county_id: Option<i64>) -> bool {
    may_work_on(user, Some(officer_id))
        || (user.role == Role::CountyOfficer && county_id.is_some() && county_id == user.county_id)
}

/// The one county whose projects a user sees, for a county officer (every county for the
/// other roles that read projects).
pub fn project_scope(user: &SessionUser) -> Option<i64> {
    match user.role {
        // A county officer without a county (the database refuses one) would see nothing.
        Role::CountyOfficer => Some(user.county_id.unwrap_or(0)),
        _ => None,
    }
}

/// The second lock of every file route and service: `Forbidden` unless the user's role allows
/// `action` (the access middleware is the first).
pub fn permit(user: &SessionUser, action: Action) -> Result<(), crate::error::AppError> {
    if allows(user.role, action) {
        Ok(())
    } else {
        Err(crate::error::AppError::Forbidden)
    }
}

/// What a page needs before it is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageAccess {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in staff member.
    Staff,
    /// A signed-in staff member whose role allows the action.
    Needs(Action),
}

/// May this user open a page with this rule?
pub fn may_open(user: Option<&SessionUser>, access: PageAccess) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;
    match (access, user) {
        (PageAccess::Public, _) => Ok(()),
        (_, None) => Err(AppError::NotAuthenticated),
        (PageAccess::Staff, Some(_)) => Ok(()),
        (PageAccess::Needs(a), Some(u)) if allows(u.role, a) => Ok(()),
        (PageAccess::Needs(_), Some(_)) => Err(AppError::Forbidden),
    }
}

/// The areas of the navigation, each shown only to roles that may use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavArea {
    Home,
    Dashboard,
    MyEnterprises,
    Enterprises,
    Projects,
    Promotion,
    Cases,
    Tasks,
    Deadlines,
    Delegations,
    Cities,
    Users,
    ServiceLevels,
    Outbox,
    Audit,
}

/// The readings whose figures the dashboard shows: a role with none of them has no dashboard.
const FIGURES: [Action; 6] = [
    Action::ReadProjects,
    Action::ReadPromotion,
    Action::ReadDelegations,
    Action::ReadCities,
    Action::ReadEnterprises,
    Action::ReadCases,
];

pub fn nav_areas(role: Role) -> Vec<NavArea> {
    // A leader's home page is the dashboard: no second link to it.
    let mut areas = if role == Role::Leader { Vec::new() } else { vec![NavArea::Home] };
    if FIGURES.into_iter().any(|a| allows(role, a)) {
        areas.push(NavArea::Dashboard);
    }
    if role == Role::LiaisonOfficer {
        areas.push(NavArea::MyEnterprises);
    }
    if allows(role, Action::ReadEnterprises) {
        areas.push(NavArea::Enterprises);
    }
    if allows(role, Action::ReadProjects) {
        areas.push(NavArea::Projects);
    }
    if allows(role, Action::ReadPromotion) {
        areas.push(NavArea::Promotion);
    }
    if allows(role, Action::ReadCases) {
        areas.push(NavArea::Cases);
        areas.push(NavArea::Deadlines);
    }
    if role == Role::DepartmentLiaison {
        areas.push(NavArea::Tasks);
    }
    if allows(role, Action::ReadDelegations) {
        areas.push(NavArea::Delegations);
    }
    if allows(role, Action::ReadCities) {
        areas.push(NavArea::Cities);
    }
    if allows(role, Action::ManageUsers) {
        areas.push(NavArea::Users);
    }
    if allows(role, Action::ManageServiceLevels) {
        areas.push(NavArea::ServiceLevels);
    }
    if allows(role, Action::ManageOutbox) {
        areas.push(NavArea::Outbox);
    }
    if allows(role, Action::ReadAuditLog) {
        areas.push(NavArea::Audit);
    }
    areas
}

/// A path on this site, never another site (no open redirect): `None` for anything else.
/// Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so
/// `/<tab>/evil.example` would leave the site: a path with any control character, any
/// whitespace or a backslash is refused whole. Letters beyond ASCII are percent-encoded, so
/// the result is always a valid `Location`.
pub fn local_path(next: Option<&str>) -> Option<String> {
    let n = next?;
    let refused = |c: char| c == '\\' || c.is_control() || c.is_whitespace();
    if !n.starts_with('/') || n.starts_with("//") || n.chars().any(refused) {
        return None;
    }
    let mut out = String::with_capacity(n.len());
    for c in n.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(out)
}

/// Where to go after signing in: a local path other than the sign-in page, or the overview.
pub fn safe_next(next: Option<&str>) -> String {
    local_path(next).filter(|n| !n.starts_with("/login")).unwrap_or_else(|| "/".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> SessionUser {
        SessionUser {
            id: 1,
            email: "a@b.cn".into(),
            display_name: "A".into(),
            role,
            department_id: None,
            county_id: None,
            locale: Locale::ZhCn,
        }
    }

    #[test]
    fn only_admins_manage_users_and_read_the_audit_log() {
        for role in Role::ALL {
            for action in [Action::ManageUsers, Action::ReadAuditLog, Action::AssignLiaison] {
                assert_eq!(allows(role, action), role == Role::Admin, "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn department_liaisons_do_not_browse_the_enterprise_register() {
        assert!(!allows(Role::DepartmentLiaison, Action::ReadEnterprises));
        assert!(allows(Role::Leader, Action::ReadEnterprises) && !allows(Role::Leader, Action::RegisterEnterprise));
        assert!(allows(Role::LiaisonOfficer, Action::RegisterEnterprise));
    }

    #[test]
    fn a_county_officer_works_the_projects_of_their_county_only() {
        let county = SessionUser { county_id: Some(3), ..user(Role::CountyOfficer) };
        assert_eq!(project_scope(&county), Some(3));
        assert!(may_work_on_project(&county, 99, Some(3)), "whoever follows it");
        assert!(!may_work_on_project(&county, 99, Some(4)) && !may_work_on_project(&county, 1, None));
        assert!(!may_work_on(&county, Some(1)), "no enterprise, even one that names them");
        assert_eq!(project_scope(&user(Role::CountyOfficer)), Some(0), "without a county, nothing");
        let officer = user(Role::LiaisonOfficer);
        assert_eq!(project_scope(&officer), None);
        assert!(may_work_on_project(&officer, 1, Some(4)) && !may_work_on_project(&officer, 2, Some(4)));
        assert!(allows(Role::CountyOfficer, Action::ManageProjects) && !allows(Role::CountyOfficer, Action::ReadCases));
    }

    #[test]
    fn access_rules_per_role() {
        use crate::error::AppError;
        let admin_page = PageAccess::Needs(Action::ManageUsers);
        assert_eq!(may_open(None, admin_page), Err(AppError::NotAuthenticated));
        assert_eq!(may_open(Some(&user(Role::Leader)), admin_page), Err(AppError::Forbidden));
        assert_eq!(may_open(Some(&user(Role::Admin)), admin_page), Ok(()));
        assert_eq!(may_open(None, PageAccess::Public), Ok(()));
        assert_eq!(may_open(Some(&user(Role::DepartmentLiaison)), PageAccess::Staff), Ok(()));
    }

    #[test]
    fn navigation_shows_only_permitted_areas() {
        assert_eq!(
            nav_areas(Role::Admin),
            vec![
                NavArea::Home,
                NavArea::Dashboard,
                NavArea::Enterprises,
                NavArea::Projects,
                NavArea::Promotion,
                NavArea::Cases,
                NavArea::Deadlines,
                NavArea::Delegations,
                NavArea::Cities,
                NavArea::Users,
                NavArea::ServiceLevels,
                NavArea::Outbox,
                NavArea::Audit
            ]
        );
        assert_eq!(
            nav_areas(Role::LiaisonOfficer),
            vec![
                NavArea::Home,
                NavArea::Dashboard,
                NavArea::MyEnterprises,
                NavArea::Enterprises,
                NavArea::Projects,
                NavArea::Promotion,
                NavArea::Cases,
                NavArea::Deadlines
            ]
        );
        assert_eq!(nav_areas(Role::DepartmentLiaison), vec![NavArea::Home, NavArea::Tasks]);
        assert_eq!(
            nav_areas(Role::CountyOfficer),
            vec![NavArea::Home, NavArea::Dashboard, NavArea::Projects, NavArea::Promotion]
        );
        assert_eq!(
            nav_areas(Role::ProtocolOfficer),
            vec![NavArea::Home, NavArea::Dashboard, NavArea::Enterprises, NavArea::Delegations, NavArea::Cities]
        );
        assert_eq!(nav_areas(Role::Leader).first(), Some(&NavArea::Dashboard));
        assert!(!nav_areas(Role::Leader).contains(&NavArea::Home));
    }

    #[test]
    fn next_is_always_local() {
        assert_eq!(safe_next(Some("/admin/users")), "/admin/users");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/login")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/\n")), "/");
        assert_eq!(safe_next(Some("/ /evil.example")), "/");
        assert_eq!(safe_next(Some("/admin/audit?actor=王")), "/admin/audit?actor=%E7%8E%8B");
    }
}
