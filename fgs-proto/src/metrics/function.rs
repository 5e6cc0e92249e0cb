//! GetStatistics — `GET /v2/{project_id}/fgs/functions/{func_urn}/statistics/{period}`
//! (official name ListFunctionStatistics); GetMetrics — `GET
//! /v2/{project_id}/fgs/functions/{func_urn}/slareports/{period}` (ShowFunctionMetrics);
//! GetReservedInstanceMetrics — `GET /v2/{project_id}/fgs/functions/{func_urn}/instancereports`
//! (ShowFuncReservedInstanceMetrics).

use http::{Method, Request, Response};

use super::MetricPoint;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

model! {
    /// A function's invocation series over a period (the API's
    /// `ListFunctionStatisticsResponseBody` and `ShowFunctionMetricsResponseBody`; only
    /// the latter has `instance_num`).
    pub struct FunctionMetrics {
        /// Concurrent executions (peak per bucket).
        pub concurrency_num: Option<Vec<MetricPoint>>,
        /// Invocations.
        pub count: Option<Vec<MetricPoint>>,
        /// Average duration, milliseconds.
        pub duration: Option<Vec<MetricPoint>>,
        /// Failed invocations (function and system errors).
        pub fail_count: Option<Vec<MetricPoint>>,
        /// Invocations the function's code failed.
        pub function_error_count: Option<Vec<MetricPoint>>,
        /// Instances in use (ShowFunctionMetrics only).
        pub instance_num: Option<Vec<MetricPoint>>,
        /// Longest duration, milliseconds.
        pub max_duration: Option<Vec<MetricPoint>>,
        /// Shortest duration, milliseconds.
        pub min_duration: Option<Vec<MetricPoint>>,
        /// Invocations refused (throttled).
        pub reject_count: Option<Vec<MetricPoint>>,
        /// Reserved instances.
        pub reserved_instance_num: Option<Vec<MetricPoint>>,
        /// Invocations the service failed.
        pub system_error_count: Option<Vec<MetricPoint>>,
    }
}

accessors!(FunctionMetrics {
    slice concurrency_num: MetricPoint,
    slice count: MetricPoint,
    slice duration: MetricPoint,
    slice fail_count: MetricPoint,
    slice function_error_count: MetricPoint,
    slice instance_num: MetricPoint,
    slice max_duration: MetricPoint,
    slice min_duration: MetricPoint,
    slice reject_count: MetricPoint,
    slice reserved_instance_num: MetricPoint,
    slice system_error_count: MetricPoint,
});

/// The shape both per-function series operations share: a URN and a period in
/// minutes, both in the path.
macro_rules! period_operation {
    ($op:ident, $segment:literal) => {
        impl $op {
            #[doc = concat!("The series of `func_urn` over the last `period_minutes` minutes (`", $segment, "/{period}`).")]
            pub fn new(func_urn: impl Into<String>, period_minutes: u32) -> Self {
                $op {
                    func_urn: func_urn.into(),
                    period: period_minutes.to_string(),
                }
            }

            /// The period as the path carries it (minutes, as text).
            pub fn period(&self) -> &str {
                &self.period
            }
        }

        impl Operation for $op {
            type Output = FunctionMetrics;
            const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

            fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
                RequestBuilder::new(config, Method::GET)
                    .path("functions")
                    .param("func_urn", &self.func_urn)?
                    .path($segment)
                    .param("period", &self.period)?
                    .build()
            }

            fn response<B: AsRef<[u8]>>(
                &self,
                response: Response<B>,
            ) -> Result<FunctionMetrics, Error> {
                response::json(&response)
            }
        }
    };
}

/// A function's invocation statistics over the last `period` minutes: invocations,
/// failures by kind, refusals, durations, concurrency and reserved instances, one point
/// per time bucket.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, metrics::{self, GetStatistics}};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetStatistics::new("default:hello", 15);
/// assert_eq!(
///     op.request(&config)?.uri().path(),
///     "/v2/p1/fgs/functions/default%3Ahello/statistics/15"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"count":[{"timestamp":1596679200000,"value":-1},{"timestamp":1596682800000,"value":2}],
///         "fail_count":[{"timestamp":1596682800000,"value":1}]}"#,
/// )?;
/// let stats = op.response(response)?;
/// assert_eq!(metrics::sum(stats.count()), 2.0);
/// assert_eq!(metrics::sum(stats.fail_count()), 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetStatistics {
    func_urn: String,
    period: String,
}

period_operation!(GetStatistics, "statistics");

/// A function's metrics (its "SLA report") over the last `period` minutes: the series
/// of [`GetStatistics`] and the instances in use.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, metrics::{self, GetMetrics}};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetMetrics::new("default:hello", 60);
/// assert!(op.request(&config)?.uri().path().ends_with("%3Ahello/slareports/60"));
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"instance_num":[{"timestamp":1596682800000,"value":2}]}"#)?;
/// assert_eq!(metrics::max(op.response(response)?.instance_num()), Some(2.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetMetrics {
    func_urn: String,
    period: String,
}

period_operation!(GetMetrics, "slareports");

model! {
    /// A function's instance series (the API's
    /// `ShowFuncReservedInstanceMetricsResponseBody`).
    pub struct ReservedInstanceMetrics {
        /// Instances in use.
        #[wire = "instanceNum"]
        pub instance_num: Option<Vec<MetricPoint>>,
        /// Reserved instances.
        #[wire = "reservedInstanceNum"]
        pub reserved_instance_num: Option<Vec<MetricPoint>>,
    }
}

accessors!(ReservedInstanceMetrics {
    slice instance_num: MetricPoint,
    slice reserved_instance_num: MetricPoint,
});

/// A function's instances in use and reserved instances, one point per bucket. The
/// `marker`/`limit` query selects points; the answer carries no next marker, so there
/// is nothing for a pager to follow.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, metrics::GetReservedInstanceMetrics};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetReservedInstanceMetrics::new("default:hello").limit(10);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/default%3Ahello/instancereports?limit=10"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"instanceNum":[],"reservedInstanceNum":[{"timestamp":1596682800000,"value":2}]}"#)?;
/// let figures = op.response(response)?;
/// assert_eq!(figures.reserved_instance_num()[0].value(), Some(2.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetReservedInstanceMetrics {
    func_urn: String,
    marker: Option<String>,
    limit: Option<u32>,
}

impl GetReservedInstanceMetrics {
    /// The instance series of `func_urn`.
    pub fn new(func_urn: impl Into<String>) -> Self {
        GetReservedInstanceMetrics {
            func_urn: func_urn.into(),
            marker: None,
            limit: None,
        }
    }
}

crate::paginate::page_setters!(
    GetReservedInstanceMetrics,
    limit,
    "At most this many points (the service's default 100, maximum 500)."
);

impl Operation for GetReservedInstanceMetrics {
    type Output = ReservedInstanceMetrics;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("func_urn", &self.func_urn)?
            .path("instancereports")
            .query_number("limit", self.limit)
            .query("marker", self.marker.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ReservedInstanceMetrics, Error> {
        response::json(&response)
    }
}
