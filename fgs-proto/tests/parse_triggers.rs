//! Parsing the answers of the trigger operations: OAS examples, minimal and odd-but-legal
//! bodies, unknown fields, typed event-data views, empty 204s and every error shape.

mod common;
mod error_shapes;

use common::{URN, oas_example, response};
use fgs_proto::model::{
    ApigAuth, ApigMatchMode, ApigProtocol, ApigRequestMethod, InvocationType, ScheduleType,
    Trigger, TriggerStatus, TriggerType, TypedEventData,
};
use fgs_proto::triggers::{Create, Delete, DeleteAll, Get, List};
use fgs_proto::{Error, Operation};

fn get() -> Get {
    Get::new(
        URN,
        TriggerType::Timer,
        "9a14fae1-78cf-4185-ac7a-429eb6dc41fb",
    )
}

fn parse_trigger(body: &str) -> Trigger {
    get().response(response(200, &[], body)).unwrap()
}

#[test]
fn list_oas_example_is_an_apig_trigger() {
    let triggers = List::new(URN)
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionTriggers", "200"),
        ))
        .unwrap();
    assert_eq!(triggers.len(), 1);
    let t = &triggers[0];
    assert_eq!(
        t.trigger_id.as_deref(),
        Some("1b3b264db3b849118d007884b9bc8a60")
    );
    assert_eq!(t.trigger_type_code, Some(TriggerType::Apig));
    assert_eq!(t.trigger_status, Some(TriggerStatus::Active));
    assert_eq!(t.created_time.as_deref(), Some("2019-08-09T10:42:07+08:00"));
    assert_eq!(
        t.last_updated_time.as_deref(),
        Some("2019-08-09T10:42:07+08:00")
    );
    assert!(t.extra.is_empty(), "{:?}", t.extra);
    let data = t.event_data.as_ref().unwrap();
    assert!(
        data.extra.is_empty(),
        "every OAS key is modelled: {:?}",
        data.extra
    );

    let Some(TypedEventData::Apig(apig)) = t.typed_event_data() else {
        panic!("{:?}", t.typed_event_data())
    };
    assert_eq!(
        apig.api_id.as_deref(),
        Some("4a59f6a7263c4d1dab3f69c34f98d949")
    );
    assert_eq!(apig.auth, Some(ApigAuth::Iam));
    assert_eq!(apig.protocol, Some(ApigProtocol::Https));
    assert_eq!(apig.req_method, Some(ApigRequestMethod::Any));
    assert_eq!(apig.match_mode, Some(ApigMatchMode::Prefix));
    assert_eq!(apig.api_type, Some(1));
    assert_eq!(
        apig.env_id.as_deref(),
        Some("DEFAULT_ENVIRONMENT_RELEASE_ID")
    );
    assert_eq!(
        apig.triggerid.as_deref(),
        Some("1b3b264db3b849118d007884b9bc8a60")
    );
    assert!(
        apig.invoke_url
            .as_deref()
            .unwrap()
            .ends_with("/test_triggers")
    );
    let func_info = apig.func_info.unwrap();
    assert_eq!(func_info.timeout, Some(5000));
    assert_eq!(func_info.invocation_type, Some(InvocationType::Sync));
    assert_eq!(func_info.version.as_deref(), Some("latest"));
    assert!(func_info.function_urn.unwrap().ends_with(":test_triggers"));
}

