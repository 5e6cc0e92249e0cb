//! Response parsing of the function operations: the OAS success examples, minimal and
//! odd-but-legal bodies, unknown fields, every error-body shape, and gateway pages.

mod common;

use std::fmt::Debug;

use common::{URN, create_hello, oas_example, response};
use fgs_proto::code::{Code, CodePackage};
use fgs_proto::functions::{
    Create, CreateAlias, CreateVersion, Delete, DeleteAlias, GetAlias, GetCode, ListAlias,
    ListVersion, ListVersionOutput, UpdateAlias, UpdateCode, UpdateMetadata,
};
use fgs_proto::model::{Alias, CodeType, Function, FunctionType, Runtime};
use fgs_proto::paginate::Pager;
use fgs_proto::{Error, Operation};
use http::StatusCode;

const BASE_URN: &str = "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello";

fn create() -> Create {
    create_hello(Code::inline_source("x"))
}

fn update_code() -> UpdateCode {
    UpdateCode::new(
        URN,
        Code::zip("index.zip", CodePackage::new(b"PK".to_vec())),
    )
}

fn update_metadata() -> UpdateMetadata {
    UpdateMetadata::new(URN, "hello", common::python39(128, 3))
}

fn ok<O: Operation>(op: &O, status: u16, body: &str) -> O::Output
where
    O::Output: Debug,
{
    match op.response(response(status, &[], body)) {
        Ok(output) => output,
        Err(e) => panic!("{} {status} {body}: {e:?}", O::NAME),
    }
}

fn err<O: Operation>(op: &O, status: u16, headers: &[(&str, &str)], body: &str) -> Error
where
    O::Output: Debug,
{
    match op.response(response(status, headers, body)) {
        Ok(output) => panic!(
            "{} {status} {body}: expected an error, got {output:?}",
            O::NAME
        ),
        Err(e) => e,
    }
}

/// Every error-body shape the service and the gateways in front of it send, plus an
/// HTML page from a gateway: each becomes `Error::Service` with what could be read.
fn assert_error_shapes<O: Operation>(op: &O)
where
    O::Output: Debug,
{
    let name = O::NAME;

    let e = err(
        op,
        404,
        &[("X-Request-Id", "req-404")],
        r#"{"error_code":"FSS.1051","error_msg":"Not found the function"}"#,
    );
    assert_eq!(e.status(), Some(StatusCode::NOT_FOUND), "{name}");
    assert_eq!(e.code(), Some("FSS.1051"), "{name}");
    assert_eq!(e.message(), Some("Not found the function"), "{name}");
    assert_eq!(e.request_id(), Some("req-404"), "{name}");
    assert!(e.is_not_found() && !e.is_retryable(), "{name}");

    let e = err(
        op,
        400,
        &[],
        r#"{"code":"FSS.0400","message":"bad request"}"#,
    );
    assert_eq!(
        (e.code(), e.message()),
        (Some("FSS.0400"), Some("bad request")),
        "{name}"
    );

    let e = err(
        op,
        403,
        &[],
        r#"{"errorCode":"FSS.0403","errorMsg":"forbidden"}"#,
    );
    assert_eq!(
        (e.code(), e.message()),
        (Some("FSS.0403"), Some("forbidden")),
        "{name}"
    );

    let e = err(
        op,
        500,
        &[],
        r#"{"error":{"code":"FSS.0500","message":"internal error"}}"#,
    );
    assert_eq!(
        (e.code(), e.message()),
        (Some("FSS.0500"), Some("internal error")),
        "{name}"
    );
    assert!(e.is_retryable(), "{name}");

    let e = err(
        op,
        401,
        &[],
        r#"{"error_msg":"Incorrect IAM authentication information","error_code":"APIGW.0301","request_id":"4a5b6c7d"}"#,
    );
    assert_eq!(e.code(), Some("APIGW.0301"), "{name}");
    assert_eq!(e.request_id(), Some("4a5b6c7d"), "{name}");
    assert_eq!(e.status(), Some(StatusCode::UNAUTHORIZED), "{name}");

    let html =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>";
    let e = err(op, 502, &[("Content-Type", "text/html")], html);
    assert_eq!(e.status(), Some(StatusCode::BAD_GATEWAY), "{name}");
    assert_eq!(e.code(), None, "{name}");
    assert!(e.is_retryable(), "{name}");
    match &e {
        Error::Service(service) => assert_eq!(service.raw_body(), html.as_bytes(), "{name}"),
        other => panic!("{name}: {other:?}"),
    }

    // An error status with an empty body is still a service error.
    let e = err(op, 429, &[], "");
    assert_eq!(e.status(), Some(StatusCode::TOO_MANY_REQUESTS), "{name}");
    assert!(e.is_retryable(), "{name}");
}

