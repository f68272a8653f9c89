//! The `mandate` table: what each operative paragraph asks of whom, as the extractor found it.

use crate::domain::Status;
use crate::domain::review::Review;
use crate::error::AppError;
use crate::extract::Mandate;

/// Where an extracted mandate is stored: its resolution, paragraph and place, and its identity
/// across re-imports ([`crate::domain::mandate::mandate_keys`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MandateRow<'a> {
    pub resolution_id: i64,
    pub paragraph_id: Option<i64>,
    pub key: &'a str,
    pub position: i32,
    /// The target session's number, when it is a usable one.
    pub session_number: Option<i32>,
}

/// Retires the mandates of a resolution whose keys a new extraction no longer has.
pub async fn retire_missing(
    conn: &mut sqlx::PgConnection,
    resolution_id: i64,
    keys: &[String],
) -> Result<(), AppError> {
    sqlx::query!(
        "update mandate set retired_at = now()
          where resolution_id = $1 and key <> all($2) and retired_at is null
            and key not like 'split:%'",
        resolution_id,
        keys
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Stores a mandate (in review state `review`), or updates (and revives) the one with its key;
/// returns its id and review state. Its addressee, target and kind are its identity and stay;
/// the wording may change, except where an editor corrected it, and a decision stays made.
pub async fn upsert(
    conn: &mut sqlx::PgConnection,
    row: &MandateRow<'_>,
    mandate: &Mandate,
    review: Review,
) -> Result<(i64, Review), AppError> {
    let stored = sqlx::query!(
        r#"
        insert into mandate (resolution_id, paragraph_id, key, position, paragraph_number,
                             verb, addressee, action, is_reporting, target_body,
                             target_session, target_session_label, via_body, recurrence, quote,
                             review, due, doubt, field_doubts, every)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, $20)
        on conflict on constraint mandate_resolution_key_key
        do update set paragraph_id = excluded.paragraph_id, position = excluded.position,
                      verb = excluded.verb,
                      action = case when mandate.review = 'corrected' then mandate.action
                                    else excluded.action end,
                      target_session_label = case when mandate.review = 'corrected'
                                                  then mandate.target_session_label
                                                  else excluded.target_session_label end,
                      recurrence = case when mandate.review = 'corrected' then mandate.recurrence
                                        else excluded.recurrence end,
                      quote = case when mandate.review = 'corrected' then mandate.quote
                                   else excluded.quote end,
                      due = case when mandate.review = 'corrected' then mandate.due
                                 else excluded.due end,
                      every = case when mandate.review = 'corrected' then mandate.every
                                   else excluded.every end,
                      doubt = excluded.doubt, field_doubts = excluded.field_doubts,
                      retired_at = null
        returning id, review
        "#,
        row.resolution_id,
        row.paragraph_id,
        row.key,
        row.position,
        mandate.paragraph,
        mandate.verb,
        mandate.addressee,
        mandate.action.as_str(),
        mandate.is_reporting,
        mandate.target_body,
        row.session_number,
        mandate.target_session_label,
        mandate.via_body,
        mandate.recurrence.map(|r| r.as_str()),
        mandate.quote,
        review.as_str(),
        crate::domain::Due::of_extracted(&mandate.due).map(|d| d.to_string()),
        doubt(mandate),
        sqlx::types::Json(field_doubts(mandate)) as _,
        crate::domain::Due::every_of_extracted(&mandate.due).map(|d| d.to_string())
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok((stored.id, super::stored(&stored.review, "review state")?))
}

/// Makes the mandates split off others in resolution `resolution_id` follow their source after
/// an import: current while it is (retired with it, revived with it), in its paragraph (the
/// paragraphs were rewritten) and at its place.
pub async fn follow_split_sources(
    conn: &mut sqlx::PgConnection,
    resolution_id: i64,
) -> Result<(), AppError> {
    sqlx::query!(
        "update mandate s
            set retired_at = case when src.retired_at is null then null
                                  else coalesce(s.retired_at, now()) end,
                paragraph_id = src.paragraph_id, position = src.position
           from mandate src
          where s.resolution_id = $1 and s.key like 'split:%'
            and src.id = split_part(s.key, ':', 2)::bigint",
        resolution_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Retires the mandates of a document's retired resolutions (they come back with them, through
/// [`upsert`]).
pub async fn retire_with_resolutions(
    conn: &mut sqlx::PgConnection,
    document_id: i64,
) -> Result<(), AppError> {
    sqlx::query!(
        "update mandate set retired_at = now()
          where retired_at is null
            and resolution_id in (select id from resolution
                                   where document_id = $1 and retired_at is not null)",
        document_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A report obligation of one paragraph, for scripted progress (`demo progress`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphReport {
    pub id: i64,
    /// The mandate's place in its resolution (one paragraph may hold several mandates).
    pub position: i32,
    /// 1 for the report first asked for, 2 for a recurring report's next occurrence, ...
    pub occurrence: i32,
    pub status: Status,
    pub version: i32,
}

struct ParagraphReportRow {
    id: i64,
    position: i32,
    occurrence: i32,
    status: String,
    version: i32,
}

impl TryFrom<ParagraphReportRow> for ParagraphReport {
    type Error = AppError;

    fn try_from(row: ParagraphReportRow) -> Result<Self, AppError> {
        Ok(ParagraphReport {
            id: row.id,
            position: row.position,
            occurrence: row.occurrence,
            status: super::stored(&row.status, "obligation status")?,
            version: row.version,
        })
    }
}

/// The report obligations asked for in paragraph `paragraph` of resolution `label` of
/// document `symbol` (current mandates only), in the paragraph's order, each mandate's
/// occurrences in turn.
pub async fn reports_at(
    pool: &sqlx::PgPool,
    symbol: &str,
    label: &str,
    paragraph: &str,
) -> Result<Vec<ParagraphReport>, AppError> {
    sqlx::query_as!(
        ParagraphReportRow,
        "select o.id, m.position, o.occurrence, o.status, o.version
           from obligation o
           join mandate m on m.id = o.mandate_id
           join resolution r on r.id = m.resolution_id
           join document d on d.id = r.document_id
          where d.symbol = $1 and r.label = $2 and m.paragraph_number = $3
            and o.kind = 'report' and m.retired_at is null
          order by m.position, o.occurrence",
        symbol,
        label,
        paragraph
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(ParagraphReport::try_from)
    .collect()
}

/// A mandate's deadline written as a date or a span (see [`crate::domain::Due`]), and the day
/// its text was adopted (the resolution's own date, else its document's), which a span counts
/// from.
pub async fn due_and_adoption(
    conn: &mut sqlx::PgConnection,
    id: i64,
) -> Result<(Option<crate::domain::Due>, Option<chrono::NaiveDate>), AppError> {
    let row = sqlx::query!(
        r#"select m.due, coalesce(r.adopted_on, d.adopted_on) as adopted_on
             from mandate m
             join resolution r on r.id = m.resolution_id
             join document d on d.id = r.document_id
            where m.id = $1"#,
        id
    )
    .fetch_one(&mut *conn)
    .await?;
    let due = row
        .due
        .as_deref()
        .map(|d| super::stored(d, "mandate deadline"))
        .transpose()?;
    Ok((due, row.adopted_on))
}

/// The fields of `mandate` the extractor is unsure of, as stored (each reason at most 500
/// characters; the migration caps the whole at 4,000).
fn field_doubts(mandate: &Mandate) -> Vec<crate::extract::Doubt> {
    mandate
        .doubts
        .iter()
        .take(7)
        .map(|d| crate::extract::Doubt {
            field: d.field,
            reason: d.reason.trim().chars().take(500).collect(),
        })
        .collect()
}

/// Why the extractor is unsure of `mandate`, as stored (at most 500 characters).
fn doubt(mandate: &Mandate) -> Option<String> {
    match &mandate.confidence {
        crate::extract::Confidence::High => None,
        crate::extract::Confidence::Low(reason) => {
            let reason: String = reason.trim().chars().take(500).collect();
            (!reason.is_empty()).then_some(reason)
        }
    }
}
