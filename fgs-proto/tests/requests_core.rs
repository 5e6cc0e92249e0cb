//! Request snapshots of the operations the core issue built (GetMetadata, List), beyond
//! the minimal ones. Each snapshot is the exact request, signed at a fixed time with
//! fixed credentials.
//! (The minimal AK/SK-signed request of every operation is snapshotted by `registry.rs`,
//! from the fixtures in `common/fixtures.rs`.)

mod common;

use common::{URN, aksk_config, render, token_config};
use fgs_proto::functions::{GetMetadata, List};

#[test]
fn get_metadata_token() {
    insta::assert_snapshot!(render(&GetMetadata::new(URN), &token_config()));
}

#[test]
fn list_all_fields() {
    let op = List::new()
        .marker("400")
        .maxitems(50)
        .package_name("default")
        .func_name("hello world");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
