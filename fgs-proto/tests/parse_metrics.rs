//! Response parsing of the metrics, statistics and quota operations: the OAS success
//! examples, odd-but-legal bodies (missing series, `-1` buckets, nulls, unknown
//! fields), wrong types naming their path, the workflow metrics' error bodies with a
//! `request_id` in the body, and every error shape.

mod common;
mod error_shapes;

use common::fixtures::{FLOW_URN, Fixture, URN};
use common::{oas_example, response};
use fgs_proto::metrics::{
    self, GetMetrics, GetProjectStatistics, GetProjectWorkflowMetrics, GetReservedInstanceMetrics,
    GetStatistics, GetWorkflowMetrics, ListFunctionsByMetric, ListQuotas, QuotaType, ReportMonths,
};
use fgs_proto::{Error, Operation};

#[test]
fn function_statistics_oas_example() {
    let stats = GetStatistics::new(URN, 15)
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionStatistics", "200"),
        ))
        .unwrap();
    assert_eq!(stats.count().len(), 3);
    assert_eq!(stats.count()[0].value(), Some(-1.0));
    assert_eq!(stats.count()[0].data(), None, "-1 is a bucket without data");
    assert_eq!(stats.count()[1].timestamp(), Some(1_596_682_800_000));
    assert_eq!(metrics::sum(stats.count()), 2.0);
    assert_eq!(metrics::sum(stats.fail_count()), 0.0);
    assert_eq!(metrics::max(stats.max_duration()), Some(740.0));
    assert_eq!(metrics::max(stats.min_duration()), Some(210.0));
    assert!(stats.instance_num().is_empty() && stats.system_error_count().is_empty());
    assert!(stats.extra.is_empty(), "{:?}", stats.extra);
}

#[test]
fn function_metrics_oas_example_has_every_series() {
    let m = GetMetrics::new(URN, 15)
        .response(response(
            200,
            &[],
            &oas_example("ShowFunctionMetrics", "200"),
        ))
        .unwrap();
    for series in [
        m.concurrency_num(),
        m.count(),
        m.duration(),
        m.fail_count(),
        m.function_error_count(),
        m.instance_num(),
        m.max_duration(),
        m.min_duration(),
        m.reject_count(),
        m.reserved_instance_num(),
        m.system_error_count(),
    ] {
        assert_eq!(series.len(), 2);
    }
    assert_eq!(metrics::sum(m.count()), 950.0);
    assert!(m.extra.is_empty(), "{:?}", m.extra);
}

