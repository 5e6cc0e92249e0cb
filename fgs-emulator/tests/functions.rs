//! Create, List, GetMetadata, GetCode, UpdateCode, UpdateMetadata and Delete over raw
//! HTTP, with bodies and expectations written from the API reference.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::*;
use serde_json::{Value, json};

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn create_answers_the_function_object_with_every_field() {
    let emu = emulator();
    let client = Client::signed(&emu);
    let mut body = create_body("hello");
    body["description"] = json!("says hello");
    body["user_data"] = json!("{\"GREETING\":\"hi\"}");
    body["xrole"] = json!("fgs-agency");
    body["func_vpc"] = json!({"vpc_id": "vpc-1", "subnet_id": "subnet-1"});
    body["log_config"] = json!({"group_id": "lg-1", "stream_id": "ls-1"});
    let answer = client.post("/functions", &body);
    assert!(is_uuid(answer.header("x-request-id").unwrap()));
    let f = answer.expect(200);

    assert_eq!(f["func_urn"], json!(format!("{}:latest", urn("hello"))));
    assert_eq!(f["func_name"], "hello");
    let func_id = f["func_id"].as_str().unwrap();
    assert!(is_uuid(func_id), "{func_id}");
    assert_eq!(f["resource_id"], json!(format!("{func_id}:hello")));
    let domain_id = f["domain_id"].as_str().unwrap();
    assert!(domain_id.len() == 32 && domain_id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(f["namespace"], PROJECT);
    assert_eq!(f["project_name"], REGION);
    assert_eq!(f["package"], "default");
    assert_eq!(f["runtime"], "Python3.9");
    assert_eq!(f["handler"], "index.handler");
    assert_eq!(f["memory_size"], 128);
    assert_eq!(f["cpu"], 300);
    assert_eq!(f["timeout"], 30);
    assert_eq!(f["code_type"], "inline");
    assert_eq!(f["code_size"], 8);
    assert_eq!(f["digest"], json!(sha512_hex(b"print(1)")));
    assert_eq!(f["version"], "latest");
    assert!(f["image_name"].as_str().unwrap().starts_with("latest-"));
    assert!(
        is_rfc3339(f["last_modified"].as_str().unwrap()),
        "{}",
        f["last_modified"]
    );
    assert!(f["last_modified_utc"].as_i64().unwrap() > 1_700_000_000);
    assert_eq!(
        f["strategy_config"],
        json!({"concurrency": -1, "concurrent_num": 1})
    );
    assert_eq!(f["type"], "v2");
    assert_eq!(f["func_code"], json!({}));
    // Echoed as sent; `log_config` comes back as the ids it binds.
    assert_eq!(f["description"], "says hello");
    assert_eq!(f["user_data"], "{\"GREETING\":\"hi\"}");
    assert_eq!(f["xrole"], "fgs-agency");
    assert_eq!(
        f["func_vpc"],
        json!({"vpc_id": "vpc-1", "subnet_id": "subnet-1"})
    );
    assert_eq!(
        (&f["log_group_id"], &f["log_stream_id"]),
        (&json!("lg-1"), &json!("ls-1"))
    );
    assert_eq!(
        keys(&f),
        [
            "code_size",
            "code_type",
            "cpu",
            "description",
            "digest",
            "domain_id",
            "func_code",
            "func_id",
            "func_name",
            "func_urn",
            "func_vpc",
            "handler",
            "image_name",
            "last_modified",
            "last_modified_utc",
            "log_group_id",
            "log_stream_id",
            "memory_size",
            "namespace",
            "package",
            "project_name",
            "resource_id",
            "runtime",
            "strategy_config",
            "timeout",
            "type",
            "user_data",
            "version",
            "xrole",
        ]
    );

    // GetMetadata answers the same object.
    let got = client
        .get(&format!("/functions/{}:latest/config", urn("hello")))
        .expect(200);
    assert_eq!(got, f);
}

#[test]
fn create_validates_like_the_service() {
    let emu = emulator();
    let client = Client::token(&emu);
    let big_inline = BASE64.encode(vec![b'#'; 10 * 1024 + 1]);
    let cases: Vec<(Value, u16, &str)> = vec![
        (json!({"func_name": "9lives"}), 400, "FSS.1002"),
        (json!({"func_name": "ends-with-dash-"}), 400, "FSS.1002"),
        (json!({"func_name": "x".repeat(61)}), 400, "FSS.1002"),
        (json!({"handler": "nodot"}), 400, "FSS.1003"),
        (json!({"package": "a/b"}), 400, "FSS.1004"),
        (json!({"runtime": "Python4.0"}), 400, "FSS.1005"),
        (json!({"code_type": "rar"}), 400, "FSS.1006"),
        (json!({"memory_size": 129}), 400, "FSS.1007"),
        (json!({"timeout": 2}), 400, "FSS.1008"),
        (json!({"timeout": 259_201}), 400, "FSS.1008"),
        (json!({"user_data": "not json"}), 400, "FSS.1009"),
        (json!({"description": "d".repeat(513)}), 400, "FSS.1019"),
        (json!({"func_code": {"file": ""}}), 400, "FSS.1012"),
        (json!({"func_code": null}), 400, "FSS.1012"),
        (json!({"func_code": {"file": "***"}}), 400, "FSS.1011"),
        (json!({"code_type": "obs"}), 400, "FSS.1010"),
        (json!({"func_code": {"file": big_inline}}), 413, "FSS.1072"),
        (json!({"timeout": "30"}), 400, "FSS.0400"),
        (json!({"memory_size": null}), 400, "FSS.0400"),
    ];
    for (overrides, status, code) in cases {
        let mut body = create_body("validated");
        for (k, v) in overrides.as_object().unwrap() {
            body[k] = v.clone();
        }
        let answer = client.post("/functions", &body);
        answer.assert_error(status, code);
    }
    let mut no_handler = create_body("validated");
    no_handler.as_object_mut().unwrap().remove("handler");
    let message = client
        .post("/functions", &no_handler)
        .assert_error(400, "FSS.0400");
    assert!(message.contains("`handler`"), "{message}");

    let twenty_one: serde_json::Map<String, Value> =
        (0..21).map(|i| (format!("VAR{i}"), json!("x"))).collect();
    let mut body = create_body("validated");
    body["user_data"] = json!(serde_json::to_string(&twenty_one).unwrap());
    client
        .post("/functions", &body)
        .assert_error(400, "FSS.1017");
    body["user_data"] = json!(serde_json::to_string(&json!({"BIG": "x".repeat(4100)})).unwrap());
    client
        .post("/functions", &body)
        .assert_error(400, "FSS.1018");

    // Malformed and non-object bodies.
    let raw = |body: &[u8]| {
        client.raw(
            "POST",
            &format!("/v2/{PROJECT}/fgs/functions"),
            &[],
            body.to_vec(),
        )
    };
    raw(b"{\"func_name\": ").assert_error(400, "FSS.0406");
    raw(b"[1, 2]").assert_error(400, "FSS.0406");
    raw(b"\xff\xfe\x00").assert_error(400, "FSS.0406");
    raw(b"").assert_error(400, "FSS.0406");

    // None of the rejected bodies created anything.
    assert!(emu.snapshot().functions.is_empty());
    client.create_function("validated");
    let message = client
        .post("/functions", &create_body("validated"))
        .assert_error(409, "FSS.1061");
    assert!(message.contains("validated"), "{message}");
}

#[test]
fn create_accepts_zip_obs_and_custom_image_code() {
    let emu = emulator();
    let client = Client::signed(&emu);
    let zip = b"PK\x03\x04 pretend zip".to_vec();
    let mut body = create_body("zipped");
    body["code_type"] = json!("zip");
    body["code_filename"] = json!("index.zip");
    body["func_code"] = json!({"file": BASE64.encode(&zip)});
    let f = client.post("/functions", &body).expect(200);
    assert_eq!(
        (f["code_size"].as_u64(), f["digest"].as_str()),
        (Some(zip.len() as u64), Some(sha512_hex(&zip).as_str()))
    );
    assert_eq!(f["code_filename"], "index.zip");
    body["func_name"] = json!("zipped-no-name");
    body.as_object_mut().unwrap().remove("code_filename");
    client
        .post("/functions", &body)
        .assert_error(400, "FSS.0400");

    let mut obs = create_body("from-obs");
    obs["code_type"] = json!("obs");
    obs["code_url"] = json!("https://bucket.obs.cn-north-4.myhuaweicloud.com/code.zip");
    obs.as_object_mut().unwrap().remove("func_code");
    let f = client.post("/functions", &obs).expect(200);
    assert_eq!(
        (f["code_type"].as_str(), f["code_size"].as_u64()),
        (Some("obs"), Some(0))
    );
    let code = client.get("/functions/from-obs/code").expect(200);
    assert_eq!(code["func_code"]["link"], obs["code_url"]);

    let image = json!({
        "func_name": "imaged", "package": "default", "runtime": "Custom Image",
        "handler": "-", "memory_size": 512, "timeout": 60,
        "custom_image": {"enabled": true, "image": "swr.cn-north-4.myhuaweicloud.com/ns/app:1"},
    });
    let f = client.post("/functions", &image).expect(200);
    assert_eq!(f["code_type"], "Custom-Image-Swr");
    assert_eq!(f["cpu"], 600);
    assert_eq!(f["custom_image"], image["custom_image"]);
}

#[test]
fn every_urn_form_reaches_the_function() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("hello");
    let full = urn("hello");
    let forms = [
        (full.clone(), full.clone()),
        (format!("{full}:latest"), format!("{full}:latest")),
        (full.replace(':', "%3A"), full.clone()),
        (format!("{full}%3Alatest"), format!("{full}:latest")),
        ("hello".to_owned(), full.clone()),
        ("default:hello".to_owned(), full.clone()),
        (format!("{PROJECT}:default:hello"), full.clone()),
        (
            format!("{PROJECT}:default:hello:latest"),
            format!("{full}:latest"),
        ),
    ];
    for (form, expected_urn) in forms {
        let f = client.get(&format!("/functions/{form}/config")).expect(200);
        assert_eq!(f["func_urn"], json!(expected_urn), "{form}");
        assert_eq!(f["version"], "latest");
    }
    client
        .get("/functions/nope/config")
        .assert_error(404, "FSS.1051");
    client
        .get("/functions/other:hello/config")
        .assert_error(404, "FSS.1051");
    client
        .get("/functions/hello%2Fx/config")
        .assert_error(404, "FSS.1051");
    client
        .get(&format!("/functions/{full}:v9/config"))
        .assert_error(404, "FSS.1052");
    client
        .get(&format!("/functions/{full}:!prod/config"))
        .assert_error(404, "FSS.1053");
    client
        .get(&format!("/functions/{full}%3A%21prod/config"))
        .assert_error(404, "FSS.1053");
    client
        .get("/functions/a::b/config")
        .assert_error(400, "FSS.0400");
    client
        .get("/functions/ffffffffffffffffffffffffffffffff:default:hello/config")
        .assert_error(403, "FSS.0403");
}

