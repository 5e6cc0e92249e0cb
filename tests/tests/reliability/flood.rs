//! Every timeout holds whatever the server sends (point 4): a flood of `100 Continue`
//! answers cannot stretch a 1 s timeout.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, RetryPolicy, TransportErrorKind};
use fgs_testkit::{ClientSettings, URN, token_config};
use fgs_tests::Connect;

/// A server that answers every request with `100 Continue` responses, as fast as the
/// socket takes them, until the client goes away.
fn continue_flood() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            std::thread::spawn(move || {
                let mut head = [0u8; 4096];
                let _ = stream.read(&mut head);
                let flood = b"HTTP/1.1 100 Continue\r\n\r\n".repeat(4096);
                let started = Instant::now();
                while started.elapsed() < Duration::from_secs(15) {
                    if stream.write_all(&flood).is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

pub(crate) fn a_flood_of_100_continue_cannot_stretch_the_timeout<S: Connect>() {
    let url = continue_flood();
    let settings = ClientSettings::new()
        .timeout(Duration::from_secs(1))
        .retry_policy(RetryPolicy::none());
    let sdk = S::with_settings(&settings, token_config(&url)).expect("client");
    let started = Instant::now();
    let error = sdk.send(&GetMetadata::new(URN)).expect_err("no answer");
    let elapsed = started.elapsed();
    println!(
        "[reliability] {}: 100-Continue flood, 1 s timeout: {elapsed:?}: {error}",
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
}
