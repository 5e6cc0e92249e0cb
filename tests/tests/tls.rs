//! TLS verification through both adapters, against testkit's TLS server with
//! certificates made in the test (rcgen): an unknown CA is refused before the request is
//! sent, with an error that names the problem, and not retried; an added root (DER, or
//! PEM with the built-in roots off) is trusted, and signed requests verify through it;
//! a trusted CA does not excuse a certificate for another name or one that expired;
//! trusting one private CA does not make another acceptable; a root certificate that is
//! not one is refused when the client is built; and no code path of either adapter can
//! turn verification off.

mod hardening;

use std::path::Path;
use std::time::Duration;

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, RetryPolicy, TransportErrorKind};
use fgs_testkit::{ACCESS_KEY, Received, Reply, TestCa, TestServer, URN, aksk_config, scripted};
use fgs_tests::Adapter;
use fgs_tests::{ClientSettings, Sdk};
use hardening::watchdog;

/// Which roots the client trusts besides (or instead of) the built-in ones.
#[derive(Debug, Clone, Copy)]
enum Trust {
    /// The built-in roots only.
    BuiltIn,
    /// The server's CA too, added as DER.
    ServerCa,
    /// Only the server's CA, added as PEM, with the built-in roots off.
    OnlyServerCaPem,
    /// Another private CA (made with `TestCa::new`), not the server's.
    OtherCa,
}

/// What one call produced.
struct Outcome {
    result: Result<Option<String>, Error>,
    /// The requests the server read.
    requests: Vec<Received>,
    /// The connections it accepted.
    connections: usize,
}

/// Calls GetMetadata (3 attempts allowed) on a TLS server presenting `server_ca`'s
/// certificate, with the client trusting what `trust` says.
fn call(adapter: Adapter, server_ca: fn() -> TestCa, trust: Trust) -> Outcome {
    watchdog("TLS call", Duration::from_secs(20), move || {
        let ca = server_ca();
        let server = TestServer::start_tls(
            &ca,
            scripted(vec![Reply::json(200, r#"{"func_name":"tls"}"#)]),
        );
        let settings = ClientSettings::new()
            .timeout(Duration::from_secs(5))
            .retry_policy(RetryPolicy::default().max_attempts(3));
        let settings = match trust {
            Trust::BuiltIn => settings,
            Trust::ServerCa => settings.add_root_certificate(ca.ca_der.clone()),
            Trust::OnlyServerCaPem => settings
                .add_root_certificates_pem(ca.ca_pem.as_bytes())
                .expect("the CA's PEM")
                .built_in_roots(false),
            Trust::OtherCa => settings.add_root_certificate(TestCa::new().ca_der),
        };
        let client = adapter
            .client(&settings, aksk_config(&server.url()))
            .expect("client");
        let result = client.send(&GetMetadata::new(URN)).map(|f| f.func_name);
        Outcome {
            result,
            requests: server.requests(),
            connections: server.connections(),
        }
    })
}

/// Asserts a TLS error raised before the request left, whose text contains one of
/// `clues` (case-insensitive), and that the server saw no request on its one
/// connection.
fn assert_refused(what: &str, outcome: Outcome, clues: &[&str]) {
    let error = outcome.result.expect_err(what);
    let Error::Transport(transport) = &error else {
        panic!("{what}: expected a TLS error, got {error:?}");
    };
    assert_eq!(transport.kind(), TransportErrorKind::Tls, "{what}: {error}");
    assert!(!transport.request_sent(), "{what}");
    // Not retried: a certificate does not get better on the next attempt.
    assert!(!error.is_retryable(), "{what}");
    assert_eq!(
        outcome.connections, 1,
        "{what}: TLS failures are not retried"
    );
    let text = error.to_string().to_lowercase();
    assert!(
        clues.iter().any(|clue| text.contains(clue)),
        "{what}: `{error}` names none of {clues:?}"
    );
    assert_eq!(
        outcome.requests.len(),
        0,
        "{what}: the request must not be sent"
    );
    println!("[tls] {what}: {error}");
}

/// Asserts the call went through, and the request was signed and verified as sent.
fn assert_trusted(what: &str, outcome: Outcome) {
    assert_eq!(
        outcome.result.expect(what).as_deref(),
        Some("tls"),
        "{what}"
    );
    assert_eq!(outcome.requests.len(), 1, "{what}");
    assert_eq!(
        outcome.requests[0].signature,
        Some(Ok(ACCESS_KEY.to_owned())),
        "{what}"
    );
}

#[test]
fn an_unknown_ca_is_refused_with_a_clear_error_until_it_is_trusted() {
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("unknown CA via {adapter:?}"),
            call(adapter, TestCa::new, Trust::BuiltIn),
            &["unknownissuer", "unknown issuer"],
        );
        assert_trusted(
            &format!("CA added as DER via {adapter:?}"),
            call(adapter, TestCa::new, Trust::ServerCa),
        );
    }
}

#[test]
fn a_private_ca_in_pem_can_be_the_only_trusted_root() {
    for adapter in Adapter::BOTH {
        assert_trusted(
            &format!("only the CA, as PEM, via {adapter:?}"),
            call(adapter, TestCa::new, Trust::OnlyServerCaPem),
        );
    }
}

#[test]
fn a_certificate_for_another_name_is_refused_even_from_a_trusted_ca() {
    fn wrong_name() -> TestCa {
        TestCa::for_names(&["fgs.example.test"])
    }
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("hostname mismatch via {adapter:?}"),
            call(adapter, wrong_name, Trust::ServerCa),
            &["notvalidforname", "not valid for name"],
        );
    }
}

