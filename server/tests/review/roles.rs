//! Each endpoint of the import and the review queue, by role: visitors are sent to log in,
//! viewers read and change nothing, editors and administrators decide.

use super::common::{ADMIN, STAFF, call, client, create_user, log_in, setup};
use super::{Form, proposed_document, quote_start, resolution_of, upload};
use app::auth::Role;
use server::database::MIGRATOR;
use sqlx::PgPool;

const VIEWER: &str = "reader@unodc.org";

#[sqlx::test(migrator = "MIGRATOR")]
async fn each_new_endpoint_answers_each_role_as_its_rights_say(pool: PgPool) {
    let base = setup(&pool).await;
    create_user(&pool, VIEWER, Role::Viewer).await;
    let clients = [client(), client(), client(), client()];
    for (client, email) in clients[1..].iter().zip([VIEWER, STAFF, ADMIN]) {
        assert_eq!(log_in(client, &base, email).await.status(), 200);
    }
    // A proposed document, imported by the editor.
    let (document, text, mandates) = proposed_document(
        &pool,
        &clients[2],
        &base,
        "13-e-res-2023-23.txt",
        "E/RES/2023/23",
    )
    .await;
    let resolution = resolution_of(&pool, document).await;
    // The upload form itself.
    for (who, expected) in [401, 403, 303, 303].into_iter().enumerate() {
        let response = upload(&clients[who], &base, "E/RES/2023/23", None, &text).await;
        assert_eq!(response.status(), expected, "upload by client {who}");
    }
    let m = |i: usize| mandates[i].0.to_string();
    let split = vec![
        ("mandate_id", m(3)),
        ("quote", quote_start(&pool, mandates[3].0, 5).await),
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
