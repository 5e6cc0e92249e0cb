//! Invoke and AsyncInvoke over raw HTTP.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::*;
use fgs_emulator::{AsyncStatus, FunctionError, InvocationContext};
use serde_json::{Value, json};

fn invoke(client: &Client, urn: &str, headers: &[(&str, &str)], event: &[u8]) -> Answer {
    client.raw(
        "POST",
        &format!("/v2/{PROJECT}/fgs/functions/{urn}/invocations"),
        headers,
        event.to_vec(),
    )
}

/// A handler reporting what its context says.
fn describe(event: &[u8], ctx: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
    Ok(json!({
        "event": String::from_utf8_lossy(event),
        "request_id": ctx.request_id(),
        "function": ctx.function_name(),
        "package": ctx.package(),
        "version": ctx.version(),
        "alias": ctx.alias(),
        "memory": ctx.memory_size(),
        "timeout": ctx.timeout().as_secs(),
        "mode": ctx.env("MODE"),
        "async": ctx.is_async(),
    })
    .to_string()
    .into_bytes())
}

#[test]
fn v0_returns_the_raw_result_with_the_invocation_headers() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("echo");
    let event = br#"{"k": "v", "n": [1, 2]}"#;
    let answer = invoke(&client, &urn("echo"), &[], event);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, event, "the default handler echoes the event");
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let request_id = answer.header("x-cff-request-id").unwrap();
    assert!(is_uuid(request_id));
    assert_eq!(answer.header("x-request-id"), Some(request_id));
    assert_eq!(answer.header("x-cff-response-version"), Some("v0"));
    assert_eq!(answer.header("x-func-err-code"), Some("0"));
    assert_eq!(answer.header("x-is-func-err"), Some("false"));
    assert_eq!(answer.header("x-cff-function-log"), None);
    let summary: Value =
        serde_json::from_str(answer.header("x-cff-invoke-summary").unwrap()).unwrap();
    assert!(summary["duration"].as_f64().unwrap() >= 0.0);
    let billing = summary["billingDuration"].as_u64().unwrap();
    assert!(billing >= 1);
    assert_eq!(
        answer.header("x-cff-billing-duration"),
        Some(billing.to_string().as_str())
    );
    assert_eq!(summary["memorySize"], 128);
    assert!(summary["memoryUsed"].as_f64().unwrap() > 0.0);

    emu.register_handler("echo", |_: &[u8], _: &InvocationContext| {
        Ok(b"Hello message: plain".to_vec())
    });
    let answer = invoke(&client, "echo", &[("X-CFF-Request-Version", "v0")], b"{}");
    assert_eq!(answer.text(), "Hello message: plain");
    assert_eq!(
        answer.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    // An empty body is an empty event.
    assert_eq!(invoke(&client, "echo", &[], b"").status, 200);
}

#[test]
fn v1_wraps_the_result_and_tail_returns_the_log() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("greet");
    emu.register_handler(
        "greet",
        |event: &[u8], ctx: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            ctx.log("first line");
            ctx.log(format!("event has {} bytes", event.len()));
            Ok(b"{\"greeting\":\"hi\"}".to_vec())
        },
    );
    let answer = invoke(
        &client,
        "greet",
        &[("X-CFF-Request-Version", "v1"), ("X-Cff-Log-Type", "tail")],
        b"{\"a\":1}",
    );
    let body = answer.expect(200);
    let request_id = answer.header("x-cff-request-id").unwrap();
    assert_eq!(body["request_id"], request_id);
    assert_eq!(
        body["result"], "{\"greeting\":\"hi\"}",
        "the result is a string"
    );
    assert_eq!(body["status"], 200);
    assert_eq!(answer.header("x-cff-response-version"), Some("v1"));
    let header_log = answer.header("x-cff-function-log").unwrap();
    assert_eq!(body["log"], header_log);
    let log = String::from_utf8(BASE64.decode(header_log).unwrap()).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 4, "{log}");
    assert!(
        lines[0].ends_with(&format!(
            "Start invoke request '{request_id}', version: latest"
        )),
        "{log}"
    );
    assert_eq!(&lines[1..3], ["first line", "event has 7 bytes"]);
    assert!(
        lines[3].contains(&format!(
            "Finish invoke request '{request_id}'(invoke Success)"
        )),
        "{log}"
    );
    assert!(lines[3].contains("billing memory: 128MB"), "{log}");

    let plain = invoke(&client, "greet", &[("X-CFF-Request-Version", "v1")], b"{}").expect(200);
    assert_eq!(plain["log"], "");
    invoke(&client, "greet", &[("X-CFF-Request-Version", "v2")], b"{}")
        .assert_error(400, "FSS.0400");
}

