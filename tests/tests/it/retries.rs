//! Retries through each adapter, driven by the emulator's fault injection: the call
//! succeeds (or fails) as the retry policy says, after exactly the expected number of
//! requests.

use std::time::{Duration, Instant};

use fgs_client::RequestOptions;
use fgs_emulator::{Emulator, Fault, Route};
use fgs_proto::functions::{GetMetadata, Invoke};
use fgs_proto::{Error, RetryPolicy, TransportErrorKind};
use fgs_tests::{Connect, RequestCounter, Sdk, echo_function, start};

fgs_tests::through_both_adapters!(
    busy_twice_then_ok,
    too_many_requests_waits_for_retry_after,
    server_errors_are_not_retried_for_invoke,
    attempts_run_out,
    dropped_connection_is_retried,
);

/// A function to read, created before any fault is injected.
fn function<S: Sdk>(sdk: &S, emu: &Emulator, name: &str) -> String {
    sdk.send(&echo_function(name)).expect("Create");
    format!("{}:latest", emu.function_urn("default", name))
}

fn busy_twice_then_ok<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let urn = function(&sdk, &emu, "busy");
    emu.inject(
        Fault::status(503)
            .times(2)
            .on(Route::of::<fgs_proto::functions::GetMetadata>()),
    );
    let requests = RequestCounter::start(&emu);
    let function = sdk
        .send(&GetMetadata::new(&urn))
        .expect("the third attempt succeeds");
    assert_eq!(
        function.func_name.as_deref(),
        Some("busy"),
        "{}",
        sdk.name()
    );
    assert_eq!(requests.received(), 3, "{}: 2 × 503, then 200", sdk.name());
}

fn too_many_requests_waits_for_retry_after<S: Connect>() {
    let (emu, sdk) = start::<S>();
    emu.inject(
        Fault::status(429)
            .retry_after_secs(1)
            .on(Route::of::<fgs_proto::functions::Create>()),
    );
    let requests = RequestCounter::start(&emu);
    let started = Instant::now();
    // Create is not idempotent, but a 429 means the service did not act: retried.
    let created = sdk
        .send(&echo_function("throttled"))
        .expect("the retry succeeds");
    let waited = started.elapsed();
    assert_eq!(
        created.func_name.as_deref(),
        Some("throttled"),
        "{}",
        sdk.name()
    );
    assert_eq!(requests.received(), 2, "{}: 429, then 200", sdk.name());
    assert!(
        waited >= Duration::from_secs(1),
        "{}: Retry-After: 1 was not honoured ({waited:?})",
        sdk.name()
    );
    // Created once, not twice.
    assert_eq!(emu.snapshot().functions.len(), 1, "{}", sdk.name());
}

fn server_errors_are_not_retried_for_invoke<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let urn = function(&sdk, &emu, "not-idempotent");
    emu.inject(Fault::status(503).on(Route::of::<fgs_proto::functions::Invoke>()));
    let requests = RequestCounter::start(&emu);
    // The service may have run the function before failing: Invoke is not re-sent.
    let error = sdk.send(&Invoke::new(&urn)).expect_err("503 is surfaced");
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(503),
        "{}",
        sdk.name()
    );
    assert_eq!(error.code(), Some("FSS.0503"), "{}", sdk.name());
    assert!(
        error.is_retryable(),
        "{}: a 503 may succeed later",
        sdk.name()
    );
    assert_eq!(requests.received(), 1, "{}", sdk.name());
}

fn attempts_run_out<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let urn = function(&sdk, &emu, "always-busy");
    emu.inject(
        Fault::status(500)
            .times(10)
            .on(Route::of::<fgs_proto::functions::GetMetadata>()),
    );
    let requests = RequestCounter::start(&emu);
    let policy = RetryPolicy::default()
        .max_attempts(3)
        .base_delay(Duration::from_millis(5))
        .max_delay(Duration::from_millis(20));
    let error = sdk
        .send_with(
            &GetMetadata::new(&urn),
            RequestOptions::new().retry_policy(policy),
        )
        .expect_err("every attempt fails");
    assert!(
        matches!(error, Error::Service(_)),
        "{}: {error:?}",
        sdk.name()
    );
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(500),
        "{}",
        sdk.name()
    );
    assert_eq!(requests.received(), 3, "{}: max_attempts(3)", sdk.name());
}

fn dropped_connection_is_retried<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let urn = function(&sdk, &emu, "flaky");
    emu.inject(Fault::drop_connection().on(Route::of::<fgs_proto::functions::GetMetadata>()));
    let requests = RequestCounter::start(&emu);
    let function = sdk
        .send(&GetMetadata::new(&urn))
        .expect("retried after the reset");
    assert_eq!(
        function.func_name.as_deref(),
        Some("flaky"),
        "{}",
        sdk.name()
    );
    assert_eq!(requests.received(), 2, "{}", sdk.name());

    // Without retries the broken connection surfaces as a typed transport error. (The
    // counter's pass-through fault would match first: clear it.)
    emu.clear_faults();
    emu.inject(Fault::drop_connection().on(Route::of::<fgs_proto::functions::GetMetadata>()));
    let error = sdk
        .send_with(
            &GetMetadata::new(&urn),
            RequestOptions::new().retry_policy(RetryPolicy::none()),
        )
        .expect_err("no retry");
    match &error {
        Error::Transport(e) => assert!(
            matches!(
                e.kind(),
                TransportErrorKind::Io | TransportErrorKind::Protocol
            ),
            "{}: {e:?}",
            sdk.name()
        ),
        other => panic!("{}: expected a transport error, got {other:?}", sdk.name()),
    }
}
