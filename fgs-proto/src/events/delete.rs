//! Delete — `DELETE /v2/{project_id}/fgs/functions/{function_urn}/events/{event_id}`
//! (official name DeleteEvent).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Deletes a test event; the service answers 204 with no body.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, events::Delete};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Delete::new("urn:fss:cn-north-4:p1:function:default:hello", "e-1");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert!(request.uri().path().ends_with("%3Ahello/events/e-1"));
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delete {
    function_urn: String,
    event_id: String,
}

impl Delete {
    /// Test event `event_id` of `function_urn`.
    pub fn new(function_urn: impl Into<String>, event_id: impl Into<String>) -> Self {
        Delete {
            function_urn: function_urn.into(),
            event_id: event_id.into(),
        }
    }
}

impl Operation for Delete {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::DELETE)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("events")
            .param("event_id", &self.event_id)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
