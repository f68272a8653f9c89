//! The server: settings, router assembly, database start-up, command-line tools.
//!
//! `build` is what both `main` and the tests use, so tests run the real application on port 0.

pub mod calendar;
pub mod database;
pub mod demo;
pub mod digests;
pub mod document_text;
pub mod extract_table;
pub mod import;
pub mod login_store;
pub mod mail;
pub mod routes;
pub mod settings;
pub mod telemetry;
pub mod users;

use anyhow::Context;
use settings::{DatabaseArgs, ServeArgs};
use sqlx::PgPool;
use tokio::net::TcpListener;

/// A bound, ready-to-run application.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    pool: PgPool,
    /// Where mail goes, for the start-up message.
    mail_note: String,
}

impl Application {
    /// The port actually bound (useful when asked for port 0).
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        // With the peer's address on each request: the login throttle counts per client.
        let service = self
            .router
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("server failed")
    }
}

/// Connects, migrates, binds and assembles the router.
pub async fn build(pool: PgPool, args: &ServeArgs) -> anyhow::Result<Application> {
    database::migrate(&pool).await?;
    let listener = TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {} (is the port taken?)", args.addr))?;
    let mailer = mail::Mailer::from_settings(&args.mail)?;
    let mail_note = mailer.describe();
    let worker = mail::worker::Worker::new(pool.clone(), mailer, &args.mail)?;
    worker.clone().spawn();
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(args.addr.port());
    let site_url = args
        .login
        .public_origin
        .clone()
        .unwrap_or_else(|| format!("http://{}:{port}", args.addr.ip()));
    let mail = app::mail::MailContext {
        site_url: site_url.into(),
        message_domain: args.mail.message_domain().into(),
        written: worker.waker(),
    };
    digests::spawn_scheduler(
        pool.clone(),
        mail.clone(),
        args.at_risk_days,
        args.mail.digest_hour,
    );
    let router = routes::router(pool.clone(), args, mail)?;
    Ok(Application {
        listener,
        router,
        pool,
        mail_note,
    })
}

/// `mandate-tracker serve`.
pub async fn serve(db: DatabaseArgs, args: ServeArgs) -> anyhow::Result<()> {
    let pool = database::connect(&db).await?;
    let app = build(pool, &args).await?;
    // `make run` and users look for this line.
    println!(
        "Mandate Tracker is serving on http://{}",
        args_addr(&app, &args)
    );
    println!("{}", app.mail_note);
    tracing::info!(port = app.port(), "listening");
    app.run_until_stopped().await
}

fn args_addr(app: &Application, args: &ServeArgs) -> String {
    format!("{}:{}", args.addr.ip(), app.port())
}

/// `mandate-tracker migrate`.
pub async fn migrate_only(db: DatabaseArgs) -> anyhow::Result<()> {
    let pool = database::connect(&db).await?;
    database::migrate(&pool).await?;
    println!("migrations applied");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Reads a JSON data file (`data/calendar.json`, `data/demo-progress.json`) for a command,
/// with one line saying which file is missing or not `what` it should be.
pub(crate) fn read_json_file<T: serde::de::DeserializeOwned>(
    file: &std::path::Path,
    what: &str,
) -> anyhow::Result<T> {
    use anyhow::Context;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not a valid {what}", file.display()))
}
