//! ListVersion — `GET /v2/{project_id}/fgs/functions/{function_urn}/versions?marker&maxitems`
//! (official name ListFunctionVersions).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::model::macros::model;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists a function's versions (including `latest`), one page per call; walk all pages
/// with [`Pager`](crate::paginate::Pager) (or an adapter's `pages`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::ListVersion};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListVersion::new("urn:fss:cn-north-4:p1:function:default:hello")
///     .marker("5")
///     .maxitems(5);
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello/versions?marker=5&maxitems=5"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"versions":[{"version":"latest"},{"version":"v1"}],"next_marker":7,"count":7}"#)?;
/// let page = op.response(response)?;
/// assert_eq!(page.versions.unwrap()[1].version.as_deref(), Some("v1"));
/// assert_eq!(page.next_marker, Some(7));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListVersion {
    function_urn: String,
    marker: Option<String>,
    maxitems: Option<u32>,
}

impl ListVersion {
    /// The first page of `function_urn`'s versions, with the service's default page
    /// size.
    pub fn new(function_urn: impl Into<String>) -> Self {
        ListVersion {
            function_urn: function_urn.into(),
            marker: None,
            maxitems: None,
        }
    }

    /// Starts after this many records (the `next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size. `0` is sent as given: the service reads it as its default page size
    /// (the maximum for versions is undocumented).
    pub fn maxitems(mut self, maxitems: u32) -> Self {
        self.maxitems = Some(maxitems);
        self
    }

    /// The function whose versions are listed.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

model! {
    /// One page of versions.
    pub struct ListVersionOutput {
        /// The versions.
        pub versions: Option<Vec<Function>>,
        /// The marker of the next page.
        pub next_marker: Option<i64>,
        /// Total number of versions.
        pub count: Option<i64>,
    }
}

impl ListVersionOutput {
    /// The versions of this page; empty if the service sent none.
    pub fn versions(&self) -> &[Function] {
        self.versions.as_deref().unwrap_or_default()
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

impl Operation for ListVersion {
    type Output = ListVersionOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("versions")
            .query("marker", self.marker.as_deref())
            .query_number("maxitems", self.maxitems)
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListVersionOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(ListVersion, ListVersionOutput, Function, versions);
