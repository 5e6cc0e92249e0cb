//! Create — `POST /v2/{project_id}/fgs/functions` (official name CreateFunction).

use std::time::Duration;

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{CodeType, CustomImage, FuncCode, Function, FunctionType, MemorySize, Runtime};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::function_config::{FunctionConfig, function_config_setters};
use super::setters::body_setters;
use crate::code::body::json_with_package;
use crate::code::{Code, CodePackage, check_code};

request_body! {
    /// The body of [`Create`]: every field of the OAS `CreateFunctionRequestBody`. The
    /// function configuration it shares with UpdateMetadata is [`FunctionConfig`].
    ///
    /// Required by the service: `func_name`, `package`, the required part of
    /// `config`, and `code_type` except for custom-image functions.
    pub struct CreateBody {
        required {
            /// Function name: 1–60 letters, digits, `_` or `-`, starting with a letter
            /// and ending with a letter or digit.
            pub func_name: String,
            /// Package (application) the function belongs to, e.g. `default`.
            pub package: String,
        }
        flatten {
            /// Runtime, handler, memory, timeout and the optional settings.
            pub config: FunctionConfig,
        }
        optional {
            /// How the code is supplied. Required except for custom-image functions.
            pub code_type: Option<CodeType>,
            /// OBS URL of the code, for `code_type` `obs`.
            pub code_url: Option<String>,
            /// File name of the code, required for `zip` and `jar`.
            pub code_filename: Option<String>,
            /// The code, base64-encoded. For uploads prefer a [`CodePackage`] (see
            /// [`Create::code`]), which is encoded straight into the request body.
            pub func_code: Option<FuncCode>,
            /// Dependency version ids.
            pub depend_version_list: Option<Vec<String>>,
            /// Function generation, `v1` or `v2`.
            #[wire = "type"]
            pub function_type: Option<FunctionType>,
            /// KMS key that encrypts the code.
            pub code_encrypt_kms_key_id: Option<String>,
            /// Function tags.
            pub tags: Option<String>,
        }
    }
}

/// Creates a function. Returns the new function; its `func_urn` ends with `:latest`.
///
/// The service creates functions asynchronously: calls right after may briefly fail
/// with `FSS.0400`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::code::{Code, CodePackage};
/// use fgs_proto::functions::Create;
/// use fgs_proto::functions::FunctionConfig;
/// use fgs_proto::model::{MemorySize, Runtime};
/// use std::time::Duration;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let zip = CodePackage::from_files([("index.py", "def handler(event, context):\n    return 'ok'\n")])?;
/// let settings = FunctionConfig::new(
///     Runtime::Python39, "index.handler", MemorySize::mb(128), Duration::from_secs(30));
/// let op = Create::new("hello", "default", settings, Code::zip("index.zip", zip))
///     .description("says hello")
///     .env_vars([("GREETING", "hi")]);
///
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions");
/// let body: serde_json::Value = serde_json::from_slice(&request.body().to_bytes())?;
/// assert_eq!(body["code_type"], "zip");
/// assert_eq!(body["user_data"], r#"{"GREETING":"hi"}"#);
/// assert!(body["func_code"]["file"].as_str().unwrap().starts_with("UEsDB")); // "PK\x03\x04"
///
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_urn":"urn:fss:cn-north-4:p1:function:default:hello:latest","func_name":"hello"}"#,
/// )?;
/// let function = op.response(response)?;
/// assert_eq!(function.func_urn(), Some("urn:fss:cn-north-4:p1:function:default:hello:latest"));
/// assert_eq!(function.urn().transpose()?.map(|urn| urn.name().to_owned()).as_deref(), Some("hello"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    body: CreateBody,
    package: Option<CodePackage>,
}

impl Create {
    /// A function `func_name` in `package` (e.g. `default`), configured by `config`,
    /// running `code`.
    pub fn new(
        func_name: impl Into<String>,
        package: impl Into<String>,
        config: FunctionConfig,
        code: Code,
    ) -> Self {
        Create::without_code(func_name.into(), package.into(), config).code(code)
    }

    /// A function with no code fields set yet.
    fn without_code(func_name: String, package: String, config: FunctionConfig) -> Self {
        let body = CreateBody {
            func_name,
            package,
            config,
            code_type: None,
            code_url: None,
            code_filename: None,
            func_code: None,
            depend_version_list: None,
            function_type: None,
            code_encrypt_kms_key_id: None,
            tags: None,
            extra: serde_json::Map::new(),
        };
        Create {
            body,
            package: None,
        }
    }

    /// A function that runs a container image: runtime `Custom Image`, handler `-`,
    /// `code_type` `Custom-Image-Swr`.
    pub fn new_custom_image(
        func_name: impl Into<String>,
        package: impl Into<String>,
        memory_size: MemorySize,
        timeout: Duration,
        image: CustomImage,
    ) -> Self {
        let mut config = FunctionConfig::new(Runtime::CustomImage, "-", memory_size, timeout);
        config.custom_image = Some(image);
        let mut op = Create::without_code(func_name.into(), package.into(), config);
        op.body.code_type = Some(CodeType::CustomImageSwr);
        op
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

    /// The function configuration.
    pub fn config(&self) -> &FunctionConfig {
        &self.body.config
    }

    /// The function configuration, for direct access to every setting.
    pub fn config_mut(&mut self) -> &mut FunctionConfig {
        &mut self.body.config
    }

    /// The code package uploaded in `func_code.file`, if the code is one.
    pub fn code_package(&self) -> Option<&CodePackage> {
        self.package.as_ref()
    }
}

// Description, environment variables, agencies, VPC, mounts, hooks, logging, GPU...:
// the settings UpdateMetadata takes too.
function_config_setters!(Create => body.config);

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

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let body = &self.body;
        body.config.check()?;
        if body.code_type.is_none() && body.config.custom_image.is_none() {
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
