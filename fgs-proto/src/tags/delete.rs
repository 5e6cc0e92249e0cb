//! Delete — `DELETE /v2/{project_id}/{resource_type}/{resource_id}/tags/delete` (official
//! name DeleteTags).

use http::{Method, Request, Response};

use super::{FUNCTIONS, Tag, TagsBody, resource_tags};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Removes tags from a function, by key; 204 with no body. One of the DELETEs with a
/// JSON body: transports must send it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::tags::{Delete, Tag};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Delete::new("default:hello", vec![Tag::new("env", "prod")]);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert_eq!(request.uri().path(), "/v2/p1/functions/default%3Ahello/tags/delete");
/// assert_eq!(request.body(), br#"{"tags":[{"key":"env","value":"prod"}]}"#);
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Delete {
    resource_type: String,
    resource_id: String,
    body: TagsBody,
}

impl Delete {
    /// Removes `tags` (matched by key) from the function `function_urn`.
    pub fn new(function_urn: impl Into<String>, tags: Vec<Tag>) -> Self {
        Delete {
            resource_type: FUNCTIONS.to_owned(),
            resource_id: function_urn.into(),
            body: TagsBody::new(tags),
        }
    }
}

tag_change_setters!(Delete);

impl Operation for Delete {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        resource_tags(
            config,
            Method::DELETE,
            &self.resource_type,
            &self.resource_id,
        )?
        .path("delete")
        .json(&self.body)?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
