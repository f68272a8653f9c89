//! The finder's one query: obligations by body, session, addressee, status, urgency, kind,
//! adopting body, resolution, year and words, sorted and a page at a time, with the total.

use super::schedule::ScheduleRow;
use crate::domain::urgency;
use crate::error::AppError;
use crate::model::ObligationSchedule;
use crate::model::finder::{FinderPage, FoundObligation, ObligationFilter};
use chrono::NaiveDate;
use futures_util::{Stream, StreamExt};
use marks::marked_pieces;

mod bound;
mod marks;

use bound::Bound;

/// One row of the finder's statement: an obligation with its schedule, the words that matched
/// marked in its quote, and how many rows the filter keeps in all.
struct FinderRow {
    id: i64,
    kind: String,
    status: String,
    document_symbol: Option<String>,
    resolution_id: i64,
    resolution_label: String,
    paragraph_number: String,
    addressee: String,
    body: Option<String>,
    body_code: Option<String>,
    number: Option<i32>,
    session_label: Option<String>,
    opens_on: Option<NaiveDate>,
    closes_on: Option<NaiveDate>,
    submission_lead_weeks: Option<i32>,
    issuance_lead_weeks: Option<i32>,
    due_on: Option<NaiveDate>,
    due: Option<String>,
    every: Option<String>,
    marked_quote: String,
    total: i64,
}

impl FinderRow {
    /// The obligation, judged on `today` with an at-risk window of `window_days`.
    fn found(self, today: NaiveDate, window_days: i64) -> Result<FoundObligation, AppError> {
        let schedule = ObligationSchedule::try_from(ScheduleRow {
            id: self.id,
            kind: self.kind,
            status: self.status,
            resolution_label: self.resolution_label,
            paragraph_number: self.paragraph_number,
            addressee: self.addressee,
            body: self.body,
            number: self.number,
            label: self.session_label,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            submission_lead_weeks: self.submission_lead_weeks,
            issuance_lead_weeks: self.issuance_lead_weeks,
            due_on: self.due_on,
            due: self.due,
            every: self.every,
        })?;
        Ok(FoundObligation {
            urgency: urgency(
                schedule.status,
                schedule.deadlines.as_ref(),
                today,
                window_days,
            ),
            schedule,
            body_code: self.body_code,
            document_symbol: self.document_symbol,
            resolution_id: self.resolution_id,
            quote: marked_pieces(&self.marked_quote),
        })
    }
}

