//! Configuration: command-line flags, each with an environment variable behind it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

mod mail;
pub use mail::{DigestArgs, MailArgs};

#[derive(Debug, Parser)]
#[command(
    name = "mandate-tracker",
    version,
    about = "Tracks the reporting mandates of intergovernmental bodies"
)]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// Log filter in `tracing` syntax, e.g. `info,server=debug`.
    #[arg(
        long,
        env = "RUST_LOG",
        default_value = "info,sqlx::postgres::notice=warn",
        global = true
    )]
    pub log: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Read UN documents and store their resolutions, paragraphs, mandates and obligations.
    Import(ImportArgs),
    /// Print the mandates found in a UN document (no database needed).
    Extract(ExtractArgs),
    /// Load bodies and sessions from a calendar file (e.g. data/calendar.json), keeping edits.
    Calendar(CalendarArgs),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Demo data for `make run`.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// Email digests.
    #[command(subcommand)]
    Digest(DigestCommand),
}

#[derive(Debug, Subcommand)]
pub enum DigestCommand {
    /// Compose the digests due today (whatever the hour), write them to the outbox and send
    /// what the outbox holds; prints each digest.
    Send(DigestArgs),
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Record the illustrative progress of a file (e.g. data/demo-progress.json) through the
    /// status workflow; steps already recorded are left alone.
    Progress(ProgressArgs),
    /// Import the texts of a corpus index (e.g. data/corpus/corpus.json), each under its
    /// symbol with its adoption date and, for a draft, the symbol it was adopted under.
    Corpus(ProgressArgs),
    /// Fill the database with synthetic obligations at UN scale, for benchmarks
    /// (scripts/bench-scale.sh): ten generated bodies with twenty sessions each, and documents,
    /// resolutions, paragraphs and mandates around the obligations. Use a fresh database.
    Generate(GenerateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// How many obligations (one per mandate, fifty mandates a resolution).
    #[arg(long, default_value_t = 100_000)]
    pub obligations: i64,
}

#[derive(Debug, Clone, Args)]
pub struct ProgressArgs {
    /// The JSON file (data/demo-progress.json's shape for `progress`, data/corpus/corpus.json's
    /// for `corpus`).
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from MT_PASSWORD, else asked for on the
    /// terminal, else read as one line from standard input.
    Add(UserAddArgs),
    /// Set a new password for an account (read like `add`'s); ends its open logins.
    Password(UserPasswordArgs),
    /// Disable an account: it can no longer log in, and its open logins end at once.
    Disable(UserPasswordArgs),
}

#[derive(Debug, Clone, Args)]
pub struct UserAddArgs {
    #[arg(long)]
    pub email: String,
    /// The name shown in the header (the history records the email address).
    #[arg(long)]
    pub name: String,
    /// `viewer` reads what staff read; `editor` also records progress and assigns the work;
    /// `admin` also edits the calendar and the accounts.
    #[arg(long, default_value = "editor")]
    pub role: String,
    /// Succeed without changing anything when the account exists (for set-up scripts).
    #[arg(long)]
    pub if_missing: bool,
}

#[derive(Debug, Clone, Args)]
pub struct UserPasswordArgs {
    #[arg(long)]
    pub email: String,
}

impl Default for Command {
    fn default() -> Self {
        Command::Serve(ServeArgs::parse_from(["serve"]))
    }
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// PostgreSQL connection URL. Never logged.
    #[arg(
        long = "database-url",
        env = "DATABASE_URL",
        hide_env_values = true,
        global = true
    )]
    pub url: Option<String>,

    /// Seconds to wait for the database before giving up.
    #[arg(long, env = "DB_CONNECT_TIMEOUT", default_value_t = 5, global = true)]
    pub connect_timeout: u64,
}

