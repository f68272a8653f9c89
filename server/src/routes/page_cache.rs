//! Pages kept for readers without a login.
//!
//! Delegations read the same few pages over and over (a session's list, a filter shared in a
//! mail); rendering one costs its SQL every time (10–20 ms for the finder on 100,000
//! obligations). A page, JSON answer or feed that a request without any cookie received is kept,
//! keyed by host and URL, and sent again to the next such request until either:
//! - the data changes: every data table notifies `data_changed` on commit (migration
//!   `20261204000010`), whichever process made the change; a staff write through this server
//!   forgets at once, before its answer leaves, so its author's next anonymous look is fresh;
//! - the day changes (UTC): urgency and "overdue" are measured on today's date;
//! - five minutes pass, a bound on staleness if a notice were ever lost.
//!
//! While the server is not listening for notices (at start, or after losing its connection)
//! nothing is kept or sent from the store. Requests with a cookie (staff, a form's error
//! message) always get a fresh page; nothing a logged-in user saw is kept.
//!
//! Each page's Content-Security-Policy nonce must be new for every answer: a page is kept in
//! pieces around its nonce and put together again with the request's own.

use app::auth::login::USER_ID_KEY;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{NaiveDate, Utc};
use futures_util::StreamExt;
use leptos::nonce::Nonce;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// The channel the data tables notify (see the migration).
pub const CHANNEL: &str = "data_changed";

/// A kept answer is forgotten after this long even if no notice came.
const KEPT_AT_MOST: Duration = Duration::from_secs(5 * 60);

/// An answer larger than this is sent as it comes and not kept.
const LARGEST_KEPT: usize = 2 * 1024 * 1024;

/// The pages kept, and whether they can be trusted.
#[derive(Clone)]
pub struct PageCache(Arc<Store>);

struct Store {
    pages: moka::sync::Cache<Arc<str>, Arc<Kept>>,
    /// Bumped on every change of the data; an answer made under an older count is stale.
    generation: AtomicU64,
    /// Whether notices of changes arrive (else nothing is kept or sent).
    listening: AtomicBool,
}

/// One answer as it was sent, split around its nonce.
struct Kept {
    generation: u64,
    day: NaiveDate,
    status: StatusCode,
    headers: HeaderMap,
    pieces: Vec<Bytes>,
}

impl PageCache {
    /// A store of at most `megabytes`; it keeps nothing until [`PageCache::listen`] connects.
    pub fn new(megabytes: u64) -> Self {
        let pages = moka::sync::Cache::builder()
            .max_capacity(megabytes.saturating_mul(1024 * 1024))
            .weigher(|key: &Arc<str>, kept: &Arc<Kept>| {
                let body: usize = kept.pieces.iter().map(Bytes::len).sum();
                u32::try_from(key.len() + body + 64 * kept.headers.len() + 256).unwrap_or(u32::MAX)
            })
            .time_to_live(KEPT_AT_MOST)
            .build();
        Self(Arc::new(Store {
            pages,
            generation: AtomicU64::new(0),
            listening: AtomicBool::new(false),
        }))
    }

    /// Forgets every kept answer (the data changed, or notices may have been missed).
    pub fn forget(&self) {
        self.0.generation.fetch_add(1, Ordering::SeqCst);
        self.0.pages.invalidate_all();
    }

    fn set_listening(&self, listening: bool) {
        self.0.listening.store(listening, Ordering::SeqCst);
        self.forget();
    }

