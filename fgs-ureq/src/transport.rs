//! [`UreqTransport`]: the blocking transport over a `ureq::Agent`, and how ureq's errors
//! map onto [`TransportError`].

use std::io::{self, Read};
use std::time::Duration;

use bytes::{Buf, Bytes};
use fgs_client::{AttemptLimits, SyncTransport};
use fgs_proto::code::SkipEchoedCode;
use fgs_proto::{Body, TransportError, TransportErrorKind};
use http::{Request, Response};

/// Bytes read at a time from an answer that is filtered while it is read.
const READ_CHUNK: usize = 64 * 1024;

/// A [`SyncTransport`] over a `ureq::Agent`: what [`Client::new`](crate::Client::new)
/// sends through, and — over an agent you configured (proxy, pool size, TLS) — what
/// [`Client::with_transport`](crate::Client::with_transport) takes:
///
/// ```
/// use fgs_ureq::{Client, Config, Credentials, UreqTransport};
///
/// let agent = fgs_ureq::ureq::Agent::config_builder().max_idle_connections(4).build().new_agent();
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::with_transport(config, UreqTransport::new(agent));
/// # Ok::<(), fgs_ureq::Error>(())
/// ```
///
/// Whatever the agent's own settings, error statuses are read as responses and
/// redirects are never followed (a redirect would send the signed headers to another
/// URI); each attempt's timeout and response size limit come from the client.
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
    /// The agent's whole-request timeout when the agent itself already reads error
    /// statuses as responses and follows no redirect (as the agents fgs-ureq builds
    /// do): an attempt with that timeout then needs no request-level configuration.
    plain_timeout: Option<Duration>,
}

impl UreqTransport {
    /// A transport over `agent`.
    pub fn new(agent: ureq::Agent) -> Self {
        let config = agent.config();
        let plain = !config.http_status_as_error()
            && config.max_redirects() == 0
            && !config.max_redirects_will_error();
        let plain_timeout = if plain {
            config.timeouts().global
        } else {
            None
        };
        UreqTransport {
            agent,
            plain_timeout,
        }
    }

    /// The agent.
    pub fn agent(&self) -> &ureq::Agent {
        &self.agent
    }
}

impl SyncTransport for UreqTransport {
    fn send(&self, request: Request<Body>) -> Result<Response<Bytes>, TransportError> {
        let limits = request
            .extensions()
            .get::<AttemptLimits>()
            .copied()
            .unwrap_or_default();
        self.send_within(request, limits)
    }

    /// The client's way in: the limits come as an argument, so that no request of the
    /// client needs an extension map for them.
    fn send_within(
        &self,
        request: Request<Body>,
        limits: AttemptLimits,
    ) -> Result<Response<Bytes>, TransportError> {
        let echo = request
            .extensions()
            .get::<SkipEchoedCode>()
            .map(|skip| skip.filter());
        let (mut parts, body) = request.into_parts();
        let response = match body.as_bytes() {
            // A borrowed view of the body: a 50 MB upload is not copied per attempt.
            Some(bytes) => self.run(Request::from_parts(parts, &bytes[..]), limits),
            None => {
                // Streamed: produced while it is written, with its length declared so
                // that ureq does not fall back to chunked encoding.
                parts
                    .headers
                    .insert(http::header::CONTENT_LENGTH, body.len().into());
                let mut reader = ChunkReader::new(body.chunks());
                let send = ureq::SendBody::from_reader(&mut reader);
                self.run(Request::from_parts(parts, send), limits)
            }
        }?;
        // Sent: free the body (for a large one this is the only reference, see
        // `fgs_proto::Call`) before the response body is read into memory.
        drop(body);
        let (parts, body) = response.into_parts();
        // A body declared above the limit fails on the head, before any of it is read.
        fgs_client::check_declared_length(&parts.headers, limits.max_response_size)?;
        let mut reader = body
            .into_with_config()
            .limit(limits.max_response_size)
            .reader();
        let read_error = |e: io::Error| self.classify(ureq::Error::from(e), limits.timeout);
        let mut buffer = Vec::new();
        match echo {
            // An echoed package is dropped as it arrives instead of being held.
            Some(mut filter) => {
                let mut chunk = vec![0; READ_CHUNK];
                loop {
                    let n = reader.read(&mut chunk).map_err(read_error)?;
                    if n == 0 {
                        break;
                    }
                    filter.push(&chunk[..n], &mut buffer);
                }
            }
            None => {
                // Sized once from `Content-Length` (within the limit), instead of
                // doubling: a 53 MB answer would otherwise reserve 64 MiB.
                if let Some(declared) = fgs_client::declared_length(&parts.headers) {
                    let _ =
                        buffer.try_reserve_exact(declared.min(limits.max_response_size) as usize);
                }
                reader.read_to_end(&mut buffer).map_err(read_error)?;
            }
        }
        Ok(Response::from_parts(parts, Bytes::from(buffer)))
    }
}

impl UreqTransport {
    /// Runs one request with the client's limits, enforced per request so that an agent
    /// passed in by the user behaves too: error statuses are responses to parse, and
    /// redirects are not followed.
    fn run<S: ureq::AsSendBody>(
        &self,
        request: Request<S>,
        limits: AttemptLimits,
    ) -> Result<Response<ureq::Body>, TransportError> {
        if self.plain_timeout == Some(limits.timeout) {
            // The agent's own configuration is the one the attempt needs: a
            // request-level one would be a copy of it (ureq clones its whole `Config`
            // into the request, an `Arc` and an extension map per call).
            return self
                .agent
                .run(request)
                .map_err(|e| self.classify(e, limits.timeout));
        }
        let configured = self
            .agent
            .configure_request(request)
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_global(Some(limits.timeout))
            .build();
        self.agent
            .run(configured)
            .map_err(|e| self.classify(e, limits.timeout))
    }
}

/// A streamed body's chunks as a `Read`.
struct ChunkReader {
    chunks: Box<dyn Iterator<Item = Bytes> + Send>,
    current: Bytes,
}

impl ChunkReader {
    fn new(chunks: Box<dyn Iterator<Item = Bytes> + Send>) -> Self {
        ChunkReader {
            chunks,
            current: Bytes::new(),
        }
    }
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.chunks.next() {
                Some(chunk) => self.current = chunk,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        self.current.copy_to_slice(&mut buf[..n]);
        Ok(n)
    }
}

impl UreqTransport {
    /// Maps a ureq error, deciding whether any byte of the request may have been sent.
    fn classify(&self, error: ureq::Error, timeout: Duration) -> TransportError {
        let timeouts = self.agent.config().timeouts();
        let request_timeout = Some(timeout);
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

/// A failed handshake is `Tls` (the request was never written); any other I/O error
/// is classified as both adapters classify it ([`fgs_client::classify_io`]): a failed
/// name resolution or refused connection sent nothing, a reset may have happened after
/// the server read the request.
fn classify_io(error: io::Error) -> TransportError {
    let message = error.to_string();
    let (kind, sent) = if is_tls(&error) {
        (TransportErrorKind::Tls, false)
    } else {
        fgs_client::classify_io(&error)
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
