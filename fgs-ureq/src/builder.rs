//! [`ClientBuilder`]: timeouts, response size limit, retry policy, trusted roots, clock.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fgs_proto::{Config, Error, RetryPolicy};
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use crate::client::{Backend, Client, Clock, Inner, client_seed};

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default timeout of one attempt (connect, send, and receive the whole response).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default response size limit: 80 MiB, enough for `GetCode` of a 50 MB package in
/// base64 with room for the JSON around it.
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 80 * 1024 * 1024;

/// Builds a [`Client`] with non-default settings.
///
/// ```
/// use std::time::Duration;
/// use fgs_ureq::{Client, Config, Credentials, RetryPolicy};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::builder(config)
///     .connect_timeout(Duration::from_secs(3))
///     .timeout(Duration::from_secs(30))
///     .max_response_size(8 * 1024 * 1024)
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .build()?;
/// assert_eq!(client.config().project_id(), "p1");
/// # Ok::<(), fgs_ureq::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder {
    config: Config,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_size: u64,
    retry_policy: RetryPolicy,
    /// DER certificates, checked in `build`.
    extra_roots: Vec<Vec<u8>>,
    built_in_roots: bool,
    clock: Clock,
}

impl ClientBuilder {
    pub(crate) fn new(config: Config) -> Self {
        ClientBuilder {
            config,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            retry_policy: RetryPolicy::default(),
            extra_roots: Vec::new(),
            built_in_roots: true,
            clock: Arc::new(SystemTime::now),
        }
    }

    /// How long establishing a connection (DNS, TCP, TLS) may take. Default 10 s.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take in total: connecting, sending the request and
    /// receiving the whole response. Retries get a fresh timeout each. Default 60 s;
    /// raise it for large code uploads and downloads on slow links.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The largest response body accepted, in bytes; a longer one fails with
    /// [`TransportErrorKind::BodyTooLarge`](crate::TransportErrorKind::BodyTooLarge).
    /// Default [`DEFAULT_MAX_RESPONSE_SIZE`].
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// The retry policy of every call (overridable per call with
    /// [`RequestOptions`](crate::RequestOptions)). A policy that still has the default
    /// jitter seed is reseeded from process randomness, so that clients do not retry in
    /// lockstep; set your own seed for reproducible delays.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = policy;
        self
    }

    /// Trusts one more root certificate (DER), e.g. a private cloud's CA, in addition to
    /// the built-in Mozilla roots. Certificates are always verified; there is no
    /// "insecure" switch.
    ///
    /// The certificate is checked by [`Self::build`].
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.extra_roots.push(der.into());
        self
    }

    /// Trusts every certificate of a PEM bundle (see [`Self::add_root_certificate`]).
    /// Fails if the PEM cannot be parsed or holds no certificate.
    pub fn add_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self, Error> {
        let before = self.extra_roots.len();
        for item in ureq::tls::parse_pem(pem) {
            let item = item.map_err(|e| Error::invalid_input("root_certificate", e.to_string()))?;
            if let ureq::tls::PemItem::Certificate(cert) = item {
                self.extra_roots.push(cert.der().to_vec());
            }
        }
        if self.extra_roots.len() == before {
            return Err(Error::invalid_input(
                "root_certificate",
                "the PEM holds no CERTIFICATE block",
            ));
        }
        Ok(self)
    }

    /// Whether the built-in Mozilla roots are trusted (default `true`). Turn them off to
    /// trust only the certificates added with [`Self::add_root_certificate`].
    pub fn built_in_roots(mut self, enabled: bool) -> Self {
        self.built_in_roots = enabled;
        self
    }

    /// The clock that dates signatures (default `SystemTime::now`). Use it to correct a
    /// known skew of the local clock, or to make requests reproducible in tests.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Builds the client. Fails if an added root certificate is not a valid X.509
    /// certificate.
    pub fn build(self) -> Result<Client, Error> {
        let mut extra = Vec::with_capacity(self.extra_roots.len());
        for der in &self.extra_roots {
            check_root_certificate(der)?;
            extra.push(Certificate::from_der(der).to_owned());
        }
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .max_redirects_will_error(false)
                .timeout_connect(Some(self.connect_timeout))
                .timeout_global(Some(self.timeout))
                .tls_config(tls_config(extra, self.built_in_roots))
                .build(),
        );
        Ok(Client::from_inner(Inner {
            config: self.config,
            backend: Backend::Agent(agent),
            policy: self.retry_policy,
            seed: client_seed(),
            max_response_size: self.max_response_size,
            clock: self.clock,
        }))
    }
}

/// ureq would silently skip a certificate it cannot parse; say so instead.
fn check_root_certificate(der: &[u8]) -> Result<(), Error> {
    rustls::RootCertStore::empty()
        .add(rustls::pki_types::CertificateDer::from(der))
        .map_err(|e| Error::invalid_input("root_certificate", e.to_string()))
}

/// Mozilla's roots (as DER certificates, so that extra roots can be added to the same
/// set) plus the caller's.
fn tls_config(extra: Vec<Certificate<'static>>, built_in: bool) -> TlsConfig {
    let roots = if extra.is_empty() && built_in {
        RootCerts::WebPki
    } else {
        let mut all: Vec<Certificate<'static>> = Vec::new();
        if built_in {
            all.extend(
                webpki_root_certs::TLS_SERVER_ROOT_CERTS
                    .iter()
                    .map(|der| Certificate::from_der(der.as_ref())),
            );
        }
        all.extend(extra);
        RootCerts::Specific(Arc::new(all))
    };
    TlsConfig::builder().root_certs(roots).build()
}
