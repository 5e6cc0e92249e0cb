//! Invoke — `POST /v2/{project_id}/fgs/functions/{function_urn}/invocations`
//! (official name InvokeFunction): a synchronous invocation.

mod async_invoke;
pub mod headers;
mod payload;

pub use async_invoke::{AsyncInvoke, AsyncInvokeOutput};

use std::fmt;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use http::{HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use self::headers::names::{
    BILLING_DURATION, FUNC_ERR_CODE, FUNCTION_LOG, INVOKE_SUMMARY, IS_FUNC_ERR, REQUEST_ID,
    RESPONSE_VERSION,
};
use self::headers::{LOG_TYPE, REQUEST_VERSION};
use self::payload::Payload;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::{InvokeEnvelope, InvokeSummary, ResponseVersion};
use crate::operation::Operation;
use crate::response::{self, first_text, header_text};
use crate::text::snippet;

/// Longest message taken from a plain-text error body (the whole body stays in
/// [`InvokeOutput::result`]).
const MAX_TEXT_MESSAGE: usize = 1000;

/// Base64 as the log header uses it, read leniently: padding may be present or not.
const LOG_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Runs a function and waits for its result.
///
/// The event is any `Serialize` value ([`event`](Invoke::event)) or raw JSON bytes
/// ([`raw_event`](Invoke::raw_event)); without one, `{}` is sent. A failure inside the
/// function is **not** an [`Error`]: the call succeeds and
/// [`InvokeOutput::function_error`] says what went wrong. Not idempotent: the retry
/// policy re-sends it only when the service cannot have run it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::Invoke, model::ResponseVersion};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Invoke::new("urn:fss:cn-north-4:p1:function:default:hello:latest")
///     .event(&serde_json::json!({"name": "fgs"}))?
///     .tail_log(true)
///     .response_version(ResponseVersion::V1);
/// let request = op.request(&config)?;
/// assert!(request.uri().path().ends_with("/invocations"));
/// assert_eq!(request.headers()["x-cff-log-type"], "tail");
/// assert_eq!(request.body(), br#"{"name":"fgs"}"#);
///
/// let response = http::Response::builder()
///     .status(200)
///     .header("X-Cff-Request-Id", "req-1")
///     .header("X-Cff-Response-Version", "v1")
///     .header("X-Cff-Function-Log", "aGVsbG8gbG9n") // base64 of "hello log"
///     .body(r#"{"request_id":"req-1","result":"{\"greeting\":\"hi\"}","status":200}"#)?;
/// let output = op.response(response)?;
/// assert_eq!(output.request_id(), Some("req-1"));
/// assert_eq!(output.log(), Some("hello log"));
/// let result: serde_json::Value = output.result_json()?;
/// assert_eq!(result["greeting"], "hi");
/// assert!(output.function_error().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoke {
    function_urn: String,
    payload: Payload,
    tail_log: bool,
    response_version: Option<ResponseVersion>,
}

impl Invoke {
    /// Invokes `function_urn` (a function, version or alias) with the event `{}`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        Invoke {
            function_urn: function_urn.into(),
            payload: Payload::new(),
            tail_log: false,
            response_version: None,
        }
    }

    /// Sends `event` serialised as JSON. Fails only if `event` cannot be serialised
    /// (a map with non-string keys, say).
    pub fn event<T: Serialize + ?Sized>(mut self, event: &T) -> Result<Self, Error> {
        self.payload.set_event(event)?;
        Ok(self)
    }

    /// Sends `bytes` as the body, unchanged (they should be JSON: the request says
    /// `Content-Type: application/json`).
    pub fn raw_event(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.payload.set_raw_event(bytes.into());
        self
    }

    /// Asks for the tail of the execution log (`X-Cff-Log-Type: tail`), read by
    /// [`InvokeOutput::log`].
    pub fn tail_log(mut self, tail: bool) -> Self {
        self.tail_log = tail;
        self
    }

    /// Asks for a response format (`X-CFF-Request-Version`). Without it the header is
    /// not sent and the service answers `v0`: the function's return value as it is.
    pub fn response_version(mut self, version: ResponseVersion) -> Self {
        self.response_version = Some(version);
        self
    }

    /// Runs this invocation on an instance with `megabytes` of memory
    /// (`X-Cff-Instance-Memory`; the service accepts 128…4096 in its usual steps, 8192
    /// and 10240).
    pub fn instance_memory(mut self, megabytes: u32) -> Self {
        self.payload.set_instance_memory(megabytes);
        self
    }

    /// The URN invoked.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body that will be sent.
    pub fn event_bytes(&self) -> &[u8] {
        self.payload.event()
    }
}

