#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The browser's import and the review queue over HTTP, against the real application: files in
//! each format become drafts with a preview, an import stores proposed mandates that no public
//! page shows (review/uploads.rs), editors' decisions (confirm, correct, reject, split, merge,
//! confirm all) make them tracked, each in the history (review/decisions.rs), and viewers read
//! and change nothing (review/roles.rs). Here: the helpers they share.

use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{STAFF, client, log_in, setup};

#[path = "review/decisions.rs"]
mod decisions;
#[path = "review/doubts.rs"]
mod doubts;
#[path = "review/races.rs"]
mod races;
#[path = "review/roles.rs"]
mod roles;
#[path = "review/uploads.rs"]
mod uploads;

type File = Option<(&'static str, Vec<u8>)>;
type Form = Vec<(&'static str, String)>;

fn original(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../data/corpus/originals/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn corpus_text(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../data/corpus/texts/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Posts the import form: a file (name, bytes) or pasted text.
async fn upload(
    client: &reqwest::Client,
    base: &str,
    symbol: &str,
    file: Option<(&str, Vec<u8>)>,
    text: &str,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new()
        .text("symbol", symbol.to_owned())
        .text("adopted_on", "2021-07-22")
        .text("text", text.to_owned());
    form = match file {
        Some((name, bytes)) => form.part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        ),
        None => form.part(
            "file",
            reqwest::multipart::Part::bytes(Vec::new()).file_name(""),
        ),
    };
    client
        .post(format!("{base}/import"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .unwrap_or_else(|| panic!("no redirect: {}", response.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

/// Uploads and returns the new draft's id.
async fn draft_of(
    client: &reqwest::Client,
    base: &str,
    symbol: &str,
    file: Option<(&str, Vec<u8>)>,
    text: &str,
) -> i64 {
    let response = upload(client, base, symbol, file, text).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    let to = location(&response);
    to.strip_prefix("/import/drafts/").unwrap().parse().unwrap()
}

/// Imports draft `id` the way the draft page's button does; the document's id.
async fn import_draft(
    client: &reqwest::Client,
    base: &str,
    id: i64,
    symbol: &str,
    text: &str,
) -> i64 {
    let response = client
        .post(format!("{base}/api/save_draft"))
        .form(&[
            ("draft_id", id.to_string()),
            ("symbol", symbol.to_owned()),
            ("adopted_on", "2021-07-22".to_owned()),
            ("text", text.to_owned()),
            ("intent", "import".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    let to = location(&response);
    to.strip_prefix("/review/")
        .unwrap_or_else(|| panic!("went to {to}"))
        .parse()
        .unwrap()
}

async fn drafts(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select count(*) from import_draft")
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn draft_text(pool: &PgPool, id: i64) -> String {
    sqlx::query_scalar("select text from import_draft where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// (review state, has an obligation) of each current mandate of document `id`, in order.
async fn states(pool: &PgPool, id: i64) -> Vec<(i64, String, bool)> {
    sqlx::query_as(
        "select m.id, m.review, exists (select 1 from obligation o where o.mandate_id = m.id)
           from mandate m join resolution r on r.id = m.resolution_id
          where r.document_id = $1 and m.retired_at is null
          order by r.position, m.position, m.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn editor(pool: &PgPool) -> (String, reqwest::Client) {
    let base = setup(pool).await;
    let editor = client();
    assert_eq!(log_in(&editor, &base, STAFF).await.status(), 200);
    (base, editor)
}

/// Uploads corpus text `name` as `symbol` and imports the draft, as `client`: the document's
/// id, the text and its mandates' [`states`] (all proposed).
async fn proposed_document(
    pool: &PgPool,
    client: &reqwest::Client,
    base: &str,
    name: &str,
    symbol: &str,
) -> (i64, String, Vec<(i64, String, bool)>) {
    let text = corpus_text(name);
    let draft = draft_of(client, base, symbol, None, &text).await;
    let document = import_draft(client, base, draft, symbol, &text).await;
    let mandates = states(pool, document).await;
    (document, text, mandates)
}

/// The id of document `document`'s (first) resolution.
async fn resolution_of(pool: &PgPool, document: i64) -> i64 {
    sqlx::query_scalar("select id from resolution where document_id = $1")
        .bind(document)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The first `words` words of mandate `id`'s quote: words a split may take from its paragraph.
async fn quote_start(pool: &PgPool, id: i64, words: usize) -> String {
    let quote: String = sqlx::query_scalar("select quote from mandate where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap();
    quote
        .split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_sql_tracked_function_agrees_with_is_tracked(pool: PgPool) {
    for review in app::domain::review::Review::ALL {
        let tracked: bool = sqlx::query_scalar("select tracked($1)")
            .bind(review.as_str())
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(tracked, review.is_tracked(), "{review:?}");
    }
}
