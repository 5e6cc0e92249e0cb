//! The connector: TCP with `TCP_NODELAY` and a connect timeout, wrapped in rustls when
//! the `rustls` feature is on.

use std::time::Duration;

use fgs_proto::Error;
use hyper_util::client::legacy::connect::HttpConnector;

/// What the pool connects with.
#[cfg(feature = "rustls")]
pub(crate) type Connector = hyper_rustls::HttpsConnector<HttpConnector>;
/// What the pool connects with (plain http only: the `rustls` feature is off).
#[cfg(not(feature = "rustls"))]
pub(crate) type Connector = HttpConnector;

/// Trusted roots for https.
#[derive(Clone, Default)]
#[cfg_attr(not(feature = "rustls"), allow(dead_code))]
pub(crate) struct Roots {
    /// Extra DER certificates.
    pub(crate) extra: Vec<Vec<u8>>,
    /// Whether to trust the Mozilla roots too.
    pub(crate) built_in: bool,
}

pub(crate) fn connector(connect_timeout: Duration, roots: &Roots) -> Result<Connector, Error> {
    let mut http = HttpConnector::new();
    http.set_nodelay(true);
    http.set_connect_timeout(Some(connect_timeout));
    #[cfg(feature = "rustls")]
    {
        // The https wrapper hands it `https://` URIs too.
        http.enforce_http(false);
        Ok(hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls::client_config(roots)?)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http))
    }
    #[cfg(not(feature = "rustls"))]
    {
        let _ = roots;
        Ok(http)
    }
}

#[cfg(feature = "rustls")]
pub(crate) mod tls {
    //! rustls setup: ring provider, Mozilla roots plus the caller's, verification on.

    use std::sync::Arc;

    use fgs_proto::Error;
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;

    use super::Roots;

    pub(crate) fn client_config(roots: &Roots) -> Result<rustls::ClientConfig, Error> {
        let mut store = rustls::RootCertStore::empty();
        if roots.built_in {
            store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        for der in &roots.extra {
            store
                .add(CertificateDer::from(der.as_slice()))
                .map_err(|e| Error::invalid_input("root_certificate", e.to_string()))?;
        }
        // An explicit provider: the process default is ambiguous when another crate
        // in the build enables aws-lc-rs as well.
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        Ok(rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid_input("tls", e.to_string()))?
            .with_root_certificates(store)
            .with_no_client_auth())
    }

    /// The DER certificates of a PEM bundle; an error if it holds none or is malformed.
    pub(crate) fn pem_certificates(pem: &[u8]) -> Result<Vec<Vec<u8>>, Error> {
        let mut certs = Vec::new();
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert = cert.map_err(|e| Error::invalid_input("root_certificate", e.to_string()))?;
            certs.push(cert.as_ref().to_vec());
        }
        if certs.is_empty() {
            return Err(Error::invalid_input(
                "root_certificate",
                "the PEM holds no CERTIFICATE block",
            ));
        }
        Ok(certs)
    }
}
