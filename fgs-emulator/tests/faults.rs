//! Fault injection, each kind observed by a raw client, and keep-alive.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use common::*;
use fgs_emulator::{Emulator, Fault, Route};
use serde_json::json;

#[test]
fn status_faults_answer_with_retry_after_on_their_route_only() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("hello");
    emu.inject(
        Fault::status(503)
            .retry_after_secs(1)
            .times(2)
            .on(Route::of::<fgs_proto::functions::GetMetadata>()),
    );
    assert_eq!(emu.pending_faults(), 2);

    let first = client.get("/functions/hello/config");
    let body = first.expect(503);
    assert_eq!(
        body,
        json!({"error_code": "FSS.0503", "error_msg": "injected fault"})
    );
    assert_eq!(first.header("retry-after"), Some("1"));
    assert!(is_uuid(first.header("x-request-id").unwrap()));
    // Other operations are not affected.
    assert_eq!(client.get("/functions").status, 200);
    assert_eq!(client.get("/functions/hello/config").status, 503);
    assert_eq!(emu.pending_faults(), 0);
    let after = client.get("/functions/hello/config");
    assert_eq!((after.status, after.header("retry-after")), (200, None));

    emu.inject(
        Fault::status(429)
            .body(r#"{"error_code":"APIGW.0308","error_msg":"throttled"}"#)
            .retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
    );
    let throttled = client.get("/functions");
    throttled.assert_error(429, "APIGW.0308");
    assert_eq!(
        throttled.header("retry-after"),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );

    // A fault on any route also hits paths that name no operation; clear drops the rest.
    emu.inject(Fault::status(502).times(5));
    client.get("/nowhere").assert_error(502, "FSS.0502");
    emu.clear_faults();
    assert_eq!(emu.pending_faults(), 0);
    client.get("/nowhere").assert_error(404, "FSS.0404");
}

fn raw_get(emu: &Emulator, path: &str) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(emu.addr())?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: {TOKEN}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    Ok(response)
}

#[test]
fn drop_connection_closes_without_an_answer() {
    let emu = emulator();
    let path = format!("/v2/{PROJECT}/fgs/functions");
    emu.inject(Fault::drop_connection().on(Route::of::<fgs_proto::functions::List>()));
    // The connection closes (EOF or reset) without a single byte of answer.
    let dropped = raw_get(&emu, &path).unwrap_or_default();
    assert!(dropped.is_empty(), "{}", String::from_utf8_lossy(&dropped));
    let answered = raw_get(&emu, &path).unwrap();
    assert!(answered.starts_with(b"HTTP/1.1 200 OK\r\n"));

    // Through an HTTP client it is a transport error, and the next request works.
    emu.inject(Fault::drop_connection().after(Duration::from_millis(100)));
    let client = Client::token(&emu);
    let request = http::Request::get(format!("{}{path}", emu.endpoint()))
        .header("x-auth-token", TOKEN)
        .body(())
        .unwrap();
    assert!(client.agent.run(request).is_err());
    assert_eq!(client.get("/functions").status, 200);
}

#[test]
fn delays_hold_the_answer() {
    let emu = emulator();
    let client = Client::token(&emu);
    emu.inject(
        Fault::delay(Duration::from_millis(300)).on(Route::of::<fgs_proto::functions::List>()),
    );
    let started = Instant::now();
    assert_eq!(client.get("/functions").status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    emu.inject(Fault::status(500).after(Duration::from_millis(200)));
    let started = Instant::now();
    client.get("/functions").assert_error(500, "FSS.0500");
    assert!(started.elapsed() >= Duration::from_millis(200));

    let started = Instant::now();
    assert_eq!(client.get("/functions").status, 200);
    assert!(
        started.elapsed() < Duration::from_millis(200),
        "no fault left"
    );
}

#[test]
fn faults_are_consumed_exactly_under_concurrency() {
    let emu = emulator();
    emu.inject(Fault::status(503).times(50));
    let unavailable = AtomicU32::new(0);
    let ok = AtomicU32::new(0);
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                let client = Client::token(&emu);
                for _ in 0..20 {
                    match client.get("/functions").status {
                        503 => unavailable.fetch_add(1, Ordering::Relaxed),
                        200 => ok.fetch_add(1, Ordering::Relaxed),
                        other => panic!("unexpected {other}"),
                    };
                }
            });
        }
    });
    assert_eq!((unavailable.into_inner(), ok.into_inner()), (50, 110));
}

#[test]
fn keep_alive_reuses_one_connection() {
    let emu = emulator();
    let client = Client::token(&emu);
    let before = emu.connections_accepted();
    for _ in 0..20 {
        assert_eq!(client.get("/functions").status, 200);
    }
    assert_eq!(emu.connections_accepted() - before, 1);
    // A dropped connection forces a new one.
    emu.inject(Fault::drop_connection());
    let path = format!("{}/v2/{PROJECT}/fgs/functions", emu.endpoint());
    let request = http::Request::get(path)
        .header("x-auth-token", TOKEN)
        .body(())
        .unwrap();
    assert!(client.agent.run(request).is_err());
    assert_eq!(client.get("/functions").status, 200);
    assert_eq!(emu.connections_accepted() - before, 2);
}