#[test]
fn function_errors_are_200_with_the_error_flags() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("fails");
    client.create_function("panics");
    emu.register_handler(
        "fails",
        |_: &[u8], ctx: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            ctx.log("about to fail");
            Err(FunctionError::new("ValueError", "bad input"))
        },
    );
    emu.register_handler(
        "panics",
        |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            panic!("handler bug")
        },
    );

    let v0 = invoke(&client, "fails", &[("X-Cff-Log-Type", "tail")], b"{}");
    assert_eq!(
        v0.expect(200),
        json!({"errorMessage": "bad input", "errorType": "ValueError"})
    );
    assert_eq!(v0.header("x-is-func-err"), Some("true"));
    let code = v0.header("x-func-err-code").unwrap();
    assert_ne!(code, "0");
    let log = String::from_utf8(
        BASE64
            .decode(v0.header("x-cff-function-log").unwrap())
            .unwrap(),
    )
    .unwrap();
    assert!(
        log.contains("about to fail") && log.contains("(invoke Failed)"),
        "{log}"
    );

    let v1 = invoke(&client, "fails", &[("X-CFF-Request-Version", "v1")], b"{}");
    let body = v1.expect(200);
    assert_eq!(body["status"], 500);
    let result: Value = serde_json::from_str(body["result"].as_str().unwrap()).unwrap();
    assert_eq!(
        result,
        json!({"errorMessage": "bad input", "errorType": "ValueError"})
    );
    assert_eq!(v1.header("x-is-func-err"), Some("true"));

    let panicked = invoke(&client, "panics", &[], b"{}");
    assert_eq!(
        panicked.expect(200),
        json!({"errorMessage": "handler bug", "errorType": "Panic"})
    );
    // The server survives its handlers.
    assert_eq!(invoke(&client, "fails", &[], b"{}").status, 200);
}

#[test]
fn the_context_describes_the_invocation() {
    let emu = emulator();
    let client = Client::signed(&emu);
    let mut body = create_body("ctx");
    body["user_data"] = json!("{\"MODE\":\"test\"}");
    body["timeout"] = json!(45);
    client.post("/functions", &body).expect(200);
    client.publish_with_alias("ctx", "v1", "prod");
    emu.register_handler("ctx", describe);

    let answer = invoke(
        &client,
        &format!("{}:!prod", urn("ctx")),
        &[("X-Cff-Instance-Memory", "512")],
        b"{\"x\":1}",
    );
    let seen = answer.expect(200);
    assert_eq!(
        seen["request_id"],
        answer.header("x-cff-request-id").unwrap()
    );
    assert_eq!(
        (
            &seen["function"],
            &seen["package"],
            &seen["version"],
            &seen["alias"]
        ),
        (
            &json!("ctx"),
            &json!("default"),
            &json!("v1"),
            &json!("prod")
        )
    );
    assert_eq!(
        (&seen["memory"], &seen["timeout"], &seen["mode"]),
        (&json!(512), &json!(45), &json!("test"))
    );
    assert_eq!(seen["event"], "{\"x\":1}");
    assert_eq!(seen["async"], false);
    let summary: Value =
        serde_json::from_str(answer.header("x-cff-invoke-summary").unwrap()).unwrap();
    assert_eq!(summary["memorySize"], 512);

    let v1 = invoke(&client, &format!("{}:v1", urn("ctx")), &[], b"{}").expect(200);
    assert_eq!(
        (&v1["version"], &v1["alias"], &v1["memory"]),
        (&json!("v1"), &Value::Null, &json!(128))
    );

    invoke(&client, "ctx", &[("X-Cff-Instance-Memory", "100")], b"{}")
        .assert_error(400, "FSS.1007");
    invoke(&client, "ctx", &[("X-Cff-Instance-Memory", "lots")], b"{}")
        .assert_error(400, "FSS.1007");
    assert_eq!(
        invoke(&client, "ctx", &[("X-Cff-Instance-Memory", "10240")], b"{}").expect(200)["memory"],
        10240
    );
    invoke(&client, "ghost", &[], b"{}").assert_error(404, "FSS.1051");
    invoke(&client, &format!("{}:v7", urn("ctx")), &[], b"{}").assert_error(404, "FSS.1052");
    invoke(&client, &format!("{}:!beta", urn("ctx")), &[], b"{}").assert_error(404, "FSS.1053");
    invoke(&client, "ctx", &[], b"{not json").assert_error(400, "FSS.0406");
}

