//! Tag operations: key/value tags on functions, the project's tag keys and values, and
//! finding functions by their tags.
//!
//! These paths have no `fgs` segment: `…/v2/{project_id}/{resource_type}/…`, with
//! `resource_type` `functions` and the function URN as `resource_id`. The official API
//! has no Go SDK counterpart; the types are named in the style of
//! [`functions`](crate::functions): `tags::Create`, `tags::Delete`, `tags::List`,
//! `tags::ListProject`, `tags::ListResources`.

/// The setters [`Create`] and [`Delete`] share: both send a [`TagsBody`] to a path
/// with a resource type.
macro_rules! tag_change_setters {
    ($op:ident) => {
        impl $op {
            /// System tags as well (`_sys_enterprise_project_id`).
            pub fn sys_tags(mut self, tags: Vec<super::Tag>) -> Self {
                self.body.sys_tags = Some(tags);
                self
            }

            /// Sends an `action` name.
            pub fn action(mut self, action: impl Into<String>) -> Self {
                self.body.action = Some(action.into());
                self
            }

            /// The resource type in the path (default [`FUNCTIONS`](super::FUNCTIONS)).
            pub fn resource_type(mut self, resource_type: impl Into<String>) -> Self {
                self.resource_type = resource_type.into();
                self
            }

            /// The body.
            pub fn body(&self) -> &super::TagsBody {
                &self.body
            }

            /// The body, for direct access to every field.
            pub fn body_mut(&mut self) -> &mut super::TagsBody {
                &mut self.body
            }
        }
    };
}

mod create;
mod delete;
mod list;
mod list_project;
mod list_resources;

pub use create::{Create, TagsBody};
pub use delete::Delete;
pub use list::{List, ListOutput};
pub use list_project::{ListProject, ListProjectOutput};
pub use list_resources::{
    ListResources, ListResourcesBody, ListResourcesOutput, ResourceAction, ResourceDetail,
    TaggedResource,
};

use http::Method;

use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::request::RequestBuilder;

/// The resource type of functions, the only one FunctionGraph tags.
pub const FUNCTIONS: &str = "functions";

model! {
    /// A tag: a key and its value (the API's `KvItem`).
    pub struct Tag {
        /// The key.
        pub key: Option<String>,
        /// The value.
        pub value: Option<String>,
    }
}

accessors!(Tag { str key, str value });

impl Tag {
    /// The tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Tag {
            key: Some(key.into()),
            value: Some(value.into()),
            ..Default::default()
        }
    }
}

model! {
    /// A tag key with values (the API's `TagItem`): the values in use (project tag
    /// list), or the values to match (a filter).
    pub struct TagValues {
        /// The key.
        pub key: Option<String>,
        /// The values.
        pub values: Option<Vec<String>>,
    }
}

accessors!(TagValues { str key, slice values: String });

impl TagValues {
    /// The key `key` with `values`.
    pub fn new<V: Into<String>>(
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        TagValues {
            key: Some(key.into()),
            values: Some(values.into_iter().map(Into::into).collect()),
            ..Default::default()
        }
    }
}

/// `…/v2/{project_id}/{resource_type}/{resource_id}/tags`.
fn resource_tags(
    config: &Config,
    method: Method,
    resource_type: &str,
    resource_id: &str,
) -> Result<RequestBuilder, Error> {
    let mut builder = RequestBuilder::project(config, method);
    builder
        .param("resource_type", resource_type)?
        .param("resource_id", resource_id)?
        .path("tags");
    Ok(builder)
}
