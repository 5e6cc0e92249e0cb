//! Response parsing of import/export, snapshots, the pin state, LTS, the async status
//! log and tracing: the OAS examples (success and error), the bodiless successes, the
//! forms an export answer takes, odd-but-legal bodies and wrong types, and every error
//! shape.

mod common;
mod error_shapes;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::fixtures::{BASE_URN, Fixture, V1_URN, import_package};
use common::{oas_example, response};
use fgs_proto::functions::{
    Export, GetSnapshotState, Import, SnapshotAction, UpdateCollectState, UpdateSnapshot,
};
use fgs_proto::observability::{
    EnableAsyncStatusLog, EnableLts, GetAsyncStatusLog, GetLtsDetails, GetTracing, UpdateTracing,
};
use fgs_proto::{Error, Operation};

fn service<T: std::fmt::Debug>(result: Result<T, Error>) -> fgs_proto::ServiceError {
    match result {
        Err(Error::Service(e)) => *e,
        other => panic!("expected a service error, got {other:?}"),
    }
}

fn decode_path<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::Decode(e)) => e.path().to_owned(),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn import_oas_examples() {
    let function = Import::minimal()
        .response(response(200, &[], &oas_example("ImportFunction", "200")))
        .unwrap();
    assert_eq!(function.func_name.as_deref(), Some("test_v1_2"));
    assert_eq!(function.code_size, Some(6709));
    assert_eq!(
        function
            .strategy_config
            .as_ref()
            .and_then(|s| s.concurrency),
        Some(-1)
    );
    let e = service(Import::minimal().response(response(
        409,
        &[],
        &oas_example("ImportFunction", "409"),
    )));
    assert_eq!(
        (e.code(), e.message()),
        (Some("FSS.1061"), Some("The function has existed"))
    );
    assert_eq!(
        decode_path(Import::minimal().response(response(200, &[], r#"{"code_size":"big"}"#))),
        "code_size"
    );
}

#[test]
fn export_reads_every_form_of_the_package() {
    let zip = import_package();
    let encoded = STANDARD.encode(zip.as_bytes());
    let raw = http::Response::builder()
        .status(200)
        .header("Content-Type", "application/zip")
        .body(zip.as_bytes().to_vec())
        .unwrap();
    for answer in [
        raw,
        response(200, &[], &encoded),
        response(
            200,
            &[("Content-Type", "application/json")],
            &format!("\"{encoded}\""),
        ),
    ] {
        let out = Export::minimal().response(answer).unwrap();
        assert_eq!(out.package(), Some(zip.as_bytes()));
        assert_eq!(out.into_package(), Some(zip.clone()));
    }
    let doc = Export::minimal()
        .response(response(
            200,
            &[],
            r#"{"file_name":"hello.zip","download_url":"https://obs.example.com/hello.zip"}"#,
        ))
        .unwrap();
    assert_eq!(doc.link(), Some("https://obs.example.com/hello.zip"));
    assert_eq!(doc.document().map(|d| d.len()), Some(2));
    for bad in ["", "  ", "[]", "not base64!", "aGVsbG8="] {
        match Export::minimal().response(response(200, &[("X-Request-Id", "r1")], bad)) {
            Err(Error::Decode(e)) => assert_eq!(e.status(), 200, "{bad:?}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    let e = service(Export::minimal().response(response(
        404,
        &[],
        &oas_example("ExportFunction", "404"),
    )));
    assert_eq!(e.code(), Some("FSS.1051"));
}

#[test]
fn bodiless_successes_ignore_the_body() {
    for body in ["", "ok", "{}"] {
        EnableLts::new().response(response(200, &[], body)).unwrap();
        EnableAsyncStatusLog::new()
            .response(response(200, &[], body))
            .unwrap();
        UpdateTracing::minimal()
            .response(response(200, &[], body))
            .unwrap();
        UpdateCollectState::new(BASE_URN, false)
            .response(response(200, &[], body))
            .unwrap();
    }
    UpdateSnapshot::new(V1_URN, SnapshotAction::Disable)
        .response(response(204, &[], ""))
        .unwrap();
    let busy = service(EnableLts::new().response(response(
        429,
        &[],
        &oas_example("EnableLtsLogs", "429"),
    )));
    assert_eq!(busy.code(), Some("FSS.0429"));
    assert!(busy.is_retryable());
    let gone = service(UpdateTracing::minimal().response(response(
        400,
        &[],
        &oas_example("UpdateTracing", "400"),
    )));
    assert_eq!(gone.code(), Some("FSS.1128"));
}

#[test]
fn log_details_oas_examples_and_odd_bodies() {
    let lts = GetLtsDetails::minimal()
        .response(response(200, &[], &oas_example("ShowLtsLogDetails", "200")))
        .unwrap();
    assert_eq!(
        (lts.group_id(), lts.group_name(), lts.stream_name()),
        (Some("xxx"), None, Some("xxx"))
    );
    let status = GetAsyncStatusLog::new()
        .response(response(
            200,
            &[],
            &oas_example("ShowProjectAsyncStatusLogInfo", "200"),
        ))
        .unwrap();
    assert_eq!(status.group_name(), Some("xxx"));
    let odd = GetLtsDetails::minimal()
        .response(response(200, &[], r#"{"group_id":null,"ttl":7}"#))
        .unwrap();
    assert_eq!(
        (odd.group_id(), &odd.extra["ttl"]),
        (None, &serde_json::json!(7))
    );
    assert_eq!(
        decode_path(GetAsyncStatusLog::new().response(response(200, &[], r#"{"stream_id":1}"#))),
        "stream_id"
    );
    assert_eq!(
        service(GetLtsDetails::minimal().response(response(
            403,
            &[],
            &oas_example("ShowLtsLogDetails", "403")
        )))
        .code(),
        Some("FSS.0403")
    );
    assert_eq!(
        service(GetAsyncStatusLog::new().response(response(
            401,
            &[],
            &oas_example("ShowProjectAsyncStatusLogInfo", "401")
        )))
        .code(),
        Some("FSS.0401")
    );
}

#[test]
fn tracing_keys_hide_the_secret() {
    let keys = GetTracing::minimal()
        .response(response(
            200,
            &[],
            r#"{"tracing_ak":"AK-SENTINEL","tracing_sk":"SK-SENTINEL"}"#,
        ))
        .unwrap();
    assert_eq!(keys.tracing_ak(), Some("AK-SENTINEL"));
    assert_eq!(keys.tracing_sk().map(|s| s.expose()), Some("SK-SENTINEL"));
    assert!(!format!("{keys:?}").contains("SK-SENTINEL"));
    let masked = GetTracing::minimal()
        .response(response(200, &[], &oas_example("ShowTracing", "200")))
        .unwrap();
    assert_eq!(masked.tracing_sk().map(|s| s.expose()), Some("******"));
    let op = UpdateTracing::new(BASE_URN, "AK", "SK-SENTINEL");
    assert!(!format!("{op:?}").contains("SK-SENTINEL"));
    let off = service(GetTracing::minimal().response(response(
        404,
        &[],
        &oas_example("ShowTracing", "404"),
    )));
    assert_eq!(
        (off.code(), off.message()),
        (Some("FSS.0404"), Some("can not find tracing aksk"))
    );
    assert_eq!(
        decode_path(GetTracing::minimal().response(response(200, &[], r#"{"tracing_sk":5}"#))),
        "tracing_sk"
    );
}

#[test]
fn snapshot_state_oas_example() {
    let state = GetSnapshotState::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ShowFuncSnapshotState", "200"),
        ))
        .unwrap();
    assert_eq!(state.state(), Some("enable"));
    // The example's `message` is not in the schema; it is kept, not lost.
    assert_eq!(state.extra["message"], "xxx");
    assert_eq!(state.code(), None);
    let e = service(UpdateSnapshot::minimal().response(response(
        404,
        &[],
        &oas_example("UpdateFuncSnapshot", "404"),
    )));
    assert_eq!(e.code(), Some("FSS.1051"));
}

#[test]
fn error_shapes_of_every_operation_here() {
    error_shapes::assert_error_shapes(&Import::new("f", "f.zip", import_package()));
    error_shapes::assert_error_shapes(&Export::minimal());
    error_shapes::assert_error_shapes(&UpdateCollectState::minimal());
    error_shapes::assert_error_shapes(&GetSnapshotState::minimal());
    error_shapes::assert_error_shapes(&UpdateSnapshot::minimal());
    error_shapes::assert_error_shapes(&EnableLts::minimal());
    error_shapes::assert_error_shapes(&GetLtsDetails::minimal());
    error_shapes::assert_error_shapes(&EnableAsyncStatusLog::minimal());
    error_shapes::assert_error_shapes(&GetAsyncStatusLog::minimal());
    error_shapes::assert_error_shapes(&GetTracing::minimal());
    error_shapes::assert_error_shapes(&UpdateTracing::minimal());
}
