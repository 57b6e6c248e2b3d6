//! What the server hands to every page render and server function (server only).

use crate::db::Db;
use crate::error::AppError;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::any::{Any, TypeId};
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
///
/// One computation per figure and version: requests that want a figure another request is
/// already computing wait for it instead of computing it again (sixteen leaders opening the
/// dashboard after a write cost one computation, not sixteen).
#[derive(Default)]
pub struct FiguresCache {
    entries: Mutex<(i64, Figures)>,
}

/// The figures kept for one version, each under its key, filled once.
type Figures = HashMap<(TypeId, String), Arc<Once>>;
type Once = tokio::sync::OnceCell<Arc<dyn Any + Send + Sync>>;

impl FiguresCache {
    /// The most figures kept for one version (all are forgotten past it).
    const MAX: usize = 256;

    /// The figures under `key` computed at `version`, or what `load` returns (then kept under
    /// it). `version` must have been read before `load` runs: figures loaded after a later
    /// write are then newer than their version says, never older. A load that fails is not
    /// kept: the next request for the figure tries again.
    pub async fn get_or_load<T, E, F, Fut>(&self, version: i64, key: String, load: F) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let Some(cell) = self.cell(version, (TypeId::of::<T>(), key)) else {
            // A request that read the version before someone else's write: its figures are
            // computed for it alone.
            return Ok(Arc::new(load().await?));
        };
        let value = cell
            .get_or_try_init(|| async { load().await.map(|v| Arc::new(v) as Arc<dyn Any + Send + Sync>) })
            .await?
            .clone();
        // Kept under its type's id, so the cell holds a `T`.
        Ok(value.downcast::<T>().unwrap_or_else(|_| unreachable!("a figure kept under another type's id")))
    }

    /// The cell of `key` at `version` (made if missing), or none when the cache already holds a
    /// later version.
    fn cell(&self, version: i64, key: (TypeId, String)) -> Option<Arc<Once>> {
        let mut entries = self.entries.lock().ok()?;
        if entries.0 > version {
            return None;
        }
        if entries.0 < version || (entries.1.len() >= Self::MAX && !entries.1.contains_key(&key)) {
            *entries = (version, HashMap::new());
        }
        Some(entries.1.entry(key).or_default().clone())
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

#[cfg(test)]
mod tests {
    use super::FiguresCache;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    /// Counts its computations, each taking a while, as the project figures do.
    async fn figures(runs: &AtomicUsize, fail: bool) -> Result<usize, &'static str> {
        let run = runs.fetch_add(1, Ordering::SeqCst) + 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
        if fail {
            Err("the database went away")
        } else {
            Ok(run)
        }
    }

    #[tokio::test]
    async fn sixteen_readers_of_a_missing_figure_share_one_computation() {
        let cache = Arc::new(FiguresCache::default());
        let runs = Arc::new(AtomicUsize::new(0));
        let readers: Vec<_> = (0..16)
            .map(|_| {
                let (cache, runs) = (cache.clone(), runs.clone());
                tokio::spawn(
                    async move { *cache.get_or_load(7, "rates".into(), || figures(&runs, false)).await.unwrap() },
                )
            })
            .collect();
        for reader in readers {
            assert_eq!(reader.await.unwrap(), 1, "every reader gets the one computation's figures");
        }
        assert_eq!(runs.load(Ordering::SeqCst), 1);

        // A write moves the version: the figures are computed again, once.
        let after = cache.get_or_load(8, "rates".into(), || figures(&runs, false)).await.unwrap();
        assert_eq!((*after, runs.load(Ordering::SeqCst)), (2, 2));
        // A request that read the old version before that write gets its own figures, not the
        // newer ones' place in the cache.
        let late = cache.get_or_load(7, "rates".into(), || figures(&runs, false)).await.unwrap();
        assert_eq!(*late, 3);
        let again = cache.get_or_load(8, "rates".into(), || figures(&runs, false)).await.unwrap();
        assert_eq!((*again, runs.load(Ordering::SeqCst)), (2, 3));
    }

    #[tokio::test]
    async fn a_failed_computation_is_not_kept() {
        let cache = FiguresCache::default();
        let runs = AtomicUsize::new(0);
        let failed = cache.get_or_load(1, "rates".into(), || figures(&runs, true)).await;
        assert_eq!(failed.err(), Some("the database went away"));
        let next = cache.get_or_load(1, "rates".into(), || figures(&runs, false)).await.unwrap();
        assert_eq!((*next, runs.load(Ordering::SeqCst)), (2, 2));
    }
}
