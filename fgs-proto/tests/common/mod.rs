//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses its own subset

pub(crate) mod fixtures;

/// The SDK's query/path encoding, written independently of the crate's: all but the
/// RFC 3986 unreserved characters as uppercase `%XX`.
pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Percent-decodes `text` (test-side, independent of the crate).
pub(crate) fn decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

use std::time::{Duration, SystemTime};

use fgs_proto::code::Code;
use fgs_proto::functions::Create;
use fgs_proto::inspect::Render;
use fgs_proto::model::Runtime;
use fgs_proto::{Config, Credentials, Operation};

/// The project id used by request snapshots.
pub(crate) const PROJECT: &str = "0123456789abcdef0123456789abcdef";
// A full URN used by request snapshots.
#[allow(unused_imports)] // each test binary uses its own subset
pub(crate) use fixtures::URN;

/// Creating `hello` in package `default` (Python 3.9, `index.handler`, 128 MB, 3 s) with
/// `code`: the function of the build and parse tests, where the function is not the
/// subject.
/// A Python 3.9 `index.handler` configuration with `memory_mb` and `timeout_secs`.
pub(crate) fn python39(memory_mb: u32, timeout_secs: u64) -> fgs_proto::functions::FunctionConfig {
    fgs_proto::functions::FunctionConfig::new(
        fgs_proto::model::Runtime::Python39,
        "index.handler",
        fgs_proto::model::MemorySize::mb(memory_mb),
        std::time::Duration::from_secs(timeout_secs),
    )
}

pub(crate) fn create_hello(code: Code) -> Create {
    Create::new(
        "hello",
        "default",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(3),
        ),
        code,
    )
}

/// The fixed signing time of request snapshots: 2024-01-15T08:30:00Z.
pub(crate) fn fixed_now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_307_400)
}

/// The `User-Agent` of request snapshots: fixed, so that a version bump (which changes
/// [`fgs_proto::DEFAULT_USER_AGENT`]) rewrites no snapshot and no signature.
pub(crate) const SNAPSHOT_USER_AGENT: &str = "fgs-rust/snapshot";

/// AK/SK config for snapshots (the signing vectors' key pair, public endpoint, the
/// [`SNAPSHOT_USER_AGENT`]).
pub(crate) fn aksk_config() -> Config {
    Config::for_region(
        "cn-north-4",
        PROJECT,
        Credentials::ak_sk(
            "HPUAEXAMPLEAK0000001",
            "ExampleSecretKey0123456789abcdefghijklmnop",
        ),
    )
    .and_then(|config| config.with_user_agent(SNAPSHOT_USER_AGENT))
    .unwrap()
}

/// Token config for snapshots (the token is redacted in the rendering; the
/// [`SNAPSHOT_USER_AGENT`]).
pub(crate) fn token_config() -> Config {
    Config::for_region(
        "cn-north-4",
        PROJECT,
        Credentials::token("MIIDexampletoken"),
    )
    .and_then(|config| config.with_user_agent(SNAPSHOT_USER_AGENT))
    .unwrap()
}

/// The request `op` sends with `config` at [`fixed_now`], rendered as HTTP/1.1 text with
/// the signature shown: what the request snapshots store.
pub(crate) fn render<O: Operation>(op: &O, config: &Config) -> String {
    let request = fgs_proto::prepare(op, config, fixed_now()).unwrap();
    Render::new().reveal_signature(true).http(&request)
}

/// A response with `status`, `headers` and `body`.
pub(crate) fn response(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> http::Response<Vec<u8>> {
    let mut b = http::Response::builder().status(status);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(body.as_bytes().to_vec()).unwrap()
}

/// The success example of operation `name`'s OAS file (`shared/spec/oas/{name}.json`,
/// copied to `tests/data/oas/`), as JSON text.
pub(crate) fn oas_example(name: &str, status: &str) -> String {
    let path = format!("{}/tests/data/oas/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (_, methods) = doc["paths"].as_object().unwrap().iter().next().unwrap();
    let (_, op) = methods.as_object().unwrap().iter().next().unwrap();
    let example = &op["responses"][status]["examples"]["application/json"];
    assert!(!example.is_null(), "{name} has no {status} example");
    example.to_string()
}

/// A value for `schema` with every property set: the first enum value, `sample-<name>`
/// strings, 7 for integers, `true` for booleans, one-element arrays and maps.
pub(crate) fn oas_sample(
    schema: &serde_json::Value,
    defs: &serde_json::Value,
    name: &str,
) -> serde_json::Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let def = reference.trim_start_matches("#/definitions/");
        return oas_sample(&defs[def], defs, def);
    }
    if let Some(values) = schema["enum"].as_array() {
        return values[0].clone();
    }
    if let Some(properties) = schema["properties"].as_object().filter(|p| !p.is_empty()) {
        return properties
            .iter()
            .map(|(key, prop)| (key.clone(), oas_sample(prop, defs, key)))
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    match schema["type"].as_str() {
        Some("string") => serde_json::json!(format!("sample-{name}")),
        Some("integer") => serde_json::json!(7),
        Some("number") => serde_json::json!(7.5),
        Some("boolean") => serde_json::json!(true),
        Some("array") => serde_json::json!([oas_sample(&schema["items"], defs, name)]),
        Some("object") => match schema.get("additionalProperties") {
            Some(inner) => serde_json::json!({ "key": oas_sample(inner, defs, name) }),
            None => serde_json::json!({}),
        },
        other => panic!("{name}: no sample for type {other:?}"),
    }
}
