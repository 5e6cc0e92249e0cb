//! CreateVersion, ListVersion and the alias operations over raw HTTP.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::*;
use serde_json::{Value, json};

#[test]
fn publishing_snapshots_latest() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("hello");
    let v1 = client
        .post(
            &format!("/functions/{}:latest/versions", urn("hello")),
            &json!({"version": "v1", "description": "first"}),
        )
        .expect(200);
    assert_eq!(v1["func_urn"], json!(format!("{}:v1", urn("hello"))));
    assert_eq!(v1["version"], "v1");
    assert_eq!(v1["version_description"], "first");
    assert_eq!(v1["digest"], json!(sha512_hex(b"print(1)")));
    assert_eq!(
        (
            v1["runtime"].as_str(),
            v1["memory_size"].as_u64(),
            v1["cpu"].as_u64()
        ),
        (Some("Python3.9"), Some(128), Some(300))
    );
    assert!(v1["image_name"].as_str().unwrap().starts_with("v1-"));
    let async_config = &v1["function_async_config"];
    assert_eq!(async_config["max_async_retry_attempts"], 3);
    assert!(is_rfc3339(async_config["created_time"].as_str().unwrap()));

    // Changing latest does not change v1.
    let new_code = b"print(2)";
    client
        .put(
            "/functions/hello/code",
            &json!({"code_type": "inline", "func_code": {"file": BASE64.encode(new_code)}}),
        )
        .expect(200);
    let frozen = client
        .get(&format!("/functions/{}:v1/config", urn("hello")))
        .expect(200);
    assert_eq!(frozen["digest"], json!(sha512_hex(b"print(1)")));
    assert_eq!(frozen["version"], "v1");
    assert_eq!(frozen["func_urn"], json!(format!("{}:v1", urn("hello"))));
    let code = client
        .get(&format!("/functions/{}:v1/code", urn("hello")))
        .expect(200);
    assert_eq!(code["func_code"]["file"], "cHJpbnQoMSk=");

    // Generated names, twice in a row with nothing changed (FSS.1016 not enforced).
    let a = client
        .post("/functions/hello/versions", &json!({}))
        .expect(200);
    let b = client
        .call("POST", "/functions/hello/versions", None)
        .expect(200);
    for v in [&a, &b] {
        let name = v["version"].as_str().unwrap();
        let shape = name.len() == 16
            && name.starts_with('v')
            && name.as_bytes()[9] == b'-'
            && name[1..9]
                .bytes()
                .chain(name[10..].bytes())
                .all(|c| c.is_ascii_digit());
        assert!(shape, "{name} is not vYYYYMMDD-HHMMSS");
        assert_eq!(v["digest"], json!(sha512_hex(new_code)));
    }
    assert_ne!(a["version"], b["version"]);

    client
        .post("/functions/hello/versions", &json!({"version": "v1"}))
        .assert_error(409, "FSS.1062");
    client
        .post("/functions/hello/versions", &json!({"version": "latest"}))
        .assert_error(409, "FSS.1062");
    client
        .post("/functions/hello/versions", &json!({"version": "bad/name"}))
        .assert_error(400, "FSS.0400");
    client
        .post(
            "/functions/hello/versions",
            &json!({"description": "d".repeat(513)}),
        )
        .assert_error(400, "FSS.1019");
    client
        .post("/functions/ghost/versions", &json!({}))
        .assert_error(404, "FSS.1051");
}

