//! EnableAsyncStatusLog — `POST /v2/{project_id}/fgs/functions/enable-async-status-logs`
//! (official name EnableAsyncStatusLog); GetAsyncStatusLog — `GET
//! /v2/{project_id}/fgs/functions/async-status-log-detail` (official name
//! ShowProjectAsyncStatusLogInfo).

use http::{Method, Request, Response};

use super::LogDetails;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Switches on the project's log of asynchronous-invocation status changes; 200 with
/// no body to read. A POST with an empty body (not `{}`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, observability::EnableAsyncStatusLog};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let request = EnableAsyncStatusLog::new().request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/enable-async-status-logs");
/// assert!(request.body().to_bytes().is_empty());
/// EnableAsyncStatusLog::new().response(http::Response::builder().status(200).body("")?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnableAsyncStatusLog {}

impl EnableAsyncStatusLog {
    /// Switches the status log on.
    pub fn new() -> Self {
        EnableAsyncStatusLog {}
    }
}

impl Operation for EnableAsyncStatusLog {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .path("enable-async-status-logs")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}

/// The LTS log group and stream of the project's asynchronous-invocation status log.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, observability::GetAsyncStatusLog};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetAsyncStatusLog::new();
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/functions/async-status-log-detail");
/// let response = http::Response::builder().status(200).body(r#"{"group_id":"g","stream_id":"s"}"#)?;
/// assert_eq!(op.response(response)?.stream_id(), Some("s"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GetAsyncStatusLog {}

impl GetAsyncStatusLog {
    /// The project's status log.
    pub fn new() -> Self {
        GetAsyncStatusLog {}
    }
}

impl Operation for GetAsyncStatusLog {
    type Output = LogDetails;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .path("async-status-log-detail")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<LogDetails, Error> {
        response::json(&response)
    }
}
