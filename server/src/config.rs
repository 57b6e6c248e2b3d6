//! Configuration from the environment, validated once at start-up. A bad value stops the
//! program with one line naming the variable (exit code 2), never a panic trace.

use crate::mail::MailConfig;
use app::state::Settings;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/liaison.db";
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_MAIL_FROM: &str = "Liaison <liaison@liaison.localhost>";
pub const DEFAULT_MAIL_DIR: &str = "data/outbox";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    /// Connections this server keeps to the database (`None`: the backend's default).
    pub db_connections: Option<u32>,
    pub addr: SocketAddr,
    /// The public address, without a trailing slash: the origin that state-changing
    /// requests must come from, and whether cookies are `Secure`.
    pub base_url: String,
    pub settings: Settings,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub admin_email: String,
    pub admin_password: Option<String>,
    /// The roles that must use one-time codes, set at installation (`LIAISON_REQUIRE_MFA`).
    pub require_two_step: Vec<app::domain::Role>,
    /// Where a generated first password is written (owner-readable only).
    pub first_password_file: std::path::PathBuf,
    pub mail: MailConfig,
    /// How often deadline notices and digests are looked for; `None`: never (`off`).
    pub notices_every: Option<Duration>,
}

impl std::fmt::Debug for Config {
    // The database URL may carry a password and the admin password is a secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database", &redact_url(&self.database_url))
            .field("db_connections", &self.db_connections)
            .field("addr", &self.addr)
            .field("base_url", &self.base_url)
            .field("settings", &self.settings)
            .field("log_filter", &self.log_filter)
            .field("log_format", &self.log_format)
            .field("admin_email", &self.admin_email)
            .field("smtp", &self.mail.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail.from.to_string())
            .finish_non_exhaustive()
    }
}

/// A configuration value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("configuration error: {var}: {reason}")]
pub struct ConfigError {
    pub var: &'static str,
    pub reason: String,
}

fn err(var: &'static str, reason: impl Into<String>) -> ConfigError {
    ConfigError { var, reason: reason.into() }
}

/// `user:password@` removed from a URL, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***@{}", &url[..s], &url[at + 1..]),
        _ => url.to_string(),
    }
}

/// Durations such as `30m`, `12h`, `45s`, `2d` or a number of seconds.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (&s[..i], s[i..].trim()),
        None => (s, "s"),
    };
    let n: u64 = digits.parse().ok()?;
    let secs = match unit {
        "s" => n,
        "m" | "min" => n.checked_mul(60)?,
        "h" => n.checked_mul(3600)?,
        "d" => n.checked_mul(86400)?,
        _ => return None,
    };
    (secs > 0).then(|| Duration::from_secs(secs))
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_map(&std::env::vars().collect())
    }

    /// The configuration from these variables. They are checked in a fixed order, so the
    /// first bad one is the one reported.
    pub fn from_map(env: &HashMap<String, String>) -> Result<Config, ConfigError> {
        let vars = Vars(env);
        let database_url = database_url(&vars)?;
        let addr = listen_addr(&vars)?;
        let base_url = base_url(&vars, addr)?;
        let db_connections = db_connections(&vars)?;
        let mail = mail_config(&vars)?;
        let notices_every = match vars.get("LIAISON_NOTICES").as_deref() {
            Some("off") => None,
            _ => Some(vars.duration("LIAISON_NOTICES", Duration::from_secs(600))?),
        };
        let settings = settings(&vars, &base_url, &mail)?;
        let (log_filter, log_format) = logging(&vars)?;
        let admin_email = admin_email(&vars)?;
        let admin_password = admin_password(env)?;
        Ok(Config {
            database_url,
            db_connections,
            addr,
            base_url,
            settings,
            log_filter,
            log_format,
            admin_email,
            admin_password,
            require_two_step: require_two_step(&vars)?,
            first_password_file: std::path::PathBuf::from(
                vars.get("LIAISON_FIRST_PASSWORD_FILE").unwrap_or_else(|| "data/first-admin-password".to_string()),
            ),
            mail,
            notices_every,
        })
    }
}

