//! Asynchronous invocation through each adapter against the emulator: a configuration
//! with a failure destination (the failing handler retried exactly as configured, the
//! destination function receiving the record), a success destination with paged
//! records, a waiting invocation cancelled and another discarded by age, and a
//! record's status moving WAIT → RUNNING → SUCCESS.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fgs_emulator::{AsyncInvocation, AsyncStatus, Emulator, FunctionError, InvocationContext};
use fgs_proto::async_invocations::{
    Cancel, CancelType, DeleteConfig, GetConfig, InvocationStatus, List, ListActive, ListConfigs,
    UpdateConfig,
};
use fgs_proto::functions::AsyncInvoke;
use fgs_proto::model::{DestinationType, FuncAsyncDestinationConfig, FuncDestinationConfig};
use fgs_tests::harness::{ACCESS_KEY, SECRET_KEY};
use fgs_tests::{Connect, Sdk, echo_function, fast_retries, start};
use serde_json::{Value, json};

fgs_tests::through_both_adapters!(
    failure_destination_gets_the_record_after_the_retries,
    success_destination_and_paged_records,
    waiting_invocations_cancelled_and_discarded,
    status_moves_from_wait_to_running_to_success,
);

const WAIT: Duration = Duration::from_secs(10);

/// Creates the function `name` (an echo unless a handler is registered) and answers its
/// URN (`…:latest`).
fn create<S: Sdk>(sdk: &S, name: &str) -> String {
    sdk.send(&echo_function(name))
        .expect("Create")
        .func_urn
        .expect("func_urn")
}

/// Sends an asynchronous invocation of `urn` with `event`; its request id.
fn invoke<S: Sdk>(sdk: &S, urn: &str, event: &Value) -> String {
    sdk.send(&AsyncInvoke::new(urn).event(event).expect("event"))
        .expect("AsyncInvoke")
        .request_id
        .expect("request_id")
}

