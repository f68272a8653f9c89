#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `mandate-tracker import` against a real database: idempotence, revisions, bad input.

use server::database::MIGRATOR;
use server::import::{ImportOutcome, import_text};
use sqlx::PgPool;

const SEED: &str = include_str!("../../data/E-2019-30.txt");

/// (documents, resolutions, paragraphs, mandates, obligations)
async fn counts(pool: &PgPool) -> (i64, i64, i64, i64, i64) {
    sqlx::query_as(
        "select (select count(*) from document), (select count(*) from resolution), \
         (select count(*) from paragraph), (select count(*) from mandate), \
         (select count(*) from obligation)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn import(pool: &PgPool, text: &str) -> ImportOutcome {
    import_text(pool, "E/2019/30", text).await.unwrap().0
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn importing_the_same_text_twice_changes_nothing(pool: PgPool) {
    assert_eq!(import(&pool, SEED).await, ImportOutcome::Created);
    let first = counts(&pool).await;
    assert_eq!((first.0, first.1), (1, 14));
    assert!(first.2 > 100, "{first:?}");
    assert_eq!(
        (first.3, first.4),
        (63, 63),
        "mandates, and one obligation each (13 reports, 50 activities)"
    );

    assert_eq!(import(&pool, SEED).await, ImportOutcome::Unchanged);
    assert_eq!(counts(&pool).await, first);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn every_mandate_links_to_its_source_paragraph(pool: PgPool) {
    import(&pool, SEED).await;
    let unlinked: i64 = sqlx::query_scalar(
        "select count(*) from mandate m left join paragraph p on p.id = m.paragraph_id \
          where p.id is null or strpos(p.text, m.quote) = 0",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unlinked, 0, "each quote is found in its linked paragraph");

    let due_at_ccpcj_29: i64 = sqlx::query_scalar(
        "select count(*) from obligation \
          where target_body = 'Commission on Crime Prevention and Criminal Justice' \
            and target_session = 29",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(due_at_ccpcj_29, 4);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_revised_text_updates_in_place_and_retires_what_it_dropped(pool: PgPool) {
    import(&pool, SEED).await;
    let ids_before: Vec<i64> = sqlx::query_scalar("select id from resolution order by id")
        .fetch_all(&pool)
        .await
        .unwrap();
    let obligation_ids_before: Vec<i64> =
        sqlx::query_scalar("select id from obligation order by id")
            .fetch_all(&pool)
            .await
            .unwrap();

    // Retitle one resolution, reword one mandate, and drop the whole of Resolution 28/2.
    let start = SEED.find("Resolution 28/2\n").unwrap();
    let end = SEED.find("Resolution 28/3\n").unwrap();
    let revised = format!("{}{}", &SEED[..start], &SEED[end..])
        .replacen(
            "Integrating sport into youth crime prevention and criminal justice strategies\n",
            "Integrating sport into youth crime prevention strategies (revised)\n",
            2,
        )
        .replacen(
            "to convene an expert group meeting",
            "to convene an expert meeting",
            1,
        );
    assert_eq!(import(&pool, &revised).await, ImportOutcome::Updated);

    let ids_after: Vec<i64> = sqlx::query_scalar("select id from resolution order by id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        ids_before, ids_after,
        "no resolution is deleted or duplicated"
    );
    let retired: Vec<String> =
        sqlx::query_scalar("select label from resolution where retired_at is not null")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(retired, ["D. Resolution 28/2"]);
    let title: String =
        sqlx::query_scalar("select title from resolution where label = 'A. Draft resolution I'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        title,
        "Integrating sport into youth crime prevention strategies (revised)"
    );

    let (total, live): (i64, i64) =
        sqlx::query_as("select count(*), count(*) filter (where retired_at is null) from mandate")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (total, live),
        (63, 62),
        "28/2's mandate is retired, not deleted"
    );
    let reworded: i64 = sqlx::query_scalar(
        "select count(*) from mandate where quote like '%convene an expert meeting%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reworded, 1, "the reworded mandate is updated in place");
    let obligation_ids_after: Vec<i64> =
        sqlx::query_scalar("select id from obligation order by id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(obligation_ids_before, obligation_ids_after);

    // Re-importing the original revives what was retired.
    assert_eq!(import(&pool, SEED).await, ImportOutcome::Updated);
    let retired: i64 = sqlx::query_scalar(
        "select (select count(*) from resolution where retired_at is not null) \
              + (select count(*) from mandate where retired_at is not null)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(retired, 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn text_without_resolutions_is_refused_and_stores_nothing(pool: PgPool) {
    let err = import_text(&pool, "X/1", "Just a letter.\n\nNothing adopted here.")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("No resolution"), "{err}");
    assert_eq!(counts(&pool).await, (0, 0, 0, 0, 0));
}

#[test]
fn binary_and_oversized_files_are_refused_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("mt-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"Resolution\xff\xfe").unwrap();
    let Err(err) = server::import::read_text(&binary) else {
        panic!("a binary file was accepted");
    };
    let err = err.to_string();
    assert!(
        err.contains("not UTF-8") && err.contains("offset 10"),
        "{err}"
    );

    let big = dir.join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(app::extract::MAX_INPUT_BYTES as u64 + 1)
        .unwrap();
    // No unwrap_err: on failure it would print the whole file.
    let Err(err) = server::import::read_text(&big) else {
        panic!("an oversized file was accepted");
    };
    let err = err.to_string();
    assert!(err.contains("the limit is"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_document_read_by_an_older_extractor_is_read_again(pool: PgPool) {
    import(&pool, SEED).await;
    // As if an older extractor had stored it without its mandates.
    sqlx::query("update document set extractor_version = 0")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("delete from obligation")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("delete from mandate")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(import(&pool, SEED).await, ImportOutcome::Updated);
    let after = counts(&pool).await;
    assert_eq!((after.3, after.4), (63, 63));
    assert_eq!(import(&pool, SEED).await, ImportOutcome::Unchanged);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn mandates_that_ask_for_no_report_are_tracked_as_ongoing_activities(pool: PgPool) {
    import(&pool, SEED).await;
    let kinds: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "select kind, status, count(*), count(session_id) from obligation \
          group by kind, status order by kind",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        kinds,
        vec![
            ("activity".into(), "ongoing".into(), 50, 0),
            ("report".into(), "pending".into(), 13, 0),
        ],
        "activities have no session; reports get theirs once the calendar is loaded"
    );
    let technical_assistance: i64 = sqlx::query_scalar(
        "select count(*) from obligation o join mandate m on m.id = o.mandate_id \
          where o.kind = 'activity' and m.action = 'provide technical assistance'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(technical_assistance, 27);
    let periodic: Vec<(String, Option<String>)> = sqlx::query_as(
        "select o.kind, o.target_body from obligation o join mandate m on m.id = o.mandate_id \
          where m.is_reporting and m.recurrence = 'periodic' order by o.target_body",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        periodic,
        vec![
            (
                "activity".into(),
                Some("Commission on Crime Prevention and Criminal Justice".into())
            ),
            (
                "activity".into(),
                Some("Expert Group to Conduct a Comprehensive Study on Cybercrime".into())
            ),
        ],
        "reports asked for periodically stay ongoing, with the body they go to"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_untouched_report_stored_by_an_older_import_becomes_an_activity(pool: PgPool) {
    import(&pool, SEED).await;
    // As an import before extractor version 2 stored the periodic reports: as pending reports.
    sqlx::query(
        "update obligation o set kind = 'report', status = 'pending' from mandate m \
          where m.id = o.mandate_id and m.recurrence = 'periodic' and m.is_reporting",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("update document set extractor_version = 1")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(import(&pool, SEED).await, ImportOutcome::Updated);
    let reports: i64 = sqlx::query_scalar("select count(*) from obligation where kind = 'report'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(reports, 13, "the two periodic reports are activities again");
}
