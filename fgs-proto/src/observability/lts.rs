//! EnableLts — `POST /v2/{project_id}/fgs/functions/enable-lts-logs` (official name
//! EnableLtsLogs); GetLtsDetails — `GET
//! /v2/{project_id}/fgs/functions/{function_urn}/lts-log-detail` (official name
//! ShowLtsLogDetails).

use http::{Method, Request, Response};

use super::LogDetails;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Switches on log reporting to LTS for the project's functions; 200 with no body to
/// read. A POST with an empty body (not `{}`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, observability::EnableLts};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let request = EnableLts::new().request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/enable-lts-logs");
/// assert!(request.body().to_bytes().is_empty());
/// EnableLts::new().response(http::Response::builder().status(200).body("ok")?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnableLts {}

impl EnableLts {
    /// Switches LTS reporting on.
    pub fn new() -> Self {
        EnableLts {}
    }
}

impl Operation for EnableLts {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .path("enable-lts-logs")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}

/// The LTS log group and stream a function logs to.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, observability::GetLtsDetails};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetLtsDetails::new("default:hello");
/// assert_eq!(
///     op.request(&config)?.uri().path(),
///     "/v2/p1/fgs/functions/default%3Ahello/lts-log-detail"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"group_id":"g1","group_name":"functiongraph","stream_id":"s1","stream_name":"hello"}"#,
/// )?;
/// let details = op.response(response)?;
/// assert_eq!((details.group_id(), details.stream_name()), (Some("g1"), Some("hello")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetLtsDetails {
    function_urn: String,
}

impl GetLtsDetails {
    /// The log group and stream of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        GetLtsDetails {
            function_urn: function_urn.into(),
        }
    }

    /// The URN asked about.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for GetLtsDetails {
    type Output = LogDetails;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("lts-log-detail")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<LogDetails, Error> {
        response::json(&response)
    }
}
