//! Code packaging: zips built from in-memory files, the size limits checked before
//! sending, and the upload body with the package base64-encoded in place.

mod common;

use std::io::{Cursor, Read as _};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::create_hello;
use fgs_proto::code::{
    Code, CodePackage, MAX_INLINE_LEN, MAX_PACKAGE_LEN, check_inline_len, check_package_len,
};
use fgs_proto::functions::UpdateCode;
use fgs_proto::model::{CodeType, FuncCode};
use fgs_proto::{Config, Credentials, Error, Operation};

const URN: &str = "urn:fss:cn-north-4:p1:function:default:hello:latest";

fn config() -> Config {
    Config::new("http://127.0.0.1:9", "p1", Credentials::token("t")).unwrap()
}

/// The files of a zip: (name, unix mode, content), in archive order.
fn unzip(bytes: &[u8]) -> Vec<(String, Option<u32>, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().to_owned(), file.unix_mode(), content)
        })
        .collect()
}

fn invalid_field(error: &Error) -> &str {
    match error {
        Error::InvalidInput(input) => input.field(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn zip_round_trip() {
    // Compressible and incompressible content, nested names, an empty file.
    let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "index.py",
            b"def handler(event, context):\n    return event\n".to_vec(),
        ),
        (
            "lib/util/helpers.py",
            "# ünïcödé\n".repeat(1000).into_bytes(),
        ),
        ("data/blob.bin", big.clone()),
        ("empty.txt", Vec::new()),
    ];
    let package = CodePackage::from_files(files.iter().map(|(n, d)| (*n, d))).unwrap();
    let unpacked = unzip(package.as_bytes());
    assert_eq!(unpacked.len(), files.len());
    for ((name, mode, content), (want_name, want_content)) in unpacked.iter().zip(&files) {
        assert_eq!(name, want_name);
        assert_eq!(content, want_content, "{name}");
        assert_eq!(mode.map(|m| m & 0o777), Some(0o644), "{name}");
    }
    // Deflate actually compresses (both big files repeat).
    let raw: usize = files.iter().map(|(_, d)| d.len()).sum();
    assert!(package.len() < raw / 4, "{} of {raw}", package.len());
}

#[test]
fn zip_builder_marks_executables_and_is_deterministic() {
    let build = || {
        CodePackage::zip_builder()
            .executable("bootstrap", "#!/bin/sh\n./server\n")
            .file("server.conf", "port=8000\n")
            .finish()
            .unwrap()
    };
    let package = build();
    let unpacked = unzip(package.as_bytes());
    assert_eq!(unpacked[0].0, "bootstrap");
    assert_eq!(unpacked[0].1.map(|m| m & 0o777), Some(0o755));
    assert_eq!(unpacked[1].1.map(|m| m & 0o777), Some(0o644));
    // No clock in the archive: the same files give the same bytes.
    assert_eq!(build(), package);
}

#[test]
fn duplicate_names_are_a_clear_error() {
    let error = CodePackage::from_files([("a.py", "1"), ("a.py", "2")]).unwrap_err();
    assert_eq!(invalid_field(&error), "func_code");
    assert!(error.to_string().contains("a.py"), "{error}");
}

#[test]
fn limit_checks_by_length() {
    assert!(check_package_len(0).is_ok());
    assert!(check_package_len(MAX_PACKAGE_LEN).is_ok());
    let error = check_package_len(MAX_PACKAGE_LEN + 1).unwrap_err();
    assert_eq!(invalid_field(&error), "func_code");
    assert!(error.to_string().contains("FSS.1071"), "{error}");
    assert!(error.to_string().contains("52428801"), "{error}");
    assert_eq!(MAX_PACKAGE_LEN, 50 * 1024 * 1024);

    assert!(check_inline_len(MAX_INLINE_LEN).is_ok());
    let error = check_inline_len(MAX_INLINE_LEN + 1).unwrap_err();
    assert_eq!(invalid_field(&error), "func_code");
    assert!(error.to_string().contains("FSS.1072"), "{error}");
    assert_eq!(MAX_INLINE_LEN, 10 * 1024);
}

#[test]
fn oversized_package_is_refused_before_sending() {
    // `vec![0; n]` is a zeroed allocation: the pages are never touched, because the
    // size check runs before any encoding.
    let huge = CodePackage::new(vec![0u8; MAX_PACKAGE_LEN + 1]);
    let error = create_hello(Code::zip("index.zip", huge.clone()))
        .request(&config())
        .unwrap_err();
    assert!(error.to_string().contains("FSS.1071"), "{error}");
    let error = UpdateCode::new(URN, Code::zip("index.zip", huge))
        .request(&config())
        .unwrap_err();
    assert!(error.to_string().contains("FSS.1071"), "{error}");
}

#[test]
fn oversized_inline_code_is_refused_before_sending() {
    let source = "x".repeat(MAX_INLINE_LEN + 1);
    let error = create_hello(Code::inline_source(source.clone()))
        .request(&config())
        .unwrap_err();
    assert!(error.to_string().contains("FSS.1072"), "{error}");
    let error = UpdateCode::new(URN, Code::inline_source(source.clone()))
        .request(&config())
        .unwrap_err();
    assert!(error.to_string().contains("FSS.1072"), "{error}");
    // Given as base64 it is measured by its decoded size.
    let b64 = Code::base64(CodeType::Inline, STANDARD.encode(&source));
    assert!(create_hello(b64).request(&config()).is_err());
    // The same bytes as a zip upload are fine.
    let zip = Code::zip("index.zip", CodePackage::new(source.into_bytes()));
    assert!(create_hello(zip).request(&config()).is_ok());
    // Exactly at the limit is fine.
    let at_limit = Code::inline_source("y".repeat(MAX_INLINE_LEN));
    assert!(create_hello(at_limit).request(&config()).is_ok());
}

/// The upload body parses as JSON, its `func_code.file` decodes to the package, the
/// other fields are intact. (That the buffer is allocated once at its final size is
/// checked where it is built, in `code_body`.)
fn assert_upload_body(body: &[u8], package: &CodePackage) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_slice(body).unwrap();
    let file = json["func_code"]["file"].as_str().unwrap();
    assert_eq!(STANDARD.decode(file).unwrap(), package.as_bytes());
    assert_eq!(json["func_code"].as_object().unwrap().len(), 1);
    json
}

