//! The one error type of the SDK, and the pieces it is made of.
//!
//! [`Error`] separates four situations a caller handles differently:
//!
//! | variant | what happened | retry? |
//! |---|---|---|
//! | [`Error::InvalidInput`] | the request could not be built from the caller's input | no: fix the input |
//! | [`Error::Service`] | the service (or a gateway in front of it) answered with an error status | 429 / 5xx may be retried |
//! | [`Error::Decode`] | a success answer could not be understood | no |
//! | [`Error::Transport`] | the transport failed: connect, I/O, timeout, size limit | depends on whether the request was sent |
//! | [`Error::Credentials`] | a credentials provider gave none (it names itself) | no |

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

/// Everything that can go wrong when calling FunctionGraph.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built: a field the caller supplied is invalid.
    InvalidInput(InvalidInput),
    /// The service answered with a non-success status.
    Service(Box<ServiceError>),
    /// The service answered with success, but the body could not be decoded.
    Decode(Box<DecodeError>),
    /// The transport failed (reported by an adapter through the call driver).
    Transport(TransportError),
    /// No credentials: a [provider](crate::auth::provider) failed (named by
    /// [`CredentialsError::provider`](crate::auth::provider::CredentialsError::provider)).
    Credentials(Box<crate::auth::provider::CredentialsError>),
}

impl Error {
    /// Builds an [`Error::InvalidInput`] for `field`.
    pub fn invalid_input(field: impl Into<Cow<'static, str>>, reason: impl Into<String>) -> Self {
        Error::InvalidInput(InvalidInput {
            field: field.into(),
            reason: reason.into(),
        })
    }

    /// The HTTP status of the answer, if the service answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Service(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::InvalidInput(_) | Error::Transport(_) | Error::Credentials(_) => None,
        }
    }

    /// The service's error code (`FSS.1051`, `APIGW.0301`, ...), if it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Service(e) => e.code(),
            _ => None,
        }
    }

    /// The service's error message, if it sent one.
    pub fn message(&self) -> Option<&str> {
        match self {
            Error::Service(e) => e.message(),
            _ => None,
        }
    }

    /// The request id the service reported, if any.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service(e) => e.request_id(),
            Error::Decode(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether trying the same request again may succeed: 429, 5xx, and transport
    /// failures other than TLS and size-limit errors. Whether a retry is *safe* also
    /// depends on the operation's idempotency; the retry policy weighs both.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Service(e) => e.is_retryable(),
            Error::Transport(e) => e.kind.is_retryable(),
            Error::InvalidInput(_) | Error::Decode(_) | Error::Credentials(_) => false,
        }
    }

    /// Whether the service said the resource does not exist (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }

    /// The credentials provider's error, if this is one.
    pub fn as_credentials(&self) -> Option<&crate::auth::provider::CredentialsError> {
        match self {
            Error::Credentials(e) => Some(e),
            _ => None,
        }
    }

    /// The service error, if this is one.
    pub fn as_service(&self) -> Option<&ServiceError> {
        match self {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput(e) => fmt::Display::fmt(e, f),
            Error::Service(e) => fmt::Display::fmt(e, f),
            Error::Decode(e) => fmt::Display::fmt(e, f),
            Error::Transport(e) => fmt::Display::fmt(e, f),
            Error::Credentials(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => e.source.as_deref().map(|s| s as _),
            _ => None,
        }
    }
}

impl From<InvalidInput> for Error {
    fn from(e: InvalidInput) -> Self {
        Error::InvalidInput(e)
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Self {
        Error::Service(Box::new(e))
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(Box::new(e))
    }
}

impl From<crate::auth::provider::CredentialsError> for Error {
    fn from(e: crate::auth::provider::CredentialsError) -> Self {
        Error::Credentials(Box::new(e))
    }
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        Error::Transport(e)
    }
}

/// A request could not be built: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidInput {
    field: Cow<'static, str>,
    reason: String,
}

impl InvalidInput {
    /// The name of the offending field (the JSON/wire name, e.g. `function_urn`).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Why the value was rejected.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid input `{}`: {}", self.field, self.reason)
    }
}

/// The service answered with an error status.
///
/// The body is kept as it came (`raw_body`); `code`, `message` and `request_id` are read
/// leniently from whichever error shape the service or a gateway used
/// (`{"error_code","error_msg"}`, `{"code","message"}`, `{"errorCode","errorMsg"}`,
/// `{"error":{...}}`), and are `None` when the body is not JSON (an HTML 502 page, say).
#[derive(Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub(crate) status: StatusCode,
    pub(crate) code: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) raw_body: Vec<u8>,
}

impl ServiceError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The error code, e.g. `FSS.1051`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The error message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id from the response headers or body.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The response body exactly as received.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw_body
    }

    /// 429 and 5xx.
    pub fn is_retryable(&self) -> bool {
        self.status == StatusCode::TOO_MANY_REQUESTS || self.status.is_server_error()
    }
}

