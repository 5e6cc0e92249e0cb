//! The connector: TCP with `TCP_NODELAY` and a connect timeout, wrapped in rustls when
//! the `rustls` feature is on.

use fgs_client::ClientSettings;
use fgs_proto::Error;
use hyper_util::client::legacy::connect::HttpConnector;

/// What the pool connects with.
#[cfg(feature = "rustls")]
pub(crate) type Connector = hyper_rustls::HttpsConnector<HttpConnector>;
/// What the pool connects with (plain http only: the `rustls` feature is off).
#[cfg(not(feature = "rustls"))]
pub(crate) type Connector = HttpConnector;

/// The connector of `settings`: their connect timeout, and for https their roots.
pub(crate) fn connector(settings: &ClientSettings) -> Result<Connector, Error> {
    let mut http = HttpConnector::new();
    http.set_nodelay(true);
    http.set_connect_timeout(Some(settings.connect_timeout));
    #[cfg(feature = "rustls")]
    {
        // The https wrapper hands it `https://` URIs too.
        http.enforce_http(false);
        Ok(hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls::client_config(settings)?)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http))
    }
    #[cfg(not(feature = "rustls"))]
    Ok(http)
}

#[cfg(feature = "rustls")]
pub(crate) mod tls {
    //! rustls setup: ring provider, Mozilla roots plus the caller's, verification on.

    use std::sync::Arc;

    use fgs_client::ClientSettings;
    use fgs_proto::Error;
    use rustls::pki_types::CertificateDer;

    pub(crate) fn client_config(settings: &ClientSettings) -> Result<rustls::ClientConfig, Error> {
        let mut store = rustls::RootCertStore::empty();
        if settings.built_in_roots {
            store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        for der in &settings.root_certificates {
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
}
