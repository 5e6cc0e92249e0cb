//! [`ClientSettings`]: what both adapters' clients can be configured with — timeouts,
//! response size limit, retry policy, trusted roots, clock — kept in one place so that
//! the blocking and the async client mean the same thing by each setting and share the
//! same defaults.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

use fgs_proto::{Error, RetryPolicy};

use crate::RetryBudget;
use crate::credentials::{CredentialsSource, DEFAULT_REFRESH_MARGIN};

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default timeout of one attempt (connect, send, and receive the whole response).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default response size limit: 80 MiB, enough for `GetCode` of a 50 MB package in
/// base64 with room for the JSON around it.
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 80 * 1024 * 1024;

/// A clock that dates signatures; see [`ClientSettings::clock`].
pub type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// The settings of a client, the same for the blocking and the async client:
/// [`ClientBuilder`](crate::ClientBuilder) has a setter per field and takes a whole
/// value with [`settings`](crate::ClientBuilder::settings).
///
/// Settings are plain data: root certificates are checked by the transport that uses
/// them when the client is built. A transport of your own
/// ([`ClientBuilder::transport`](crate::ClientBuilder::transport)) gets the timeout and
/// size limit of each attempt as [`AttemptLimits`](crate::AttemptLimits); connecting
/// and TLS are its own business.
///
/// ```
/// use std::time::Duration;
/// use fgs_proto::RetryPolicy;
/// use fgs_client::{ClientSettings, DEFAULT_MAX_RESPONSE_SIZE};
///
/// let settings = ClientSettings::new()
///     .connect_timeout(Duration::from_secs(3))
///     .timeout(Duration::from_secs(30))
///     .retry_policy(RetryPolicy::default().max_attempts(5));
/// assert_eq!(settings.timeout, Duration::from_secs(30));
/// assert_eq!(settings.max_response_size, DEFAULT_MAX_RESPONSE_SIZE);
/// assert_eq!(settings.retry_policy.get_max_attempts(), 5);
/// ```
#[derive(Clone)]
#[non_exhaustive]
#[must_use]
pub struct ClientSettings {
    /// How long establishing a connection may take.
    pub connect_timeout: Duration,
    /// How long one attempt may take in total.
    pub timeout: Duration,
    /// How long one call may take in total, across attempts and the waits between
    /// them; `None`: no bound but the attempts' own.
    pub operation_timeout: Option<Duration>,
    /// How many retries the client may spend (shared by its clones).
    pub retry_budget: RetryBudget,
    /// The largest response body accepted, in bytes.
    pub max_response_size: u64,
    /// The retry policy of every call.
    pub retry_policy: RetryPolicy,
    /// Extra trusted root certificates (DER), in the order added.
    pub root_certificates: Vec<Vec<u8>>,
    /// Whether the built-in Mozilla roots are trusted too.
    pub built_in_roots: bool,
    /// The clock that dates signatures; `None`: the system clock.
    pub clock: Option<Clock>,
    /// Where the credentials come from instead of the config; `None`: the config's,
    /// or the default chain for a [`Config::from_provider`](fgs_proto::Config::from_provider)
    /// config. See [`crate::credentials`].
    pub credentials: Option<CredentialsSource>,
    /// How long before their expiry provided credentials are refreshed.
    pub refresh_margin: Duration,
    /// The ECS metadata service providers ask (`None`: `http://169.254.169.254`).
    pub metadata_endpoint: Option<String>,
    /// The IAM endpoint of the project lookup and of federation (`None`: the
    /// profile's `iam_endpoint`, else `HUAWEICLOUD_SDK_IAM_ENDPOINT`, else the region's).
    pub iam_endpoint: Option<String>,
}

impl Default for ClientSettings {
    fn default() -> Self {
        ClientSettings {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            operation_timeout: None,
            retry_budget: RetryBudget::default(),
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            retry_policy: RetryPolicy::default(),
            root_certificates: Vec::new(),
            built_in_roots: true,
            clock: None,
            credentials: None,
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            metadata_endpoint: None,
            iam_endpoint: None,
        }
    }
}

impl ClientSettings {
    /// The defaults: connect timeout 10 s, 60 s per attempt, 80 MiB response limit,
    /// the default [`RetryPolicy`] (3 attempts), Mozilla roots, the system clock.
    pub fn new() -> Self {
        ClientSettings::default()
    }

    /// How long establishing a connection may take (fgs-ureq: DNS, TCP and TLS;
    /// fgs-hyper: TCP). Default 10 s. A transport of your own enforces its own.
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

