//! Trigger operations over raw HTTP.

mod common;

use common::*;
use serde_json::{Value, json};

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a bare array")
        .iter()
        .map(|t| t["trigger_id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn timer_triggers_round_trip() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("ticker");
    let created = client
        .post(
            &format!("/triggers/{}", urn("ticker")),
            &timer_body("Timer-l8v2"),
        )
        .expect(201);
    let id = created["trigger_id"].as_str().unwrap().to_owned();
    assert!(is_uuid(&id));
    assert_eq!(created["trigger_type_code"], "TIMER");
    assert_eq!(created["trigger_status"], "ACTIVE");
    assert_eq!(
        created["event_data"],
        json!({"name": "Timer-l8v2", "schedule_type": "Rate", "schedule": "3m"})
    );
    assert!(is_rfc3339(created["created_time"].as_str().unwrap()));
    assert_eq!(created["last_updated_time"], created["created_time"]);
    assert_eq!(
        created.as_object().unwrap().len(),
        6,
        "no event_type_code in the answer"
    );

    let got = client
        .get(&format!("/triggers/{}/TIMER/{id}", urn("ticker")))
        .expect(200);
    assert_eq!(got, created);
    let list = client
        .get(&format!("/triggers/{}:latest", urn("ticker")))
        .expect(200);
    assert_eq!(ids(&list), [id.as_str()]);
    assert_eq!(list[0], created);

    // A DISABLED timer, a Cron timer, and the duplicate name.
    let mut disabled = timer_body("nightly");
    disabled["trigger_status"] = json!("DISABLED");
    disabled["event_data"] = json!({"name": "nightly", "schedule_type": "Cron", "schedule": "0 0 2 * * ?", "user_event": "go"});
    let nightly = client.post("/triggers/ticker", &disabled).expect(201);
    assert_eq!(nightly["trigger_status"], "DISABLED");
    client
        .post("/triggers/ticker", &timer_body("Timer-l8v2"))
        .assert_error(409, "FSS.1141");

    // Get/Delete need the right type and id.
    client
        .get(&format!("/triggers/ticker/APIG/{id}"))
        .assert_error(404, "FSS.1131");
    client
        .get("/triggers/ticker/TIMER/unknown-id")
        .assert_error(404, "FSS.1131");
    client
        .delete("/triggers/ticker/TIMER/unknown-id")
        .assert_error(404, "FSS.1131");
    let deleted = client.delete(&format!("/triggers/ticker/TIMER/{id}"));
    assert_eq!((deleted.status, deleted.body.len()), (204, 0));
    client
        .get(&format!("/triggers/ticker/TIMER/{id}"))
        .assert_error(404, "FSS.1131");
    assert_eq!(
        ids(&client.get("/triggers/ticker").expect(200)),
        [nightly["trigger_id"].as_str().unwrap()]
    );
}

#[test]
fn timer_event_data_is_validated() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("ticker");
    let bad_events = [
        json!({"schedule_type": "Rate", "schedule": "3m"}),
        json!({"name": "1st", "schedule_type": "Rate", "schedule": "3m"}),
        json!({"name": "t", "schedule_type": "Weekly", "schedule": "3m"}),
        json!({"name": "t", "schedule_type": "Rate", "schedule": "61m"}),
        json!({"name": "t", "schedule_type": "Rate", "schedule": "25h"}),
        json!({"name": "t", "schedule_type": "Rate", "schedule": "31d"}),
        json!({"name": "t", "schedule_type": "Rate", "schedule": "0m"}),
        json!({"name": "t", "schedule_type": "Rate", "schedule": "10s"}),
        json!({"name": "t", "schedule_type": "Cron", "schedule": "* * * *"}),
        json!({"name": "t", "schedule_type": "Cron", "schedule": "99 * * * *"}),
        json!({"name": "t", "schedule_type": "Cron", "schedule": "@every never"}),
    ];
    for event in bad_events {
        let body = json!({"trigger_type_code": "TIMER", "event_data": event});
        client
            .post("/triggers/ticker", &body)
            .assert_error(400, "FSS.1109");
    }
    for (i, schedule) in [
        ("Rate", "1d"),
        ("Rate", "24h"),
        ("Cron", "0 */5 * * * *"),
        ("Cron", "@every 1h30m"),
    ]
    .iter()
    .enumerate()
    {
        let body = json!({"trigger_type_code": "TIMER", "event_data": {"name": format!("t{i}"), "schedule_type": schedule.0, "schedule": schedule.1}});
        client.post("/triggers/ticker", &body).expect(201);
    }
    assert_eq!(emu.snapshot().functions[0].triggers.len(), 4);
}

