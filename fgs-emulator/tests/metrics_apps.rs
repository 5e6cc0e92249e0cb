//! Metrics, quotas, applications, templates, the service bridge and VPC endpoints over
//! raw HTTP: the shapes the OAS documents (series of `{timestamp, value}` with `-1` for
//! no data, bare arrays, DeleteFunctionApp's empty 200, DeleteVpcEndpoint's 204), the
//! asynchronous invocations counted like the synchronous ones, and the errors.

mod common;

use std::time::{Duration, Instant};

use common::*;
use fgs_emulator::{FunctionError, InvocationContext};
use serde_json::{Value, json};

fn fails(_: &[u8], _: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
    Err(FunctionError::new("ValueError", "no"))
}

/// The sum of a series' values that are not `-1`.
fn total(series: &Value) -> f64 {
    series
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_f64().unwrap())
        .filter(|v| *v >= 0.0)
        .sum()
}

#[test]
fn statistics_count_sync_and_async_invocations() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("counted");
    client.create_function("failing");
    emu.register_handler("failing", fails);
    let invoke = |name: &str, suffix: &str| {
        client.raw(
            "POST",
            &format!("/v2/{PROJECT}/fgs/functions/{}/{suffix}", urn(name)),
            &[],
            b"{}".to_vec(),
        )
    };
    for _ in 0..2 {
        assert_eq!(invoke("counted", "invocations").status, 200);
    }
    assert_eq!(invoke("counted", "invocations-async").status, 202);
    assert_eq!(invoke("failing", "invocations").status, 200);
    let path = format!("/functions/{}/statistics/5", urn("counted"));
    // The asynchronous invocation is recorded when it completes.
    let deadline = Instant::now() + Duration::from_secs(5);
    let stats = loop {
        let stats = client.get(&path).expect(200);
        if total(&stats["count"]) == 3.0 || Instant::now() > deadline {
            break stats;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(total(&stats["count"]), 3.0, "{stats}");
    assert_eq!(total(&stats["fail_count"]), 0.0);
    let points = stats["count"].as_array().unwrap();
    assert_eq!(
        points.len(),
        6,
        "a point per minute of the last five, both ends in"
    );
    assert!(
        points
            .iter()
            .all(|p| p["timestamp"].as_i64().unwrap() % 60_000 == 0)
    );
    assert!(points.iter().any(|p| p["value"] == -1.0), "{stats}");
    assert!(stats.get("instance_num").is_none());
    let sla = client
        .get(&format!("/functions/{}/slareports/5", urn("failing")))
        .expect(200);
    assert_eq!(
        (total(&sla["count"]), total(&sla["fail_count"])),
        (1.0, 1.0)
    );
    assert!(sla["instance_num"].is_array());
    let ranked = client.get("/function/report?type=failcount").expect(200);
    assert_eq!(ranked["count"], 2);
    assert_eq!(
        ranked["values"][0],
        json!({"key": format!("urn:fss:{REGION}:{PROJECT}:function:default:failing"), "value": 1})
    );
    client
        .get("/function/report?type=duration")
        .assert_error(400, "FSS.0400");
    let all = client
        .get("/functions/statistics?filter=monitor_data&period=5")
        .expect(200);
    assert_eq!(total(&all["statistics"]["count"]), 4.0);
    client
        .get("/functions/statistics")
        .assert_error(400, "FSS.0400");
    client
        .get("/functions/statistics?filter=metric")
        .assert_error(400, "FSS.0400");
    let report = client
        .get(&format!(
            "/functions/{}/instancereports?marker=55&limit=100",
            urn("counted")
        ))
        .expect(200);
    assert_eq!(
        report["instanceNum"].as_array().unwrap().len(),
        6,
        "61 points from 55"
    );
    assert!(
        report.get("instance_num").is_none(),
        "the API's camelCase names"
    );
}

#[test]
fn quotas_follow_the_state() {
    let emu = fgs_emulator::Emulator::builder()
        .ak_sk(AK, SK)
        .project_id(PROJECT)
        .region(REGION)
        .functions_per_account(1)
        .start()
        .unwrap();
    let client = Client::signed(&emu);
    let quota = |kind: &str| {
        let q = client.get("/quotas").expect(200);
        q["quotas"]["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["type"] == kind)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        quota("fgs_func_num"),
        json!({"quota": 1, "type": "fgs_func_num", "used": 0})
    );
    client.create_function("only");
    assert_eq!(quota("fgs_func_num")["used"], 1);
    assert_eq!(quota("fgs_func_code_size")["unit"], "MB");
    client
        .post("/functions", &create_body("second"))
        .assert_error(403, "FSS.1041");
}

#[test]
fn applications_templates_bridge_and_endpoints() {
    let emu = emulator();
    let client = Client::signed(&emu);
    let templates = client
        .get("/application/templates?runtime=all&maxitems=1")
        .expect(200);
    assert_eq!(
        (templates["count"].clone(), templates["next_marker"].clone()),
        (json!(2), json!(1))
    );
    let id = templates["templates"][0]["id"].as_str().unwrap().to_owned();
    let created = client
        .post(
            "/applications",
            &json!({"name": "web", "template_id": id, "params": {"k": "v"}}),
        )
        .expect(200);
    let app = created["application_id"].as_str().unwrap().to_owned();
    client
        .get(&format!("/functions/{}/config", urn("web-api")))
        .expect(200);
    for bad in [
        json!({"template_id": id}),
        json!({"name": "9lives", "template_id": id}),
        json!({"name": "x", "template_id": id, "params": "k=v"}),
    ] {
        client
            .post("/applications", &bad)
            .assert_error(400, "FSS.0400");
    }
    let deleted = client.delete(&format!("/applications/{app}"));
    assert_eq!((deleted.status, deleted.body.len()), (200, 0));
    client
        .get(&format!("/functions/{}/config", urn("web-worker")))
        .assert_error(404, "FSS.1051");
    client.get("/templates/none").assert_error(404, "FSS.1059");
    let versions = client.get("/servicebridge/version?type=cache").expect(200);
    assert!(versions.is_array(), "a bare array: {versions}");
    client
        .get("/servicebridge/version")
        .assert_error(400, "FSS.0400");
    let endpoint = client
        .post(
            "/vpc-endpoint",
            &json!({"vpc_id": "v", "subnet_id": "s", "flavor": "small"}),
        )
        .expect(200);
    assert_eq!(endpoint["endpoints"].as_array().unwrap().len(), 1);
    client
        .post("/vpc-endpoint", &json!({"vpc_id": "v"}))
        .assert_error(400, "FSS.0400");
    let gone = client.delete("/vpc-endpoint/v/s");
    assert_eq!(gone.status, 204);
    client
        .delete("/vpc-endpoint/v/s")
        .assert_error(404, "FSS.0404");
}
