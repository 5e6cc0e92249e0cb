//! Retry discipline: an overall deadline per call (point 10) and a retry budget per
//! client (point 11).

use std::time::{Duration, Instant};

use fgs_client::{RequestOptions, RetryBudget};
use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, RetryPolicy, TransportErrorKind};
use fgs_testkit::{ClientSettings, Reply, TestServer, URN, token_config};
use fgs_tests::Connect;

/// Retries that would go on for a long time: 10 attempts, `Retry-After` up to 60 s.
fn patient() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(10)
        .base_delay(Duration::from_millis(400))
        .max_delay(Duration::from_millis(400))
        .seed(1)
}

pub(crate) fn the_operation_timeout_bounds_attempts_and_waits<S: Connect>() {
    // Always busy, asking for a 1 s wait: 10 attempts would take 9 s.
    let server = TestServer::start(|_| {
        Reply::fss_error(503, "FSS.0503", "busy", "r").header("retry-after", "1")
    });
    let settings = ClientSettings::new()
        .retry_policy(patient())
        .operation_timeout(Duration::from_millis(1500));
    let sdk = S::with_settings(&settings, token_config(&server.url())).expect("client");
    let started = Instant::now();
    let error = sdk.send(&GetMetadata::new(URN)).expect_err("busy");
    let elapsed = started.elapsed();
    // The second wait would pass the deadline: the call ends with the last 503.
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(503),
        "{}",
        sdk.name()
    );
    assert_eq!(server.request_count(), 2, "{}", sdk.name());
    assert!(
        elapsed < Duration::from_millis(1500),
        "{}: {elapsed:?}",
        sdk.name()
    );
    println!(
        "[reliability] {}: 503 + Retry-After 1 s, operation timeout 1.5 s: {} requests, {elapsed:?}",
        sdk.name(),
        server.request_count()
    );

    // An answer that never comes: the attempt is cut at the deadline (its own timeout
    // is 60 s), per call this time.
    let slow = TestServer::start(|_| Reply::json(200, "{}").delay(Duration::from_secs(5)));
    let sdk = S::with_settings(
        &ClientSettings::new().retry_policy(patient()),
        token_config(&slow.url()),
    )
    .expect("client");
    let started = Instant::now();
    let error = sdk
        .send_with(
            &GetMetadata::new(URN),
            RequestOptions::new().operation_timeout(Duration::from_millis(700)),
        )
        .expect_err("too slow");
    let elapsed = started.elapsed();
    let Error::Transport(transport) = &error else {
        panic!("{}: {error:?}", sdk.name());
    };
    assert_eq!(
        transport.kind(),
        TransportErrorKind::Timeout,
        "{}",
        sdk.name()
    );
    assert!(
        elapsed >= Duration::from_millis(690) && elapsed < Duration::from_millis(900),
        "{}: {elapsed:?}",
        sdk.name()
    );
    assert_eq!(slow.request_count(), 1, "{}", sdk.name());
    println!(
        "[reliability] {}: a 5 s answer, operation timeout 0.7 s: ended after {elapsed:?}",
        sdk.name()
    );
}

pub(crate) fn the_retry_budget_bounds_retries_in_an_outage<S: Connect>() {
    let server = TestServer::start(|_| Reply::fss_error(503, "FSS.0503", "down", "r"));
    let policy = RetryPolicy::default()
        .max_attempts(3)
        .base_delay(Duration::ZERO)
        .max_delay(Duration::ZERO);
    let settings = ClientSettings::new().retry_policy(policy.clone());
    let sdk = S::with_settings(&settings, token_config(&server.url())).expect("client");
    let started = Instant::now();
    for _ in 0..1000 {
        let error = sdk.send(&GetMetadata::new(URN)).expect_err("down");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    }
    let requests = server.request_count();
    // 500 tokens at 5 a retry: 100 retries, then every call is one request.
    assert_eq!(requests, 1000 + 100, "{}", sdk.name());
    println!(
        "[reliability] {}: 1 000 calls, every request 503, 3 attempts each: {requests} requests \
         (without a budget: 3 000), {:?}",
        sdk.name(),
        started.elapsed()
    );

    // Without a budget, every call makes its 3 attempts.
    let unlimited = S::with_settings(
        &settings.clone().retry_budget(RetryBudget::unlimited()),
        token_config(&server.url()),
    )
    .expect("client");
    let before = server.request_count();
    for _ in 0..50 {
        let _ = unlimited.send(&GetMetadata::new(URN));
    }
    assert_eq!(server.request_count() - before, 150, "{}", unlimited.name());
}
