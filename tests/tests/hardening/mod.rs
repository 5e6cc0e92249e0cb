//! Helpers shared by the hardening suites (faults, TLS, bad input, secrets, load):
//! a watchdog so that a hang fails instead of blocking, and percent-decoding. (Both
//! adapters behind one value is `fgs_tests::Adapter`; fast retries are
//! `fgs_testkit::fast_retries`.)
#![allow(dead_code)]
// each test binary uses its own subset

use std::sync::mpsc;
use std::time::Duration;

/// Runs `work` on a thread of its own and returns its result, failing the test if it
/// takes longer than `limit` (a hang) and passing on its panic if it panics.
pub(crate) fn watchdog<T: Send + 'static>(
    what: &str,
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, result) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(limit) {
        Ok(value) => {
            let _ = worker.join();
            value
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what}: the worker ended without a result"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: no result within {limit:?} — it hangs")
        }
    }
}

/// Percent-decodes one path segment (test-side, independent of the SDK's encoder).
pub(crate) fn percent_decode(segment: &str) -> Vec<u8> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (other, _) => {
                out.push(other);
                i += 1;
            }
        }
    }
    out
}
