//! List — `GET /v2/{project_id}/fgs/dependencies` (official name ListDependencies).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{model, open_enum};
use crate::model::{Dependency, Runtime};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

open_enum! {
    /// Which dependencies a listing shows (`dependency_type`).
    pub enum DependencyType {
        /// The public ones the service offers.
        Public = "public",
        /// The account's own.
        Private = "private",
        /// Both.
        All = "all",
    }
}

/// Lists dependencies (the latest version of each), one page per call; walk all pages
/// with [`Pager`](crate::paginate::Pager) (or an adapter's `pages`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::dependencies::{DependencyType, List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new().dependency_type(DependencyType::Private).maxitems(10);
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/dependencies?dependency_type=private&maxitems=10"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"dependencies":[{"id":"v-1","dep_id":"d-1","name":"pillow","version":1}],"next_marker":1,"count":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.dependencies()[0].name.as_deref(), Some("pillow"));
/// assert_eq!(page.count(), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    marker: Option<String>,
    maxitems: Option<u32>,
    ispublic: Option<bool>,
    dependency_type: Option<DependencyType>,
    runtime: Option<Runtime>,
    name: Option<String>,
    limit: Option<u32>,
}

impl List {
    /// The first page, every dependency the account can see.
    pub fn new() -> Self {
        List::default()
    }

    /// Starts after this many records (the `next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size.
    pub fn maxitems(mut self, maxitems: u32) -> Self {
        self.maxitems = Some(maxitems);
        self
    }

    /// Only public (`true`) or only private (`false`) dependencies.
    pub fn ispublic(mut self, public: bool) -> Self {
        self.ispublic = Some(public);
        self
    }

    /// Public, private or all dependencies (all when unset).
    pub fn dependency_type(mut self, kind: DependencyType) -> Self {
        self.dependency_type = Some(kind);
        self
    }

    /// Only dependencies for this runtime.
    pub fn runtime(mut self, runtime: Runtime) -> Self {
        self.runtime = Some(runtime);
        self
    }

    /// Only dependencies of this name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// At most this many dependencies in all (the service's default is 400).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

model! {
    /// One page of dependencies.
    pub struct ListOutput {
        /// The dependencies.
        pub dependencies: Option<Vec<Dependency>>,
        /// The marker of the next page.
        pub next_marker: Option<i64>,
        /// Total number of dependencies.
        pub count: Option<i64>,
    }
}

impl ListOutput {
    /// The dependencies of this page; empty if the service sent none.
    pub fn dependencies(&self) -> &[Dependency] {
        self.dependencies.as_deref().unwrap_or_default()
    }

    /// Where the next page starts, if the service sent a marker.
    pub fn next_marker(&self) -> Option<i64> {
        self.next_marker
    }

    /// How many there are in all, if the service said.
    pub fn count(&self) -> Option<i64> {
        self.count
    }
}

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let ispublic = self.ispublic.map(|p| p.to_string());
        RequestBuilder::new(config, Method::GET)
            .path("dependencies")
            .query(
                "dependency_type",
                self.dependency_type.as_ref().map(DependencyType::as_str),
            )
            .query("ispublic", ispublic.as_deref())
            .query_number("limit", self.limit)
            .query("marker", self.marker.as_deref())
            .query_number("maxitems", self.maxitems)
            .query("name", self.name.as_deref())
            .query("runtime", self.runtime.as_ref().map(Runtime::as_str))
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(List, ListOutput, Dependency, dependencies);
