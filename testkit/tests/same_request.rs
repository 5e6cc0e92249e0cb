//! Acceptance: the same operation with the same inputs puts the same request on the
//! wire through either adapter — request line, signed headers and body — apart from
//! unsigned transport-level headers.

use std::collections::BTreeMap;
use std::time::SystemTime;

use fgs_proto::functions::{GetMetadata, List};
use fgs_proto::{Config, Operation};
use fgs_testkit::{Poke, Received, Reply, TestServer, URN, aksk_config, token_config};

/// Headers a transport may add or shape on its own; none of them is signed.
const TRANSPORT_HEADERS: [&str; 5] = [
    "accept",
    "accept-encoding",
    "connection",
    "content-length",
    "transfer-encoding",
];

fn server() -> TestServer {
    TestServer::start(|request| {
        if request.path().ends_with("/functions") {
            Reply::json(200, r#"{"functions":[],"next_marker":0,"count":0}"#)
        } else {
            Reply::json(200, r#"{"func_name":"f"}"#)
        }
    })
}

/// Runs `op` once through each adapter (both dated by the same fixed clock) and
/// returns what the server received from each.
fn capture<O>(op: &O, config: impl Fn(&str) -> Config) -> (Received, Received)
where
    O: Operation + Sync,
{
    let now = SystemTime::now();
    let server = server();
    let blocking = fgs_ureq::Client::builder(config(&server.url()))
        .clock(move || now)
        .build()
        .unwrap();
    blocking.send(op).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let asynchronous = fgs_hyper::Client::builder(config(&server.url()))
        .clock(move || now)
        .build()
        .unwrap();
    runtime.block_on(asynchronous.send(op)).unwrap();
    let mut requests = server.requests();
    assert_eq!(requests.len(), 2);
    let from_hyper = requests.pop().unwrap();
    let from_ureq = requests.pop().unwrap();
    (from_ureq, from_hyper)
}

/// Header name (lowercase) -> values, without the transport's own headers.
fn semantic_headers(request: &Received) -> BTreeMap<String, Vec<Vec<u8>>> {
    let mut map: BTreeMap<String, Vec<Vec<u8>>> = BTreeMap::new();
    for (name, value) in &request.raw_headers {
        let name = name.to_ascii_lowercase();
        if !TRANSPORT_HEADERS.contains(&name.as_str()) {
            map.entry(name).or_default().push(value.clone());
        }
    }
    map
}

fn assert_same(ureq: &Received, hyper: &Received) {
    assert_eq!(ureq.request_line(), hyper.request_line());
    assert_eq!(ureq.body, hyper.body);
    assert_eq!(semantic_headers(ureq), semantic_headers(hyper));
    for name in ureq.signed_header_names() {
        assert!(
            !TRANSPORT_HEADERS.contains(&name.as_str()),
            "{name} is signed"
        );
    }
}

#[test]
fn aksk_requests_are_identical() {
    for (ureq, hyper) in [
        capture(&GetMetadata::new(URN), aksk_config),
        capture(
            &List::new().maxitems(3).marker("6").package_name("default"),
            aksk_config,
        ),
        capture(&Poke::new(42), aksk_config),
    ] {
        assert_same(&ureq, &hyper);
        // Same clock, same inputs: the very same signature, and it verifies.
        assert_eq!(ureq.header("authorization"), hyper.header("authorization"));
        assert!(matches!(ureq.signature, Some(Ok(_))));
        assert!(matches!(hyper.signature, Some(Ok(_))));
        assert!(
            ureq.signed_header_names()
                .contains(&"x-sdk-date".to_owned())
        );
    }
}

#[test]
fn token_requests_are_identical() {
    for (ureq, hyper) in [
        capture(&GetMetadata::new(URN), token_config),
        capture(&Poke::new(1), token_config),
    ] {
        assert_same(&ureq, &hyper);
        assert!(ureq.header("x-auth-token").is_some());
        assert!(ureq.header("host").is_some());
    }
}
