//! Update — `PUT /v2/{project_id}/fgs/functions/{function_urn}/events/{event_id}`
//! (official name UpdateEvent).

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
    /// The body of [`Update`]: every field of the OAS `UpdateEventRequestBody`.
    pub struct UpdateBody {
        required {
            /// The event, base64-encoded ([`Update::new`] encodes it).
            pub content: String,
        }
        optional {}
    }
}

/// Replaces a test event's content (its name stays). Returns its `id` and `name`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, events::Update};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Update::new("urn:fss:cn-north-4:p1:function:default:hello", "e-1", r#"{"k":"v"}"#);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert!(request.uri().path().ends_with("%3Ahello/events/e-1"));
/// assert_eq!(request.body(), br#"{"content":"eyJrIjoidiJ9"}"#);
/// let response = http::Response::builder().status(200).body(r#"{"id":"e-1","name":"event-xx"}"#)?;
/// assert_eq!(op.response(response)?.name(), Some("event-xx"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    function_urn: String,
    event_id: String,
    body: UpdateBody,
}

impl Update {
    /// Test event `event_id` of `function_urn` now holds `event` (a JSON document; sent
    /// base64-encoded).
    pub fn new(
        function_urn: impl Into<String>,
        event_id: impl Into<String>,
        event: impl AsRef<[u8]>,
    ) -> Self {
        Update {
            function_urn: function_urn.into(),
            event_id: event_id.into(),
            body: UpdateBody {
                content: encode_content(event.as_ref()),
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The body.
    pub fn body(&self) -> &UpdateBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateBody {
        &mut self.body
    }
}

impl Operation for Update {
    type Output = TestEvent;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("events")
            .param("event_id", &self.event_id)?
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<TestEvent, Error> {
        response::json(&response)
    }
}
