//! Request snapshots of import/export, snapshots, the pin state, LTS, the async status
//! log and tracing beyond the minimal ones (which `registry.rs` snapshots from the
//! fixtures): every field set, signed with AK/SK at a fixed time. The POSTs and PUTs
//! without a body send an empty one, not `{}`.

mod common;

use common::fixtures::{BASE_URN, V1_URN, import_package};
use common::{aksk_config, render};
use fgs_proto::functions::{
    Export, ExportType, GetSnapshotState, Import, SnapshotAction, SnapshotQuery,
    UpdateCollectState, UpdateSnapshot,
};
use fgs_proto::observability::UpdateTracing;

#[test]
fn import_all_fields() {
    let op = Import::new("hello2", "hello.zip", import_package())
        .package("apps")
        .file_type("zip");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn import_from_base64() {
    let op = Import::from_base64("hello2", "hello.zip", "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn export_by_type_and_by_flags() {
    let code = Export::new(BASE_URN).kind(ExportType::Config);
    insta::assert_snapshot!("export_type", render(&code, &aksk_config()));
    let flags = Export::new(BASE_URN).config(false).code(true);
    insta::assert_snapshot!("export_code_only", render(&flags, &aksk_config()));
}

#[test]
fn snapshot_actions() {
    let op = GetSnapshotState::new(V1_URN).action(SnapshotQuery::EnableSnapshot);
    insta::assert_snapshot!("get_snapshot_enabled", render(&op, &aksk_config()));
    let op = UpdateSnapshot::new(V1_URN, SnapshotAction::Disable);
    insta::assert_snapshot!("update_snapshot_disable", render(&op, &aksk_config()));
}

#[test]
fn unpin_and_tracing_off() {
    let op = UpdateCollectState::new(BASE_URN, false);
    insta::assert_snapshot!("update_collect_state_false", render(&op, &aksk_config()));
    let op = UpdateTracing::disable(BASE_URN);
    insta::assert_snapshot!("update_tracing_disable", render(&op, &aksk_config()));
}
