//! Authentication: the official algorithm's request is accepted, a
//! tampered one is not; wrong keys, stale dates, wrong tokens and no credentials are
//! 401 `FSS.0401` with a reason and never the expected signature.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, SystemTime};

use common::*;
use fgs_emulator::Emulator;
use fgs_proto::auth::sign::{SigningKey, sign_request};
use serde_json::{Value, json};

/// The `http_host_with_port` vector of the SDK's signing vectors (official algorithm).
fn vector() -> Value {
    let text = include_str!("../../fgs-proto/tests/data/signing-vectors.json");
    let vectors: Vec<Value> = serde_json::from_str(text).unwrap();
    vectors
        .into_iter()
        .find(|v| v["name"] == "http_host_with_port")
        .expect("the vector exists")
}

/// Sends raw bytes and returns (status, body).
fn raw_exchange(emu: &Emulator, request: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(emu.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8(response).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").unwrap().1;
    (status, serde_json::from_str(body).unwrap())
}

/// The vector's exact request line and `headers_out`, with `Connection: close`
/// (unsigned, so the signature still holds).
fn vector_request(v: &Value, path: &str, authorization: &str) -> String {
    let mut request = format!("{} {path} HTTP/1.1\r\n", v["method"].as_str().unwrap());
    for (name, value) in v["expected"]["headers_out"].as_object().unwrap() {
        let value = if name == "Authorization" {
            authorization
        } else {
            value.as_str().unwrap()
        };
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("Connection: close\r\n\r\n");
    request
}

#[test]
fn the_official_vector_is_accepted_and_tampering_is_not() {
    let v = vector();
    // Its date is in 2024: allow a skew that reaches it.
    let emu = Emulator::builder()
        .project_id(v["credentials"]["project_id"].as_str().unwrap())
        .region("cn-north-4")
        .ak_sk(v["ak"].as_str().unwrap(), v["sk"].as_str().unwrap())
        .max_skew(Duration::from_secs(100 * 365 * 24 * 3600))
        .start()
        .unwrap();
    let path = v["expected"]["uri_out"].as_str().unwrap();
    let authorization = v["expected"]["authorization"].as_str().unwrap();

    // Accepted: the signature is fine and the function simply does not exist.
    let (status, body) = raw_exchange(&emu, &vector_request(&v, path, authorization));
    assert_eq!(
        (status, body["error_code"].as_str()),
        (404, Some("FSS.1051")),
        "{body}"
    );

    // One character of the signature flipped.
    let signature = v["expected"]["signature"].as_str().unwrap();
    let flipped_char = if signature.ends_with('a') { "b" } else { "a" };
    let flipped = format!("{}{flipped_char}", &signature[..signature.len() - 1]);
    let tampered = authorization.replace(signature, &flipped);
    let (status, body) = raw_exchange(&emu, &vector_request(&v, path, &tampered));
    assert_eq!(
        (status, body["error_code"].as_str()),
        (401, Some("FSS.0401"))
    );
    let message = body["error_msg"].as_str().unwrap();
    assert!(message.contains("signature does not match"), "{message}");
    assert!(
        !message.contains(signature) && !message.contains(&flipped),
        "{message}"
    );

    // One character of the path changed (hello → hellp).
    let other_path = path.replace("hello", "hellp");
    let (status, body) = raw_exchange(&emu, &vector_request(&v, &other_path, authorization));
    assert_eq!(
        (status, body["error_code"].as_str()),
        (401, Some("FSS.0401"))
    );
}

#[test]
fn bad_credentials_are_rejected_with_a_reason() {
    let emu = emulator();
    let path = format!("/v2/{PROJECT}/fgs/functions");
    let signed = Client::signed(&emu);
    assert_eq!(signed.raw("GET", &path, &[], Vec::new()).status, 200);
    let token = Client::token(&emu);
    assert_eq!(token.raw("GET", &path, &[], Vec::new()).status, 200);

    let reason = |client: &Client| {
        client
            .raw("GET", &path, &[], Vec::new())
            .assert_error(401, "FSS.0401")
    };
    let wrong_sk = Client::new(&emu, Auth::Signed(AK.into(), "not-the-secret".into()));
    assert!(reason(&wrong_sk).contains("signature does not match"));
    let unknown_ak = Client::new(&emu, Auth::Signed("OTHERAK".into(), SK.into()));
    assert!(reason(&unknown_ak).contains("unknown access key"));
    let wrong_token = Client::new(&emu, Auth::Token("not-the-token".into()));
    assert!(reason(&wrong_token).contains("X-Auth-Token"));
    let nothing = Client::new(&emu, Auth::None);
    assert!(reason(&nothing).contains("missing credentials"));

    // A request signed 20 minutes ago (default skew: 15).
    let mut stale = http::Request::builder()
        .method("GET")
        .uri(format!("{}{path}", emu.endpoint()))
        .header("content-type", "application/json")
        .body(Vec::new())
        .unwrap();
    sign_request(
        &mut stale,
        &SigningKey::new(AK, SK),
        SystemTime::now() - Duration::from_secs(20 * 60),
    )
    .unwrap();
    let message = nothing.send(stale).assert_error(401, "FSS.0401");
    assert!(message.contains("outside the allowed skew"), "{message}");

    // The body is covered by the signature.
    let mut request = http::Request::builder()
        .method("POST")
        .uri(format!("{}{path}", emu.endpoint()))
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&create_body("signed")).unwrap())
        .unwrap();
    sign_request(&mut request, &SigningKey::new(AK, SK), SystemTime::now()).unwrap();
    let mut swapped = request.clone();
    *swapped.body_mut() = serde_json::to_vec(&create_body("swapped")).unwrap();
    nothing.send(swapped).assert_error(401, "FSS.0401");
    assert_eq!(nothing.send(request).status, 200);

    // X-Project-Id must match the project when sent; the path project must too.
    let mut other_project = http::Request::builder()
        .method("GET")
        .uri(format!("{}{path}", emu.endpoint()))
        .header("x-project-id", "ffffffffffffffffffffffffffffffff")
        .body(Vec::new())
        .unwrap();
    sign_request(
        &mut other_project,
        &SigningKey::new(AK, SK),
        SystemTime::now(),
    )
    .unwrap();
    assert!(
        nothing
            .send(other_project)
            .assert_error(401, "FSS.0401")
            .contains("X-Project-Id")
    );
    token
        .raw(
            "GET",
            "/v2/ffffffffffffffffffffffffffffffff/fgs/functions",
            &[],
            Vec::new(),
        )
        .assert_error(403, "FSS.0403");
    assert!(emu.snapshot().function("default", "swapped").is_none());
}