/// A success status with a body that is not what the operation returns: a decode
/// error, never a panic.
fn assert_decode_errors<O: Operation>(op: &O, wrong_shape: &str)
where
    O::Output: Debug,
{
    for body in ["", "<html>OK</html>", "{\"truncated\":", wrong_shape] {
        let e = err(op, 200, &[("X-Request-Id", "r1")], body);
        assert_eq!(e.request_id(), Some("r1"), "{} {body:?}", O::NAME);
        match e {
            Error::Decode(e) => assert_eq!(e.status(), StatusCode::OK),
            other => panic!("{} {body:?}: {other:?}", O::NAME),
        }
    }
}

// ------------------------------------------------------- function-shaped responses

/// `{}`, nested `null`s and unknown fields, for any operation returning a Function.
fn assert_lenient_function<O: Operation<Output = Function>>(op: &O) {
    assert_eq!(ok(op, 200, "{}"), Function::default());

    let f = ok(
        op,
        200,
        r#"{"func_name":"f","func_vpc":null,"mount_config":null,"func_code":null,
            "strategy_config":null,"dependencies":null,"runtime":null,"type":null}"#,
    );
    assert_eq!(f.func_name.as_deref(), Some("f"));
    assert_eq!(
        (f.func_vpc, f.mount_config, f.func_code),
        (None, None, None)
    );
    assert_eq!((f.strategy_config, f.dependencies), (None, None));
    assert_eq!((f.runtime, f.function_type), (None, None));

    let f = ok(
        op,
        200,
        r#"{"func_name":"f","brand_new":{"nested":[1,2]},"runtime":"Rust1.0",
            "code_type":"wasm","func_code":{"file":"","link":"","sha":"x"}}"#,
    );
    assert_eq!(f.extra["brand_new"], serde_json::json!({"nested": [1, 2]}));
    assert_eq!(f.runtime, Some(Runtime::Other("Rust1.0".into())));
    assert_eq!(f.code_type, Some(CodeType::Other("wasm".into())));
    assert_eq!(f.func_code.unwrap().extra["sha"], "x");

    // Any 2xx is success.
    assert_eq!(
        ok(op, 201, r#"{"func_name":"f"}"#).func_name.as_deref(),
        Some("f")
    );
    // `null` where the function object is expected is an answer we cannot read.
    assert!(matches!(err(op, 200, &[], "null"), Error::Decode(_)));
    assert_decode_errors(op, r#"{"memory_size":"big"}"#);
}

#[test]
fn create_oas_example() {
    let f = ok(&create(), 200, &oas_example("CreateFunction", "200"));
    assert_eq!(
        f.func_urn.as_deref(),
        Some(
            "urn:fss:xxxxxxxxx:c3b2459a6d5e4b548e6777e57852692d:function:default:TestCreateFunctionInPythonSdk:latest"
        )
    );
    assert_eq!(
        f.func_name.as_deref(),
        Some("TestCreateFunctionInPythonSdk")
    );
    assert_eq!(f.runtime, Some(Runtime::Python36));
    assert_eq!(f.code_type, Some(CodeType::Inline));
    assert_eq!(
        (f.code_size, f.cpu, f.memory_size, f.timeout),
        (Some(100), Some(300), Some(128), Some(3))
    );
    assert_eq!(f.encrypted_user_data.as_deref(), Some(r#"{"password":""}"#));
    assert_eq!(f.func_code, Some(Default::default()));
    assert_eq!(f.image_name.as_deref(), Some("latest-191025153727@zehht"));
    assert_eq!(
        f.last_modified.as_deref(),
        Some("2019-10-25T15:37:27+08:00")
    );
    assert_eq!(f.last_modified_utc, Some(1_571_989_047));
    let mounts = f.mount_config.unwrap();
    assert_eq!(mounts.mount_user.unwrap().user_id, Some(-1));
    let mount = &mounts.func_mounts.unwrap()[0];
    assert_eq!(mount.mount_type.as_deref(), Some("sfsTurbo"));
    assert_eq!(mount.local_mount_path.as_deref(), Some("/mnt"));
    let strategy = f.strategy_config.unwrap();
    assert_eq!(
        (strategy.concurrency, strategy.concurrent_num),
        (Some(0), None)
    );
    assert!(f.extra.is_empty(), "{:?}", f.extra);
}

#[test]
fn create_lenient_and_errors() {
    assert_lenient_function(&create());
    assert_error_shapes(&create());
}

#[test]
fn get_code_oas_example() {
    let f = ok(
        &GetCode::new(URN),
        200,
        &oas_example("ShowFunctionCode", "200"),
    );
    assert_eq!(f.code_filename.as_deref(), Some("index.zip"));
    assert_eq!(f.code_size, Some(245));
    assert_eq!(f.runtime, Some(Runtime::NodeJs610));
    let code = f.func_code.unwrap();
    assert!(code.file.unwrap().starts_with("UEsDBAoAAAAIAAhYOU8"));
    assert_eq!(
        code.link.as_deref(),
        Some(
            "https://functionstorage.{obs_endpoint}/functions/46b6f338fc3445b8846c71dfb1fbxxxx/default/xxxxx/latest/index.zip"
        )
    );
    assert_eq!(f.strategy_config.unwrap().concurrency, Some(-1));
    assert!(f.extra.is_empty(), "{:?}", f.extra);
}

#[test]
fn get_code_lenient_and_errors() {
    assert_lenient_function(&GetCode::new(URN));
    assert_error_shapes(&GetCode::new(URN));
    let e = err(
        &GetCode::new(URN),
        404,
        &[],
        r#"{"error_code":"FSS.1052","error_msg":"Not found the function version"}"#,
    );
    assert_eq!(e.code(), Some("FSS.1052"));
}

#[test]
fn update_code_oas_example() {
    let f = ok(
        &update_code(),
        200,
        &oas_example("UpdateFunctionCode", "200"),
    );
    assert_eq!(f.code_filename.as_deref(), Some("index.js"));
    assert_eq!(f.func_name.as_deref(), Some("test"));
    // The echoed package (`file`) is not kept: the caller sent it.
    let code = f.func_code.unwrap();
    assert_eq!(code.file, None);
    assert_eq!(code.link.as_deref(), Some(""));
    assert_eq!(f.code_size, Some(245));
    assert_eq!(
        f.last_modified.as_deref(),
        Some("2019-09-25T19:02:17+08:00")
    );
    // Asked for, the echo is kept as the service sent it.
    let example = oas_example("UpdateFunctionCode", "200");
    let echoed: serde_json::Value = serde_json::from_str(&example).unwrap();
    let kept = ok(&update_code().keep_echoed_code(true), 200, &example);
    assert_eq!(
        kept.func_code.unwrap().file.as_deref(),
        echoed["func_code"]["file"].as_str()
    );
    assert!(
        echoed["func_code"]["file"]
            .as_str()
            .is_some_and(|f| !f.is_empty())
    );
}

#[test]
fn update_code_lenient_and_errors() {
    assert_lenient_function(&update_code());
    assert_error_shapes(&update_code());
}

#[test]
fn update_metadata_oas_example() {
    let f = ok(
        &update_metadata(),
        200,
        &oas_example("UpdateFunctionConfig", "200"),
    );
    assert_eq!(
        f.handler.as_deref(),
        Some("fssExampleCsharp2.1::fssExampleCsharp21.Program::MyFunc")
    );
    assert_eq!(f.user_data_map().unwrap()["host"], "192.168.0.1");
    assert_eq!(
        f.func_urn.as_deref().map(|u| u.ends_with(":test")),
        Some(true)
    );
    assert_eq!(f.package.as_deref(), Some("default"));
    assert_eq!(f.version.as_deref(), Some("latest"));
    assert_eq!(f.mount_config.unwrap().func_mounts.unwrap().len(), 1);
}

#[test]
fn update_metadata_lenient_and_errors() {
    assert_lenient_function(&update_metadata());
    assert_error_shapes(&update_metadata());
}

#[test]
fn create_version_oas_example() {
    let f = ok(
        &CreateVersion::new(BASE_URN),
        200,
        &oas_example("CreateFunctionVersion", "200"),
    );
    assert_eq!(f.code_filename.as_deref(), Some("inline.js"));
    assert_eq!(f.handler.as_deref(), Some("test.handler"));
    assert_eq!(f.project_name.as_deref(), Some("xxxxx"));
    assert_eq!(f.version.as_deref(), Some("latest"));
}

#[test]
fn create_version_async_config_and_description() {
    let f = ok(
        &CreateVersion::new(BASE_URN),
        200,
        r#"{"version":"v1","version_description":"first","type":"v2",
            "function_async_config":{"max_async_event_age_in_seconds":3600,"max_async_retry_attempts":3,
              "destination_config":{"on_success":{"destination":"OBS","param":"{\"bucket\":\"b\"}"},
                                    "on_failure":null},
              "created_time":"2024-01-15T08:30:00+08:00"}}"#,
    );
    assert_eq!(f.version_description.as_deref(), Some("first"));
    assert_eq!(f.function_type, Some(FunctionType::V2));
    let config = f.function_async_config.unwrap();
    assert_eq!(config.max_async_event_age_in_seconds, Some(3600));
    let destinations = config.destination_config.unwrap();
    assert_eq!(destinations.on_failure, None);
    let success = destinations.on_success.unwrap();
    assert_eq!(
        success.destination(),
        Some(&fgs_proto::model::DestinationType::Obs)
    );
    assert_eq!(success.param.as_deref(), Some(r#"{"bucket":"b"}"#));
}

#[test]
fn create_version_lenient_and_errors() {
    assert_lenient_function(&CreateVersion::new(BASE_URN));
    assert_error_shapes(&CreateVersion::new(BASE_URN));
}

// ------------------------------------------------------------------ ListVersion

#[test]
fn list_version_oas_example() {
    let page = ok(
        &ListVersion::new(BASE_URN),
        200,
        &oas_example("ListFunctionVersions", "200"),
    );
    assert_eq!(page.next_marker, Some(5));
    assert_eq!(page.count, None);
    let versions = page.versions.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].version.as_deref(), Some("latest"));
    assert_eq!(versions[0].digest.as_deref().map(str::len), Some(128));
}

#[test]
fn list_version_lenient_and_errors() {
    let op = ListVersion::new(BASE_URN);
    assert_eq!(ok(&op, 200, "{}"), ListVersionOutput::default());
    let page = ok(
        &op,
        200,
        r#"{"versions":null,"next_marker":null,"count":0,"extra":[1]}"#,
    );
    assert_eq!(
        (page.versions, page.next_marker, page.count),
        (None, None, Some(0))
    );
    assert_eq!(page.extra["extra"], serde_json::json!([1]));
    let page = ok(
        &op,
        200,
        r#"{"versions":[{"version":"v1","concurrency":-1,"concurrent_num":5,"func_vpc_id":"vpc-1",
            "reserved_instance_idle_mode":false,"unknown":1}],"next_marker":1,"count":1}"#,
    );
    let v = &page.versions.as_ref().unwrap()[0];
    assert_eq!((v.concurrency, v.concurrent_num), (Some(-1), Some(5)));
    assert_eq!(v.func_vpc_id.as_deref(), Some("vpc-1"));
    assert_eq!(v.reserved_instance_idle_mode, Some(false));
    assert_eq!(v.extra["unknown"], 1);
    assert!(matches!(err(&op, 200, &[], "null"), Error::Decode(_)));
    assert_decode_errors(&op, r#"{"versions":{}}"#);
    assert_error_shapes(&op);
}