/// The first asynchronous invocation of `function` that `ready` accepts, waiting for it
/// up to [`WAIT`].
fn eventually(
    emu: &Emulator,
    function: &str,
    ready: impl Fn(&AsyncInvocation) -> bool,
) -> AsyncInvocation {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(found) = emu
            .async_invocations()
            .into_iter()
            .find(|r| r.function_name == function && ready(r))
        {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "no invocation of {function} came"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The event a destination function got, as JSON.
fn record_of(run: &AsyncInvocation) -> Value {
    serde_json::from_slice(&run.event).expect("the record is JSON")
}

fn failure_destination_gets_the_record_after_the_retries<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    let attempts = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&attempts);
    emu.register_handler(
        "flaky",
        move |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            counted.fetch_add(1, Ordering::SeqCst);
            Err(FunctionError::new("ValueError", "boom"))
        },
    );
    let flaky = create(&sdk, "flaky");
    let dead_letters = create(&sdk, "dead-letters");

    let stored = sdk
        .send(
            &UpdateConfig::new(&flaky)
                .max_async_retry_attempts(2)
                .max_async_event_age_in_seconds(60)
                .destination_config(
                    FuncAsyncDestinationConfig::new()
                        .on_failure(FuncDestinationConfig::function(&dead_letters)),
                ),
        )
        .expect("UpdateAsyncInvokeConfig");
    assert_eq!(stored.func_urn(), Some(flaky.as_str()), "{who}");
    assert_eq!(
        (
            stored.max_async_retry_attempts(),
            stored.max_async_event_age_in_seconds()
        ),
        (Some(2), Some(60)),
        "{who}"
    );
    let read = sdk
        .send(&GetConfig::new(&flaky))
        .expect("GetAsyncInvokeConfig");
    let on_failure = read
        .destination_config()
        .and_then(|d| d.on_failure.clone())
        .expect("on_failure");
    assert_eq!(
        on_failure.destination(),
        Some(&DestinationType::FunctionGraph),
        "{who}"
    );
    assert_eq!(on_failure.func_urn(), Some(dead_letters.clone()), "{who}");
    let listed = sdk
        .send(&ListConfigs::new(&flaky))
        .expect("ListAsyncInvokeConfigs");
    assert_eq!(listed.count(), Some(1), "{who}");
    assert_eq!(listed.async_invoke_configs()[0], read, "{who}");

    let id = invoke(&sdk, &flaky, &json!({"n": 1}));
    let run = emu.wait_for_async(&id, WAIT).expect("the invocation ends");
    assert_eq!(
        run.error().map(FunctionError::error_type),
        Some("ValueError"),
        "{who}"
    );
    assert_eq!(run.attempts, 3, "{who}: the first attempt and 2 retries");
    assert_eq!(attempts.load(Ordering::SeqCst), 3, "{who}");

    // The destination got the record of the failure.
    let delivered = eventually(&emu, "dead-letters", AsyncInvocation::is_done);
    let record = record_of(&delivered);
    let context = &record["request_context"];
    assert_eq!(context["request_id"], id.as_str(), "{who}");
    assert_eq!(context["function_urn"], flaky.as_str(), "{who}");
    assert_eq!(context["condition"], "RetriesExhausted", "{who}");
    assert_eq!(context["approximate_invoke_count"], 3, "{who}");
    assert_eq!(record["request_payload"], r#"{"n":1}"#, "{who}");
    assert_eq!(record["response_context"]["status_code"], 200, "{who}");
    assert_eq!(
        record["response_context"]["function_error"], "ValueError",
        "{who}"
    );
    let payload: Value =
        serde_json::from_str(record["response_payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload["errorMessage"], "boom", "{who}");
    assert!(record["timestamp"].as_str().is_some_and(|t| t.len() >= 19));
    // The echo destination succeeded with the record as its output.
    assert_eq!(delivered.output(), Some(delivered.event.as_slice()));

    // The record lists show the failure.
    let failed = sdk.send(&List::new(&flaky)).expect("ListAsyncInvocations");
    assert_eq!(failed.count(), Some(1), "{who}");
    let entry = &failed.invocations()[0];
    assert_eq!(entry.request_id(), Some(id.as_str()), "{who}");
    assert_eq!(entry.status(), Some(&InvocationStatus::Fail), "{who}");
    assert_eq!(entry.error_code(), Some(1), "{who}");
    assert!(
        entry.error_message().is_some_and(|m| m.contains("boom")),
        "{who}"
    );
    assert!(entry.end_time().is_some() && entry.start_time().is_some());
    let successes = sdk
        .send(&List::new(&flaky).status(InvocationStatus::Success))
        .expect("status filter");
    assert!(successes.invocations().is_empty(), "{who}");
    let by_id = sdk
        .send(&List::new(&flaky).request_id("no-such-request"))
        .expect("request_id filter");
    assert_eq!(by_id.count(), Some(0), "{who}");
    let active = sdk.send(&ListActive::new(&flaky)).expect("ListActive");
    assert!(
        active.invocations().is_empty(),
        "{who}: nothing left to run"
    );

    // Cancelling a finished invocation is the service's error.
    let err = sdk.send(&Cancel::new(&flaky, &id)).unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(400), Some("FSS.0400")),
        "{who}"
    );
    // Out of range: the API's bounds.
    let err = sdk
        .send(&UpdateConfig::new(&flaky).max_async_retry_attempts(4))
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.0400"), "{who}");

    // Without the configuration the defaults apply: no retry, no destination.
    sdk.send(&DeleteConfig::new(&flaky))
        .expect("DeleteAsyncInvokeConfig");
    let err = sdk.send(&GetConfig::new(&flaky)).unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
    let id = invoke(&sdk, &flaky, &json!({"n": 2}));
    let run = emu.wait_for_async(&id, WAIT).expect("the invocation ends");
    assert_eq!(run.attempts, 1, "{who}");
    assert_eq!(attempts.load(Ordering::SeqCst), 4, "{who}");
}