#[test]
fn auth_modes_follow_the_configuration() {
    // Tokens only: a signature is not a credential.
    let tokens = Emulator::builder().token("T1").token("T2").start().unwrap();
    let path = format!("/v2/{}/fgs/functions", tokens.project_id());
    let signed = Client::new(&tokens, Auth::Signed(AK.into(), SK.into()));
    assert!(
        signed
            .raw("GET", &path, &[], Vec::new())
            .assert_error(401, "FSS.0401")
            .contains("X-Auth-Token")
    );
    assert_eq!(
        Client::new(&tokens, Auth::Token("T2".into()))
            .raw("GET", &path, &[], Vec::new())
            .status,
        200
    );

    // AK/SK only: several keys, a token is not a credential.
    let keys = Emulator::builder()
        .ak_sk("AK1", "SK1")
        .ak_sk("AK2", "SK2")
        .start()
        .unwrap();
    let path = format!("/v2/{}/fgs/functions", keys.project_id());
    assert_eq!(
        Client::new(&keys, Auth::Signed("AK2".into(), "SK2".into()))
            .raw("GET", &path, &[], Vec::new())
            .status,
        200
    );
    let token = Client::new(&keys, Auth::Token("T1".into()));
    assert!(
        token
            .raw("GET", &path, &[], Vec::new())
            .assert_error(401, "FSS.0401")
            .contains("sign the request")
    );

    // Neither: open.
    let open = Emulator::start().unwrap();
    let path = format!("/v2/{}/fgs/functions", open.project_id());
    assert_eq!(
        Client::new(&open, Auth::None)
            .raw("GET", &path, &[], Vec::new())
            .status,
        200
    );

    // `config()` carries credentials the emulator accepts, and hides the secret.
    let config = keys.config();
    assert_eq!(config.endpoint().to_string(), keys.endpoint());
    assert_eq!(config.project_id(), keys.project_id());
    assert_eq!(config.region(), Some("cn-north-4"));
    assert!(!format!("{config:?}").contains("SK1"));
    assert!(
        !format!(
            "{:?}",
            Emulator::builder()
                .ak_sk("A", "SENTINEL-SECRET")
                .token("SENTINEL-TOKEN")
        )
        .contains("SENTINEL")
    );
    let op = fgs_proto::functions::List::new();
    let request = fgs_proto::prepare(&op, &config, SystemTime::now()).unwrap();
    let answer = Client::new(&keys, Auth::None).send(request);
    assert_eq!(answer.expect(200)["count"], json!(0));
}

#[test]
fn builder_rejects_unusable_settings() {
    for builder in [
        Emulator::builder().project_id(""),
        Emulator::builder().project_id("a/b"),
        Emulator::builder().region("cn:north"),
        Emulator::builder().domain_id("d d"),
        Emulator::builder().ak_sk("", "SK"),
        Emulator::builder().ak_sk("A,K", "SK"),
        Emulator::builder().token("bad\ntoken"),
        Emulator::builder().ak_sk("AK", "SK").token(""),
    ] {
        let error = builder.start().unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{error}");
    }
    let taken = Emulator::start().unwrap();
    let error = Emulator::builder()
        .listen(taken.addr())
        .start()
        .unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::AddrInUse);
}
