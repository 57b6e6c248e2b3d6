//! What the server hands to every page render and server function (server only).

use crate::db::Db;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
pub struct ServerState {
    pub db: Db,
    pub settings: Arc<Settings>,
}

/// Security settings read from the configuration at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, however active.
    pub session_absolute: Duration,
    /// Mark cookies `Secure` (the base URL is https).
    pub secure_cookies: bool,
    /// Failed logins within `login_window` that lock an account or an address.
    pub login_max_failures_per_account: i64,
    pub login_max_failures_per_address: i64,
    pub login_window: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            session_idle: Duration::from_secs(30 * 60),
            session_absolute: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            login_max_failures_per_account: 5,
            login_max_failures_per_address: 20,
            login_window: Duration::from_secs(15 * 60),
        }
    }
}
