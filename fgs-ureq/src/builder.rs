//! [`ClientBuilder`]: timeouts, response size limit, retry policy, trusted roots, clock.

use std::sync::Arc;
use std::time::SystemTime;

use fgs_proto::transport::ClientSettings;
use fgs_proto::{Config, Error};
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use crate::client::{Backend, Client, Inner, client_seed};

/// Builds a [`Client`] with non-default settings.
///
/// Each setter sets one field of a [`ClientSettings`]; [`Self::settings`] takes a whole
/// value (the async client's builder takes the same).
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
    ///
    /// ```
    /// use std::time::Duration;
    /// use fgs_ureq::{Client, ClientSettings, Config, Credentials};
    ///
    /// let settings = ClientSettings::new().timeout(Duration::from_secs(5));
    /// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
    /// let client = Client::builder(config).settings(settings).build()?;
    /// # Ok::<(), fgs_ureq::Error>(())
    /// ```
    pub fn settings(mut self, settings: ClientSettings) -> Self {
        self.settings = settings;
        self
    }

    // `connect_timeout`, `timeout`, `max_response_size`, `retry_policy`,
    // `add_root_certificate`, `add_root_certificates_pem`, `built_in_roots`, `clock`: one
    // setter per `ClientSettings` field, written once (in fgs-proto) for both adapters.
    fgs_proto::client_builder_setters!(settings);

    /// Builds the client. Fails if an added root certificate is not a valid X.509
    /// certificate.
    pub fn build(self) -> Result<Client, Error> {
        let settings = self.settings;
        let mut extra = Vec::with_capacity(settings.root_certificates.len());
        for der in &settings.root_certificates {
            check_root_certificate(der)?;
            extra.push(Certificate::from_der(der).to_owned());
        }
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .max_redirects_will_error(false)
                .timeout_connect(Some(settings.connect_timeout))
                .timeout_global(Some(settings.timeout))
                .tls_config(tls_config(extra, settings.built_in_roots))
                .build(),
        );
        Ok(Client::from_inner(Inner {
            config: self.config,
            backend: Backend::Agent(agent),
            policy: settings.retry_policy,
            seed: client_seed(),
            max_response_size: settings.max_response_size,
            clock: settings.clock.unwrap_or_else(|| Arc::new(SystemTime::now)),
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
