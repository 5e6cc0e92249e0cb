//! Helpers shared by the hardening suites (faults, TLS, bad input, secrets, load): both
//! adapters behind one value, and a watchdog so that a hang fails instead of blocking.
#![allow(dead_code)] // each test binary uses its own subset

use std::sync::mpsc;
use std::time::Duration;

use fgs_proto::paginate::Paginated;
use fgs_proto::transport::RequestOptions;
use fgs_proto::{Config, Error, Operation, RetryPolicy};
use fgs_tests::{Async, Blocking, ClientSettings, Sdk};

/// Which adapter a scenario runs through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adapter {
    /// fgs-ureq.
    Blocking,
    /// fgs-hyper.
    Async,
}

impl Adapter {
    /// Both adapters, blocking first.
    pub const BOTH: [Adapter; 2] = [Adapter::Blocking, Adapter::Async];

    /// This adapter's client with `settings`.
    pub fn client(self, settings: &ClientSettings, config: Config) -> Result<AnyClient, Error> {
        Ok(match self {
            Adapter::Blocking => AnyClient::Blocking(settings.blocking(config)?),
            Adapter::Async => AnyClient::Async(settings.asynchronous(config)?),
        })
    }
}

/// Either adapter's client, as one [`Sdk`] value (the trait has generic methods, so it
/// cannot be a trait object).
pub enum AnyClient {
    /// fgs-ureq.
    Blocking(Blocking),
    /// fgs-hyper on its own runtime.
    Async(Async),
}

impl AnyClient {
    /// The client's `Debug` text (what a user might log).
    pub fn debug_text(&self) -> String {
        match self {
            AnyClient::Blocking(b) => format!("{:?}", b.0),
            AnyClient::Async(a) => format!("{:?}", a.client),
        }
    }
}

impl Sdk for AnyClient {
    fn name(&self) -> &'static str {
        match self {
            AnyClient::Blocking(b) => b.name(),
            AnyClient::Async(a) => a.name(),
        }
    }

    fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        match self {
            AnyClient::Blocking(b) => b.send(operation),
            AnyClient::Async(a) => a.send(operation),
        }
    }

    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        match self {
            AnyClient::Blocking(b) => b.send_with(operation, options),
            AnyClient::Async(a) => a.send_with(operation, options),
        }
    }

    fn all_items<O>(&self, operation: O) -> Result<Vec<O::Item>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Item: Send,
    {
        match self {
            AnyClient::Blocking(b) => b.all_items(operation),
            AnyClient::Async(a) => a.all_items(operation),
        }
    }
}

/// Runs `work` on a thread of its own and returns its result, failing the test if it
/// takes longer than `limit` (a hang) and passing on its panic if it panics.
pub fn watchdog<T: Send + 'static>(
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

/// A policy with `attempts` attempts and short delays (5–20 ms), so that retry counts
/// are tested without slowing the suite down.
pub fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(attempts)
        .base_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(20))
}

/// Percent-decodes one path segment (test-side, independent of the SDK's encoder).
pub fn percent_decode(segment: &str) -> Vec<u8> {
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
