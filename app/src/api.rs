//! Server functions: the browser's typed entry points into the server.
//!
//! Each one is a public HTTP endpoint; those that read public data need no role, those that
//! change data check the caller's role first, in their first line, whatever page calls them:
//! hiding a form is not protection.

mod account;
mod accounts;
mod bodies;
mod calendar;
#[cfg(feature = "ssr")]
mod form;
pub mod import;
mod obligation;
mod outbox;
mod overview;
pub mod review;
pub mod subscription;
mod text;
mod work;

pub use account::{GetCurrentUser, LogIn, LogOut, get_current_user, log_in, log_out};
pub use accounts::{
    AcceptInvitation, CancelInvitation, ChangeRole, INVITATION_DAYS, InviteStaff, ListAccounts,
    SetAccountEnabled, accept_invitation, cancel_invitation, change_role, get_invitation,
    invite_staff, list_accounts, set_account_enabled,
};
pub use bodies::{AddBody, ChangeBody, add_body, change_body};
pub use calendar::{
    AddSession, ChangeLeadTimes, ChangeSession, ListCalendar, ListDatedDeadlines, add_session,
    change_lead_times, change_session, list_calendar, list_dated_deadlines,
};
pub use obligation::{GetObligation, RecordStatusChange, get_obligation, record_status_change};
pub use outbox::{ListOutbox, list_outbox};
pub use overview::{GetOverview, get_overview};
pub use subscription::{GetSubscription, get_subscription};
pub use text::{GetResolutionText, GetSessionAgenda, get_resolution_text, get_session_agenda};
pub use work::{
    AssignObligation, FollowObligation, GetMyWork, GetNoticeSettings, GetWorkPanel, SaveMyOffice,
    SaveNoticeSettings, assign_obligation, follow_obligation, get_my_work, get_notice_settings,
    get_work_panel, save_my_office, save_notice_settings,
};

use crate::error::AppError;
use crate::model::ResolutionPage;
use crate::model::finder::{FinderPage, FinderQuery};
use leptos::prelude::*;

/// Page `page` (from 1) of the resolutions and decisions of every imported document whose
/// label, title, adopting body or symbol hold every word of `q`, in document order.
#[server(endpoint = "list_resolutions")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_resolutions(
    #[server(default)] q: String,
    #[server(default)] page: Option<i64>,
) -> Result<ResolutionPage, AppError> {
    if q.chars().count() > MAX_FILTER_CHARS {
        return Err(AppError::Validation(format!(
            "A filter has at most {MAX_FILTER_CHARS} characters."
        )));
    }
    let page = page.unwrap_or(1);
    if !(1..=1_000_000).contains(&page) {
        return Err(AppError::Validation("Pages are numbered from 1.".into()));
    }
    let pool = crate::db::pool()?;
    crate::db::resolution::page_of_summaries(&pool, &crate::model::filter_words(&q), page).await
}

/// The longest front-page filter accepted.
pub const MAX_FILTER_CHARS: usize = 200;

/// One page of the finder: the obligations `query` keeps, with their deadlines and how urgent
/// each is today (the server's date), and the total. Public: delegations browse pending
/// mandates without an account. A parameter that makes no sense is a 422 with a sentence.
#[server(endpoint = "find_obligations")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn find_obligations(
    #[server(default)] query: FinderQuery,
) -> Result<FinderPage, AppError> {
    let filter = query.check()?;
    let pool = crate::db::pool()?;
    let today = chrono::Utc::now().date_naive();
    let limit = Some(crate::model::finder::PAGE_SIZE);
    crate::db::finder::find(&pool, &filter, today, crate::db::at_risk_days(), limit).await
}

/// Every body by (acronym, name), for the finder's body filter.
#[server(endpoint = "finder_bodies")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn finder_bodies() -> Result<Vec<(String, String)>, AppError> {
    let pool = crate::db::pool()?;
    crate::db::body::list(&pool).await
}