/// The environment's variables, read with the checks that several settings share.
struct Vars<'a>(&'a HashMap<String, String>);

impl Vars<'_> {
    /// A variable's value, trimmed; `None` when it is unset or blank.
    fn get(&self, k: &str) -> Option<String> {
        self.0.get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }

    /// A duration such as `30m` (see [`parse_duration`]), or `default` when unset.
    fn duration(&self, var: &'static str, default: Duration) -> Result<Duration, ConfigError> {
        match self.get(var) {
            None => Ok(default),
            Some(v) => {
                parse_duration(&v).ok_or_else(|| err(var, format!("'{v}' is not a duration such as 30m, 12h or 90s")))
            }
        }
    }

    /// A positive whole number, or `default` when unset.
    fn count(&self, var: &'static str, default: i64) -> Result<i64, ConfigError> {
        match self.get(var) {
            None => Ok(default),
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(err(var, format!("'{v}' is not a positive whole number"))),
            },
        }
    }

    /// A limit of requests: a whole number, 0 meaning none.
    fn limit(&self, var: &'static str, default: i64) -> Result<i64, ConfigError> {
        match self.get(var) {
            None => Ok(default),
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n >= 0 => Ok(n),
                _ => Err(err(var, format!("'{v}' is not a whole number (0 for no limit)"))),
            },
        }
    }
}

/// `DATABASE_URL`: an SQLite or PostgreSQL URL.
fn database_url(vars: &Vars<'_>) -> Result<String, ConfigError> {
    let database_url = vars.get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
    if app::db::Db::backend_of(&database_url).is_none() {
        return Err(err(
            "DATABASE_URL",
            format!("'{}' must start with sqlite: or postgres://", redact_url(&database_url)),
        ));
    }
    Ok(database_url)
}

/// `LIAISON_ADDR`: the address the server listens on.
fn listen_addr(vars: &Vars<'_>) -> Result<SocketAddr, ConfigError> {
    let addr_raw = vars.get("LIAISON_ADDR").unwrap_or_else(|| DEFAULT_ADDR.to_string());
    addr_raw.parse().map_err(|_| err("LIAISON_ADDR", format!("'{addr_raw}' is not an address such as 127.0.0.1:3000")))
}

/// `LIAISON_BASE_URL`: the public origin, without a trailing slash; by default the listening
/// address over plain HTTP.
fn base_url(vars: &Vars<'_>, addr: SocketAddr) -> Result<String, ConfigError> {
    let Some(u) = vars.get("LIAISON_BASE_URL") else { return Ok(format!("http://{addr}")) };
    let u = u.trim_end_matches('/').to_string();
    let rest = u.strip_prefix("https://").or_else(|| u.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains('/') && !host.contains(char::is_whitespace) => Ok(u),
        _ => Err(err(
            "LIAISON_BASE_URL",
            format!("'{u}' must be an origin such as https://liaison.example.gov.cn (no path)"),
        )),
    }
}

/// `LIAISON_DB_CONNECTIONS`: the size of the connection pool, if not the backend's default.
fn db_connections(vars: &Vars<'_>) -> Result<Option<u32>, ConfigError> {
    match vars.get("LIAISON_DB_CONNECTIONS") {
        None => Ok(None),
        Some(v) => match v.parse::<u32>() {
            Ok(n) if (1..=1000).contains(&n) => Ok(Some(n)),
            _ => Err(err("LIAISON_DB_CONNECTIONS", format!("'{v}' is not a whole number from 1 to 1000"))),
        },
    }
}

