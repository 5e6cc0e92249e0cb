//! Create — `POST /v2/{project_id}/fgs/functions/{function_urn}/events`
//! (official name CreateEvent).

use http::{Method, Request, Response};

use super::encode_content;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::TestEvent;
use crate::model::macros::request_body;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

request_body! {
    /// The body of [`Create`]: every field of the OAS `CreateEventRequestBody`.
    pub struct CreateBody {
        required {
            /// The event, base64-encoded ([`Create::new`] encodes it).
            pub content: String,
            /// Event name: letters, digits, `-` and `_`, starting with a letter.
            pub name: String,
        }
        optional {}
    }
}

/// Stores a test event with a function. Returns its `id` and `name`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, events::Create};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Create::new("urn:fss:cn-north-4:p1:function:default:hello", "event-xx", r#"{"k":"v"}"#);
/// let request = op.request(&config)?;
/// assert!(request.uri().path().ends_with("%3Adefault%3Ahello/events"));
/// assert_eq!(request.body(), br#"{"content":"eyJrIjoidiJ9","name":"event-xx"}"#);
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"id":"3b659dc0-12fc-40dc-aa05-a321d9424cb3","name":"event-xx"}"#)?;
/// let event = op.response(response)?;
/// assert_eq!(event.id(), Some("3b659dc0-12fc-40dc-aa05-a321d9424cb3"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    function_urn: String,
    body: CreateBody,
}

impl Create {
    /// A test event `name` of `function_urn` holding `event` (a JSON document; sent
    /// base64-encoded).
    pub fn new(
        function_urn: impl Into<String>,
        name: impl Into<String>,
        event: impl AsRef<[u8]>,
    ) -> Self {
        Create {
            function_urn: function_urn.into(),
            body: CreateBody {
                content: encode_content(event.as_ref()),
                name: name.into(),
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The function.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &CreateBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CreateBody {
        &mut self.body
    }
}

impl Operation for Create {
    type Output = TestEvent;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        false
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("events")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<TestEvent, Error> {
        response::json(&response)
    }
}
