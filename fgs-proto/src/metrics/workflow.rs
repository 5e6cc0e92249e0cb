//! GetProjectWorkflowMetrics — `GET /v2/{project_id}/fgs/workflow-statistic` (official
//! name ShowTenantMetric); GetWorkflowMetrics — `GET
//! /v2/{project_id}/fgs/workflow-statistic/{workflow_urn}` (ShowWorkFlowMetric).

use http::{Method, Request, Response};

use super::MetricPoint;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

model! {
    /// Workflow execution series (the API's `WorkflowStatisticsResp`).
    pub struct WorkflowMetrics {
        /// Executions.
        pub count: Option<Vec<MetricPoint>>,
        /// Average duration, milliseconds.
        pub duration: Option<Vec<MetricPoint>>,
        /// Failed executions.
        pub fail_count: Option<Vec<MetricPoint>>,
        /// Executions running.
        pub running_count: Option<Vec<MetricPoint>>,
    }
}

accessors!(WorkflowMetrics {
    slice count: MetricPoint,
    slice duration: MetricPoint,
    slice fail_count: MetricPoint,
    slice running_count: MetricPoint,
});

open_enum! {
    /// The one series [`GetProjectWorkflowMetrics`] keeps (`metric_type`); without one
    /// (or with a value the service does not know) it answers all.
    pub enum WorkflowMetricType {
        /// Executions (`count`).
        TotalCount = "totalCount",
        /// Failed executions (`fail_count`).
        ErrorCount = "errorCount",
        /// Average duration (`duration`).
        AverageDuration = "averageDuration",
        /// Executions running (`running_count`).
        Running = "running",
        /// Refused executions.
        RejectCount = "rejectCount",
    }
}

/// The time window both workflow metric operations take: a period in minutes, or a
/// start and end in epoch **milliseconds**.
macro_rules! window_setters {
    ($op:ident) => {
        impl $op {
            /// The last `minutes` minutes.
            pub fn period(mut self, minutes: u32) -> Self {
                self.period = Some(minutes.to_string());
                self
            }

            /// From this time, epoch milliseconds.
            pub fn start_time(mut self, epoch_millis: i64) -> Self {
                self.start_time = Some(epoch_millis.to_string());
                self
            }

            /// Until this time, epoch milliseconds.
            pub fn end_time(mut self, epoch_millis: i64) -> Self {
                self.end_time = Some(epoch_millis.to_string());
                self
            }
        }
    };
}

/// The execution series of all the project's workflows; a [`WorkflowMetricType`]
/// narrows the answer to one series.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::metrics::{self, GetProjectWorkflowMetrics, WorkflowMetricType};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetProjectWorkflowMetrics::new()
///     .period(5)
///     .metric_type(WorkflowMetricType::TotalCount);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/workflow-statistic?metric_type=totalCount&period=5"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"count":[{"timestamp":1649767560000,"value":4}]}"#)?;
/// assert_eq!(metrics::sum(op.response(response)?.count()), 4.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GetProjectWorkflowMetrics {
    period: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
    metric_type: Option<WorkflowMetricType>,
}

impl GetProjectWorkflowMetrics {
    /// Every series, over the service's default window.
    pub fn new() -> Self {
        GetProjectWorkflowMetrics::default()
    }

    /// Only this series.
    pub fn metric_type(mut self, metric_type: WorkflowMetricType) -> Self {
        self.metric_type = Some(metric_type);
        self
    }
}

window_setters!(GetProjectWorkflowMetrics);

impl Operation for GetProjectWorkflowMetrics {
    type Output = WorkflowMetrics;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("workflow-statistic")
            .query("end_time", self.end_time.as_deref())
            .query(
                "metric_type",
                self.metric_type.as_ref().map(WorkflowMetricType::as_str),
            )
            .query("period", self.period.as_deref())
            .query("start_time", self.start_time.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<WorkflowMetrics, Error> {
        response::json(&response)
    }
}

/// The execution series of one workflow
/// (`urn:fss:{region}:{project}:workflow:default:{name}:latest`).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, metrics::GetWorkflowMetrics};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetWorkflowMetrics::new("urn:fss:r:p1:workflow:default:flow:latest").period(5);
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/workflow-statistic/urn%3Afss%3Ar%3Ap1%3Aworkflow%3Adefault%3Aflow%3Alatest"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"fail_count":[{"timestamp":1649767560000,"value":1}],"running_count":[]}"#)?;
/// assert_eq!(op.response(response)?.fail_count()[0].value(), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetWorkflowMetrics {
    workflow_urn: String,
    period: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
}

impl GetWorkflowMetrics {
    /// The series of the workflow `workflow_urn`.
    pub fn new(workflow_urn: impl Into<String>) -> Self {
        GetWorkflowMetrics {
            workflow_urn: workflow_urn.into(),
            period: None,
            start_time: None,
            end_time: None,
        }
    }
}

window_setters!(GetWorkflowMetrics);

impl Operation for GetWorkflowMetrics {
    type Output = WorkflowMetrics;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("workflow-statistic")
            .param("workflow_urn", &self.workflow_urn)?
            .query("end_time", self.end_time.as_deref())
            .query("period", self.period.as_deref())
            .query("start_time", self.start_time.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<WorkflowMetrics, Error> {
        response::json(&response)
    }
}
