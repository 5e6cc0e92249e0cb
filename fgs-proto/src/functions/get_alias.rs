//! GetAlias — `GET /v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}`
//! (official name ShowVersionAlias).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Alias;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Gets an alias. 404 `FSS.1053` if it does not exist.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::GetAlias};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetAlias::new("urn:fss:cn-north-4:p1:function:default:hello", "dev");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "GET");
/// assert!(request.uri().path().ends_with("%3Adefault%3Ahello/aliases/dev"));
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"name":"dev","version":"latest","additional_version_weights":{"v1":10}}"#)?;
/// let alias = op.response(response)?;
/// assert_eq!(alias.additional_version_weights.unwrap()["v1"], 10);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAlias {
    function_urn: String,
    alias_name: String,
}

impl GetAlias {
    /// Alias `alias_name` of `function_urn`.
    pub fn new(function_urn: impl Into<String>, alias_name: impl Into<String>) -> Self {
        GetAlias {
            function_urn: function_urn.into(),
            alias_name: alias_name.into(),
        }
    }

    /// The function the alias belongs to.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The alias asked for.
    pub fn alias_name(&self) -> &str {
        &self.alias_name
    }
}

impl Operation for GetAlias {
    type Output = Alias;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("aliases")
            .param("alias_name", &self.alias_name)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Alias, Error> {
        response::json(&response)
    }
}
