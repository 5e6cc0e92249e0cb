//! [`ClientBuilder`]: one builder for both clients, with one setter per setting.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fgs_proto::{Config, Error, RetryPolicy};

use crate::credentials::CredentialsSource;
use crate::settings::ClientSettings;
use crate::transport::{DynAsyncTransport, SyncTransport};

/// Builds a client — blocking or async, whichever `C` is — with non-default settings,
/// and optionally over a transport of your own.
///
/// Each setter sets one field of a [`ClientSettings`]; [`Self::settings`] takes a whole
/// value, so that a blocking and an async client can share one. The adapters name it
/// for their client (`fgs_ureq::ClientBuilder`, `fgs_hyper::ClientBuilder`).
///
/// ```
/// use std::time::Duration;
/// use fgs_client::blocking;
/// use fgs_proto::{Config, Credentials, RetryPolicy};
/// # struct Mine; impl fgs_client::SyncBackend for Mine { const NAME: &'static str = "mine";
/// #   type Transport = fn(http::Request<fgs_proto::Body>) -> Result<http::Response<bytes::Bytes>, fgs_proto::TransportError>;
/// #   fn connect(_: &fgs_client::ClientSettings) -> Result<Self::Transport, fgs_proto::Error> { Ok(|_| Ok(http::Response::new(bytes::Bytes::new()))) } }
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = blocking::Client::<Mine>::builder(config)
///     .connect_timeout(Duration::from_secs(3))
///     .timeout(Duration::from_secs(30))
///     .max_response_size(8 * 1024 * 1024)
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .build()?;
/// assert_eq!(client.config().project_id(), "p1");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder<C> {
    pub(crate) config: Config,
    pub(crate) settings: ClientSettings,
    /// A transport of the user's, for a blocking client.
    pub(crate) sync_transport: Option<Arc<dyn SyncTransport>>,
    /// A transport of the user's, for an async client.
    pub(crate) async_transport: Option<Arc<dyn DynAsyncTransport>>,
    client: std::marker::PhantomData<fn() -> C>,
}

impl<C> ClientBuilder<C> {
    /// A builder with the default settings for `config`.
    pub fn new(config: Config) -> Self {
        ClientBuilder {
            config,
            settings: ClientSettings::default(),
            sync_transport: None,
            async_transport: None,
            client: std::marker::PhantomData,
        }
    }

    /// Replaces every setting at once, e.g. with settings shared by several clients.
    pub fn settings(mut self, settings: ClientSettings) -> Self {
        self.settings = settings;
        self
    }

    /// The settings so far.
    pub fn get_settings(&self) -> &ClientSettings {
        &self.settings
    }

    /// How long establishing a connection may take. Default 10 s; see
    /// [`ClientSettings::connect_timeout`].
    pub fn connect_timeout(self, timeout: Duration) -> Self {
        self.with(|s| s.connect_timeout(timeout))
    }

    /// How long one attempt may take in total; see [`ClientSettings::timeout`].
    pub fn timeout(self, timeout: Duration) -> Self {
        self.with(|s| s.timeout(timeout))
    }

    /// The largest response body accepted; see [`ClientSettings::max_response_size`].
    pub fn max_response_size(self, bytes: u64) -> Self {
        self.with(|s| s.max_response_size(bytes))
    }

    /// The deadline of a whole call, across attempts and the waits between them; see
    /// [`ClientSettings::operation_timeout`].
    pub fn operation_timeout(self, timeout: Duration) -> Self {
        self.with(|s| s.operation_timeout(timeout))
    }

    /// The client's retry budget; see [`ClientSettings::retry_budget`].
    pub fn retry_budget(self, budget: crate::RetryBudget) -> Self {
        self.with(|s| s.retry_budget(budget))
    }

    /// The retry policy of every call; see [`ClientSettings::retry_policy`].
    pub fn retry_policy(self, policy: RetryPolicy) -> Self {
        self.with(|s| s.retry_policy(policy))
    }

    /// Trusts one more root certificate (DER); see
    /// [`ClientSettings::add_root_certificate`]. Checked by `build`.
    pub fn add_root_certificate(self, der: impl Into<Vec<u8>>) -> Self {
        self.with(|s| s.add_root_certificate(der))
    }

    /// Trusts every certificate of a PEM bundle; see
    /// [`ClientSettings::add_root_certificates_pem`].
    pub fn add_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self, Error> {
        self.settings = self.settings.add_root_certificates_pem(pem)?;
        Ok(self)
    }

    /// Whether the built-in Mozilla roots are trusted; see
    /// [`ClientSettings::built_in_roots`].
    pub fn built_in_roots(self, enabled: bool) -> Self {
        self.with(|s| s.built_in_roots(enabled))
    }

    /// The clock that dates signatures; see [`ClientSettings::clock`].
    pub fn clock(self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.with(|s| s.clock(clock))
    }

    /// Takes the credentials from `source` instead of the config; see
    /// [`ClientSettings::credentials_provider`] and [`crate::credentials`].
    pub fn credentials_provider(self, source: CredentialsSource) -> Self {
        self.with(|s| s.credentials_provider(source))
    }

    /// How long before their expiry provided credentials are refreshed; see
    /// [`ClientSettings::refresh_margin`].
    pub fn refresh_margin(self, margin: Duration) -> Self {
        self.with(|s| s.refresh_margin(margin))
    }

    /// The ECS metadata service's URL; see [`ClientSettings::metadata_endpoint`].
    pub fn metadata_endpoint(self, url: impl Into<String>) -> Self {
        self.with(|s| s.metadata_endpoint(url))
    }

    /// The IAM endpoint; see [`ClientSettings::iam_endpoint`].
    pub fn iam_endpoint(self, url: impl Into<String>) -> Self {
        self.with(|s| s.iam_endpoint(url))
    }

    fn with(mut self, set: impl FnOnce(ClientSettings) -> ClientSettings) -> Self {
        self.settings = set(self.settings);
        self
    }
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let custom = self.sync_transport.is_some() || self.async_transport.is_some();
        f.debug_struct("ClientBuilder")
            .field("config", &self.config)
            .field("settings", &self.settings)
            .field("transport", &if custom { "custom" } else { "default" })
            .finish()
    }
}
