//! Writing one extraction into the database, inside the caller's transaction.
//!
//! Nothing that may carry history is deleted: resolutions and mandates missing from a revised
//! text are marked retired (and revived if they come back); paragraphs, which carry none, are
//! rewritten.

use app::domain::{ObligationKind, Recurrence};
use app::extract::{Extraction, Mandate, Resolution};
use std::collections::HashMap;

/// Counts of what one document holds, for the import report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub resolutions: usize,
    pub mandates: usize,
    /// Reports owed to a body (one obligation each, with a target session when known).
    pub obligations: usize,
    /// Continuing activities: every other mandate (including reports asked for "periodically"),
    /// tracked as an `ongoing` obligation.
    pub activities: usize,
}

impl ImportSummary {
    pub fn of(extraction: &Extraction) -> Self {
        let mandates = extraction.resolutions.iter().flat_map(|r| &r.mandates);
        ImportSummary {
            resolutions: extraction.resolutions.len(),
            mandates: mandates.clone().count(),
            obligations: mandates.clone().filter(|m| tracked_as_report(m)).count(),
            activities: mandates.filter(|m| !tracked_as_report(m)).count(),
        }
    }
}

pub async fn resolutions(
    tx: &mut sqlx::PgConnection,
    document_id: i64,
    extraction: &Extraction,
) -> anyhow::Result<()> {
    let labels: Vec<String> = extraction
        .resolutions
        .iter()
        .map(|r| r.label.clone())
        .collect();
    sqlx::query!(
        "update resolution set retired_at = now()
          where document_id = $1 and label <> all($2) and retired_at is null",
        document_id,
        &labels
    )
    .execute(&mut *tx)
    .await?;
    // Their mandates go with them (and come back with them, through `mandates`).
    sqlx::query!(
        "update mandate set retired_at = now()
          where retired_at is null
            and resolution_id in (select id from resolution
                                   where document_id = $1 and retired_at is not null)",
        document_id
    )
    .execute(&mut *tx)
    .await?;
    for (position, resolution) in (0i32..).zip(&extraction.resolutions) {
        let resolution_id = sqlx::query_scalar!(
            r#"
            insert into resolution (document_id, position, label, title, adopting_body)
            values ($1, $2, $3, $4, $5)
            on conflict on constraint resolution_document_label_key
            do update set position = excluded.position, title = excluded.title,
                          adopting_body = excluded.adopting_body, retired_at = null
            returning id
            "#,
            document_id,
            position,
            resolution.label,
            resolution.title,
            resolution.adopting_body
        )
        .fetch_one(&mut *tx)
        .await?;
        let paragraph_ids = paragraphs(tx, resolution_id, resolution).await?;
        mandates(tx, resolution_id, resolution, &paragraph_ids).await?;
    }
    Ok(())
}

/// Rewrites the paragraphs of one resolution; returns the new ids by operative number.
async fn paragraphs(
    tx: &mut sqlx::PgConnection,
    resolution_id: i64,
    resolution: &Resolution,
) -> anyhow::Result<HashMap<String, i64>> {
    sqlx::query!(
        "delete from paragraph where resolution_id = $1",
        resolution_id
    )
    .execute(&mut *tx)
    .await?;
    let count = resolution.paragraphs.len();
    let mut positions = Vec::with_capacity(count);
    let mut kinds = Vec::with_capacity(count);
    let mut numbers: Vec<Option<String>> = Vec::with_capacity(count);
    let mut texts = Vec::with_capacity(count);
    for (position, paragraph) in (0i32..).zip(&resolution.paragraphs) {
        positions.push(position);
        kinds.push(paragraph.kind.as_str().to_string());
        numbers.push(paragraph.number.clone());
        texts.push(paragraph.text.clone());
    }
    // One statement for all paragraphs (unnest), not one round trip each.
    let rows = sqlx::query!(
        r#"
        insert into paragraph (resolution_id, position, kind, number, text)
        select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[])
        returning id, number
        "#,
        resolution_id,
        &positions,
        &kinds,
        &numbers as &[Option<String>],
        &texts
    )
    .fetch_all(&mut *tx)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| row.number.map(|n| (n, row.id)))
        .collect())
}

