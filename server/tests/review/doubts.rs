//! What the extractor is unsure of comes first: the mandate says why, the review page lists
//! such mandates at the top, and the import page lists the documents with most of them first.

use super::*;

const DOUBTFUL: &str = "The General Assembly,\n\n\
    1. Requests the Secretary-General and the United Nations High Commissioner for Human Rights \
    to submit a joint report to the General Assembly at its eighty-third session on the \
    implementation of the present resolution;\n\n\
    2. Also requests the Secretary-General to report to the General Assembly at its \
    eighty-second session on the follow-up to the present resolution;\n";

const PLAIN: &str = "The General Assembly,\n\n\
    1. Requests the Secretary-General to submit a report to the General Assembly at its \
    eighty-second session on the implementation of the present resolution;\n";

#[sqlx::test(migrator = "MIGRATOR")]
async fn doubtful_mandates_and_documents_are_reviewed_first(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let draft = draft_of(&editor, &base, "A/RES/83/901", None, DOUBTFUL).await;
    let doubtful = import_draft(&editor, &base, draft, "A/RES/83/901", DOUBTFUL).await;
    // Imported later, with nothing doubtful: it still comes second.
    let draft = draft_of(&editor, &base, "A/RES/83/902", None, PLAIN).await;
    let plain = import_draft(&editor, &base, draft, "A/RES/83/902", PLAIN).await;

    let doubts: Vec<(String, Option<String>)> = sqlx::query_as(
        "select m.paragraph_number, m.doubt from mandate m \
           join resolution r on r.id = m.resolution_id \
          where r.document_id = $1 order by m.position",
    )
    .bind(doubtful)
    .fetch_all(&pool)
    .await
    .unwrap();
    let reason = doubts
        .iter()
        .find(|(p, _)| p == "1")
        .and_then(|(_, d)| d.clone())
        .unwrap_or_else(|| panic!("paragraph 1 asks two actors together: {doubts:?}"));
    assert!(
        doubts.iter().any(|(p, d)| p == "2" && d.is_none()),
        "{doubts:?}"
    );

    let page = common::markup(common::text_of(&editor, &format!("{base}/review/{doubtful}")).await);
    let first = page
        .split(r#"id="check-first""#)
        .nth(1)
        .unwrap_or_else(|| panic!("no list of what to check first: {page}"));
    let first = &first[..first.find("</section>").unwrap()];
    assert!(first.contains(&reason), "{first}");
    assert!(first.contains("href=\"#mandate-"), "{first}");
    assert!(page.contains("<strong>Check: </strong>"), "{page}");

    let imports = common::markup(common::text_of(&editor, &format!("{base}/import")).await);
    let at = |id: i64| imports.find(&format!("href=\"/review/{id}\"")).unwrap();
    assert!(at(doubtful) < at(plain), "the document with a doubt first");
    assert!(imports.contains("(1 to check first)"), "{imports}");
    let plain_page = common::text_of(&editor, &format!("{base}/review/{plain}")).await;
    assert!(!plain_page.contains(r#"id="check-first""#));
}

const TIMED_BY_A_MEETING: &str = "The General Assembly,\n\n\
    1. Decides to convene a high-level meeting on the subject every two years, from its \
    eighty-second session onward, and requests the Secretary-General to brief the Assembly \
    during such meetings on the progress made;\n";

/// Each doubted field is stored with its reason and marked beside its value on the review
/// page, while the mandate waits; a decision puts the marks away.
#[sqlx::test(migrator = "MIGRATOR")]
async fn each_doubted_field_says_why_beside_its_value(pool: PgPool) {
    let (base, editor) = editor(&pool).await;
    let text = TIMED_BY_A_MEETING;
    let draft = draft_of(&editor, &base, "A/RES/81/903", None, text).await;
    let document = import_draft(&editor, &base, draft, "A/RES/81/903", text).await;

    let (session, recurrence, fields): (Option<i32>, Option<String>, serde_json::Value) =
        sqlx::query_as(
            "select m.target_session, m.recurrence, m.field_doubts from mandate m \
               join resolution r on r.id = m.resolution_id \
              where r.document_id = $1 and m.is_reporting",
        )
        .bind(document)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        (session, recurrence.as_deref()),
        (Some(82), Some("biennial"))
    );
    let doubted: Vec<&str> = fields
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert_eq!(doubted, ["target_session", "recurrence"], "{fields}");

    let page = common::markup(common::text_of(&editor, &format!("{base}/review/{document}")).await);
    let row = |label: &str| {
        let at = page
            .find(&format!("<dt>{label}</dt>"))
            .unwrap_or_else(|| panic!("no {label} row: {page}"));
        let rest = &page[at..];
        rest[..rest.find("</dd>").unwrap()].to_string()
    };
    let reason = "taken from the meeting named earlier in the paragraph";
    assert!(
        row("Target session").contains(reason),
        "{}",
        row("Target session")
    );
    assert!(row("Recurrence").contains(reason), "{}", row("Recurrence"));
    assert!(
        !row("Target body").contains("Check: "),
        "{}",
        row("Target body")
    );

    // Confirmed as found: nothing is left to check.
    let (status, _) = common::call(
        &editor,
        &base,
        "confirm_all",
        &[("document_id", document.to_string())],
    )
    .await;
    assert_eq!(status, 200);
    let page = common::text_of(&editor, &format!("{base}/review/{document}")).await;
    assert!(!page.contains("field-doubt"), "{page}");
}
