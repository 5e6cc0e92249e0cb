//! Every timeout holds whatever the server sends (point 4): a flood of `100 Continue`
//! answers cannot stretch a 1 s timeout.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, RetryPolicy, TransportErrorKind};
use fgs_testkit::{ClientSettings, URN, token_config};
use fgs_tests::Connect;

/// A server that answers every request with `100 Continue` responses, as fast as the
/// socket takes them, until the client goes away (for at most 15 s). Its receiver says
/// when a write failed: the client had closed the connection.
fn continue_flood() -> (String, mpsc::Receiver<Instant>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (closed, closed_at) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let closed = closed.clone();
            std::thread::spawn(move || {
                let mut head = [0u8; 4096];
                let _ = stream.read(&mut head);
                let flood = b"HTTP/1.1 100 Continue\r\n\r\n".repeat(4096);
                let started = Instant::now();
                while started.elapsed() < Duration::from_secs(15) {
                    if stream.write_all(&flood).is_err() {
                        let _ = closed.send(Instant::now());
                        return;
                    }
                }
            });
        }
    });
    (url, closed_at)
}

pub(crate) fn a_flood_of_100_continue_cannot_stretch_the_timeout<S: Connect>() {
    let (url, closed_at) = continue_flood();
    let settings = ClientSettings::new()
        .timeout(Duration::from_secs(1))
        .retry_policy(RetryPolicy::none());
    let sdk = S::with_settings(&settings, token_config(&url)).expect("client");
    let started = Instant::now();
    let error = sdk.send(&GetMetadata::new(URN)).expect_err("no answer");
    let elapsed = started.elapsed();
    // The client stops reading: the connection is closed, not left to a task that
    // keeps a core busy parsing the flood. (The client is still alive here.)
    let closed = closed_at
        .recv_timeout(Duration::from_secs(2))
        .map(|at| at.saturating_duration_since(started));
    println!(
        "[reliability] {}: 100-Continue flood, 1 s timeout: {elapsed:?}, connection closed \
         after {closed:?}: {error}",
        sdk.name()
    );
    let Error::Transport(transport) = &error else {
        panic!("{}: {error:?}", sdk.name());
    };
    assert!(
        matches!(
            transport.kind(),
            TransportErrorKind::Timeout | TransportErrorKind::Protocol
        ),
        "{}: {error}",
        sdk.name()
    );
    assert!(
        elapsed < Duration::from_millis(1300),
        "{}: {elapsed:?}",
        sdk.name()
    );
    let closed = closed.unwrap_or_else(|_| panic!("{}: connection still read", sdk.name()));
    assert!(
        closed < elapsed + Duration::from_millis(500),
        "{}: connection closed after {closed:?}",
        sdk.name()
    );
}
