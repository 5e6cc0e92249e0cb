//! Metrics, statistics and quotas: a function's invocation figures over a period, the
//! project's totals and monthly usage, functions ranked by a metric, reserved-instance
//! figures, workflow figures, and the account's quotas with their usage.
//!
//! The official API has no Go SDK counterpart for these; the types are named in the
//! style of [`functions`](crate::functions): `metrics::GetStatistics`
//! (ListFunctionStatistics), `metrics::GetMetrics` (ShowFunctionMetrics),
//! `metrics::ListFunctionsByMetric` (ListFunctionAsMetric),
//! `metrics::GetProjectStatistics` (ListStatistics),
//! `metrics::GetReservedInstanceMetrics` (ShowFuncReservedInstanceMetrics),
//! `metrics::ListQuotas` (ListQuotas), `metrics::GetProjectWorkflowMetrics`
//! (ShowTenantMetric) and `metrics::GetWorkflowMetrics` (ShowWorkFlowMetric).
//!
//! A series is a list of [`MetricPoint`]s, one per time bucket (`timestamp` in epoch
//! milliseconds); the service writes `-1` for a bucket without data, which
//! [`sum`] skips.

mod function;
mod project;
mod quotas;
mod workflow;

pub use function::ReservedInstanceMetrics;
pub use function::{FunctionMetrics, GetMetrics, GetReservedInstanceMetrics, GetStatistics};
pub use project::{
    FunctionMetric, GetProjectStatistics, ListFunctionsByMetric, ListFunctionsByMetricOutput,
    MetricKind, MonthUsed, ProjectStatistics, ReportMonths, StatisticsFilter,
};
pub use quotas::{ListQuotas, ListQuotasOutput, Quota, QuotaList, QuotaType};
pub use workflow::{
    GetProjectWorkflowMetrics, GetWorkflowMetrics, WorkflowMetricType, WorkflowMetrics,
};

use crate::model::macros::{accessors, model};

model! {
    /// One point of a series (the API's `SlaReportsValue`): a bucket's start and its
    /// value, `-1` when the bucket has no data.
    pub struct MetricPoint {
        /// The bucket's start, epoch milliseconds.
        pub timestamp: Option<i64>,
        /// The value (a count, milliseconds, or instances, by series).
        pub value: Option<f64>,
    }
}

accessors!(MetricPoint { copy timestamp: i64, copy value: f64 });

impl MetricPoint {
    /// The value, unless the bucket has no data (absent or negative).
    pub fn data(&self) -> Option<f64> {
        self.value.filter(|v| *v >= 0.0)
    }
}

/// The sum of a series' values, skipping buckets without data (`-1`): the total of a
/// count series over its period.
///
/// ```
/// use fgs_proto::metrics::{MetricPoint, sum};
///
/// let points: Vec<MetricPoint> =
///     serde_json::from_str(r#"[{"timestamp":1,"value":-1},{"timestamp":2,"value":3},{"timestamp":3,"value":4}]"#)?;
/// assert_eq!(sum(&points), 7.0);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn sum(points: &[MetricPoint]) -> f64 {
    points.iter().filter_map(MetricPoint::data).sum()
}

/// The largest value of a series, skipping buckets without data; `None` if none has.
pub fn max(points: &[MetricPoint]) -> Option<f64> {
    points
        .iter()
        .filter_map(MetricPoint::data)
        .fold(None, |best, v| Some(best.map_or(v, |b: f64| b.max(v))))
}
