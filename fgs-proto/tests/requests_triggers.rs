//! Request snapshots of the trigger operations: each signed with a token, Create once
//! per typed event-data view, with every field set, and raw.
//! (The minimal AK/SK-signed request of every operation is snapshotted by `registry.rs`,
//! from the fixtures in `common/fixtures.rs`.)

mod common;

use common::fixtures::TRIGGER_ID;
use common::{PROJECT, URN, aksk_config, render, token_config};
use fgs_proto::model::{
    ApigAuth, ApigEventData, ApigMatchMode, ApigProtocol, ApigRequestMethod, ApigTriggerFuncInfo,
    CtsEventData, DisEventData, DmsEventData, InvocationType, KafkaEventData, LtsEventData,
    ObsEventData, PollingUnit, ShardIteratorType, SmnEventData, TimerEventData, TriggerStatus,
    TypedEventData,
};
use fgs_proto::triggers::{Create, Delete, DeleteAll, Get, List};

#[test]
fn list_token() {
    insta::assert_snapshot!(render(&List::new(URN), &token_config()));
}

#[test]
fn get_token() {
    let op = Get::new(URN, "APIG", TRIGGER_ID);
    insta::assert_snapshot!(render(&op, &token_config()));
}

#[test]
fn delete_token() {
    let op = Delete::new(URN, "KAFKA", TRIGGER_ID);
    insta::assert_snapshot!(render(&op, &token_config()));
}

#[test]
fn delete_all_token() {
    let alias = format!("urn:fss:cn-north-4:{PROJECT}:function:default:hello:!prod");
    insta::assert_snapshot!(render(&DeleteAll::new(alias), &token_config()));
}

#[test]
fn create_timer_all_fields() {
    let op = Create::new(
        URN,
        TimerEventData::cron("nightly", "CRON_TZ=Asia/Shanghai 0 0 2 * * ?")
            .with_user_event("nightly run"),
    )
    .trigger_status(TriggerStatus::Disabled)
    .event_type_code("MessageCreated");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_timer_token() {
    let op = Create::new(URN, TimerEventData::rate("Timer-l8v2", "3m"))
        .trigger_status(TriggerStatus::Active);
    insta::assert_snapshot!(render(&op, &token_config()));
}

fn apig() -> ApigEventData {
    let mut func_info = ApigTriggerFuncInfo::new(5000);
    func_info.invocation_type = Some(InvocationType::Sync);
    func_info.version = Some("latest".into());
    ApigEventData::new(
        "API_test_function",
        "318b09eb214a41488c667ecd51667e3x",
        "/test_gxz_v1_billing",
        ApigAuth::NoAuth,
        func_info,
    )
    .with_sl_domain("318b09eb214a41488c667ecd51667e3x.apig.cn-north-4.example.com")
}

#[test]
fn create_apig() {
    let op = Create::new(URN, apig()).trigger_status(TriggerStatus::Active);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_apig_all_fields() {
    let data = apig()
        .with_environment("env-1", "TEST")
        .with_protocol(ApigProtocol::Http)
        .with_req_method(ApigRequestMethod::Post)
        .with_match_mode(ApigMatchMode::Exact)
        .with_api_type(2)
        .with_group_name("APIGroup_2mbe")
        .with_instance_id("apig-instance-1");
    let op = Create::new(URN, data);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_dedicated_gateway() {
    let data = apig().with_instance_id("apig-instance-1");
    let op = Create::new(URN, TypedEventData::DedicatedGateway(data));
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_obs() {
    let data = ObsEventData::new("input-picture2", ["s3:ObjectCreated:*"])
        .with_name("obs-event-1ec7")
        .with_prefix("in/")
        .with_suffix(".png");
    insta::assert_snapshot!(render(&Create::new(URN, data), &aksk_config()));
}

#[test]
fn create_smn() {
    let data = SmnEventData::new(format!("urn:smn:cn-north-4:{PROJECT}:Failed_times"));
    insta::assert_snapshot!(render(&Create::new(URN, data), &aksk_config()));
}

#[test]
fn create_kafka() {
    let data = KafkaEventData::new(
        "86ad3efc-c019-460e-91e7-317b1a89f95x",
        ["PUSH_TOKEN_RECORD"],
        100,
    )
    .with_sasl_ssl("kafka-user", "kafka-pass")
    .with_connect_address("192.168.0.10:9093");
    let op = Create::new(URN, data).trigger_status(TriggerStatus::Disabled);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_dis() {
    let data = DisEventData::new("stream-1", ShardIteratorType::TrimHorizon, false)
        .with_polling(500, PollingUnit::Milliseconds)
        .with_batch_size(1000)
        .with_max_fetch_bytes(2_097_152);
    insta::assert_snapshot!(render(&Create::new(URN, data), &aksk_config()));
}

#[test]
fn create_dms() {
    let data = DmsEventData::new("queue-1", "group-1").with_polling_interval(10);
    insta::assert_snapshot!(render(&Create::new(URN, data), &aksk_config()));
}

#[test]
fn create_lts() {
    let data = LtsEventData::new(
        "ccd3fa30-7c86-4590-8a9d-000000000000",
        "5b4944dd-9603-481d-9b91-000000000000",
    );
    insta::assert_snapshot!(render(&Create::new(URN, data), &aksk_config()));
}

#[test]
fn create_cts() {
    let data = CtsEventData::new(["FunctionGraph:Functions:createFunction;deleteFunction"])
        .with_name("cts-audit");
    insta::assert_snapshot!(render(&Create::new(URN, data), &aksk_config()));
}

#[test]
fn create_raw_rabbitmq() {
    let serde_json::Value::Object(data) = serde_json::json!({
        "instance_id": "rabbit-1",
        "exchange_name": "ex",
        "vhost": "/",
        "access_user": "u",
        "access_password": "p",
        "batch_size": 10,
        "future_field": {"nested": true},
    }) else {
        unreachable!()
    };
    let op = Create::raw(URN, "RABBITMQ", data).trigger_status(TriggerStatus::Active);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn update_all_fields() {
    use fgs_proto::triggers::{Update, UpdateEventData};
    let mut change = UpdateEventData::new();
    change.is_serial = Some(true);
    change.max_fetch_bytes = Some(4096);
    change.polling_interval = Some(30);
    change.polling_unit = Some(PollingUnit::Milliseconds);
    change
        .extra
        .insert("batch_size".into(), serde_json::json!(50));
    let mut op = Update::new(URN, "DIS", TRIGGER_ID)
        .trigger_status(TriggerStatus::Active)
        .event_data(change);
    op.body_mut()
        .extra
        .insert("future".into(), serde_json::json!("x"));
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
