//! The bookable resources: adding one (an interpreter with their languages, a person with the
//! address their programme goes to and the account whose feed shows it) and retiring one.

use super::language;
use crate::auth::{Action, Ctx};
use crate::db::{self, audit};
use crate::delegations::db::{self as data, ResourceError};
use crate::delegations::{ResourceForm, ResourceKind};
use crate::domain::Locale;
use crate::error::{AppError, FieldCode, FieldError, Validator};

/// Add a venue, vehicle, interpreter or official to the bookable resources.
pub async fn add_resource(cx: &Ctx, f: &ResourceForm) -> Result<i64, AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut v = Validator::default();
    let kind = ResourceKind::parse(&f.kind);
    if kind.is_none() {
        v.push(FieldError::new("kind", FieldCode::UnknownResourceKind));
    }
    let name = v.text("name", &f.name, true, 200);
    let details = v.text("details", &f.details, false, 1000);
    let mut tags: Vec<&'static str> = Vec::new();
    for raw in f.languages.iter().filter(|l| !l.trim().is_empty()) {
        match Locale::parse(raw.trim()).filter(|l| l.tag() == raw.trim() && *l != Locale::ZhCn) {
            Some(l) if !tags.contains(&l.tag()) => tags.push(l.tag()),
            Some(_) => {}
            None => v.push(FieldError::new("languages", FieldCode::UnknownLocale)),
        }
    }
    if kind == Some(ResourceKind::Interpreter) && tags.is_empty() {
        v.push(FieldError::new("languages", FieldCode::InterpreterNeedsLanguage));
    }
    let email = if f.email.trim().is_empty() { None } else { v.check(crate::domain::Email::parse("email", &f.email)) };
    let language =
        if f.language.trim().is_empty() { Some(Locale::ZhCn) } else { language(&mut v, "language", &f.language) };
    let user_id = v
        .existing_id("user_id", &f.user_id, FieldCode::UnknownOfficer, async |id| {
            Ok(crate::admin::db::users::get(&cx.state.db, id).await?.is_some_and(|u| u.active))
        })
        .await?;
    v.finish()?;
    let (Some(kind), Some(language)) = (kind, language) else { return Err(AppError::Internal) };
    let languages = if kind == ResourceKind::Interpreter { tags.join(",") } else { String::new() };
    let email = email.map(|e| e.as_str().to_string()).unwrap_or_default();
    let resource = data::NewResource {
        kind,
        name: &name,
        languages: &languages,
        details: &details,
        email: &email,
        language,
        user_id,
    };
    let mut tx = cx.state.db.begin().await?;
    let id = data::insert_resource(&mut tx, &resource, db::now()).await.map_err(|e| match e {
        ResourceError::NameTaken => AppError::field("name", FieldCode::ResourceNameTaken),
        ResourceError::Db(e) => e.into(),
    })?;
    let changes = audit::Changes::new()
        .set("kind", kind.as_str())
        .set("name", &name)
        .set("languages", &languages)
        .set("email", &email)
        .set("language", language.tag())
        .set("user_id", user_id);
    audit::record(&mut tx, cx.entry("resource_added", "resource", id, changes)).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(id)
}

/// Retire a resource (it takes the booking lock, so no booking of it is half-way).
pub async fn retire_resource(cx: &Ctx, id: i64) -> Result<(), AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut tx = cx.state.db.begin().await?;
    let name = data::retire_resource(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let changes = audit::Changes::new().fact("name", name).diff("active", true, false);
    audit::record(&mut tx, cx.entry("resource_retired", "resource", id, changes)).await?;
    tx.commit().await?;
    cx.state.reference.clear();
    Ok(())
}