fn success_destination_and_paged_records<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    let greeter = create(&sdk, "greeter");
    let audit = create(&sdk, "audit");
    sdk.send(&UpdateConfig::new(&greeter).destination_config(
        FuncAsyncDestinationConfig::new().on_success(FuncDestinationConfig::function(&audit)),
    ))
    .expect("UpdateAsyncInvokeConfig");

    let ids: Vec<String> = (0..3)
        .map(|n| invoke(&sdk, &greeter, &json!({"hello": n})))
        .collect();
    for id in &ids {
        let run = emu.wait_for_async(id, WAIT).expect("the invocation ends");
        assert_eq!(
            run.status,
            AsyncStatus::Succeeded(run.event.clone()),
            "{who}"
        );
    }
    let mut seen: Vec<(String, Value)> = Vec::new();
    for id in &ids {
        let delivered = eventually(&emu, "audit", |r| {
            r.is_done() && record_of(r)["request_context"]["request_id"] == id.as_str()
        });
        let record = record_of(&delivered);
        assert_eq!(record["request_context"]["condition"], "", "{who}");
        assert_eq!(
            record["request_context"]["approximate_invoke_count"], 1,
            "{who}"
        );
        assert_eq!(record["response_context"]["status_code"], 200, "{who}");
        assert_eq!(record["response_context"]["function_error"], "", "{who}");
        // The echo's output is its event.
        assert_eq!(
            record["response_payload"], record["request_payload"],
            "{who}"
        );
        seen.push((id.clone(), record["request_payload"].clone()));
    }
    assert_eq!(seen[2].1, r#"{"hello":2}"#, "{who}");

    // Records, newest first, in pages of two.
    let pages = sdk
        .all_pages(List::new(&greeter).limit(2))
        .expect("pages of records");
    let per_page: Vec<usize> = pages.iter().map(|p| p.invocations().len()).collect();
    assert_eq!(per_page, [2, 1], "{who}");
    let listed: Vec<String> = pages
        .iter()
        .flat_map(|p| p.invocations().iter())
        .map(|r| r.request_id().unwrap_or_default().to_owned())
        .collect();
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(listed, newest_first, "{who}");
    assert!(
        pages
            .iter()
            .flat_map(|p| p.invocations().iter())
            .all(|r| r.status() == Some(&InvocationStatus::Success) && r.error_code() == Some(0)),
        "{who}"
    );
    // A window in the past holds none of them.
    let old = sdk
        .send(
            &List::new(&greeter)
                .query_begin_time("2000-01-01T00:00:00")
                .query_end_time("2000-01-02T00:00:00"),
        )
        .expect("time window");
    assert!(old.invocations().is_empty(), "{who}");
    // The audit function's own records are its own.
    let audited = sdk.all_items(List::new(&audit)).expect("audit records");
    assert_eq!(audited.len(), 3, "{who}");
}

/// An AK/SK emulator whose async invocations wait `start_delay` before they run and
/// `retry_interval` between attempts, and a client for it.
fn paced<S: Connect>(start_delay: Duration, retry_interval: Duration) -> (Emulator, S) {
    let emu = Emulator::builder()
        .ak_sk(ACCESS_KEY, SECRET_KEY)
        .async_start_delay(start_delay)
        .async_retry_interval(retry_interval)
        .start()
        .expect("the emulator starts");
    let sdk = S::connect(emu.config(), fast_retries());
    (emu, sdk)
}