    /// Listens for notices of changes until the pool closes, reconnecting after a second when
    /// the connection is lost; nothing is kept while not listening.
    pub fn listen(&self, pool: PgPool) {
        let cache = self.clone();
        tokio::spawn(async move {
            loop {
                match listen_once(&cache, &pool).await {
                    sqlx::Error::PoolClosed => return,
                    err => {
                        tracing::warn!(error = %err, "not told of data changes: pages are not kept")
                    }
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    fn fresh(&self, key: &str, today: NaiveDate) -> Option<Arc<Kept>> {
        let kept = self.0.pages.get(key)?;
        (kept.generation == self.0.generation.load(Ordering::SeqCst) && kept.day == today)
            .then_some(kept)
    }
}

/// Listens until an error, forgetting everything on each notice and on each reconnection.
async fn listen_once(cache: &PageCache, pool: &PgPool) -> sqlx::Error {
    let mut listener = match PgListener::connect_with(pool).await {
        Ok(listener) => listener,
        Err(err) => return err,
    };
    if let Err(err) = listener.listen(CHANNEL).await {
        return err;
    }
    cache.set_listening(true);
    let err = loop {
        match listener.try_recv().await {
            Ok(Some(_)) => cache.forget(),
            // Connection lost and made again: notices in between are lost.
            Ok(None) => cache.forget(),
            Err(err) => break err,
        }
    };
    cache.set_listening(false);
    err
}

/// Middleware outside the login layer: answers from the store when it can, keeps what it may.
pub async fn serve_kept(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let nonce = request.extensions().get::<Nonce>().cloned();
    let (Some(nonce), true) = (nonce, cache.0.listening.load(Ordering::SeqCst)) else {
        return next.run(request).await;
    };
    if !may_keep_request(&request) {
        return next.run(request).await;
    }
    let key = key_of(&request);
    let today = Utc::now().date_naive();
    if let Some(kept) = cache.fresh(&key, today) {
        return kept.answer(&nonce);
    }
    let generation = cache.0.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    if !may_keep_response(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match collect(body).await {
        Ok(body) => body,
        Err(partial) => return Response::from_parts(parts, partial),
    };
    let kept = Kept {
        generation,
        day: today,
        status: parts.status,
        headers: parts.headers.clone(),
        pieces: split_around(&body, nonce.as_inner().as_bytes()),
    };
    cache.0.pages.insert(key, Arc::new(kept));
    Response::from_parts(parts, Body::from(body))
}

/// Middleware inside the login layer: a logged-in user's write forgets the kept pages before
/// its answer is sent (notices from PostgreSQL would follow a moment later).
pub async fn forget_after_staff_writes(
    State(cache): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let login = request
        .extensions()
        .get::<tower_sessions::Session>()
        .cloned();
    let response = next.run(request).await;
    if let (true, Some(login)) = (writes, login)
        && let Ok(Some(_)) = login.get::<i64>(USER_ID_KEY).await
    {
        cache.forget();
    }
    response
}

/// The public pages, their JSON and their feeds, asked for without any cookie or credentials.
fn may_keep_request(request: &Request) -> bool {
    let path = request.uri().path();
    let public = matches!(
        path,
        "/" | "/obligations"
            | "/calendar"
            | "/overview"
            | "/login"
            | "/obligations.ics"
            | "/changes.atom"
    ) || ["/obligations/", "/resolutions/", "/sessions/", "/api/v1/"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    public
        && request.method() == Method::GET
        && !request.headers().contains_key(header::COOKIE)
        && !request.headers().contains_key(header::AUTHORIZATION)
}

/// A complete answer meant for anyone: 200, no cookie set, not marked private.
fn may_keep_response(response: &Response) -> bool {
    let headers = response.headers();
    let private = headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("no-store") || v.contains("private"));
    response.status() == StatusCode::OK && !private && !headers.contains_key(header::SET_COOKIE)
}

/// The host (absolute links in feeds may follow it) and the URL as sent.
fn key_of(request: &Request) -> Arc<str> {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let url = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    Arc::from(format!("{host} {url}"))
}

/// The whole body, or — when it is too large to keep or fails on the way — a body that sends
/// what was read and then the rest as it comes.
async fn collect(body: Body) -> Result<Bytes, Body> {
    let mut stream = body.into_data_stream();
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut size = 0;
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            let read = futures_util::stream::iter(chunks.into_iter().map(Ok));
            return Err(Body::from_stream(
                read.chain(futures_util::stream::iter([chunk])),
            ));
        };
        size += chunk.len();
        chunks.push(chunk);
        if size > LARGEST_KEPT {
            let read = futures_util::stream::iter(chunks.into_iter().map(Ok));
            return Err(Body::from_stream(read.chain(stream)));
        }
    }
    Ok(if chunks.len() == 1 {
        chunks.remove(0)
    } else {
        chunks.concat().into()
    })
}

/// `body` cut at every occurrence of `nonce` (which is left out).
fn split_around(body: &Bytes, nonce: &[u8]) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for at in memchr::memmem::find_iter(body, nonce) {
        pieces.push(body.slice(start..at));
        start = at + nonce.len();
    }
    pieces.push(body.slice(start..));
    pieces
}

impl Kept {
    fn answer(&self, nonce: &Nonce) -> Response {
        let body = match self.pieces.as_slice() {
            [only] => only.clone(),
            pieces => pieces.join(nonce.as_inner().as_bytes()).into(),
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_page_is_put_together_again_around_a_new_nonce() {
        let body = Bytes::from_static(b"<script nonce=\"OLD\">a</script><script nonce=\"OLD\">");
        let pieces = split_around(&body, b"OLD");
        assert_eq!(pieces.len(), 3);
        let kept = Kept {
            generation: 0,
            day: NaiveDate::MIN,
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            pieces,
        };
        let nonce = Nonce::from_value("NEW");
        let answer = kept.answer(&nonce);
        let bytes = axum::body::to_bytes(answer.into_body(), 1000).await;
        assert_eq!(
            bytes.unwrap(),
            Bytes::from_static(b"<script nonce=\"NEW\">a</script><script nonce=\"NEW\">")
        );
        assert_eq!(split_around(&Bytes::from_static(b"plain"), b"OLD").len(), 1);
    }
}
