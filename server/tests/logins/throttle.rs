//! The login throttle: per account, per client address, 429 with `Retry-After`, and real logins
//! unhindered by a flood. The server trusts 127.0.0.1 as a proxy here, so each request can
//! name its client address in `X-Forwarded-For` (the addresses are only text in a header).

use super::common::{ADMIN, PASSWORD, STAFF, client, setup_with};
use server::database::MIGRATOR;
use sqlx::PgPool;
use std::time::{Duration, Instant};

/// Three attempts per account, five per address, per hour.
const LIMITS: &[&str] = &[
    "--trusted-proxy",
    "127.0.0.1",
    "--login-attempts-per-account",
    "3",
    "--login-attempts-per-address",
    "5",
    "--login-attempt-window-seconds",
    "3600",
];

/// A login attempt from `address`, the way the page's JavaScript sends it (or, with
/// `html`, a form posted without JavaScript).
async fn attempt(
    base: &str,
    address: &str,
    email: &str,
    password: &str,
    html: bool,
) -> reqwest::Response {
    let accept = if html {
        "text/html"
    } else {
        "application/json"
    };
    client()
        .post(format!("{base}/api/log_in"))
        .header("accept", accept)
        .header("referer", format!("{base}/login"))
        .header("x-forwarded-for", address)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
}

fn retry_after(response: &reqwest::Response) -> u64 {
    response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn guesses_at_one_account_from_many_addresses_get_429_with_retry_after(pool: PgPool) {
    let base = setup_with(&pool, LIMITS).await;
    for n in 1..=3 {
        let guess = attempt(
            &base,
            &format!("198.51.100.{n}"),
            STAFF,
            "a wrong guess",
            false,
        )
        .await;
        assert_eq!(guess.status().as_u16(), 401, "guess {n} is only wrong");
    }
    let refused = attempt(&base, "198.51.100.4", STAFF, PASSWORD, false).await;
    assert_eq!(
        refused.status().as_u16(),
        429,
        "even the right password waits"
    );
    // One attempt comes back every 3600 / 3 seconds.
    let wait = retry_after(&refused);
    assert!((1..=1200).contains(&wait), "Retry-After: {wait}");
    // The page's JavaScript reads the body as the server functions' error type.
    let error: app::error::AppError = serde_json::from_str(&refused.text().await.unwrap()).unwrap();
    assert_eq!(error, app::error::AppError::TooManyAttempts(wait));
    assert!(
        error
            .to_string()
            .starts_with("Too many login attempts. Please try again in")
    );

    let other = attempt(&base, "198.51.100.4", ADMIN, PASSWORD, false).await;
    assert_eq!(
        other.status().as_u16(),
        200,
        "other accounts are not affected"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn guesses_from_one_address_at_many_accounts_get_429(pool: PgPool) {
    let base = setup_with(&pool, LIMITS).await;
    for n in 1..=5 {
        let guess = attempt(
            &base,
            "203.0.113.9",
            &format!("user{n}@unodc.org"),
            "guess",
            false,
        )
        .await;
        assert_eq!(guess.status().as_u16(), 401, "guess {n}");
    }
    let refused = attempt(&base, "203.0.113.9", STAFF, PASSWORD, false).await;
    assert_eq!(refused.status().as_u16(), 429);
    assert!(retry_after(&refused) >= 1);
    let elsewhere = attempt(&base, "203.0.113.10", STAFF, PASSWORD, false).await;
    assert_eq!(
        elsewhere.status().as_u16(),
        200,
        "other addresses are not affected"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_form_posted_without_javascript_gets_a_readable_429(pool: PgPool) {
    let base = setup_with(&pool, LIMITS).await;
    for _ in 0..3 {
        attempt(&base, "192.0.2.1", STAFF, "a wrong guess", true).await;
    }
    let refused = attempt(&base, "192.0.2.1", STAFF, "a wrong guess", true).await;
    assert_eq!(refused.status().as_u16(), 429);
    assert!(retry_after(&refused) >= 1);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Too many login attempts. Please try again in"),
        "{page}"
    );
    assert!(page.contains("href=\"/login\""), "{page}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn without_a_trusted_proxy_forwarded_for_is_ignored(pool: PgPool) {
    let base = setup_with(&pool, &LIMITS[2..]).await;
    for n in 1..=5 {
        let email = format!("user{n}@unodc.org");
        attempt(&base, &format!("198.51.100.{n}"), &email, "guess", false).await;
    }
    let refused = attempt(&base, "198.51.100.99", STAFF, PASSWORD, false).await;
    assert_eq!(
        refused.status().as_u16(),
        429,
        "all came from 127.0.0.1, whatever they said"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_flood_of_guesses_does_not_hold_up_a_real_login(pool: PgPool) {
    let base = setup_with(&pool, LIMITS).await;
    let started = Instant::now();
    let alone = attempt(&base, "192.0.2.50", ADMIN, PASSWORD, false).await;
    assert_eq!(alone.status().as_u16(), 200);
    let unhindered = started.elapsed();

    let flood: Vec<_> = (0..60)
        .map(|_| {
            let base = base.clone();
            tokio::spawn(async move {
                attempt(&base, "192.0.2.66", STAFF, "a wrong guess", false)
                    .await
                    .status()
                    .as_u16()
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(20)).await;
    let started = Instant::now();
    let real = attempt(&base, "192.0.2.51", ADMIN, PASSWORD, false).await;
    let during_flood = started.elapsed();
    assert_eq!(real.status().as_u16(), 200);
    let mut hashed = 0;
    for guess in flood {
        match guess.await.unwrap() {
            401 => hashed += 1,
            status => assert_eq!(status, 429),
        }
    }
    assert!(
        hashed <= 3,
        "only the account's allowance was hashed: {hashed}"
    );
    // At most the three allowed guesses can be ahead of it at the password hasher.
    assert!(
        during_flood < unhindered * 4 + Duration::from_millis(500),
        "a real login took {during_flood:?} during the flood, {unhindered:?} alone"
    );
}
