//! AsyncInvoke — `POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async`
//! (official name AsyncInvokeFunction).

use http::{Request, Response};
use serde::Serialize;
use serde_json::Value;

use super::headers::REQUEST_ID;
use super::payload::Payload;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::model;
use crate::operation::Operation;
use crate::response::{self, header_text};

/// Queues an invocation and returns at once (202) with its request id. Not idempotent:
/// the retry policy re-sends it only when the service cannot have queued it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::AsyncInvoke};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = AsyncInvoke::new("default:hello").event(&serde_json::json!({"k": "v"}))?;
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/default%3Ahello/invocations-async");
///
/// let response = http::Response::builder()
///     .status(202)
///     .body(r#"{"request_id":"1167bf8c-87b0-43ab-8f5f-26b16c64f252"}"#)?;
/// let output = op.response(response)?;
/// assert_eq!(output.request_id.as_deref(), Some("1167bf8c-87b0-43ab-8f5f-26b16c64f252"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsyncInvoke {
    function_urn: String,
    payload: Payload,
}

impl AsyncInvoke {
    /// Invokes `function_urn` (a function, version or alias) with the event `{}`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        AsyncInvoke {
            function_urn: function_urn.into(),
            payload: Payload::new(),
        }
    }

    /// Sends `event` serialised as JSON. Fails only if `event` cannot be serialised.
    pub fn event<T: Serialize + ?Sized>(mut self, event: &T) -> Result<Self, Error> {
        self.payload.set_event(event)?;
        Ok(self)
    }

    /// Sends `bytes` as the body, unchanged (they should be JSON).
    pub fn raw_event(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.payload.set_raw_event(bytes.into());
        self
    }

    /// Runs the invocation on an instance with `megabytes` of memory
    /// (`X-Cff-Instance-Memory`).
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

model! {
    /// The answer of an asynchronous invocation.
    pub struct AsyncInvokeOutput {
        /// The id of the queued invocation (`request_id`; `request-id`, which some
        /// deployments send, and the `X-Cff-Request-Id` header are accepted too).
        pub request_id: Option<String>,
    }
}

impl Operation for AsyncInvoke {
    type Output = AsyncInvokeOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        self.payload
            .builder(config, &self.function_urn, "invocations-async")?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<AsyncInvokeOutput, Error> {
        response::check_status(&response)?;
        let body = response.body().as_ref();
        // The invocation is queued once the service says 2xx; an empty body must not turn
        // that into a failure (and a retry, and a second run).
        let mut output = if body.trim_ascii().is_empty() {
            AsyncInvokeOutput::default()
        } else {
            response::decode_json::<AsyncInvokeOutput>(response.status(), response.headers(), body)?
        };
        if output.request_id.is_none() {
            output.request_id = match output.extra.remove("request-id") {
                Some(Value::String(id)) => Some(id),
                Some(other) => {
                    output.extra.insert("request-id".to_owned(), other);
                    None
                }
                None => None,
            }
            .or_else(|| header_text(response.headers(), REQUEST_ID).map(str::to_owned));
        }
        Ok(output)
    }
}
