//! Bring your own blocking transport: a one-method trait, implemented for closures, and
//! the retry loop every blocking transport runs; and what every transport shares —
//! [`ClientSettings`] and per-call [`RequestOptions`].
//!
//! The loop takes the clock and the sleep as functions, so fgs-proto still reads no
//! clock and never sleeps by itself; `fgs-ureq` passes `SystemTime::now` and
//! `thread::sleep`, tests pass a fake clock.

mod builder_setters;
mod settings;

pub use settings::{
    ClientSettings, Clock, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT,
};

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{Request, Response};

use crate::call::{Call, Step};
use crate::config::Config;
use crate::error::{Error, TransportError};
use crate::operation::Operation;
use crate::retry::RetryPolicy;

/// Sends one request and returns the complete response, or says why it could not.
///
/// Implemented for every `FnMut(Request<Bytes>) -> Result<Response<Vec<u8>>,
/// TransportError>`, so a mock transport in a test is a closure:
///
/// ```
/// use fgs_proto::{Config, Credentials, RetryPolicy, functions::GetMetadata};
/// use fgs_proto::transport::execute;
///
/// let config = Config::new("http://127.0.0.1:9", "p1", Credentials::token("T"))?;
/// let mut mock = |_req| Ok(http::Response::new(br#"{"func_name":"f"}"#.to_vec()));
/// let f = execute(&GetMetadata::new("f"), &config, &RetryPolicy::none(), &mut mock,
///                 std::time::SystemTime::now, |_| {})?;
/// assert_eq!(f.func_name.as_deref(), Some("f"));
/// # Ok::<(), fgs_proto::Error>(())
/// ```
pub trait SyncTransport {
    /// Sends `request` (already authorized; do not change its signed headers).
    fn send(&mut self, request: Request<Bytes>) -> Result<Response<Vec<u8>>, TransportError>;
}

impl<F> SyncTransport for F
where
    F: FnMut(Request<Bytes>) -> Result<Response<Vec<u8>>, TransportError>,
{
    fn send(&mut self, request: Request<Bytes>) -> Result<Response<Vec<u8>>, TransportError> {
        self(request)
    }
}

/// Per-request overrides of a client's settings, taken by the adapters' `send_with`.
///
/// ```
/// use std::time::Duration;
/// use fgs_proto::{RetryPolicy, transport::RequestOptions};
///
/// let options = RequestOptions::new()
///     .timeout(Duration::from_secs(120))
///     .retry_policy(RetryPolicy::none());
/// assert_eq!(options.timeout, Some(Duration::from_secs(120)));
/// // Or as a literal:
/// let options = RequestOptions { timeout: Some(Duration::from_secs(5)), ..Default::default() };
/// assert!(options.retry_policy.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// The timeout of each attempt (connecting, sending, and receiving the whole
    /// response), instead of the client's.
    pub timeout: Option<Duration>,
    /// The retry policy, instead of the client's.
    pub retry_policy: Option<RetryPolicy>,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        RequestOptions::default()
    }

    /// Overrides the per-attempt timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Overrides the retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }
}

/// Runs `operation` over `transport` with retries: the whole blocking call.
///
/// `now` is asked for the time before each attempt (the signature is dated with it);
/// `sleep` is called with each retry delay.
pub fn execute<O, T>(
    operation: &O,
    config: &Config,
    policy: &RetryPolicy,
    transport: &mut T,
    mut now: impl FnMut() -> SystemTime,
    mut sleep: impl FnMut(Duration),
) -> Result<O::Output, Error>
where
    O: Operation + ?Sized,
    T: SyncTransport + ?Sized,
{
    let mut call = Call::new(operation, config, policy.clone())?;
    loop {
        let request = call.next_request(now())?;
        let step = match transport.send(request) {
            Ok(response) => call.on_response(response),
            Err(error) => call.on_transport_error(error),
        };
        match step {
            Step::Done(output) => return Ok(output),
            Step::Retry(delay) => sleep(delay),
            Step::Failed(error) => return Err(error),
        }
    }
}