#[test]
fn an_expired_certificate_is_refused_even_from_a_trusted_ca() {
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("expired certificate via {adapter:?}"),
            call(adapter, TestCa::expired, Trust::ServerCa),
            &["expired"],
        );
    }
}

#[test]
fn trusting_one_private_ca_does_not_accept_another() {
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("other CA trusted via {adapter:?}"),
            call(adapter, TestCa::new, Trust::OtherCa),
            // Test CAs share one (empty) subject, so the verifier may find the other CA
            // by name and then fail on its signature.
            &["unknownissuer", "unknown issuer", "badsignature"],
        );
    }
}

#[test]
fn bad_root_certificates_are_reported() {
    let config = aksk_config("https://127.0.0.1:9");
    let not_a_certificate =
        ClientSettings::new().add_root_certificate(b"not a certificate".to_vec());
    for adapter in Adapter::BOTH {
        let Err(error) = adapter.client(&not_a_certificate, config.clone()) else {
            panic!("{adapter:?} accepted a root certificate that is not one");
        };
        assert!(
            matches!(&error, Error::InvalidInput(i) if i.field() == "root_certificate"),
            "{adapter:?}: {error:?}"
        );
    }
    // PEM is read by the builders as it is added.
    assert!(
        fgs_ureq::Client::builder(config.clone())
            .add_root_certificates_pem(b"no pem here")
            .is_err()
    );
    assert!(
        fgs_hyper::Client::builder(config)
            .add_root_certificates_pem(b"no pem here")
            .is_err()
    );
}

/// What would turn certificate checks off in rustls or ureq: a custom verifier (only
/// through rustls' `dangerous()` API) or ureq's `disable_verification`.
const INSECURE_APIS: [&str; 5] = [
    "dangerous",
    "disable_verification",
    "ServerCertVerifier",
    "NoCertificateVerification",
    "danger",
];

#[test]
fn no_adapter_code_can_disable_certificate_verification() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut scanned = 0;
    for adapter in ["fgs-client/src", "fgs-ureq/src", "fgs-hyper/src"] {
        let mut dirs = vec![workspace.join(adapter)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for api in INSECURE_APIS {
                    assert!(!text.contains(api), "{} mentions `{api}`", path.display());
                }
                scanned += 1;
            }
        }
    }
    assert!(scanned >= 10, "only {scanned} source files found");
}
