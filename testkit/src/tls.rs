//! A private CA and a rustls server config, made fresh per test: a good certificate for
//! `127.0.0.1`, or a deliberately bad one (wrong name, expired).

use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, date_time_ymd};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// A CA nobody trusts by default, and a server certificate it issued.
pub struct TestCa {
    /// The CA certificate (DER), to pass to `add_root_certificate`.
    pub ca_der: Vec<u8>,
    /// The CA certificate (PEM).
    pub ca_pem: String,
    pub(crate) server: Arc<rustls::ServerConfig>,
}

impl TestCa {
    /// Generates the CA and a valid server certificate for `127.0.0.1`.
    pub fn new() -> TestCa {
        TestCa::issue(&["127.0.0.1"], |_| {})
    }

    /// A CA whose server certificate names only `names`: presented on `127.0.0.1`,
    /// it fails hostname verification even where the CA is trusted.
    pub fn for_names(names: &[&str]) -> TestCa {
        TestCa::issue(names, |_| {})
    }

    /// A CA whose server certificate for `127.0.0.1` expired on 2021-01-01.
    pub fn expired() -> TestCa {
        TestCa::issue(&["127.0.0.1"], |leaf| {
            leaf.not_before = date_time_ymd(2020, 1, 1);
            leaf.not_after = date_time_ymd(2021, 1, 1);
        })
    }

    fn issue(names: &[&str], adjust_leaf: impl FnOnce(&mut CertificateParams)) -> TestCa {
        let mut ca_params = CertificateParams::new(Vec::new()).expect("CA params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca_key = KeyPair::generate().expect("CA key");
        let ca_cert = ca_params.self_signed(&ca_key).expect("CA certificate");
        let issuer = Issuer::new(ca_params, ca_key);

        let leaf_key = KeyPair::generate().expect("server key");
        let names = names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        let mut leaf_params = CertificateParams::new(names).expect("server params");
        adjust_leaf(&mut leaf_params);
        let leaf = leaf_params
            .signed_by(&leaf_key, &issuer)
            .expect("server certificate");

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let server = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![leaf.der().clone(), ca_cert.der().clone()],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
            )
            .expect("server config");
        TestCa {
            ca_der: CertificateDer::as_ref(ca_cert.der()).to_vec(),
            ca_pem: ca_cert.pem(),
            server: Arc::new(server),
        }
    }
}

impl Default for TestCa {
    fn default() -> Self {
        TestCa::new()
    }
}
