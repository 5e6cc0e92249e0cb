//! UpdateCode — `PUT /v2/{project_id}/fgs/functions/{function_urn}/code`
//! (official name UpdateFunctionCode).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{CodeType, FuncCode, Function};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::setters::body_setters;
use crate::code::answer::WithoutEchoedCode;
use crate::code::body::json_with_package;
use crate::code::{Code, CodePackage, SkipEchoedCode, check_code};

request_body! {
    /// The body of [`UpdateCode`]: every field of the OAS `UpdateFunctionCodeRequestBody`.
    /// Required by the service: `code_type` and `func_code` (which an uploaded package
    /// fills when the request is written).
    pub struct UpdateCodeBody {
        required {
            /// How the code is supplied.
            pub code_type: CodeType,
        }
        optional {
        /// OBS URL of the code, for `code_type` `obs`.
        pub code_url: Option<String>,
        /// File name of the code, required for `zip` and `jar`.
        pub code_filename: Option<String>,
        /// The code, base64-encoded. Required; for uploads prefer a [`CodePackage`] (see
        /// [`UpdateCode::code`]), which is encoded straight into the request body.
        pub func_code: Option<FuncCode>,
        /// Dependency version ids.
        pub depend_version_list: Option<Vec<String>>,
        /// KMS key that encrypts the code.
        pub code_encrypt_kms_key_id: Option<String>,
        }
    }
}

/// Replaces a function's code. Returns the function's code description (as
/// [`GetCode`](super::GetCode) does) **without `func_code.file`**: the service echoes
/// the uploaded package there, which the caller has already, and keeping that copy
/// would cost a 40 MiB upload another 53 MiB of memory. `code_size`, `digest` (SHA-512
/// of the package) and `func_code.link` are kept; GetCode downloads the code, and
/// [`UpdateCode::keep_echoed_code`] keeps the echo when you want it. Fails
/// with `FSS.1077` while reserved instances exist.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::code::{Code, CodePackage};
/// use fgs_proto::functions::UpdateCode;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let zip = CodePackage::from_files([("index.py", "def handler(event, context):\n    return 2\n")])?;
/// let op = UpdateCode::new("urn:fss:cn-north-4:p1:function:default:hello:latest",
///     Code::zip("index.zip", zip.clone()));
///
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/functions/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello%3Alatest/code"
/// );
/// let body: serde_json::Value = serde_json::from_slice(&request.body().to_bytes())?;
/// assert_eq!(body["code_filename"], "index.zip");
/// use base64::Engine as _;
/// let file = body["func_code"]["file"].as_str().unwrap();
/// assert_eq!(base64::engine::general_purpose::STANDARD.decode(file)?, zip.as_bytes());
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"code_type":"zip","code_filename":"index.zip","code_size":180}"#)?;
/// assert_eq!(op.response(response)?.code_size, Some(180));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateCode {
    function_urn: String,
    body: UpdateCodeBody,
    package: Option<CodePackage>,
    keep_echoed_code: bool,
}

impl UpdateCode {
    /// Replaces the code of `function_urn` with `code`.
    pub fn new(function_urn: impl Into<String>, code: Code) -> Self {
        UpdateCode {
            function_urn: function_urn.into(),
            body: UpdateCodeBody {
                code_type: code.code_type(),
                code_url: None,
                code_filename: None,
                func_code: None,
                depend_version_list: None,
                code_encrypt_kms_key_id: None,
                extra: serde_json::Map::new(),
            },
            package: None,
            keep_echoed_code: false,
        }
        .code(code)
    }

    /// Keeps the package the service echoes in the answer's `func_code.file` (off by
    /// default: the caller has the package, and a large one would be held twice).
    pub fn keep_echoed_code(mut self, keep: bool) -> Self {
        self.keep_echoed_code = keep;
        self
    }

    /// Replaces the code: sets `code_type` and `code_filename`, `code_url`, `func_code`
    /// as the code requires, clearing the ones it does not use. For code in OBS,
    /// `func_code` is sent as `{}`: the service requires the field, and an OBS package
    /// has nothing to put in it.
    pub fn code(mut self, code: Code) -> Self {
        let fields = code.into_fields();
        let in_obs = fields.code_url.is_some();
        self.body.code_type = fields.code_type;
        self.body.code_filename = fields.code_filename;
        self.body.code_url = fields.code_url;
        self.body.func_code = fields.func_code;
        if in_obs {
            self.body.func_code = Some(FuncCode::default());
        }
        self.package = fields.package;
        self
    }

    /// The URN whose code is replaced.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body (without the code package, which is kept apart until the request is
    /// written).
    pub fn body(&self) -> &UpdateCodeBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateCodeBody {
        &mut self.body
    }

    /// The code package uploaded in `func_code.file`, if the code is one.
    pub fn code_package(&self) -> Option<&CodePackage> {
        self.package.as_ref()
    }
}

body_setters!(UpdateCode => UpdateCodeBody {
    code_url: String,
    code_filename: String,
    depend_version_list: Vec<String>,
    code_encrypt_kms_key_id: String,
});

impl Operation for UpdateCode {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let body = &self.body;
        if self.package.is_none() && body.func_code.is_none() {
            return Err(Error::invalid_input("func_code", "is required"));
        }
        check_code(
            Some(&body.code_type),
            self.package.as_ref(),
            body.func_code.as_ref(),
        )?;
        let json = json_with_package(body, self.package.as_ref())?;
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("code")
            .body(json)
            .build()
            .map(|mut request| {
                if !self.keep_echoed_code {
                    request.extensions_mut().insert(SkipEchoedCode);
                }
                request
            })
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        if self.keep_echoed_code {
            return response::json(&response);
        }
        response::check_status(&response)?;
        let answer: WithoutEchoedCode = response::decode_json(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )?;
        Ok(answer.0)
    }
}