#[test]
fn list_version_pages() {
    let mut pager = Pager::new(ListVersion::new(BASE_URN).maxitems(2));
    let mut versions = Vec::new();
    let pages = [
        r#"{"versions":[{"version":"latest"},{"version":"v1"}],"next_marker":2,"count":3}"#,
        r#"{"versions":[{"version":"v2"}],"next_marker":3,"count":3}"#,
    ];
    let mut markers = Vec::new();
    for body in pages {
        let op = pager.next_operation().expect("another page").clone();
        markers.push(fgs_proto::paginate::Paginated::page_marker(&op).map(str::to_owned));
        let page = ok(&op, 200, body);
        pager.advance(&page);
        versions.extend(<ListVersion as fgs_proto::paginate::Paginated>::into_items(
            page,
        ));
    }
    assert!(pager.is_done());
    assert_eq!(markers, vec![None, Some("2".to_owned())]);
    let names: Vec<_> = versions
        .iter()
        .filter_map(|v| v.version.as_deref())
        .collect();
    assert_eq!(names, ["latest", "v1", "v2"]);
}

// ------------------------------------------------------------------ Aliases

/// `{}`, nested `null`s and unknown fields, for any operation returning an Alias.
fn assert_lenient_alias<O: Operation<Output = Alias>>(op: &O) {
    assert_eq!(ok(op, 200, "{}"), Alias::default());
    let a = ok(
        op,
        200,
        r#"{"name":"dev","additional_version_weights":null,"additional_version_strategy":null,"description":null}"#,
    );
    assert_eq!(a.name.as_deref(), Some("dev"));
    assert_eq!(a.additional_version_weights, None);
    assert_eq!(a.additional_version_strategy, None);
    assert_eq!(a.description, None);
    let a = ok(
        op,
        200,
        r#"{"name":"dev","routing":{"mode":"new"},"additional_version_strategy":
            {"v2":{"combine_type":"or","rules":[{"rule_type":"cookie","param":"uid","op":"in","value":"1,2","weight":3}]}}}"#,
    );
    assert_eq!(a.extra["routing"], serde_json::json!({"mode": "new"}));
    let strategy = &a.additional_version_strategy.unwrap()["v2"];
    assert_eq!(strategy.combine_type.as_deref(), Some("or"));
    let rule = &strategy.rules.as_ref().unwrap()[0];
    assert_eq!(rule.op.as_deref(), Some("in"));
    assert_eq!(rule.value.as_deref(), Some("1,2"));
    assert_eq!(rule.extra["weight"], 3);
    assert!(matches!(err(op, 200, &[], "null"), Error::Decode(_)));
    assert_decode_errors(op, r#"{"additional_version_weights":{"v2":"half"}}"#);
    assert_error_shapes(op);
}

