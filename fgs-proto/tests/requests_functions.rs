//! Request snapshots of the function operations: for each, one with every body field
//! set (AK/SK-signed), and the minimal one with a token. Values come from the OAS
//! examples where they have one.
//! (The minimal AK/SK-signed request of every operation is snapshotted by `registry.rs`,
//! from the fixtures in `common/fixtures.rs`.)

mod common;

use std::collections::BTreeMap;

use base64::Engine as _;
use common::fixtures::{BASE_URN, Fixture};
use common::{URN, aksk_config, render, token_config};
use fgs_proto::code::{Code, CodePackage};
use fgs_proto::functions::{
    Create, CreateAlias, CreateVersion, Delete, DeleteAlias, GetAlias, GetCode, ListAlias,
    ListVersion, UpdateAlias, UpdateCode, UpdateMetadata,
};
use fgs_proto::model::{
    CodeType, CustomImage, FuncLogConfig, FuncMount, FuncVpc, FunctionType, MountConfig, MountUser,
    NetworkControlConfig, Runtime, StrategyConfig, VersionStrategy, VersionStrategyRule, VpcConfig,
};

/// An alias URN (`!` qualifier).
const ALIAS_URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:!dev";

/// The zip of the OAS UpdateFunctionCode example (an `index.py`).
fn oas_zip() -> CodePackage {
    const FILE: &str = "UEsDBAoAAAAIAPQ1M1gNImPLrAAAAAEBAAAIAAAAaW5kZXgucHlNjtEOgjAMRd/5igVfxDAlxhjDo0S/wB+YrMgMdMvWGYnh390wEfrU3nvb0xXjG85qLRU+Sk8NP0UhUb3RltjTaUwkNKwVKDuwbA0vQMrDAhK8KSsTFsoCeYvsMw2xUkeCvKu0hLRk+6LIZ0u5s3BwPFwwUEEG/yo6B4vEXcshyBG+lb437kfNFpEWhATrQmqGTkYVH0Pit8FEdCqM6VQtSGncxYPpPz5O3fgFUEsBAh4DCgAAAAgA9DUzWA0iY8usAAAAAQEAAAgAAAAAAAAAAAAAAPMCAAAAAGluZGV4LnB5UEsFBgAAAAABAAEANgAAANIAAAAAAA==";
    CodePackage::new(
        base64::engine::general_purpose::STANDARD
            .decode(FILE)
            .unwrap(),
    )
}

fn func_vpc() -> FuncVpc {
    let mut vpc = FuncVpc::new(
        "7ee6f7a5-8e5f-4e2b-9d4c-1f2e3d4c5b6a",
        "9b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
    );
    vpc.vpc_name = Some("vpc-fgs".into());
    vpc.subnet_name = Some("subnet-fgs".into());
    vpc.cidr = Some("192.168.0.0/24".into());
    vpc.gateway = Some("192.168.0.1".into());
    vpc.domain_id = Some("14ee2e3501124efcbca7998baa24xxxx".into());
    vpc.namespace = Some("0123456789abcdef0123456789abcdef".into());
    vpc.security_groups = Some(vec!["sg-0001".into()]);
    vpc.is_safety = Some(false);
    vpc
}

fn mount_config() -> MountConfig {
    let mut mount = FuncMount::new("sfsTurbo", "268xxx-d3xx-4cxx-98xx-d1dbxxx", "/mnt");
    mount.mount_share_path = Some("192.168.0.12:/data".into());
    MountConfig::new(MountUser::new(-1, -1), vec![mount])
}

fn custom_image() -> CustomImage {
    let mut image = CustomImage::new("swr.cn-north-4.myhuaweicloud.com/org/app:1.0");
    image.command = Some("/bin/sh".into());
    image.args = Some("-c,./start.sh".into());
    image.working_dir = Some("/app".into());
    image.uid = Some("1003".into());
    image.gid = Some("1003".into());
    image.is_public = Some(false);
    image
}

fn log_config() -> FuncLogConfig {
    let mut log = FuncLogConfig::default();
    log.group_name = Some("lts-group-fgs".into());
    log.group_id = Some("b3ab5b2c-1c1b-4a5f-9a0b-1f2e3d4c5b6a".into());
    log.stream_name = Some("lts-topic-hello".into());
    log.stream_id = Some("c4bc6c3d-2d2c-5b6a-0b1c-2a3b4c5d6e7f".into());
    log
}

fn network_controller() -> NetworkControlConfig {
    let mut vpc = VpcConfig::default();
    vpc.vpc_id = Some("7ee6f7a5-8e5f-4e2b-9d4c-1f2e3d4c5b6a".into());
    vpc.vpc_name = Some("vpc-fgs".into());
    let mut network = NetworkControlConfig::default();
    network.disable_public_network = Some(true);
    network.trigger_access_vpcs = Some(vec![vpc]);
    network
}

