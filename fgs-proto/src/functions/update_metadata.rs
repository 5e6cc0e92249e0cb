//! UpdateMetadata — `PUT /v2/{project_id}/fgs/functions/{function_urn}/config`
//! (official name UpdateFunctionConfig).

use std::time::Duration;

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{Function, MemorySize, StrategyConfig, check_timeout};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::function_config::{FunctionConfig, function_config_setters};
use super::setters::body_setters;

request_body! {
    /// The body of [`UpdateMetadata`]: every field of the OAS
    /// `UpdateFunctionConfigRequestBody`. The function configuration it shares with
    /// Create is [`FunctionConfig`].
    pub struct UpdateMetadataBody {
        required {
            /// Function name. Required by the OAS (older SDKs never send it).
            pub func_name: String,
        }
        flatten {
            /// Runtime, handler, memory, timeout and the optional settings.
            pub config: FunctionConfig,
        }
        optional {
            /// VPC peering CIDRs, `;`-separated, at most 5.
            pub peering_cidr: Option<String>,
            /// Concurrency limits.
            pub strategy_config: Option<StrategyConfig>,
            /// Extension configuration (a JSON string).
            pub extend_config: Option<String>,
            /// Snapshot restore hook handler (Java snapshot cold start).
            pub restore_hook_handler: Option<String>,
            /// Snapshot restore hook timeout, 1 … 300 s, in whole seconds like `timeout`.
            #[serde(with = "crate::model::option_seconds")]
            pub restore_hook_timeout: Option<Duration>,
            /// Ephemeral storage, 512 or 10240 MB.
            pub ephemeral_storage: Option<MemorySize>,
            /// Authentication in a header (custom images).
            pub enable_auth_in_header: Option<bool>,
            /// Class isolation (Java).
            pub enable_class_isolation: Option<bool>,
            /// Heartbeat handler (Java).
            pub heartbeat_handler: Option<String>,
        }
    }
}

/// Updates a function's metadata (configuration). Returns the updated function.
///
/// The PUT replaces the metadata: fields left out may be reset to their defaults
/// (the API reference does not say), so send every setting you want to keep — for
/// example start from [`GetMetadata`](super::GetMetadata)'s answer.
///
/// ```
/// use std::time::Duration;
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::functions::{FunctionConfig, UpdateMetadata};
/// use fgs_proto::model::{MemorySize, Runtime};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let settings = FunctionConfig::new(
///     Runtime::Python39, "index.handler", MemorySize::mb(256), Duration::from_secs(60));
/// let op = UpdateMetadata::new("urn:fss:cn-north-4:p1:function:default:hello:latest",
///         "hello", settings)
///     .env_vars([("LEVEL", "debug")])
///     .description("bigger");
///
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert!(request.uri().path().ends_with("%3Ahello%3Alatest/config"));
/// let body: serde_json::Value = serde_json::from_slice(&request.body().to_bytes())?;
/// assert_eq!(body["memory_size"], 256);
/// assert_eq!(body["user_data"], r#"{"LEVEL":"debug"}"#);
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"func_name":"hello","memory_size":256,"user_data":"{\"LEVEL\":\"debug\"}"}"#)?;
/// let function = op.response(response)?;
/// assert_eq!(function.user_data_map().unwrap()["LEVEL"], "debug");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMetadata {
    function_urn: String,
    body: UpdateMetadataBody,
}

impl UpdateMetadata {
    /// Updates `function_urn` (named `func_name`) to `config`.
    pub fn new(
        function_urn: impl Into<String>,
        func_name: impl Into<String>,
        config: FunctionConfig,
    ) -> Self {
        UpdateMetadata {
            function_urn: function_urn.into(),
            body: UpdateMetadataBody {
                func_name: func_name.into(),
                config,
                peering_cidr: None,
                strategy_config: None,
                extend_config: None,
                restore_hook_handler: None,
                restore_hook_timeout: None,
                ephemeral_storage: None,
                enable_auth_in_header: None,
                enable_class_isolation: None,
                heartbeat_handler: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The URN whose metadata is updated.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The function configuration.
    pub fn config(&self) -> &FunctionConfig {
        &self.body.config
    }

    /// The function configuration, for direct access to every setting.
    pub fn config_mut(&mut self) -> &mut FunctionConfig {
        &mut self.body.config
    }

    /// The body.
    pub fn body(&self) -> &UpdateMetadataBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateMetadataBody {
        &mut self.body
    }
}

// Description, environment variables, agencies, VPC, mounts, hooks, logging, GPU...:
// the settings Create takes too.
function_config_setters!(UpdateMetadata => body.config);

body_setters!(UpdateMetadata => UpdateMetadataBody {
    peering_cidr: String,
    strategy_config: StrategyConfig,
    extend_config: String,
    restore_hook_handler: String,
    restore_hook_timeout: Duration,
    ephemeral_storage: MemorySize,
    enable_auth_in_header: bool,
    enable_class_isolation: bool,
    heartbeat_handler: String,
});

impl Operation for UpdateMetadata {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let body = &self.body;
        body.config.check()?;
        check_timeout("restore_hook_timeout", body.restore_hook_timeout)?;
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("config")
            .json(body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}
