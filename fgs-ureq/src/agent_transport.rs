//! The blocking transport over a `ureq::Agent`, and how ureq's errors map onto
//! [`TransportError`].

use std::io::{self, Read};
use std::time::Duration;

use bytes::Bytes;
use fgs_proto::transport::SyncTransport;
use fgs_proto::{TransportError, TransportErrorKind};
use http::{Request, Response};

/// One call's view of the agent: the agent, and the limits of this call.
pub(crate) struct AgentTransport<'a> {
    pub(crate) agent: &'a ureq::Agent,
    /// Per-attempt timeout (`None`: the agent's own).
    pub(crate) timeout: Option<Duration>,
    pub(crate) max_response_size: u64,
}

impl SyncTransport for AgentTransport<'_> {
    fn send(&mut self, request: Request<Bytes>) -> Result<Response<Vec<u8>>, TransportError> {
        let (parts, body) = request.into_parts();
        // A borrowed view of the body: a 50 MB upload is not copied per attempt.
        let request = Request::from_parts(parts, &body[..]);
        let mut configure = self
            .agent
            .configure_request(request)
            // Enforced per request, so that an agent passed in by the user behaves too:
            // error statuses are responses to parse, and redirects are not followed
            // (a redirect would re-send the signed headers to another URI).
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false);
        if let Some(timeout) = self.timeout {
            configure = configure.timeout_global(Some(timeout));
        }
        let response = self
            .agent
            .run(configure.build())
            .map_err(|e| self.classify(e))?;
        // Sent: free the body (for a large one this is the only reference, see
        // `fgs_proto::Call`) before the response body is read into memory.
        drop(body);
        let (parts, body) = response.into_parts();
        let mut buffer = Vec::new();
        // Sized once from `Content-Length` (within the limit), instead of doubling: a
        // 53 MB answer would otherwise reserve 64 MiB.
        if let Some(declared) = content_length(&parts.headers) {
            let _ = buffer.try_reserve_exact(declared.min(self.max_response_size) as usize);
        }
        body.into_with_config()
            .limit(self.max_response_size)
            .reader()
            .read_to_end(&mut buffer)
            .map_err(|e| self.classify(ureq::Error::from(e)))?;
        Ok(Response::from_parts(parts, buffer))
    }
}

impl AgentTransport<'_> {
    /// Maps a ureq error, deciding whether any byte of the request may have been sent.
    fn classify(&self, error: ureq::Error) -> TransportError {
        let timeouts = self.agent.config().timeouts();
        let request_timeout = self.timeout.or(timeouts.global);
        match error {
            ureq::Error::Timeout(ureq::Timeout::Resolve | ureq::Timeout::Connect) => {
                match timeouts.connect.or(timeouts.resolve) {
                    Some(after) => TransportError::connect_timeout(after),
                    None => TransportError::new(TransportErrorKind::Timeout, false, "connecting"),
                }
            }
            ureq::Error::Timeout(which) => match request_timeout {
                Some(after) if which == ureq::Timeout::Global => {
                    TransportError::request_timeout(after)
                }
                _ => TransportError::new(
                    TransportErrorKind::Timeout,
                    true,
                    format!("{which:?} timeout"),
                ),
            },
            ureq::Error::BodyExceedsLimit(limit) => TransportError::body_too_large(limit),
            ureq::Error::HostNotFound => {
                TransportError::new(TransportErrorKind::Connect, false, "host not found")
            }
            ureq::Error::ConnectionFailed | ureq::Error::ConnectProxyFailed(_) => {
                let message = error.to_string();
                TransportError::new(TransportErrorKind::Connect, false, message).with_source(error)
            }
            ureq::Error::Io(io) => classify_io(io),
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
                let message = error.to_string();
                TransportError::new(TransportErrorKind::Tls, false, message).with_source(error)
            }
            ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(..) => {
                let message = error.to_string();
                TransportError::new(TransportErrorKind::Protocol, true, message).with_source(error)
            }
            // Detected before anything was written: bad URI, proxy settings, https-only.
            ureq::Error::BadUri(_)
            | ureq::Error::Http(_)
            | ureq::Error::InvalidProxyUrl
            | ureq::Error::RequireHttpsOnly(_) => {
                let message = error.to_string();
                TransportError::new(TransportErrorKind::Other, false, message).with_source(error)
            }
            // Anything else: assume the server may have seen the request.
            other => {
                let message = other.to_string();
                TransportError::new(TransportErrorKind::Other, true, message).with_source(other)
            }
        }
    }
}

/// The `Content-Length` of a response, if it has a valid one.
fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// I/O errors that can only happen while connecting mean nothing was sent; any other
/// (reset, broken pipe, unexpected end of stream) may have happened after the server
/// read the request.
fn classify_io(error: io::Error) -> TransportError {
    use io::ErrorKind as K;
    let message = error.to_string();
    let (kind, sent) = match error.kind() {
        K::ConnectionRefused
        | K::AddrNotAvailable
        | K::AddrInUse
        | K::NetworkUnreachable
        | K::HostUnreachable
        | K::NetworkDown => (TransportErrorKind::Connect, false),
        K::TimedOut | K::WouldBlock => (TransportErrorKind::Timeout, true),
        // A failed handshake: the request was never written.
        _ if is_tls(&error) => (TransportErrorKind::Tls, false),
        _ => (TransportErrorKind::Io, true),
    };
    TransportError::new(kind, sent, message).with_source(error)
}

/// rustls reports handshake and certificate failures as an `io::Error` wrapping a
/// `rustls::Error`.
fn is_tls(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
}