#[test]
fn create_alias_oas_example() {
    let op = CreateAlias::new(BASE_URN, "a1", "latest");
    let a = ok(&op, 200, &oas_example("CreateVersionAlias", "200"));
    assert_eq!(a.name.as_deref(), Some("a1"));
    assert_eq!(a.version.as_deref(), Some("latest"));
    assert_eq!(a.description.as_deref(), Some(""));
    assert_eq!(
        a.last_modified.as_deref(),
        Some("2019-10-31T11:37:58+08:00")
    );
    assert_eq!(
        a.alias_urn.as_deref(),
        Some("urn:fss:{region}:46b6f338fc3445b8846c71dfb1fbxxxx:function:default:xxxxx:!a1")
    );
    assert!(a.extra.is_empty());
    assert_lenient_alias(&op);
}

#[test]
fn update_alias_oas_example() {
    let op = UpdateAlias::new(BASE_URN, "dev", "latest");
    let a = ok(&op, 200, &oas_example("UpdateVersionAlias", "200"));
    assert_eq!(a.name.as_deref(), Some("dev"));
    assert_eq!(a.additional_version_weights.unwrap()["v1"], 10);
    assert_eq!(a.additional_version_strategy, None);
    assert!(a.alias_urn.unwrap().ends_with(":!dev"));
    assert_lenient_alias(&op);
}

