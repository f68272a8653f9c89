//! The review queue's storage: a document's mandates with their paragraphs and history
//! (here), and the decisions that make a proposed mandate tracked or not ([`decide`]; see
//! [`crate::domain::review`]).

mod decide;
pub use decide::{
    Pending, can_absorb, has_merged, insert_split, lock_in_order, lock_proposed, proposed_in,
    record, record_adoption, set,
};

use crate::domain::review::{MandateFields, Review, action};
use crate::error::AppError;
use crate::model::review::{ReviewDocument, ReviewEntry, ReviewMandate, ReviewResolution};
use sqlx::PgPool;

/// Who decides: the account and the name the history shows.
#[derive(Debug, Clone, Copy)]
pub struct Reviewer<'a> {
    pub id: i64,
    pub name: &'a str,
}

/// Document `id` with its current resolutions and their mandates, in order; `None` when there
/// is no such document.
pub async fn document(pool: &PgPool, id: i64) -> Result<Option<ReviewDocument>, AppError> {
    let Some(head) = sqlx::query!(
        "select d.id, d.symbol, d.title, d.adopted_on, u.display_name as \"imported_by?\"
           from document d left join app_user u on u.id = d.imported_by
          where d.id = $1",
        id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let resolutions = sqlx::query!(
        "select id, label, title, adopted_symbol, adopted_on from resolution
          where document_id = $1 and retired_at is null order by position",
        id
    )
    .fetch_all(pool)
    .await?;
    let mut mandates = mandates(pool, id).await?;
    let mut out = Vec::with_capacity(resolutions.len());
    for r in resolutions {
        let (mine, rest): (Vec<_>, Vec<_>) =
            mandates.into_iter().partition(|(rid, _)| *rid == r.id);
        mandates = rest;
        out.push(ReviewResolution {
            id: r.id,
            label: r.label,
            title: r.title,
            adopted_symbol: r.adopted_symbol,
            adopted_on: r.adopted_on,
            mandates: mine.into_iter().map(|(_, m)| m).collect(),
        });
    }
    let proposed = out
        .iter()
        .flat_map(|r| &r.mandates)
        .filter(|m| m.review == Review::Proposed)
        .count();
    Ok(Some(ReviewDocument {
        id: head.id,
        symbol: head.symbol,
        title: head.title,
        adopted_on: head.adopted_on,
        imported_by: head.imported_by,
        proposed,
        resolutions: out,
        can_edit: false,
    }))
}

/// A mandate as the review reads it: for its page ([`mandates`]) and for a decision
/// ([`lock_proposed`]), both through [`select_mandates`].
struct MandateRow {
    id: i64,
    resolution_id: i64,
    paragraph_number: String,
    /// Its paragraph's text, or its own words when it has no paragraph.
    text: String,
    verb: String,
    quote: String,
    addressee: String,
    action: String,
    is_reporting: bool,
    target_body: Option<String>,
    target_session: Option<i32>,
    target_session_label: Option<String>,
    recurrence: Option<String>,
    review: String,
    merged_into: Option<i64>,
    obligation_id: Option<i64>,
    due: Option<String>,
    doubt: Option<String>,
    field_doubts: sqlx::types::Json<Vec<crate::extract::Doubt>>,
}

/// The one select list of [`MandateRow`], from `mandate m` and its paragraph `p`; `$rest` is the
/// rest of the query (joins, conditions, order, locks). A macro because sqlx checks a query
/// only when it is written out as string literals.
macro_rules! select_mandates {
    ($rest:literal, $($arg:expr),+ $(,)?) => {
        sqlx::query_as!(
            MandateRow,
            r#"select m.id, m.resolution_id, m.paragraph_number,
                      coalesce(p.text, m.quote) as "text!", m.verb, m.quote, m.addressee,
                      m.action, m.is_reporting, m.target_body, m.target_session,
                      m.target_session_label, m.recurrence, m.review, m.merged_into,
                      (select o.id from obligation o
                        where o.mandate_id = m.id and o.occurrence = 1) as "obligation_id?",
                      m.due, m.doubt,
                      m.field_doubts as "field_doubts: sqlx::types::Json<Vec<crate::extract::Doubt>>"
                 from mandate m left join paragraph p on p.id = m.paragraph_id "#
                + $rest,
            $($arg),+
        )
    };
}
use select_mandates;

impl MandateRow {
    /// Its fields, as its row stores them.
    fn fields(&self) -> Result<MandateFields, AppError> {
        Ok(MandateFields {
            addressee: self.addressee.clone(),
            action: action(&self.action).ok_or(AppError::Internal)?,
            is_reporting: self.is_reporting,
            target_body: self.target_body.clone(),
            target_session: self.target_session,
            recurrence: self
                .recurrence
                .as_deref()
                .map(|text| super::stored(text, "recurrence"))
                .transpose()?,
        })
    }
}

/// The current mandates of document `id`, each with its resolution's id and its history.
async fn mandates(pool: &PgPool, id: i64) -> Result<Vec<(i64, ReviewMandate)>, AppError> {
    let rows = select_mandates!(
        "join resolution r on r.id = m.resolution_id
          where r.document_id = $1 and m.retired_at is null and r.retired_at is null
          order by r.position, m.position, m.id",
        id
    )
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut history = history(pool, &ids).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let fields = row.fields()?;
        out.push((
            row.resolution_id,
            ReviewMandate {
                id: row.id,
                paragraph: row.paragraph_number,
                paragraph_text: row.text,
                verb: row.verb,
                quote: row.quote,
                fields,
                review: super::stored(&row.review, "review state")?,
                merged_into: row.merged_into,
                obligation_id: row.obligation_id,
                due: row
                    .due
                    .as_deref()
                    .map(|d| super::stored(d, "mandate deadline"))
                    .transpose()?,
                doubt: row.doubt,
                field_doubts: row.field_doubts.0,
                history: history.remove(&row.id).unwrap_or_default(),
            },
        ));
    }
    Ok(out)
}

