//! Invoke (v0 raw result, v1 envelope with tail log, an alias, a function error) and
//! AsyncInvoke, against a handler registered with the emulator.

use std::time::Duration;

use fgs_emulator::{FunctionError, InvocationContext};
use fgs_proto::functions::{AsyncInvoke, Invoke};
use fgs_proto::model::ResponseVersion;
use fgs_tests::Sdk;
use serde_json::{Value, json};

use super::{Life, NAME};

/// Says which version ran, with which environment, on which event; fails on
/// `{"fail": true}`.
fn handler(event: &[u8], ctx: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
    let event: Value = serde_json::from_slice(event)
        .map_err(|e| FunctionError::new("InvalidEvent", e.to_string()))?;
    ctx.log(format!("handling {event}"));
    if event["fail"] == true {
        return Err(FunctionError::new("ValueError", "asked to fail"));
    }
    let answer = json!({
        "version": ctx.version(),
        "alias": ctx.alias(),
        "greeting": ctx.env("GREETING"),
        "async": ctx.is_async(),
        "event": event,
    });
    Ok(answer.to_string().into_bytes())
}

pub(super) fn sync_and_async<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    life.emu.register_handler(NAME, handler);

    // v0 (no version header): the return value as it is.
    let raw = life
        .sdk
        .send(
            &Invoke::new(&life.latest)
                .event(&json!({"name": "v0"}))
                .unwrap(),
        )
        .expect("Invoke v0");
    assert_eq!(raw.response_version(), Some(&ResponseVersion::V0), "{who}");
    assert!(raw.function_error().is_none(), "{who}");
    assert!(raw.request_id().is_some(), "{who}");
    assert_eq!(raw.log(), None, "{who}: no tail asked for");
    let result: Value = raw.result_json().expect("JSON result");
    assert_eq!(
        result,
        json!({"version": "latest", "alias": null, "greeting": "hi", "async": false,
               "event": {"name": "v0"}}),
        "{who}"
    );

    // v1 with the log tail, on a published version.
    let enveloped = life
        .sdk
        .send(
            &Invoke::new(life.qualified("v1"))
                .event(&json!({"name": "v1"}))
                .unwrap()
                .tail_log(true)
                .response_version(ResponseVersion::V1),
        )
        .expect("Invoke v1");
    assert_eq!(
        enveloped.response_version(),
        Some(&ResponseVersion::V1),
        "{who}"
    );
    assert_eq!(enveloped.function_status(), Some(200), "{who}");
    let envelope = enveloped.envelope().expect("a v1 envelope");
    assert_eq!(
        envelope.request_id.as_deref(),
        enveloped.request_id(),
        "{who}"
    );
    let result: Value = enveloped.result_json().expect("JSON result");
    assert_eq!(
        (&result["version"], &result["greeting"]),
        (&json!("v1"), &json!("hello")),
        "{who}"
    );
    let log = enveloped.log().expect("the tail log, decoded");
    assert!(log.contains(r#"handling {"name":"v1"}"#), "{who}: {log}");

    // An alias without canary weights resolves to its version.
    let aliased = life
        .sdk
        .send(&Invoke::new(life.qualified("!dev")))
        .expect("Invoke alias");
    let result: Value = aliased.result_json().expect("JSON result");
    assert_eq!(
        (&result["version"], &result["alias"]),
        (&json!("latest"), &json!("dev")),
        "{who}"
    );

    // A failure inside the function: the call is Ok, the error is in the output.
    let failed = life
        .sdk
        .send(
            &Invoke::new(&life.latest)
                .event(&json!({"fail": true}))
                .unwrap()
                .tail_log(true),
        )
        .expect("a function error is not an SDK error");
    let error = failed.function_error().expect("function_error()");
    assert_eq!(error.error_type(), Some("ValueError"), "{who}");
    assert_eq!(error.message(), Some("asked to fail"), "{who}");
    assert!(
        error.to_string().contains("asked to fail"),
        "{who}: {error}"
    );
    assert!(
        failed.log().is_some_and(|log| log.contains("handling")),
        "{who}"
    );

    // Asynchronous: the 202 carries a request id; the emulator shows the run.
    let event = json!({"name": "later"});
    let queued = life
        .sdk
        .send(&AsyncInvoke::new(&life.latest).event(&event).unwrap())
        .expect("AsyncInvoke");
    let request_id = queued.request_id.expect("request_id");
    let run = life
        .emu
        .wait_for_async(&request_id, Duration::from_secs(10))
        .expect("the handler ran");
    assert_eq!(run.function_name, NAME, "{who}");
    assert_eq!(
        run.event,
        serde_json::to_vec(&event).unwrap(),
        "{who}: the event sent"
    );
    let output: Value = serde_json::from_slice(run.output().expect("succeeded")).unwrap();
    assert_eq!(
        (&output["async"], &output["event"]),
        (&json!(true), &event),
        "{who}"
    );
}