#[test]
fn get_alias_oas_example() {
    let op = GetAlias::new(BASE_URN, "dev");
    let a = ok(&op, 200, &oas_example("ShowVersionAlias", "200"));
    assert_eq!(a.description.as_deref(), Some("my dev version"));
    assert_eq!(a.additional_version_weights.unwrap()["v1"], 10);
    assert_lenient_alias(&op);
    let e = err(
        &op,
        404,
        &[],
        r#"{"error_code":"FSS.1053","error_msg":"Not found the function alias"}"#,
    );
    assert!(e.is_not_found());
    assert_eq!(e.code(), Some("FSS.1053"));
}

#[test]
fn list_alias_oas_example_is_a_bare_array() {
    let op = ListAlias::new(BASE_URN);
    let aliases = ok(&op, 200, &oas_example("ListVersionAliases", "200"));
    assert_eq!(aliases.len(), 1);
    assert_eq!(aliases[0].name.as_deref(), Some("a1"));
    assert_eq!(
        aliases[0].additional_version_weights.as_ref().unwrap()["v1"],
        10
    );
}

#[test]
fn list_alias_lenient_and_errors() {
    let op = ListAlias::new(BASE_URN);
    assert_eq!(ok(&op, 200, "[]"), Vec::<Alias>::new());
    // `null` for the list: no aliases.
    assert_eq!(ok(&op, 200, "null"), Vec::<Alias>::new());
    let aliases = ok(
        &op,
        200,
        r#"[{},{"name":"b","additional_version_weights":null,"future":true}]"#,
    );
    assert_eq!(aliases[0], Alias::default());
    assert_eq!(aliases[1].name.as_deref(), Some("b"));
    assert_eq!(aliases[1].extra["future"], true);
    // An object where the array is expected (e.g. a wrapped list) is a decode error.
    assert_decode_errors(&op, r#"{"aliases":[]}"#);
    assert_error_shapes(&op);
}

// ------------------------------------------------------------------ Deletes

fn assert_delete<O: Operation<Output = ()>>(op: &O) {
    // The documented 204 with no body, and other 2xx with or without a body: the body
    // is ignored.
    ok(op, 204, "");
    ok(op, 200, "");
    ok(op, 202, r#"{"anything":"ignored"}"#);
    ok(op, 200, "not json at all");
    assert_error_shapes(op);
}

#[test]
fn delete_parses() {
    assert_delete(&Delete::new(BASE_URN));
}

#[test]
fn delete_alias_parses() {
    assert_delete(&DeleteAlias::new(BASE_URN, "dev"));
    let e = err(
        &DeleteAlias::new(BASE_URN, "dev"),
        403,
        &[],
        r#"{"error_code":"FSS.1154","error_msg":"alias has triggers"}"#,
    );
    assert_eq!(e.code(), Some("FSS.1154"));
}
