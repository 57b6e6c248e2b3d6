//! Background housekeeping. Every job is safe to run on several app servers at once.

use app::db::{self, sessions, throttle};
use app::state::ServerState;
use chrono::Duration as ChronoDuration;
use std::time::Duration;

/// Remove expired sessions and old login failures every ten minutes.
pub fn spawn_cleanup(state: ServerState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = cleanup(&state).await {
                tracing::warn!(error = %e, "session clean-up failed; will retry");
            }
        }
    })
}

pub async fn cleanup(state: &ServerState) -> Result<(), sqlx::Error> {
    let now = db::now();
    let s = &state.settings;
    let idle = ChronoDuration::from_std(s.session_idle).unwrap_or(ChronoDuration::MAX);
    let absolute = ChronoDuration::from_std(s.session_absolute).unwrap_or(ChronoDuration::MAX);
    let window = ChronoDuration::from_std(s.login_window).unwrap_or(ChronoDuration::MAX);
    let ended = sessions::delete_expired(&state.db, now - idle, now - absolute).await?;
    let pruned = throttle::prune(&state.db, now - window).await?;
    let portal_window = s.portal_window.as_secs().max(1) as i64;
    let lock = ChronoDuration::from_std(s.portal_lock_for).unwrap_or(ChronoDuration::MAX);
    let portal = app::portal::db::prune(&state.db, now.timestamp() - portal_window, now, now - lock).await?;
    tracing::debug!(ended, pruned, portal, "clean-up done");
    Ok(())
}

/// Look for deadline notices and digests due every `every` (first one minute after start).
pub fn spawn_notices(state: ServerState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(60).min(every)).await;
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match app::cases::notices::deadlines(&state).await {
                Ok(n) => tracing::debug!(queued = n, "deadline notices"),
                Err(e) => tracing::warn!(error = ?e, "deadline notices failed; will retry"),
            }
            match app::cases::notices::digests(&state, db::now()).await {
                Ok(n) => tracing::debug!(queued = n, "digests"),
                Err(e) => tracing::warn!(error = ?e, "digests failed; will retry"),
            }
        }
    })
}
