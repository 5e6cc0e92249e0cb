//! [`HyperTransport`]: one attempt over the pooled hyper client — send the request, read
//! the whole response within the attempt's timeout and size limit, and say what went
//! wrong in [`TransportError`] terms.

use std::error::Error as StdError;
use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use fgs_client::{AsyncTransport, AttemptLimits};
use fgs_proto::code::{EchoedCodeFilter, SkipEchoedCode};
use fgs_proto::{Body, TransportError, TransportErrorKind};
use http::{Request, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;

use crate::body::RequestBody;
use crate::pool::{Pool, SendError};

/// An [`AsyncTransport`] over pooled hyper HTTP/1.1 connections: what
/// [`Client::new`](crate::Client::new) sends through. Clones share the pool.
#[derive(Clone)]
pub struct HyperTransport {
    pool: Arc<Pool>,
    connect_timeout: Duration,
}

impl std::fmt::Debug for HyperTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HyperTransport")
            .field("connect_timeout", &self.connect_timeout)
            .finish_non_exhaustive()
    }
}

impl HyperTransport {
    pub(crate) fn new(pool: Pool, connect_timeout: Duration) -> Self {
        HyperTransport {
            pool: Arc::new(pool),
            connect_timeout,
        }
    }
}

impl AsyncTransport for HyperTransport {
    fn send(
        &self,
        request: Request<Body>,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>> + Send {
        let limits = request
            .extensions()
            .get::<AttemptLimits>()
            .copied()
            .unwrap_or_default();
        exchange(&self.pool, request, limits, self.connect_timeout)
    }
}

async fn exchange(
    pool: &Pool,
    request: Request<Body>,
    limits: AttemptLimits,
    connect_timeout: Duration,
) -> Result<Response<Bytes>, TransportError> {
    #[cfg(not(feature = "rustls"))]
    if request.uri().scheme() == Some(&http::uri::Scheme::HTTPS) {
        return Err(TransportError::new(
            TransportErrorKind::Tls,
            false,
            "https needs the `rustls` feature of fgs-hyper",
        ));
    }
    let echo = request
        .extensions()
        .get::<SkipEchoedCode>()
        .map(|skip| skip.filter());
    // The connection's reads fail past it too, so that the connection ends even when
    // this attempt has been dropped (none for a timeout too long to add to now).
    let deadline = Instant::now().checked_add(limits.timeout);
    let attempt = async {
        // An in-memory body shares the call's buffer: no copy per attempt.
        let (response, connection) = pool
            .send(request.map(RequestBody::new), deadline)
            .await
            .map_err(|e| classify(e, connect_timeout))?;
        let (parts, body) = response.into_parts();
        // A body declared above the limit fails on the head, before any of it is read.
        fgs_client::check_declared_length(&parts.headers, limits.max_response_size)?;
        let declared = fgs_client::declared_length(&parts.headers);
        let body = match echo {
            Some(filter) => read_filtered(body, filter, limits.max_response_size).await?,
            None => read_body(body, declared, limits.max_response_size).await?,
        };
        // Read to its end: the connection can carry the next request.
        pool.put_back(connection);
        Ok(Response::from_parts(parts, body))
    };
    match tokio::time::timeout(limits.timeout, attempt).await {
        Ok(result) => result,
        Err(_elapsed) => Err(TransportError::request_timeout(limits.timeout)),
    }
}

/// Reads a whole response body of at most `limit` bytes. A body that comes in one
/// frame is returned as it is; frames are otherwise gathered into one buffer sized from
/// `Content-Length`, each dropped once copied, so a large answer is held once — not
/// twice, as `collect().to_bytes()` would (all frames, then their copy).
async fn read_body(
    body: Incoming,
    declared: Option<u64>,
    limit: u64,
) -> Result<Bytes, TransportError> {
    let mut body = Limited::new(body, usize::try_from(limit).unwrap_or(usize::MAX));
    let mut first: Option<Bytes> = None;
    let mut gathered: Option<BytesMut> = None;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| classify_body(e, limit))?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        match (&mut gathered, first.take()) {
            (Some(buffer), _) => buffer.extend_from_slice(&data),
            (None, Some(previous)) => {
                let expected = declared.unwrap_or(0).min(limit);
                let capacity = usize::try_from(expected)
                    .unwrap_or(0)
                    .max(previous.len() + data.len());
                let mut buffer = BytesMut::with_capacity(capacity);
                buffer.extend_from_slice(&previous);
                buffer.extend_from_slice(&data);
                gathered = Some(buffer);
            }
            (None, None) => first = Some(data),
        }
    }
    Ok(gathered.map(BytesMut::freeze).or(first).unwrap_or_default())
}

