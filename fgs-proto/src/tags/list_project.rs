//! ListProject — `GET /v2/{project_id}/{resource_type}/tags` (official name
//! ShowProjectTagsList).

use http::{Method, Request, Response};

use super::{FUNCTIONS, TagValues};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists every tag key used on the project's functions, each with the values in use.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, tags::ListProject};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListProject::new();
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/functions/tags");
/// let response = http::Response::builder().status(200).body(
///     r#"{"tags":[{"key":"env","values":["dev","prod"]}],"sys_tags":[]}"#,
/// )?;
/// assert_eq!(op.response(response)?.tags()[0].values(), ["dev", "prod"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListProject {
    resource_type: String,
}

impl ListProject {
    /// The tags of the project's functions.
    pub fn new() -> Self {
        ListProject {
            resource_type: FUNCTIONS.to_owned(),
        }
    }

    /// The resource type in the path (default [`FUNCTIONS`]).
    pub fn resource_type(mut self, resource_type: impl Into<String>) -> Self {
        self.resource_type = resource_type.into();
        self
    }
}

impl Default for ListProject {
    fn default() -> Self {
        ListProject::new()
    }
}

model! {
    /// The project's tag keys with their values.
    pub struct ListProjectOutput {
        /// The user tags.
        pub tags: Option<Vec<TagValues>>,
        /// The system tags.
        pub sys_tags: Option<Vec<TagValues>>,
    }
}

accessors!(ListProjectOutput { slice tags: TagValues, slice sys_tags: TagValues });

impl Operation for ListProject {
    type Output = ListProjectOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::project(config, Method::GET)
            .param("resource_type", &self.resource_type)?
            .path("tags")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListProjectOutput, Error> {
        response::json(&response)
    }
}
