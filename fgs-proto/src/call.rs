//! The sans-IO call driver: one operation, its attempts and its retries.

use std::fmt;
use std::time::SystemTime;

use http::{HeaderMap, Method, Request, Response, Uri};

use crate::auth::{Credentials, authorize};
use crate::body::Body;
use crate::config::Config;
use crate::error::{Error, TransportError};
use crate::operation::Operation;
use crate::retry::{Failure, Jitter, RetryPolicy, retry_after};

/// Request bodies of this many bytes or more are handed to the transport rather than
/// kept by the [`Call`] between attempts (see there): 1 MiB, far above any request but
/// a code upload.
pub const KEEP_BODY_LIMIT: usize = 1024 * 1024;

/// The jitter seed of a policy that has none: calls stay deterministic in the core, and
/// the client layer gives each client a seed of its own.
const DEFAULT_SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// What the adapter does next.
#[derive(Debug)]
#[must_use]
pub enum Step<T> {
    /// The call succeeded.
    Done(T),
    /// Sleep this long, then call [`Call::next_request`] again.
    Retry(std::time::Duration),
    /// The call failed for good.
    Failed(Error),
}

/// The sans-IO call driver: one operation, its attempts and its retries.
///
/// An adapter loops:
///
/// ```text
/// let mut call = Call::new(&op, &config, policy)?;
/// loop {
///     let request = call.next_request(now())?;          // built once, signed per attempt
///     let step = match send(request) {
///         Ok(response) => call.on_response(response),
///         Err(transport_error) => call.on_transport_error(transport_error),
///     };
///     match step {
///         Step::Done(output) => return Ok(output),
///         Step::Retry(delay) => sleep(delay),
///         Step::Failed(error) => return Err(error),
///     }
/// }
/// ```
///
/// The request body is built once and shared between attempts ([`Body`] clones are
/// reference counts), and with AK/SK its SHA-256 is computed once: a retry costs a new
/// signature, not a new hash. A streamed body is a replayable producer: it is hashed in
/// one pass and produced again by the transport for each attempt.
///
/// The head (URI, headers, extensions) goes to the first attempt as it was built, not
/// as a copy: most calls have one attempt, and a copy of a header map costs
/// allocations on every call. A retry builds the head again from the operation.
///
/// An in-memory body of [`KEEP_BODY_LIMIT`] bytes or more (a large event) is not kept
/// by the call (a code upload is streamed, and kept: it costs nothing):
/// the request takes the only reference, so the body is freed as soon as the transport
/// has sent it, instead of being held while the response is read. A retry builds it
/// again from the operation (and with AK/SK hashes it again): an encoding per retry,
/// against holding it for the whole call.
pub struct Call<'a, O: Operation + ?Sized> {
    operation: &'a O,
    config: &'a Config,
    policy: RetryPolicy,
    jitter: Jitter,
    method: Method,
    /// The unsigned head as the operation built it; `None` once the first attempt has
    /// taken it.
    head: Option<Head>,
    /// `None` once a large in-memory body has been handed to the transport.
    body: Option<Body>,
    body_sha256: Option<String>,
    attempt: u32,
    last_now: SystemTime,
    /// The error of the last attempt, kept while a retry is pending: what
    /// [`Call::give_up`] returns.
    last_failure: Option<Error>,
}

/// What an attempt's request is made of besides its method and body.
struct Head {
    uri: Uri,
    headers: HeaderMap,
    /// The operation's request extensions (such as
    /// [`SkipEchoedCode`](crate::code::SkipEchoedCode)).
    extensions: http::Extensions,
}

impl Head {
    fn of(parts: http::request::Parts) -> Head {
        Head {
            uri: parts.uri,
            headers: parts.headers,
            extensions: parts.extensions,
        }
    }
}