/// The finder's statement for `$filter` with its [`Bound`] parameters `$bound`.
macro_rules! finder_rows {
    ($filter:expr, $bound:expr) => {{
        let (filter, bound): (&ObligationFilter, &Bound) = ($filter, $bound);
        sqlx::query_as!(
            FinderRow,
            r#"
            -- Rows are kept and counted on obligation, session and body alone; what needs the
            -- mandate or the resolution is a sub-select, which a plan for this call's values
            -- (`$n is null` is known) drops when its filter is not asked for. Only the page's
            -- rows are then joined to their mandate, resolution and document.
            with keyed as (
                select o.id, o.mandate_id, coalesce(b.name, o.target_body) as body, s.number,
                       -- An obligation due on a day (a date deadline) has that day instead.
                       coalesce(o.due_on,
                                s.opens_on - 7 * coalesce(b.submission_lead_weeks, $17::int))
                           as submit_by,
                       case when $14 = 'source' then
                           (select d.symbol from mandate m
                              join resolution r on r.id = m.resolution_id
                              join document d on d.id = r.document_id
                             where m.id = o.mandate_id) end as document,
                       case when $14 = 'source' then
                           (select r.position from mandate m
                              join resolution r on r.id = m.resolution_id
                             where m.id = o.mandate_id) end as resolution_position,
                       case when $14 = 'source' then
                           (select m.position from mandate m where m.id = o.mandate_id)
                       end as mandate_position
                  from obligation o
                  left join session s on s.id = o.session_id
                  left join body b on b.id = s.body_id
                 -- The body's obligations: those due at one of its sessions, and those due
                 -- at none that name it (two index scans; see `obligation.body_id`).
                 where ($1::text is null or o.session_id = any($18::bigint[])
                        or (o.session_id is null and o.body_id = $19))
                   and ($2::int is null or s.number = $2)
                   and ($3::text is null or o.mandate_id in
                        (select m.id from mandate m
                          where strpos(lower(m.addressee), lower($3)) > 0))
                   and ($4::text is null or o.status = $4)
                   and ($5::text is null or o.kind = $5)
                   and ($6::text is null or o.mandate_id in
                        (select m.id from mandate m join resolution r on r.id = m.resolution_id
                          where strpos(lower(coalesce(r.adopting_body, '')), lower($6)) > 0))
                   and ($7::bigint is null or o.mandate_id in
                        (select m.id from mandate m where m.resolution_id = $7))
                   and ($8::int is null or extract(year from coalesce(o.due_on, s.opens_on)) = $8)
                   and ($9::text[] is null or o.status = any($9))
                   -- The stored vector of quote, paragraph, title, addressee and body, indexed.
                   and ($13::text is null or o.mandate_id in
                        (select m.id from mandate m where m.search @@ $13::text::tsquery))
            ), page as (
                select keyed.*, count(*) over () as total
                  from keyed
                 where ($10::date is null or submit_by >= $10)
                   and ($11::date is null or submit_by <= $11)
                   and (not $12::bool or submit_by is not null)
                 -- Ties (one session's rows, by deadline or session) in the order the
                 -- mandates were first imported: a text's order, texts in import order.
                 order by case when $14 = 'deadline' then submit_by end nulls last,
                          case when $14 = 'session' then body end nulls last,
                          case when $14 = 'session' then number end nulls last,
                          document, resolution_position, mandate_position, mandate_id, id
                 limit $15 offset $16
            )
            select o.id, o.kind, o.status, o.document_symbol, r.id as "resolution_id!",
                   resolution_name(r.label, r.adopted_symbol) as "resolution_label!", m.paragraph_number, m.addressee,
                   page.body, coalesce(b.code, ob.code) as "body_code?", page.number as "number?",
                   s.label as "session_label?", s.opens_on as "opens_on?",
                   s.closes_on as "closes_on?", b.submission_lead_weeks as "submission_lead_weeks?",
                   b.issuance_lead_weeks as "issuance_lead_weeks?", o.due_on, m.due, m.every,
                   -- Marked after the page is cut, so only the rows shown are highlighted.
                   case when $13::text is null then m.quote
                        else ts_headline('english', m.quote, $13::text::tsquery,
                                         'HighlightAll=true, StartSel=' || chr(57344)
                                         || ', StopSel=' || chr(57345))
                   end as "marked_quote!",
                   page.total as "total!"
              from page
              join obligation o on o.id = page.id
              join mandate m on m.id = o.mandate_id
              join resolution r on r.id = m.resolution_id
              left join session s on s.id = o.session_id
              left join body b on b.id = s.body_id
              left join body ob on ob.id = o.body_id
             order by case when $14 = 'deadline' then page.submit_by end nulls last,
                      case when $14 = 'session' then page.body end nulls last,
                      case when $14 = 'session' then page.number end nulls last,
                      page.document, page.resolution_position, page.mandate_position,
                      page.mandate_id, page.id
            "#,
            filter.body,
            filter.session,
            filter.addressee,
            filter.status.map(|s| s.as_str()),
            filter.kind.map(|k| k.as_str()),
            filter.adopted_by,
            filter.resolution,
            filter.year,
            bound.statuses.as_deref(),
            bound.range.as_ref().and_then(|r| r.from),
            bound.range.as_ref().and_then(|r| r.to),
            bound.range.as_ref().is_some_and(|r| r.needs_deadline),
            bound.query,
            filter.sort.as_str(),
            bound.page_size,
            bound.offset,
            bound.default_submission_weeks,
            &bound.body_sessions,
            bound.body_id
        )
    }};
}

/// One page of the obligations that `filter` keeps, judged on `today`; `limit` rows per page
/// (`None`: every row).
pub async fn find(
    pool: &sqlx::PgPool,
    filter: &ObligationFilter,
    today: NaiveDate,
    window_days: i64,
    limit: Option<i64>,
) -> Result<FinderPage, AppError> {
    let bound = Bound::new(pool, filter, today, window_days, limit).await?;
    let rows = finder_rows!(filter, &bound).fetch_all(pool).await?;
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows
        .into_iter()
        .map(|row| row.found(today, window_days))
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(FinderPage {
        rows,
        total,
        page: filter.page,
        today,
    })
}

/// Every obligation that `filter` keeps, in its order, one at a time as the database sends
/// them: for downloads, which then never hold the whole answer.
pub async fn each<'a>(
    pool: &'a sqlx::PgPool,
    filter: &ObligationFilter,
    today: NaiveDate,
    window_days: i64,
) -> Result<impl Stream<Item = Result<FoundObligation, AppError>> + 'a, AppError> {
    let bound = Bound::new(pool, filter, today, window_days, None).await?;
    Ok(finder_rows!(filter, &bound)
        .fetch(pool)
        .map(move |row| row?.found(today, window_days)))
}
