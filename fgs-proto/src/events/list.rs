//! List — `GET /v2/{project_id}/fgs/functions/{function_urn}/events`
//! (official name ListEvents).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::TestEvent;
use crate::model::macros::model;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists a function's test events (without their content). The API takes no paging
/// parameters: one answer holds them all.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, events::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new("urn:fss:cn-north-4:p1:function:default:hello");
/// assert!(op.request(&config)?.uri().path().ends_with("%3Ahello/events"));
/// let response = http::Response::builder().status(200).body(
///     r#"{"count":1,"events":[{"id":"e-1","last_modified":1597374286,"name":"event-k9r3"}],"next_marker":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.events()[0].name(), Some("event-k9r3"));
/// assert_eq!(page.count, Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    function_urn: String,
}

impl List {
    /// The test events of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        List {
            function_urn: function_urn.into(),
        }
    }
}

model! {
    /// A function's test events.
    pub struct ListOutput {
        /// Number of test events.
        pub count: Option<i64>,
        /// The test events (id, name, last change; no content).
        pub events: Option<Vec<TestEvent>>,
        /// Where a next page would start.
        pub next_marker: Option<i64>,
    }
}

impl ListOutput {
    /// The test events; empty if the service sent none.
    pub fn events(&self) -> &[TestEvent] {
        self.events.as_deref().unwrap_or_default()
    }
}

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("events")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}