impl Operation for Invoke {
    type Output = InvokeOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut builder = self
            .payload
            .builder(config, &self.function_urn, "invocations")?;
        if self.tail_log {
            builder.header(
                HeaderName::from_static(LOG_TYPE),
                HeaderValue::from_static("tail"),
            );
        }
        if let Some(version) = &self.response_version {
            let value = HeaderValue::from_str(version.as_str()).map_err(|_| {
                Error::invalid_input("response_version", "is not a valid header value")
            })?;
            builder.header(HeaderName::from_static(REQUEST_VERSION), value);
        }
        builder.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<InvokeOutput, Error> {
        // A failure the service attributes to the function's code is the function's
        // answer, whatever the status: it must not be retried or reported as an API error.
        if !is_function_error_flag(response.headers()) {
            response::check_status(&response)?;
        }
        // The output keeps the headers: take them rather than copy them.
        let (parts, body) = response.into_parts();
        Ok(InvokeOutput::read(
            parts.status,
            parts.headers,
            body.as_ref(),
            self.response_version.as_ref(),
        ))
    }
}

/// The answer of a synchronous invocation.
///
/// Everything the service reports is here, read leniently: a log that is not valid
/// base64 or a summary that is not JSON never fails the call — the raw header stays
/// available ([`raw_log`](InvokeOutput::raw_log), [`raw_summary`](InvokeOutput::raw_summary))
/// and the decoded view is `None`.
#[derive(Clone, PartialEq)]
pub struct InvokeOutput {
    status: StatusCode,
    headers: HeaderMap,
    response_version: Option<ResponseVersion>,
    envelope: Option<InvokeEnvelope>,
    result: Vec<u8>,
    log: Option<String>,
    summary: Option<InvokeSummary>,
    function_error: Option<FunctionError>,
}

/// The v1 envelope's `log`. Whether the service base64-encodes it like the
/// `X-Cff-Function-Log` header is not documented, so accept both: text that is valid
/// base64 of UTF-8 is decoded, anything else (log lines have spaces and newlines, which
/// base64 never has) is kept as it is.
fn envelope_log(log: &str) -> String {
    LOG_BASE64
        .decode(log)
        .ok()
        .filter(|bytes| !bytes.is_empty())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| log.to_owned())
}

impl InvokeOutput {
    fn read(
        status: StatusCode,
        headers: HeaderMap,
        body: &[u8],
        requested: Option<&ResponseVersion>,
    ) -> Self {
        let response_version = header_text(&headers, RESPONSE_VERSION).map(ResponseVersion::from);
        // The service says which format it used; if it does not, expect the one asked for.
        let expect_envelope = response_version.as_ref().or(requested) == Some(&ResponseVersion::V1);
        // An envelope that does not parse is kept as a raw result rather than failing a
        // call whose function has already run.
        let envelope = expect_envelope
            .then(|| serde_json::from_slice::<InvokeEnvelope>(body).ok())
            .flatten();
        let result = match &envelope {
            Some(envelope) => envelope_result(envelope),
            None => body.to_vec(),
        };
        let log = match header_text(&headers, FUNCTION_LOG) {
            Some(encoded) => LOG_BASE64
                .decode(encoded)
                .ok()
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
            None => envelope
                .as_ref()
                .and_then(|e| e.log.as_deref())
                .map(envelope_log),
        };
        let summary = header_text(&headers, INVOKE_SUMMARY)
            .and_then(|text| serde_json::from_str::<InvokeSummary>(text).ok());
        let function_error = FunctionError::detect(&headers, &result);
        InvokeOutput {
            status,
            headers,
            response_version,
            envelope,
            result,
            log,
            summary,
            function_error,
        }
    }

    /// The HTTP status (200, unless the service flagged a function error with another).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The request id: `X-Cff-Request-Id`, else the v1 body's `request_id`, else a
    /// generic request-id header.
    pub fn request_id(&self) -> Option<&str> {
        header_text(&self.headers, REQUEST_ID)
            .or_else(|| self.envelope.as_ref()?.request_id.as_deref())
            .or_else(|| header_text(&self.headers, "x-request-id"))
    }

    /// The function's return value: for `v0` the body as it came (often not JSON), for
    /// `v1` the envelope's `result` string.
    pub fn result(&self) -> &[u8] {
        &self.result
    }

