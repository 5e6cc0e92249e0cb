//! Create — `POST /v2/{project_id}/{resource_type}/{resource_id}/tags/create` (official
//! name CreateTags).

use http::{Method, Request, Response};

use super::{FUNCTIONS, Tag, resource_tags};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::operation::Operation;
use crate::response;

request_body! {
    /// The body of [`Create`] and [`Delete`](super::Delete): every field of the OAS
    /// `UpdateFunctionTagsRequestBody`.
    pub struct TagsBody {
        required {
            /// The tags.
            pub tags: Vec<Tag>,
        }
        optional {
            /// The action name (the service does not document values for it).
            pub action: Option<String>,
            /// System tags (`_sys_enterprise_project_id`).
            pub sys_tags: Option<Vec<Tag>>,
        }
    }
}

impl TagsBody {
    pub(super) fn new(tags: Vec<Tag>) -> Self {
        TagsBody {
            tags,
            action: None,
            sys_tags: None,
            extra: serde_json::Map::new(),
        }
    }
}

/// Sets tags on a function (a key already set gets the new value); 204 with no body.
/// Not idempotent in the registry's sense (a POST), though setting the same tags twice
/// leaves them as once.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::tags::{Create, Tag};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Create::new("default:hello", vec![Tag::new("env", "prod")]);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri().path(), "/v2/p1/functions/default%3Ahello/tags/create");
/// assert_eq!(request.body(), br#"{"tags":[{"key":"env","value":"prod"}]}"#);
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    resource_type: String,
    resource_id: String,
    body: TagsBody,
}

impl Create {
    /// Sets `tags` on the function `function_urn`.
    pub fn new(function_urn: impl Into<String>, tags: Vec<Tag>) -> Self {
        Create {
            resource_type: FUNCTIONS.to_owned(),
            resource_id: function_urn.into(),
            body: TagsBody::new(tags),
        }
    }
}

tag_change_setters!(Create);

impl Operation for Create {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        resource_tags(config, Method::POST, &self.resource_type, &self.resource_id)?
            .path("create")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
