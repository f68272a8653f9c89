//! What the overview's figures are computed from: every report with its session, its body's
//! lead times and the dates its history records it as submitted and issued.

use super::stored;
use crate::domain::overview::ReportFacts;
use crate::domain::{LeadTimes, SessionDates, obligation_deadlines};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

struct FactRow {
    kind: String,
    status: String,
    code: Option<String>,
    number: Option<i32>,
    opens_on: Option<NaiveDate>,
    submission_lead_weeks: Option<i32>,
    issuance_lead_weeks: Option<i32>,
    due_on: Option<NaiveDate>,
    submitted_at: Option<DateTime<Utc>>,
    issued_at: Option<DateTime<Utc>>,
}

impl TryFrom<FactRow> for ReportFacts {
    type Error = AppError;

    fn try_from(row: FactRow) -> Result<Self, AppError> {
        let lead = LeadTimes::stored(row.submission_lead_weeks, row.issuance_lead_weeks);
        let dates = SessionDates {
            opening: row.opens_on,
            closing: None,
        };
        Ok(ReportFacts {
            kind: stored(&row.kind, "obligation kind")?,
            status: stored(&row.status, "obligation status")?,
            session: row
                .code
                .as_ref()
                .zip(row.number)
                .map(|(code, number)| format!("{code} {number}")),
            body: row.code,
            deadlines: obligation_deadlines(row.due_on, &dates, &lead),
            submitted_on: row.submitted_at.map(|at| at.date_naive()),
            issued_on: row.issued_at.map(|at| at.date_naive()),
        })
    }
}

/// Every report obligation, as the overview needs it.
pub async fn report_facts(pool: &sqlx::PgPool) -> Result<Vec<ReportFacts>, AppError> {
    sqlx::query_as!(
        FactRow,
        r#"
        -- A report due on a day rather than at a session counts under the body the text names.
        select o.kind as "kind!", o.status as "status!",
               coalesce(b.code, o.target_body) as "code?",
               s.number as "number?", s.opens_on,
               b.submission_lead_weeks as "submission_lead_weeks?",
               b.issuance_lead_weeks as "issuance_lead_weeks?", o.due_on,
               e.submitted_at, e.issued_at
          from obligation o
          left join session s on s.id = o.session_id
          left join body b on b.id = s.body_id
          left join (
                select obligation_id,
                       min(at) filter (where to_status in ('submitted', 'issued', 'considered'))
                           as submitted_at,
                       min(at) filter (where to_status = 'issued') as issued_at
                  from obligation_event
                 group by obligation_id
               ) e on e.obligation_id = o.id
         where o.kind = 'report'
        "#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(ReportFacts::try_from)
    .collect()
}
