//! Digests: for each subscription due today, what is overdue and what falls due within its
//! horizon among the obligations its filter keeps, grouped by session, changes since the last
//! digest marked. Written to the outbox with the key `digest:<subscription>:<day>`, so a day's
//! digest is enqueued once however many processes compose it.

use super::{MailContext, html_text};
use crate::db::outbox::{self, MailKind, NewMail};
use crate::db::subscription::SubscriptionRow;
use crate::db::{digest, finder};
use crate::domain::Urgency;
use crate::domain::calendar::day as in_words;
use crate::domain::subscription::filter_words;
use crate::error::AppError;
use crate::model::finder::{FinderQuery, FoundObligation};
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::TryStreamExt;
use std::collections::HashMap;

/// At most this many obligations are listed in one digest; the rest are a link away.
const MOST_LISTED: usize = 50;

/// Digests written per transaction.
const BATCH: usize = 100;

/// What one run did for one subscription.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub subscription: i64,
    pub recipient: String,
    /// `None`: nothing to say, and the subscriber asked for no empty digests.
    pub subject: Option<String>,
    pub listed: usize,
    /// The digest's text (for `digest send --dry-run`).
    pub text: Option<String>,
}

/// Composes the digests due on `today`; with `dry_run`, writes nothing and returns what would
/// be sent. Subscriptions with the same filter and horizon share one reading of the finder.
pub async fn compose_due(
    pool: &sqlx::PgPool,
    mail: &MailContext,
    today: NaiveDate,
    window_days: i64,
    dry_run: bool,
) -> Result<Vec<Outcome>, AppError> {
    let due = digest::due_on(pool, today).await?;
    let earliest = due.iter().filter_map(|(_, at)| *at).min();
    let changed: HashMap<i64, DateTime<Utc>> = match earliest {
        Some(since) => digest::changed_since(pool, since)
            .await?
            .into_iter()
            .collect(),
        None => HashMap::new(),
    };
    let mut lists: HashMap<(FinderQuery, i16), Vec<FoundObligation>> = HashMap::new();
    let mut outcomes = Vec::with_capacity(due.len());
    let mut tx = pool.begin().await?;
    for (n, (subscription, last)) in due.into_iter().enumerate() {
        let key = (subscription.filter.clone(), subscription.horizon_weeks);
        if !lists.contains_key(&key) {
            let found = due_within(pool, &subscription, today, window_days).await?;
            lists.insert(key.clone(), found);
        }
        let found = lists.get(&key).map(Vec::as_slice).unwrap_or_default();
        let is_changed =
            |id: i64| last.is_some_and(|last| changed.get(&id).is_some_and(|at| *at > last));
        let letter = (!found.is_empty() || subscription.send_empty)
            .then(|| letter(&mail.site_url, &subscription, found, today, &is_changed));
        let outcome = Outcome {
            subscription: subscription.id,
            recipient: subscription.email.clone(),
            subject: letter.as_ref().map(|l| l.subject.clone()),
            listed: found.len().min(MOST_LISTED),
            text: letter.as_ref().map(|l| l.text_body.clone()),
        };
        if !dry_run {
            if let Some(letter) = &letter {
                outbox::enqueue(&mut tx, letter, &mail.message_domain).await?;
            }
            digest::mark_composed(&mut tx, subscription.id, today).await?;
            // A commit every hundred digests: each digest and its mark stay in one transaction,
            // and ten thousand digests do not wait for ten thousand commits.
            if (n + 1) % BATCH == 0 {
                tx.commit().await?;
                tx = pool.begin().await?;
            }
        }
        outcomes.push(outcome);
    }
    tx.commit().await?;
    if !dry_run && outcomes.iter().any(|o| o.subject.is_some()) {
        mail.written.notify_one();
    }
    Ok(outcomes)
}

/// The obligations a subscription's filter keeps that are overdue or due within its horizon.
async fn due_within(
    pool: &sqlx::PgPool,
    subscription: &SubscriptionRow,
    today: NaiveDate,
    window_days: i64,
) -> Result<Vec<FoundObligation>, AppError> {
    let Ok(filter) = subscription.filter.check() else {
        tracing::warn!(
            id = subscription.id,
            "a subscription's filter no longer reads; nothing listed"
        );
        return Ok(Vec::new());
    };
    let horizon =
        today + chrono::Days::new(7 * u64::try_from(subscription.horizon_weeks).unwrap_or(1));
    let rows: Vec<FoundObligation> = finder::each(pool, &filter, today, window_days)
        .await?
        .try_filter(|row| {
            let keep = match row.urgency {
                Urgency::Overdue { .. } => true,
                Urgency::AtRisk { .. } | Urgency::OnTrack { .. } => row
                    .schedule
                    .deadlines
                    .is_some_and(|d| d.submission <= horizon),
                Urgency::Done | Urgency::NoDate => false,
            };
            std::future::ready(keep)
        })
        .try_collect()
        .await?;
    Ok(rows)
}