/// The settings the app reads: sessions, sign-in and portal limits, the travel buffer…
fn settings(vars: &Vars<'_>, base_url: &str, mail: &MailConfig) -> Result<Settings, ConfigError> {
    let defaults = Settings::default();
    let settings = Settings {
        session_idle: vars.duration("LIAISON_SESSION_IDLE", defaults.session_idle)?,
        session_absolute: vars.duration("LIAISON_SESSION_ABSOLUTE", defaults.session_absolute)?,
        secure_cookies: base_url.starts_with("https://"),
        login_max_failures_per_account: vars
            .count("LIAISON_LOGIN_MAX_FAILURES", defaults.login_max_failures_per_account)?,
        login_max_failures_per_address: vars
            .count("LIAISON_LOGIN_MAX_FAILURES_PER_ADDRESS", defaults.login_max_failures_per_address)?,
        login_window: vars.duration("LIAISON_LOGIN_WINDOW", defaults.login_window)?,
        public_url: base_url.to_string(),
        mail_domain: mail.domain(),
        portal_lookups_per_window: vars.limit("LIAISON_PORTAL_LOOKUPS", defaults.portal_lookups_per_window)?,
        portal_submissions_per_window: vars
            .limit("LIAISON_PORTAL_SUBMISSIONS", defaults.portal_submissions_per_window)?,
        portal_window: vars.duration("LIAISON_PORTAL_WINDOW", defaults.portal_window)?,
        portal_max_code_failures: vars.count("LIAISON_PORTAL_MAX_CODE_FAILURES", defaults.portal_max_code_failures)?,
        portal_lock_for: vars.duration("LIAISON_PORTAL_LOCK", defaults.portal_lock_for)?,
        portal_session: vars.duration("LIAISON_PORTAL_SESSION", defaults.portal_session)?,
        // `0` turns the buffer off: only overlapping items clash.
        travel_buffer: match vars.get("LIAISON_TRAVEL_BUFFER").as_deref().map(str::trim) {
            Some("0") => Duration::ZERO,
            _ => vars.duration("LIAISON_TRAVEL_BUFFER", defaults.travel_buffer)?,
        },
        dormant_after_years: vars.count("LIAISON_DORMANT_AFTER_YEARS", defaults.dormant_after_years as i64)?.min(100)
            as u32,
        trusted_proxies: trusted_proxies(vars)?,
    };
    if settings.session_idle > settings.session_absolute {
        return Err(err("LIAISON_SESSION_IDLE", "must not be longer than LIAISON_SESSION_ABSOLUTE"));
    }
    Ok(settings)
}

/// `LIAISON_TRUSTED_PROXIES`: the addresses or blocks whose forwarded-for headers are believed.
fn trusted_proxies(vars: &Vars<'_>) -> Result<Vec<app::domain::IpBlock>, ConfigError> {
    let Some(v) = vars.get("LIAISON_TRUSTED_PROXIES") else { return Ok(Vec::new()) };
    v.split(',')
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            app::domain::IpBlock::parse(b).ok_or_else(|| {
                err(
                    "LIAISON_TRUSTED_PROXIES",
                    format!("'{}' is not an address or block such as 10.0.0.5 or 10.0.0.0/8", b.trim()),
                )
            })
        })
        .collect()
}

/// `LIAISON_LOG` and `LIAISON_LOG_FORMAT`: what is logged, and as text or JSON.
fn logging(vars: &Vars<'_>) -> Result<(String, LogFormat), ConfigError> {
    let log_filter = vars.get("LIAISON_LOG").unwrap_or_else(|| "info".to_string());
    if tracing_subscriber::EnvFilter::try_new(&log_filter).is_err() {
        return Err(err(
            "LIAISON_LOG",
            format!("'{log_filter}' is not a log level or filter such as info or liaison=debug"),
        ));
    }
    let log_format = match vars.get("LIAISON_LOG_FORMAT").as_deref() {
        None | Some("text") => LogFormat::Text,
        Some("json") => LogFormat::Json,
        Some(other) => return Err(err("LIAISON_LOG_FORMAT", format!("'{other}' must be text or json"))),
    };
    Ok((log_filter, log_format))
}

