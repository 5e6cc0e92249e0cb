//! Request snapshots of the tag operations beyond the minimal ones (which `registry.rs`
//! snapshots from the fixtures): every field set, signed with AK/SK at a fixed time.
//! Their paths have no `fgs` segment; DeleteTags is a DELETE with a body.

mod common;

use common::fixtures::URN;
use common::{aksk_config, render};
use fgs_proto::tags::{Create, Delete, ListResources, Tag, TagValues};

fn sys() -> Vec<Tag> {
    vec![Tag::new(
        "_sys_enterprise_project_id",
        "5aa119a8-d25b-45a7-8d1b-88e127885635",
    )]
}

#[test]
fn create_all_fields() {
    let op = Create::new(URN, vec![Tag::new("env", "prod"), Tag::new("team", "a b")])
        .sys_tags(sys())
        .action("create");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn delete_all_fields() {
    let op = Delete::new(URN, vec![Tag::new("env", "prod")])
        .sys_tags(sys())
        .action("delete");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_resources_all_fields() {
    let mut op = ListResources::count()
        .matches(Tag::new("resource_name", "hello"))
        .matches(Tag::new("env", "prod"))
        .sys_tag(TagValues::new(
            "_sys_enterprise_project_id",
            ["0", "5aa119a8-d25b-45a7-8d1b-88e127885635"],
        ))
        .without_any_tag(false)
        .offset(20)
        .limit(10);
    op.body_mut().action = Some("count".into());
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
