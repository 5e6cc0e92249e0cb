//! Reading request bodies with a hard size limit.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http::HeaderMap;
use http::header::{AUTHORIZATION, CONTENT_LENGTH};
use http_body_util::BodyExt;
use hyper::body::Incoming;

/// Bodies of AK/SK-signed requests: 12 MB, as the service documents.
pub const DEFAULT_SIGNED_BODY_LIMIT: usize = 12 * 1024 * 1024;
/// Other bodies: room for a 50 MB package in base64 plus the JSON around it.
pub const DEFAULT_UNSIGNED_BODY_LIMIT: usize = 70 * 1024 * 1024;

/// After refusing a body, read and discard at most this much of the rest, so the client
/// finishes sending and reads the 413 instead of a reset connection.
const DRAIN_LIMIT: u64 = 256 * 1024 * 1024;
const DRAIN_TIME: Duration = Duration::from_secs(10);
const INITIAL_CAPACITY: usize = 64 * 1024;

/// How long a request body may take to arrive, from the end of its head: like the
/// head's timeout, so that a client trickling a byte now and then cannot hold a
/// connection forever.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// The body limits: size (signed and unsigned requests) and time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLimits {
    pub signed: usize,
    pub unsigned: usize,
    pub timeout: Duration,
}

impl BodyLimits {
    /// The limit for a request: signed if it has an `Authorization` header.
    pub(crate) fn for_request(&self, headers: &HeaderMap) -> usize {
        if headers.contains_key(AUTHORIZATION) {
            self.signed
        } else {
            self.unsigned
        }
    }
}

/// Why a body could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// Longer than the limit.
    TooLarge,
    /// The connection failed mid-body.
    Broken,
    /// The body did not arrive within the body timeout.
    TooSlow,
}

/// Reads the whole body if it is at most `limit` bytes and arrives within `timeout`.
pub(crate) async fn read_bounded(
    body: Incoming,
    headers: &HeaderMap,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, BodyError> {
    tokio::time::timeout(timeout, read_within(body, headers, limit))
        .await
        .unwrap_or(Err(BodyError::TooSlow))
}

async fn read_within(
    mut body: Incoming,
    headers: &HeaderMap,
    limit: usize,
) -> Result<Bytes, BodyError> {
    let declared = declared_length(headers);
    if declared.is_some_and(|len| len > limit as u64) {
        if declared.is_some_and(|len| len <= DRAIN_LIMIT) {
            drain(body).await;
        }
        return Err(BodyError::TooLarge);
    }
    let capacity = declared
        .and_then(|len| usize::try_from(len).ok())
        .unwrap_or(0)
        .min(INITIAL_CAPACITY);
    let mut buffer = BytesMut::with_capacity(capacity);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| BodyError::Broken)?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        if buffer.len() + data.len() > limit {
            drain(body).await;
            return Err(BodyError::TooLarge);
        }
        buffer.extend_from_slice(&data);
    }
    Ok(buffer.freeze())
}

/// The `Content-Length` of a request, if it declares a valid one.
pub(crate) fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// Discards the rest of a body, within [`DRAIN_LIMIT`] and [`DRAIN_TIME`].
pub(crate) async fn drain(mut body: Incoming) {
    let discard = async {
        let mut seen: u64 = 0;
        while let Some(Ok(frame)) = body.frame().await {
            if let Ok(data) = frame.into_data() {
                seen += data.len() as u64;
                if seen > DRAIN_LIMIT {
                    break;
                }
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIME, discard).await;
}
