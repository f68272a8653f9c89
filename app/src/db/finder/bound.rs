//! The finder's parameters that are worked out before its statement runs: the deadline range
//! and statuses of an urgency, the search as a `tsquery`, the page, and the body's sessions.

use crate::domain::LeadTimes;
use crate::domain::finder::{DeadlineRange, search_terms};
use crate::error::AppError;
use crate::model::finder::{ObligationFilter, PAGE_SIZE};
use chrono::NaiveDate;

/// The statement's parameters that are worked out from the filter before it runs.
pub(super) struct Bound {
    pub(super) range: Option<DeadlineRange>,
    pub(super) statuses: Option<Vec<String>>,
    /// The search as a `tsquery`'s text (see [`search_query`]).
    pub(super) query: Option<String>,
    pub(super) page_size: i64,
    pub(super) offset: i64,
    pub(super) default_submission_weeks: i32,
    /// The asked-for body's id (`None`: no such body) and its sessions' ids.
    pub(super) body_id: Option<i64>,
    pub(super) body_sessions: Vec<i64>,
}

impl Bound {
    pub(super) async fn new(
        pool: &sqlx::PgPool,
        filter: &ObligationFilter,
        today: NaiveDate,
        window_days: i64,
        limit: Option<i64>,
    ) -> Result<Self, AppError> {
        let range = filter.urgency.map(|u| u.deadline_range(today, window_days));
        let statuses = range
            .as_ref()
            .map(|r| r.statuses.iter().map(|s| s.as_str().to_owned()).collect());
        let terms = filter.q.as_deref().map(search_terms).unwrap_or_default();
        let (body_id, body_sessions) = match &filter.body {
            Some(code) => body_scope(pool, code).await?,
            None => (None, Vec::new()),
        };
        Ok(Bound {
            body_id,
            body_sessions,
            range,
            statuses,
            query: search_query(pool, &terms).await?,
            page_size: limit.unwrap_or(i64::MAX),
            // Downloads take every row: the page only counts for the finder's pages.
            offset: match limit {
                Some(_) => (filter.page - 1).saturating_mul(PAGE_SIZE),
                None => 0,
            },
            default_submission_weeks: i32::try_from(LeadTimes::default().submission_weeks)
                .unwrap_or(10),
        })
    }
}

/// The id of the body whose acronym is `code` (any case; `None` when there is none) and the
/// ids of its sessions, looked up before the finder's query so that its plan can scan the
/// obligations' indexes for them.
async fn body_scope(pool: &sqlx::PgPool, code: &str) -> Result<(Option<i64>, Vec<i64>), AppError> {
    let row = sqlx::query!(
        r#"select b.id, array_remove(array_agg(s.id), null) as "sessions!"
             from body b
             left join session s on s.body_id = b.id
            where lower(b.code) = lower($1)
            group by b.id"#,
        code
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map_or((None, Vec::new()), |row| (Some(row.id), row.sessions)))
}

/// The search `terms` as one query that needs every term (`None` without terms, or when every
/// term is a stop word, which then filters nothing). Built apart from the finder's query so
/// that query gets it as a value its plan can use the search index for.
async fn search_query(pool: &sqlx::PgPool, terms: &[String]) -> Result<Option<String>, AppError> {
    if terms.is_empty() {
        return Ok(None);
    }
    Ok(sqlx::query_scalar!(
        r#"select tsquery_and_all(query)::text
             from (select websearch_to_tsquery('english', t) as query
                     from unnest($1::text[]) t) words
            where numnode(query) > 0"#,
        terms
    )
    .fetch_one(pool)
    .await?)
}
