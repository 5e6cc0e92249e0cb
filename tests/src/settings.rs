//! [`ClientSettings`]: the builder settings both adapters share, so that a scenario
//! builds the same client on each.

use std::time::Duration;

use fgs_proto::{Config, Error, RetryPolicy};

use crate::{Async, Blocking};

/// Applies `settings` to either adapter's builder: the two builders have the same
/// setters but no trait in common.
macro_rules! configure {
    ($settings:expr, $builder:expr) => {{
        let settings: &ClientSettings = $settings;
        let mut builder = $builder;
        if let Some(timeout) = settings.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(timeout) = settings.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(bytes) = settings.max_response_size {
            builder = builder.max_response_size(bytes);
        }
        if let Some(policy) = &settings.retry_policy {
            builder = builder.retry_policy(policy.clone());
        }
        for der in &settings.root_certificates {
            builder = builder.add_root_certificate(der.clone());
        }
        builder
    }};
}

/// Non-default client settings, applied alike to the blocking and the async client.
/// Unset fields keep the adapter's defaults.
///
/// ```
/// use std::time::Duration;
/// use fgs_proto::{Config, Credentials, RetryPolicy};
/// use fgs_tests::{ClientSettings, Sdk};
///
/// let config = Config::new("http://127.0.0.1:9", "p1", Credentials::token("T"))?;
/// let settings = ClientSettings::new()
///     .timeout(Duration::from_secs(2))
///     .retry_policy(RetryPolicy::none());
/// assert_eq!(settings.blocking(config.clone())?.name(), "fgs-ureq");
/// assert_eq!(settings.asynchronous(config)?.name(), "fgs-hyper");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ClientSettings {
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_response_size: Option<u64>,
    retry_policy: Option<RetryPolicy>,
    root_certificates: Vec<Vec<u8>>,
}

impl ClientSettings {
    /// The adapters' defaults.
    pub fn new() -> Self {
        ClientSettings::default()
    }

    /// The per-attempt timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The connect timeout.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The response size limit.
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = Some(bytes);
        self
    }

    /// The retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }

    /// One more trusted root certificate (DER).
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(der.into());
        self
    }

    /// The blocking client with these settings.
    pub fn blocking(&self, config: Config) -> Result<Blocking, Error> {
        configure!(self, fgs_ureq::Client::builder(config))
            .build()
            .map(Blocking)
    }

    /// The async client with these settings, on a runtime of its own.
    pub fn asynchronous(&self, config: Config) -> Result<Async, Error> {
        Async::from_builder(configure!(self, fgs_hyper::Client::builder(config)))
    }
}