#[test]
fn apig_triggers_get_server_fields_and_are_validated() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("api");
    let body = apig_body("/hello");
    let created = client.post("/triggers/api", &body).expect(201);
    let id = created["trigger_id"].as_str().unwrap();
    assert!(
        id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert_eq!(created["trigger_status"], "ACTIVE");
    let event = &created["event_data"];
    for (key, value) in body["event_data"].as_object().unwrap() {
        if key != "func_info" {
            assert_eq!(&event[key], value, "{key} is echoed");
        }
    }
    assert_eq!(event["triggerid"], id);
    assert_eq!(event["api_name"], "API_hello");
    assert_eq!(event["api_id"].as_str().unwrap().len(), 32);
    assert_eq!(event["invoke_url"], "https://hello.apig.example.com/hello");
    assert_eq!(
        event["func_info"],
        json!({"timeout": 5000, "function_urn": urn("api"), "version": "latest", "invocation_type": "sync"})
    );
    client
        .post("/triggers/api", &body)
        .assert_error(409, "FSS.1147");
    let mut other_method = body.clone();
    other_method["event_data"]["req_method"] = json!("POST");
    client.post("/triggers/api", &other_method).expect(201);

    for (key, value) in [
        ("type", json!(3)),
        ("auth", json!("BASIC")),
        ("protocol", json!("FTP")),
        ("req_method", json!("BREW")),
        ("match_mode", json!("GLOB")),
        ("func_info", json!({"timeout": 60001})),
        ("func_info", json!({})),
        ("env_id", Value::Null),
        ("path", json!("no-slash")),
    ] {
        let mut bad = apig_body("/other");
        bad["event_data"][key] = value;
        client
            .post("/triggers/api", &bad)
            .assert_error(400, "FSS.1107");
    }
}

#[test]
fn trigger_bodies_are_validated() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("f");
    let post = |body: Value| client.post("/triggers/f", &body);
    post(json!({"trigger_type_code": "FAX", "event_data": {}})).assert_error(400, "FSS.1101");
    post(json!({"event_data": {}})).assert_error(400, "FSS.0400");
    post(json!({"trigger_type_code": "TIMER"})).assert_error(400, "FSS.0400");
    post(json!({"trigger_type_code": "TIMER", "event_data": "x"})).assert_error(400, "FSS.0400");
    post(json!({"trigger_type_code": "SMN", "trigger_status": "DISABLED", "event_data": {"topic_urn": "urn:smn:t"}})).assert_error(400, "FSS.0400");
    post(json!({"trigger_type_code": "OBS", "event_data": {"bucket": "b"}}))
        .assert_error(400, "FSS.1106");
    post(json!({"trigger_type_code": "SMN", "event_data": {}})).assert_error(400, "FSS.1102");
    post(json!({"trigger_type_code": "DMS", "event_data": {"queue_id": "q"}}))
        .assert_error(400, "FSS.1103");
    post(json!({"trigger_type_code": "DIS", "event_data": {}})).assert_error(400, "FSS.1104");
    post(json!({"trigger_type_code": "LTS", "event_data": {"log_group_id": "g"}}))
        .assert_error(400, "FSS.1110");
    post(json!({"trigger_type_code": "KAFKA", "event_data": {"instance_id": "i"}}))
        .assert_error(400, "FSS.1112");
    client
        .call("POST", "/triggers/f", None)
        .assert_error(400, "FSS.0406");

    // DDS and KAFKA start DISABLED; SMN gets its subscription status.
    let kafka = post(json!({"trigger_type_code": "KAFKA", "event_data": {"instance_id": "i", "topic_ids": ["t1"], "batch_size": 100}})).expect(201);
    assert_eq!(kafka["trigger_status"], "DISABLED");
    let smn = post(json!({"trigger_type_code": "SMN", "event_type_code": "MessageCreated", "event_data": {"topic_urn": "urn:smn:t"}})).expect(201);
    assert_eq!(smn["event_data"]["subscription_status"], "Unconfirmed");
    let obs = post(json!({"trigger_type_code": "OBS", "event_data": {"bucket": "b", "events": ["s3:ObjectCreated:*"], "prefix": "in/"}})).expect(201);
    assert_eq!(obs["event_data"]["prefix"], "in/");
    let snapshot = emu.snapshot();
    let smn_snapshot = snapshot.functions[0]
        .triggers
        .iter()
        .find(|t| t.trigger_type_code == "SMN")
        .unwrap();
    assert_eq!(
        smn_snapshot.event_type_code.as_deref(),
        Some("MessageCreated")
    );
    client
        .post("/triggers/ghost", &timer_body("t"))
        .assert_error(404, "FSS.1051");
}

