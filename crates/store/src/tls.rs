//! TLS to a PostgreSQL server, as libpq's `sslmode` and `sslrootcert` in
//! the URL ask for it (`postgres://host/db?sslmode=verify-full&sslrootcert=ca.pem`).
//!
//! | `sslmode` | TLS | the server's certificate |
//! | --- | --- | --- |
//! | `disable` | never | — |
//! | `allow`, `prefer` (the default) | when the server offers it | not checked |
//! | `require` | always | not checked; with `sslrootcert`, its chain is (as libpq does) |
//! | `verify-ca` | always | signed by a trusted CA |
//! | `verify-full` | always | signed by a trusted CA, and names the host of the URL |
//!
//! The trusted CAs are those of `sslrootcert=FILE` (PEM, one certificate
//! or several), or with `sslrootcert=system` or none, the system's own
//! (`/etc/ssl/certs`). libpq's `allow` tries without TLS first; here it is
//! `prefer`, which accepts the same servers.
//!
//! The client is rustls with the ring provider, so no system library is
//! needed to build it.

use crate::error::{Result, StoreError};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    const ALL: [(&'static str, SslMode); 6] = [
        ("disable", SslMode::Disable),
        ("allow", SslMode::Allow),
        ("prefer", SslMode::Prefer),
        ("require", SslMode::Require),
        ("verify-ca", SslMode::VerifyCa),
        ("verify-full", SslMode::VerifyFull),
    ];

    fn parse(value: &str) -> Option<SslMode> {
        SslMode::ALL
            .iter()
            .find(|(name, _)| *name == value)
            .map(|&(_, m)| m)
    }

    pub(crate) fn name(self) -> &'static str {
        SslMode::ALL
            .iter()
            .find(|(_, m)| *m == self)
            .map_or("prefer", |(name, _)| name)
    }

    /// Whether a connection without TLS is refused.
    fn requires_tls(self) -> bool {
        matches!(
            self,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull
        )
    }
}

/// Where the trusted CAs come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RootCerts {
    /// The system's (`sslrootcert=system`, or none given).
    System,
    /// A PEM file (`sslrootcert=FILE`).
    File(PathBuf),
}

/// The TLS settings of a URL, and the URL without them as the client
/// library reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TlsSettings {
    pub(crate) mode: SslMode,
    pub(crate) roots: RootCerts,
    /// Whether `sslrootcert` was given (`require` then checks the chain).
    root_given: bool,
    /// The URL without `sslmode` and `sslrootcert`.
    pub(crate) url: String,
}