fn tags() -> BTreeMap<String, String> {
    BTreeMap::from([("team".to_owned(), "payments".to_owned())])
}

fn strategy() -> BTreeMap<String, VersionStrategy> {
    let rule = VersionStrategyRule::new("header", "version", "=", "v1");
    BTreeMap::from([("v2".to_owned(), VersionStrategy::new("and", vec![rule]))])
}

fn weights() -> BTreeMap<String, i64> {
    BTreeMap::from([("v2".to_owned(), 50)])
}

// ---------------------------------------------------------------- Create

#[test]
fn create_minimal_token() {
    insta::assert_snapshot!(render(&Create::minimal(), &token_config()));
}

#[test]
fn create_all_fields() {
    let op = Create::new(
        "hello",
        "default",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(30),
        ),
        Code::zip("index.zip", oas_zip()),
    )
    .code_url("https://bucket.obs.cn-north-4.myhuaweicloud.com/hello/index.zip")
    .custom_image(custom_image())
    .description("says hello")
    .user_data(r#"{"host":"192.168.0.1"}"#)
    .encrypted_user_data(r#"{"password":"1234"}"#)
    .xrole("fgs_agency")
    .app_xrole("fgs_exec_agency")
    .depend_version_list(vec!["0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9".to_owned()])
    .func_vpc(func_vpc())
    .mount_config(mount_config())
    .initializer_handler("index.init")
    .initializer_timeout(std::time::Duration::from_secs(30))
    .pre_stop_handler("index.pre_stop")
    .pre_stop_timeout(std::time::Duration::from_secs(10))
    .enterprise_project_id("0")
    .function_type(FunctionType::V2)
    .log_config(log_config())
    .network_controller(network_controller())
    .gpu_memory(fgs_proto::model::MemorySize::mb(1024))
    .gpu_type("nvidia-t4")
    .is_stateful_function(false)
    .enable_dynamic_memory(true)
    .enable_lts_log(true)
    .lts_custom_tag(tags())
    .user_data_encrypt_kms_key_id("kms-key-user-data")
    .code_encrypt_kms_key_id("kms-key-code")
    .domain_names(r#"[{"id":"ff8080828a07ffea018a17184aa310f5","domain_name":"example.com"}]"#)
    .tags("team=payments");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_custom_image() {
    let op = Create::new_custom_image(
        "hello",
        "default",
        fgs_proto::model::MemorySize::mb(128),
        std::time::Duration::from_secs(3),
        CustomImage::new("swr.xxx"),
    )
    .function_type(FunctionType::V2)
    .xrole("xxx");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_obs() {
    let op = Create::new(
        "hello",
        "default",
        fgs_proto::functions::FunctionConfig::new(
            fgs_proto::model::Runtime::from("Python3.9"),
            "index.handler",
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(3),
        ),
        Code::obs("https://bucket.obs.cn-north-4.myhuaweicloud.com/hello/index.zip"),
    )
    .function_type(FunctionType::V2);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- GetCode

#[test]
fn get_code_token() {
    insta::assert_snapshot!(render(&GetCode::new(URN), &token_config()));
}

#[test]
fn get_code_short_urn() {
    // The short `package:name` form is one segment too.
    insta::assert_snapshot!(render(&GetCode::new("default:hello"), &aksk_config()));
}

// ---------------------------------------------------------------- Delete

#[test]
fn delete_token() {
    insta::assert_snapshot!(render(&Delete::new(BASE_URN), &token_config()));
}

#[test]
fn delete_alias_qualified_urn() {
    // `!` of the alias qualifier is encoded as %21.
    insta::assert_snapshot!(render(&Delete::new(ALIAS_URN), &aksk_config()));
}

// ---------------------------------------------------------------- UpdateCode

#[test]
fn update_code_minimal_token() {
    insta::assert_snapshot!(render(&UpdateCode::minimal(), &token_config()));
}

#[test]
fn update_code_all_fields() {
    let op = UpdateCode::new(URN, Code::zip("index.zip", oas_zip()))
        .code_url("https://bucket.obs.cn-north-4.myhuaweicloud.com/hello/index.zip")
        .depend_version_list(vec!["0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9".to_owned()])
        .code_encrypt_kms_key_id("kms-key-code");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn update_code_obs() {
    let op = UpdateCode::new(
        URN,
        Code::obs("https://bucket.obs.cn-north-4.myhuaweicloud.com/hello/index.zip"),
    );
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn update_code_base64() {
    // The OAS example verbatim: inline code given as base64 text, with a file name.
    let file = base64::engine::general_purpose::STANDARD.encode(oas_zip().as_bytes());
    let op = UpdateCode::new(URN, Code::base64(CodeType::Inline, file)).code_filename("index.zip");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- UpdateMetadata

#[test]
fn update_metadata_minimal_token() {
    insta::assert_snapshot!(render(&UpdateMetadata::minimal(), &token_config()));
}

#[test]
fn update_metadata_all_fields() {
    let op = UpdateMetadata::new(
        URN,
        "hello",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Custom,
            "bootstrap",
            fgs_proto::model::MemorySize::mb(4096),
            std::time::Duration::from_secs(40),
        ),
    )
    .gpu_memory(fgs_proto::model::MemorySize::mb(1024))
    .gpu_type("nvidia-t4")
    .user_data(r#"{"host":"192.168.0.1"}"#)
    .encrypted_user_data(r#"{"password":"1234"}"#)
    .xrole("fgs_agency")
    .app_xrole("fgs_exec_agency")
    .description("GPU function")
    .func_vpc(func_vpc())
    .peering_cidr("192.168.0.0/24;10.0.0.0/16")
    .mount_config(mount_config())
    .strategy_config(StrategyConfig::new(-1, 10))
    .custom_image(custom_image())
    .extend_config(r#"{"enable_snapshot":false}"#)
    .initializer_handler("index.init")
    .initializer_timeout(std::time::Duration::from_secs(30))
    .pre_stop_handler("index.pre_stop")
    .pre_stop_timeout(std::time::Duration::from_secs(10))
    .restore_hook_handler("index.restore")
    .restore_hook_timeout(std::time::Duration::from_secs(10))
    .ephemeral_storage(fgs_proto::model::MemorySize::mb(512))
    .enterprise_project_id("0")
    .log_config(log_config())
    .network_controller(network_controller())
    .is_stateful_function(false)
    .enable_dynamic_memory(true)
    .enable_auth_in_header(false)
    .enable_class_isolation(false)
    .enable_lts_log(true)
    .domain_names(r#"[{"id":"ff8080828a07ffea018a17184aa310f5","domain_name":"example.com"}]"#)
    .heartbeat_handler("index.heartbeat")
    .user_data_encrypt_kms_key_id("kms-key-user-data")
    .lts_custom_tag(tags());
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- CreateVersion

#[test]
fn create_version_minimal_token() {
    insta::assert_snapshot!(render(&CreateVersion::new(BASE_URN), &token_config()));
}

#[test]
fn create_version_all_fields() {
    let op = CreateVersion::new(BASE_URN)
        .version("v1")
        .description("first release")
        .digest("1c8610d1870731a818a037f1d2adf322");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- ListVersion

#[test]
fn list_version_minimal_token() {
    insta::assert_snapshot!(render(&ListVersion::new(BASE_URN), &token_config()));
}

#[test]
fn list_version_all_fields() {
    let op = ListVersion::new(BASE_URN).marker("5").maxitems(5);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- CreateAlias

#[test]
fn create_alias_minimal_token() {
    insta::assert_snapshot!(render(
        &CreateAlias::new(BASE_URN, "a1", "v1"),
        &token_config()
    ));
}

#[test]
fn create_alias_all_fields() {
    let op = CreateAlias::new(BASE_URN, "a1", "v1")
        .description("canary for v2")
        .additional_version_weights(weights())
        .additional_version_strategy(strategy());
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- UpdateAlias

#[test]
fn update_alias_minimal_token() {
    insta::assert_snapshot!(render(
        &UpdateAlias::new(BASE_URN, "dev", "latest"),
        &token_config()
    ));
}

#[test]
fn update_alias_all_fields() {
    let op = UpdateAlias::new(BASE_URN, "dev", "v1")
        .description("")
        .additional_version_weights(BTreeMap::from([("v2".to_owned(), 10)]))
        .additional_version_strategy(strategy());
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

// ---------------------------------------------------------------- DeleteAlias

#[test]
fn delete_alias_token() {
    insta::assert_snapshot!(render(&DeleteAlias::new(BASE_URN, "dev"), &token_config()));
}

#[test]
fn delete_alias_odd_name() {
    // An alias name that is not a plain token stays one encoded segment.
    insta::assert_snapshot!(render(
        &DeleteAlias::new(BASE_URN, "a/b ?#"),
        &aksk_config()
    ));
}

// ---------------------------------------------------------------- GetAlias

#[test]
fn get_alias_token() {
    insta::assert_snapshot!(render(&GetAlias::new(BASE_URN, "dev"), &token_config()));
}

// ---------------------------------------------------------------- ListAlias

#[test]
fn list_alias_token() {
    insta::assert_snapshot!(render(&ListAlias::new(BASE_URN), &token_config()));
}
