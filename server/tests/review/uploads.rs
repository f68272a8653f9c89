//! Files in each format become drafts with a preview; bad files are refused with the form kept;
//! an import stores proposed mandates that no public page shows.

use super::common::{self, ADMIN, call, client, log_in, text_of};
use super::{
    File, corpus_text, draft_of, draft_text, drafts, editor, import_draft, original, resolution_of,
    states, upload,
};
use server::database::MIGRATOR;
use sqlx::PgPool;

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
    let resolution = resolution_of(&pool, document).await;
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
async fn a_long_report_is_imported_through_the_draft_form(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    // The seed report after blank lines: a form of about 0.5 MB, twice the limit of other forms.
    let text = format!("{}{}", "\n".repeat(100_000), common::SEED);
    let draft = draft_of(&editor, &base, "E/2019/30/Rev.1", None, &text).await;
    let document = import_draft(&editor, &base, draft, "E/2019/30/Rev.1", &text).await;
    assert_eq!(states(&pool, document).await.len(), 63);
}
