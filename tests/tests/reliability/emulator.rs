//! The emulator as a server: payload limits (point 16).

use fgs_proto::Error;
use fgs_proto::functions::{AsyncInvoke, Invoke};
use fgs_tests::{Connect, echo_function, start};

/// A JSON string event of exactly `len` bytes.
fn event_of(len: usize) -> Vec<u8> {
    let mut event = vec![b'"'];
    event.extend(std::iter::repeat_n(b'a', len - 2));
    event.push(b'"');
    event
}

/// Point 16: the SDK sends invocations above the documented limits (the limit is the
/// service's to enforce); the emulator answers 413 as the service does, and the error
/// reads clearly.
pub(crate) fn invoke_payloads_above_the_limits_are_refused_by_the_server<S: Connect>() {
    const SYNC: usize = 6 * 1024 * 1024;
    const ASYNC: usize = 256 * 1024;
    let (emu, sdk) = start::<S>();
    sdk.send(&echo_function("limits")).expect("Create");
    let urn = format!("{}:latest", emu.function_urn("default", "limits"));

    let at_limit = sdk.send(&Invoke::new(&urn).raw_event(event_of(SYNC)));
    assert!(at_limit.is_ok(), "{}: 6 MB: {at_limit:?}", sdk.name());
    let error = sdk
        .send(&Invoke::new(&urn).raw_event(event_of(SYNC + 1)))
        .expect_err("above 6 MB");
    assert_too_large(&error, sdk.name(), "6 MB limit of a synchronous invocation");

    let at_limit = sdk.send(&AsyncInvoke::new(&urn).raw_event(event_of(ASYNC)));
    assert!(at_limit.is_ok(), "{}: 256 KB: {at_limit:?}", sdk.name());
    let error = sdk
        .send(&AsyncInvoke::new(&urn).raw_event(event_of(ASYNC + 1)))
        .expect_err("above 256 KB");
    assert_too_large(
        &error,
        sdk.name(),
        "256 KB limit of an asynchronous invocation",
    );
    println!("[reliability] {}: {error}", sdk.name());
}

fn assert_too_large(error: &Error, adapter: &str, says: &str) {
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(413),
        "{adapter}: {error}"
    );
    assert_eq!(error.code(), Some("FSS.0413"), "{adapter}: {error}");
    let text = error.to_string();
    assert!(text.contains(says), "{adapter}: {text}");
    assert!(!error.is_retryable(), "{adapter}");
}

/// Point 14: the async-invocation log keeps the latest records only, and can be
/// cleared.
pub(crate) fn the_async_log_is_bounded_and_can_be_cleared<S: Connect>() {
    use fgs_tests::harness::{ACCESS_KEY, SECRET_KEY, fast_retries};
    let emu = fgs_emulator::Emulator::builder()
        .ak_sk(ACCESS_KEY, SECRET_KEY)
        .async_log_records(10)
        .start()
        .expect("emulator");
    let sdk = S::connect(emu.config(), fast_retries());
    sdk.send(&echo_function("bounded")).expect("Create");
    let urn = format!("{}:latest", emu.function_urn("default", "bounded"));
    let mut ids = Vec::new();
    for n in 0..25 {
        let accepted = sdk
            .send(&AsyncInvoke::new(&urn).event(&n).expect("event"))
            .expect("AsyncInvoke");
        ids.push(accepted.request_id.unwrap_or_default());
    }
    let kept: Vec<String> = emu
        .async_invocations()
        .into_iter()
        .map(|r| r.request_id)
        .collect();
    assert_eq!(kept, ids[15..], "{}: the latest 10", sdk.name());
    emu.clear_async_invocations();
    assert!(emu.async_invocations().is_empty());
    assert!(emu.function_urn("default", "bounded").contains("bounded"));
}
