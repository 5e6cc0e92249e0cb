//! The async invocation configuration and records over raw HTTP: what the API refuses
//! (ranges, destinations, filters), per-qualifier configurations and what removes them,
//! the configurable event limit, undeliverable destinations, and destination loops
//! bounded.

mod common;

use std::time::{Duration, Instant};

use common::*;
use fgs_emulator::{AsyncInvocation, Emulator};
use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(10);

fn config_path(urn: &str) -> String {
    format!("/functions/{urn}/async-invoke-config")
}

fn invoke_async(client: &Client, urn: &str, event: &Value) -> String {
    client
        .post(&format!("/functions/{urn}/invocations-async"), event)
        .expect(202)["request_id"]
        .as_str()
        .expect("request_id")
        .to_owned()
}

fn function_destination(urn: &str) -> Value {
    json!({"destination": "FunctionGraph", "param": json!({"func_urn": urn}).to_string()})
}

#[test]
fn the_configuration_is_checked_as_documented() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("f");
    let path = config_path(&urn("f"));
    for (body, field) in [
        (
            json!({"max_async_retry_attempts": 4}),
            "max_async_retry_attempts",
        ),
        (
            json!({"max_async_retry_attempts": -1}),
            "max_async_retry_attempts",
        ),
        (
            json!({"max_async_retry_attempts": "1"}),
            "max_async_retry_attempts",
        ),
        (
            json!({"max_async_event_age_in_seconds": 0}),
            "max_async_event_age_in_seconds",
        ),
        (
            json!({"max_async_event_age_in_seconds": 86401}),
            "max_async_event_age_in_seconds",
        ),
        (
            json!({"enable_async_status_log": "yes"}),
            "enable_async_status_log",
        ),
        (json!({"destination_config": []}), "destination_config"),
        (
            json!({"destination_config": {"on_success": {"destination": "Kafka", "param": "{}"}}}),
            "on_success.destination",
        ),
        (
            json!({"destination_config": {"on_success": {"param": "{}"}}}),
            "on_success.destination",
        ),
        (
            json!({"destination_config": {"on_failure": {"destination": "OBS"}}}),
            "on_failure.param",
        ),
        (
            json!({"destination_config": {"on_failure": {"destination": "OBS", "param": "bucket"}}}),
            "on_failure.param",
        ),
        (
            json!({"destination_config": {"on_failure": {"destination": "FunctionGraph", "param": "{}"}}}),
            "on_failure.param",
        ),
    ] {
        let message = client.put(&path, &body).assert_error(400, "FSS.0400");
        assert!(message.contains(field), "{body}: {message}");
    }
    // None was stored; an empty body takes the defaults.
    client.get(&path).assert_error(404, "FSS.0404");
    let stored = client.put(&path, &json!({})).expect(200);
    assert_eq!(stored["max_async_retry_attempts"], 1);
    assert_eq!(stored["max_async_event_age_in_seconds"], 3600);
    assert_eq!(stored["destination_config"], json!({}));
    assert_eq!(stored["func_urn"], format!("{}:latest", urn("f")));
    assert!(is_rfc3339(stored["created_time"].as_str().unwrap()));
    client.put(&path, &json!({})).expect(200);
    // Unknown versions and functions.
    client
        .put(&config_path(&format!("{}:v9", urn("f"))), &json!({}))
        .assert_error(404, "FSS.1052");
    client
        .put(&config_path(&urn("nope")), &json!({}))
        .assert_error(404, "FSS.1051");
}

#[test]
fn configurations_are_per_qualifier_and_go_with_it() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("f");
    client.publish_with_alias("default:f", "v1", "prod");
    let base = urn("f");
    let settings = json!({
        "max_async_retry_attempts": 0,
        "max_async_event_age_in_seconds": 120,
        "enable_async_status_log": true,
        "log_group_id": "g1", "log_group_name": "group", "log_stream_id": "s1", "log_stream_name": "stream",
        "destination_config": {"on_success": {"destination": "OBS", "param": "{\"bucket\":\"b\"}"}},
    });
    for qualifier in ["latest", "v1", "!prod"] {
        let answer = client
            .put(&config_path(&format!("{base}:{qualifier}")), &settings)
            .expect(200);
        assert_eq!(answer["func_urn"], format!("{base}:{qualifier}"));
        assert_eq!(answer["log_stream_name"], "stream");
        assert_eq!(answer["enable_async_status_log"], true);
    }
    // A version's answers show its configuration.
    let versions = client
        .get(&format!("/functions/{base}/versions"))
        .expect(200);
    let v1 = versions["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["version"] == "v1")
        .expect("v1 listed");
    assert_eq!(
        v1["function_async_config"]["max_async_event_age_in_seconds"],
        120
    );
    assert_eq!(v1["function_async_config"]["max_async_retry_attempts"], 0);
    assert_eq!(
        v1["function_async_config"]["destination_config"]["on_success"]["destination"],
        "OBS"
    );
    let listed = client
        .get(&format!("/functions/{base}/async-invoke-configs?limit=2"))
        .expect(200);
    assert_eq!(listed["count"], 3);
    assert_eq!(listed["async_invoke_configs"].as_array().unwrap().len(), 2);
    assert_eq!(listed["page_info"]["next_marker"], 2);
    let rest = client
        .get(&format!(
            "/functions/{base}/async-invoke-configs?marker=2&limit=500"
        ))
        .expect(200);
    assert_eq!(
        rest["async_invoke_configs"][0]["func_urn"],
        format!("{base}:!prod")
    );
    client
        .get(&format!("/functions/{base}/async-invoke-configs?limit=-1"))
        .assert_error(400, "FSS.1001");
    // Deleting the alias and the version removes their configurations.
    client
        .delete(&format!("/functions/{base}/aliases/prod"))
        .expect(204);
    client.delete(&format!("/functions/{base}:v1")).expect(204);
    let listed = client
        .get(&format!("/functions/{base}/async-invoke-configs"))
        .expect(200);
    assert_eq!(listed["count"], 1);
    client.delete(&config_path(&base)).expect(204);
    client
        .delete(&config_path(&base))
        .assert_error(404, "FSS.0404");
}

