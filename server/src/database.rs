//! Connecting to PostgreSQL and keeping its schema current.

use crate::settings::DatabaseArgs;
use anyhow::Context;
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::time::Duration;

/// The project's migrations, embedded in the binary; the one place that names the folder.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// Opens a pool, failing with one clear line when the database cannot be reached.
pub async fn connect(args: &DatabaseArgs) -> anyhow::Result<PgPool> {
    let url = args
        .url
        .as_deref()
        .context("no database configured: set DATABASE_URL or pass --database-url (`make run` starts a local one)")?;
    let options: PgConnectOptions = url
        .parse()
        .context("DATABASE_URL is not a PostgreSQL URL")?;
    // Plan every execution for its own parameters. The finder's query has optional filters
    // (`$1 is null or ...`); after five runs PostgreSQL would otherwise switch a prepared
    // statement to a generic plan that cannot use an index for any of them: 30 ms became
    // 1.1 s on 100,000 obligations (docs/benchmarks.md, the scale benchmark).
    //
    // No parallel workers: under many concurrent requests, starting workers for a query costs
    // more than it saves (the filtered finder page: 70 ms of SQL with a worker, 29 without).
    // No JIT: a filter whose rows PostgreSQL overestimates spent 350 ms compiling a plan that
    // ran in 15.
    let options = options.options([
        ("plan_cache_mode", "force_custom_plan"),
        ("max_parallel_workers_per_gather", "0"),
        ("jit", "off"),
    ]);
    PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(args.connect_timeout))
        .connect_with(options)
        .await
        .context("cannot connect to the database")
}

/// Applies pending migrations (idempotent).
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    MIGRATOR
        .run(pool)
        .await
        .context("cannot apply database migrations")
}

/// Whether every migration this binary knows has been applied successfully.
pub async fn migrations_applied(pool: &PgPool) -> Result<bool, app::error::AppError> {
    let applied = app::db::migrations::applied_versions(pool).await?;
    Ok(MIGRATOR
        .iter()
        .filter(|m| m.migration_type.is_up_migration())
        .all(|m| applied.contains(&m.version)))
}
