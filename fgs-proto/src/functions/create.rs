//! Create — `POST /v2/{project_id}/fgs/functions` (official name CreateFunction).

use std::collections::BTreeMap;

use http::{Method, Request, Response};

use crate::config::Config;
use crate::error::Error;
use crate::model::macros::model;
use crate::model::{
    CodeType, CustomImage, FuncCode, FuncLogConfig, FuncVpc, Function, FunctionType, MountConfig,
    NetworkControlConfig, Runtime,
};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::code::{Code, check_code};
use super::code_body::json_with_package;
use super::code_package::CodePackage;
use super::setters::{body_setters, function_config_setters, require};

model! {
    /// The body of [`Create`]: every field of the OAS `CreateFunctionRequestBody`.
    ///
    /// Required by the service: `func_name`, `package`, `runtime`, `timeout`, `handler`,
    /// `memory_size`, and `code_type` except for custom-image functions.
    pub struct CreateBody {
        /// Function name: 1–60 letters, digits, `_` or `-`, starting with a letter and
        /// ending with a letter or digit. Required.
        pub func_name: String,
        /// Package (application) the function belongs to, e.g. `default`. Required.
        pub package: String,
        /// Runtime. Required.
        pub runtime: Runtime,
        /// Timeout in seconds, 3…259200 (older regions: 3…900). Required.
        pub timeout: i64,
        /// Handler, `file.function` (`-` for custom images). Required.
        pub handler: String,
        /// Memory in MB: 128, 256, 512, 768, 1024, … 4096. Required.
        pub memory_size: i64,
        /// How the code is supplied. Required except for custom-image functions.
        pub code_type: CodeType,
        /// OBS URL of the code, for `code_type` `obs`.
        pub code_url: String,
        /// File name of the code, required for `zip` and `jar`.
        pub code_filename: String,
        /// The code, base64-encoded. For uploads prefer a [`CodePackage`] (see
        /// [`Create::code`]), which is encoded straight into the request body.
        pub func_code: FuncCode,
        /// Container image, for `code_type` `Custom-Image-Swr`.
        pub custom_image: CustomImage,
        /// Description, at most 512 characters.
        pub description: String,
        /// Environment variables: a JSON object **as a string** (see
        /// [`Create::env_vars`]); at most 20 variables, 4 KB.
        pub user_data: String,
        /// Encrypted environment variables, in the same form as `user_data`.
        pub encrypted_user_data: String,
        /// Configuration agency name.
        pub xrole: String,
        /// Execution agency name.
        pub app_xrole: String,
        /// Dependency version ids.
        pub depend_version_list: Vec<String>,
        /// VPC access.
        pub func_vpc: FuncVpc,
        /// File system mounts.
        pub mount_config: MountConfig,
        /// Initializer handler, `file.function`; set together with `initializer_timeout`.
        pub initializer_handler: String,
        /// Initializer timeout, 1…300 s.
        pub initializer_timeout: i64,
        /// Pre-stop handler; set together with `pre_stop_timeout`.
        pub pre_stop_handler: String,
        /// Pre-stop timeout, 1…90 s.
        pub pre_stop_timeout: i64,
        /// Enterprise project id (required for enterprise accounts).
        pub enterprise_project_id: String,
        /// Function generation, `v1` or `v2`.
        #[wire = "type"]
        pub function_type: FunctionType,
        /// LTS log group and stream to write logs to.
        pub log_config: FuncLogConfig,
        /// Network restrictions.
        pub network_controller: NetworkControlConfig,
        /// GPU memory in MB (Custom and Custom Image runtimes only).
        pub gpu_memory: i64,
        /// GPU type.
        pub gpu_type: String,
        /// Stateful function.
        pub is_stateful_function: bool,
        /// Dynamic memory.
        pub enable_dynamic_memory: bool,
        /// LTS logging; `true` without `log_config` creates a log group and stream.
        pub enable_lts_log: bool,
        /// Custom LTS tags.
        pub lts_custom_tag: BTreeMap<String, String>,
        /// KMS key that encrypts the environment variables.
        pub user_data_encrypt_kms_key_id: String,
        /// KMS key that encrypts the code.
        pub code_encrypt_kms_key_id: String,
        /// Private DNS names (needs an agency allowed to read DNS).
        pub domain_names: String,
        /// Function tags.
        pub tags: String,
    }
}

