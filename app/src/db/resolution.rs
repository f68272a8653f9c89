//! The `resolution` table and its `paragraph`s: the front page's list, and an import's writes.

use crate::error::AppError;
use crate::extract::{Paragraph, Resolution};
use crate::model::ResolutionSummary;
use sqlx::PgPool;
use std::collections::HashMap;

/// The front page's list: one row per current resolution with its counts of operative
/// paragraphs, mandates and reporting mandates (retired ones left out).
pub async fn list_summaries(pool: &PgPool) -> Result<Vec<ResolutionSummary>, AppError> {
    Ok(sqlx::query_as!(
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
    .await?)
}

/// Retires a document's resolutions that a new extraction no longer has.
pub async fn retire_missing(
    conn: &mut sqlx::PgConnection,
    document_id: i64,
    labels: &[String],
) -> Result<(), AppError> {
    sqlx::query!(
        "update resolution set retired_at = now()
          where document_id = $1 and label <> all($2) and retired_at is null",
        document_id,
        labels
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Stores a resolution at `position` of its document, or updates (and revives) the one with its
/// label; returns its id.
pub async fn upsert(
    conn: &mut sqlx::PgConnection,
    document_id: i64,
    position: i32,
    resolution: &Resolution,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"
        insert into resolution (document_id, position, label, title, adopting_body)
        values ($1, $2, $3, $4, $5)
        on conflict on constraint resolution_document_label_key
        do update set position = excluded.position, title = excluded.title,
                      adopting_body = excluded.adopting_body, retired_at = null
        returning id
        "#,
        document_id,
        position,
        resolution.label,
        resolution.title,
        resolution.adopting_body
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// Rewrites the paragraphs of one resolution (they carry no history); returns the new ids by
/// operative number.
pub async fn replace_paragraphs(
    conn: &mut sqlx::PgConnection,
    resolution_id: i64,
    paragraphs: &[Paragraph],
) -> Result<HashMap<String, i64>, AppError> {
    sqlx::query!(
        "delete from paragraph where resolution_id = $1",
        resolution_id
    )
    .execute(&mut *conn)
    .await?;
    let count = paragraphs.len();
    let mut positions = Vec::with_capacity(count);
    let mut kinds = Vec::with_capacity(count);
    let mut numbers: Vec<Option<String>> = Vec::with_capacity(count);
    let mut texts = Vec::with_capacity(count);
    for (position, paragraph) in (0i32..).zip(paragraphs) {
        positions.push(position);
        kinds.push(paragraph.kind.as_str().to_string());
        numbers.push(paragraph.number.clone());
        texts.push(paragraph.text.clone());
    }
    // One statement for all paragraphs (unnest), not one round trip each.
    let rows = sqlx::query!(
        r#"
        insert into paragraph (resolution_id, position, kind, number, text)
        select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[])
        returning id, number
        "#,
        resolution_id,
        &positions,
        &kinds,
        &numbers as &[Option<String>],
        &texts
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| row.number.map(|n| (n, row.id)))
        .collect())
}

/// Resolution `id` with its paragraphs in order and, by each, its current mandates and the
/// first obligation of each; `None` when there is no such resolution.
pub async fn text(
    pool: &PgPool,
    id: i64,
) -> Result<Option<crate::model::text::ResolutionText>, AppError> {
    use crate::model::text::{MandateLink, ParagraphText, ResolutionText};
    let Some(head) = sqlx::query!(
        "select r.id, d.symbol, r.label, r.title, r.adopting_body
           from resolution r join document d on d.id = r.document_id where r.id = $1",
        id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let paragraphs = sqlx::query!(
        "select id, kind, number, text from paragraph where resolution_id = $1 order by position",
        id
    )
    .fetch_all(pool)
    .await?;
    let mandates = sqlx::query!(
        r#"
        select m.paragraph_id, m.addressee, m.quote, o.id as "obligation_id?",
               o.status as "status?"
          from mandate m
          left join obligation o on o.mandate_id = m.id and o.occurrence = 1
         where m.resolution_id = $1 and m.retired_at is null
         order by m.position
        "#,
        id
    )
    .fetch_all(pool)
    .await?;
    let mut texts = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        let mut links = Vec::new();
        for m in mandates
            .iter()
            .filter(|m| m.paragraph_id == Some(paragraph.id))
        {
            let status = match m.status.as_deref() {
                Some(text) => Some(super::stored(text, "obligation status")?),
                None => None,
            };
            links.push(MandateLink {
                addressee: m.addressee.clone(),
                quote: m.quote.clone(),
                obligation_id: m.obligation_id,
                status,
            });
        }
        texts.push(ParagraphText {
            operative: paragraph.kind == "operative",
            number: paragraph.number,
            text: paragraph.text,
            mandates: links,
        });
    }
    Ok(Some(ResolutionText {
        id: head.id,
        document_symbol: head.symbol,
        label: head.label,
        title: head.title,
        adopting_body: head.adopting_body,
        paragraphs: texts,
    }))
}