#[test]
fn list_pages_with_marker_and_maxitems_and_filters() {
    let emu = emulator();
    let client = Client::token(&emu);
    for name in ["alpha", "beta", "gamma", "delta"] {
        client.create_function(name);
    }
    let mut other = create_body("alpha");
    other["package"] = json!("tools");
    client.post("/functions", &other).expect(200);

    let all = client.get("/functions").expect(200);
    assert_eq!(keys(&all), ["count", "functions", "next_marker"]);
    assert_eq!(
        (all["count"].as_u64(), all["next_marker"].as_u64()),
        (Some(5), Some(5))
    );
    let names: Vec<(&str, &str)> = all["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["package"].as_str().unwrap(),
                f["func_name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("default", "alpha"),
            ("default", "beta"),
            ("default", "gamma"),
            ("default", "delta"),
            ("tools", "alpha")
        ]
    );
    let item = &all["functions"][0];
    assert_eq!(
        item["func_urn"],
        json!(urn("alpha")),
        "list items carry no qualifier"
    );
    assert!(item.get("func_id").is_none());
    assert!(item["resource_id"].as_str().unwrap().ends_with(":alpha"));
    assert_eq!(item["version"], "latest");

    let page = client.get("/functions?marker=1&maxitems=2").expect(200);
    let names: Vec<&str> = page["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["func_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["beta", "gamma"]);
    assert_eq!(
        (page["next_marker"].as_u64(), page["count"].as_u64()),
        (Some(3), Some(5))
    );
    let last = client.get("/functions?marker=4&maxitems=2").expect(200);
    assert_eq!(last["functions"].as_array().unwrap().len(), 1);
    assert_eq!(last["next_marker"], 5);
    let past = client.get("/functions?marker=9").expect(200);
    assert_eq!(
        (
            past["functions"].as_array().unwrap().len(),
            past["next_marker"].as_u64()
        ),
        (0, Some(9))
    );

    let tools = client.get("/functions?package_name=tools").expect(200);
    assert_eq!(
        (
            tools["count"].as_u64(),
            tools["functions"][0]["package"].as_str()
        ),
        (Some(1), Some("tools"))
    );
    let fuzzy = client.get("/functions?func_name=ALP").expect(200);
    assert_eq!(fuzzy["count"], 2);
    let both = client
        .get("/functions?func_name=a&package_name=default&maxitems=400")
        .expect(200);
    assert_eq!(
        both["count"], 4,
        "alpha, beta, gamma, delta all contain `a`"
    );

    // As documented: 0 and above 400 mean the default page, 400.
    for default in ["maxitems=0", "maxitems=401"] {
        let page = client.get(&format!("/functions?{default}")).expect(200);
        assert_eq!(
            page["functions"].as_array().map(Vec::len),
            Some(5),
            "{default}"
        );
    }
    for bad in ["maxitems=-1", "maxitems=ten", "marker=-1", "marker=x"] {
        client
            .get(&format!("/functions?{bad}"))
            .assert_error(400, "FSS.1001");
    }
}