/// The digest mail of `subscription` listing `found`.
fn letter(
    site: &str,
    subscription: &SubscriptionRow,
    found: &[FoundObligation],
    today: NaiveDate,
    changed: &dyn Fn(i64) -> bool,
) -> NewMail {
    let overdue = found
        .iter()
        .filter(|f| matches!(f.urgency, Urgency::Overdue { .. }))
        .count();
    let soon = found.len() - overdue;
    let what = filter_words(&subscription.filter);
    let token = &subscription.manage_token;
    let manage = format!("{site}/subscriptions/manage?token={token}");
    let unsubscribe = format!("{site}/subscriptions/unsubscribe?token={token}");
    let list = format!("{site}/obligations{}", subscription.filter.href(None));
    let weeks = subscription.horizon_weeks;
    let subject =
        format!("Mandate Tracker: {overdue} overdue, {soon} due within {weeks} weeks ({what})");
    let mut text = format!(
        "Deadlines on {} for {what}.\nOverdue: {overdue}. Due within {weeks} weeks: {soon}. \
         Marked [changed]: changed since the last digest.\n",
        in_words(today)
    );
    let mut html = format!(
        "<div style=\"font-family:Arial,sans-serif;font-size:15px;color:#0b0c0c\">\
         <p>Deadlines on {} for <strong>{}</strong>.<br>Overdue: {overdue}. Due within {weeks} \
         weeks: {soon}. <strong>Changed</strong> marks a change since the last digest.</p>",
        in_words(today),
        html_text(&what)
    );
    let mut groups: Vec<(String, Vec<&FoundObligation>)> = Vec::new();
    for row in found.iter().take(MOST_LISTED) {
        let target = row.schedule.target();
        match groups.iter_mut().find(|(t, _)| *t == target) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((target, vec![row])),
        }
    }
    if found.is_empty() {
        text.push_str("\nNothing is overdue or due within the horizon.\n");
        html.push_str("<p>Nothing is overdue or due within the horizon.</p>");
    }
    for (target, rows) in &groups {
        text.push_str(&format!("\n{target}\n"));
        html.push_str(&format!(
            "<h2 style=\"font-size:17px;margin:18px 0 6px\">{}</h2>\
             <table role=\"presentation\" cellpadding=\"4\" style=\"border-collapse:collapse\">",
            html_text(target)
        ));
        for row in rows {
            let entry = Entry::of(row, changed(row.schedule.obligation_id), site);
            text.push_str(&entry.text());
            html.push_str(&entry.html());
        }
        html.push_str("</table>");
    }
    if found.len() > MOST_LISTED {
        text.push_str(&format!(
            "\nAnd {} more: {list}\n",
            found.len() - MOST_LISTED
        ));
    }
    text.push_str(&format!(
        "\nThe whole list: {list}\nChange or pause this subscription: {manage}\nUnsubscribe: {unsubscribe}\n"
    ));
    html.push_str(&format!(
        "<p><a href=\"{}\">The whole list</a> · <a href=\"{}\">Change or pause this \
         subscription</a> · <a href=\"{}\">Unsubscribe</a></p></div>",
        html_text(&list),
        html_text(&manage),
        html_text(&unsubscribe)
    ));
    NewMail {
        kind: MailKind::Digest,
        dedupe_key: Some(format!("digest:{}:{today}", subscription.id)),
        recipient: subscription.email.clone(),
        subject,
        text_body: text,
        html_body: Some(html),
        unsubscribe_url: Some(unsubscribe),
    }
}

/// One obligation of a digest, as both parts show it.
struct Entry {
    changed: bool,
    words: String,
    facts: String,
    link: String,
}

impl Entry {
    fn of(row: &FoundObligation, changed: bool, site: &str) -> Self {
        let s = &row.schedule;
        let quote: String = row.quote.iter().map(|(piece, _)| piece.as_str()).collect();
        let mut facts = vec![
            format!("Status: {}", s.status.label()),
            row.urgency.to_string(),
        ];
        if let Some(d) = s.deadlines.filter(|d| d.session_opens.is_none()) {
            facts.push(format!("due {}", in_words(d.submission)));
        } else if let Some(d) = s.deadlines {
            facts.push(format!("submit by {}", in_words(d.submission)));
            facts.push(format!("issue by {}", in_words(d.issuance)));
        }
        Entry {
            changed,
            words: format!(
                "{} (para. {}): {}",
                s.resolution_label,
                s.paragraph,
                quote.trim()
            ),
            facts: facts.join(" · "),
            link: format!("{site}/obligations/{}", s.obligation_id),
        }
    }

    fn text(&self) -> String {
        let mark = if self.changed { "[changed] " } else { "" };
        format!(
            "- {mark}{}\n  {}\n  {}\n",
            self.words, self.facts, self.link
        )
    }

    fn html(&self) -> String {
        let mark = if self.changed {
            "<strong>Changed:</strong> "
        } else {
            ""
        };
        format!(
            "<tr><td style=\"border-bottom:1px solid #b1b4b6;padding:6px 0\">{mark}<a href=\"{}\">{}</a>\
             <br><span style=\"color:#505a5f\">{}</span></td></tr>",
            html_text(&self.link),
            html_text(&self.words),
            html_text(&self.facts)
        )
    }
}
