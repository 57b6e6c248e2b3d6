//! An investor's interest in a published promoted project, from the portal: limited per
//! address like the requests, the hidden field that robots fill refused, checked whole; kept
//! by the promotion area as a lead of the project's officer (`receive_interest`) in one
//! transaction with the investor's acknowledgement (in their language, with no word of theirs
//! in it: the address has not proved itself) and the officer's notice.

use super::{limit, request_language, text_field};
use crate::db;
use crate::domain::{Country, Email, Locale, Phone, Recipient};
use crate::error::{AppError, Validator};
use crate::mail::compose;
use crate::promotion::promoted::{service as promoted, Enquiry, InterestForm, MESSAGE_MAX};
use crate::state::ServerState;

/// Check an expression of interest whole (every refused field at once).
fn check(f: &InterestForm, project_id: i64, page_locale: Locale) -> Result<Enquiry, AppError> {
    let mut v = Validator::default();
    let company = text_field(&mut v, "company", &f.company, true, 200);
    let country = v.check(Country::parse("country", &f.country));
    let contact_name = text_field(&mut v, "contact_name", &f.contact_name, true, 200);
    let email = v.check(Email::parse("email", &f.email));
    let phone = match f.phone.trim() {
        "" => Some(String::new()),
        raw => v.check(Phone::parse("phone", raw)).map(|p| p.as_str().to_string()),
    };
    let language = request_language(&mut v, &f.language, page_locale);
    let message = text_field(&mut v, "message", &f.message, false, MESSAGE_MAX);
    v.finish()?;
    let (Some(country), Some(email), Some(phone), Some(language)) = (country, email, phone, language) else {
        return Err(AppError::Internal);
    };
    Ok(Enquiry {
        promoted_project_id: project_id,
        company,
        country: country.code().to_string(),
        contact_name,
        email: email.as_str().to_string(),
        phone,
        language,
        message,
        created_at: db::now(),
    })
}

/// The interest of a visitor at `ip` in the published project `id`; the new lead's id.
pub async fn express_interest(
    state: &ServerState,
    id: i64,
    f: &InterestForm,
    page_locale: Locale,
    ip: &str,
) -> Result<i64, AppError> {
    limit(state, "interest", ip, state.settings.portal_submissions_per_window).await?;
    if !f.website.trim().is_empty() {
        tracing::warn!(ip, "expression of interest with the hidden field filled in refused");
        return Err(AppError::Invalid(Vec::new()));
    }
    let project = promoted::public_load(state, id).await?;
    let enquiry = check(f, id, page_locale)?;
    let now = enquiry.created_at;
    // Answered within two working days, or flagged to its officer and the leaders.
    let calendar = crate::service_levels::service::calendar(state).await?;
    let answer_by = calendar.add_working_days(crate::domain::office_today(now), 2);
    let mut tx = state.db.begin().await?;
    let lead_id = promoted::receive_interest(&mut tx, &project, &enquiry, answer_by, ip).await?;
    let investor = Recipient { email: enquiry.email.clone(), name: String::new(), locale: enquiry.language };
    let (title, _) = project.title.for_reader(investor.locale);
    let mut messages = vec![compose::interest_received(&state.settings, &investor, title, &project.officer_name, id)];
    if let Some(officer) = crate::admin::db::users::recipient_in(&mut tx, project.officer_id).await? {
        let (title, _) = project.title.for_reader(officer.locale);
        messages.push(compose::portal_lead(&state.settings, &officer, lead_id, &enquiry.company, title));
    }
    for m in &messages {
        compose::queue(&mut tx, &state.settings, m, now).await?;
    }
    tx.commit().await?;
    Ok(lead_id)
}