// By hand: the operation need not be `Debug`, and the body (up to a code package) is
// left out. What identifies the call is shown.
impl<O: Operation + ?Sized> fmt::Debug for Call<'_, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("operation", &O::NAME)
            .field("method", &self.method)
            .field("path", &O::INFO.path)
            .field("attempt", &self.attempt)
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl<'a, O: Operation + ?Sized> Call<'a, O> {
    /// Starts a call: builds the unsigned request once. Fails on invalid input.
    pub fn new(operation: &'a O, config: &'a Config, policy: RetryPolicy) -> Result<Self, Error> {
        let (parts, body) = operation.request(config)?.into_parts();
        Ok(Call {
            operation,
            config,
            jitter: Jitter::new(policy.get_seed().unwrap_or(DEFAULT_SEED)),
            policy,
            method: parts.method.clone(),
            head: Some(Head::of(parts)),
            body: Some(body),
            body_sha256: None,
            attempt: 0,
            last_now: SystemTime::UNIX_EPOCH,
            last_failure: None,
        })
    }

    /// The operation's name.
    pub fn name(&self) -> &'static str {
        O::NAME
    }

    /// The retry policy of this call.
    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// How many requests have been handed out so far.
    pub fn attempts(&self) -> u32 {
        self.attempt
    }

    /// The request for the next attempt, authorized for `now`.
    pub fn next_request(&mut self, now: SystemTime) -> Result<Request<Body>, Error> {
        self.attempt += 1;
        self.last_now = now;
        let (head, body) = match (self.head.take(), self.body.take()) {
            (Some(head), Some(body)) => (head, body),
            // A retry: the head went with an earlier attempt, so the operation builds it
            // again. So it does the body if that went too, which is then hashed again
            // (an `Operation` of the caller's need not build the same bytes twice).
            (_, kept) => {
                let (parts, built) = self.operation.request(self.config)?.into_parts();
                let body = match kept {
                    Some(body) => body,
                    None => {
                        self.body_sha256 = None;
                        built
                    }
                };
                (Head::of(parts), body)
            }
        };
        // A streamed body costs nothing to keep: it is produced again for each attempt.
        if body.is_streamed() || body.len() < KEEP_BODY_LIMIT as u64 {
            self.body = Some(body.clone());
        }
        let Head {
            mut uri,
            mut headers,
            extensions,
        } = head;
        if matches!(self.config.credentials(), Credentials::AkSk(_))
            && self.body_sha256.is_none()
            && !body.is_empty()
        {
            self.body_sha256 = Some(crate::auth::sign::body_sha256_hex_of(&body));
        }
        authorize(
            self.config,
            &self.method,
            &mut uri,
            &mut headers,
            &body,
            self.body_sha256.as_deref(),
            now,
        )?;
        let mut request = Request::new(body);
        *request.method_mut() = self.method.clone();
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        *request.extensions_mut() = extensions;
        Ok(request)
    }

    /// Feeds back the response to the last request.
    pub fn on_response<B: AsRef<[u8]>>(&mut self, response: Response<B>) -> Step<O::Output> {
        let status = response.status();
        if !status.is_success() {
            let failure = Failure::Status {
                status,
                retry_after: retry_after(response.headers(), self.last_now),
            };
            if let Some(delay) = self.decide(&failure) {
                // Read as the error it is, in case the adapter gives up on the retry.
                self.last_failure = self.operation.response(response).err();
                return Step::Retry(delay);
            }
        }
        self.last_failure = None;
        match self.operation.response(response) {
            Ok(output) => Step::Done(output),
            Err(error) => Step::Failed(error),
        }
    }

    /// Feeds back a transport failure of the last request.
    pub fn on_transport_error(&mut self, error: TransportError) -> Step<O::Output> {
        let error = error.in_call(O::NAME, self.config.endpoint());
        match self.decide(&Failure::Transport(&error)) {
            Some(delay) => {
                self.last_failure = Some(Error::Transport(error));
                Step::Retry(delay)
            }
            None => Step::Failed(Error::Transport(error)),
        }
    }

    /// Ends the call after a [`Step::Retry`] that the adapter does not follow (a retry
    /// budget ran out, or the delay would pass the call's deadline): the error of the
    /// last attempt, as [`Step::Failed`] would have carried it. `None` if no retry is
    /// pending.
    pub fn give_up(&mut self) -> Option<Error> {
        self.last_failure.take()
    }

    fn decide(&mut self, failure: &Failure<'_>) -> Option<std::time::Duration> {
        self.policy.decide(
            self.attempt,
            self.operation.idempotent(),
            failure,
            &mut self.jitter,
        )
    }
}