    /// The return value as text (invalid UTF-8 replaced).
    pub fn result_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.result)
    }

    /// The return value decoded as JSON into `T`; an [`Error::Decode`] naming the bad
    /// field if it does not fit.
    pub fn result_json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        response::decode_json(self.status, &self.headers, &self.result)
    }

    /// The return value, owned.
    pub fn into_result(self) -> Vec<u8> {
        self.result
    }

    /// The response format the service declared (`X-Cff-Response-Version`).
    pub fn response_version(&self) -> Option<&ResponseVersion> {
        self.response_version.as_ref()
    }

    /// The v1 envelope, when the body was read as one.
    pub fn envelope(&self) -> Option<&InvokeEnvelope> {
        self.envelope.as_ref()
    }

    /// The function's status from the v1 envelope, e.g. 200.
    pub fn function_status(&self) -> Option<i64> {
        self.envelope.as_ref()?.status
    }

    /// The log tail: `X-Cff-Function-Log` decoded from base64 (invalid UTF-8 replaced,
    /// as the tail may start mid-character), else the v1 envelope's `log`. `None` if
    /// neither was sent or the header is not valid base64.
    pub fn log(&self) -> Option<&str> {
        self.log.as_deref()
    }

    /// The `X-Cff-Function-Log` header as sent (base64).
    pub fn raw_log(&self) -> Option<&str> {
        header_text(&self.headers, FUNCTION_LOG)
    }

    /// The invoke summary, if `X-Cff-Invoke-Summary` was sent and is a JSON object.
    pub fn summary(&self) -> Option<&InvokeSummary> {
        self.summary.as_ref()
    }

    /// The `X-Cff-Invoke-Summary` header as sent.
    pub fn raw_summary(&self) -> Option<&str> {
        header_text(&self.headers, INVOKE_SUMMARY)
    }

    /// The billed duration in milliseconds: `X-CFF-Billing-Duration` if it is a number,
    /// else the summary's `billingDuration`.
    pub fn billing_duration_ms(&self) -> Option<f64> {
        header_text(&self.headers, BILLING_DURATION)
            .and_then(|text| text.parse::<f64>().ok())
            .filter(|ms| ms.is_finite())
            .or_else(|| self.summary.as_ref()?.billing_duration)
    }

    /// The failure inside the function, if the service flagged one (`X-Is-Func-Err:
    /// true`, or an `X-Func-Err-Code` other than `0`).
    pub fn function_error(&self) -> Option<&FunctionError> {
        self.function_error.as_ref()
    }
}

/// The result bytes of a v1 envelope: the `result` string, or any other JSON value as
/// its JSON text.
fn envelope_result(envelope: &InvokeEnvelope) -> Vec<u8> {
    match &envelope.result {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(text)) => text.clone().into_bytes(),
        Some(other) => other.to_string().into_bytes(),
    }
}

/// Whether `X-Is-Func-Err` says `true`.
fn is_function_error_flag(headers: &HeaderMap) -> bool {
    header_text(headers, IS_FUNC_ERR).is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// The result bytes are the function's own output, possibly large and sensitive:
/// `Debug` shows their size only.
impl fmt::Debug for InvokeOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvokeOutput")
            .field("status", &self.status)
            .field("request_id", &self.request_id())
            .field("response_version", &self.response_version)
            .field("result", &format_args!("<{} bytes>", self.result.len()))
            .field(
                "log",
                &self.log.as_ref().map(|l| format!("<{} chars>", l.len())),
            )
            .field("summary", &self.summary)
            .field("function_error", &self.function_error)
            .finish()
    }
}

/// A failure inside the function's code, reported with a successful invocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionError {
    code: Option<String>,
    error_type: Option<String>,
    message: Option<String>,
}

impl FunctionError {
    fn detect(headers: &HeaderMap, result: &[u8]) -> Option<FunctionError> {
        let header_code = header_text(headers, FUNC_ERR_CODE).filter(|code| *code != "0");
        if !is_function_error_flag(headers) && header_code.is_none() {
            return None;
        }
        // Runtimes report errors as {"errorMessage","errorType","stackTrace"}; other
        // shapes are read like service errors, and plain text is the message itself.
        let body = match serde_json::from_slice::<Value>(result) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        };
        let from_body = |keys: &[&str]| body.as_ref().and_then(|map| first_text(map, keys));
        let message =
            from_body(&["errorMessage", "error_msg", "errorMsg", "message"]).or_else(|| {
                // Plain text (a stack trace, say): one line, cut to a readable length.
                let text = snippet(result, MAX_TEXT_MESSAGE);
                (body.is_none() && !text.is_empty()).then_some(text)
            });
        Some(FunctionError {
            code: header_code
                .map(str::to_owned)
                .or_else(|| from_body(&["errorCode", "error_code"])),
            error_type: from_body(&["errorType", "error_type"]),
            message,
        })
    }

    /// The error code: `X-Func-Err-Code`, else the body's `errorCode`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The error type the runtime reported (`errorType`, e.g. `ZeroDivisionError`).
    pub fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }

    /// The error message: the body's `errorMessage` (or similar), else the body text
    /// when it is not JSON (whitespace folded, cut after 1000 characters).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

impl fmt::Display for FunctionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("function error")?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(error_type) = &self.error_type {
            write!(f, " ({error_type})")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FunctionError {}
