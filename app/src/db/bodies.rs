//! The calendar as a list: every body with its sessions.

use crate::model::{BodyCalendar, SessionRow};

/// Every body (by code) with its sessions in number order and the obligations due at each.
pub async fn calendar(pool: &sqlx::PgPool) -> Result<Vec<BodyCalendar>, sqlx::Error> {
    let bodies = sqlx::query!(
        "select id, code, name, kind, submission_lead_weeks, issuance_lead_weeks
           from body order by code"
    )
    .fetch_all(pool)
    .await?;
    let sessions = sqlx::query!(
        r#"
        select s.id, s.body_id, s.number, s.label, s.opens_on, s.closes_on, s.venue, s.state,
               s.version, count(o.id) as "obligations!"
          from session s
          left join obligation o on o.session_id = s.id
         group by s.id
         order by s.body_id, s.number
        "#
    )
    .fetch_all(pool)
    .await?;
    Ok(bodies
        .into_iter()
        .map(|b| BodyCalendar {
            sessions: sessions
                .iter()
                .filter(|s| s.body_id == b.id)
                .map(|s| SessionRow {
                    id: s.id,
                    number: s.number,
                    label: s.label.clone(),
                    opens_on: s.opens_on,
                    closes_on: s.closes_on,
                    venue: s.venue.clone(),
                    state: s.state.clone(),
                    version: s.version,
                    obligations: s.obligations,
                })
                .collect(),
            id: b.id,
            code: b.code,
            name: b.name,
            kind: b.kind,
            submission_lead_weeks: b.submission_lead_weeks,
            issuance_lead_weeks: b.issuance_lead_weeks,
        })
        .collect())
}