impl TlsSettings {
    /// Reads `sslmode` and `sslrootcert` from the query of `url`; `shown`
    /// (the URL without its password) names it in errors.
    pub(crate) fn from_url(url: &str, shown: &Path) -> Result<TlsSettings> {
        let mut settings = TlsSettings {
            mode: SslMode::Prefer,
            roots: RootCerts::System,
            root_given: false,
            url: url.to_string(),
        };
        let Some((base, query)) = url.split_once('?') else {
            return Ok(settings);
        };
        let mut kept = Vec::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "sslmode" => {
                    settings.mode =
                        SslMode::parse(&value).ok_or_else(|| StoreError::TlsSetting {
                            url: shown.display().to_string(),
                            reason: format!(
                                "sslmode={value} is none of {}",
                                SslMode::ALL
                                    .iter()
                                    .map(|(name, _)| *name)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        })?;
                }
                "sslrootcert" => {
                    settings.root_given = true;
                    settings.roots = if value == "system" {
                        RootCerts::System
                    } else {
                        RootCerts::File(PathBuf::from(value.as_ref()))
                    };
                }
                "" => {}
                _ => kept.push(pair),
            }
        }
        settings.url = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        Ok(settings)
    }

    /// The client library's own mode (it knows `disable`, `prefer` and
    /// `require`; the checks of the `verify-` modes are the connector's).
    pub(crate) fn client_mode(&self) -> postgres::config::SslMode {
        match self.mode {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Allow | SslMode::Prefer => postgres::config::SslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                postgres::config::SslMode::Require
            }
        }
    }

    /// What the trusted CAs are, for messages.
    fn roots_shown(&self) -> String {
        match &self.roots {
            RootCerts::System => "the system's CA certificates".into(),
            RootCerts::File(path) => format!("sslrootcert {}", path.display()),
        }
    }

    /// The TLS connector these settings ask for.
    pub(crate) fn connector(&self, shown: &Path) -> Result<MakeRustlsConnect> {
        // ring, not aws-lc-rs (rustls's default, which deprecates ring's
        // provider for lacking post-quantum key exchange): aws-lc's C
        // library would add minutes to every build from scratch, and a
        // PostgreSQL server built with OpenSSL before 3.5 (Debian 12's
        // among them) offers no post-quantum group to agree on anyway.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let setting = |reason: String| StoreError::TlsSetting {
            url: shown.display().to_string(),
            reason,
        };
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| setting(format!("no TLS version to offer: {e}")))?;
        let check_chain = match self.mode {
            SslMode::Disable | SslMode::Allow | SslMode::Prefer => false,
            SslMode::Require => self.root_given,
            SslMode::VerifyCa | SslMode::VerifyFull => true,
        };
        let verifier: Arc<dyn ServerCertVerifier> = if check_chain {
            let roots = self.root_store().map_err(setting)?;
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| setting(format!("{}: {e}", self.roots_shown())))?;
            if self.mode == SslMode::VerifyFull {
                webpki
            } else {
                Arc::new(ChainOnly(webpki))
            }
        } else {
            Arc::new(Unchecked(provider))
        };
        let config = builder
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(MakeRustlsConnect::new(config))
    }

    /// The trusted CAs, or why there are none.
    fn root_store(&self) -> std::result::Result<RootCertStore, String> {
        let mut store = RootCertStore::empty();
        match &self.roots {
            RootCerts::File(path) => {
                let certs = CertificateDer::pem_file_iter(path)
                    .and_then(|certs| certs.collect::<std::result::Result<Vec<_>, _>>())
                    .map_err(|e| format!("cannot read sslrootcert {}: {e}", path.display()))?;
                for cert in certs {
                    store.add(cert).map_err(|e| {
                        format!(
                            "sslrootcert {} holds a certificate that is not a usable CA: {e}",
                            path.display()
                        )
                    })?;
                }
            }
            RootCerts::System => {
                let found = rustls_native_certs::load_native_certs();
                // Certificates the platform holds that rustls cannot use are
                // left out, as a browser does.
                let _ = store.add_parsable_certificates(found.certs);
            }
        }
        if store.is_empty() {
            return Err(format!(
                "{} hold no CA certificate (sslmode={} checks the server's certificate \
                 against them: give the CA that signed it with sslrootcert=FILE)",
                self.roots_shown(),
                self.mode.name()
            ));
        }
        Ok(store)
    }

    /// The error of a failed connection: [`StoreError::Tls`] when TLS
    /// failed, the client's own error otherwise.
    pub(crate) fn connect_error(&self, shown: &Path, source: postgres::Error) -> StoreError {
        let url = shown.display().to_string();
        let tls = tls_failure(&source);
        // The client's message when the server has no TLS and the mode
        // requires it ("error performing TLS handshake: server does not
        // support TLS") carries no error of rustls's: it is known by its
        // text, the only thing the client library exposes of it.
        let refused =
            self.mode.requires_tls() && source.to_string().contains("server does not support TLS");
        let reason = match tls {
            Some(rustls::Error::InvalidCertificate(e)) => self.certificate_reason(e),
            Some(e) => format!("the TLS handshake failed ({e})"),
            None if refused => "the server does not offer TLS".into(),
            None => {
                return StoreError::Postgres {
                    what: format!("cannot open store {url}"),
                    source,
                }
            }
        };
        StoreError::Tls {
            url,
            mode: self.mode.name(),
            reason,
            source,
        }
    }

    fn certificate_reason(&self, e: &CertificateError) -> String {
        match e {
            CertificateError::UnknownIssuer => format!(
                "the server's certificate is not signed by a CA of {}",
                self.roots_shown()
            ),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                "the server's certificate does not name the host of the URL \
                 (sslmode=verify-full checks the host name, verify-ca does not)"
                    .into()
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                "the server's certificate has expired".into()
            }
            other => format!("the server's certificate was refused ({other:?})"),
        }
    }
}

/// A query value with its `%XX` escapes decoded.
fn decode(value: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(value).decode_utf8_lossy()
}

