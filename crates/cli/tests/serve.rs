//! `entente serve`: the server as a user starts it, spoken to over HTTP.

use super::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

/// A running `entente serve`; killed when dropped.
pub(crate) struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    pub(crate) addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `entente serve --db DB` on a free loopback port and waits for
    /// its "listening on" line.
    pub(crate) fn start(db: &Path, extra: &[&str]) -> Server {
        let mut child = entente()
            .arg("serve")
            .arg("--db")
            .arg(db)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("entente serve starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reads the first line");
        let Some(addr) = line
            .trim()
            .strip_prefix("listening on http://")
            .map(str::to_string)
        else {
            let _ = child.kill();
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            panic!("entente serve did not start: stdout {line:?}, stderr {err:?}");
        };
        Server { child, addr }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// One HTTP/1.1 request; the status and body.
    pub(crate) fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        req.push_str(body);
        s.write_all(req.as_bytes()).expect("sends");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("reads the response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let body = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(body)
        } else {
            body.to_string()
        };
        (status, body)
    }

    pub(crate) fn get_json(&self, path: &str) -> Value {
        let (status, body) = self.request("GET", path, &[], "");
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A store built by `entente run` from the seed article and `extra` texts.
pub(crate) fn store_with(dir: &Path, extra: &[(&str, &str)]) -> PathBuf {
    let db = dir.join("serve.db");
    store_into(&db, dir, extra);
    db
}

/// The store `store_with` builds, into `db` (a file or a PostgreSQL URL);
/// the inputs are written to `dir`.
pub(crate) fn store_into(db: &Path, dir: &Path, extra: &[(&str, &str)]) {
    let mut inputs = vec![seed_article()];
    for (name, text) in extra {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("writes an input");
        inputs.push(p);
    }
    let out = entente()
        .arg("run")
        .args(&inputs)
        .arg("--db")
        .arg(db)
        .args(["--published", "2022-04-08"])
        .output()
        .expect("entente run");
    assert!(out.status.success(), "entente run: {}", stderr_of(&out));
}

#[test]
fn serves_the_store_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(dir.path(), &[]);
    let server = Server::start(&db, &[]);
    assert_eq!(server.get_json("/api/stats")["documents"], 1);
    let hits = server.get_json("/api/search?q=Sogavare");
    let id = hits["hits"][0]["id"]
        .as_str()
        .expect("the seed article is found")
        .to_string();
    let article = server.get_json(&format!("/api/articles/{id}"));
    assert_eq!(article["paragraphs"].as_array().map(Vec::len), Some(11));
    let doc = r#"{"text":"Japan met Canada."}"#;
    let (status, _) = server.request(
        "POST",
        "/api/documents",
        &[
            ("Content-Type", "application/json"),
            ("Authorization", "Bearer whatever-token"),
        ],
        doc,
    );
    assert_eq!(
        status, 404,
        "help: without --token the server has no POST route"
    );
    let (status, body) = server.request("GET", "/", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("/app.js"), "{body}");
}

#[test]
fn posts_with_the_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(dir.path(), &[]);
    let server = Server::start(&db, &["--token", "test-token-123"]);
    let doc = serde_json::json!({
        "text": "Kenya and Norway signed a trade agreement in Nairobi on Monday.",
        "published": "2022-05-02",
        "title": "Trade"
    })
    .to_string();
    let json = ("Content-Type", "application/json");
    let (status, _) = server.request("POST", "/api/documents", &[json], &doc);
    assert_eq!(status, 403);
    let (status, _) = server.request(
        "POST",
        "/api/documents",
        &[json, ("Authorization", "Bearer nope-nope-nope")],
        &doc,
    );
    assert_eq!(status, 403);
    let (status, body) = server.request(
        "POST",
        "/api/documents",
        &[json, ("Authorization", "Bearer test-token-123")],
        &doc,
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        server.get_json("/api/search?q=Nairobi")["hits"][0]["title"],
        "Trade"
    );
    let big = serde_json::json!({ "text": "word ".repeat(600_000) }).to_string();
    let (status, _) = server.request(
        "POST",
        "/api/documents",
        &[json, ("Authorization", "Bearer test-token-123")],
        &big,
    );
    assert_eq!(status, 413, "bodies over --body-limit are refused");
}

#[test]
fn refuses_a_missing_store_and_a_short_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = entente()
        .arg("serve")
        .arg("--db")
        .arg(dir.path().join("missing.db"))
        .args(["--addr", "127.0.0.1:0"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        stderr_of(&out).contains("missing.db"),
        "{}",
        stderr_of(&out)
    );
    let db = store_with(dir.path(), &[]);
    let out = entente()
        .arg("serve")
        .arg("--db")
        .arg(&db)
        .args(["--addr", "127.0.0.1:0", "--token", "x"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
}
