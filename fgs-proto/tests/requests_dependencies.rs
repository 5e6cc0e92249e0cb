//! Request snapshots of the dependency and test-event operations beyond the minimal ones
//! (which `registry.rs` snapshots from the fixtures): every field set, signed with AK/SK
//! at a fixed time.

mod common;

use common::fixtures::{BASE_URN, DEPEND_ID};
use common::{aksk_config, render};
use fgs_proto::code::CodePackage;
use fgs_proto::dependencies::{CreateVersion, DependencyType, List, ListVersion};
use fgs_proto::events;
use fgs_proto::model::Runtime;

#[test]
fn list_all_fields() {
    let op = List::new()
        .marker("10")
        .maxitems(5)
        .ispublic(false)
        .dependency_type(DependencyType::Private)
        .runtime(Runtime::Python39)
        .name("pillow 7")
        .limit(20);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_version_all_fields() {
    let op = ListVersion::new(DEPEND_ID).marker("2").maxitems(2);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_version_all_fields() {
    let zip = CodePackage::from_files([("python/greeting.py", "WORD = 'hi'\n")]).unwrap();
    let mut op = CreateVersion::zip("greeting", Runtime::Python39, &zip)
        .description("shared words")
        .depend_link("https://bucket.obs.example/greeting.zip");
    op.body_mut()
        .extra
        .insert("future".into(), serde_json::json!(1));
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn event_create_all_fields() {
    let mut op = events::Create::new(BASE_URN, "event-xx", r#"{"body":"","k":"v"}"#);
    op.body_mut()
        .extra
        .insert("future".into(), serde_json::json!(true));
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
