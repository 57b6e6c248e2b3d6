//! Structured logs: human-readable text by default, JSON for log collectors.

use crate::config::{Config, LogFormat};
use tracing_subscriber::EnvFilter;

/// Install the global subscriber once; later calls (tests start many apps) do nothing.
pub fn init(config: &Config) {
    let filter = EnvFilter::try_new(&config.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    let _ = match config.log_format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}
