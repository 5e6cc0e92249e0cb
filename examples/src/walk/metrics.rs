//! metrics.GetStatistics, GetMetrics, ListFunctionsByMetric, GetProjectStatistics,
//! GetReservedInstanceMetrics, ListQuotas, GetProjectWorkflowMetrics,
//! GetWorkflowMetrics: the demo function's invocations read back as statistics, and the
//! account's quotas.

use fgs_proto::metrics::{
    self, GetMetrics, GetProjectStatistics, GetProjectWorkflowMetrics, GetReservedInstanceMetrics,
    GetStatistics, GetWorkflowMetrics, ListFunctionsByMetric, ListQuotas, QuotaType,
};

use super::Urns;
use crate::Target;
use crate::step::{Failure, Walker};

pub(super) fn walk(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    urns: &Urns,
) -> Result<(), Failure> {
    walker.send(
        "metrics.GetStatistics",
        &GetStatistics::new(&urns.base, 15),
        |s| {
            Ok(format!(
                "last 15 minutes: {} invocation(s), {} failed",
                metrics::sum(s.count()),
                metrics::sum(s.fail_count())
            ))
        },
    )?;
    walker.send(
        "metrics.GetMetrics",
        &GetMetrics::new(&urns.base, 60),
        |m| {
            Ok(format!(
                "last hour: {} invocation(s), up to {} instance(s)",
                metrics::sum(m.count()),
                metrics::max(m.instance_num()).unwrap_or(0.0)
            ))
        },
    )?;
    walker.send(
        "metrics.ListFunctionsByMetric",
        &ListFunctionsByMetric::new().limit(5),
        |r| {
            Ok(format!(
                "{} function(s) invoked in the last day",
                r.count().unwrap_or(0)
            ))
        },
    )?;
    walker.send(
        "metrics.GetProjectStatistics",
        &GetProjectStatistics::monitor_data(60),
        |p| {
            Ok(format!(
                "the project's last hour: {} invocation(s)",
                p.statistics().map_or(0.0, |s| metrics::sum(s.count()))
            ))
        },
    )?;
    walker.send(
        "metrics.GetReservedInstanceMetrics",
        &GetReservedInstanceMetrics::new(&urns.base).limit(60),
        |r| {
            Ok(format!(
                "{} minute(s) of instance figures",
                r.instance_num().len()
            ))
        },
    )?;
    walker.send("metrics.ListQuotas", &ListQuotas::new(), |q| {
        let functions = q.get(&QuotaType::FuncNum).ok_or("no fgs_func_num quota")?;
        Ok(format!(
            "functions: {} of {} used",
            functions.used().unwrap_or(0),
            functions.quota().unwrap_or(0)
        ))
    })?;
    walker.send(
        "metrics.GetProjectWorkflowMetrics",
        &GetProjectWorkflowMetrics::new().period(60),
        |w| {
            Ok(format!(
                "{} workflow execution(s) in the last hour",
                metrics::sum(w.count())
            ))
        },
    )?;
    let config = walker.client.config();
    let flow = format!(
        "urn:fss:{}:{}:workflow:default:fgs-quickstart-flow:latest",
        config.region().unwrap_or("cn-north-4"),
        config.project_id()
    );
    // The demo has no workflow of its own: the service may refuse its made-up URN.
    super::apps::send_or_refused(
        walker,
        target,
        "metrics.GetWorkflowMetrics",
        &GetWorkflowMetrics::new(flow).period(60),
        |w| {
            format!(
                "{} execution(s) of fgs-quickstart-flow",
                metrics::sum(w.count())
            )
        },
    )?;
    Ok(())
}
