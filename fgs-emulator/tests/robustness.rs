//! Bounded bodies (413 `FSS.0413`), garbage on the wire, odd paths and bodies: the
//! server answers 4xx, never 5xx, never panics, and keeps serving.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::*;
use fgs_emulator::Emulator;
use serde_json::json;

/// Writes raw bytes, half-closes, and returns whatever came back.
fn exchange(emu: &Emulator, bytes: &[u8]) -> Vec<u8> {
    exchange_with(emu, bytes, true)
}

/// Writes raw bytes (then half-closes if asked) and reads until the server closes.
fn exchange_with(emu: &Emulator, bytes: &[u8], half_close: bool) -> Vec<u8> {
    let mut stream = TcpStream::connect(emu.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The server may answer and close before taking all the bytes.
    let _ = stream.write_all(bytes);
    if half_close {
        let _ = stream.shutdown(std::net::Shutdown::Write);
    }
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    response
}

fn status_of(response: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(response.get(..12)?).ok()?;
    text.strip_prefix("HTTP/1.1 ")?.parse().ok()
}

#[test]
fn bodies_over_the_limit_get_413() {
    let emu = Emulator::builder()
        .token(TOKEN)
        .unsigned_body_limit(64 * 1024)
        .start()
        .unwrap();
    let client = Client::token(&emu);
    let path = format!("/v2/{PROJECT}/fgs/functions");
    let big = vec![b' '; 100 * 1024];
    let answer = client.raw("POST", &path, &[], big);
    answer.assert_error(413, "FSS.0413");
    assert!(is_uuid(answer.header("x-request-id").unwrap()));
    // Just under the limit is read and processed (and rejected as JSON).
    let mut padded = serde_json::to_vec(&json!({"pad": "x".repeat(60 * 1024)})).unwrap();
    padded.truncate(64 * 1024);
    assert_eq!(client.raw("POST", &path, &[], padded).status, 400);
    assert_eq!(
        client.get("/functions").status,
        200,
        "the server keeps serving"
    );

    // A chunked body that grows past the limit.
    let chunk = vec![b'a'; 40 * 1024];
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    for _ in 0..3 {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(&chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(status_of(&exchange(&emu, &request)), Some(413));

    // A declared length far beyond anything is refused without reading it, and the
    // connection is closed.
    let huge = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {TOKEN}\r\nContent-Length: 10000000000\r\n\r\n{{"
    );
    assert_eq!(
        status_of(&exchange_with(&emu, huge.as_bytes(), false)),
        Some(413)
    );
    // Without credentials it is refused as such, on its head, before the size counts.
    let anonymous =
        format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n{{");
    assert_eq!(
        status_of(&exchange_with(&emu, anonymous.as_bytes(), false)),
        Some(401)
    );
}

#[test]
fn signed_bodies_are_limited_to_12_mb() {
    let emu = emulator();
    let client = Client::signed(&emu);
    let path = format!("/v2/{PROJECT}/fgs/functions");
    let over = vec![b' '; 12 * 1024 * 1024 + 1];
    client
        .raw("POST", &path, &[], over)
        .assert_error(413, "FSS.0413");
    // 11 MB signed is read, verified and processed: a JSON object without fields.
    let mut under = serde_json::to_vec(&json!({"pad": "x".repeat(11 * 1024 * 1024)})).unwrap();
    under.shrink_to_fit();
    let message = client
        .raw("POST", &path, &[], under)
        .assert_error(400, "FSS.0400");
    assert!(message.contains("func_name"), "{message}");
}

#[test]
fn garbage_on_the_wire_does_not_hurt_the_server() {
    let emu = emulator();
    let inputs: Vec<Vec<u8>> = vec![
        b"GARBAGE\r\n\r\n".to_vec(),
        b"\x00\x01\x02\xff\xfe\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        b"GET /v2/\xff\xfe/fgs/functions HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET /v2/p/fgs/functions HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \xff\xfe\r\n\r\n".to_vec(),
        b"GET /v2/p/fgs/functions HTTP/1.1\r\nHost: x\r\nAuthorization: SDK-HMAC-SHA256 \xc3\x28\r\n\r\n".to_vec(),
        b"POST /v2/p/fgs/functions HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{".to_vec(),
        b"POST /v2/p/fgs/functions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".to_vec(),
        format!("GET /v2/p/fgs/functions HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(1024 * 1024)).into_bytes(),
        (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect(),
    ];
    for input in &inputs {
        let response = exchange(&emu, input);
        if let Some(status) = status_of(&response) {
            assert!(
                (400..500).contains(&status),
                "{status} for {:?}",
                String::from_utf8_lossy(&input[..input.len().min(60)])
            );
        }
        assert_eq!(
            Client::token(&emu).get("/functions").status,
            200,
            "still serving"
        );
    }
    // A bad-UTF-8 header value with valid credentials is simply an unknown value.
    let client = Client::token(&emu);
    let mut request = http::Request::get(format!(
        "{}/v2/{PROJECT}/fgs/functions/x/invocations",
        emu.endpoint()
    ))
    .header("x-auth-token", TOKEN)
    .body(Vec::new())
    .unwrap();
    *request.method_mut() = http::Method::POST;
    request.headers_mut().insert(
        "x-cff-request-version",
        http::HeaderValue::from_bytes(b"\xff").unwrap(),
    );
    assert!(client.send(request).status < 500);
}

#[test]
fn unknown_paths_and_methods() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("hello");
    let cases = [
        ("GET", "/"),
        ("GET", "/v2"),
        ("GET", format!("/v1.0/{PROJECT}/fss/functions").leak()),
        ("GET", format!("/v2/{PROJECT}/fgs/nothing").leak()),
        (
            "GET",
            format!("/v2/{PROJECT}/fgs/functions/hello/unknown").leak(),
        ),
        ("GET", format!("/v2/{PROJECT}/fgs/functions//config").leak()),
    ];
    for (method, path) in cases {
        client
            .raw(method, path, &[], Vec::new())
            .assert_error(404, "FSS.0404");
    }
    let wrong = client.raw(
        "PATCH",
        &format!("/v2/{PROJECT}/fgs/functions/hello/config"),
        &[],
        Vec::new(),
    );
    wrong.assert_error(405, "FSS.0405");
    assert_eq!(wrong.header("allow"), Some("GET, PUT"));
    client
        .raw(
            "GET",
            &format!("/v2/{PROJECT}/fgs/functions/hello/invocations"),
            &[],
            Vec::new(),
        )
        .assert_error(405, "FSS.0405");
    client
        .raw(
            "GET",
            &format!("/v2/{PROJECT}/fgs/functions/%C3%28/config"),
            &[],
            Vec::new(),
        )
        .assert_error(400, "FSS.0400");
    // One trailing slash is tolerated.
    assert_eq!(
        client
            .raw(
                "GET",
                &format!("/v2/{PROJECT}/fgs/functions/hello/config/"),
                &[],
                Vec::new()
            )
            .status,
        200
    );
}

#[test]
fn odd_bodies_on_every_route_never_cause_a_5xx() {
    let emu = emulator();
    let client = Client::signed(&emu);
    client.create_function("f");
    client.publish_with_alias("f", "v1", "a");
    let id = client.post("/triggers/f", &timer_body("t")).expect(201)["trigger_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let routes = [
        ("POST", "/functions".to_owned()),
        ("PUT", "/functions/f/code".to_owned()),
        ("PUT", "/functions/f/config".to_owned()),
        ("POST", "/functions/f/versions".to_owned()),
        ("POST", "/functions/f/aliases".to_owned()),
        ("PUT", "/functions/f/aliases/a".to_owned()),
        ("POST", "/functions/f/invocations".to_owned()),
        ("POST", "/functions/f/invocations-async".to_owned()),
        ("POST", "/triggers/f".to_owned()),
        ("GET", format!("/triggers/f/TIMER/{id}")),
        ("GET", "/functions/f/config".to_owned()),
    ];
    let bodies: Vec<Vec<u8>> = vec![
        b"null".to_vec(),
        b"[]".to_vec(),
        b"\"text\"".to_vec(),
        b"12".to_vec(),
        b"{\"func_name\": {\"nested\": [1, {}]}, \"timeout\": 1e400}".to_vec(),
        b"{\"version\": 5, \"name\": false, \"code_type\": [], \"runtime\": null}".to_vec(),
        b"{\"trigger_type_code\": \"TIMER\", \"event_data\": {\"name\": [], \"schedule\": {}}}"
            .to_vec(),
        b"{\"additional_version_weights\": {\"v1\": 1.5}, \"version\": \"v1\"}".to_vec(),
        b"{\"event_data\": {\"func_info\": 7}, \"trigger_type_code\": \"APIG\"}".to_vec(),
        b"{\"func_code\": {\"file\": 42}, \"code_type\": \"zip\"}".to_vec(),
        b"\xef\xbb\xbf{}".to_vec(),
        vec![b'{'; 10_000],
        b"{\"a\":\"\\ud800\"}".to_vec(),
    ];
    for (method, path) in &routes {
        for body in &bodies {
            let answer = client.raw(
                method,
                &format!("/v2/{PROJECT}/fgs{path}"),
                &[],
                body.clone(),
            );
            assert!(
                answer.status < 500,
                "{method} {path} with {:?}: {} {}",
                String::from_utf8_lossy(&body[..body.len().min(40)]),
                answer.status,
                answer.text()
            );
        }
    }
    // The state is intact.
    let snapshot = emu.snapshot();
    assert_eq!(snapshot.functions.len(), 1);
    assert_eq!(snapshot.functions[0].aliases[0].version, "v1");
}