impl fmt::Debug for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceError")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("raw_body", &crate::text::snippet(&self.raw_body, 200))
            .finish()
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.message) {
            (Some(code), Some(msg)) => write!(f, "{code}: {msg}")?,
            (Some(code), None) => write!(f, "{code}")?,
            (None, Some(msg)) => write!(f, "{msg}")?,
            (None, None) => {
                let snippet = crate::text::snippet(&self.raw_body, 120);
                if snippet.is_empty() {
                    write!(f, "service error")?;
                } else {
                    write!(f, "service error: {snippet}")?;
                }
            }
        }
        write!(f, " (HTTP {}", self.status.as_u16())?;
        if let Some(reason) = self.status.canonical_reason() {
            write!(f, " {reason}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

/// A success answer whose body could not be decoded into the operation's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub(crate) status: StatusCode,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) snippet: String,
    pub(crate) request_id: Option<String>,
}

impl DecodeError {
    /// The HTTP status of the answer.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Where in the body decoding failed, as a serde path (`functions[2].memory_size`);
    /// `.` for the document itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the decoder said.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The beginning of the body, for diagnosis.
    pub fn body_snippet(&self) -> &str {
        &self.snippet
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the HTTP {} response at `{}`: {}",
            self.status.as_u16(),
            self.path,
            self.message
        )?;
        if !self.snippet.is_empty() {
            write!(f, " (body starts: {})", self.snippet)?;
        }
        Ok(())
    }
}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// Name resolution or TCP connect failed: the request never left.
    Connect,
    /// TLS handshake or certificate verification failed.
    Tls,
    /// The connection broke while sending or receiving.
    Io,
    /// A timeout fired.
    Timeout,
    /// The response was larger than the configured limit.
    BodyTooLarge,
    /// The peer answered with something that is not HTTP.
    Protocol,
    /// Anything else.
    Other,
}

impl TransportErrorKind {
    /// Connect, I/O and timeout failures may go away on a retry.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            TransportErrorKind::Connect | TransportErrorKind::Io | TransportErrorKind::Timeout
        )
    }

    fn describe(self) -> &'static str {
        match self {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Tls => "TLS failure",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::BodyTooLarge => "response body too large",
            TransportErrorKind::Protocol => "invalid HTTP response",
            TransportErrorKind::Other => "transport failure",
        }
    }
}

/// A transport failure, as an adapter reports it to the call driver.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    request_sent: bool,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl TransportError {
    /// A failure of `kind`. `request_sent` says whether any byte of the request may have
    /// reached the server; when it is `false` (e.g. connection refused) the server cannot
    /// have acted, so even a non-idempotent operation may be retried.
    pub fn new(kind: TransportErrorKind, request_sent: bool, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            request_sent,
            message: message.into(),
            source: None,
        }
    }

    /// The connect timeout fired: no connection was established within `after`, so no
    /// byte of the request was sent.
    ///
    /// ```
    /// use std::time::Duration;
    /// let e = fgs_proto::TransportError::connect_timeout(Duration::from_secs(2));
    /// assert_eq!(e.to_string(), "timed out: no connection within 2s (connect timeout)");
    /// assert!(!e.request_sent());
    /// ```
    pub fn connect_timeout(after: std::time::Duration) -> Self {
        TransportError::new(
            TransportErrorKind::Timeout,
            false,
            format!("no connection within {after:?} (connect timeout)"),
        )
    }

    /// The request timeout fired: no complete response within `after`. The request may
    /// have reached the server.
    ///
    /// ```
    /// use std::time::Duration;
    /// let e = fgs_proto::TransportError::request_timeout(Duration::from_millis(300));
    /// assert_eq!(e.to_string(), "timed out: no complete response within 300ms (request timeout)");
    /// assert!(e.request_sent());
    /// ```
    pub fn request_timeout(after: std::time::Duration) -> Self {
        TransportError::new(
            TransportErrorKind::Timeout,
            true,
            format!("no complete response within {after:?} (request timeout)"),
        )
    }

    /// The response body was longer than `limit` bytes.
    ///
    /// ```
    /// let e = fgs_proto::TransportError::body_too_large(1024);
    /// assert_eq!(e.to_string(), "response body too large: more than 1024 bytes (the configured limit)");
    /// ```
    pub fn body_too_large(limit: u64) -> Self {
        TransportError::new(
            TransportErrorKind::BodyTooLarge,
            true,
            format!("more than {limit} bytes (the configured limit)"),
        )
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether the request may have reached the server.
    pub fn request_sent(&self) -> bool {
        self.request_sent
    }

    /// The adapter's description.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.describe())?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}
