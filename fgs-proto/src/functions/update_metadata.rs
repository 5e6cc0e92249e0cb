//! UpdateMetadata — `PUT /v2/{project_id}/fgs/functions/{function_urn}/config`
//! (official name UpdateFunctionConfig).

use std::collections::BTreeMap;

use http::{Method, Request, Response};

use crate::config::Config;
use crate::error::Error;
use crate::model::macros::model;
use crate::model::{
    CustomImage, FuncLogConfig, FuncVpc, Function, MountConfig, NetworkControlConfig, Runtime,
    StrategyConfig,
};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::setters::{body_setters, function_config_setters, require};

model! {
    /// The body of [`UpdateMetadata`]: every field of the OAS
    /// `UpdateFunctionConfigRequestBody`. Required by the service: `func_name`,
    /// `runtime`, `timeout`, `handler`, `memory_size`.
    pub struct UpdateMetadataBody {
        /// Function name. Required by the OAS (older SDKs never send it).
        pub func_name: String,
        /// Runtime; must be the function's runtime. Required.
        pub runtime: Runtime,
        /// Timeout in seconds. Required.
        pub timeout: i64,
        /// Handler, `file.function`. Required.
        pub handler: String,
        /// Memory in MB. Required.
        pub memory_size: i64,
        /// GPU memory in MB (Custom and Custom Image runtimes only).
        pub gpu_memory: i64,
        /// GPU type.
        pub gpu_type: String,
        /// Environment variables: a JSON object **as a string** (see
        /// [`UpdateMetadata::env_vars`]); replaces the current ones.
        pub user_data: String,
        /// Encrypted environment variables, in the same form as `user_data`.
        pub encrypted_user_data: String,
        /// Configuration agency name.
        pub xrole: String,
        /// Execution agency name.
        pub app_xrole: String,
        /// Description.
        pub description: String,
        /// VPC access.
        pub func_vpc: FuncVpc,
        /// VPC peering CIDRs, `;`-separated, at most 5.
        pub peering_cidr: String,
        /// File system mounts.
        pub mount_config: MountConfig,
        /// Concurrency limits.
        pub strategy_config: StrategyConfig,
        /// Container image.
        pub custom_image: CustomImage,
        /// Extension configuration (a JSON string).
        pub extend_config: String,
        /// Initializer handler; set together with `initializer_timeout`.
        pub initializer_handler: String,
        /// Initializer timeout, 1…300 s.
        pub initializer_timeout: i64,
        /// Pre-stop handler; set together with `pre_stop_timeout`.
        pub pre_stop_handler: String,
        /// Pre-stop timeout, 1…90 s.
        pub pre_stop_timeout: i64,
        /// Snapshot restore hook handler (Java snapshot cold start).
        pub restore_hook_handler: String,
        /// Snapshot restore hook timeout, 1…300 s.
        pub restore_hook_timeout: i64,
        /// Ephemeral storage in MB, 512 or 10240.
        pub ephemeral_storage: i64,
        /// Enterprise project id.
        pub enterprise_project_id: String,
        /// LTS log group and stream to write logs to.
        pub log_config: FuncLogConfig,
        /// Network restrictions.
        pub network_controller: NetworkControlConfig,
        /// Stateful function.
        pub is_stateful_function: bool,
        /// Dynamic memory.
        pub enable_dynamic_memory: bool,
        /// Authentication in a header (custom images).
        pub enable_auth_in_header: bool,
        /// Class isolation (Java).
        pub enable_class_isolation: bool,
        /// LTS logging.
        pub enable_lts_log: bool,
        /// Private DNS names.
        pub domain_names: String,
        /// Heartbeat handler (Java).
        pub heartbeat_handler: String,
        /// KMS key that encrypts the environment variables.
        pub user_data_encrypt_kms_key_id: String,
        /// Custom LTS tags.
        pub lts_custom_tag: BTreeMap<String, String>,
    }
}

/// Updates a function's metadata (configuration). Returns the updated function.
///
/// The PUT replaces the metadata: fields left out may be reset to their defaults
/// (the spec marks this UNCONFIRMED), so send every setting you want to keep — for
/// example start from [`GetMetadata`](super::GetMetadata)'s answer.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::UpdateMetadata};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateMetadata::new("urn:fss:cn-north-4:p1:function:default:hello:latest",
///         "hello", "Python3.9", "index.handler", 256, 60)
///     .env_vars([("LEVEL", "debug")])
///     .description("bigger");
///
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert!(request.uri().path().ends_with("%3Ahello%3Alatest/config"));
/// let body: serde_json::Value = serde_json::from_slice(request.body())?;
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
    /// Updates `function_urn` with its required settings.
    pub fn new(
        function_urn: impl Into<String>,
        func_name: impl Into<String>,
        runtime: impl Into<Runtime>,
        handler: impl Into<String>,
        memory_size: i64,
        timeout: i64,
    ) -> Self {
        UpdateMetadata {
            function_urn: function_urn.into(),
            body: UpdateMetadataBody {
                func_name: Some(func_name.into()),
                runtime: Some(runtime.into()),
                handler: Some(handler.into()),
                memory_size: Some(memory_size),
                timeout: Some(timeout),
                ..Default::default()
            },
        }
    }

    /// The URN whose metadata is updated.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
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
function_config_setters!(UpdateMetadata => UpdateMetadataBody);

body_setters!(UpdateMetadata => UpdateMetadataBody {
    peering_cidr: String,
    strategy_config: StrategyConfig,
    extend_config: String,
    restore_hook_handler: String,
    restore_hook_timeout: i64,
    ephemeral_storage: i64,
    enable_auth_in_header: bool,
    enable_class_isolation: bool,
    heartbeat_handler: String,
});

impl Operation for UpdateMetadata {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let body = &self.body;
        require("func_name", &body.func_name)?;
        require("runtime", &body.runtime)?;
        require("timeout", &body.timeout)?;
        require("handler", &body.handler)?;
        require("memory_size", &body.memory_size)?;
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
