//! What the API tests share: a store on each back end, and requests sent
//! to a router from plain test functions.
//!
//! The back ends are the store's own test back ends (its
//! `tests/common/backends.rs`, included here): SQLite always, PostgreSQL
//! when `ENTENTE_TEST_POSTGRES` names a server and the `postgres` feature is
//! on (the workspace's test run turns it on), each test in a schema of its
//! own. `conformance!(name, ...)` runs each `fn name(backend: &Backend)` as
//! `sqlite::name` and `postgres::name`.
//!
//! Test bodies are plain functions, and requests go to one runtime shared
//! by the tests ([`send`] blocks on it): PostgreSQL's client blocks on a
//! runtime of its own, which it may not do on a thread that drives async
//! tasks, so stores are opened, written, read and closed outside the
//! runtime, as `entente serve` does (the router reads them on blocking
//! threads).
#![allow(dead_code)]

#[path = "../../../store/tests/common/backends.rs"]
pub mod backends;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use backends::Place;
use entente_serve::ServeConfig;
use serde_json::Value;
use std::future::Future;
use std::sync::LazyLock;
use tower::ServiceExt;

/// The runtime every test's requests run on.
static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime for the tests")
});

/// Runs `future` to its end on the tests' runtime.
pub fn block_on<F: Future>(future: F) -> F::Output {
    RUNTIME.block_on(future)
}

/// Runs `future` on the tests' runtime, in the background.
pub fn spawn<F>(future: F) -> tokio::task::JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    RUNTIME.spawn(future)
}

/// The server's configuration for the store at `place`: two readers (the
/// PostgreSQL tests run side by side, each with its own connections).
pub fn config(place: &Place) -> ServeConfig {
    let mut config = ServeConfig::new(&place.path, "127.0.0.1:0");
    config.readers = 2;
    config
}

/// `req` answered by `app`: status, headers and body as text.
pub async fn send_async(app: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let resp = app.clone().oneshot(req).await.expect("router answers");
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = axum::body::to_bytes(resp.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// `req` answered by `app`, waited for.
pub fn send(app: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, String) {
    block_on(send_async(app, req))
}

/// `GET uri`: status and body.
pub fn get(app: &Router, uri: &str) -> (StatusCode, String) {
    let req = Request::get(uri).body(Body::empty()).expect("request");
    let (s, _, b) = send(app, req);
    (s, b)
}

/// `GET uri`, which must answer 200 with JSON.
pub fn get_json(app: &Router, uri: &str) -> Value {
    let (status, body) = get(app, uri);
    assert_eq!(status, StatusCode::OK, "GET {uri}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {uri}: not JSON ({e}): {body}"))
}