#[test]
fn triggers_are_scoped_by_qualifier_and_delete_all_follows_the_spec() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("f");
    client.publish_with_alias("f", "v1", "prod");
    let on = |qualifier: &str, name: &str| {
        let path = if qualifier.is_empty() {
            urn("f")
        } else {
            format!("{}:{qualifier}", urn("f"))
        };
        client
            .post(&format!("/triggers/{path}"), &timer_body(name))
            .expect(201)["trigger_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let latest = on("", "t-latest");
    let latest2 = on("latest", "t-latest2");
    let v1 = on("v1", "t-v1");
    let prod = on("!prod", "t-prod");
    client
        .post(&format!("/triggers/{}:v9", urn("f")), &timer_body("x"))
        .assert_error(404, "FSS.1052");
    client
        .post(&format!("/triggers/{}:!beta", urn("f")), &timer_body("x"))
        .assert_error(404, "FSS.1053");

    let list = |qualifier: &str| {
        ids(&client
            .get(&format!("/triggers/{}{qualifier}", urn("f")))
            .expect(200))
    };
    assert_eq!(list(""), [latest.clone(), latest2.clone()]);
    assert_eq!(list(":latest"), [latest.clone(), latest2.clone()]);
    assert_eq!(list(":v1"), [v1.as_str()]);
    assert_eq!(list(":!prod"), [prod.as_str()]);
    client
        .get(&format!("/triggers/{}:v9", urn("f")))
        .assert_error(404, "FSS.1052");
    // A trigger is reached through its own qualifier only.
    client
        .get(&format!("/triggers/{}/TIMER/{v1}", urn("f")))
        .assert_error(404, "FSS.1131");
    client
        .get(&format!("/triggers/{}:v1/TIMER/{v1}", urn("f")))
        .expect(200);

    // An alias with triggers cannot be deleted.
    client
        .delete("/functions/f/aliases/prod")
        .assert_error(403, "FSS.1154");

    // Version / alias: only theirs.
    assert_eq!(
        client
            .delete(&format!("/triggers/{}:!prod", urn("f")))
            .status,
        204
    );
    assert!(list(":!prod").is_empty());
    assert_eq!(list(":v1"), [v1.as_str()]);
    assert_eq!(list("").len(), 2);
    assert_eq!(
        client.delete(&format!("/triggers/{}:v1", urn("f"))).status,
        204
    );
    assert!(list(":v1").is_empty());
    assert_eq!(list("").len(), 2);

    // No qualifier (or latest): everything of every version and alias.
    on("v1", "t-v1-again");
    on("!prod", "t-prod-again");
    assert_eq!(emu.snapshot().functions[0].triggers.len(), 4);
    let answer = client.delete(&format!("/triggers/{}:latest", urn("f")));
    assert_eq!((answer.status, answer.body.len()), (204, 0));
    assert!(emu.snapshot().functions[0].triggers.is_empty());
    assert_eq!(
        client.delete("/triggers/f").status,
        204,
        "deleting none is fine"
    );
    client
        .delete("/triggers/ghost")
        .assert_error(404, "FSS.1051");
    // Now the alias can go.
    assert_eq!(client.delete("/functions/f/aliases/prod").status, 204);
}
