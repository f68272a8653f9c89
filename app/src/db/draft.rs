//! Import drafts: a text being brought in, kept for its author until it is imported. Drafts
//! untouched for a month are deleted when a new one is made.

use crate::error::AppError;
use crate::model::review::{Draft, DraftSummary};
use sqlx::PgPool;

/// A new draft's content.
#[derive(Debug, Clone, Copy)]
pub struct NewDraft<'a> {
    pub symbol: &'a str,
    pub adopted_on: Option<chrono::NaiveDate>,
    pub source_name: &'a str,
    pub source_format: &'a str,
    pub text: &'a str,
}

/// Stores a draft of user `user_id`; its id.
pub async fn create(pool: &PgPool, user_id: i64, draft: &NewDraft<'_>) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    sqlx::query!("delete from import_draft where updated_at < now() - interval '30 days'")
        .execute(&mut *tx)
        .await?;
    let id = sqlx::query_scalar!(
        "insert into import_draft (created_by, symbol, adopted_on, source_name, source_format,
                                   text)
         values ($1, $2, $3, $4, $5, $6) returning id",
        user_id,
        draft.symbol,
        draft.adopted_on,
        draft.source_name,
        draft.source_format,
        draft.text
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Draft `id` of user `user_id` (another's draft is not found).
pub async fn get(pool: &PgPool, user_id: i64, id: i64) -> Result<Option<Draft>, AppError> {
    Ok(sqlx::query_as!(
        Draft,
        "select id, symbol, adopted_on, source_name, source_format, text, updated_at
           from import_draft where id = $1 and created_by = $2",
        id,
        user_id
    )
    .fetch_optional(pool)
    .await?)
}

/// Saves an edit of draft `id` of user `user_id`; false when there is no such draft.
pub async fn update(
    pool: &PgPool,
    user_id: i64,
    id: i64,
    symbol: &str,
    adopted_on: Option<chrono::NaiveDate>,
    text: &str,
) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "update import_draft set symbol = $3, adopted_on = $4, text = $5, updated_at = now()
          where id = $1 and created_by = $2",
        id,
        user_id,
        symbol,
        adopted_on,
        text
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes draft `id` of user `user_id` (once imported, or given up).
pub async fn delete(pool: &PgPool, user_id: i64, id: i64) -> Result<(), AppError> {
    sqlx::query!(
        "delete from import_draft where id = $1 and created_by = $2",
        id,
        user_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// User `user_id`'s drafts, last edited first.
pub async fn mine(pool: &PgPool, user_id: i64) -> Result<Vec<DraftSummary>, AppError> {
    Ok(sqlx::query_as!(
        DraftSummary,
        "select id, symbol, source_name, updated_at from import_draft
          where created_by = $1 order by updated_at desc limit 100",
        user_id
    )
    .fetch_all(pool)
    .await?)
}

/// The document stored under `symbol`, if any, with its current resolutions and tracked
/// mandates (what importing a draft of that symbol would replace).
pub async fn stored_under(
    pool: &PgPool,
    symbol: &str,
) -> Result<Option<crate::model::review::StoredUnder>, AppError> {
    Ok(sqlx::query_as!(
        crate::model::review::StoredUnder,
        r#"select d.id, d.title,
                  (select count(*) from resolution r
                    where r.document_id = d.id and r.retired_at is null) as "resolutions!",
                  (select count(*) from mandate m join resolution r on r.id = m.resolution_id
                    where r.document_id = d.id and m.retired_at is null
                      and tracked(m.review)) as "tracked!"
             from document d where d.symbol = $1"#,
        symbol.trim()
    )
    .fetch_optional(pool)
    .await?)
}
