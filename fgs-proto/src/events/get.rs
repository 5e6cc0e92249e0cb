//! Get — `GET /v2/{project_id}/fgs/functions/{function_urn}/events/{event_id}`
//! (official name ShowEvent).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::TestEvent;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Gets a test event with its content.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, events::Get};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Get::new("urn:fss:cn-north-4:p1:function:default:hello", "e-1");
/// assert!(op.request(&config)?.uri().path().ends_with("%3Ahello/events/e-1"));
/// let response = http::Response::builder().status(200).body(
///     r#"{"id":"e-1","name":"event-xx","content":"eyJrIjoidiJ9","last_modified":1597374286}"#,
/// )?;
/// let event = op.response(response)?;
/// assert_eq!(event.decoded_content().as_deref(), Some(&br#"{"k":"v"}"#[..]));
/// assert_eq!(event.last_modified(), Some(1597374286.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    function_urn: String,
    event_id: String,
}

impl Get {
    /// Test event `event_id` of `function_urn`.
    pub fn new(function_urn: impl Into<String>, event_id: impl Into<String>) -> Self {
        Get {
            function_urn: function_urn.into(),
            event_id: event_id.into(),
        }
    }
}

impl Operation for Get {
    type Output = TestEvent;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("events")
            .param("event_id", &self.event_id)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<TestEvent, Error> {
        response::json(&response)
    }
}
