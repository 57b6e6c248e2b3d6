//! Notices that background jobs send: a case at risk or overdue (to its officer and the
//! enterprise's responsible leader), a department task overdue (to the department's
//! liaisons), and each officer's daily digest. Every notice goes once: its key is written
//! with its messages in one transaction, so servers running the same job cannot both send.

use super::db::RiskWindow;
use crate::db::{self, outbox};
use crate::error::AppError;
use crate::mail::compose::{self, DigestLine};
use crate::state::ServerState;
use chrono::{DateTime, Duration, NaiveTime, Utc};

/// Cases and tasks that went late more than this long ago are not announced any more (when
/// notices are first switched on, years of history stay quiet).
const LOOKBACK_DAYS: i64 = 30;
/// At most this many notices of each sort per run; the next run takes the rest.
const BATCH: i64 = 500;
/// The digest goes out from this time of the office's morning…
pub const DIGEST_AT: NaiveTime = match NaiveTime::from_hms_opt(8, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
/// …and not after this one (a server that was down all day sends none in the evening).
pub const DIGEST_UNTIL: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// Send the deadline notices now due; returns how many messages were queued.
pub async fn deadlines(state: &ServerState) -> Result<usize, AppError> {
    let (today, at_risk_until) = crate::service_levels::service::risk_window(state).await?;
    let since = today - Duration::days(LOOKBACK_DAYS);
    let now = db::now();
    let mut queued = 0;
    for c in super::db::due_unnoticed(&state.db, since, at_risk_until, today, BATCH).await? {
        let overdue = c.due_on < today;
        let key = format!("case:{}:{}:{}", c.id, if overdue { "overdue" } else { "at_risk" }, c.due_on);
        let mut tx = state.db.begin().await?;
        if !outbox::notice_once(&mut tx, &key, now).await? {
            continue;
        }
        let Some(facts) = super::db::facts_in(&mut tx, c.id).await? else { continue };
        let mut people = Vec::new();
        for id in [c.owner_id, c.leader_id].into_iter().flatten() {
            if let Some(to) = crate::admin::db::users::recipient_in(&mut tx, id).await? {
                if !people.contains(&to) {
                    people.push(to);
                }
            }
        }
        for to in &people {
            compose::queue(
                &mut tx,
                &state.settings,
                &compose::deadline_notice(&state.settings, to, &facts, overdue),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        queued += people.len();
    }
    let departments = crate::admin::db::departments::list(&state.db).await?;
    for t in super::db::tasks::overdue(&state.db, today, since, BATCH).await? {
        let key = format!("task:{}:overdue:{}", t.id, t.due_on);
        let mut tx = state.db.begin().await?;
        if !outbox::notice_once(&mut tx, &key, now).await? {
            continue;
        }
        let Some(facts) = super::db::facts_in(&mut tx, t.case_id).await? else { continue };
        let Some(department) = departments.iter().find(|d| d.id == t.department_id) else { continue };
        let people = crate::admin::db::users::department_liaisons_in(&mut tx, t.department_id).await?;
        for to in &people {
            let name = department.name(to.locale).to_string();
            let m = compose::task_overdue(&state.settings, to, &facts, &name, t.due_on);
            compose::queue(&mut tx, &state.settings, &m, now).await?;
        }
        tx.commit().await?;
        queued += people.len();
    }
    Ok(queued)
}

/// Send each officer who takes it their digest, once per working day, between `DIGEST_AT`
/// and `DIGEST_UNTIL` office time; returns how many were queued.
pub async fn digests(state: &ServerState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let local = crate::domain::office_time(now);
    let today = local.date_naive();
    if local.time() < DIGEST_AT || local.time() >= DIGEST_UNTIL {
        return Ok(0);
    }
    let calendar = crate::service_levels::service::calendar(state).await?;
    if !calendar.is_working_day(today) {
        return Ok(0);
    }
    let w = RiskWindow { today, at_risk_until: calendar.next_working_day(today) };
    let mut queued = 0;
    for (id, to) in crate::admin::db::users::digest_readers(&state.db).await? {
        let cases = super::db::open_owned(&state.db, id, w, 200).await?;
        if cases.is_empty() {
            continue;
        }
        let lines: Vec<DigestLine> = cases
            .into_iter()
            .map(|c| DigestLine { reference: c.reference, title: c.title, due_on: c.due_on, deadline: c.deadline })
            .collect();
        let mut tx = state.db.begin().await?;
        if !outbox::notice_once(&mut tx, &format!("digest:{id}:{today}"), now).await? {
            continue;
        }
        compose::queue(&mut tx, &state.settings, &compose::digest(&state.settings, &to, &lines, today), now).await?;
        tx.commit().await?;
        queued += 1;
    }
    Ok(queued)
}