#[test]
fn aliases_split_by_weight_deterministically_and_route_by_rules() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("canary");
    for v in ["v1", "v2"] {
        client
            .post("/functions/canary/versions", &json!({"version": v}))
            .expect(200);
    }
    client
        .post(
            "/functions/canary/aliases",
            &json!({"name": "prod", "version": "v1", "additional_version_weights": {"v2": 25}}),
        )
        .expect(200);
    client
        .post("/functions/canary/aliases", &json!({"name": "beta", "version": "v1", "additional_version_strategy": {
            "v2": {"combine_type": "and", "rules": [{"rule_type": "header", "param": "x-tester", "op": "in", "value": "ann,bob"}]}
        }}))
        .expect(200);
    emu.register_handler("canary", describe);
    let run = |alias: &str, headers: &[(&str, &str)]| {
        let seen = invoke(
            &client,
            &format!("{}:!{alias}", urn("canary")),
            headers,
            b"{}",
        )
        .expect(200);
        seen["version"].as_str().unwrap().to_owned()
    };
    let mut counts = BTreeMap::new();
    for _ in 0..100 {
        *counts.entry(run("prod", &[])).or_insert(0) += 1;
    }
    assert_eq!(
        counts,
        BTreeMap::from([("v1".to_owned(), 75), ("v2".to_owned(), 25)])
    );
    assert_eq!(run("beta", &[("X-Tester", "bob")]), "v2");
    assert_eq!(run("beta", &[("X-Tester", "eve")]), "v1");
    assert_eq!(run("beta", &[]), "v1");
}

#[test]
fn async_invocations_run_in_the_background() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("slow");
    client.create_function("broken");
    client
        .post("/functions/slow/versions", &json!({"version": "v1"}))
        .expect(200);
    emu.register_handler(
        "slow",
        |event: &[u8], ctx: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            std::thread::sleep(Duration::from_millis(800));
            ctx.log(format!("async={}", ctx.is_async()));
            Ok([b"done:".as_slice(), event].concat())
        },
    );
    emu.register_handler(
        "broken",
        |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> { Err("nope".into()) },
    );
    let started = Instant::now();
    let answer = client.raw(
        "POST",
        &format!(
            "/v2/{PROJECT}/fgs/functions/{}:v1/invocations-async",
            urn("slow")
        ),
        &[],
        b"{\"job\":7}".to_vec(),
    );
    let body = answer.expect(202);
    assert!(
        started.elapsed() < Duration::from_millis(800),
        "202 comes before the handler ends"
    );
    assert_eq!(body.as_object().unwrap().len(), 1);
    let request_id = body["request_id"].as_str().unwrap();
    assert!(is_uuid(request_id));
    assert_eq!(answer.header("x-request-id"), Some(request_id));

    let pending = emu.async_invocations();
    assert_eq!(pending.len(), 1);
    // Not finished: still waiting for the runner, or its handler running.
    assert!(
        matches!(
            pending[0].status,
            AsyncStatus::Pending | AsyncStatus::Running
        ),
        "{:?}",
        pending[0].status
    );
    let done = emu
        .wait_for_async(request_id, Duration::from_secs(10))
        .expect("finishes");
    assert_eq!(done.output(), Some(&b"done:{\"job\":7}"[..]));
    assert_eq!(
        (done.function_name.as_str(), done.package.as_str()),
        ("slow", "default")
    );
    assert_eq!(
        (done.qualifier.as_deref(), done.version.as_str()),
        (Some("v1"), "v1")
    );
    assert_eq!(done.event, b"{\"job\":7}");
    assert!(done.log.contains("async=true"), "{}", done.log);

    let failed = client
        .post("/functions/broken/invocations-async", &json!({}))
        .expect(202);
    let failed = emu
        .wait_for_async(
            failed["request_id"].as_str().unwrap(),
            Duration::from_secs(10),
        )
        .unwrap();
    assert_eq!(failed.error(), Some(&FunctionError::new("Error", "nope")));
    assert_eq!(failed.qualifier, None);
    assert_eq!(emu.async_invocations().len(), 2);
    assert!(
        emu.wait_for_async("no-such-id", Duration::from_millis(50))
            .is_none()
    );

    client
        .post("/functions/ghost/invocations-async", &json!({}))
        .assert_error(404, "FSS.1051");
    client
        .raw(
            "POST",
            &format!("/v2/{PROJECT}/fgs/functions/slow/invocations-async"),
            &[],
            b"<xml/>".to_vec(),
        )
        .assert_error(400, "FSS.0406");
    assert_eq!(
        emu.async_invocations().len(),
        2,
        "rejected requests start nothing"
    );
}

#[test]
fn a_handler_past_the_function_timeout_is_a_timeout_error() {
    let emu = emulator();
    let client = Client::token(&emu);
    let mut body = create_body("sleepy");
    body["timeout"] = json!(3);
    client.post("/functions", &body).expect(200);
    emu.register_handler(
        "sleepy",
        |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            std::thread::sleep(Duration::from_secs(5));
            Ok(Vec::new())
        },
    );
    let started = Instant::now();
    let answer = invoke(&client, "sleepy", &[], b"{}");
    let elapsed = started.elapsed();
    assert_eq!(answer.expect(200)["errorType"], "TimeoutError");
    assert_eq!(answer.header("x-is-func-err"), Some("true"));
    assert!(
        elapsed >= Duration::from_secs(3) && elapsed < Duration::from_millis(4500),
        "{elapsed:?}"
    );
}
