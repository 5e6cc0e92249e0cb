//! Cross-check: the emulator's answers (built from `serde_json::Value`, independently of
//! the SDK) read through the SDK's own operations and models, with no field left over
//! in `extra` — so a field name that differs on either side shows up here.

mod common;

use std::time::SystemTime;

use common::*;
use fgs_proto::Operation;
use fgs_proto::functions::{GetMetadata, List};
use fgs_proto::model::{CodeType, FunctionType, Runtime};
use serde_json::json;

fn to_response(answer: Answer) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder()
        .status(answer.status)
        .body(answer.body)
        .unwrap();
    *response.headers_mut() = answer.headers;
    response
}

#[test]
fn sdk_models_read_every_field_the_emulator_answers() {
    let emu = emulator();
    let config = emu.config();
    let raw = Client::new(&emu, Auth::None);
    let mut body = create_body("modelled");
    body["user_data"] = json!("{\"A\":\"1\"}");
    body["description"] = json!("cross-checked");
    body["func_vpc"] = json!({"vpc_id": "vpc-1", "subnet_id": "subnet-1"});
    body["initializer_handler"] = json!("index.init");
    body["initializer_timeout"] = json!(10);
    body["enterprise_project_id"] = json!("0");
    Client::signed(&emu).post("/functions", &body).expect(200);

    let op = GetMetadata::new(format!("{}:latest", urn("modelled")));
    let request = fgs_proto::prepare(&op, &config, SystemTime::now()).unwrap();
    let function = op.response(to_response(raw.send(request))).unwrap();
    assert!(
        function.extra.is_empty(),
        "fields the SDK does not know: {:?}",
        function.extra.keys().collect::<Vec<_>>()
    );
    assert_eq!(function.func_name.as_deref(), Some("modelled"));
    assert_eq!(function.runtime, Some(Runtime::Python39));
    assert_eq!(function.code_type, Some(CodeType::Inline));
    assert_eq!(function.function_type, Some(FunctionType::V2));
    assert_eq!(
        (function.memory_size, function.cpu, function.timeout),
        (Some(128), Some(300), Some(30))
    );
    assert_eq!(
        function.digest.as_deref(),
        Some(sha512_hex(b"print(1)").as_str())
    );
    assert_eq!(
        function
            .strategy_config
            .as_ref()
            .and_then(|s| s.concurrency),
        Some(-1)
    );
    assert_eq!(
        function.func_vpc.as_ref().and_then(|v| v.vpc_id.as_deref()),
        Some("vpc-1")
    );
    assert_eq!(function.initializer_timeout, Some(10));
    assert!(function.last_modified_utc.is_some());

    let op = List::new().maxitems(10);
    let request = fgs_proto::prepare(&op, &config, SystemTime::now()).unwrap();
    let page = op.response(to_response(raw.send(request))).unwrap();
    assert!(page.extra.is_empty(), "{:?}", page.extra);
    assert_eq!((page.count, page.next_marker), (Some(1), Some(1)));
    let functions = page.functions.unwrap_or_default();
    assert_eq!(functions.len(), 1);
    let item = &functions[0];
    assert!(
        item.extra.is_empty(),
        "{:?}",
        item.extra.keys().collect::<Vec<_>>()
    );
    assert_eq!(item.func_urn.as_deref(), Some(urn("modelled").as_str()));
    assert_eq!(item.func_vpc_id.as_deref(), Some("vpc-1"));

    // A service error reads as one, with the request id.
    let op = GetMetadata::new("default:ghost");
    let request = fgs_proto::prepare(&op, &config, SystemTime::now()).unwrap();
    let error = op.response(to_response(raw.send(request))).unwrap_err();
    assert_eq!(
        (error.status().map(|s| s.as_u16()), error.code()),
        (Some(404), Some("FSS.1051"))
    );
    assert!(error.is_not_found());
    assert!(is_uuid(error.request_id().unwrap()));
}
