//! A transport of the user's: mocks in one line, retries and signing still apply.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use fgs_proto::functions::GetMetadata;
use fgs_testkit::{ACCESS_KEY, SECRET_KEY, URN, aksk_config};
use fgs_ureq::proto::Secret;
use fgs_ureq::proto::auth::verify::Verifier;
use fgs_ureq::{Client, Error, TransportError, TransportErrorKind};

#[test]
fn a_closure_transport_gets_signed_requests_and_retries() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let client = Client::with_transport(
        aksk_config("http://fgs.test"),
        move |request: http::Request<bytes::Bytes>| {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let verified = Verifier::new(std::time::SystemTime::now())
                .verify_request(&request, |ak| {
                    (ak == ACCESS_KEY).then(|| Secret::new(SECRET_KEY))
                });
            assert!(verified.is_ok(), "{verified:?}");
            if n == 0 {
                return Err(TransportError::new(TransportErrorKind::Io, true, "flaky"));
            }
            Ok(http::Response::new(br#"{"func_name":"mocked"}"#.to_vec()))
        },
    );
    let function = client.send(&GetMetadata::new(URN)).unwrap();
    assert_eq!(function.func_name.as_deref(), Some("mocked"));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn a_shared_custom_transport_serves_clones_on_many_threads() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let client = Client::with_transport(aksk_config("http://fgs.test"), move |_req| {
        seen.fetch_add(1, Ordering::SeqCst);
        Ok(http::Response::new(br#"{"func_name":"f"}"#.to_vec()))
    });
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            thread::spawn(move || {
                for _ in 0..25 {
                    client.send(&GetMetadata::new(URN)).unwrap();
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(calls.load(Ordering::SeqCst), 100);
}

#[test]
fn transport_errors_from_a_custom_transport_keep_their_kind() {
    let client = Client::with_transport(aksk_config("http://fgs.test"), |_req| {
        Err(TransportError::new(
            TransportErrorKind::Tls,
            false,
            "unknown issuer",
        ))
    });
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert!(matches!(&error, Error::Transport(t) if t.kind() == TransportErrorKind::Tls));
    assert_eq!(error.to_string(), "TLS failure: unknown issuer");
}
