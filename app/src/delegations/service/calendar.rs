//! The calendar across delegations, and the personal calendar feeds: a secret URL per staff
//! account, and the calendar file behind it.

use super::itinerary::office_instant;
use crate::auth::Ctx;
use crate::db::{self, audit};
use crate::delegations::db as data;
use crate::delegations::{ics, CalendarFilter, CalendarItem};
use crate::domain::Locale;
use crate::error::AppError;
use crate::state::ServerState;
use chrono::{Duration, NaiveTime};

/// The items the calendar shows for this filter: every day of its weeks, in office time.
pub async fn calendar(state: &ServerState, f: &CalendarFilter) -> Result<Vec<CalendarItem>, AppError> {
    let weeks = f.weeks();
    let (Some(first), Some(last)) = (weeks.first().map(|w| w[0]), weeks.last().map(|w| w[6])) else {
        return Ok(Vec::new());
    };
    let (Some(from), Some(to)) =
        (office_instant(first, NaiveTime::MIN), office_instant(last + Duration::days(1), NaiveTime::MIN))
    else {
        return Ok(Vec::new());
    };
    Ok(data::calendar(&state.db, from, to, f.delegation_id, f.resource_id).await?)
}

/// A new secret calendar feed for the signed-in user (replacing any earlier one, whose URL
/// stops working); returns the token, which only its URL holds (the database keeps its hash).
pub async fn new_feed(cx: &Ctx) -> Result<String, AppError> {
    use rand::RngCore;
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut tx = cx.state.db.begin().await?;
    data::set_feed(&mut tx, cx.user.id, &feed_hash(&token), db::now()).await?;
    audit::record(&mut tx, cx.entry("calendar_feed_created", "user", cx.user.id, audit::Changes::new())).await?;
    tx.commit().await?;
    Ok(token)
}

/// Stop the signed-in user's calendar feed.
pub async fn end_feed(cx: &Ctx) -> Result<(), AppError> {
    let mut tx = cx.state.db.begin().await?;
    if data::delete_feed(&mut tx, cx.user.id).await? {
        audit::record(&mut tx, cx.entry("calendar_feed_ended", "user", cx.user.id, audit::Changes::new())).await?;
    }
    tx.commit().await?;
    Ok(())
}

fn feed_hash(token: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The calendar file behind a feed token: the items of the last 30 days and the next year
/// that the token's owner takes part in (as the delegation's officer, or through a resource
/// tied to their account), in their language; `None` for an unknown or ended token or an
/// inactive account. Each download is in the audit log under the feed's owner.
pub async fn feed(state: &ServerState, token: &str, ip: &str) -> Result<Option<String>, AppError> {
    if token.len() != 48 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let Some((user_id, locale)) = data::feed_owner(&state.db, &feed_hash(token)).await? else { return Ok(None) };
    crate::export::record_download(state, Some(user_id), "calendar_feed", Some(user_id), "", ip).await?;
    let now = db::now();
    let items = data::items_of_person(&state.db, user_id, now - Duration::days(30), now + Duration::days(366)).await?;
    let entries: Vec<ics::Entry<'_>> = items
        .iter()
        .map(|(delegation_id, title, status, item)| ics::Entry {
            delegation_id: *delegation_id,
            delegation_title: title,
            status: *status,
            item,
        })
        .collect();
    let name = tr_feed_name(locale);
    Ok(Some(ics::render(&name, &entries, &state.settings.mail_domain, locale, now)))
}

fn tr_feed_name(locale: Locale) -> String {
    tr!(locale, "feed-name")
}
