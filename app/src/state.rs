//! What the server hands to every page render and server function (server only).

use crate::db::Db;
use crate::error::AppError;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct ServerState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub reference: Arc<ReferenceCache>,
    /// Figures computed over a whole register, kept while it is unchanged.
    pub figures: Arc<FiguresCache>,
    /// The installation's keys, read from the database on first use.
    pub keys: Arc<tokio::sync::OnceCell<Keys>>,
    /// This server's export slots (see `export::Lease`).
    pub exports: Arc<tokio::sync::Semaphore>,
    /// "Now" for sessions' lifetimes.
    pub clock: crate::db::Clock,
}

/// The installation's key for access codes and portal sessions (`ServerState::access_keys`).
pub struct Keys {
    pub(crate) access: Vec<u8>,
}

/// HMAC-SHA256, the keyed hash under the installation's key.
pub type HmacSha256 = Hmac<Sha256>;

/// The mark of an access code's keyed hash (`Keys::code_hash`); codes made before it were
/// password-hashed.
pub const KEYED: &str = "k1$";

impl ServerState {
    pub fn new(db: Db, settings: Settings) -> ServerState {
        ServerState {
            db,
            settings: Arc::new(settings),
            reference: Arc::default(),
            figures: Arc::default(),
            keys: Arc::default(),
            exports: Arc::new(tokio::sync::Semaphore::new(crate::export::SLOTS)),
            clock: crate::db::Clock::default(),
        }
    }

    /// The keys, loaded (or made, the first time) from the database once per process.
    pub async fn access_keys(&self) -> Result<&Keys, AppError> {
        self.keys
            .get_or_try_init(|| async {
                let mut fresh = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut fresh);
                let stored = crate::db::secrets::secret(&self.db, "access_code_key", &hex::encode(fresh)).await?;
                let access = hex::decode(stored.trim()).map_err(|_| {
                    tracing::error!("the stored access-code key is not hexadecimal");
                    AppError::Internal
                })?;
                Ok::<Keys, AppError>(Keys { access })
            })
            .await
    }
}

impl Keys {
    /// The MAC under the installation's key of `parts`, kept apart by a separator.
    pub fn mac(&self, parts: &[&[u8]]) -> HmacSha256 {
        // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
        let mut m = <HmacSha256 as Mac>::new_from_slice(&self.access).unwrap_or_else(|_| unreachable!());
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                m.update(b"\x1f");
            }
            m.update(p);
        }
        m
    }

    /// The stored form of an access code: HMAC-SHA256 under the installation's key. Codes are
    /// random and long (about 56 bits), so a fast keyed hash is enough; a password hash would
    /// cost milliseconds per lookup.
    pub fn code_hash(&self, code: &str) -> String {
        format!("{KEYED}{}", hex::encode(self.mac(&[b"access-code", code.as_bytes()]).finalize().into_bytes()))
    }
}

/// Reference data that pages show on every view and that changes seldom (industry chains,
/// departments, the pickers' officers and leaders, the working calendar), kept for a few
/// seconds so that a page costs fewer queries. Each server keeps its own copy: a change made
/// on this server clears it at once, one made on another server shows here within `TTL`.
/// Rules (who may be assigned, the deadlines themselves) always read the database.
/// When a value was loaded, and the value.
type Entry = (Instant, Arc<dyn Any + Send + Sync>);

#[derive(Default)]
pub struct ReferenceCache {
    entries: Mutex<HashMap<&'static str, Entry>>,
    /// Bumped by `clear`, so a load that began before a change is not kept after it.
    generation: std::sync::atomic::AtomicU64,
}

impl ReferenceCache {
    pub const TTL: Duration = Duration::from_secs(30);

    /// The cached value under `key`, or what `load` returns (then cached).
    pub async fn get_or_load<T, E, F, Fut>(&self, key: &'static str, load: F) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        use std::sync::atomic::Ordering;
        if let Some(hit) = self.fresh(key).and_then(|v| v.downcast::<T>().ok()) {
            return Ok(hit);
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let value = Arc::new(load().await?);
        if let Ok(mut entries) = self.entries.lock() {
            if self.generation.load(Ordering::SeqCst) == generation {
                entries.insert(key, (Instant::now(), value.clone()));
            }
        }
        Ok(value)
    }

    fn fresh(&self, key: &'static str) -> Option<Arc<dyn Any + Send + Sync>> {
        let entries = self.entries.lock().ok()?;
        let (at, value) = entries.get(key)?;
        (at.elapsed() < Self::TTL).then(|| value.clone())
    }

    /// Forget everything (after a change to any of it on this server).
    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            entries.clear();
        }
    }
}

/// Figures computed over a whole register (the project rates), each kept under the register's
/// version: a counter that every write to the register bumps in its own transaction. A request
/// reads the version from the database first, so no server of an office serves figures older
/// than the last write anyone made, whichever server made it.
#[derive(Default)]
pub struct FiguresCache {
    entries: Mutex<(i64, Figures)>,
}

/// The figures kept for one version, each under its key.
type Figures = HashMap<String, Arc<dyn Any + Send + Sync>>;

impl FiguresCache {
    /// The most figures kept for one version (all are forgotten past it).
    const MAX: usize = 256;

    /// The figures under `key` computed at `version`, or what `load` returns (then kept under
    /// it). `version` must have been read before `load` runs: figures loaded after a later
    /// write are then newer than their version says, never older.
    pub async fn get_or_load<T, E, F, Fut>(&self, version: i64, key: String, load: F) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let kept = self.entries.lock().ok().and_then(|e| (e.0 == version).then(|| e.1.get(&key).cloned()).flatten());
        if let Some(hit) = kept.and_then(|v| v.downcast::<T>().ok()) {
            return Ok(hit);
        }
        let value = Arc::new(load().await?);
        if let Ok(mut entries) = self.entries.lock() {
            if entries.0 < version || entries.1.len() >= Self::MAX {
                *entries = (version, HashMap::new());
            }
            if entries.0 == version {
                entries.1.insert(key, value.clone());
            }
        }
        Ok(value)
    }
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
    /// The public address links in e-mails point to, without a trailing slash.
    pub public_url: String,
    /// The domain of Message-IDs (the sender's).
    pub mail_domain: String,
    /// Status lookups per address per `portal_window` (0: no limit).
    pub portal_lookups_per_window: i64,
    /// Request submissions per address per `portal_window` (0: no limit).
    pub portal_submissions_per_window: i64,
    pub portal_window: Duration,
    /// Wrong access codes for one reference within `portal_lock_for` that lock it for as long.
    pub portal_max_code_failures: i64,
    pub portal_lock_for: Duration,
    /// How long a portal session (after a right code) lasts.
    pub portal_session: Duration,
    /// The time a person or a car needs between items at two different venues.
    pub travel_buffer: Duration,
    /// A friendship-city relation with no exchange for this many years is dormant.
    pub dormant_after_years: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client (none: never read).
    pub trusted_proxies: Vec<crate::domain::IpBlock>,
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
            public_url: "http://127.0.0.1:3000".to_string(),
            mail_domain: "liaison.localhost".to_string(),
            portal_lookups_per_window: 30,
            portal_submissions_per_window: 10,
            portal_window: Duration::from_secs(15 * 60),
            portal_max_code_failures: 5,
            portal_lock_for: Duration::from_secs(15 * 60),
            portal_session: Duration::from_secs(30 * 60),
            travel_buffer: Duration::from_secs(30 * 60),
            dormant_after_years: 2,
            trusted_proxies: Vec::new(),
        }
    }
}
