//! List — `GET /v2/{project_id}/fgs/functions?marker&maxitems&package_name&func_name`
//! (official name ListFunctions).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::model::macros::model;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists functions, one page per call; walk all pages with
/// [`Pager`](crate::paginate::Pager) (or an adapter's `pages`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new().maxitems(50).marker("100").package_name("default");
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions?marker=100&maxitems=50&package_name=default"
/// );
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    marker: Option<String>,
    maxitems: Option<u32>,
    package_name: Option<String>,
    func_name: Option<String>,
}

impl List {
    /// The first page, with the service's default page size (400).
    pub fn new() -> Self {
        List::default()
    }

    /// Starts after this many records (the `next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size, at most 400. `0` and values above 400 are sent as given: the
    /// service reads them as its default, 400.
    pub fn maxitems(mut self, maxitems: u32) -> Self {
        self.maxitems = Some(maxitems);
        self
    }

    /// Only functions of this package.
    pub fn package_name(mut self, package: impl Into<String>) -> Self {
        self.package_name = Some(package.into());
        self
    }

    /// Only functions whose name matches (fuzzy match).
    pub fn func_name(mut self, name: impl Into<String>) -> Self {
        self.func_name = Some(name.into());
        self
    }
}

model! {
    /// One page of functions.
    pub struct ListOutput {
        /// The functions (URNs without qualifier).
        pub functions: Option<Vec<Function>>,
        /// The marker of the next page.
        pub next_marker: Option<i64>,
        /// Total number of functions.
        pub count: Option<i64>,
    }
}

impl ListOutput {
    /// The functions of this page; empty if the service sent none.
    pub fn functions(&self) -> &[Function] {
        self.functions.as_deref().unwrap_or_default()
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

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .query("func_name", self.func_name.as_deref())
            .query("marker", self.marker.as_deref())
            .query_number("maxitems", self.maxitems)
            .query("package_name", self.package_name.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(List, ListOutput, Function, functions);
