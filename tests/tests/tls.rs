//! TLS verification through both adapters, against testkit's TLS server with
//! certificates made in the test (rcgen).
//!
//! The adapter suites already prove that an unknown CA is refused before the request is
//! sent and that an added root is trusted. This suite fills the gaps: the error names
//! the problem; a trusted CA does not excuse a certificate for another name or one that
//! expired; trusting one private CA does not make another acceptable; and no code path
//! of either adapter can turn verification off.

mod hardening;

use std::path::Path;
use std::time::Duration;

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, RetryPolicy, TransportErrorKind};
use fgs_testkit::{Reply, TestCa, TestServer, URN, aksk_config, scripted};
use fgs_tests::Adapter;
use fgs_tests::{ClientSettings, Sdk};
use hardening::watchdog;

/// Calls GetMetadata on a TLS server presenting `server_ca`'s certificate, with the
/// client trusting `trusted` (and the built-in roots). Returns the result and the
/// number of requests the server saw.
fn call(
    adapter: Adapter,
    server_ca: fn() -> TestCa,
    trust_server_ca: bool,
    extra_root: Option<fn() -> TestCa>,
) -> (Result<Option<String>, Error>, usize) {
    watchdog("TLS call", Duration::from_secs(20), move || {
        let ca = server_ca();
        let server = TestServer::start_tls(
            &ca,
            scripted(vec![Reply::json(200, r#"{"func_name":"tls"}"#)]),
        );
        let mut settings = ClientSettings::new()
            .timeout(Duration::from_secs(5))
            .retry_policy(RetryPolicy::default().max_attempts(3));
        if trust_server_ca {
            settings = settings.add_root_certificate(ca.ca_der.clone());
        }
        if let Some(other) = extra_root {
            settings = settings.add_root_certificate(other().ca_der);
        }
        let client = adapter
            .client(&settings, aksk_config(&server.url()))
            .expect("client");
        let result = client.send(&GetMetadata::new(URN)).map(|f| f.func_name);
        (result, server.request_count())
    })
}

/// Asserts a TLS error raised before the request left, whose text contains one of
/// `clues` (case-insensitive), and that the server saw no request.
fn assert_refused(what: &str, outcome: (Result<Option<String>, Error>, usize), clues: &[&str]) {
    let (result, requests) = outcome;
    let error = result.expect_err(what);
    let Error::Transport(transport) = &error else {
        panic!("{what}: expected a TLS error, got {error:?}");
    };
    assert_eq!(transport.kind(), TransportErrorKind::Tls, "{what}: {error}");
    assert!(!transport.request_sent(), "{what}");
    // Not retried: a certificate does not get better on the next attempt.
    assert!(!error.is_retryable(), "{what}");
    let text = error.to_string().to_lowercase();
    assert!(
        clues.iter().any(|clue| text.contains(clue)),
        "{what}: `{error}` names none of {clues:?}"
    );
    assert_eq!(requests, 0, "{what}: the request must not be sent");
    println!("[tls] {what}: {error}");
}

#[test]
fn an_unknown_ca_is_refused_with_a_clear_error_until_it_is_trusted() {
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("unknown CA via {adapter:?}"),
            call(adapter, TestCa::new, false, None),
            &["unknownissuer", "unknown issuer"],
        );
        let (trusted, requests) = call(adapter, TestCa::new, true, None);
        assert_eq!(trusted.unwrap().as_deref(), Some("tls"), "{adapter:?}");
        assert_eq!(requests, 1);
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
            call(adapter, wrong_name, true, None),
            &["notvalidforname", "not valid for name"],
        );
    }
}

#[test]
fn an_expired_certificate_is_refused_even_from_a_trusted_ca() {
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("expired certificate via {adapter:?}"),
            call(adapter, TestCa::expired, true, None),
            &["expired"],
        );
    }
}

#[test]
fn trusting_one_private_ca_does_not_accept_another() {
    for adapter in Adapter::BOTH {
        assert_refused(
            &format!("other CA trusted via {adapter:?}"),
            call(adapter, TestCa::new, false, Some(TestCa::new)),
            // Test CAs share one (empty) subject, so the verifier may find the other CA
            // by name and then fail on its signature.
            &["unknownissuer", "unknown issuer", "badsignature"],
        );
    }
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
    for adapter in ["fgs-ureq/src", "fgs-hyper/src"] {
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
