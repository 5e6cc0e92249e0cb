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
use std::error::Error as StdError;
use std::fmt;

use http::StatusCode;

/// Everything that can go wrong when calling FunctionGraph.
///
/// # Display and `source()`
///
/// `Error` adds no words of its own: its `Display` is its part's `Display` (the service's
/// code and message, the decoder's complaint, the field and reason, the transport
/// failure), and its [`source()`](std::error::Error::source) is that part's `source()`.
/// So `error.to_string()` alone says what happened, and a printer that walks the chain
/// (`Display`, then each `source()`, as `anyhow` does) prints no message twice. Only a
/// [`TransportError`] has a source: the underlying error the adapter attached, less what
/// its message already says. The part itself is the variant's payload (or
/// [`as_service`](Self::as_service)).
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
    // The part's own source, not the part: `Display` already printed the part.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidInput(e) => e.source(),
            Error::Service(e) => e.source(),
            Error::Decode(e) => e.source(),
            Error::Transport(e) => e.source(),
            Error::Credentials(e) => e.source(),
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

impl StdError for InvalidInput {}

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

impl StdError for ServiceError {}

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

impl StdError for DecodeError {}

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
    /// The operation and endpoint of the failed call, set by [`Call`](crate::Call).
    call: Option<(&'static str, String)>,
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
            call: None,
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

    /// Attaches the underlying error, returned by [`source()`](StdError::source).
    ///
    /// The message may quote it (adapters do, so that `to_string()` alone names the
    /// cause): `source()` then skips each link of the underlying chain whose text the
    /// message already contains, so that a printer walking the chain repeats nothing.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Names the call that failed: its operation (an [`Operation::NAME`]) and the
    /// endpoint it was sent to, shown at the end of the `Display` text. The call driver
    /// [`Call`](crate::Call) sets them, so an adapter need not; an error that names its
    /// call already keeps the first names.
    ///
    /// [`Operation::NAME`]: crate::Operation::NAME
    ///
    /// ```
    /// use fgs_proto::{Endpoint, TransportError, TransportErrorKind};
    ///
    /// let endpoint = Endpoint::parse("http://127.0.0.1:8080")?;
    /// let e = TransportError::new(TransportErrorKind::Connect, false, "connection refused")
    ///     .in_call("GetMetadata", &endpoint);
    /// assert_eq!(e.to_string(),
    ///     "could not connect: connection refused (GetMetadata to http://127.0.0.1:8080)");
    /// assert_eq!(e.operation(), Some("GetMetadata"));
    /// assert_eq!(e.endpoint(), Some("http://127.0.0.1:8080"));
    /// # Ok::<(), fgs_proto::Error>(())
    /// ```
    pub fn in_call(mut self, operation: &'static str, endpoint: &crate::Endpoint) -> Self {
        if self.call.is_none() {
            // `Endpoint` never holds user info, so the text cannot show a password.
            self.call = Some((operation, endpoint.to_string()));
        }
        self
    }

    /// The operation of the failed call, when known (see [`in_call`](Self::in_call)).
    pub fn operation(&self) -> Option<&'static str> {
        self.call.as_ref().map(|(operation, _)| *operation)
    }

    /// The endpoint of the failed call, when known (see [`in_call`](Self::in_call)).
    pub fn endpoint(&self) -> Option<&str> {
        self.call.as_ref().map(|(_, endpoint)| endpoint.as_str())
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
        if let Some((operation, endpoint)) = &self.call {
            write!(f, " ({operation} to {endpoint})")?;
        }
        Ok(())
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        let mut next = self
            .source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static));
        while let Some(link) = next {
            if !self.message.contains(&link.to_string()) {
                return Some(link);
            }
            next = link.source();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    /// The messages a chain printer shows: `Display`, then each `source()`.
    fn chain(error: &dyn StdError) -> Vec<String> {
        let mut messages = vec![error.to_string()];
        let mut next = error.source();
        while let Some(link) = next {
            messages.push(link.to_string());
            next = link.source();
        }
        messages
    }

    /// Fails when a message of the chain is empty or is contained in an earlier one.
    fn assert_no_repeat(error: &Error) -> Vec<String> {
        let messages = chain(error);
        for (i, message) in messages.iter().enumerate() {
            assert!(!message.is_empty(), "{messages:?}");
            assert!(
                !messages[..i]
                    .iter()
                    .any(|earlier| earlier.contains(message.as_str())),
                "`{message}` repeats: {messages:?}"
            );
        }
        messages
    }

    /// An error whose `Display` names only itself, with a source.
    #[derive(Debug)]
    struct Wrapper(&'static str, io::Error);

    impl fmt::Display for Wrapper {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl StdError for Wrapper {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            Some(&self.1)
        }
    }

    fn refused() -> io::Error {
        io::Error::new(io::ErrorKind::ConnectionRefused, "connection refused")
    }

    #[test]
    fn no_message_of_a_chain_repeats() {
        let service = ServiceError {
            status: StatusCode::NOT_FOUND,
            code: Some("FSS.1051".into()),
            message: Some("function not found".into()),
            request_id: Some("req-1".into()),
            raw_body: Vec::new(),
        };
        let decode = DecodeError {
            status: StatusCode::OK,
            path: "functions[0]".into(),
            message: "invalid type".into(),
            snippet: "{}".into(),
            request_id: None,
        };
        let connect = |message: String, source: Wrapper| {
            Error::from(
                TransportError::new(TransportErrorKind::Connect, false, message)
                    .with_source(source),
            )
        };
        let wrapper = || Wrapper("tcp connect error", refused());
        let cases = [
            (Error::invalid_input("function_urn", "is empty"), 1),
            (Error::from(service), 1),
            (Error::from(decode), 1),
            (Error::from(TransportError::body_too_large(8)), 1),
            // The message says what the adapter saw; the chain carries the rest.
            (connect("host not found".into(), wrapper()), 3),
            // The message quotes the first link: the chain starts after it.
            (connect(wrapper().to_string(), wrapper()), 2),
            // The message quotes the whole chain (as fgs-hyper's does): nothing follows.
            (
                connect(format!("{}: {}", wrapper(), refused()), wrapper()),
                1,
            ),
        ];
        for (error, links) in cases {
            let messages = assert_no_repeat(&error);
            assert_eq!(messages.len(), links, "{messages:?}");
        }
    }

    #[test]
    fn error_shows_its_part() {
        let error = Error::from(
            TransportError::new(TransportErrorKind::Io, true, "reset").with_source(refused()),
        );
        assert_eq!(error.to_string(), "connection failed: reset");
        let source = error.source().map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("connection refused"));
    }
}