#[test]
fn list_empty_null_and_not_an_array() {
    let list = List::new(URN);
    assert!(list.response(response(200, &[], "[]")).unwrap().is_empty());
    assert!(
        list.response(response(200, &[], "null"))
            .unwrap()
            .is_empty()
    );
    match list.response(response(200, &[], r#"{"triggers":[]}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.status(), 200),
        other => panic!("{other:?}"),
    }
    match list.response(response(200, &[], "")) {
        Err(Error::Decode(e)) => assert!(e.message().contains("empty"), "{e}"),
        other => panic!("{other:?}"),
    }
    // One bad item names its index.
    match list.response(response(200, &[], r#"[{}, {"trigger_id": 5}]"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "[1].trigger_id"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn list_items_keep_unknown_fields_and_nulls() {
    let body = r#"[
        {"trigger_id":"a","trigger_type_code":"LTS","event_data":null,"new_top":1},
        {"trigger_id":"b","trigger_type_code":"FUTURE","trigger_status":"PAUSED",
         "event_data":{"name":"x","brand_new":{"deep":[1]}}}
    ]"#;
    let triggers = List::new(URN).response(response(200, &[], body)).unwrap();
    assert_eq!(triggers[0].event_data, None);
    assert_eq!(triggers[0].extra["new_top"], 1);
    // Missing event data reads as the empty view of the type.
    let Some(TypedEventData::Lts(lts)) = triggers[0].typed_event_data() else {
        panic!()
    };
    assert_eq!(lts.log_group_id, None);
    // Unknown type and status are kept; the view is `Other` with the flat data.
    let t = &triggers[1];
    assert_eq!(
        t.trigger_type_code,
        Some(TriggerType::Other("FUTURE".into()))
    );
    assert_eq!(
        t.trigger_status,
        Some(TriggerStatus::Other("PAUSED".into()))
    );
    let Some(TypedEventData::Other(code, data)) = t.typed_event_data() else {
        panic!()
    };
    assert_eq!(code.as_str(), "FUTURE");
    assert_eq!(data.name.as_deref(), Some("x"));
    assert_eq!(data.extra["brand_new"]["deep"][0], 1);
}

#[test]
fn get_oas_example_is_a_timer() {
    let t = parse_trigger(&oas_example("ShowFunctionTrigger", "200"));
    assert_eq!(
        t.trigger_id.as_deref(),
        Some("9a14fae1-78cf-4185-ac7a-429eb6dc41fb")
    );
    assert_eq!(t.trigger_type_code, Some(TriggerType::Timer));
    let Some(TypedEventData::Timer(timer)) = t.typed_event_data() else {
        panic!()
    };
    assert_eq!(timer.name.as_deref(), Some("Timer-cpg3"));
    assert_eq!(timer.schedule.as_deref(), Some("3m"));
    assert_eq!(timer.schedule_type, Some(ScheduleType::Rate));
    assert_eq!(timer.user_event, None);
}

#[test]
fn get_minimal_and_nulls() {
    assert_eq!(parse_trigger("{}"), Trigger::default());
    let t = parse_trigger(
        r#"{"trigger_id":null,"trigger_type_code":null,"trigger_status":null,"event_data":null,
            "created_time":null,"last_updated_time":null}"#,
    );
    assert_eq!(t, Trigger::default());
    // No type code: no typed view.
    assert_eq!(t.typed_event_data(), None);
    // Nulls inside the event data, func_info null too.
    let t = parse_trigger(
        r#"{"trigger_type_code":"APIG","event_data":{"func_info":null,"events":null,"type":null}}"#,
    );
    let Some(TypedEventData::Apig(apig)) = t.typed_event_data() else {
        panic!()
    };
    assert_eq!((apig.func_info, apig.api_type), (None, None));
}

#[test]
fn get_wrong_types_are_decode_errors_naming_the_field() {
    let op = get();
    match op.response(response(200, &[], r#"{"event_data":{"batch_size":"ten"}}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "event_data.batch_size"),
        other => panic!("{other:?}"),
    }
    match op.response(response(200, &[], "[]")) {
        Err(Error::Decode(e)) => assert_eq!(e.status(), 200),
        other => panic!("{other:?}"),
    }
}

#[test]
fn golangsdk_fields_are_read() {
    let t = parse_trigger(
        r#"{"trigger_id":"t","trigger_type_code":"DMS","event_type_code":"MessageCreated","last_error":"queue gone",
            "event_data":{"queue_id":"q","consumer_group_id":"g","polling_interval":30}}"#,
    );
    assert_eq!(t.event_type_code.as_deref(), Some("MessageCreated"));
    assert_eq!(t.last_error.as_deref(), Some("queue gone"));
    let Some(TypedEventData::Dms(dms)) = t.typed_event_data() else {
        panic!()
    };
    assert_eq!(dms.polling_interval, Some(30));
}

#[test]
fn key_encode_and_func_info_round_trip() {
    let data = serde_json::json!({
        "Key_encode": true,
        "channel_id": "c",
        "event_types": ["OBS:CloudTrace:ObjectCreated"],
        "status": "DISABLE",
        "func_info": {"function_urn": "urn:x", "invocation_type": "async", "timeout": 100, "version": "v1", "later": 1},
    });
    let body = serde_json::json!({"trigger_type_code": "EVENTGRID", "event_data": data});
    let t = parse_trigger(&body.to_string());
    let ed = t.event_data.as_ref().unwrap();
    assert_eq!(ed.key_encode, Some(true));
    assert!(
        ed.extra.is_empty(),
        "Key_encode is a field, not extra: {:?}",
        ed.extra
    );
    let fi = ed.func_info.as_ref().unwrap();
    assert_eq!(fi.invocation_type, Some(InvocationType::Async));
    assert_eq!(fi.extra["later"], 1);
    // Serialised back: the same JSON, `Key_encode` with its capital K.
    assert_eq!(serde_json::to_value(&t).unwrap(), body);
    // A lower-case `key_encode` is not the field.
    let t = parse_trigger(r#"{"event_data":{"key_encode":true}}"#);
    let ed = t.event_data.unwrap();
    assert_eq!(ed.key_encode, None);
    assert_eq!(ed.extra["key_encode"], true);
}

#[test]
fn typed_views_of_each_type() {
    let cases = [
        (
            r#"{"trigger_type_code":"OBS","event_data":{"bucket":"b","events":["s3:ObjectCreated:*"],"prefix":"p"}}"#,
            "Obs",
        ),
        (
            r#"{"trigger_type_code":"SMN","event_data":{"topic_urn":"urn:smn:x","subscription_status":"Confirmed"}}"#,
            "Smn",
        ),
        (
            r#"{"trigger_type_code":"DIS","event_data":{"stream_name":"s","is_serial":"false","polling_unit":"ms"}}"#,
            "Dis",
        ),
        (
            r#"{"trigger_type_code":"KAFKA","event_data":{"instance_id":"i","topic_ids":["t"],"batch_size":100}}"#,
            "Kafka",
        ),
        (
            r#"{"trigger_type_code":"LTS","event_data":{"log_group_id":"g","log_topic_id":"t"}}"#,
            "Lts",
        ),
        (
            r#"{"trigger_type_code":"CTS","event_data":{"name":"n","operations":["a:b:c"]}}"#,
            "Cts",
        ),
        (
            r#"{"trigger_type_code":"DMS","event_data":{"queue_id":"q"}}"#,
            "Dms",
        ),
        (
            r#"{"trigger_type_code":"DEDICATEDGATEWAY","event_data":{"name":"api","instance_id":"i"}}"#,
            "DedicatedGateway",
        ),
        (
            r#"{"trigger_type_code":"DDS","event_data":{"db_name":"d","mode":"Single"}}"#,
            "Other",
        ),
    ];
    for (body, variant) in cases {
        let typed = parse_trigger(body).typed_event_data().unwrap();
        let debug = format!("{typed:?}");
        assert!(
            debug.starts_with(&format!("{variant}(")),
            "{body} -> {debug}"
        );
        // The view keeps exactly what the flat data had for this type.
        let (_, flat) = typed.into_parts();
        let expected: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            serde_json::to_value(&flat).unwrap(),
            expected["event_data"],
            "{body}"
        );
    }
    let t = parse_trigger(r#"{"trigger_type_code":"DIS","event_data":{"is_serial":"TRUE"}}"#);
    let Some(TypedEventData::Dis(dis)) = t.typed_event_data() else {
        panic!()
    };
    assert_eq!(dis.serial(), Some(true));
}

#[test]
fn a_view_drops_the_fields_of_other_types_but_keeps_extra() {
    let t = parse_trigger(
        r#"{"trigger_type_code":"TIMER","event_data":{"name":"t","schedule":"1d","bucket":"b","zz":1}}"#,
    );
    let Some(TypedEventData::Timer(timer)) = t.typed_event_data() else {
        panic!()
    };
    let json = serde_json::to_value(&timer).unwrap();
    assert_eq!(json, serde_json::json!({"name":"t","schedule":"1d","zz":1}));
    // The flat data still has it.
    assert_eq!(t.event_data.unwrap().bucket.as_deref(), Some("b"));
}

#[test]
fn passwords_are_read_but_never_printed() {
    let t = parse_trigger(
        r#"{"trigger_type_code":"KAFKA","event_data":{"kafka_user":"u","kafka_password":"SENTINEL-KAFKA",
            "db_password":"SENTINEL-DB","access_password":"SENTINEL-MQ"}}"#,
    );
    let ed = t.event_data.as_ref().unwrap();
    assert_eq!(
        ed.kafka_password.as_ref().unwrap().expose(),
        "SENTINEL-KAFKA"
    );
    let debug = format!("{t:?} {:?}", t.typed_event_data());
    for sentinel in ["SENTINEL-KAFKA", "SENTINEL-DB", "SENTINEL-MQ"] {
        assert!(!debug.contains(sentinel), "{debug}");
    }
    // The create operation's Debug hides them too.
    let op = Create::new(
        URN,
        fgs_proto::model::KafkaEventData::new("i", ["t"], 1).with_sasl_ssl("u", "SENTINEL-KAFKA"),
    );
    assert!(!format!("{op:?}").contains("SENTINEL-KAFKA"));
}

