//! ListAlias — `GET /v2/{project_id}/fgs/functions/{function_urn}/aliases`
//! (official name ListVersionAliases).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Alias;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists a function's aliases. The service answers a bare JSON array (not wrapped in an
/// object) of every alias at once; aliases are not paged.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::ListAlias};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListAlias::new("urn:fss:cn-north-4:p1:function:default:hello");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "GET");
/// assert!(request.uri().path().ends_with("%3Adefault%3Ahello/aliases"));
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"[{"name":"a1","version":"latest"},{"name":"dev","version":"v1"}]"#)?;
/// let aliases = op.response(response)?;
/// assert_eq!(aliases.len(), 2);
/// assert_eq!(aliases[1].name.as_deref(), Some("dev"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListAlias {
    function_urn: String,
}

impl ListAlias {
    /// The aliases of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        ListAlias {
            function_urn: function_urn.into(),
        }
    }

    /// The function whose aliases are listed.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for ListAlias {
    type Output = Vec<Alias>;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("aliases")
            .build()
    }

    /// A `null` body is read as no aliases (lenient: an empty listing is the only
    /// sensible meaning).
    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<Alias>, Error> {
        let aliases: Option<Vec<Alias>> = response::json(&response)?;
        Ok(aliases.unwrap_or_default())
    }
}
