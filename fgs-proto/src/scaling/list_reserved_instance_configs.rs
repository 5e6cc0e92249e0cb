//! ListReservedInstanceConfigs — `GET /v2/{project_id}/fgs/functions/reservedinstanceconfigs`
//! (official name ListReservedInstanceConfigs).

use http::{Method, Request, Response};

use super::{ListPageInfo, TacticsConfig};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists the reserved-instance settings (count, idle mode, schedules) of the project's
/// function versions and aliases, one page per call; walk all pages with
/// [`Pager`](crate::paginate::Pager) (or an adapter's `pages`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, scaling::ListReservedInstanceConfigs};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListReservedInstanceConfigs::new().function_urn("default:hello:latest");
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/reservedinstanceconfigs?function_urn=default%3Ahello%3Alatest"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"reserved_instances":[{"qualifier_type":"version","qualifier_name":"latest","min_count":2,"idle_mode":false}],"count":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.reserved_instances()[0].min_count, Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListReservedInstanceConfigs {
    function_urn: Option<String>,
    marker: Option<String>,
    limit: Option<u32>,
}

impl ListReservedInstanceConfigs {
    /// The first page, every function.
    pub fn new() -> Self {
        ListReservedInstanceConfigs::default()
    }

    /// Only this function (a plain URN: the API's example prefixes it with
    /// `functions/`, which would be sent as part of the value).
    pub fn function_urn(mut self, urn: impl Into<String>) -> Self {
        self.function_urn = Some(urn.into());
        self
    }

    /// Starts at this record (the `page_info.next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size (the service's default is 100, its maximum 500).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

model! {
    /// The reserved-instance settings of one function version or alias.
    pub struct ReservedInstanceConfig {
        /// The function URN.
        pub function_urn: Option<String>,
        /// `version` or `alias`.
        pub qualifier_type: Option<String>,
        /// The version or alias name.
        pub qualifier_name: Option<String>,
        /// Instances kept ready.
        pub min_count: Option<i64>,
        /// Whether idle mode is on.
        pub idle_mode: Option<bool>,
        /// Scheduled and load-driven counts.
        pub tactics_config: Option<TacticsConfig>,
    }
}

accessors!(ReservedInstanceConfig {
    str function_urn,
    str qualifier_type,
    str qualifier_name,
    copy min_count: i64,
    copy idle_mode: bool,
    ref tactics_config: TacticsConfig,
});

model! {
    /// One page of reserved-instance settings.
    pub struct ListReservedInstanceConfigsOutput {
        /// The settings.
        pub reserved_instances: Option<Vec<ReservedInstanceConfig>>,
        /// Where this page is.
        pub page_info: Option<ListPageInfo>,
        /// How many there are in all.
        pub count: Option<i64>,
    }
}

accessors!(ListReservedInstanceConfigsOutput {
    slice reserved_instances: ReservedInstanceConfig,
    ref page_info: ListPageInfo,
    copy count: i64,
});

impl Operation for ListReservedInstanceConfigs {
    type Output = ListReservedInstanceConfigsOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .path("reservedinstanceconfigs")
            .query("function_urn", self.function_urn.as_deref())
            .query_number("limit", self.limit)
            .query("marker", self.marker.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ListReservedInstanceConfigsOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(
    ListReservedInstanceConfigs,
    ListReservedInstanceConfigsOutput,
    ReservedInstanceConfig,
    reserved_instances,
    nested
);
