//! Two editors deciding on the same mandates at the same moment: one decision stands, the
//! other is refused with a 409 that says why, and neither is ever a 500.

use super::common::{call, client, create_user, log_in};
use super::{editor, proposed_document};
use server::database::MIGRATOR;
use sqlx::PgPool;

#[sqlx::test(migrator = "MIGRATOR")]
async fn merging_two_mandates_into_each_other_at_once_lets_one_merge_stand(pool: PgPool) {
    let (base, first) = editor(&pool).await;
    create_user(&pool, "second.editor@unodc.org", app::auth::Role::Editor).await;
    let second = client();
    let logged_in = log_in(&second, &base, "second.editor@unodc.org").await;
    assert_eq!(logged_in.status(), 200);
    let (document, _, _) = proposed_document(
        &pool,
        &first,
        &base,
        "13-e-res-2023-23.txt",
        "E/RES/2023/23",
    )
    .await;
    // Two proposed mandates of one resolution.
    let (a, b): (i64, i64) = sqlx::query_as(
        "select m.id, n.id from mandate m join mandate n on n.resolution_id = m.resolution_id
           join resolution r on r.id = m.resolution_id
          where r.document_id = $1 and m.id < n.id and m.review = 'proposed'
            and n.review = 'proposed'
          order by m.id, n.id limit 1",
    )
    .bind(document)
    .fetch_one(&pool)
    .await
    .unwrap();
    let merge =
        |from: i64, into: i64| vec![("mandate_id", from.to_string()), ("into", into.to_string())];
    for round in 0..30 {
        let (a_into_b, b_into_a) = (merge(a, b), merge(b, a));
        let (one, other) = tokio::join!(
            call(&first, &base, "merge_mandate", &a_into_b),
            call(&second, &base, "merge_mandate", &b_into_a),
        );
        let mut statuses = [one.0, other.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}: {one:?} {other:?}");
        // The second merge waited for the first and saw it, rather than colliding with it.
        let refused = if one.0 == 409 { &one.1 } else { &other.1 };
        assert!(
            refused.contains("were merged into mandate"),
            "round {round}: {refused}"
        );
        let merged: i64 = sqlx::query_scalar(
            "select count(*) from mandate where id in ($1, $2) and review = 'merged'",
        )
        .bind(a)
        .bind(b)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(merged, 1, "round {round}");
        // Both proposed again for the next round.
        sqlx::query(
            "update mandate set review = 'proposed', merged_into = null where id in ($1, $2)",
        )
        .bind(a)
        .bind(b)
        .execute(&pool)
        .await
        .unwrap();
    }
}
