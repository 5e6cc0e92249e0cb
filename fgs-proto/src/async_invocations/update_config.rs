//! UpdateConfig — `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`
//! (official name UpdateFunctionAsyncInvokeConfig).

use http::{Method, Request, Response};

use super::{AsyncInvokeConfig, function_path};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::FuncAsyncDestinationConfig;
use crate::model::macros::request_body;
use crate::operation::Operation;
use crate::response;

request_body! {
    /// The body of [`UpdateConfig`]: every field of the OAS
    /// `UpdateFunctionAsyncInvokeConfigRequestBody` (none is required).
    pub struct UpdateConfigBody {
        required {}
        optional {
            /// How long an event may wait to run, in seconds (1…86 400; the service's
            /// default 3 600).
            pub max_async_event_age_in_seconds: Option<i64>,
            /// How many times a failed invocation is retried (0…3; the service's
            /// default 1).
            pub max_async_retry_attempts: Option<i64>,
            /// Where results go.
            pub destination_config: Option<FuncAsyncDestinationConfig>,
            /// Keeps invocation statuses.
            pub enable_async_status_log: Option<bool>,
            /// The LTS log group id of the statuses.
            pub log_group_id: Option<String>,
            /// The LTS log group name.
            pub log_group_name: Option<String>,
            /// The LTS log stream id.
            pub log_stream_id: Option<String>,
            /// The LTS log stream name.
            pub log_stream_name: Option<String>,
        }
    }
}

/// Sets the asynchronous invocation configuration of a function version or alias (the
/// URN's qualifier; `latest` when unqualified): retries, event age and destinations.
/// The service checks the ranges; the SDK sends what it is given.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::async_invocations::UpdateConfig;
/// use fgs_proto::model::{FuncAsyncDestinationConfig, FuncDestinationConfig};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateConfig::new("default:hello:latest")
///     .max_async_retry_attempts(2)
///     .destination_config(
///         FuncAsyncDestinationConfig::new()
///             .on_failure(FuncDestinationConfig::function("default:dead-letters")),
///     );
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/functions/default%3Ahello%3Alatest/async-invoke-config"
/// );
/// assert_eq!(
///     request.body(),
///     br#"{"max_async_retry_attempts":2,"destination_config":{"on_failure":{"destination":"FunctionGraph","param":"{\"func_urn\":\"default:dead-letters\"}"}}}"#
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_urn":"urn:fss:r:p1:function:default:hello:latest","max_async_retry_attempts":2,
///         "max_async_event_age_in_seconds":3600,"destination_config":{}}"#,
/// )?;
/// let stored = op.response(response)?;
/// assert_eq!(stored.max_async_retry_attempts(), Some(2));
/// assert_eq!(stored.max_async_event_age_in_seconds(), Some(3600));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateConfig {
    function_urn: String,
    body: UpdateConfigBody,
}

impl UpdateConfig {
    /// Configures `function_urn` (nothing set yet: the service's defaults).
    pub fn new(function_urn: impl Into<String>) -> Self {
        UpdateConfig {
            function_urn: function_urn.into(),
            body: UpdateConfigBody {
                max_async_event_age_in_seconds: None,
                max_async_retry_attempts: None,
                destination_config: None,
                enable_async_status_log: None,
                log_group_id: None,
                log_group_name: None,
                log_stream_id: None,
                log_stream_name: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// How long an event may wait to run, in seconds.
    pub fn max_async_event_age_in_seconds(mut self, seconds: i64) -> Self {
        self.body.max_async_event_age_in_seconds = Some(seconds);
        self
    }

    /// How many times a failed invocation is retried.
    pub fn max_async_retry_attempts(mut self, retries: i64) -> Self {
        self.body.max_async_retry_attempts = Some(retries);
        self
    }

    /// Where results go.
    pub fn destination_config(mut self, destinations: FuncAsyncDestinationConfig) -> Self {
        self.body.destination_config = Some(destinations);
        self
    }

    /// Keeps invocation statuses (in LTS, in the log group and stream given).
    pub fn enable_async_status_log(mut self, enabled: bool) -> Self {
        self.body.enable_async_status_log = Some(enabled);
        self
    }

    /// The LTS log group (id and name) and stream (id and name) of the statuses.
    pub fn status_log(
        mut self,
        group_id: impl Into<String>,
        group_name: impl Into<String>,
        stream_id: impl Into<String>,
        stream_name: impl Into<String>,
    ) -> Self {
        self.body.log_group_id = Some(group_id.into());
        self.body.log_group_name = Some(group_name.into());
        self.body.log_stream_id = Some(stream_id.into());
        self.body.log_stream_name = Some(stream_name.into());
        self
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &UpdateConfigBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateConfigBody {
        &mut self.body
    }
}

impl Operation for UpdateConfig {
    type Output = AsyncInvokeConfig;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_path(
            config,
            Method::PUT,
            &self.function_urn,
            "async-invoke-config",
        )?
        .json(&self.body)?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<AsyncInvokeConfig, Error> {
        response::json(&response)
    }
}
