//! List — `GET /v2/{project_id}/{resource_type}/{resource_id}/tags` (official name
//! ListFunctionTags).

use http::{Method, Request, Response};

use super::{FUNCTIONS, Tag, resource_tags};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

/// Lists a function's tags.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, tags::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new("default:hello");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/functions/default%3Ahello/tags");
/// let response = http::Response::builder().status(200).body(
///     r#"{"tags":[{"key":"env","value":"prod"}],"sys_tags":[]}"#,
/// )?;
/// assert_eq!(op.response(response)?.tags()[0].value(), Some("prod"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    resource_type: String,
    resource_id: String,
}

impl List {
    /// The tags of the function `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        List {
            resource_type: FUNCTIONS.to_owned(),
            resource_id: function_urn.into(),
        }
    }

    /// The resource type in the path (default [`FUNCTIONS`]).
    pub fn resource_type(mut self, resource_type: impl Into<String>) -> Self {
        self.resource_type = resource_type.into();
        self
    }
}

model! {
    /// A function's tags.
    pub struct ListOutput {
        /// The user tags.
        pub tags: Option<Vec<Tag>>,
        /// The system tags.
        pub sys_tags: Option<Vec<Tag>>,
    }
}

accessors!(ListOutput { slice tags: Tag, slice sys_tags: Tag });

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        resource_tags(config, Method::GET, &self.resource_type, &self.resource_id)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}
