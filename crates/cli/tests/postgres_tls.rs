//! `--db postgres://...?sslmode=...`: TLS to the PostgreSQL server, as
//! libpq's `sslmode` and `sslrootcert` ask for it.
//!
//! The server is the one the PostgreSQL tests use (`ENTENTE_TEST_POSTGRES`),
//! which `scripts/postgres` starts with TLS on, its certificate signed by a
//! throwaway CA kept beside it (`ca.crt` in the directory of the server's
//! `ssl_cert_file`). They print a SKIPPED line when there is no server, or
//! one without TLS.

use super::postgres::Schema;
use super::*;
use entente_store::{Store, StoreError};
use std::io::Write as _;

/// A schema on the test server and the CA that signed its certificate.
struct TlsServer {
    schema: Schema,
    ca: PathBuf,
}

impl TlsServer {
    fn new(test: &str) -> Option<TlsServer> {
        let schema = Schema::new(test)?;
        let mut admin = ::postgres::Client::connect(&schema.admin, ::postgres::NoTls)
            .expect("the test server answers");
        let show = |admin: &mut ::postgres::Client, what: &str| -> String {
            admin
                .query_one(&format!("SHOW {what}"), &[])
                .and_then(|row| row.try_get(0))
                .expect("a setting")
        };
        let ca = Path::new(&show(&mut admin, "ssl_cert_file")).with_file_name("ca.crt");
        if show(&mut admin, "ssl") != "on" || !ca.is_file() {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: {test}: the test server has no TLS, or no ca.crt beside its \
                 certificate (scripts/postgres start DIR starts one with both)"
            );
            return None;
        }
        Some(TlsServer { schema, ca })
    }

    /// The schema's URL with `extra` query parameters and an
    /// `application_name` to find the connection by.
    fn url(&self, test: &str, extra: &str) -> String {
        format!(
            "{}&application_name=tls_{test}_{}&{extra}",
            self.schema.url,
            std::process::id()
        )
    }

    /// Whether the test's connection (open now) uses TLS, as the server
    /// sees it.
    fn encrypted(&self, test: &str) -> bool {
        let mut admin = ::postgres::Client::connect(&self.schema.admin, ::postgres::NoTls)
            .expect("the test server answers");
        let rows = admin
            .query(
                "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) \
                 WHERE a.application_name = $1",
                &[&format!("tls_{test}_{}", std::process::id())],
            )
            .expect("pg_stat_ssl answers");
        assert_eq!(rows.len(), 1, "help: one connection of the test is open");
        rows[0].get(0)
    }
}

#[test]
fn every_sslmode_connects_to_a_server_with_tls_as_libpq_would() {
    let test = "modes";
    let Some(server) = TlsServer::new(test) else {
        return;
    };
    let ca = server.ca.display().to_string();
    for (query, tls) in [
        (String::from("sslmode=disable"), false),
        // No sslmode: libpq's default, prefer.
        (String::new(), true),
        ("sslmode=prefer".into(), true),
        ("sslmode=require".into(), true),
        (format!("sslmode=verify-ca&sslrootcert={ca}"), true),
        (format!("sslmode=verify-full&sslrootcert={ca}"), true),
    ] {
        let url = server.url(test, &query);
        let store = Store::open(Path::new(&url))
            .unwrap_or_else(|e| panic!("help: {query:?} connects: {e}"));
        assert_eq!(
            server.encrypted(test),
            tls,
            "help: with {query:?} the connection is {}encrypted",
            if tls { "" } else { "not " }
        );
        store.counts().expect("the store answers over it");
        drop(store);
    }
}

#[test]
fn a_server_certificate_from_another_ca_is_refused_with_the_store_named() {
    let Some(server) = TlsServer::new("wrong_ca") else {
        return;
    };
    let wrong = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tls/unrelated-ca.crt");
    // A password (the test server trusts everyone and never asks for it),
    // which no message may show.
    let url = server
        .url(
            "wrong_ca",
            &format!("sslmode=verify-full&sslrootcert={}", wrong.display()),
        )
        .replacen("://entente@", "://entente:hunter2@", 1);
    assert!(
        url.contains("hunter2"),
        "help: the URL has a password: {url}"
    );
    for mode in ["verify-full", "verify-ca"] {
        let url = url.replace("sslmode=verify-full", &format!("sslmode={mode}"));
        let err = Store::open(Path::new(&url))
            .map(drop)
            .expect_err("another CA");
        let msg = err.to_string();
        assert!(matches!(err, StoreError::Tls { .. }), "{msg}");
        assert!(
            !msg.contains("hunter2"),
            "help: no password in messages: {msg}"
        );
        assert!(
            msg.contains("entente:***@127.0.0.1"),
            "help: names the store: {msg}"
        );
        assert!(msg.contains(&format!("sslmode={mode}")), "{msg}");
        assert!(
            msg.contains("not signed by a CA of sslrootcert") && msg.contains("unrelated-ca.crt"),
            "help: says which CA was trusted: {msg}"
        );
    }
    // As the command line says it.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = entente()
        .arg("run")
        .arg(seed_article())
        .arg("--db")
        .arg(&url)
        .args(["--published", "2022-04-08", "--quiet"])
        .current_dir(dir.path())
        .output()
        .expect("entente runs");
    let stderr = stderr_of(&out);
    assert!(!out.status.success(), "help: refused: {stderr}");
    assert!(
        stderr.contains("cannot open store postgres://entente:***@127.0.0.1")
            && stderr.contains("not signed by a CA"),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[test]
fn an_unknown_sslmode_is_refused_before_connecting() {
    let Some(server) = TlsServer::new("bad_mode") else {
        return;
    };
    let url = server.url("bad_mode", "sslmode=verify");
    let err = Store::open(Path::new(&url))
        .map(drop)
        .expect_err("no such mode");
    let msg = err.to_string();
    assert!(matches!(err, StoreError::TlsSetting { .. }), "{msg}");
    assert!(msg.contains("sslmode=verify is none of"), "{msg}");
}
