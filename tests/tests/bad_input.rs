//! Bad input from the caller, through both adapters, against testkit (which records
//! the raw request line): every input either fails with a typed `InvalidInput` before
//! anything is sent (the server saw no request), or goes out as a correctly encoded
//! request — each path parameter exactly one segment that decodes back to the input,
//! each query value one pair — and never as a different path.

mod hardening;

use std::cell::Cell;
use std::time::Duration;

use fgs_proto::code::Code;
use fgs_proto::functions::{
    Create, CreateAlias, Delete, GetAlias, GetMetadata, List, ListVersion, UpdateMetadata,
};
use fgs_proto::model::Runtime;
use fgs_proto::{Error, Operation, RetryPolicy, triggers};
use fgs_testkit::{PROJECT, Received, Reply, TestServer, URN, aksk_config};
use fgs_tests::Adapter;
use fgs_tests::{ClientSettings, Sdk};
use hardening::{percent_decode, watchdog};

/// Sends `op` through `adapter` to a server that rejects everything with 400 (so
/// nothing is retried) and returns the outcome with every request the server saw.
fn observe<O>(adapter: Adapter, op: O) -> (Result<(), Error>, Vec<Received>)
where
    O: Operation + Sync + Send + 'static,
{
    watchdog("bad input", Duration::from_secs(20), move || {
        let server = TestServer::start(|_: &Received| {
            Reply::fss_error(400, "FSS.0400", "rejected by the test server", "r")
        });
        let settings = ClientSettings::new()
            .timeout(Duration::from_secs(5))
            .retry_policy(RetryPolicy::default());
        let client = adapter
            .client(&settings, aksk_config(&server.url()))
            .expect("client");
        let result = client.send(&op).map(drop);
        (result, server.requests())
    })
}

