//! Resolutions and their paragraphs.

use crate::model::ResolutionSummary;
use sqlx::PgPool;

/// The front page's list: one row per current resolution with its counts of operative
/// paragraphs, mandates and reporting mandates (retired ones left out).
pub async fn list_summaries(pool: &PgPool) -> Result<Vec<ResolutionSummary>, sqlx::Error> {
    sqlx::query_as!(
        ResolutionSummary,
        r#"
        select r.id, d.symbol as document_symbol, r.label, r.title, r.adopting_body,
               (select count(*) from paragraph p
                 where p.resolution_id = r.id and p.kind = 'operative') as "operative_paragraphs!",
               (select count(*) from mandate m
                 where m.resolution_id = r.id and m.retired_at is null) as "mandates!",
               (select count(*) from mandate m
                 where m.resolution_id = r.id and m.retired_at is null and m.is_reporting)
                 as "reporting_mandates!"
          from resolution r
          join document d on d.id = r.document_id
         where r.retired_at is null
         order by d.symbol, r.position
        "#
    )
    .fetch_all(pool)
    .await
}
