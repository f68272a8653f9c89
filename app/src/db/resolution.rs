//! The `resolution` table and its `paragraph`s: the front page's list, and an import's writes.

use crate::error::AppError;
use crate::extract::{Paragraph, Resolution};
use crate::model::{RESOLUTIONS_PER_PAGE, ResolutionPage, ResolutionSummary};
use sqlx::PgPool;

/// One page of the front page's list: the current resolutions whose label, title, adopting body
/// or document symbol hold every one of `words` (lower case), in document order, each with its
/// counts of operative paragraphs, mandates and reporting mandates (retired ones left out),
/// counted for the page's rows only.
pub async fn page_of_summaries(
    pool: &PgPool,
    words: &[String],
    page: i64,
) -> Result<ResolutionPage, AppError> {
    let offset = (page - 1).saturating_mul(RESOLUTIONS_PER_PAGE);
    let rows = sqlx::query!(
        r#"
        with matching as (
            select r.id, d.symbol, resolution_name(r.label, r.adopted_symbol) as label, r.title,
                   r.adopting_body, r.position
              from resolution r
              join document d on d.id = r.document_id
             where r.retired_at is null
               and not exists (
                   select 1 from unnest($1::text[]) word
                    where strpos(lower(r.label || ' ' || r.title || ' '
                                       || coalesce(r.adopting_body, '') || ' ' || d.symbol
                                       || ' ' || coalesce(r.adopted_symbol, '')),
                                 word) = 0)
        ), page as (
            select matching.*, count(*) over () as matching
              from matching
             order by symbol, position
             limit $2 offset $3
        )
        select p.id, p.symbol as document_symbol, p.label as "label!", p.title, p.adopting_body,
               (select count(*) from paragraph x
                 where x.resolution_id = p.id and x.kind = 'operative') as "operative_paragraphs!",
               (select count(*) from mandate m
                 where m.resolution_id = p.id and m.retired_at is null
                   and tracked(m.review)) as "mandates!",
               (select count(*) from mandate m
                 where m.resolution_id = p.id and m.retired_at is null and m.is_reporting
                   and tracked(m.review))
                 as "reporting_mandates!",
               p.matching as "matching!"
          from page p
         order by p.symbol, p.position
        "#,
        words,
        RESOLUTIONS_PER_PAGE,
        offset
    )
    .fetch_all(pool)
    .await?;
    if rows.is_empty() && page > 1 {
        return Err(AppError::NotFound(format!(
            "There is no page {page} of this list."
        )));
    }
    let total = sqlx::query_scalar!(
        r#"select count(*) as "total!" from resolution where retired_at is null"#
    )
    .fetch_one(pool)
    .await?;
    Ok(ResolutionPage {
        matching: rows.first().map_or(0, |row| row.matching),
        rows: rows
            .into_iter()
            .map(|row| ResolutionSummary {
                id: row.id,
                document_symbol: row.document_symbol,
                label: row.label,
                title: row.title,
                adopting_body: row.adopting_body,
                operative_paragraphs: row.operative_paragraphs,
                mandates: row.mandates,
                reporting_mandates: row.reporting_mandates,
            })
            .collect(),
        total,
        page,
    })
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

/// Rewrites the paragraphs of one resolution (they carry no history); returns the new ids in
/// the paragraphs' order.
pub async fn replace_paragraphs(
    conn: &mut sqlx::PgConnection,
    resolution_id: i64,
    paragraphs: &[Paragraph],
) -> Result<Vec<i64>, AppError> {
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
        returning id, position
        "#,
        resolution_id,
        &positions,
        &kinds,
        &numbers as &[Option<String>],
        &texts
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut rows: Vec<(i32, i64)> = rows.into_iter().map(|row| (row.position, row.id)).collect();
    rows.sort_unstable();
    Ok(rows.into_iter().map(|(_, id)| id).collect())
}

/// Resolution `id` with its paragraphs in order and, by each, its current mandates and the
/// first obligation of each; `None` when there is no such resolution.
pub async fn text(
    pool: &PgPool,
    id: i64,
) -> Result<Option<crate::model::text::ResolutionText>, AppError> {
    use crate::model::text::{MandateLink, ParagraphText, ResolutionText};
    let Some(head) = sqlx::query!(
        r#"select r.id, d.symbol, resolution_name(r.label, r.adopted_symbol) as "label!",
                  r.title, r.adopting_body
             from resolution r join document d on d.id = r.document_id where r.id = $1"#,
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
           and tracked(m.review)
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

/// The ids of the current resolutions of the document with symbol `symbol`, in its order.
pub async fn ids_of_document(pool: &PgPool, symbol: &str) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        "select r.id from resolution r join document d on d.id = r.document_id
          where d.symbol = $1 and r.retired_at is null order by r.position",
        symbol
    )
    .fetch_all(pool)
    .await?)
}
