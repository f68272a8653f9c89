//! Resolutions and their paragraphs.

use crate::model::ResolutionSummary;
use sqlx::PgPool;

/// The front page's list: one row per resolution with its count of operative paragraphs.
pub async fn list_summaries(pool: &PgPool) -> Result<Vec<ResolutionSummary>, sqlx::Error> {
    sqlx::query_as!(
        ResolutionSummary,
        r#"
        select r.id, d.symbol as document_symbol, r.label, r.title, r.adopting_body,
               (select count(*) from paragraph p
                 where p.resolution_id = r.id and p.kind = 'operative') as "operative_paragraphs!"
          from resolution r
          join document d on d.id = r.document_id
         order by d.symbol, r.position
        "#
    )
    .fetch_all(pool)
    .await
}
