//! The two transport traits — blocking and async — that a client sends its requests
//! through, and the limits each attempt carries to the transport.
//!
//! Both take `&self`: one transport serves every clone of a client and every thread or
//! task at once, so calls never take turns. Both are implemented for closures, so a mock
//! is one line. Neither depends on a runtime.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use fgs_proto::{Body, TransportError};
use http::{Request, Response};

/// Sends one request and returns the complete response, or says why it could not.
///
/// The request is authorized already: send it as it is (do not change its signed
/// headers). Its extensions carry the [`AttemptLimits`] of this attempt; a transport
/// that enforces its own limits may ignore them. A streamed body
/// ([`Body::is_streamed`]) is produced with [`Body::chunks`] and has exactly
/// [`Body::len`] bytes.
///
/// Implemented for every `Fn(Request<Body>) -> Result<Response<B>, TransportError>`
/// with `B: Into<Bytes>` (a `Vec<u8>`, a `String`, `&'static str`, …):
///
/// ```
/// use fgs_client::SyncTransport;
/// use fgs_proto::{Body, TransportError};
///
/// let transport = |_request: http::Request<Body>| {
///     Ok::<_, TransportError>(http::Response::new(r#"{"func_name":"f"}"#))
/// };
/// let response = transport.send(http::Request::new(Body::empty()))?;
/// assert_eq!(response.body(), r#"{"func_name":"f"}"#);
/// # Ok::<(), TransportError>(())
/// ```
pub trait SyncTransport: Send + Sync + 'static {
    /// Sends `request` and reads the whole response.
    fn send(&self, request: Request<Body>) -> Result<Response<Bytes>, TransportError>;

    /// Sends `request` within `limits`: what the client calls for each attempt.
    ///
    /// The provided implementation puts `limits` into the request's extensions and
    /// calls [`send`](Self::send). A transport that takes the limits from here
    /// instead overrides it, saving the extension map `http` allocates for every
    /// request that carries one.
    fn send_within(
        &self,
        mut request: Request<Body>,
        limits: AttemptLimits,
    ) -> Result<Response<Bytes>, TransportError> {
        request.extensions_mut().insert(limits);
        self.send(request)
    }
}

impl<F, B> SyncTransport for F
where
    F: Fn(Request<Body>) -> Result<Response<B>, TransportError> + Send + Sync + 'static,
    B: Into<Bytes>,
{
    fn send(&self, request: Request<Body>) -> Result<Response<Bytes>, TransportError> {
        self(request).map(|response| response.map(Into::into))
    }
}

/// The async counterpart of [`SyncTransport`]: the same contract, answered by a future.
///
/// Implemented for every closure that returns a `Send` future of
/// `Result<Response<B>, TransportError>` with `B: Into<Bytes>` — an `async` block, say:
///
/// ```
/// use fgs_client::AsyncTransport;
/// use fgs_proto::{Body, TransportError};
///
/// let transport = |_request: http::Request<Body>| async {
///     Ok::<_, TransportError>(http::Response::new(r#"{"func_name":"f"}"#))
/// };
/// # let _ = async move {
/// let response = transport.send(http::Request::new(Body::empty())).await?;
/// assert_eq!(response.body(), r#"{"func_name":"f"}"#);
/// # Ok::<(), TransportError>(()) };
/// ```
pub trait AsyncTransport: Send + Sync + 'static {
    /// Sends `request` and reads the whole response.
    fn send(
        &self,
        request: Request<Body>,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>> + Send;
}

impl<F, Fut, B> AsyncTransport for F
where
    F: Fn(Request<Body>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Response<B>, TransportError>> + Send,
    B: Into<Bytes>,
{
    fn send(
        &self,
        request: Request<Body>,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>> + Send {
        let answer = self(request);
        async move { answer.await.map(|response| response.map(Into::into)) }
    }
}

/// A boxed future, as the type-erased async transport returns it.
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// [`AsyncTransport`] as a trait object: what a client holds, so that a client over
/// hyper and one over a closure have the same type.
pub(crate) trait DynAsyncTransport: Send + Sync + 'static {
    fn send_boxed(
        &self,
        request: Request<Body>,
    ) -> BoxFuture<'_, Result<Response<Bytes>, TransportError>>;
}

impl<T: AsyncTransport> DynAsyncTransport for T {
    fn send_boxed(
        &self,
        request: Request<Body>,
    ) -> BoxFuture<'_, Result<Response<Bytes>, TransportError>> {
        Box::pin(self.send(request))
    }
}

