//! The finder's one query: obligations by body, session, addressee, status, urgency, kind,
//! adopting body, resolution, year and words, sorted and a page at a time, with the total.

use super::schedule::ScheduleRow;
use crate::domain::finder::search_terms;
use crate::domain::{LeadTimes, urgency};
use crate::error::AppError;
use crate::model::ObligationSchedule;
use crate::model::finder::{FinderPage, FoundObligation, ObligationFilter, PAGE_SIZE};
use chrono::NaiveDate;

/// What marks the start and the end of a matched word in a quote (private-use characters, which
/// texts do not hold, so no markup ever passes through the database).
const MATCH_START: char = '\u{E000}';
const MATCH_END: char = '\u{E001}';

/// One page of the obligations that `filter` keeps, judged on `today`; `limit` rows per page
/// (`None`: every row, for exports).
pub async fn find(
    pool: &sqlx::PgPool,
    filter: &ObligationFilter,
    today: NaiveDate,
    window_days: i64,
    limit: Option<i64>,
) -> Result<FinderPage, AppError> {
    let range = filter.urgency.map(|u| u.deadline_range(today, window_days));
    let statuses: Option<Vec<String>> = range
        .as_ref()
        .map(|r| r.statuses.iter().map(|s| s.as_str().to_owned()).collect());
    let terms = filter.q.as_deref().map(search_terms).unwrap_or_default();
    let default_lead = LeadTimes::default();
    let page_size = limit.unwrap_or(i64::MAX);
    // Exports take every row: the page only counts for the finder's pages.
    let offset = match limit {
        Some(_) => (filter.page - 1).saturating_mul(PAGE_SIZE),
        None => 0,
    };
    let rows = sqlx::query!(
        r#"
        with terms as (
            select tsquery_and_all(query) as query
              from (select websearch_to_tsquery('english', t) as query
                      from unnest($13::text[]) t) words
             where numnode(query) > 0
        ), found as (
            select o.id, o.kind, o.status, o.document_symbol, r.id as resolution_id,
                   r.label as resolution_label, m.paragraph_number, m.addressee, m.quote,
                   coalesce(b.name, o.target_body) as body, b.code as body_code,
                   s.number, s.label as session_label, s.opens_on, s.closes_on,
                   b.submission_lead_weeks, b.issuance_lead_weeks,
                   s.opens_on - 7 * coalesce(b.submission_lead_weeks, $17::int) as submit_by,
                   d.symbol as document, r.position as resolution_position,
                   m.position as mandate_position, terms.query
              from obligation o
              join mandate m on m.id = o.mandate_id
              join resolution r on r.id = m.resolution_id
              join document d on d.id = r.document_id
              left join session s on s.id = o.session_id
              left join body b on b.id = s.body_id
              cross join terms
             where ($1::text is null or lower(b.code) = $1)
               and ($2::int is null or s.number = $2)
               and ($3::text is null or strpos(lower(m.addressee), lower($3)) > 0)
               and ($4::text is null or o.status = $4)
               and ($5::text is null or o.kind = $5)
               and ($6::text is null
                    or strpos(lower(coalesce(r.adopting_body, '')), lower($6)) > 0)
               and ($7::bigint is null or r.id = $7)
               and ($8::int is null or extract(year from s.opens_on) = $8)
               and ($9::text[] is null or o.status = any($9))
               and (terms.query is null
                    -- The paragraph is read only when searching (a sub-select, not a join).
                    or to_tsvector('english', m.quote || ' '
                                   || coalesce((select p.text from paragraph p
                                                 where p.id = m.paragraph_id), '') || ' '
                                   || r.title || ' ' || m.addressee || ' '
                                   || coalesce(b.name, o.target_body, '') || ' '
                                   || coalesce(b.code, '')) @@ terms.query)
        )
        select id as "id!", kind as "kind!", status as "status!", document_symbol,
               resolution_id as "resolution_id!", resolution_label as "resolution_label!",
               paragraph_number as "paragraph_number!", addressee as "addressee!",
               body, body_code as "body_code?", number as "number?",
               session_label as "session_label?", opens_on as "opens_on?",
               closes_on as "closes_on?", submission_lead_weeks as "submission_lead_weeks?",
               issuance_lead_weeks as "issuance_lead_weeks?",
               -- Marked after the page is cut, so only the rows shown are highlighted.
               case when query is null then quote
                    else ts_headline('english', quote, query,
                                     'HighlightAll=true, StartSel=' || chr(57344)
                                     || ', StopSel=' || chr(57345))
               end as "marked_quote!",
               total as "total!"
          from (select found.*, count(*) over () as total
                  from found
         where ($10::date is null or submit_by >= $10)
           and ($11::date is null or submit_by <= $11)
           and (not $12::bool or submit_by is not null)
         order by case when $14 = 'deadline' then submit_by end nulls last,
                  case when $14 = 'session' then body end nulls last,
                  case when $14 = 'session' then number end nulls last,
                  document, resolution_position, mandate_position, id
         limit $15 offset $16) page
         order by case when $14 = 'deadline' then submit_by end nulls last,
                  case when $14 = 'session' then body end nulls last,
                  case when $14 = 'session' then number end nulls last,
                  document, resolution_position, mandate_position, id
        "#,
        filter.body,
        filter.session,
        filter.addressee,
        filter.status.map(|s| s.as_str()),
        filter.kind.map(|k| k.as_str()),
        filter.adopted_by,
        filter.resolution,
        filter.year,
        statuses.as_deref(),
        range.as_ref().and_then(|r| r.from),
        range.as_ref().and_then(|r| r.to),
        range.as_ref().is_some_and(|r| r.needs_deadline),
        &terms,
        filter.sort.as_str(),
        page_size,
        offset,
        i32::try_from(default_lead.submission_weeks).unwrap_or(10)
    )
    .fetch_all(pool)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows
        .into_iter()
        .map(|row| {
            let schedule = ObligationSchedule::try_from(ScheduleRow {
                id: row.id,
                kind: row.kind,
                status: row.status,
                resolution_label: row.resolution_label,
                paragraph_number: row.paragraph_number,
                addressee: row.addressee,
                body: row.body,
                number: row.number,
                label: row.session_label,
                opens_on: row.opens_on,
                closes_on: row.closes_on,
                submission_lead_weeks: row.submission_lead_weeks,
                issuance_lead_weeks: row.issuance_lead_weeks,
            })?;
            Ok(FoundObligation {
                urgency: urgency(
                    schedule.status,
                    schedule.deadlines.as_ref(),
                    today,
                    window_days,
                ),
                schedule,
                body_code: row.body_code,
                document_symbol: row.document_symbol,
                resolution_id: row.resolution_id,
                quote: marked_pieces(&row.marked_quote),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(FinderPage {
        rows,
        total,
        page: filter.page,
        today,
    })
}

/// A quote with its matched words marked, as (text, matched) pieces.
fn marked_pieces(marked: &str) -> Vec<(String, bool)> {
    let mut pieces = Vec::new();
    for (i, part) in marked.split(MATCH_START).enumerate() {
        match part.split_once(MATCH_END) {
            Some((matched, rest)) if i > 0 => {
                pieces.push((matched.to_owned(), true));
                if !rest.is_empty() {
                    pieces.push((rest.to_owned(), false));
                }
            }
            _ if !part.is_empty() => pieces.push((part.to_owned(), false)),
            _ => {}
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_words_become_pieces() {
        let marked = format!(
            "Requests the {MATCH_START}Office{MATCH_END} to {MATCH_START}report{MATCH_END}"
        );
        assert_eq!(
            marked_pieces(&marked),
            vec![
                ("Requests the ".to_string(), false),
                ("Office".to_string(), true),
                (" to ".to_string(), false),
                ("report".to_string(), true),
            ]
        );
        assert_eq!(marked_pieces("plain"), vec![("plain".to_string(), false)]);
    }
}
