//! Shared set-up for the database tests: the demo calendar and the seed report, loaded the
//! way `make run` loads them. (`tests/common/mod.rs` rather than `tests/common.rs`, so cargo
//! does not build it as a test binary of its own.)
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

pub mod files;
pub mod smtp;

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

/// Starts the real application on a free port and returns its base URL.
pub async fn spawn_app(pool: PgPool) -> String {
    spawn_app_with(pool, &[]).await
}

/// Same, with more `serve` flags.
pub async fn spawn_app_with(pool: PgPool, flags: &[&str]) -> String {
    let site_root = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site");
    spawn_app_on_site(pool, site_root, flags).await
}

/// Same, serving the built site in `site_root`.
pub async fn spawn_app_on_site(pool: PgPool, site_root: &str, flags: &[&str]) -> String {
    use clap::Parser;
    let mut argv = vec!["serve", "--addr", "127.0.0.1:0", "--site-root", site_root];
    // Mail written as files goes to a folder of the test's own, never into the repository.
    let outbox = smtp::temp_dir("outbox").display().to_string();
    if !flags.contains(&"--outbox-dir") {
        argv.extend_from_slice(&["--outbox-dir", &outbox]);
    }
    argv.extend_from_slice(flags);
    let args = server::settings::ServeArgs::parse_from(argv);
    let app = server::build(pool, &args).await.unwrap();
    let url = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    url
}

/// The password every test account gets.
pub const PASSWORD: &str = "a long test password";

/// Creates an account with [`PASSWORD`] and returns its id.
pub async fn create_user(pool: &PgPool, email: &str, role: app::auth::Role) -> i64 {
    let email = app::auth::EmailAddress::parse(email).unwrap();
    let hash = app::auth::password::hash_password(PASSWORD.into())
        .await
        .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    app::db::user::create_user(&mut conn, &email, "Test Officer", role, &hash)
        .await
        .unwrap()
}

/// How long a test waits for one answer: a page that never finishes is a failure with the
/// address in the message, not a test run that hangs until CI gives up.
pub const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(60);

/// A client that keeps cookies and does not follow redirects, so tests see each answer.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(ANSWER_WITHIN)
        .build()
        .unwrap()
}

/// A client like a browser's without cookies: follows redirects.
pub fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(ANSWER_WITHIN)
        .build()
        .unwrap()
}

/// Logs `client` in as `email` (with [`PASSWORD`]) through the login endpoint.
pub async fn log_in(client: &reqwest::Client, base: &str, email: &str) -> reqwest::Response {
    client
        .post(format!("{base}/api/log_in"))
        .header("accept", "application/json")
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap()
}

