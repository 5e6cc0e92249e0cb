//! GetProjectStatistics — `GET /v2/{project_id}/fgs/functions/statistics` (official name
//! ListStatistics); ListFunctionsByMetric — `GET /v2/{project_id}/fgs/function/report`
//! (ListFunctionAsMetric).

use http::{Method, Request, Response};

use super::FunctionMetrics;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

open_enum! {
    /// What [`GetProjectStatistics`] reports (`filter`).
    pub enum StatisticsFilter {
        /// The project's invocation series over a period (`statistics`).
        MonitorData = "monitor_data",
        /// Monthly usage (`count`, `gbs`, `gpu_gbs`).
        MonthlyReport = "monthly_report",
    }
}

open_enum! {
    /// Which months a [`StatisticsFilter::MonthlyReport`] covers (`option`; the service
    /// takes any other value as `0`).
    pub enum ReportMonths {
        /// This month.
        ThisMonth = "0",
        /// Last month.
        LastMonth = "1",
        /// The last three months.
        LastThree = "2",
        /// The last six months.
        LastSix = "3",
    }
}

model! {
    /// One month's usage (the API's `MonthUsed`).
    pub struct MonthUsed {
        /// The month.
        pub date: Option<String>,
        /// The usage: invocations, or GB-seconds.
        pub value: Option<f64>,
    }
}

accessors!(MonthUsed { str date, copy value: f64 });

model! {
    /// The project's statistics (the API's `ListStatisticsResponseBody`): monthly usage
    /// for `monthly_report`, the invocation series of all its functions for
    /// `monitor_data`.
    pub struct ProjectStatistics {
        /// Invocations per month.
        pub count: Option<Vec<MonthUsed>>,
        /// GB-seconds per month.
        pub gbs: Option<Vec<MonthUsed>>,
        /// GPU GB-seconds per month.
        pub gpu_gbs: Option<Vec<MonthUsed>>,
        /// The invocation series (`monitor_data`).
        pub statistics: Option<FunctionMetrics>,
    }
}

accessors!(ProjectStatistics {
    slice count: MonthUsed,
    slice gbs: MonthUsed,
    slice gpu_gbs: MonthUsed,
    ref statistics: FunctionMetrics,
});

/// The project's statistics: with [`StatisticsFilter::MonitorData`] the invocation
/// series of all its functions over `period` minutes (in `statistics`), with
/// [`StatisticsFilter::MonthlyReport`] its monthly usage over [`ReportMonths`].
///
/// The OAS example of this operation writes the series at the top level, where the
/// schema has the monthly fields; the model follows the schema, and a series point read
/// as a [`MonthUsed`] keeps its `timestamp` in `extra`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, metrics::{self, GetProjectStatistics}};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetProjectStatistics::monitor_data(60);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/statistics?filter=monitor_data&period=60"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"statistics":{"count":[{"timestamp":1596682800000,"value":5}]}}"#,
/// )?;
/// let all = op.response(response)?;
/// assert_eq!(all.statistics().map(|s| metrics::sum(s.count())), Some(5.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetProjectStatistics {
    filter: StatisticsFilter,
    period: Option<String>,
    option: Option<ReportMonths>,
    limit: Option<u32>,
    marker: Option<String>,
}

impl GetProjectStatistics {
    /// The statistics `filter` selects.
    pub fn new(filter: StatisticsFilter) -> Self {
        GetProjectStatistics {
            filter,
            period: None,
            option: None,
            limit: None,
            marker: None,
        }
    }

    /// The invocation series of the last `period_minutes` minutes.
    pub fn monitor_data(period_minutes: u32) -> Self {
        GetProjectStatistics::new(StatisticsFilter::MonitorData).period(period_minutes)
    }

    /// The monthly usage over `months`.
    pub fn monthly_report(months: ReportMonths) -> Self {
        GetProjectStatistics::new(StatisticsFilter::MonthlyReport).option(months)
    }

