//! [`ClientBuilder`]: timeouts, response size limit, retry policy, trusted roots, clock.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fgs_proto::transport::ClientSettings;
use fgs_proto::{Config, Error};
use hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::client::{Client, Inner, client_seed};
use crate::connector::connector;
use crate::exchange::Limits;

/// How long an idle pooled connection is kept.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// Builds a [`Client`] with non-default settings.
///
/// Each setter sets one field of a [`ClientSettings`]; [`Self::settings`] takes a whole
/// value (the blocking client's builder takes the same).
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
    settings: ClientSettings,
}

impl ClientBuilder {
    pub(crate) fn new(config: Config) -> Self {
        ClientBuilder {
            config,
            settings: ClientSettings::default(),
        }
    }

    /// Replaces every setting at once, e.g. with settings shared by several clients.
    /// Without the `rustls` feature the root certificate settings have no use (only
    /// `http://` endpoints can be reached).
    ///
    /// ```
    /// use std::time::Duration;
    /// use fgs_hyper::{Client, ClientSettings, Config, Credentials};
    ///
    /// let settings = ClientSettings::new().timeout(Duration::from_secs(5));
    /// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
    /// let client = Client::builder(config).settings(settings).build()?;
    /// # Ok::<(), fgs_hyper::Error>(())
    /// ```
    pub fn settings(mut self, settings: ClientSettings) -> Self {
        self.settings = settings;
        self
    }

    // `connect_timeout`, `timeout`, `max_response_size`, `retry_policy`,
    // `add_root_certificate`, `add_root_certificates_pem`, `built_in_roots`, `clock`: one
    // setter per `ClientSettings` field, written once (in fgs-proto) for both adapters.
    fgs_proto::client_builder_setters!(settings, tls: #[cfg(feature = "rustls")]);

    /// Builds the client. Fails if an added root certificate is not a valid X.509
    /// certificate. Needs no runtime; calls need a tokio runtime with the time driver.
    pub fn build(self) -> Result<Client, Error> {
        let settings = self.settings;
        let connector = connector(&settings)?;
        let http = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .build(connector);
        Ok(Client::from_inner(Inner {
            config: self.config,
            http,
            policy: settings.retry_policy,
            seed: client_seed(),
            limits: Limits {
                timeout: settings.timeout,
                connect_timeout: settings.connect_timeout,
                max_response_size: settings.max_response_size,
            },
            clock: settings.clock.unwrap_or_else(|| Arc::new(SystemTime::now)),
        }))
    }
}
