//! ListActive — `GET /v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations`
//! (official name ListActiveAsyncInvocations).

use http::{Method, Request, Response};

use super::{ListOutput, RecordQuery, function_path, record_query_setters};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Lists the records of a function's asynchronous invocations that have not finished
/// (waiting or running), with the same paging and filters as [`List`](super::List);
/// instead of one request id it takes up to 10, sent as one comma-joined `requests`
/// parameter.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::async_invocations::{InvocationStatus, ListActive};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListActive::new("default:hello:latest").requests(["r1", "r2"]);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/default%3Ahello%3Alatest/active-async-invocations?requests=r1%2Cr2"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"invocations":[{"request_id":"r1","status":"WAIT","error_code":0,"error_message":""}],
///         "count":1,"next_marker":1}"#,
/// )?;
/// assert_eq!(op.response(response)?.invocations()[0].status(), Some(&InvocationStatus::Wait));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListActive {
    function_urn: String,
    marker: Option<String>,
    requests: Option<String>,
    query: RecordQuery,
}

impl ListActive {
    /// The first page of the unfinished invocations of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        ListActive {
            function_urn: function_urn.into(),
            marker: None,
            requests: None,
            query: RecordQuery::default(),
        }
    }

    /// Only these request ids (the service takes at most 10); they are joined with
    /// `,` into the one `requests` parameter.
    pub fn requests<I, S>(mut self, request_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let ids: Vec<String> = request_ids
            .into_iter()
            .map(|id| id.as_ref().to_owned())
            .collect();
        self.requests = Some(ids.join(","));
        self
    }
}

record_query_setters!(ListActive);

impl Operation for ListActive {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut builder = function_path(
            config,
            Method::GET,
            &self.function_urn,
            "active-async-invocations",
        )?;
        self.query.apply(
            &mut builder,
            self.marker.as_deref(),
            ("requests", self.requests.as_deref()),
        );
        builder.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}
