//! The server on a real socket: the Host check and the time limits that
//! only a connection shows.

use entente_serve::{serve_on, AppState, ServeConfig, Timeouts};
use entente_store::Store;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long a test waits for the server to close a connection it should
/// drop; the configured limits are a fraction of it.
const BOUND: Duration = Duration::from_secs(5);

struct Server {
    _dir: tempfile::TempDir,
    addr: SocketAddr,
}

/// A server of an empty store on a free loopback port, with short limits.
async fn start(allow_hosts: &[&str]) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    drop(Store::open(&db).expect("store"));
    let mut config = ServeConfig::new(&db, "127.0.0.1:0");
    config.readers = 2;
    config.allow_hosts = allow_hosts.iter().map(|h| h.to_string()).collect();
    config.timeouts = Timeouts {
        header_read: Duration::from_millis(300),
        idle: Duration::from_secs(2),
        request: Duration::from_secs(1),
    };
    let state = AppState::open(&config).expect("state opens");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(serve_on(listener, state));
    Server { _dir: dir, addr }
}

/// Sends `request` as is and reads until the server closes.
async fn exchange(addr: SocketAddr, request: &str) -> String {
    let mut s = TcpStream::connect(addr).await.expect("connects");
    s.write_all(request.as_bytes()).await.expect("writes");
    let mut out = Vec::new();
    tokio::time::timeout(BOUND, s.read_to_end(&mut out))
        .await
        .expect("answered and closed in time")
        .expect("reads");
    String::from_utf8_lossy(&out).into_owned()
}

async fn status_for_host(addr: SocketAddr, host: Option<&str>, version: &str) -> String {
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    let resp = exchange(
        addr,
        &format!("GET /api/stats {version}\r\n{host}Connection: close\r\n\r\n"),
    )
    .await;
    resp.split(' ').nth(1).unwrap_or("").to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_this_servers_names_are_answered() {
    let s = start(&["news.example.org", "proxy.example:8443"]).await;
    let port = s.addr.port();
    for ok in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        "news.example.org".to_string(),
        "news.example.org:443".to_string(),
        "proxy.example:8443".to_string(),
    ] {
        assert_eq!(
            status_for_host(s.addr, Some(&ok), "HTTP/1.1").await,
            "200",
            "{ok}"
        );
    }
    for refused in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("localhost:{}", port.wrapping_add(1)),
        "proxy.example:80".to_string(),
        format!("127.0.0.1.evil.example:{port}"),
    ] {
        let resp = exchange(
            s.addr,
            &format!("GET /api/stats HTTP/1.1\r\nHost: {refused}\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert!(resp.starts_with("HTTP/1.1 421"), "{refused}: {resp}");
        assert!(resp.contains("allow-host"), "says why: {resp}");
        assert!(!resp.contains("\"documents\""), "{resp}");
    }
    assert_eq!(
        status_for_host(s.addr, None, "HTTP/1.1").await,
        "400",
        "HTTP/1.1 needs a Host"
    );
    assert_eq!(status_for_host(s.addr, None, "HTTP/1.0").await, "200");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_silent_connections_are_dropped() {
    let s = start(&[]).await;
    let host = format!("Host: 127.0.0.1:{}\r\n", s.addr.port());
    let mut conns = Vec::new();
    for i in 0..60 {
        let mut c = TcpStream::connect(s.addr).await.expect("connects");
        match i % 3 {
            // Silent: connects and sends nothing.
            0 => {}
            // Half a request head, and then nothing.
            1 => c
                .write_all(format!("GET /api/stats HTTP/1.1\r\n{host}X-Wait: ").as_bytes())
                .await
                .expect("writes"),
            // A whole request, then a kept-alive connection left idle.
            _ => c
                .write_all(format!("GET /api/stats HTTP/1.1\r\n{host}\r\n").as_bytes())
                .await
                .expect("writes"),
        }
        conns.push(c);
    }
    // One that trickles its head a byte at a time, never finishing.
    let mut trickle = TcpStream::connect(s.addr).await.expect("connects");
    let dripping = tokio::spawn(async move {
        let head = format!("GET /api/stats HTTP/1.1\r\n{}", "X-Drip: a\r\n".repeat(100));
        for b in head.bytes() {
            if trickle.write_all(&[b]).await.is_err() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    });
    for (i, mut c) in conns.into_iter().enumerate() {
        let mut out = Vec::new();
        let read = tokio::time::timeout(BOUND, c.read_to_end(&mut out)).await;
        assert!(read.is_ok(), "connection {i} still open after {BOUND:?}");
    }
    let cut = tokio::time::timeout(BOUND, dripping)
        .await
        .expect("the trickling connection is cut in time")
        .expect("the task ends");
    assert!(cut, "the server stopped reading the trickled head");
    // The server goes on serving.
    let resp = exchange(
        s.addr,
        &format!("GET /api/stats HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
    )
    .await;
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
}
