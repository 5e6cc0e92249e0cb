//! Metrics, statistics and quotas through each adapter against the emulator, whose
//! figures come from its own invocation records: a function invoked N times, some
//! failing, reads the same N and failures back from ListFunctionStatistics,
//! ShowFunctionMetrics, ListStatistics (both filters) and ListFunctionAsMetric; a
//! function with maximum instances 0 is refused and counted as refused; the instance
//! report pages its points; quotas show the function count change; the workflow
//! metrics answer empty series until workflow executions are reported.

use fgs_client::RequestOptions;
use fgs_emulator::{FunctionError, InvocationContext};
use fgs_proto::functions::Invoke;
use fgs_proto::metrics::{
    self, GetMetrics, GetProjectStatistics, GetProjectWorkflowMetrics, GetReservedInstanceMetrics,
    GetStatistics, GetWorkflowMetrics, ListFunctionsByMetric, ListQuotas, QuotaType, ReportMonths,
    WorkflowMetricType,
};
use fgs_proto::scaling::UpdateMaxInstanceConfig;
use fgs_proto::{Error, RetryPolicy};
use fgs_tests::{Connect, echo_function, start};
use serde_json::json;

fgs_tests::through_both_adapters!(invocations_are_counted, quotas_and_workflows);

/// Fails when the event says `{"fail": true}`, else answers the event.
fn flaky(event: &[u8], _: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
    let event: serde_json::Value = serde_json::from_slice(event).unwrap_or_default();
    if event["fail"] == true {
        Err(FunctionError::new("ValueError", "asked to fail"))
    } else {
        Ok(b"\"ok\"".to_vec())
    }
}

const INVOCATIONS: usize = 7;
const FAILING: usize = 3;

fn invocations_are_counted<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    let urn = sdk
        .send(&echo_function("stats-fn"))
        .expect("Create")
        .func_urn
        .unwrap();
    let quiet = sdk
        .send(&echo_function("stats-quiet"))
        .expect("Create quiet")
        .func_urn
        .unwrap();
    emu.register_handler("stats-fn", flaky);
    for n in 0..INVOCATIONS {
        let invoke = Invoke::new(&urn)
            .event(&json!({"fail": n < FAILING}))
            .unwrap();
        let answer = sdk.send(&invoke).expect("Invoke");
        assert_eq!(
            answer.function_error().is_some(),
            n < FAILING,
            "{who}: #{n}"
        );
    }

    let stats = sdk.send(&GetStatistics::new(&urn, 15)).expect("statistics");
    assert_eq!(metrics::sum(stats.count()), INVOCATIONS as f64, "{who}");
    assert_eq!(metrics::sum(stats.fail_count()), FAILING as f64, "{who}");
    assert_eq!(
        metrics::sum(stats.function_error_count()),
        FAILING as f64,
        "{who}"
    );
    assert_eq!(metrics::sum(stats.system_error_count()), 0.0, "{who}");
    assert_eq!(metrics::sum(stats.reject_count()), 0.0, "{who}");
    assert!(stats.count().len() >= 15, "{who}: a point per minute");
    assert!(
        stats.count().iter().any(|p| p.value() == Some(-1.0)),
        "{who}: minutes without invocations are -1"
    );
    let (max, min) = (
        metrics::max(stats.max_duration()).unwrap(),
        stats
            .min_duration()
            .iter()
            .filter_map(|p| p.data())
            .fold(f64::MAX, f64::min),
    );
    assert!(max >= min && min >= 0.0, "{who}: {min}..{max}");
    assert!(
        metrics::max(stats.concurrency_num()).unwrap() >= 1.0,
        "{who}"
    );
    assert!(
        stats.instance_num().is_empty(),
        "{who}: statistics have no instance_num"
    );

    let sla = sdk.send(&GetMetrics::new(&urn, 60)).expect("slareports");
    assert_eq!(metrics::sum(sla.count()), INVOCATIONS as f64, "{who}");
    assert_eq!(metrics::sum(sla.fail_count()), FAILING as f64, "{who}");
    assert!(metrics::max(sla.instance_num()).unwrap() >= 1.0, "{who}");
    let idle = sdk.send(&GetStatistics::new(&quiet, 15)).expect("quiet");
    assert_eq!(metrics::sum(idle.count()), 0.0, "{who}: per function");

    let project = sdk
        .send(&GetProjectStatistics::monitor_data(15))
        .expect("monitor_data");
    let all = project.statistics().expect("statistics");
    assert_eq!(metrics::sum(all.count()), INVOCATIONS as f64, "{who}");
    assert_eq!(metrics::sum(all.fail_count()), FAILING as f64, "{who}");
    let monthly = sdk
        .send(&GetProjectStatistics::monthly_report(
            ReportMonths::ThisMonth,
        ))
        .expect("monthly_report");
    assert_eq!(monthly.count().len(), 1, "{who}: this month");
    assert_eq!(
        monthly.count()[0].value(),
        Some(INVOCATIONS as f64),
        "{who}"
    );
    assert!(monthly.gbs()[0].value().unwrap() >= 0.0, "{who}");

    let ranked = sdk.send(&ListFunctionsByMetric::new()).expect("report");
    assert_eq!(ranked.count(), Some(1), "{who}: only stats-fn was invoked");
    assert_eq!(
        ranked.values()[0].key(),
        Some(urn.trim_end_matches(":latest")),
        "{who}"
    );
    assert_eq!(ranked.values()[0].value(), Some(FAILING as i64), "{who}");

    // Maximum instances 0: the invocation is refused (429), counted as refused.
    sdk.send(&UpdateMaxInstanceConfig::new(&urn, 0))
        .expect("max instances 0");
    let once = RequestOptions::new().retry_policy(RetryPolicy::default().max_attempts(1));
    let err = sdk
        .send_with(&Invoke::new(&urn).event(&json!({})).unwrap(), once)
        .unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(429), Some("FSS.0429")),
        "{who}: {err}"
    );
    let after = sdk
        .send(&GetStatistics::new(&urn, 15))
        .expect("statistics after");
    assert_eq!(metrics::sum(after.reject_count()), 1.0, "{who}");
    assert_eq!(
        metrics::sum(after.count()),
        INVOCATIONS as f64,
        "{who}: refusals did not run"
    );

    let report = sdk
        .send(&GetReservedInstanceMetrics::new(&urn).limit(5))
        .expect("instancereports");
    assert_eq!(
        report.instance_num().len(),
        5,
        "{who}: limit selects points"
    );
    assert_eq!(report.reserved_instance_num().len(), 5, "{who}");
    let full = sdk
        .send(&GetReservedInstanceMetrics::new(&urn))
        .expect("instancereports");
    assert!(metrics::max(full.instance_num()).unwrap() >= 1.0, "{who}");

    let err = sdk
        .send(&GetStatistics::new("default:no-such", 15))
        .unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
    let err = sdk.send(&GetStatistics::new(&urn, 0)).unwrap_err();
    assert_eq!(err.code(), Some("FSS.0400"), "{who}: a period of 0 minutes");
}