async fn history(
    pool: &PgPool,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<ReviewEntry>>, AppError> {
    let rows = sqlx::query!(
        r#"select mandate_id, decision, actor, at,
                  changes as "changes: sqlx::types::Json<Vec<(String, String, String)>>",
                  other_mandate_id
             from mandate_review where mandate_id = any($1) order by at, id"#,
        ids
    )
    .fetch_all(pool)
    .await?;
    let mut out: std::collections::HashMap<i64, Vec<ReviewEntry>> = Default::default();
    for row in rows {
        out.entry(row.mandate_id).or_default().push(ReviewEntry {
            decision: super::stored(&row.decision, "review decision")?,
            actor: row.actor,
            at: row.at,
            changes: row.changes.0,
            other_mandate_id: row.other_mandate_id,
        });
    }
    Ok(out)
}

/// The documents with mandates still to review: those with the most mandates the extractor
/// doubts first, then the newest import.
pub async fn awaiting(
    pool: &PgPool,
) -> Result<Vec<crate::model::review::DocumentInReview>, AppError> {
    Ok(sqlx::query_as!(
        crate::model::review::DocumentInReview,
        r#"select d.id, d.symbol, d.title, count(*) as "proposed!",
                  count(m.doubt) as "doubtful!", d.imported_at
             from document d
             join resolution r on r.document_id = d.id and r.retired_at is null
             join mandate m on m.resolution_id = r.id and m.retired_at is null
            where m.review = 'proposed'
            group by d.id
            -- What the extractor doubts most is looked at first.
            order by count(m.doubt) desc, d.imported_at desc
            limit 200"#
    )
    .fetch_all(pool)
    .await?)
}

/// Every numbered session under each of its body's names, for dating reports in a preview.
pub async fn known_sessions(
    pool: &PgPool,
) -> Result<Vec<crate::domain::preview::KnownSession>, AppError> {
    let rows = sqlx::query!(
        r#"select n.name as "name!", s.number, s.opens_on,
                  b.submission_lead_weeks, b.issuance_lead_weeks
             from session s
             join body b on b.id = s.body_id
             join (select id as body_id, name from body
                   union all select body_id, alias from body_alias) n on n.body_id = b.id
            order by n.name, s.number"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(crate::domain::preview::KnownSession {
                body: row.name,
                number: row.number,
                opens_on: row.opens_on,
                lead: crate::domain::calendar::LeadTimes {
                    submission_weeks: u32::try_from(row.submission_lead_weeks).ok()?,
                    issuance_weeks: u32::try_from(row.issuance_lead_weeks).ok()?,
                },
            })
        })
        .collect())
}
