//! 16 threads × 200 mixed operations on distinct functions; afterwards the state (via
//! `snapshot()` and via List) holds exactly what was created and not deleted.

mod common;

use std::collections::BTreeSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::*;
use serde_json::json;

const THREADS: usize = 16;
/// Ten operations per function, twenty functions per thread: 200 operations.
const FUNCTIONS_PER_THREAD: usize = 20;

fn deleted(i: usize) -> bool {
    i.is_multiple_of(3)
}

/// Runs the ten operations of one function, checking each answer.
fn lifecycle(client: &Client, name: &str, i: usize) {
    client.create_function(name);
    let code = format!("print({i})");
    client
        .put(
            &format!("/functions/{name}/code"),
            &json!({"code_type": "inline", "func_code": {"file": BASE64.encode(&code)}}),
        )
        .expect(200);
    let config = json!({"runtime": "Python3.9", "handler": "index.handler", "memory_size": 256, "timeout": 30});
    client
        .put(&format!("/functions/{name}/config"), &config)
        .expect(200);
    client
        .post(
            &format!("/functions/{name}/versions"),
            &json!({"version": "v1"}),
        )
        .expect(200);
    client
        .post(
            &format!("/functions/{name}/aliases"),
            &json!({"name": "live", "version": "v1"}),
        )
        .expect(200);
    let echoed = client
        .post(
            &format!("/functions/{}:!live/invocations", urn(name)),
            &json!({"i": i}),
        )
        .expect(200);
    assert_eq!(echoed, json!({"i": i}));
    client
        .post(
            &format!("/triggers/{name}"),
            &timer_body(&format!("tick-{i}")),
        )
        .expect(201);
    let meta = client.get(&format!("/functions/{name}/config")).expect(200);
    assert_eq!(
        (meta["memory_size"].as_u64(), meta["digest"].as_str()),
        (Some(256), Some(sha512_hex(code.as_bytes()).as_str()))
    );
    assert_eq!(
        client
            .get(&format!("/triggers/{name}"))
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    if deleted(i) {
        assert_eq!(client.delete(&format!("/functions/{name}")).status, 204);
    } else {
        client
            .post(
                &format!("/functions/{name}/versions"),
                &json!({"version": "v2"}),
            )
            .expect(200);
    }
}

#[test]
fn mixed_operations_from_many_threads_leave_a_consistent_state() {
    let emu = emulator();
    std::thread::scope(|scope| {
        for t in 0..THREADS {
            let emu = &emu;
            scope.spawn(move || {
                let client = if t.is_multiple_of(2) {
                    Client::signed(emu)
                } else {
                    Client::token(emu)
                };
                for i in 0..FUNCTIONS_PER_THREAD {
                    lifecycle(&client, &format!("t{t}-f{i}"), i);
                }
            });
        }
    });

    let expected: BTreeSet<String> = (0..THREADS)
        .flat_map(|t| {
            (0..FUNCTIONS_PER_THREAD)
                .filter(|i| !deleted(*i))
                .map(move |i| format!("t{t}-f{i}"))
        })
        .collect();
    assert_eq!(expected.len(), 208);

    let snapshot = emu.snapshot();
    let names: BTreeSet<String> = snapshot.functions.iter().map(|f| f.name.clone()).collect();
    assert_eq!(names, expected);
    for f in &snapshot.functions {
        let i: usize = f.name.rsplit_once("-f").unwrap().1.parse().unwrap();
        let versions: Vec<&str> = f.versions.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(versions, ["v1", "v2"], "{}", f.name);
        assert_eq!(f.aliases.len(), 1);
        assert_eq!(
            (f.aliases[0].name.as_str(), f.aliases[0].version.as_str()),
            ("live", "v1")
        );
        assert_eq!(f.triggers.len(), 1);
        assert_eq!(f.triggers[0].event_data["name"], json!(format!("tick-{i}")));
        assert_eq!(&f.latest.code[..], format!("print({i})").as_bytes());
        assert_eq!(f.latest.metadata["memory_size"], 256);
    }

    // The same set through List, in pages of 100.
    let client = Client::token(&emu);
    let mut listed = Vec::new();
    let mut marker = 0;
    loop {
        let page = client
            .get(&format!("/functions?marker={marker}&maxitems=100"))
            .expect(200);
        assert_eq!(page["count"], 208);
        let items = page["functions"].as_array().unwrap();
        if items.is_empty() {
            break;
        }
        listed.extend(
            items
                .iter()
                .map(|f| f["func_name"].as_str().unwrap().to_owned()),
        );
        marker = page["next_marker"].as_u64().unwrap();
    }
    assert_eq!(listed.len(), 208, "no duplicates across pages");
    assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), expected);
}