/// Reads a whole response body of at most `limit` bytes through `filter`: an echoed
/// package is dropped frame by frame as it arrives instead of being held.
async fn read_filtered(
    body: Incoming,
    mut filter: EchoedCodeFilter,
    limit: u64,
) -> Result<Bytes, TransportError> {
    let mut body = Limited::new(body, usize::try_from(limit).unwrap_or(usize::MAX));
    let mut kept = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| classify_body(e, limit))?;
        if let Ok(data) = frame.into_data() {
            filter.push(&data, &mut kept);
        }
    }
    Ok(Bytes::from(kept))
}

/// Maps a failure to send. Connecting (TCP, TLS handshake) happens before any byte of
/// the request is written; on a connection, hyper says whether the request left.
fn classify(error: SendError, connect_timeout: Duration) -> TransportError {
    match error {
        SendError::Connect(error) => {
            let message = chain_text(&*error);
            if find::<io::Error>(&*error).is_some_and(|io| io.kind() == io::ErrorKind::TimedOut) {
                return TransportError::connect_timeout(connect_timeout)
                    .with_source(io::Error::other(error));
            }
            #[cfg(feature = "rustls")]
            if find::<rustls::Error>(&*error).is_some() {
                return TransportError::new(TransportErrorKind::Tls, false, message)
                    .with_source(io::Error::other(error));
            }
            TransportError::new(TransportErrorKind::Connect, false, message)
                .with_source(io::Error::other(error))
        }
        SendError::Request { error, sent } => {
            let message = chain_text(&error);
            let kind = if error.is_parse() || error.is_parse_status() {
                TransportErrorKind::Protocol
            } else if error.is_timeout() {
                TransportErrorKind::Timeout
            } else {
                io_kind(&error)
            };
            TransportError::new(kind, sent, message).with_source(error)
        }
        SendError::BadUri => TransportError::new(
            TransportErrorKind::Other,
            false,
            "the request URI has no scheme or host",
        ),
    }
}

/// The kind of the I/O error in `error`'s chain, as both adapters classify it
/// ([`fgs_client::classify_io`]); `Io` without one. The request may have been sent.
fn io_kind(error: &(dyn StdError + 'static)) -> TransportErrorKind {
    // Past connecting, "not sent" cannot be known: only the kind is kept.
    find::<io::Error>(error).map_or(TransportErrorKind::Io, |io| fgs_client::classify_io(io).0)
}

/// Maps a failure while reading the response body.
fn classify_body(error: Box<dyn StdError + Send + Sync>, limit: u64) -> TransportError {
    if error.downcast_ref::<LengthLimitError>().is_some() {
        return TransportError::body_too_large(limit);
    }
    let message = chain_text(&*error);
    // A malformed body (a bad chunk size) is `Protocol`, as fgs-ureq reports it.
    TransportError::new(io_kind(&*error), true, message)
}

/// The first error of type `T` in the chain. `io::Error::source` skips the error it
/// wraps, so wrapped errors are looked at explicitly.
fn find<'a, T: StdError + 'static>(error: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut next = Some(error);
    while let Some(current) = next {
        if let Some(found) = current.downcast_ref::<T>() {
            return Some(found);
        }
        next = match current
            .downcast_ref::<io::Error>()
            .and_then(io::Error::get_ref)
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => current.source(),
        };
    }
    None
}

/// `outer: inner: innermost`, without repeating a message a wrapper copied.
fn chain_text(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(current) = next {
        let part = current.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        next = current.source();
    }
    text
}
