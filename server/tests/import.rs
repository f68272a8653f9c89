#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `mandate-tracker import` against a real database: idempotence and updates.

use server::database::MIGRATOR;
use server::import::{ImportOutcome, import_text};
use sqlx::PgPool;

const SEED: &str = include_str!("../../data/E-2019-30.txt");

async fn counts(pool: &PgPool) -> (i64, i64, i64) {
    sqlx::query_as::<_, (i64, i64, i64)>(
        "select (select count(*) from document), (select count(*) from resolution), \
         (select count(*) from paragraph)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn importing_the_same_text_twice_changes_nothing(pool: PgPool) {
    assert_eq!(
        import_text(&pool, "E/2019/30", SEED).await.unwrap(),
        ImportOutcome::Created
    );
    let first = counts(&pool).await;
    assert_eq!(first.0, 1);
    assert_eq!(first.1, 14);
    assert!(first.2 > 100, "{first:?}");

    assert_eq!(
        import_text(&pool, "E/2019/30", SEED).await.unwrap(),
        ImportOutcome::Unchanged
    );
    assert_eq!(counts(&pool).await, first);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_revised_text_updates_in_place_without_duplicating(pool: PgPool) {
    import_text(&pool, "E/2019/30", SEED).await.unwrap();
    let ids_before: Vec<i64> = sqlx::query_scalar("select id from resolution order by id")
        .fetch_all(&pool)
        .await
        .unwrap();

    let revised = SEED.replacen(
        "Integrating sport into youth crime prevention and criminal justice strategies\n",
        "Integrating sport into youth crime prevention strategies (revised)\n",
        2,
    );
    assert_ne!(revised, SEED);
    assert_eq!(
        import_text(&pool, "E/2019/30", &revised).await.unwrap(),
        ImportOutcome::Updated
    );
    let ids_after: Vec<i64> = sqlx::query_scalar("select id from resolution order by id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(ids_before, ids_after, "resolutions keep their identity");
    let title: String =
        sqlx::query_scalar("select title from resolution where label = 'A. Draft resolution I'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        title,
        "Integrating sport into youth crime prevention strategies (revised)"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn text_without_resolutions_is_refused_and_stores_nothing(pool: PgPool) {
    let err = import_text(&pool, "X/1", "Just a letter.\n\nNothing adopted here.")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no resolution"), "{err}");
    assert_eq!(counts(&pool).await, (0, 0, 0));
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