    /// The period in minutes (`monitor_data`).
    pub fn period(mut self, period_minutes: u32) -> Self {
        self.period = Some(period_minutes.to_string());
        self
    }

    /// Which months (`monthly_report`).
    pub fn option(mut self, months: ReportMonths) -> Self {
        self.option = Some(months);
        self
    }
}

crate::paginate::page_setters!(
    GetProjectStatistics,
    limit,
    "At most this many records (the service's default 100, maximum 500)."
);

impl Operation for GetProjectStatistics {
    type Output = ProjectStatistics;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .path("statistics")
            .query("filter", Some(self.filter.as_str()))
            .query_number("limit", self.limit)
            .query("marker", self.marker.as_deref())
            .query("option", self.option.as_ref().map(ReportMonths::as_str))
            .query("period", self.period.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ProjectStatistics, Error> {
        response::json(&response)
    }
}

open_enum! {
    /// The metric [`ListFunctionsByMetric`] ranks by (`type`).
    pub enum MetricKind {
        /// Failed invocations (the service's default).
        FailCount = "failcount",
    }
}

model! {
    /// A function and its metric value (the API's `FunctionMetric`).
    pub struct FunctionMetric {
        /// The function's URN.
        pub key: Option<String>,
        /// The metric's value.
        pub value: Option<i64>,
    }
}

accessors!(FunctionMetric { str key, copy value: i64 });

model! {
    /// Functions with their metric values (the API's
    /// `ListFunctionAsMetricResponseBody`).
    pub struct ListFunctionsByMetricOutput {
        /// How many functions there are in all.
        pub count: Option<i64>,
        /// Where a next read would start.
        pub next_marker: Option<i64>,
        /// The functions, largest value first.
        pub values: Option<Vec<FunctionMetric>>,
    }
}

accessors!(ListFunctionsByMetricOutput {
    copy count: i64,
    copy next_marker: i64,
    slice values: FunctionMetric,
});

/// The project's functions ranked by a metric (failed invocations by default) between
/// two times in epoch **seconds**. The query has no marker, so the answer's
/// `next_marker` cannot be followed: raise `limit` instead.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::metrics::{ListFunctionsByMetric, MetricKind};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListFunctionsByMetric::new()
///     .kind(MetricKind::FailCount)
///     .start_time(1658073600)
///     .end_time(1658160000)
///     .limit(10);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/function/report?end_time=1658160000&limit=10&start_time=1658073600&type=failcount"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"count":1,"next_marker":1,"values":[{"key":"urn:fss:r:p1:function:default:a","value":3}]}"#,
/// )?;
/// assert_eq!(op.response(response)?.values()[0].value(), Some(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFunctionsByMetric {
    kind: Option<MetricKind>,
    start_time: Option<String>,
    end_time: Option<String>,
    limit: Option<String>,
}

impl ListFunctionsByMetric {
    /// Every function, by the service's default metric and window.
    pub fn new() -> Self {
        ListFunctionsByMetric::default()
    }

    /// The metric (`type`).
    pub fn kind(mut self, kind: MetricKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// From this time, epoch seconds.
    pub fn start_time(mut self, epoch_seconds: i64) -> Self {
        self.start_time = Some(epoch_seconds.to_string());
        self
    }

    /// Until this time, epoch seconds.
    pub fn end_time(mut self, epoch_seconds: i64) -> Self {
        self.end_time = Some(epoch_seconds.to_string());
        self
    }

    /// At most this many functions.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit.to_string());
        self
    }
}

impl Operation for ListFunctionsByMetric {
    type Output = ListFunctionsByMetricOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("function")
            .path("report")
            .query("end_time", self.end_time.as_deref())
            .query("limit", self.limit.as_deref())
            .query("start_time", self.start_time.as_deref())
            .query("type", self.kind.as_ref().map(MetricKind::as_str))
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ListFunctionsByMetricOutput, Error> {
        response::json(&response)
    }
}