#[test]
fn create_upload_body_holds_the_package_in_place() {
    let package = CodePackage::from_files([
        ("index.py", "def handler(event, context):\n    return 1\n"),
        (
            "quote\"and\\slash.txt",
            "names with JSON specials live inside the zip only",
        ),
    ])
    .unwrap();
    let op = create_hello(Code::zip("index.zip", package.clone()))
        .description("with \"quotes\" and \\ and \u{1F600}")
        .env_vars([("A", "1")]);
    let request = op.request(&config()).unwrap();
    let json = assert_upload_body(&request.body().to_bytes(), &package);
    assert_eq!(json["description"], "with \"quotes\" and \\ and \u{1F600}");
    assert_eq!(json["code_type"], "zip");
    assert_eq!(json["code_filename"], "index.zip");
    assert_eq!(json["user_data"], r#"{"A":"1"}"#);
    assert_eq!(json["memory_size"], 128);
}

#[test]
fn update_code_upload_body_holds_the_package_in_place() {
    // Sizes around base64's 3-byte groups, and a larger random-looking package.
    for len in [0usize, 1, 2, 3, 4, 1000, 300_001] {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 256) as u8).collect();
        let package = CodePackage::new(bytes);
        let op = UpdateCode::new(URN, Code::jar("app.jar", package.clone()))
            .code_encrypt_kms_key_id("k");
        let request = op.request(&config()).unwrap();
        let json = assert_upload_body(&request.body().to_bytes(), &package);
        assert_eq!(json["code_type"], "jar");
        assert_eq!(json["code_encrypt_kms_key_id"], "k");
    }
}

#[test]
fn package_and_func_code_together_are_refused() {
    let package = CodePackage::new(b"PK".to_vec());
    let mut op = create_hello(Code::zip("index.zip", package.clone()));
    op.body_mut().func_code = Some(FuncCode::from_base64("UEs="));
    assert_eq!(
        invalid_field(&op.request(&config()).unwrap_err()),
        "func_code"
    );

    let mut op = UpdateCode::new(URN, Code::zip("index.zip", package));
    op.body_mut().func_code = Some(FuncCode::default());
    assert_eq!(
        invalid_field(&op.request(&config()).unwrap_err()),
        "func_code"
    );
}

#[test]
fn code_replaces_every_code_field() {
    let op = create_hello(Code::obs("https://b.obs/x.zip"))
        .code(Code::zip("index.zip", CodePackage::new(b"PK".to_vec())));
    assert_eq!(op.body().code_url, None);
    assert_eq!(op.body().code_type, Some(CodeType::Zip));
    assert!(op.code_package().is_some());
    let op = op.code(Code::base64(CodeType::Jar, "UEs="));
    assert_eq!(op.code_package(), None);
    assert_eq!(op.body().code_filename, None);
    assert_eq!(op.body().func_code, Some(FuncCode::from_base64("UEs=")));
    let request = op.request(&config()).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&request.body().to_bytes()).unwrap();
    assert_eq!(json["func_code"], serde_json::json!({"file": "UEs="}));
    assert_eq!(json["code_type"], "jar");
}

#[test]
fn debug_of_an_upload_does_not_dump_the_package() {
    let package = CodePackage::new(vec![b'Z'; 4096]);
    let op = create_hello(Code::zip("index.zip", package));
    let debug = format!("{op:?}");
    assert!(debug.contains("CodePackage { len: 4096 }"), "{debug}");
    assert!(!debug.contains("ZZZZ"), "{debug}");
}
