//! Staff notices: short plain-text mails to one staff member when an obligation is made theirs,
//! when one of theirs enters the at-risk window, and when one they follow changes status. Each
//! kind can be turned off on `/account/notices`. Notices of a change are written in the
//! change's transaction; at-risk notices once a day, one per obligation and deadline.

use super::MailContext;
use crate::db::outbox::{self, MailKind, NewMail};
use crate::db::schedule::{obligation_schedule, obligation_schedules_of};
use crate::db::work::{self, Assigned, Recipient};
use crate::domain::calendar::day as in_words;
use crate::domain::{Status, Urgency, urgency};
use crate::error::AppError;
use crate::model::ObligationSchedule;
use chrono::NaiveDate;
use sqlx::{PgConnection, PgPool};
use std::collections::HashMap;

/// "28/3 ¶16, Commission on Crime Prevention and Criminal Justice, twenty-ninth session".
fn named(schedule: &ObligationSchedule) -> String {
    format!(
        "{} ¶{}, {}",
        schedule.resolution_label,
        schedule.paragraph,
        schedule.target()
    )
}

fn dates(schedule: &ObligationSchedule) -> String {
    match &schedule.deadlines {
        Some(d) if d.session_opens.is_none() => format!("Due {}.", in_words(d.submission)),
        Some(d) => format!(
            "Submit by {}; issue by {}.",
            in_words(d.submission),
            in_words(d.issuance)
        ),
        None => "No deadline yet (the session has no date).".into(),
    }
}

fn letter(
    mail: &MailContext,
    key: String,
    to: &Recipient,
    subject: String,
    what: String,
    schedule: &ObligationSchedule,
    why: &str,
) -> NewMail {
    let site = &mail.site_url;
    let id = schedule.obligation_id;
    let text_body = format!(
        "{},\n\n{what}\n\n  {}\n  Addressed to {}. Status: {}.\n  {}\n\nOpen it: \
         {site}/obligations/{id}\n\n--\nYou get this mail because {why} is on for your \
         account. To turn it off: {site}/account/notices\n",
        to.name,
        named(schedule),
        schedule.addressee,
        schedule.status.label(),
        dates(schedule),
    );
    NewMail {
        kind: MailKind::Notice,
        dedupe_key: Some(key),
        recipient: to.email.clone(),
        subject,
        text_body,
        html_body: None,
        unsubscribe_url: None,
    }
}

/// The new focal point of an assignment is told, unless they made it themselves or turned
/// these notices off (then `assign` names no one to tell).
pub async fn tell_assigned(
    tx: &mut PgConnection,
    pool: &PgPool,
    mail: &MailContext,
    id: i64,
    assigned: &Assigned,
    actor: &Recipient,
) -> Result<bool, AppError> {
    let Some(to) = assigned.to_tell.as_ref().filter(|to| to.id != actor.id) else {
        return Ok(false);
    };
    let Some(schedule) = obligation_schedule(pool, id).await? else {
        return Ok(false);
    };
    let letter = letter(
        mail,
        format!("assigned:{}:{}", assigned.event, to.id),
        to,
        format!("Assigned to you: {}", named(&schedule)),
        format!(
            "{} made you the focal point of this obligation:",
            actor.name
        ),
        &schedule,
        "the notice of obligations made yours",
    );
    outbox::enqueue(tx, &letter, &mail.message_domain).await?;
    Ok(true)
}

/// The followers of obligation `id` (but its author) are told of status change `event`.
pub async fn tell_status_changed(
    tx: &mut PgConnection,
    pool: &PgPool,
    mail: &MailContext,
    id: i64,
    event: i64,
    (from, to): (Status, Status),
    actor: &str,
) -> Result<usize, AppError> {
    let followers = work::followers_to_tell(&mut *tx, id, actor).await?;
    if followers.is_empty() {
        return Ok(0);
    }
    let Some(schedule) = obligation_schedule(pool, id).await? else {
        return Ok(0);
    };
    // Read outside the change's transaction: the status is the new one only once committed.
    let schedule = ObligationSchedule {
        status: to,
        ..schedule
    };
    for follower in &followers {
        let letter = letter(
            mail,
            format!("status:{event}:{}", follower.id),
            follower,
            format!("{}: {}", to.label(), named(&schedule)),
            format!(
                "An obligation you follow has changed status, from {} to {}:",
                from.label(),
                to.label()
            ),
            &schedule,
            "the notice of changes to obligations you follow",
        );
        outbox::enqueue(&mut *tx, &letter, &mail.message_domain).await?;
    }
    Ok(followers.len())
}

/// Warns each focal point, once per obligation and submission deadline, of theirs that are at
/// risk on `today`; the number of notices written (repeating a day writes none).
pub async fn warn_at_risk(
    pool: &PgPool,
    mail: &MailContext,
    today: NaiveDate,
    window_days: i64,
) -> Result<usize, AppError> {
    let held: HashMap<i64, Recipient> = work::focal_points_to_warn(pool)
        .await?
        .into_iter()
        .collect();
    let ids: Vec<i64> = held.keys().copied().collect();
    let schedules = obligation_schedules_of(pool, &ids).await?;
    let mut tx = pool.begin().await?;
    let mut written = 0;
    for schedule in &schedules {
        let at_risk = urgency(
            schedule.status,
            schedule.deadlines.as_ref(),
            today,
            window_days,
        );
        let (Urgency::AtRisk { days_left }, Some(deadlines)) = (at_risk, &schedule.deadlines)
        else {
            continue;
        };
        let Some(to) = held.get(&schedule.obligation_id) else {
            continue;
        };
        let when = match days_left {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            n => format!("in {n} days"),
        };
        let letter = letter(
            mail,
            format!(
                "at-risk:{}:{}:{}",
                schedule.obligation_id, to.id, deadlines.submission
            ),
            to,
            format!("At risk, due {when}: {}", named(schedule)),
            format!("An obligation you are the focal point of must be submitted {when}:"),
            schedule,
            "the notice of obligations of yours at risk",
        );
        if outbox::enqueue(&mut tx, &letter, &mail.message_domain)
            .await?
            .is_some()
        {
            written += 1;
        }
    }
    tx.commit().await?;
    if written > 0 {
        mail.written.notify_one();
    }
    Ok(written)
}

/// The mail carrying invitation `link` to the person invited, in the invitation's transaction.
pub async fn invite(
    tx: &mut PgConnection,
    mail: &MailContext,
    invitation: &crate::model::accounts::Invitation,
    by: &str,
    link: &str,
) -> Result<(), AppError> {
    let days = crate::api::INVITATION_DAYS;
    let text_body = format!(
        "{},\n\n{by} has made you an account on Mandate Tracker, the secretariat's tracker of \
         mandates and reports, with the role {}: it {}.\n\nChoose your password here, within {days} days \
         (the link works once):\n\n  {link}\n\nThen log in with this address, {}.\n\nIf \
         you did not expect this mail, ignore it: no account is made until the link is used.\n",
        invitation.name,
        invitation.role.label(),
        invitation.role.duties(),
        invitation.email,
    );
    let letter = NewMail {
        kind: MailKind::Notice,
        dedupe_key: None,
        recipient: invitation.email.clone(),
        subject: "Your Mandate Tracker account: choose a password".into(),
        text_body,
        html_body: None,
        unsubscribe_url: None,
    };
    outbox::enqueue(tx, &letter, &mail.message_domain).await?;
    Ok(())
}
