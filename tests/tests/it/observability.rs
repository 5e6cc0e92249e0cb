//! Import and export, logs, tracing, the pin state and snapshots, through each adapter
//! against the emulator: a function exported, deleted, imported from its package and
//! found equal in configuration and code; a corrupt package refused; LTS switched on
//! and the log group shown by ShowLtsLogDetails and GetMetadata; the async status log;
//! tracing keys set, shown (SK masked) and cleared; a function pinned; a Java version's
//! snapshots switched on and read back.

use std::time::Duration;

use fgs_proto::code::{Code, CodePackage};
use fgs_proto::functions::{
    Create, CreateVersion, Delete, Export, ExportType, FunctionConfig, GetCode, GetMetadata,
    GetSnapshotState, Import, SnapshotAction, SnapshotQuery, UpdateCollectState, UpdateSnapshot,
};
use fgs_proto::model::{MemorySize, Runtime};
use fgs_proto::observability::{
    EnableAsyncStatusLog, EnableLts, GetAsyncStatusLog, GetLtsDetails, GetTracing, UpdateTracing,
};
use fgs_tests::{Connect, echo_function, start};

fgs_tests::through_both_adapters!(export_delete_import_equal, logs_tracing_pin_and_snapshots);

/// The fields of a function's configuration an import must carry over.
fn configuration(f: &fgs_proto::model::Function) -> Vec<String> {
    vec![
        format!("{:?}", f.runtime),
        format!("{:?}", f.handler),
        format!("{:?}", f.memory_size),
        format!("{:?}", f.timeout),
        format!("{:?}", f.description),
        format!("{:?}", f.user_data),
        format!("{:?}", f.code_type),
        format!("{:?}", f.code_filename),
    ]
}

fn export_delete_import_equal<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let zip = CodePackage::from_files([(
        "index.py",
        "def handler(event, context):\n    return 'exported'\n",
    )])
    .unwrap();
    let created = sdk
        .send(
            &Create::new(
                "moving",
                "default",
                FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    MemorySize::mb(256),
                    Duration::from_secs(12),
                ),
                Code::zip("index.zip", zip.clone()),
            )
            .description("travels in a package")
            .env_vars([("STAGE", "prod")]),
        )
        .expect("Create");
    // Create answers the URN of `latest`; the function itself is the URN without it.
    let urn = created.func_urn.clone().unwrap().replace(":latest", "");
    let before = sdk.send(&GetMetadata::new(&urn)).expect("GetMetadata");
    let code_before = sdk.send(&GetCode::new(&urn)).expect("GetCode");

    let package = sdk
        .send(&Export::new(&urn))
        .expect("ExportFunction")
        .into_package()
        .expect("the package itself");
    // Only the configuration: a zip too, without the code.
    let config_only = sdk
        .send(&Export::new(&urn).kind(ExportType::Config))
        .expect("ExportFunction type=config");
    assert!(
        config_only.package().unwrap().len() < package.len(),
        "{who}: the configuration alone is smaller"
    );

    sdk.send(&Delete::new(&urn)).expect("Delete");
    assert!(
        sdk.send(&GetMetadata::new(&urn))
            .unwrap_err()
            .is_not_found(),
        "{who}: gone"
    );
    let imported = sdk
        .send(&Import::new("moving", "moving.zip", package.clone()))
        .expect("ImportFunction");
    assert_eq!(
        imported.func_urn.as_deref(),
        Some(format!("{urn}:latest").as_str()),
        "{who}"
    );
    let after = sdk
        .send(&GetMetadata::new(&urn))
        .expect("GetMetadata again");
    assert_eq!(configuration(&after), configuration(&before), "{who}");
    assert_eq!(after.memory_size, Some(256), "{who}");
    assert_eq!(
        after.description.as_deref(),
        Some("travels in a package"),
        "{who}"
    );
    let code_after = sdk.send(&GetCode::new(&urn)).expect("GetCode again");
    assert_eq!(
        code_after.digest, code_before.digest,
        "{who}: the same code"
    );
    assert_eq!(code_after.code_size, Some(zip.len() as i64), "{who}");

    // Importing again under the same name: the function exists.
    let exists = sdk
        .send(&Import::new("moving", "moving.zip", package.clone()))
        .unwrap_err();
    assert_eq!(exists.code(), Some("FSS.1061"), "{who}");
    // Under another name it is a second, equal function.
    let copy = sdk
        .send(&Import::new("moving-copy", "moving.zip", package).package("default"))
        .expect("ImportFunction copy");
    assert_eq!(copy.func_name.as_deref(), Some("moving-copy"), "{who}");
    assert_eq!(configuration(&copy), configuration(&before), "{who}");
    // A corrupt package: the SDK refuses what is no zip; the service what is a broken one.
    let mut broken = CodePackage::from_files([("x.yaml", "{}")])
        .unwrap()
        .as_bytes()
        .to_vec();
    broken.truncate(broken.len() - 10);
    let refused = sdk
        .send(&Import::new(
            "broken",
            "broken.zip",
            CodePackage::new(broken),
        ))
        .unwrap_err();
    assert_eq!(refused.code(), Some("FSS.0400"), "{who}: {refused}");
    let no_zip = sdk
        .send(&Import::new(
            "broken",
            "broken.zip",
            CodePackage::new(b"not a zip".to_vec()),
        ))
        .unwrap_err();
    assert!(
        matches!(no_zip, fgs_proto::Error::InvalidInput(_)),
        "{who}: {no_zip}"
    );
    let unknown = sdk.send(&Export::new("default:nobody")).unwrap_err();
    assert_eq!(unknown.code(), Some("FSS.1051"), "{who}");
    // The code alone is no function: no configuration to create it from.
    let code_only = sdk
        .send(&Export::new(&urn).kind(ExportType::Code))
        .expect("ExportFunction type=code")
        .into_package()
        .unwrap();
    let refused = sdk
        .send(&Import::new("code-only", "code.zip", code_only))
        .unwrap_err();
    assert_eq!(refused.code(), Some("FSS.0400"), "{who}: {refused}");
}

