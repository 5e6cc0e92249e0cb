//! CreateVersion — `POST /v2/{project_id}/fgs/functions/{function_urn}/versions`
//! (official name CreateFunctionVersion).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::model::macros::request_body;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::setters::body_setters;

request_body! {
    /// The body of [`CreateVersion`]: every field of the OAS
    /// `CreateFunctionVersionRequestBody`, all optional.
    #[derive(Default)]
    pub struct CreateVersionBody {
        required {}
        optional {
        /// Version name; the service generates `vYYYYMMDD-HHMMSS` when absent.
        pub version: Option<String>,
        /// Description of the version.
        pub description: Option<String>,
        /// Digest (the OAS calls it an MD5 key) guarding the code being published;
        /// the service documents no more about it.
        pub digest: Option<String>,
        }
    }
}

/// Publishes the function's current code and configuration as a new version. Returns
/// the version (with `version_description` and `function_async_config`). 400
/// `FSS.1016` if nothing changed since the last publish, 409 `FSS.1062` if the name
/// exists.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::CreateVersion};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = CreateVersion::new("urn:fss:cn-north-4:p1:function:default:hello")
///     .version("v1")
///     .description("first release");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert!(request.uri().path().ends_with("%3Adefault%3Ahello/versions"));
/// assert_eq!(request.body(), br#"{"version":"v1","description":"first release"}"#);
///
/// // Without options the body is `{}` and the service names the version.
/// let bare = CreateVersion::new("urn:fss:cn-north-4:p1:function:default:hello");
/// assert_eq!(bare.request(&config)?.body(), b"{}");
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"version":"v1","version_description":"first release"}"#)?;
/// assert_eq!(op.response(response)?.version.as_deref(), Some("v1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CreateVersion {
    function_urn: String,
    body: CreateVersionBody,
}

impl CreateVersion {
    /// Publishes a version of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        CreateVersion {
            function_urn: function_urn.into(),
            body: CreateVersionBody::default(),
        }
    }

    /// The function published.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &CreateVersionBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CreateVersionBody {
        &mut self.body
    }
}

body_setters!(CreateVersion => CreateVersionBody {
    version: String,
    description: String,
    digest: String,
});

impl Operation for CreateVersion {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("versions")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}
