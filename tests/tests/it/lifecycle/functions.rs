//! Create (inline and zip), GetMetadata, GetCode, UpdateCode, UpdateMetadata.

use std::collections::BTreeMap;

use fgs_emulator::Emulator;
use fgs_proto::code::Code;
use fgs_proto::functions::{Create, GetCode, GetMetadata, UpdateCode, UpdateMetadata};
use fgs_proto::model::{CodeType, Runtime};
use fgs_tests::Sdk;

use super::code::{INLINE_SOURCE, decoded_file, sha512_hex, zip};
use super::{Life, NAME};

/// Creates the followed function (inline code) and a second one from a zip built with
/// `CodePackage`; checks both answers and the zip's round trip through GetCode.
pub(super) fn create<'a, S: Sdk>(sdk: &'a S, emu: &'a Emulator) -> Life<'a, S> {
    let who = sdk.name();
    let created = sdk
        .send(
            &Create::new(
                NAME,
                "default",
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    fgs_proto::model::MemorySize::mb(128),
                    std::time::Duration::from_secs(30),
                ),
                Code::inline_source(INLINE_SOURCE),
            )
            .description("followed from birth to deletion"),
        )
        .expect("Create (inline)");
    let base = emu.function_urn("default", NAME);
    let latest = format!("{base}:latest");
    assert_eq!(created.func_urn.as_deref(), Some(latest.as_str()), "{who}");
    assert_eq!(created.func_name.as_deref(), Some(NAME), "{who}");
    assert_eq!(created.runtime, Some(Runtime::Python39), "{who}");
    assert_eq!(created.code_type, Some(CodeType::Inline), "{who}");
    assert_eq!(created.code_size, Some(INLINE_SOURCE.len() as i64), "{who}");
    assert_eq!(
        created.digest.as_deref(),
        Some(sha512_hex(INLINE_SOURCE.as_bytes()).as_str()),
        "{who}"
    );

    let package = zip("def handler(event, context):\n    return 'zipped'\n");
    let zipped = sdk
        .send(&Create::new(
            "life-zip",
            "default",
            fgs_proto::functions::FunctionConfig::new(
                Runtime::Python39,
                "index.handler",
                fgs_proto::model::MemorySize::mb(256),
                std::time::Duration::from_secs(60),
            ),
            Code::zip("index.zip", package.clone()),
        ))
        .expect("Create (zip)");
    assert_eq!(zipped.code_type, Some(CodeType::Zip), "{who}");
    assert_eq!(zipped.code_filename.as_deref(), Some("index.zip"), "{who}");
    assert_eq!(zipped.code_size, Some(package.len() as i64), "{who}");
    assert_eq!(zipped.memory_size, Some(256), "{who}");
    let code = sdk
        .send(&GetCode::new(zipped.func_urn.as_deref().expect("func_urn")))
        .expect("GetCode (zip)");
    assert_eq!(
        decoded_file(&code),
        package.as_bytes(),
        "{who}: the zip comes back"
    );
    // The emulator stored exactly these bytes (checked on its side of the wire too).
    let stored = emu.snapshot();
    assert_eq!(
        stored
            .function("default", "life-zip")
            .expect("stored")
            .latest
            .code,
        package.as_bytes(),
        "{who}"
    );

    Life {
        sdk,
        emu,
        base,
        latest,
    }
}

/// GetMetadata and GetCode of the followed function.
pub(super) fn read<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    let function = life
        .sdk
        .send(&GetMetadata::new(&life.latest))
        .expect("GetMetadata");
    assert_eq!(
        function.func_urn.as_deref(),
        Some(life.latest.as_str()),
        "{who}"
    );
    assert_eq!(function.handler.as_deref(), Some("index.handler"), "{who}");
    assert_eq!(
        (function.memory_size, function.timeout),
        (Some(128), Some(30)),
        "{who}"
    );
    assert_eq!(
        function.description.as_deref(),
        Some("followed from birth to deletion"),
        "{who}"
    );
    assert_eq!(function.version.as_deref(), Some("latest"), "{who}");

    let code = life.sdk.send(&GetCode::new(&life.latest)).expect("GetCode");
    assert_eq!(code.code_type, Some(CodeType::Inline), "{who}");
    assert_eq!(
        decoded_file(&code),
        INLINE_SOURCE.as_bytes(),
        "{who}: the source comes back"
    );
    assert_eq!(
        code.digest, function.digest,
        "{who}: one digest for one code"
    );
}

/// UpdateCode (a zip replaces the inline code) and UpdateMetadata, each change then
/// visible in GetCode / GetMetadata.
pub(super) fn update<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    let before = life.sdk.send(&GetCode::new(&life.latest)).expect("GetCode");
    let package = zip("def handler(event, context):\n    return {'second': event}\n");
    let updated = life
        .sdk
        .send(&UpdateCode::new(
            &life.latest,
            Code::zip("index.zip", package.clone()),
        ))
        .expect("UpdateCode");
    assert_eq!(updated.code_type, Some(CodeType::Zip), "{who}");
    assert_eq!(updated.code_size, Some(package.len() as i64), "{who}");
    assert_eq!(
        updated.digest.as_deref(),
        Some(sha512_hex(package.as_bytes()).as_str()),
        "{who}"
    );
    assert_ne!(updated.digest, before.digest, "{who}: the digest changes");
    assert_ne!(
        updated.code_size, before.code_size,
        "{who}: the size changes"
    );
    let after = life.sdk.send(&GetCode::new(&life.latest)).expect("GetCode");
    assert_eq!(decoded_file(&after), package.as_bytes(), "{who}");

    let changed = life
        .sdk
        .send(
            &UpdateMetadata::new(
                &life.latest,
                NAME,
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    fgs_proto::model::MemorySize::mb(512),
                    std::time::Duration::from_secs(15),
                ),
            )
            .description("bigger and slower")
            .env_vars([("GREETING", "hello"), ("LEVEL", "debug")]),
        )
        .expect("UpdateMetadata");
    assert_eq!(changed.memory_size, Some(512), "{who}");
    let function = life
        .sdk
        .send(&GetMetadata::new(&life.latest))
        .expect("GetMetadata");
    assert_eq!(
        (function.memory_size, function.timeout),
        (Some(512), Some(15)),
        "{who}"
    );
    assert_eq!(
        function.description.as_deref(),
        Some("bigger and slower"),
        "{who}"
    );
    assert_eq!(
        function.user_data_map(),
        Some(BTreeMap::from([
            ("GREETING".to_owned(), "hello".to_owned()),
            ("LEVEL".to_owned(), "debug".to_owned()),
        ])),
        "{who}"
    );
    // The code is untouched by a metadata update.
    assert_eq!(function.digest, updated.digest, "{who}");
}