#[test]
fn record_filters_are_checked() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("f");
    let base = format!("/functions/{}", urn("f"));
    for query in [
        "async-invocations?status=DONE",
        "async-invocations?query_begin_time=yesterday",
        "async-invocations?query_end_time=2021-13-01T00:00:00",
        "async-invocations?limit=x",
        "active-async-invocations?requests=a,b,c,d,e,f,g,h,i,j,k",
    ] {
        client
            .get(&format!("{base}/{query}"))
            .assert_error(400, "FSS.1001");
    }
    let ten: Vec<String> = (0..10).map(|i| format!("r{i}")).collect();
    let page = client
        .get(&format!(
            "{base}/active-async-invocations?requests={}&limit=9999",
            ten.join(",")
        ))
        .expect(200);
    assert_eq!(page["count"], 0);
    client
        .get(&format!("/functions/{}/async-invocations", urn("nope")))
        .assert_error(404, "FSS.1051");
    for body in [json!({}), json!({"request_id": "r", "type": "gentle"})] {
        client
            .post(&format!("{base}/cancel"), &body)
            .assert_error(400, "FSS.0400");
    }
}

#[test]
fn the_async_event_limit_is_configurable() {
    let emu = Emulator::builder()
        .project_id(PROJECT)
        .region(REGION)
        .ak_sk(AK, SK)
        .async_event_limit(16)
        .start()
        .unwrap();
    let client = Client::signed(&emu);
    client.create_function("f");
    let path = format!("/functions/{}/invocations-async", urn("f"));
    client.post(&path, &json!("0123456789")).expect(202);
    let message = client
        .post(&path, &json!("0123456789abcdef"))
        .assert_error(413, "FSS.0413");
    assert!(message.contains("16"), "{message}");
}

/// Waits until `count` invocations of `function` are over.
fn finished(emu: &Emulator, function: &str, count: usize) -> Vec<AsyncInvocation> {
    let deadline = Instant::now() + WAIT;
    loop {
        let done: Vec<_> = emu
            .async_invocations()
            .into_iter()
            .filter(|r| r.function_name == function && r.is_done())
            .collect();
        if done.len() >= count {
            return done;
        }
        assert!(
            Instant::now() < deadline,
            "{function}: {} of {count}",
            done.len()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_missing_destination_is_noted_and_loops_are_bounded() {
    let emu = emulator();
    let client = Client::signed(&emu);
    for name in ["lonely", "ping", "pong"] {
        client.create_function(name);
    }
    client
        .put(
            &config_path(&urn("lonely")),
            &json!({"destination_config": {"on_success": function_destination(&urn("gone"))}}),
        )
        .expect(200);
    let id = invoke_async(&client, &urn("lonely"), &json!({}));
    let deadline = Instant::now() + WAIT;
    while !emu
        .async_invocations()
        .iter()
        .any(|r| r.request_id == id && r.log.contains("not invoked"))
    {
        assert!(
            Instant::now() < deadline,
            "no note of the missing destination"
        );
        std::thread::sleep(Duration::from_millis(5));
    }

    // ping and pong name each other: the outcome travels 4 hops, then stops.
    for (from, to) in [("ping", "pong"), ("pong", "ping")] {
        client
            .put(
                &config_path(&urn(from)),
                &json!({"destination_config": {"on_success": function_destination(&urn(to))}}),
            )
            .expect(200);
    }
    invoke_async(&client, &urn("ping"), &json!({"hop": 0}));
    let pings = finished(&emu, "ping", 3);
    let pongs = finished(&emu, "pong", 2);
    std::thread::sleep(Duration::from_millis(100));
    let all = emu.async_invocations();
    assert_eq!(
        all.iter()
            .filter(|r| r.function_name == "ping" || r.function_name == "pong")
            .count(),
        5,
        "the first invocation and 4 hops"
    );
    // Each hop's event is the record of the one before.
    let last = pings.last().unwrap();
    let record: Value = serde_json::from_slice(&last.event).unwrap();
    assert_eq!(
        record["request_context"]["function_urn"],
        format!("{}:latest", urn("pong"))
    );
    assert_eq!(pongs.len(), 2);
}