/// Creates a function. Returns the new function; its `func_urn` ends with `:latest`.
///
/// The service creates functions asynchronously: calls right after may briefly fail
/// with `FSS.0400`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::functions::{Code, CodePackage, Create};
/// use fgs_proto::model::Runtime;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let zip = CodePackage::from_files([("index.py", "def handler(event, context):\n    return 'ok'\n")])?;
/// let op = Create::new("hello", "default", Runtime::Python39, "index.handler", 128, 30,
///         Code::zip("index.zip", zip))
///     .description("says hello")
///     .env_vars([("GREETING", "hi")]);
///
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions");
/// let body: serde_json::Value = serde_json::from_slice(request.body())?;
/// assert_eq!(body["code_type"], "zip");
/// assert_eq!(body["user_data"], r#"{"GREETING":"hi"}"#);
/// assert!(body["func_code"]["file"].as_str().unwrap().starts_with("UEsDB")); // "PK\x03\x04"
///
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_urn":"urn:fss:cn-north-4:p1:function:default:hello:latest","func_name":"hello"}"#,
/// )?;
/// let function = op.response(response)?;
/// assert_eq!(function.func_urn.as_deref(), Some("urn:fss:cn-north-4:p1:function:default:hello:latest"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    body: CreateBody,
    package: Option<CodePackage>,
}

impl Create {
    /// A function `func_name` in `package` with its required settings and its code.
    pub fn new(
        func_name: impl Into<String>,
        package: impl Into<String>,
        runtime: impl Into<Runtime>,
        handler: impl Into<String>,
        memory_size: i64,
        timeout: i64,
        code: Code,
    ) -> Self {
        let body = CreateBody {
            func_name: Some(func_name.into()),
            package: Some(package.into()),
            runtime: Some(runtime.into()),
            handler: Some(handler.into()),
            memory_size: Some(memory_size),
            timeout: Some(timeout),
            ..Default::default()
        };
        Create {
            body,
            package: None,
        }
        .code(code)
    }

    /// A function that runs a container image: runtime `Custom Image`, handler `-`,
    /// `code_type` `Custom-Image-Swr`.
    pub fn new_custom_image(
        func_name: impl Into<String>,
        package: impl Into<String>,
        memory_size: i64,
        timeout: i64,
        image: CustomImage,
    ) -> Self {
        let body = CreateBody {
            func_name: Some(func_name.into()),
            package: Some(package.into()),
            runtime: Some(Runtime::CustomImage),
            handler: Some("-".to_owned()),
            memory_size: Some(memory_size),
            timeout: Some(timeout),
            code_type: Some(CodeType::CustomImageSwr),
            custom_image: Some(image),
            ..Default::default()
        };
        Create {
            body,
            package: None,
        }
    }

    /// Replaces the code: sets `code_type` and `code_filename`, `code_url`, `func_code`
    /// as the code requires, clearing the ones it does not use.
    pub fn code(mut self, code: Code) -> Self {
        let fields = code.into_fields();
        self.body.code_type = Some(fields.code_type);
        self.body.code_filename = fields.code_filename;
        self.body.code_url = fields.code_url;
        self.body.func_code = fields.func_code;
        self.package = fields.package;
        self
    }

    /// The body (without the code package, which is kept apart until the request is
    /// written).
    pub fn body(&self) -> &CreateBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CreateBody {
        &mut self.body
    }

    /// The code package uploaded in `func_code.file`, if the code is one.
    pub fn code_package(&self) -> Option<&CodePackage> {
        self.package.as_ref()
    }
}

// Description, environment variables, agencies, VPC, mounts, hooks, logging, GPU...:
// the settings UpdateMetadata takes too.
function_config_setters!(Create => CreateBody);

body_setters!(Create => CreateBody {
    code_url: String,
    code_filename: String,
    depend_version_list: Vec<String>,
    function_type: FunctionType,
    code_encrypt_kms_key_id: String,
    tags: String,
});

impl Operation for Create {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        false
    }

    fn request(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let body = &self.body;
        require("func_name", &body.func_name)?;
        require("package", &body.package)?;
        require("runtime", &body.runtime)?;
        require("timeout", &body.timeout)?;
        require("handler", &body.handler)?;
        require("memory_size", &body.memory_size)?;
        if body.code_type.is_none() && body.custom_image.is_none() {
            return Err(Error::invalid_input(
                "code_type",
                "is required (only custom-image functions, which set `custom_image`, may omit it)",
            ));
        }
        check_code(
            body.code_type.as_ref(),
            self.package.as_ref(),
            body.func_code.as_ref(),
        )?;
        let json = json_with_package(body, self.package.as_ref())?;
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .body(json)
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}