#[test]
fn list_versions_includes_latest_and_pages() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("hello");
    for v in ["v1", "v2", "v3"] {
        client
            .post("/functions/hello/versions", &json!({"version": v}))
            .expect(200);
    }
    let all = client.get("/functions/hello/versions").expect(200);
    let names: Vec<&str> = all["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["latest", "v1", "v2", "v3"]);
    assert_eq!(
        (all["count"].as_u64(), all["next_marker"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(
        all["versions"][0]["func_urn"],
        json!(format!("{}:latest", urn("hello")))
    );
    assert_eq!(
        all["versions"][2]["func_urn"],
        json!(format!("{}:v2", urn("hello")))
    );
    let page = client
        .get("/functions/hello/versions?marker=1&maxitems=2")
        .expect(200);
    let names: Vec<&str> = page["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["v1", "v2"]);
    assert_eq!(page["next_marker"], 3);
    // 0 means the default page, as for List.
    let default = client
        .get("/functions/hello/versions?maxitems=0")
        .expect(200);
    assert_eq!(default["versions"], all["versions"]);
    client
        .get("/functions/hello/versions?maxitems=-1")
        .assert_error(400, "FSS.1001");
    client
        .get("/functions/ghost/versions")
        .assert_error(404, "FSS.1051");
}

fn alias_urn(name: &str, alias: &str) -> Value {
    json!(format!("{}:!{alias}", urn(name)))
}

#[test]
fn alias_lifecycle() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("hello");
    for v in ["v1", "v2"] {
        client
            .post("/functions/hello/versions", &json!({"version": v}))
            .expect(200);
    }
    let created = client
        .post("/functions/hello/aliases", &json!({"name": "prod", "version": "v1", "description": "live", "additional_version_weights": {"v2": 20}}))
        .expect(200);
    assert_eq!(created["name"], "prod");
    assert_eq!(created["version"], "v1");
    assert_eq!(created["description"], "live");
    assert_eq!(created["alias_urn"], alias_urn("hello", "prod"));
    assert_eq!(created["additional_version_weights"], json!({"v2": 20}));
    assert!(is_rfc3339(created["last_modified"].as_str().unwrap()));
    assert_eq!(created.as_object().unwrap().len(), 6);

    let strategy = json!({"v2": {"combine_type": "or", "rules": [{"rule_type": "Header", "param": "x-canary", "op": "=", "value": "yes"}]}});
    let dev = client
        .post(
            "/functions/hello/aliases",
            &json!({"name": "dev", "version": "latest", "additional_version_strategy": strategy}),
        )
        .expect(200);
    assert_eq!(dev["description"], "");
    assert_eq!(dev["additional_version_strategy"], strategy);
    assert!(dev.get("additional_version_weights").is_none());

    let got = client
        .get(&format!("/functions/{}/aliases/dev", urn("hello")))
        .expect(200);
    assert_eq!(got, dev);
    let list = client.get("/functions/hello/aliases").expect(200);
    let list = list.as_array().expect("ListAlias answers a bare array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "prod");
    assert!(
        list[1].get("additional_version_strategy").is_none(),
        "ListAlias leaves the strategy out"
    );

    let updated = client
        .put(
            "/functions/hello/aliases/prod",
            &json!({"version": "v2", "additional_version_weights": {"v1": 50}}),
        )
        .expect(200);
    assert_eq!(
        (updated["version"].as_str(), updated["description"].as_str()),
        (Some("v2"), Some("live"))
    );
    assert_eq!(updated["additional_version_weights"], json!({"v1": 50}));
    let cleared = client
        .put(
            "/functions/hello/aliases/prod",
            &json!({"version": "v2", "description": "all in"}),
        )
        .expect(200);
    assert!(
        cleared.get("additional_version_weights").is_none(),
        "weights not sent are removed"
    );
    assert_eq!(cleared["description"], "all in");

    // Errors.
    let post = |body: Value| client.post("/functions/hello/aliases", &body);
    post(json!({"name": "prod", "version": "v1"})).assert_error(409, "FSS.1063");
    post(json!({"name": "x", "version": "v9"})).assert_error(404, "FSS.1052");
    post(json!({"name": "x", "version": "v1", "additional_version_weights": {"v9": 10}}))
        .assert_error(404, "FSS.1052");
    post(json!({"name": "x", "version": "v1", "additional_version_weights": {"v2": 101}}))
        .assert_error(400, "FSS.1091");
    post(json!({"name": "x", "version": "v1", "additional_version_weights": {"v1": 10}}))
        .assert_error(400, "FSS.1092");
    post(
        json!({"name": "x", "version": "v1", "additional_version_strategy": {"v2": {"rules": []}}}),
    )
    .assert_error(400, "FSS.1093");
    post(json!({"name": "9x", "version": "v1"})).assert_error(400, "FSS.1014");
    post(json!({"version": "v1"})).assert_error(400, "FSS.0400");
    post(json!({"name": "x"})).assert_error(400, "FSS.0400");
    client
        .get("/functions/hello/aliases/nope")
        .assert_error(404, "FSS.1053");
    client
        .put("/functions/hello/aliases/nope", &json!({"version": "v1"}))
        .assert_error(404, "FSS.1053");
    client
        .delete("/functions/hello/aliases/nope")
        .assert_error(404, "FSS.1053");
    client
        .get("/functions/ghost/aliases")
        .assert_error(404, "FSS.1051");
    client
        .post(
            "/functions/ghost/aliases",
            &json!({"name": "a", "version": "latest"}),
        )
        .assert_error(404, "FSS.1051");

    // Alias URNs resolve to the alias's version.
    let meta = client
        .get(&format!("/functions/{}:!prod/config", urn("hello")))
        .expect(200);
    assert_eq!(
        (meta["version"].as_str(), &meta["func_urn"]),
        (Some("v2"), &alias_urn("hello", "prod"))
    );

    let deleted = client.delete("/functions/hello/aliases/dev");
    assert_eq!((deleted.status, deleted.body.len()), (204, 0));
    let names: Vec<String> = emu
        .snapshot()
        .function("default", "hello")
        .unwrap()
        .aliases
        .iter()
        .map(|a| a.name.clone())
        .collect();
    assert_eq!(names, ["prod"]);
}

#[test]
fn versions_in_use_cannot_be_deleted() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("hello");
    for v in ["v1", "v2", "v3"] {
        client
            .post("/functions/hello/versions", &json!({"version": v}))
            .expect(200);
    }
    client
        .post(
            "/functions/hello/aliases",
            &json!({"name": "prod", "version": "v1", "additional_version_weights": {"v2": 10}}),
        )
        .expect(200);
    client
        .post(
            &format!("/triggers/{}:v3", urn("hello")),
            &timer_body("v3-tick"),
        )
        .expect(201);
    client
        .post(
            &format!("/triggers/{}:v1", urn("hello")),
            &timer_body("v1-tick"),
        )
        .expect(201);

    client
        .delete(&format!("/functions/{}:v1", urn("hello")))
        .assert_error(409, "FSS.1066");
    client
        .delete(&format!("/functions/{}:v2", urn("hello")))
        .assert_error(403, "FSS.1094");
    // An alias URN stands for its version, which the alias itself uses.
    client
        .delete(&format!("/functions/{}:!prod", urn("hello")))
        .assert_error(409, "FSS.1066");
    client
        .delete(&format!("/functions/{}:!nope", urn("hello")))
        .assert_error(404, "FSS.1053");
    client
        .delete(&format!("/functions/{}:v9", urn("hello")))
        .assert_error(404, "FSS.1052");

    // v3 goes, with its triggers; the rest stays.
    assert_eq!(
        client
            .delete(&format!("/functions/{}:v3", urn("hello")))
            .status,
        204
    );
    let snapshot = emu.snapshot();
    let f = snapshot.function("default", "hello").unwrap();
    let versions: Vec<&str> = f.versions.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(versions, ["v1", "v2"]);
    let triggers: Vec<&str> = f.triggers.iter().map(|t| t.qualifier.as_str()).collect();
    assert_eq!(triggers, ["v1"]);
    client
        .get(&format!("/functions/{}:v3/config", urn("hello")))
        .assert_error(404, "FSS.1052");

    // Once the alias lets go, the versions can be deleted.
    client
        .put(
            "/functions/hello/aliases/prod",
            &json!({"version": "latest"}),
        )
        .expect(200);
    assert_eq!(
        client
            .delete(&format!("/functions/{}:v2", urn("hello")))
            .status,
        204
    );
    assert_eq!(
        client
            .delete(&format!("/functions/{}:v1", urn("hello")))
            .status,
        204
    );
    assert!(emu.snapshot().functions[0].triggers.is_empty());
}
