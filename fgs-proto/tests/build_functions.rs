//! Building the function operations' requests: required fields re-checked at request
//! time, idempotency, environment variables, direct body access, and bad path input.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::create_hello;
use fgs_proto::code::Code;
use fgs_proto::functions::{
    Create, CreateAlias, CreateVersion, Delete, DeleteAlias, GetAlias, GetCode, ListAlias,
    ListVersion, UpdateAlias, UpdateCode, UpdateMetadata,
};
use fgs_proto::model::{CodeType, CustomImage, Runtime};
use fgs_proto::{Config, Credentials, Error, Operation};
use http::Method;

const URN: &str = "urn:fss:cn-north-4:p1:function:default:hello:latest";

fn config() -> Config {
    Config::new("http://127.0.0.1:9", "p1", Credentials::token("t")).unwrap()
}

fn create() -> Create {
    create_hello(Code::inline_source("x"))
}

/// A required field's name and how to clear it.
type Clear<O> = (&'static str, fn(&mut O));

fn update_metadata() -> UpdateMetadata {
    UpdateMetadata::new(URN, "hello", common::python39(128, 3))
}

/// The field named by an `InvalidInput` error from building `op`'s request.
fn invalid_field<O: Operation>(op: &O) -> String {
    match op.request(&config()) {
        Err(Error::InvalidInput(input)) => input.field().to_owned(),
        Err(other) => panic!("{}: expected invalid input, got {other:?}", O::NAME),
        Ok(request) => panic!("{}: expected invalid input, got {request:?}", O::NAME),
    }
}

fn body_json<O: Operation>(op: &O) -> serde_json::Value {
    serde_json::from_slice(&op.request(&config()).unwrap().body().to_bytes()).unwrap()
}

#[test]
fn create_rechecks_what_types_cannot_guarantee() {
    // Required fields are not optional any more; what is left to check at run time is
    // the code type (optional only for custom images) and timeouts under one second.
    let cases: [Clear<Create>; 4] = [
        ("code_type", |op| op.body_mut().code_type = None),
        ("timeout", |op| {
            op.config_mut().timeout = Duration::from_millis(999)
        }),
        ("initializer_timeout", |op| {
            op.config_mut().initializer_timeout = Some(Duration::ZERO)
        }),
        ("pre_stop_timeout", |op| {
            op.config_mut().pre_stop_timeout = Some(Duration::from_nanos(1))
        }),
    ];
    for (field, clear) in cases {
        let mut op = create();
        clear(&mut op);
        assert_eq!(invalid_field(&op), field);
    }
    assert!(create().request(&config()).is_ok());
}

#[test]
fn timeouts_are_sent_in_whole_seconds_rounded_up() {
    let mut op = create();
    op.config_mut().timeout = Duration::from_millis(2_001);
    op.config_mut().initializer_timeout = Some(Duration::from_secs(30));
    let json = body_json(&op);
    assert_eq!(json["timeout"], 3);
    assert_eq!(json["initializer_timeout"], 30);
    assert_eq!(json["memory_size"], 128);
}

#[test]
fn custom_image_functions_may_omit_code_type() {
    let mut op = Create::new_custom_image(
        "img",
        "default",
        fgs_proto::model::MemorySize::mb(512),
        std::time::Duration::from_secs(30),
        CustomImage::new("swr.x/y:1"),
    );
    assert_eq!(op.config().runtime, Runtime::CustomImage);
    assert_eq!(op.config().handler, "-");
    op.body_mut().code_type = None;
    let json = body_json(&op);
    assert_eq!(json["custom_image"]["image"], "swr.x/y:1");
    assert!(json.get("code_type").is_none());
    assert!(json.get("func_code").is_none());
}

#[test]
fn update_metadata_rechecks_its_timeouts() {
    let cases: [Clear<UpdateMetadata>; 2] = [
        ("timeout", |op| op.config_mut().timeout = Duration::ZERO),
        ("restore_hook_timeout", |op| {
            op.body_mut().restore_hook_timeout = Some(Duration::from_millis(500))
        }),
    ];
    for (field, clear) in cases {
        let mut op = update_metadata();
        clear(&mut op);
        assert_eq!(invalid_field(&op), field);
    }
    assert!(update_metadata().request(&config()).is_ok());
}

#[test]
fn update_code_rechecks_required_fields() {
    // func_code is required; a package counts as func_code.
    let mut op = UpdateCode::new(URN, Code::base64(CodeType::Zip, "UEs="));
    op.body_mut().func_code = None;
    assert_eq!(invalid_field(&op), "func_code");
    assert!(
        UpdateCode::new(URN, Code::inline_source("x"))
            .request(&config())
            .is_ok()
    );

    // Code in OBS still sends the required func_code, empty.
    let json = body_json(&UpdateCode::new(URN, Code::obs("https://b.obs/c.zip")));
    assert_eq!(
        json,
        serde_json::json!({"code_type":"obs","code_url":"https://b.obs/c.zip","func_code":{}})
    );
}

#[test]
fn empty_or_dot_path_parameters_are_refused_by_name() {
    assert_eq!(invalid_field(&GetCode::new("")), "function_urn");
    assert_eq!(invalid_field(&Delete::new("..")), "function_urn");
    assert_eq!(invalid_field(&GetAlias::new(URN, "")), "alias_name");
    assert_eq!(invalid_field(&DeleteAlias::new(URN, ".")), "alias_name");
    assert_eq!(
        invalid_field(&UpdateAlias::new(URN, "..", "v1")),
        "alias_name"
    );
    assert_eq!(invalid_field(&ListAlias::new("")), "function_urn");
    assert_eq!(invalid_field(&ListVersion::new("")), "function_urn");
    assert_eq!(invalid_field(&CreateVersion::new("")), "function_urn");
    assert_eq!(
        invalid_field(&UpdateCode::new("", Code::inline_source("x"))),
        "function_urn"
    );
    assert_eq!(invalid_field(&update_metadata_with_urn("")), "function_urn");
    assert_eq!(
        invalid_field(&CreateAlias::new(".", "a", "v")),
        "function_urn"
    );
}

fn update_metadata_with_urn(urn: &str) -> UpdateMetadata {
    UpdateMetadata::new(urn, "hello", common::python39(128, 3))
}

#[test]
fn page_sizes_the_service_reads_as_its_default_are_sent() {
    // The service reads 0 (and, for List, above 400) as its default page size.
    for maxitems in [0, 1] {
        let request = ListVersion::new(URN)
            .maxitems(maxitems)
            .request(&config())
            .unwrap();
        assert_eq!(
            request.uri().query(),
            Some(format!("maxitems={maxitems}").as_str())
        );
    }
    let request = ListVersion::new(URN)
        .maxitems(1)
        .request(&config())
        .unwrap();
    assert_eq!(request.uri().query(), Some("maxitems=1"));
}

#[test]
fn methods_and_idempotency() {
    fn check<O: Operation>(op: O, method: Method, idempotent: bool) {
        let request = op.request(&config()).unwrap();
        assert_eq!(request.method(), method, "{}", O::NAME);
        assert_eq!(op.idempotent(), idempotent, "{}", O::NAME);
        assert_eq!(
            request.headers()["content-type"],
            "application/json",
            "{}",
            O::NAME
        );
    }
    check(create(), Method::POST, false);
    check(GetCode::new(URN), Method::GET, true);
    check(Delete::new(URN), Method::DELETE, true);
    check(
        UpdateCode::new(URN, Code::inline_source("x")),
        Method::PUT,
        true,
    );
    check(update_metadata(), Method::PUT, true);
    check(CreateVersion::new(URN), Method::POST, false);
    check(ListVersion::new(URN), Method::GET, true);
    check(CreateAlias::new(URN, "a", "v1"), Method::POST, false);
    check(UpdateAlias::new(URN, "a", "v1"), Method::PUT, true);
    check(DeleteAlias::new(URN, "a"), Method::DELETE, true);
    check(GetAlias::new(URN, "a"), Method::GET, true);
    check(ListAlias::new(URN), Method::GET, true);
}

#[test]
fn env_vars_become_a_json_string() {
    let op = create()
        .env_vars(BTreeMap::from([("Z", "last"), ("A", "first \"quoted\"")]))
        .encrypted_env_vars([("PASSWORD".to_owned(), "s3cret".to_owned())]);
    let json = body_json(&op);
    let user_data = json["user_data"].as_str().unwrap();
    assert_eq!(user_data, r#"{"A":"first \"quoted\"","Z":"last"}"#);
    let decoded: BTreeMap<String, String> = serde_json::from_str(user_data).unwrap();
    assert_eq!(decoded["A"], "first \"quoted\"");
    assert_eq!(json["encrypted_user_data"], r#"{"PASSWORD":"s3cret"}"#);

    let json = body_json(&update_metadata().env_vars([("K", "V")]));
    assert_eq!(json["user_data"], r#"{"K":"V"}"#);
    // The raw string setter is sent as it is.
    let json = body_json(&update_metadata().user_data("{\"raw\":\"1\"}"));
    assert_eq!(json["user_data"], "{\"raw\":\"1\"}");
}

#[test]
fn unset_fields_are_omitted_and_extra_fields_are_sent() {
    let mut op = update_metadata();
    assert_eq!(
        body_json(&op),
        serde_json::json!({"func_name":"hello","runtime":"Python3.9","timeout":3,
            "handler":"index.handler","memory_size":128})
    );
    // Fields the OAS lacks but older SDKs send (`package`) go through `extra`.
    op.body_mut()
        .extra
        .insert("package".into(), serde_json::json!("default"));
    op.config_mut().description = Some("d".into());
    let json = body_json(&op);
    assert_eq!(json["package"], "default");
    assert_eq!(json["description"], "d");

    let mut op = CreateVersion::new(URN);
    assert_eq!(body_json(&op), serde_json::json!({}));
    op.body_mut().version = Some("v9".into());
    assert_eq!(op.body().version.as_deref(), Some("v9"));
    assert_eq!(body_json(&op), serde_json::json!({"version":"v9"}));
}
