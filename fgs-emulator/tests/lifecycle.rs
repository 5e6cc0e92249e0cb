//! One function's whole life over raw HTTP, every answer checked field by field:
//! create → get → update code → update config → publish 2 versions → weighted alias →
//! invoke (v0, v1, tail log, function error) and async → triggers → delete version →
//! delete function.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::*;
use fgs_emulator::{FunctionError, InvocationContext};
use serde_json::{Value, json};

fn handler(event: &[u8], ctx: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
    let event: Value = serde_json::from_slice(event)
        .map_err(|e| FunctionError::new("InvalidEvent", e.to_string()))?;
    ctx.log(format!("handling {event}"));
    if event["fail"] == true {
        return Err(FunctionError::new("RuntimeError", "asked to fail"));
    }
    Ok(
        json!({"version": ctx.version(), "greeting": ctx.env("GREETING")})
            .to_string()
            .into_bytes(),
    )
}

#[test]
fn a_function_from_birth_to_deletion() {
    let emu = emulator();
    emu.register_handler("life", handler);
    let client = Client::signed(&emu);
    let base = urn("life");

    // Create.
    let mut body = create_body("life");
    body["user_data"] = json!("{\"GREETING\":\"hello\"}");
    body["description"] = json!("a lifecycle");
    let created = client.post("/functions", &body).expect(200);
    assert_eq!(created["func_urn"], json!(format!("{base}:latest")));
    assert_eq!(
        (created["func_name"].as_str(), created["package"].as_str()),
        (Some("life"), Some("default"))
    );
    assert_eq!(
        (created["runtime"].as_str(), created["handler"].as_str()),
        (Some("Python3.9"), Some("index.handler"))
    );
    assert_eq!(
        (
            created["memory_size"].as_u64(),
            created["cpu"].as_u64(),
            created["timeout"].as_u64()
        ),
        (Some(128), Some(300), Some(30))
    );
    assert_eq!(
        (created["code_type"].as_str(), created["code_size"].as_u64()),
        (Some("inline"), Some(8))
    );
    assert_eq!(created["digest"], json!(sha512_hex(b"print(1)")));
    assert_eq!(
        (created["version"].as_str(), created["description"].as_str()),
        (Some("latest"), Some("a lifecycle"))
    );
    assert_eq!(created["user_data"], "{\"GREETING\":\"hello\"}");
    assert_eq!(
        (
            created["namespace"].as_str(),
            created["project_name"].as_str()
        ),
        (Some(PROJECT), Some(REGION))
    );

    // Get.
    let got = client
        .get(&format!("/functions/{base}:latest/config"))
        .expect(200);
    assert_eq!(got, created);

    // Update code: a zip.
    let zip = b"PK\x03\x04 lifecycle package".to_vec();
    let code = client
        .put(&format!("/functions/{base}/code"), &json!({"code_type": "zip", "code_filename": "life.zip", "func_code": {"file": BASE64.encode(&zip)}}))
        .expect(200);
    assert_eq!(code["func_urn"], json!(base));
    assert_eq!(
        (code["code_type"].as_str(), code["code_filename"].as_str()),
        (Some("zip"), Some("life.zip"))
    );
    assert_eq!(
        (code["code_size"].as_u64(), code["digest"].as_str()),
        (Some(zip.len() as u64), Some(sha512_hex(&zip).as_str()))
    );
    assert_eq!(code["func_code"]["file"], json!(BASE64.encode(&zip)));
    assert!(
        code["func_code"]["link"]
            .as_str()
            .unwrap()
            .ends_with("/default/life/latest/life.zip")
    );

    // Update config.
    let config = json!({"func_name": "life", "runtime": "Python3.9", "handler": "index.handler", "memory_size": 512, "timeout": 60, "description": "updated"});
    let updated = client
        .put(&format!("/functions/{base}:latest/config"), &config)
        .expect(200);
    assert_eq!(updated["func_urn"], json!(format!("{base}:latest")));
    assert_eq!(
        (
            updated["memory_size"].as_u64(),
            updated["cpu"].as_u64(),
            updated["timeout"].as_u64()
        ),
        (Some(512), Some(600), Some(60))
    );
    assert_eq!(updated["description"], "updated");
    assert_eq!(
        (updated["code_type"].as_str(), updated["digest"].as_str()),
        (Some("zip"), Some(sha512_hex(&zip).as_str()))
    );
    assert_eq!(updated["user_data"], "{\"GREETING\":\"hello\"}");

    // Publish two versions: one named, one generated.
    let v1 = client
        .post(
            &format!("/functions/{base}/versions"),
            &json!({"version": "v1", "description": "first"}),
        )
        .expect(200);
    assert_eq!(
        (v1["version"].as_str(), v1["version_description"].as_str()),
        (Some("v1"), Some("first"))
    );
    assert_eq!(v1["func_urn"], json!(format!("{base}:v1")));
    assert_eq!(
        (v1["memory_size"].as_u64(), v1["digest"].as_str()),
        (Some(512), Some(sha512_hex(&zip).as_str()))
    );
    let v2 = client
        .post(&format!("/functions/{base}/versions"), &json!({}))
        .expect(200);
    let v2_name = v2["version"].as_str().unwrap().to_owned();
    assert!(v2_name.starts_with('v') && v2_name.len() == 16, "{v2_name}");
    assert_eq!(v2["func_urn"], json!(format!("{base}:{v2_name}")));
    let versions = client
        .get(&format!("/functions/{base}/versions"))
        .expect(200);
    let names: Vec<&str> = versions["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["latest", "v1", v2_name.as_str()]);
    assert_eq!(
        (versions["count"].as_u64(), versions["next_marker"].as_u64()),
        (Some(3), Some(3))
    );

    // An alias with a 50 % canary.
    let alias = client
        .post(&format!("/functions/{base}/aliases"), &json!({"name": "prod", "version": "v1", "description": "production", "additional_version_weights": {v2_name.clone(): 50}}))
        .expect(200);
    assert_eq!(alias["alias_urn"], json!(format!("{base}:!prod")));
    assert_eq!(
        (
            alias["name"].as_str(),
            alias["version"].as_str(),
            alias["description"].as_str()
        ),
        (Some("prod"), Some("v1"), Some("production"))
    );
    assert_eq!(
        alias["additional_version_weights"],
        json!({v2_name.clone(): 50})
    );
    assert_eq!(
        client
            .get(&format!("/functions/{base}/aliases"))
            .expect(200),
        json!([alias])
    );

    // Invoke: v0 through the alias, twice — both versions serve.
    let invoke = |path: &str, headers: &[(&str, &str)], event: Value| {
        client.raw(
            "POST",
            &format!("/v2/{PROJECT}/fgs/functions/{path}/invocations"),
            headers,
            event.to_string().into_bytes(),
        )
    };
    let mut served = BTreeSet::new();
    for _ in 0..2 {
        let answer = invoke(&format!("{base}:!prod"), &[], json!({}));
        let result = answer.expect(200);
        assert_eq!(answer.header("x-cff-response-version"), Some("v0"));
        assert_eq!(answer.header("x-func-err-code"), Some("0"));
        assert_eq!(result["greeting"], "hello");
        served.insert(result["version"].as_str().unwrap().to_owned());
    }
    assert_eq!(served, BTreeSet::from(["v1".to_owned(), v2_name.clone()]));

    // v1 format with the tail log.
    let answer = invoke(
        &base,
        &[("X-CFF-Request-Version", "v1"), ("X-Cff-Log-Type", "tail")],
        json!({"n": 1}),
    );
    let envelope = answer.expect(200);
    let request_id = answer.header("x-cff-request-id").unwrap();
    assert_eq!(envelope["request_id"], request_id);
    assert_eq!(envelope["status"], 200);
    assert_eq!(
        serde_json::from_str::<Value>(envelope["result"].as_str().unwrap()).unwrap(),
        json!({"version": "latest", "greeting": "hello"})
    );
    let log = String::from_utf8(BASE64.decode(envelope["log"].as_str().unwrap()).unwrap()).unwrap();
    assert!(
        log.contains(&format!("Start invoke request '{request_id}'"))
            && log.contains("handling {\"n\":1}")
            && log.contains("(invoke Success)"),
        "{log}"
    );
    let summary: Value =
        serde_json::from_str(answer.header("x-cff-invoke-summary").unwrap()).unwrap();
    assert_eq!(summary["memorySize"], 512);

    // A function error, in both formats.
    let failed = invoke(&base, &[], json!({"fail": true}));
    assert_eq!(
        failed.expect(200),
        json!({"errorMessage": "asked to fail", "errorType": "RuntimeError"})
    );
    assert_eq!(
        (
            failed.header("x-is-func-err"),
            failed.header("x-func-err-code").map(|c| c != "0")
        ),
        (Some("true"), Some(true))
    );
    let failed_v1 = invoke(
        &base,
        &[("X-CFF-Request-Version", "v1")],
        json!({"fail": true}),
    )
    .expect(200);
    assert_eq!(failed_v1["status"], 500);

    // Async.
    let accepted = client
        .post(
            &format!("/functions/{base}:v1/invocations-async"),
            &json!({"job": "a"}),
        )
        .expect(202);
    let request_id = accepted["request_id"].as_str().unwrap();
    let done = emu
        .wait_for_async(request_id, Duration::from_secs(10))
        .expect("the async invocation finishes");
    assert_eq!(
        serde_json::from_slice::<Value>(done.output().unwrap()).unwrap(),
        json!({"version": "v1", "greeting": "hello"})
    );
    assert_eq!(
        (
            done.function_name.as_str(),
            done.qualifier.as_deref(),
            done.version.as_str()
        ),
        ("life", Some("v1"), "v1")
    );

    // Triggers.
    let timer = client
        .post(&format!("/triggers/{base}"), &timer_body("every-3m"))
        .expect(201);
    assert_eq!(
        (
            timer["trigger_type_code"].as_str(),
            timer["trigger_status"].as_str()
        ),
        (Some("TIMER"), Some("ACTIVE"))
    );
    assert_eq!(
        timer["event_data"],
        json!({"name": "every-3m", "schedule_type": "Rate", "schedule": "3m"})
    );
    let api = client
        .post(&format!("/triggers/{base}"), &apig_body("/life"))
        .expect(201);
    assert_eq!(
        api["event_data"]["invoke_url"],
        "https://hello.apig.example.com/life"
    );
    let listed = client.get(&format!("/triggers/{base}")).expect(200);
    assert_eq!(listed, json!([timer, api]));
    for t in [&timer, &api] {
        let path = format!(
            "/triggers/{base}/{}/{}",
            t["trigger_type_code"].as_str().unwrap(),
            t["trigger_id"].as_str().unwrap()
        );
        assert_eq!(&client.get(&path).expect(200), t);
    }
    let timer_path = format!(
        "/triggers/{base}/TIMER/{}",
        timer["trigger_id"].as_str().unwrap()
    );
    assert_eq!(client.delete(&timer_path).status, 204);
    assert_eq!(
        client.get(&format!("/triggers/{base}")).expect(200),
        json!([api])
    );
    assert_eq!(client.delete(&format!("/triggers/{base}")).status, 204);
    assert_eq!(
        client.get(&format!("/triggers/{base}")).expect(200),
        json!([])
    );

    // Delete a version: first free it from the canary.
    client
        .delete(&format!("/functions/{base}:{v2_name}"))
        .assert_error(403, "FSS.1094");
    client
        .put(
            &format!("/functions/{base}/aliases/prod"),
            &json!({"version": "v1"}),
        )
        .expect(200);
    assert_eq!(
        client
            .delete(&format!("/functions/{base}:{v2_name}"))
            .status,
        204
    );
    let versions = client
        .get(&format!("/functions/{base}/versions"))
        .expect(200);
    assert_eq!(versions["count"], 2);

    // Delete the function.
    assert_eq!(client.delete(&format!("/functions/{base}")).status, 204);
    client
        .get(&format!("/functions/{base}/config"))
        .assert_error(404, "FSS.1051");
    assert!(emu.snapshot().functions.is_empty());
    assert_eq!(
        client.get("/functions").expect(200),
        json!({"functions": [], "next_marker": 0, "count": 0})
    );
}
