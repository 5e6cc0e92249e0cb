//! List — `GET /v2/{project_id}/fgs/functions/{function_urn}/async-invocations` (official
//! name ListAsyncInvocations).

use http::{Method, Request, Response};

use super::{ListOutput, RecordQuery, function_path, record_query_setters};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Lists the records of a function's asynchronous invocations, newest first, one page
/// per call (`marker`/`limit`, `next_marker`); walk all pages with
/// [`Pager`](crate::paginate::Pager) (or an adapter's `pages`). Filters: one request id,
/// a status, a time window (the service's default: the last hour).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::async_invocations::{InvocationStatus, List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new("default:hello:latest").status(InvocationStatus::Fail).limit(50);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/default%3Ahello%3Alatest/async-invocations?limit=50&status=FAIL"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"invocations":[{"request_id":"403fcbd6","status":"FAIL","error_code":1,
///         "error_message":"boom","start_time":"2019-10-25T15:37:27","end_time":"2019-10-25T15:37:28"}],
///         "count":1,"next_marker":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.invocations()[0].status(), Some(&InvocationStatus::Fail));
/// assert_eq!(page.invocations()[0].error_message(), Some("boom"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    function_urn: String,
    marker: Option<String>,
    request_id: Option<String>,
    query: RecordQuery,
}

impl List {
    /// The first page of the records of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        List {
            function_urn: function_urn.into(),
            marker: None,
            request_id: None,
            query: RecordQuery::default(),
        }
    }

    /// Only the invocation with this request id.
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }
}

record_query_setters!(List);

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut builder =
            function_path(config, Method::GET, &self.function_urn, "async-invocations")?;
        self.query.apply(
            &mut builder,
            self.marker.as_deref(),
            ("request_id", self.request_id.as_deref()),
        );
        builder.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}
