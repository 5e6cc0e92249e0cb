//! Parsing Invoke and AsyncInvoke answers: the v0 text and v1 envelope formats, the log,
//! summary and billing headers, function errors, and every error shape.

mod common;
mod error_shapes;

use common::{URN, oas_example, response};
use fgs_proto::functions::{AsyncInvoke, Invoke, InvokeOutput};
use fgs_proto::model::ResponseVersion;
use fgs_proto::{Error, Operation};

/// The OAS text/plain example of InvokeFunction's 200 answer.
fn oas_text_example() -> String {
    let path = format!(
        "{}/tests/data/oas/InvokeFunction.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["paths"]["/v2/{project_id}/fgs/functions/{function_urn}/invocations"]["post"]
        ["responses"]["200"]["examples"]["text/plain"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn invoke(headers: &[(&str, &str)], body: &str) -> InvokeOutput {
    Invoke::new(URN)
        .response(response(200, headers, body))
        .unwrap()
}

#[test]
fn v0_plain_text_from_the_oas_example() {
    let text = oas_text_example();
    assert_eq!(text, r#"Hello message: {"k": "v"}"#);
    let out = invoke(&[("X-Cff-Request-Id", "req-0")], &text);
    assert_eq!(out.status(), 200);
    assert_eq!(out.request_id(), Some("req-0"));
    assert_eq!(out.result(), text.as_bytes());
    assert_eq!(out.result_text(), text);
    assert!(out.envelope().is_none());
    assert_eq!(out.response_version(), None);
    assert_eq!(out.log(), None);
    assert!(out.function_error().is_none());
    // Not JSON: the typed view says so, with the status and the beginning of the body.
    match out.result_json::<serde_json::Value>() {
        Err(Error::Decode(e)) => {
            assert_eq!(e.status(), 200);
            assert!(e.body_snippet().starts_with("Hello message"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(out.into_result(), text.into_bytes());
}

#[test]
fn v0_json_result_decodes_into_a_type() {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Greeting {
        greeting: String,
        count: u32,
    }
    let out = invoke(
        &[("X-Cff-Response-Version", "v0")],
        r#"{"greeting":"hi","count":2}"#,
    );
    assert_eq!(out.response_version(), Some(&ResponseVersion::V0));
    assert!(out.envelope().is_none(), "v0 bodies are never envelopes");
    assert_eq!(
        out.result_json::<Greeting>().unwrap(),
        Greeting {
            greeting: "hi".into(),
            count: 2
        }
    );
    // A mismatching type is a Decode error naming the field.
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wrong {
        count: String,
    }
    match out.result_json::<Wrong>() {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "count"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn v1_envelope() {
    let body = r#"{"request_id":"req-1","result":"{\"a\":1}","log":"START\nEND","status":200,"new_field":true}"#;
    let out = invoke(&[("X-Cff-Response-Version", "v1")], body);
    assert_eq!(out.response_version(), Some(&ResponseVersion::V1));
    assert_eq!(out.result(), br#"{"a":1}"#);
    assert_eq!(out.result_json::<serde_json::Value>().unwrap()["a"], 1);
    assert_eq!(out.function_status(), Some(200));
    // No X-Cff-Request-Id header: the body's request id.
    assert_eq!(out.request_id(), Some("req-1"));
    // No log header: the body's log, as text.
    assert_eq!(out.log(), Some("START\nEND"));
    let envelope = out.envelope().unwrap();
    assert_eq!(envelope.extra["new_field"], true);
}

#[test]
fn v1_asked_for_without_a_response_header_reads_the_envelope() {
    let op = Invoke::new(URN).response_version(ResponseVersion::V1);
    let out = op
        .response(response(200, &[], r#"{"result":"ok","status":200}"#))
        .unwrap();
    assert_eq!(out.result(), b"ok");
    assert_eq!(out.response_version(), None);
    // …but the service's word wins: a v0 answer is not unwrapped.
    let out = op
        .response(response(
            200,
            &[("X-Cff-Response-Version", "v0")],
            r#"{"result":"ok"}"#,
        ))
        .unwrap();
    assert_eq!(out.result(), br#"{"result":"ok"}"#);
}

#[test]
fn v1_envelope_odd_but_legal_values() {
    let v1 = [("X-Cff-Response-Version", "v1")];
    // A result sent as JSON instead of a string: its JSON text.
    let out = invoke(&v1, r#"{"result":{"a":[1,2]}}"#);
    assert_eq!(out.result(), br#"{"a":[1,2]}"#);
    // Nulls where values are expected.
    let out = invoke(
        &v1,
        r#"{"request_id":null,"result":null,"log":null,"status":null}"#,
    );
    assert_eq!(out.result(), b"");
    assert_eq!(out.log(), None);
    assert_eq!(out.function_status(), None);
    assert_eq!(out.request_id(), None);
    // `{}`.
    let out = invoke(&v1, "{}");
    assert!(out.envelope().is_some());
    assert_eq!(out.result(), b"");
}

#[test]
fn v1_header_with_a_body_that_is_no_envelope_keeps_the_body() {
    let v1 = [("X-Cff-Response-Version", "v1")];
    for body in ["plain text", "[1,2]", r#"{"status":"fine"}"#, ""] {
        let out = invoke(&v1, body);
        assert!(out.envelope().is_none(), "{body}");
        assert_eq!(out.result(), body.as_bytes());
    }
}

#[test]
fn tail_log_is_decoded_from_base64() {
    // "héllo\nwörld" in base64, with and without padding.
    let padded = "aMOpbGxvCnfDtnJsZA==";
    let unpadded = padded.trim_end_matches('=');
    for encoded in [padded, unpadded] {
        let out = invoke(&[("X-Cff-Function-Log", encoded)], "ok");
        assert_eq!(out.log(), Some("héllo\nwörld"), "{encoded}");
        assert_eq!(out.raw_log(), Some(encoded));
    }
    // The header wins over the v1 body's log.
    let out = invoke(
        &[
            ("X-Cff-Response-Version", "v1"),
            ("X-Cff-Function-Log", padded),
        ],
        r#"{"result":"","log":"body log"}"#,
    );
    assert_eq!(out.log(), Some("héllo\nwörld"));
}

#[test]
fn a_log_tail_cut_inside_a_character_is_still_text() {
    // The service keeps the last 2000 bytes: the first character may be cut. "é" is
    // C3 A9; keep only A9 followed by "ok".
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode([0xA9, b'o', b'k']);
    let out = invoke(&[("X-Cff-Function-Log", &encoded)], "");
    assert_eq!(out.log(), Some("\u{fffd}ok"));
}

#[test]
fn invalid_base64_log_does_not_fail_the_call() {
    let out = invoke(&[("X-Cff-Function-Log", "not*base64!")], "result");
    assert_eq!(out.log(), None);
    assert_eq!(out.raw_log(), Some("not*base64!"));
    assert_eq!(out.result(), b"result");
}

#[test]
fn summary_and_billing_duration() {
    let summary = r#"{"duration":12.51,"billingDuration":13,"memorySize":128,"memoryUsed":30.2,"funcDigest":"abc"}"#;
    let out = invoke(
        &[
            ("X-Cff-Invoke-Summary", summary),
            ("X-CFF-Billing-Duration", "100"),
        ],
        "ok",
    );
    let s = out.summary().unwrap();
    assert_eq!(s.duration, Some(12.51));
    assert_eq!(s.billing_duration, Some(13.0));
    assert_eq!(s.memory_size, Some(128.0));
    assert_eq!(s.memory_used, Some(30.2));
    assert_eq!(s.extra["funcDigest"], "abc");
    assert_eq!(out.raw_summary(), Some(summary));
    // The billing header wins over the summary.
    assert_eq!(out.billing_duration_ms(), Some(100.0));

    // No (usable) billing header: the summary's value.
    let out = invoke(
        &[
            ("X-Cff-Invoke-Summary", summary),
            ("X-CFF-Billing-Duration", "n/a"),
        ],
        "ok",
    );
    assert_eq!(out.billing_duration_ms(), Some(13.0));
    let out = invoke(&[], "ok");
    assert_eq!(out.billing_duration_ms(), None);
    assert!(out.summary().is_none());
}

#[test]
fn bad_summary_does_not_fail_the_call() {
    for bad in ["not json", "[1]", r#"{"duration":"fast"}"#, "null"] {
        let out = invoke(&[("X-Cff-Invoke-Summary", bad)], "ok");
        assert!(out.summary().is_none(), "{bad}");
        assert_eq!(out.raw_summary(), Some(bad));
        assert_eq!(out.result(), b"ok");
    }
}

#[test]
fn no_function_error_when_the_headers_say_success() {
    let out = invoke(
        &[("X-Is-Func-Err", "false"), ("X-Func-Err-Code", "0")],
        "ok",
    );
    assert!(out.function_error().is_none());
}

#[test]
fn function_error_from_the_headers_and_a_runtime_body() {
    let body = r#"{"errorMessage":"division by zero","errorType":"ZeroDivisionError","stackTrace":["File index.py"]}"#;
    let out = invoke(
        &[
            ("X-Is-Func-Err", "true"),
            ("X-Func-Err-Code", "FSS.0520"),
            ("X-Cff-Request-Id", "req-err"),
        ],
        body,
    );
    let e = out.function_error().expect("a function error");
    assert_eq!(e.code(), Some("FSS.0520"));
    assert_eq!(e.error_type(), Some("ZeroDivisionError"));
    assert_eq!(e.message(), Some("division by zero"));
    assert_eq!(
        e.to_string(),
        "function error FSS.0520 (ZeroDivisionError): division by zero"
    );
    // The whole body is still there.
    assert_eq!(out.result(), body.as_bytes());
    assert_eq!(out.request_id(), Some("req-err"));
}

#[test]
fn function_error_from_a_non_zero_code_alone() {
    let out = invoke(&[("X-Func-Err-Code", "FSS.1234")], "Traceback:\n  boom\n");
    let e = out.function_error().unwrap();
    assert_eq!(e.code(), Some("FSS.1234"));
    assert_eq!(e.error_type(), None);
    // Plain text: the message, on one line.
    assert_eq!(e.message(), Some("Traceback: boom"));
}

#[test]
fn function_error_flag_alone_takes_the_code_from_the_body() {
    let out = invoke(
        &[("X-Is-Func-Err", "TRUE")],
        r#"{"errorCode":"E42","error_msg":"bad input"}"#,
    );
    let e = out.function_error().unwrap();
    assert_eq!(e.code(), Some("E42"));
    assert_eq!(e.message(), Some("bad input"));
    // An empty body gives an error without details.
    let out = invoke(&[("X-Is-Func-Err", "true")], "");
    let e = out.function_error().unwrap();
    assert_eq!((e.code(), e.message()), (None, None));
    assert_eq!(e.to_string(), "function error");
}

#[test]
fn function_error_inside_a_v1_envelope() {
    let body = r#"{"request_id":"r","result":"{\"errorMessage\":\"oops\",\"errorType\":\"ValueError\"}","status":500}"#;
    let out = invoke(
        &[("X-Cff-Response-Version", "v1"), ("X-Is-Func-Err", "true")],
        body,
    );
    assert_eq!(out.function_status(), Some(500));
    let e = out.function_error().unwrap();
    assert_eq!(e.message(), Some("oops"));
    assert_eq!(e.error_type(), Some("ValueError"));
}

#[test]
fn a_flagged_function_error_with_an_error_status_is_still_the_function_answer() {
    let out = Invoke::new(URN)
        .response(response(
            500,
            &[("X-Is-Func-Err", "true"), ("X-Func-Err-Code", "FSS.0520")],
            r#"{"errorMessage":"crash"}"#,
        ))
        .unwrap();
    assert_eq!(out.status(), 500);
    assert_eq!(out.function_error().unwrap().message(), Some("crash"));
    // Without the flag the same status is a service error (even with a code header).
    let err = Invoke::new(URN)
        .response(response(
            500,
            &[("X-Func-Err-Code", "FSS.0500")],
            r#"{"error_code":"FSS.0500","error_msg":"internal"}"#,
        ))
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.0500"));
}

#[test]
fn invoke_error_shapes() {
    error_shapes::assert_error_shapes(&Invoke::new(URN));
}

#[test]
fn invoke_is_not_idempotent() {
    assert!(!Invoke::new(URN).idempotent());
    assert!(!AsyncInvoke::new(URN).idempotent());
}

#[test]
fn invoke_debug_hides_the_event_and_the_result() {
    let op = Invoke::new(URN)
        .event(&serde_json::json!({"password": "SENTINEL-EVENT"}))
        .unwrap();
    assert!(!format!("{op:?}").contains("SENTINEL-EVENT"));
    let op = AsyncInvoke::new(URN).raw_event(b"SENTINEL-EVENT".to_vec());
    assert!(!format!("{op:?}").contains("SENTINEL-EVENT"));
    let out = invoke(&[], "SENTINEL-RESULT");
    let debug = format!("{out:?}");
    assert!(!debug.contains("SENTINEL-RESULT"), "{debug}");
    assert!(debug.contains("15 bytes"), "{debug}");
}

#[test]
fn invalid_inputs_are_typed_errors() {
    let config = common::aksk_config();
    // An event that cannot be serialised.
    let mut map = std::collections::HashMap::new();
    map.insert((1, 2), "v");
    match Invoke::new(URN).event(&map) {
        Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "event"),
        other => panic!("{other:?}"),
    }
    match Invoke::new(URN).instance_memory(0).request(&config) {
        Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "instance_memory"),
        other => panic!("{other:?}"),
    }
    let bad_version = ResponseVersion::Other("v1\r\nX-Evil: 1".into());
    match Invoke::new(URN)
        .response_version(bad_version)
        .request(&config)
    {
        Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "response_version"),
        other => panic!("{other:?}"),
    }
    match AsyncInvoke::new("").request(&config) {
        Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "function_urn"),
        other => panic!("{other:?}"),
    }
}

// --- AsyncInvoke -----------------------------------------------------------------

fn async_invoke(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<fgs_proto::functions::AsyncInvokeOutput, Error> {
    AsyncInvoke::new(URN).response(response(status, headers, body))
}

#[test]
fn async_oas_example() {
    let body = oas_example("AsyncInvokeFunction", "202");
    let out = async_invoke(202, &[], &body).unwrap();
    assert_eq!(
        out.request_id.as_deref(),
        Some("1167bf8c-87b0-43ab-8f5f-26b16c64f252")
    );
    assert!(out.extra.is_empty());
}

#[test]
fn async_request_id_with_a_hyphen() {
    let out = async_invoke(202, &[], r#"{"request-id":"r-hyphen"}"#).unwrap();
    assert_eq!(out.request_id.as_deref(), Some("r-hyphen"));
    assert!(out.extra.is_empty(), "moved, not copied: {:?}", out.extra);
    // Both: the underscore form wins and the other stays in `extra`.
    let out = async_invoke(202, &[], r#"{"request_id":"a","request-id":"b"}"#).unwrap();
    assert_eq!(out.request_id.as_deref(), Some("a"));
    assert_eq!(out.extra["request-id"], "b");
    // A non-string `request-id` is left alone.
    let out = async_invoke(202, &[], r#"{"request-id":7}"#).unwrap();
    assert_eq!(out.request_id, None);
    assert_eq!(out.extra["request-id"], 7);
}

#[test]
fn async_minimal_null_and_empty_bodies() {
    let out = async_invoke(202, &[], "{}").unwrap();
    assert_eq!(out.request_id, None);
    let out = async_invoke(202, &[], r#"{"request_id":null}"#).unwrap();
    assert_eq!(out.request_id, None);
    // Queued but no body: not a failure; the header id is used if present.
    let out = async_invoke(202, &[("X-Cff-Request-Id", "hdr-id")], "").unwrap();
    assert_eq!(out.request_id.as_deref(), Some("hdr-id"));
    let out = async_invoke(202, &[], " \n").unwrap();
    assert_eq!(out.request_id, None);
}

#[test]
fn async_unknown_fields_are_kept() {
    let out = async_invoke(202, &[], r#"{"request_id":"r","queued_at":"now"}"#).unwrap();
    assert_eq!(out.extra["queued_at"], "now");
}

#[test]
fn async_undecodable_body_is_a_decode_error() {
    match async_invoke(202, &[], "<html>accepted</html>") {
        Err(Error::Decode(e)) => assert_eq!(e.status(), 202),
        other => panic!("{other:?}"),
    }
    match async_invoke(202, &[], r#"{"request_id":5}"#) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "request_id"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn async_error_shapes() {
    error_shapes::assert_error_shapes(&AsyncInvoke::new(URN));
}

#[test]
fn through_the_call_driver_a_function_error_is_done_not_retried_or_failed() {
    use fgs_proto::{Call, RetryPolicy, Step};
    let config = common::token_config();
    let op = Invoke::new(URN);
    let mut call = Call::new(&op, &config, RetryPolicy::default()).unwrap();
    let _request = call.next_request(common::fixed_now()).unwrap();
    let step = call.on_response(response(
        500,
        &[("X-Is-Func-Err", "true")],
        r#"{"errorMessage":"crash"}"#,
    ));
    match step {
        Step::Done(out) => assert_eq!(out.function_error().unwrap().message(), Some("crash")),
        other => panic!("{other:?}"),
    }
    assert_eq!(call.attempts(), 1);
}

#[test]
fn the_v1_body_log_is_accepted_as_base64_or_as_text() {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode("START\nhello\nEND");
    let body = format!(r#"{{"result":"ok","log":"{encoded}","status":200}}"#);
    let out = invoke(&[("X-Cff-Response-Version", "v1")], &body);
    assert_eq!(out.log(), Some("START\nhello\nEND"));
    let plain = invoke(
        &[("X-Cff-Response-Version", "v1")],
        r#"{"result":"ok","log":"2024-01-15 START RequestId: abc","status":200}"#,
    );
    assert_eq!(plain.log(), Some("2024-01-15 START RequestId: abc"));
}
