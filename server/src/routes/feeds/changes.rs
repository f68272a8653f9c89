//! `/changes.atom`: the latest status changes of the obligations a filter keeps.

use super::{Feeds, ID_DOMAIN, Refusal, capital, what_is_due};
use app::db::feed::{StatusChangeEntry, status_changes};
use app::error::AppError;
use app::model::finder::{FinderQuery, FoundObligation};
use atom_syndication::{Entry, Feed, Link, Person, Text};
use axum::extract::{Query, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use std::collections::HashMap;

/// The most entries a feed holds: readers poll, so older changes were seen already.
const MAX_CHANGES: i64 = 100;

/// The newest status changes of the obligations the filter keeps, for a feed reader.
pub(super) async fn change_feed(
    State(feeds): State<Feeds>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    Query(query): Query<FinderQuery>,
) -> Result<Response, Refusal> {
    let rows = feeds.rows(&query).await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.schedule.obligation_id).collect();
    let changes = status_changes(&feeds.pool, &ids, MAX_CHANGES).await?;
    let origin = feeds.origin(&headers);
    let by_id: HashMap<i64, &FoundObligation> = rows
        .iter()
        .map(|row| (row.schedule.obligation_id, row))
        .collect();
    let query = raw.map(|q| format!("?{q}")).unwrap_or_default();

    let mut feed = Feed::default();
    feed.set_title(Text::plain("Mandate Tracker: status changes"));
    feed.set_id(format!("tag:{ID_DOMAIN},2026:changes{query}"));
    feed.set_updated(
        changes
            .first()
            .map_or_else(Utc::now, |c| c.at)
            .fixed_offset(),
    );
    feed.set_authors(vec![person("Mandate Tracker")]);
    feed.set_links(vec![
        link(format!("{origin}/changes.atom{query}"), "self"),
        link(format!("{origin}/obligations{query}"), "alternate"),
    ]);
    let entries: Vec<Entry> = changes
        .iter()
        .map(|change| change_entry(change, by_id.get(&change.obligation_id).copied(), &origin))
        .collect();
    feed.set_entries(entries);
    let xml = feed
        .write_to(Vec::new())
        .map_err(|err| err.to_string())
        .and_then(|bytes| String::from_utf8(bytes).map_err(|err| err.to_string()))
        .map_err(|err| {
            tracing::error!(error = %err, "cannot write the Atom feed");
            AppError::Internal
        })?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

/// One status change as an entry; its id is the event's, which never changes.
fn change_entry(change: &StatusChangeEntry, row: Option<&FoundObligation>, origin: &str) -> Entry {
    let name = row.map_or_else(
        || format!("Obligation {}", change.obligation_id),
        |row| {
            let s = &row.schedule;
            format!("{} ¶{}", s.resolution_label, s.paragraph)
        },
    );
    // Visitors see "Secretariat", never which colleague made a change (as on the obligation page).
    let actor = if change.actor.contains('@') {
        "Secretariat"
    } else {
        change.actor.as_str()
    };
    let mut summary = format!(
        "{} → {}, by {actor}.",
        change.from.label(),
        change.to.label()
    );
    if let Some(row) = row {
        summary = format!("{}: {summary}", capital(&what_is_due(row)));
    }
    if let Some(symbol) = &change.document_symbol {
        summary.push_str(&format!(" Document {symbol}."));
    }
    if let Some(note) = &change.note {
        summary.push_str(&format!(" Note: {note}"));
    }
    let mut entry = Entry::default();
    entry.set_id(format!(
        "tag:{ID_DOMAIN},2026:obligation-event-{}",
        change.id
    ));
    entry.set_title(Text::plain(format!(
        "{name}: {}",
        change.to.label().to_lowercase()
    )));
    entry.set_updated(change.at.fixed_offset());
    entry.set_published(Some(change.at.fixed_offset()));
    entry.set_authors(vec![person(actor)]);
    entry.set_summary(Some(Text::plain(summary)));
    entry.set_links(vec![link(
        format!("{origin}/obligations/{}", change.obligation_id),
        "alternate",
    )]);
    entry
}

/// An author by name only: no addresses in a public feed.
fn person(name: &str) -> Person {
    let mut person = Person::default();
    person.set_name(name);
    person
}

fn link(href: String, rel: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link
}