#[derive(Debug, Clone, Parser)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "MT_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Directory holding the built site (`pkg/` bundle, CSS, static files).
    #[arg(long, env = "MT_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Mark the session cookie `Secure` (sent over HTTPS only). Turn on whenever the site is
    /// served over HTTPS, which is everywhere but a developer's machine.
    #[arg(long, env = "MT_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Days before a submission deadline from which an unsubmitted obligation counts as at risk.
    #[arg(long, env = "MT_AT_RISK_DAYS", default_value_t = app::domain::DEFAULT_WINDOW_DAYS,
          value_parser = clap::value_parser!(i64).range(0..=365))]
    pub at_risk_days: i64,

    /// Minutes of inactivity after which a login session ends.
    #[arg(long, env = "MT_SESSION_MINUTES", default_value_t = 8 * 60,
          value_parser = clap::value_parser!(i64).range(1..=366 * 24 * 60))]
    pub session_minutes: i64,

    /// Say on every page that the site shows demo data (`make run` does).
    #[arg(long, env = "MT_DEMO", default_value_t = false)]
    pub demo: bool,

    /// Megabytes of pages kept for readers without a login (0: none). Kept pages are forgotten
    /// whenever the data changes and at midnight UTC (see `routes::page_cache`).
    #[arg(long, env = "MT_PAGE_CACHE_MB", default_value_t = 32,
          value_parser = clap::value_parser!(u64).range(0..=4096))]
    pub page_cache_mb: u64,

    #[command(flatten)]
    pub login: LoginArgs,

    #[command(flatten)]
    pub mail: MailArgs,
}

/// How long logins last, how often one may try, and whom the server believes about who is
/// asking. Every limit is a setting so tests (and a site under attack) can tighten it.
#[derive(Debug, Clone, Args)]
pub struct LoginArgs {
    /// Minutes after which a login ends however busy it is kept (12 hours: a working day;
    /// a stolen cookie is worth at most this long).
    #[arg(long, env = "MT_LOGIN_LIFETIME_MINUTES", default_value_t = 12 * 60,
          value_parser = clap::value_parser!(u64).range(1..=366 * 24 * 60))]
    pub login_lifetime_minutes: u64,

    /// Login attempts one account may receive per window (from any address), whether they
    /// succeed or not; more get 429 until the window lets another through.
    #[arg(long, env = "MT_LOGIN_ATTEMPTS_PER_ACCOUNT", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub login_attempts_per_account: u32,

    /// Login attempts one client address may make per window (for any accounts). Higher than
    /// the per-account limit: an office behind one address has many users.
    #[arg(long, env = "MT_LOGIN_ATTEMPTS_PER_ADDRESS", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub login_attempts_per_address: u32,

    /// The window of the two limits above, in seconds: the full allowance is available at
    /// once, and one more attempt becomes available every window / limit seconds.
    #[arg(long, env = "MT_LOGIN_ATTEMPT_WINDOW_SECONDS", default_value_t = 15 * 60,
          value_parser = clap::value_parser!(u64).range(1..=7 * 24 * 3600))]
    pub login_attempt_window_seconds: u64,

    /// Addresses of reverse proxies whose `X-Forwarded-For` header names the client. Empty
    /// (the default): the client is the connection's peer and the header is ignored, since
    /// anyone can send it. Comma-separated in the environment variable.
    #[arg(
        long = "trusted-proxy",
        env = "MT_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// The site's own origin as browsers see it (`https://mandates.example.org`), against which
    /// the `Origin` of state-changing requests is checked. Unset: the request's `Host` header.
    /// Set it when a proxy in front rewrites `Host`.
    #[arg(long, env = "MT_PUBLIC_ORIGIN", value_parser = parse_origin)]
    pub public_origin: Option<String>,
}

/// `scheme://host[:port]`, lower-cased, without path: the form of a browser's `Origin` header.
fn parse_origin(input: &str) -> Result<String, String> {
    let uri: axum::http::Uri = input
        .trim()
        .parse()
        .map_err(|err| format!("'{input}' is not a URL: {err}"))?;
    match (uri.scheme_str(), uri.authority(), uri.path()) {
        (Some(scheme @ ("http" | "https")), Some(authority), "" | "/") if uri.query().is_none() => {
            Ok(format!("{scheme}://{authority}").to_ascii_lowercase())
        }
        _ => Err(format!(
            "'{input}' is not an origin (scheme://host[:port], e.g. https://mandates.example.org)"
        )),
    }
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Plain-text files of UN documents.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// Document symbol (e.g. `E/2019/30`); only with a single file. Without it the file name
    /// (minus extension) is used.
    #[arg(long)]
    pub symbol: Option<String>,

    /// The day the text was adopted (`YYYY-MM-DD`), which deadlines written as a span
    /// ("within 90 days of the adoption of the present resolution") count from; for every file.
    #[arg(long, value_name = "DATE")]
    pub adopted_on: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// A plain-text UN document (a session report or a single resolution).
    pub file: PathBuf,

    /// `json` uses exactly the keys of the hand annotation (seed-gold.json); `table` is for people.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Table,
}

#[derive(Debug, Clone, Args)]
pub struct CalendarArgs {
    /// A JSON file of bodies and sessions, in the shape of data/calendar.json.
    pub file: PathBuf,
}