#[test]
fn get_code_returns_the_package_in_base64_with_a_link() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("hello");
    let code = client
        .get(&format!("/functions/{}/code", urn("hello")))
        .expect(200);
    assert_eq!(
        code["func_urn"],
        json!(urn("hello")),
        "the qualifier asked for: none"
    );
    assert_eq!(code["func_name"], "hello");
    assert_eq!(code["runtime"], "Python3.9");
    assert_eq!(code["code_type"], "inline");
    assert_eq!(code["code_size"], 8);
    assert_eq!(code["digest"], json!(sha512_hex(b"print(1)")));
    assert_eq!(code["func_code"]["file"], "cHJpbnQoMSk=");
    let link = code["func_code"]["link"].as_str().unwrap();
    assert!(
        link.starts_with("https://") && link.contains("/default/hello/latest/"),
        "{link}"
    );
    assert!(is_rfc3339(code["last_modified"].as_str().unwrap()));
    assert_eq!(code["strategy_config"]["concurrency"], -1);
    assert_eq!(
        (&code["depend_version_list"], &code["dependencies"]),
        (&json!([]), &json!([]))
    );
    client
        .get(&format!("/functions/{}:v1/code", urn("hello")))
        .assert_error(404, "FSS.1052");
    client
        .get("/functions/ghost/code")
        .assert_error(404, "FSS.1051");
}