/// The first obligation due at the given body code and session number.
pub async fn obligation_at(pool: &PgPool, code: &str, number: i32) -> i64 {
    sqlx::query_scalar(
        "select o.id from obligation o join session s on s.id = o.session_id \
           join body b on b.id = s.body_id where b.code = $1 and s.number = $2 \
          order by o.id limit 1",
    )
    .bind(code)
    .bind(number)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// (status, version, number of events) of an obligation.
pub async fn state(pool: &PgPool, id: i64) -> (String, i32, i64) {
    sqlx::query_as(
        "select o.status, o.version, \
                (select count(*) from obligation_event e where e.obligation_id = o.id) \
           from obligation o where o.id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The staff and the administrator account of [`setup`].
pub const STAFF: &str = "officer@unodc.org";
pub const ADMIN: &str = "secretary@unodc.org";

/// The demo data, a staff and an administrator account, and the application (with more
/// `serve` flags); returns the base URL.
pub async fn setup_with(pool: &PgPool, flags: &[&str]) -> String {
    load_demo_data(pool).await;
    create_user(pool, STAFF, app::auth::Role::Editor).await;
    create_user(pool, ADMIN, app::auth::Role::Admin).await;
    spawn_app_with(pool.clone(), flags).await
}

/// [`setup_with`] the default settings.
pub async fn setup(pool: &PgPool) -> String {
    setup_with(pool, &[]).await
}

/// Posts a form to a server function the way the browser's JavaScript does; (status, body).
pub async fn call(
    client: &reqwest::Client,
    base: &str,
    endpoint: &str,
    form: &[(&str, String)],
) -> (u16, String) {
    let response = client
        .post(format!("{base}/api/{endpoint}"))
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The form of `record_status_change` moving obligation `id` at `version` to status `to`.
pub fn status_form(id: i64, version: i32, to: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", id.to_string()),
        ("version", version.to_string()),
        ("to", to.to_string()),
    ]
}

/// The body of a GET of `url` by `client`.
pub async fn text_of(client: &reqwest::Client, url: &str) -> String {
    markup(client.get(url).send().await.unwrap().text().await.unwrap())
}

/// A page's markup without Leptos' hydration markers (`<!>`, which erased component types put
/// after dynamic text), so tests can look for the HTML a reader gets.
pub fn markup(html: String) -> String {
    html.replace("<!>", "")
}

/// The demo set up, with a staff member logged in: (base URL, the first obligation due at the
/// Commission's 29th session, the staff member's client).
pub async fn staff_on_obligation(pool: &PgPool) -> (String, i64, reqwest::Client) {
    let base = setup(pool).await;
    let id = obligation_at(pool, "CCPCJ", 29).await;
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    (base, id, staff)
}

/// The login cookie the response sets, with its attributes.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mt_session="))
        .map(str::to_owned)
}

/// The development corpus as `make run` imports it: (symbol, text) of each document of
/// `data/corpus/corpus.json`, read from its `text_file`.
pub fn corpus_texts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/corpus");
    let index = std::fs::read_to_string(format!("{dir}/corpus.json")).unwrap();
    let documents: Vec<serde_json::Value> = serde_json::from_str(&index).unwrap();
    documents
        .iter()
        .map(|doc| {
            let symbol = doc["symbol"].as_str().unwrap().to_owned();
            let file = doc["text_file"].as_str().unwrap();
            let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
            (symbol, text)
        })
        .collect()
}

/// The demo's illustrative progress, `data/demo-progress.json`.
pub fn demo_progress() -> server::demo::ProgressFile {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/demo-progress.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Everything `make run` loads: the calendar, the seed report, the corpus texts and the
/// illustrative progress.
pub async fn load_full_demo(pool: &PgPool) {
    load_demo_data(pool).await;
    let index = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/corpus/corpus.json");
    server::demo::corpus::import_all(pool, std::path::Path::new(index))
        .await
        .unwrap_or_else(|err| panic!("corpus: {err:#}"));
    server::demo::apply(pool, &demo_progress())
        .await
        .unwrap_or_else(|err| panic!("demo progress: {err:#}"));
}

/// Stores `extraction` as document `symbol` adopted on `adopted`, its mandates trusted as
/// found (as the command-line import does); the document's id.
pub async fn store_trusted(
    pool: &PgPool,
    symbol: &str,
    adopted: Option<chrono::NaiveDate>,
    extraction: &app::extract::Extraction,
) -> i64 {
    let mut tx = pool.begin().await.unwrap();
    let source = app::db::document::DocumentSource {
        symbol,
        title: symbol,
        sha256: "00",
        extractor_version: app::extract::EXTRACTOR_VERSION,
        adopted_on: adopted,
        imported_by: None,
    };
    let id = app::db::document::insert(&mut tx, &source).await.unwrap();
    app::db::document::store_extraction(
        &mut tx,
        id,
        extraction,
        app::domain::review::Review::Confirmed,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// The day obligation `id` is due on, when it is due on a day.
pub async fn due_on(pool: &PgPool, id: i64) -> Option<chrono::NaiveDate> {
    sqlx::query_scalar("select due_on from obligation where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}
