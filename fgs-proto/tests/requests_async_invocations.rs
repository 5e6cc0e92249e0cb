//! Request snapshots of the async invocation operations beyond the minimal ones (which
//! `registry.rs` snapshots from the fixtures): every field set, signed with AK/SK at a
//! fixed time. ListActive's request ids go out as one comma-joined parameter.

mod common;

use common::fixtures::{ASYNC_REQUEST_ID, BASE_URN, URN};
use common::{aksk_config, render};
use fgs_proto::async_invocations::{
    Cancel, CancelType, InvocationStatus, List, ListActive, ListConfigs, UpdateConfig,
};
use fgs_proto::model::{DestinationType, FuncAsyncDestinationConfig, FuncDestinationConfig};

#[test]
fn update_config_all_fields() {
    let op = UpdateConfig::new(URN)
        .max_async_event_age_in_seconds(600)
        .max_async_retry_attempts(3)
        .destination_config(
            FuncAsyncDestinationConfig::new()
                .on_success(FuncDestinationConfig::function(
                    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:audit:latest",
                ))
                .on_failure(FuncDestinationConfig::new(
                    DestinationType::Obs,
                    &serde_json::json!({"bucket": "fgs-invoke", "prefix": "/hello/", "expires": 1}),
                )),
        )
        .enable_async_status_log(true)
        .status_log(
            "93bf491-0000-0000-0000-65020480d9c8",
            "lts-group-hello",
            "4b720781-0000-0000-0000-101b6221c2b0",
            "lts-topic-hello",
        );
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_configs_all_fields() {
    let op = ListConfigs::new(BASE_URN).marker("10").limit(5);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_all_fields() {
    let op = List::new(URN)
        .request_id(ASYNC_REQUEST_ID)
        .marker("100")
        .limit(50)
        .status(InvocationStatus::Fail)
        .query_begin_time("2021-01-01T12:00:00")
        .query_end_time("2021-01-01T14:00:00");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_active_all_fields() {
    let op = ListActive::new(URN)
        .requests([ASYNC_REQUEST_ID, "b59a2a6f-b881-4161-9c86-97e377aee049"])
        .marker("0")
        .limit(10)
        .status(InvocationStatus::Wait)
        .query_begin_time("2021-01-01T12:00:00")
        .query_end_time("2021-01-01T14:00:00");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn cancel_all_fields() {
    let op = Cancel::new(URN, ASYNC_REQUEST_ID).kind(CancelType::Force);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
