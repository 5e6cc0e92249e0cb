//! Request snapshots of Invoke and AsyncInvoke: every option set (AK/SK), and with a
//! token.
//! (The minimal AK/SK-signed request of every operation is snapshotted by `registry.rs`,
//! from the fixtures in `common/fixtures.rs`.)

mod common;

use common::{URN, aksk_config, render, token_config};
use fgs_proto::functions::{AsyncInvoke, Invoke};
use fgs_proto::model::ResponseVersion;

fn event() -> serde_json::Value {
    serde_json::json!({"name": "test_name", "path": "/test"})
}

#[test]
fn invoke_all_fields() {
    let op = Invoke::new(URN)
        .event(&event())
        .unwrap()
        .tail_log(true)
        .response_version(ResponseVersion::V1)
        .instance_memory(512);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn invoke_raw_event_token() {
    let op = Invoke::new(URN)
        .raw_event(br#"{"k": "v"}"#.to_vec())
        .response_version(ResponseVersion::V0);
    insta::assert_snapshot!(render(&op, &token_config()));
}

#[test]
fn async_invoke_all_fields() {
    let op = AsyncInvoke::new(URN)
        .event(&event())
        .unwrap()
        .instance_memory(10240);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn async_invoke_token() {
    let op = AsyncInvoke::new(URN).event(&event()).unwrap();
    insta::assert_snapshot!(render(&op, &token_config()));
}