#[test]
fn series_odd_bodies() {
    let op = GetStatistics::new(URN, 15);
    let empty = op.response(response(200, &[], "{}")).unwrap();
    assert!(empty.count().is_empty());
    assert_eq!(metrics::sum(empty.count()), 0.0);
    assert_eq!(metrics::max(empty.count()), None);
    let odd = op
        .response(response(
            200,
            &[],
            r#"{"count":[{"timestamp":1,"value":null},{"value":2.5,"unit":"x"}],"fail_count":null,"new_series":[]}"#,
        ))
        .unwrap();
    assert_eq!(odd.count()[0].data(), None);
    assert_eq!(odd.count()[1].timestamp(), None);
    assert_eq!(odd.count()[1].extra["unit"], "x");
    assert_eq!(metrics::sum(odd.count()), 2.5);
    assert!(odd.extra.contains_key("new_series"));
    match op.response(response(200, &[], r#"{"count":[{"timestamp":"1"}]}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "count[0].timestamp"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reserved_instance_metrics_oas_example() {
    let m = GetReservedInstanceMetrics::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ShowFuncReservedInstanceMetrics", "200"),
        ))
        .unwrap();
    assert_eq!(metrics::sum(m.instance_num()), 2.0);
    assert_eq!(metrics::sum(m.reserved_instance_num()), 950.0);
    assert!(m.extra.is_empty());
    // The snake-case names are not the API's: they land in `extra`.
    let snake = GetReservedInstanceMetrics::minimal()
        .response(response(200, &[], r#"{"instance_num":[]}"#))
        .unwrap();
    assert!(snake.instance_num().is_empty() && snake.extra.contains_key("instance_num"));
}

#[test]
fn project_statistics_example_and_both_shapes() {
    // The OAS example writes the series at the top level, where the schema has the
    // monthly `count`: the points read as months without a date, keeping `timestamp`.
    let flat = GetProjectStatistics::minimal()
        .response(response(200, &[], &oas_example("ListStatistics", "200")))
        .unwrap();
    assert_eq!(flat.count().len(), 3);
    assert_eq!(flat.count()[1].value(), Some(2.0));
    assert_eq!(flat.count()[1].date(), None);
    assert_eq!(flat.count()[1].extra["timestamp"], 1_596_682_800_000_i64);
    assert!(flat.statistics().is_none());
    assert!(flat.extra.contains_key("duration"));
    let nested = GetProjectStatistics::minimal()
        .response(response(
            200,
            &[],
            r#"{"statistics":{"count":[{"timestamp":1,"value":4}],"fail_count":[{"timestamp":1,"value":1}]}}"#,
        ))
        .unwrap();
    let series = nested.statistics().unwrap();
    assert_eq!(
        (
            metrics::sum(series.count()),
            metrics::sum(series.fail_count())
        ),
        (4.0, 1.0)
    );
    let monthly = GetProjectStatistics::monthly_report(ReportMonths::ThisMonth)
        .response(response(
            200,
            &[],
            r#"{"count":[{"date":"2026-12","value":12}],"gbs":[{"date":"2026-12","value":0.5}],"gpu_gbs":[]}"#,
        ))
        .unwrap();
    assert_eq!(monthly.count()[0].date(), Some("2026-12"));
    assert_eq!(monthly.gbs()[0].value(), Some(0.5));
    assert!(monthly.gpu_gbs().is_empty());
}

#[test]
fn functions_by_metric_oas_example() {
    let ranked = ListFunctionsByMetric::new()
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionAsMetric", "200"),
        ))
        .unwrap();
    assert_eq!((ranked.count(), ranked.next_marker()), (Some(2), Some(2)));
    let pairs: Vec<_> = ranked
        .values()
        .iter()
        .map(|v| (v.key().unwrap(), v.value().unwrap()))
        .collect();
    assert_eq!(pairs, [("funcUrn1", 1), ("funcUrn2", 2)]);
    match ListFunctionsByMetric::new().response(response(200, &[], r#"{"values":[{"value":1.5}]}"#))
    {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "values[0].value"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn quotas_oas_example_and_unknown_types() {
    let quotas = ListQuotas::new()
        .response(response(200, &[], &oas_example("ListQuotas", "200")))
        .unwrap();
    assert_eq!(quotas.resources().len(), 6);
    let code = quotas.get(&QuotaType::FuncCodeSize).unwrap();
    assert_eq!(
        (code.quota(), code.used(), code.unit()),
        (Some(10240), Some(22), Some("MB"))
    );
    assert_eq!(
        quotas.get(&QuotaType::WorkflowNum).and_then(|q| q.quota()),
        Some(512)
    );
    assert!(quotas.get(&QuotaType::FuncQosLimit).is_none());
    let odd = ListQuotas::new()
        .response(response(
            200,
            &[],
            r#"{"quotas":{"resources":[{"type":"fgs_new_thing","quota":1}]}}"#,
        ))
        .unwrap();
    assert_eq!(
        odd.resources()[0].kind(),
        Some(&QuotaType::Other("fgs_new_thing".into()))
    );
    assert!(
        ListQuotas::new()
            .response(response(200, &[], "{}"))
            .unwrap()
            .resources()
            .is_empty()
    );
    assert!(
        ListQuotas::new()
            .response(response(200, &[], r#"{"quotas":{"resources":null}}"#))
            .unwrap()
            .resources()
            .is_empty()
    );
}

#[test]
fn workflow_metrics_bodies_and_error_request_ids() {
    // The OAS has no success example: a body of the schema's shape.
    let body = r#"{"count":[{"timestamp":1649767560000,"value":3}],"duration":[{"timestamp":1649767560000,"value":12.5}],"fail_count":[{"timestamp":1649767560000,"value":1}],"running_count":[{"timestamp":1649767560000,"value":0}]}"#;
    for m in [
        GetProjectWorkflowMetrics::new()
            .response(response(200, &[], body))
            .unwrap(),
        GetWorkflowMetrics::new(FLOW_URN)
            .response(response(200, &[], body))
            .unwrap(),
    ] {
        assert_eq!(metrics::sum(m.count()), 3.0);
        assert_eq!(metrics::max(m.duration()), Some(12.5));
        assert_eq!(metrics::sum(m.fail_count()), 1.0);
        assert_eq!(m.running_count()[0].data(), Some(0.0));
    }
    // ErrorRsp400 / ErrorRsp500 carry the request id in the body.
    let err = GetWorkflowMetrics::new(FLOW_URN)
        .response(response(
            400,
            &[],
            r#"{"error_code":"FGS.3002","error_msg":"Invalid parameters.","request_id":"Req1"}"#,
        ))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.message(), err.request_id()),
        (Some("FGS.3002"), Some("Invalid parameters."), Some("Req1"))
    );
}

#[test]
fn error_shapes_of_every_metrics_operation() {
    error_shapes::assert_error_shapes(&GetStatistics::minimal());
    error_shapes::assert_error_shapes(&GetMetrics::minimal());
    error_shapes::assert_error_shapes(&ListFunctionsByMetric::minimal());
    error_shapes::assert_error_shapes(&GetProjectStatistics::minimal());
    error_shapes::assert_error_shapes(&GetReservedInstanceMetrics::minimal());
    error_shapes::assert_error_shapes(&ListQuotas::minimal());
    error_shapes::assert_error_shapes(&GetProjectWorkflowMetrics::minimal());
    error_shapes::assert_error_shapes(&GetWorkflowMetrics::minimal());
}
