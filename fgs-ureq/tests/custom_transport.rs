//! A transport of the user's: mocks in one line, retries and signing still apply.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

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
        move |request: http::Request<fgs_ureq::Body>| {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let request = request.map(|body| body.to_bytes());
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
        Err::<http::Response<Vec<u8>>, _>(TransportError::new(
            TransportErrorKind::Tls,
            false,
            "unknown issuer",
        ))
    });
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert!(matches!(&error, Error::Transport(t) if t.kind() == TransportErrorKind::Tls));
    assert_eq!(
        error.to_string(),
        "TLS failure: unknown issuer (GetMetadata to http://fgs.test)"
    );
}

/// A barrier for `parties` threads whose wait gives up after `timeout` instead of
/// hanging, so that a client that serialises calls fails the test.
struct BoundedBarrier {
    arrived: Mutex<usize>,
    all_here: Condvar,
    parties: usize,
    timeout: Duration,
}

impl BoundedBarrier {
    fn new(parties: usize, timeout: Duration) -> Self {
        BoundedBarrier {
            arrived: Mutex::new(0),
            all_here: Condvar::new(),
            parties,
            timeout,
        }
    }

    /// Whether every party arrived within the timeout.
    fn wait(&self) -> bool {
        let mut arrived = self.arrived.lock().unwrap();
        *arrived += 1;
        self.all_here.notify_all();
        let (arrived, timeout) = self
            .all_here
            .wait_timeout_while(arrived, self.timeout, |n| *n < self.parties)
            .unwrap();
        !timeout.timed_out() || *arrived >= self.parties
    }
}

/// Four threads send one call each through clones of one client over one closure
/// transport, and the transport waits at a four-party barrier: only calls that are in
/// the transport at the same time can pass it. A client that ran one call at a time
/// would hold the first call at the barrier until it gave up.
#[test]
fn calls_through_a_shared_custom_transport_run_at_the_same_time() {
    let barrier = Arc::new(BoundedBarrier::new(4, Duration::from_secs(10)));
    let at_barrier = Arc::clone(&barrier);
    let client = Client::builder(aksk_config("http://fgs.test"))
        .retry_policy(fgs_ureq::RetryPolicy::none())
        .transport(move |_request: http::Request<fgs_ureq::Body>| {
            if at_barrier.wait() {
                Ok(http::Response::new(r#"{"func_name":"together"}"#))
            } else {
                Err(TransportError::new(
                    TransportErrorKind::Other,
                    false,
                    "the other calls never reached the transport",
                ))
            }
        })
        .build()
        .unwrap();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            thread::spawn(move || client.send(&GetMetadata::new(URN)))
        })
        .collect();
    for thread in threads {
        let function = thread.join().unwrap().unwrap();
        assert_eq!(function.func_name.as_deref(), Some("together"));
    }
}
