//! The inputs of the benchmarks: one AK/SK config, the four operations, and realistic
//! success and error responses for each (OAS examples where the OAS has one).

use std::time::{Duration, SystemTime};

use fgs_proto::code::{Code, CodePackage};
use fgs_proto::functions::{GetMetadata, Invoke, List, UpdateCode};
use fgs_proto::model::ResponseVersion;
use fgs_proto::{Config, Credentials};
use http::{HeaderMap, HeaderValue, Response, StatusCode};
use serde_json::{Value, json};

/// The project id of every request.
pub(crate) const PROJECT: &str = "0123456789abcdef0123456789abcdef";
/// A full function URN, as most calls carry one.
pub(crate) const URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:latest";
/// The access key of the bench credentials.
pub(crate) const ACCESS_KEY: &str = "HPUAEXAMPLEAK0000001";
/// The secret key of the bench credentials (the signing floor HMACs with it too).
pub(crate) const SECRET_KEY: &str = "ExampleSecretKey0123456789abcdefghijklmnop";
/// Size of the UpdateCode package: 1 MiB of incompressible content.
pub(crate) const PACKAGE_CONTENT_LEN: usize = 1024 * 1024;

/// The error every operation is measured parsing: a 404 `FSS.1051`.
const NOT_FOUND_BODY: &str = r#"{"error_code":"FSS.1051","error_msg":"Not found the function"}"#;

/// A fixed signing time (2024-01-15T08:30:00Z), so every run signs the same bytes.
pub(crate) fn fixed_now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_307_400)
}

/// AK/SK credentials on the public cn-north-4 endpoint.
pub(crate) fn aksk_config() -> Config {
    Config::for_region(
        "cn-north-4",
        PROJECT,
        Credentials::ak_sk(ACCESS_KEY, SECRET_KEY),
    )
    .expect("the bench config is valid")
}

/// A response as a transport hands it over: status, headers and body bytes. Kept as
/// parts because `http::Response` is not `Clone`; [`CannedResponse::to_response`] makes
/// a fresh one for each parse.
pub(crate) struct CannedResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl CannedResponse {
    fn new(status: u16, headers: &[(&'static str, &str)], body: impl Into<Vec<u8>>) -> Self {
        let mut map = HeaderMap::new();
        map.insert("content-type", HeaderValue::from_static("application/json"));
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_str(value).expect("header value"));
        }
        CannedResponse {
            status: StatusCode::from_u16(status).expect("status"),
            headers: map,
            body: body.into(),
        }
    }

    /// A fresh response borrowing the body, as an adapter that buffered it would pass.
    pub(crate) fn to_response(&self) -> Response<&[u8]> {
        let mut response = Response::new(self.body.as_slice());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// One operation's fixtures.
pub(crate) struct Case<O> {
    pub op: O,
    pub ok: CannedResponse,
    pub err: CannedResponse,
}

fn not_found() -> CannedResponse {
    CannedResponse::new(
        404,
        &[("x-request-id", "5a2c7b0e-1f7d-4a57-9b8e-3c2f7d9a1e44")],
        NOT_FOUND_BODY,
    )
}

/// The 200 example of an OAS file in `tests/data/oas/`.
fn oas_example(oas: &str) -> Value {
    let doc: Value = serde_json::from_str(oas).expect("OAS file is JSON");
    let (_, methods) = doc["paths"]
        .as_object()
        .and_then(|paths| paths.iter().next())
        .expect("one path");
    let (_, op) = methods
        .as_object()
        .and_then(|methods| methods.iter().next())
        .expect("one method");
    let example = op["responses"]["200"]["examples"]["application/json"].clone();
    assert!(example.is_object(), "the OAS file has a 200 example");
    example
}

fn ok(body: &Value) -> CannedResponse {
    let body = serde_json::to_vec(body).expect("serialisable");
    CannedResponse::new(
        200,
        &[("x-request-id", "5a2c7b0e-1f7d-4a57-9b8e-3c2f7d9a1e44")],
        body,
    )
}

/// GetMetadata, answered with the `ShowFunctionConfig` OAS example.
pub(crate) fn get_metadata() -> Case<GetMetadata> {
    let example = oas_example(include_str!("../../tests/data/oas/ShowFunctionConfig.json"));
    Case {
        op: GetMetadata::new(URN),
        ok: ok(&example),
        err: not_found(),
    }
}

/// A first page of 50, answered with three functions: the `ListFunctions` OAS item,
/// renamed per copy so that no two are identical.
pub(crate) fn list() -> Case<List> {
    let example = oas_example(include_str!("../../tests/data/oas/ListFunctions.json"));
    let item = &example["functions"][0];
    let functions: Vec<Value> = ["hello", "resize-image", "nightly-report"]
        .iter()
        .map(|name| {
            let mut function = item.clone();
            function["func_name"] = json!(name);
            function["func_urn"] = json!(format!(
                "urn:fss:cn-north-4:{PROJECT}:function:default:{name}"
            ));
            function
        })
        .collect();
    Case {
        op: List::new().maxitems(50),
        ok: ok(&json!({"functions": functions, "next_marker": 3, "count": 3})),
        err: not_found(),
    }
}

/// A synchronous invocation with a small JSON event asking for the v1 envelope,
/// answered with an envelope and the headers the service sends with it (the OAS has no
/// example: the shape is the service's Invoke answer).
pub(crate) fn invoke() -> Case<Invoke> {
    let event = json!({"user": "fgs", "action": "resize", "width": 640, "tags": ["a", "b"]});
    let op = Invoke::new(URN)
        .event(&event)
        .expect("the event serialises")
        .response_version(ResponseVersion::V1);
    let body = json!({
        "request_id": "1167bf8c-87b0-43ab-8f5f-26b16c64f252",
        "result": r#"{"statusCode":200,"isBase64Encoded":false,"body":"{\"width\":640,\"height\":480}"}"#,
        "log": "",
        "status": 200,
    });
    let summary = r#"{"funcDigest":"3b4c7d1e","duration":12.34,"billingDuration":13,"memorySize":128,"memoryUsed":38.2}"#;
    let ok = CannedResponse::new(
        200,
        &[
            ("x-cff-request-id", "1167bf8c-87b0-43ab-8f5f-26b16c64f252"),
            ("x-cff-response-version", "v1"),
            ("x-cff-invoke-summary", summary),
            ("x-cff-billing-duration", "13"),
            ("x-func-err-code", "0"),
            ("x-is-func-err", "false"),
        ],
        serde_json::to_vec(&body).expect("serialisable"),
    );
    Case {
        op,
        ok,
        err: not_found(),
    }
}

/// UpdateCode with a zip of about 1 MiB (one file of pseudo-random bytes, which deflate
/// cannot shrink), built once; answered with the `UpdateFunctionCode` OAS example.
pub(crate) fn update_code() -> Case<UpdateCode> {
    let package = CodePackage::from_files([("model.bin", pseudo_random(PACKAGE_CONTENT_LEN))])
        .expect("the zip builds");
    let example = oas_example(include_str!("../../tests/data/oas/UpdateFunctionCode.json"));
    Case {
        op: UpdateCode::new(URN, Code::zip("model.zip", package)),
        ok: ok(&example),
        err: not_found(),
    }
}

/// `len` bytes of xorshift output: the same every run, and incompressible.
fn pseudo_random(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}