thread_local! {
    /// (rejected before sending, sent correctly encoded) of the current test.
    static TALLY: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Counts one correctly encoded request.
fn count_sent() {
    TALLY.set((TALLY.get().0, TALLY.get().1 + 1));
}

/// Prints the current test's tally: the figures of the report.
fn print_tally(what: &str) {
    let (rejected, sent) = TALLY.get();
    println!(
        "[bad-input] {what}: {rejected} rejected before sending, {sent} sent correctly encoded"
    );
}

/// Inputs no request can carry as a path segment: rejected before sending.
fn rejected_segments() -> Vec<String> {
    vec![String::new(), ".".into(), "..".into(), "a".repeat(1025)]
}

/// Hostile but sendable path values: each must stay one encoded segment.
fn hostile_segments() -> Vec<String> {
    [
        "a/b",
        "/",
        "../x",
        "a/../../b",
        "...",
        " ..",
        "?",
        "a?b=c",
        "#",
        "a#frag",
        "%",
        "%2F",
        "%%",
        "100%25",
        "a b",
        "+",
        "\n",
        "a\r\nX-Injected: 1",
        "\0",
        "\t",
        "\u{7f}",
        "é",
        "函数",
        "🦀",
        "\u{202e}txt.exe",
        "urn:fss:cn-north-4:p:function:default:a/b:latest",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(["a".repeat(1024)])
    .collect()
}

/// A path segment as expected: a literal, or a value the wire form must decode to.
enum Segment {
    Literal(&'static str),
    Value(String),
}

/// Asserts that the input was rejected as `field` and nothing reached the server.
fn assert_rejected(what: &str, outcome: &(Result<(), Error>, Vec<Received>), field: &str) {
    match &outcome.0 {
        Err(Error::InvalidInput(invalid)) => assert_eq!(invalid.field(), field, "{what}"),
        other => panic!("{what}: expected InvalidInput({field}), got {other:?}"),
    }
    assert!(outcome.1.is_empty(), "{what}: the server saw a request");
    TALLY.set((TALLY.get().0 + 1, TALLY.get().1));
}

/// Asserts that exactly one request arrived, at `/v2/{PROJECT}/fgs/` + `segments`, with
/// each value segment percent-encoded (unreserved characters and `%XX` only) and
/// decoding to its value; and that its signature verified over the raw target.
fn assert_sent(what: &str, outcome: &(Result<(), Error>, Vec<Received>), segments: &[Segment]) {
    let (result, requests) = outcome;
    assert_eq!(requests.len(), 1, "{what}: requests seen");
    assert_eq!(
        result.as_ref().err().and_then(Error::code),
        Some("FSS.0400"),
        "{what}: the server's answer: {result:?}"
    );
    let request = &requests[0];
    assert_eq!(
        request.signature,
        Some(Ok(fgs_testkit::ACCESS_KEY.to_owned())),
        "{what}"
    );
    let prefix = format!("/v2/{PROJECT}/fgs/");
    let rest = request
        .path()
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{what}: {}", request.request_line()));
    let wire: Vec<&str> = rest.split('/').collect();
    assert_eq!(
        wire.len(),
        segments.len(),
        "{what}: {}",
        request.request_line()
    );
    for (got, expected) in wire.iter().zip(segments) {
        match expected {
            Segment::Literal(literal) => assert_eq!(got, literal, "{what}"),
            Segment::Value(value) => {
                assert!(encoded_only(got), "{what}: `{got}` is not percent-encoded");
                assert_eq!(percent_decode(got), value.as_bytes(), "{what}: `{got}`");
            }
        }
    }
    count_sent();
}

/// Unreserved characters and `%XX` escapes only.
fn encoded_only(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => i += 1,
            b'%' if bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
            {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

#[test]
fn function_urns() {
    use Segment::{Literal, Value};
    for adapter in Adapter::BOTH {
        for input in rejected_segments() {
            let what = format!("GetMetadata({input:.20?}) via {adapter:?}");
            assert_rejected(
                &what,
                &observe(adapter, GetMetadata::new(&input)),
                "function_urn",
            );
            assert_rejected(
                &what,
                &observe(adapter, Delete::new(&input)),
                "function_urn",
            );
        }
        for input in hostile_segments() {
            let what = format!("GetMetadata({input:.20?}) via {adapter:?}");
            let outcome = observe(adapter, GetMetadata::new(&input));
            let expected = [
                Literal("functions"),
                Value(input.clone()),
                Literal("config"),
            ];
            assert_sent(&what, &outcome, &expected);
            assert_eq!(outcome.1[0].method, "GET");
            assert_eq!(outcome.1[0].query(), None, "{what}");
            let outcome = observe(adapter, Delete::new(&input));
            assert_sent(
                &what,
                &outcome,
                &[Literal("functions"), Value(input.clone())],
            );
            assert_eq!(outcome.1[0].method, "DELETE");
        }
    }
    print_tally("function URNs (GetMetadata, Delete)");
}

#[test]
fn alias_names() {
    use Segment::{Literal, Value};
    for adapter in Adapter::BOTH {
        for input in rejected_segments() {
            let what = format!("GetAlias({input:.20?}) via {adapter:?}");
            assert_rejected(
                &what,
                &observe(adapter, GetAlias::new(URN, &input)),
                "alias_name",
            );
        }
        for input in hostile_segments() {
            let what = format!("GetAlias({input:.20?}) via {adapter:?}");
            let expected = [
                Literal("functions"),
                Value(URN.to_owned()),
                Literal("aliases"),
                Value(input.clone()),
            ];
            assert_sent(
                &what,
                &observe(adapter, GetAlias::new(URN, &input)),
                &expected,
            );
            // In a body an alias name is plain JSON text; the path stays the same.
            let outcome = observe(adapter, CreateAlias::new(URN, &input, "1"));
            assert_sent(
                &what,
                &outcome,
                &[
                    Literal("functions"),
                    Value(URN.to_owned()),
                    Literal("aliases"),
                ],
            );
            let body: serde_json::Value = serde_json::from_slice(&outcome.1[0].body).unwrap();
            assert_eq!(body["name"], input.as_str(), "{what}");
        }
    }
    print_tally("alias names (GetAlias path, CreateAlias body)");
}

#[test]
fn trigger_ids_and_type_codes() {
    use Segment::{Literal, Value};
    for adapter in Adapter::BOTH {
        for input in rejected_segments() {
            let what = format!("triggers::Get({input:.20?}) via {adapter:?}");
            assert_rejected(
                &what,
                &observe(adapter, triggers::Get::new(URN, "TIMER", &input)),
                "trigger_id",
            );
            assert_rejected(
                &what,
                &observe(adapter, triggers::Delete::new(URN, input.as_str(), "id-1")),
                "trigger_type_code",
            );
        }
        for input in hostile_segments() {
            let what = format!("triggers::Get({input:.20?}) via {adapter:?}");
            let expected = [
                Literal("triggers"),
                Value(URN.to_owned()),
                Literal("TIMER"),
                Value(input.clone()),
            ];
            assert_sent(
                &what,
                &observe(adapter, triggers::Get::new(URN, "TIMER", &input)),
                &expected,
            );
            let expected = [
                Literal("triggers"),
                Value(URN.to_owned()),
                Value(input.clone()),
                Literal("id-1"),
            ];
            let outcome = observe(adapter, triggers::Delete::new(URN, input.as_str(), "id-1"));
            assert_sent(&what, &outcome, &expected);
        }
    }
    print_tally("trigger ids and type codes (triggers::Get, triggers::Delete)");
}

/// The decoded `(key, value)` pairs of a raw query.
fn query_pairs(query: &str) -> Vec<(String, Vec<u8>)> {
    query
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key.to_owned(), percent_decode(value))
        })
        .collect()
}

#[test]
fn query_values_cannot_add_parameters() {
    for adapter in Adapter::BOTH {
        for input in ["a&maxitems=1", "x=y", "#frag", "%26", "a+b c", "\n\0é"] {
            let what = format!("List filters {input:?} via {adapter:?}");
            let op = List::new()
                .marker(input)
                .func_name(input)
                .package_name(input)
                .maxitems(7);
            let (result, requests) = observe(adapter, op);
            assert!(
                matches!(result, Err(Error::Service(_))),
                "{what}: {result:?}"
            );
            assert_eq!(requests.len(), 1, "{what}");
            assert_eq!(requests[0].path(), format!("/v2/{PROJECT}/fgs/functions"));
            let pairs = query_pairs(requests[0].query().unwrap());
            let expected: Vec<(String, Vec<u8>)> = [
                ("func_name", input.as_bytes()),
                ("marker", input.as_bytes()),
                ("maxitems", b"7".as_slice()),
                ("package_name", input.as_bytes()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_vec()))
            .collect();
            assert_eq!(pairs, expected, "{what}: {}", requests[0].request_line());
            count_sent();
        }
    }
    print_tally("List query values");
}

#[test]
fn page_sizes_are_sent_as_given() {
    // The service reads `maxitems` of 0 or above 400 as its default (400): they are not
    // the caller's mistake, so they are sent as they are, as are the bounds.
    for adapter in Adapter::BOTH {
        for maxitems in [0, 1, 400, 401, u32::MAX] {
            let (_, requests) = observe(adapter, List::new().maxitems(maxitems));
            assert_eq!(
                requests.len(),
                1,
                "List maxitems {maxitems} via {adapter:?}"
            );
            assert_eq!(
                requests[0].query(),
                Some(format!("maxitems={maxitems}").as_str())
            );
            count_sent();
        }
        let (_, requests) = observe(adapter, ListVersion::new(URN).maxitems(0));
        assert_eq!(requests.len(), 1, "ListVersion maxitems 0 via {adapter:?}");
        assert_eq!(requests[0].query(), Some("maxitems=0"));
        count_sent();
    }
    print_tally("page sizes");
}

/// A Create with a given name and memory size.
fn create(name: &str, memory_size: u32) -> Create {
    Create::new(
        name,
        "default",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(memory_size),
            std::time::Duration::from_secs(30),
        ),
        Code::inline_source("def handler(event, context):\n    return event\n"),
    )
}

#[test]
fn names_and_memory_sizes_in_bodies_reach_the_service_verbatim() {
    use Segment::{Literal, Value};
    // The service owns the naming and sizing rules (they differ by region): the SDK
    // sends what it was given, to the right path, and the service's 400 comes back typed.
    let names = [
        String::new(),
        "a/b".into(),
        "../..".into(),
        "é\n\"}".into(),
        "n".repeat(10_000),
    ];
    // Negative sizes cannot be written any more (`MemorySize` holds a `u32`).
    let sizes = [0, 127, 100_000, u32::MAX];
    for adapter in Adapter::BOTH {
        for name in &names {
            let what = format!("Create({name:.20?}) via {adapter:?}");
            let outcome = observe(adapter, create(name, 128));
            assert_sent(&what, &outcome, &[Literal("functions")]);
            let body: serde_json::Value = serde_json::from_slice(&outcome.1[0].body).unwrap();
            assert_eq!(body["func_name"], name.as_str(), "{what}");
        }
        for size in sizes {
            let what = format!("memory_size {size} via {adapter:?}");
            let outcome = observe(adapter, create("f", size));
            assert_sent(&what, &outcome, &[Literal("functions")]);
            let body: serde_json::Value = serde_json::from_slice(&outcome.1[0].body).unwrap();
            assert_eq!(body["memory_size"], size, "{what}");

            let update = UpdateMetadata::new(
                URN,
                "f",
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    fgs_proto::model::MemorySize::mb(size),
                    std::time::Duration::from_secs(30),
                ),
            );
            let outcome = observe(adapter, update);
            assert_sent(
                &what,
                &outcome,
                &[
                    Literal("functions"),
                    Value(URN.to_owned()),
                    Literal("config"),
                ],
            );
            let body: serde_json::Value = serde_json::from_slice(&outcome.1[0].body).unwrap();
            assert_eq!(body["memory_size"], size, "{what}");
        }
    }
    print_tally("names and memory sizes in bodies");
}
