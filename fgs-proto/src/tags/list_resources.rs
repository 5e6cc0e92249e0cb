//! ListResources — `POST /v2/{project_id}/{resource_type}/resource-instances/{action}`
//! (official name ShowResInstanceInfo).

use http::{Method, Request, Response};

use super::{FUNCTIONS, Tag, TagValues};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum, request_body};
use crate::operation::Operation;
use crate::paginate::{PageInfo, Paginated};
use crate::request::RequestBuilder;
use crate::response;

open_enum! {
    /// What [`ListResources`] answers (the `{action}` path segment).
    pub enum ResourceAction {
        /// The matching functions, a page at a time, with the total.
        Filter = "filter",
        /// Only how many match.
        Count = "count",
    }
}

request_body! {
    /// The body of [`ListResources`]: every field of the OAS
    /// `ListEnterpriseResourceRequestBody`. Every condition set must hold.
    pub struct ListResourcesBody {
        required {}
        optional {
            /// The action again, as some clients send it in the body too.
            pub action: Option<String>,
            /// Page size, as text (the API's type).
            pub limit: Option<String>,
            /// Key/value conditions: `resource_name` matches a part of the function
            /// name; other keys match a tag with that key and value.
            pub matches: Option<Vec<Tag>>,
            /// How many matching functions to skip, as text (the API's type).
            pub offset: Option<String>,
            /// System tags the functions must have (any of the values of each key).
            pub sys_tags: Option<Vec<TagValues>>,
            /// Only functions without any tag.
            pub without_any_tag: Option<bool>,
        }
    }
}

/// Finds the project's functions by their tags and names (`filter`: a page of them with
/// the total; `count`: the total alone). Paged by `offset`/`limit` in the body: walk all
/// pages with [`Pager`](crate::paginate::Pager), which computes each next offset.
///
/// A POST that only reads: the registry calls it non-idempotent as every POST, so it is
/// re-sent only when the service cannot have received it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::tags::{ListResources, Tag};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListResources::filter().matches(Tag::new("env", "prod")).limit(10);
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/functions/resource-instances/filter");
/// assert_eq!(
///     request.body(),
///     br#"{"limit":"10","matches":[{"key":"env","value":"prod"}]}"#
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"resources":[{"resource_name":"hello","tags":[{"key":"env","value":"prod"}]}],"total_count":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.resources()[0].resource_name(), Some("hello"));
/// assert_eq!(page.total_count(), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ListResources {
    resource_type: String,
    action: ResourceAction,
    body: ListResourcesBody,
}

impl ListResources {
    /// `action` on every function, until conditions are added.
    pub fn new(action: ResourceAction) -> Self {
        ListResources {
            resource_type: FUNCTIONS.to_owned(),
            action,
            body: ListResourcesBody {
                action: None,
                limit: None,
                matches: None,
                offset: None,
                sys_tags: None,
                without_any_tag: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The matching functions ([`ResourceAction::Filter`]).
    pub fn filter() -> Self {
        ListResources::new(ResourceAction::Filter)
    }

    /// How many functions match ([`ResourceAction::Count`]).
    pub fn count() -> Self {
        ListResources::new(ResourceAction::Count)
    }

    /// Adds a key/value condition (see [`ListResourcesBody::matches`]).
    pub fn matches(mut self, condition: Tag) -> Self {
        self.body
            .matches
            .get_or_insert_with(Vec::new)
            .push(condition);
        self
    }

    /// Adds a system-tag condition.
    pub fn sys_tag(mut self, condition: TagValues) -> Self {
        self.body
            .sys_tags
            .get_or_insert_with(Vec::new)
            .push(condition);
        self
    }

    /// Only functions without any tag (`true`).
    pub fn without_any_tag(mut self, without: bool) -> Self {
        self.body.without_any_tag = Some(without);
        self
    }

    /// Skips this many matching functions.
    pub fn offset(mut self, offset: u32) -> Self {
        self.body.offset = Some(offset.to_string());
        self
    }

    /// Page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.body.limit = Some(limit.to_string());
        self
    }

    /// The resource type in the path (default [`FUNCTIONS`]).
    pub fn resource_type(mut self, resource_type: impl Into<String>) -> Self {
        self.resource_type = resource_type.into();
        self
    }

    /// The action.
    pub fn action(&self) -> &ResourceAction {
        &self.action
    }

    /// The body.
    pub fn body(&self) -> &ListResourcesBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut ListResourcesBody {
        &mut self.body
    }
}

model! {
    /// Where a tagged function is (`resource_detail`).
    pub struct ResourceDetail {
        /// The function's URN.
        #[wire = "detailId"]
        pub detail_id: Option<String>,
    }
}

accessors!(ResourceDetail { str detail_id });

model! {
    /// A function found by its tags.
    pub struct TaggedResource {
        /// The function's id.
        pub resource_id: Option<String>,
        /// The function's name.
        pub resource_name: Option<String>,
        /// Its URN.
        pub resource_detail: Option<ResourceDetail>,
        /// Its user tags.
        pub tags: Option<Vec<Tag>>,
        /// Its system tags.
        pub sys_tags: Option<Vec<Tag>>,
    }
}

accessors!(TaggedResource {
    str resource_id,
    str resource_name,
    ref resource_detail: ResourceDetail,
    slice tags: Tag,
    slice sys_tags: Tag,
});

model! {
    /// One page of matching functions (none for `count`), with the total.
    pub struct ListResourcesOutput {
        /// The functions of this page.
        pub resources: Option<Vec<TaggedResource>>,
        /// How many match in all.
        pub total_count: Option<i64>,
    }
}

accessors!(ListResourcesOutput { slice resources: TaggedResource, copy total_count: i64 });

impl Operation for ListResources {
    type Output = ListResourcesOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::project(config, Method::POST)
            .param("resource_type", &self.resource_type)?
            .path("resource-instances")
            .param("action", self.action.as_str())?
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ListResourcesOutput, Error> {
        response::json(&response)
    }
}

impl Paginated for ListResources {
    type Item = TaggedResource;

    fn page_marker(&self) -> Option<&str> {
        self.body.offset.as_deref()
    }

    fn set_page_marker(&mut self, marker: Option<String>) {
        self.body.offset = marker;
    }

    fn page_info(output: &ListResourcesOutput) -> PageInfo {
        PageInfo {
            len: output.resources().len(),
            next_marker: None,
            count: output.total_count,
        }
    }

    fn into_items(output: ListResourcesOutput) -> Vec<TaggedResource> {
        output.resources.unwrap_or_default()
    }
}