/// `LIAISON_ADMIN_EMAIL`: the first administrator's e-mail address.
fn admin_email(vars: &Vars<'_>) -> Result<String, ConfigError> {
    let admin_email_raw = vars.get("LIAISON_ADMIN_EMAIL").unwrap_or_else(|| "admin@liaison.local".to_string());
    Ok(app::domain::Email::parse("email", &admin_email_raw)
        .map_err(|_| err("LIAISON_ADMIN_EMAIL", format!("'{admin_email_raw}' is not an e-mail address")))?
        .as_str()
        .to_string())
}

/// `LIAISON_ADMIN_PASSWORD`: the first administrator's password, taken as it is (not trimmed).
fn admin_password(env: &HashMap<String, String>) -> Result<Option<String>, ConfigError> {
    let Some(p) = env.get("LIAISON_ADMIN_PASSWORD").filter(|p| !p.is_empty()) else { return Ok(None) };
    let password = app::domain::NewPassword::parse("password", p).map_err(|_| {
        err(
            "LIAISON_ADMIN_PASSWORD",
            format!("must have {} to {} characters", app::domain::NewPassword::MIN, app::domain::NewPassword::MAX),
        )
    })?;
    Ok(Some(password.expose().to_string()))
}

/// `LIAISON_REQUIRE_MFA`: the roles that must use one-time codes.
fn require_two_step(vars: &Vars<'_>) -> Result<Vec<app::domain::Role>, ConfigError> {
    let Some(v) = vars.get("LIAISON_REQUIRE_MFA") else { return Ok(Vec::new()) };
    v.split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| {
            app::domain::Role::parse(r)
                .ok_or_else(|| err("LIAISON_REQUIRE_MFA", format!("'{r}' is not a role such as admin or leader")))
        })
        .collect()
}

/// An `smtp://` URL never sends in clear what it need not: without `?tls=` it uses STARTTLS
/// whenever the server offers it, and with credentials it requires it (a password is never
/// sent over an unencrypted connection, so `tls=opportunistic` or none with credentials is
/// refused). `smtps://` is TLS from the start.
fn smtp_with_tls(url: &str) -> Result<String, String> {
    let Some(rest) = url.strip_prefix("smtp://") else { return Ok(url.to_string()) };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let has_credentials = authority.contains('@');
    let tls = url
        .split_once('?')
        .and_then(|(_, q)| q.split('&').find_map(|pair| pair.strip_prefix("tls=")).map(str::to_string));
    match tls.as_deref() {
        None if has_credentials => Ok(format!("{url}{}tls=required", if url.contains('?') { "&" } else { "?" })),
        None => Ok(format!("{url}{}tls=opportunistic", if url.contains('?') { "&" } else { "?" })),
        Some("required") => Ok(url.to_string()),
        Some(_) if has_credentials => Err(format!(
            "'{}' would send its password without encryption: use tls=required or smtps://",
            redact_url(url)
        )),
        Some(_) => Ok(url.to_string()),
    }
}

