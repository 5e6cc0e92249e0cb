//! One classification of transport failures, the same in both adapters (points 5–7).

use std::time::{Duration, Instant};

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, TransportErrorKind};
use fgs_testkit::{ClientSettings, Reply, TestServer, URN, fast_retries, token_config};
use fgs_tests::Connect;

fn transport(error: &Error, adapter: &str) -> (TransportErrorKind, bool) {
    match error {
        Error::Transport(t) => (t.kind(), t.request_sent()),
        other => panic!("{adapter}: expected a transport error, got {other:?}"),
    }
}

/// Point 5: a name that does not resolve is `Connect`, not sent (so retried even for a
/// non-idempotent call).
pub(crate) fn a_name_resolution_failure_is_connect_not_sent<S: Connect>() {
    let sdk = S::connect(
        token_config("http://fgs-test.invalid:8080"),
        fast_retries(1),
    );
    let error = sdk.send(&GetMetadata::new(URN)).expect_err("no such host");
    assert_eq!(
        transport(&error, sdk.name()),
        (TransportErrorKind::Connect, false),
        "{}: {error}",
        sdk.name()
    );
}

/// Point 6: a `Content-Length` above the limit fails on the head: the body (trickled
/// at 1 byte per 50 ms here) is not read up to the limit first.
pub(crate) fn a_declared_length_above_the_limit_fails_before_the_body<S: Connect>() {
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 40960\r\n\r\n";
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 40960));
    let server = TestServer::start(move |_| {
        Reply::trickle(bytes.clone(), head.len(), Duration::from_millis(50))
    });
    let settings = ClientSettings::new()
        .max_response_size(4096)
        .timeout(Duration::from_secs(10))
        .retry_policy(fast_retries(3));
    let sdk = S::with_settings(&settings, token_config(&server.url())).expect("client");
    let started = Instant::now();
    let error = sdk.send(&GetMetadata::new(URN)).expect_err("too large");
    let elapsed = started.elapsed();
    assert_eq!(
        transport(&error, sdk.name()).0,
        TransportErrorKind::BodyTooLarge
    );
    assert!(
        elapsed < Duration::from_millis(500),
        "{}: {elapsed:?}",
        sdk.name()
    );
    assert_eq!(server.request_count(), 1, "{}: not retried", sdk.name());
    println!(
        "[reliability] {}: Content-Length 40 KiB over a 4 KiB limit: failed after {elapsed:?}",
        sdk.name()
    );
}

/// Point 7: an oversized chunk size is `Protocol` in both, sent once.
pub(crate) fn an_oversized_chunk_size_is_protocol_in_both<S: Connect>() {
    let server = TestServer::start(|_| {
        Reply::raw(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n\
             FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
        )
    });
    let sdk = S::connect(token_config(&server.url()), fast_retries(3));
    let error = sdk.send(&GetMetadata::new(URN)).expect_err("bad chunk");
    assert_eq!(
        transport(&error, sdk.name()),
        (TransportErrorKind::Protocol, true),
        "{}: {error}",
        sdk.name()
    );
    assert_eq!(server.request_count(), 1, "{}: not retried", sdk.name());
}

/// A pooled connection the server ended after its answer — with a close, or with bytes
/// after the body — is not used for the next call: a Create sent on it would be lost
/// (it cannot be retried), so the client must find out before sending. fgs-ureq leaves
/// the liveness probe as a connection returns to the pool to the one at checkout; this
/// is what the checkout probe has to catch.
pub(crate) fn a_connection_the_server_ended_after_answering_is_not_used_again<S: Connect>() {
    for (what, after_body) in [("a close", ""), ("bytes after the body", "GARBAGE")] {
        let answered = std::sync::atomic::AtomicUsize::new(0);
        let body = r#"{"func_name":"f"}"#;
        let first = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}{after_body}",
            body.len()
        );
        let server = TestServer::start(move |_| {
            if answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
                // The answer, then the end of the connection (FIN).
                Reply::raw(first.clone())
            } else {
                Reply::json(200, body)
            }
        });
        let sdk = S::connect(token_config(&server.url()), fast_retries(3));
        sdk.send(&GetMetadata::new(URN)).expect("the first answer");
        // The connection sits in the pool while the server's close arrives.
        std::thread::sleep(Duration::from_millis(50));
        let created = sdk
            .send(&fgs_tests::echo_function("f"))
            .unwrap_or_else(|e| panic!("{}: {what}: {e}", sdk.name()));
        assert_eq!(created.func_name.as_deref(), Some("f"));
        assert_eq!(
            (server.request_count(), server.connections()),
            (2, 2),
            "{}: {what}: one request per connection",
            sdk.name()
        );
    }
}
