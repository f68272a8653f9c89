#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The browser's import and the review queue over HTTP, against the real application: files in
//! each format become drafts with a preview, an import stores proposed mandates that no public
//! page shows, and editors' decisions (confirm, correct, reject, split, merge, confirm all)
//! make them tracked, each in the history; viewers read and change nothing.

use app::auth::Role;
use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{ADMIN, STAFF, call, client, create_user, log_in, setup, text_of};

const VIEWER: &str = "reader@unodc.org";

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

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_akoma_ntoso_file_is_previewed_imported_as_proposed_and_not_public(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let id = draft_of(
        &editor,
        &base,
        "E/RES/2021/21",
        Some(("09-e-res-2021-21.xml", original("09-e-res-2021-21.xml"))),
        "",
    )
    .await;
    // The draft page previews the text: each clause marked, with its fields and dates.
    let page = text_of(&editor, &format!("{base}/import/drafts/{id}")).await;
    assert!(page.contains("Preview of E/RES/2021/21"), "{page}");
    assert!(page.contains("<mark>"), "{page}");
    assert!(page.contains("<dt>Addressee</dt>"), "{page}");
    assert!(page.contains("Akoma Ntoso XML"), "{page}");
    // Another editor's draft is not found.
    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let (status, _) = call(&admin, &base, "get_draft", &[("draft_id", id.to_string())]).await;
    assert_eq!(status, 404);

    let text = draft_text(&pool, id).await;
    let document = import_draft(&editor, &base, id, "E/RES/2021/21", &text).await;
    let found = states(&pool, document).await;
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|(_, review, tracked)| review == "proposed" && !tracked),
        "{found:?}"
    );
    // The draft is gone; the document waits for review.
    assert_eq!(drafts(&pool).await, 0, "the imported draft is gone");
    let import = text_of(&editor, &format!("{base}/import")).await;
    assert!(import.contains(&format!("/review/{document}")), "{import}");
    // No public page shows a proposed mandate.
    let visitor = client();
    let resolution: i64 = sqlx::query_scalar("select id from resolution where document_id = $1")
        .bind(document)
        .fetch_one(&pool)
        .await
        .unwrap();
    let finder = text_of(
        &visitor,
        &format!("{base}/obligations?resolution={resolution}"),
    )
    .await;
    assert!(
        finder.contains("0 obligations") || finder.contains("No obligation"),
        "{finder}"
    );
    // Importing the same text again changes nothing and duplicates nothing; the draft page says
    // which document it would replace.
    let again = draft_of(&editor, &base, "E/RES/2021/21", None, &text).await;
    let page = text_of(&editor, &format!("{base}/import/drafts/{again}")).await;
    assert!(
        page.contains("E/RES/2021/21 is already in the tracker"),
        "{page}"
    );
    let same = import_draft(&editor, &base, again, "E/RES/2021/21", &text).await;
    assert_eq!(same, document);
    assert_eq!(states(&pool, document).await, found);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn pdf_word_and_pasted_texts_become_drafts(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let pdf = draft_of(
        &editor,
        &base,
        "S/2021/523",
        Some(("16-s-2021-523.pdf", original("16-s-2021-523.pdf"))),
        "",
    )
    .await;
    let text = draft_text(&pool, pdf).await;
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Requests the Secretary-General"), "{text}");
    let word = common::files::docx_of(&corpus_text("10-e-res-2021-23.txt"));
    let docx = draft_of(
        &editor,
        &base,
        "E/RES/2021/23",
        Some(("resolution.docx", word)),
        "",
    )
    .await;
    assert_eq!(
        app::extract::extract(&draft_text(&pool, docx).await)
            .unwrap()
            .resolutions
            .len(),
        app::extract::extract(&corpus_text("10-e-res-2021-23.txt"))
            .unwrap()
            .resolutions
            .len()
    );
    let pasted = corpus_text("14-e-res-2023-27.txt");
    let typed = draft_of(&editor, &base, "E/RES/2023/27", None, &pasted).await;
    assert_eq!(draft_text(&pool, typed).await, pasted.replace("\r\n", "\n"));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn bad_files_are_refused_with_the_form_kept_and_nothing_stored(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let pdf = original("16-s-2021-523.pdf");
    let cases: Vec<(&str, File, &str, u16, &str)> = vec![
        (
            "nothing",
            None,
            "",
            422,
            "Choose a file to upload, or paste the text",
        ),
        (
            "empty",
            Some(("empty.pdf", Vec::new())),
            "",
            422,
            "The file is empty",
        ),
        (
            "scanned",
            Some(("scan.pdf", common::files::scanned_pdf())),
            "",
            422,
            "no text layer",
        ),
        (
            "encrypted",
            Some(("locked.pdf", common::files::encrypted_pdf())),
            "",
            422,
            "password-protected",
        ),
        (
            "broken",
            Some(("cut.pdf", pdf[..pdf.len() / 3].to_vec())),
            "",
            422,
            "damaged or incomplete",
        ),
        (
            "zip bomb",
            Some(("bomb.docx", common::files::zip_bomb())),
            "",
            413,
            "unpacks to far more",
        ),
        (
            "image",
            Some(("logo.png", b"\x89PNG\r\n\x1a\n0000".to_vec())),
            "",
            415,
            "cannot be read here",
        ),
        (
            "latin-1",
            Some(("notes.txt", b"R\xe9solution".to_vec())),
            "",
            422,
            "not UTF-8",
        ),
        (
            "no resolution",
            None,
            "Minutes of a meeting about nothing in particular.",
            422,
            "No resolution or decision",
        ),
        (
            "both",
            Some(("a.pdf", pdf.clone())),
            "Resolution 1/1",
            422,
            "not both",
        ),
    ];
    for (what, file, text, status, message) in cases {
        let response = upload(&editor, &base, "E/CN.15/2026/L.9", file, text).await;
        assert_eq!(response.status(), status, "{what}");
        let page = common::markup(response.text().await.unwrap());
        assert!(page.contains("There is a problem"), "{what}: {page}");
        assert!(page.contains(message), "{what}: {page}");
        // What was typed is kept.
        assert!(page.contains("value=\"E/CN.15/2026/L.9\""), "{what}");
    }
    // A bad symbol, with a good file.
    let response = upload(
        &editor,
        &base,
        "not a symbol!",
        Some(("r.pdf", pdf.clone())),
        "",
    )
    .await;
    assert_eq!(response.status(), 422);
    // Clients that ask for JSON get the same refusal as JSON.
    let form = reqwest::multipart::Form::new()
        .text("symbol", "S/2021/523")
        .part(
            "file",
            reqwest::multipart::Part::bytes(Vec::new()).file_name("x.pdf"),
        );
    let response = editor
        .post(format!("{base}/import"))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["field"], "file");
    assert_eq!(drafts(&pool).await, 0, "nothing stored");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_upload_of_200_megabytes_is_refused_before_it_is_read(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let size: usize = 200 * 1024 * 1024;
    // A body that says it is 200 MB; the server answers from the header, without reading it.
    let chunk = bytes::Bytes::from(vec![b'a'; 1024 * 1024]);
    let stream =
        futures_util::stream::iter((0..200).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
    let part = reqwest::multipart::Part::stream_with_length(
        reqwest::Body::wrap_stream(stream),
        size as u64,
    )
    .file_name("huge.pdf");
    let form = reqwest::multipart::Form::new()
        .text("symbol", "S/2021/523")
        .part("file", part);
    let response = editor
        .post(format!("{base}/import"))
        .multipart(form)
        .send()
        .await;
    match response {
        // The page may be cut off when the server closes the connection on the rest.
        Ok(response) => assert_eq!(response.status(), 413),
        // The server may close the connection while the client is still sending.
        Err(err) => assert!(err.is_request() || err.is_body(), "{err:?}"),
    }
    assert_eq!(drafts(&pool).await, 0, "nothing stored");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn each_new_endpoint_answers_each_role_as_its_rights_say(pool: PgPool) {
    let base = setup(&pool).await;
    create_user(&pool, VIEWER, Role::Viewer).await;
    let clients = [client(), client(), client(), client()];
    for (client, email) in clients[1..].iter().zip([VIEWER, STAFF, ADMIN]) {
        assert_eq!(log_in(client, &base, email).await.status(), 200);
    }
    // A proposed document, imported by the editor.
    let text = corpus_text("13-e-res-2023-23.txt");
    let draft = draft_of(&clients[2], &base, "E/RES/2023/23", None, &text).await;
    let document = import_draft(&clients[2], &base, draft, "E/RES/2023/23", &text).await;
    let mandates = states(&pool, document).await;
    let resolution: i64 = sqlx::query_scalar("select id from resolution where document_id = $1")
        .bind(document)
        .fetch_one(&pool)
        .await
        .unwrap();
    // The upload form itself.
    for (who, expected) in [401, 403, 303, 303].into_iter().enumerate() {
        let response = upload(&clients[who], &base, "E/RES/2023/23", None, &text).await;
        assert_eq!(response.status(), expected, "upload by client {who}");
    }
    let m = |i: usize| mandates[i].0.to_string();
    let quote: String = sqlx::query_scalar("select quote from mandate where id = $1")
        .bind(mandates[3].0)
        .fetch_one(&pool)
        .await
        .unwrap();
    let split = vec![
        ("mandate_id", m(3)),
        (
            "quote",
            quote
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ("addressee", "Secretary-General".to_string()),
        ("action", "other".to_string()),
    ];
    let fields = |id: String| {
        vec![
            ("mandate_id", id),
            ("addressee", "Secretary-General".to_string()),
            ("action", "report".to_string()),
            ("reporting", "yes".to_string()),
            (
                "target_body",
                "Commission on Crime Prevention and Criminal Justice".to_string(),
            ),
            ("target_session", "35".to_string()),
        ]
    };
    let matrix: Vec<(&str, Form, [u16; 4])> = vec![
        ("list_imports", vec![], [401, 403, 200, 200]),
        (
            "get_draft",
            vec![("draft_id", "999999".into())],
            [401, 403, 404, 404],
        ),
        (
            "save_draft",
            vec![
                ("draft_id", "999999".into()),
                ("symbol", "A/1".into()),
                ("text", "x".into()),
            ],
            [401, 403, 404, 404],
        ),
        (
            "discard_draft",
            vec![("draft_id", "999999".into())],
            [401, 403, 200, 200],
        ),
        (
            "get_review",
            vec![("document_id", document.to_string())],
            [401, 200, 200, 200],
        ),
        (
            "record_adoption",
            vec![
                ("resolution_id", resolution.to_string()),
                ("adopted_symbol", "A/RES/78/999".into()),
            ],
            [401, 403, 200, 200],
        ),
        // A split leaves the original proposed: the administrator may split it again.
        ("split_mandate", split, [401, 403, 200, 200]),
        // Each decision once: the editor makes it, then the administrator finds it made.
        (
            "merge_mandate",
            vec![("mandate_id", m(4)), ("into", m(5))],
            [401, 403, 200, 409],
        ),
        (
            "confirm_mandate",
            vec![("mandate_id", m(0))],
            [401, 403, 200, 409],
        ),
        ("correct_mandate", fields(m(1)), [401, 403, 200, 409]),
        (
            "reject_mandate",
            vec![("mandate_id", m(2))],
            [401, 403, 200, 409],
        ),
        (
            "confirm_all",
            vec![("document_id", document.to_string())],
            [401, 403, 200, 200],
        ),
    ];
    for (endpoint, form, answers) in &matrix {
        for (who, (client, expected)) in clients.iter().zip(answers).enumerate() {
            let (status, body) = call(client, &base, endpoint, form).await;
            assert_eq!(status, *expected, "{endpoint} by client {who}: {body}");
        }
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn decisions_make_mandates_tracked_and_are_in_the_history(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let text = corpus_text("13-e-res-2023-23.txt");
    let draft = draft_of(&editor, &base, "E/RES/2023/23", None, &text).await;
    let document = import_draft(&editor, &base, draft, "E/RES/2023/23", &text).await;
    let mandates = states(&pool, document).await;
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
    let quote: String = sqlx::query_scalar("select quote from mandate where id = $1")
        .bind(mandates[3].0)
        .fetch_one(&pool)
        .await
        .unwrap();
    let part: String = quote
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let split = vec![
        ("mandate_id", id(3)),
        ("quote", part),
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

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_long_report_is_imported_through_the_draft_form(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    // The seed report after blank lines: a form of about 0.5 MB, twice the limit of other forms.
    let text = format!("{}{}", "\n".repeat(100_000), common::SEED);
    let draft = draft_of(&editor, &base, "E/2019/30/Rev.1", None, &text).await;
    let document = import_draft(&editor, &base, draft, "E/2019/30/Rev.1", &text).await;
    assert_eq!(states(&pool, document).await.len(), 63);
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