fn quotas_and_workflows<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    let used = |sdk: &S| {
        let quotas = sdk.send(&ListQuotas::new()).expect("ListQuotas");
        let functions = quotas
            .get(&QuotaType::FuncNum)
            .expect("fgs_func_num")
            .clone();
        assert_eq!(functions.quota(), Some(400), "{who}");
        let code = quotas.get(&QuotaType::FuncCodeSize).expect("code size");
        assert_eq!(
            (code.quota(), code.unit()),
            (Some(10240), Some("MB")),
            "{who}"
        );
        (functions.used().unwrap(), code.used().unwrap())
    };
    assert_eq!(used(&sdk), (0, 0), "{who}");
    sdk.send(&echo_function("quota-a")).expect("Create a");
    sdk.send(&echo_function("quota-b")).expect("Create b");
    assert_eq!(
        used(&sdk),
        (2, 1),
        "{who}: two functions, code rounded up to 1 MB"
    );

    let tenant = sdk
        .send(&GetProjectWorkflowMetrics::new().period(5))
        .expect("ShowTenantMetric");
    assert_eq!(tenant.count().len(), 6, "{who}: a point per minute");
    assert!(
        tenant.count().iter().all(|p| p.value() == Some(-1.0)),
        "{who}"
    );
    assert_eq!(metrics::sum(tenant.running_count()), 0.0, "{who}");
    let only = sdk
        .send(&GetProjectWorkflowMetrics::new().metric_type(WorkflowMetricType::ErrorCount))
        .expect("errorCount");
    assert!(
        only.count().is_empty() && !only.fail_count().is_empty(),
        "{who}"
    );
    let flow = format!(
        "urn:fss:cn-north-4:{}:workflow:default:flow:latest",
        emu.config().project_id()
    );
    let one = sdk
        .send(
            &GetWorkflowMetrics::new(&flow)
                .start_time(0)
                .end_time(120_000),
        )
        .expect("ShowWorkFlowMetric");
    assert_eq!(one.count().len(), 3, "{who}: minutes 0, 1 and 2");
    let err = sdk.send(&GetWorkflowMetrics::new("not-a-urn")).unwrap_err();
    assert!(
        matches!(err, Error::Service(_)) && err.code() == Some("FSS.0400"),
        "{who}: {err}"
    );
}
