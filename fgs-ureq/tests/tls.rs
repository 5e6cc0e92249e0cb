//! Certificates are verified; a private CA can be trusted explicitly.

use fgs_proto::functions::GetMetadata;
use fgs_testkit::{ACCESS_KEY, Reply, TestCa, TestServer, URN, aksk_config, scripted};
use fgs_ureq::{Client, Error, RetryPolicy, TransportErrorKind};

fn server(ca: &TestCa) -> TestServer {
    TestServer::start_tls(
        ca,
        scripted(vec![Reply::json(200, r#"{"func_name":"tls"}"#)]),
    )
}

#[test]
fn an_untrusted_certificate_is_refused_before_the_request_is_sent() {
    let ca = TestCa::new();
    let server = server(&ca);
    let client = Client::builder(aksk_config(&server.url()))
        .retry_policy(RetryPolicy::default().max_attempts(3))
        .build()
        .unwrap();
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    match &error {
        Error::Transport(t) => {
            assert_eq!(t.kind(), TransportErrorKind::Tls, "{t}");
            assert!(!t.request_sent());
        }
        other => panic!("expected a TLS error, got {other:?}"),
    }
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connections(), 1, "TLS failures are not retried");
}

#[test]
fn an_added_root_certificate_is_trusted() {
    let ca = TestCa::new();
    let server = server(&ca);
    let client = Client::builder(aksk_config(&server.url()))
        .add_root_certificate(ca.ca_der.clone())
        .build()
        .unwrap();
    let function = client.send(&GetMetadata::new(URN)).unwrap();
    assert_eq!(function.func_name.as_deref(), Some("tls"));
    assert_eq!(
        server.requests()[0].signature,
        Some(Ok(ACCESS_KEY.to_owned()))
    );

    let from_pem = Client::builder(aksk_config(&server.url()))
        .add_root_certificates_pem(ca.ca_pem.as_bytes())
        .unwrap()
        .built_in_roots(false)
        .build()
        .unwrap();
    from_pem.send(&GetMetadata::new(URN)).unwrap();
}

#[test]
fn bad_root_certificates_are_reported() {
    let config = aksk_config("https://127.0.0.1:9");
    let error = Client::builder(config.clone())
        .add_root_certificate(b"not a certificate".to_vec())
        .build()
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidInput(i) if i.field() == "root_certificate"),
        "{error:?}"
    );
    assert!(
        Client::builder(config)
            .add_root_certificates_pem(b"no pem here")
            .is_err()
    );
}
