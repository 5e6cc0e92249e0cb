//! [`ClientBuilder`]: timeouts, response size limit, retry policy, trusted roots, clock.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fgs_proto::{Config, Error, RetryPolicy};
use hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::client::{Client, Clock, Inner, client_seed};
use crate::connector::{Roots, connector};
use crate::exchange::Limits;

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default timeout of one attempt (connect, send, and receive the whole response).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default response size limit: 80 MiB, enough for `GetCode` of a 50 MB package in
/// base64 with room for the JSON around it.
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 80 * 1024 * 1024;
/// How long an idle pooled connection is kept.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// Builds a [`Client`] with non-default settings.
///
/// ```
/// use std::time::Duration;
/// use fgs_hyper::{Client, Config, Credentials, RetryPolicy};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::builder(config)
///     .connect_timeout(Duration::from_secs(3))
///     .timeout(Duration::from_secs(30))
///     .max_response_size(8 * 1024 * 1024)
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .build()?;
/// assert_eq!(client.config().project_id(), "p1");
/// # Ok::<(), fgs_hyper::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder {
    config: Config,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_size: u64,
    retry_policy: RetryPolicy,
    roots: Roots,
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
            roots: Roots {
                extra: Vec::new(),
                built_in: true,
            },
            clock: Arc::new(SystemTime::now),
        }
    }

    /// How long establishing a TCP connection may take. Default 10 s.
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
    /// "insecure" switch. The certificate is checked by [`Self::build`].
    #[cfg(feature = "rustls")]
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.roots.extra.push(der.into());
        self
    }

    /// Trusts every certificate of a PEM bundle (see [`Self::add_root_certificate`]).
    /// Fails if the PEM cannot be parsed or holds no certificate.
    #[cfg(feature = "rustls")]
    pub fn add_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self, Error> {
        let certs = crate::connector::tls::pem_certificates(pem)?;
        self.roots.extra.extend(certs);
        Ok(self)
    }

    /// Whether the built-in Mozilla roots are trusted (default `true`). Turn them off to
    /// trust only the certificates added with [`Self::add_root_certificate`].
    #[cfg(feature = "rustls")]
    pub fn built_in_roots(mut self, enabled: bool) -> Self {
        self.roots.built_in = enabled;
        self
    }

    /// The clock that dates signatures (default `SystemTime::now`). Use it to correct a
    /// known skew of the local clock, or to make requests reproducible in tests.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Builds the client. Fails if an added root certificate is not a valid X.509
    /// certificate. Needs no runtime; calls need a tokio runtime with the time driver.
    pub fn build(self) -> Result<Client, Error> {
        let connector = connector(self.connect_timeout, &self.roots)?;
        let http = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .build(connector);
        Ok(Client::from_inner(Inner {
            config: self.config,
            http,
            policy: self.retry_policy,
            seed: client_seed(),
            limits: Limits {
                timeout: self.timeout,
                connect_timeout: self.connect_timeout,
                max_response_size: self.max_response_size,
            },
            clock: self.clock,
        }))
    }
}
