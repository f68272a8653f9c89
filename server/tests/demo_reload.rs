#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `make run` loads the demo corpus on every start. Once it is loaded, loading it again writes
//! nothing: a write, even of the same values, sends a `data_changed` notice, and each notice
//! empties the page store of a running server.

use server::database::MIGRATOR;
use server::routes::page_cache::CHANNEL;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::time::Duration;

mod common;

/// The payload of the notice that ends a listening.
const END: &str = "end of the reload";

#[sqlx::test(migrator = "MIGRATOR")]
async fn loading_the_corpus_again_announces_no_change(pool: PgPool) {
    common::load_full_demo(&pool).await;
    let mut listener = PgListener::connect_with(&pool).await.unwrap();
    listener.listen(CHANNEL).await.unwrap();

    let index = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/corpus/corpus.json");
    server::demo::corpus::import_all(&pool, std::path::Path::new(index))
        .await
        .unwrap();
    // Notices come in the order their transactions committed: this one comes after any the
    // reload sent.
    sqlx::query("select pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(END)
        .execute(&pool)
        .await
        .unwrap();
    let mut changed = Vec::new();
    loop {
        let notice = tokio::time::timeout(Duration::from_secs(30), listener.recv())
            .await
            .expect("the closing notice")
            .unwrap();
        if notice.payload() == END {
            break;
        }
        changed.push(notice.payload().to_owned());
    }
    assert_eq!(
        changed,
        Vec::<String>::new(),
        "tables written by the reload"
    );
}