#[test]
fn update_code_replaces_latest_code() {
    let emu = emulator();
    let client = Client::signed(&emu);
    let created = client.create_function("hello");
    let new_code = b"def handler(event, context):\n    return 'v2'\n";
    let layer = client
        .post(
            "/dependencies/version",
            &json!({"depend_type": "obs", "name": "words", "runtime": "Python3.9",
                    "depend_link": "https://bucket.obs.example/words.zip"}),
        )
        .expect(200);
    let layer_id = layer["id"].as_str().unwrap().to_owned();
    let unknown = json!({"code_type": "inline", "func_code": {"file": BASE64.encode(new_code)}, "depend_version_list": ["dep-1"]});
    client
        .put(
            &format!("/functions/{}:latest/code", urn("hello")),
            &unknown,
        )
        .assert_error(404, "FSS.1056");
    let body = json!({"code_type": "inline", "func_code": {"file": BASE64.encode(new_code)}, "depend_version_list": [layer_id]});
    let answer = client
        .put(&format!("/functions/{}:latest/code", urn("hello")), &body)
        .expect(200);
    assert_eq!(
        answer["func_urn"],
        json!(format!("{}:latest", urn("hello")))
    );
    assert_eq!(answer["code_size"], new_code.len());
    assert_eq!(answer["digest"], json!(sha512_hex(new_code)));
    assert_eq!(answer["func_code"]["file"], json!(BASE64.encode(new_code)));
    assert_eq!(answer["depend_version_list"], json!([layer_id]));
    let code = client.get("/functions/hello/code").expect(200);
    assert_eq!(code["dependencies"][0]["name"], "words");
    let meta = client.get("/functions/hello/config").expect(200);
    assert_eq!(meta["digest"], json!(sha512_hex(new_code)));
    assert_ne!(meta["image_name"], created["image_name"]);
    assert_eq!(
        emu.snapshot()
            .function("default", "hello")
            .unwrap()
            .latest
            .code,
        &new_code[..]
    );

    let path = "/functions/hello/code";
    client
        .put(path, &json!({"func_code": {"file": "eA=="}}))
        .assert_error(400, "FSS.0400");
    client
        .put(path, &json!({"code_type": "inline"}))
        .assert_error(400, "FSS.1012");
    client
        .put(
            path,
            &json!({"code_type": "inline", "func_code": {"file": "!!"}}),
        )
        .assert_error(400, "FSS.1011");
    client
        .put(
            path,
            &json!({"code_type": "exe", "func_code": {"file": "eA=="}}),
        )
        .assert_error(400, "FSS.1006");
    let big = BASE64.encode(vec![b'x'; 20 * 1024]);
    client
        .put(
            path,
            &json!({"code_type": "inline", "func_code": {"file": big}}),
        )
        .assert_error(413, "FSS.1072");
    client.call("PUT", path, None).assert_error(400, "FSS.0406");
    client
        .put(&format!("/functions/{}:v1/code", urn("hello")), &body)
        .assert_error(400, "FSS.0400");
    client
        .put("/functions/ghost/code", &body)
        .assert_error(404, "FSS.1051");
    // A zip update needs its file name.
    let zip = json!({"code_type": "zip", "func_code": {"file": "UEsDBA=="}});
    client.put(path, &zip).assert_error(400, "FSS.0400");
}

