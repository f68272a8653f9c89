//! How a page waits for its data.
//!
//! Pages are rendered on the server only (islands mode) and sent whole (`SsrMode::Async`), so a
//! page needs no `Resource` and no `<Suspense>`: it awaits its server functions inside one
//! [`Suspend`], which the in-order renderer simply awaits before it writes what follows.
//!
//! `Resource` + `<Suspense>` did the same job until a test run hung: about one render in twenty
//! under parallel tests never finished (the `<Suspense>` waits for a task set that it is not told
//! has emptied; Leptos 0.8.23, as in leptos-rs/leptos#4851), and a hung page is a request that
//! never answers. A bare `Suspend` has no task set to wait for.

use leptos::prelude::*;
use std::future::Future;

/// The view `data` resolves to, rendered in place once it has resolved. The future runs with
/// the page's context (the database pool, the request), like a server function called from a
/// component.
pub fn load<V>(data: impl Future<Output = V> + Send + 'static) -> Suspend<V> {
    Suspend::new(data)
}
