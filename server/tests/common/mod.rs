//! Shared set-up for the database tests: the demo calendar and the seed report, loaded the
//! way `make run` loads them. (`tests/common/mod.rs` rather than `tests/common.rs`, so cargo
//! does not build it as a test binary of its own.)
#![allow(clippy::unwrap_used, dead_code)]

use server::calendar::{CalendarFile, load};
use sqlx::PgPool;

pub const SEED: &str = include_str!("../../../data/E-2019-30.txt");
pub const CALENDAR: &str = include_str!("../../../data/calendar.json");

pub fn calendar() -> CalendarFile {
    serde_json::from_str(CALENDAR).unwrap()
}

/// Loads the calendar, then imports the seed report.
pub async fn load_demo_data(pool: &PgPool) {
    load(pool, &calendar()).await.unwrap();
    server::import::import_text(pool, "E/2019/30", SEED)
        .await
        .unwrap();
}

/// The id and version of session `number` of the body with `code`.
pub async fn session(pool: &PgPool, code: &str, number: i32) -> (i64, i32) {
    sqlx::query_as(
        "select s.id, s.version from session s join body b on b.id = s.body_id \
          where b.code = $1 and s.number = $2",
    )
    .bind(code)
    .bind(number)
    .fetch_one(pool)
    .await
    .unwrap()
}
