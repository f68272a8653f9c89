use super::dates::day_or_unset;
use crate::model::{HistoryChange, HistoryEntry};
use leptos::prelude::*;

/// An obligation's timeline, oldest first: status changes and moves of its session.
#[component]
pub fn History(entries: Vec<HistoryEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="count">"No change recorded yet."</p> }.into_any();
    }
    view! {
        <ol class="history">
            {entries.into_iter().map(|entry| view! { <HistoryItem entry /> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn HistoryItem(entry: HistoryEntry) -> impl IntoView {
    let what = match entry.change {
        HistoryChange::Status {
            from,
            to,
            document_symbol,
            merged_into_id,
            from_session,
            to_session,
        } => {
            let mut text = format!("{} → {}", from.label(), to.label());
            if let Some(symbol) = document_symbol {
                text.push_str(&format!(", as {symbol}"));
            }
            if let Some(target) = merged_into_id {
                text.push_str(&format!(", into obligation #{target}"));
            }
            if let (Some(from), Some(to)) = (from_session, to_session)
                && from != to
            {
                text.push_str(&format!(", from {from} to {to}"));
            }
            text
        }
        HistoryChange::Session {
            session,
            old_opens_on,
            new_opens_on,
            old_state,
            new_state,
        } => {
            let mut text = format!("{session} ");
            if old_opens_on != new_opens_on {
                text.push_str(&format!(
                    "moved from {} to {}",
                    day_or_unset(old_opens_on),
                    day_or_unset(new_opens_on)
                ));
            } else {
                text.push_str("changed");
            }
            if old_state != new_state {
                text.push_str(&format!(" ({old_state} → {new_state})"));
            }
            text
        }
    };
    let at = {
        use chrono::Timelike;
        let time = entry.at.time();
        format!(
            "{} {:02}:{:02} UTC",
            super::dates::day(entry.at.date_naive()),
            time.hour(),
            time.minute()
        )
    };
    view! {
        <li>
            <time datetime=entry.at.to_rfc3339()>{at}</time>
            " · "
            <span class="what">{what}</span>
            " · "
            <span class="actor">{entry.actor}</span>
            {entry
                .note
                .map(|note| {
                    let internal = entry
                        .note_internal
                        .then(|| view! { <strong>"Internal note (staff only): "</strong> });
                    view! { <p class="note">{internal}{note}</p> }
                })}
        </li>
    }
}