#[test]
fn create_oas_example_and_any_2xx() {
    let body = oas_example("CreateFunctionTrigger", "201");
    let op = Create::new(
        URN,
        fgs_proto::model::TimerEventData::rate("Timer-cpg3", "3m"),
    );
    let t = op.response(response(201, &[], &body)).unwrap();
    assert_eq!(
        t.trigger_id.as_deref(),
        Some("9a14fae1-78cf-4185-ac7a-429eb6dc41fb")
    );
    assert_eq!(t.trigger_status, Some(TriggerStatus::Active));
    // golangsdk also accepts 202; any 2xx is success.
    let t2 = op.response(response(202, &[], &body)).unwrap();
    assert_eq!(t, t2);
    assert_eq!(
        op.response(response(201, &[], "{}")).unwrap(),
        Trigger::default()
    );
    assert!(!op.idempotent());
}

#[test]
fn create_rejects_empty_codes() {
    let config = common::aksk_config();
    let op = Create::raw(URN, "", serde_json::Map::new());
    match op.request(&config) {
        Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "trigger_type_code"),
        other => panic!("{other:?}"),
    }
    let op = Create::new(URN, fgs_proto::model::SmnEventData::new("t")).event_type_code(" ");
    match op.request(&config) {
        Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "event_type_code"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn deletes_accept_an_empty_204_and_any_2xx() {
    let delete = Delete::new(URN, "TIMER", "t-1");
    let delete_all = DeleteAll::new(URN);
    for (status, body) in [(204, ""), (200, ""), (202, r#"{"ignored":true}"#)] {
        delete.response(response(status, &[], body)).unwrap();
        delete_all.response(response(status, &[], body)).unwrap();
    }
    assert!(delete.idempotent() && delete_all.idempotent());
    // Not found.
    let err = delete
        .response(response(
            404,
            &[],
            r#"{"error_code":"FSS.1131","error_msg":"trigger not found"}"#,
        ))
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("FSS.1131"));
}

#[test]
fn reads_are_idempotent() {
    assert!(List::new(URN).idempotent());
    assert!(get().idempotent());
}

#[test]
fn error_shapes_of_every_trigger_operation() {
    error_shapes::assert_error_shapes(&List::new(URN));
    error_shapes::assert_error_shapes(&get());
    error_shapes::assert_error_shapes(&Create::new(
        URN,
        fgs_proto::model::TimerEventData::rate("t", "1m"),
    ));
    error_shapes::assert_error_shapes(&Delete::new(URN, "TIMER", "t-1"));
    error_shapes::assert_error_shapes(&DeleteAll::new(URN));
}

#[test]
fn update_oas_example_odd_bodies_and_errors() {
    use fgs_proto::triggers::Update;
    let op = Update::new(
        URN,
        TriggerType::Timer,
        "9a14fae1-78cf-4185-ac7a-429eb6dc41fb",
    )
    .trigger_status(TriggerStatus::Disabled);
    let t = op
        .response(response(200, &[], &oas_example("UpdateTrigger", "200")))
        .unwrap();
    assert_eq!(t.trigger_status, Some(TriggerStatus::Active));
    // The example's times are not RFC 3339; they are kept as text.
    assert_eq!(t.last_updated_time(), Some("2022-11-09 16:37:24"));
    let Some(TypedEventData::Timer(timer)) = t.typed_event_data() else {
        panic!()
    };
    assert_eq!(timer.name.as_deref(), Some("Timer-cpg3"));
    // Odd but legal: empty, nulls, an unknown status kept.
    assert_eq!(
        op.response(response(200, &[], "{}")).unwrap(),
        Trigger::default()
    );
    let odd = op
        .response(response(
            200,
            &[],
            r#"{"trigger_status":"PAUSED","event_data":null,"new":1}"#,
        ))
        .unwrap();
    assert_eq!(
        odd.trigger_status,
        Some(TriggerStatus::Other("PAUSED".into()))
    );
    assert_eq!(odd.extra["new"], 1);
    // The OAS 404 example.
    let err = op
        .response(response(404, &[], &oas_example("UpdateTrigger", "404")))
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("FSS.0404"));
    match op.response(response(200, &[], r#"{"trigger_status":7}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "trigger_status"),
        other => panic!("{other:?}"),
    }
    error_shapes::assert_error_shapes(&op);
}
