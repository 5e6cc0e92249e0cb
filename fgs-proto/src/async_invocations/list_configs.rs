//! ListConfigs — `GET /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-configs`
//! (official name ListFunctionAsyncInvokeConfig).

use http::{Method, Request, Response};

use super::{AsyncInvokeConfig, function_path};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;
use crate::scaling::ListPageInfo;

/// Lists the asynchronous invocation configurations of every version and alias of a
/// function, one page per call (`marker`/`limit`, `page_info.next_marker`); walk all
/// pages with [`Pager`](crate::paginate::Pager) (or an adapter's `pages`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, async_invocations::ListConfigs};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListConfigs::new("default:hello").limit(10);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/default%3Ahello/async-invoke-configs?limit=10"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"async_invoke_configs":[{"func_urn":"urn:fss:r:p1:function:default:hello:latest",
///         "max_async_retry_attempts":1,"max_async_event_age_in_seconds":60,"destination_config":{}}],
///         "count":1,"page_info":{"next_marker":1,"previous_marker":0,"current_count":1}}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!(page.async_invoke_configs()[0].max_async_event_age_in_seconds(), Some(60));
/// assert_eq!(page.count(), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListConfigs {
    function_urn: String,
    marker: Option<String>,
    limit: Option<u32>,
}

impl ListConfigs {
    /// The first page of the configurations of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        ListConfigs {
            function_urn: function_urn.into(),
            marker: None,
            limit: None,
        }
    }

    /// Starts at this record (the `page_info.next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size (the service's default 10, at most 100).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

model! {
    /// One page of asynchronous invocation configurations.
    pub struct ListConfigsOutput {
        /// The configurations.
        pub async_invoke_configs: Option<Vec<AsyncInvokeConfig>>,
        /// How many there are in all.
        pub count: Option<i64>,
        /// Where this page is.
        pub page_info: Option<ListPageInfo>,
    }
}

accessors!(ListConfigsOutput {
    slice async_invoke_configs: AsyncInvokeConfig,
    copy count: i64,
    ref page_info: ListPageInfo,
});

impl Operation for ListConfigs {
    type Output = ListConfigsOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_path(
            config,
            Method::GET,
            &self.function_urn,
            "async-invoke-configs",
        )?
        .query_number("limit", self.limit)
        .query("marker", self.marker.as_deref())
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListConfigsOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(
    ListConfigs,
    ListConfigsOutput,
    AsyncInvokeConfig,
    async_invoke_configs,
    nested
);