/// The mail settings: where messages go (an SMTP server, or `.eml` files) and how the
/// outbox retries.
fn mail_config(vars: &Vars<'_>) -> Result<MailConfig, ConfigError> {
    use lettre::{AsyncSmtpTransport, Tokio1Executor};
    let smtp_url = match vars.get("SMTP_URL") {
        Some(url) => Some(smtp_with_tls(&url).map_err(|reason| err("SMTP_URL", reason))?),
        None => None,
    };
    if let Some(url) = &smtp_url {
        let scheme_ok = url.starts_with("smtp://") || url.starts_with("smtps://");
        if !scheme_ok || AsyncSmtpTransport::<Tokio1Executor>::from_url(url).is_err() {
            return Err(err(
                "SMTP_URL",
                format!(
                    "'{}' must be a URL such as smtp://mail.example.cn:25 or smtps://user:password@host:465",
                    redact_url(url)
                ),
            ));
        }
    }
    let from_raw = vars.get("MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.to_string());
    let from: lettre::message::Mailbox = from_raw
        .parse()
        .map_err(|_| err("MAIL_FROM", format!("'{from_raw}' is not a sender such as Liaison <liaison@example.cn>")))?;
    let max_attempts = vars.count("LIAISON_OUTBOX_MAX_ATTEMPTS", 8)?;
    Ok(MailConfig {
        smtp_url,
        from,
        dir: std::path::PathBuf::from(vars.get("LIAISON_MAIL_DIR").unwrap_or_else(|| DEFAULT_MAIL_DIR.to_string())),
        poll: vars.duration("LIAISON_OUTBOX_POLL", Duration::from_secs(5))?,
        retry_base: vars.duration("LIAISON_OUTBOX_RETRY", Duration::from_secs(30))?,
        max_attempts: max_attempts.clamp(1, 100) as i32,
        lease: match vars.duration("LIAISON_OUTBOX_LEASE", Duration::from_secs(300))? {
            // A claim must outlast a slow send (30 s per SMTP step), or a second server could
            // take the message over while it is still being sent.
            lease if lease < Duration::from_secs(120) => {
                return Err(err("LIAISON_OUTBOX_LEASE", "must be at least 2m"));
            }
            lease => lease,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn smtp_uses_starttls_when_offered_and_never_sends_a_password_in_clear() {
        assert_eq!(smtp_with_tls("smtp://mail.example.cn:25").unwrap(), "smtp://mail.example.cn:25?tls=opportunistic");
        assert_eq!(
            smtp_with_tls("smtp://u:p@mail.example.cn:587").unwrap(),
            "smtp://u:p@mail.example.cn:587?tls=required"
        );
        assert_eq!(
            smtp_with_tls("smtp://mail.example.cn?tls=required").unwrap(),
            "smtp://mail.example.cn?tls=required"
        );
        assert_eq!(smtp_with_tls("smtps://u:p@mail.example.cn:465").unwrap(), "smtps://u:p@mail.example.cn:465");
        assert!(smtp_with_tls("smtp://u:p@mail.example.cn?tls=opportunistic").is_err());
        assert!(smtp_with_tls("smtp://u:p@mail.example.cn?tls=none").is_err());
        let c = Config::from_map(&env(&[("SMTP_URL", "smtp://u:secret@mail.example.cn:587")])).unwrap();
        assert_eq!(c.mail.smtp_url.as_deref(), Some("smtp://u:secret@mail.example.cn:587?tls=required"));
        let e =
            Config::from_map(&env(&[("SMTP_URL", "smtp://u:secret@mail.example.cn?tls=opportunistic")])).err().unwrap();
        assert_eq!(e.var, "SMTP_URL");
        assert!(!e.reason.contains("secret"), "{}", e.reason);
    }

    #[test]
    fn defaults_need_no_configuration() {
        let c = Config::from_map(&HashMap::new()).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.base_url, "http://127.0.0.1:3000");
        assert!(!c.settings.secure_cookies);
        assert_eq!(c.settings.session_idle, Duration::from_secs(1800));
        assert_eq!(c.settings.session_absolute, Duration::from_secs(43200));
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        for (var, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("LIAISON_ADDR", "localhost"),
            ("LIAISON_DB_CONNECTIONS", "0"),
            ("LIAISON_DB_CONNECTIONS", "many"),
            ("LIAISON_BASE_URL", "ftp://x"),
            ("LIAISON_TRUSTED_PROXIES", "10.0.0.0/8, proxy.local"),
            ("LIAISON_REQUIRE_MFA", "admin,boss"),
            ("LIAISON_BASE_URL", "https://x.cn/app"),
            ("LIAISON_SESSION_IDLE", "soon"),
            ("LIAISON_SESSION_ABSOLUTE", "0"),
            ("LIAISON_LOG", "info,[[["),
            ("LIAISON_LOG_FORMAT", "xml"),
            ("LIAISON_ADMIN_EMAIL", "nobody"),
            ("LIAISON_ADMIN_PASSWORD", "short"),
            ("LIAISON_LOGIN_MAX_FAILURES", "-1"),
            ("SMTP_URL", "mail.example.cn:25"),
            ("SMTP_URL", "http://mail.example.cn"),
            ("MAIL_FROM", "not an address"),
            ("LIAISON_OUTBOX_POLL", "often"),
            ("LIAISON_OUTBOX_MAX_ATTEMPTS", "0"),
            ("LIAISON_NOTICES", "sometimes"),
            ("LIAISON_OUTBOX_LEASE", "30s"),
        ] {
            let e = Config::from_map(&env(&[(var, value)])).err().unwrap_or_else(|| panic!("{var}={value} accepted"));
            assert_eq!(e.var, var);
            assert!(e.to_string().starts_with(&format!("configuration error: {var}: ")));
        }
    }

    #[test]
    fn https_base_url_makes_cookies_secure() {
        let c = Config::from_map(&env(&[("LIAISON_BASE_URL", "https://liaison.example.cn/")])).unwrap();
        assert_eq!(c.base_url, "https://liaison.example.cn");
        assert!(c.settings.secure_cookies);
    }

    #[test]
    fn durations_and_redaction() {
        assert_eq!(parse_duration("30m"), Some(Duration::from_secs(1800)));
        assert_eq!(parse_duration("12h"), Some(Duration::from_secs(43200)));
        assert_eq!(parse_duration("90"), Some(Duration::from_secs(90)));
        assert_eq!(parse_duration("2 d"), Some(Duration::from_secs(172800)));
        assert_eq!(parse_duration("0s"), None);
        assert_eq!(parse_duration("m"), None);
        assert_eq!(redact_url("postgres://u:secret@db:5432/x"), "postgres://***@db:5432/x");
        assert_eq!(redact_url("sqlite://data/liaison.db"), "sqlite://data/liaison.db");
        assert!(!format!("{:?}", Config::from_map(&env(&[("DATABASE_URL", "postgres://u:pw@h/d")])).unwrap())
            .contains("pw"));
        let smtp = Config::from_map(&env(&[("SMTP_URL", "smtps://u:secret@mail.example.cn:465")])).unwrap();
        assert!(!format!("{smtp:?}").contains("secret"));
    }

    #[test]
    fn mail_goes_to_files_unless_a_server_is_given() {
        let c = Config::from_map(&HashMap::new()).unwrap();
        assert_eq!(c.mail.smtp_url, None);
        assert_eq!(c.mail.dir, std::path::PathBuf::from(DEFAULT_MAIL_DIR));
        assert_eq!(c.settings.mail_domain, "liaison.localhost");
        let c = Config::from_map(&env(&[
            ("SMTP_URL", "smtp://127.0.0.1:2525"),
            ("MAIL_FROM", "Bureau <liaison@invest.example.cn>"),
            ("LIAISON_BASE_URL", "https://liaison.example.cn"),
        ]))
        .unwrap();
        assert_eq!(c.mail.smtp_url.as_deref(), Some("smtp://127.0.0.1:2525?tls=opportunistic"));
        assert_eq!(c.settings.mail_domain, "invest.example.cn");
        assert_eq!(c.settings.public_url, "https://liaison.example.cn");
    }

    #[test]
    fn idle_cannot_exceed_absolute() {
        let e = Config::from_map(&env(&[("LIAISON_SESSION_IDLE", "13h")])).err().unwrap();
        assert_eq!(e.var, "LIAISON_SESSION_IDLE");
    }
}
