//! The hostile replies do what they say on the wire, seen from a raw TCP client: the
//! fault suites rely on it (a "reset" that were an orderly close would test nothing).

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use fgs_testkit::{Reply, TestServer, scripted};

const REQUEST: &[u8] =
    b"POST /v2/p/fgs/functions HTTP/1.1\r\nhost: x\r\ncontent-length: 7\r\n\r\n{\"n\":1}";

/// Sends one request and reads until the server ends the connection; returns what
/// arrived and how the stream ended.
fn exchange(server: &TestServer) -> (Vec<u8>, Result<(), ErrorKind>) {
    let addr = server.url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(REQUEST).unwrap();
    let mut received = Vec::new();
    let mut buf = [0u8; 256];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return (received, Ok(())),
            Ok(n) => received.extend_from_slice(&buf[..n]),
            Err(e) => return (received, Err(e.kind())),
        }
    }
}

#[test]
fn reset_sends_nothing_and_ends_with_rst_after_reading_the_request() {
    let server = TestServer::start(scripted(vec![Reply::Reset]));
    let (received, end) = exchange(&server);
    assert!(received.is_empty(), "{received:?}");
    assert_eq!(end, Err(ErrorKind::ConnectionReset));
    // The whole request was read first: the server may have acted on it.
    assert_eq!(server.requests()[0].body, b"{\"n\":1}");
}

#[test]
fn raw_bytes_are_written_verbatim_then_closed() {
    let bytes = b"HTTP/1.1 abc\r\n\x00\xffgarbage".to_vec();
    let server = TestServer::start(scripted(vec![Reply::raw(bytes.clone())]));
    let (received, end) = exchange(&server);
    assert_eq!(received, bytes);
    assert_eq!(end, Ok(()), "an orderly close (FIN)");
}

#[test]
fn trickled_bytes_arrive_at_the_pace_asked() {
    let bytes = b"HTTP/1.1 200 OK\r\n".to_vec();
    let server = TestServer::start(scripted(vec![Reply::trickle(
        bytes.clone(),
        9,
        Duration::from_millis(50),
    )]));
    let started = Instant::now();
    let (received, end) = exchange(&server);
    let elapsed = started.elapsed();
    assert_eq!((received, end), (bytes, Ok(())));
    // 9 bytes at once, then 8 more 50 ms apart: 400 ms.
    assert!(elapsed >= Duration::from_millis(400), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(2000), "{elapsed:?}");
}
