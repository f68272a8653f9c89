//! Login throttling: each account and each client address gets a number of login attempts per
//! window (settings in [`LoginArgs`]); further attempts are answered 429 with `Retry-After`
//! before the password is hashed, so a flood of guesses costs the server almost nothing and
//! cannot queue real logins behind it at the (two-at-a-time) password hasher.
//!
//! Every attempt counts, successful or not: a person logs in a few times a day, a guesser
//! thousands of times. The per-account limit also slows guessing spread over many addresses;
//! its price is that a flood against one account makes its owner wait too (the window's
//! length at most), which is the usual trade and better than a lockout.

use crate::settings::LoginArgs;
use app::auth::login::ClientAddress;
use app::error::AppError;
use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, Method, StatusCode, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{Html, IntoResponse, Json, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use leptos::server_fn::ServerFn;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// The login form is a few hundred bytes; anything much larger is not a login.
const MAX_LOGIN_BODY: usize = 16 * 1024;

#[derive(Clone)]
struct LoginThrottle(Arc<Limits>);

struct Limits {
    by_account: DefaultKeyedRateLimiter<String>,
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    trusted_proxies: Vec<IpAddr>,
    clock: DefaultClock,
}

/// Throttles the login endpoint of `router`, and puts the client's address ([`ClientAddress`])
/// on every request, for the login's log lines.
pub fn protect(router: Router, args: &LoginArgs) -> Router {
    let window = Duration::from_secs(args.login_attempt_window_seconds);
    let limits = Arc::new(Limits {
        by_account: DefaultKeyedRateLimiter::keyed(quota(args.login_attempts_per_account, window)),
        by_address: DefaultKeyedRateLimiter::keyed(quota(args.login_attempts_per_address, window)),
        trusted_proxies: args
            .trusted_proxies
            .iter()
            .map(IpAddr::to_canonical)
            .collect(),
        clock: DefaultClock::default(),
    });
    forget_idle_keys(Arc::downgrade(&limits));
    router.layer(from_fn_with_state(LoginThrottle(limits), throttle_logins))
}

/// `limit` attempts at once, then one more every `window / limit`.
fn quota(limit: u32, window: Duration) -> Quota {
    let burst = NonZeroU32::new(limit).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(window / burst.get())
        .unwrap_or_else(|| Quota::per_second(burst))
        .allow_burst(burst)
}

/// Every minute, drops the keys whose allowance is full again, so addresses and typed account
/// names seen once do not pile up in memory. Ends when the router is dropped.
fn forget_idle_keys(limits: Weak<Limits>) {
    tokio::spawn(async move {
        let mut minutely = tokio::time::interval(Duration::from_secs(60));
        loop {
            minutely.tick().await;
            let Some(limits) = limits.upgrade() else {
                return;
            };
            limits.by_account.retain_recent();
            limits.by_account.shrink_to_fit();
            limits.by_address.retain_recent();
            limits.by_address.shrink_to_fit();
        }
    });
}

impl Limits {
    /// Counts an attempt; `Err` is how long to wait when the address or the account is spent.
    fn attempt(&self, account: &str, address: IpAddr) -> Result<(), Duration> {
        let now = self.clock.now();
        self.by_address
            .check_key(&address_key(address))
            .map_err(|refused| refused.wait_time_from(now))?;
        self.by_account
            .check_key(&account.to_owned())
            .map_err(|refused| refused.wait_time_from(now))
    }
}

async fn throttle_logins(
    State(LoginThrottle(limits)): State<LoginThrottle>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    // Without the peer (a router served without connect info) every client shares one key.
    let peer = peer.unwrap_or(IpAddr::from([0, 0, 0, 0])).to_canonical();
    let address = client_address(peer, request.headers(), &limits.trusted_proxies);
    request.extensions_mut().insert(ClientAddress(address));
    if request.method() != Method::POST || request.uri().path() != app::api::LogIn::PATH {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_LOGIN_BODY).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "a login form is never this large",
        )
            .into_response();
    };
    let account = account_of(&bytes);
    if let Err(wait) = limits.attempt(&account, address) {
        tracing::warn!(account = ?account, %address, "throttled a login attempt");
        return too_many_attempts(&parts.headers, wait);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The account a login form names, as accounts are keyed (trimmed, lower-cased), so `A@x` and
/// ` a@x` share one allowance. Bounded, so typed junk cannot make big keys.
fn account_of(form: &[u8]) -> String {
    form_urlencoded::parse(form)
        .find(|(name, _)| name == "email")
        .map(|(_, email)| email.trim().to_lowercase().chars().take(254).collect())
        .unwrap_or_default()
}

/// Whom the request is from: the peer, unless the peer is a trusted proxy, in which case the
/// `X-Forwarded-For` chain is read from the right (each proxy appends the address it was
/// reached from) up to the first address that is not a trusted proxy. Entries further left
/// were written by the client and prove nothing.
fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded = HeaderName::from_static("x-forwarded-for");
    let hops: Vec<&str> = headers
        .get_all(&forwarded)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.into_iter().rev() {
        let Some(address) = parse_hop(hop) else { break };
        client = address;
        if !trusted.contains(&address) {
            break;
        }
    }
    client
}

fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|address| address.to_canonical())
}

/// The key an address is counted under. An IPv6 host usually has a whole /64 to itself, so
/// its addresses share one allowance; otherwise each would be a fresh client.
fn address_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            IpAddr::V6(Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// 429 with `Retry-After` in whole seconds. The browser's JavaScript gets the error as the
/// server functions send theirs (JSON of [`AppError`]), so the login page shows its text; a
/// form posted without JavaScript gets a short page saying the same.
fn too_many_attempts(headers: &HeaderMap, wait: Duration) -> Response {
    let seconds = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
    let error = AppError::TooManyAttempts(seconds);
    let retry_after = [(header::RETRY_AFTER, seconds.to_string())];
    let html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if html {
        let page = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>Too many login attempts — Mandate Tracker</title>\
             <link rel=\"stylesheet\" href=\"/main.css\"></head><body><main>\
             <h1>Too many login attempts</h1><p role=\"alert\">{}</p>\
             <p><a href=\"/login\">Back to the login page</a></p></main></body></html>",
            error
        );
        (StatusCode::TOO_MANY_REQUESTS, retry_after, Html(page)).into_response()
    } else {
        (StatusCode::TOO_MANY_REQUESTS, retry_after, Json(error)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(chain: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(chain).unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxy = ip("127.0.0.1");
        let chain = forwarded("198.51.100.7, 203.0.113.9");
        assert_eq!(
            client_address(proxy, &chain, &[]),
            proxy,
            "not trusted: ignored"
        );
        assert_eq!(client_address(proxy, &chain, &[proxy]), ip("203.0.113.9"));
        let two = [proxy, ip("203.0.113.9")];
        assert_eq!(client_address(proxy, &chain, &two), ip("198.51.100.7"));
        assert_eq!(
            client_address(ip("192.0.2.1"), &chain, &[proxy]),
            ip("192.0.2.1")
        );
        let junk = forwarded("198.51.100.7, not-an-address");
        assert_eq!(
            client_address(proxy, &junk, &[proxy]),
            proxy,
            "unreadable: the peer"
        );
        assert_eq!(client_address(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn ipv6_clients_are_counted_per_64_and_accounts_case_blind() {
        assert_eq!(
            address_key(ip("2001:db8:1:2:aaaa::1")),
            address_key(ip("2001:db8:1:2:bbbb::2"))
        );
        assert_ne!(
            address_key(ip("2001:db8:1:2::1")),
            address_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(
            account_of(b"password=x&email=%20Officer%40UNODC.org"),
            "officer@unodc.org"
        );
        assert_eq!(account_of(b"password=x"), "");
    }

    #[test]
    fn a_spent_allowance_says_how_long_to_wait() {
        let quota = quota(2, Duration::from_secs(60));
        let limiter = DefaultKeyedRateLimiter::<IpAddr>::keyed(quota);
        let key = ip("192.0.2.1");
        assert!(limiter.check_key(&key).is_ok() && limiter.check_key(&key).is_ok());
        let wait = limiter
            .check_key(&key)
            .unwrap_err()
            .wait_time_from(DefaultClock::default().now());
        assert!(
            wait > Duration::from_secs(25) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        assert!(
            limiter.check_key(&ip("192.0.2.2")).is_ok(),
            "other keys are not affected"
        );
    }
}
