//! Subscriptions to the finder's answers, each taking the same parameters as `/obligations`:
//! `/obligations.ics` ([`calendar`]), a calendar Outlook and Google Calendar subscribe to, and
//! `/changes.atom` ([`changes`]), the status changes of those obligations for a feed reader.

mod calendar;
mod changes;

use super::exports::Refusal;
use app::db::AtRiskWindow;
use app::error::AppError;
use app::model::finder::{FinderQuery, FoundObligation};
use axum::Router;
use axum::http::HeaderMap;
use axum::routing::get;
use chrono::Utc;
use sqlx::PgPool;

/// The domain part of every calendar UID and Atom id: ids stay the same whatever host serves
/// them, so a calendar updates its events (a moved session) instead of duplicating them.
const ID_DOMAIN: &str = "mandate-tracker";

#[derive(Clone)]
struct Feeds {
    pool: PgPool,
    at_risk: AtRiskWindow,
    /// `scheme://host` for the links in the feeds (`--public-origin`, else the request's Host).
    public_origin: Option<String>,
}

pub fn router(pool: PgPool, at_risk: AtRiskWindow, public_origin: Option<String>) -> Router {
    Router::new()
        .route("/obligations.ics", get(calendar::calendar_feed))
        .route("/changes.atom", get(changes::change_feed))
        .with_state(Feeds {
            pool,
            at_risk,
            public_origin,
        })
}

impl Feeds {
    /// Every obligation the filter keeps (all pages: a `page` parameter is ignored).
    async fn rows(&self, query: &FinderQuery) -> Result<Vec<FoundObligation>, AppError> {
        let filter = query.check()?;
        let today = Utc::now().date_naive();
        let page = app::db::finder::find(&self.pool, &filter, today, self.at_risk.0, None).await?;
        Ok(page.rows)
    }

    fn origin(&self, headers: &HeaderMap) -> String {
        super::exports::link_origin(self.public_origin.as_deref(), headers)
    }
}

/// "report" → "Report".
fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "report of the Secretary-General to the Commission on ..., twenty-ninth session".
fn what_is_due(row: &FoundObligation) -> String {
    let s = &row.schedule;
    format!(
        "{} of the {} to the {}",
        s.kind.label(),
        s.addressee,
        s.target()
    )
}
