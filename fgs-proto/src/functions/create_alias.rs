//! CreateAlias — `POST /v2/{project_id}/fgs/functions/{function_urn}/aliases`
//! (official name CreateVersionAlias).

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
    /// The body of [`CreateAlias`]: every field of the OAS
    /// `CreateVersionAliasRequestBody`.
    pub struct CreateAliasBody {
        required {
            /// Alias name.
            pub name: String,
            /// The version the alias points to, e.g. `latest` or `v1`.
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

/// Creates an alias of a function version, optionally with a canary version. 409
/// `FSS.1063` if it exists, 403 `FSS.1043` if the function has too many aliases.
///
/// ```
/// use std::collections::BTreeMap;
/// use fgs_proto::{Config, Credentials, Operation, functions::CreateAlias};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = CreateAlias::new("urn:fss:cn-north-4:p1:function:default:hello", "a1", "v1")
///     .additional_version_weights(BTreeMap::from([("v2".to_owned(), 50)]));
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert!(request.uri().path().ends_with("%3Adefault%3Ahello/aliases"));
/// assert_eq!(
///     request.body(),
///     br#"{"name":"a1","version":"v1","additional_version_weights":{"v2":50}}"#
/// );
///
/// let response = http::Response::builder().status(200).body(
///     r#"{"name":"a1","version":"v1","alias_urn":"urn:fss:cn-north-4:p1:function:default:hello:!a1"}"#,
/// )?;
/// let alias = op.response(response)?;
/// assert_eq!(alias.alias_urn(), Some("urn:fss:cn-north-4:p1:function:default:hello:!a1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CreateAlias {
    function_urn: String,
    body: CreateAliasBody,
}

impl CreateAlias {
    /// An alias `name` of `function_urn` pointing to `version`.
    pub fn new(
        function_urn: impl Into<String>,
        name: impl Into<String>,
        version: impl Into<String>,
    ) -> Self {
        CreateAlias {
            function_urn: function_urn.into(),
            body: CreateAliasBody {
                name: name.into(),
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

    /// The body.
    pub fn body(&self) -> &CreateAliasBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CreateAliasBody {
        &mut self.body
    }
}

body_setters!(CreateAlias => CreateAliasBody {
    description: String,
    additional_version_weights: BTreeMap<String, i64>,
    additional_version_strategy: BTreeMap<String, VersionStrategy>,
});

impl Operation for CreateAlias {
    type Output = Alias;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("aliases")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Alias, Error> {
        response::json(&response)
    }
}
