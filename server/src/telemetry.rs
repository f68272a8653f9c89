//! Logging set-up: `tracing` to stderr, filtered by `RUST_LOG` / `--log`.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; a bad filter falls back to `info` rather than failing.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
