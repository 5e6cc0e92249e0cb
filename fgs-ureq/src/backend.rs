//! [`Ureq`]: ureq as the client layer's blocking backend — the agent built from the
//! client settings, with its trusted roots.

use std::sync::Arc;

use fgs_client::{ClientSettings, SyncBackend};
use fgs_proto::Error;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use crate::one_write::OneWriteConnector;
use crate::resolver::Resolver;
use crate::transport::UreqTransport;
use ureq::unversioned::transport::{Connector as _, DefaultConnector};

/// The blocking backend: [`Client`](crate::Client) is `fgs_client::blocking::Client<Ureq>`.
#[derive(Debug, Clone, Copy)]
pub struct Ureq;

impl SyncBackend for Ureq {
    const NAME: &'static str = "fgs-ureq";
    type Transport = UreqTransport;

    /// An agent with the settings' connect timeout and roots. Fails if an added root
    /// certificate is not a valid X.509 certificate.
    fn connect(settings: &ClientSettings) -> Result<UreqTransport, Error> {
        let mut extra = Vec::with_capacity(settings.root_certificates.len());
        for der in &settings.root_certificates {
            check_root_certificate(der)?;
            extra.push(Certificate::from_der(der).to_owned());
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some(settings.connect_timeout))
            .timeout_global(Some(settings.timeout))
            .tls_config(tls_config(extra, settings.built_in_roots))
            .build();
        Ok(UreqTransport::new(agent(config)))
    }
}

/// An agent with ureq's connectors (proxies, TCP, rustls) followed by [`OneWriteConnector`]
/// (a request's head and small body in one write), and a [`Resolver`] that starts no
/// thread for an IP literal or a name looked up moments ago.
fn agent(config: ureq::config::Config) -> ureq::Agent {
    let connector = DefaultConnector::new().chain(OneWriteConnector);
    ureq::Agent::with_parts(config, connector, Resolver::default())
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