/// The rustls error in `error`'s chain, if TLS is what failed.
fn tls_failure(error: &postgres::Error) -> Option<&rustls::Error> {
    let mut next: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(error);
    while let Some(e) = next {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        // An I/O error's `source` skips the error it wraps: look inside.
        if let Some(tls) = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(tls);
        }
        next = e.source();
    }
    None
}

/// `prefer` and `require`: TLS protects the connection from eavesdropping,
/// not from a server that is not the one named (libpq's meaning). The
/// handshake's signatures are still checked.
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the certificate must chain to a trusted CA, whatever host
/// it names.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        // The chain is checked before the name: a name error means the
        // chain was good.
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(url: &str) -> Result<TlsSettings> {
        TlsSettings::from_url(url, Path::new("postgres://u@h/db"))
    }

    #[test]
    fn without_sslmode_tls_is_preferred_and_the_url_kept() {
        let s = settings("postgres://u:pw@h:5432/db").expect("parses");
        assert_eq!(s.mode, SslMode::Prefer);
        assert_eq!(s.roots, RootCerts::System);
        assert_eq!(s.url, "postgres://u:pw@h:5432/db");
    }

    #[test]
    fn the_tls_settings_leave_the_url_and_the_rest_of_its_query_stays() {
        let s = settings(
            "postgres://u@h/db?application_name=x&sslmode=verify-full&sslrootcert=%2Ftmp%2Fmy%20ca.pem&options=-c%20a%3Db",
        )
        .expect("parses");
        assert_eq!(s.mode, SslMode::VerifyFull);
        assert_eq!(s.roots, RootCerts::File(PathBuf::from("/tmp/my ca.pem")));
        assert_eq!(
            s.url,
            "postgres://u@h/db?application_name=x&options=-c%20a%3Db"
        );
        assert_eq!(s.client_mode(), postgres::config::SslMode::Require);
        let s = settings("postgres://u@h/db?sslmode=disable").expect("parses");
        assert_eq!(s.url, "postgres://u@h/db");
        assert_eq!(s.client_mode(), postgres::config::SslMode::Disable);
        let s = settings("postgres://u@h/db?sslmode=allow&sslrootcert=system").expect("parses");
        assert_eq!(s.client_mode(), postgres::config::SslMode::Prefer);
        assert_eq!(s.roots, RootCerts::System);
    }

    #[test]
    fn every_libpq_mode_is_read_and_others_are_refused_by_name() {
        for (name, mode) in SslMode::ALL {
            let s = settings(&format!("postgres://h/db?sslmode={name}")).expect("parses");
            assert_eq!((s.mode, s.mode.name()), (mode, name));
        }
        let err = settings("postgres://h/db?sslmode=verify_full").expect_err("unknown");
        let msg = err.to_string();
        assert!(matches!(err, StoreError::TlsSetting { .. }), "{msg}");
        assert!(
            msg.contains("postgres://u@h/db"),
            "help: names the store: {msg}"
        );
        assert!(
            msg.contains("verify_full") && msg.contains("verify-full"),
            "{msg}"
        );
    }

    #[test]
    fn a_missing_root_certificate_file_is_named() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let missing = dir.path().join("ca.pem");
        let url = format!(
            "postgres://h/db?sslmode=verify-ca&sslrootcert={}",
            missing.display()
        );
        let err = settings(&url)
            .and_then(|s| s.connector(Path::new("postgres://u@h/db")))
            .map(|_| ())
            .expect_err("no such file");
        let msg = err.to_string();
        assert!(msg.contains(&missing.display().to_string()), "{msg}");
        assert!(msg.contains("postgres://u@h/db"), "{msg}");
        // A file that holds no certificate.
        std::fs::write(&missing, "not a certificate\n").expect("writes");
        let err = settings(&url)
            .and_then(|s| s.connector(Path::new("postgres://u@h/db")))
            .map(|_| ())
            .expect_err("no certificate");
        assert!(err.to_string().contains("no CA certificate"), "{err}");
    }

    #[test]
    fn modes_that_check_nothing_need_no_root_certificates() {
        for mode in ["disable", "prefer", "require"] {
            settings(&format!("postgres://h/db?sslmode={mode}"))
                .and_then(|s| s.connector(Path::new("postgres://h/db")))
                .map(|_| ())
                .expect("a connector");
        }
    }
}
