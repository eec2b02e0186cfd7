//! What wraps every route: the Host check, the time limit, panics turned
//! into a plain 500, the body limit and the security headers.

use crate::error::{internal_error_response, ApiError};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Version};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::any::Any;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;

/// Pages may load scripts, styles and data from this server only.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// `app` with its guards: `hosts`, when given, are the Host header values
/// it answers to.
pub(crate) fn guarded(
    app: Router,
    body_limit: usize,
    request_timeout: Duration,
    hosts: Option<Arc<AllowedHosts>>,
) -> Router {
    let app = app
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(request_timeout, limit_time));
    let app = match hosts {
        Some(hosts) => app.layer(middleware::from_fn_with_state(hosts, check_host)),
        None => app,
    };
    app.layer(CatchPanicLayer::custom(on_panic))
        .layer(middleware::map_response(security_headers))
}

/// A handler that panicked: logged with its message, answered as any 500.
fn on_panic(panic: Box<dyn Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string());
    internal_error_response(&format!("a request handler panicked: {what}"))
}

/// Answers 503 when the handler, reading the body included, takes longer
/// than `limit`. Work already handed to a blocking thread runs to its end;
/// its result is dropped.
async fn limit_time(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    let what = format!("{} {}", req.method(), req.uri().path());
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => {
            tracing::warn!("{what} took longer than {limit:?}: answered 503");
            ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                message: "the request took too long".into(),
            }
            .into_response()
        }
    }
}

async fn security_headers(mut resp: Response) -> impl IntoResponse {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

/// Checks that `headers` bear `Authorization: Bearer TOKEN` with `token`.
pub(crate) fn bearer(token: &str, headers: &HeaderMap) -> Result<(), ApiError> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if same(g.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::forbidden("wrong token")),
        None => Err(ApiError::forbidden("send Authorization: Bearer TOKEN")),
    }
}

/// Compares without stopping at the first difference, so the time taken
/// does not reveal how much of a guessed token was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The Host header values a server answers to. A page of another site
/// whose name was made to resolve to this machine (DNS rebinding) sends
/// its own name, and is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AllowedHosts {
    /// `host:port` (and the bare host when the port is 80), lower case.
    exact: Vec<String>,
    /// Host names accepted on any port, lower case.
    any_port: Vec<String>,
}

impl AllowedHosts {
    /// The loopback names and the bound address `local`, on its port, and
    /// the `extra` names (`name` on any port, `name:port` on that one).
    pub(crate) fn new(local: SocketAddr, extra: &[String]) -> AllowedHosts {
        let port = local.port();
        let bound = match local {
            SocketAddr::V4(a) => a.ip().to_string(),
            SocketAddr::V6(a) => format!("[{}]", a.ip()),
        };
        let mut hosts = AllowedHosts {
            exact: Vec::new(),
            any_port: Vec::new(),
        };
        for name in ["127.0.0.1", "localhost", "[::1]", bound.as_str()] {
            hosts.exact.push(format!("{name}:{port}"));
            if port == 80 {
                hosts.exact.push(name.to_string());
            }
        }
        for e in extra {
            let e = e.trim().to_ascii_lowercase();
            match split_port(&e) {
                (_, Some(_)) => hosts.exact.push(e),
                (name, None) => hosts.any_port.push(name.to_string()),
            }
        }
        hosts
    }

    pub(crate) fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.exact.contains(&host) || self.any_port.iter().any(|n| *n == split_port(&host).0)
    }
}

/// `host[:port]` as host and port; an IPv6 literal keeps its brackets.
fn split_port(s: &str) -> (&str, Option<&str>) {
    let cut = match s.strip_prefix('[') {
        Some(rest) => rest.find(']').map(|i| i + 2),
        None => s.find(':'),
    };
    match cut {
        Some(i) if s.get(i..).unwrap_or_default().starts_with(':') => (
            s.get(..i).unwrap_or_default(),
            Some(s.get(i + 1..).unwrap_or_default()),
        ),
        _ => (s, None),
    }
}

async fn check_host(State(hosts): State<Arc<AllowedHosts>>, req: Request, next: Next) -> Response {
    // The absolute form of a request target names the host too.
    let host = match req.uri().authority() {
        Some(a) => Some(a.as_str().to_string()),
        None => req
            .headers()
            .get(header::HOST)
            .map(|v| v.to_str().unwrap_or("").to_string()),
    };
    match host {
        Some(h) if hosts.allows(&h) => next.run(req).await,
        Some(_) => ApiError {
            status: StatusCode::MISDIRECTED_REQUEST,
            message: "this server does not answer to that Host (see entente serve --allow-host)"
                .into(),
        }
        .into_response(),
        // HTTP/1.0 may leave it out; browsers never do.
        None if req.version() <= Version::HTTP_10 => next.run(req).await,
        None => ApiError::bad_request("an HTTP/1.1 request needs a Host header").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    fn hosts(extra: &[&str]) -> AllowedHosts {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        AllowedHosts::new("127.0.0.1:8080".parse().expect("addr"), &extra)
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }

    #[test]
    fn bearer_tokens() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(
                header::AUTHORIZATION,
                HeaderValue::from_str(v).expect("header"),
            );
            h
        };
        assert!(bearer("secret-token", &with("Bearer secret-token")).is_ok());
        let wrong = bearer("secret-token", &with("Bearer secret-tokeN")).unwrap_err();
        assert_eq!(wrong.status, StatusCode::FORBIDDEN);
        assert!(bearer("secret-token", &with("secret-token")).is_err());
        assert!(bearer("secret-token", &HeaderMap::new()).is_err());
    }

    #[test]
    fn hosts_are_the_loopback_names_and_those_allowed() {
        let h = hosts(&["News.Example.org", "proxy.example:443"]);
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
            "news.example.org",
            "news.example.org:9000",
            "proxy.example:443",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example:8080",
            "localhost:8081",
            "localhost",
            "127.0.0.1",
            "proxy.example",
            "proxy.example:80",
            "news.example.org.evil.example",
            "",
        ] {
            assert!(!h.allows(refused), "{refused}");
        }
        let any = AllowedHosts::new("[::]:80".parse().expect("addr"), &[]);
        assert!(any.allows("[::]:80") && any.allows("localhost") && any.allows("[::1]"));
        assert_eq!(split_port("[::1]:80"), ("[::1]", Some("80")));
        assert_eq!(split_port("[::1]"), ("[::1]", None));
    }

    fn boom() -> &'static str {
        panic!("secret detail /etc/passwd")
    }

    fn app() -> Router {
        let routes = Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                    "late"
                }),
            )
            .route("/boom", get(|| async { boom() }));
        guarded(routes, 1024, Duration::from_millis(50), None)
    }

    async fn call(app: Router, uri: &str) -> (StatusCode, String) {
        let req = Request::get(uri).body(Body::empty()).expect("request");
        let resp = app.oneshot(req).await.expect("answers");
        let status = resp.status();
        let body = axum::body::to_bytes(resp.into_body(), 1 << 20)
            .await
            .expect("body");
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn a_slow_handler_is_answered_503() {
        let (status, body) = call(app(), "/slow").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert!(body.contains("took too long"), "{body}");
    }

    #[tokio::test]
    async fn a_panicking_handler_is_a_plain_500() {
        let (status, body) = call(app(), "/boom").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        let v: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(v["error"], "internal error");
        assert!(v["id"].is_u64(), "{body}");
        assert!(
            !body.contains("secret") && !body.contains("passwd"),
            "{body}"
        );
    }
}
