//! The overview page's figures, computed and drawn on the server.

use crate::error::AppError;
use crate::model::overview::Overview;
use leptos::prelude::*;

/// How many coming sessions the first figure shows, and how many months the second goes back.
#[cfg(feature = "ssr")]
const COMING_SESSIONS: usize = 6;
#[cfg(feature = "ssr")]
const MONTHS_BACK: u32 = 24;

/// The overview's three figures, judged today (the server's date). Public.
#[server(endpoint = "overview")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_overview() -> Result<Overview, AppError> {
    let pool = crate::db::pool()?;
    let facts = crate::db::overview::report_facts(&pool).await?;
    let today = chrono::Utc::now().date_naive();
    Ok(Overview {
        today,
        figures: vec![
            figures::coming(&facts, today, COMING_SESSIONS),
            figures::overdue(&facts, today, MONTHS_BACK),
            figures::in_time(&facts),
        ],
    })
}

#[cfg(feature = "ssr")]
mod figures {
    use crate::charts;
    use crate::domain::Status;
    use crate::domain::calendar::{MONTHS, day};
    use crate::domain::overview::{
        ReportFacts, coming_sessions, issued_in_time, overdue_over_time,
    };
    use crate::model::overview::Figure;
    use chrono::{Datelike, NaiveDate};

    pub fn coming(facts: &[ReportFacts], today: NaiveDate, limit: usize) -> Figure {
        let sessions = coming_sessions(facts, today, limit);
        // Only the statuses that occur, in workflow order.
        let shown: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|status| {
                sessions
                    .iter()
                    .any(|s| s.by_status.iter().any(|(st, n)| st == status && *n > 0))
            })
            .collect();
        let series = shown
            .iter()
            .map(|&status| {
                let values = sessions.iter().map(|s| s.count(status) as f32).collect();
                (status.label().to_owned(), values)
            })
            .collect();
        let categories = sessions.iter().map(|s| s.session.clone()).collect();
        let total: usize = sessions
            .iter()
            .map(|s| s.by_status.iter().map(|(_, n)| n).sum::<usize>())
            .sum();
        let mut columns = vec!["Session".to_owned(), "Opens".to_owned()];
        columns.extend(shown.iter().map(|s| s.label().to_owned()));
        let rows = sessions
            .iter()
            .map(|s| {
                let mut row = vec![s.session.clone(), day(s.opens_on)];
                row.extend(shown.iter().map(|&status| s.count(status).to_string()));
                row
            })
            .collect();
        Figure {
            id: "coming".into(),
            title: "Reports due at the coming sessions, by status".into(),
            summary: match sessions.len() {
                0 => "No report is due at a coming session.".into(),
                n => format!(
                    "{total} reports, whatever their status, are due at the next {n} sessions that have any."
                ),
            },
            svg: if sessions.is_empty() {
                String::new()
            } else {
                charts::stacked_bars(categories, series)
            },
            columns,
            rows,
        }
    }

    pub fn overdue(facts: &[ReportFacts], today: NaiveDate, months: u32) -> Figure {
        let points = overdue_over_time(facts, today, months);
        // Axis labels short ("Dec 2026"); the table writes the days out.
        let label = |d: NaiveDate| {
            let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
            format!("{} {}", month.get(..3).unwrap_or(month), d.year())
        };
        let first = points.first().copied();
        let last = points.last().copied();
        let summary = match (first, last) {
            (Some((from, before)), Some((to, now))) => format!(
                "{now} reports were overdue on {}, against {before} on {}.",
                day(to),
                day(from)
            ),
            _ => "No report has a deadline yet.".into(),
        };
        Figure {
            id: "overdue".into(),
            title: "Reports overdue, month by month".into(),
            summary,
            svg: charts::line(
                "Overdue",
                points.iter().map(|(d, _)| label(*d)).collect(),
                points.iter().map(|(_, n)| *n as f32).collect(),
            ),
            columns: vec!["Day".into(), "Reports overdue".into()],
            rows: points
                .iter()
                .map(|(d, n)| vec![day(*d), n.to_string()])
                .collect(),
        }
    }

    pub fn in_time(facts: &[ReportFacts]) -> Figure {
        let bodies = issued_in_time(facts);
        let issued: usize = bodies.iter().map(|b| b.issued).sum();
        let in_time: usize = bodies.iter().map(|b| b.in_time).sum();
        Figure {
            id: "in-time".into(),
            title: "Reports issued in time (by their issue-by date), by body".into(),
            summary: match issued {
                0 => "No report has been issued yet.".into(),
                _ => format!(
                    "{in_time} of the {issued} issued reports were issued by their issue-by date."
                ),
            },
            svg: if bodies.is_empty() {
                String::new()
            } else {
                charts::horizontal_bars(
                    "Issued in time (%)",
                    bodies.iter().map(|b| b.body.clone()).collect(),
                    bodies.iter().map(|b| b.percent() as f32).collect(),
                )
            },
            columns: vec![
                "Body".into(),
                "Issued".into(),
                "In time".into(),
                "Share".into(),
            ],
            rows: bodies
                .iter()
                .map(|b| {
                    vec![
                        b.body.clone(),
                        b.issued.to_string(),
                        b.in_time.to_string(),
                        format!("{} %", b.percent()),
                    ]
                })
                .collect(),
        }
    }
}