fgs_tests::through_both_adapters!(the_package_limit_is_configurable);

fn the_package_limit_is_configurable<S: Connect>() {
    let emu = fgs_emulator::Emulator::builder()
        .ak_sk(
            fgs_tests::harness::ACCESS_KEY,
            fgs_tests::harness::SECRET_KEY,
        )
        .import_export_package_size(1000)
        .start()
        .expect("the emulator starts");
    let sdk = S::connect(emu.config(), fgs_tests::fast_retries());
    let who = sdk.name();
    // Larger than the limit once unpacked, whatever deflate makes of it.
    let big = "x".repeat(4096);
    let urn = sdk
        .send(&echo_function("roomy").description("d"))
        .expect("Create")
        .func_urn
        .unwrap();
    let small = sdk
        .send(&Export::new(&urn).kind(ExportType::Config))
        .expect("a small export fits")
        .into_package()
        .unwrap();
    assert!(small.len() <= 1000, "{who}");
    let large = CodePackage::from_files([("roomy.yaml", big.as_str())]).unwrap();
    let e = sdk
        .send(&Import::new("roomier", "roomier.zip", large))
        .unwrap_err();
    assert_eq!(
        (e.status().map(|s| s.as_u16()), e.code()),
        (Some(413), Some("FSS.1071")),
        "{who}: {e}"
    );
}

