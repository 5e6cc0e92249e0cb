//! No response can make an operation panic: for every operation of the registry, arbitrary statuses,
//! headers (including the invoke headers) and bodies — random bytes and random JSON
//! values — parse to `Ok` or a typed `Err`.
//!
//! The walk over the registry and the class checks live in the fuzz harness
//! (`fuzz/harness/responses.rs`), shared with the `responses` fuzz target.

use http::Response;
use proptest::prelude::*;
use serde_json::Value;

#[path = "../../fuzz/harness/mod.rs"]
mod harness;

use harness::responses::Verdict;

/// The headers a FunctionGraph response may carry that operations read.
const HEADERS: [&str; 11] = [
    "x-request-id",
    "x-cff-request-id",
    "x-cff-function-log",
    "x-cff-invoke-summary",
    "x-cff-billing-duration",
    "x-cff-response-version",
    "x-is-func-err",
    "x-func-err-code",
    "retry-after",
    "content-type",
    "content-length",
];

/// Every operation, fed the same response (panics if one answers with the wrong class
/// of result). Returns how many accepted it.
fn feed_all(response: &Response<Vec<u8>>) -> usize {
    harness::responses::feed_all(response)
        .iter()
        .filter(|(_, verdict)| *verdict == Verdict::Accepted)
        .count()
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        // Field names the models know, as strings, so typed paths are exercised.
        prop::sample::select(vec![
            "func_name",
            "functions",
            "versions",
            "next_marker",
            "request_id",
            "trigger_id",
            "event_data",
            "result"
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "func_name",
                        "functions",
                        "versions",
                        "next_marker",
                        "count",
                        "memory_size",
                        "func_vpc",
                        "strategy_config",
                        "request_id",
                        "request-id",
                        "result",
                        "log",
                        "status",
                        "trigger_id",
                        "event_data",
                        "trigger_type_code",
                        "Key_encode",
                        "func_info",
                        "error_code",
                        "error_msg",
                        "code",
                        "message",
                        "error",
                        "x",
                    ]),
                    inner,
                ),
                0..6,
            )
            .prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

fn headers() -> impl Strategy<Value = Vec<(usize, Vec<u8>)>> {
    prop::collection::vec(
        (0..HEADERS.len(), prop::collection::vec(any::<u8>(), 0..40)),
        0..6,
    )
}

fn response(status: u16, headers: &[(usize, Vec<u8>)], body: Vec<u8>) -> Response<Vec<u8>> {
    let mut r = Response::new(body);
    *r.status_mut() = http::StatusCode::from_u16(status).unwrap();
    for (name, value) in headers {
        // Values that are not valid header values cannot reach us through any client.
        if let Ok(v) = http::HeaderValue::from_bytes(value) {
            r.headers_mut().append(HEADERS[*name], v);
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(status in 100u16..600, headers in headers(), body in prop::collection::vec(any::<u8>(), 0..300)) {
        feed_all(&response(status, &headers, body));
    }

    #[test]
    fn arbitrary_json(status in prop_oneof![Just(200u16), Just(201), Just(202), Just(204), 100u16..600], headers in headers(), body in json_value()) {
        let accepted = feed_all(&response(status, &headers, serde_json::to_vec(&body).unwrap()));
        if !(200..300).contains(&status) {
            // A non-2xx answer is never a success — except that Invoke reports a function
            // that ran and failed (`X-Is-Func-Err`) as `Ok` with `function_error` set.
            let func_err = headers.iter().any(|(name, _)| HEADERS[*name] == "x-is-func-err");
            prop_assert!(accepted <= usize::from(func_err), "{} operations accepted HTTP {}", accepted, status);
        }
    }
}

#[test]
fn empty_2xx_bodies_are_handled_by_every_operation() {
    for status in [200, 201, 202, 204] {
        // Deletes (and AsyncInvoke, which already acted) accept an empty body; the rest
        // report a decode error rather than inventing a value.
        let accepted = feed_all(&response(status, &[], Vec::new()));
        assert!(accepted >= 4, "{status}: {accepted}");
    }
}
