//! Building the function operations' requests: required fields re-checked at request
//! time, idempotency, environment variables, direct body access, and bad path input.

mod common;

use std::collections::BTreeMap;

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
    UpdateMetadata::new(URN, "hello", "Python3.9", "index.handler", 128, 3)
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
    serde_json::from_slice(op.request(&config()).unwrap().body()).unwrap()
}

#[test]
fn create_rechecks_every_required_field() {
    let cases: [Clear<Create>; 7] = [
        ("func_name", |op| op.body_mut().func_name = None),
        ("package", |op| op.body_mut().package = None),
        ("runtime", |op| op.body_mut().runtime = None),
        ("timeout", |op| op.body_mut().timeout = None),
        ("handler", |op| op.body_mut().handler = None),
        ("memory_size", |op| op.body_mut().memory_size = None),
        ("code_type", |op| op.body_mut().code_type = None),
    ];
    for (field, clear) in cases {
        let mut op = create();
        clear(&mut op);
        assert_eq!(invalid_field(&op), field);
    }
    assert!(create().request(&config()).is_ok());
}

#[test]
fn custom_image_functions_may_omit_code_type() {
    let mut op = Create::new_custom_image("img", "default", 512, 30, CustomImage::new("swr.x/y:1"));
    assert_eq!(op.body().runtime, Some(Runtime::CustomImage));
    assert_eq!(op.body().handler.as_deref(), Some("-"));
    op.body_mut().code_type = None;
    let json = body_json(&op);
    assert_eq!(json["custom_image"]["image"], "swr.x/y:1");
    assert!(json.get("code_type").is_none());
    assert!(json.get("func_code").is_none());
}

#[test]
fn update_metadata_rechecks_every_required_field() {
    let cases: [Clear<UpdateMetadata>; 5] = [
        ("func_name", |op| op.body_mut().func_name = None),
        ("runtime", |op| op.body_mut().runtime = None),
        ("timeout", |op| op.body_mut().timeout = None),
        ("handler", |op| op.body_mut().handler = None),
        ("memory_size", |op| op.body_mut().memory_size = None),
    ];
    for (field, clear) in cases {
        let mut op = update_metadata();
        clear(&mut op);
        assert_eq!(invalid_field(&op), field);
    }
}

#[test]
fn update_code_rechecks_required_fields() {
    let mut op = UpdateCode::new(URN, Code::inline_source("x"));
    op.body_mut().code_type = None;
    assert_eq!(invalid_field(&op), "code_type");

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
fn alias_bodies_recheck_required_fields() {
    let mut op = CreateAlias::new(URN, "a1", "v1");
    op.body_mut().name = None;
    assert_eq!(invalid_field(&op), "name");
    let mut op = CreateAlias::new(URN, "a1", "v1");
    op.body_mut().version = None;
    assert_eq!(invalid_field(&op), "version");
    let mut op = UpdateAlias::new(URN, "a1", "v1");
    op.body_mut().version = None;
    assert_eq!(invalid_field(&op), "version");
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
    UpdateMetadata::new(urn, "hello", "Python3.9", "index.handler", 128, 3)
}

#[test]
fn list_version_refuses_an_empty_page() {
    assert_eq!(
        invalid_field(&ListVersion::new(URN).maxitems(0)),
        "maxitems"
    );
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
    op.body_mut().description = Some("d".into());
    let json = body_json(&op);
    assert_eq!(json["package"], "default");
    assert_eq!(json["description"], "d");

    let mut op = CreateVersion::new(URN);
    assert_eq!(body_json(&op), serde_json::json!({}));
    op.body_mut().version = Some("v9".into());
    assert_eq!(op.body().version.as_deref(), Some("v9"));
    assert_eq!(body_json(&op), serde_json::json!({"version":"v9"}));
}
