//! UpdateAlias — `PUT /v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}`
//! (official name UpdateVersionAlias).

use std::collections::BTreeMap;

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{Alias, VersionStrategy};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::setters::body_setters;

request_body! {
    /// The body of [`UpdateAlias`]: every field of the OAS
    /// `UpdateVersionAliasRequestBody`.
    pub struct UpdateAliasBody {
        required {
            /// The version the alias points to.
            pub version: String,
        }
        optional {
        /// Description.
        pub description: Option<String>,
        /// Canary by weight: `{ "<version>": <percent> }`.
        pub additional_version_weights: Option<BTreeMap<String, i64>>,
        /// Canary by rule: `{ "<version>": <strategy> }`.
        pub additional_version_strategy: Option<BTreeMap<String, VersionStrategy>>,
        }
    }
}

/// Points an alias at a version and sets its canary. Returns the alias (the OAS omits
/// `additional_version_strategy` from this answer). 404 `FSS.1053` if the alias does
/// not exist.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::UpdateAlias};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateAlias::new("urn:fss:cn-north-4:p1:function:default:hello", "dev", "v2")
///     .description("");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert!(request.uri().path().ends_with("%3Adefault%3Ahello/aliases/dev"));
/// assert_eq!(request.body(), br#"{"version":"v2","description":""}"#);
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"name":"dev","version":"v2","last_modified":"2019-10-31T11:37:58+08:00"}"#)?;
/// assert_eq!(op.response(response)?.version.as_deref(), Some("v2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateAlias {
    function_urn: String,
    alias_name: String,
    body: UpdateAliasBody,
}

impl UpdateAlias {
    /// Points alias `alias_name` of `function_urn` at `version`.
    pub fn new(
        function_urn: impl Into<String>,
        alias_name: impl Into<String>,
        version: impl Into<String>,
    ) -> Self {
        UpdateAlias {
            function_urn: function_urn.into(),
            alias_name: alias_name.into(),
            body: UpdateAliasBody {
                version: version.into(),
                description: None,
                additional_version_weights: None,
                additional_version_strategy: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The function the alias belongs to.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The alias updated.
    pub fn alias_name(&self) -> &str {
        &self.alias_name
    }

    /// The body.
    pub fn body(&self) -> &UpdateAliasBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateAliasBody {
        &mut self.body
    }
}

body_setters!(UpdateAlias => UpdateAliasBody {
    description: String,
    additional_version_weights: BTreeMap<String, i64>,
    additional_version_strategy: BTreeMap<String, VersionStrategy>,
});

impl Operation for UpdateAlias {
    type Output = Alias;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("aliases")
            .param("alias_name", &self.alias_name)?
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Alias, Error> {
        response::json(&response)
    }
}