/// The session a report is due at: the body is found by name or alias, the session by
/// [`app::db::calendar::ensure_session`]. Unknown bodies leave the obligation unlinked.
async fn target_session(
    tx: &mut sqlx::PgConnection,
    body: &str,
    number: i32,
    label: Option<&str>,
) -> anyhow::Result<Option<i64>> {
    let body_id = sqlx::query_scalar!(
        r#"select id as "id!" from body where name = $1
           union all
           select body_id from body_alias where alias = $1
           limit 1"#,
        body
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(body_id) = body_id else {
        return Ok(None);
    };
    Ok(Some(
        app::db::calendar::ensure_session(tx, body_id, number, label).await?,
    ))
}

/// The identity of a mandate across re-imports of its text.
fn mandate_keys(mandates: &[Mandate]) -> Vec<String> {
    let mut seen: HashMap<String, u32> = HashMap::new();
    mandates
        .iter()
        .map(|m| {
            let base = format!(
                "{}|{}|{}|{}|{}|{}",
                m.paragraph,
                m.addressee,
                m.is_reporting,
                m.target_body.as_deref().unwrap_or(""),
                m.target_session.map(|s| s.to_string()).unwrap_or_default(),
                m.via_body.as_deref().unwrap_or("")
            );
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            format!("{base}|{n}")
        })
        .collect()
}

async fn mandates(
    tx: &mut sqlx::PgConnection,
    resolution_id: i64,
    resolution: &Resolution,
    paragraph_ids: &HashMap<String, i64>,
) -> anyhow::Result<()> {
    let keys = mandate_keys(&resolution.mandates);
    sqlx::query!(
        "update mandate set retired_at = now()
          where resolution_id = $1 and key <> all($2) and retired_at is null",
        resolution_id,
        &keys
    )
    .execute(&mut *tx)
    .await?;
    for ((position, mandate), key) in (0i32..).zip(&resolution.mandates).zip(&keys) {
        let session = mandate
            .target_session
            .and_then(|s| i32::try_from(s).ok())
            .filter(|s| *s > 0);
        let mandate_id = sqlx::query_scalar!(
            r#"
            insert into mandate (resolution_id, paragraph_id, key, position, paragraph_number,
                                 verb, addressee, action, is_reporting, target_body,
                                 target_session, target_session_label, via_body, recurrence, quote)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            on conflict on constraint mandate_resolution_key_key
            do update set paragraph_id = excluded.paragraph_id, position = excluded.position,
                          verb = excluded.verb, action = excluded.action,
                          target_session_label = excluded.target_session_label,
                          recurrence = excluded.recurrence, quote = excluded.quote,
                          retired_at = null
            returning id
            "#,
            resolution_id,
            paragraph_ids.get(&mandate.paragraph).copied(),
            key,
            position,
            mandate.paragraph,
            mandate.verb,
            mandate.addressee,
            mandate.action.as_str(),
            mandate.is_reporting,
            mandate.target_body,
            session,
            mandate.target_session_label,
            mandate.via_body,
            mandate.recurrence.map(|r| r.as_str()),
            mandate.quote
        )
        .fetch_one(&mut *tx)
        .await?;
        if tracked_as_report(mandate) {
            let session_id = match (&mandate.target_body, session) {
                (Some(body), Some(number)) => {
                    target_session(tx, body, number, mandate.target_session_label.as_deref())
                        .await?
                }
                _ => None,
            };
            // The first occurrence is created once; its status and target then belong to the
            // workflow, not the text (later occurrences come from the workflow).
            // An obligation stored before the calendar existed gets its session now.
            sqlx::query!(
                "insert into obligation (mandate_id, target_body, target_session, session_id)
                 values ($1, $2, $3, $4)
                 on conflict on constraint obligation_mandate_occurrence_key
                 do update set session_id = coalesce(obligation.session_id, excluded.session_id)",
                mandate_id,
                mandate.target_body,
                session,
                session_id
            )
            .execute(&mut *tx)
            .await?;
        } else {
            // A continuing activity (technical assistance, a meeting, a study, or reporting
            // "periodically" with no interval): tracked from `ongoing` to `completed` or
            // `discontinued`, with no session and no deadline. A report stored by an older
            // import for the same mandate becomes an activity if nobody has touched it yet
            // (version 1: no status change recorded); otherwise staff decide.
            let kind = ObligationKind::Activity;
            sqlx::query!(
                "insert into obligation (mandate_id, kind, status, target_body)
                 values ($1, $2, $3, $4)
                 on conflict on constraint obligation_mandate_occurrence_key
                 do update set kind = excluded.kind, status = excluded.status, session_id = null
                 where obligation.kind <> excluded.kind and obligation.version = 1",
                mandate_id,
                kind.as_str(),
                kind.initial_status().as_str(),
                mandate.target_body
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

/// Whether a mandate becomes a dated report (one occurrence at a time) rather than a continuing
/// activity. A report asked for "periodically", with no interval, has no next date anyone can
/// compute: it stays `ongoing` as an activity until the body ends or completes it.
fn tracked_as_report(mandate: &Mandate) -> bool {
    mandate.is_reporting && mandate.recurrence != Some(Recurrence::Periodic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::extract::Action;

    fn mandate(paragraph: &str, addressee: &str) -> Mandate {
        Mandate {
            paragraph: paragraph.into(),
            verb: "Requests".into(),
            addressee: addressee.into(),
            action: Action::Report,
            is_reporting: true,
            target_body: Some("General Assembly".into()),
            target_session: Some(75),
            target_session_label: Some("seventy-fifth session".into()),
            via_body: None,
            recurrence: None,
            quote: "q".into(),
        }
    }

    #[test]
    fn identical_mandates_in_one_paragraph_get_distinct_keys() {
        let keys = mandate_keys(&[
            mandate("3", "Secretary-General"),
            mandate("3", "Secretary-General"),
            mandate("4", "Secretary-General"),
        ]);
        assert_eq!(keys.len(), 3);
        assert_ne!(keys[0], keys[1]);
        assert!(keys[0].ends_with("|1") && keys[1].ends_with("|2") && keys[2].ends_with("|1"));
    }

    #[test]
    fn a_changed_quote_keeps_the_key() {
        let mut edited = mandate("3", "Secretary-General");
        edited.quote = "a reworded request".into();
        assert_eq!(
            mandate_keys(&[mandate("3", "Secretary-General")]),
            mandate_keys(&[edited])
        );
    }
}
