#![allow(clippy::unwrap_used, clippy::expect_used)]
//! What a delegate reads, over HTTP: two obligations of one paragraph told apart by the
//! mandate's own words, the day a session was moved in an obligation's history, and on every
//! page that judges urgency, the day it is judged on.

mod common;

use app::domain::calendar::day;
use common::{
    STAFF, client, create_user, load_demo_data, load_full_demo, log_in, obligation_at, spawn_app,
    text_of,
};
use server::database::MIGRATOR;
use sqlx::PgPool;

/// Text as the pages write it (Leptos escapes these three in text).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The part of `page` from `start` to the next `end` after it.
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in {page}"));
    let rest = &page[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_obligations_of_one_paragraph_are_told_apart_by_their_own_words(pool: PgPool) {
    load_demo_data(&pool).await;
    // The first paragraph of the seed with two obligations whose mandates say different things
    // ("... to ensure proper follow-up ... and to report thereon ...").
    let pair: Vec<(i64, i64, String)> = sqlx::query_as(
        "with two as ( \
           select m.paragraph_id from obligation o join mandate m on m.id = o.mandate_id \
            where o.occurrence = 1 group by m.paragraph_id \
           having count(distinct m.quote) >= 2 order by m.paragraph_id limit 1) \
         select o.id, m.resolution_id, m.quote from obligation o \
           join mandate m on m.id = o.mandate_id join two on two.paragraph_id = m.paragraph_id \
          where o.occurrence = 1 order by m.position, o.id limit 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(pair.len(), 2, "a paragraph with two obligations");
    let resolution = pair[0].1;
    assert_ne!(pair[0].2, pair[1].2);
    let base = spawn_app(pool).await;
    let client = common::plain_client();

    // In the finder, each row quotes its own mandate, not the other's.
    let finder = text_of(
        &client,
        &format!("{base}/obligations?resolution={resolution}"),
    )
    .await;
    for (i, (id, _, quote)) in pair.iter().enumerate() {
        let other = &pair[1 - i].2;
        let row = between(
            &finder,
            &format!(r#"<a href="/obligations/{id}">"#),
            "</tr>",
        );
        let words = between(row, r#"<span class="quote-text">"#, "</span>");
        assert!(words.contains(&escaped(quote)), "row {id}: {row}");
        assert!(!words.contains(&escaped(other)), "row {id}: {row}");
    }
    // Both rows carry the same source ("28/x ¶n"): only the words tell them apart.
    let source = |id: i64| {
        let start = format!(r#"<a href="/obligations/{id}">"#);
        between(&finder, &start, "</a>")[start.len()..].to_owned()
    };
    assert_eq!(source(pair[0].0), source(pair[1].0));

    // On its page, each quotes its own words above the whole paragraph.
    for (i, (id, _, quote)) in pair.iter().enumerate() {
        let page = text_of(&client, &format!("{base}/obligations/{id}")).await;
        let words = between(&page, r#"<blockquote class="quote">"#, "</blockquote>");
        assert!(words.contains(&escaped(quote)), "{id}: {words}");
        assert!(!words.contains(&escaped(&pair[1 - i].2)), "{id}: {words}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_history_dates_a_session_move_by_the_day_it_was_made(pool: PgPool) {
    use app::db::session::{SessionChange, reschedule_session};
    load_demo_data(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let (session, version) = common::session(&pool, "CCPCJ", 29).await;
    let change = SessionChange {
        details: None,
        opens_on: Some("2020-10-05".parse().unwrap()),
        closes_on: None,
        state: app::domain::SessionState::Planned,
        note: None,
    };
    let mut tx = pool.begin().await.unwrap();
    reschedule_session(&mut tx, session, version, &change, "calendar office")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let made: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("select max(at) from session_event where session_id = $1")
            .bind(session)
            .fetch_one(&pool)
            .await
            .unwrap();
    let base = spawn_app(pool).await;
    let page = text_of(&common::plain_client(), &format!("{base}/obligations/{id}")).await;
    let history = between(&page, r#"<ol class="history">"#, "</ol>");
    let item = history
        .split("<li>")
        .find(|li| li.contains("to 5 October 2020"))
        .unwrap_or_else(|| panic!("no move in {history}"));
    // When the move was made (today), not only the days it moved between (2020).
    assert!(
        item.contains(&format!(r#"<time datetime="{}">"#, made.to_rfc3339())),
        "{item}"
    );
    assert!(
        item.contains(&format!(">{} ", day(made.date_naive()))),
        "{item}"
    );
    assert!(item.contains("moved from"), "{item}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn every_page_that_judges_urgency_says_which_day_it_is_judged_on(pool: PgPool) {
    let before = chrono::Utc::now().date_naive();
    // The whole demo: the calendar page judges the reports due on dates (the Council's).
    load_full_demo(&pool).await;
    create_user(&pool, STAFF, app::auth::Role::Editor).await;
    let base = spawn_app(pool.clone()).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    sqlx::query(
        "update obligation set focal_point_id = (select id from app_user where email = $2) \
          where id = $1",
    )
    .bind(id)
    .bind(STAFF)
    .execute(&pool)
    .await
    .unwrap();
    let visitor = common::plain_client();
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    let pages = [
        (&visitor, "/obligations".to_owned(), "judged on"),
        (&visitor, format!("/obligations/{id}"), "judged on"),
        (&visitor, "/sessions/ccpcj/29".to_owned(), "judged on"),
        (&visitor, "/overview".to_owned(), "judged on"),
        (&visitor, "/calendar".to_owned(), "judged on"),
        (&staff, "/my-work".to_owned(), "judged on"),
    ];
    for (client, path, words) in pages {
        let page = text_of(client, &format!("{base}{path}")).await;
        // Read from the server's clock: today, unless midnight passed during the test.
        let after = chrono::Utc::now().date_naive();
        let said = [before, after]
            .iter()
            .any(|d| page.contains(&format!("{words} {}.", day(*d))));
        assert!(said, "{path} does not say which day: {page}");
    }
}