/// The limits of one attempt, in every request's extensions: how long the attempt may
/// take in total (connecting, sending, receiving the whole response) and how large the
/// response body may be.
///
/// ```
/// use std::time::Duration;
/// use fgs_client::AttemptLimits;
///
/// let request = http::Request::new(());
/// // A transport reads them like this, with its own defaults when they are absent:
/// let limits = request.extensions().get::<AttemptLimits>().copied().unwrap_or_default();
/// assert_eq!(limits.timeout, Duration::from_secs(60));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptLimits {
    /// The whole attempt, from connecting to the last byte of the response.
    pub timeout: Duration,
    /// The largest response body accepted, in bytes; a longer one fails with
    /// [`TransportErrorKind::BodyTooLarge`](fgs_proto::TransportErrorKind::BodyTooLarge).
    pub max_response_size: u64,
}

impl Default for AttemptLimits {
    /// The client defaults: [`DEFAULT_TIMEOUT`](crate::DEFAULT_TIMEOUT) and
    /// [`DEFAULT_MAX_RESPONSE_SIZE`](crate::DEFAULT_MAX_RESPONSE_SIZE).
    fn default() -> Self {
        AttemptLimits {
            timeout: crate::DEFAULT_TIMEOUT,
            max_response_size: crate::DEFAULT_MAX_RESPONSE_SIZE,
        }
    }
}

/// The `Content-Length` a response declares, if it is a valid one: what a transport
/// sizes its buffer from (within the size limit) instead of growing it by doubling.
///
/// ```
/// let mut headers = http::HeaderMap::new();
/// assert_eq!(fgs_client::declared_length(&headers), None);
/// headers.insert(http::header::CONTENT_LENGTH, " 42 ".parse().unwrap());
/// assert_eq!(fgs_client::declared_length(&headers), Some(42));
/// headers.insert(http::header::CONTENT_LENGTH, "-1".parse().unwrap());
/// assert_eq!(fgs_client::declared_length(&headers), None);
/// ```
pub fn declared_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// How an I/O error of an attempt maps onto a [`TransportErrorKind`](fgs_proto::TransportErrorKind), and whether the
/// request may have been sent: one classification for every adapter, so that the
/// blocking and the async client report (and retry) the same failure the same way.
///
/// - refused, unreachable, address errors, and a failed name resolution (the standard
///   library reports getaddrinfo's failure as "failed to lookup address information")
///   happen before a byte is written: `Connect`, not sent;
/// - a timeout: `Timeout`, may have been sent;
/// - malformed data from the server (`InvalidData`, `InvalidInput`: a bad chunk size,
///   say): `Protocol`, may have been sent — not retried, as no other attempt would
///   parse it better;
/// - anything else (reset, broken pipe, unexpected end): `Io`, may have been sent.
///
/// ```
/// use std::io;
/// use fgs_client::classify_io;
/// use fgs_proto::TransportErrorKind;
///
/// let dns = io::Error::other("failed to lookup address information: Name or service not known");
/// assert_eq!(classify_io(&dns), (TransportErrorKind::Connect, false));
/// let chunk = io::Error::new(io::ErrorKind::InvalidData, "invalid chunk size: overflow");
/// assert_eq!(classify_io(&chunk), (TransportErrorKind::Protocol, true));
/// let reset = io::Error::from(io::ErrorKind::ConnectionReset);
/// assert_eq!(classify_io(&reset), (TransportErrorKind::Io, true));
/// ```
pub fn classify_io(error: &std::io::Error) -> (fgs_proto::TransportErrorKind, bool) {
    use fgs_proto::TransportErrorKind as T;
    use std::io::ErrorKind as K;
    match error.kind() {
        K::ConnectionRefused
        | K::AddrNotAvailable
        | K::AddrInUse
        | K::NetworkUnreachable
        | K::HostUnreachable
        | K::NetworkDown => (T::Connect, false),
        K::TimedOut | K::WouldBlock => (T::Timeout, true),
        K::InvalidData | K::InvalidInput => (T::Protocol, true),
        _ if error
            .to_string()
            .starts_with("failed to lookup address information") =>
        {
            (T::Connect, false)
        }
        _ => (T::Io, true),
    }
}

/// Fails at once when a response declares (`Content-Length`) a body above `limit`:
/// what a transport checks on the head, before reading any of the body.
///
/// ```
/// let mut headers = http::HeaderMap::new();
/// headers.insert(http::header::CONTENT_LENGTH, "4097".parse().unwrap());
/// assert!(fgs_client::check_declared_length(&headers, 4096).is_err());
/// assert!(fgs_client::check_declared_length(&headers, 4097).is_ok());
/// ```
pub fn check_declared_length(headers: &http::HeaderMap, limit: u64) -> Result<(), TransportError> {
    match declared_length(headers) {
        Some(declared) if declared > limit => Err(TransportError::body_too_large(limit)),
        _ => Ok(()),
    }
}
