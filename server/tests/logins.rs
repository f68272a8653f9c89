#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Logging in and out, and how logins end, over HTTP against the real application and
//! PostgreSQL. The throttle is in logins/throttle.rs, the HTTP defences in logins/headers.rs.

use server::database::MIGRATOR;
use sqlx::PgPool;
use std::time::Duration;

mod common;
use common::{STAFF, call, client, log_in, obligation_at, session_cookie, setup, status_form};

#[path = "logins/headers.rs"]
mod headers;
#[path = "logins/throttle.rs"]
mod throttle;

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer(pool: PgPool) {
    let base = setup(&pool).await;
    let wrong = call(
        &client(),
        &base,
        "log_in",
        &[
            ("email", STAFF.into()),
            ("password", "not the password".into()),
        ],
    )
    .await;
    let unknown = call(
        &client(),
        &base,
        "log_in",
        &[
            ("email", "nobody@unodc.org".into()),
            ("password", "whatever it is".into()),
        ],
    )
    .await;
    assert_eq!(wrong.0, 401);
    assert_eq!(wrong, unknown);
    assert!(wrong.1.contains("InvalidCredentials"), "{}", wrong.1);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn logging_in_sets_a_hardened_cookie_and_a_new_session_id_each_time(pool: PgPool) {
    let base = setup(&pool).await;
    let client = client();
    let first = log_in(&client, &base, STAFF).await;
    assert_eq!(first.status().as_u16(), 200);
    assert_eq!(
        first.headers()["location"],
        "/obligations",
        "sent on to the obligations"
    );
    let cookie = session_cookie(&first).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let second = log_in(&client, &base, STAFF).await;
    let renewed = session_cookie(&second).expect("a renewed session cookie");
    assert_ne!(
        cookie.split(';').next(),
        renewed.split(';').next(),
        "the session id changes at login (no fixation)"
    );
    let (status, body) = call(&client, &base, "get_current_user", &[]).await;
    assert_eq!(status, 200);
    assert!(
        body.contains(STAFF) && body.contains("\"editor\""),
        "{body}"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn logging_out_ends_the_session_for_good(pool: PgPool) {
    let base = setup(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let staff = client();
    let login = log_in(&staff, &base, STAFF).await;
    let cookie = session_cookie(&login).unwrap();
    let (status, _) = call(&staff, &base, "log_out", &[]).await;
    assert_eq!(status, 200);
    let (status, _) = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!(status, 401);
    // Replaying the old cookie does not bring the session back.
    let replay = common::plain_client()
        .post(format!("{base}/api/record_status_change"))
        .header("accept", "application/json")
        .header("cookie", cookie.split(';').next().unwrap())
        .form(&status_form(id, 1, "in_preparation"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status().as_u16(), 401);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_disabled_account_cannot_log_in_or_keep_working(pool: PgPool) {
    let base = setup(&pool).await;
    let staff = client();
    assert_eq!(log_in(&staff, &base, STAFF).await.status().as_u16(), 200);
    sqlx::query("update app_user set disabled_at = now() where email = $1")
        .bind(STAFF)
        .execute(&pool)
        .await
        .unwrap();
    let (_, body) = call(&staff, &base, "get_current_user", &[]).await;
    assert_eq!(body, "null", "the open session no longer counts");
    assert_eq!(log_in(&client(), &base, STAFF).await.status().as_u16(), 401);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_new_password_ends_the_accounts_open_sessions(pool: PgPool) {
    let base = setup(&pool).await;
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    let (_, before) = call(&staff, &base, "get_current_user", &[]).await;
    assert!(before.contains(STAFF));
    new_password(&pool).await;
    let (_, after) = call(&staff, &base, "get_current_user", &[]).await;
    assert_eq!(after, "null", "logged out everywhere");
}

async fn new_password(pool: &PgPool) {
    let email = app::auth::EmailAddress::parse(STAFF).unwrap();
    let hash = app::auth::password::hash_password("another long password".into())
        .await
        .unwrap();
    assert!(
        app::db::user::set_password_hash(pool, &email, &hash)
            .await
            .unwrap()
    );
}

/// How a test ends a login while requests of it are running.
#[derive(Debug, Clone, Copy)]
enum Ending {
    LogOut,
    NewPassword,
    Disable,
}

/// Ends a login while several of its requests are running, and checks that none of them
/// brings it back. The requests are held mid-way deterministically: each has loaded the login
/// and is waiting for a row lock on the obligation it changes, which the test holds until the
/// login has ended. (Before the login store refused to re-insert rows, every such request
/// wrote the deleted login back when it finished.)
async fn ending_a_login_sticks_while_its_requests_run(pool: PgPool, ending: Ending) {
    const RUNNING: usize = 6;
    // The application gets a pool of its own: each held request keeps a connection, more
    // than the five of a test's pool.
    let app_pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(RUNNING as u32 + 4)
        .connect_with((*pool.connect_options()).clone())
        .await
        .unwrap();
    let base = setup(&app_pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let staff = client();
    let cookie = session_cookie(&log_in(&staff, &base, STAFF).await).unwrap();

    let mut lock = pool.begin().await.unwrap();
    sqlx::query("select id from obligation where id = $1 for update")
        .bind(id)
        .execute(&mut *lock)
        .await
        .unwrap();
    let running: Vec<_> = (0..RUNNING)
        .map(|_| {
            let (staff, base) = (staff.clone(), base.clone());
            tokio::spawn(async move {
                call(
                    &staff,
                    &base,
                    "record_status_change",
                    &status_form(id, 1, "in_preparation"),
                )
                .await
            })
        })
        .collect();
    wait_for_lock_waiters(&pool, RUNNING).await;

    match ending {
        Ending::LogOut => assert_eq!(call(&staff, &base, "log_out", &[]).await.0, 200),
        Ending::NewPassword => new_password(&pool).await,
        Ending::Disable => {
            let email = app::auth::EmailAddress::parse(STAFF).unwrap();
            assert!(app::db::user::disable_user(&pool, &email).await.unwrap());
        }
    }
    lock.rollback().await.unwrap();
    for request in running {
        let (status, body) = request.await.unwrap();
        assert!(status < 500, "{ending:?}: {status} {body}");
    }

    let rows: i64 = sqlx::query_scalar("select count(*) from user_session")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        rows, 0,
        "{ending:?}: a running request wrote the login back"
    );
    let replay = common::plain_client()
        .post(format!("{base}/api/get_current_user"))
        .header("accept", "application/json")
        .header("cookie", cookie.split(';').next().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        replay.text().await.unwrap(),
        "null",
        "{ending:?}: the cookie still works"
    );
    app_pool.close().await;
}

/// Waits until `count` connections of this test's database wait for a lock.
async fn wait_for_lock_waiters(pool: &PgPool, count: usize) {
    for _ in 0..200 {
        let waiting: i64 = sqlx::query_scalar(
            "select count(*) from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting as usize >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the requests never reached the lock");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_logout_while_requests_of_the_login_run_sticks(pool: PgPool) {
    ending_a_login_sticks_while_its_requests_run(pool, Ending::LogOut).await;
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_new_password_while_requests_of_the_login_run_sticks(pool: PgPool) {
    ending_a_login_sticks_while_its_requests_run(pool, Ending::NewPassword).await;
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn disabling_the_account_while_requests_of_the_login_run_sticks(pool: PgPool) {
    ending_a_login_sticks_while_its_requests_run(pool, Ending::Disable).await;
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_login_in_constant_use_still_ends_after_its_lifetime(pool: PgPool) {
    let base = common::setup_with(&pool, &["--login-lifetime-minutes", "60"]).await;
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    let began_ago = |minutes: i32| {
        sqlx::query("update user_session set created_at = now() - make_interval(mins => $1)")
            .bind(minutes)
            .execute(&pool)
    };
    began_ago(59).await.unwrap();
    let (_, body) = call(&staff, &base, "get_current_user", &[]).await;
    assert!(
        body.contains(STAFF),
        "59 minutes in, still logged in: {body}"
    );
    began_ago(61).await.unwrap();
    let (_, body) = call(&staff, &base, "get_current_user", &[]).await;
    assert_eq!(body, "null", "past the lifetime, however recently used");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn expired_sessions_are_neither_loaded_nor_kept(pool: PgPool) {
    use server::login_store::PgLoginStore;
    use tower_sessions::SessionStore;
    use tower_sessions::cookie::time::{Duration, OffsetDateTime};
    use tower_sessions::session::{Id, Record};
    use tower_sessions::session_store::ExpiredDeletion;

    let store = PgLoginStore::new(pool.clone(), std::time::Duration::from_secs(3600));
    let record = |expires_in: Duration| Record {
        id: Id::default(),
        data: [("user_id".to_string(), serde_json::json!(7))].into(),
        expiry_date: OffsetDateTime::now_utc() + expires_in,
    };
    let mut live = record(Duration::hours(1));
    let mut idle = record(Duration::minutes(-1));
    let mut old = record(Duration::hours(1));
    for record in [&mut live, &mut idle, &mut old] {
        store.create(record).await.unwrap();
    }
    sqlx::query("update user_session set created_at = now() - interval '61 minutes' where id = $1")
        .bind(old.id.to_string())
        .execute(&pool)
        .await
        .unwrap();
    let loaded = store.load(&live.id).await.unwrap().expect("the live login");
    assert_eq!(loaded.data, live.data);
    assert!(
        store.load(&idle.id).await.unwrap().is_none(),
        "idle too long"
    );
    assert!(
        store.load(&old.id).await.unwrap().is_none(),
        "past its lifetime"
    );
    store.delete_expired().await.unwrap();
    let left: i64 = sqlx::query_scalar("select count(*) from user_session")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 1, "only the live login is kept");
    store.delete(&live.id).await.unwrap();
    assert!(store.load(&live.id).await.unwrap().is_none());
    store.save(&live).await.unwrap();
    assert!(
        store.load(&live.id).await.unwrap().is_none(),
        "save never re-creates a login"
    );
}
