//! ListReservedInstances — `GET /v2/{project_id}/fgs/functions/reservedinstances`
//! (official name ListFunctionReservedInstances).

use http::{Method, Request, Response};

use super::ListPageInfo;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists the reserved-instance counts of the project's functions (each version or
/// alias that has some), one page per call; walk all pages with
/// [`Pager`](crate::paginate::Pager) (or an adapter's `pages`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, scaling::ListReservedInstances};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListReservedInstances::new().urn("default:hello:latest").limit(10);
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/reservedinstances?limit=10&urn=default%3Ahello%3Alatest"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"reservedinstances":[{"func_urn":"urn:fss:r:p1:function:default:hello:latest","count":2}],
///         "page_info":{"next_marker":1,"previous_marker":0,"current_count":1},"count":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.reservedinstances()[0].count, Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListReservedInstances {
    marker: Option<String>,
    limit: Option<u32>,
    urn: Option<String>,
}

impl ListReservedInstances {
    /// The first page, every function.
    pub fn new() -> Self {
        ListReservedInstances::default()
    }

    /// Starts at this record (the `page_info.next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size (the service's default and maximum: 400).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Only this function version or alias (a URN with its qualifier).
    pub fn urn(mut self, urn: impl Into<String>) -> Self {
        self.urn = Some(urn.into());
        self
    }
}

model! {
    /// The reserved instances of one function version or alias.
    pub struct FuncReservedInstance {
        /// The URN, with its qualifier.
        pub func_urn: Option<String>,
        /// Instances kept ready.
        pub count: Option<i64>,
    }
}

accessors!(FuncReservedInstance { str func_urn, copy count: i64 });

model! {
    /// One page of reserved-instance counts.
    pub struct ListReservedInstancesOutput {
        /// The counts.
        pub reservedinstances: Option<Vec<FuncReservedInstance>>,
        /// Where this page is.
        pub page_info: Option<ListPageInfo>,
        /// How many there are in all.
        pub count: Option<i64>,
    }
}

accessors!(ListReservedInstancesOutput {
    slice reservedinstances: FuncReservedInstance,
    ref page_info: ListPageInfo,
    copy count: i64,
});

impl Operation for ListReservedInstances {
    type Output = ListReservedInstancesOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .path("reservedinstances")
            .query_number("limit", self.limit)
            .query("marker", self.marker.as_deref())
            .query("urn", self.urn.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ListReservedInstancesOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(
    ListReservedInstances,
    ListReservedInstancesOutput,
    FuncReservedInstance,
    reservedinstances,
    nested
);
