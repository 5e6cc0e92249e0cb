//! Request snapshots of the metrics, statistics and quota operations beyond the minimal
//! ones (which `registry.rs` snapshots from the fixtures): every field set, signed with
//! AK/SK at a fixed time. Times are epoch seconds for ListFunctionAsMetric and epoch
//! milliseconds for the workflow metrics, as the API takes them.

mod common;

use common::fixtures::{FLOW_URN, URN};
use common::{aksk_config, render};
use fgs_proto::metrics::{
    GetProjectStatistics, GetProjectWorkflowMetrics, GetReservedInstanceMetrics,
    GetWorkflowMetrics, ListFunctionsByMetric, MetricKind, ReportMonths, StatisticsFilter,
    WorkflowMetricType,
};

#[test]
fn list_functions_by_metric_all_fields() {
    let op = ListFunctionsByMetric::new()
        .kind(MetricKind::FailCount)
        .start_time(1_658_073_600)
        .end_time(1_658_160_000)
        .limit(10);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn get_project_statistics_all_fields() {
    let op = GetProjectStatistics::new(StatisticsFilter::MonthlyReport)
        .period(5)
        .option(ReportMonths::LastThree)
        .limit(100)
        .marker("0");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn get_reserved_instance_metrics_all_fields() {
    let op = GetReservedInstanceMetrics::new(URN).marker("10").limit(20);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn get_project_workflow_metrics_all_fields() {
    let op = GetProjectWorkflowMetrics::new()
        .period(5)
        .start_time(1_649_767_560_000)
        .end_time(1_649_767_860_000)
        .metric_type(WorkflowMetricType::ErrorCount);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn get_workflow_metrics_all_fields() {
    let op = GetWorkflowMetrics::new(FLOW_URN)
        .period(5)
        .start_time(1_649_767_560_000)
        .end_time(1_649_767_860_000);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