#[test]
fn update_metadata_replaces_the_fields_sent() {
    let emu = emulator();
    let client = Client::token(&emu);
    let mut body = create_body("hello");
    body["xrole"] = json!("agency");
    body["description"] = json!("first");
    client.post("/functions", &body).expect(200);
    let update = json!({
        "func_name": "hello", "runtime": "Python3.9", "handler": "main.run",
        "memory_size": 256, "timeout": 60, "description": null,
        "user_data": "{\"MODE\":\"prod\"}", "package": "ignored", "code_type": "zip",
        "strategy_config": {"concurrency": 10, "concurrent_num": 5},
    });
    let f = client
        .put(&format!("/functions/{}/config", urn("hello")), &update)
        .expect(200);
    assert_eq!(f["func_urn"], json!(urn("hello")));
    assert_eq!(
        (
            f["handler"].as_str(),
            f["memory_size"].as_u64(),
            f["timeout"].as_u64()
        ),
        (Some("main.run"), Some(256), Some(60))
    );
    assert_eq!(f["cpu"], 400);
    assert_eq!(f["user_data"], "{\"MODE\":\"prod\"}");
    assert_eq!(
        f["strategy_config"],
        json!({"concurrency": 10, "concurrent_num": 5})
    );
    assert_eq!(f["xrole"], "agency", "fields not sent are kept");
    assert!(f.get("description").is_none(), "null removes a field");
    assert_eq!(
        (f["package"].as_str(), f["code_type"].as_str()),
        (Some("default"), Some("inline"))
    );
    assert_eq!(
        f["digest"],
        json!(sha512_hex(b"print(1)")),
        "the code is untouched"
    );
    assert_eq!(
        client.get("/functions/hello/config").expect(200)["handler"],
        "main.run"
    );

    let path = "/functions/hello/config";
    let with = |k: &str, v: Value| {
        let mut b = update.clone();
        b[k] = v;
        b
    };
    client
        .put(path, &with("runtime", json!("Node.js18.15")))
        .assert_error(400, "FSS.1005");
    client
        .put(path, &with("func_name", json!("other")))
        .assert_error(400, "FSS.1002");
    client
        .put(path, &with("memory_size", json!(100)))
        .assert_error(400, "FSS.1007");
    client
        .put(path, &with("timeout", json!(1)))
        .assert_error(400, "FSS.1008");
    client
        .put(path, &with("handler", json!("x")))
        .assert_error(400, "FSS.1003");
    client
        .put(path, &with("strategy_config", json!({"concurrency": 5000})))
        .assert_error(400, "FSS.1026");
    let mut missing = update.clone();
    missing.as_object_mut().unwrap().remove("runtime");
    assert!(
        client
            .put(path, &missing)
            .assert_error(400, "FSS.0400")
            .contains("`runtime`")
    );
    client
        .put("/functions/ghost/config", &update)
        .assert_error(404, "FSS.1051");
}

#[test]
fn delete_removes_the_whole_function() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("doomed");
    client.create_function("kept");
    client.publish_with_alias("doomed", "v1", "prod");
    client
        .post("/triggers/doomed", &timer_body("tick"))
        .expect(201);

    client
        .delete(&format!("/functions/{}:latest", urn("doomed")))
        .assert_error(400, "FSS.0400");
    let answer = client.delete(&format!("/functions/{}", urn("doomed")));
    assert_eq!((answer.status, answer.body.len()), (204, 0));
    client
        .get("/functions/doomed/config")
        .assert_error(404, "FSS.1051");
    client.get("/triggers/doomed").assert_error(404, "FSS.1051");
    client
        .delete("/functions/doomed")
        .assert_error(404, "FSS.1051");
    let snapshot = emu.snapshot();
    assert_eq!(snapshot.functions.len(), 1);
    assert_eq!(snapshot.functions[0].name, "kept");
    // The name is free again.
    client.create_function("doomed");
}