    /// How long one call may take in total: every attempt, and every wait between
    /// attempts (backoff and `Retry-After`), separate from the per-attempt
    /// [`timeout`](Self::timeout). Each attempt's timeout is cut to what is left; a retry
    /// whose wait would pass the deadline is not made (the call ends with the error of
    /// its last attempt); an attempt still running at the deadline ends with a
    /// [`Timeout`](fgs_proto::TransportErrorKind::Timeout) error. Default: none (with
    /// the defaults a call may take up to 3 × 60 s plus two waits of up to 60 s).
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// How many retries the client may spend, shared by all its clones: a token bucket
    /// in the style of aws-sdk's standard retry mode; see [`RetryBudget`]. Default
    /// [`RetryBudget::default`]; [`RetryBudget::unlimited`] turns it off.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retry_budget = budget;
        self
    }

    /// The largest response body accepted, in bytes; a longer one fails with
    /// [`TransportErrorKind::BodyTooLarge`](fgs_proto::TransportErrorKind::BodyTooLarge).
    /// Default [`DEFAULT_MAX_RESPONSE_SIZE`].
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// The retry policy of every call (overridable per call with
    /// [`RequestOptions`](crate::RequestOptions)). A policy without a jitter seed gets
    /// one per client from process randomness, so that clients do not retry in
    /// lockstep; set a seed ([`RetryPolicy::seed`]) for reproducible delays.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = policy;
        self
    }

    /// Trusts one more root certificate (DER), e.g. a private cloud's CA, in addition to
    /// the built-in Mozilla roots. Certificates are always verified; there is no
    /// "insecure" switch. The client checks the certificate when it is built.
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(der.into());
        self
    }

    /// Trusts every certificate of a PEM bundle (see [`Self::add_root_certificate`]);
    /// other PEM blocks are skipped. Fails if the PEM cannot be parsed or holds no
    /// certificate.
    ///
    /// ```
    /// use fgs_proto::Error;
    /// use fgs_client::ClientSettings;
    ///
    /// let error = ClientSettings::new().add_root_certificates_pem(b"no pem here").unwrap_err();
    /// assert!(matches!(&error, Error::InvalidInput(i) if i.field() == "root_certificate"));
    /// ```
    pub fn add_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self, Error> {
        let before = self.root_certificates.len();
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert = cert.map_err(|e| Error::invalid_input("root_certificate", e.to_string()))?;
            self.root_certificates.push(cert.as_ref().to_vec());
        }
        if self.root_certificates.len() == before {
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

    /// The clock that dates signatures (default: the system clock). Use it to correct a
    /// known skew of the local clock, or to make requests reproducible in tests.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// Takes the credentials from `source` (see [`crate::credentials`]) instead of the
    /// config: the client caches them and refreshes them before they expire.
    pub fn credentials_provider(mut self, source: CredentialsSource) -> Self {
        self.credentials = Some(source);
        self
    }

    /// How long before their expiry provided credentials are refreshed (default
    /// [`DEFAULT_REFRESH_MARGIN`], 40 minutes, as the official SDK).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// The ECS metadata service's URL (default `http://169.254.169.254`), e.g. an
    /// emulator's in tests.
    pub fn metadata_endpoint(mut self, url: impl Into<String>) -> Self {
        self.metadata_endpoint = Some(url.into());
        self
    }

    /// The IAM endpoint of the project lookup and of federation, e.g. an emulator's in
    /// tests.
    pub fn iam_endpoint(mut self, url: impl Into<String>) -> Self {
        self.iam_endpoint = Some(url.into());
        self
    }
}

impl fmt::Debug for ClientSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSettings")
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("operation_timeout", &self.operation_timeout)
            .field("retry_budget", &self.retry_budget)
            .field("max_response_size", &self.max_response_size)
            .field("retry_policy", &self.retry_policy)
            .field("root_certificates", &self.root_certificates.len())
            .field("built_in_roots", &self.built_in_roots)
            .field("clock", &self.clock.as_ref().map_or("system", |_| "custom"))
            .field("credentials", &self.credentials)
            .field("refresh_margin", &self.refresh_margin)
            .field("metadata_endpoint", &self.metadata_endpoint)
            .field("iam_endpoint", &self.iam_endpoint)
            .finish()
    }
}

/// Per-request overrides of a client's settings, taken by the clients' `send_with`.
///
/// ```
/// use std::time::Duration;
/// use fgs_client::RequestOptions;
/// use fgs_proto::RetryPolicy;
///
/// let options = RequestOptions::new()
///     .timeout(Duration::from_secs(120))
///     .retry_policy(RetryPolicy::none());
/// assert_eq!(options.timeout, Some(Duration::from_secs(120)));
/// // Or as a literal:
/// let options = RequestOptions { timeout: Some(Duration::from_secs(5)), ..Default::default() };
/// assert!(options.retry_policy.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// The timeout of each attempt (connecting, sending, and receiving the whole
    /// response), instead of the client's.
    pub timeout: Option<Duration>,
    /// The deadline of the whole call (attempts and waits), instead of the client's
    /// [`operation_timeout`](ClientSettings::operation_timeout).
    pub operation_timeout: Option<Duration>,
    /// The retry policy, instead of the client's.
    pub retry_policy: Option<RetryPolicy>,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        RequestOptions::default()
    }

    /// Overrides the per-attempt timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Overrides the deadline of the whole call; see
    /// [`ClientSettings::operation_timeout`].
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Overrides the retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }
}
