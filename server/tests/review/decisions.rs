//! Editors' decisions make proposed mandates tracked (or not), each in the history, and keep
//! across re-imports; adopted symbols name resolutions on public pages.

use super::common::{call, client, text_of};
use super::{draft_of, editor, import_draft, proposed_document, quote_start, states};
use server::database::MIGRATOR;
use sqlx::PgPool;

#[sqlx::test(migrator = "MIGRATOR")]
async fn decisions_make_mandates_tracked_and_are_in_the_history(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let (document, text, mandates) = proposed_document(
        &pool,
        &editor,
        &base,
        "13-e-res-2023-23.txt",
        "E/RES/2023/23",
    )
    .await;
    assert!(mandates.len() >= 5, "{mandates:?}");
    let id = |i: usize| mandates[i].0.to_string();
    // Correct one target, reject one, split one, merge one, confirm the rest.
    let corrected = vec![
        ("mandate_id", id(0)),
        (
            "addressee",
            "United Nations Office on Drugs and Crime".to_string(),
        ),
        ("action", "report".to_string()),
        ("reporting", "yes".to_string()),
        (
            "target_body",
            "Commission on Crime Prevention and Criminal Justice".to_string(),
        ),
        ("target_session", "35".to_string()),
    ];
    assert_eq!(
        call(&editor, &base, "correct_mandate", &corrected).await.0,
        200
    );
    assert_eq!(
        call(&editor, &base, "reject_mandate", &[("mandate_id", id(1))])
            .await
            .0,
        200
    );
    assert_eq!(
        call(
            &editor,
            &base,
            "merge_mandate",
            &[("mandate_id", id(2)), ("into", id(3))]
        )
        .await
        .0,
        200
    );
    let split = vec![
        ("mandate_id", id(3)),
        ("quote", quote_start(&pool, mandates[3].0, 6).await),
        ("addressee", "Secretary-General".to_string()),
        ("action", "other".to_string()),
    ];
    let (status, body) = call(&editor, &base, "split_mandate", &split).await;
    assert_eq!(status, 200, "{body}");
    // A mandate another was merged into cannot be rejected: that task would go untracked.
    let (status, _) = call(&editor, &base, "reject_mandate", &[("mandate_id", id(3))]).await;
    assert_eq!(status, 409);
    // Words that are not in the paragraph are refused.
    let wrong = vec![
        ("mandate_id", id(3)),
        ("quote", "words nowhere".to_string()),
        ("addressee", "SG".to_string()),
        ("action", "other".to_string()),
    ];
    assert_eq!(call(&editor, &base, "split_mandate", &wrong).await.0, 422);
    let bad = vec![
        ("mandate_id", id(4)),
        ("addressee", String::new()),
        ("action", "report".to_string()),
    ];
    assert_eq!(call(&editor, &base, "correct_mandate", &bad).await.0, 422);
    let (status, confirmed) = call(
        &editor,
        &base,
        "confirm_all",
        &[("document_id", document.to_string())],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(confirmed.trim(), (mandates.len() - 3).to_string());

    let after = states(&pool, document).await;
    assert_eq!(after.len(), mandates.len() + 1, "the split added one");
    for (mandate, review, tracked) in &after {
        assert_eq!(
            *tracked,
            review == "confirmed" || review == "corrected",
            "{mandate} {review}"
        );
    }
    let review = |i: usize| {
        after
            .iter()
            .find(|m| m.0 == mandates[i].0)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(review(0), "corrected");
    assert_eq!(review(1), "rejected");
    assert_eq!(review(2), "merged");
    // The corrected target is the obligation's.
    let (body, session): (Option<String>, Option<i32>) =
        sqlx::query_as("select target_body, target_session from obligation where mandate_id = $1")
            .bind(mandates[0].0)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(session, Some(35));
    assert!(body.is_some());
    // The history says who did what, and what changed.
    let page = text_of(&editor, &format!("{base}/review/{document}")).await;
    assert!(
        page.contains("corrected by Test Officer; addressee:"),
        "{page}"
    );
    assert!(page.contains("target session:"), "{page}");
    assert!(page.contains("rejected by Test Officer"), "{page}");
    assert!(
        page.contains("merged into another mandate by Test Officer"),
        "{page}"
    );
    assert!(page.contains("Every mandate is reviewed."), "{page}");
    // The tracked ones are public now, with their dates.
    let visitor = client();
    let resolution: i64 = sqlx::query_scalar("select resolution_id from mandate where id = $1")
        .bind(mandates[0].0)
        .fetch_one(&pool)
        .await
        .unwrap();
    let finder = text_of(
        &visitor,
        &format!("{base}/obligations?resolution={resolution}"),
    )
    .await;
    assert!(finder.contains("/obligations/"), "{finder}");
    // A re-import of an edited text keeps every decision.
    let edited = text.replacen("Requests", "Also requests", 1);
    let draft = draft_of(&editor, &base, "E/RES/2023/23", None, &edited).await;
    import_draft(&editor, &base, draft, "E/RES/2023/23", &edited).await;
    let again = states(&pool, document).await;
    for (mandate, review, _) in &after {
        if let Some(now) = again.iter().find(|m| m.0 == *mandate) {
            assert_eq!(&now.1, review, "mandate {mandate}");
        }
    }
    // The split-off mandate follows its source: still current, in the rewritten paragraph.
    let (current, linked): (bool, bool) = sqlx::query_as(
        "select retired_at is null, paragraph_id is not null from mandate where key like 'split:%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(current && linked, "current {current}, linked {linked}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_adopted_symbol_names_the_resolution_on_pages(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let resolution: i64 = sqlx::query_scalar(
        "select r.id from resolution r join document d on d.id = r.document_id
          where d.symbol = 'E/2019/30' and r.label like '%Draft resolution I'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let form = [
        ("resolution_id", resolution.to_string()),
        ("adopted_symbol", "A/RES/74/177".to_string()),
        ("adopted_on", "2019-12-18".to_string()),
    ];
    assert_eq!(call(&editor, &base, "record_adoption", &form).await.0, 200);
    let bad = [
        ("resolution_id", resolution.to_string()),
        ("adopted_symbol", "nonsense symbol".to_string()),
    ];
    assert_eq!(call(&editor, &base, "record_adoption", &bad).await.0, 422);
    let visitor = client();
    let page = text_of(&visitor, &format!("{base}/resolutions/{resolution}")).await;
    assert!(page.contains("A/RES/74/177"), "{page}");
    let finder = text_of(
        &visitor,
        &format!("{base}/obligations?resolution={resolution}"),
    )
    .await;
    assert!(finder.contains("A/RES/74/177"), "{finder}");
}
