//! sqlx's own bookkeeping table, `_sqlx_migrations` (not ours, so not checked at compile time).

use crate::error::AppError;

/// The versions of the migrations applied successfully, in order.
pub async fn applied_versions(pool: &sqlx::PgPool) -> Result<Vec<i64>, AppError> {
    Ok(
        sqlx::query_scalar("select version from _sqlx_migrations where success order by version")
            .fetch_all(pool)
            .await?,
    )
}