fn logs_tracing_pin_and_snapshots<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let urn = sdk
        .send(&echo_function("observed"))
        .expect("Create")
        .func_urn
        .unwrap()
        .replace(":latest", "");

    // LTS: nothing until it is switched on, then one group with a stream per function.
    let off = sdk.send(&GetLtsDetails::new(&urn)).unwrap_err();
    assert_eq!(off.code(), Some("FSS.0404"), "{who}");
    sdk.send(&EnableLts::new()).expect("EnableLtsLogs");
    let lts = sdk
        .send(&GetLtsDetails::new(&urn))
        .expect("ShowLtsLogDetails");
    assert_eq!(
        lts.stream_name(),
        Some("functiongraph.log.stream.observed"),
        "{who}"
    );
    let metadata = sdk.send(&GetMetadata::new(&urn)).expect("GetMetadata");
    assert_eq!(metadata.enable_lts_log, Some(true), "{who}");
    assert_eq!(metadata.log_group_id.as_deref(), lts.group_id(), "{who}");
    assert_eq!(metadata.log_stream_id.as_deref(), lts.stream_id(), "{who}");

    // The async status log, likewise.
    assert_eq!(
        sdk.send(&GetAsyncStatusLog::new()).unwrap_err().code(),
        Some("FSS.0404"),
        "{who}"
    );
    sdk.send(&EnableAsyncStatusLog::new())
        .expect("EnableAsyncStatusLog");
    let status_log = sdk
        .send(&GetAsyncStatusLog::new())
        .expect("ShowProjectAsyncStatusLogInfo");
    assert!(
        status_log.group_id().is_some_and(|id| id.len() == 36),
        "{who}"
    );

    // Tracing: set, shown with the SK masked, cleared.
    assert_eq!(
        sdk.send(&GetTracing::new(&urn)).unwrap_err().code(),
        Some("FSS.0404"),
        "{who}"
    );
    sdk.send(&UpdateTracing::new(&urn, "APM-AK-1", "APM-SK-1"))
        .expect("UpdateTracing");
    let keys = sdk.send(&GetTracing::new(&urn)).expect("ShowTracing");
    assert_eq!(keys.tracing_ak(), Some("APM-AK-1"), "{who}");
    assert_eq!(
        keys.tracing_sk().map(|s| s.expose()),
        Some("******"),
        "{who}"
    );
    sdk.send(&UpdateTracing::disable(&urn))
        .expect("UpdateTracing off");
    assert!(
        sdk.send(&GetTracing::new(&urn)).is_err(),
        "{who}: off again"
    );
    let unknown = sdk
        .send(&UpdateTracing::new("default:nobody", "a", "b"))
        .unwrap_err();
    assert_eq!(unknown.code(), Some("FSS.1128"), "{who}");

    // Pinning: accepted for a function, refused for an unknown one.
    sdk.send(&UpdateCollectState::new(&urn, true))
        .expect("UpdateFunctionCollectState");
    assert!(
        sdk.send(&UpdateCollectState::new("default:nobody", true))
            .unwrap_err()
            .is_not_found(),
        "{who}"
    );

    // Snapshots: for Java functions' published versions.
    let java = sdk
        .send(&Create::new(
            "snappy",
            "default",
            FunctionConfig::new(
                Runtime::Java11,
                "com.example.Handler::handle",
                MemorySize::mb(512),
                Duration::from_secs(30),
            ),
            Code::zip(
                "app.jar",
                CodePackage::from_files([("Handler.class", "cafebabe")]).unwrap(),
            ),
        ))
        .expect("Create java");
    let java_urn = java.func_urn.unwrap().replace(":latest", "");
    let version = sdk
        .send(&CreateVersion::new(&java_urn))
        .expect("CreateVersion")
        .version
        .unwrap();
    let v_urn = format!("{java_urn}:{version}");
    let state = sdk.send(&GetSnapshotState::new(&v_urn)).expect("state");
    assert_eq!(state.state(), Some("disable"), "{who}");
    sdk.send(&UpdateSnapshot::new(&v_urn, SnapshotAction::Enable))
        .expect("UpdateFuncSnapshot enable");
    let state = sdk
        .send(&GetSnapshotState::new(&v_urn).action(SnapshotQuery::EnableSnapshot))
        .expect("ShowFuncSnapshotState");
    assert_eq!(state.state(), Some("enable"), "{who}");
    // Not for latest, not for Python.
    let latest = sdk
        .send(&UpdateSnapshot::new(
            format!("{java_urn}:latest"),
            SnapshotAction::Enable,
        ))
        .unwrap_err();
    assert_eq!(latest.code(), Some("FSS.0400"), "{who}");
    let py_version = sdk
        .send(&CreateVersion::new(&urn))
        .expect("CreateVersion python")
        .version
        .unwrap();
    let python = sdk
        .send(&UpdateSnapshot::new(
            format!("{urn}:{py_version}"),
            SnapshotAction::Enable,
        ))
        .unwrap_err();
    assert_eq!(python.code(), Some("FSS.0400"), "{who}");
    sdk.send(&UpdateSnapshot::new(&v_urn, SnapshotAction::Disable))
        .expect("UpdateFuncSnapshot disable");
    let state = sdk
        .send(&GetSnapshotState::new(&v_urn))
        .expect("state again");
    assert_eq!(state.state(), Some("disable"), "{who}");
}