fn waiting_invocations_cancelled_and_discarded<S: Connect>() {
    let (emu, sdk) = paced::<S>(Duration::from_secs(600), Duration::ZERO);
    let who = sdk.name();
    let ran = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&ran);
    emu.register_handler(
        "slow",
        move |event: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            counted.fetch_add(1, Ordering::SeqCst);
            Ok(event.to_vec())
        },
    );
    let got = Arc::new(Mutex::new(Vec::<Value>::new()));
    let kept = Arc::clone(&got);
    emu.register_handler(
        "dead",
        move |event: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            let record: Value = serde_json::from_slice(event).map_err(|e| e.to_string())?;
            kept.lock().unwrap().push(record);
            Ok(Vec::new())
        },
    );
    let slow = create(&sdk, "slow");
    let dead = create(&sdk, "dead");
    sdk.send(
        &UpdateConfig::new(&slow)
            .max_async_event_age_in_seconds(60)
            .destination_config(
                FuncAsyncDestinationConfig::new()
                    .on_failure(FuncDestinationConfig::function(&dead)),
            ),
    )
    .expect("UpdateAsyncInvokeConfig");

    let first = invoke(&sdk, &slow, &json!({"n": 1}));
    let second = invoke(&sdk, &slow, &json!({"n": 2}));
    let waiting = sdk
        .send(&ListActive::new(&slow).status(InvocationStatus::Wait))
        .expect("ListActive");
    let ids: Vec<&str> = waiting
        .invocations()
        .iter()
        .filter_map(|r| r.request_id())
        .collect();
    assert_eq!(
        ids,
        [second.as_str(), first.as_str()],
        "{who}: newest first"
    );
    let only_first = sdk
        .send(&ListActive::new(&slow).requests([first.as_str()]))
        .expect("ListActive requests");
    assert_eq!(only_first.count(), Some(1), "{who}");
    assert_eq!(
        only_first.invocations()[0].request_id(),
        Some(first.as_str())
    );

    // The first never runs once cancelled.
    sdk.send(&Cancel::new(&slow, &first).kind(CancelType::Force))
        .expect("CancelAsyncInvocation");
    let cancelled = emu.wait_for_async(&first, WAIT).expect("over");
    assert_eq!(cancelled.status, AsyncStatus::Cancelled, "{who}");
    let listed = sdk
        .send(&List::new(&slow).request_id(&first))
        .expect("ListAsyncInvocations");
    let entry = &listed.invocations()[0];
    assert_eq!(entry.status(), Some(&InvocationStatus::Discard), "{who}");
    assert_eq!(entry.error_code(), Some(4208), "{who}");
    let err = sdk.send(&Cancel::new(&slow, &first)).unwrap_err();
    assert_eq!(err.code(), Some("FSS.0400"), "{who}: cancelled twice");
    let err = sdk
        .send(&Cancel::new(&slow, "no-such-request"))
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400), "{who}");

    // The second is still waiting when its event grows older than 60 s: discarded,
    // and the failure destination learns it (once its own wait is over).
    emu.advance_clock(Duration::from_secs(601));
    let discarded = emu.wait_for_async(&second, WAIT).expect("over");
    assert_eq!(discarded.status, AsyncStatus::Discarded, "{who}");
    assert_eq!(discarded.attempts, 0, "{who}");
    let delivery = eventually(&emu, "dead", |_| true);
    emu.advance_clock(Duration::from_secs(601));
    emu.wait_for_async(&delivery.request_id, WAIT)
        .expect("the destination ran");
    let records = got.lock().unwrap().clone();
    assert_eq!(records.len(), 1, "{who}");
    let context = &records[0]["request_context"];
    assert_eq!(context["request_id"], second.as_str(), "{who}");
    assert_eq!(context["condition"], "EventAgeExceeded", "{who}");
    assert_eq!(context["approximate_invoke_count"], 0, "{who}");
    assert_eq!(records[0]["request_payload"], r#"{"n":2}"#, "{who}");
    assert_eq!(records[0]["response_context"]["status_code"], 0, "{who}");
    assert_eq!(ran.load(Ordering::SeqCst), 0, "{who}: neither ran");
    let all = sdk.send(&List::new(&slow)).expect("ListAsyncInvocations");
    let statuses: Vec<_> = all
        .invocations()
        .iter()
        .filter_map(|r| r.status())
        .collect();
    assert_eq!(
        statuses,
        [&InvocationStatus::Discard, &InvocationStatus::Discard],
        "{who}"
    );
    assert!(
        sdk.send(&ListActive::new(&slow))
            .expect("ListActive")
            .invocations()
            .is_empty()
    );
}

fn status_moves_from_wait_to_running_to_success<S: Connect>() {
    let (emu, sdk) = paced::<S>(Duration::from_secs(600), Duration::from_secs(600));
    let who = sdk.name();
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    emu.register_handler(
        "second-time-lucky",
        move |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            match counted.fetch_add(1, Ordering::SeqCst) {
                0 => Err(FunctionError::new("Transient", "try again")),
                _ => Ok(b"\"done\"".to_vec()),
            }
        },
    );
    let urn = create(&sdk, "second-time-lucky");
    sdk.send(&UpdateConfig::new(&urn).max_async_retry_attempts(1))
        .expect("UpdateAsyncInvokeConfig");
    let id = invoke(&sdk, &urn, &json!({}));
    let status = |sdk: &S| {
        sdk.send(&List::new(&urn).request_id(&id))
            .expect("ListAsyncInvocations")
            .invocations()[0]
            .status()
            .cloned()
    };
    assert_eq!(status(&sdk), Some(InvocationStatus::Wait), "{who}");

    // Its start is due: the first attempt fails (its log is in), the retry waits.
    emu.advance_clock(Duration::from_secs(601));
    eventually(&emu, "second-time-lucky", |r| {
        r.attempts == 1 && r.status == AsyncStatus::Running && r.log.contains("Finish invoke")
    });
    assert_eq!(calls.load(Ordering::SeqCst), 1, "{who}");
    let active = sdk.send(&ListActive::new(&urn)).expect("ListActive");
    assert_eq!(
        active.invocations()[0].status(),
        Some(&InvocationStatus::Running),
        "{who}"
    );

    // The retry is due: it succeeds.
    emu.advance_clock(Duration::from_secs(601));
    let run = emu.wait_for_async(&id, WAIT).expect("over");
    assert_eq!(run.output(), Some(b"\"done\"".as_slice()), "{who}");
    assert_eq!(run.attempts, 2, "{who}");
    assert_eq!(status(&sdk), Some(InvocationStatus::Success), "{who}");
}
